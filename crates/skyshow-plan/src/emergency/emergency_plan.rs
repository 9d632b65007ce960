//! `EmergencyPlan`: a return-to-home entry for every whole second of the flight, each
//! proven for a trigger at any moment of its second, and the stretches where landing in
//! place is safe.
//!
//! Cost: the entries of a still picture all start from the same positions, so they share
//! one plan and one proof (a still second needs no sub-second proof); only seconds in
//! which drones move get their own. Distinct plans and proofs are made in parallel and
//! gathered by index, so the result does not depend on the number of threads.

use std::collections::HashMap;

use rayon::prelude::*;
use skyshow_model::{Limits, RthAction, RthEntry, RthPlan, Trajectory, Vec3};

use crate::emergency::land_in_place::LandInPlace;
use crate::emergency::return_plan::{ON_SLOT_M, ReturnAction, ReturnPlan, landing_speed_m_s};
use crate::emergency::start_sweep::StartSweep;
use crate::emergency::trigger_proof::TriggerProof;
use crate::options::PlanOptions;
use crate::show_plan::ShowPlan;

/// Where in an entry's interval (fraction) the schedules tried when the one planned from the
/// second's start is not proven are planned from.
const LATER_STARTS: [f64; 2] = [0.5, 1.0];
/// Distances this close below the minimum count as reaching it, metres (the validator's
/// default tolerance).
const TOLERANCE_M: f64 = 1e-6;

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

/// Where a configuration's plan comes from, and the seconds that use it.
struct Config {
    starts: Vec<Vec3>,
    grounded: Vec<bool>,
    seconds: Vec<usize>,
}

