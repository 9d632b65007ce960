//! `Base`: the picture a moving hold starts from before rigid motions act on it: still,
//! morphing from frame to frame, or playing a recorded clip.

use skyshow_model::{Easing, PointTracks, Vec3};

use super::easing::{progress, ramped};

/// The picture before rigid motions: each point's position at a moment of the hold.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Base {
    /// The rest points.
    Still(Vec<Vec3>),
    /// A morph sequence.
    Morph(Morph),
    /// A recorded clip.
    Clip(ClipPlay),
}

/// A morph sequence resolved on the hold's clock, its frames paired point by point.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Morph {
    /// `frames[k][i]`: point `i` in frame `k` (point `i` of frame 0 is formation point `i`).
    pub(crate) frames: Vec<Vec<Vec3>>,
    /// For frames 1…: when the morph into it starts and when it is complete, seconds.
    pub(crate) windows: Vec<(f64, f64)>,
}

impl Morph {
    fn position(&self, i: usize, t: f64) -> Vec3 {
        // The frame completed last, and the morph running, if any.
        let k = self.windows.partition_point(|w| w.1 <= t);
        if k >= self.windows.len() {
            return self.frames[k][i];
        }
        let (a, b) = self.windows[k];
        if t <= a {
            return self.frames[k][i];
        }
        let s = progress(Easing::Smooth, (t - a) / (b - a), 0.0);
        self.frames[k][i].lerp(self.frames[k + 1][i], s)
    }
}

/// A clip played on the hold's clock at a steady `speed` between a ramp up from a
/// standstill and a ramp down to one, each `ramp_s` long; wrapped around the clip when it
/// loops, else stopping at its end (or at the end of the hold).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ClipPlay {
    /// The recording.
    pub(crate) tracks: PointTracks,
    /// Clip time at the start of the hold, seconds.
    pub(crate) start_s: f64,
    /// Clip seconds per hold second between the ramps.
    pub(crate) speed: f64,
    /// Length of each ramp, hold seconds.
    pub(crate) ramp_s: f64,
    /// Wrap around the clip.
    pub(crate) looped: bool,
    /// Length of the hold, seconds.
    pub(crate) hold_s: f64,
}

impl ClipPlay {
    /// How long the playing lasts (hold seconds) and how much of the clip it plays (clip
    /// seconds).
    pub(crate) fn play(&self) -> (f64, f64) {
        let r = self.ramp_s;
        if !self.looped {
            let rest = self.tracks.duration_s() - self.start_s;
            let need = rest / self.speed + r;
            if need <= self.hold_s {
                return (need, rest);
            }
        }
        (self.hold_s, self.speed * (self.hold_s - r).max(0.0))
    }

    /// The longest ramp the playing allows (half of it).
    pub(crate) fn max_ramp_s(&self) -> f64 {
        let rest = self.tracks.duration_s() - self.start_s;
        if self.looped {
            self.hold_s / 2.0
        } else {
            (rest / self.speed).min(self.hold_s / 2.0)
        }
    }

    /// The clip time shown at hold time `t`.
    pub(crate) fn clip_time(&self, t: f64) -> f64 {
        let (play_s, length_s) = self.play();
        let played = if play_s > 0.0 {
            length_s * ramped((t / play_s).clamp(0.0, 1.0), self.ramp_s / play_s)
        } else {
            0.0
        };
        let tau = self.start_s + played;
        let d = self.tracks.duration_s();
        if self.looped && d > 0.0 {
            tau.rem_euclid(d)
        } else {
            tau.min(d)
        }
    }
}

impl Base {
    /// Number of points.
    pub(crate) fn points(&self) -> usize {
        match self {
            Base::Still(p) => p.len(),
            Base::Morph(m) => m.frames[0].len(),
            Base::Clip(c) => c.tracks.points(),
        }
    }

    /// Point `i` at hold time `t`.
    pub(crate) fn position(&self, i: usize, t: f64) -> Vec3 {
        match self {
            Base::Still(p) => p[i],
            Base::Morph(m) => m.position(i, t),
            Base::Clip(c) => c.tracks.position(i, c.clip_time(t)),
        }
    }

    /// Points `first..first + out.len()` at hold time `t` ([`Base::position`] of each, with
    /// the clip's time found once).
    pub(crate) fn positions_of(&self, first: usize, t: f64, out: &mut [Vec3]) {
        match self {
            Base::Clip(c) => c.tracks.positions_at(first, c.clip_time(t), out),
            _ => {
                for (q, o) in out.iter_mut().enumerate() {
                    *o = self.position(first + q, t);
                }
            }
        }
    }

    /// Moments where the base's acceleration may jump (morph and ramp ends).
    pub(crate) fn breaks(&self) -> Vec<f64> {
        match self {
            Base::Still(_) => Vec::new(),
            Base::Morph(m) => m.windows.iter().flat_map(|w| [w.0, w.1]).collect(),
            Base::Clip(c) => {
                let (play, _) = c.play();
                vec![c.ramp_s, play - c.ramp_s, play]
            }
        }
    }

    /// True when points keep their distances (only rigid motions can change them).
    pub(crate) fn is_still(&self) -> bool {
        matches!(self, Base::Still(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn morph_shows_each_frame_at_its_moment() {
        let m = Morph {
            frames: vec![
                vec![Vec3::ZERO],
                vec![Vec3::new(10.0, 0.0, 0.0)],
                vec![Vec3::new(10.0, 10.0, 0.0)],
            ],
            windows: vec![(0.0, 4.0), (6.0, 8.0)],
        };
        let b = Base::Morph(m);
        assert_eq!(b.position(0, 0.0), Vec3::ZERO);
        assert!((b.position(0, 2.0).x - 5.0).abs() < 1e-12);
        assert_eq!(b.position(0, 4.0), Vec3::new(10.0, 0.0, 0.0));
        assert_eq!(b.position(0, 5.0), Vec3::new(10.0, 0.0, 0.0));
        assert!((b.position(0, 7.0).y - 5.0).abs() < 1e-12);
        assert_eq!(b.position(0, 9.0), Vec3::new(10.0, 10.0, 0.0));
    }

    #[test]
    fn a_clip_plays_at_its_speed_between_the_ramps() {
        let tracks = PointTracks::from_fn(1, 10.0, 0.1, |t, o| o[0] = Vec3::new(t, 0.0, 0.0));
        let c = ClipPlay {
            tracks,
            start_s: 0.0,
            speed: 2.0,
            ramp_s: 0.5,
            looped: false,
            hold_s: 20.0,
        };
        assert_eq!(c.play(), (5.5, 10.0));
        assert!((c.clip_time(2.75) - 5.0).abs() < 1e-9);
        // Steady speed between the ramps.
        assert!((c.clip_time(2.0) - c.clip_time(1.0) - 2.0).abs() < 1e-9);
        assert!((c.clip_time(5.5) - 10.0).abs() < 1e-9);
        assert!((c.clip_time(99.0) - 10.0).abs() < 1e-9);
    }
}
