//! `PreviewInput`: everything the preview page shows.

use skyshow_i18n::Lang;
use skyshow_model::{FlightShow, Limits};

use crate::{Burst, Ground, Music};

/// What [`preview_html`](crate::preview_html) puts on the page.
#[derive(Clone, Debug)]
pub struct PreviewInput<'a> {
    /// The show: trajectories, light programs, phases (formations, transitions) and cues
    /// (chapters, formation starts).
    pub show: &'a FlightShow,
    /// The flight envelope, shown in the info panel.
    pub limits: Limits,
    /// The music, if any.
    pub music: Option<Music<'a>>,
    /// Firework bursts, in any order (empty = none).
    pub fireworks: Vec<Burst>,
    /// Audience area and firing front.
    pub ground: Ground,
    /// Page title; empty = the show's title.
    pub title: String,
    /// For `skyshow preview`, which serves the page and rebuilds it when the show changes:
    /// a URL (relative to the page) that the page polls once a second; when the text it
    /// returns changes, the page reloads itself at the same time and camera. `None` (the
    /// default, and what files on disk should use): the page makes no request at all.
    pub live_reload_url: Option<String>,
    /// The language of the page's text (buttons, captions, keyboard help, messages).
    /// Default English; names from the show file and numbers appear as they are.
    pub lang: Lang,
}

impl<'a> PreviewInput<'a> {
    /// A preview of `show` alone: its limits (or the defaults), no music, no fireworks,
    /// the default ground, the show's title.
    pub fn new(show: &'a FlightShow) -> Self {
        PreviewInput {
            show,
            limits: show.limits.unwrap_or_default(),
            music: None,
            fireworks: Vec::new(),
            ground: Ground::DEFAULT,
            title: String::new(),
            live_reload_url: None,
            lang: Lang::En,
        }
    }

    /// The title to show: `title`, or the show's when empty.
    pub(crate) fn display_title(&self) -> &str {
        if self.title.trim().is_empty() {
            &self.show.title
        } else {
            &self.title
        }
    }
}
