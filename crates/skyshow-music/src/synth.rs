//! Test signals with known beats: click tracks and synthesised drum patterns, with a tempo
//! change, swing, humanised timing and added noise. Deterministic for a given seed.

use std::f64::consts::TAU;

use crate::grooves::{
    BeatAt, clave, clicks, compound, drums, four_on_floor, funk, hip_hop, pads, shuffle,
};

/// What plays the beats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Instrument {
    /// A metronome: a short 1 kHz click per beat, 1.5 kHz and louder on the downbeat.
    Clicks,
    /// A rock backbeat: kick on 1 (accented) and 3, snare on 2 and 4, hi-hat on every
    /// eighth.
    Drums,
    /// Syncopated: kick on 1 and the "and" of 3, snare on 2 and 4, hi-hat on every eighth
    /// (beat 3 carries only a hi-hat; harder, and half-time ambiguous at fast tempi).
    DrumsSyncopated,
    /// Electronic four-on-the-floor: a deep kick on every beat, a clap on 2 and 4, an open
    /// hi-hat on every off-beat and a saw bass on the off-beats.
    FourOnFloor,
    /// Funk: sixteenth hi-hats (accented on eighths), kick on 1, the last sixteenth of 1 and
    /// the "and" of 3, snare on 2 and 4 with quiet ghost notes, a tighter kit.
    Funk,
    /// Shuffle (triplet feel): hi-hats on the triplet eighths, kick on 1, 3 and the last
    /// triplet of 2, snare on 2 and 4 (tuned lower).
    Shuffle,
    /// Latin: a 3-2 son clave (woodblock) over two bars, a shaker on eighths, a low conga on
    /// 4 and a bass on the "and" of 2 and on 4; no kick or snare at all.
    Clave,
    /// Pads, no drums: a three-note chord struck on every beat with a soft 25 ms attack that
    /// rings on into the next beat (louder on the downbeat), the chord changing every bar,
    /// and a bass note on each downbeat.
    Pads,
    /// Hip-hop (boom-bap): a deep, long kick on 1 and on the swung "and" of 2 and of 3 (none
    /// on 3 itself), a fat snare on 2 and 4, swung eighth hi-hats (the off-beat at 0.58 of
    /// the beat) and a sub-bass under each downbeat.
    HipHop,
    /// Compound time (6/8 with `beats_per_bar` 2, 9/8 with 3): each beat a dotted quarter of
    /// three equal eighths on a ride, a kick on odd beats and on the third eighth of the
    /// bar's first beat, a rim-shot snare on even beats, a bass on each downbeat.
    Compound,
}

/// A synthetic track to make.
#[derive(Debug, Clone, PartialEq)]
pub struct TrackSpec {
    /// Samples per second.
    pub sample_rate: u32,
    /// Length in seconds.
    pub duration_s: f64,
    /// Tempo at the start.
    pub bpm: f64,
    /// Optional change: from this time on (at the next beat), this tempo.
    pub tempo_change: Option<(f64, f64)>,
    /// Where the off-beat eighth sits within the beat: 0.5 straight, 2/3 triplet swing.
    pub swing: f64,
    /// RMS of white noise added throughout.
    pub noise_rms: f32,
    /// Seed for the noise, the drum sounds and the humanised timing.
    pub seed: u64,
    /// Beats in a bar.
    pub beats_per_bar: u32,
    /// Time of the first beat (a downbeat).
    pub first_beat_s: f64,
    /// Clicks or drums.
    pub instrument: Instrument,
    /// A linear tempo ramp from `bpm` at the start to this tempo at the end (instead of, or
    /// after, `tempo_change`'s step); `None` for none.
    pub ramp_to_bpm: Option<f64>,
    /// The mix's tone colour: as played, muffled or thin.
    pub tone: Tone,
}

/// A filter over the whole mix, for other timbres of the same patterns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tone {
    /// As synthesised.
    Full,
    /// Low-passed (two one-pole stages) at this corner frequency, Hz: a muffled mix.
    Dull(f64),
    /// High-passed (two one-pole stages) at this corner frequency, Hz: a thin mix without
    /// much kick or bass.
    Thin(f64),
}

impl TrackSpec {
    /// A 30 s straight 4/4 click track at `bpm`, 22.05 kHz, first beat at 0.5 s.
    pub fn clicks(bpm: f64) -> TrackSpec {
        TrackSpec {
            sample_rate: 22_050,
            duration_s: 30.0,
            bpm,
            tempo_change: None,
            swing: 0.5,
            noise_rms: 0.0,
            seed: 1,
            beats_per_bar: 4,
            first_beat_s: 0.5,
            instrument: Instrument::Clicks,
            ramp_to_bpm: None,
            tone: Tone::Full,
        }
    }

    /// The same as [`TrackSpec::clicks`] with drums.
    pub fn drums(bpm: f64) -> TrackSpec {
        TrackSpec {
            instrument: Instrument::Drums,
            ..TrackSpec::clicks(bpm)
        }
    }
}

/// A synthesised track and its ground truth.
#[derive(Debug, Clone, PartialEq)]
pub struct TestTrack {
    /// Samples per second.
    pub sample_rate: u32,
    /// Mono samples in [-1, 1].
    pub samples: Vec<f32>,
    /// The true beats, seconds.
    pub beats_s: Vec<f64>,
    /// The true bar starts, seconds.
    pub downbeats_s: Vec<f64>,
}

