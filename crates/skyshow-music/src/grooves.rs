//! The synthetic tracks' players: each groove's share of one beat (hi-hats, kicks,
//! snares, claves, clicks) and the pad part, added into the mix.

use std::f64::consts::TAU;

use crate::synth::Rng;

/// The pad part (see [`Instrument::Pads`]): every beat strikes the bar's chord, three sine
/// notes with a second harmonic, rising over 25 ms and decaying over most of the beat.
pub(crate) fn pads(
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
pub(crate) struct BeatAt {
    /// When it falls, seconds.
    pub(crate) t: f64,
    /// The beat interval there, seconds.
    pub(crate) ibi: f64,
    /// Its place in the bar, from 0.
    pub(crate) pos: usize,
    /// Its number in the track, from 0.
    pub(crate) index: usize,
    /// Beats per bar.
    pub(crate) per_bar: usize,
    /// Whether strokes get up to 4 ms of random lateness (all but clicks).
    pub(crate) humanise: bool,
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
pub(crate) fn clicks(out: &mut [f64], sr: f64, beat: &BeatAt) {
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
pub(crate) fn drums(
    out: &mut [f64],
    sr: f64,
    beat: &BeatAt,
    syncopated: bool,
    swing: f64,
    rng: &mut Rng,
) {
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
pub(crate) fn four_on_floor(out: &mut [f64], sr: f64, beat: &BeatAt, rng: &mut Rng) {
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
pub(crate) fn funk(out: &mut [f64], sr: f64, beat: &BeatAt, rng: &mut Rng) {
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
pub(crate) fn shuffle(out: &mut [f64], sr: f64, beat: &BeatAt, rng: &mut Rng) {
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
pub(crate) fn clave(out: &mut [f64], sr: f64, beat: &BeatAt, rng: &mut Rng) {
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

/// Hip-hop's share of one beat (boom-bap): swung eighth hats, a deep kick on 1 and on the
/// swung "and" of 2 and of 3, a fat snare on 2 and 4, a sub-bass under the downbeat.
pub(crate) fn hip_hop(out: &mut [f64], sr: f64, beat: &BeatAt, rng: &mut Rng) {
    const SWING: f64 = 0.58;
    let b = beat.t;
    let ibi = beat.ibi;
    let pos = beat.pos;
    let and = b + SWING * ibi;
    for (at, v) in [(b, 0.18), (and, 0.11)] {
        let at = at + beat.jitter(rng);
        hat(out, sr, at, v + 0.03 * rng.uniform(), 0.05, 0.01, rng);
    }
    const BOOM: Kick = Kick {
        f_hz: 45.0,
        sweep_hz: 80.0,
        sweep_s: 0.04,
        decay_s: 0.25,
        len_s: 0.45,
    };
    if pos == 0 {
        kick(out, sr, b + beat.jitter(rng), 0.95, &BOOM);
        let f = [41.2, 36.7][(beat.index / beat.per_bar) % 2];
        add(out, sr, b + beat.jitter(rng), 1.5 * ibi, |t| {
            0.3 * (TAU * f * t).sin() * (t / 0.01).min(1.0) * (-t / (0.7 * ibi)).exp()
        });
    }
    if pos % 2 == 1 {
        let mut sn = Rng(rng.next_u64());
        let v = 0.6 + 0.05 * rng.uniform();
        add(out, sr, b + beat.jitter(rng), 0.3, |t| {
            v * (0.8 * sn.uniform() * (-t / 0.08).exp()
                + 0.5 * (TAU * 180.0 * t).sin() * (-t / 0.06).exp())
        });
    }
    if pos == 1 || pos == 2 {
        let v = if pos == 1 { 0.55 } else { 0.7 };
        kick(out, sr, and + beat.jitter(rng), v, &BOOM);
    }
}

/// Compound time's share of one beat (a dotted quarter): a ride on its three eighths, a
/// kick on odd beats (and on the bar's third eighth), a rim-shot snare on even beats, a
/// bass under the downbeat.
pub(crate) fn compound(out: &mut [f64], sr: f64, beat: &BeatAt, rng: &mut Rng) {
    let b = beat.t;
    let ibi = beat.ibi;
    let pos = beat.pos;
    for (k, v) in [0.2, 0.13, 0.15].into_iter().enumerate() {
        let at = b + k as f64 / 3.0 * ibi + beat.jitter(rng);
        hat(out, sr, at, v, 0.12, 0.04, rng);
    }
    const KICK: Kick = Kick {
        f_hz: 55.0,
        sweep_hz: 120.0,
        sweep_s: 0.02,
        decay_s: 0.12,
        len_s: 0.25,
    };
    if pos.is_multiple_of(2) {
        let v = if pos == 0 { 0.95 } else { 0.8 };
        kick(out, sr, b + beat.jitter(rng), v, &KICK);
    } else {
        let mut sn = Rng(rng.next_u64());
        add(out, sr, b + beat.jitter(rng), 0.12, |t| {
            0.55 * (sn.uniform() * (-t / 0.02).exp()
                + 0.6 * (TAU * 330.0 * t).sin() * (-t / 0.025).exp())
        });
    }
    if pos == 0 {
        kick(out, sr, b + 2.0 / 3.0 * ibi + beat.jitter(rng), 0.45, &KICK);
        let f = [55.0, 49.0][(beat.index / beat.per_bar) % 2];
        add(out, sr, b + beat.jitter(rng), 1.8 * ibi, |t| {
            0.3 * (TAU * f * t).sin() * (t / 0.01).min(1.0) * (-t / (0.8 * ibi)).exp()
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
