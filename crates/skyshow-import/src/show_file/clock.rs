//! `Clock`: every time a show file accepts — seconds, `m:ss.ms`, `bar.beat` against the
//! music's beats, or a named cue — resolved to seconds on the show clock.

use skyshow_i18n::{Message, msg};
use skyshow_model::{MusicDesign, MusicalLength};
use skyshow_music::{BarBeat, BeatAnalysis, MusicError};

use crate::time::parse_time;

/// Why a time could not be read: the message and a hint for the user.
pub(super) struct TimeError {
    pub(super) why: Message,
    pub(super) hint: Message,
}

fn fail(why: impl Into<Message>, hint: impl Into<Message>) -> TimeError {
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

/// Names of musical units that are not `bars`/`beats` but mean one of them, as a DAW or a
/// musician says it.
const UNIT_SYNONYMS: &[(&str, &str)] = &[
    ("measure", "bars"),
    ("measures", "bars"),
    ("m", "bars"),
    ("takt", "bars"),
    ("takte", "bars"),
    ("小节", "bars"),
    ("quarter", "beats"),
    ("quarters", "beats"),
    ("crotchet", "beats"),
    ("crotchets", "beats"),
    ("count", "beats"),
    ("counts", "beats"),
    ("拍", "beats"),
];

/// The error for `<number> <word>` where the word is no unit (`"8 measures"`, `"4 beets"`):
/// musical lengths count `bars` or `beats`, and the nearest of those is named.
pub(super) fn musical_slip(t: &str) -> Option<TimeError> {
    let (num, unit) = t.split_once(char::is_whitespace)?;
    let unit = unit.trim();
    num.parse::<f64>().ok()?;
    let lower = unit.to_lowercase();
    let meant = UNIT_SYNONYMS
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|(_, u)| *u)
        .or_else(|| skyshow_i18n::nearest(unit, ["bars", "beats", "bar", "beat"]))
        .map(|u| {
            if num.parse::<f64>() == Ok(1.0) {
                u.trim_end_matches('s')
            } else {
                u
            }
        });
    Some(match meant {
        Some(u) => fail(
            msg!("time-unknown-unit", given = t, unit = unit),
            msg!("time-unknown-unit-near-hint", fixed = format!("{num} {u}")),
        ),
        None => fail(
            msg!("time-unknown-unit", given = t, unit = unit),
            msg!("time-unknown-unit-hint"),
        ),
    })
}

impl Clock {
    /// Resolves a quoted time: `"1:05.250"` (clock), `"33.1"` (bar 33, beat 1: needs
    /// `[music]`), `"65"` (seconds) or the name of a cue.
    pub(super) fn resolve(&self, text: &str) -> Result<f64, TimeError> {
        let t = text.trim();
        if t.contains(':') {
            return parse_time(t).map_err(|why| fail(why, msg!("time-clock-hint")));
        }
        if looks_like_bar_beat(t) {
            let Some(beats) = &self.beats else {
                return Err(fail(
                    msg!("time-bar-beat-needs-music", value = t),
                    msg!("time-bar-beat-needs-music-hint"),
                ));
            };
            let at =
                BarBeat::parse(t).map_err(|e| fail(e.to_string(), msg!("time-bar-beat-hint")))?;
            return beats.time_of(at).map_err(|e| match e {
                MusicError::BeforeStart { first_bar, .. } => fail(
                    msg!("time-bar-before-show", value = t, first = first_bar),
                    msg!("time-bar-before-show-hint", first = first_bar),
                ),
                e => fail(e.to_string(), msg!("time-past-music-hint")),
            });
        }
        if !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit()) {
            return parse_time(t).map_err(|why| fail(why, msg!("time-seconds-hint")));
        }
        if let Some((_, s)) = self.cues.iter().find(|(n, _)| n == t) {
            return Ok(*s);
        }
        if let Some(e) = musical_slip(t) {
            return Err(e);
        }
        if let Some(cue) = skyshow_i18n::nearest(t, self.cues.iter().map(|(n, _)| n.as_str())) {
            return Err(fail(
                msg!("time-unknown-cue", given = t),
                msg!("time-unknown-cue-hint", name = cue),
            ));
        }
        let known = if self.cues.is_empty() {
            msg!("time-no-cues")
        } else {
            let list = self
                .cues
                .iter()
                .map(|(n, _)| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ");
            msg!("time-known-cues", cues = list)
        };
        Err(fail(
            msg!("time-not-time-or-cue", value = t),
            msg!("time-not-time-or-cue-hint", known = known),
        ))
    }

    /// The grid a musical length needs, or why there is none.
    fn grid_for(&self, len: MusicalLength) -> Result<&MusicDesign, TimeError> {
        if !(len.amount.is_finite() && len.amount > 0.0 && len.amount <= 100_000.0) {
            return Err(fail(
                msg!("length-not-a-length", value = len.to_string()),
                msg!("length-not-a-length-hint"),
            ));
        }
        self.grid.as_ref().ok_or_else(|| {
            fail(
                msg!("length-needs-music", value = len.to_string()),
                msg!("length-needs-music-hint"),
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
        let m = if dir == "before" {
            "length-misfit-before"
        } else {
            "length-misfit-from"
        };
        fail(
            Message::new(m)
                .arg("value", len.to_string())
                .arg("at", clock_text(at))
                .arg("first", clock_text(first))
                .arg("end", clock_text(g.grid_end_s())),
            msg!("length-misfit-hint"),
        )
    }

    /// Moves `t` to the nearest beat or bar start.
    pub(super) fn snap(&self, t: f64, snap: Snap) -> Result<f64, TimeError> {
        let Some(beats) = &self.beats else {
            return Err(fail(
                msg!("snap-needs-music"),
                msg!("snap-needs-music-hint"),
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
                bars_before: 0,
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
                bars_before: 0,
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
            past.why
                .english()
                .contains("does not fit the music's beats"),
            "{:?}",
            past.why
        );
        assert!(
            past.why
                .english()
                .contains("the beat grid ends at 0:09.000"),
            "{:?}",
            past.why
        );
        let none = Clock::default();
        assert!(
            none.after(1.0, bars)
                .err()
                .unwrap()
                .why
                .english()
                .contains("no `[music]`")
        );
        let zero = MusicalLength::parse("0 beats").unwrap();
        assert!(
            c.check(zero)
                .err()
                .unwrap()
                .why
                .english()
                .contains("is not a length")
        );
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
            past.why.english().contains("past the end of the music"),
            "{:?}",
            past.why
        );
        assert!(c.resolve("2.5").is_err(), "a 4/4 bar has no beat 5");
        assert!(
            c.resolve("chorus")
                .err()
                .unwrap()
                .hint
                .english()
                .contains("`drop`")
        );
        let none = Clock::default();
        assert!(
            none.resolve("33.1")
                .err()
                .unwrap()
                .why
                .english()
                .contains("no `[music]`")
        );
        assert!(none.snap(3.0, Snap::Beat).is_err());
    }
}
