//! `skyshow beats MUSIC`: tempo, tempo sections, beats, numbered bars and onsets of a music
//! file.

use std::io::Write;
use std::time::Instant;

use miette::Result;
use serde_json::json;
use skyshow_i18n::msg;
use skyshow_music::{
    Bar, BeatOptions, BeatSource, DecodeLimits, MusicError, TempoSection, analyze_beats,
    decode_audio,
};

use crate::args::BeatsArgs;
use crate::cli_error::fail;
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
                fail(
                    msg!("beats-bad-tap", value = s),
                    Some(msg!("beats-bad-tap-hint")),
                )
            })
        })
        .collect()
}

/// The beat source the flags ask for.
fn source_of(args: &BeatsArgs) -> Result<BeatSource> {
    Ok(match (&args.taps, args.bpm) {
        (Some(_), Some(_)) => {
            return Err(fail(
                msg!("beats-taps-and-bpm"),
                Some(msg!("beats-taps-and-bpm-hint")),
            ));
        }
        (Some(taps), None) => BeatSource::Taps(parse_taps(taps)?),
        (None, Some(bpm)) => BeatSource::Fixed {
            bpm,
            first_beat_s: args.first_beat.unwrap_or(0.0),
        },
        (None, None) => {
            if args.first_beat.is_some() {
                return Err(fail(
                    msg!("beats-first-beat-needs-bpm"),
                    Some(msg!("beats-first-beat-needs-bpm-hint")),
                ));
            }
            BeatSource::Tracked
        }
    })
}

/// Runs `beats`. Exit code 0 on success; errors (unreadable audio, no beats) exit 2.
pub(crate) fn run(args: &BeatsArgs, printer: Printer) -> Result<u8> {
    let path = &args.music;
    let file = path.display().to_string();
    let bytes = fs_err::read(path).map_err(|e| {
        fail(
            msg!(
                "beats-cannot-read",
                file = file.as_str(),
                why = skyshow_i18n::io_reason(&e)
            ),
            Some(msg!("beats-cannot-read-hint")),
        )
    })?;
    let opts = BeatOptions {
        source: source_of(args)?,
        beats_per_bar: args.beats_per_bar,
        start_bpm: args.start_bpm,
        ..BeatOptions::DEFAULT
    };
    let t = Instant::now();
    let ext = path.extension().and_then(|e| e.to_str());
    let audio = decode_audio(&bytes, ext, &DecodeLimits::DEFAULT).map_err(|e| {
        fail(
            msg!("beats-undecodable", file = file.as_str(), why = e.message()),
            Some(msg!("beats-undecodable-hint")),
        )
    })?;
    let decode_ms = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let analysis = analyze_beats(&audio, &opts).map_err(|e| {
        let hint = matches!(e, MusicError::NoBeats).then(|| msg!("beats-no-beats-hint"));
        fail(
            msg!("beats-analysis", file = file.as_str(), why = e.message()),
            hint,
        )
    })?;
    let analysis_ms = t.elapsed().as_secs_f64() * 1000.0;
    let a = analysis.offset_by(args.offset);
    let sections = a.sections();
    let bars = a.bars();
    if args.json {
        let v = json!({
            "tempo_bpm": bpm(a.tempo_bpm),
            "beats_s": times(&a.beats_s),
            "downbeats_s": times(&a.downbeats_s),
            "onsets_s": times(&a.onsets_s),
            "tempo_changes": a.tempo_changes.iter().map(|c| json!({
                "time_s": ms(c.time_s),
                "bpm": bpm(c.bpm),
            })).collect::<Vec<_>>(),
            "sections": sections.iter().map(|s| json!({
                "start_s": ms(s.start_s),
                "bpm": bpm(s.bpm),
                "first_beat": s.first_beat,
                "beats": s.beats,
            })).collect::<Vec<_>>(),
            "bars": bars.iter().map(|b| json!({
                "bar": b.number,
                "start_s": ms(b.start_s),
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
        printer.line(
            &msg!(
                "beats-summary",
                file = file.as_str(),
                duration = format!("{:.1}", audio.duration_s()),
                rate = audio.sample_rate,
                bpm = format!("{:.1}", a.tempo_bpm),
                beats = a.beats_s.len(),
                bars = a.downbeats_s.len(),
                onsets = a.onsets_s.len(),
                ms = format!("{analysis_ms:.0}")
            )
            .to_string(),
        );
        printer.line(&sections_line(&sections));
        for line in bar_table(&bars, a.beats_per_bar) {
            printer.line(&line);
        }
    }
    Ok(0)
}

/// Tempi rounded to hundredths of a BPM.
fn bpm(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// `tempo: 100.0 BPM from 0:00.009, 120.0 BPM from 2:30.000`.
fn sections_line(sections: &[TempoSection]) -> String {
    let parts: Vec<String> = sections
        .iter()
        .map(|s| {
            msg!(
                "beats-section",
                bpm = format!("{:.1}", s.bpm),
                at = clock_ms(s.start_s)
            )
            .to_string()
        })
        .collect();
    let sep = msg!("beats-section-separator").to_string();
    msg!("beats-sections", sections = parts.join(&sep)).to_string()
}

/// Bars in a row of the bar table.
const BARS_PER_ROW: usize = 8;

/// The bar table: a header, then rows of [`BARS_PER_ROW`] bar starts, each row led by the
/// number of its first bar.
fn bar_table(bars: &[Bar], beats_per_bar: u32) -> Vec<String> {
    if bars.is_empty() {
        return vec![msg!("beats-no-bars").to_string()];
    }
    let mut lines = vec![msg!("beats-bars-header", per_bar = beats_per_bar).to_string()];
    for row in bars.chunks(BARS_PER_ROW) {
        let times: Vec<String> = row.iter().map(|b| clock_ms(b.start_s)).collect();
        lines.push(format!("{:>6}  {}", row[0].number, times.join("  ")));
    }
    lines
}

/// `m:ss.mmm` of seconds.
fn clock_ms(t: f64) -> String {
    skyshow_plan::clock((t * 1000.0).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_table_rows_start_with_their_bar_number() {
        let bars: Vec<Bar> = (1..=10)
            .map(|k| Bar {
                number: k,
                start_s: 2.0 * f64::from(k - 1),
            })
            .collect();
        let t = bar_table(&bars, 4);
        assert_eq!(t.len(), 3);
        assert!(t[1].starts_with("     1  0:00.000  0:02.000"), "{}", t[1]);
        assert!(t[2].starts_with("     9  0:16.000  0:18.000"), "{}", t[2]);
        assert_eq!(t[2].split_whitespace().count(), 3);
    }
}
