//! Side-by-side benchmark peer of `compare.py`: reads the instance files the script
//! wrote (raw little-endian f64: the n source points, then the n target points, x y z
//! each), runs skyshow's exact assignment on each and prints one JSON line per instance
//! with the wall time (points in, assignment out: cost evaluation included) and the cost.
//!
//! Run through cargo so it is built optimised:
//! `cargo bench -p skyshow-plan --bench assign_compare -- FILE...`
//! Options: `--repeat N` (report the median of N runs, default 1), `--bottleneck` (also
//! time the bottleneck value on Euclidean distance, then the SSD assignment restricted
//! to pairs within it).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::Instant;

use skyshow_model::Vec3;
use skyshow_plan::assign::{assign_min_sum_sq, assign_min_sum_sq_within, bottleneck};

fn load(path: &str) -> std::io::Result<(Vec<Vec3>, Vec<Vec3>)> {
    let bytes = std::fs::read(path)?;
    let vals: Vec<f64> = bytes
        .chunks_exact(8)
        .map(|c| f64::from_le_bytes(c.try_into().expect("8 bytes")))
        .collect();
    let n = vals.len() / 6;
    let pts: Vec<Vec3> = vals
        .chunks_exact(3)
        .map(|c| Vec3::new(c[0], c[1], c[2]))
        .collect();
    Ok((pts[..n].to_vec(), pts[n..2 * n].to_vec()))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let mut repeat = 1usize;
    let mut with_bottleneck = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bench" => {}
            "--repeat" => repeat = args.next().and_then(|s| s.parse().ok()).unwrap_or(1).max(1),
            "--bottleneck" => with_bottleneck = true,
            _ => files.push(a),
        }
    }
    for f in files {
        let (a, b) = match load(&f) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("{f}: {e}");
                std::process::exit(2);
            }
        };
        let mut times = Vec::new();
        let mut cost = 0.0;
        for _ in 0..repeat {
            let t = Instant::now();
            let r = assign_min_sum_sq(&a, &b);
            times.push(t.elapsed().as_secs_f64());
            cost = r.cost_sum_sq;
        }
        let mut extra = String::new();
        if with_bottleneck {
            let t = Instant::now();
            let bn = bottleneck(&a, &b, &|p: Vec3, q: Vec3| p.dist(q));
            let bt = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let within = assign_min_sum_sq_within(&a, &b, &|i, j| a[i].dist(b[j]) <= bn.value);
            let wt = t.elapsed().as_secs_f64();
            let wc = within.map_or(f64::NAN, |w| w.cost_sum_sq);
            extra = format!(
                ", \"bottleneck\": {:.17e}, \"bottleneck_seconds\": {bt:.6}, \"within_cost\": {wc:.17e}, \"within_seconds\": {wt:.6}",
                bn.value
            );
        }
        println!(
            "{{\"file\": \"{}\", \"n\": {}, \"seconds\": {:.6}, \"cost\": {:.17e}{}}}",
            f,
            a.len(),
            median(times),
            cost,
            extra
        );
    }
}
