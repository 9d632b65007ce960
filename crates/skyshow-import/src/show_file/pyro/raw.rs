//! The fireworks tables as the TOML file spells them, with spans.

use serde::Deserialize;
use toml::Spanned;

use super::super::RawTime;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(in crate::show_file) struct RawPyro {
    pub(super) system: Option<Spanned<String>>,
    pub(super) also_export: Option<Spanned<Vec<String>>>,
    pub(super) catalogue: Option<Spanned<String>>,
    pub(super) min_cue_spacing_s: Option<Spanned<f64>>,
    pub(super) airspace_margin_m: Option<Spanned<f64>>,
    pub(super) spectator_m_per_mm: Option<Spanned<f64>>,
    pub(super) timecode_fps: Option<Spanned<i64>>,
    pub(super) ltc: Option<Spanned<bool>>,
    pub(super) script_title: Option<Spanned<String>>,
    pub(super) firetek_sequences: Option<Spanned<bool>>,
    pub(super) front: Option<Spanned<RawFront>>,
    #[serde(default)]
    pub(super) position: Vec<Spanned<RawPosition>>,
    #[serde(default)]
    pub(super) product: Vec<Spanned<RawProduct>>,
    #[serde(default, rename = "override")]
    pub(super) overrides: Vec<Spanned<RawOverride>>,
    #[serde(default)]
    pub(super) cue: Vec<Spanned<RawCue>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFront {
    pub(super) center: Spanned<[f64; 3]>,
    pub(super) width_m: Spanned<f64>,
    pub(super) positions: Spanned<i64>,
    pub(super) prefix: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPosition {
    pub(super) name: Spanned<String>,
    pub(super) at: Spanned<[f64; 3]>,
    pub(super) modules: Option<Spanned<Vec<i64>>>,
    pub(super) racks: Option<Spanned<Vec<RawRack>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRack {
    pub(super) calibre_mm: f64,
    pub(super) tubes: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawProduct {
    pub(super) part: Spanned<String>,
    pub(super) kind: Spanned<String>,
    pub(super) calibre_mm: Spanned<f64>,
    pub(super) prefire_s: Spanned<f64>,
    pub(super) duration_s: Spanned<f64>,
    pub(super) colour: Spanned<String>,
    pub(super) effect: Spanned<String>,
    pub(super) burst_height_m: Option<Spanned<f64>>,
    pub(super) burst_radius_m: Option<Spanned<f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOverride {
    pub(super) part: Spanned<String>,
    pub(super) calibre_mm: Option<Spanned<f64>>,
    pub(super) prefire_s: Option<Spanned<f64>>,
    pub(super) duration_s: Option<Spanned<f64>>,
    pub(super) burst_height_m: Option<Spanned<f64>>,
    pub(super) burst_radius_m: Option<Spanned<f64>>,
    pub(super) colour: Option<Spanned<String>>,
    pub(super) effect: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCue {
    pub(super) name: Spanned<String>,
    pub(super) time: Spanned<RawTime>,
    pub(super) product: Spanned<String>,
    pub(super) positions: Option<Spanned<Vec<String>>>,
    pub(super) pattern: Option<Spanned<String>>,
    pub(super) spacing_s: Option<Spanned<f64>>,
    pub(super) count: Option<Spanned<i64>>,
    pub(super) chapter: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(in crate::show_file) struct RawElement {
    pub(super) kind: Spanned<String>,
    pub(super) time: Spanned<RawTime>,
    pub(super) label: Spanned<String>,
    pub(super) duration_s: Option<Spanned<f64>>,
}
