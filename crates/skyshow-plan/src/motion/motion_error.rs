//! `MotionError`: why a formation's motion cannot be flown, naming the formation, the
//! entry (motion, frame, animation), the moment, the figure, the limit and a fix.

/// Which entry of a formation an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MotionEntry {
    /// The formation as a whole.
    Formation,
    /// Its `[[chapter.formation.motion]]` number `k` (from 0).
    Motion(usize),
    /// Its `[[chapter.formation.frame]]` number `k` (from 0).
    Frame(usize),
    /// Its animation (glTF or CSV).
    Animation,
}

/// A figure of a motion that has a limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// Horizontal speed.
    SpeedXy,
    /// Climb speed.
    SpeedUp,
    /// Descent speed.
    SpeedDown,
    /// Acceleration.
    Accel,
    /// Highest altitude.
    AltitudeMax,
    /// Lowest altitude.
    AltitudeMin,
    /// Distance between two drones.
    Distance,
}

impl Figure {
    /// What it is, in words.
    pub fn describe(self) -> &'static str {
        match self {
            Figure::SpeedXy => "horizontal speed",
            Figure::SpeedUp => "climb speed",
            Figure::SpeedDown => "descent speed",
            Figure::Accel => "acceleration",
            Figure::AltitudeMax => "altitude",
            Figure::AltitudeMin => "altitude",
            Figure::Distance => "distance between drones",
        }
    }

    /// Its unit.
    pub fn unit(self) -> &'static str {
        match self {
            Figure::SpeedXy | Figure::SpeedUp | Figure::SpeedDown => "m/s",
            Figure::Accel => "m/s²",
            _ => "m",
        }
    }

    /// The `[limits]` key that bounds it.
    pub fn limit_key(self) -> &'static str {
        match self {
            Figure::SpeedXy => "max_speed_xy_m_s",
            Figure::SpeedUp => "max_speed_up_m_s",
            Figure::SpeedDown => "max_speed_down_m_s",
            Figure::Accel => "max_accel_m_s2",
            Figure::AltitudeMax => "max_altitude_m",
            Figure::AltitudeMin => "min_nav_altitude_m",
            Figure::Distance => "min_distance_m",
        }
    }

    /// True when the figure must stay below its limit (false: above).
    pub fn is_upper(self) -> bool {
        !matches!(self, Figure::AltitudeMin | Figure::Distance)
    }
}

/// Why a formation's motion cannot be flown.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MotionError {
    /// The motion's times do not fit its hold (or the music).
    #[error("formation `{formation}`: {what}")]
    Timing {
        /// The formation.
        formation: String,
        /// The entry.
        entry: MotionEntry,
        /// What is wrong.
        what: String,
        /// What to change.
        hint: String,
    },
    /// The motion's values cannot be flown at all (zero turn, zero axis, …).
    #[error("formation `{formation}`: {what}")]
    Invalid {
        /// The formation.
        formation: String,
        /// The entry.
        entry: MotionEntry,
        /// What is wrong.
        what: String,
        /// What to change.
        hint: String,
    },
    /// The motion goes beyond a limit.
    #[error(
        "formation `{formation}`: {what} needs {value:.2} {unit} of {figure} at {at_show} ({at_s:.2} s into the hold, point {point}), beyond the {limit} {unit} limit",
        unit = figure.unit(),
        figure = figure.describe(),
        point = point + 1
    )]
    Limit {
        /// The formation.
        formation: String,
        /// The entry causing it.
        entry: MotionEntry,
        /// The cause in words (`the rotation`, `the morph into frame 3`).
        what: String,
        /// The figure.
        figure: Figure,
        /// Its value.
        value: f64,
        /// The limit.
        limit: f64,
        /// When, seconds into the hold.
        at_s: f64,
        /// When on the show clock, `m:ss.mmm`.
        at_show: String,
        /// Which point of the formation (from 0).
        point: usize,
        /// Fixes that work.
        hint: String,
    },
}

impl MotionError {
    /// The formation.
    pub fn formation(&self) -> &str {
        match self {
            MotionError::Timing { formation, .. }
            | MotionError::Invalid { formation, .. }
            | MotionError::Limit { formation, .. } => formation,
        }
    }

    /// The entry the error is about.
    pub fn entry(&self) -> MotionEntry {
        match self {
            MotionError::Timing { entry, .. }
            | MotionError::Invalid { entry, .. }
            | MotionError::Limit { entry, .. } => *entry,
        }
    }

    /// What to change.
    pub fn hint(&self) -> &str {
        match self {
            MotionError::Timing { hint, .. }
            | MotionError::Invalid { hint, .. }
            | MotionError::Limit { hint, .. } => hint,
        }
    }
}
