//! `RthPlan`: one drone's return-to-home plan as Skybrush's `settings.rthPlan` states it,
//! and the flight an entry stands for.
//!
//! Triggered at show time `τ`, a drone uses its entry with the latest `time ≤ τ`: it waits
//! `preDelay` (and `preNeckDuration`), flies to `target` in `duration` seconds (in a
//! straight line for `goToStraight`; for `goToKeepAlt` horizontally at its altitude, to
//! above the target), waits `postDelay`, then descends vertically at `landingSpeed` to the
//! landing altitude (`land`: waits `preDelay` and descends where it is).
//!
//! The firmware's motion profile is not published; this is the model skyshow plans and
//! checks with, the same on both sides: every move is rest to rest with a trapezoidal
//! speed profile. A move lasting `T` seconds accelerates at the show's acceleration limit
//! `a` for the shortest ramp that covers the move's length `L` from where the drone is at
//! the entry's time, `r = (T − √(T² − 4L/a))/2` (rounded up to the millisecond), whenever
//! within the entry's second it is triggered (a later trigger starts elsewhere on the same
//! progress curve); the descent cruises at `landingSpeed` with ramps of
//! `landingSpeed / a` (a triangle when it is too short to reach that speed).

use crate::{Segment, Vec3};

/// What an entry does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RthAction {
    /// Wait, then land where it is.
    Land,
    /// Fly horizontally at the current altitude to above the target, then land.
    GoToKeepAlt,
    /// Fly in a straight line to the target, then land.
    GoToStraight,
}

impl RthAction {
    /// The name Skybrush uses.
    pub fn as_str(self) -> &'static str {
        match self {
            RthAction::Land => "land",
            RthAction::GoToKeepAlt => "goToKeepAlt",
            RthAction::GoToStraight => "goToStraight",
        }
    }

    /// The action named `name`, if Skybrush has it.
    pub fn parse(name: &str) -> Option<RthAction> {
        match name {
            "land" => Some(RthAction::Land),
            "goToKeepAlt" => Some(RthAction::GoToKeepAlt),
            "goToStraight" => Some(RthAction::GoToStraight),
            _ => None,
        }
    }
}

/// One entry of a return-to-home plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RthEntry {
    /// From when it applies, whole seconds of the show clock.
    pub time_s: f64,
    /// What it does.
    pub action: RthAction,
    /// Where it goes before landing (for `land`: where the drone is expected to be).
    pub target: Vec3,
    /// How long the move to the target takes, seconds.
    pub duration_s: f64,
    /// Wait before moving, seconds.
    pub pre_delay_s: f64,
    /// Wait at the target before landing, seconds.
    pub post_delay_s: f64,
    /// The vertical neck before a straight move, seconds (modelled as a wait).
    pub pre_neck_s: f64,
}

/// One drone's return-to-home plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RthPlan {
    /// Descent speed of the final landing, m/s (a plan with none counts as no plan).
    pub landing_speed_m_s: f64,
    /// Altitude the descent ends at, metres.
    pub landing_altitude_m: f64,
    /// Entries, by time.
    pub entries: Vec<RthEntry>,
}

/// Rounds seconds to whole milliseconds, in seconds.
fn ms_s(s: f64) -> f64 {
    (s * 1000.0).round() / 1000.0
}

/// The ramp (acceleration phase, seconds, whole milliseconds) of a rest-to-rest move of
/// `dist` metres lasting `total_s` under acceleration limit `accel`: the shortest that
/// covers the distance, or half the move when none within the limit does.
pub fn move_ramp_s(dist: f64, total_s: f64, accel: f64) -> f64 {
    let t = total_s;
    if t <= 0.0 {
        return 0.0;
    }
    if dist <= 0.0 {
        return 0.001_f64.min(0.5 * t);
    }
    let disc = t * t - 4.0 * dist / accel;
    let r = if disc <= 0.0 {
        0.5 * t
    } else {
        0.5 * (t - disc.sqrt())
    };
    ((r * 1000.0).ceil() / 1000.0).clamp(0.001_f64.min(0.5 * t), 0.5 * t)
}

/// Duration and ramp (seconds, whole milliseconds) of a vertical descent of `dist` metres
/// at `speed` under acceleration limit `accel`.
pub fn descent_s(dist: f64, speed: f64, accel: f64) -> (f64, f64) {
    if dist <= 0.0 || speed <= 0.0 {
        return (0.0, 0.0);
    }
    if dist >= speed * speed / accel {
        let ramp = (speed / accel * 1000.0).ceil() / 1000.0;
        ((dist / speed * 1000.0).ceil() / 1000.0 + ramp, ramp)
    } else {
        let ramp = ((dist / accel).sqrt() * 1000.0).ceil() / 1000.0;
        (2.0 * ramp, ramp)
    }
}

