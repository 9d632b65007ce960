//! `PyroFinding` and `PyroFindingKind`: one breach of a fireworks safety rule.

use std::cmp::Ordering;
use std::fmt;

/// What rule a [`PyroFinding`] breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PyroFindingKind {
    /// A position closer to the audience than NFPA 1123 allows for its largest calibre.
    SpectatorDistance,
    /// A drone inside a firework's burst sphere (plus margin) between ignition and the
    /// end of the effect.
    DroneInBurst,
    /// Two ignitions on one module closer in time than the firing system allows.
    CueSpacing,
}

impl PyroFindingKind {
    /// Stable snake_case identifier, e.g. `"drone_in_burst"`.
    pub fn as_str(self) -> &'static str {
        match self {
            PyroFindingKind::SpectatorDistance => "spectator_distance",
            PyroFindingKind::DroneInBurst => "drone_in_burst",
            PyroFindingKind::CueSpacing => "cue_spacing",
        }
    }
}

impl fmt::Display for PyroFindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One breach, shaped like the drone validator's violations (`kind`, `time_s`, `drones`,
/// `value`, `limit`, `source`) plus the firing position.
#[derive(Clone, Debug, PartialEq)]
pub struct PyroFinding {
    /// The rule broken.
    pub kind: PyroFindingKind,
    /// When, seconds on the show clock: the closest approach (airspace), the first
    /// ignition of the offending calibre (spectator distance), the later ignition
    /// (spacing).
    pub time_s: f64,
    /// The drones involved (indices into `FlightShow::drones`), ascending; empty for
    /// rules without drones.
    pub drones: Vec<usize>,
    /// The firing position's name.
    pub position: String,
    /// The measured value: metres (distances) or seconds (spacing).
    pub value: f64,
    /// The limit it breaks, same unit.
    pub limit: f64,
    /// The show-file entry (the cue's name; for spacing, both cues joined by ` / `).
    pub source: String,
}

impl PyroFinding {
    /// The report order: time, kind, position, drones, source.
    pub fn report_cmp(&self, o: &PyroFinding) -> Ordering {
        self.time_s
            .total_cmp(&o.time_s)
            .then(self.kind.cmp(&o.kind))
            .then_with(|| self.position.cmp(&o.position))
            .then_with(|| self.drones.cmp(&o.drones))
            .then_with(|| self.source.cmp(&o.source))
    }
}
