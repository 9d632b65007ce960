//! Analyses one music file as `skyshow beats` does and prints the beat count, the tempo
//! sections and the analysis time, for comparing the tracker's cost and output between
//! builds (run old and new binaries alternately: load changes absolute times).
//!
//! `cargo run --release -p skyshow-music --example beats_of_file -- FILE`
#![allow(clippy::print_stdout)]

use std::time::Instant;

use skyshow_music::{BeatOptions, DecodeLimits, analyze_beats, decode_audio};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        println!("usage: beats_of_file FILE");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            println!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let ext = std::path::Path::new(&path)
        .extension()
        .and_then(|e| e.to_str());
    let audio = match decode_audio(&bytes, ext, &DecodeLimits::DEFAULT) {
        Ok(a) => a,
        Err(e) => {
            println!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let start = Instant::now();
    match analyze_beats(&audio, &BeatOptions::DEFAULT) {
        Ok(a) => {
            let secs = start.elapsed().as_secs_f64();
            let sections = a
                .sections()
                .iter()
                .map(|s| format!("{:.2} BPM from {:.3} s", s.bpm, s.start_s))
                .collect::<Vec<_>>()
                .join(", ");
            // A digest of the beat times, so that two builds' beats compare at a glance.
            let digest = a.beats_s.iter().fold(0u64, |h, t| {
                (h ^ (t * 1e6).round() as u64).wrapping_mul(0x100_0000_01b3)
            });
            println!(
                "{} beats, {} downbeats, sections: {sections}; digest {digest:016x}; analysed in {secs:.3} s",
                a.beats_s.len(),
                a.downbeats_s.len()
            );
        }
        Err(e) => println!("{path}: {e}"),
    }
}
