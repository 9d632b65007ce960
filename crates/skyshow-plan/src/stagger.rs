//! Staggering: resolving the few close encounters of a CAPT move by delaying some drones.
//!
//! When CAPT's spacing condition does not hold, a synchronised move usually brings only a
//! handful of pairs closer than the minimum distance. Delaying one drone of such a pair
//! (it flies the same straight line and profile, a little later) lets the two pass at
//! different times. Every pair whose paths come within the minimum distance is checked in
//! continuous time: relative positions are sampled every 50 ms and the distance between
//! samples is bounded below by the linear interpolation minus the curvature term
//! `a_rel·Δt²/8`, so an accepted schedule is safe.

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;
use skyshow_model::{Limits, Vec3};

use crate::sync_move::{SyncMove, segment_min};

/// Sampling step of the pair check, milliseconds.
const STEP_MS: i64 = 50;
/// Delay added per step, milliseconds.
const DELAY_STEP_MS: i64 = 250;

/// Closest distance between segments `p0–p1` and `q0–q1`.
pub(crate) fn segment_segment(p0: Vec3, p1: Vec3, q0: Vec3, q1: Vec3) -> f64 {
    let d1 = p1 - p0;
    let d2 = q1 - q0;
    let r = p0 - q0;
    let a = d1.norm2();
    let e = d2.norm2();
    let f = d2.dot(r);
    let (s, t);
    if a <= 1e-12 && e <= 1e-12 {
        return r.norm();
    }
    if a <= 1e-12 {
        s = 0.0;
        t = (f / e).clamp(0.0, 1.0);
    } else {
        let c = d1.dot(r);
        if e <= 1e-12 {
            t = 0.0;
            s = (-c / a).clamp(0.0, 1.0);
        } else {
            let b = d1.dot(d2);
            let denom = a * e - b * b;
            let mut s0 = if denom > 1e-12 {
                ((b * f - c * e) / denom).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let mut t0 = (b * s0 + f) / e;
            if t0 < 0.0 {
                t0 = 0.0;
                s0 = (-c / a).clamp(0.0, 1.0);
            } else if t0 > 1.0 {
                t0 = 1.0;
                s0 = ((b - c) / a).clamp(0.0, 1.0);
            }
            s = s0;
            t = t0;
        }
    }
    ((p0 + d1 * s) - (q0 + d2 * t)).norm()
}

/// Pairs of drones whose straight paths come within `reach` of each other.
fn candidate_pairs(from: &[Vec3], to: &[Vec3], reach: f64) -> Vec<Vec<usize>> {
    let n = from.len();
    let cell = reach.max(1e-3);
    let key = |p: Vec3| {
        (
            (p.x / cell).floor() as i64,
            (p.y / cell).floor() as i64,
            (p.z / cell).floor() as i64,
        )
    };
    let mut grid: HashMap<(i64, i64, i64), Vec<usize>> = HashMap::new();
    let cells_of = |i: usize| {
        let len = from[i].dist(to[i]);
        let steps = ((len / (cell * 0.5)).ceil() as usize).max(1);
        let mut keys: Vec<(i64, i64, i64)> = (0..=steps)
            .map(|k| key(from[i].lerp(to[i], k as f64 / steps as f64)))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    };
    let all: Vec<Vec<(i64, i64, i64)>> = (0..n).into_par_iter().map(cells_of).collect();
    for (i, keys) in all.iter().enumerate() {
        for k in keys {
            grid.entry(*k).or_default().push(i);
        }
    }
    (0..n)
        .into_par_iter()
        .map(|i| {
            let mut near: Vec<usize> = Vec::new();
            for &(kx, ky, kz) in &all[i] {
                for dx in -1..=1 {
                    for dy in -1..=1 {
                        for dz in -1..=1 {
                            if let Some(b) = grid.get(&(kx + dx, ky + dy, kz + dz)) {
                                near.extend(b.iter().copied().filter(|&j| j != i));
                            }
                        }
                    }
                }
            }
            near.sort_unstable();
            near.dedup();
            near.retain(|&j| segment_segment(from[i], to[i], from[j], to[j]) < reach);
            near
        })
        .collect()
}

/// A lower bound on the distance between drones `i` and `j` over the whole move, given
/// departure delays.
fn pair_clearance(m: &SyncMove, delays: &[i64], i: usize, j: usize, bound: f64) -> f64 {
    let (di, dj) = (delays[i], delays[j]);
    let t_end = di.max(dj) + m.profile.total_ms;
    let at = |k: usize, dk: i64, t: i64| {
        m.from[k].lerp(m.to[k], m.profile.beta((t - dk) as f64 / 1000.0))
    };
    let mut t = di.min(dj);
    let mut r0 = at(i, di, t) - at(j, dj, t);
    let mut best = r0.norm();
    while t < t_end {
        let t1 = (t + STEP_MS).min(t_end);
        let r1 = at(i, di, t1) - at(j, dj, t1);
        best = best.min(segment_min(r0, r1).0 - bound);
        r0 = r1;
        t = t1;
    }
    best
}

/// Delays (ms, one per drone) that keep every pair at least `d` apart during the move, and
/// the smallest distance they reach; `None` if no schedule was found within the budget.
pub(crate) fn stagger(m: &SyncMove, limits: &Limits, max_delay_ms: i64) -> Option<(Vec<i64>, f64)> {
    let n = m.from.len();
    let d = limits.min_distance_m;
    let h = STEP_MS as f64 / 1000.0;
    let bound = 2.0 * limits.max_accel_m_s2 * h * h / 8.0 + 1e-9;
    let near = candidate_pairs(&m.from, &m.to, d + 0.01);
    let mut delays = vec![0i64; n];
    let check = |delays: &[i64], i: usize, j: usize| pair_clearance(m, delays, i, j, bound);
    let initial: Vec<(usize, usize)> = (0..n)
        .into_par_iter()
        .flat_map_iter(|i| {
            let delays = &delays;
            near[i]
                .iter()
                .filter(move |&&j| j > i && check(delays, i, j) < d)
                .map(move |&j| (i, j))
        })
        .collect();
    let mut conflicts: BTreeSet<(usize, usize)> = initial.into_iter().collect();
    let len: Vec<f64> = m.from.iter().zip(&m.to).map(|(a, b)| a.dist(*b)).collect();
    let mut budget = 40 * n.max(50);
    while let Some(&(i, j)) = conflicts.iter().next() {
        if budget == 0 {
            return None;
        }
        budget -= 1;
        // Delay whichever of the two needs the smaller delay to clear the other (ties: the
        // shorter path, then the later index).
        let mut choice: Option<(i64, f64, usize, usize)> = None;
        for v in [i, j] {
            let saved = delays[v];
            let mut extra = DELAY_STEP_MS;
            while saved + extra <= max_delay_ms {
                delays[v] = saved + extra;
                if check(&delays, i, j) >= d {
                    let key = (extra, len[v], usize::MAX - v, v);
                    if choice.is_none_or(|c| (key.0, key.1, key.2) < (c.0, c.1, c.2)) {
                        choice = Some(key);
                    }
                    break;
                }
                extra += DELAY_STEP_MS;
            }
            delays[v] = saved;
        }
        let (extra, _, _, v) = choice?;
        delays[v] += extra;
        let updates: Vec<(usize, bool)> = near[v]
            .par_iter()
            .map(|&k| (k, check(&delays, v, k) < d))
            .collect();
        for (k, bad) in updates {
            let pair = (v.min(k), v.max(k));
            if bad {
                conflicts.insert(pair);
            } else {
                conflicts.remove(&pair);
            }
        }
    }
    let min_d = (0..n)
        .into_par_iter()
        .map(|i| {
            near[i]
                .iter()
                .filter(|&&j| j > i)
                .map(|&j| check(&delays, i, j))
                .fold(f64::INFINITY, f64::min)
        })
        .reduce(|| f64::INFINITY, f64::min);
    Some((delays, min_d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_distance_cases() {
        let o = Vec3::ZERO;
        let x = Vec3::new(10.0, 0.0, 0.0);
        assert!(
            (segment_segment(o, x, Vec3::new(5.0, 3.0, -5.0), Vec3::new(5.0, 3.0, 5.0)) - 3.0)
                .abs()
                < 1e-12
        );
        assert!(
            (segment_segment(o, x, Vec3::new(12.0, 0.0, 0.0), Vec3::new(15.0, 0.0, 0.0)) - 2.0)
                .abs()
                < 1e-12
        );
        assert!(
            (segment_segment(o, x, Vec3::new(0.0, 1.0, 0.0), Vec3::new(10.0, 1.0, 0.0)) - 1.0)
                .abs()
                < 1e-12
        );
        assert!((segment_segment(o, o, o, o)).abs() < 1e-12);
    }

    #[test]
    fn crossing_paths_are_staggered_apart() {
        // Two drones crossing at right angles: synchronised, they meet in the middle.
        let from = vec![Vec3::new(0.0, 0.0, 30.0), Vec3::new(10.0, -10.0, 30.0)];
        let to = vec![Vec3::new(20.0, 0.0, 30.0), Vec3::new(10.0, 10.0, 30.0)];
        let m = SyncMove::fastest(from, to, &Limits::DEFAULT, 0.99, 0);
        let (delays, min_d) = stagger(&m, &Limits::DEFAULT, 60_000).unwrap();
        assert!(delays.iter().any(|&t| t > 0));
        assert!(min_d >= 3.0, "{min_d}");
    }

    #[test]
    fn swap_on_close_parallel_lines_cannot_be_staggered() {
        // Each drone's goal is 2 m from the other's start: whoever waits is passed too close.
        let from = vec![Vec3::new(0.0, 0.0, 30.0), Vec3::new(20.0, 2.0, 30.0)];
        let to = vec![Vec3::new(20.0, 0.0, 30.0), Vec3::new(0.0, 2.0, 30.0)];
        let m = SyncMove::fastest(from, to, &Limits::DEFAULT, 0.99, 0);
        assert!(stagger(&m, &Limits::DEFAULT, 60_000).is_none());
    }
}
