//! `RthCheck`: a show's return-to-home plans (`settings.rthPlan`) re-flown and validated.
//!
//! For each entry time (and, when asked, moments later in its second), every drone stops
//! where its trajectory has it and flies its entry as `skyshow_model::RthPlan::flight`
//! models it; the whole fleet's returns are then validated like any show, and two drones
//! closer than the minimum distance (both above the minimum navigation altitude) are a
//! conflict. Triggers whose drones start where an earlier one's did and fly the same
//! entries are flown once (a still picture's seconds).

use std::collections::HashSet;

use skyshow_model::{Drone, FlightShow, Limits, RthPlan, Trajectory};

use crate::{ValidateOptions, ViolationKind, validate};

/// Two drones too close in a re-flown return.
#[derive(Clone, Debug, PartialEq)]
pub struct RthConflict {
    /// The entry's time, seconds.
    pub entry_s: f64,
    /// When the return was triggered, seconds.
    pub trigger_s: f64,
    /// When they come closest, seconds on the show clock.
    pub time_s: f64,
    /// The two drones.
    pub drones: (usize, usize),
    /// Their distance, metres.
    pub distance_m: f64,
}

/// What re-flying the returns found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RthCheck {
    /// Entry times checked.
    pub entries: usize,
    /// Returns flown (triggers less the repeats).
    pub flown: usize,
    /// The longest return, seconds from its trigger to the last touchdown.
    pub worst_duration_s: f64,
    /// The smallest distance between two drones above the minimum navigation altitude in
    /// any return flown, metres (infinite when no two come within the search distance).
    pub min_distance_m: f64,
    /// Every conflict, by trigger.
    pub conflicts: Vec<RthConflict>,
}

impl RthCheck {
    /// Every entry time of `plans`, ascending, without repeats.
    pub fn entry_times(plans: &[Option<RthPlan>]) -> Vec<f64> {
        let mut times: Vec<f64> = plans
            .iter()
            .flatten()
            .flat_map(|p| p.entries.iter().map(|e| e.time_s))
            .collect();
        times.sort_by(f64::total_cmp);
        times.dedup();
        times
    }

    /// Re-flies the plans of `show`'s drones (`plans[i]` for drone `i`; a drone without one
    /// hovers where it is) at every entry time plus each of `offsets_s` (seconds, in
    /// `[0, 1)`), and validates each return's separation under `limits`.
    pub fn run(
        show: &FlightShow,
        plans: &[Option<RthPlan>],
        limits: &Limits,
        opts: &ValidateOptions,
        offsets_s: &[f64],
    ) -> RthCheck {
        let times = RthCheck::entry_times(plans);
        let mut out = RthCheck {
            entries: times.len(),
            min_distance_m: f64::INFINITY,
            ..RthCheck::default()
        };
        let mut seen: HashSet<Vec<u64>> = HashSet::new();
        for &t in &times {
            for &off in offsets_s {
                let tau = t + off;
                let Some((fleet, key)) = returns(show, plans, limits, tau) else {
                    continue;
                };
                if !seen.insert(key) {
                    continue;
                }
                out.flown += 1;
                let end = fleet.duration_s();
                out.worst_duration_s = out.worst_duration_s.max(end - tau);
                let v = validate(&fleet, limits, opts);
                out.min_distance_m = out.min_distance_m.min(v.measured.min_distance_m);
                for x in v
                    .violations
                    .iter()
                    .filter(|x| x.kind == ViolationKind::MinDistance)
                {
                    out.conflicts.push(RthConflict {
                        entry_s: t,
                        trigger_s: tau,
                        time_s: x.time_s,
                        drones: (x.drones[0], x.drones.get(1).copied().unwrap_or(x.drones[0])),
                        distance_m: x.value,
                    });
                }
            }
        }
        out
    }
}

/// The fleet's returns triggered at `tau`, and a key that is equal for two triggers whose
/// returns are the same flights (shifted in time). `None` before any entry applies.
fn returns(
    show: &FlightShow,
    plans: &[Option<RthPlan>],
    limits: &Limits,
    tau: f64,
) -> Option<(FlightShow, Vec<u64>)> {
    let mut key: Vec<u64> = Vec::with_capacity(show.drones.len() * 12);
    let mut drones = Vec::with_capacity(show.drones.len());
    let mut any = false;
    for (i, d) in show.drones.iter().enumerate() {
        let from = d.trajectory.position(tau);
        let mut tr = Trajectory::new(from);
        key.extend([from.x.to_bits(), from.y.to_bits(), from.z.to_bits()]);
        if let Some((p, e)) = plans
            .get(i)
            .and_then(Option::as_ref)
            .and_then(|p| p.entry_at(tau).map(|e| (p, e)))
        {
            any = true;
            let at_entry = d.trajectory.position(e.time_s);
            for seg in p.flight(e, from, at_entry, tau, limits.max_accel_m_s2) {
                tr.hold_until(seg.t0);
                tr.push(seg);
            }
            key.extend([
                at_entry.x.to_bits(),
                at_entry.y.to_bits(),
                at_entry.z.to_bits(),
                e.target.x.to_bits(),
                e.target.y.to_bits(),
                e.target.z.to_bits(),
                e.duration_s.to_bits(),
                e.pre_delay_s.to_bits(),
                (e.post_delay_s + e.pre_neck_s).to_bits(),
                p.landing_speed_m_s.to_bits(),
                p.landing_altitude_m.to_bits() ^ (e.action as u64),
            ]);
        }
        drones.push(Drone {
            name: d.name.clone(),
            home: d.home,
            trajectory: tr,
            lights: Default::default(),
        });
    }
    if !any {
        return None;
    }
    Some((
        FlightShow {
            drones,
            ..FlightShow::default()
        },
        key,
    ))
}
