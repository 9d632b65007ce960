//! Landing: every drone back on its own takeoff slot, scheduled by priority with departure
//! delays, each path checked against every other drone in continuous time.
//!
//! Each drone flies a straight line from where the show left it to a "neck" point above its
//! own slot, then descends vertically. Drones not yet scheduled are treated as obstacles
//! standing at their start, so a drone is scheduled only once no waiting drone stands in its
//! way (lowest first); then it gets the smallest departure delay for which it keeps the
//! minimum distance from every drone already scheduled ([`Scheduler`], which also breaks
//! rings of drones blocking each other). Separation between samples is bounded: relative
//! motion within 100 ms is compared with its linear interpolation plus the worst-case
//! curvature term a_rel·Δt²/8.
//!
//! An emergency return plans from starts that are not points ([`SweptStarts`]): flown from
//! wherever the show has a drone when the return is triggered, up to a second after the
//! moment planned from, a drone's straight leg is shifted by the progress it has left times
//! how far its start moved. Each pair is then kept apart by the minimum distance plus the
//! bound on that shift (the same bound `emergency::trigger_proof` proves with), so a fast
//! drone's path is a tube that narrows to its neck, and a still drone's a line.

mod path;
mod schedule;
mod swept;

use rayon::prelude::*;
use skyshow_model::{Limits, Vec3};

use crate::error::PlanError;
use crate::grid::CellGrid;
use crate::options::PlanOptions;
use crate::path_index::PathIndex;
use crate::profile::Profile;
use crate::sync_move::segment_min;
pub(crate) use path::{Legs, rth_descent, rth_leg};
use path::{Path, landing_paths};
use schedule::{Scheduler, Waiting};
pub(crate) use swept::SweptStarts;
use swept::{leaving_apart, most_shift, swept_shift};

/// The landing of every drone.
#[derive(Clone, Debug, PartialEq)]
pub struct Landing {
    /// When each drone leaves its last position, milliseconds.
    pub depart_ms: Vec<i64>,
    /// The point above its slot each drone flies to before descending.
    pub neck: Vec<Vec3>,
    /// The straight move to the neck.
    pub leg1: Vec<Profile>,
    /// The vertical descent.
    pub leg2: Vec<Profile>,
    /// When the last drone touches down, milliseconds.
    pub end_ms: i64,
}

/// Distance from `p` to the segment `a`–`b`.
fn point_segment(p: Vec3, a: Vec3, b: Vec3) -> f64 {
    segment_min(a - p, b - p).0
}

/// How much further apart than the minimum distance swept starts are planned, metres.
const SWEPT_MARGIN_M: f64 = 0.1;

/// How much nearer than at the start of the check a drone must come to one waiting at
/// its start to count as passing it, metres.
const PASS_TOLERANCE_M: f64 = 1e-3;

/// Sampling step of the pair check, milliseconds.
const STEP_MS: i64 = 100;

/// Plans the landing from `starts` (drone `i` ends the show there) to `homes` (its slot),
/// through a neck at altitude `neck_alt[i]`, starting at `t0_ms`; each straight leg to a
/// neck lasts at least `min_leg_ms`.
// Errors are rare and carry user-facing context; their size does not matter.
#[allow(clippy::result_large_err)]
pub fn plan_landing(
    starts: &[Vec3],
    homes: &[Vec3],
    neck_alt: &[f64],
    t0_ms: i64,
    min_leg_ms: i64,
    limits: &Limits,
    opts: &PlanOptions,
) -> Result<Landing, PlanError> {
    plan_landing_swept(
        starts,
        None,
        homes,
        neck_alt,
        t0_ms,
        min_leg_ms,
        Legs::Planner,
        limits,
        opts,
    )
}