/// The pieces of a rest-to-rest move from `a` to `b` starting at `t0`, lasting `total`
/// seconds with ramps of `ramp` seconds (quadratic, straight, quadratic).
pub fn rest_to_rest(a: Vec3, b: Vec3, t0: f64, total: f64, ramp: f64) -> Vec<Segment> {
    if total <= 0.0 || a == b {
        return Vec::new();
    }
    let ramp = ramp.clamp(0.0, 0.5 * total);
    let d = b - a;
    let rate = 1.0 / (total - ramp);
    let acc = if ramp > 0.0 { rate / ramp } else { 0.0 };
    let beta_r = 0.5 * acc * ramp * ramp;
    let mut out = Vec::with_capacity(3);
    if ramp > 0.0 {
        out.push(Segment::from_power(
            t0,
            t0 + ramp,
            [a, Vec3::ZERO, d * (0.5 * acc), Vec3::ZERO],
        ));
    }
    if total - 2.0 * ramp > 0.0 {
        out.push(Segment::from_power(
            t0 + ramp,
            t0 + total - ramp,
            [a + d * beta_r, d * rate, Vec3::ZERO, Vec3::ZERO],
        ));
    }
    if ramp > 0.0 {
        out.push(Segment::from_power(
            t0 + total - ramp,
            t0 + total,
            [b - d * beta_r, d * rate, d * (-0.5 * acc), Vec3::ZERO],
        ));
    }
    if let Some(last) = out.last_mut() {
        last.p[3] = b;
    }
    out
}

impl RthPlan {
    /// The entry in force at show time `t`: the latest whose time is at most `t`.
    pub fn entry_at(&self, t: f64) -> Option<&RthEntry> {
        self.entries.iter().rev().find(|e| e.time_s <= t)
    }

    /// The flight of `entry` for a drone that is at `from` when the return is triggered
    /// at `t0` and was at `at_entry` at the entry's time, under acceleration limit `accel`:
    /// time-ordered pieces, waits left out (the drone holds between them).
    pub fn flight(
        &self,
        entry: &RthEntry,
        from: Vec3,
        at_entry: Vec3,
        t0: f64,
        accel: f64,
    ) -> Vec<Segment> {
        let mut out = Vec::new();
        let mut t = t0 + ms_s(entry.pre_delay_s.max(0.0));
        let mut at = from;
        if entry.action != RthAction::Land {
            t += ms_s(entry.pre_neck_s.max(0.0));
            let to_from = |p: Vec3| match entry.action {
                RthAction::GoToKeepAlt => Vec3::new(entry.target.x, entry.target.y, p.z),
                _ => entry.target,
            };
            let to = to_from(from);
            let total = ms_s(entry.duration_s.max(0.0));
            let ramp = move_ramp_s(at_entry.dist(to_from(at_entry)), total, accel);
            out.extend(rest_to_rest(at, to, t, total, ramp));
            t += total + ms_s(entry.post_delay_s.max(0.0));
            at = to;
        }
        let ground = Vec3::new(at.x, at.y, self.landing_altitude_m);
        let (total, ramp) = descent_s(at.z - ground.z, self.landing_speed_m_s, accel);
        out.extend(rest_to_rest(at, ground, t, total, ramp));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_straight_entry_reaches_its_target_then_the_ground_within_the_acceleration() {
        let plan = RthPlan {
            landing_speed_m_s: 2.0,
            landing_altitude_m: 0.0,
            entries: vec![RthEntry {
                time_s: 10.0,
                action: RthAction::GoToStraight,
                target: Vec3::new(3.0, 6.0, 12.0),
                duration_s: 9.5,
                pre_delay_s: 1.25,
                post_delay_s: 0.0,
                pre_neck_s: 0.0,
            }],
        };
        assert!(plan.entry_at(9.9).is_none());
        let e = plan.entry_at(10.7).unwrap();
        let from = Vec3::new(20.0, -5.0, 40.0);
        let f = plan.flight(e, from, from, 10.7, 4.0);
        assert!((f[0].t0 - 11.95).abs() < 1e-9 && f[0].start().dist(from) < 1e-12);
        let down = f
            .iter()
            .position(|s| s.start().dist(e.target) < 1e-9 && s.t0 > 12.0)
            .unwrap();
        assert!((f[down].t0 - (11.95 + 9.5)).abs() < 1e-9);
        assert!(f.last().unwrap().end().dist(Vec3::new(3.0, 6.0, 0.0)) < 1e-9);
        for w in f.windows(2) {
            assert!(w[0].end().dist(w[1].start()) < 1e-9);
        }
        for s in &f {
            for a in s.acceleration_ends() {
                assert!(a.norm() <= 4.0 + 1e-9, "{a:?}");
            }
        }
        // The descent is flown at the landing speed (the straight leg's speed is the
        // planner's to choose: this one sinks 28 m in 9.5 s).
        for s in &f[down..] {
            for v in s.velocity_control_points() {
                assert!(v.z >= -2.0 - 1e-9, "{v:?}");
            }
        }
    }
}
