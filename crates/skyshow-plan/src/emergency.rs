//! Emergency return: for every whole second of the show, where each drone goes if the
//! show is stopped then (Skybrush's collective return-to-home plan, `settings.rthPlan`).
//!
//! Firmware model ([`RthPlan`]): a trigger at show time `τ` uses the first entry at or after
//! `τ`; every drone stops where it is, waits until the entry's time plus its departure
//! delay, flies a straight line at constant speed to the point above its own takeoff slot
//! at its own altitude (level: the picture's rows are its altitude layers), then descends
//! at the landing speed. Drones standing on the ground, or already above their slot, land
//! where they are.
//!
//! Each entry is planned like the show's landing ([`crate::plan_landing`]): a drone leaves
//! only once no drone still waiting stands within the minimum distance of its way (lowest
//! first), with the smallest departure delay that keeps it clear of every drone already
//! leaving. The starts are not one point: a trigger anywhere in the second before the
//! entry starts the drone from where the show has it then, so every check is made from
//! several trigger moments of that second (`trigger_step_s` apart, the entry's own time
//! included), exactly in continuous time for each (the flights are piecewise linear).

use std::collections::BTreeSet;

use rayon::prelude::*;
use skyshow_model::{
    Limits, RthAction, RthEntry, RthLeg, RthPlan, Trajectory, Vec3, flights_closest,
};

use crate::grid::CellGrid;
use crate::path_index::PathIndex;

/// How the emergency return is planned.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EmergencyOptions {
    /// Share of the limits' speeds the return flies at (constant speed, no acceleration
    /// ramp in the firmware's model). Default 0.75.
    pub speed_fraction: f64,
    /// Step of the departure delays, seconds. Default 0.5.
    pub delay_step_s: f64,
    /// Time between the trigger moments each entry is planned and checked from, seconds
    /// (the second before the entry, its own time included). Default 0.25.
    pub trigger_step_s: f64,
    /// Longest departure delay searched, seconds. Default 60. A drone that finds no clear
    /// moment within it leaves at once (the check then reports the conflict).
    pub max_delay_s: f64,
    /// Lowest altitude the return flies level at, metres. Default: the larger of the
    /// minimum distance and the minimum navigation altitude (clear of landed drones).
    pub min_altitude_m: Option<f64>,
}

impl EmergencyOptions {
    /// The defaults.
    pub const DEFAULT: EmergencyOptions = EmergencyOptions {
        speed_fraction: 0.75,
        delay_step_s: 0.5,
        trigger_step_s: 0.25,
        max_delay_s: 60.0,
        min_altitude_m: None,
    };
}

impl Default for EmergencyOptions {
    fn default() -> Self {
        EmergencyOptions::DEFAULT
    }
}

/// Every drone's return-to-home plan: entries at every whole second from 0 until the last
/// drone has landed, the same times for all (what Skybrush Live requires).
pub fn plan_emergency(
    trajectories: &[Trajectory],
    homes: &[Vec3],
    limits: &Limits,
    opts: &EmergencyOptions,
) -> Vec<RthPlan> {
    let end = trajectories
        .iter()
        .map(Trajectory::end_time)
        .fold(0.0, f64::max);
    let last = end.ceil().max(0.0) as u32;
    let landing_speed = (limits.max_speed_down_m_s * opts.speed_fraction).max(0.1);
    let columns: Vec<Vec<RthEntry>> = (0..=last)
        .into_par_iter()
        .map(|t| {
            plan_entry(
                f64::from(t),
                trajectories,
                homes,
                limits,
                opts,
                landing_speed,
            )
        })
        .collect();
    (0..homes.len())
        .map(|i| RthPlan {
            landing_speed_m_s: round_to(landing_speed, 1e3),
            landing_altitude_m: 0.0,
            entries: columns.iter().map(|c| c[i]).collect(),
        })
        .collect()
}

fn round_to(x: f64, per: f64) -> f64 {
    (x * per).round() / per
}

/// The trigger moments an entry at `t` serves: the second before it, `step` apart, and `t`.
pub fn trigger_moments(t: f64, span_s: f64, step: f64) -> Vec<f64> {
    let step = if step.is_finite() && step > 1e-3 {
        step
    } else {
        0.25
    };
    let from = (t - span_s).max(0.0);
    let n = ((t - from) / step).ceil() as usize;
    let mut out: Vec<f64> = (1..n).map(|k| t - (n - k) as f64 * step).collect();
    if t > from {
        out.insert(0, from + 1e-3_f64.min(t - from));
    }
    out.push(t);
    out.retain(|&s| s >= from && s <= t);
    out.dedup();
    out
}

