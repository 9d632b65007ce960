//! `skyshow build SHOW.toml -o OUTDIR`: the whole pipeline, then atomic output.

use std::time::Instant;

use miette::{Report as MietteReport, Result, miette};
use std::io::Cursor;

use skyshow_export::{
    CsvOptions, EmergencySection, FormatRow, FormationRow, MotionRow, Report, ReportShow, SkycMeta,
    SkycWriter, TransitionRow, VvizOptions, WarningRow, write_drone_csv_zip_to, write_report_json,
    write_vviz_to,
};
use skyshow_i18n::msg;
use skyshow_import::{LoadedShow, load_show_cached};
use skyshow_lights::{LightOptions, design_show_lights};
use skyshow_model::{Drone, FlightShow};
use skyshow_plan::{
    EmergencyPlan, NoCache, PlanError, PlanOptions, PlanStage, ShowPlan, TransitionCache,
    plan_emergency_cached, plan_show_cached,
};
use skyshow_preview::{Stage, preview_html_to};

use crate::args::BuildArgs;
use crate::build_cache::{DirCache, PlanCache};
use crate::design_warnings;
use crate::fireworks::build_pyro;
use crate::output::OutputSet;
use crate::printer::Printer;
use crate::show_check::read_and_validate_while;
use crate::summary::{Summary, music_format_warning, print_summary};
use crate::visuals;

/// Every timing conflict of a show, each pointing at its formation with its fixes, then
/// the error that stopped planning after them, if any.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{message}")]
struct ConflictsDiagnostic {
    message: String,
    #[related]
    each: Vec<Box<dyn miette::Diagnostic + Send + Sync>>,
    #[help]
    help: String,
}

/// Turns a planning error into a diagnostic pointing at the show file.
fn plan_error(loaded: &LoadedShow, e: PlanError) -> MietteReport {
    if let PlanError::Conflicts { conflicts, then } = &e {
        if let ([c], None) = (conflicts.as_slice(), then) {
            return MietteReport::new(loaded.source.formation_error(
                &c.to,
                c.message(),
                Some(c.hint()),
            ));
        }
        let mut each: Vec<Box<dyn miette::Diagnostic + Send + Sync>> = conflicts
            .iter()
            .map(|c| {
                let d = loaded
                    .source
                    .formation_error(&c.to, c.message(), Some(c.hint()));
                Box::new(d) as Box<dyn miette::Diagnostic + Send + Sync>
            })
            .collect();
        if let Some(then) = then {
            each.push(plan_error(loaded, (**then).clone()).into());
        }
        return MietteReport::new(ConflictsDiagnostic {
            message: e.to_string(),
            each,
            help: msg!("build-conflicts-hint", count = conflicts.len()).to_string(),
        });
    }
    let hint = Some(e.hint());
    match e.formation() {
        Some(name) => MietteReport::new(loaded.source.formation_error(name, e.to_string(), hint)),
        None => miette!(help = e.hint().to_string(), "{e}"),
    }
}

/// The built show, before writing.
pub(crate) struct Built {
    pub(crate) plan: ShowPlan,
    pub(crate) show: FlightShow,
}

