//! `Scheduler`: the order in which a landing's drones get their departures, and the
//! departures.
//!
//! A drone is scheduled once no drone still waiting stands in its way (lowest first); it
//! gets the smallest departure delay for which it keeps the minimum distance from every
//! drone already scheduled. For an emergency return ([`Waiting::Checked`]) a drone still
//! waiting at its start is a standing obstacle until it leaves, so each pair is checked
//! from the first of the two departures on: drones that block each other's way down in a
//! ring (swept starts widen every path) have to go in some order in which none passes
//! another that still waits. A drone that an earlier one passes before it can leave has no
//! departure at all (leaving later only waits longer); the schedule is then made again with
//! that drone to leave before the one that passed it, which may close another ring, broken
//! by the lowest drone no other has to leave before. After [`MAX_REORDERS`] such orders, or
//! when two drones would each have to leave before the other, there is no schedule.

use std::collections::BTreeSet;

use rayon::prelude::*;
use skyshow_model::Limits;

use crate::error::PlanError;
use crate::landing::conflicts;
use crate::landing::path::Path;
use crate::options::PlanOptions;

/// Most schedules made again with a drone found to have to leave before another.
const MAX_REORDERS: usize = 32;
/// How long a drone may wait for its departure, ms.
const LONGEST_WAIT_MS: i64 = 1_800_000;

/// Whether a pair is checked while one of the two still waits at its start for the other
/// to pass.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Waiting {
    /// Checked from the first of the two departures on.
    Checked,
    /// Checked from the later drone's departure on (the blocking rule rules out a pass
    /// while it waits; rings are then broken lowest first without that check).
    Unchecked,
}

/// What a schedule is made from.
pub(super) struct Scheduler<'a> {
    /// Each drone's way down.
    pub(super) paths: &'a [Path],
    /// `near[i]`: the drones whose paths come near drone `i`'s.
    pub(super) near: &'a [Vec<usize>],
    /// `blockers[i]`: the drones whose starts lie on drone `i`'s way down.
    pub(super) blockers: &'a [Vec<usize>],
    /// The reach of the vector between two drones' swept starts (see `SweptStarts`).
    pub(super) rho: &'a (dyn Fn(usize, usize) -> f64 + Sync),
    /// When the landing starts, ms.
    pub(super) t0_ms: i64,
    /// The distance every pair keeps, metres.
    pub(super) d: f64,
    /// Whether rings of drones blocking each other are broken (else they are an error).
    pub(super) rings: bool,
    pub(super) limits: &'a Limits,
    pub(super) opts: &'a PlanOptions,
}

/// Drones in the order they were picked, each with its departure, ms.
type Picks = Vec<(usize, i64)>;

/// A schedule being made.
struct State {
    depart: Vec<i64>,
    done: Vec<bool>,
    /// How many drones not yet scheduled stand in each drone's way.
    blocking: Vec<usize>,
    /// The drones nobody waiting stands in the way of, by altitude (mm) and index.
    ready: BTreeSet<(i64, usize)>,
    scheduled: usize,
}

/// Why a schedule stopped.
enum Stop {
    /// Drone `.1` passes drone `.0` while `.0` still waits: `.0` has to go first.
    Passed(usize, usize),
    /// No schedule.
    Failed(PlanError),
}

