//! Exports as bytes: firing scripts, setup sheets, element cue lists, LTC audio.

pub(crate) mod cobra;
pub(crate) mod elements;
pub(crate) mod finale;
pub(crate) mod firetek;
pub(crate) mod ltc;
pub(crate) mod setup_sheet;
