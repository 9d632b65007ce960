//! `ReturnPlan`: what every drone does when the return is triggered at one entry time.
//!
//! A drone in the air waits its departure delay, flies a straight line to its neck (a point
//! above its own takeoff slot, at its layer's altitude) and descends vertically onto the
//! slot: Skybrush's `goToStraight` entry with `preDelay` and `duration`, then its landing.
//! A drone still on (or just above) its slot lands where it is (`land`). The plan is the
//! show's own landing planner run from the positions at the entry time, so it has the
//! landing's guarantees: straight lines, departure delays chosen pair by pair, drones in
//! another's way scheduled first.

use skyshow_model::{Drone, FlightShow, Limits, Trajectory, Vec3};

use crate::emergency::start_sweep::StartSweep;
use crate::flight::Flight;
use crate::landing::{Legs, SweptStarts, plan_landing_swept, rth_descent, rth_leg};
use crate::options::PlanOptions;
use crate::profile::{Profile, rate_limits};

/// The shortest straight leg of a return, milliseconds.
const MIN_LEG_MS: i64 = 1000;
/// How close to its slot (horizontally, metres) a drone counts as above it.
pub(crate) const ON_SLOT_M: f64 = 0.1;

/// What one drone does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ReturnAction {
    /// Land where it is (it is on or just above its slot).
    Land {
        /// The vertical descent onto the ground below it.
        descent: Profile,
    },
    /// Wait, fly straight to the neck, descend onto the slot.
    Go {
        /// Departure delay after the trigger, ms.
        depart_ms: i64,
        /// The point above the slot.
        neck: Vec3,
        /// The straight leg to the neck.
        leg: Profile,
        /// The vertical descent from the neck.
        descent: Profile,
    },
}

/// One entry's return: every drone's action from its position at the entry time. Its
/// profiles are those of `skyshow_model::RthPlan::flight` (the model the `.skyc`'s
/// `rthPlan` is checked with): the planner's landing schedule is kept, its legs flown on
/// that model's ramps, and the result is proven on exactly those flights.
#[derive(Clone, Debug, PartialEq)]
pub struct ReturnPlan {
    /// Where each drone is at the entry time.
    pub starts: Vec<Vec3>,
    /// Each drone's takeoff slot.
    pub homes: Vec<Vec3>,
    /// Each drone's action.
    pub actions: Vec<ReturnAction>,
}

impl ReturnPlan {
    /// Plans the return from `starts`: drones flagged in `grounded` land where they are,
    /// the others fly to their necks (`necks[i]` m above ground, over `homes[i]`).
    /// `Err` carries the landing planner's reason when no safe schedule was found.
    pub fn plan(
        starts: &[Vec3],
        homes: &[Vec3],
        necks: &[f64],
        grounded: &[bool],
        limits: &Limits,
        opts: &PlanOptions,
    ) -> Result<ReturnPlan, String> {
        ReturnPlan::plan_swept(starts, None, homes, necks, grounded, limits, opts)
    }

