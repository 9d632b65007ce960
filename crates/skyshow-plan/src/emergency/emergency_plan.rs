//! `EmergencyPlan`: a return-to-home entry for every whole second of the flight, each
//! proven for a trigger at any moment of its second, and the stretches where landing in
//! place is safe.
//!
//! The seconds are planned and proven by `SecondPlans` (which shares a still picture's
//! plan and proof between its seconds); this gathers them into entries.

use skyshow_model::{Limits, RthAction, RthEntry, RthPlan};

use crate::emergency::land_in_place::LandInPlace;
use crate::emergency::return_plan::{ReturnAction, ReturnPlan, landing_speed_m_s};
use crate::emergency::second_plans::{SecondPlans, TOLERANCE_M};
use crate::emergency::trigger_proof::TriggerProof;
use crate::options::PlanOptions;
use crate::show_plan::ShowPlan;

/// One entry: the return flown when triggered in `[time_s, time_s + interval_s)`.
#[derive(Clone, Debug, PartialEq)]
pub struct EmergencyEntry {
    /// Entry time, whole seconds of the show clock (a multiple of the interval).
    pub time_s: i64,
    /// Index of its plan in [`EmergencyPlan::returns`].
    pub plan: usize,
    /// Lower bound on the distance between two drones (both above the minimum navigation
    /// altitude) for a trigger anywhere in its interval, metres.
    pub min_distance_m: f64,
    /// The drones of that closest pair.
    pub pair: Option<(usize, usize)>,
    /// Why the entry is not proven safe; `None` when it is.
    pub unsafe_why: Option<Unproven>,
}

/// Why an entry is not proven safe.
#[derive(Clone, Debug, PartialEq)]
pub enum Unproven {
    /// The landing planner found no schedule from the entry's positions (its reason, in
    /// the planner's words); the entry lands every drone where it is.
    NoSchedule(String),
    /// The proven bound of a pair (`EmergencyEntry::pair`, `min_distance_m`) stays below
    /// the minimum distance for some trigger in the interval.
    TooClose,
}

/// The emergency return of a show.
#[derive(Clone, Debug, PartialEq)]
pub struct EmergencyPlan {
    /// Entries, one every `interval_s` from 0 until every drone is down.
    pub entries: Vec<EmergencyEntry>,
    /// Seconds between entries.
    pub interval_s: i64,
    /// The distinct plans the entries use.
    pub returns: Vec<ReturnPlan>,
    /// The speed of the final descents, m/s (Skybrush's `landingSpeed`).
    pub landing_speed_m_s: f64,
    /// Where landing in place is safe.
    pub land_in_place: LandInPlace,
}

impl EmergencyPlan {
    /// The longest return of any entry, seconds.
    pub fn worst_duration_s(&self) -> f64 {
        let longest = self
            .returns
            .iter()
            .map(ReturnPlan::duration_ms)
            .max()
            .unwrap_or(0);
        longest as f64 / 1000.0
    }

    /// The smallest proven distance over every entry, metres.
    pub fn min_distance_m(&self) -> f64 {
        self.entries
            .iter()
            .map(|e| e.min_distance_m)
            .fold(f64::INFINITY, f64::min)
    }

    /// Every drone's plan as Skybrush states it (`settings.rthPlan`): one entry every
    /// `interval_s` seconds, the same times for every drone.
    pub fn rth_plans(&self) -> Vec<RthPlan> {
        let n = self.returns.first().map_or(0, |r| r.homes.len());
        (0..n)
            .map(|i| RthPlan {
                landing_speed_m_s: self.landing_speed_m_s,
                landing_altitude_m: self.returns[0].homes[i].z,
                entries: self
                    .entries
                    .iter()
                    .map(|e| {
                        let r = &self.returns[e.plan];
                        let s = |ms: i64| ms as f64 / 1000.0;
                        let mut entry = RthEntry {
                            time_s: e.time_s as f64,
                            action: RthAction::Land,
                            target: r.starts[i],
                            duration_s: 0.0,
                            pre_delay_s: 0.0,
                            post_delay_s: 0.0,
                            pre_neck_s: 0.0,
                        };
                        if let ReturnAction::Go {
                            depart_ms,
                            neck,
                            leg,
                            ..
                        } = r.actions[i]
                        {
                            entry.action = RthAction::GoToStraight;
                            entry.target = neck;
                            entry.duration_s = s(leg.total_ms);
                            entry.pre_delay_s = s(depart_ms);
                        }
                        entry
                    })
                    .collect(),
            })
            .collect()
    }

