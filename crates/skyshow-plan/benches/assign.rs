//! Criterion benchmarks of the assignment solvers on show-like transitions (3 m takeoff
//! grid → Fibonacci sphere, sphere → vertical 3 m wall) and uniform random clouds, at
//! n = 600 … 16,000 (instances as in algorithms.md §8). Sample counts are kept at
//! criterion's minimum so the whole run takes a few minutes:
//! `cargo bench -p skyshow-plan --bench assign`.

// criterion's macros generate undocumented public functions.
#![allow(missing_docs)]

#[path = "common/instances.rs"]
mod instances;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use instances::instances;
use skyshow_model::Vec3;
use skyshow_plan::assign::{assign_min_sum_sq, assign_min_sum_sq_within, bottleneck};

const SIZES: [usize; 5] = [600, 2_000, 5_000, 10_000, 16_000];

fn configure<'a>(
    c: &'a mut Criterion,
    name: &'static str,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    g
}

fn bench_ssd(c: &mut Criterion) {
    let mut g = configure(c, "assign_min_sum_sq");
    for n in SIZES {
        for (name, a, b) in instances(n) {
            g.bench_with_input(BenchmarkId::new(name, n), &(a, b), |bch, (a, b)| {
                bch.iter(|| assign_min_sum_sq(black_box(a), black_box(b)))
            });
        }
    }
    g.finish();
}

fn bench_bottleneck(c: &mut Criterion) {
    let mut g = configure(c, "bottleneck");
    let dist = |p: Vec3, q: Vec3| p.dist(q);
    for n in SIZES {
        for (name, a, b) in instances(n) {
            g.bench_with_input(BenchmarkId::new(name, n), &(a, b), |bch, (a, b)| {
                bch.iter(|| bottleneck(black_box(a), black_box(b), &dist))
            });
        }
    }
    g.finish();
}

fn bench_within_bottleneck(c: &mut Criterion) {
    let mut g = configure(c, "assign_min_sum_sq_within_bottleneck");
    for n in [2_000, 10_000] {
        for (name, a, b) in instances(n) {
            let limit = bottleneck(&a, &b, &|p: Vec3, q: Vec3| p.dist(q)).value;
            g.bench_with_input(BenchmarkId::new(name, n), &(a, b), |bch, (a, b)| {
                bch.iter(|| {
                    assign_min_sum_sq_within(black_box(a), black_box(b), &|i, j| {
                        a[i].dist(b[j]) <= limit
                    })
                })
            });
        }
    }
    g.finish();
}

criterion_group!(
    benches,
    bench_ssd,
    bench_bottleneck,
    bench_within_bottleneck
);
criterion_main!(benches);