    /// [`ReturnPlan::plan`] for every trigger in `sweep`'s window (whose anchors are
    /// `starts`): each flying drone's start is the stretch the show takes it over in the
    /// window, and the landing planner keeps every pair apart for every start in those
    /// stretches (`landing::SweptStarts`).
    pub(crate) fn plan_swept(
        starts: &[Vec3],
        sweep: Option<&StartSweep>,
        homes: &[Vec3],
        necks: &[f64],
        grounded: &[bool],
        limits: &Limits,
        opts: &PlanOptions,
    ) -> Result<ReturnPlan, String> {
        let flying: Vec<usize> = (0..starts.len()).filter(|&i| !grounded[i]).collect();
        let pick = |v: &[Vec3]| flying.iter().map(|&i| v[i]).collect::<Vec<Vec3>>();
        let neck_alt: Vec<f64> = flying
            .iter()
            .map(|&i| neck_altitude(starts[i], homes[i], necks[i]))
            .collect();
        let relative =
            |a: usize, b: usize| sweep.map_or(0.0, |w| w.relative_reach(flying[a], flying[b]));
        let swept = sweep.map(|w| SweptStarts {
            reach: flying.iter().map(|&i| w.reach[i]).collect(),
            relative: &relative,
        });
        let landing = if flying.is_empty() {
            None
        } else {
            Some(
                plan_landing_swept(
                    &pick(starts),
                    swept.as_ref(),
                    &pick(homes),
                    &neck_alt,
                    0,
                    MIN_LEG_MS,
                    Legs::Rth {
                        landing_speed_m_s: landing_speed_m_s(limits, opts),
                    },
                    limits,
                    opts,
                )
                .map_err(|e| e.to_string())?,
            )
        };
        let mut r = ReturnPlan::land_in_place(starts, homes, limits, opts);
        if let Some(l) = landing {
            for (k, &i) in flying.iter().enumerate() {
                r.actions[i] = go(
                    starts[i],
                    homes[i],
                    l.neck[k],
                    l.depart_ms[k],
                    l.leg1[k],
                    limits,
                    opts,
                );
            }
        }
        Ok(r)
    }

    /// The same departures and necks as this plan, flown from `starts` (a moment later in
    /// the same transition or moving picture): each drone's leg is its own fastest from its
    /// new start. `None` when a drone changes between landing in place and flying, or its
    /// neck moves; the caller proves the result like any plan.
    pub fn with_departures_of(
        &self,
        starts: &[Vec3],
        necks: &[f64],
        grounded: &[bool],
        limits: &Limits,
        opts: &PlanOptions,
    ) -> Option<ReturnPlan> {
        let mut r = ReturnPlan::land_in_place(starts, &self.homes, limits, opts);
        for i in 0..starts.len() {
            match (self.actions[i], grounded[i]) {
                (ReturnAction::Land { .. }, true) => {}
                (
                    ReturnAction::Go {
                        depart_ms, neck, ..
                    },
                    false,
                ) => {
                    let h = self.homes[i];
                    if neck_altitude(starts[i], h, necks[i]) != neck.z {
                        return None;
                    }
                    let (v, a) = rate_limits(neck - starts[i], limits, opts.headroom);
                    let leg = Profile::fastest(v, a, 0);
                    r.actions[i] = go(starts[i], h, neck, depart_ms, leg, limits, opts);
                }
                _ => return None,
            }
        }
        Some(r)
    }

    /// Every drone landing where it is: what an entry holds when no safe return was found
    /// (reported as unsafe; it is what a crew without a plan would do).
    pub fn land_in_place(
        starts: &[Vec3],
        homes: &[Vec3],
        limits: &Limits,
        opts: &PlanOptions,
    ) -> ReturnPlan {
        let actions = (0..starts.len())
            .map(|i| ReturnAction::Land {
                descent: descent(
                    starts[i],
                    Vec3::new(starts[i].x, starts[i].y, homes[i].z),
                    limits,
                    opts,
                ),
            })
            .collect();
        ReturnPlan {
            starts: starts.to_vec(),
            homes: homes.to_vec(),
            actions,
        }
    }

    /// Drone `i`'s flight when the return starts with the drone at `from` (its entry
    /// position, or wherever the show has taken it since): the entry's delays and
    /// profiles are flown from there.
    pub fn flight_from(&self, i: usize, from: Vec3) -> Flight {
        match self.actions[i] {
            ReturnAction::Land { descent } => {
                Flight::straight(from, Vec3::new(from.x, from.y, self.homes[i].z), 0, descent)
            }
            ReturnAction::Go {
                depart_ms,
                neck,
                leg,
                descent,
            } => Flight::through(&[from, neck, self.homes[i]], depart_ms, &[leg, descent]),
        }
    }

    /// When drone `i` leaves, ms after the trigger (0 for a drone landing in place).
    pub(crate) fn depart_ms(&self, i: usize) -> i64 {
        match self.actions[i] {
            ReturnAction::Go { depart_ms, .. } => depart_ms,
            ReturnAction::Land { .. } => 0,
        }
    }

