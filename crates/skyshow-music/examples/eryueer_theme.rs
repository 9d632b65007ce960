//! Makes the original theme of the festival example, `examples/eryueer/music/theme.wav`:
//! drums and a pentatonic melody over a bass line, 120 BPM, slowing to 96 BPM at 7:40
//! (where chapter 山河锦绣 starts), 17 minutes long. Deterministic: the same file every run.
//!
//! `cargo run --release -p skyshow-music --example eryueer_theme [OUT.wav]`
//!
//! The file is mono 8-bit PCM WAV at 11.025 kHz: every browser plays it, symphonia decodes
//! it, and it stays near 11 MB for 17 minutes with no encoder dependency.
#![allow(clippy::print_stdout)]

use std::f64::consts::TAU;

use skyshow_music::{Instrument, Tone, TrackSpec, synthesize};

/// Sample rate, Hz.
const RATE: u32 = 11_025;
/// Length, seconds.
const LENGTH_S: f64 = 1020.0;
/// Tempo change: (time, new tempo).
const CHANGE: (f64, f64) = (460.0, 96.0);

/// The major pentatonic scale (gong, shang, jue, zhi, yu) on D, two octaves, in Hz.
fn scale(step: i32) -> f64 {
    const SEMIS: [i32; 5] = [0, 2, 4, 7, 9];
    let octave = step.div_euclid(5);
    let semis = SEMIS[step.rem_euclid(5) as usize] + 12 * octave;
    293.66 * 2f64.powf(f64::from(semis) / 12.0)
}

/// An eight-bar phrase, one scale step per eighth note (`None` = rest), in four variations.
fn phrase(variation: usize) -> Vec<Option<i32>> {
    let base: [i32; 32] = [
        0, 2, 4, 2, 3, 4, 5, 4, 3, 2, 1, 2, 0, 1, 2, 4, 5, 7, 6, 5, 4, 5, 3, 2, 1, 2, 3, 1, 0, -1,
        0, 0,
    ];
    base.iter()
        .enumerate()
        .flat_map(|(k, s)| {
            let s = match variation {
                1 => s + 2,
                2 => 7 - s,
                3 => s + if k % 4 == 3 { 1 } else { 0 },
                _ => *s,
            };
            // A note on each beat, the off-beat held (rest) every other beat.
            [Some(s), if k % 2 == 0 { Some(s + 1) } else { None }]
        })
        .collect()
}

/// Adds a plucked note (zither-like: fundamental, octave and fifth, fast decay).
fn pluck(out: &mut [f64], at: f64, freq: f64, amp: f64, len: f64) {
    let sr = f64::from(RATE);
    let start = (at * sr).round() as usize;
    for k in 0..(len * sr) as usize {
        let Some(s) = out.get_mut(start + k) else {
            break;
        };
        let t = k as f64 / sr;
        let env = (1.0 - (-t / 0.004).exp()) * (-t / 0.35).exp();
        *s += amp
            * env
            * ((TAU * freq * t).sin()
                + 0.35 * (TAU * 2.0 * freq * t).sin()
                + 0.15 * (TAU * 3.0 * freq * t).sin());
    }
}

fn main() {
    let out_path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/eryueer/music/theme.wav".into());
    let spec = TrackSpec {
        sample_rate: RATE,
        duration_s: LENGTH_S,
        bpm: 120.0,
        tempo_change: Some(CHANGE),
        swing: 0.5,
        noise_rms: 0.0,
        seed: 22,
        beats_per_bar: 4,
        first_beat_s: 0.5,
        instrument: Instrument::Drums,
        ramp_to_bpm: None,
        tone: Tone::Full,
    };
    let track = synthesize(&spec);
    let mut mix: Vec<f64> = track.samples.iter().map(|s| f64::from(*s) * 0.8).collect();
    // Melody: the phrase on eighth notes; bass: the phrase's first note of each bar.
    let notes_per_phrase = phrase(0).len();
    for (b, &beat) in track.beats_s.iter().enumerate() {
        let next = track.beats_s.get(b + 1).copied().unwrap_or(beat + 0.5);
        let ibi = next - beat;
        let bar = b / 4;
        // Four bars of drums alone at the start, then the melody.
        if bar < 4 {
            continue;
        }
        let variation = (bar / 8) % 4;
        let notes = phrase(variation);
        for half in 0..2 {
            let idx = ((b - 16) * 2 + half) % notes_per_phrase;
            if let Some(step) = notes[idx] {
                pluck(
                    &mut mix,
                    beat + half as f64 * ibi / 2.0,
                    scale(step),
                    0.09,
                    0.9,
                );
            }
        }
        if b % 4 == 0 {
            let root = notes[((b - 16) * 2) % notes_per_phrase].unwrap_or(0);
            pluck(&mut mix, beat, scale(root - 10), 0.12, 4.0 * ibi);
        }
    }
    let peak = mix.iter().fold(0.0f64, |a, s| a.max(s.abs())).max(1e-9);
    let gain = 0.95 / peak;
    let wav = hound::WavSpec {
        channels: 1,
        sample_rate: RATE,
        bits_per_sample: 8,
        sample_format: hound::SampleFormat::Int,
    };
    if let Some(dir) = std::path::Path::new(&out_path).parent() {
        std::fs::create_dir_all(dir).expect("create the output folder");
    }
    let mut w = hound::WavWriter::create(&out_path, wav).expect("create the WAV file");
    for s in &mix {
        w.write_sample((s * gain * 127.0).round().clamp(-127.0, 127.0) as i8)
            .expect("write a sample");
    }
    w.finalize().expect("finish the WAV file");
    println!(
        "{out_path}: {:.0} s, {} beats, tempo 120 → {} BPM at {} s",
        LENGTH_S,
        track.beats_s.len(),
        CHANGE.1,
        CHANGE.0
    );
}
