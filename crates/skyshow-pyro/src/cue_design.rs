//! `CueDesign`: a fireworks cue as the show file writes it, at an effect time.

use crate::Pattern;

/// One fireworks cue as designed: a product fired at an effect time (the moment synced to
/// the music) from some positions in a pattern. [`crate::PyroScript::build`] expands it
/// into one [`crate::Cue`] per fired position.
#[derive(Clone, Debug, PartialEq)]
pub struct CueDesign {
    /// The show-file entry, used in errors and findings (`pyro.cue "spring-open"`).
    pub name: String,
    /// Effect time of the first step, seconds on the show clock.
    pub effect_s: f64,
    /// Part number in the catalogue.
    pub product: String,
    /// Positions by name; empty = the whole front. Taken in front order (left to right),
    /// whatever order they are listed in.
    pub positions: Vec<String>,
    /// How the cue spreads over the positions.
    pub pattern: Pattern,
    /// Time between pattern steps, seconds (0 = together). Default 0.
    pub spacing_s: f64,
    /// Shots per position at each step (several mortars of the product), ≥ 1. Default 1.
    pub count: usize,
    /// Chapter name (a track of the firing script); `None` = the chapter running at the
    /// effect time.
    pub chapter: Option<String>,
}

impl CueDesign {
    /// A cue of one product at every position, all at once.
    pub fn new(name: impl Into<String>, effect_s: f64, product: impl Into<String>) -> Self {
        CueDesign {
            name: name.into(),
            effect_s,
            product: product.into(),
            positions: Vec::new(),
            pattern: Pattern::AllAtOnce,
            spacing_s: 0.0,
            count: 1,
            chapter: None,
        }
    }

    /// The same cue at these positions.
    pub fn at<S: Into<String>>(mut self, positions: impl IntoIterator<Item = S>) -> Self {
        self.positions = positions.into_iter().map(Into::into).collect();
        self
    }

    /// The same cue in this pattern with this spacing, seconds.
    pub fn pattern(mut self, pattern: Pattern, spacing_s: f64) -> Self {
        self.pattern = pattern;
        self.spacing_s = spacing_s;
        self
    }

    /// The same cue in this chapter.
    pub fn chapter(mut self, chapter: impl Into<String>) -> Self {
        self.chapter = Some(chapter.into());
        self
    }
}
