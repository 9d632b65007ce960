//! `TriggerProof`: a lower bound on the distance between every two drones flying a return
//! triggered at any moment of a window, proven from exact checks at the window's start.
//!
//! Triggered at `σ`, drone `i` flies the entry's flight from `p_i(σ)` instead of from
//! `p_i(a)`: before it departs it hovers there, on its straight leg it is at
//! `g_i + c_i(t)·(p_i(σ) − g_i)` (`g_i` its neck, `c_i` the progress it has left), and its
//! descent does not depend on where it started. So with `e_i = p_i(σ) − p_i(a)` the vector
//! between two drones differs from the one flown from `a` by `c_i·e_i − c_j·e_j`, which is
//! at most `min(c_j·ρ + |c_i − c_j|·μ_i, c_i·ρ + |c_i − c_j|·μ_j)`, with `μ` each drone's
//! reach in the window and `ρ` the reach of the vector between them (`StartSweep`).
//!
//! The flight from `a` is checked exactly: both flights are piecewise quadratic in time,
//! so on each piece between their joints the squared distance is a quartic, minimised in
//! closed form (`pair_check`). The bound above is taken over each piece from the values of
//! `c` at its ends (`c` only decreases). Where it leaves less than the minimum distance the
//! window is halved (down to [`MAX_DEPTH`] times), which shrinks `μ` and `ρ`.
//!
//! Pieces where both drones still hover are not counted: triggered at `σ`, they hover
//! where the show has them at `σ`, and the show's own validation covers that distance.
//! Pieces where either drone is below the minimum navigation altitude are not counted
//! either, as in the validator.

use rayon::prelude::*;
use skyshow_model::{Limits, Vec3};

use crate::emergency::return_plan::{ReturnAction, ReturnPlan};
use crate::emergency::start_sweep::StartSweep;
use crate::flight::Flight;
use crate::pair_check::quadratic_min;
use crate::path_index::{Leg, PathIndex, segment_segment};

/// Most halvings of a trigger window for one pair.
pub(crate) const MAX_DEPTH: u32 = 10;
/// Rounds of added departure delays for the pairs not proven.
const MAX_ROUNDS: usize = 40;
/// Rounds in a row without a better smallest bound after which the repair gives up.
const MAX_STALLED_ROUNDS: usize = 8;
/// Departure delay added per round, milliseconds.
const DELAY_STEP_MS: i64 = 250;
/// How far above the minimum a piece's cheap lower bound must be for the piece not to be
/// minimised exactly, metres.
const FAR_M: f64 = 1.0;
/// Longest part of a flight piece bounded at once when the whole piece is not proven,
/// milliseconds.
const SUB_MS: i64 = 250;
/// Distances this close to the minimum count as reaching it (round-off).
const EPS: f64 = 1e-9;

/// The proven clearance of one entry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct TriggerProof {
    /// Lower bound on the distance between any two drones (both above the minimum
    /// navigation altitude) for a trigger anywhere in the window, metres; at least the
    /// search distance when no pair comes that close.
    pub(crate) min_m: f64,
    /// The pair it belongs to.
    pub(crate) pair: Option<(usize, usize)>,
}

