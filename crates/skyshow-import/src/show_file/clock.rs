//! `Clock`: every time a show file accepts — seconds, `m:ss.ms`, `bar.beat` against the
//! music's beats, or a named cue — resolved to seconds on the show clock.

use skyshow_model::{MusicDesign, MusicalLength};
use skyshow_music::{BarBeat, BeatAnalysis};

use crate::time::parse_time;

/// Why a time could not be read: the message and a hint for the user.
pub(super) struct TimeError {
    pub(super) why: String,
    pub(super) hint: String,
}

fn fail(why: impl Into<String>, hint: impl Into<String>) -> TimeError {
    TimeError {
        why: why.into(),
        hint: hint.into(),
    }
}

/// What a show's times are measured against: its beats (on the show clock) and its cues.
#[derive(Default)]
pub(super) struct Clock {
    /// The beat analysis moved onto the show clock, if the show has `[music]`.
    pub(super) beats: Option<BeatAnalysis>,
    /// Named cues in file order, seconds.
    pub(super) cues: Vec<(String, f64)>,
    /// The same beats as the model carries them (no audio bytes), for musical lengths.
    pub(super) grid: Option<MusicDesign>,
}

/// `m:ss.mmm` for messages.
fn clock_text(t: f64) -> String {
    let ms = (t.max(0.0) * 1000.0).round() as i64;
    format!("{}:{:02}.{:03}", ms / 60_000, (ms / 1000) % 60, ms % 1000)
}

/// How a time is moved onto the musical grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Snap {
    /// To the nearest beat.
    Beat,
    /// To the nearest bar start.
    Bar,
}

impl Snap {
    pub(super) fn parse(text: &str) -> Option<Snap> {
        match text {
            "beat" => Some(Snap::Beat),
            "bar" => Some(Snap::Bar),
            _ => None,
        }
    }
}

/// `33.1`: two whole numbers joined by one dot.
fn looks_like_bar_beat(t: &str) -> bool {
    t.split_once('.').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.bytes().all(|c| c.is_ascii_digit())
            && b.bytes().all(|c| c.is_ascii_digit())
    })
}