/// Plans and lights a loaded show, reporting the planner's stages to `progress` and reusing
/// the transitions `cache` holds for the same inputs.
pub(crate) fn build_show(
    loaded: &LoadedShow,
    timing: &mut Vec<(String, f64)>,
    progress: &mut dyn FnMut(PlanStage<'_>),
    cache: &mut dyn TransitionCache,
) -> Result<Built> {
    let design = &loaded.design;
    let t = Instant::now();
    let opts = PlanOptions {
        minimise: design.minimise,
        ..PlanOptions::DEFAULT
    };
    let plan =
        plan_show_cached(design, &opts, progress, cache).map_err(|e| plan_error(loaded, e))?;
    timing.push(("plan".into(), t.elapsed().as_secs_f64() * 1000.0));
    let t = Instant::now();
    let programs = design_show_lights(&plan, design, &LightOptions::DEFAULT);
    timing.push(("lights".into(), t.elapsed().as_secs_f64() * 1000.0));
    let width = plan.homes.len().to_string().len();
    let drones = plan
        .homes
        .iter()
        .zip(&plan.trajectories)
        .zip(programs)
        .enumerate()
        .map(|(i, ((home, tr), lights))| Drone {
            name: format!("Drone {:0width$}", i + 1),
            home: *home,
            trajectory: tr.clone(),
            lights,
        })
        .collect::<Vec<Drone>>();
    let geofence = Some(design.site.geofence(&drones));
    let show = FlightShow {
        title: design.title.clone(),
        drones,
        phases: plan.phases.clone(),
        cues: plan.cues.clone(),
        limits: Some(design.limits),
        geofence,
    };
    Ok(Built { plan, show })
}

/// Runs `build`. Returns the process exit code (0 valid, 1 violations).
pub(crate) fn run(args: &BuildArgs, printer: Printer) -> Result<u8> {
    let started = Instant::now();
    check_args(args)?;
    let spinner = printer.stage_spinner();
    let mut timing = Vec::new();
    let mut cache = if args.no_cache {
        PlanCache::Off(NoCache)
    } else {
        PlanCache::Dir(DirCache::new(&args.out))
    };
    spinner.set_message(msg!("progress-reading").to_string());
    let t = Instant::now();
    let loaded = load_show_cached(&args.show, cache.store())?;
    timing.push(("import".into(), t.elapsed().as_secs_f64() * 1000.0));
    let drones = loaded.design.fleet.drones;
    let built = build_show(
        &loaded,
        &mut timing,
        &mut |stage| {
            spinner.set_message(
                match stage {
                    PlanStage::Formations => msg!("progress-formations", drones = drones),
                    PlanStage::Takeoff => msg!("progress-takeoff", drones = drones),
                    PlanStage::Transition { index, count, to } => msg!(
                        "progress-transition",
                        index = index + 1,
                        count = count,
                        to = to
                    ),
                    PlanStage::Landing => msg!("progress-landing", drones = drones),
                }
                .to_string(),
            );
        },
        cache.store(),
    )?;
    let design = &loaded.design;

    let emergency = design.emergency.enabled.then(|| {
        spinner.set_message(msg!("progress-emergency").to_string());
        let t = Instant::now();
        let opts = PlanOptions {
            minimise: design.minimise,
            ..PlanOptions::DEFAULT
        };
        let interval_s = emergency_interval_s(design, &built.show);
        // Kept in the build cache: a rebuild of the same flight plans it only once.
        let (e, _) = plan_emergency_cached(
            &built.plan,
            &design.limits,
            &opts,
            i64::from(interval_s),
            cache.store(),
        );
        timing.push(("emergency".into(), t.elapsed().as_secs_f64() * 1000.0));
        e
    });

    spinner.set_message(msg!("progress-exporting").to_string());
    let t = Instant::now();
    let meta = SkycMeta {
        rth_plans: emergency
            .as_ref()
            .map(EmergencyPlan::rth_plans)
            .unwrap_or_default(),
        ..skyc_meta(design)
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
    let limits = design.limits;
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
    timing.push(("validate".into(), checked.validate_ms));
    out.append(bulk.out);
    let exports_ms = t.elapsed().as_secs_f64() * 1000.0;

    spinner.set_message(msg!("progress-fireworks").to_string());
    let t = Instant::now();
    let pyro = build_pyro(&loaded, &built.plan, &checked.show)?;
    timing.push(("pyro".into(), t.elapsed().as_secs_f64() * 1000.0));
    timing.push(("export_csv".into(), bulk.csv_ms));
    if let Some(ms) = bulk.vviz_ms {
        timing.push(("export_vviz".into(), ms));
    }
    timing.push(("validate_and_exports".into(), exports_ms));

    let plan = &built.plan;
    let formations = plan
        .formations
        .iter()
        .map(|f| FormationRow {
            name: f.formation.name.clone(),
            chapter: design.chapters[f.chapter].name.clone(),
            start_s: f.start_ms as f64 / 1000.0,
            end_s: f.end_ms as f64 / 1000.0,
            drones_used: f.formation.points.len(),
            min_spacing_m: f.formation.min_spacing_m,
            ideal_spacing_m: f.formation.ideal_spacing_m,
            max_shape_distance_m: f.formation.max_shape_distance_m,
            close_lines_share: f.formation.close_lines_share,
            motion: f.motion.as_ref().map(motion_row),
        })
        .collect();
    let transitions = plan
        .transitions
        .iter()
        .map(|t| TransitionRow {
            from: t.from.clone(),
            to: t.to.clone(),
            start_s: t.start_ms as f64 / 1000.0,
            duration_s: t.duration_ms as f64 / 1000.0,
            lower_bound_s: t.lower_bound_s,
            min_distance_m: t.min_distance_m,
            planning_ms: t.planning_ms,
            method: t.method.as_str().to_string(),
            cost_sum_sq: t.cost_sum_sq,
        })
        .collect();
    timing.push(("total".into(), started.elapsed().as_secs_f64() * 1000.0));
    let report = Report {
        show: ReportShow {
            title: design.title.clone(),
            drones: design.fleet.drones,
            duration_s: checked.show.duration_s(),
        },
        limits,
        validation: &checked.validation,
        format: checked.format.clone(),
        drone_names: checked.show.drones.iter().map(|d| d.name.clone()).collect(),
        max_light_program_bytes: built
            .show
            .drones
            .iter()
            .map(|d| d.lights.bytecode.len())
            .max()
            .unwrap_or(0),
        formations,
        transitions,
        timing_ms: timing,
        pyro: pyro.as_ref().map(|p| p.section.clone()),
        warnings: gather_warnings(&loaded, &built, emergency.as_ref()),
        emergency: emergency
            .as_ref()
            .map(|e| emergency_section(e, design.emergency.interval_s)),
    };
    spinner.set_message(msg!("progress-visuals").to_string());
    let t = Instant::now();
    out.add(args.out.join("show.skyc"), skyc);
    let stage = visuals::stage(&loaded, plan, pyro.as_ref());
    let preview = visuals::preview_input(
        &checked.show,
        limits,
        &stage,
        args.live_reload.clone(),
        design.music.as_ref(),
    );
    out.stream(args.out.join("preview.html"), |w| {
        preview_html_to(&preview, w).map(drop)
    })?;
    drop(preview);
    let report_page = visuals::report_page(
        &checked.show,
        limits,
        &stage,
        &checked.validation,
        &report,
        Some(plan),
    );
    let visuals_ms = t.elapsed().as_secs_f64() * 1000.0;
    let mut report = report;
    report
        .timing_ms
        .insert(report.timing_ms.len() - 1, ("visuals".into(), visuals_ms));
    out.add(args.out.join("report.json"), write_report_json(&report));
    out.add(args.out.join(Stage::FILE_NAME), stage.to_json());
    out.add(args.out.join("report.html"), report_page);
    for (name, bytes) in pyro.map(|p| p.files).unwrap_or_default() {
        out.add(args.out.join("pyro").join(name), bytes);
    }
    spinner.set_message(msg!("progress-writing").to_string());
    let written = out.commit()?;
    spinner.finish_and_clear();
    print_summary(
        &printer,
        &Summary {
            report: &report,
            written: &written,
            elapsed_s: started.elapsed().as_secs_f64(),
        },
    );
    if let PlanCache::Dir(c) = &cache {
        c.prune();
        let (reused, count) = c.reused_of("t");
        if reused > 0 {
            printer.line(&msg!("summary-cache-reused", reused = reused, count = count).to_string());
        }
    }
    Ok(if report.violation_count() == 0 { 0 } else { 1 })
}

/// A moving formation's figures as `report.json` gives them: what the flown curves ask
/// of the drones, the design's spacing and altitude.
pub(crate) fn motion_row(m: &skyshow_plan::motion::PlannedMotion) -> MotionRow {
    MotionRow {
        kinds: m.kinds.clone(),
        max_speed_xy_m_s: m.flown[0].value,
        max_speed_up_m_s: m.flown[1].value,
        max_speed_down_m_s: m.flown[2].value,
        max_accel_m_s2: m.flown[3].value,
        min_distance_m: m.designed.min_distance.value,
        fit_error_m: m.fit_error_m,
        max_altitude_m: m.designed.altitude_max.value,
        min_altitude_m: m.designed.altitude_min.value,
        segments_per_drone: m.segments_per_drone,
        moving_s: m.active_s,
        ramps: m.ramps_s.iter().map(|&(k, r)| (k + 1, r)).collect(),
        playback: m.playback,
    }
}

/// Refuses out-of-range options before any work.
fn check_args(args: &BuildArgs) -> Result<()> {
    if !args.csv_fps.is_finite() || args.csv_fps <= 0.0 || args.csv_fps > 100.0 {
        return Err(crate::cli_error::fail(
            msg!("build-csv-fps-range", fps = args.csv_fps),
            Some(msg!("build-csv-fps-hint")),
        ));
    }
    if args.max_drones_per_file == 0 {
        return Err(crate::cli_error::fail(
            msg!("build-max-drones-per-file"),
            None,
        ));
    }
    Ok(())
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

/// Every stage's warnings, in pipeline order. A stage that finds something the designer
/// should look at returns `skyshow_model::Warning`s with its output; add them here.
/// (The validation's own warnings are added by the report itself, first.)
fn gather_warnings(
    loaded: &LoadedShow,
    built: &Built,
    emergency: Option<&EmergencyPlan>,
) -> Vec<WarningRow> {
    let design = &loaded.design;
    let mut out: Vec<WarningRow> = design.warnings.iter().map(WarningRow::from).collect();
    out.extend(
        design
            .music
            .as_ref()
            .and_then(|m| music_format_warning(&m.media_type, &m.file)),
    );
    out.extend(
        built
            .plan
            .formations
            .iter()
            .filter_map(|f| design_warnings::dark_drones(&f.formation)),
    );
    out.extend(built.plan.formations.iter().filter_map(|f| {
        design_warnings::spread_picture(&f.formation, design.limits.min_distance_m)
    }));
    out.extend(built.plan.warnings.iter().map(WarningRow::from));
    let Some(emergency) = emergency else {
        return out;
    };
    let asked = design.emergency.interval_s;
    if emergency.interval_s > i64::from(asked) {
        out.push(WarningRow {
            kind: "rth_interval_coarsened".into(),
            message: msg!(
                "warning-rth-interval",
                asked = asked,
                interval = emergency.interval_s,
                mb = format!(
                    "{:.3}",
                    design.emergency.max_plan_bytes as f64 / f64::from(1u32 << 20)
                )
            ),
            source: "[emergency]".into(),
            time_s: None,
            drones: Vec::new(),
            value: Some(emergency.interval_s as f64),
            limit: Some(f64::from(asked)),
        });
    }
    out.extend(emergency.unsafe_entries().map(|e| WarningRow {
        kind: "rth_entry_unsafe".into(),
        message: msg!(
            "warning-rth-unsafe",
            time = e.time_s,
            why = unproven_text(e)
        ),
        source: String::new(),
        time_s: Some(e.time_s as f64),
        drones: e.pair.map(|(a, b)| vec![a, b]).unwrap_or_default(),
        value: Some(e.min_distance_m),
        limit: None,
    }));
    out
}

/// The interval between the emergency return's entries, whole seconds: `[emergency]
/// interval_s`, made longer when the plans would take more than `max_plan_mb` in
/// `show.skyc` (bounded from the show's extent and length, so the written plans never do).
fn emergency_interval_s(design: &skyshow_model::ShowDesign, show: &FlightShow) -> u32 {
    let mut extent: f64 = 0.0;
    for d in &show.drones {
        extent = extent
            .max(d.home.x.abs())
            .max(d.home.y.abs())
            .max(d.home.z.abs());
        for s in &d.trajectory.segments {
            let (lo, hi) = s.bounds();
            for v in [lo, hi] {
                extent = extent.max(v.x.abs()).max(v.y.abs()).max(v.z.abs());
            }
        }
    }
    let flight_s = show.duration_s();
    // Times, durations and delays: within the flight, or the landing planner's 30 minutes.
    let max_s = flight_s.max(0.0) + 1800.0;
    skyshow_export::rth_interval_s(
        show.drones.len(),
        flight_s,
        design.emergency.interval_s,
        extent,
        max_s,
        design.emergency.max_plan_bytes,
    )
}

/// `report.json` `emergency` for a built show: the planner's figures (its distance is
/// the bound proven for a trigger at any moment), and the interval asked for when the
/// plan's size made it longer.
fn emergency_section(e: &EmergencyPlan, asked_s: u32) -> EmergencySection {
    EmergencySection {
        entries: e.entries.len(),
        interval_s: e.interval_s as f64,
        interval_asked_s: (e.interval_s > i64::from(asked_s)).then_some(f64::from(asked_s)),
        worst_duration_s: e.worst_duration_s(),
        min_distance_m: e.min_distance_m(),
        land_in_place_safe_s: e.land_in_place.safe_s.clone(),
        unsafe_entries: e
            .unsafe_entries()
            .map(|x| (x.time_s as f64, unproven_text(x)))
            .collect(),
        conflicts: Vec::new(),
    }
}

/// Why an emergency return entry is not proven safe, in the user's language (empty when it
/// is).
fn unproven_text(e: &skyshow_plan::emergency::EmergencyEntry) -> String {
    use skyshow_plan::emergency::Unproven;
    match &e.unsafe_why {
        None => String::new(),
        Some(Unproven::NoSchedule(why)) => {
            msg!("rth-unproven-schedule", why = why.clone()).to_string()
        }
        Some(Unproven::TooClose) => {
            let (a, b) = e.pair.unwrap_or_default();
            msg!(
                "rth-unproven-close",
                a = a + 1,
                b = b + 1,
                dist = format!("{:.3}", e.min_distance_m)
            )
            .to_string()
        }
    }
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
