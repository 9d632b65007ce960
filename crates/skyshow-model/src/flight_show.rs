//! `FlightShow`: a flyable show, whoever made it (our planner or another tool's `.skyc`).

use crate::{Geofence, LightProgram, Limits, Trajectory, Vec3};

/// One drone of a flyable show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drone {
    /// Display name (`Drone 1`, …).
    pub name: String,
    /// Takeoff position on the ground.
    pub home: Vec3,
    /// Where the drone is at every moment.
    pub trajectory: Trajectory,
    /// What its LEDs show.
    pub lights: LightProgram,
}

/// What a stretch of show time is, for tracing a finding back to the show file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhaseKind {
    /// Ground hold and climb.
    Takeoff,
    /// Drones hold a formation.
    Formation,
    /// Drones move between two formations.
    Transition,
    /// Return to the takeoff slots and descent.
    Landing,
}

/// A named stretch of show time, with the show-file entry it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Phase {
    /// What happens.
    pub kind: PhaseKind,
    /// The show-file entry: `formation "ring"`, `transition "ring" → "sphere"`, `takeoff`.
    pub source: String,
    /// Start, seconds.
    pub start_s: f64,
    /// End, seconds.
    pub end_s: f64,
}

/// A named moment of the show (chapter or formation start).
#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    /// Label.
    pub name: String,
    /// Time, seconds.
    pub time_s: f64,
}

/// A flyable show: every drone's trajectory and light program, plus what is known about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FlightShow {
    /// Title.
    pub title: String,
    /// The drones, in ground-station order.
    pub drones: Vec<Drone>,
    /// Time-ordered phases, for attributing findings (may be empty for foreign files).
    pub phases: Vec<Phase>,
    /// Cues.
    pub cues: Vec<Cue>,
    /// The limits the show was made for, if it says.
    pub limits: Option<Limits>,
    /// Where the drones may be, if the show says (`settings.geofence`).
    pub geofence: Option<Geofence>,
}

impl FlightShow {
    /// The time the last drone finishes its trajectory, seconds.
    pub fn duration_s(&self) -> f64 {
        self.drones
            .iter()
            .map(|d| d.trajectory.end_time())
            .fold(0.0, f64::max)
    }

    /// The show-file entry active at time `t`: the innermost phase containing it.
    pub fn source_at(&self, t: f64) -> Option<&str> {
        self.phases
            .iter()
            .filter(|p| p.start_s <= t && t <= p.end_s)
            .min_by(|a, b| (a.end_s - a.start_s).total_cmp(&(b.end_s - b.start_s)))
            .map(|p| p.source.as_str())
    }
}
