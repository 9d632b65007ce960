//! Scores the beat tracker on the synthetic evaluation set (F-measure at ±70 ms) and times
//! the analysis of a 10-minute track.
//!
//! `cargo run --release -p skyshow-music --example beat_bench`
#![allow(clippy::print_stdout)]

use std::time::Instant;

use skyshow_music::{
    Audio, BeatOptions, DecodeLimits, HELD_OUT_3_PREFIX, NEW_PREFIX, TrackSpec, analyze_beats,
    decode_audio, evaluation_set, f_measure, synthesize,
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
                if t.name.starts_with(HELD_OUT_3_PREFIX) {
                    "held-out 3"
                } else if t.name.starts_with(NEW_PREFIX) {
                    "held-out (new)"
                } else if t.held_out {
                    "held-out"
                } else {
                    "dev"
                },
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
    // Through the whole import: 16-bit stereo WAV bytes, decoded by symphonia.
    let mut wav = std::io::Cursor::new(Vec::new());
    {
        let ws = hound::WavSpec {
            channels: 2,
            sample_rate: spec.sample_rate,
            bits_per_sample: 16,
            sample_format: hound::SampleFormat::Int,
        };
        let mut w = hound::WavWriter::new(&mut wav, ws).expect("in memory");
        for &s in &track.samples {
            let v = (s * 32767.0) as i16;
            w.write_sample(v).expect("in memory");
            w.write_sample(v).expect("in memory");
        }
        w.finalize().expect("in memory");
    }
    let bytes = wav.into_inner();
    let start = Instant::now();
    let audio = decode_audio(&bytes, Some("wav"), &DecodeLimits::DEFAULT).expect("decodes");
    let decode_s = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let a = analyze_beats(&audio, &BeatOptions::DEFAULT);
    let secs = start.elapsed().as_secs_f64();
    let f = a
        .as_ref()
        .map_or(0.0, |a| f_measure(&track.beats_s, &a.beats_s, 0.07));
    let changes = a.as_ref().map_or(0, |a| a.tempo_changes.len());
    println!(
        "\n10-minute 44.1 kHz stereo WAV, drums 120→132 BPM with noise: decoded in {decode_s:.2} s, \
         analysed in {secs:.2} s (total {:.2} s), F = {f:.3}, {changes} tempo change(s) found",
        decode_s + secs
    );
}