    /// Drone `i` leaves `ms` later (a drone landing in place is not delayed).
    pub(crate) fn delay(&mut self, i: usize, ms: i64) {
        if let ReturnAction::Go { depart_ms, .. } = &mut self.actions[i] {
            *depart_ms += ms;
        }
    }

    /// The return as flown when triggered with drone `i` at `at[i]` (each flies its flight
    /// from there, holding between its pieces): a show the validator checks like any.
    pub fn triggered(&self, at: &[Vec3]) -> FlightShow {
        let drones = (0..self.homes.len())
            .map(|i| {
                let mut trajectory = Trajectory::new(at[i]);
                for seg in self.flight_from(i, at[i]).segments(0) {
                    trajectory.hold_until(seg.t0);
                    trajectory.push(seg);
                }
                Drone {
                    name: format!("Drone {}", i + 1),
                    home: self.homes[i],
                    trajectory,
                    lights: Default::default(),
                }
            })
            .collect();
        FlightShow {
            drones,
            ..Default::default()
        }
    }

    /// Drone `i`'s flight from its entry position.
    pub fn flight(&self, i: usize) -> Flight {
        self.flight_from(i, self.starts[i])
    }

    /// Every drone's flight from its entry position.
    pub(crate) fn flights(&self) -> Vec<Flight> {
        (0..self.actions.len()).map(|i| self.flight(i)).collect()
    }

    /// The plan of drones `i` and `j` alone (as drones 0 and 1), to prove or repair one
    /// pair without copying the fleet.
    pub(crate) fn pair(&self, i: usize, j: usize) -> ReturnPlan {
        ReturnPlan {
            starts: vec![self.starts[i], self.starts[j]],
            homes: vec![self.homes[i], self.homes[j]],
            actions: vec![self.actions[i], self.actions[j]],
        }
    }

    /// When the last drone is down, ms after the trigger.
    pub fn duration_ms(&self) -> i64 {
        (0..self.actions.len())
            .map(|i| match self.actions[i] {
                ReturnAction::Land { descent } => descent.total_ms,
                ReturnAction::Go {
                    depart_ms,
                    leg,
                    descent,
                    ..
                } => depart_ms + leg.total_ms + descent.total_ms,
            })
            .max()
            .unwrap_or(0)
    }

    /// The progress left on drone `i`'s straight leg at `t` ms after the trigger: 1 until
    /// it departs, 0 once it reaches its neck (and always 0 for a drone landing in place,
    /// whose flight does not depend on where it starts above its slot but for the start
    /// of its descent). A drone that starts `e` away from its entry position is
    /// `progress_left · e` away from where the entry's own flight has it.
    pub(crate) fn left(&self, i: usize, t: i64) -> f64 {
        match self.actions[i] {
            ReturnAction::Land { .. } => 1.0,
            ReturnAction::Go { depart_ms, leg, .. } => {
                1.0 - leg.beta((t - depart_ms) as f64 / 1000.0)
            }
        }
    }
}

/// The altitude of the neck of a drone at `start` whose slot is `home` and whose landing
/// layer is at `neck` metres: a drone already above its own slot and below its layer
/// (climbing at takeoff, descending at landing) descends from where it is.
fn neck_altitude(start: Vec3, home: Vec3, neck: f64) -> f64 {
    let above = Vec3::new(start.x - home.x, start.y - home.y, 0.0).norm() <= ON_SLOT_M;
    if above { neck.min(start.z) } else { neck }
}

