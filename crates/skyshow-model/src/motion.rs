//! `Motion`: a rigid motion of a formation during its hold (`[[chapter.formation.motion]]`),
//! and the times it is written in.

use crate::{MusicalLength, Vec3};

/// One rigid motion of a formation during its hold: a rotation, a flight or a change of
/// size. A formation's motions are composed in the order they are written: each acts on the
/// formation as the motions before it have left it (its centre moved, its own axes turned,
/// its size changed).
#[derive(Clone, Debug, PartialEq)]
pub struct Motion {
    /// What the motion does.
    pub kind: MotionKind,
    /// The point the motion turns or scales about, as an offset from the formation's centre
    /// (where the earlier motions have moved it), show-frame axes, metres. Default zero.
    pub pivot: Vec3,
    /// When the motion starts, as an offset into the hold. Default zero.
    pub start: HoldTime,
    /// How long one repetition lasts; `None` = the rest of the hold (after `start`).
    pub duration: Option<HoldTime>,
    /// How the motion speeds up and slows down. Default [`Easing::Smooth`].
    pub easing: Easing,
    /// How often the motion is repeated back to back. Default once.
    pub repeat: Repeat,
}

/// What a rigid motion does.
#[derive(Clone, Debug, PartialEq)]
pub enum MotionKind {
    /// Turn about an axis through the pivot.
    Rotate {
        /// The axis.
        axis: MotionAxis,
        /// The angle of one repetition, degrees (positive = counter-clockwise looking down
        /// the axis towards its origin, the right-hand rule); never zero.
        angle_deg: f64,
    },
    /// Fly the formation along a path: from where it is, through each waypoint in turn
    /// (a smooth curve), ending at the last.
    Move {
        /// Waypoints as offsets from the formation's centre when the move starts, show-frame
        /// axes, metres (at least one; `by = [x, y, z]` is a path of one waypoint).
        path: Vec<Vec3>,
    },
    /// Change the formation's size about the pivot.
    Scale {
        /// The size at the end of one repetition relative to its start (> 0).
        factor: f64,
    },
}

/// The axis of a rotation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MotionAxis {
    /// The formation's own right axis (as the audience sees the picture).
    Right,
    /// The formation's own up axis.
    Up,
    /// The formation's own axis towards the audience.
    Towards,
    /// A fixed direction in the show frame (unit length).
    Show(Vec3),
}

/// How a motion's progress runs over its duration. Every easing starts and ends at rest.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Easing {
    /// Speeds up and slows down evenly (`3u² − 2u³`). Default.
    #[default]
    Smooth,
    /// Constant speed, with the shortest ramps at both ends the acceleration limit allows.
    Linear,
    /// Starts gently and stops more quickly (`4u³ − 3u⁴`: fastest at two thirds).
    In,
    /// Starts quickly and stops gently (fastest at one third).
    Out,
}

impl Easing {
    /// The easing's name in the show file.
    pub fn as_str(self) -> &'static str {
        match self {
            Easing::Smooth => "smooth",
            Easing::Linear => "linear",
            Easing::In => "in",
            Easing::Out => "out",
        }
    }
}

/// How often a motion is repeated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repeat {
    /// This many times (at least 1).
    Count(u32),
    /// As many whole times as fit in the hold after `start`.
    Hold,
}

impl Default for Repeat {
    fn default() -> Self {
        Repeat::Count(1)
    }
}

/// A moment or length within a formation's hold: seconds, or beats and bars counted along
/// the music from the start of the hold (or of the motion).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum HoldTime {
    /// Seconds.
    Seconds(f64),
    /// Beats or bars of the music (`"2 bars"`).
    Music(MusicalLength),
}

impl Default for HoldTime {
    fn default() -> Self {
        HoldTime::Seconds(0.0)
    }
}

impl std::fmt::Display for HoldTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HoldTime::Seconds(s) => write!(f, "{s} s"),
            HoldTime::Music(m) => write!(f, "{m}"),
        }
    }
}

impl MotionKind {
    /// The kind's name in the show file (`rotate`, `move`, `scale`).
    pub fn name(&self) -> &'static str {
        match self {
            MotionKind::Rotate { .. } => "rotate",
            MotionKind::Move { .. } => "move",
            MotionKind::Scale { .. } => "scale",
        }
    }
}
