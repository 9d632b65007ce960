//! `skyshow transition FROM.csv TO.csv`: plan one transition between two point sets.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use miette::Result;
use serde_json::json;
use skyshow_formations::min_spacing;
use skyshow_i18n::{Message, msg};
use skyshow_import::parse_points_csv;
use skyshow_model::{Limits, Vec3};
use skyshow_plan::{INPUT_SLACK_M, Minimise, PlanOptions, Transition, plan_transition};

use crate::args::TransitionArgs;
use crate::cli_error::fail;
use crate::printer::Printer;

fn read_points(path: &Path) -> Result<Vec<Vec3>> {
    let text = fs_err::read_to_string(path).map_err(|e| {
        fail(
            msg!(
                "cli-cannot-read",
                file = path,
                why = skyshow_i18n::io_reason(&e)
            ),
            Some(msg!("cli-check-the-path")),
        )
    })?;
    parse_points_csv(&text)
        .map(|c| c.points)
        .map_err(|(line, why)| {
            fail(
                msg!("transition-bad-row", file = path, line = line, why = why),
                Some(msg!("transition-bad-row-hint")),
            )
        })
}

/// Runs `transition`. Exit code 0 on success (the planner never returns an unsafe plan).
pub(crate) fn run(args: &TransitionArgs, printer: Printer) -> Result<u8> {
    let limits = args.limits.apply(Limits::DEFAULT)?;
    let from = read_points(&args.from)?;
    let to = read_points(&args.to)?;
    if from.len() != to.len() {
        return Err(fail(
            msg!(
                "transition-counts-differ",
                from = &args.from,
                from_count = from.len(),
                to = &args.to,
                to_count = to.len()
            ),
            Some(msg!("transition-counts-differ-hint")),
        ));
    }
    let notes = spacing_notes(args, &from, &to, &limits)?;
    let minimise = match args.minimise.as_str() {
        "distance" => Minimise::Distance,
        "time" => Minimise::Time,
        other => {
            return Err(fail(
                msg!("transition-unknown-minimise", value = other),
                Some(msg!("transition-unknown-minimise-hint")),
            ));
        }
    };
    let opts = PlanOptions {
        minimise,
        ..PlanOptions::DEFAULT
    };
    let band = altitude_band(&from, &to, &limits);
    let t = Instant::now();
    let tr = plan_transition(&from, &to, &limits, &opts, band, 0).map_err(|e| {
        fail(
            msg!("transition-unsafe", why = e.0),
            Some(msg!("transition-unsafe-hint")),
        )
    })?;
    let plan_ms = t.elapsed().as_secs_f64() * 1000.0;
    print_plan(args, printer, &tr, from.len(), plan_ms, &notes);
    Ok(0)
}

/// Points closer than the minimum distance: no plan can keep such drones apart, so say so
/// rather than that no route was found. Within 1 mm of it (a grid written with rounded
/// decimals), the points are taken as given and a note shows the figure.
fn spacing_notes(
    args: &TransitionArgs,
    from: &[Vec3],
    to: &[Vec3],
    limits: &Limits,
) -> Result<Vec<Message>> {
    let mut notes = Vec::new();
    for (path, pts, what) in [
        (&args.from, from, msg!("transition-start-points")),
        (&args.to, to, msg!("transition-target-points")),
    ] {
        let Some((gap, i, j)) = min_spacing(pts) else {
            continue;
        };
        let (i, j) = (i.min(j), i.max(j));
        if gap < limits.min_distance_m && gap >= limits.min_distance_m - INPUT_SLACK_M {
            notes.push(msg!(
                "transition-close-points",
                file = path.display().to_string(),
                what = what.clone(),
                a = i + 1,
                b = j + 1,
                gap = format!("{gap:.4}"),
                dist = limits.min_distance_m
            ));
        } else if gap < limits.min_distance_m {
            return Err(fail(
                msg!(
                    "transition-too-close",
                    file = path,
                    what = what,
                    a = i + 1,
                    b = j + 1,
                    gap = format!("{gap:.6}"),
                    dist = limits.min_distance_m
                ),
                Some(msg!("transition-too-close-hint")),
            ));
        }
    }
    Ok(notes)
}

/// The altitude band a transition may use: from the lowest point (or the lowest safe
/// navigation height) up to the ceiling (or the highest point), metres.
fn altitude_band(from: &[Vec3], to: &[Vec3], limits: &Limits) -> (f64, f64) {
    let low = from
        .iter()
        .chain(to)
        .map(|p| p.z)
        .fold(f64::INFINITY, f64::min)
        .min(limits.min_nav_altitude_m + limits.min_distance_m);
    (
        low,
        limits
            .max_altitude_m
            .max(from.iter().chain(to).map(|p| p.z).fold(0.0, f64::max)),
    )
}

/// The plan's figures: one JSON line with `--json`, else the notes and a summary line.
fn print_plan(
    args: &TransitionArgs,
    printer: Printer,
    tr: &Transition,
    n: usize,
    plan_ms: f64,
    notes: &[Message],
) {
    let duration_s = tr.duration_ms() as f64 / 1000.0;
    if args.json {
        let v = json!({
            "n": n,
            "cost_sum_sq": tr.cost_sum_sq,
            "assignment": tr.target_of,
            "duration_s": duration_s,
            "lower_bound_s": tr.lower_bound_s,
            "min_distance_m": tr.min_distance_m,
            "method": tr.method.as_str(),
            "assign_ms": tr.assign_ms,
            "plan_ms": plan_ms,
            "notes": notes.iter().map(ToString::to_string).collect::<Vec<_>>(),
        });
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{v}");
    } else {
        for note in notes {
            printer.line(&note.to_string());
        }
        let ratio = if tr.lower_bound_s > 0.0 {
            duration_s / tr.lower_bound_s
        } else {
            1.0
        };
        let summary = msg!(
            "transition-summary",
            drones = n,
            duration = format!("{duration_s:.3}"),
            bound = format!("{:.3}", tr.lower_bound_s),
            ratio = format!("{ratio:.3}"),
            distance = format!("{:.3}", tr.min_distance_m),
            method = tr.method.as_str(),
            sum_sq = format!("{:.1}", tr.cost_sum_sq),
            assign_ms = format!("{:.1}", tr.assign_ms),
            plan_ms = format!("{plan_ms:.1}")
        );
        printer.line(&summary.to_string());
    }
}
