//! `skyshow build SHOW.toml -o OUTDIR`: the whole pipeline, then atomic output.

use std::time::Instant;

use miette::{Report as MietteReport, Result, miette};
use skyshow_export::{
    CsvOptions, FormatRow, FormationRow, Report, ReportShow, SkycMeta, TransitionRow,
    write_drone_csv_zip, write_report_json, write_skyc,
};
use skyshow_import::{LoadedShow, load_show};
use skyshow_lights::{LightOptions, design_show_lights};
use skyshow_model::{Drone, FlightShow};
use skyshow_plan::{PlanError, PlanOptions, PlanStage, ShowPlan, plan_show_with_progress};

use crate::args::BuildArgs;
use crate::fireworks::build_pyro;
use crate::output::OutputSet;
use crate::printer::Printer;
use crate::show_check::read_and_validate;
use crate::summary::{Summary, print_summary};
use crate::visuals;

/// Turns a planning error into a diagnostic pointing at the show file.
fn plan_error(loaded: &LoadedShow, e: PlanError) -> MietteReport {
    let hint = Some(e.hint());
    match e.formation() {
        Some(name) => MietteReport::new(loaded.source.formation_error(name, e.to_string(), hint)),
        None => miette!(help = e.hint(), "{e}"),
    }
}

/// The built show, before writing.
pub(crate) struct Built {
    pub(crate) plan: ShowPlan,
    pub(crate) show: FlightShow,
}

