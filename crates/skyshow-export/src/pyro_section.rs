//! `PyroSection`: the fireworks part of `report.json`; `PyroViolation`.

use serde_json::{Value, json};

use crate::json::num;

/// A breach of a fireworks safety rule, shaped like a drone violation plus the firing
/// position.
#[derive(Clone, Debug, PartialEq)]
pub struct PyroViolation {
    /// `drone_in_burst`, `spectator_distance`, `cue_spacing`.
    pub kind: String,
    /// When, seconds on the show clock.
    pub time_s: f64,
    /// The drones involved (indices), empty for rules without drones.
    pub drones: Vec<usize>,
    /// The firing position's name.
    pub position: String,
    /// Measured value (metres or seconds).
    pub value: f64,
    /// The limit it breaks, same unit.
    pub limit: f64,
    /// The show-file entry (`pyro.cue "open"`).
    pub source: String,
}

/// The `pyro` section of `report.json`.
#[derive(Clone, Debug, PartialEq)]
pub struct PyroSection {
    /// The firing system the script is addressed for (`cobra-7`, `firetek`, `generic`).
    pub system: String,
    /// Devices fired.
    pub cues: usize,
    /// Positions in the firing front.
    pub positions: usize,
    /// Width of the front, m.
    pub front_width_m: f64,
    /// Colour names fired, sorted.
    pub colours: Vec<String>,
    /// Tracks (chapters), track `k` at index `k − 1`.
    pub tracks: Vec<String>,
    /// First ignition, s.
    pub first_ignition_s: f64,
    /// End of the last effect, s.
    pub last_effect_end_s: f64,
    /// Other show elements in the cue list (narration, lights, fountain).
    pub elements: usize,
    /// The files written under `pyro/`, by name.
    pub files: Vec<String>,
    /// Fireworks safety findings (also counted and listed in the report's violations).
    pub violations: Vec<PyroViolation>,
}

impl PyroSection {
    /// The violation as an entry of the report's `violations` list; `name` gives a
    /// drone's name by index.
    pub(crate) fn violation_json(v: &PyroViolation, name: &dyn Fn(usize) -> String) -> Value {
        json!({
            "kind": v.kind,
            "time_s": num(v.time_s, 3),
            "drones": v.drones.iter().map(|&d| name(d)).collect::<Vec<_>>(),
            "value": num(v.value, 4),
            "limit": num(v.limit, 4),
            "source": v.source,
            "position": v.position,
        })
    }

    /// The section as JSON.
    pub(crate) fn to_json(&self, name: &dyn Fn(usize) -> String) -> Value {
        json!({
            "system": self.system,
            "cues": self.cues,
            "positions": self.positions,
            "front_width_m": num(self.front_width_m, 3),
            "colours": self.colours,
            "tracks": self.tracks,
            "first_ignition_s": num(self.first_ignition_s, 3),
            "last_effect_end_s": num(self.last_effect_end_s, 3),
            "elements": self.elements,
            "files": self.files,
            "violations_total": self.violations.len(),
            "violations": self.violations.iter().map(|v| Self::violation_json(v, name)).collect::<Vec<_>>(),
        })
    }
}
