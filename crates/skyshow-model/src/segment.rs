//! `Segment`: one cubic Bézier piece of a trajectory, parameterised by time.

use crate::Vec3;

/// A cubic Bézier curve flown from time `t0` to `t1` (seconds, show clock), with
/// control points `p[0]..p[3]` in metres. The curve parameter is
/// `u = (t - t0) / (t1 - t0)`. Linear and quadratic pieces are stored degree-elevated,
/// which is exact.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// Start time, seconds.
    pub t0: f64,
    /// End time, seconds; greater than `t0`.
    pub t1: f64,
    /// Control points; `p[0]` is the start, `p[3]` the end position.
    pub p: [Vec3; 4],
}

impl Segment {
    /// A cubic segment from its four control points.
    pub fn cubic(t0: f64, t1: f64, p: [Vec3; 4]) -> Self {
        Segment { t0, t1, p }
    }

    /// Standing still at `at` from `t0` to `t1`.
    pub fn hold(t0: f64, t1: f64, at: Vec3) -> Self {
        Segment { t0, t1, p: [at; 4] }
    }

    /// A straight line at constant speed.
    pub fn line(t0: f64, t1: f64, a: Vec3, b: Vec3) -> Self {
        Segment {
            t0,
            t1,
            p: [a, a.lerp(b, 1.0 / 3.0), a.lerp(b, 2.0 / 3.0), b],
        }
    }

    /// A quadratic Bézier (one inner control point), elevated to cubic.
    pub fn quadratic(t0: f64, t1: f64, a: Vec3, c: Vec3, b: Vec3) -> Self {
        Segment {
            t0,
            t1,
            p: [a, a + (c - a) * (2.0 / 3.0), b + (c - b) * (2.0 / 3.0), b],
        }
    }

    /// The segment `x(t) = a + b·s + c·s² + d·s³` with `s = t - t0`, in power form.
    pub fn from_power(t0: f64, t1: f64, coeffs: [Vec3; 4]) -> Self {
        let h = t1 - t0;
        let [a, b, c, d] = coeffs;
        // Convert power basis in s∈[0,h] to Bernstein basis in u∈[0,1].
        let b1 = b * h;
        let c1 = c * (h * h);
        let d1 = d * (h * h * h);
        let p0 = a;
        let p1 = a + b1 / 3.0;
        let p2 = a + b1 * (2.0 / 3.0) + c1 / 3.0;
        let p3 = a + b1 + c1 + d1;
        Segment {
            t0,
            t1,
            p: [p0, p1, p2, p3],
        }
    }

    /// Duration, seconds.
    pub fn duration(&self) -> f64 {
        self.t1 - self.t0
    }

    /// Start position.
    pub fn start(&self) -> Vec3 {
        self.p[0]
    }

    /// End position.
    pub fn end(&self) -> Vec3 {
        self.p[3]
    }

    fn param(&self, t: f64) -> f64 {
        ((t - self.t0) / self.duration()).clamp(0.0, 1.0)
    }

    /// Position at curve parameter `u` in `[0, 1]`.
    pub fn eval_u(&self, u: f64) -> Vec3 {
        let v = 1.0 - u;
        let [p0, p1, p2, p3] = self.p;
        p0 * (v * v * v) + p1 * (3.0 * v * v * u) + p2 * (3.0 * v * u * u) + p3 * (u * u * u)
    }

    /// Position at show time `t` (clamped to the segment).
    pub fn position(&self, t: f64) -> Vec3 {
        self.eval_u(self.param(t))
    }

    /// Velocity at show time `t`, m/s.
    pub fn velocity(&self, t: f64) -> Vec3 {
        let u = self.param(t);
        let v = 1.0 - u;
        let [p0, p1, p2, p3] = self.p;
        let d = (p1 - p0) * (3.0 * v * v) + (p2 - p1) * (6.0 * v * u) + (p3 - p2) * (3.0 * u * u);
        d / self.duration()
    }

    /// Acceleration at show time `t`, m/s².
    pub fn acceleration(&self, t: f64) -> Vec3 {
        let u = self.param(t);
        let [p0, p1, p2, p3] = self.p;
        let a = (p2 - p1 * 2.0 + p0) * (6.0 * (1.0 - u)) + (p3 - p2 * 2.0 + p1) * (6.0 * u);
        let h = self.duration();
        a / (h * h)
    }

