//! `Conflict`: a formation asked to start before the transition into it can be flown, with
//! the fixes in the show file's own terms. The planner records one, goes on as if the fix
//! were applied (so later conflicts are measured against the corrected timeline, and
//! applying every fix builds), and reports them all at the end.

use skyshow_i18n::{Message, msg};
use skyshow_model::{FormationDesign, MusicDesign, MusicalLength, MusicalUnit, ShowDesign};

use crate::error::{PlanError, clock};

/// Shortening the previous formation's hold, so the transition fits before the start as
/// written.
#[derive(Clone, Debug, PartialEq)]
pub struct HoldFix {
    /// The previous formation.
    pub formation: String,
    /// The longest hold that fits, seconds (rounded down to 0.1 s).
    pub hold_s: f64,
    /// The longest whole number of bars (or, when not one bar fits, beats) that fits,
    /// counted along the music from the previous formation's start.
    pub musical: Option<MusicalLength>,
}

/// A formation that starts before the transition into it is done.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// Previous formation (or `takeoff`).
    pub from: String,
    /// This formation.
    pub to: String,
    /// Its start as asked, ms.
    pub start_ms: i64,
    /// When the previous formation ends, ms.
    pub prev_end_ms: i64,
    /// Transition time needed, ms.
    pub needed_ms: i64,
    /// The earliest start the transition allows, ms.
    pub earliest_ms: i64,
    /// The start the planner went on with: the first beat at or after `earliest_ms` when
    /// the show has music (else `earliest_ms`), ms.
    pub fixed_ms: i64,
    /// `fixed_ms` as `(bar, beat)`, when it is a beat of a bar.
    pub fixed_bar_beat: Option<(u32, u32)>,
    /// The other fix: a shorter hold for the previous formation, if one fits.
    pub hold_fix: Option<HoldFix>,
}

/// Seconds as the show file writes them: `12.5`.
fn seconds(ms: i64) -> String {
    let s = format!("{:.3}", ms as f64 / 1000.0);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl Conflict {
    /// What is wrong, in the user's language.
    pub fn message(&self) -> Message {
        msg!(
            "plan-conflict",
            to = self.to.as_str(),
            start = clock(self.start_ms),
            from = self.from.as_str(),
            needed = format!("{:.1}", self.needed_ms as f64 / 1000.0),
            prev_end = clock(self.prev_end_ms)
        )
    }

    /// The fixes: a start that works (in `bar.beat` when the show has music), and a shorter
    /// hold for the previous formation when one fits.
    pub fn hint(&self) -> Message {
        let start = match self.fixed_bar_beat {
            Some((bar, beat)) => msg!(
                "plan-conflict-start-bar-hint",
                bar = format!("{bar}.{beat}"),
                clock = clock(self.fixed_ms)
            ),
            None => msg!(
                "plan-conflict-start-hint",
                clock = clock(self.fixed_ms),
                seconds = seconds(self.fixed_ms)
            ),
        };
        let Some(h) = &self.hold_fix else {
            return start;
        };
        let hold = match h.musical {
            Some(len) => msg!(
                "plan-conflict-hold-music-hint",
                formation = h.formation.as_str(),
                length = len.to_string(),
                seconds = format!("{:.1}", h.hold_s)
            ),
            None => msg!(
                "plan-conflict-hold-hint",
                formation = h.formation.as_str(),
                seconds = format!("{:.1}", h.hold_s)
            ),
        };
        msg!("plan-conflict-fixes", start = start, hold = hold)
    }
}

/// What the start of a formation depends on.
pub(crate) struct StartAsk<'a> {
    /// The show (its music).
    pub design: &'a ShowDesign,
    /// The formation.
    pub fd: &'a FormationDesign,
    /// Previous formation's name (or `takeoff`).
    pub from: &'a str,
    /// Previous formation's start, ms (`None` after the takeoff).
    pub prev_start_ms: Option<i64>,
    /// When the previous formation ends, ms.
    pub cursor: i64,
    /// The chapter's requested start, ms, for the first formation of a chapter.
    pub chapter_req: Option<i64>,
    /// Transition time needed, ms.
    pub dur: i64,
}

fn ms(s: f64) -> i64 {
    (s * 1000.0).round() as i64
}

