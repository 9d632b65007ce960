//! `Path`: one drone's way down in a landing (straight to its neck above its slot, then
//! vertically onto the slot), and how its two legs are flown ([`Legs`]).

use skyshow_model::{Limits, Vec3, descent_s, move_ramp_s};

use crate::options::PlanOptions;
use crate::profile::{Profile, rate_limits};

/// How a landing's legs are flown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Legs {
    /// On the planner's fastest profiles within the headroom (the show's own landing).
    Planner,
    /// On the `.skyc` return model's profiles (`skyshow_model::RthPlan::flight`), which an
    /// emergency return is written with, re-flown by `check` and proven on: each straight
    /// leg lasts as long as the planner's fastest (at least the shortest leg) with the
    /// shortest ramps at the acceleration limit ([`rth_leg`]), and the descent cruises at
    /// `landing_speed_m_s` ([`rth_descent`]). Planning on other ramps than the ones flown
    /// left pairs that the schedule kept apart up to a metre closer in the air.
    Rth {
        /// The descent's cruise speed, m/s.
        landing_speed_m_s: f64,
    },
}

/// A straight leg from `from` to `to` lasting `total_ms`, as the return model flies it:
/// rest to rest with the shortest ramps at the acceleration limit.
pub(crate) fn rth_leg(from: Vec3, to: Vec3, total_ms: i64, limits: &Limits) -> Profile {
    let total = total_ms as f64 / 1000.0;
    let ramp = move_ramp_s(from.dist(to), total, limits.max_accel_m_s2);
    profile_ms(total, ramp)
}

/// The vertical descent from `from` to the ground level of `to` at `speed`, as the return
/// model flies it (the same profile the `.skyc` reader re-flies).
pub(crate) fn rth_descent(from: Vec3, to: Vec3, speed: f64, limits: &Limits) -> Profile {
    let (total, ramp) = descent_s(from.z - to.z, speed, limits.max_accel_m_s2);
    profile_ms(total, ramp)
}

/// A profile of `total` seconds with ramps of `ramp` seconds, in whole milliseconds.
fn profile_ms(total: f64, ramp: f64) -> Profile {
    Profile {
        total_ms: (total * 1000.0).round() as i64,
        ramp_ms: (ramp * 1000.0).round() as i64,
    }
}

/// One drone's way down.
pub(crate) struct Path {
    /// Where it starts.
    pub(crate) s: Vec3,
    /// Its neck, above its slot.
    pub(crate) n: Vec3,
    /// Its slot.
    pub(crate) h: Vec3,
    /// The straight leg to the neck.
    pub(crate) p1: Profile,
    /// The descent.
    pub(crate) p2: Profile,
    /// Low corner of the box of its path.
    pub(crate) lo: Vec3,
    /// High corner of the box of its path.
    pub(crate) hi: Vec3,
    /// The highest speed along the path, m/s.
    pub(crate) vmax: f64,
    /// How far the drone's start may be from `s` (its start swept over a trigger
    /// window), metres; 0 for a start that is a point.
    pub(crate) mu: f64,
}

impl Path {
    /// Where the drone leaving at `dep` is at `t_ms`.
    pub(crate) fn at(&self, dep: i64, t_ms: i64) -> Vec3 {
        let t = t_ms - dep;
        if t <= 0 {
            self.s
        } else if t < self.p1.total_ms {
            self.s.lerp(self.n, self.p1.beta(t as f64 / 1000.0))
        } else if t < self.p1.total_ms + self.p2.total_ms {
            self.n
                .lerp(self.h, self.p2.beta((t - self.p1.total_ms) as f64 / 1000.0))
        } else {
            self.h
        }
    }

    /// Where the drone leaving at `dep` is at `t_ms` ([`Path::at`]), and the progress it
    /// has left on its straight leg then: 1 until departure, 0 from the neck on (the
    /// descent does not depend on where the drone started).
    pub(crate) fn at_left(&self, dep: i64, t_ms: i64) -> (Vec3, f64) {
        let t = t_ms - dep;
        if t < self.p1.total_ms {
            let b = self.p1.beta(t as f64 / 1000.0);
            let p = if t <= 0 {
                self.s
            } else {
                self.s.lerp(self.n, b)
            };
            (p, 1.0 - b)
        } else {
            (self.at(dep, t_ms), 1.0 - self.p1.beta(t as f64 / 1000.0))
        }
    }

    /// How long it flies, ms.
    pub(crate) fn duration(&self) -> i64 {
        self.p1.total_ms + self.p2.total_ms
    }
}

/// Each drone's way down: straight to its neck above its home on the fastest profile that
/// lasts at least `min_leg_ms` (flown as `legs` says), then down; `mu(i)` is how far drone
/// `i`'s start is swept.
#[allow(clippy::too_many_arguments)]
pub(crate) fn landing_paths(
    starts: &[Vec3],
    homes: &[Vec3],
    neck_alt: &[f64],
    min_leg_ms: i64,
    legs: Legs,
    limits: &Limits,
    opts: &PlanOptions,
    mu: impl Fn(usize) -> f64,
) -> Vec<Path> {
    (0..starts.len())
        .map(|i| {
            let s = starts[i];
            let h = homes[i];
            let nk = Vec3::new(h.x, h.y, neck_alt[i]);
            let (v1, a1) = rate_limits(nk - s, limits, opts.headroom);
            let fastest = Profile::fastest(v1, a1, min_leg_ms);
            let (p1, p2) = match legs {
                Legs::Planner => {
                    let (v2, a2) = rate_limits(h - nk, limits, opts.headroom);
                    (fastest, Profile::fastest(v2, a2, 0))
                }
                Legs::Rth { landing_speed_m_s } => (
                    rth_leg(s, nk, fastest.total_ms, limits),
                    rth_descent(nk, h, landing_speed_m_s, limits),
                ),
            };
            let lo = s.min(nk).min(h);
            let hi = s.max(nk).max(h);
            let vmax = (s.dist(nk) * p1.rate()).max(nk.dist(h) * p2.rate());
            Path {
                s,
                n: nk,
                h,
                p1,
                p2,
                lo,
                hi,
                vmax,
                mu: mu(i),
            }
        })
        .collect()
}
