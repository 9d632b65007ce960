//! `skyshow beats MUSIC`: tempo, beats, bars and onsets of a music file.

use std::io::Write;
use std::time::Instant;

use miette::{Result, miette};
use serde_json::json;
use skyshow_music::{
    BeatOptions, BeatSource, DecodeLimits, MusicError, analyze_beats, decode_audio,
};

use crate::args::BeatsArgs;
use crate::printer::Printer;

/// Seconds rounded to whole milliseconds (the timeline's resolution).
fn ms(t: f64) -> f64 {
    (t * 1000.0).round() / 1000.0
}

fn times(v: &[f64]) -> Vec<f64> {
    v.iter().copied().map(ms).collect()
}

/// Parses `--taps 0.52,1.01,1.50` (seconds).
fn parse_taps(text: &str) -> Result<Vec<f64>> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<f64>().map_err(|_| {
                miette!(
                    help =
                        "give tap times in seconds, separated by commas: `--taps 0.52,1.01,1.50`",
                    "`--taps`: `{s}` is not a number of seconds"
                )
            })
        })
        .collect()
}

/// Runs `beats`. Exit code 0 on success; errors (unreadable audio, no beats) exit 2.
pub(crate) fn run(args: &BeatsArgs, printer: Printer) -> Result<u8> {
    let path = &args.music;
    let bytes = fs_err::read(path).map_err(|e| {
        miette!(
            help = "check the path",
            "cannot read `{}`: {e}",
            path.display()
        )
    })?;
    let source = match (&args.taps, args.bpm) {
        (Some(_), Some(_)) => {
            return Err(miette!(
                help = "give either a fixed tempo or taps",
                "`--taps` and `--bpm` cannot be used together"
            ));
        }
        (Some(taps), None) => BeatSource::Taps(parse_taps(taps)?),
        (None, Some(bpm)) => BeatSource::Fixed {
            bpm,
            first_beat_s: args.first_beat.unwrap_or(0.0),
        },
        (None, None) => {
            if args.first_beat.is_some() {
                return Err(miette!(
                    help = "add `--bpm` with the tempo",
                    "`--first-beat` needs `--bpm`"
                ));
            }
            BeatSource::Tracked
        }
    };
    let opts = BeatOptions {
        source,
        beats_per_bar: args.beats_per_bar,
        start_bpm: args.start_bpm,
        ..BeatOptions::DEFAULT
    };
    let t = Instant::now();
    let ext = path.extension().and_then(|e| e.to_str());
    let audio = decode_audio(&bytes, ext, &DecodeLimits::DEFAULT).map_err(|e| {
        miette!(
            help = "skyshow reads WAV, FLAC, OGG/Vorbis and MP3",
            "`{}`: {e}",
            path.display()
        )
    })?;
    let decode_ms = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let analysis = analyze_beats(&audio, &opts).map_err(|e| match e {
        MusicError::NoBeats => miette!(
            help = "give the tempo with `--bpm` and `--first-beat`, or the beats with `--taps`",
            "`{}`: {e}",
            path.display()
        ),
        e => miette!("`{}`: {e}", path.display()),
    })?;
    let analysis_ms = t.elapsed().as_secs_f64() * 1000.0;
    let a = analysis.offset_by(args.offset);
    if args.json {
        let v = json!({
            "tempo_bpm": (a.tempo_bpm * 100.0).round() / 100.0,
            "beats_s": times(&a.beats_s),
            "downbeats_s": times(&a.downbeats_s),
            "onsets_s": times(&a.onsets_s),
            "tempo_changes": a.tempo_changes.iter().map(|c| json!({
                "time_s": ms(c.time_s),
                "bpm": (c.bpm * 100.0).round() / 100.0,
            })).collect::<Vec<_>>(),
            "beats_per_bar": a.beats_per_bar,
            "offset_s": args.offset,
            "duration_s": ms(a.duration_s),
            "sample_rate_hz": audio.sample_rate,
            "channels": audio.channels,
            "decode_ms": decode_ms,
            "analysis_ms": analysis_ms,
        });
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{v}");
    } else {
        printer.line(&format!(
            "`{}`: {:.1} s at {} Hz, {:.1} BPM, {} beats, {} bars, {} onsets{}, analysed in {analysis_ms:.0} ms",
            path.display(),
            audio.duration_s(),
            audio.sample_rate,
            a.tempo_bpm,
            a.beats_s.len(),
            a.downbeats_s.len(),
            a.onsets_s.len(),
            if a.tempo_changes.is_empty() {
                String::new()
            } else {
                format!(
                    ", tempo changes at {}",
                    a.tempo_changes
                        .iter()
                        .map(|c| format!("{:.2} s ({:.1} BPM)", c.time_s, c.bpm))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        ));
    }
    Ok(0)
}
