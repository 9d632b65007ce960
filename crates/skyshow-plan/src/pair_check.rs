//! Exact clearance of flights: between two drones, and across a whole fleet.
//!
//! Every flight is piecewise quadratic in time with joints on whole milliseconds, so
//! between the joints of two flights the squared distance between them is a quartic,
//! minimised in closed form ([`quadratic_min`]). A fleet is checked window by window: in
//! each time window every drone's flight lies in a box (the box of its positions at the
//! window's ends and joints, grown by how far a quadratic piece bulges from its chord);
//! boxes are swept along x, and only the pairs whose boxes come within the minimum distance
//! are checked exactly, on that window. Windows are checked in parallel and their results
//! combined in window order, so the answer does not depend on the number of threads.

use std::collections::BTreeSet;

use rayon::prelude::*;
use skyshow_model::Vec3;

use crate::flight::Flight;

/// Length of the broad phase's time windows, ms.
const WINDOW_MS: i64 = 500;

/// The smallest `|r + v·τ + a·τ²/2|` over `τ ∈ [0, len]`: the endpoints and the real
/// roots in between of the derivative of its square, a cubic.
pub(crate) fn quadratic_min(r: Vec3, v: Vec3, a: Vec3, len: f64) -> f64 {
    let at = |t: f64| (r + v * t + a * (0.5 * t * t)).norm();
    let mut best = at(0.0).min(at(len));
    // d/dτ |x|²/2 = x·x' = c3 τ³ + c2 τ² + c1 τ + c0.
    let c3 = 0.5 * a.dot(a);
    let c2 = 1.5 * v.dot(a);
    let c1 = v.dot(v) + r.dot(a);
    let c0 = r.dot(v);
    let f = |t: f64| ((c3 * t + c2) * t + c1) * t + c0;
    // Split [0, len] where the cubic's derivative vanishes; it is monotone in between.
    let mut cuts = vec![0.0, len];
    let (qa, qb, qc) = (3.0 * c3, 2.0 * c2, c1);
    if qa.abs() > 1e-300 {
        let disc = qb * qb - 4.0 * qa * qc;
        if disc > 0.0 {
            let sq = disc.sqrt();
            cuts.push((-qb - sq) / (2.0 * qa));
            cuts.push((-qb + sq) / (2.0 * qa));
        }
    } else if qb.abs() > 1e-300 {
        cuts.push(-qc / qb);
    }
    cuts.retain(|t| (0.0..=len).contains(t));
    cuts.sort_by(f64::total_cmp);
    for w in cuts.windows(2) {
        let (lo, hi) = (w[0], w[1]);
        let (flo, fhi) = (f(lo), f(hi));
        if flo > 0.0 || fhi < 0.0 {
            // No minimum of the distance inside (it only has minima where x·x' goes
            // from negative to positive).
            continue;
        }
        let df = |t: f64| (qa * t + qb) * t + qc;
        best = best.min(at(root_in(f, df, lo, hi)));
    }
    best
}

/// The root of `f` (derivative `df`), increasing on `[lo, hi]` with
/// `f(lo) <= 0 <= f(hi)`: Newton's steps from the middle, a halving wherever a step would
/// leave the bracket, until a step is below 1e-13 s (the distance there is exact to far
/// below a nanometre: its derivative vanishes at the root).
fn root_in(f: impl Fn(f64) -> f64, df: impl Fn(f64) -> f64, mut lo: f64, mut hi: f64) -> f64 {
    let mut t = 0.5 * (lo + hi);
    for _ in 0..100 {
        let ft = f(t);
        if ft < 0.0 {
            lo = t;
        } else if ft > 0.0 {
            hi = t;
        } else {
            return t;
        }
        let slope = df(t);
        let newton = t - ft / slope;
        let next = if slope > 0.0 && newton > lo && newton < hi {
            newton
        } else {
            0.5 * (lo + hi)
        };
        if (next - t).abs() <= 1e-13 || hi - lo <= 1e-13 {
            return next;
        }
        t = next;
    }
    t
}