/// A flying drone's action: from `start`, leaving at `depart_ms`, to `neck` on a leg
/// lasting as long as `planned` (at least [`MIN_LEG_MS`]) with the model's ramps, then
/// down onto `home`.
fn go(
    start: Vec3,
    home: Vec3,
    neck: Vec3,
    depart_ms: i64,
    planned: Profile,
    limits: &Limits,
    opts: &PlanOptions,
) -> ReturnAction {
    // At least a second: a drone triggered later in the entry's second may start up to a
    // second's flight away from where this leg was planned from.
    let total = planned.total_ms.max(MIN_LEG_MS);
    ReturnAction::Go {
        depart_ms,
        neck,
        leg: rth_leg(start, neck, total, limits),
        descent: descent(neck, home, limits, opts),
    }
}

/// The landing speed of the returns, m/s: the descent limit, less the planner's headroom.
pub(crate) fn landing_speed_m_s(limits: &Limits, opts: &PlanOptions) -> f64 {
    limits.max_speed_down_m_s * opts.headroom
}

/// The vertical descent from `from` to the ground level of `to`, as `skyshow_model`'s
/// return model flies it (the same profile the `.skyc` reader re-flies).
fn descent(from: Vec3, to: Vec3, limits: &Limits, opts: &PlanOptions) -> Profile {
    rth_descent(from, to, landing_speed_m_s(limits, opts), limits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::Segment;
    use skyshow_validate::{ValidateOptions, Violation, ViolationKind, validate};

    /// The validator's distance violations of `r` triggered at `sigma` (each drone flying
    /// its entry's flight from where `trajectories` have it then).
    fn too_close(r: &ReturnPlan, trajectories: &[Trajectory], sigma: f64) -> Vec<Violation> {
        let at: Vec<Vec3> = trajectories.iter().map(|t| t.position(sigma)).collect();
        let show = r.triggered(&at);
        validate(&show, &Limits::DEFAULT, &ValidateOptions::default())
            .violations
            .into_iter()
            .filter(|v| v.kind == ViolationKind::MinDistance)
            .collect()
    }

    /// Drones 2 and 3 stand side by side at 17 m and each one's way down passes where the
    /// other starts: a ring. Drone 1, above them, flies down across drone 3's way. Broken
    /// lowest first without checking who still waits, drone 2 went at once while drone 3
    /// was held two seconds for drone 1, and drone 2 passed drone 3 standing there (the
    /// validator: 2.956 m at 1.53 s); checked, drone 3 goes at once and drone 2 waits.
    #[test]
    fn a_ring_is_broken_in_an_order_that_passes_no_waiting_drone() {
        let limits = Limits::DEFAULT;
        let opts = PlanOptions::DEFAULT;
        let starts = [
            Vec3::new(2.0, 8.0, 25.0),
            Vec3::new(6.0, 1.0, 17.0),
            Vec3::new(6.0, 6.0, 17.0),
        ];
        let homes = [
            Vec3::new(-1.0, 0.0, 0.0),
            Vec3::new(2.0, 12.0, 0.0),
            Vec3::new(-8.0, -13.0, 0.0),
        ];
        let necks = [14.0, 10.0, 10.0];
        // Each drone drifts 10 cm during the trigger window.
        let drift = [
            Vec3::new(0.02, 0.0, 0.0),
            Vec3::new(0.0, 0.02, 0.0),
            Vec3::new(0.0, 0.0, 0.02),
        ];
        let trajectories: Vec<Trajectory> = (0..3)
            .map(|i| {
                let mut tr = Trajectory::new(starts[i]);
                tr.push(Segment::line(0.0, 1.0, starts[i], starts[i] + drift[i]));
                tr
            })
            .collect();
        let sweep = StartSweep::new(&trajectories, 0.0, 1.0);
        let r = ReturnPlan::plan_swept(
            &starts,
            Some(&sweep),
            &homes,
            &necks,
            &[false; 3],
            &limits,
            &opts,
        )
        .unwrap();
        for sigma in [0.0, 0.37, 0.93] {
            let close = too_close(&r, &trajectories, sigma);
            assert!(close.is_empty(), "triggered at {sigma} s: {close:?}");
        }
        // It is a ring: someone has to wait.
        assert!((0..3).any(|i| r.depart_ms(i) > 0));
    }
}
