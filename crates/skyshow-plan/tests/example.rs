//! Plans the festival example end to end and checks the plan's own figures.

#![allow(clippy::print_stderr)] // tests say why they skip and print their figures

use std::path::Path;

use skyshow_plan::{PlanOptions, plan_show};

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
}
