//! The emergency return checked: every drone's `rthPlan` flown from trigger moments across
//! the whole show, pair by pair, exactly in continuous time; and when a plain "land now"
//! is safe.
//!
//! Firmware model ([`RthPlan`]): a trigger at `τ` uses each drone's first entry at or after
//! `τ`; the drone stops where the show has it at `τ`, waits until the entry's time plus its
//! departure delay, flies to the target at constant speed, waits, and descends at the
//! plan's landing speed; with no entry left it lands where it is. Each entry is flown from
//! trigger moments `trigger_step_s` apart across the span it serves (from the previous
//! entry's time, exclusive, to its own, inclusive); for each moment the flights are
//! piecewise linear, so their closest approach is exact. Between two moments a drone's
//! start moves at most its speed times half a step, which bounds how much closer a pair
//! can come there ([`RthCheck::between_moments_m`]).

use skyshow_model::{FlightShow, Limits, RthLeg, RthPlan, Vec3, flight_bounds, flights_closest};

use rayon::prelude::*;

use crate::{Violation, ViolationKind};

/// How the emergency return is checked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RthCheckOptions {
    /// Time between the trigger moments checked within the span an entry serves, seconds.
    /// Default 0.25.
    pub trigger_step_s: f64,
    /// Distances this much below the minimum distance are accepted (the rounding of the
    /// written coordinates), metres. Default 0.001.
    pub tolerance_m: f64,
    /// Descent speed of a plain "land now" (for `land_in_place_safe_s`), m/s. Default:
    /// the plans' landing speed, or 0.75 × the limits' descent speed.
    pub land_speed_m_s: Option<f64>,
}

impl RthCheckOptions {
    /// The defaults.
    pub const DEFAULT: RthCheckOptions = RthCheckOptions {
        trigger_step_s: 0.25,
        tolerance_m: 0.001,
        land_speed_m_s: None,
    };
}

impl Default for RthCheckOptions {
    fn default() -> Self {
        RthCheckOptions::DEFAULT
    }
}

/// What checking the emergency return found.
#[derive(Clone, Debug, PartialEq)]
pub struct RthCheck {
    /// Entry times (the union over the drones), seconds, ascending.
    pub entry_times_s: Vec<f64>,
    /// The usual time between entries, seconds (the median gap; 0 with one entry).
    pub interval_s: f64,
    /// Drones without a plan (indices), ascending: Live counts the whole plan invalid.
    pub drones_without_plan: Vec<usize>,
    /// Drones whose entry times differ from the union (indices), ascending.
    pub drones_with_other_times: Vec<usize>,
    /// The longest return, from an entry's time to touchdown, seconds.
    pub worst_duration_s: f64,
    /// When and who: (entry time, drone) of the longest return.
    pub worst_duration_at: (f64, usize),
    /// The closest approach of two returning drones over every checked trigger moment,
    /// metres (`None` when no pair comes within the minimum distance plus 1 m).
    pub min_distance_m: Option<f64>,
    /// Trigger moments checked.
    pub triggers_checked: usize,
    /// The step between trigger moments, seconds.
    pub trigger_step_s: f64,
    /// How much closer a pair may come between two checked moments than at them, metres
    /// (both starts moving at the show's top speed for half a step).
    pub between_moments_m: f64,
    /// Pairs closer than the minimum distance: the worst of each entry
    /// ([`ViolationKind::RthConflict`]; time = trigger moment).
    pub violations: Vec<Violation>,
}

