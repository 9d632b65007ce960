//! `skyshow build SHOW.toml -o OUTDIR`: the whole pipeline, then atomic output.
//!
//! Each stage is its own file, with plain data between them: [`show`] plans and lights the
//! loaded show, [`emergency`] plans the return from every moment, [`exports`] writes the
//! `.skyc` files and validates what was written while the bulk exports are made, and
//! [`report`] gathers `report.json`. This file runs them in order, writes the visuals and
//! commits every output at once.

mod emergency;
mod exports;
mod report;
mod show;

use std::time::Instant;

use indicatif::ProgressBar;
use miette::Result;

use skyshow_export::{Report, write_report_json};
use skyshow_i18n::msg;
use skyshow_import::{LoadedShow, load_show_cached};
use skyshow_plan::{NoCache, PlanStage, ShowPlan};
use skyshow_preview::{Stage, preview_html_to};

pub(crate) use exports::{skyc_meta, whole_show_skyc};
pub(crate) use report::motion_row;
pub(crate) use show::{Built, build_show};

use crate::args::BuildArgs;
use crate::build_cache::{DirCache, PlanCache};
use crate::fireworks::{PyroBuilt, build_pyro};
use crate::output::OutputSet;
use crate::printer::Printer;
use crate::show_check::Checked;
use crate::summary::{Summary, print_summary};
use crate::visuals;

/// Milliseconds since `t`.
fn ms_since(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
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
    let (loaded, built) = load_and_plan(args, &spinner, &mut timing, &mut cache)?;
    let design = &loaded.design;
    let emergency = design.emergency.enabled.then(|| {
        spinner.set_message(msg!("progress-emergency").to_string());
        emergency::plan(design, &built, &mut timing, cache.store())
    });
    let exported = exports::export_and_validate(
        args,
        &built,
        &skyc_meta(design),
        emergency.as_ref(),
        &spinner,
        &mut timing,
    )?;

    spinner.set_message(msg!("progress-fireworks").to_string());
    let t = Instant::now();
    let pyro = build_pyro(&loaded, &built.plan, &exported.checked.show)?;
    timing.push(("pyro".into(), ms_since(t)));
    exported.push_timings(&mut timing);
    timing.push(("total".into(), ms_since(started)));
    let exports::Exported {
        skyc,
        mut out,
        checked,
        ..
    } = exported;
    let mut report = report::report_of(
        &loaded,
        &built,
        &checked,
        pyro.as_ref(),
        emergency.as_ref(),
        timing,
    );

    spinner.set_message(msg!("progress-visuals").to_string());
    out.add(args.out.join("show.skyc"), skyc);
    let visuals = Visuals {
        args,
        loaded: &loaded,
        plan: &built.plan,
        checked: &checked,
    };
    visuals.write(pyro, &mut report, &mut out)?;
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

/// Reads the show file (and its artwork and music, through the cache) and plans and lights
/// it, telling the spinner each planning stage. Pushes the `import`, `plan` and `lights`
/// timings.
fn load_and_plan(
    args: &BuildArgs,
    spinner: &ProgressBar,
    timing: &mut Vec<(String, f64)>,
    cache: &mut PlanCache,
) -> Result<(LoadedShow, Built)> {
    spinner.set_message(msg!("progress-reading").to_string());
    let t = Instant::now();
    let loaded = load_show_cached(&args.show, cache.store())?;
    timing.push(("import".into(), ms_since(t)));
    let drones = loaded.design.fleet.drones;
    let built = build_show(
        &loaded,
        timing,
        &mut |stage| {
            spinner.set_message(
                match stage {
                    PlanStage::Formations => msg!("progress-formations", drones = drones),
                    PlanStage::Takeoff => msg!("progress-takeoff", drones = drones),
                    PlanStage::Ahead { count } => msg!("progress-ahead", count = count),
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
    Ok((loaded, built))
}

/// The visual outputs of a checked show: the 3D preview, the report page, the stage file.
struct Visuals<'a> {
    args: &'a BuildArgs,
    loaded: &'a LoadedShow,
    plan: &'a ShowPlan,
    checked: &'a Checked,
}

impl Visuals<'_> {
    /// Writes `preview.html` (streamed) while drawing `report.html`, then adds
    /// `report.json` (with the visuals' own timing, before `total`), the stage file,
    /// `report.html` and the firing-script files.
    fn write(
        &self,
        pyro: Option<PyroBuilt>,
        report: &mut Report<'_>,
        out: &mut OutputSet,
    ) -> Result<()> {
        let (args, checked) = (self.args, self.checked);
        let design = &self.loaded.design;
        let t = Instant::now();
        let stage = visuals::stage(self.loaded, self.plan, pyro.as_ref());
        let preview = visuals::preview_input(
            &checked.show,
            checked.limits,
            &stage,
            args.live_reload.clone(),
            design.music.as_ref(),
        );
        // The preview is streamed while the report page is drawn on the other core.
        let (streamed, report_page) = rayon::join(
            || {
                out.stream(args.out.join("preview.html"), |w| {
                    preview_html_to(&preview, w).map(drop)
                })
            },
            || {
                visuals::report_page(
                    &checked.show,
                    checked.limits,
                    &stage,
                    &checked.validation,
                    report,
                    Some(self.plan),
                )
            },
        );
        streamed?;
        drop(preview);
        let at = report.timing_ms.len() - 1;
        report.timing_ms.insert(at, ("visuals".into(), ms_since(t)));
        out.add(args.out.join("report.json"), write_report_json(report));
        out.add(args.out.join(Stage::FILE_NAME), stage.to_json());
        out.add(args.out.join("report.html"), report_page);
        for (name, bytes) in pyro.map(|p| p.files).unwrap_or_default() {
            out.add(args.out.join("pyro").join(name), bytes);
        }
        Ok(())
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
