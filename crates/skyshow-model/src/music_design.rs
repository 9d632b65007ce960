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
    /// Peak level per 0.1 s bucket of the music (0–1), for waveform drawings.
    pub waveform: Vec<f32>,
}

impl MusicDesign {
    /// Index of the last beat at or before `t` and its time, if any.
    pub fn beat_before(&self, t: f64) -> Option<(usize, f64)> {
        let i = self.beats_s.partition_point(|b| *b <= t);
        i.checked_sub(1).map(|k| (k, self.beats_s[k]))
    }

    /// Index of the last bar start at or before `t` and its time, if any.
    pub fn bar_before(&self, t: f64) -> Option<(usize, f64)> {
        let i = self.downbeats_s.partition_point(|b| *b <= t);
        i.checked_sub(1).map(|k| (k, self.downbeats_s[k]))
    }
}
