//! `Burst`: one firework effect as the preview draws it.

use skyshow_model::{Rgb, Vec3};

/// One firework burst: a sphere of stars that opens at `position` at `time_s` and fades
/// over `duration_s`. The pyro stage fills these; the preview and the renderers only draw
/// them.
#[derive(Clone, Debug, PartialEq)]
pub struct Burst {
    /// Burst time (when the shell breaks), seconds on the show clock.
    pub time_s: f64,
    /// Burst position in the show frame, metres (`z` is the burst height).
    pub position: Vec3,
    /// Radius of the fully opened burst, metres.
    pub radius_m: f64,
    /// Colour of the stars.
    pub color: Rgb,
    /// How long the stars glow, seconds.
    pub duration_s: f64,
    /// What it is (effect name or cue), shown on the timeline; may be empty.
    pub label: String,
}

impl Burst {
    /// True if every number is finite and the radius and duration are positive: the only
    /// bursts that are drawn.
    pub fn is_drawable(&self) -> bool {
        self.time_s.is_finite()
            && self.position.is_finite()
            && self.radius_m.is_finite()
            && self.radius_m > 0.0
            && self.duration_s.is_finite()
            && self.duration_s > 0.0
    }

    /// Time the shell leaves the ground in the drawings (a rising spark precedes the burst),
    /// seconds: between 0.8 and 4 s before the burst, about 35 m/s.
    pub fn launch_time_s(&self) -> f64 {
        self.time_s - self.lift_s()
    }

    /// How long the rising spark is drawn before the burst, seconds.
    pub(crate) fn lift_s(&self) -> f64 {
        (self.position.z.max(0.0) / 35.0).clamp(0.8, 4.0)
    }
}
