//! `Timecode`: SMPTE HH:MM:SS:FF at a whole frame rate (non-drop).

use skyshow_i18n::msg;
use std::fmt;

use crate::PyroError;

/// A SMPTE timecode (non-drop-frame) at `fps` frames per second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timecode {
    /// Hours, 0–23 (wraps after 24 h).
    pub hours: u32,
    /// Minutes, 0–59.
    pub minutes: u32,
    /// Seconds, 0–59.
    pub seconds: u32,
    /// Frames, 0 to fps − 1.
    pub frames: u32,
}

impl Timecode {
    /// The frame rates supported: 24, 25 and 30 (non-drop).
    pub const FRAME_RATES: [u32; 3] = [24, 25, 30];

    /// Checks a frame rate.
    pub fn check_fps(fps: u32) -> Result<(), PyroError> {
        if Timecode::FRAME_RATES.contains(&fps) {
            Ok(())
        } else {
            Err(PyroError::InvalidOption {
                what: msg!("pyro-option-timecode-fps"),
                message: msg!("pyro-fps-unsupported", fps = fps),
                hint: msg!("pyro-timecode-fps-values"),
            })
        }
    }

    /// The timecode of frame number `frame` (from 00:00:00:00).
    pub fn from_frame(frame: u64, fps: u32) -> Self {
        let fps = u64::from(fps.max(1));
        let total_s = frame / fps;
        Timecode {
            hours: (total_s / 3600 % 24) as u32,
            minutes: (total_s / 60 % 60) as u32,
            seconds: (total_s % 60) as u32,
            frames: (frame % fps) as u32,
        }
    }

    /// The frame containing time `t_s` (seconds ≥ 0; negative times give frame 0).
    pub fn frame_at(t_s: f64, fps: u32) -> u64 {
        // A microsecond of slack so 0.04 s at 25 fps is frame 1, not 0.99999.
        (t_s * f64::from(fps) + 1e-6).floor().max(0.0) as u64
    }

    /// The timecode of the frame containing time `t_s`.
    pub fn from_seconds(t_s: f64, fps: u32) -> Self {
        Timecode::from_frame(Timecode::frame_at(t_s, fps), fps)
    }
}

impl fmt::Display for Timecode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02}:{:02}:{:02}:{:02}",
            self.hours, self.minutes, self.seconds, self.frames
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_frames() {
        assert_eq!(
            Timecode::from_seconds(3723.5, 25).to_string(),
            "01:02:03:12"
        );
        assert_eq!(Timecode::from_seconds(0.04, 25).to_string(), "00:00:00:01");
        assert_eq!(Timecode::from_seconds(59.99, 30).to_string(), "00:00:59:29");
        assert!(Timecode::check_fps(29).is_err());
    }
}
