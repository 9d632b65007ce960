//! Parametric shapes sampled with exactly `n` points, in the local frame
//! (`x` = right, `y` = up, `z` = towards the audience), metres.

use std::f64::consts::{PI, TAU};

use skyshow_model::Vec3;

/// The golden angle, radians: successive sunflower points turn by it.
const GOLDEN_ANGLE: f64 = 2.399_963_229_728_653;

/// `n` points on a `width` × `height` lattice; `rows`/`columns` fixed or chosen to fit.
/// Rows fill from the top; a partial last row is centred.
pub(crate) fn grid(
    width: f64,
    height: f64,
    rows: Option<usize>,
    columns: Option<usize>,
    n: usize,
) -> Vec<Vec3> {
    let (rows, cols) = match (rows, columns) {
        (Some(r), Some(c)) => (r, c),
        (Some(r), None) => (r, n.div_ceil(r)),
        (None, Some(c)) => (n.div_ceil(c), c),
        (None, None) => {
            let aspect = if height > 0.0 { width / height } else { 1.0 };
            let c = ((n as f64 * aspect).sqrt().round() as usize).clamp(1, n);
            (n.div_ceil(c), c)
        }
    };
    let dx = if cols > 1 {
        width / (cols - 1) as f64
    } else {
        0.0
    };
    let dy = if rows > 1 {
        height / (rows - 1) as f64
    } else {
        0.0
    };
    let mut out = Vec::with_capacity(n);
    for r in 0..rows {
        let left = n - out.len();
        if left == 0 {
            break;
        }
        let in_row = left.min(cols);
        let y = height / 2.0 - r as f64 * dy;
        let x0 = -(in_row as f64 - 1.0) * dx / 2.0;
        for c in 0..in_row {
            out.push(Vec3::new(x0 + c as f64 * dx, y, 0.0));
        }
    }
    out
}

/// `n` points evenly on a circle, the first at the top.
pub(crate) fn circle(radius: f64, n: usize) -> Vec<Vec3> {
    (0..n)
        .map(|k| {
            let a = PI / 2.0 + TAU * k as f64 / n as f64;
            Vec3::new(radius * a.cos(), radius * a.sin(), 0.0)
        })
        .collect()
}

/// `n` points filling an annulus evenly (a sunflower spiral; `inner = 0` gives a disc).
pub(crate) fn sunflower(inner: f64, outer: f64, n: usize) -> Vec<Vec3> {
    let (a2, b2) = (inner * inner, outer * outer);
    (0..n)
        .map(|k| {
            let f = (k as f64 + 0.5) / n as f64;
            let r = (a2 + (b2 - a2) * f).sqrt();
            let a = k as f64 * GOLDEN_ANGLE;
            Vec3::new(r * a.cos(), r * a.sin(), 0.0)
        })
        .collect()
}

/// `n` points evenly over a sphere (Fibonacci lattice).
pub(crate) fn sphere(radius: f64, n: usize) -> Vec<Vec3> {
    (0..n)
        .map(|k| {
            let y = 1.0 - 2.0 * (k as f64 + 0.5) / n as f64;
            let r = (1.0 - y * y).max(0.0).sqrt();
            let a = k as f64 * GOLDEN_ANGLE;
            Vec3::new(radius * r * a.cos(), radius * y, radius * r * a.sin())
        })
        .collect()
}

/// `n` points evenly (by arc length) along a helix around the vertical axis.
pub(crate) fn helix(radius: f64, height: f64, turns: f64, n: usize) -> Vec<Vec3> {
    (0..n)
        .map(|k| {
            let s = if n > 1 {
                k as f64 / (n - 1) as f64
            } else {
                0.5
            };
            let a = TAU * turns * s;
            Vec3::new(
                radius * a.cos(),
                -height / 2.0 + height * s,
                radius * a.sin(),
            )
        })
        .collect()
}

/// `n` points evenly along a horizontal line.
pub(crate) fn line(length: f64, n: usize) -> Vec<Vec3> {
    (0..n)
        .map(|k| {
            let s = if n > 1 {
                k as f64 / (n - 1) as f64 - 0.5
            } else {
                0.0
            };
            Vec3::new(length * s, 0.0, 0.0)
        })
        .collect()
}

/// `n` points along the outline of a regular polygon, first corner at the top; every
/// corner gets a point when `n ≥ sides`, the rest are spread evenly along the sides.
pub(crate) fn polygon(sides: usize, radius: f64, n: usize) -> Vec<Vec3> {
    let corner = |i: usize| {
        let a = PI / 2.0 + TAU * (i % sides) as f64 / sides as f64;
        Vec3::new(radius * a.cos(), radius * a.sin(), 0.0)
    };
    let mut out = Vec::with_capacity(n);
    if n < sides {
        // Too few for the corners: spread by arc length.
        let per = sides as f64 / n as f64;
        for k in 0..n {
            let pos = k as f64 * per;
            let i = pos.floor() as usize;
            out.push(corner(i).lerp(corner(i + 1), pos - i as f64));
        }
        return out;
    }
    let extra = n - sides;
    for i in 0..sides {
        let m = extra / sides + usize::from(i < extra % sides);
        let (a, b) = (corner(i), corner(i + 1));
        for k in 0..=m {
            out.push(a.lerp(b, k as f64 / (m + 1) as f64));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spacing::min_spacing;

    #[test]
    fn exact_counts() {
        for n in [1usize, 2, 3, 7, 100, 601] {
            assert_eq!(grid(100.0, 50.0, None, None, n).len(), n);
            assert_eq!(circle(50.0, n).len(), n);
            assert_eq!(sunflower(0.0, 50.0, n).len(), n);
            assert_eq!(sphere(30.0, n).len(), n);
            assert_eq!(helix(20.0, 60.0, 3.0, n).len(), n);
            assert_eq!(line(100.0, n).len(), n);
            assert_eq!(polygon(6, 40.0, n).len(), n);
        }
    }

    #[test]
    fn polygon_keeps_corners() {
        let pts = polygon(5, 10.0, 23);
        for i in 0..5 {
            let a = PI / 2.0 + TAU * i as f64 / 5.0;
            let c = Vec3::new(10.0 * a.cos(), 10.0 * a.sin(), 0.0);
            assert!(pts.iter().any(|p| p.dist(c) < 1e-9), "corner {i} missing");
        }
    }

    #[test]
    fn even_spacing_is_close_to_ideal() {
        // Disc: hexagonal ideal spacing sqrt(2A/(sqrt(3) N)).
        let n = 600;
        let r = 50.0;
        let ideal = (2.0 * PI * r * r / (3f64.sqrt() * n as f64)).sqrt();
        let (d, _, _) = min_spacing(&sunflower(0.0, r, n)).unwrap();
        assert!(d > 0.6 * ideal, "disc spacing {d} vs ideal {ideal}");
        let ideal_s = (2.0 * 4.0 * PI * 30.0 * 30.0 / (3f64.sqrt() * n as f64)).sqrt();
        let (ds, _, _) = min_spacing(&sphere(30.0, n)).unwrap();
        assert!(
            ds > 0.75 * ideal_s,
            "sphere spacing {ds} vs ideal {ideal_s}"
        );
        let (dc, _, _) = min_spacing(&circle(50.0, 100)).unwrap();
        assert!((dc - 2.0 * 50.0 * (PI / 100.0).sin()).abs() < 1e-9);
    }
}
