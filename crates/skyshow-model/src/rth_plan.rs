//! `RthPlan`: a drone's collective return-to-home plan (Skybrush's `settings.rthPlan`), and
//! how a drone flies one of its entries.
//!
//! Flight model (libskybrush's `sb_rth_plan_evaluate_at` and
//! `sb_trajectory_update_from_rth_plan_entry`): when the return is triggered at show time
//! `τ`, the drone takes the first entry whose time is at or after `τ`; it stops where it is
//! and holds there until the entry's time plus its `pre_delay_s`, flies to the entry's
//! target in `duration_s` (`GoToStraight`: a straight line; `GoToKeepAlt`: horizontally at
//! its altitude), holds `post_delay_s`, then descends vertically at the plan's landing speed
//! to the landing altitude. A plan carries no acceleration limit, in which case the firmware
//! flies each move at constant speed: the flight is piecewise linear in time. After the last
//! entry (or with action `Land`) the drone lands where it is.

use crate::{RthLeg, Vec3};

/// What an entry makes the drone do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RthAction {
    /// Land where it is (`land`).
    Land,
    /// Fly horizontally to above the target, keeping altitude, then descend (`goToKeepAlt`).
    GoToKeepAlt,
    /// Fly straight to the target, then descend (`goToStraight`).
    GoToStraight,
}

impl RthAction {
    /// The name Skybrush uses in `show.json`.
    pub fn as_str(self) -> &'static str {
        match self {
            RthAction::Land => "land",
            RthAction::GoToKeepAlt => "goToKeepAlt",
            RthAction::GoToStraight => "goToStraight",
        }
    }

    /// The action named `s` in `show.json`, if it is one.
    pub fn parse(s: &str) -> Option<RthAction> {
        match s {
            "land" => Some(RthAction::Land),
            "goToKeepAlt" => Some(RthAction::GoToKeepAlt),
            "goToStraight" => Some(RthAction::GoToStraight),
            _ => None,
        }
    }
}

/// One entry of a plan: what the drone does when the return is triggered up to `time_s`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RthEntry {
    /// Show time, whole seconds.
    pub time_s: f64,
    /// What to do.
    pub action: RthAction,
    /// Where to fly (metres, show frame): above the landing spot, at the arrival altitude.
    pub target: Vec3,
    /// Duration of the move to the target, seconds.
    pub duration_s: f64,
    /// Wait before moving, counted from `time_s`, seconds.
    pub pre_delay_s: f64,
    /// Wait at the target before descending, seconds.
    pub post_delay_s: f64,
}

/// A drone's return-to-home plan.
#[derive(Clone, Debug, PartialEq)]
pub struct RthPlan {
    /// Descent speed of the final landing, m/s (> 0).
    pub landing_speed_m_s: f64,
    /// Altitude the descent ends at, metres (the ground: 0).
    pub landing_altitude_m: f64,
    /// Entries in ascending time.
    pub entries: Vec<RthEntry>,
}

impl RthPlan {
    /// The entry a trigger at show time `t` uses: the first at or after `t`; `None` after
    /// the last entry (the drone then lands where it is).
    pub fn entry_for_trigger(&self, t: f64) -> Option<&RthEntry> {
        let k = self.entries.partition_point(|e| e.time_s < t);
        self.entries.get(k)
    }

