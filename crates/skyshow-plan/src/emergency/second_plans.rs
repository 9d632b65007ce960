//! `SecondPlans`: the plans and proofs of an emergency return's seconds.
//!
//! The entries of a still picture all start from the same positions (bit for bit), so
//! they share one plan and one proof (a still second needs no sub-second proof); only
//! seconds in which drones move get their own. The seconds that bring a new starting
//! configuration come in runs (a transition or a moving picture, second by second): each
//! run is planned in order, each second first trying the previous second's departures
//! (kept when its proof holds), and runs are planned in parallel. Every other second is
//! proven from its configuration's plan, given delays of its own when that plan does not
//! hold there. Results are gathered by index, so they do not depend on the number of
//! threads.

use std::collections::HashMap;

use rayon::prelude::*;
use skyshow_model::{Limits, Trajectory, Vec3};

use crate::emergency::return_plan::{ON_SLOT_M, ReturnPlan};
use crate::emergency::start_sweep::StartSweep;
use crate::emergency::trigger_proof::TriggerProof;
use crate::options::PlanOptions;
use crate::show_plan::ShowPlan;

/// Where in an entry's interval (fraction) the schedules tried when the one planned from the
/// second's start is not proven are planned from.
const LATER_STARTS: [f64; 2] = [0.5, 1.0];
/// Distances this close below the minimum count as reaching it, metres (the validator's
/// default tolerance).
pub(crate) const TOLERANCE_M: f64 = 1e-6;

/// A starting configuration: where the drones are, which of them land where they are, and
/// the seconds that start from it.
pub(crate) struct Config {
    pub(crate) starts: Vec<Vec3>,
    grounded: Vec<bool>,
    seconds: Vec<usize>,
}

/// A second's plan (or the planner's reason for none) and its proof.
pub(crate) type Planned = (Result<ReturnPlan, String>, Option<TriggerProof>);

/// The seconds of a show's emergency return, with their sweeps and configurations.
pub(crate) struct SecondPlans<'a> {
    plan: &'a ShowPlan,
    limits: &'a Limits,
    opts: &'a PlanOptions,
    interval_s: i64,
    /// The first entry's index (entries before it are not planned).
    first: usize,
    /// Each second's sweep of the starts over its interval.
    pub(crate) sweeps: Vec<StartSweep>,
    /// The distinct starting configurations, in time order.
    pub(crate) configs: Vec<Config>,
    /// Each second's configuration.
    pub(crate) config_of: Vec<usize>,
}