impl TestTrack {
    /// The track as a 16-bit mono PCM WAV file, for tests that read music from disk.
    pub fn to_wav(&self) -> Vec<u8> {
        let data_len = (self.samples.len() * 2) as u32;
        let rate = self.sample_rate;
        let mut b = Vec::with_capacity(44 + data_len as usize);
        b.extend_from_slice(b"RIFF");
        b.extend_from_slice(&(36 + data_len).to_le_bytes());
        b.extend_from_slice(b"WAVEfmt ");
        b.extend_from_slice(&16u32.to_le_bytes());
        b.extend_from_slice(&1u16.to_le_bytes()); // PCM
        b.extend_from_slice(&1u16.to_le_bytes()); // mono
        b.extend_from_slice(&rate.to_le_bytes());
        b.extend_from_slice(&(rate * 2).to_le_bytes());
        b.extend_from_slice(&2u16.to_le_bytes());
        b.extend_from_slice(&16u16.to_le_bytes());
        b.extend_from_slice(b"data");
        b.extend_from_slice(&data_len.to_le_bytes());
        for s in &self.samples {
            b.extend_from_slice(&((s.clamp(-1.0, 1.0) * 32767.0) as i16).to_le_bytes());
        }
        b
    }
}

/// SplitMix64: small, seedable, good enough for noise.
#[derive(Debug, Clone)]
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [-1, 1).
    pub(crate) fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    }
}

/// Makes the track described by `spec`.
pub fn synthesize(spec: &TrackSpec) -> TestTrack {
    let sr = f64::from(spec.sample_rate.max(1));
    let n = (spec.duration_s.max(0.0) * sr).round() as usize;
    let mut out = vec![0.0f64; n];
    let mut rng = Rng(spec.seed ^ 0x005E_ED0F_5EED);
    let m = spec.beats_per_bar.max(1) as usize;
    let bpm_at = |t: f64| match (spec.tempo_change, spec.ramp_to_bpm) {
        (Some((at, bpm)), _) if t >= at => bpm,
        (_, Some(to)) => {
            spec.bpm + (to - spec.bpm) * (t / spec.duration_s.max(1e-9)).clamp(0.0, 1.0)
        }
        _ => spec.bpm,
    };
    let mut beats = Vec::new();
    let mut t = spec.first_beat_s;
    while t < spec.duration_s - 0.1 {
        beats.push(t);
        t += 60.0 / bpm_at(t).max(1.0);
    }
    let downbeats: Vec<f64> = beats.iter().step_by(m).copied().collect();
    let humanise = spec.instrument != Instrument::Clicks;
    for (i, &b) in beats.iter().enumerate() {
        let ibi = 60.0 / bpm_at(b).max(1.0);
        let pos = i % m;
        let beat = BeatAt {
            t: b,
            ibi,
            pos,
            index: i,
            per_bar: m,
            humanise,
        };
        match spec.instrument {
            Instrument::Clicks => clicks(&mut out, sr, &beat),
            Instrument::Drums | Instrument::DrumsSyncopated => {
                let syncopated = spec.instrument == Instrument::DrumsSyncopated;
                drums(&mut out, sr, &beat, syncopated, spec.swing, &mut rng);
            }
            Instrument::FourOnFloor => four_on_floor(&mut out, sr, &beat, &mut rng),
            Instrument::Funk => funk(&mut out, sr, &beat, &mut rng),
            Instrument::Shuffle => shuffle(&mut out, sr, &beat, &mut rng),
            Instrument::Pads => {}
            Instrument::Clave => clave(&mut out, sr, &beat, &mut rng),
            Instrument::HipHop => hip_hop(&mut out, sr, &beat, &mut rng),
            Instrument::Compound => compound(&mut out, sr, &beat, &mut rng),
        }
    }
    if spec.instrument == Instrument::Pads {
        pads(&mut out, sr, &beats, m, &bpm_at, &mut rng);
    }
    match spec.tone {
        Tone::Full => {}
        Tone::Dull(hz) => {
            for _ in 0..2 {
                low_pass(&mut out, sr, hz);
            }
        }
        Tone::Thin(hz) => {
            for _ in 0..2 {
                let mut lp = out.clone();
                low_pass(&mut lp, sr, hz);
                for (s, l) in out.iter_mut().zip(&lp) {
                    *s -= l;
                }
            }
        }
    }
    if spec.noise_rms > 0.0 {
        // Uniform noise in [-a, a] has RMS a / √3.
        let a = f64::from(spec.noise_rms) * 3f64.sqrt();
        for s in &mut out {
            *s += a * rng.uniform();
        }
    }
    TestTrack {
        sample_rate: spec.sample_rate,
        samples: out.iter().map(|s| s.clamp(-1.0, 1.0) as f32).collect(),
        beats_s: beats,
        downbeats_s: downbeats,
    }
}

/// One-pole low-pass filter at `hz`, in place.
fn low_pass(x: &mut [f64], sr: f64, hz: f64) {
    let a = 1.0 - (-TAU * hz.max(1.0) / sr).exp();
    let mut y = 0.0;
    for s in x {
        y += a * (*s - y);
        *s = y;
    }
}
