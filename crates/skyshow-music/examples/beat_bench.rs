//! Scores the beat tracker on the synthetic evaluation set (F-measure at ±70 ms) and times
//! the analysis of a 10-minute track.
//!
//! `cargo run --release -p skyshow-music --example beat_bench`
#![allow(clippy::print_stdout)]

use std::time::Instant;

use skyshow_music::{
    Audio, BeatOptions, TrackSpec, analyze_beats, evaluation_set, f_measure, synthesize,
};

fn main() {
    println!("| track | set | true BPM | found BPM | beats | F (±70 ms) | downbeats F |");
    println!("|---|---|---|---|---|---|---|");
    for t in evaluation_set() {
        let track = synthesize(&t.spec);
        let audio = Audio {
            sample_rate: track.sample_rate,
            samples: track.samples,
            channels: 1,
        };
        let opts = BeatOptions {
            beats_per_bar: t.spec.beats_per_bar,
            ..BeatOptions::DEFAULT
        };
        match analyze_beats(&audio, &opts) {
            Ok(a) => println!(
                "| {} | {} | {:.0} | {:.1} | {} | {:.3} | {:.3} |",
                t.name,
                if t.held_out { "held-out" } else { "dev" },
                t.spec.bpm,
                a.tempo_bpm,
                a.beats_s.len(),
                f_measure(&track.beats_s, &a.beats_s, 0.07),
                f_measure(&track.downbeats_s, &a.downbeats_s, 0.07),
            ),
            Err(e) => println!("| {} | error: {e} |", t.name),
        }
    }
    let spec = TrackSpec {
        duration_s: 600.0,
        sample_rate: 44_100,
        noise_rms: 0.05,
        tempo_change: Some((300.0, 132.0)),
        ..TrackSpec::drums(120.0)
    };
    let track = synthesize(&spec);
    let audio = Audio {
        sample_rate: track.sample_rate,
        samples: track.samples,
        channels: 1,
    };
    let start = Instant::now();
    let a = analyze_beats(&audio, &BeatOptions::DEFAULT);
    let secs = start.elapsed().as_secs_f64();
    let f = a
        .as_ref()
        .map_or(0.0, |a| f_measure(&track.beats_s, &a.beats_s, 0.07));
    println!("\n10-minute 44.1 kHz drum track (120→132 BPM): analysed in {secs:.2} s, F = {f:.3}");
}