impl<'a> SecondPlans<'a> {
    /// The entries of `plan` every `interval_s` seconds from entry `first` until every drone
    /// is down.
    pub(crate) fn new(
        plan: &'a ShowPlan,
        limits: &'a Limits,
        opts: &'a PlanOptions,
        interval_s: i64,
        first: usize,
    ) -> SecondPlans<'a> {
        let span_ms = interval_s * 1000;
        let seconds = ((plan.end_ms + span_ms - 1) / span_ms) as usize;
        let mut s = SecondPlans {
            plan,
            limits,
            opts,
            interval_s,
            first,
            sweeps: Vec::new(),
            configs: Vec::new(),
            config_of: Vec::new(),
        };
        s.sweeps = (0..seconds.saturating_sub(first))
            .into_par_iter()
            .map(|k| StartSweep::new(&plan.trajectories, s.at(k), s.at(k + 1)))
            .collect();
        s.find_configs();
        s
    }

    /// The show time of second `k`, seconds.
    pub(crate) fn at(&self, k: usize) -> f64 {
        ((self.first + k) as i64 * self.interval_s) as f64
    }

    /// The entry time of second `k`, whole seconds.
    pub(crate) fn time_s(&self, k: usize) -> i64 {
        (self.first + k) as i64 * self.interval_s
    }

    fn trajectories(&self) -> &'a [Trajectory] {
        &self.plan.trajectories
    }

    /// The distinct starting configurations, in time order.
    fn find_configs(&mut self) {
        let low = self.limits.min_nav_altitude_m;
        let mut seen: HashMap<Vec<u64>, usize> = HashMap::new();
        for (k, s) in self.sweeps.iter().enumerate() {
            let grounded: Vec<bool> = (0..s.anchor.len())
                .map(|i| {
                    let (p, h) = (s.anchor[i], self.plan.homes[i]);
                    p.z + s.reach[i] < low
                        && Vec3::new(p.x - h.x, p.y - h.y, 0.0).norm() <= ON_SLOT_M
                })
                .collect();
            // A moving second never shares the plan of a still one that starts from the
            // same positions (the first second of a transition after a hold): that plan
            // was made for one moment, not against the starts swept over the second.
            let mut key: Vec<u64> = Vec::with_capacity(4 * s.anchor.len() + 1);
            key.push(u64::from(s.is_still()));
            for (p, g) in s.anchor.iter().zip(&grounded) {
                key.extend([p.x.to_bits(), p.y.to_bits(), p.z.to_bits(), u64::from(*g)]);
            }
            let configs = &mut self.configs;
            let c = *seen.entry(key).or_insert_with(|| {
                configs.push(Config {
                    starts: s.anchor.clone(),
                    grounded,
                    seconds: Vec::new(),
                });
                configs.len() - 1
            });
            configs[c].seconds.push(k);
            self.config_of.push(c);
        }
    }

    /// Whether second `k` is the first of its configuration.
    pub(crate) fn is_first(&self, k: usize) -> bool {
        self.configs[self.config_of[k]].seconds[0] == k
    }

    /// The window second `k` is proven over: one moment for a still second, its whole
    /// interval for a moving one.
    pub(crate) fn window(&self, k: usize) -> StartSweep {
        if self.sweeps[k].is_still() {
            StartSweep::new(self.trajectories(), self.at(k), self.at(k))
        } else {
            self.sweeps[k].clone()
        }
    }

    /// The plans of the seconds that bring a new configuration, by second.
    pub(crate) fn plan_first_seconds(&self) -> Vec<(usize, Planned)> {
        let mut runs: Vec<Vec<usize>> = Vec::new();
        for k in (0..self.sweeps.len()).filter(|&k| self.is_first(k)) {
            match runs.last_mut() {
                Some(r) if r.last() == Some(&(k - 1)) => r.push(k),
                _ => runs.push(vec![k]),
            }
        }
        let planned: Vec<Vec<(usize, Planned)>> =
            runs.par_iter().map(|run| self.plan_run(run)).collect();
        planned.into_iter().flatten().collect()
    }

    /// One run of seconds, in order: each second keeps the previous second's departures
    /// when they are proven there, or gets a new plan (the previous departures kept when
    /// no new plan does better).
    fn plan_run(&self, run: &[usize]) -> Vec<(usize, Planned)> {
        let d = self.limits.min_distance_m;
        let mut out: Vec<(usize, Planned)> = Vec::with_capacity(run.len());
        for &k in run {
            let cfg = &self.configs[self.config_of[k]];
            let w = self.window(k);
            let reused = out.last().and_then(|(_, (prev, _))| {
                let mut r = self.departures_of(prev.as_ref().ok()?, cfg)?;
                let proof = TriggerProof::repair(&mut r, &w, self.limits);
                Some((r, proof))
            });
            out.push(match reused {
                Some((r, proof)) if proof.min_m >= d - TOLERANCE_M => (k, (Ok(r), Some(proof))),
                reused => {
                    let (r, proof) = self.fresh(k, cfg, &w);
                    match reused {
                        Some((r0, p0)) if proof.is_none_or(|p| p0.min_m > p.min_m) => {
                            (k, (Ok(r0), Some(p0)))
                        }
                        _ => (k, (r, proof)),
                    }
                }
            });
        }
        out
    }

    /// `r`'s departures and necks flown from `cfg`'s starts (see
    /// [`ReturnPlan::with_departures_of`]).
    fn departures_of(&self, r: &ReturnPlan, cfg: &Config) -> Option<ReturnPlan> {
        r.with_departures_of(
            &cfg.starts,
            &self.plan.neck_altitude_m,
            &cfg.grounded,
            self.limits,
            self.opts,
        )
    }

    /// The return from `starts`, planned against `sweep` when given.
    fn plan_from(
        &self,
        cfg: &Config,
        starts: &[Vec3],
        sweep: Option<&StartSweep>,
    ) -> Result<ReturnPlan, String> {
        ReturnPlan::plan_swept(
            starts,
            sweep,
            &self.plan.homes,
            &self.plan.neck_altitude_m,
            &cfg.grounded,
            self.limits,
            self.opts,
        )
    }

    /// A new plan for second `k` (window `w`): planned against the starts swept over the
    /// second, so that every trigger in it keeps the distance; when that is not proven,
    /// also from its start alone (the sweep's rings of blocking drones can order them
    /// worse), and then the schedules planned from later in the second (flown from its
    /// start); the best kept.
    fn fresh(&self, k: usize, cfg: &Config, w: &StartSweep) -> Planned {
        let d = self.limits.min_distance_m;
        let unproven = |p: &Option<TriggerProof>| p.is_none_or(|p| p.min_m < d - TOLERANCE_M);
        let moving = !w.is_still();
        let mut r = self.plan_from(cfg, &cfg.starts, moving.then_some(w));
        let mut proof = r
            .as_mut()
            .ok()
            .map(|r| TriggerProof::repair(r, w, self.limits));
        if moving
            && unproven(&proof)
            && let Ok(mut r2) = self.plan_from(cfg, &cfg.starts, None)
        {
            let p2 = TriggerProof::repair(&mut r2, w, self.limits);
            if proof.is_none_or(|p| p2.min_m > p.min_m) {
                (r, proof) = (Ok(r2), Some(p2));
            }
        }
        // Not proven, or no schedule at all from the second's start (drones blocking each
        // other's way down at that moment): try the schedules planned from later on.
        if w.b > w.a && unproven(&proof) {
            for off in LATER_STARTS {
                let t = self.at(k) + off * self.interval_s as f64;
                let later: Vec<Vec3> = self
                    .trajectories()
                    .iter()
                    .map(|tr| tr.position(t))
                    .collect();
                let Some(mut r2) = self
                    .plan_from(cfg, &later, None)
                    .ok()
                    .and_then(|other| self.departures_of(&other, cfg))
                else {
                    continue;
                };
                let p2 = TriggerProof::repair(&mut r2, w, self.limits);
                if proof.is_none_or(|p| p2.min_m > p.min_m) {
                    (r, proof) = (Ok(r2), Some(p2));
                }
                if p2.min_m >= d - TOLERANCE_M {
                    break;
                }
            }
        }
        (r, proof)
    }

    /// The seconds whose configuration came earlier, each proven from `returns[c]` (its
    /// configuration's plan), its own delays added where that does not hold: a
    /// configuration's still seconds share one proof (only the first of them is
    /// proven), a moving second is proven on its own. `done[c]`: the configuration's
    /// still proof is made already.
    pub(crate) fn prove_other_seconds(
        &self,
        returns: &[Result<ReturnPlan, String>],
        done: &[bool],
    ) -> Vec<(usize, ReturnPlan, TriggerProof)> {
        let mut jobs: Vec<usize> = Vec::new();
        let mut queued: Vec<bool> = done.to_vec();
        for (k, s) in self.sweeps.iter().enumerate() {
            let c = self.config_of[k];
            if self.is_first(k) || (s.is_still() && queued[c]) {
                continue;
            }
            queued[c] |= s.is_still();
            jobs.push(k);
        }
        let d = self.limits.min_distance_m;
        let proven: Vec<Option<(usize, ReturnPlan, TriggerProof)>> = jobs
            .par_iter()
            .map(|&k| {
                let c = self.config_of[k];
                let w = self.window(k);
                let mut r = returns[c].as_ref().ok()?.clone();
                let proof = TriggerProof::repair(&mut r, &w, self.limits);
                if proof.min_m >= d - TOLERANCE_M || w.is_still() {
                    return Some((k, r, proof));
                }
                // A moving second its configuration's plan does not hold for (another
                // moving second from the same positions): planned afresh, the better kept.
                match self.fresh(k, &self.configs[c], &w) {
                    (Ok(r2), Some(p2)) if p2.min_m > proof.min_m => Some((k, r2, p2)),
                    _ => Some((k, r, proof)),
                }
            })
            .collect();
        proven.into_iter().flatten().collect()
    }
}
