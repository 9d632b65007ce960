//! Plans the festival example end to end and checks the plan's own figures.

#![allow(clippy::print_stderr)] // tests say why they skip and print their figures

use std::path::Path;

use skyshow_model::Vec3;
use skyshow_plan::emergency::LandInPlace;
use skyshow_plan::{PlanOptions, ShowPlan, plan_show};

#[test]
fn example_plans_within_limits() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/eryueer/show.toml");
    let loaded = skyshow_import::load_show(&path).expect("example loads");
    let t = std::time::Instant::now();
    let plan = plan_show(&loaded.design, &PlanOptions::DEFAULT)
        .unwrap_or_else(|e| panic!("{e}: {}", e.hint()));
    let elapsed = t.elapsed();
    let n = loaded.design.fleet.drones;
    assert_eq!(plan.trajectories.len(), n);
    for tr in &plan.transitions {
        eprintln!(
            "{:>28} → {:<28} start {:>7.1} dur {:>6.2} lb {:>6.2} ratio {:>5.3} clear {:>5.2} {} {:.0} ms",
            tr.from,
            tr.to,
            tr.start_ms as f64 / 1000.0,
            tr.duration_ms as f64 / 1000.0,
            tr.lower_bound_s,
            tr.duration_ms as f64 / 1000.0 / tr.lower_bound_s.max(1e-9),
            tr.min_distance_m,
            tr.method.as_str(),
            tr.planning_ms
        );
        assert!(tr.min_distance_m >= loaded.design.limits.min_distance_m - 1e-9);
    }
    eprintln!(
        "end {:.1} s, landing {:.1}–{:.1}, planned in {elapsed:?}",
        plan.end_ms as f64 / 1000.0,
        plan.landing_start_ms as f64 / 1000.0,
        plan.end_ms as f64 / 1000.0
    );
    // Every drone ends on its own slot.
    for (i, tr) in plan.trajectories.iter().enumerate() {
        assert!(tr.end_position().dist(plan.homes[i]) < 1e-9);
    }
    landing_in_place_is_never_called_safe_over_a_vertical_picture(&plan, &loaded.design.limits);
}

/// The closest horizontal distance of two drones both at or above `low` at `t` seconds.
fn closest_horizontal(plan: &ShowPlan, t: f64, low: f64) -> f64 {
    let flat = |p: Vec3| Vec3::new(p.x, p.y, 0.0);
    let at: Vec<Vec3> = plan
        .trajectories
        .iter()
        .map(|tr| tr.position(t))
        .filter(|p| p.z >= low)
        .collect();
    let mut best = f64::INFINITY;
    for i in 0..at.len() {
        for j in i + 1..at.len() {
            best = best.min(flat(at[i]).dist(flat(at[j])));
        }
    }
    best
}

/// The example's `land_in_place_safe_s` (what `report.json` states): no whole second of
/// a picture with drones stacked closer than the minimum distance horizontally (a
/// vertical picture) is in it, the example has such pictures, and the seconds it does
/// call safe have every two flying drones that far apart horizontally.
fn landing_in_place_is_never_called_safe_over_a_vertical_picture(
    plan: &ShowPlan,
    limits: &skyshow_model::Limits,
) {
    let (d, low) = (limits.min_distance_m, limits.min_nav_altitude_m);
    let end_s = plan.end_ms as f64 / 1000.0;
    let safe = LandInPlace::find(&plan.trajectories, end_s, d, low);
    let mut vertical = 0;
    for f in &plan.formations {
        let (a, b) = (f.start_ms / 1000 + 1, f.end_ms / 1000);
        let stacked = closest_horizontal(plan, 0.5 * (a + b) as f64, low) < d - 1e-6;
        eprintln!(
            "{:>28} {a:>4}–{b:<4} s vertical {stacked} safe at mid-hold {}",
            f.formation.name,
            safe.is_safe_at(0.5 * (a + b) as f64)
        );
        if !stacked {
            continue;
        }
        vertical += 1;
        for t in a..b {
            let t = t as f64;
            if closest_horizontal(plan, t, low) < d - 1e-6 {
                assert!(!safe.is_safe_at(t), "{} at {t} s", f.formation.name);
            }
        }
    }
    assert!(vertical >= 3, "{vertical} vertical pictures");
    for &(a, b) in &safe.safe_s {
        let mut t = a.ceil();
        while t < b {
            assert!(
                closest_horizontal(plan, t, low) >= d - 1e-6,
                "{t} s called safe"
            );
            t += 1.0;
        }
    }
    eprintln!("land in place safe: {:?}", safe.safe_s);
}
