//! Times the exact sum-of-squares assignment between two point files (a development
//! tool): `cargo run --release -p skyshow-plan --example assign_csv -- FROM.csv TO.csv`.
//! Each file has a header line and `x,y,z,…` rows, as written by `skyshow formation`.

#![allow(clippy::print_stdout, missing_docs)]

use std::time::Instant;

use skyshow_model::Vec3;
use skyshow_plan::assign::assign_min_sum_sq;

fn read(path: &str) -> Vec<Vec3> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Vec<f64> = l
                .split(',')
                .take(3)
                .map(|s| s.trim().parse().expect("a number"))
                .collect();
            Vec3::new(v[0], v[1], v[2])
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    assert!(args.len() == 2, "usage: assign_csv FROM.csv TO.csv");
    let a = read(&args[0]);
    let b = read(&args[1]);
    let t = Instant::now();
    let s = assign_min_sum_sq(&a, &b);
    println!(
        "n {} cost {:.9e} time {:.3} s",
        a.len(),
        s.cost_sum_sq,
        t.elapsed().as_secs_f64()
    );
}