impl Scheduler<'_> {
    /// Each drone's departure, ms.
    ///
    /// A schedule made again with drone `i` to leave before drone `j` is the same as the
    /// one before it up to `j`'s turn: until then `j` was never the one picked (the
    /// lowest ready drone, or the ring breaker, which `j` waiting for one more drone only
    /// makes less likely to be), so every earlier pick is unchanged, and each departure
    /// depends only on the drones picked before. That prefix is replayed without checking
    /// it again.
    // Errors are rare and carry user-facing context; their size does not matter.
    #[allow(clippy::result_large_err)]
    pub(super) fn run(&self, waiting: Waiting) -> Result<Vec<i64>, PlanError> {
        let mut first: Vec<Vec<usize>> = vec![Vec::new(); self.paths.len()];
        let mut prefix: Picks = Vec::new();
        for _ in 0..=MAX_REORDERS {
            let (out, order) = self.run_once(waiting, &first, &prefix);
            #[cfg(test)]
            if !prefix.is_empty() {
                let (again, _) = self.run_once(waiting, &first, &[]);
                assert_eq!(outcome(&again), outcome(&out), "replayed prefix differs");
            }
            match out {
                Ok(depart) => return Ok(depart),
                Err(Stop::Failed(e)) => return Err(e),
                Err(Stop::Passed(i, j)) => {
                    if first[j].contains(&i) {
                        return Err(no_moment(i));
                    }
                    first[j].push(i);
                    let turn = order.iter().position(|&(k, _)| k == j).unwrap_or(0);
                    prefix = order;
                    prefix.truncate(turn);
                }
            }
        }
        Err(no_moment(0))
    }

    /// One schedule, with `first[j]` the drones found to have to leave before `j` (on
    /// top of those in its way), its first picks and their departures given by `prefix`;
    /// also the picks in order with their departures.
    fn run_once(
        &self,
        waiting: Waiting,
        first: &[Vec<usize>],
        prefix: &[(usize, i64)],
    ) -> (Result<Vec<i64>, Stop>, Picks) {
        let n = self.paths.len();
        let blocks = self.blocks(first);
        let mut st = self.first_state(first);
        let mut order: Picks = Vec::with_capacity(n);
        for &(i, dep) in prefix {
            self.schedule(&mut st, &blocks, i, dep);
            order.push((i, dep));
        }
        while st.scheduled < n {
            let i = match st.ready.first() {
                Some(&(_, i)) => i,
                None if self.rings => self.ring_breaker(&st, first),
                None => return (Err(Stop::Failed(blocked(&st))), order),
            };
            match self.first_free_departure(i, &st, waiting) {
                Ok(dep) => {
                    self.schedule(&mut st, &blocks, i, dep);
                    order.push((i, dep));
                }
                Err(Some(j)) => return (Err(Stop::Passed(i, j)), order),
                Err(None) => return (Err(Stop::Failed(no_moment(i))), order),
            }
        }
        (Ok(st.depart), order)
    }

    /// `blocks[j]`: the drones whose way down passes drone `j`'s start, and those `j`
    /// has to leave before.
    fn blocks(&self, first: &[Vec<usize>]) -> Vec<Vec<usize>> {
        let mut blocks: Vec<Vec<usize>> = vec![Vec::new(); self.paths.len()];
        for (i, bs) in self.blockers.iter().enumerate() {
            for &j in bs.iter().chain(&first[i]) {
                blocks[j].push(i);
            }
        }
        blocks
    }

    /// A drone's place in the order among the ready ones: lowest first.
    fn key(&self, i: usize) -> (i64, usize) {
        ((self.paths[i].s.z * 1000.0).round() as i64, i)
    }

    fn first_state(&self, first: &[Vec<usize>]) -> State {
        let n = self.paths.len();
        let blocking: Vec<usize> = (0..n)
            .map(|i| self.blockers[i].len() + first[i].len())
            .collect();
        State {
            depart: vec![0; n],
            done: vec![false; n],
            ready: (0..n)
                .filter(|&i| blocking[i] == 0)
                .map(|i| self.key(i))
                .collect(),
            blocking,
            scheduled: 0,
        }
    }

    /// The drone that goes first when every drone left is blocked: among those no drone
    /// was found to have to leave before, the lowest.
    fn ring_breaker(&self, st: &State, first: &[Vec<usize>]) -> usize {
        let waited_for = |i: usize| first[i].iter().filter(|&&k| !st.done[k]).count();
        (0..self.paths.len())
            .filter(|&i| !st.done[i])
            .min_by_key(|&i| (waited_for(i), self.key(i)))
            .unwrap_or(0)
    }

    /// Drone `i` leaves at `dep`: the drones it stood in the way of wait for one less.
    fn schedule(&self, st: &mut State, blocks: &[Vec<usize>], i: usize, dep: i64) {
        st.ready.remove(&self.key(i));
        st.depart[i] = dep;
        st.done[i] = true;
        st.scheduled += 1;
        for &k in &blocks[i] {
            st.blocking[k] -= 1;
            if st.blocking[k] == 0 && !st.done[k] {
                st.ready.insert(self.key(k));
            }
        }
    }

    /// The first departure from the start on, in steps of the landing delay, at which
    /// drone `i` meets none of the drones scheduled in `st`; `Err(Some(j))` as soon as
    /// drone `j` passes it while it still waits (no later departure helps), the first such
    /// in `near`'s order; `Err(None)` past half an hour.
    fn first_free_departure(
        &self,
        i: usize,
        st: &State,
        waiting: Waiting,
    ) -> Result<i64, Option<usize>> {
        let limits = self.limits;
        let pi = &self.paths[i];
        // Only drones whose paths come near this one's can ever come near it.
        let near: Vec<(usize, f64)> = self.near[i]
            .iter()
            .filter(|&&j| st.done[j])
            .map(|&j| (j, (self.rho)(i, j)))
            .collect();
        let cap_ms = self.t0_ms + LONGEST_WAIT_MS;
        let mut dep = self.t0_ms;
        loop {
            // The drone met first in `near`'s order and the end of the step it is met in.
            let clash = |&(j, rho): &(usize, f64)| {
                let from = match waiting {
                    Waiting::Checked => dep.min(st.depart[j]),
                    Waiting::Unchecked => dep,
                };
                let pj = &self.paths[j];
                conflicts(pi, dep, pj, st.depart[j], from, rho, self.d, limits).map(|t| (j, t))
            };
            // A short list is quicker to walk than to hand out to threads.
            let found = if near.len() < 64 {
                near.iter().find_map(clash)
            } else {
                near.par_iter().find_map_first(clash)
            };
            match found {
                None => return Ok(dep),
                // Met while still waiting: a later departure waits longer.
                Some((j, at)) if at <= dep => return Err(Some(j)),
                Some(_) => {}
            }
            dep += self.opts.landing_delay_step_ms;
            if dep > cap_ms {
                return Err(None);
            }
        }
    }
}

/// A schedule's outcome, comparable: the departures, the pair found, or no schedule.
#[cfg(test)]
fn outcome(r: &Result<Vec<i64>, Stop>) -> Result<Vec<i64>, Option<(usize, usize)>> {
    match r {
        Ok(d) => Ok(d.clone()),
        Err(Stop::Passed(i, j)) => Err(Some((*i, *j))),
        Err(Stop::Failed(_)) => Err(None),
    }
}

/// The error for drones that all block each other (up to six named).
fn blocked(st: &State) -> PlanError {
    let stuck: Vec<String> = (0..st.done.len())
        .filter(|&i| !st.done[i])
        .take(6)
        .map(|i| (i + 1).to_string())
        .collect();
    PlanError::Landing {
        why: skyshow_i18n::msg!("plan-landing-blocked", drones = stuck.join(", ")),
    }
}

/// The error for drone `i`, which finds no moment to leave.
fn no_moment(i: usize) -> PlanError {
    PlanError::Landing {
        why: skyshow_i18n::msg!("plan-landing-no-moment", drone = i + 1),
    }
}