/// [`plan_landing`] from starts swept over a trigger window (`None`: points), with legs
/// flown as `legs` says: every pair keeps the minimum distance for every start in the
/// sweep.
// Errors are rare and carry user-facing context; their size does not matter.
#[allow(clippy::result_large_err, clippy::too_many_arguments)]
pub(crate) fn plan_landing_swept(
    starts: &[Vec3],
    swept: Option<&SweptStarts<'_>>,
    homes: &[Vec3],
    neck_alt: &[f64],
    t0_ms: i64,
    min_leg_ms: i64,
    legs: Legs,
    limits: &Limits,
    opts: &PlanOptions,
) -> Result<Landing, PlanError> {
    let n = starts.len();
    // Swept starts are planned with a margin: the return is flown on the `.skyc` model's
    // ramps, not exactly this planner's, and proven on those.
    let d = limits.min_distance_m + swept.map_or(0.0, |_| SWEPT_MARGIN_M);
    let mu = |i: usize| swept.map_or(0.0, |w| w.reach[i]);
    let rho = |i: usize, j: usize| match swept {
        Some(w) if w.reach[i] > 0.0 || w.reach[j] > 0.0 => (w.relative)(i, j),
        _ => 0.0,
    };
    let paths = landing_paths(starts, homes, neck_alt, min_leg_ms, legs, limits, opts, mu);
    // blockers[i]: drones whose start lies within d of i's path.
    let margin = 0.05;
    // Candidates from a grid over the starts, sampled along each path; then the exact test.
    let reach = d + margin;
    // Swept starts: a pair's paths must be this much further apart (at most twice the
    // largest sweep, see `swept_shift`).
    let widest = 2.0 * (0..n).map(mu).fold(0.0, f64::max);
    let extra = |i: usize, j: usize| most_shift(&paths[i], &paths[j], rho(i, j));
    let grid = CellGrid::new(starts, 1.5 * (reach + widest));
    let blockers = find_blockers(&paths, starts, &grid, d, reach, widest, &extra, limits);
    // Pairs of paths (straight to the neck, then down) that come within reach of each
    // other: the only pairs the schedule must check. (Bounding boxes overlapped for most
    // pairs of a 16,000-drone fleet landing from a 300 m picture: quadratic.)
    let index = PathIndex::from_legs(
        paths.iter().map(|p| vec![(p.s, p.n), (p.n, p.h)]).collect(),
        reach + widest,
    );
    let scheduler = Scheduler {
        paths: &paths,
        near: &index.near,
        blockers: &blockers,
        rho: &rho,
        t0_ms,
        d,
        rings: swept.is_some(),
        limits,
        opts,
    };
    // Swept starts widen every path, and drones block each other in rings: one of them
    // has to pass where another waits, which is then checked; when no order found that
    // way holds, the rings are broken lowest first unchecked (the emergency return is
    // proven afterwards, flight against flight, hover included).
    let depart = match legs {
        Legs::Planner => scheduler.run(Waiting::Unchecked)?,
        Legs::Rth { .. } => scheduler
            .run(Waiting::Checked)
            .or_else(|_| scheduler.run(Waiting::Unchecked))?,
    };
    let end_ms = (0..n)
        .map(|i| depart[i] + paths[i].duration())
        .max()
        .unwrap_or(t0_ms);
    Ok(Landing {
        depart_ms: depart,
        neck: paths.iter().map(|p| p.n).collect(),
        leg1: paths.iter().map(|p| p.p1).collect(),
        leg2: paths.iter().map(|p| p.p2).collect(),
        end_ms,
    })
}

/// `blockers[i]`: the drones whose start (above the navigation altitude) lies within `d`
/// of drone `i`'s path, a swept pair's `extra` added; candidates from `grid`, sampled along
/// each path every `reach`, then the exact test.
#[allow(clippy::too_many_arguments)]
fn find_blockers(
    paths: &[Path],
    starts: &[Vec3],
    grid: &CellGrid,
    d: f64,
    reach: f64,
    widest: f64,
    extra: &(dyn Fn(usize, usize) -> f64 + Sync),
    limits: &Limits,
) -> Vec<Vec<usize>> {
    (0..paths.len())
        .into_par_iter()
        .map(|i| {
            let p = &paths[i];
            let mut near: Vec<usize> = Vec::new();
            for (a, b) in [(p.s, p.n), (p.n, p.h)] {
                let steps = ((a.dist(b) / reach).ceil() as usize).max(1);
                for k in 0..=steps {
                    grid.for_near(a.lerp(b, k as f64 / steps as f64), |j| near.push(j));
                }
            }
            near.sort_unstable();
            near.dedup();
            near.retain(|&j| {
                if j == i {
                    return false;
                }
                let s = starts[j];
                let (d, reach) = if widest > 0.0 {
                    let e = extra(i, j);
                    (d + e, reach + e)
                } else {
                    (d, reach)
                };
                let near_box = s.x >= p.lo.x - d
                    && s.x <= p.hi.x + d
                    && s.y >= p.lo.y - d
                    && s.y <= p.hi.y + d
                    && s.z >= p.lo.z - d
                    && s.z <= p.hi.z + d;
                // A path that never comes closer to `j` than its own start does (it leaves
                // sideways or away) does not block `j`, however close the two stand: in a
                // picture spaced at the minimum distance, every neighbour is within `reach`
                // of every start, and counting those would block every drone on another.
                let r = reach.min(starts[i].dist(s) - 1e-9);
                near_box
                    && s.z >= limits.min_nav_altitude_m
                    && (point_segment(s, p.s, p.n) < r || point_segment(s, p.n, p.h) < r)
            });
            near
        })
        .collect()
}

