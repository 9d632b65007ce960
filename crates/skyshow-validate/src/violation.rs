//! `Violation` and `ViolationKind`: one breach of the flight envelope, for the report.

use std::cmp::Ordering;

/// What rule a [`Violation`] breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ViolationKind {
    /// Two airborne drones closer than `Limits::min_distance_m`.
    MinDistance,
    /// Horizontal speed above `Limits::max_speed_xy_m_s`.
    SpeedXy,
    /// Climb speed above `Limits::max_speed_up_m_s`.
    SpeedUp,
    /// Descent speed above `Limits::max_speed_down_m_s`.
    SpeedDown,
    /// Acceleration above `Limits::max_accel_m_s2` (in a sampled show, also a velocity
    /// change between samples, see `ValidateOptions::sampled_rate_hz`).
    Acceleration,
    /// A velocity discontinuity at a keyframe joint (or starting or stopping abruptly), in
    /// m/s: a warning up to `ValidateOptions::velocity_step_max_m_s`, a violation beyond.
    VelocityStep,
    /// Altitude above `Limits::max_altitude_m`.
    Altitude,
    /// Horizontal motion (faster than 0.01 m/s) below `Limits::min_nav_altitude_m`.
    SidewaysBelowMinNavAltitude,
    /// Two takeoff positions closer than `Limits::takeoff_spacing_m`.
    TakeoffSpacing,
    /// A drone outside an inclusion polygon of the geofence (the site's boundary); the
    /// value is how far outside, metres, the limit 0.
    OutsideBoundary,
    /// A drone inside an exclusion zone of the geofence (an exclusion zone, the audience's
    /// no-fly zone); the value is how far inside, metres, the limit 0.
    InExclusionZone,
    /// Time in the air longer than `Limits::battery_s`.
    FlightTime,
    /// The trajectory would not fit a Skybrush `.skyb` block (≥ 65 536 bytes).
    TrajectoryTooLarge,
    /// The light program would not fit a Skybrush `.skyb` block (≥ 65 536 bytes).
    LightProgramTooLarge,
}

impl ViolationKind {
    /// Every kind, in report order.
    pub const ALL: [ViolationKind; 14] = [
        ViolationKind::MinDistance,
        ViolationKind::SpeedXy,
        ViolationKind::SpeedUp,
        ViolationKind::SpeedDown,
        ViolationKind::Acceleration,
        ViolationKind::VelocityStep,
        ViolationKind::Altitude,
        ViolationKind::SidewaysBelowMinNavAltitude,
        ViolationKind::TakeoffSpacing,
        ViolationKind::OutsideBoundary,
        ViolationKind::InExclusionZone,
        ViolationKind::FlightTime,
        ViolationKind::TrajectoryTooLarge,
        ViolationKind::LightProgramTooLarge,
    ];

    /// Stable snake_case identifier, e.g. `"min_distance"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ViolationKind::MinDistance => "min_distance",
            ViolationKind::SpeedXy => "speed_xy",
            ViolationKind::SpeedUp => "speed_up",
            ViolationKind::SpeedDown => "speed_down",
            ViolationKind::Acceleration => "acceleration",
            ViolationKind::VelocityStep => "velocity_step",
            ViolationKind::Altitude => "altitude",
            ViolationKind::SidewaysBelowMinNavAltitude => "sideways_below_min_nav_altitude",
            ViolationKind::TakeoffSpacing => "takeoff_spacing",
            ViolationKind::OutsideBoundary => "outside_boundary",
            ViolationKind::InExclusionZone => "in_exclusion_zone",
            ViolationKind::FlightTime => "flight_time",
            ViolationKind::TrajectoryTooLarge => "trajectory_too_large",
            ViolationKind::LightProgramTooLarge => "light_program_too_large",
        }
    }
}

impl std::fmt::Display for ViolationKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One breach of the envelope: a drone (or pair) over one contiguous stretch of time.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    /// The rule broken.
    pub kind: ViolationKind,
    /// When it is worst (smallest distance, largest speed, …), seconds on the show clock.
    /// For flight time, the moment the battery limit is passed; for size limits, 0.
    pub time_s: f64,
    /// The drones involved (indices into `FlightShow::drones`), ascending.
    pub drones: Vec<usize>,
    /// The measured value: metres, m/s, m/s², seconds or bytes, by kind.
    pub value: f64,
    /// The limit it breaks, in the same unit.
    pub limit: f64,
    /// The show-file entry active at `time_s` (`FlightShow::source_at`), or `""`.
    pub source: String,
}

impl Violation {
    /// The report order: time, kind, drones (then value and limit, for total determinism).
    pub fn report_cmp(&self, o: &Violation) -> Ordering {
        self.time_s
            .total_cmp(&o.time_s)
            .then(self.kind.cmp(&o.kind))
            .then_with(|| self.drones.cmp(&o.drones))
            .then(self.value.total_cmp(&o.value))
            .then(self.limit.total_cmp(&o.limit))
    }
}
