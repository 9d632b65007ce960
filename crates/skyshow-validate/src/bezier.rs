//! Bézier arithmetic on raw control points: splitting, sub-curves, evaluation and the exact
//! ranges of scalar cubics and quadratics. The validator's exact searches are built on these.

use skyshow_model::{Segment, Vec3};

/// Splits a cubic Bézier (3D) at `u` (de Casteljau), exactly up to rounding.
pub(crate) fn split3(p: &[Vec3; 4], u: f64) -> ([Vec3; 4], [Vec3; 4]) {
    let p01 = p[0].lerp(p[1], u);
    let p12 = p[1].lerp(p[2], u);
    let p23 = p[2].lerp(p[3], u);
    let p012 = p01.lerp(p12, u);
    let p123 = p12.lerp(p23, u);
    let m = p012.lerp(p123, u);
    ([p[0], p01, p012, m], [m, p123, p23, p[3]])
}

/// Splits a scalar cubic Bézier at `u`.
pub(crate) fn split1(p: &[f64; 4], u: f64) -> ([f64; 4], [f64; 4]) {
    let l = |a: f64, b: f64| a + (b - a) * u;
    let p01 = l(p[0], p[1]);
    let p12 = l(p[1], p[2]);
    let p23 = l(p[2], p[3]);
    let p012 = l(p01, p12);
    let p123 = l(p12, p23);
    let m = l(p012, p123);
    ([p[0], p01, p012, m], [m, p123, p23, p[3]])
}

/// Splits a quadratic Bézier in the plane at `u`.
pub(crate) fn split_quad2(q: &[[f64; 2]; 3], u: f64) -> ([[f64; 2]; 3], [[f64; 2]; 3]) {
    let l = |a: [f64; 2], b: [f64; 2]| [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u];
    let q01 = l(q[0], q[1]);
    let q12 = l(q[1], q[2]);
    let m = l(q01, q12);
    ([q[0], q01, m], [m, q12, q[2]])
}

/// Position on a cubic Bézier at `u`.
pub(crate) fn eval3(p: &[Vec3; 4], u: f64) -> Vec3 {
    let v = 1.0 - u;
    p[0] * (v * v * v) + p[1] * (3.0 * v * v * u) + p[2] * (3.0 * v * u * u) + p[3] * (u * u * u)
}

/// The part of a cubic Bézier between parameters `ua <= ub` (clamped to `[0, 1]`).
pub(crate) fn sub3(p: &[Vec3; 4], ua: f64, ub: f64) -> [Vec3; 4] {
    let ua = ua.clamp(0.0, 1.0);
    let ub = ub.clamp(0.0, 1.0);
    if ua <= 0.0 && ub >= 1.0 {
        return *p;
    }
    if ub <= ua {
        return [eval3(p, ua); 4];
    }
    let right = if ua > 0.0 { split3(p, ua).1 } else { *p };
    if ub >= 1.0 {
        return right;
    }
    let rel = (ub - ua) / (1.0 - ua);
    split3(&right, rel).0
}

/// The part of a segment between times `a <= b` (clamped to the segment), as a segment.
pub(crate) fn sub_time(s: &Segment, a: f64, b: f64) -> Segment {
    if a <= s.t0 && b >= s.t1 {
        return *s;
    }
    if is_hold(s) {
        return Segment::hold(a, b, s.p[0]);
    }
    let h = s.t1 - s.t0;
    let p = sub3(&s.p, (a - s.t0) / h, (b - s.t0) / h);
    Segment { t0: a, t1: b, p }
}

/// True if all four control points coincide.
pub(crate) fn is_hold(s: &Segment) -> bool {
    s.p[1] == s.p[0] && s.p[2] == s.p[0] && s.p[3] == s.p[0]
}

/// Axis-aligned bounds of a set of points.
pub(crate) fn bounds(p: &[Vec3]) -> (Vec3, Vec3) {
    let mut lo = p[0];
    let mut hi = p[0];
    for q in &p[1..] {
        lo = lo.min(*q);
        hi = hi.max(*q);
    }
    (lo, hi)
}

/// The real roots of `a·u² + b·u + c` that lie strictly inside `(0, 1)`.
fn quad_roots_in_unit(a: f64, b: f64, c: f64) -> [Option<f64>; 2] {
    let inside = |u: f64| if u > 0.0 && u < 1.0 { Some(u) } else { None };
    let scale = a.abs().max(b.abs()).max(c.abs());
    if !(scale > 0.0) || !scale.is_finite() {
        return [None, None];
    }
    if a.abs() <= 1e-12 * scale {
        if b.abs() <= 1e-12 * scale {
            return [None, None];
        }
        return [inside(-c / b), None];
    }
    let disc = b * b - 4.0 * a * c;
    if disc < 0.0 {
        return [None, None];
    }
    let sq = disc.sqrt();
    let q = -0.5 * (b + if b >= 0.0 { sq } else { -sq });
    let r1 = q / a;
    let r2 = if q != 0.0 { c / q } else { r1 };
    [inside(r1), inside(r2)]
}

