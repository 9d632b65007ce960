//! `Clip`: an animation recorded point by point ([`PointTracks`]) and how it is played
//! during a formation's hold.

use crate::PointTracks;

/// Recorded per-point positions and how they are played back during the hold.
#[derive(Clone, Debug, PartialEq)]
pub struct Clip {
    /// The recorded positions, show frame, clip time from 0.
    pub tracks: PointTracks,
    /// How the hold's time maps onto the clip's.
    pub playback: Playback,
}

/// How a clip is played during a hold. Playback always starts and ends at rest: it speeds
/// up from a standstill and slows down to one with the shortest ramps the acceleration
/// limit allows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Playback {
    /// The clip time shown when the hold starts, seconds. Default 0.
    pub start_s: f64,
    /// Playback speed. Default 1.
    pub speed: PlaybackSpeed,
    /// Start again from `start_s` after the end of the clip, until the hold ends (the clip
    /// should then end where it starts). Default: play once and stay on the last frame.
    pub looped: bool,
}

impl Default for Playback {
    fn default() -> Self {
        Playback {
            start_s: 0.0,
            speed: PlaybackSpeed::Factor(1.0),
            looped: false,
        }
    }
}

/// How fast a clip plays.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PlaybackSpeed {
    /// Clip seconds per show second (> 0): 1 = as recorded, 2 = twice as fast.
    Factor(f64),
    /// The fastest playback the limits allow (`animation_speed = "fit"`).
    Fit,
}
