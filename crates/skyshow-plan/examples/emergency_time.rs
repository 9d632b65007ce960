//! Times the emergency-return planner on a show file:
//! `cargo run -p skyshow-plan --example emergency_time -- examples/eryueer/show.toml`.
//! Prints the plan's and the return's wall times and the number of entries per drone.

// A measuring tool: printing its figures is its job.
#![allow(clippy::print_stdout)]

use std::time::Instant;

use skyshow_plan::{EmergencyOptions, PlanOptions, plan_emergency, plan_show};

fn main() {
    let path = std::env::args().nth(1).expect("a show file");
    let loaded = skyshow_import::load_show(std::path::Path::new(&path)).expect("a valid show");
    let design = &loaded.design;
    let t = Instant::now();
    let opts = PlanOptions {
        minimise: design.minimise,
        ..PlanOptions::DEFAULT
    };
    let plan = plan_show(design, &opts).expect("a plan");
    let plan_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let rth = plan_emergency(
        &plan.trajectories,
        &plan.homes,
        &design.limits,
        &EmergencyOptions::DEFAULT,
    );
    let rth_s = t.elapsed().as_secs_f64();
    let worst = rth
        .iter()
        .flat_map(|p| p.entries.iter().map(|e| e.pre_delay_s))
        .fold(0.0, f64::max);
    println!(
        "{} drones, {} entries each: plan {plan_s:.2} s, emergency {rth_s:.2} s (ratio {:.2}), longest departure delay {worst:.1} s",
        rth.len(),
        rth.first().map_or(0, |p| p.entries.len()),
        rth_s / plan_s
    );
}
