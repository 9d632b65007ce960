//! `PointTracks`: where every point of a moving picture is over time, sampled on a uniform
//! clock. This is the hand-over format of everything that animates a formation point by
//! point (glTF animations, Skybrush CSV animations, morph sequences): the motion between two
//! samples is the C¹ cubic (Catmull–Rom) curve through them.

use crate::Vec3;

/// Positions of `points` points at times `0, step_s, 2·step_s, …` (seconds from the start
/// of the clip), show frame, metres. Frame-major: frame `k` holds every point at `k·step_s`.
#[derive(Clone, Debug, PartialEq)]
pub struct PointTracks {
    step_s: f64,
    points: usize,
    positions: Vec<Vec3>,
}

impl PointTracks {
    /// Empty tracks of `points` points sampled every `step_s` seconds (> 0).
    ///
    /// # Panics
    /// If `step_s` is not a positive finite number.
    pub fn new(step_s: f64, points: usize) -> Self {
        assert!(
            step_s.is_finite() && step_s > 0.0,
            "PointTracks: step must be positive"
        );
        PointTracks {
            step_s,
            points,
            positions: Vec::new(),
        }
    }

    /// Tracks of `points` points over `duration_s`, sampled every (about) `step_s`: the step
    /// is shortened so that whole steps end exactly at `duration_s`. `frame(t, out)` writes
    /// every point's position at clip time `t`.
    pub fn from_fn(
        points: usize,
        duration_s: f64,
        step_s: f64,
        mut frame: impl FnMut(f64, &mut [Vec3]),
    ) -> Self {
        let steps = (duration_s / step_s).ceil().max(1.0) as usize;
        let step = if duration_s > 0.0 {
            duration_s / steps as f64
        } else {
            step_s
        };
        let mut tracks = PointTracks::new(step, points);
        tracks.positions.reserve((steps + 1) * points);
        let mut buf = vec![Vec3::ZERO; points];
        for k in 0..=steps {
            frame(k as f64 * step, &mut buf);
            tracks.positions.extend_from_slice(&buf);
        }
        tracks
    }

    /// Appends the next frame (every point's position at the next sample time).
    ///
    /// # Panics
    /// If `frame` does not have one position per point.
    pub fn push_frame(&mut self, frame: &[Vec3]) {
        assert_eq!(frame.len(), self.points, "PointTracks: wrong frame size");
        self.positions.extend_from_slice(frame);
    }

    /// Seconds between samples.
    pub fn step_s(&self) -> f64 {
        self.step_s
    }

    /// Number of points.
    pub fn points(&self) -> usize {
        self.points
    }

    /// Number of frames.
    pub fn frames(&self) -> usize {
        self.positions.len().checked_div(self.points).unwrap_or(0)
    }

    /// Length of the clip, seconds: from the first frame to the last.
    pub fn duration_s(&self) -> f64 {
        self.frames().saturating_sub(1) as f64 * self.step_s
    }

    /// Every point's position in frame `k`.
    pub fn frame(&self, k: usize) -> &[Vec3] {
        &self.positions[k * self.points..(k + 1) * self.points]
    }

    /// Point `i`'s position in frame `k`.
    pub fn at(&self, k: usize, i: usize) -> Vec3 {
        self.positions[k * self.points + i]
    }

    /// The frame index and the fraction towards the next frame at clip time `t` (clamped to
    /// the clip).
    fn locate(&self, t: f64) -> (usize, f64) {
        let n = self.frames();
        if n < 2 || t.is_nan() || t <= 0.0 {
            return (0, 0.0);
        }
        let x = t / self.step_s;
        let k = (x.floor() as usize).min(n - 2);
        (k, (x - k as f64).clamp(0.0, 1.0))
    }

    /// The four samples around segment `k` of point `i`, extended past the ends in a
    /// straight line (so the end segments follow a moving clip to second order, as the
    /// inner ones do, rather than halving the speed at the ends).
    fn around(&self, k: usize, i: usize) -> [Vec3; 4] {
        let n = self.frames();
        let p1 = self.at(k, i);
        let p2 = self.at((k + 1).min(n - 1), i);
        let p0 = if k == 0 {
            p1 * 2.0 - p2
        } else {
            self.at(k - 1, i)
        };
        let p3 = if k + 2 >= n {
            p2 * 2.0 - p1
        } else {
            self.at(k + 2, i)
        };
        [p0, p1, p2, p3]
    }

    /// Point `i`'s position at clip time `t` (seconds, clamped to the clip), on the
    /// Catmull–Rom curve through the samples.
    pub fn position(&self, i: usize, t: f64) -> Vec3 {
        if self.frames() < 2 {
            return self.at(0, i);
        }
        let (k, u) = self.locate(t);
        self.on_segment(k, i, &hermite_weights(u))
    }

