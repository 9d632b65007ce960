//! `ScriptOptions`: the show-level settings the script is built with; `ChapterMark`.

/// A chapter of the show on the firing timeline: it becomes a track (segment).
#[derive(Clone, Debug, PartialEq)]
pub struct ChapterMark {
    /// Name (`春潮涌动`).
    pub name: String,
    /// Start, seconds on the show clock.
    pub start_s: f64,
}

/// Settings for [`crate::PyroScript::build`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScriptOptions {
    /// The earliest allowed ignition, seconds on the show clock (the music start).
    /// Default 0.
    pub start_s: f64,
    /// The chapters, in time order; each becomes a track numbered from 1. Empty: one
    /// track. Default empty.
    pub chapters: Vec<ChapterMark>,
}