    /// The flight after a trigger at `trigger_s` that uses `entry`, for a drone that is at
    /// `start` then: legs back to back from `trigger_s` to touchdown (a hold is a leg that
    /// does not move). `entry = None` lands in place.
    pub fn flight(&self, entry: Option<&RthEntry>, start: Vec3, trigger_s: f64) -> Vec<RthLeg> {
        let mut legs = Vec::with_capacity(5);
        let mut t = trigger_s;
        let mut at = start;
        let mut push = |t1: f64, to: Vec3, t: &mut f64, at: &mut Vec3| {
            if t1 > *t || to != *at {
                legs.push(RthLeg {
                    t0: *t,
                    t1: t1.max(*t),
                    from: *at,
                    to,
                });
            }
            *t = t1.max(*t);
            *at = to;
        };
        let action = entry.map_or(RthAction::Land, |e| e.action);
        if let Some(e) = entry {
            push(e.time_s + e.pre_delay_s.max(0.0), at, &mut t, &mut at);
            let dest = match action {
                RthAction::Land => at,
                RthAction::GoToKeepAlt => Vec3::new(e.target.x, e.target.y, at.z),
                RthAction::GoToStraight => e.target,
            };
            if action != RthAction::Land {
                push(t + e.duration_s.max(0.0), dest, &mut t, &mut at);
                push(t + e.post_delay_s.max(0.0), at, &mut t, &mut at);
            }
        }
        let ground = Vec3::new(at.x, at.y, self.landing_altitude_m);
        let speed = if self.landing_speed_m_s > 0.0 {
            self.landing_speed_m_s
        } else {
            1.0
        };
        let descent = (at.z - ground.z).abs() / speed;
        push(t + descent, ground, &mut t, &mut at);
        legs
    }

    /// How long the flight of `entry` takes from its time to touchdown, for a drone at
    /// `start`, seconds.
    pub fn duration_s(&self, entry: &RthEntry, start: Vec3) -> f64 {
        self.flight(Some(entry), start, entry.time_s)
            .last()
            .map_or(0.0, |l| l.t1 - entry.time_s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_straight_entry_holds_moves_waits_and_descends() {
        let plan = RthPlan {
            landing_speed_m_s: 2.0,
            landing_altitude_m: 0.0,
            entries: vec![RthEntry {
                time_s: 10.0,
                action: RthAction::GoToStraight,
                target: Vec3::new(0.0, 0.0, 20.0),
                duration_s: 5.0,
                pre_delay_s: 1.0,
                post_delay_s: 0.5,
            }],
        };
        let e = plan.entry_for_trigger(9.3).unwrap();
        let legs = plan.flight(Some(e), Vec3::new(10.0, 0.0, 30.0), 9.3);
        let times: Vec<(f64, f64)> = legs.iter().map(|l| (l.t0, l.t1)).collect();
        assert_eq!(
            times,
            vec![(9.3, 11.0), (11.0, 16.0), (16.0, 16.5), (16.5, 26.5)]
        );
        assert_eq!(legs[1].at(13.5), Vec3::new(5.0, 0.0, 25.0));
        assert_eq!(legs[3].to, Vec3::new(0.0, 0.0, 0.0));
        assert!((plan.duration_s(e, Vec3::new(10.0, 0.0, 30.0)) - 16.5).abs() < 1e-12);
        // After the last entry the drone lands in place.
        assert!(plan.entry_for_trigger(10.001).is_none());
        let land = plan.flight(None, Vec3::new(1.0, 2.0, 4.0), 12.0);
        assert_eq!(land.len(), 1);
        assert_eq!(land[0].t1, 14.0);
    }

    #[test]
    fn keep_alt_moves_level() {
        let plan = RthPlan {
            landing_speed_m_s: 1.0,
            landing_altitude_m: 0.0,
            entries: vec![RthEntry {
                time_s: 0.0,
                action: RthAction::GoToKeepAlt,
                target: Vec3::new(0.0, 0.0, 20.0),
                duration_s: 4.0,
                pre_delay_s: 0.0,
                post_delay_s: 0.0,
            }],
        };
        let legs = plan.flight(plan.entries.first(), Vec3::new(8.0, 0.0, 12.0), 0.0);
        assert_eq!(legs[0].to, Vec3::new(0.0, 0.0, 12.0));
        assert_eq!(legs[1].t1, 16.0);
        assert_eq!(
            RthAction::parse("goToKeepAlt"),
            Some(RthAction::GoToKeepAlt)
        );
        assert_eq!(RthAction::parse("fly"), None);
    }
}
