//! `MusicalLength`: a length counted in the music's beats or bars (`"8 bars"`,
//! `"4 beats"`), resolved against the beat grid from the time it starts.

use crate::music_design::MusicDesign;

/// What a musical length counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MusicalUnit {
    /// Beats of the tracked (or given) beat grid.
    Beats,
    /// Bars: `beats_per_bar` beats each.
    Bars,
}

/// A length in beats or bars, as written in the show file.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MusicalLength {
    /// How many (positive; fractions allowed: `"1.5 beats"`).
    pub amount: f64,
    /// Beats or bars.
    pub unit: MusicalUnit,
}

impl MusicalLength {
    /// Parses `"8 bars"`, `"1 bar"`, `"4 beats"`, `"0.5 beat"`. `None` if the text is not a
    /// number followed by `bar(s)` or `beat(s)`.
    pub fn parse(text: &str) -> Option<MusicalLength> {
        let t = text.trim();
        let (num, unit) = t.split_once(char::is_whitespace)?;
        let unit = match unit.trim() {
            "bar" | "bars" => MusicalUnit::Bars,
            "beat" | "beats" => MusicalUnit::Beats,
            _ => return None,
        };
        let amount: f64 = num.parse().ok()?;
        Some(MusicalLength { amount, unit })
    }

    /// The length in beats for `beats_per_bar`.
    pub fn beats(&self, beats_per_bar: u32) -> f64 {
        match self.unit {
            MusicalUnit::Beats => self.amount,
            MusicalUnit::Bars => self.amount * f64::from(beats_per_bar),
        }
    }
}

impl std::fmt::Display for MusicalLength {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let one = self.amount == 1.0;
        let unit = match (self.unit, one) {
            (MusicalUnit::Beats, true) => "beat",
            (MusicalUnit::Beats, false) => "beats",
            (MusicalUnit::Bars, true) => "bar",
            (MusicalUnit::Bars, false) => "bars",
        };
        write!(f, "{} {unit}", self.amount)
    }
}

impl MusicDesign {
    /// The beat position of show time `t`: `k + f` between beat `k` and beat `k + 1` (from
    /// 0), extended before the first beat and for one beat after the last one at the
    /// nearest beat interval. `None` with fewer than two beats.
    pub fn beat_position(&self, t: f64) -> Option<f64> {
        let b = &self.beats_s;
        if b.len() < 2 {
            return None;
        }
        let k = b
            .partition_point(|x| *x <= t)
            .saturating_sub(1)
            .min(b.len() - 2);
        Some(k as f64 + (t - b[k]) / (b[k + 1] - b[k]))
    }

    /// The show time at beat position `p` (the inverse of [`MusicDesign::beat_position`]);
    /// `None` past one beat after the last beat (the end of the beat grid).
    pub fn time_at_beat(&self, p: f64) -> Option<f64> {
        let b = &self.beats_s;
        let n = b.len();
        if n < 2 || !p.is_finite() || p > (n - 1) as f64 + 1.0 + 1e-9 {
            return None;
        }
        let k = (p.floor().max(0.0) as usize).min(n - 2);
        Some(b[k] + (p - k as f64) * (b[k + 1] - b[k]))
    }

    /// The time `len` after `start_s`, counted along the beats from where it starts
    /// (so a tempo change on the way is followed); `None` if it starts more than one beat
    /// before the first beat or runs past the end of the beat grid.
    pub fn after(&self, start_s: f64, len: MusicalLength) -> Option<f64> {
        let p = self.beat_position(start_s)?;
        if p < -1.0 - 1e-9 {
            return None;
        }
        self.time_at_beat(p + len.beats(self.beats_per_bar))
    }

    /// The time `len` before `end_s`, counted back along the beats; `None` if that is more
    /// than one beat before the first beat or `end_s` is past the end of the beat grid.
    pub fn before(&self, end_s: f64, len: MusicalLength) -> Option<f64> {
        let q = self.beat_position(end_s)?;
        let p = q - len.beats(self.beats_per_bar);
        if p < -1.0 - 1e-9 || q > (self.beats_s.len() as f64) + 1e-9 {
            return None;
        }
        self.time_at_beat(p)
    }

    /// The end of the beat grid: one beat interval after the last beat.
    pub fn grid_end_s(&self) -> f64 {
        let b = &self.beats_s;
        match b.len() {
            0 => self.offset_s,
            1 => b[0],
            n => b[n - 1] + (b[n - 1] - b[n - 2]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn music(beats_s: Vec<f64>) -> MusicDesign {
        MusicDesign {
            file: "m.wav".into(),
            bytes: Vec::new(),
            media_type: "audio/wav".into(),
            offset_s: 0.0,
            duration_s: 20.0,
            tempo_bpm: 120.0,
            beats_per_bar: 4,
            downbeats_s: beats_s.iter().step_by(4).copied().collect(),
            bars_before: 0,
            beats_s,
            waveform: Vec::new(),
        }
    }

    #[test]
    fn parses_units() {
        let l = MusicalLength::parse("8 bars").unwrap();
        assert_eq!((l.amount, l.unit), (8.0, MusicalUnit::Bars));
        assert_eq!(
            MusicalLength::parse(" 1 bar ").unwrap().unit,
            MusicalUnit::Bars
        );
        assert_eq!(MusicalLength::parse("0.5 beat").unwrap().amount, 0.5);
        assert_eq!(MusicalLength::parse("4 beats").unwrap().beats(4), 4.0);
        assert_eq!(MusicalLength::parse("2 bars").unwrap().beats(3), 6.0);
        for bad in ["8", "bars", "8 bar s", "x bars", "8 measures", "8bars"] {
            assert!(MusicalLength::parse(bad).is_none(), "{bad}");
        }
        assert_eq!(MusicalLength::parse("1 bar").unwrap().to_string(), "1 bar");
    }

    #[test]
    fn counts_along_a_changing_tempo() {
        // 0.5 s beats up to 4 s, then 0.25 s beats.
        let mut b: Vec<f64> = (0..=8).map(|k| 0.5 * f64::from(k)).collect();
        b.extend((1..=8).map(|k| 4.0 + 0.25 * f64::from(k)));
        let m = music(b);
        let beats = |n: f64| MusicalLength {
            amount: n,
            unit: MusicalUnit::Beats,
        };
        assert_eq!(m.after(1.0, beats(4.0)), Some(3.0));
        // Across the change: 2 beats at 0.5 s, then 2 at 0.25 s.
        assert_eq!(m.after(3.0, beats(4.0)), Some(4.5));
        // Mid-beat start: half a beat of 0.5 s, then 1.5 beats of 0.25 s.
        assert_eq!(m.after(3.75, beats(2.0)), Some(4.375));
        let bar = MusicalLength {
            amount: 1.0,
            unit: MusicalUnit::Bars,
        };
        assert_eq!(m.after(0.0, bar), Some(2.0));
        // The grid ends one beat after the last beat (6.0 + 0.25).
        assert_eq!(m.grid_end_s(), 6.25);
        assert_eq!(m.after(5.25, beats(4.0)), Some(6.25));
        assert_eq!(m.after(5.25, beats(4.5)), None);
        assert_eq!(m.before(4.5, beats(4.0)), Some(3.0));
        // Up to one beat before the first beat, at the first interval.
        assert_eq!(m.before(1.0, beats(2.5)), Some(-0.25));
        assert_eq!(m.before(1.0, beats(3.5)), None);
        assert_eq!(m.after(-0.75, beats(1.0)), None);
    }
}
