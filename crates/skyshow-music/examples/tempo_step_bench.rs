//! Scores the beat tracker on the tempo-step sets: the 32 synthetic tracks of
//! `tempo_step_set`, the 16 of `tempo_step_extra_set` and the 14 of `tempo_step_check_set`
//! (with the 18 held-out tracks of `tempo_step_held_out_set`, the 18 of
//! `tempo_step_held_out_5_set`, the 20 of `tempo_step_held_out_6_set` and the 22 of
//! `tempo_step_held_out_7_set`, the 24 of `tempo_step_held_out_8_set` and the 24 of
//! `tempo_step_held_out_9_set` in tables of their own),
//! whose tempo steps once by 15 to 40 % up or down (drum grooves, pads, clicks), F-measure
//! at ±70 ms on each side of the step, and the tempo sections found.
//!
//! `cargo run --release -p skyshow-music --example tempo_step_bench [NAME-PART]` (only the
//! tracks whose name contains `NAME-PART`, and not the long track, when given)
#![allow(clippy::print_stdout)]

use skyshow_music::{
    Audio, BeatOptions, StepTrack, TrackSpec, analyze_beats, f_measure, synthesize,
    tempo_step_check_set, tempo_step_extra_set, tempo_step_held_out_5_set,
    tempo_step_held_out_6_set, tempo_step_held_out_7_set, tempo_step_held_out_8_set,
    tempo_step_held_out_9_set, tempo_step_held_out_set, tempo_step_set,
};

/// Prints one table row per track of `set` and returns the worst F on either side and the
/// number of tracks below 0.95.
fn score(set: &[StepTrack], only: Option<&str>) -> (f64, usize) {
    let mut worst = f64::INFINITY;
    let mut failing = 0;
    for t in set {
        if only.is_some_and(|o| !t.name.contains(o)) {
            continue;
        }
        let (f0, f1, row) = t.table_row();
        worst = worst.min(f0).min(f1);
        if f0.min(f1) < 0.95 {
            failing += 1;
        }
        println!("{row}");
    }
    (worst, failing)
}

fn main() {
    let only = std::env::args().nth(1);
    for (name, set) in [
        ("tempo_step_set", tempo_step_set()),
        ("tempo_step_extra_set", tempo_step_extra_set()),
        ("tempo_step_check_set", tempo_step_check_set()),
        (
            "tempo_step_held_out_set (held out: not tuned on)",
            tempo_step_held_out_set(),
        ),
        (
            "tempo_step_held_out_5_set (held out: written before session 10's step work)",
            tempo_step_held_out_5_set(),
        ),
        (
            "tempo_step_held_out_6_set (held out: written before session 11's step work)",
            tempo_step_held_out_6_set(),
        ),
        (
            "tempo_step_held_out_7_set (held out: written before session 12's step work)",
            tempo_step_held_out_7_set(),
        ),
        (
            "tempo_step_held_out_8_set (held out: written before session 13's step work)",
            tempo_step_held_out_8_set(),
        ),
        (
            "tempo_step_held_out_9_set (held out: written before session 14's step work)",
            tempo_step_held_out_9_set(),
        ),
    ] {
        println!("\n{name}:\n");
        println!("| track | F before | F after | sections found |");
        println!("|---|---|---|---|");
        let (worst, failing) = score(&set, only.as_deref());
        println!("\nworst F on either side: {worst:.3}; tracks below 0.95: {failing}");
    }
    if only.is_some() {
        return;
    }
    // The track: drums at 100 BPM from a kick at 0:00, 120 BPM from 2:30, 5 minutes.
    let spec = TrackSpec {
        duration_s: 300.0,
        first_beat_s: 0.0,
        tempo_change: Some((149.99, 120.0)),
        ..TrackSpec::drums(100.0)
    };
    let track = synthesize(&spec);
    let audio = Audio {
        sample_rate: track.sample_rate,
        samples: track.samples,
        channels: 1,
    };
    match analyze_beats(&audio, &BeatOptions::DEFAULT) {
        Ok(a) => println!(
            "100→120 BPM at 2:30: {:.2} BPM, sections {:?}, first beat {:.3} s, first downbeat {:.3} s, F {:.3}",
            a.tempo_bpm,
            a.sections()
                .iter()
                .map(|c| format!("{:.2} BPM from {:.3} s", c.bpm, c.start_s))
                .collect::<Vec<_>>(),
            a.beats_s[0],
            a.downbeats_s[0],
            f_measure(&track.beats_s, &a.beats_s, 0.07)
        ),
        Err(e) => println!("100→120 BPM at 2:30: error: {e}"),
    }
}
