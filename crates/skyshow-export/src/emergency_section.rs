//! `report.json` `emergency`: the return-to-home plan's figures, where landing in place is
//! safe, and what re-flying the plan found.

use serde_json::{Value, json};
use skyshow_validate::RthConflict;

use crate::json::num;

/// The emergency section of the report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmergencySection {
    /// Entry times (each with an entry for every drone).
    pub entries: usize,
    /// Spacing of the entries, seconds.
    pub interval_s: f64,
    /// The spacing the show file asked for, when the plan's size budget made it longer
    /// (`[emergency] max_plan_mb`).
    pub interval_asked_s: Option<f64>,
    /// The longest return, seconds from trigger to the last touchdown.
    pub worst_duration_s: f64,
    /// The smallest distance between two drones in any return, metres: for `build`, the
    /// bound proven for a trigger at any moment; for `check`, the smallest re-flown.
    pub min_distance_m: f64,
    /// `[from, to]` stretches (seconds) in which landing in place is collision-free.
    pub land_in_place_safe_s: Vec<(f64, f64)>,
    /// Entries the planner could not make safe: time (s) and why.
    pub unsafe_entries: Vec<(f64, String)>,
    /// Conflicts found re-flying the plan (violations).
    pub conflicts: Vec<RthConflict>,
}

impl EmergencySection {
    /// The section as JSON, naming drones with `name`.
    pub fn to_json(&self, name: &dyn Fn(usize) -> String) -> Value {
        let mut v = json!({
            "entries": self.entries,
            "interval_s": num(self.interval_s, 3),
            "worst_duration_s": num(self.worst_duration_s, 3),
            "min_distance_m": num(self.min_distance_m, 4),
            "land_in_place_safe_s": self
                .land_in_place_safe_s
                .iter()
                .map(|&(a, b)| json!([num(a, 3), num(b, 3)]))
                .collect::<Vec<_>>(),
            "unsafe_entries": self
                .unsafe_entries
                .iter()
                .map(|(t, why)| json!({ "time_s": num(*t, 3), "why": why }))
                .collect::<Vec<_>>(),
            "conflicts": self.conflicts.iter().map(|c| conflict_json(c, name)).collect::<Vec<_>>(),
        });
        if let Some(asked) = self.interval_asked_s {
            v["interval_asked_s"] = num(asked, 3);
        }
        v
    }

    /// A conflict as a row of `violations`.
    pub fn violation_json(c: &RthConflict, name: &dyn Fn(usize) -> String) -> Value {
        json!({
            "kind": "rth_min_distance",
            "time_s": num(c.time_s, 3),
            "drones": [name(c.drones.0), name(c.drones.1)],
            "value": num(c.distance_m, 4),
            "limit": Value::Null,
            "source": skyshow_i18n::msg!(
                "report-rth-conflict-source",
                entry = num(c.entry_s, 3).to_string(),
                trigger = num(c.trigger_s, 3).to_string()
            )
            .to_string(),
        })
    }
}

fn conflict_json(c: &RthConflict, name: &dyn Fn(usize) -> String) -> Value {
    json!({
        "entry_s": num(c.entry_s, 3),
        "trigger_s": num(c.trigger_s, 3),
        "time_s": num(c.time_s, 3),
        "drones": [name(c.drones.0), name(c.drones.1)],
        "distance_m": num(c.distance_m, 4),
    })
}
