//! Criterion benchmarks of whole transitions — assignment, lower bound, and the flight
//! with its exact clearance and staggering — on show-like instances (3 m takeoff grid →
//! Fibonacci sphere grown to 3 m spacing, sphere → vertical 3 m wall; minimum distance 3 m, so the wall is
//! spaced exactly at the minimum) at n = 600 … 16,000, minimising distance and time:
//! `cargo bench -p skyshow-plan --bench plan`. Every sample of the largest sizes takes
//! seconds, so the whole run takes tens of minutes; filter by name to run one size, e.g.
//! `cargo bench -p skyshow-plan --bench plan -- /2000`.

// criterion's macros generate undocumented public functions.
#![allow(missing_docs)]

#[path = "common/instances.rs"]
mod instances;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use instances::{grid, sphere_3m, wall};
use skyshow_model::{Limits, Vec3};
use skyshow_plan::{Minimise, PlanOptions, plan_transition};

const SIZES: [usize; 5] = [600, 2_000, 5_000, 10_000, 16_000];

fn bench_plan(c: &mut Criterion) {
    let mut g = c.benchmark_group("plan_transition");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_secs(1));
    let limits = Limits {
        max_altitude_m: 1_000.0,
        ..Limits::DEFAULT
    };
    for n in SIZES {
        // The takeoff grid flies at 10 m, as after the takeoff climb.
        let lifted: Vec<Vec3> = grid(n)
            .iter()
            .map(|p| *p + Vec3::new(0.0, 0.0, 10.0))
            .collect();
        let cases = [
            ("grid-sphere", lifted, sphere_3m(n)),
            ("sphere-wall", sphere_3m(n), wall(n)),
        ];
        for (name, a, b) in cases {
            for (mode, minimise) in [("distance", Minimise::Distance), ("time", Minimise::Time)] {
                let opts = PlanOptions {
                    minimise,
                    ..PlanOptions::DEFAULT
                };
                let id = BenchmarkId::new(format!("{name}/{mode}"), n);
                g.bench_with_input(id, &(&a, &b), |bch, (a, b)| {
                    bch.iter(|| {
                        plan_transition(
                            black_box(a),
                            black_box(b),
                            &limits,
                            &opts,
                            (5.5, 1_000.0),
                            0,
                        )
                        .expect("plannable")
                    })
                });
            }
        }
    }
    g.finish();
}

criterion_group!(benches, bench_plan);
criterion_main!(benches);
