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
//! - exports as bytes: [`finale_csv`], [`cobra_csv`], [`firetek_csv`],
//!   [`setup_sheet_csv`], [`setup_sheet_html`], [`element_cue_list_csv`] (SMPTE
//!   timecode) and [`ltc_wav`];
//! - safety checks returning [`PyroFinding`]s ([`check_pyro`]): spectator distance,
//!   drone–firework airspace, cue spacing; [`PyroScript::bursts`] for the preview.
//!
//! ```
//! use skyshow_model::Vec3;
//! use skyshow_pyro::*;
//!
//! let catalogue = Catalogue::builtin();
//! // 27 positions over 520 m, 150 m in front of the stage, audience at −X.
//! let front = FiringFront::line_facing("P", Vec3::new(150.0, 0.0, 0.0), 520.0, 27, 180.0)?;
//! let system = FiringSystem::cobra(7)?;
//! let cues = [CueDesign::new("pyro.cue \"open\"", 12.0, "SH100-R")
//!     .pattern(Pattern::LeftToRight, 0.25)];
//! let script = PyroScript::build(&catalogue, &front, &system, &cues, &ScriptOptions::default())?;
//! assert_eq!(script.cues.len(), 27);
//! assert_eq!(script.cues[0].ignition_ms, 12_000 - 2_800); // 100 mm lifts 2.8 s
//! let cobra = cobra_csv(&script, &CobraOptions::default())?;
//! assert!(cobra.starts_with(b"channel 0,cue 1,deadman,return-channel 0"));
//! assert!(String::from_utf8_lossy(&cobra).contains("\r\n00:00:09.20s,channel 1,cue 1,"));
//! let audience = Audience::Line(vec![Vec3::new(0.0, -300.0, 0.0), Vec3::new(0.0, 300.0, 0.0)]);
//! assert!(check_pyro(&script, Some(&audience), None, &SafetyOptions::default()).is_empty());
//! # Ok::<(), PyroError>(())
//! ```

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

pub use text::ascii_transliteration;
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
pub use export::finale::{FINALE_COLUMNS, FINALE_DATA_ROW, FINALE_HEADER_ROW, finale_csv};
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
