//! `Cue`: one ignition at one position, addressed to a module and pin.

use crate::Product;

/// One device fired at one position: what the firing script holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    /// The designed cue it comes from (`CueDesign::name`).
    pub source: String,
    /// Index of the position in the front.
    pub position: usize,
    /// The product.
    pub product: Product,
    /// Effect time, ms on the show clock (whole ms).
    pub effect_ms: i64,
    /// Ignition time, ms: effect − prefire, rounded to the system's resolution.
    pub ignition_ms: i64,
    /// Module number.
    pub module: u32,
    /// Pin on the module, from 1.
    pub pin: u32,
    /// Track (chapter) number, from 1 (1 when no chapters are given).
    pub track: u32,
    /// Chapter name (empty when no chapters are given).
    pub chapter: String,
}

impl Cue {
    /// Effect time, seconds.
    pub fn effect_s(&self) -> f64 {
        self.effect_ms as f64 / 1000.0
    }

    /// Ignition time, seconds.
    pub fn ignition_s(&self) -> f64 {
        self.ignition_ms as f64 / 1000.0
    }

    /// The time the effect is over (effect time + duration), seconds.
    pub fn end_s(&self) -> f64 {
        self.effect_s() + self.product.duration_s
    }
}