/// Exact minimum and maximum of a scalar cubic Bézier over `u ∈ [0, 1]`:
/// `((min, u_min), (max, u_max))`. Candidates are the ends and the roots of the derivative.
pub(crate) fn cubic1_range(p: &[f64; 4]) -> ((f64, f64), (f64, f64)) {
    let mut lo = (p[0], 0.0);
    let mut hi = (p[0], 0.0);
    let mut take = |v: f64, u: f64| {
        if v < lo.0 {
            lo = (v, u);
        }
        if v > hi.0 {
            hi = (v, u);
        }
    };
    take(p[3], 1.0);
    if !(p[1] == p[0] && p[2] == p[0] && p[3] == p[0]) {
        let d0 = p[1] - p[0];
        let d1 = p[2] - p[1];
        let d2 = p[3] - p[2];
        let a = d0 - 2.0 * d1 + d2;
        let b = 2.0 * (d1 - d0);
        for u in quad_roots_in_unit(a, b, d0).into_iter().flatten() {
            take(eval1(p, u), u);
        }
    }
    (lo, hi)
}

/// Value of a scalar cubic Bézier at `u`.
pub(crate) fn eval1(p: &[f64; 4], u: f64) -> f64 {
    let v = 1.0 - u;
    p[0] * (v * v * v) + p[1] * (3.0 * v * v * u) + p[2] * (3.0 * v * u * u) + p[3] * (u * u * u)
}

/// Exact minimum and maximum of a scalar quadratic Bézier over `u ∈ [0, 1]`.
pub(crate) fn quad1_range(q: [f64; 3]) -> ((f64, f64), (f64, f64)) {
    let mut lo = (q[0], 0.0);
    let mut hi = (q[0], 0.0);
    let mut take = |v: f64, u: f64| {
        if v < lo.0 {
            lo = (v, u);
        }
        if v > hi.0 {
            hi = (v, u);
        }
    };
    take(q[2], 1.0);
    let den = q[0] - 2.0 * q[1] + q[2];
    if den != 0.0 {
        let u = (q[0] - q[1]) / den;
        if u > 0.0 && u < 1.0 {
            let v = 1.0 - u;
            take(q[0] * v * v + 2.0 * q[1] * u * v + q[2] * u * u, u);
        }
    }
    (lo, hi)
}

fn norm2d(a: [f64; 2]) -> f64 {
    (a[0] * a[0] + a[1] * a[1]).sqrt()
}

/// Maximum of `|q(u)|` over `u ∈ [0, 1]` for a planar quadratic Bézier, by branch and bound
/// to `tol` (the control-point hull bounds the norm from above). Returns `(max, u)`.
pub(crate) fn quad2_max_norm(q: [[f64; 2]; 3], tol: f64) -> (f64, f64) {
    let mut best = (norm2d(q[0]), 0.0);
    let end = norm2d(q[2]);
    if end > best.0 {
        best = (end, 1.0);
    }
    let mut stack: Vec<([[f64; 2]; 3], f64, f64, u32)> = vec![(q, 0.0, 1.0, 0)];
    while let Some((q, u0, u1, depth)) = stack.pop() {
        let ub = norm2d(q[0]).max(norm2d(q[1])).max(norm2d(q[2]));
        if !(ub > best.0 + tol) || depth >= 48 {
            continue;
        }
        let (l, r) = split_quad2(&q, 0.5);
        let um = 0.5 * (u0 + u1);
        let m = norm2d(l[2]);
        if m > best.0 {
            best = (m, um);
        }
        stack.push((r, um, u1, depth + 1));
        stack.push((l, u0, um, depth + 1));
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cubic_range_finds_interior_extrema() {
        // x(u) = 3u(1-u)^2*1 + 3u^2(1-u)*(-1): extrema inside.
        let p = [0.0, 1.0, -1.0, 0.0];
        let ((lo, ulo), (hi, uhi)) = cubic1_range(&p);
        let mut best_lo = f64::INFINITY;
        let mut best_hi = f64::NEG_INFINITY;
        for i in 0..=100_000 {
            let v = eval1(&p, i as f64 / 100_000.0);
            best_lo = best_lo.min(v);
            best_hi = best_hi.max(v);
        }
        assert!((lo - best_lo).abs() < 1e-9 && (hi - best_hi).abs() < 1e-9);
        assert!((eval1(&p, ulo) - lo).abs() < 1e-12 && (eval1(&p, uhi) - hi).abs() < 1e-12);
    }

    #[test]
    fn quad_norm_max_matches_sampling() {
        let q = [[1.0, 0.0], [3.0, 4.0], [-2.0, 1.0]];
        let (m, _) = quad2_max_norm(q, 1e-9);
        let mut best = 0.0f64;
        for i in 0..=100_000 {
            let u = i as f64 / 100_000.0;
            let v = 1.0 - u;
            let x = q[0][0] * v * v + 2.0 * q[1][0] * u * v + q[2][0] * u * u;
            let y = q[0][1] * v * v + 2.0 * q[1][1] * u * v + q[2][1] * u * u;
            best = best.max(x.hypot(y));
        }
        assert!(m >= best - 1e-9 && m <= best + 1e-6, "{m} vs {best}");
    }

    #[test]
    fn sub_curve_matches() {
        let p = [
            Vec3::ZERO,
            Vec3::new(1.0, 2.0, 3.0),
            Vec3::new(4.0, -1.0, 0.0),
            Vec3::new(2.0, 2.0, 2.0),
        ];
        let s = sub3(&p, 0.2, 0.7);
        for i in 0..=10 {
            let w = i as f64 / 10.0;
            let a = eval3(&s, w);
            let b = eval3(&p, 0.2 + 0.5 * w);
            assert!(a.dist(b) < 1e-12);
        }
    }
}
