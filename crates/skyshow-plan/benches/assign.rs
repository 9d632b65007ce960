//! Criterion benchmarks of the assignment solvers on show-like transitions (3 m takeoff
//! grid → Fibonacci sphere, sphere → vertical 3 m wall) and uniform random clouds, at
//! n = 600 … 16,000 (instances as in algorithms.md §8). Sample counts are kept at
//! criterion's minimum so the whole run takes a few minutes:
//! `cargo bench -p skyshow-plan --bench assign`.

// criterion's macros generate undocumented public functions.
#![allow(missing_docs)]

use std::f64::consts::PI;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use skyshow_model::Vec3;
use skyshow_plan::assign::{assign_min_sum_sq, assign_min_sum_sq_within, bottleneck};

const SIZES: [usize; 5] = [600, 2_000, 5_000, 10_000, 16_000];

/// Square takeoff grid, 3 m apart, centred on the origin at z = 0.
fn grid(n: usize) -> Vec<Vec3> {
    let side = (n as f64).sqrt().ceil() as usize;
    let h = (side as f64 - 1.0) / 2.0;
    (0..n)
        .map(|k| {
            Vec3::new(
                ((k % side) as f64 - h) * 3.0,
                ((k / side) as f64 - h) * 3.0,
                0.0,
            )
        })
        .collect()
}

fn sphere_radius(n: usize) -> f64 {
    (n as f64 * 9.0 / (4.0 * PI * 0.9)).sqrt()
}

/// Fibonacci sphere of about 3 m spacing centred at height r + 20 m.
fn sphere(n: usize) -> Vec<Vec3> {
    let r = sphere_radius(n);
    (0..n)
        .map(|k| {
            let z = 1.0 - 2.0 * (k as f64 + 0.5) / n as f64;
            let rho = (1.0 - z * z).sqrt();
            let t = PI * (3.0 - 5f64.sqrt()) * k as f64;
            Vec3::new(r * rho * t.cos(), r * rho * t.sin(), r + 20.0 + r * z)
        })
        .collect()
}

/// Vertical square 3 m grid through the sphere centre.
fn wall(n: usize) -> Vec<Vec3> {
    let side = (n as f64).sqrt().ceil() as usize;
    let h = (side as f64 - 1.0) / 2.0;
    let cz = sphere_radius(n) + 20.0;
    (0..n)
        .map(|k| {
            Vec3::new(
                ((k % side) as f64 - h) * 3.0,
                0.0,
                cz + ((k / side) as f64 - h) * 3.0,
            )
        })
        .collect()
}

/// Uniform cloud in a 100 × 100 × 50 m box (SplitMix64, fixed seed).
fn cloud(n: usize, seed: u64) -> Vec<Vec3> {
    let mut s = seed;
    let mut unit = || {
        s = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = s;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|_| Vec3::new(unit() * 100.0, unit() * 100.0, unit() * 50.0))
        .collect()
}

type Instance = (&'static str, Vec<Vec3>, Vec<Vec3>);

fn instances(n: usize) -> Vec<Instance> {
    vec![
        ("grid-sphere", grid(n), sphere(n)),
        ("sphere-wall", sphere(n), wall(n)),
        ("random", cloud(n, 1), cloud(n, 2)),
    ]
}

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