/// The end of the first step (ms) in which drone `a` leaving at `da` comes closer than
/// `d` to drone `b` leaving at `db` while both are above the minimum navigation
/// altitude, from `from` on (`a`'s departure, or the first of the two when a drone
/// waiting at its start counts: it stands there until it leaves), for any starts within
/// their sweeps (`rho` the reach of the vector between them; see [`swept_shift`]).
///
/// Sampled every [`STEP_MS`], separation between samples bounded by comparing the
/// relative motion with its linear interpolation plus the worst-case curvature term
/// `a_rel·Δt²/8`; while the drones are far apart, whole steps are skipped in which their
/// distance provably stays above `d + 2·interp` (it shrinks at most at the sum of their
/// top speeds), so the skipped steps are exactly those the sampled test would pass: the
/// answer is the same, with far fewer samples.
#[allow(clippy::too_many_arguments)]
fn conflicts(
    a: &Path,
    da: i64,
    b: &Path,
    db: i64,
    from: i64,
    rho: f64,
    d: f64,
    limits: &Limits,
) -> Option<i64> {
    let start = from;
    let end = da + a.duration();
    if db + b.duration() <= start {
        // b has landed before: b is on the ground, below the navigation altitude.
        return None;
    }
    let a_rel = 2.0 * limits.max_accel_m_s2;
    let interp = a_rel * (STEP_MS as f64 / 1000.0).powi(2) / 8.0 + 1e-6;
    let low = limits.min_nav_altitude_m - 0.3;
    let closing = (a.vmax + b.vmax) * STEP_MS as f64 / 1000.0;
    // The largest shift a swept start can cause (`swept_shift` with every progress at
    // most 1), so skipped steps are still exactly those the test passes.
    let clear = d + 2.0 * interp + 0.01 + most_shift(a, b, rho);
    let apart = leaving_apart(a, b, rho, limits.min_nav_altitude_m);
    // Until when both are hovering or on their legs (where `leaving_apart` holds).
    let legs_end = (da + a.p1.total_ms).min(db + b.p1.total_ms);
    let mut t = start;
    // Positions and the progress left on each leg at `t` (carried from step to step).
    let (mut pa0, mut ca0) = a.at_left(da, t);
    let (mut pb0, mut cb0) = b.at_left(db, t);
    // While `a` waits at its start, `b` is held off it only where it comes nearer than it
    // was at `from` by more than a later trigger can shift the two: a neighbour that
    // stays about as far as the show had it (which the show keeps for every trigger)
    // passes nobody, and is left to the proof.
    let first = pa0.dist(pb0) - PASS_TOLERANCE_M;
    while t < end {
        let gap = pa0.dist(pb0) - clear;
        if closing > 0.0 && gap > 2.0 * closing {
            let skip = (gap / closing).floor() as i64;
            t = (t + skip * STEP_MS).min(end);
            (pa0, ca0) = a.at_left(da, t);
            (pb0, cb0) = b.at_left(db, t);
            continue;
        }
        let t1 = (t + STEP_MS).min(end);
        let (pa1, ca1) = a.at_left(da, t1);
        let (pb1, cb1) = b.at_left(db, t1);
        let skip_apart = matches!(apart, Some([away_a, away_b])
            if t1 <= legs_end && (away_a || t1 <= da) && (away_b || t1 <= db));
        if !skip_apart {
            let (za, zb) = (ca0 * a.mu, cb0 * b.mu);
            let below =
                (pa0.z + za < low && pa1.z + za < low) || (pb0.z + zb < low && pb1.z + zb < low);
            if !below {
                let (m, _) = segment_min(pa0 - pb0, pa1 - pb1);
                let shift = swept_shift(a, b, rho, (ca0, cb0), (ca1, cb1));
                if m - interp - shift < d && (t1 > da || m < first - shift) {
                    return Some(t1);
                }
            }
        }
        t = t1;
        (pa0, ca0, pb0, cb0) = (pa1, ca1, pb1, cb1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::rate_limits;

    #[test]
    fn crossing_paths_are_delayed_and_lowest_goes_first() {
        // A vertical line of drones that must each land on the slot diagonally opposite:
        // their straight paths would cross.
        let limits = Limits::DEFAULT;
        let n = 12;
        let starts: Vec<Vec3> = (0..n)
            .map(|i| Vec3::new(0.0, i as f64 * 4.0, 30.0 + (i % 3) as f64 * 4.0))
            .collect();
        let homes: Vec<Vec3> = (0..n)
            .map(|i| Vec3::new(-6.0, (n - 1 - i) as f64 * 4.0, 0.0))
            .collect();
        let necks = vec![10.0; n];
        let l = plan_landing(
            &starts,
            &homes,
            &necks,
            1000,
            0,
            &limits,
            &PlanOptions::DEFAULT,
        )
        .unwrap();
        assert!(l.depart_ms.iter().any(|&t| t > 1000), "someone must wait");
        // Check separation by dense sampling.
        let paths: Vec<Path> = (0..n)
            .map(|i| Path {
                s: starts[i],
                n: l.neck[i],
                h: homes[i],
                p1: l.leg1[i],
                p2: l.leg2[i],
                lo: Vec3::ZERO,
                hi: Vec3::ZERO,
                vmax: 0.0,
                mu: 0.0,
            })
            .collect();
        let mut t = 1000;
        while t <= l.end_ms {
            for i in 0..n {
                for j in i + 1..n {
                    let a = paths[i].at(l.depart_ms[i], t);
                    let b = paths[j].at(l.depart_ms[j], t);
                    if a.z >= 2.5 && b.z >= 2.5 {
                        assert!(
                            a.dist(b) >= 3.0 - 1e-6,
                            "drones {i},{j} at {t} ms: {}",
                            a.dist(b)
                        );
                    }
                }
            }
            t += 20;
        }
    }

    /// The sampled test without skipping, as it was before skipping was added.
    fn conflicts_every_step(a: &Path, da: i64, b: &Path, db: i64, d: f64, interp: f64) -> bool {
        let end = da + a.duration();
        if db + b.duration() <= da {
            return false;
        }
        let low = Limits::DEFAULT.min_nav_altitude_m - 0.3;
        let mut t = da;
        while t < end {
            let t1 = (t + STEP_MS).min(end);
            let (pa0, pa1, pb0, pb1) = (a.at(da, t), a.at(da, t1), b.at(db, t), b.at(db, t1));
            let below = (pa0.z < low && pa1.z < low) || (pb0.z < low && pb1.z < low);
            if !below && segment_min(pa0 - pb0, pa1 - pb1).0 - interp < d {
                return true;
            }
            t = t1;
        }
        false
    }

    #[test]
    fn skipping_far_steps_gives_the_same_answer() {
        let limits = Limits::DEFAULT;
        let mut seed = 0x1234_5678_u64;
        let mut unit = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let path = |unit: &mut dyn FnMut() -> f64| {
            let s = Vec3::new(unit() * 200.0, unit() * 60.0, 20.0 + unit() * 100.0);
            let h = Vec3::new(unit() * 40.0, unit() * 40.0, 0.0);
            let nk = Vec3::new(h.x, h.y, 5.0 + unit() * 10.0);
            let (v1, a1) = rate_limits(nk - s, &limits, 1.0);
            let (v2, a2) = rate_limits(h - nk, &limits, 1.0);
            let (p1, p2) = (Profile::fastest(v1, a1, 0), Profile::fastest(v2, a2, 0));
            Path {
                s,
                n: nk,
                h,
                p1,
                p2,
                lo: Vec3::ZERO,
                hi: Vec3::ZERO,
                vmax: (s.dist(nk) * p1.rate()).max(nk.dist(h) * p2.rate()),
                mu: 0.0,
            }
        };
        let interp = 2.0 * limits.max_accel_m_s2 * 0.01 / 8.0 + 1e-6;
        let (mut hits, mut total) = (0, 0);
        for _ in 0..3000 {
            let a = path(&mut unit);
            let b = path(&mut unit);
            let da = (unit() * 20_000.0) as i64;
            let db = (unit() * 20_000.0) as i64;
            for d in [3.0, 10.0] {
                let want = conflicts_every_step(&a, da, &b, db, d, interp);
                assert_eq!(
                    conflicts(&a, da, &b, db, da, 0.0, d, &limits).is_some(),
                    want
                );
                hits += usize::from(want);
                total += 1;
            }
        }
        // Both answers must occur, or the comparison proves nothing.
        assert!(hits > 100 && hits < total - 100, "{hits} of {total}");
    }
}