impl TriggerProof {
    /// Proves `plan` for triggers in `sweep`'s window (whose anchors are the plan's
    /// starts); where a pair is not proven, the drone of the two that leaves later leaves
    /// [`DELAY_STEP_MS`] later still and the pairs it is in are proven again, for at most
    /// [`MAX_ROUNDS`] rounds. Returns the bound with the departures as left in `plan`.
    pub(crate) fn repair(
        plan: &mut ReturnPlan,
        sweep: &StartSweep,
        limits: &Limits,
    ) -> TriggerProof {
        let d = limits.min_distance_m;
        let low = limits.min_nav_altitude_m;
        let (pairs, search) = candidate_pairs(plan, sweep, d);
        let sweeps: Vec<StartSweep> = pairs.par_iter().map(|&(i, j)| sweep.pair(i, j)).collect();
        let mut bounds: Vec<f64> = vec![f64::INFINITY; pairs.len()];
        let mut stale: Vec<bool> = vec![true; pairs.len()];
        // The departures with the best smallest bound so far, kept if later rounds do worse.
        let mut kept: Option<(f64, Vec<i64>, Vec<f64>)> = None;
        let mut stalled = 0;
        for round in 0..=MAX_ROUNDS {
            let fresh: Vec<(usize, f64)> = (0..pairs.len())
                .into_par_iter()
                .filter(|&k| stale[k])
                .map(|k| {
                    let two = plan.pair(pairs[k].0, pairs[k].1);
                    (k, pair_bound(&two, &two.flights(), &sweeps[k], d, low, 0))
                })
                .collect();
            for (k, b) in fresh {
                bounds[k] = b;
                stale[k] = false;
            }
            let worst = bounds.iter().copied().fold(f64::INFINITY, f64::min);
            if kept.as_ref().is_none_or(|(w, _, _)| worst > *w) {
                let departs = (0..plan.starts.len()).map(|i| plan.depart_ms(i)).collect();
                kept = Some((worst, departs, bounds.clone()));
                stalled = 0;
            } else {
                stalled += 1;
            }
            let failing: Vec<usize> = (0..pairs.len()).filter(|&k| bounds[k] < d - EPS).collect();
            if failing.is_empty() || round == MAX_ROUNDS || stalled >= MAX_STALLED_ROUNDS {
                break;
            }
            // Each failing pair: delay whichever of the two that clears it (or comes
            // closer to clearing it), one drone per pair per round. The trials are made
            // on the pair alone.
            let trials: Vec<(f64, f64)> = failing
                .par_iter()
                .map(|&k| {
                    let two = plan.pair(pairs[k].0, pairs[k].1);
                    let trial = |v: usize| -> f64 {
                        let mut p = two.clone();
                        p.delay(v, DELAY_STEP_MS);
                        pair_bound(&p, &p.flights(), &sweeps[k], d, low, 0)
                    };
                    (trial(0), trial(1))
                })
                .collect();
            let mut delayed: Vec<bool> = vec![false; plan.starts.len()];
            for (&k, (bi, bj)) in failing.iter().zip(trials) {
                let (i, j) = pairs[k];
                if delayed[i] || delayed[j] {
                    continue;
                }
                let v = if bi > bj || (bi == bj && plan.depart_ms(i) > plan.depart_ms(j)) {
                    i
                } else {
                    j
                };
                plan.delay(v, DELAY_STEP_MS);
                delayed[v] = true;
            }
            for (k, &(i, j)) in pairs.iter().enumerate() {
                if delayed[i] || delayed[j] {
                    stale[k] = true;
                }
            }
        }
        if let Some((_, departs, b)) = kept {
            for (i, dep) in departs.into_iter().enumerate() {
                let now = plan.depart_ms(i);
                plan.delay(i, dep - now);
            }
            bounds = b;
        }
        let mut best = (search, None);
        for (k, &b) in bounds.iter().enumerate() {
            if b < best.0 {
                best = (b, Some(pairs[k]));
            }
        }
        TriggerProof {
            min_m: best.0,
            pair: best.1,
        }
    }
}

/// The pairs of flying drones whose paths (from the window's start, each moved by at most
/// its reach for a later trigger) come within the minimum distance, ascending, and the
/// search distance.
fn candidate_pairs(plan: &ReturnPlan, sweep: &StartSweep, d: f64) -> (Vec<(usize, usize)>, f64) {
    let n = plan.starts.len();
    let search = d + 2.0 * sweep.max_reach() + 0.05;
    let legs: Vec<Vec<Leg>> = (0..n)
        .map(|i| match plan.actions[i] {
            ReturnAction::Go { neck, .. } => vec![(plan.starts[i], neck), (neck, plan.homes[i])],
            ReturnAction::Land { .. } => Vec::new(),
        })
        .collect();
    let index = PathIndex::from_legs(legs.clone(), search);
    let flying = |i: usize| matches!(plan.actions[i], ReturnAction::Go { .. });
    // The index looks as far as the fastest drone needs; each pair only needs its own two
    // reaches.
    let near = |i: usize, j: usize| {
        let within = d + sweep.reach[i] + sweep.reach[j] + 0.05;
        legs[i].iter().any(|&(p0, p1)| {
            legs[j]
                .iter()
                .any(|&(q0, q1)| segment_segment(p0, p1, q0, q1) < within)
        })
    };
    let pairs = (0..n)
        .filter(|&i| flying(i))
        .flat_map(|i| {
            index.near[i]
                .iter()
                .filter(move |&&j| j > i && flying(j) && near(i, j))
                .map(move |&j| (i, j))
        })
        .collect();
    (pairs, search)
}

