//! `ShowElement`: a cue for another part of the show (narration, ground lights, fountain).

use std::fmt;

/// What kind of show element a cue is for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ElementKind {
    /// Live narration (a line for the narrator).
    Narration,
    /// The ground light show.
    GroundLights,
    /// The musical fountain.
    Fountain,
    /// Anything else, by name.
    Other(String),
}

impl ElementKind {
    /// Parses `narration`, `ground_lights` (or `lights`), `fountain`; anything else is
    /// `Other`.
    pub fn parse(s: &str) -> Self {
        match s
            .trim()
            .to_ascii_lowercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "narration" => ElementKind::Narration,
            "ground_lights" | "lights" | "ground_light" => ElementKind::GroundLights,
            "fountain" => ElementKind::Fountain,
            _ => ElementKind::Other(s.trim().to_string()),
        }
    }
}

impl fmt::Display for ElementKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ElementKind::Narration => f.write_str("narration"),
            ElementKind::GroundLights => f.write_str("ground_lights"),
            ElementKind::Fountain => f.write_str("fountain"),
            ElementKind::Other(s) => f.write_str(s),
        }
    }
}

/// One cue of another show element on the show timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct ShowElement {
    /// What it is for.
    pub kind: ElementKind,
    /// When, seconds on the show clock.
    pub time_s: f64,
    /// What happens (`旁白：春潮涌动`, `fountain program 3`).
    pub label: String,
    /// How long, seconds, if it matters.
    pub duration_s: Option<f64>,
}

impl ShowElement {
    /// An element cue without a duration.
    pub fn new(kind: ElementKind, time_s: f64, label: impl Into<String>) -> Self {
        ShowElement {
            kind,
            time_s,
            label: label.into(),
            duration_s: None,
        }
    }
}