/// Time a straight constant-speed move of `v` takes within the limits (scaled), seconds.
fn move_time(v: Vec3, limits: &Limits, f: f64) -> f64 {
    let xy = v.norm_xy() / (limits.max_speed_xy_m_s * f);
    let z = if v.z >= 0.0 {
        v.z / (limits.max_speed_up_m_s * f)
    } else {
        -v.z / (limits.max_speed_down_m_s * f)
    };
    xy.max(z)
}

/// One drone's planned way home for one entry, from each trigger moment.
struct Way {
    starts: Vec<Vec3>,
    entry: RthEntry,
}

/// The entries of every drone at time `t`.
fn plan_entry(
    t: f64,
    trajectories: &[Trajectory],
    homes: &[Vec3],
    limits: &Limits,
    opts: &EmergencyOptions,
    landing_speed: f64,
) -> Vec<RthEntry> {
    let n = homes.len();
    let d = limits.min_distance_m;
    let floor_z = opts
        .min_altitude_m
        .unwrap_or(d.max(limits.min_nav_altitude_m));
    let moments = trigger_moments(t, 1.0, opts.trigger_step_s);
    let plan = RthPlan {
        landing_speed_m_s: landing_speed,
        landing_altitude_m: 0.0,
        entries: Vec::new(),
    };
    let ways: Vec<Way> = (0..n)
        .map(|i| {
            let starts: Vec<Vec3> = moments
                .iter()
                .map(|&s| trajectories[i].position(s))
                .collect();
            let at = *starts.last().expect("the entry's own moment");
            let home = homes[i];
            let above_home = starts
                .iter()
                .all(|p| (p.x - home.x).hypot(p.y - home.y) < 0.01);
            let entry = if above_home {
                RthEntry {
                    time_s: t,
                    action: RthAction::Land,
                    target: at,
                    duration_s: 0.0,
                    pre_delay_s: 0.0,
                    post_delay_s: 0.0,
                }
            } else {
                let target = Vec3::new(
                    round_to(home.x, 1e3),
                    round_to(home.y, 1e3),
                    round_to(at.z.max(floor_z), 1e3),
                );
                let duration = starts
                    .iter()
                    .map(|&p| move_time(target - p, limits, opts.speed_fraction))
                    .fold(0.0, f64::max);
                RthEntry {
                    time_s: t,
                    action: RthAction::GoToStraight,
                    target,
                    duration_s: (duration * 10.0).ceil() / 10.0,
                    pre_delay_s: 0.0,
                    post_delay_s: 0.0,
                }
            };
            Way { starts, entry }
        })
        .collect();
    schedule(ways, &plan, limits, opts)
}

/// The flight of `way` from trigger moment `k` with departure delay `delay`.
fn flight(plan: &RthPlan, way: &Way, k: usize, delay: f64) -> Vec<RthLeg> {
    let mut e = way.entry;
    e.pre_delay_s = delay;
    plan.flight(Some(&e), way.starts[k], e.time_s)
}

/// What the schedule needs of every way: its moving legs from every trigger moment, and
/// the limits it keeps.
struct Ctx<'a> {
    plan: &'a RthPlan,
    m: usize,
    d: f64,
    nav: f64,
    reach: f64,
}

/// The moving parts of `way` from each trigger moment (the wait is not a path).
fn moving_legs(cx: &Ctx<'_>, way: &Way) -> Vec<(Vec3, Vec3)> {
    let mut legs = Vec::new();
    for k in 0..cx.m {
        for l in flight(cx.plan, way, k, 0.0) {
            if l.from != l.to {
                legs.push((l.from, l.to));
            }
        }
    }
    legs
}

