//! `PathCurve`: a smooth curve through a move's waypoints, walked by arc length.

use skyshow_model::Vec3;

/// Samples of arc length per span between two waypoints.
const PER_SPAN: usize = 64;

/// A C¹ curve from the origin through each waypoint (Catmull–Rom), with a table of arc
/// length so that progress along it is proportional to distance flown.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PathCurve {
    /// The knots: the origin, then the waypoints.
    knots: Vec<Vec3>,
    /// Cumulative arc length at each table sample (`PER_SPAN` per span, plus the end).
    length: Vec<f64>,
}

impl PathCurve {
    /// The curve from the origin through `waypoints` (offsets, metres). A first waypoint at
    /// the origin is dropped.
    pub(crate) fn new(waypoints: &[Vec3]) -> PathCurve {
        let mut knots = vec![Vec3::ZERO];
        knots.extend_from_slice(waypoints);
        knots.dedup();
        let mut curve = PathCurve {
            knots,
            length: Vec::new(),
        };
        let spans = curve.spans();
        let mut acc = 0.0;
        let mut last = Vec3::ZERO;
        curve.length.push(0.0);
        for k in 1..=spans * PER_SPAN {
            let p = curve.at_param(k as f64 / PER_SPAN as f64);
            acc += p.dist(last);
            last = p;
            curve.length.push(acc);
        }
        curve
    }

    fn spans(&self) -> usize {
        self.knots.len() - 1
    }

    /// Total length, metres.
    pub(crate) fn length_m(&self) -> f64 {
        self.length.last().copied().unwrap_or(0.0)
    }

    /// The end of the path (the last waypoint).
    pub(crate) fn end(&self) -> Vec3 {
        self.knots.last().copied().unwrap_or(Vec3::ZERO)
    }

    /// Position at curve parameter `x` (span index + fraction).
    fn at_param(&self, x: f64) -> Vec3 {
        let spans = self.spans();
        if spans == 0 {
            return Vec3::ZERO;
        }
        let k = (x.floor().max(0.0) as usize).min(spans - 1);
        let u = (x - k as f64).clamp(0.0, 1.0);
        let p = |i: isize| {
            let i = i.clamp(0, self.knots.len() as isize - 1) as usize;
            self.knots[i]
        };
        let k = k as isize;
        let (p0, p1, p2, p3) = (p(k - 1), p(k), p(k + 1), p(k + 2));
        // Ends: tangents from the one neighbour (repeated end knots).
        let m1 = (p2 - p0) * 0.5;
        let m2 = (p3 - p1) * 0.5;
        let (u2, u3) = (u * u, u * u * u);
        p1 * (2.0 * u3 - 3.0 * u2 + 1.0)
            + m1 * (u3 - 2.0 * u2 + u)
            + p2 * (-2.0 * u3 + 3.0 * u2)
            + m2 * (u3 - u2)
    }

    /// The offset after flying the share `s` (0–1) of the path's length.
    pub(crate) fn at(&self, s: f64) -> Vec3 {
        let total = self.length_m();
        if total <= 0.0 {
            return Vec3::ZERO;
        }
        let want = s.clamp(0.0, 1.0) * total;
        let j = self
            .length
            .partition_point(|l| *l < want)
            .clamp(1, self.length.len() - 1);
        let (a, b) = (self.length[j - 1], self.length[j]);
        let f = if b > a { (want - a) / (b - a) } else { 0.0 };
        self.at_param((j - 1) as f64 / PER_SPAN as f64 + f / PER_SPAN as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_straight_move_is_walked_evenly() {
        let c = PathCurve::new(&[Vec3::new(0.0, 30.0, 0.0)]);
        assert!((c.length_m() - 30.0).abs() < 1e-9);
        assert!(c.at(0.5).dist(Vec3::new(0.0, 15.0, 0.0)) < 1e-6);
        assert!(c.at(1.0).dist(Vec3::new(0.0, 30.0, 0.0)) < 1e-9);
    }

    #[test]
    fn passes_through_every_waypoint() {
        let w = [
            Vec3::new(10.0, 0.0, 0.0),
            Vec3::new(10.0, 10.0, 5.0),
            Vec3::new(0.0, 10.0, 0.0),
        ];
        let c = PathCurve::new(&w);
        for p in w {
            let near = (0..=1000)
                .map(|k| c.at(k as f64 / 1000.0).dist(p))
                .fold(f64::INFINITY, f64::min);
            assert!(near < 0.05, "{p:?} {near}");
        }
        assert!(c.at(1.0).dist(w[2]) < 1e-9);
    }
}