/// Lower bound on the distance of the two drones of `two` (a plan of drones 0 and 1, whose
/// flights from their entry positions are `flights`) for triggers in the window of
/// `sweep`, which holds the same two drones.
fn pair_bound(
    two: &ReturnPlan,
    flights: &[Flight],
    sweep: &StartSweep,
    d: f64,
    low: f64,
    depth: u32,
) -> f64 {
    let own;
    let (fi, fj) = if depth == 0 {
        (&flights[0], &flights[1])
    } else {
        own = (
            two.flight_from(0, sweep.anchor[0]),
            two.flight_from(1, sweep.anchor[1]),
        );
        (&own.0, &own.1)
    };
    let (mu_i, mu_j) = (sweep.reach[0], sweep.reach[1]);
    let rho = if mu_i == 0.0 && mu_j == 0.0 {
        0.0
    } else {
        sweep.relative_reach(0, 1)
    };
    let (exact, bound) = piece_bounds(two, fi, fj, (mu_i, mu_j, rho), d, low);
    if exact < d - EPS || bound >= d - EPS || depth >= MAX_DEPTH || sweep.b <= sweep.a {
        // A conflict at the window's start is one whatever comes after; a bound that
        // holds needs no halving.
        return if exact < d - EPS { exact } else { bound };
    }
    let (left, right) = sweep.halves();
    let a = pair_bound(two, flights, &left, d, low, depth + 1);
    if a < d - EPS {
        // Halving cannot lift the pair over the minimum any more: the other half need
        // not be proven for the answer (not proven either way).
        return a;
    }
    a.min(pair_bound(two, flights, &right, d, low, depth + 1))
}