/// `blockers[i]`: the drones whose start (at any trigger moment, airborne) lies within
/// reach of drone `i`'s way: `i` may leave only after them.
fn blockers(cx: &Ctx<'_>, ways: &[Way], moving: &[Vec<(Vec3, Vec3)>]) -> Vec<Vec<usize>> {
    let m = cx.m;
    let starts: Vec<Vec3> = ways.iter().flat_map(|w| w.starts.clone()).collect();
    let grid = CellGrid::new(&starts, 1.5 * cx.reach);
    (0..ways.len())
        .into_par_iter()
        .map(|i| {
            let mut near: Vec<usize> = Vec::new();
            for &(a, b) in &moving[i] {
                let steps = ((a.dist(b) / cx.reach).ceil() as usize).max(1);
                for s in 0..=steps {
                    grid.for_near(a.lerp(b, s as f64 / steps as f64), |j| near.push(j));
                }
            }
            near.sort_unstable();
            near.dedup();
            let mut by_drone: Vec<usize> = near
                .into_iter()
                .filter(|&j| {
                    let p = starts[j];
                    j / m != i
                        && p.z >= cx.nav
                        && moving[i]
                            .iter()
                            .any(|&(a, b)| crate::sync_move::segment_min(a - p, b - p).0 < cx.reach)
                })
                .map(|j| j / m)
                .collect();
            by_drone.dedup();
            by_drone
        })
        .collect()
}

/// The drones already leaving, with their flights from every trigger moment.
struct Scheduled {
    flights: Vec<Vec<Vec<RthLeg>>>,
    land_at: Vec<f64>,
}

/// The smallest departure delay (a multiple of the step, up to the cap) that keeps `way`
/// clear of the scheduled drones in `near`; 0 when there is none (left to the check).
fn smallest_delay(
    cx: &Ctx<'_>,
    way: &Way,
    near: &[usize],
    done: &Scheduled,
    opts: &EmergencyOptions,
) -> (f64, Vec<Vec<RthLeg>>) {
    let t0 = way.entry.time_s;
    let give_up =
        (near.iter().map(|&j| done.land_at[j]).fold(0.0, f64::max) - t0).min(opts.max_delay_s);
    let mut delay = 0.0;
    // The drone that clashed last is asked first: it usually clashes again.
    let mut culprit: Option<usize> = None;
    loop {
        let mine: Vec<Vec<RthLeg>> = (0..cx.m).map(|k| flight(cx.plan, way, k, delay)).collect();
        let clashes = |j: usize| {
            // A drone that has landed before this one leaves is on the ground, clear of
            // its level flight, and its way never passed this one's start.
            done.land_at[j] > t0 + delay
                && (0..cx.m).rev().any(|k| {
                    flights_closest(&mine[k], &done.flights[j][k], cx.nav, cx.d)
                        .is_some_and(|(dist, _)| dist < cx.d)
                })
        };
        let clash = match culprit.filter(|&j| clashes(j)) {
            Some(j) => Some(j),
            None => near
                .iter()
                .copied()
                .find(|&j| Some(j) != culprit && clashes(j)),
        };
        match clash {
            None => return (delay, mine),
            Some(_) if delay > give_up => {
                // No clear moment: leave at once rather than hold everyone after it.
                return (
                    0.0,
                    (0..cx.m).map(|k| flight(cx.plan, way, k, 0.0)).collect(),
                );
            }
            Some(j) => culprit = Some(j),
        }
        delay += opts.delay_step_s;
    }
}

