//! `PathCurve`: a smooth curve through a move's waypoints, walked by arc length.

use skyshow_model::Vec3;

/// Samples of arc length per span between two waypoints.
const PER_SPAN: usize = 64;

/// A C¹ curve from the origin through each waypoint (Catmull–Rom), with a table of arc
/// length so that progress along it is proportional to distance flown. The arc length
/// between table entries is integrated (Gauss–Legendre) and inverted by Newton's method,
/// not interpolated: a piecewise-linear inverse would make the speed jump a few per cent
/// at every entry, which the acceleration check sees as spikes of several m/s².
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
        curve.length.push(0.0);
        for k in 1..=spans * PER_SPAN {
            let x0 = (k - 1) as f64 / PER_SPAN as f64;
            acc += curve.arc(x0, x0 + 1.0 / PER_SPAN as f64);
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

    /// The Hermite form of the span holding parameter `x` (its ends and their tangents)
    /// and the fraction `u` within it: `(p1, m1, p2, m2, u)`.
    fn span_at(&self, x: f64) -> (Vec3, Vec3, Vec3, Vec3, f64) {
        let spans = self.spans();
        let k = (x.floor().max(0.0) as usize).min(spans - 1);
        let u = (x - k as f64).clamp(0.0, 1.0);
        let p = |i: isize| {
            let i = i.clamp(0, self.knots.len() as isize - 1) as usize;
            self.knots[i]
        };
        let k = k as isize;
        let (p0, p1, p2, p3) = (p(k - 1), p(k), p(k + 1), p(k + 2));
        // Ends: tangents from the one neighbour (repeated end knots).
        (p1, (p2 - p0) * 0.5, p2, (p3 - p1) * 0.5, u)
    }

    /// The curve's speed per unit of parameter at `x`.
    fn speed_param(&self, x: f64) -> f64 {
        if self.spans() == 0 {
            return 0.0;
        }
        let (p1, m1, p2, m2, u) = self.span_at(x);
        let u2 = u * u;
        (p1 * (6.0 * u2 - 6.0 * u)
            + m1 * (3.0 * u2 - 4.0 * u + 1.0)
            + p2 * (-6.0 * u2 + 6.0 * u)
            + m2 * (3.0 * u2 - 2.0 * u))
            .norm()
    }

    /// Arc length between parameters `a ≤ b` within one table step (5-point
    /// Gauss–Legendre: exact to far below a micrometre on a step of a span).
    fn arc(&self, a: f64, b: f64) -> f64 {
        const X: [f64; 5] = [
            0.0,
            -0.538_469_310_105_683_1,
            0.538_469_310_105_683_1,
            -0.906_179_845_938_664,
            0.906_179_845_938_664,
        ];
        const W: [f64; 5] = [
            0.568_888_888_888_888_9,
            0.478_628_670_499_366_5,
            0.478_628_670_499_366_5,
            0.236_926_885_056_189_1,
            0.236_926_885_056_189_1,
        ];
        let (m, h) = ((a + b) / 2.0, (b - a) / 2.0);
        h * X
            .iter()
            .zip(W)
            .map(|(x, w)| w * self.speed_param(m + h * x))
            .sum::<f64>()
    }

    /// Position at curve parameter `x` (span index + fraction).
    fn at_param(&self, x: f64) -> Vec3 {
        if self.spans() == 0 {
            return Vec3::ZERO;
        }
        let (p1, m1, p2, m2, u) = self.span_at(x);
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
        // Newton on the integrated arc length from the table entry, from the linear guess.
        let x0 = (j - 1) as f64 / PER_SPAN as f64;
        let x1 = x0 + 1.0 / PER_SPAN as f64;
        let mut x = x0 + f / PER_SPAN as f64;
        for _ in 0..4 {
            let speed = self.speed_param(x);
            if speed <= 1e-12 {
                break;
            }
            x = (x - (a + self.arc(x0, x) - want) / speed).clamp(x0, x1);
        }
        self.at_param(x)
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
    fn walked_at_an_even_pace_without_jumps() {
        // Equal shares of the length are equal distances along the curve, to well under
        // a millimetre, so the speed of a move follows its easing without kinks.
        let c = PathCurve::new(&[Vec3::new(10.0, 0.0, 0.0), Vec3::new(10.0, 20.0, 5.0)]);
        let n = 4000;
        let steps: Vec<f64> = (0..n)
            .map(|k| {
                c.at(k as f64 / n as f64)
                    .dist(c.at((k + 1) as f64 / n as f64))
            })
            .collect();
        let even = c.length_m() / n as f64;
        for (k, d) in steps.iter().enumerate() {
            assert!(
                (d - even).abs() < 1e-6 * even.max(1.0) + 1e-7,
                "step {k}: {d} vs {even}"
            );
        }
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
