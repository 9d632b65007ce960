//! `LightDecodeOptions`: bounds of the light-program decoder, so no program can make it hang
//! or exhaust memory.

/// How far and how long [`decode_light_program`](crate::decode_light_program) runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LightDecodeOptions {
    /// Show time where decoding stops, seconds: a program that loops forever is unrolled up
    /// to here, and steps starting at or after it are dropped. Default 86 400 (24 h).
    pub until_s: f64,
    /// Most steps produced (after merging equal holds); more is an error. Default 1 000 000.
    pub max_steps: usize,
    /// Most instructions executed; more is an error (a loop that never lets time pass).
    /// Default 4 000 000.
    pub max_instructions: u64,
}

impl LightDecodeOptions {
    /// The defaults.
    pub const DEFAULT: LightDecodeOptions = LightDecodeOptions {
        until_s: 86_400.0,
        max_steps: 1_000_000,
        max_instructions: 4_000_000,
    };
}

impl Default for LightDecodeOptions {
    fn default() -> Self {
        LightDecodeOptions::DEFAULT
    }
}
