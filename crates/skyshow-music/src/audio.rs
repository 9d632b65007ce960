//! Decoded audio, the limits a decode keeps to, and the preview's waveform summary.

/// Caps against hostile or accidental input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DecodeLimits {
    /// Longest audio accepted, in seconds.
    pub max_duration_s: f64,
    /// Most decoded samples (all channels) accepted.
    pub max_samples: u64,
}

impl DecodeLimits {
    /// Two hours, and at most 2 h of 8 channels at 96 kHz.
    pub const DEFAULT: DecodeLimits = DecodeLimits {
        max_duration_s: 7200.0,
        max_samples: 7200 * 96_000 * 8,
    };
}

impl Default for DecodeLimits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// Decoded audio: mono samples (channel mean) at the file's rate.
#[derive(Debug, Clone, PartialEq)]
pub struct Audio {
    /// Samples per second.
    pub sample_rate: u32,
    /// Mono samples, nominally in [-1, 1].
    pub samples: Vec<f32>,
    /// Channels in the file (before the mono mix-down).
    pub channels: usize,
}

impl Audio {
    /// Length in seconds.
    pub fn duration_s(&self) -> f64 {
        if self.sample_rate == 0 {
            return 0.0;
        }
        self.samples.len() as f64 / f64::from(self.sample_rate)
    }
}

/// The preview's waveform: min, max and RMS per bucket.
#[derive(Debug, Clone, PartialEq)]
pub struct WaveformSummary {
    /// Bucket length in seconds (the last bucket may be shorter).
    pub bucket_s: f64,
    /// Music offset: show time of the first bucket's start.
    pub offset_s: f64,
    /// Smallest sample per bucket.
    pub min: Vec<f32>,
    /// Largest sample per bucket.
    pub max: Vec<f32>,
    /// Root mean square per bucket.
    pub rms: Vec<f32>,
}

/// Summarises `audio` in buckets of `bucket_s` seconds (10 ms is a good default) placed at
/// show time `offset_s` (the music offset: when the music starts in the show).
pub fn waveform_summary(audio: &Audio, bucket_s: f64, offset_s: f64) -> WaveformSummary {
    let n = ((bucket_s.max(1e-4) * f64::from(audio.sample_rate)).round() as usize).max(1);
    let mut out = WaveformSummary {
        bucket_s: n as f64 / f64::from(audio.sample_rate.max(1)),
        offset_s,
        min: Vec::new(),
        max: Vec::new(),
        rms: Vec::new(),
    };
    for chunk in audio.samples.chunks(n) {
        let (mut lo, mut hi, mut sq) = (f32::INFINITY, f32::NEG_INFINITY, 0.0f64);
        for &s in chunk {
            lo = lo.min(s);
            hi = hi.max(s);
            sq += f64::from(s) * f64::from(s);
        }
        out.min.push(lo);
        out.max.push(hi);
        out.rms.push((sq / chunk.len() as f64).sqrt() as f32);
    }
    out
}
