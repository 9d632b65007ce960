//! The export stage of `build`: the whole show's `.skyc` and the ground stations' files,
//! then the written show read back and validated while the bulk exports (per-drone CSV,
//! VVIZ) are made from what was read back.

use std::io::Cursor;
use std::time::Instant;

use indicatif::ProgressBar;
use miette::Result;

use skyshow_export::{
    CsvOptions, FormatRow, SkycMeta, SkycWriter, VvizOptions, write_drone_csv_zip_to, write_vviz_to,
};
use skyshow_i18n::msg;
use skyshow_model::FlightShow;
use skyshow_plan::EmergencyPlan;

use super::show::Built;
use crate::args::BuildArgs;
use crate::output::OutputSet;
use crate::show_check::{Checked, read_and_validate_while};

/// What the export stage made: the whole show's `.skyc` (added to the outputs last, after
/// the visuals), the other outputs in their temporaries, the read-back show's check, and how
/// long each part took (milliseconds).
pub(super) struct Exported {
    pub(super) skyc: Vec<u8>,
    pub(super) out: OutputSet,
    pub(super) checked: Checked,
    csv_ms: f64,
    vviz_ms: Option<f64>,
    validate_and_exports_ms: f64,
}

impl Exported {
    /// The bulk exports' timings, in `report.json`'s order (after the firing script's).
    pub(super) fn push_timings(&self, timing: &mut Vec<(String, f64)>) {
        timing.push(("export_csv".into(), self.csv_ms));
        if let Some(ms) = self.vviz_ms {
            timing.push(("export_vviz".into(), ms));
        }
        timing.push(("validate_and_exports".into(), self.validate_and_exports_ms));
    }
}

/// Writes the `.skyc` files, then validates the read-back show while the bulk exports are
/// written. Pushes the `export_skyc`, `read_back` (reading `show.skyc` back, before the
/// validation and the bulk exports start) and `validate` timings.
pub(super) fn export_and_validate(
    args: &BuildArgs,
    built: &Built,
    meta: &SkycMeta,
    emergency: Option<&EmergencyPlan>,
    spinner: &ProgressBar,
    timing: &mut Vec<(String, f64)>,
) -> Result<Exported> {
    spinner.set_message(msg!("progress-exporting").to_string());
    let t = Instant::now();
    let meta = SkycMeta {
        rth_plans: emergency.map(EmergencyPlan::rth_plans).unwrap_or_default(),
        ..meta.clone()
    };
    let skyc_writer = SkycWriter::new(&built.show, &meta);
    let n = built.show.drones.len();
    // The whole show's file is deflated while the ground stations' files (the same drones'
    // JSON) are compressed and written on the other core.
    let (skyc, stations) = rayon::join(
        || whole_show_skyc(&skyc_writer, &built.show),
        || write_stations(&skyc_writer, &built.show.title, n, args),
    );
    let skyc = skyc?;
    let mut out = stations?;
    drop(skyc_writer);
    timing.push(("export_skyc".into(), t.elapsed().as_secs_f64() * 1000.0));

    // The written show is read back and validated while the exports made from what was read
    // back (the per-drone CSV, the VVIZ) are written on the other threads.
    spinner.set_message(msg!("progress-validating").to_string());
    let t = Instant::now();
    let limits = meta.limits;
    let (mut checked, bulk) = read_and_validate_while(
        "show.skyc",
        &skyc,
        |_| Ok(limits),
        Some(built.plan.phases.clone()),
        |show| write_bulk(show, args),
    )?;
    let bulk = bulk?;
    checked.format = without_whole_show_size(
        std::mem::take(&mut checked.format),
        built.show.drones.len(),
        args.max_drones_per_file,
    );
    timing.push(("read_back".into(), checked.read_ms));
    timing.push(("validate".into(), checked.validate_ms));
    out.append(bulk.out);
    Ok(Exported {
        skyc,
        out,
        checked,
        csv_ms: bulk.csv_ms,
        vviz_ms: bulk.vviz_ms,
        validate_and_exports_ms: t.elapsed().as_secs_f64() * 1000.0,
    })
}

/// The whole show's `.skyc` (`show.skyc`), in memory.
pub(crate) fn whole_show_skyc(writer: &SkycWriter<'_>, show: &FlightShow) -> Result<Vec<u8>> {
    let bytes = writer
        .write_to(Cursor::new(Vec::new()), 0..show.drones.len(), &show.title)
        .map_err(|e| {
            crate::cli_error::fail(msg!("build-cannot-make-skyc", why = e.to_string()), None)
        })?;
    Ok(bytes.into_inner())
}

