//! The emergency stage of `build`: the return-to-home plan from every moment of the flight,
//! and what `report.json` says of it.

use std::time::Instant;

use skyshow_export::{EmergencySection, WarningRow};
use skyshow_i18n::msg;
use skyshow_model::{ContentCache, FlightShow, ShowDesign};
use skyshow_plan::{EmergencyPlan, PlanOptions, plan_emergency_cached};

use super::show::Built;

/// Plans the emergency return for a built show, kept in the build cache: a rebuild of the
/// same flight plans it only once. Pushes the `emergency` timing.
pub(super) fn plan(
    design: &ShowDesign,
    built: &Built,
    timing: &mut Vec<(String, f64)>,
    cache: &mut dyn ContentCache,
) -> EmergencyPlan {
    let t = Instant::now();
    let opts = PlanOptions::for_design(design);
    let interval_s = interval_s(design, &built.show);
    let (e, _) = plan_emergency_cached(
        &built.plan,
        &design.limits,
        &opts,
        i64::from(interval_s),
        cache,
    );
    timing.push(("emergency".into(), t.elapsed().as_secs_f64() * 1000.0));
    e
}

/// The emergency plan's warnings: an interval made longer than asked, and every entry not
/// proven safe.
pub(super) fn warnings(design: &ShowDesign, emergency: &EmergencyPlan) -> Vec<WarningRow> {
    let mut out = Vec::new();
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
fn interval_s(design: &ShowDesign, show: &FlightShow) -> u32 {
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
pub(super) fn section(e: &EmergencyPlan, asked_s: u32) -> EmergencySection {
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