/// Departure delays, lowest drone first, each as small as keeps it clear (see the module).
fn schedule(
    mut ways: Vec<Way>,
    plan: &RthPlan,
    limits: &Limits,
    opts: &EmergencyOptions,
) -> Vec<RthEntry> {
    let n = ways.len();
    let d = limits.min_distance_m;
    let cx = Ctx {
        plan,
        m: ways.first().map_or(0, |w| w.starts.len()),
        d,
        nav: limits.min_nav_altitude_m,
        reach: d + 0.01,
    };
    let moving: Vec<Vec<(Vec3, Vec3)>> = ways.iter().map(|w| moving_legs(&cx, w)).collect();
    let blockers = blockers(&cx, &ways, &moving);
    let mut index_legs = moving;
    for (legs, w) in index_legs.iter_mut().zip(&ways) {
        legs.extend(w.starts.iter().map(|&p| (p, p)));
    }
    let index = PathIndex::from_legs(index_legs, cx.reach);
    let mut waiting_on: Vec<usize> = blockers.iter().map(Vec::len).collect();
    let mut blocks: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, bs) in blockers.iter().enumerate() {
        for &j in bs {
            blocks[j].push(i);
        }
    }
    let alt: Vec<i64> = ways
        .iter()
        .map(|w| (w.starts.last().map_or(0.0, |p| p.z) * 1000.0).round() as i64)
        .collect();
    let key = |i: usize| (alt[i], i);
    let mut ready: BTreeSet<(i64, usize)> =
        (0..n).filter(|&i| waiting_on[i] == 0).map(key).collect();
    let mut done = vec![false; n];
    let mut scheduled = Scheduled {
        flights: vec![Vec::new(); n],
        land_at: vec![f64::NEG_INFINITY; n],
    };
    for _ in 0..n {
        // Lowest ready drone; when every waiting drone is in another's way, the one
        // fewest stand in front of (the check then reports what remains).
        let i = match ready.iter().next() {
            Some(&(_, i)) => i,
            None => (0..n)
                .filter(|&i| !done[i])
                .min_by_key(|&i| (waiting_on[i], key(i)))
                .expect("a drone left to schedule"),
        };
        ready.remove(&key(i));
        let near: Vec<usize> = index.near[i].iter().copied().filter(|&j| done[j]).collect();
        let (delay, mine) = smallest_delay(&cx, &ways[i], &near, &scheduled, opts);
        scheduled.land_at[i] = mine
            .iter()
            .filter_map(|f| f.last().map(|l| l.t1))
            .fold(f64::NEG_INFINITY, f64::max);
        scheduled.flights[i] = mine;
        ways[i].entry.pre_delay_s = delay;
        done[i] = true;
        for &k in &blocks[i] {
            waiting_on[k] -= 1;
            if waiting_on[k] == 0 && !done[k] {
                ready.insert(key(k));
            }
        }
    }
    ways.into_iter().map(|w| w.entry).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::Segment;

    #[test]
    fn trigger_moments_cover_the_second_before() {
        assert_eq!(trigger_moments(0.0, 1.0, 0.25), vec![0.0]);
        let m = trigger_moments(5.0, 1.0, 0.25);
        assert_eq!(m, vec![4.001, 4.25, 4.5, 4.75, 5.0]);
    }

    #[test]
    fn a_crossing_row_waits_and_every_trigger_is_clear() {
        // Eight drones in a row at 20 m, 4 m apart, whose homes are in reverse order:
        // straight level paths would all cross in the middle. (At exactly the minimum
        // distance two neighbours bound for each other's side cannot leave at all: any
        // straight move towards a waiting neighbour comes closer to it.)
        let n = 8;
        let limits = Limits::DEFAULT;
        let homes: Vec<Vec3> = (0..n)
            .map(|i| Vec3::new(-10.0, (n - 1 - i) as f64 * 3.0, 0.0))
            .collect();
        let trajectories: Vec<Trajectory> = (0..n)
            .map(|i| {
                let mut tr = Trajectory::new(homes[i]);
                let top = Vec3::new(10.0, i as f64 * 4.0, 20.0);
                tr.push(Segment::line(0.0, 20.0, homes[i], top));
                tr.push(Segment::line(
                    20.0,
                    25.0,
                    top,
                    top + Vec3::new(4.0, 0.0, 0.0),
                ));
                tr
            })
            .collect();
        let plans = plan_emergency(&trajectories, &homes, &limits, &EmergencyOptions::DEFAULT);
        assert_eq!(plans.len(), n);
        assert!(plans.iter().all(|p| p.entries.len() == 26));
        let e = 23;
        assert!(
            plans.iter().any(|p| p.entries[e].pre_delay_s > 0.0),
            "someone waits"
        );
        // Every pair, from triggers across the second before, stays apart.
        for tau in [22.0 + 1e-3, 22.3, 22.77, 23.0] {
            let fl: Vec<Vec<RthLeg>> = (0..n)
                .map(|i| {
                    let en = plans[i].entry_for_trigger(tau);
                    plans[i].flight(en, trajectories[i].position(tau), tau)
                })
                .collect();
            for a in 0..n {
                for b in a + 1..n {
                    let (dist, _) = flights_closest(&fl[a], &fl[b], 2.5, 0.0).unwrap();
                    assert!(dist >= 3.0 - 1e-6, "{a} {b} at {tau}: {dist}");
                }
            }
        }
    }
}
