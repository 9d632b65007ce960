//! Plans a show file and prints per-transition figures (a development tool):
//! `cargo run --release -p skyshow-plan --example plan_report -- SHOW.toml [time|distance]`
//! (default: what the show file's `[planner] minimise` says). Last, a digest of every
//! trajectory, to check that a change meant to keep the plans keeps them.
#![allow(clippy::print_stderr)]
fn main() {
    let path = std::env::args().nth(1).expect("show file");
    let loaded = skyshow_import::load_show(std::path::Path::new(&path)).expect("loads");
    let t = std::time::Instant::now();
    let mut opts = skyshow_plan::PlanOptions::for_design(&loaded.design);
    match std::env::args().nth(2).as_deref() {
        Some("time") => opts.minimise = skyshow_plan::Minimise::Time,
        Some("distance") => opts.minimise = skyshow_plan::Minimise::Distance,
        _ => {}
    }
    let mut last = std::time::Instant::now();
    let plan = skyshow_plan::plan_show_with_progress(&loaded.design, &opts, &mut |stage| {
        eprintln!("  +{:.2} s, now {stage:?}", last.elapsed().as_secs_f64());
        last = std::time::Instant::now();
    })
    .unwrap_or_else(|e| panic!("{e}"));
    for tr in &plan.transitions {
        eprintln!(
            "{:>28} → {:<28} dur {:>6.2} lb {:>6.2} ratio {:>5.3} clear {:>5.2} {} {:.0} ms",
            tr.from,
            tr.to,
            tr.duration_ms as f64 / 1000.0,
            tr.lower_bound_s,
            tr.duration_ms as f64 / 1000.0 / tr.lower_bound_s.max(1e-9),
            tr.min_distance_m,
            tr.method.as_str(),
            tr.planning_ms
        );
    }
    eprintln!("planned in {:?}", t.elapsed());
    // The trajectories' digest (`Debug` prints every `f64` so that it reads back to its
    // bits), to check that a change meant to keep the plans keeps them.
    let text = format!("{:?}", plan.trajectories);
    let digest = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    eprintln!("trajectories digest {digest:016x}");
}