/// Checks the plans `plans[i]` of the drones of `show`. `None` when no drone has one.
pub fn check_rth(
    show: &FlightShow,
    plans: &[Option<RthPlan>],
    limits: &Limits,
    opts: &RthCheckOptions,
) -> Option<RthCheck> {
    if plans.iter().all(Option::is_none) {
        return None;
    }
    let n = show.drones.len();
    let mut times: Vec<f64> = plans
        .iter()
        .flatten()
        .flat_map(|p| p.entries.iter().map(|e| e.time_s))
        .collect();
    times.sort_by(f64::total_cmp);
    times.dedup();
    let drones_without_plan: Vec<usize> = (0..n)
        .filter(|&i| plans.get(i).is_none_or(Option::is_none))
        .collect();
    let drones_with_other_times: Vec<usize> = (0..n)
        .filter(|&i| {
            plans.get(i).and_then(Option::as_ref).is_some_and(|p| {
                p.entries.len() != times.len()
                    || p.entries.iter().zip(&times).any(|(e, t)| e.time_s != *t)
            })
        })
        .collect();
    let mut gaps: Vec<f64> = times.windows(2).map(|w| w[1] - w[0]).collect();
    gaps.sort_by(f64::total_cmp);
    let interval_s = gaps.get(gaps.len() / 2).copied().unwrap_or(0.0);
    let step = if opts.trigger_step_s.is_finite() && opts.trigger_step_s > 1e-3 {
        opts.trigger_step_s
    } else {
        RthCheckOptions::DEFAULT.trigger_step_s
    };
    let d = limits.min_distance_m;
    let per_entry: Vec<EntryFinding> = (0..times.len())
        .into_par_iter()
        .map(|k| {
            let prev = if k == 0 {
                times[0] - interval_s.max(1.0)
            } else {
                times[k - 1]
            };
            check_entry(show, plans, limits, times[k], prev, step, opts.tolerance_m)
        })
        .collect();
    let mut worst = (0.0, (0.0, 0));
    let mut min_distance: Option<f64> = None;
    let mut violations = Vec::new();
    let mut triggers = 0;
    for f in per_entry {
        triggers += f.triggers;
        if f.worst_duration.0 > worst.0 {
            worst = f.worst_duration;
        }
        if let Some((dist, _, _)) = f.closest {
            min_distance = Some(min_distance.map_or(dist, |m: f64| m.min(dist)));
        }
        if let Some((dist, tau, pair)) = f.closest
            && dist < d - opts.tolerance_m
        {
            violations.push(Violation {
                kind: ViolationKind::RthConflict,
                time_s: tau,
                drones: vec![pair.0, pair.1],
                value: dist,
                limit: d,
                source: show.source_at(tau).unwrap_or("").to_string(),
            });
        }
    }
    let top_speed = limits
        .max_speed_xy_m_s
        .hypot(limits.max_speed_up_m_s.max(limits.max_speed_down_m_s));
    Some(RthCheck {
        entry_times_s: times,
        interval_s,
        drones_without_plan,
        drones_with_other_times,
        worst_duration_s: worst.0,
        worst_duration_at: worst.1,
        min_distance_m: min_distance,
        triggers_checked: triggers,
        trigger_step_s: step,
        between_moments_m: top_speed * step,
        violations,
    })
}

struct EntryFinding {
    triggers: usize,
    /// (seconds, (entry time, drone)).
    worst_duration: (f64, (f64, usize)),
    /// (distance, trigger moment, pair) of the closest approach within reach.
    closest: Option<(f64, f64, (usize, usize))>,
}

/// The flights of every drone after a trigger at `tau`.
fn flights_at(
    show: &FlightShow,
    plans: &[Option<RthPlan>],
    tau: f64,
    fallback: f64,
) -> Vec<Vec<RthLeg>> {
    show.drones
        .iter()
        .enumerate()
        .map(|(i, dr)| {
            let start = dr.trajectory.position(tau);
            match plans.get(i).and_then(Option::as_ref) {
                Some(p) => p.flight(p.entry_for_trigger(tau), start, tau),
                None => land_flight(start, tau, fallback),
            }
        })
        .collect()
}

fn land_flight(start: Vec3, tau: f64, speed: f64) -> Vec<RthLeg> {
    let plan = RthPlan {
        landing_speed_m_s: speed,
        landing_altitude_m: 0.0,
        entries: Vec::new(),
    };
    plan.flight(None, start, tau)
}

fn check_entry(
    show: &FlightShow,
    plans: &[Option<RthPlan>],
    limits: &Limits,
    t: f64,
    prev: f64,
    step: f64,
    tolerance: f64,
) -> EntryFinding {
    let fallback = limits.max_speed_down_m_s * 0.75;
    let mut worst_duration = (0.0, (t, 0));
    for (i, dr) in show.drones.iter().enumerate() {
        if let Some(p) = plans.get(i).and_then(Option::as_ref)
            && let Some(e) = p.entries.iter().find(|e| e.time_s == t)
        {
            let dur = p.duration_s(e, dr.trajectory.position(t));
            if dur > worst_duration.0 {
                worst_duration = (dur, (t, i));
            }
        }
    }
    let span = (t - prev).max(0.0);
    let n = (span / step).ceil().max(1.0) as usize;
    let moments: Vec<f64> = (0..n)
        .map(|k| t - k as f64 * span / n as f64)
        .filter(|&s| s >= 0.0 || k_is_entry(s, t))
        .collect();
    let reach = limits.min_distance_m + 1.0;
    let mut closest: Option<(f64, f64, (usize, usize))> = None;
    for &tau in &moments {
        let flights = flights_at(show, plans, tau, fallback);
        if let Some((dist, pair)) =
            closest_pair(&flights, limits.min_nav_altitude_m, reach, tolerance)
            && closest.is_none_or(|(c, _, _)| dist < c)
        {
            closest = Some((dist, tau, pair));
        }
    }
    EntryFinding {
        triggers: moments.len(),
        worst_duration,
        closest,
    }
}