/// Plans and lights a loaded show, reporting the planner's stages to `progress`.
pub(crate) fn build_show(
    loaded: &LoadedShow,
    timing: &mut Vec<(String, f64)>,
    progress: &mut dyn FnMut(PlanStage<'_>),
) -> Result<Built> {
    let design = &loaded.design;
    let t = Instant::now();
    let opts = PlanOptions {
        minimise: design.minimise,
        ..PlanOptions::DEFAULT
    };
    let plan =
        plan_show_with_progress(design, &opts, progress).map_err(|e| plan_error(loaded, e))?;
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
        .collect();
    let show = FlightShow {
        title: design.title.clone(),
        drones,
        phases: plan.phases.clone(),
        cues: plan.cues.clone(),
        limits: Some(design.limits),
    };
    Ok(Built { plan, show })
}

/// Runs `build`. Returns the process exit code (0 valid, 1 violations).
pub(crate) fn run(args: &BuildArgs, printer: Printer) -> Result<u8> {
    let started = Instant::now();
    let spinner = printer.stage_spinner();
    let mut timing = Vec::new();
    spinner.set_message("reading the show file");
    let t = Instant::now();
    let loaded = load_show(&args.show)?;
    timing.push(("import".into(), t.elapsed().as_secs_f64() * 1000.0));
    let drones = loaded.design.fleet.drones;
    let built = build_show(&loaded, &mut timing, &mut |stage| {
        spinner.set_message(match stage {
            PlanStage::Formations => format!("building the formations for {drones} drones"),
            PlanStage::Takeoff => format!("planning the takeoff of {drones} drones"),
            PlanStage::Transition { index, count, to } => {
                format!("planning transition {}/{count}, into \"{to}\"", index + 1)
            }
            PlanStage::Landing => format!("planning the landing of {drones} drones"),
        });
    })?;
    let design = &loaded.design;

    spinner.set_message("exporting");
    let t = Instant::now();
    let meta = SkycMeta {
        limits: design.limits,
        origin: design.origin,
        audio: design.music.as_ref().map(|m| {
            let name = std::path::Path::new(&m.file)
                .file_name()
                .map_or_else(|| m.file.clone(), |n| n.to_string_lossy().into_owned());
            (m.bytes.clone(), m.media_type.clone(), name, m.offset_s)
        }),
    };
    let skyc = write_skyc(&built.show, &meta);
    timing.push(("export_skyc".into(), t.elapsed().as_secs_f64() * 1000.0));

    spinner.set_message("validating the written show");
    let t = Instant::now();
    let limits = design.limits;
    let mut checked = read_and_validate(
        "show.skyc",
        &skyc,
        |_| Ok(limits),
        Some(built.plan.phases.clone()),
    )?;
    checked.format = without_whole_show_size(
        std::mem::take(&mut checked.format),
        built.show.drones.len(),
        args.max_drones_per_file,
    );
    timing.push(("validate".into(), t.elapsed().as_secs_f64() * 1000.0));

    spinner.set_message("fireworks");
    let t = Instant::now();
    let pyro = build_pyro(&loaded, &built.plan, &checked.show)?;
    timing.push(("pyro".into(), t.elapsed().as_secs_f64() * 1000.0));

    spinner.set_message("writing");
    let t = Instant::now();
    if !args.csv_fps.is_finite() || args.csv_fps <= 0.0 || args.csv_fps > 100.0 {
        return Err(miette!(
            help = "use a rate between 0.1 and 100",
            "`--csv-fps` = {} is out of range",
            args.csv_fps
        ));
    }
    let csv = (!args.no_csv)
        .then(|| write_drone_csv_zip(&checked.show, &CsvOptions { fps: args.csv_fps }));
    timing.push(("export_csv".into(), t.elapsed().as_secs_f64() * 1000.0));

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
    };
    spinner.set_message("drawing the preview and the report");
    let t = Instant::now();
    let ground = crate::fireworks::ground(
        visuals::ground(design.audience_azimuth_deg),
        &loaded,
        pyro.as_ref(),
    );
    let bursts = pyro.as_ref().map_or(&[][..], |p| &p.bursts);
    let preview = visuals::preview_page(
        &checked.show,
        limits,
        &ground,
        bursts,
        args.live_reload.clone(),
        design.music.as_ref(),
    );
    let report_page = visuals::report_page(
        &checked.show,
        limits,
        &ground,
        &checked.validation,
        &report,
        Some(plan),
        bursts,
    );
    let visuals_ms = t.elapsed().as_secs_f64() * 1000.0;
    let mut out = OutputSet::default();
    if args.max_drones_per_file == 0 {
        return Err(miette!("`--max-drones-per-file` must be at least 1"));
    }
    let n = built.show.drones.len();
    if n > args.max_drones_per_file {
        // One file per ground station: consecutive drone ranges, each a complete show.
        let parts = n.div_ceil(args.max_drones_per_file);
        for k in 0..parts {
            let lo = k * args.max_drones_per_file;
            let hi = (lo + args.max_drones_per_file).min(n);
            let part = FlightShow {
                title: format!("{} — drones {}–{}", built.show.title, lo + 1, hi),
                drones: built.show.drones[lo..hi].to_vec(),
                ..built.show.clone()
            };
            out.add(
                args.out
                    .join("stations")
                    .join(format!("station-{:02}.skyc", k + 1)),
                write_skyc(&part, &meta),
            );
        }
    }
    out.add(args.out.join("show.skyc"), skyc);
    if !args.no_vviz {
        out.add(
            args.out.join("show.vviz"),
            skyshow_export::write_vviz(&checked.show, &skyshow_export::VvizOptions::DEFAULT),
        );
    }
    let mut report = report;
    report
        .timing_ms
        .insert(report.timing_ms.len() - 1, ("visuals".into(), visuals_ms));
    out.add(args.out.join("report.json"), write_report_json(&report));
    if let Some(csv) = csv {
        out.add(args.out.join("drones_csv.zip"), csv);
    }
    out.add(args.out.join("preview.html"), preview);
    out.add(args.out.join("report.html"), report_page);
    for (name, bytes) in pyro.map(|p| p.files).unwrap_or_default() {
        out.add(args.out.join("pyro").join(name), bytes);
    }
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
    Ok(if report.violation_count() == 0 { 0 } else { 1 })
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