/// The smallest distance between flights `a` and `b` from `t0` to `t1` ms, exactly
/// (stopping early once it is below `stop`).
pub(crate) fn pair_min(a: &Flight, b: &Flight, t0: i64, t1: i64, stop: f64) -> f64 {
    let mut cuts: Vec<i64> = Vec::with_capacity(2 + 4 * (a.legs.len() + b.legs.len()));
    cuts.push(t0);
    cuts.push(t1);
    a.breaks(&mut cuts);
    b.breaks(&mut cuts);
    cuts.retain(|&t| t >= t0 && t <= t1);
    cuts.sort_unstable();
    cuts.dedup();
    let (p0, _, _) = a.state(cuts[0]);
    let (q0, _, _) = b.state(cuts[0]);
    let mut best = p0.dist(q0);
    for w in cuts.windows(2) {
        if best < stop {
            break;
        }
        let (pa, va, aa) = a.state(w[0]);
        let (pb, vb, ab) = b.state(w[0]);
        let len = (w[1] - w[0]) as f64 / 1000.0;
        best = best.min(quadratic_min(pa - pb, va - vb, aa - ab, len));
    }
    best
}

/// The clearance of a fleet's flights.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FleetClearance {
    /// The smallest distance between two drones among the pairs that come within the
    /// search distance, metres (infinite if none does).
    pub min_m: f64,
    /// The pair that comes closest.
    pub pair: Option<(usize, usize)>,
    /// Every pair that comes closer than the minimum distance, ascending.
    pub conflicts: BTreeSet<(usize, usize)>,
}

/// One window's closest distance, its pair, and its conflicting pairs.
type WindowResult = (f64, Option<(usize, usize)>, Vec<(usize, usize)>);

/// The box a flight stays in from `t0` to `t1` ms.
pub(crate) fn sweep_box(f: &Flight, joints: &[i64], t0: i64, t1: i64) -> (Vec3, Vec3) {
    let (p0, _, _) = f.state(t0);
    let (mut lo, mut hi) = (p0, p0);
    if f.legs.is_empty() || t1 <= f.departure_ms() || t0 >= f.arrival_ms() {
        return (lo, hi);
    }
    let from = joints.partition_point(|&t| t <= t0);
    let mut prev = t0;
    let mut bulge: f64 = 0.0;
    for &t in joints[from..]
        .iter()
        .take_while(|&&t| t < t1)
        .chain([t1].iter())
    {
        let (p, _, _) = f.state(t);
        let (_, _, a) = f.state(prev);
        let len = (t - prev) as f64 / 1000.0;
        bulge = bulge.max(a.norm() * len * len / 8.0);
        lo = lo.min(p);
        hi = hi.max(p);
        prev = t;
    }
    let g = Vec3::new(bulge, bulge, bulge);
    (lo - g, hi + g)
}