fn k_is_entry(s: f64, t: f64) -> bool {
    s == t
}

/// The closest pair of flights within `reach` (sweep over the flights' boxes along x, then
/// the exact approach).
fn closest_pair(
    flights: &[Vec<RthLeg>],
    floor_z: f64,
    reach: f64,
    _tolerance: f64,
) -> Option<(f64, (usize, usize))> {
    let boxes: Vec<(Vec3, Vec3)> = flights.iter().map(|f| flight_bounds(f)).collect();
    let mut order: Vec<usize> = (0..flights.len())
        .filter(|&i| !flights[i].is_empty())
        .collect();
    // Sweep along the horizontal axis the flights spread most along (a picture facing the
    // audience stands in one x).
    let spread = |f: fn(Vec3) -> f64| {
        let (lo, hi) = order
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &i| {
                (lo.min(f(boxes[i].0)), hi.max(f(boxes[i].0)))
            });
        hi - lo
    };
    let boxes: Vec<(Vec3, Vec3)> = if spread(|p| p.y) > spread(|p| p.x) {
        let yx = |p: Vec3| Vec3::new(p.y, p.x, p.z);
        boxes.iter().map(|&(lo, hi)| (yx(lo), yx(hi))).collect()
    } else {
        boxes
    };
    order.sort_by(|&a, &b| boxes[a].0.x.total_cmp(&boxes[b].0.x).then(a.cmp(&b)));
    let mut best: Option<(f64, (usize, usize))> = None;
    for (k, &a) in order.iter().enumerate() {
        let (alo, ahi) = boxes[a];
        for &b in &order[k + 1..] {
            let (blo, bhi) = boxes[b];
            if blo.x > ahi.x + reach {
                break;
            }
            if blo.y > ahi.y + reach
                || alo.y > bhi.y + reach
                || blo.z > ahi.z + reach
                || alo.z > bhi.z + reach
            {
                continue;
            }
            if let Some((dist, _)) = flights_closest(&flights[a], &flights[b], floor_z, 0.0)
                && dist < reach
                && best.is_none_or(|(c, _)| dist < c)
            {
                best = Some((dist, (a.min(b), a.max(b))));
            }
        }
    }
    best
}

