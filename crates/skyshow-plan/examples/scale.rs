//! Scratch: times one transition at scale.
#![allow(clippy::print_stderr, missing_docs)]
#[path = "../benches/common/instances.rs"]
mod instances;
use skyshow_model::{Limits, Vec3};
use skyshow_plan::{Minimise, PlanOptions, plan_transition};
fn main() {
    let n: usize = std::env::args().nth(1).unwrap().parse().unwrap();
    let case = std::env::args().nth(2).unwrap();
    let (a, b) = match case.as_str() {
        "gs" => (
            instances::grid(n)
                .iter()
                .map(|p| *p + Vec3::new(0.0, 0.0, 10.0))
                .collect::<Vec<_>>(),
            instances::sphere_3m(n),
        ),
        _ => (instances::sphere_3m(n), instances::wall(n)),
    };
    let limits = Limits {
        max_altitude_m: 1000.0,
        ..Limits::DEFAULT
    };
    let opts = PlanOptions {
        minimise: if std::env::args().nth(3).as_deref() == Some("time") {
            Minimise::Time
        } else {
            Minimise::Distance
        },
        ..PlanOptions::DEFAULT
    };
    let t = std::time::Instant::now();
    let tr = plan_transition(&a, &b, &limits, &opts, (5.5, 1000.0), 0).unwrap();
    eprintln!(
        "n {n} {case}: {:?} dur {:.2} lb {:.2} {:?} assign {:.0} ms",
        t.elapsed(),
        tr.duration_ms() as f64 / 1000.0,
        tr.lower_bound_s,
        tr.method,
        tr.assign_ms
    );
}
