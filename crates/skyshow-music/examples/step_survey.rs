//! Scores the beat tracker on a random survey of tempo-step tracks (neither a step set nor
//! held out: a fresh sample per seed, for checking that a change to the tracker holds
//! beyond the sets it was measured on): every groove, 3/4 and 4/4, 60 to 180 BPM on either
//! side, steps of 15 to 45 % up and down, random mixes, noise, sample rates, first beats
//! and step times. F-measure at ±70 ms on each side of the step.
//!
//! `cargo run --release -p skyshow-music --example step_survey -- SEED [COUNT [INDEX]]` (60
//! tracks unless COUNT is given; with INDEX, only that track, and its spec printed, to write
//! it into a test)
#![allow(clippy::print_stdout)]

use skyshow_music::{Instrument, StepTrack, Tone, TrackSpec};

/// SplitMix64: a small deterministic generator for the survey's choices.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..hi`.
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An index below `n`.
    fn pick(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The `i`-th track of the survey with seed `seed`: its name, spec and the time between the
/// old tempo's last beat and the new tempo's first.
fn survey_track(seed: u64, i: u64) -> (String, TrackSpec, f64) {
    use Instrument::{Clave, Clicks, Drums, DrumsSyncopated, FourOnFloor, Funk, Pads, Shuffle};
    const GROOVES: [(Instrument, &str); 8] = [
        (Clicks, "clicks"),
        (Drums, "drums"),
        (DrumsSyncopated, "syncopated"),
        (FourOnFloor, "four-on-floor"),
        (Funk, "funk"),
        (Shuffle, "shuffle"),
        (Clave, "clave"),
        (Pads, "pads"),
    ];
    let mut r = Mix(seed.wrapping_mul(1_000_003).wrapping_add(i));
    let (instrument, name) = GROOVES[r.pick(GROOVES.len())];
    let up = r.pick(2) == 0;
    let ratio = if up {
        r.range(1.15, 1.45)
    } else {
        r.range(0.6, 0.85)
    };
    // Both sides within 60 to 180 BPM.
    let (lo, hi) = if up {
        (60.0, 180.0 / ratio)
    } else {
        (60.0 / ratio, 180.0)
    };
    let bpm = (r.range(lo, hi) * 10.0).round() / 10.0;
    let new_bpm = (bpm * ratio * 10.0).round() / 10.0;
    let beats_per_bar = if r.pick(4) == 0 { 3 } else { 4 };
    let tone = match r.pick(5) {
        0 => Tone::Dull(r.range(1500.0, 3000.0).round()),
        1 => Tone::Thin(r.range(120.0, 200.0).round()),
        _ => Tone::Full,
    };
    let noise_rms = if r.pick(3) == 0 {
        r.range(0.02, 0.07) as f32
    } else {
        0.0
    };
    let sample_rate = [22_050, 22_050, 44_100, 48_000, 32_000][r.pick(5)];
    let first_beat_s = (r.range(0.0, 1.0) * 100.0).round() / 100.0;
    let duration_s = r.range(44.0, 56.0).round();
    let ibi = 60.0 / bpm;
    let beat = ((r.range(15.0, duration_s - 15.0) - first_beat_s) / ibi).round();
    let change_s = first_beat_s + beat * ibi - 0.01;
    let spec = TrackSpec {
        duration_s,
        first_beat_s,
        seed: 5000 + 97 * seed + i,
        instrument,
        tone,
        noise_rms,
        sample_rate,
        beats_per_bar,
        tempo_change: Some((change_s, new_bpm)),
        ..TrackSpec::drums(bpm)
    };
    let metre = if beats_per_bar == 3 { " 3/4" } else { "" };
    let split_s = change_s + 0.01 + 0.5 * (60.0 / new_bpm).min(ibi);
    (format!("{name} {bpm}→{new_bpm}{metre}"), spec, split_s)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let count: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(60);
    let only: Option<u64> = args.next().and_then(|s| s.parse().ok());
    println!("| # | track | F before | F after | sections found |");
    println!("|---|---|---|---|---|");
    let mut failing = 0;
    for i in 0..count {
        if only.is_some_and(|o| o != i) {
            continue;
        }
        let (name, spec, split_s) = survey_track(seed, i);
        if only.is_some() {
            println!("{spec:?}");
        }
        let t = StepTrack {
            name,
            spec,
            split_s,
        };
        let (f0, f1, row) = t.table_row();
        if f0.min(f1) < 0.95 {
            failing += 1;
        }
        println!("| {i} {row}");
    }
    println!("\nseed {seed}: tracks below 0.95: {failing} of {count}");
}
