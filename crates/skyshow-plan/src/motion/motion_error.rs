//! `MotionError`: why a formation's motion cannot be flown, naming the formation, the
//! entry (motion, frame, animation), the moment, the figure, the limit and a fix; its
//! texts are messages (`motion.ftl`), rendered in the user's language where shown.

use skyshow_i18n::{Message, msg};

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
    pub fn describe(self) -> Message {
        match self {
            Figure::SpeedXy => msg!("figure-speed-xy"),
            Figure::SpeedUp => msg!("figure-speed-up"),
            Figure::SpeedDown => msg!("figure-speed-down"),
            Figure::Accel => msg!("figure-accel"),
            Figure::AltitudeMax | Figure::AltitudeMin => msg!("figure-altitude"),
            Figure::Distance => msg!("figure-distance"),
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
#[derive(Debug, Clone, PartialEq)]
pub enum MotionError {
    /// The motion's times do not fit its hold (or the music).
    Timing {
        /// The formation.
        formation: String,
        /// The entry.
        entry: MotionEntry,
        /// What is wrong.
        what: Message,
        /// What to change.
        hint: Message,
    },
    /// The motion's values cannot be flown at all (zero turn, zero axis, …).
    Invalid {
        /// The formation.
        formation: String,
        /// The entry.
        entry: MotionEntry,
        /// What is wrong.
        what: Message,
        /// What to change.
        hint: Message,
    },
    /// The motion goes beyond a limit.
    Limit {
        /// The formation.
        formation: String,
        /// The entry causing it.
        entry: MotionEntry,
        /// The cause in words (`the rotation`, `the morph into frame 3`).
        what: Message,
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
        hint: Message,
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
    pub fn hint(&self) -> &Message {
        match self {
            MotionError::Timing { hint, .. }
            | MotionError::Invalid { hint, .. }
            | MotionError::Limit { hint, .. } => hint,
        }
    }

    /// The error as a message (what `Display` shows, in the process's language).
    pub fn message(&self) -> Message {
        match self {
            MotionError::Timing {
                formation, what, ..
            }
            | MotionError::Invalid {
                formation, what, ..
            } => msg!(
                "motion-formation",
                formation = formation.as_str(),
                what = what.clone()
            ),
            MotionError::Limit {
                formation,
                what,
                figure,
                value,
                limit,
                at_s,
                at_show,
                point,
                ..
            } => msg!(
                "motion-limit",
                formation = formation.as_str(),
                what = what.clone(),
                value = format!("{value:.2}"),
                unit = figure.unit(),
                figure = figure.describe(),
                at_show = at_show.as_str(),
                at_s = format!("{at_s:.2}"),
                point = point + 1,
                limit = *limit
            ),
        }
    }
}

skyshow_i18n::message_error!(MotionError);
