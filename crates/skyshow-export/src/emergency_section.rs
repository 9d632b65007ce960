//! `report.json` `emergency`: the emergency return (the `.skyc`'s `rthPlan`) as checked,
//! and when a plain "land now" is safe.

use serde_json::{Value, json};

use crate::json::num;

/// The emergency-return figures of a show.
#[derive(Clone, Debug, PartialEq)]
pub struct EmergencySection {
    /// Entries per drone (whole seconds; 0 when the show has no plan).
    pub entries: usize,
    /// Time between entries, seconds.
    pub interval_s: f64,
    /// The longest return from an entry's time to touchdown, seconds (`None` without plan).
    pub worst_duration_s: Option<f64>,
    /// The closest approach of two returning drones over every checked trigger moment,
    /// metres (`None` without plan, or when no pair comes within the minimum distance + 1 m).
    pub min_distance_m: Option<f64>,
    /// Intervals `[from, to]` (seconds) in which a plain vertical "land now" of every drone
    /// is also collision-free.
    pub land_in_place_safe_s: Vec<[f64; 2]>,
    /// Trigger moments flown and checked.
    pub triggers_checked: usize,
    /// Time between checked trigger moments (and land-in-place moments), seconds.
    pub trigger_step_s: f64,
    /// How much closer two drones may come between two checked moments, metres (a bound).
    pub between_moments_m: f64,
    /// Trigger moments whose return brings two drones closer than the minimum distance
    /// (each is a violation `rth_conflict`).
    pub conflicts: usize,
    /// Drones without a usable plan (Skybrush Live then refuses the collective return).
    pub drones_without_plan: usize,
}

impl EmergencySection {
    /// The `emergency` object of `report.json`.
    pub fn to_json(&self) -> Value {
        json!({
            "entries": self.entries,
            "interval_s": num(self.interval_s, 3),
            "worst_duration_s": self.worst_duration_s.map_or(Value::Null, |v| num(v, 3)),
            "min_distance_m": self.min_distance_m.map_or(Value::Null, |v| num(v, 4)),
            "land_in_place_safe_s": self
                .land_in_place_safe_s
                .iter()
                .map(|[a, b]| json!([num(*a, 3), num(*b, 3)]))
                .collect::<Vec<_>>(),
            "triggers_checked": self.triggers_checked,
            "trigger_step_s": num(self.trigger_step_s, 3),
            "between_moments_m": num(self.between_moments_m, 4),
            "conflicts": self.conflicts,
            "drones_without_plan": self.drones_without_plan,
        })
    }
}