/// The smallest exact distance of flights `fi`, `fj` (drones 0 and 1 of `two`) over the
/// pieces that count, and the smallest distance less the bound on what a later trigger
/// changes. A piece whose cheap lower bound (the distance at its start less what the
/// relative speed and acceleration can take off over its length) clears the minimum by
/// [`FAR_M`] is not minimised exactly: that lower bound stands for it in both figures.
fn piece_bounds(
    two: &ReturnPlan,
    fi: &Flight,
    fj: &Flight,
    (mu_i, mu_j, rho): (f64, f64, f64),
    d: f64,
    low: f64,
) -> (f64, f64) {
    let mut cuts: Vec<i64> = Vec::with_capacity(16);
    fi.breaks(&mut cuts);
    fj.breaks(&mut cuts);
    cuts.push(0);
    cuts.sort_unstable();
    cuts.dedup();
    let hover_until = fi.departure_ms().min(fj.departure_ms());
    let (mut exact, mut bound) = (f64::INFINITY, f64::INFINITY);
    let mut next = None;
    for w in cuts.windows(2) {
        let (t0, t1) = (w[0], w[1]);
        if t1 <= hover_until || t1 <= t0 {
            next = None;
            continue;
        }
        let (si, sj) = next.take().unwrap_or_else(|| (fi.state(t0), fj.state(t0)));
        let (ei, ej) = (fi.state(t1), fj.state(t1));
        next = Some((ei, ej));
        let ((pi, vi, ai), (pj, vj, aj)) = (si, sj);
        let len = (t1 - t0) as f64 / 1000.0;
        let (ci0, cj0) = (two.left(0, t0), two.left(1, t0));
        let (ci1, cj1) = (two.left(0, t1), two.left(1, t1));
        // Lowest altitude either can have: the piece's ends, less the bulge of a quadratic
        // between them, less how far a later trigger moves it.
        let bulge = |a: Vec3| a.norm() * len * len / 8.0;
        let zi = ei.0.z.max(pi.z) + bulge(ai) + ci0 * mu_i;
        let zj = ej.0.z.max(pj.z) + bulge(aj) + cj0 * mu_j;
        if zi < low || zj < low {
            continue;
        }
        let dc = (ci0 - cj1).abs().max((cj0 - ci1).abs());
        let shift = (cj0 * rho + dc * mu_i).min(ci0 * rho + dc * mu_j);
        let cheap = (pi - pj).norm() - (vi - vj).norm() * len - 0.5 * (ai - aj).norm() * len * len;
        if cheap - shift >= d + FAR_M {
            exact = exact.min(cheap);
            bound = bound.min(cheap - shift);
            continue;
        }
        let m = quadratic_min(pi - pj, vi - vj, ai - aj, len);
        exact = exact.min(m);
        if m - shift >= d - EPS || t1 - t0 <= SUB_MS {
            bound = bound.min(m - shift);
            continue;
        }
        // Over a long piece the progress left changes a lot, and the bound takes its
        // extremes over the whole piece: bound the piece in short parts instead, each with
        // its own progress (and the exact minimum of each part).
        let parts = (t1 - t0 + SUB_MS - 1) / SUB_MS;
        for k in 0..parts {
            let s0 = t0 + (t1 - t0) * k / parts;
            let s1 = t0 + (t1 - t0) * (k + 1) / parts;
            let h = (s1 - s0) as f64 / 1000.0;
            let u = (s0 - t0) as f64 / 1000.0;
            let at = |p: Vec3, v: Vec3, a: Vec3| (p + v * u + a * (0.5 * u * u), v + a * u);
            let (qi, wi) = at(pi, vi, ai);
            let (qj, wj) = at(pj, vj, aj);
            let (ci0, cj0) = (two.left(0, s0), two.left(1, s0));
            let (ci1, cj1) = (two.left(0, s1), two.left(1, s1));
            let dc = (ci0 - cj1).abs().max((cj0 - ci1).abs());
            let shift = (cj0 * rho + dc * mu_i).min(ci0 * rho + dc * mu_j);
            bound = bound.min(quadratic_min(qi - qj, wi - wj, ai - aj, h) - shift);
        }
    }
    (exact, bound)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::PlanOptions;
    use skyshow_model::{Segment, Trajectory, Vec3};

    /// Drones on a line 3.5 m apart at 30 m, flying sideways at different speeds during
    /// the trigger window, whose slots are a row on the ground far off.
    fn fleet(n: usize) -> (Vec<Trajectory>, Vec<Vec3>, Vec<f64>) {
        let trajectories = (0..n)
            .map(|i| {
                let a = Vec3::new(0.0, 3.5 * i as f64, 30.0 + (i % 2) as f64 * 2.0);
                let v = Vec3::new(2.0 + 0.7 * (i % 3) as f64, 0.5 * (i % 2) as f64, 0.0);
                let mut tr = Trajectory::new(a);
                tr.push(Segment::line(0.0, 2.0, a, a + v * 2.0));
                tr
            })
            .collect();
        let homes = (0..n)
            .map(|i| Vec3::new(-30.0, 3.0 * (n - 1 - i) as f64, 0.0))
            .collect();
        (trajectories, homes, vec![10.0; n])
    }

    #[test]
    fn the_bound_holds_for_triggers_all_through_the_window() {
        let limits = Limits::DEFAULT;
        let opts = PlanOptions::DEFAULT;
        let n = 8;
        let (trajectories, homes, necks) = fleet(n);
        let sweep = StartSweep::new(&trajectories, 0.0, 1.0);
        let starts = sweep.anchor.clone();
        let mut plan =
            ReturnPlan::plan(&starts, &homes, &necks, &vec![false; n], &limits, &opts).unwrap();
        let proof = TriggerProof::repair(&mut plan, &sweep, &limits);
        assert!(proof.min_m >= limits.min_distance_m - 1e-9, "{proof:?}");
        // Dense triggers, dense times: never below the proven bound.
        let mut worst = f64::INFINITY;
        for k in 0..=50 {
            let sigma = k as f64 / 50.0;
            let flights: Vec<Flight> = (0..n)
                .map(|i| plan.flight_from(i, trajectories[i].position(sigma)))
                .collect();
            let end = flights.iter().map(Flight::arrival_ms).max().unwrap();
            let hover = flights.iter().map(Flight::departure_ms).collect::<Vec<_>>();
            for t in (0..=end).step_by(20) {
                let p: Vec<Vec3> = flights.iter().map(|f| f.state(t).0).collect();
                for i in 0..n {
                    for j in i + 1..n {
                        let both_hover = t < hover[i] && t < hover[j];
                        let low = p[i].z < limits.min_nav_altitude_m
                            || p[j].z < limits.min_nav_altitude_m;
                        if !both_hover && !low {
                            worst = worst.min(p[i].dist(p[j]));
                        }
                    }
                }
            }
        }
        assert!(worst >= proof.min_m - 1e-6, "{worst} < {}", proof.min_m);
        assert!(worst >= limits.min_distance_m - 1e-6, "{worst}");
    }
}
