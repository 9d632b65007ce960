//! Plans one transition of a benchmark instance and prints its figures (a development
//! tool): `cargo run --release -p skyshow-plan --example scale -- N CASE [time]`, with
//! CASE `grid-sphere` (3 m grid at 10 m → sphere) or `sphere-wall`.

#![allow(clippy::print_stderr, missing_docs)]

#[path = "../benches/common/instances.rs"]
mod instances;

use skyshow_model::{Limits, Vec3};
use skyshow_plan::{Minimise, PlanOptions, plan_transition};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .and_then(|s| s.parse().ok())
        .expect("usage: scale N CASE [time]");
    let case = args.next().unwrap_or_else(|| "sphere-wall".into());
    let (a, b) = match case.as_str() {
        "grid-sphere" => (
            instances::grid(n)
                .iter()
                .map(|p| *p + Vec3::new(0.0, 0.0, 10.0))
                .collect(),
            instances::sphere_3m(n),
        ),
        _ => (instances::sphere_3m(n), instances::wall(n)),
    };
    let limits = Limits {
        max_altitude_m: 1_000.0,
        ..Limits::DEFAULT
    };
    let minimise = match args.next().as_deref() {
        Some("time") => Minimise::Time,
        _ => Minimise::Distance,
    };
    let opts = PlanOptions {
        minimise,
        ..PlanOptions::DEFAULT
    };
    let t = std::time::Instant::now();
    match plan_transition(&a, &b, &limits, &opts, (5.5, 1_000.0), 0) {
        Ok(tr) => eprintln!(
            "n {n} {case}: planned in {:.2} s; duration {:.2} s, bound {:.2} s, {} (assignment {:.0} ms)",
            t.elapsed().as_secs_f64(),
            tr.duration_ms() as f64 / 1000.0,
            tr.lower_bound_s,
            tr.method.as_str(),
            tr.assign_ms
        ),
        Err(e) => eprintln!("n {n} {case}: {}", e.0),
    }
}