/// Checks every pair of `flights` exactly, looking at the pairs that come within
/// `reach` metres of each other; `d` is the minimum distance (pairs closer are conflicts).
pub(crate) fn fleet_clearance(flights: &[Flight], d: f64, reach: f64) -> FleetClearance {
    let n = flights.len();
    let end = flights.iter().map(Flight::arrival_ms).max().unwrap_or(0);
    let joints: Vec<Vec<i64>> = flights.par_iter().map(Flight::joints).collect();
    let windows = ((end + WINDOW_MS - 1) / WINDOW_MS).max(1);
    let per_window: Vec<WindowResult> = (0..windows)
        .into_par_iter()
        .map(|w| {
            let (t0, t1) = (w * WINDOW_MS, ((w + 1) * WINDOW_MS).min(end.max(1)));
            let boxes: Vec<(Vec3, Vec3)> = (0..n)
                .map(|i| sweep_box(&flights[i], &joints[i], t0, t1))
                .collect();
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by(|&a, &b| boxes[a].0.x.total_cmp(&boxes[b].0.x).then(a.cmp(&b)));
            let mut best = (f64::INFINITY, None);
            let mut bad = Vec::new();
            for (k, &i) in order.iter().enumerate() {
                let (lo, hi) = boxes[i];
                for &j in &order[k + 1..] {
                    let (lj, hj) = boxes[j];
                    if lj.x > hi.x + reach {
                        break;
                    }
                    if lj.y > hi.y + reach
                        || lo.y > hj.y + reach
                        || lj.z > hi.z + reach
                        || lo.z > hj.z + reach
                    {
                        continue;
                    }
                    // Two drones still for the whole window: their distance is fixed.
                    let m = pair_min(&flights[i], &flights[j], t0, t1, f64::NEG_INFINITY);
                    if m >= reach {
                        continue;
                    }
                    let pair = (i.min(j), i.max(j));
                    if m < best.0 || (m == best.0 && best.1.is_some_and(|p| pair < p)) {
                        best = (m, Some(pair));
                    }
                    if m < d - 1e-9 {
                        bad.push(pair);
                    }
                }
            }
            (best.0, best.1, bad)
        })
        .collect();
    let mut out = FleetClearance {
        min_m: f64::INFINITY,
        pair: None,
        conflicts: BTreeSet::new(),
    };
    for (m, pair, bad) in per_window {
        if let Some(p) = pair
            && (m < out.min_m || (m == out.min_m && out.pair.is_some_and(|q| p < q)))
        {
            out.min_m = m;
            out.pair = Some(p);
        }
        out.conflicts.extend(bad);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Profile;

    #[test]
    fn fleet_check_matches_dense_sampling() {
        let mut s = 4242u64;
        let mut rnd = || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        let n = 30;
        let flights: Vec<Flight> = (0..n)
            .map(|_| {
                let a = Vec3::new(rnd() * 40.0, rnd() * 40.0, 30.0 + rnd() * 10.0);
                let w = Vec3::new(rnd() * 4.0 - 2.0, rnd() * 4.0 - 2.0, rnd() * 4.0 - 2.0);
                let b = Vec3::new(rnd() * 40.0, rnd() * 40.0, 30.0 + rnd() * 10.0);
                let main = Profile::fastest(0.15, 0.1, 0);
                let side = Profile::fastest(0.6, 0.8, 0);
                let start = (rnd() * 1500.0) as i64;
                Flight {
                    from: a,
                    to: b,
                    legs: vec![
                        crate::flight::Leg {
                            start_ms: start,
                            delta: w,
                            profile: side,
                        },
                        crate::flight::Leg {
                            start_ms: start + 200,
                            delta: b - a,
                            profile: main,
                        },
                        crate::flight::Leg {
                            start_ms: start + 200 + main.total_ms - side.total_ms,
                            delta: w * -1.0,
                            profile: side,
                        },
                    ],
                }
            })
            .collect();
        let c = fleet_clearance(&flights, 3.0, 200.0);
        let end = flights.iter().map(Flight::arrival_ms).max().unwrap();
        let mut brute = f64::INFINITY;
        let mut brute_bad = BTreeSet::new();
        for t in (0..=end).step_by(5) {
            let p: Vec<Vec3> = flights.iter().map(|f| f.state(t).0).collect();
            for i in 0..n {
                for j in i + 1..n {
                    let dd = p[i].dist(p[j]);
                    brute = brute.min(dd);
                    if dd < 3.0 - 1e-6 {
                        brute_bad.insert((i, j));
                    }
                }
            }
        }
        assert!(c.min_m <= brute + 1e-9, "{} vs {brute}", c.min_m);
        assert!(brute - c.min_m < 0.05, "{} vs {brute}", c.min_m);
        assert!(brute_bad.is_subset(&c.conflicts));
    }
}