impl Clock {
    /// Resolves a quoted time: `"1:05.250"` (clock), `"33.1"` (bar 33, beat 1: needs
    /// `[music]`), `"65"` (seconds) or the name of a cue.
    pub(super) fn resolve(&self, text: &str) -> Result<f64, TimeError> {
        let t = text.trim();
        if t.contains(':') {
            return parse_time(t).map_err(|why| {
                fail(
                    why,
                    "write `\"m:ss\"` or `\"m:ss.mmm\"` (`\"1:15\"`, `\"1:15.5\"`)",
                )
            });
        }
        if looks_like_bar_beat(t) {
            let Some(beats) = &self.beats else {
                return Err(fail(
                    format!("`{t}` is a bar.beat time but the show has no `[music]`"),
                    "add `[music]` with the soundtrack, or write seconds as a number (`33.1`, unquoted)",
                ));
            };
            let at = BarBeat::parse(t).map_err(|e| {
                fail(
                    e.to_string(),
                    "bars and beats count from 1: `33.1` is the first beat of bar 33",
                )
            })?;
            return beats.time_of(at).map_err(|e| {
                fail(
                    e.to_string(),
                    "pick an earlier bar, or check `[music]` (file, offset_s, bpm)",
                )
            });
        }
        if !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit()) {
            return parse_time(t).map_err(|why| fail(why, "write seconds as a number"));
        }
        if let Some((_, s)) = self.cues.iter().find(|(n, _)| n == t) {
            return Ok(*s);
        }
        let known = if self.cues.is_empty() {
            "the show defines no `[[cue]]`".to_string()
        } else {
            format!(
                "known cues: {}",
                self.cues
                    .iter()
                    .map(|(n, _)| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        Err(fail(
            format!("`{t}` is neither a time nor a cue"),
            format!(
                "write seconds (`75.5`), `\"m:ss.mmm\"`, `\"bar.beat\"` (`\"33.1\"`) or a cue name; {known}"
            ),
        ))
    }

    /// The grid a musical length needs, or why there is none.
    fn grid_for(&self, len: MusicalLength) -> Result<&MusicDesign, TimeError> {
        if !(len.amount.is_finite() && len.amount > 0.0 && len.amount <= 100_000.0) {
            return Err(fail(
                format!("`{len}` is not a length"),
                "write a positive number of beats or bars (`\"4 beats\"`, `\"8 bars\"`)",
            ));
        }
        self.grid.as_ref().ok_or_else(|| {
            fail(
                format!("`{len}` counts beats but the show has no `[music]`"),
                "add `[music]` with the soundtrack, or give the length in seconds",
            )
        })
    }

    /// The time `len` after `start_s`, counted along the music's beats.
    pub(super) fn after(&self, start_s: f64, len: MusicalLength) -> Result<f64, TimeError> {
        let g = self.grid_for(len)?;
        g.after(start_s, len)
            .ok_or_else(|| self.misfit(g, len, "from", start_s))
    }

    /// The time `len` before `end_s`, counted back along the music's beats.
    pub(super) fn before(&self, end_s: f64, len: MusicalLength) -> Result<f64, TimeError> {
        let g = self.grid_for(len)?;
        g.before(end_s, len)
            .ok_or_else(|| self.misfit(g, len, "before", end_s))
    }

    /// Checks that a musical length can be counted (the show has music, the amount is
    /// positive) without resolving it yet.
    pub(super) fn check(&self, len: MusicalLength) -> Result<(), TimeError> {
        self.grid_for(len).map(|_| ())
    }

    fn misfit(&self, g: &MusicDesign, len: MusicalLength, dir: &str, at: f64) -> TimeError {
        let first = g.beats_s.first().copied().unwrap_or(0.0);
        fail(
            format!(
                "`{len}` {dir} {} does not fit the music's beats (first beat {}, the beat grid ends at {})",
                clock_text(at),
                clock_text(first),
                clock_text(g.grid_end_s())
            ),
            "shorten it, move it within the music, or give the length in seconds",
        )
    }

    /// Moves `t` to the nearest beat or bar start.
    pub(super) fn snap(&self, t: f64, snap: Snap) -> Result<f64, TimeError> {
        let Some(beats) = &self.beats else {
            return Err(fail(
                "`snap` needs the show's `[music]`",
                "add `[music]` with the soundtrack, or remove `snap`",
            ));
        };
        Ok(match snap {
            Snap::Beat => beats.snap_to_beat(t),
            Snap::Bar => beats.snap_to_bar(t),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock() -> Clock {
        let beats_s: Vec<f64> = (0..16).map(|k| 1.0 + 0.5 * k as f64).collect();
        let downbeats_s = beats_s.iter().step_by(4).copied().collect();
        Clock {
            beats: Some(BeatAnalysis {
                tempo_bpm: 120.0,
                beats_s,
                downbeats_s,
                onsets_s: Vec::new(),
                tempo_changes: Vec::new(),
                beats_per_bar: 4,
                duration_s: 9.0,
            }),
            cues: vec![("drop".into(), 4.25)],
            grid: Some(MusicDesign {
                file: "m.wav".into(),
                bytes: Vec::new(),
                media_type: "audio/wav".into(),
                offset_s: 0.0,
                duration_s: 9.0,
                tempo_bpm: 120.0,
                beats_per_bar: 4,
                beats_s: (0..16).map(|k| 1.0 + 0.5 * k as f64).collect(),
                downbeats_s: (0..4).map(|k| 1.0 + 2.0 * k as f64).collect(),
                waveform: Vec::new(),
            }),
        }
    }

    #[test]
    fn musical_lengths() {
        let c = clock();
        let bars = MusicalLength::parse("2 bars").unwrap();
        assert_eq!(c.after(1.0, bars).ok(), Some(5.0));
        assert_eq!(c.before(5.0, bars).ok(), Some(1.0));
        let past = c.after(6.0, bars).err().unwrap();
        assert!(
            past.why.contains("does not fit the music's beats"),
            "{}",
            past.why
        );
        assert!(
            past.why.contains("the beat grid ends at 0:09.000"),
            "{}",
            past.why
        );
        let none = Clock::default();
        assert!(
            none.after(1.0, bars)
                .err()
                .unwrap()
                .why
                .contains("no `[music]`")
        );
        let zero = MusicalLength::parse("0 beats").unwrap();
        assert!(c.check(zero).err().unwrap().why.contains("is not a length"));
    }

    #[test]
    fn every_form() {
        let c = clock();
        assert_eq!(c.resolve("1:05.5").ok(), Some(65.5));
        assert_eq!(c.resolve("65").ok(), Some(65.0));
        assert_eq!(c.resolve("1.1").ok(), Some(1.0));
        assert_eq!(c.resolve("2.3").ok(), Some(1.0 + 0.5 * 6.0));
        assert_eq!(c.resolve("drop").ok(), Some(4.25));
        assert_eq!(c.snap(1.3, Snap::Beat).ok(), Some(1.5));
        assert_eq!(c.snap(2.4, Snap::Bar).ok(), Some(3.0));
        let past = c.resolve("5.1").err().unwrap();
        assert!(
            past.why.contains("past the end of the music"),
            "{}",
            past.why
        );
        assert!(c.resolve("2.5").is_err(), "a 4/4 bar has no beat 5");
        assert!(c.resolve("chorus").err().unwrap().hint.contains("`drop`"));
        let none = Clock::default();
        assert!(
            none.resolve("33.1")
                .err()
                .unwrap()
                .why
                .contains("no `[music]`")
        );
        assert!(none.snap(3.0, Snap::Beat).is_err());
    }
}
