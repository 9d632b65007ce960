//! Fireworks and the other show elements on the show timeline.
//!
//! Plain data in, data and bytes out; no I/O, nothing printed, deterministic outputs.
//!
//! - [`Catalogue`] of [`Product`]s (TOML, a generic catalogue built in, per-product
//!   overrides);
//! - [`FiringFront`] of [`Position`]s (a line of N positions or explicit points, racks,
//!   modules) and the [`FiringSystem`] that fires it;
//! - [`CueDesign`]s at effect times, expanded by [`Pattern`] into per-position [`Cue`]s
//!   with ignition = effect − prefire at the system's resolution, addressed to module and
//!   pin: a [`PyroScript`];
//! - exports as bytes (firing scripts, setup sheets, element cue lists with SMPTE
//!   timecode, an LTC timecode WAV);
//! - safety checks returning [`PyroFinding`]s: spectator distance, drone–firework
//!   airspace, cue spacing.

mod addressing;
mod audience;
mod burst;
mod catalogue;
mod checks;
mod cue;
mod cue_design;
mod element;
mod error;
mod export;
mod finding;
mod firing_front;
mod firing_system;
mod pattern;
mod position;
mod product;
mod safety_options;
mod script;
mod script_options;
mod text;
mod timecode;

pub use audience::Audience;
pub use burst::Burst;
pub use catalogue::{BUILTIN_CATALOGUE_TOML, Catalogue, ProductOverride};
pub use checks::{check_airspace, check_cue_spacing, check_pyro, check_spectator_distance};
pub use cue::Cue;
pub use cue_design::CueDesign;
pub use element::{ElementKind, ShowElement};
pub use error::PyroError;
pub use export::cobra::{CobraOptions, cobra_csv};
pub use export::elements::{ELEMENT_COLUMNS, element_cue_list_csv};
pub use export::finale::{FINALE_COLUMNS, finale_csv};
pub use export::firetek::{FIRETEK_COLUMNS, FireTekOptions, firetek_csv};
pub use export::ltc::{LTC_SAMPLE_RATE, LtcOptions, ltc_wav};
pub use export::setup_sheet::{SETUP_SHEET_COLUMNS, setup_sheet_csv, setup_sheet_html};
pub use finding::{PyroFinding, PyroFindingKind};
pub use firing_front::FiringFront;
pub use firing_system::{FiringSystem, FiringSystemKind};
pub use pattern::Pattern;
pub use position::{Position, Rack};
pub use product::{Product, ProductKind, colour_rgb};
pub use safety_options::SafetyOptions;
pub use script::{PyroScript, PyroSummary};
pub use script_options::{ChapterMark, ScriptOptions};
pub use timecode::Timecode;