/// The first beat at or after `t` (ms) and its `bar.beat`.
fn beat_at_or_after(music: &MusicDesign, t: i64) -> Option<(i64, Option<(u32, u32)>)> {
    let b = music.next_on_grid(t as f64 / 1000.0, MusicalUnit::Beats)?;
    let i = music.beats_s.partition_point(|x| *x < b);
    Some((ms(b).max(t), music.bar_beat_of(i)))
}

/// The longest hold from `start` (ms) that ends by `latest_end` (ms), in whole bars, else
/// whole beats.
fn musical_hold(music: &MusicDesign, start: i64, latest_end: i64) -> Option<MusicalLength> {
    let fits = |amount: f64, unit| {
        let len = MusicalLength { amount, unit };
        music
            .after(start as f64 / 1000.0, len)
            .is_some_and(|e| ms(e) <= latest_end)
    };
    [MusicalUnit::Bars, MusicalUnit::Beats]
        .into_iter()
        .find_map(|unit| {
            let mut n = 0.0;
            while fits(n + 1.0, unit) {
                n += 1.0;
            }
            (n >= 1.0).then_some(MusicalLength { amount: n, unit })
        })
}

/// When the formation starts, and the conflict if it asked for less time than the
/// transition needs. Errors when `"next bar"`/`"next beat"` finds no bar or beat left.
#[allow(clippy::result_large_err)]
pub(crate) fn decide_start(a: &StartAsk<'_>) -> Result<(i64, Option<Conflict>), PlanError> {
    let earliest = a.cursor.max(a.chapter_req.unwrap_or(i64::MIN)) + a.dur;
    let music = a.design.music.as_ref();
    if let Some(unit) = a.fd.start_next {
        let at = music.and_then(|m| m.next_on_grid(earliest as f64 / 1000.0, unit));
        return match at {
            Some(t) => Ok((ms(t).max(earliest), None)),
            None => Err(PlanError::NoGridLeft {
                formation: a.fd.name.clone(),
                unit: match unit {
                    MusicalUnit::Bars => "bar",
                    MusicalUnit::Beats => "beat",
                },
                earliest: clock(earliest),
                grid_end: clock(music.map_or(0, |m| ms(m.grid_end_s()))),
            }),
        };
    }
    let Some(req) = a.fd.start_s.map(ms) else {
        return Ok((earliest, None));
    };
    if req >= earliest {
        return Ok((req, None));
    }
    let (fixed_ms, fixed_bar_beat) = music
        .and_then(|m| beat_at_or_after(m, earliest))
        .unwrap_or((earliest, None));
    let latest_end = req - a.dur;
    let hold_fix = a.prev_start_ms.and_then(|ps| {
        let room = latest_end - ps;
        let chapter_ok = a.chapter_req.is_none_or(|c| c + a.dur <= req);
        (chapter_ok && room >= 100).then(|| HoldFix {
            formation: a.from.to_string(),
            hold_s: (room / 100) as f64 / 10.0,
            musical: music.and_then(|m| musical_hold(m, ps, latest_end)),
        })
    });
    let conflict = Conflict {
        from: a.from.to_string(),
        to: a.fd.name.clone(),
        start_ms: req,
        prev_end_ms: a.cursor,
        needed_ms: a.dur,
        earliest_ms: earliest,
        fixed_ms,
        fixed_bar_beat,
        hold_fix,
    };
    Ok((fixed_ms, Some(conflict)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_as_written() {
        assert_eq!(seconds(12_500), "12.5");
        assert_eq!(seconds(12_000), "12");
        assert_eq!(seconds(61_234), "61.234");
    }

    #[test]
    fn musical_holds_fit_in_bars_then_beats() {
        // 4/4 at 0.5 s a beat from 0 s: a bar is 2 s.
        let beats_s: Vec<f64> = (0..64).map(|k| 0.5 * f64::from(k)).collect();
        let m = MusicDesign {
            beats_per_bar: 4,
            downbeats_s: beats_s.iter().step_by(4).copied().collect(),
            beats_s,
            ..MusicDesign::default()
        };
        let six = musical_hold(&m, 1_000, 13_200).unwrap();
        assert_eq!((six.amount, six.unit), (6.0, MusicalUnit::Bars));
        let beats = musical_hold(&m, 1_000, 2_700).unwrap();
        assert_eq!((beats.amount, beats.unit), (3.0, MusicalUnit::Beats));
        assert_eq!(musical_hold(&m, 1_000, 1_400), None);
        let (t, bb) = beat_at_or_after(&m, 4_100).unwrap();
        assert_eq!((t, bb), (4_500, Some((3, 2))));
    }
}
