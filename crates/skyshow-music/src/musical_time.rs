//! Musical time: `bar.beat` to seconds, and snapping to the nearest beat or bar.

use crate::beats::BeatAnalysis;
use skyshow_i18n::{Message, msg};

use crate::error::MusicError;

/// A position in bars and beats, both counted from 1 (`33.1` is the first beat of bar 33;
/// bar 1 starts at the first downbeat).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BarBeat {
    /// Bar, from 1.
    pub bar: u32,
    /// Beat in the bar, from 1.
    pub beat: u32,
}

impl BarBeat {
    /// Parses `33.1` (bar 33, beat 1) or `33` (beat 1 of bar 33).
    pub fn parse(text: &str) -> Result<BarBeat, MusicError> {
        let bad = |why| MusicError::BadBarBeat {
            text: text.to_string(),
            why,
        };
        let t = text.trim();
        let (bar, beat) = match t.split_once('.') {
            Some((a, b)) => (a, b),
            None => (t, "1"),
        };
        let num = |s: &str, what: &'static str| -> Result<u32, MusicError> {
            if s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit()) {
                return Err(bad(msg!("music-err-not-whole", what = Message::new(what))));
            }
            s.parse::<u32>()
                .map_err(|_| bad(msg!("music-err-too-large", what = Message::new(what))))
        };
        let bar = num(bar, "music-bar-word")?;
        let beat = num(beat, "music-beat-word")?;
        if bar == 0 || beat == 0 {
            return Err(bad(msg!("music-err-count-from-1")));
        }
        Ok(BarBeat { bar, beat })
    }
}

impl BeatAnalysis {
    /// The time in seconds of `at` (bars numbered from the music's first downbeat, see
    /// [`BeatAnalysis::bars_before`]). Errors for a beat beyond the bar's length, for a
    /// position before the first beat listed (before the show, for music that starts
    /// before it) and for one past the last beat of the music.
    pub fn time_of(&self, at: BarBeat) -> Result<f64, MusicError> {
        let m = self.beats_per_bar.max(1);
        if at.beat > m {
            return Err(MusicError::BadBarBeat {
                text: format!("{}.{}", at.bar, at.beat),
                why: msg!("music-err-bar-has", beats = m),
            });
        }
        let first = self
            .downbeats_s
            .first()
            .and_then(|d| self.beats_s.iter().position(|b| b == d))
            .unwrap_or(0);
        let idx = first as i64
            + (i64::from(at.bar) - 1 - i64::from(self.bars_before)) * i64::from(m)
            + i64::from(at.beat - 1);
        let past = || MusicError::PastEnd {
            bar: at.bar,
            beat: at.beat,
            bars: (self.beats_s.len().saturating_sub(first)).div_ceil(m as usize)
                + self.bars_before as usize,
            last_beat_s: self.beats_s.last().copied().unwrap_or(0.0),
        };
        if idx < 0 {
            return Err(MusicError::BeforeStart {
                bar: at.bar,
                beat: at.beat,
                first_bar: self.bars_before + 1,
            });
        }
        let idx = usize::try_from(idx).map_err(|_| past())?;
        self.beats_s.get(idx).copied().ok_or_else(past)
    }

    /// The beat nearest to `t` (or `t` itself when there are no beats).
    pub fn snap_to_beat(&self, t: f64) -> f64 {
        nearest(&self.beats_s, t)
    }

    /// The bar start nearest to `t` (or `t` itself when there are no bars).
    pub fn snap_to_bar(&self, t: f64) -> f64 {
        nearest(&self.downbeats_s, t)
    }
}

fn nearest(sorted: &[f64], t: f64) -> f64 {
    let i = sorted.partition_point(|x| *x < t);
    let after = sorted.get(i).copied();
    let before = i.checked_sub(1).map(|j| sorted[j]);
    match (before, after) {
        (Some(b), Some(a)) => {
            if t - b <= a - t {
                b
            } else {
                a
            }
        }
        (Some(b), None) => b,
        (None, Some(a)) => a,
        (None, None) => t,
    }
}