/// Plans the emergency return of `plan` under `limits`, with an entry every `interval_s`
/// seconds (at least 1), each proven for a trigger anywhere in its interval.
pub fn plan_emergency(
    plan: &ShowPlan,
    limits: &Limits,
    opts: &PlanOptions,
    interval_s: i64,
) -> EmergencyPlan {
    let interval_s = interval_s.max(1);
    let trajectories: &[Trajectory] = &plan.trajectories;
    let end_s = plan.end_ms as f64 / 1000.0;
    let span_ms = interval_s * 1000;
    let seconds = (plan.end_ms + span_ms - 1) / span_ms;
    let low = limits.min_nav_altitude_m;
    let at = |k: usize| (k as i64 * interval_s) as f64;
    let sweeps: Vec<StartSweep> = (0..seconds as usize)
        .into_par_iter()
        .map(|k| StartSweep::new(trajectories, at(k), at(k + 1)))
        .collect();
    // The distinct starting configurations, in time order.
    let mut configs: Vec<Config> = Vec::new();
    let mut seen: HashMap<Vec<u64>, usize> = HashMap::new();
    let mut config_of: Vec<usize> = Vec::with_capacity(sweeps.len());
    for (k, s) in sweeps.iter().enumerate() {
        let grounded: Vec<bool> = (0..s.anchor.len())
            .map(|i| {
                let p = s.anchor[i];
                let h = plan.homes[i];
                p.z + s.reach[i] < low && Vec3::new(p.x - h.x, p.y - h.y, 0.0).norm() <= ON_SLOT_M
            })
            .collect();
        let mut key: Vec<u64> = Vec::with_capacity(3 * s.anchor.len() + 1);
        for (p, g) in s.anchor.iter().zip(&grounded) {
            key.extend([p.x.to_bits(), p.y.to_bits(), p.z.to_bits(), u64::from(*g)]);
        }
        let c = *seen.entry(key).or_insert_with(|| {
            configs.push(Config {
                starts: s.anchor.clone(),
                grounded,
                seconds: Vec::new(),
            });
            configs.len() - 1
        });
        configs[c].seconds.push(k);
        config_of.push(c);
    }
    // Plans: the seconds that bring a new configuration come in runs (a transition or a
    // moving picture, second by second); each run is planned in order, each second first
    // trying the previous second's departures (kept when its proof holds), and runs are
    // planned in parallel. A proof is keyed by configuration for a still second (a window
    // of one moment) and by second for a moving one.
    let d = limits.min_distance_m;
    let first_of: Vec<bool> = (0..sweeps.len())
        .map(|k| configs[config_of[k]].seconds[0] == k)
        .collect();
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for k in (0..sweeps.len()).filter(|&k| first_of[k]) {
        match runs.last_mut() {
            Some(r) if r.last() == Some(&(k - 1)) => r.push(k),
            _ => runs.push(vec![k]),
        }
    }
    let window = |k: usize| -> StartSweep {
        if sweeps[k].is_still() {
            StartSweep::new(trajectories, at(k), at(k))
        } else {
            sweeps[k].clone()
        }
    };
    // A new plan for second `k`: from its start (swept over the second); when that is not
    // proven for the whole second, also the schedules planned from later in the second
    // (flown from its start), the best kept.
    let fresh = |k: usize, cfg: &Config, w: &StartSweep| {
        let plan_from = |starts: &[Vec3], sweep: Option<&StartSweep>| {
            ReturnPlan::plan_swept(
                starts,
                sweep,
                &plan.homes,
                &plan.neck_altitude_m,
                &cfg.grounded,
                limits,
                opts,
            )
        };
        // Planned against the starts swept over the second, so that every trigger in it
        // keeps the distance; when that is not proven, also from its start alone (the
        // sweep's rings of blocking drones can order them worse), the better kept.
        let moving = !w.is_still();
        let mut r = plan_from(&cfg.starts, moving.then_some(w));
        let mut proof = r.as_mut().ok().map(|r| TriggerProof::repair(r, w, limits));
        if moving
            && proof.is_none_or(|p| p.min_m < d - TOLERANCE_M)
            && let Ok(mut r2) = plan_from(&cfg.starts, None)
        {
            let p2 = TriggerProof::repair(&mut r2, w, limits);
            if proof.is_none_or(|p| p2.min_m > p.min_m) {
                (r, proof) = (Ok(r2), Some(p2));
            }
        }
        // Not proven, or no schedule at all from the second's start (drones blocking each
        // other's way down at that moment): try the schedules planned from later on.
        if w.b > w.a && proof.is_none_or(|p| p.min_m < d - TOLERANCE_M) {
            for off in LATER_STARTS {
                let t = at(k) + off * interval_s as f64;
                let later: Vec<Vec3> = trajectories.iter().map(|tr| tr.position(t)).collect();
                let Ok(other) = plan_from(&later, None) else {
                    continue;
                };
                let Some(mut r2) = other.with_departures_of(
                    &cfg.starts,
                    &plan.neck_altitude_m,
                    &cfg.grounded,
                    limits,
                    opts,
                ) else {
                    continue;
                };
                let p2 = TriggerProof::repair(&mut r2, w, limits);
                if proof.is_none_or(|p| p2.min_m > p.min_m) {
                    (r, proof) = (Ok(r2), Some(p2));
                }
                if p2.min_m >= d - TOLERANCE_M {
                    break;
                }
            }
        }
        (r, proof)
    };
    type Planned = (usize, Result<ReturnPlan, String>, Option<TriggerProof>);
    let planned: Vec<Vec<Planned>> = runs
        .par_iter()
        .map(|run| {
            let mut out: Vec<Planned> = Vec::with_capacity(run.len());
            for &k in run {
                let c = config_of[k];
                let cfg = &configs[c];
                let w = window(k);
                let reused = out.last().and_then(|(_, prev, _)| {
                    let prev = prev.as_ref().ok()?;
                    let mut r = prev.with_departures_of(
                        &cfg.starts,
                        &plan.neck_altitude_m,
                        &cfg.grounded,
                        limits,
                        opts,
                    )?;
                    let proof = TriggerProof::repair(&mut r, &w, limits);
                    Some((r, proof))
                });
                out.push(match reused {
                    Some((r, proof)) if proof.min_m >= d - TOLERANCE_M => (k, Ok(r), Some(proof)),
                    reused => {
                        // A new plan; the previous second's departures stay when no new
                        // plan does better.
                        let (r, proof) = fresh(k, cfg, &w);
                        match reused {
                            Some((r0, p0)) if proof.is_none_or(|p| p0.min_m > p.min_m) => {
                                (k, Ok(r0), Some(p0))
                            }
                            _ => (k, r, proof),
                        }
                    }
                });
            }
            out
        })
        .collect();
    // Plans by configuration (those of the seconds that brought them), then any made for
    // one second when its configuration's plan does not hold there.
    let mut returns: Vec<Result<ReturnPlan, String>> = vec![Err(String::new()); configs.len()];
    let mut plan_of: Vec<usize> = config_of.clone();
    let mut proof_of: Vec<Option<TriggerProof>> = vec![None; sweeps.len()];
    let mut still_proof: Vec<Option<(usize, Option<TriggerProof>)>> = vec![None; configs.len()];
    for (k, r, proof) in planned.into_iter().flatten() {
        let c = config_of[k];
        returns[c] = r;
        proof_of[k] = proof;
        if sweeps[k].is_still() {
            still_proof[c] = Some((c, proof));
        }
    }
    // The other seconds: a configuration's still seconds share one proof; a moving second
    // is proven on its own, from its configuration's plan, given delays of its own if
    // that plan does not hold there.
    let mut jobs: Vec<usize> = Vec::new();
    let mut queued: Vec<bool> = still_proof.iter().map(Option::is_some).collect();
    for (k, s) in sweeps.iter().enumerate() {
        let c = config_of[k];
        if first_of[k] || (s.is_still() && queued[c]) {
            continue;
        }
        queued[c] |= s.is_still();
        jobs.push(k);
    }
    let done: Vec<Option<(ReturnPlan, TriggerProof)>> = jobs
        .par_iter()
        .map(|&k| {
            let mut r = returns[config_of[k]].as_ref().ok()?.clone();
            let proof = TriggerProof::repair(&mut r, &window(k), limits);
            Some((r, proof))
        })
        .collect();
    for (&k, job) in jobs.iter().zip(done) {
        let c = config_of[k];
        let Some((r, proof)) = job else { continue };
        let p = match &returns[c] {
            Ok(own) if *own == r => c,
            _ => {
                returns.push(Ok(r));
                returns.len() - 1
            }
        };
        plan_of[k] = p;
        proof_of[k] = Some(proof);
        if sweeps[k].is_still() {
            still_proof[c] = Some((p, Some(proof)));
        }
    }
    let mut entries = Vec::with_capacity(sweeps.len());
    for (k, s) in sweeps.iter().enumerate() {
        let c = config_of[k];
        let (p, proof) = if s.is_still() {
            still_proof[c].unwrap_or((plan_of[k], None))
        } else {
            (plan_of[k], proof_of[k])
        };
        let (min_distance_m, pair, unsafe_why) = match (&returns[p], proof) {
            (Err(why), _) => (0.0, None, Some(Unproven::NoSchedule(why.clone()))),
            (Ok(_), Some(q)) if q.min_m < d - TOLERANCE_M => {
                (q.min_m, q.pair, Some(Unproven::TooClose))
            }
            (Ok(_), Some(q)) => (q.min_m, q.pair, None),
            (Ok(_), None) => (f64::INFINITY, None, None),
        };
        entries.push(EmergencyEntry {
            time_s: k as i64 * interval_s,
            plan: p,
            min_distance_m,
            pair,
            unsafe_why,
        });
    }
    let returns: Vec<ReturnPlan> = returns
        .into_iter()
        .enumerate()
        .map(|(p, r)| {
            r.unwrap_or_else(|_| {
                let c = p.min(configs.len() - 1);
                ReturnPlan::land_in_place(&configs[c].starts, &plan.homes, limits, opts)
            })
        })
        .collect();
    EmergencyPlan {
        entries,
        interval_s,
        returns,
        landing_speed_m_s: landing_speed_m_s(limits, opts),
        land_in_place: LandInPlace::find(trajectories, end_s, limits.min_distance_m, low),
    }
}
