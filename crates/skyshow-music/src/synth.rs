//! Test signals with known beats: click tracks and synthesised drum patterns, with a tempo
//! change, swing, humanised timing and added noise. Deterministic for a given seed.

use std::f64::consts::TAU;

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
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [-1, 1).
    fn uniform(&mut self) -> f64 {
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

/// The pad part (see [`Instrument::Pads`]): every beat strikes the bar's chord, three sine
/// notes with a second harmonic, rising over 25 ms and decaying over most of the beat.
fn pads(
    out: &mut [f64],
    sr: f64,
    beats: &[f64],
    m: usize,
    bpm_at: &dyn Fn(f64) -> f64,
    rng: &mut Rng,
) {
    // I, vi, IV, V in C: root, third and fifth, Hz.
    const CHORDS: [[f64; 3]; 4] = [
        [261.63, 329.63, 392.00],
        [220.00, 261.63, 329.63],
        [174.61, 220.00, 261.63],
        [196.00, 246.94, 293.66],
    ];
    for (i, &b) in beats.iter().enumerate() {
        let ibi = 60.0 / bpm_at(b).max(1.0);
        let chord = CHORDS[(i / m) % CHORDS.len()];
        let accent = if i % m == 0 { 1.0 } else { 0.7 };
        let at = b + 0.004 * rng.uniform();
        add(out, sr, at, 1.2 * ibi, |t| {
            let env = (t / 0.025).min(1.0) * (-t / (0.45 * ibi)).exp();
            let tone: f64 = chord
                .iter()
                .map(|f| (TAU * f * t).sin() + 0.3 * (TAU * 2.0 * f * t).sin())
                .sum();
            0.12 * accent * env * tone
        });
        if i % m == 0 {
            let f = chord[0] / 4.0;
            add(out, sr, at, 2.0 * ibi, |t| {
                0.3 * (t / 0.02).min(1.0) * (-t / (0.8 * ibi)).exp() * (TAU * f * t).sin()
            });
        }
    }
}

/// One beat of a synthetic track, for the instruments' players.
struct BeatAt {
    /// When it falls, seconds.
    t: f64,
    /// The beat interval there, seconds.
    ibi: f64,
    /// Its place in the bar, from 0.
    pos: usize,
    /// Its number in the track, from 0.
    index: usize,
    /// Beats per bar.
    per_bar: usize,
    /// Whether strokes get up to 4 ms of random lateness (all but clicks).
    humanise: bool,
}

impl BeatAt {
    /// A stroke's random lateness, seconds (drawn only when humanised).
    fn jitter(&self, rng: &mut Rng) -> f64 {
        if self.humanise {
            0.004 * rng.uniform()
        } else {
            0.0
        }
    }
}

/// A hi-hat at level `v`: differenced noise (bright) from its own generator, seeded from
/// `rng`, decaying with time constant `decay_s` over `len_s` seconds.
fn hat(out: &mut [f64], sr: f64, at: f64, v: f64, len_s: f64, decay_s: f64, rng: &mut Rng) {
    let mut noise = Rng(rng.next_u64());
    let mut last = 0.0;
    add(out, sr, at, len_s, |t| {
        let w = noise.uniform();
        let h = w - last;
        last = w;
        v * h * (-t / decay_s).exp()
    });
}

/// A kick drum's sound: a sine falling from `f_hz + sweep_hz` to `f_hz` with time
/// constant `sweep_s`, decaying with `decay_s`, `len_s` seconds long.
struct Kick {
    f_hz: f64,
    sweep_hz: f64,
    sweep_s: f64,
    decay_s: f64,
    len_s: f64,
}

/// A kick drum at level `v`.
fn kick(out: &mut [f64], sr: f64, at: f64, v: f64, k: &Kick) {
    add(out, sr, at, k.len_s, |t| {
        let phase = TAU * (k.f_hz * t + k.sweep_hz * k.sweep_s * (1.0 - (-t / k.sweep_s).exp()));
        v * phase.sin() * (-t / k.decay_s).exp()
    });
}

/// A metronome click.
fn clicks(out: &mut [f64], sr: f64, beat: &BeatAt) {
    let b = beat.t;
    let pos = beat.pos;
    let (f, a) = if pos == 0 {
        (1500.0, 0.8)
    } else {
        (1000.0, 0.5)
    };
    add(out, sr, b, 0.03, |t| {
        a * (TAU * f * t).sin() * (-t / 0.006).exp()
    });
}

/// A rock (or syncopated) backbeat's share of one beat: hi-hats, kicks, snare.
fn drums(out: &mut [f64], sr: f64, beat: &BeatAt, syncopated: bool, swing: f64, rng: &mut Rng) {
    let b = beat.t;
    let ibi = beat.ibi;
    let pos = beat.pos;
    let m = beat.per_bar;
    let off = b + swing.clamp(0.3, 0.8) * ibi;
    for at in [b + beat.jitter(rng), off + beat.jitter(rng)] {
        let v = 0.25 + 0.05 * rng.uniform();
        hat(out, sr, at, v, 0.06, 0.012, rng);
    }
    const KICK: Kick = Kick {
        f_hz: 50.0,
        sweep_hz: 100.0,
        sweep_s: 0.03,
        decay_s: 0.15,
        len_s: 0.3,
    };
    let kick = |out: &mut [f64], at: f64, v: f64| kick(out, sr, at, v, &KICK);
    if pos == 0 {
        kick(out, b + beat.jitter(rng), 0.9);
    }
    if m >= 4 && pos == 2 {
        let at = if syncopated { off } else { b };
        kick(out, at + beat.jitter(rng), 0.6);
    }
    if pos % 2 == 1 {
        let v = 0.55 + 0.05 * rng.uniform();
        let mut sn = Rng(rng.next_u64());
        add(out, sr, b + beat.jitter(rng), 0.2, |t| {
            v * (0.7 * sn.uniform() * (-t / 0.05).exp()
                + 0.5 * (TAU * 190.0 * t).sin() * (-t / 0.04).exp())
        });
    }
}

/// Four-on-the-floor's share of one beat: kick, open hat and bass, clap on 2 and 4.
fn four_on_floor(out: &mut [f64], sr: f64, beat: &BeatAt, rng: &mut Rng) {
    let b = beat.t;
    let ibi = beat.ibi;
    let pos = beat.pos;
    let i = beat.index;
    let m = beat.per_bar;
    let kick_at = b + beat.jitter(rng);
    let deep = Kick {
        f_hz: 42.0,
        sweep_hz: 110.0,
        sweep_s: 0.02,
        decay_s: 0.2,
        len_s: 0.35,
    };
    kick(out, sr, kick_at, 0.8, &deep);
    let off = b + 0.5 * ibi + beat.jitter(rng);
    hat(out, sr, off, 0.2, 0.15, 0.06, rng);
    let f = [55.0, 55.0, 65.4, 49.0][(i / m) % 4];
    add(out, sr, off, 0.8 * 0.5 * ibi, |t| {
        let saw = 2.0 * (f * t - (f * t).floor()) - 1.0;
        0.18 * saw * (1.0 - (-t / 0.005).exp())
    });
    if pos % 2 == 1 {
        let mut cl = Rng(rng.next_u64());
        let at = b + beat.jitter(rng);
        add(out, sr, at, 0.12, |t| {
            let bursts = [0.0, 0.011, 0.022]
                .iter()
                .filter(|&&d| t >= d)
                .map(|&d| (-(t - d) / 0.008).exp())
                .sum::<f64>();
            0.35 * cl.uniform() * (bursts + 0.5 * (-t / 0.05).exp())
        });
    }
}

/// Funk's share of one beat: sixteenth hats, kicks and snares with ghost notes.
fn funk(out: &mut [f64], sr: f64, beat: &BeatAt, rng: &mut Rng) {
    let b = beat.t;
    let ibi = beat.ibi;
    let pos = beat.pos;
    for k in 0..4 {
        let at = b + k as f64 * 0.25 * ibi + beat.jitter(rng);
        let v = if k % 2 == 0 { 0.2 } else { 0.09 };
        hat(out, sr, at, v, 0.04, 0.008, rng);
    }
    const KICK: Kick = Kick {
        f_hz: 65.0,
        sweep_hz: 160.0,
        sweep_s: 0.015,
        decay_s: 0.08,
        len_s: 0.2,
    };
    let kick = |out: &mut [f64], at: f64, v: f64| kick(out, sr, at, v, &KICK);
    let snare = |out: &mut [f64], at: f64, v: f64, rng: &mut Rng| {
        let mut sn = Rng(rng.next_u64());
        add(out, sr, at, 0.15, |t| {
            v * (0.8 * sn.uniform() * (-t / 0.03).exp()
                + 0.4 * (TAU * 240.0 * t).sin() * (-t / 0.03).exp())
        });
    };
    match pos % 4 {
        0 => {
            kick(out, b + beat.jitter(rng), 0.85);
            kick(out, b + 0.75 * ibi + beat.jitter(rng), 0.5);
        }
        1 | 3 => {
            snare(out, b + beat.jitter(rng), 0.6, rng);
            snare(out, b + 0.75 * ibi + beat.jitter(rng), 0.12, rng);
        }
        _ => {
            kick(out, b + 0.5 * ibi + beat.jitter(rng), 0.7);
            snare(out, b + 0.25 * ibi + beat.jitter(rng), 0.1, rng);
        }
    }
}

/// Shuffle's share of one beat: triplet hats, kick or snare.
fn shuffle(out: &mut [f64], sr: f64, beat: &BeatAt, rng: &mut Rng) {
    let b = beat.t;
    let ibi = beat.ibi;
    let pos = beat.pos;
    for k in 0..3 {
        let at = b + k as f64 / 3.0 * ibi + beat.jitter(rng);
        let v = [0.22, 0.07, 0.15][k];
        hat(out, sr, at, v, 0.05, 0.015, rng);
    }
    const KICK: Kick = Kick {
        f_hz: 58.0,
        sweep_hz: 90.0,
        sweep_s: 0.03,
        decay_s: 0.12,
        len_s: 0.3,
    };
    let kick = |out: &mut [f64], at: f64, v: f64| kick(out, sr, at, v, &KICK);
    if pos.is_multiple_of(2) {
        kick(out, b + beat.jitter(rng), if pos == 0 { 0.85 } else { 0.7 });
    } else {
        let mut sn = Rng(rng.next_u64());
        add(out, sr, b + beat.jitter(rng), 0.25, |t| {
            0.5 * (0.6 * sn.uniform() * (-t / 0.07).exp()
                + 0.6 * (TAU * 160.0 * t).sin() * (-t / 0.05).exp())
        });
        if pos == 1 {
            kick(out, b + 2.0 / 3.0 * ibi + beat.jitter(rng), 0.5);
        }
    }
}

/// Latin's share of one beat: the clave's strokes, the shaker, conga and bass.
fn clave(out: &mut [f64], sr: f64, beat: &BeatAt, rng: &mut Rng) {
    let b = beat.t;
    let ibi = beat.ibi;
    let pos = beat.pos;
    let i = beat.index;
    let m = beat.per_bar;
    // 3-2 son clave over two bars, in eighths: 0, 3, 6 | 10, 12.
    let bar_pair = (i / m) % 2;
    for half in 0..2 {
        let eighth = (pos * 2 + half) + 8 * bar_pair;
        let at = b + 0.5 * half as f64 * ibi + beat.jitter(rng);
        if [0, 3, 6, 10, 12].contains(&eighth) {
            add(out, sr, at, 0.05, |t| {
                0.45 * (TAU * 2500.0 * t).sin() * (-t / 0.01).exp()
            });
        }
        let mut sh = Rng(rng.next_u64());
        let v = if half == 0 { 0.08 } else { 0.12 };
        add(out, sr, at, 0.06, |t| {
            v * sh.uniform() * (t / 0.01).min(1.0) * (-t / 0.02).exp()
        });
    }
    if pos == 3 {
        add(out, sr, b + beat.jitter(rng), 0.3, |t| {
            0.5 * (TAU * 180.0 * t).sin() * (-t / 0.1).exp()
        });
    }
    if pos == 1 || pos == 3 {
        let at = if pos == 1 { b + 0.5 * ibi } else { b };
        let f = if pos == 1 { 73.4 } else { 55.0 };
        add(out, sr, at + beat.jitter(rng), 0.9 * ibi, |t| {
            0.35 * (TAU * f * t).sin() * (1.0 - (-t / 0.01).exp()) * (-t / 0.4).exp()
        });
    }
}

/// Adds `sound(t)` for `t` in `[0, len_s)` starting at `at_s`.
fn add(out: &mut [f64], sr: f64, at_s: f64, len_s: f64, mut sound: impl FnMut(f64) -> f64) {
    let start = (at_s * sr).round().max(0.0) as usize;
    let len = (len_s * sr) as usize;
    for k in 0..len {
        let Some(s) = out.get_mut(start + k) else {
            break;
        };
        *s += sound(k as f64 / sr);
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
