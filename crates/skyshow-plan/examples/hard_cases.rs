//! Plans the planner's hard cases (`benches/common/hard_cases.rs`) and prints, per case,
//! the duration against the lower bound, the method, the clearance, the validator's
//! verdict and the planning time; then the median and the worst ratio. A development and
//! benchmark tool:
//!
//! ```text
//! cargo run --release -p skyshow-plan --example hard_cases [-- [--json] [--minimise distance|time] [NAME…]]
//! ```
//!
//! `--legs` prints, under each case flown as per-drone flights, where its time goes: its
//! legs grouped by timing (start and end), with how many legs share each and the longest
//! horizontal and vertical displacement.
//!
//! `--digest` prints each plan's digest (its moves and targets, every number to the bit),
//! to check that a change meant to keep the plans keeps them.
//!
//! `--json` prints one JSON object per line (`name`, `n`, `duration_s`, `lower_bound_s`,
//! `ratio`, `method`, `min_distance_m`, `validated_min_distance_m`, `violations`,
//! `planning_ms`, or `error`). NAMEs keep the cases whose name contains one of them.
//! Cases are planned with `minimise = "time"` unless told otherwise.

#![allow(clippy::print_stdout, missing_docs)]

#[path = "../benches/common/hard_cases.rs"]
mod hard_cases;

use skyshow_plan::{Minimise, PlanOptions, plan_transition};
use skyshow_validate::{ValidateOptions, validate};

fn main() {
    let mut json = false;
    let mut legs = false;
    let mut digest = false;
    let mut minimise = Minimise::Time;
    let mut names: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json = true,
            "--legs" => legs = true,
            "--digest" => digest = true,
            "--minimise" => {
                minimise = match args.next().as_deref() {
                    Some("distance") => Minimise::Distance,
                    _ => Minimise::Time,
                }
            }
            _ => names.push(a),
        }
    }
    let limits = hard_cases::limits();
    let opts = PlanOptions {
        minimise,
        ..PlanOptions::DEFAULT
    };
    let mut ratios = Vec::new();
    if !json {
        println!(
            "{:<28} {:>5} {:>8} {:>8} {:>6} {:>10} {:>6} {:>6} {:>4} {:>8}",
            "case", "n", "dur s", "bound s", "ratio", "method", "clear", "valid", "viol", "plan ms"
        );
    }
    for case in hard_cases::hard_cases() {
        if !names.is_empty() && !names.iter().any(|n| case.name.contains(n.as_str())) {
            continue;
        }
        let n = case.from.len();
        let clock = std::time::Instant::now();
        let planned = plan_transition(&case.from, &case.to, &limits, &opts, hard_cases::band(), 0);
        let planning_ms = clock.elapsed().as_secs_f64() * 1000.0;
        let t = match planned {
            Ok(t) => t,
            Err(e) => {
                if json {
                    println!(
                        "{{\"name\":\"{}\",\"n\":{n},\"error\":{:?},\"planning_ms\":{planning_ms:.0}}}",
                        case.name, e.0
                    );
                } else {
                    println!(
                        "{:<28} {n:>5} refused after {planning_ms:.0} ms: {}",
                        case.name, e.0
                    );
                }
                continue;
            }
        };
        let show = hard_cases::fly(&case.from, &t);
        let v = validate(&show, &limits, &ValidateOptions::default());
        let dur = t.duration_ms() as f64 / 1000.0;
        let ratio = if t.lower_bound_s > 0.0 {
            dur / t.lower_bound_s
        } else {
            1.0
        };
        ratios.push(ratio);
        if json {
            println!(
                "{{\"name\":\"{}\",\"n\":{n},\"duration_s\":{dur:.3},\"lower_bound_s\":{:.3},\"ratio\":{ratio:.4},\"method\":\"{}\",\"min_distance_m\":{:.4},\"validated_min_distance_m\":{:.4},\"violations\":{},\"planning_ms\":{planning_ms:.0}}}",
                case.name,
                t.lower_bound_s,
                t.method.as_str(),
                t.min_distance_m,
                v.measured.min_distance_m,
                v.violations_total,
            );
        } else {
            println!(
                "{:<28} {n:>5} {dur:>8.2} {:>8.2} {ratio:>6.3} {:>10} {:>6.3} {:>6.3} {:>4} {planning_ms:>8.0}",
                case.name,
                t.lower_bound_s,
                t.method.as_str(),
                t.min_distance_m,
                v.measured.min_distance_m,
                v.violations_total,
            );
        }
        if legs {
            print_legs(&t);
        }
        if digest {
            println!(
                "    digest {:016x}",
                fnv(&format!("{:?} {:?}", t.moves, t.target_of))
            );
        }
    }
    if !json && !ratios.is_empty() {
        let mut sorted = ratios.clone();
        sorted.sort_by(f64::total_cmp);
        let k = sorted.len();
        let median = if k % 2 == 1 {
            sorted[k / 2]
        } else {
            (sorted[k / 2 - 1] + sorted[k / 2]) / 2.0
        };
        println!(
            "median ratio {median:.3}, worst {:.3} ({} planned)",
            sorted[k - 1],
            k
        );
    }
}

/// Where a plan's time goes: its legs grouped by timing (phased plans share one timing
/// per leg across the fleet), each with how many legs share it and their longest parts.
fn print_legs(t: &skyshow_plan::Transition) {
    let mut t0 = 0;
    for m in &t.moves {
        if let skyshow_plan::Move::Flights(fm) = m {
            // (start, end) -> (legs, longest across, longest up/down); a crossing flown per
            // axis counts two legs a drone.
            let mut groups: std::collections::BTreeMap<(i64, i64), (usize, f64, f64)> =
                std::collections::BTreeMap::new();
            for l in fm.flights.iter().flat_map(|f| &f.legs) {
                let g = groups
                    .entry((l.start_ms, l.end_ms()))
                    .or_insert((0, 0.0, 0.0));
                g.0 += 1;
                g.1 = g.1.max(l.delta.norm_xy());
                g.2 = g.2.max(l.delta.z.abs());
            }
            if groups.len() > 12 {
                println!("    {} leg timings (each drone its own)", groups.len());
            } else {
                for ((s, e), (n, xy, z)) in groups {
                    println!(
                        "    {:>6.2}..{:>6.2} s: {n:>5} legs, longest {xy:>6.2} m across, {z:>6.2} m up/down",
                        (t0 + s) as f64 / 1000.0,
                        (t0 + e) as f64 / 1000.0
                    );
                }
            }
        } else {
            println!(
                "    straight stage of {:.2} s",
                m.duration_ms() as f64 / 1000.0
            );
        }
        t0 += m.duration_ms();
    }
}

/// 64-bit FNV-1a of a text (`Debug` prints every `f64` so that it reads back to its bits).
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
