//! `PositionWalk`: a trajectory sampled at ascending times (thousands of samples per drone in
//! the exports, the light effects and the preview): the same values as
//! `Trajectory::position`, found by walking forward instead of searching at every sample.

use crate::{Trajectory, Vec3};

/// Positions of a trajectory at non-decreasing times.
#[derive(Clone, Debug)]
pub struct PositionWalk<'a> {
    tr: &'a Trajectory,
    /// First segment that does not end before the last time asked.
    next: usize,
}

impl<'a> PositionWalk<'a> {
    /// A walk from the start of `tr`.
    pub fn new(tr: &'a Trajectory) -> Self {
        PositionWalk { tr, next: 0 }
    }

    /// `Trajectory::position(t)`; `t` must not be before the previous call's.
    pub fn at(&mut self, t: f64) -> Vec3 {
        let segs = &self.tr.segments;
        if segs.is_empty() || t < self.tr.start_time() || t > self.tr.end_time() {
            return self.tr.position(t);
        }
        // The partition point of `s.t1 < t`, which only moves forward as `t` grows.
        while self.next < segs.len() && segs[self.next].t1 < t {
            self.next += 1;
        }
        segs[self.next.min(segs.len() - 1)].position(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Segment;

    #[test]
    fn walk_agrees_with_search() {
        let a = Vec3::new(1.0, 2.0, 0.0);
        let b = Vec3::new(5.0, -2.0, 20.0);
        let mut tr = Trajectory::new(a);
        tr.push(Segment::hold(1.0, 3.0, a));
        tr.push(Segment::line(3.0, 7.3, a, b));
        tr.push(Segment::quadratic(
            7.3,
            7.31,
            b,
            Vec3::new(9.0, 9.0, 9.0),
            a,
        ));
        tr.push(Segment::hold(7.31, 10.0, a));
        for step in [0.001, 0.01, 0.25, 1.0] {
            let mut p = PositionWalk::new(&tr);
            let mut t: f64 = -0.5;
            while t < 11.0 {
                assert_eq!(p.at(t), tr.position(t), "t={t}");
                // Exact boundaries too.
                for edge in [1.0, 3.0, 7.3, 7.31, 10.0] {
                    if edge > t && edge < t + step {
                        assert_eq!(p.at(edge), tr.position(edge));
                    }
                }
                t += step;
            }
        }
        let empty = Trajectory::new(a);
        assert_eq!(PositionWalk::new(&empty).at(3.0), a);
    }
}