/// What `show.skyc` says besides the drones: the limits, the origin, the music (the
/// return-to-home plans are added by `build`).
pub(crate) fn skyc_meta(design: &skyshow_model::ShowDesign) -> SkycMeta {
    SkycMeta {
        rth_plans: Vec::new(),
        limits: design.limits,
        origin: design.origin,
        audio: design.music.as_ref().map(|m| {
            let name = std::path::Path::new(&m.file)
                .file_name()
                .map_or_else(|| m.file.clone(), |n| n.to_string_lossy().into_owned());
            (m.bytes.clone(), m.media_type.clone(), name, m.offset_s)
        }),
    }
}

/// One `.skyc` per ground station when the fleet is larger than `--max-drones-per-file`:
/// consecutive drone ranges, each a complete show, streamed to `OUTDIR/stations/`.
fn write_stations(
    skyc: &SkycWriter<'_>,
    title: &str,
    n: usize,
    args: &BuildArgs,
) -> Result<OutputSet> {
    let mut out = OutputSet::default();
    let per_file = args.max_drones_per_file;
    if n <= per_file {
        return Ok(out);
    }
    for k in 0..n.div_ceil(per_file) {
        let lo = k * per_file;
        let hi = (lo + per_file).min(n);
        let path = args
            .out
            .join("stations")
            .join(format!("station-{:02}.skyc", k + 1));
        let part_title = format!("{title} — drones {}–{}", lo + 1, hi);
        out.stream(path, |w| skyc.write_to(w, lo..hi, &part_title).map(drop))?;
    }
    Ok(out)
}

/// The bulk exports made from the read-back show, written into their temporaries, and how
/// long each took (milliseconds; they are written at the same time).
struct Bulk {
    out: OutputSet,
    csv_ms: f64,
    vviz_ms: Option<f64>,
}

/// Streams `drones_csv.zip` and `show.vviz` (unless turned off) from `show` into their
/// temporaries, side by side: each makes its drones in parallel batches and writes them in
/// order, so one's compression or writing fills the time the other waits.
fn write_bulk(show: &FlightShow, args: &BuildArgs) -> Result<Bulk> {
    let timed = |f: &dyn Fn(&mut OutputSet) -> Result<()>| {
        let t = Instant::now();
        let mut out = OutputSet::default();
        f(&mut out).map(|()| (out, t.elapsed().as_secs_f64() * 1000.0))
    };
    let (csv, vviz) = rayon::join(
        || {
            timed(&|out| {
                if args.no_csv {
                    return Ok(());
                }
                let opts = CsvOptions { fps: args.csv_fps };
                out.stream(args.out.join("drones_csv.zip"), |w| {
                    write_drone_csv_zip_to(w, show, &opts).map(drop)
                })
            })
        },
        || {
            (!args.no_vviz).then(|| {
                timed(&|out| {
                    out.stream(args.out.join("show.vviz"), |w| {
                        write_vviz_to(w, show, &VvizOptions::DEFAULT).map(drop)
                    })
                })
            })
        },
    );
    let (mut out, csv_ms) = csv?;
    let vviz_ms = match vviz {
        Some(v) => {
            let (o, ms) = v?;
            out.append(o);
            Some(ms)
        }
        None => None,
    };
    Ok(Bulk {
        out,
        csv_ms,
        vviz_ms,
    })
}

/// The whole-show file's format findings, without its drone count when the fleet is also
/// written one file per ground station, each within Skybrush's loader limit: then
/// `show.skyc` is the file for checking and previewing the whole show, and the stations
/// are the ones that fly. Stations above the limit keep the finding.
fn without_whole_show_size(
    format: Vec<FormatRow>,
    drones: usize,
    per_file: usize,
) -> Vec<FormatRow> {
    let stations_fit =
        drones > per_file && per_file > 0 && per_file <= skyshow_skyc::SKYBRUSH_MAX_DRONES;
    format
        .into_iter()
        .filter(|f| !(stations_fit && f.drone.is_none() && f.rule == "too_many_drones"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_show_size_is_no_finding_when_stations_fit() {
        let rows = || {
            vec![
                FormatRow {
                    drone: None,
                    rule: "too_many_drones".into(),
                    message: "16000 drones; Skybrush loads at most 5000".into(),
                },
                FormatRow {
                    drone: Some(3),
                    rule: "light_program_too_long".into(),
                    message: "x".into(),
                },
            ]
        };
        let kept = without_whole_show_size(rows(), 16_000, 5_000);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].rule, "light_program_too_long");
        // Stations above Skybrush's limit, or no stations at all: the finding stays.
        assert_eq!(without_whole_show_size(rows(), 16_000, 8_000).len(), 2);
        assert_eq!(without_whole_show_size(rows(), 16_000, 20_000).len(), 2);
    }
}
