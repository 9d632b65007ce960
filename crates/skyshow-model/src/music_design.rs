//! `MusicDesign`: the show's soundtrack and its beat grid, on the show clock.

/// The soundtrack: the encoded file as it is on disk and its beats, already moved onto the
/// show clock by `offset_s`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MusicDesign {
    /// The file as written in the show file (relative to it).
    pub file: String,
    /// The encoded audio (WAV, FLAC, OGG/Vorbis or MP3), carried to `.skyc` and the preview.
    pub bytes: Vec<u8>,
    /// Its media type (`audio/wav`, `audio/flac`, `audio/ogg`, `audio/mpeg`).
    pub media_type: String,
    /// Show time at which the music starts, seconds.
    pub offset_s: f64,
    /// Length of the music, seconds.
    pub duration_s: f64,
    /// Main tempo, beats per minute.
    pub tempo_bpm: f64,
    /// Beats per bar.
    pub beats_per_bar: u32,
    /// Beat times on the show clock, seconds, increasing.
    pub beats_s: Vec<f64>,
    /// Bar starts (downbeats) on the show clock, seconds, a subset of `beats_s`.
    pub downbeats_s: Vec<f64>,
    /// Bars of the music that start before `downbeats_s[0]` (before the show, for music
    /// with a negative `offset_s`): bars keep the music's numbers, as a DAW counts them, so
    /// the first bar listed is bar `bars_before + 1`.
    pub bars_before: u32,
    /// Peak level per 0.1 s bucket of the music (0–1), for waveform drawings.
    pub waveform: Vec<f32>,
}

impl MusicDesign {
    /// Index of the last beat at or before `t` and its time, if any.
    pub fn beat_before(&self, t: f64) -> Option<(usize, f64)> {
        let i = self.beats_s.partition_point(|b| *b <= t);
        i.checked_sub(1).map(|k| (k, self.beats_s[k]))
    }

    /// The first beat (`MusicalUnit::Beats`) or bar start (`Bars`) at or after `t`, with a
    /// millisecond of tolerance; `None` past the last one.
    pub fn next_on_grid(&self, t: f64, unit: crate::MusicalUnit) -> Option<f64> {
        let grid = match unit {
            crate::MusicalUnit::Beats => &self.beats_s,
            crate::MusicalUnit::Bars => &self.downbeats_s,
        };
        let i = grid.partition_point(|b| *b < t - 5e-4);
        grid.get(i).copied()
    }

    /// The `bar.beat` (both from 1; bar 1 starts at the music's first downbeat, as
    /// `start = "33.1"` counts, see `bars_before`) of the beat at index `i`; `None` for beats
    /// before the music's first downbeat.
    pub fn bar_beat_of(&self, i: usize) -> Option<(u32, u32)> {
        let m = self.beats_per_bar.max(1) as usize;
        let first = self.downbeats_s.first()?;
        let f = self.beats_s.iter().position(|b| (b - first).abs() < 1e-9)?;
        let k = (i + self.bars_before as usize * m).checked_sub(f)?;
        Some(((k / m + 1) as u32, (k % m + 1) as u32))
    }

    /// Index of the last bar start at or before `t` and its time, if any.
    pub fn bar_before(&self, t: f64) -> Option<(usize, f64)> {
        let i = self.downbeats_s.partition_point(|b| *b <= t);
        i.checked_sub(1).map(|k| (k, self.downbeats_s[k]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MusicalUnit;

    #[test]
    fn grid_positions_and_bar_numbers() {
        // A pickup beat at 0.5 s, then 4/4 bars from 1.0 s at 0.5 s a beat.
        let beats_s: Vec<f64> = (1..=12).map(|k| 0.5 * f64::from(k)).collect();
        let m = MusicDesign {
            beats_per_bar: 4,
            downbeats_s: vec![1.0, 3.0, 5.0],
            beats_s,
            ..MusicDesign::default()
        };
        assert_eq!(m.next_on_grid(1.2, MusicalUnit::Beats), Some(1.5));
        assert_eq!(m.next_on_grid(1.5, MusicalUnit::Beats), Some(1.5));
        assert_eq!(m.next_on_grid(1.2, MusicalUnit::Bars), Some(3.0));
        assert_eq!(m.next_on_grid(5.1, MusicalUnit::Bars), None);
        assert_eq!(m.bar_beat_of(0), None, "the pickup is before bar 1");
        assert_eq!(m.bar_beat_of(1), Some((1, 1)));
        assert_eq!(m.bar_beat_of(6), Some((2, 2)));
        assert_eq!(
            m.bar_beat_of(11),
            Some((3, 3)),
            "6.0 s: beat 3 of the bar at 5.0 s"
        );
        // The same beats of music that started 5 bars before the show: the music's numbers.
        let early = MusicDesign {
            bars_before: 5,
            ..m
        };
        assert_eq!(early.bar_beat_of(0), Some((5, 4)), "the end of bar 5");
        assert_eq!(early.bar_beat_of(1), Some((6, 1)));
        assert_eq!(early.bar_beat_of(6), Some((7, 2)));
    }
}
