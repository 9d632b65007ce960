//! `SkycShow`: what reading a `.skyc` gives — the show, the format problems found, and the
//! soundtrack.

use skyshow_model::{FlightShow, RthPlan};

use crate::{Audio, FormatFinding};

/// A show read from a `.skyc` file or a bare `show.json`.
#[derive(Clone, Debug, PartialEq)]
pub struct SkycShow {
    /// The show. `limits` come from `settings.validation` when present (camelCase or
    /// snake_case keys); `phases` are empty (foreign files do not have them); `cues` come from
    /// `settings.cues`; `title` from `meta.title`.
    pub show: FlightShow,
    /// Rules of the format the file breaks, in file order.
    pub findings: Vec<FormatFinding>,
    /// `media.audio`, if present and readable.
    pub audio: Option<Audio>,
    /// For shows given as position samples (Skybrush CSV): the usual time between samples,
    /// seconds. The flight is straight between samples, so its speeds are the samples'
    /// finite differences; a validator should measure the velocity change at each sample
    /// over this interval (as Skybrush does at its sampling rate). `None` for `.skyc`.
    pub sample_interval_s: Option<f64>,
    /// For sampled shows: the step the file rounded its positions to, metres (`0.001` for a
    /// CSV written to the millimetre), measured as the most decimals any position has.
    /// Rounding adds up to `2√3 · step / interval²` to the samples' second differences, which
    /// a validator may allow (`ValidateOptions::sample_step_m`). `None` for `.skyc`, static
    /// CSV, and files whose numbers have more than nine decimals.
    pub position_step_m: Option<f64>,
    /// Each drone's return-to-home plan (`settings.rthPlan`), where it has a usable one;
    /// empty for shows without plans.
    pub rth_plans: Vec<Option<RthPlan>>,
}