/// Intervals `[from, to]` of show time in which a plain vertical "land now" of every drone
/// at `speed_m_s` keeps every pair apart, from moments `step_s` apart (a moment is safe
/// when no two drones' descents come within the minimum distance less `tolerance_m`).
pub fn land_in_place_safe(
    show: &FlightShow,
    limits: &Limits,
    speed_m_s: f64,
    step_s: f64,
    tolerance_m: f64,
) -> Vec<[f64; 2]> {
    let end = show.duration_s();
    let step = if step_s.is_finite() && step_s > 1e-3 {
        step_s
    } else {
        0.25
    };
    let count = (end / step).ceil() as usize + 1;
    let d = limits.min_distance_m;
    let safe: Vec<bool> = (0..count)
        .into_par_iter()
        .map(|k| {
            let tau = (k as f64 * step).min(end);
            let flights: Vec<Vec<RthLeg>> = show
                .drones
                .iter()
                .map(|dr| land_flight(dr.trajectory.position(tau), tau, speed_m_s))
                .collect();
            closest_pair(&flights, limits.min_nav_altitude_m, d, tolerance_m)
                .is_none_or(|(dist, _)| dist >= d - tolerance_m)
        })
        .collect();
    let mut out: Vec<[f64; 2]> = Vec::new();
    let mut open: Option<f64> = None;
    for (k, &ok) in safe.iter().enumerate() {
        let tau = (k as f64 * step).min(end);
        match (ok, open) {
            (true, None) => open = Some(tau),
            (false, Some(a)) => {
                out.push([a, ((k - 1) as f64 * step).min(end)]);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(a) = open {
        out.push([a, end]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::{Drone, RthAction, RthEntry, Segment, Trajectory};

    fn drone(path: &[(f64, Vec3)]) -> Drone {
        let mut tr = Trajectory::new(path[0].1);
        for w in path.windows(2) {
            tr.push(Segment::line(w[0].0, w[1].0, w[0].1, w[1].1));
        }
        Drone {
            name: String::new(),
            home: path[0].1,
            trajectory: tr,
            lights: Default::default(),
        }
    }

    fn show(drones: Vec<Drone>) -> FlightShow {
        FlightShow {
            drones,
            ..Default::default()
        }
    }

    #[test]
    fn a_vertical_picture_is_not_safe_to_land_in_place_but_a_flat_one_is() {
        // Two drones climb side by side (safe to land), then one moves above the other.
        let a = drone(&[
            (0.0, Vec3::new(0.0, 0.0, 0.0)),
            (10.0, Vec3::new(0.0, 0.0, 10.0)),
            (20.0, Vec3::new(0.0, 0.0, 10.0)),
        ]);
        let b = drone(&[
            (0.0, Vec3::new(0.0, 4.0, 0.0)),
            (10.0, Vec3::new(0.0, 4.0, 10.0)),
            (15.0, Vec3::new(0.0, 0.0, 20.0)),
            (20.0, Vec3::new(0.0, 0.0, 20.0)),
        ]);
        let s = show(vec![a, b]);
        let safe = land_in_place_safe(&s, &Limits::DEFAULT, 1.5, 0.25, 0.001);
        assert_eq!(safe.len(), 1, "{safe:?}");
        assert_eq!(safe[0][0], 0.0);
        // Pairs count while one is above the navigation altitude (2.5 m), as in the
        // validator: b, h m sideways from a, passes 2.5 m after a has landed, so the pair
        // comes within √(h² + 2.5²): below 3 m once h < 1.658, i.e. 4·(1 − s/5) < 1.658
        // from 12.93 s.
        assert!(safe[0][1] >= 12.75 && safe[0][1] < 13.0, "{safe:?}");
    }

    #[test]
    fn a_plan_that_crosses_is_a_conflict_and_a_delay_clears_it() {
        let a = drone(&[
            (0.0, Vec3::new(0.0, 0.0, 10.0)),
            (5.0, Vec3::new(0.0, 0.0, 10.0)),
        ]);
        let b = drone(&[
            (0.0, Vec3::new(12.0, 0.0, 10.0)),
            (5.0, Vec3::new(12.0, 0.0, 10.0)),
        ]);
        let s = show(vec![a, b]);
        let entry = |target: Vec3, delay: f64| RthEntry {
            time_s: 5.0,
            action: RthAction::GoToStraight,
            target,
            duration_s: 5.0,
            pre_delay_s: delay,
            post_delay_s: 0.0,
        };
        let plan = |e: RthEntry| {
            Some(RthPlan {
                landing_speed_m_s: 1.0,
                landing_altitude_m: 0.0,
                entries: vec![e],
            })
        };
        // a flies to (12, −8), b to (0, −8): their paths cross at (6, −4) at 7.5 s.
        let crossing = vec![
            plan(entry(Vec3::new(12.0, -8.0, 10.0), 0.0)),
            plan(entry(Vec3::new(0.0, -8.0, 10.0), 0.0)),
        ];
        let c = check_rth(&s, &crossing, &Limits::DEFAULT, &RthCheckOptions::DEFAULT).unwrap();
        assert_eq!(c.violations.len(), 1);
        assert_eq!(c.violations[0].kind, ViolationKind::RthConflict);
        assert!(c.violations[0].value < 1.0);
        assert_eq!(c.entry_times_s, vec![5.0]);
        assert!(c.triggers_checked >= 4);
        let waiting = vec![
            plan(entry(Vec3::new(12.0, -8.0, 10.0), 0.0)),
            plan(entry(Vec3::new(0.0, -8.0, 10.0), 8.0)),
        ];
        let c = check_rth(&s, &waiting, &Limits::DEFAULT, &RthCheckOptions::DEFAULT).unwrap();
        assert!(c.violations.is_empty(), "{:?}", c.violations);
        // b: 8 s wait, 5 s move, then 10 m down at 1 m/s.
        assert!(
            (c.worst_duration_s - 23.0).abs() < 1e-9,
            "{}",
            c.worst_duration_s
        );
        assert!(
            check_rth(
                &s,
                &[None, None],
                &Limits::DEFAULT,
                &RthCheckOptions::DEFAULT
            )
            .is_none()
        );
    }
}
