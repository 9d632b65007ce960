//! `Bar`: a numbered bar of the music, as `bar.beat` times count them.

use crate::beats::BeatAnalysis;

/// A bar of the music: its number (bar 1 starts at the music's first downbeat, as a DAW
/// counts from the first bar line, also when the music starts before the show) and the time
/// of its first beat.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    /// The bar's number, from 1: `"33.1"` in a show file is the first beat of bar 33.
    pub number: u32,
    /// Its first beat (the downbeat), seconds.
    pub start_s: f64,
}

impl BeatAnalysis {
    /// Every bar listed, numbered as [`BeatAnalysis::time_of`] counts them: bar
    /// `bars_before + k + 1` starts at `downbeats_s[k]`.
    pub fn bars(&self) -> Vec<Bar> {
        self.downbeats_s
            .iter()
            .enumerate()
            .map(|(k, &t)| Bar {
                number: u32::try_from(k + 1)
                    .unwrap_or(u32::MAX)
                    .saturating_add(self.bars_before),
                start_s: t,
            })
            .collect()
    }
}