    /// The control points of the velocity curve (a quadratic Bézier in `u`), in m/s.
    pub fn velocity_control_points(&self) -> [Vec3; 3] {
        let h = self.duration();
        let [p0, p1, p2, p3] = self.p;
        [
            (p1 - p0) * (3.0 / h),
            (p2 - p1) * (3.0 / h),
            (p3 - p2) * (3.0 / h),
        ]
    }

    /// The acceleration at both ends (it is linear in time in between), m/s².
    pub fn acceleration_ends(&self) -> [Vec3; 2] {
        let h = self.duration();
        let [p0, p1, p2, p3] = self.p;
        let k = 6.0 / (h * h);
        [(p2 - p1 * 2.0 + p0) * k, (p3 - p2 * 2.0 + p1) * k]
    }

    /// The part of the segment between times `a` and `b` (within `[t0, t1]`), exactly.
    pub fn sub(&self, a: f64, b: f64) -> Segment {
        let ua = self.param(a);
        let ub = self.param(b);
        let p = sub_bezier(&self.p, ua, ub);
        Segment { t0: a, t1: b, p }
    }

    /// True if all four control points coincide (standing still).
    pub fn is_hold(&self) -> bool {
        self.p[1] == self.p[0] && self.p[2] == self.p[0] && self.p[3] == self.p[0]
    }

    /// Axis-aligned bounding box of the control points, which contains the curve.
    pub fn bounds(&self) -> (Vec3, Vec3) {
        let mut lo = self.p[0];
        let mut hi = self.p[0];
        for q in &self.p[1..] {
            lo = lo.min(*q);
            hi = hi.max(*q);
        }
        (lo, hi)
    }
}

/// Control points of the piece of a cubic Bézier between parameters `a <= b`.
fn sub_bezier(p: &[Vec3; 4], a: f64, b: f64) -> [Vec3; 4] {
    // Split at b, keep the left part; then split that at a/b, keep the right part.
    let left = split(p, b).0;
    if b <= 0.0 {
        return [p[0]; 4];
    }
    split(&left, a / b).1
}

fn split(p: &[Vec3; 4], u: f64) -> ([Vec3; 4], [Vec3; 4]) {
    let p01 = p[0].lerp(p[1], u);
    let p12 = p[1].lerp(p[2], u);
    let p23 = p[2].lerp(p[3], u);
    let p012 = p01.lerp(p12, u);
    let p123 = p12.lerp(p23, u);
    let m = p012.lerp(p123, u);
    ([p[0], p01, p012, m], [m, p123, p23, p[3]])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Vec3, b: Vec3) -> bool {
        a.dist(b) < 1e-9
    }

    #[test]
    fn power_form_round_trips() {
        // x(s) = 1 + 2s + 3s² + 4s³ on each axis, s in [0, 2].
        let c = |k: f64| Vec3::new(k, k, k);
        let seg = Segment::from_power(10.0, 12.0, [c(1.0), c(2.0), c(3.0), c(4.0)]);
        for i in 0..=10 {
            let s = i as f64 * 0.2;
            let want = 1.0 + 2.0 * s + 3.0 * s * s + 4.0 * s * s * s;
            assert!(close(seg.position(10.0 + s), c(want)));
            let dv = 2.0 + 6.0 * s + 12.0 * s * s;
            assert!(close(seg.velocity(10.0 + s), c(dv)));
            let da = 6.0 + 24.0 * s;
            assert!(seg.acceleration(10.0 + s).dist(c(da)) < 1e-8);
        }
    }

    #[test]
    fn sub_segment_matches_original() {
        let seg = Segment::cubic(
            0.0,
            4.0,
            [
                Vec3::ZERO,
                Vec3::new(1.0, 5.0, 0.0),
                Vec3::new(3.0, -2.0, 1.0),
                Vec3::new(4.0, 0.0, 2.0),
            ],
        );
        let part = seg.sub(1.0, 3.0);
        for i in 0..=8 {
            let t = 1.0 + i as f64 * 0.25;
            assert!(close(part.position(t), seg.position(t)));
        }
    }

    #[test]
    fn line_has_constant_velocity() {
        let seg = Segment::line(0.0, 2.0, Vec3::ZERO, Vec3::new(4.0, 0.0, 2.0));
        assert!(close(seg.velocity(0.3), Vec3::new(2.0, 0.0, 1.0)));
        assert!(seg.acceleration(1.0).norm() < 1e-12);
    }
}