    /// Points `first..first + out.len()` at clip time `t`, into `out`: [`position`] of each,
    /// with the segment and its weights found once (the same numbers, bit for bit).
    ///
    /// [`position`]: PointTracks::position
    pub fn positions_at(&self, first: usize, t: f64, out: &mut [Vec3]) {
        if self.frames() < 2 {
            for (q, o) in out.iter_mut().enumerate() {
                *o = self.at(0, first + q);
            }
            return;
        }
        let (k, u) = self.locate(t);
        let w = hermite_weights(u);
        for (q, o) in out.iter_mut().enumerate() {
            *o = self.on_segment(k, first + q, &w);
        }
    }

    /// Point `i` on segment `k`, the cubic Hermite weights of its parameter being `w`.
    fn on_segment(&self, k: usize, i: usize, w: &[f64; 4]) -> Vec3 {
        let [p0, p1, p2, p3] = self.around(k, i);
        let (m1, m2) = ((p2 - p0) * 0.5, (p3 - p1) * 0.5);
        p1 * w[0] + m1 * w[1] + p2 * w[2] + m2 * w[3]
    }

    /// Point `i`'s velocity at clip time `t`, m/s (the derivative of [`position`]).
    ///
    /// [`position`]: PointTracks::position
    pub fn velocity(&self, i: usize, t: f64) -> Vec3 {
        if self.frames() < 2 {
            return Vec3::ZERO;
        }
        let (k, u) = self.locate(t);
        let [p0, p1, p2, p3] = self.around(k, i);
        let (m1, m2) = ((p2 - p0) * 0.5, (p3 - p1) * 0.5);
        let u2 = u * u;
        let d = p1 * (6.0 * u2 - 6.0 * u)
            + m1 * (3.0 * u2 - 4.0 * u + 1.0)
            + p2 * (-6.0 * u2 + 6.0 * u)
            + m2 * (3.0 * u2 - 2.0 * u);
        d / self.step_s
    }
}

/// The cubic Hermite basis at `u`: the weights of the start, its tangent, the end and its
/// tangent.
fn hermite_weights(u: f64) -> [f64; 4] {
    let (u2, u3) = (u * u, u * u * u);
    [
        2.0 * u3 - 3.0 * u2 + 1.0,
        u3 - 2.0 * u2 + u,
        -2.0 * u3 + 3.0 * u2,
        u3 - u2,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolates_through_the_samples() {
        // x = t², sampled every 0.5 s over 2 s.
        let tr = PointTracks::from_fn(1, 2.0, 0.5, |t, out| out[0] = Vec3::new(t * t, 0.0, 1.0));
        assert_eq!(tr.frames(), 5);
        assert!((tr.duration_s() - 2.0).abs() < 1e-12);
        for k in 0..5 {
            let t = k as f64 * 0.5;
            assert!(tr.position(0, t).dist(Vec3::new(t * t, 0.0, 1.0)) < 1e-12);
        }
        // Between samples, inside the curve: Catmull–Rom reproduces a parabola exactly away
        // from the ends.
        assert!((tr.position(0, 0.75).x - 0.5625).abs() < 1e-12);
        assert!((tr.velocity(0, 0.75).x - 1.5).abs() < 1e-9);
        // Clamped outside the clip.
        assert_eq!(tr.position(0, 5.0), Vec3::new(4.0, 0.0, 1.0));
        assert_eq!(tr.position(0, -1.0), Vec3::new(0.0, 0.0, 1.0));
    }

    #[test]
    fn a_frame_of_points_is_each_point_bit_for_bit() {
        let tr = PointTracks::from_fn(5, 3.0, 0.4, |t, out| {
            for (i, o) in out.iter_mut().enumerate() {
                let f = i as f64 + 1.0;
                *o = Vec3::new((f * t).sin() * 10.0, t * t * f, (t * 0.7 + f).cos());
            }
        });
        let mut out = [Vec3::ZERO; 3];
        for t in [-1.0, 0.0, 0.13, 1.0, 1.77, 2.99, 3.0, 7.0] {
            tr.positions_at(2, t, &mut out);
            for (q, p) in out.iter().enumerate() {
                assert_eq!(*p, tr.position(2 + q, t), "t = {t}");
            }
        }
    }

    #[test]
    fn frames_are_pushed_in_order() {
        let mut tr = PointTracks::new(0.1, 2);
        tr.push_frame(&[Vec3::ZERO, Vec3::new(1.0, 0.0, 0.0)]);
        tr.push_frame(&[Vec3::new(0.0, 1.0, 0.0), Vec3::new(1.0, 1.0, 0.0)]);
        assert_eq!(tr.frames(), 2);
        assert_eq!(tr.frame(1)[0], Vec3::new(0.0, 1.0, 0.0));
        assert!((tr.position(1, 0.05).y - 0.5).abs() < 1e-12);
    }
}
