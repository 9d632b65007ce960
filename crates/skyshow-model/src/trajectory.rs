//! `Trajectory`: where one drone is at every moment of the show.

use crate::{Segment, Vec3};

/// A drone's path: it stands at `start` until the first segment, flies the segments
/// back to back, and stays at the end of the last one afterwards.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trajectory {
    /// Position before the first segment (the takeoff position for our shows).
    pub start: Vec3,
    /// Time-ordered, contiguous segments: each starts where and when the previous ended.
    pub segments: Vec<Segment>,
}

impl Trajectory {
    /// A trajectory standing at `start`.
    pub fn new(start: Vec3) -> Self {
        Trajectory {
            start,
            segments: Vec::new(),
        }
    }

    /// Time of the first segment's start (0 if there is none).
    pub fn start_time(&self) -> f64 {
        self.segments.first().map_or(0.0, |s| s.t0)
    }

    /// Time of the last segment's end (0 if there is none).
    pub fn end_time(&self) -> f64 {
        self.segments.last().map_or(0.0, |s| s.t1)
    }

    /// Position at the end of the trajectory.
    pub fn end_position(&self) -> Vec3 {
        self.segments.last().map_or(self.start, |s| s.end())
    }

    /// Index of the segment active at `t`, if `t` is within the trajectory.
    pub fn segment_index_at(&self, t: f64) -> Option<usize> {
        if self.segments.is_empty() || t < self.start_time() || t > self.end_time() {
            return None;
        }
        let i = self.segments.partition_point(|s| s.t1 < t);
        Some(i.min(self.segments.len() - 1))
    }

    /// Position at show time `t`.
    pub fn position(&self, t: f64) -> Vec3 {
        match self.segment_index_at(t) {
            Some(i) => self.segments[i].position(t),
            None if t < self.start_time() => {
                self.segments.first().map_or(self.start, |s| s.start())
            }
            None => self.end_position(),
        }
    }

    /// Velocity at show time `t` (zero outside the segments).
    pub fn velocity(&self, t: f64) -> Vec3 {
        self.segment_index_at(t)
            .map_or(Vec3::ZERO, |i| self.segments[i].velocity(t))
    }

    /// Appends a segment that starts where and when the trajectory currently ends.
    ///
    /// # Panics
    /// In debug builds, if the segment does not continue the trajectory.
    pub fn push(&mut self, seg: Segment) {
        debug_assert!(seg.t1 > seg.t0, "segment must move forward in time");
        if let Some(last) = self.segments.last() {
            debug_assert!(
                (last.t1 - seg.t0).abs() < 1e-6,
                "segment must start when the previous ends"
            );
            debug_assert!(
                last.end().dist(seg.start()) < 1e-6,
                "segment must start where the previous ends"
            );
        }
        self.segments.push(seg);
    }

    /// Appends a hold at the current end position until time `t` (no-op if `t` is not later).
    pub fn hold_until(&mut self, t: f64) {
        let (t0, at) = match self.segments.last() {
            Some(s) => (s.t1, s.end()),
            None => (0.0, self.start),
        };
        if t > t0 + 1e-9 {
            self.push(Segment::hold(t0, t, at));
        }
    }

    /// The time the trajectory currently ends, or 0 when it has no segment yet.
    pub fn cursor(&self) -> f64 {
        self.end_time()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_before_and_after() {
        let mut tr = Trajectory::new(Vec3::new(1.0, 2.0, 0.0));
        tr.hold_until(5.0);
        tr.push(Segment::line(
            5.0,
            10.0,
            Vec3::new(1.0, 2.0, 0.0),
            Vec3::new(1.0, 2.0, 10.0),
        ));
        assert_eq!(tr.position(-1.0), Vec3::new(1.0, 2.0, 0.0));
        assert_eq!(tr.position(20.0), Vec3::new(1.0, 2.0, 10.0));
        assert!((tr.position(7.5).z - 5.0).abs() < 1e-12);
        assert_eq!(tr.segment_index_at(5.0), Some(0));
        assert_eq!(tr.segment_index_at(5.1), Some(1));
        assert!((tr.velocity(7.0).z - 2.0).abs() < 1e-12);
    }
}
