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
//! - safety checks returning `PyroFinding`s: spectator distance, drone–firework
//!   airspace, cue spacing.

mod addressing;
mod catalogue;
mod cue;
mod cue_design;
mod error;
mod firing_front;
mod firing_system;
mod pattern;
mod position;
mod product;
mod script;
mod script_options;

pub use catalogue::{BUILTIN_CATALOGUE_TOML, Catalogue, ProductOverride};
pub use cue::Cue;
pub use cue_design::CueDesign;
pub use error::PyroError;
pub use firing_front::FiringFront;
pub use firing_system::{FiringSystem, FiringSystemKind};
pub use pattern::Pattern;
pub use position::{Position, Rack};
pub use product::{Product, ProductKind, colour_rgb};
pub use script::{PyroScript, PyroSummary};
pub use script_options::{ChapterMark, ScriptOptions};
