//! Validation speed on a synthetic lattice show: 600 drones × ~1000 s (about 100 segments
//! each); set `SKYSHOW_BENCH_LARGE=1` to add 16 000 drones.

// criterion's macros generate undocumented items.
#![allow(missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use skyshow_model::Limits;
use skyshow_validate::{ValidateOptions, validate};

#[path = "../tests/common/mod.rs"]
mod common;

fn bench(c: &mut Criterion) {
    let show = common::lattice_show(600, 1000.0, 3.5);
    let mut g = c.benchmark_group("validate");
    g.sample_size(10);
    g.bench_function("600 drones x 1000 s", |b| {
        b.iter(|| validate(&show, &Limits::DEFAULT, &ValidateOptions::DEFAULT))
    });
    if std::env::var_os("SKYSHOW_BENCH_LARGE").is_some() {
        let big = common::lattice_show(16_000, 1000.0, 3.5);
        g.bench_function("16000 drones x 1000 s", |b| {
            b.iter(|| validate(&big, &Limits::DEFAULT, &ValidateOptions::DEFAULT))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