    /// The entries that are not safe.
    pub fn unsafe_entries(&self) -> impl Iterator<Item = &EmergencyEntry> {
        self.entries.iter().filter(|e| e.unsafe_why.is_some())
    }
}

/// Plans the emergency return of `plan` under `limits`, with an entry every `interval_s`
/// seconds (at least 1), each proven for a trigger anywhere in its interval.
pub fn plan_emergency(
    plan: &ShowPlan,
    limits: &Limits,
    opts: &PlanOptions,
    interval_s: i64,
) -> EmergencyPlan {
    plan_emergency_from(plan, limits, opts, interval_s, 0)
}

/// [`plan_emergency`] for the entries from the `first`'s on only (a development aid: the
/// benchmark plans a stretch of a long show; the land-in-place stretches cover the whole
/// show).
#[doc(hidden)]
pub fn plan_emergency_from(
    plan: &ShowPlan,
    limits: &Limits,
    opts: &PlanOptions,
    interval_s: i64,
    first: usize,
) -> EmergencyPlan {
    let interval_s = interval_s.max(1);
    let s = SecondPlans::new(plan, limits, opts, interval_s, first);
    let n = s.sweeps.len();
    // Plans by configuration (those of the seconds that brought them), then any made for
    // one second when its configuration's plan does not hold there.
    let mut returns: Vec<Result<ReturnPlan, String>> = vec![Err(String::new()); s.configs.len()];
    let mut plan_of: Vec<usize> = s.config_of.clone();
    let mut proof_of: Vec<Option<TriggerProof>> = vec![None; n];
    let mut still_proof: Vec<Option<(usize, Option<TriggerProof>)>> = vec![None; s.configs.len()];
    for (k, (r, proof)) in s.plan_first_seconds() {
        let c = s.config_of[k];
        returns[c] = r;
        proof_of[k] = proof;
        if s.sweeps[k].is_still() {
            still_proof[c] = Some((c, proof));
        }
    }
    let done: Vec<bool> = still_proof.iter().map(Option::is_some).collect();
    for (k, r, proof) in s.prove_other_seconds(&returns, &done) {
        let c = s.config_of[k];
        let p = match &returns[c] {
            Ok(own) if *own == r => c,
            _ => {
                returns.push(Ok(r));
                returns.len() - 1
            }
        };
        plan_of[k] = p;
        proof_of[k] = Some(proof);
        if s.sweeps[k].is_still() {
            still_proof[c] = Some((p, Some(proof)));
        }
    }
    let entries = (0..n)
        .map(|k| {
            let (p, proof) = if s.sweeps[k].is_still() {
                still_proof[s.config_of[k]].unwrap_or((plan_of[k], None))
            } else {
                (plan_of[k], proof_of[k])
            };
            entry(s.time_s(k), p, &returns[p], proof, limits.min_distance_m)
        })
        .collect();
    let returns: Vec<ReturnPlan> = returns
        .into_iter()
        .enumerate()
        .map(|(p, r)| {
            r.unwrap_or_else(|_| {
                let c = p.min(s.configs.len() - 1);
                ReturnPlan::land_in_place(&s.configs[c].starts, &plan.homes, limits, opts)
            })
        })
        .collect();
    EmergencyPlan {
        entries,
        interval_s,
        returns,
        landing_speed_m_s: landing_speed_m_s(limits, opts),
        land_in_place: LandInPlace::find(
            &plan.trajectories,
            plan.end_ms as f64 / 1000.0,
            limits.min_distance_m,
            limits.min_nav_altitude_m,
        ),
    }
}

/// The entry at `time_s` using plan `p` (`r`, or the planner's reason for none), proven as
/// `proof` says (`None`: nothing to prove) against the minimum distance `d`.
fn entry(
    time_s: i64,
    p: usize,
    r: &Result<ReturnPlan, String>,
    proof: Option<TriggerProof>,
    d: f64,
) -> EmergencyEntry {
    let (min_distance_m, pair, unsafe_why) = match (r, proof) {
        (Err(why), _) => (0.0, None, Some(Unproven::NoSchedule(why.clone()))),
        (Ok(_), Some(q)) if q.min_m < d - TOLERANCE_M => {
            (q.min_m, q.pair, Some(Unproven::TooClose))
        }
        (Ok(_), Some(q)) => (q.min_m, q.pair, None),
        (Ok(_), None) => (f64::INFINITY, None, None),
    };
    EmergencyEntry {
        time_s,
        plan: p,
        min_distance_m,
        pair,
        unsafe_why,
    }
}
