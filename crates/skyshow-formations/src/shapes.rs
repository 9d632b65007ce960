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
            // The columns that give the widest smallest gap, starting from those that
            // match the aspect (kept on a tie): rounding the aspect's count can leave
            // 0.95 of the square lattice's spacing where a neighbour count reaches 1.
            let aspect = if height > 0.0 { width / height } else { 1.0 };
            let c = ((n as f64 * aspect).sqrt().round() as usize).clamp(1, n.max(1));
            let gap = |c: usize| grid_gap(width, height, n.div_ceil(c), c);
            let (mut best, mut best_gap) = (c, gap(c));
            for c in 1..=n {
                let g = gap(c);
                if g > best_gap * (1.0 + 1e-12) {
                    (best, best_gap) = (c, g);
                }
            }
            (n.div_ceil(best), best)
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

/// The smallest gap of a `rows` × `cols` lattice spanning `width` × `height`.
fn grid_gap(width: f64, height: f64, rows: usize, cols: usize) -> f64 {
    let step = |len: f64, k: usize| {
        if k > 1 {
            len / (k - 1) as f64
        } else {
            f64::INFINITY
        }
    };
    step(width, cols).min(step(height, rows))
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

/// `n` points along the outline of a regular polygon, first corner at the top.
///
/// Every corner gets a point (the rest spread evenly along the sides) when that keeps the
/// smallest gap at 0.95 of the ideal `L/N` or more, or no smaller than equal chords would
/// give; otherwise (too few points per side: a hexagon of 20 drones would reach 0.83) the
/// points are equal chords apart round the outline from the top corner, at the longest
/// chord that fits `n` of them (0.97 there).
pub(crate) fn polygon(sides: usize, radius: f64, n: usize) -> Vec<Vec3> {
    let corner = |i: usize| {
        let a = PI / 2.0 + TAU * (i % sides) as f64 / sides as f64;
        Vec3::new(radius * a.cos(), radius * a.sin(), 0.0)
    };
    let side = corner(0).dist(corner(1));
    let ideal = sides as f64 * side / n.max(1) as f64;
    let corners: Vec<Vec3> = (0..sides).map(corner).collect();
    let chords = equal_chords(&corners, n);
    if n >= sides {
        let most = (n - sides).div_ceil(sides) + 1;
        let kept = side / most as f64;
        let chord = chords.as_ref().map_or(0.0, |c| c.1);
        if chords.is_none() || kept >= (0.95 * ideal).min(chord) * (1.0 - 1e-9) {
            return polygon_corners(sides, &corner, n);
        }
    }
    match chords {
        Some((pts, _)) => pts,
        None => polygon_corners(sides, &corner, n),
    }
}

/// `n` points on the polygon's outline with a point on every corner (`n ≥ sides`), the
/// others spread evenly along the sides; fewer than the corners: spread by arc length.
fn polygon_corners(sides: usize, corner: &dyn Fn(usize) -> Vec3, n: usize) -> Vec<Vec3> {
    let mut out = Vec::with_capacity(n);
    if n < sides {
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

/// `n` points round the closed outline through `corners` (convex), the first on the first
/// corner and each the same chord from the one before, the last that chord or more from
/// the first, at the longest chord that allows it; with that chord. `None` when the outline
/// has no length.
fn equal_chords(corners: &[Vec3], n: usize) -> Option<(Vec<Vec3>, f64)> {
    let len: f64 = (0..corners.len())
        .map(|i| corners[i].dist(corners[(i + 1) % corners.len()]))
        .sum();
    if n == 0 || !(len > 0.0 && len.is_finite()) {
        return None;
    }
    if n == 1 {
        return Some((vec![corners[0]], f64::INFINITY));
    }
    // Chords are never longer than the arcs they span: `L/N` bounds the chord above.
    let fits = |s: f64| {
        chord_walk(corners, s, n).filter(|p| p[n - 1].dist(corners[0]) >= s * (1.0 - 1e-12))
    };
    let mut hi = len / n as f64;
    if let Some(p) = fits(hi) {
        return Some((p, hi));
    }
    let mut lo = hi * 0.5;
    let mut tries = 0;
    while fits(lo).is_none() {
        hi = lo;
        lo *= 0.5;
        tries += 1;
        if tries > 60 {
            return None;
        }
    }
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        if fits(mid).is_some() {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    fits(lo).map(|p| (p, lo))
}

/// Points from the first corner round the closed outline, each the chord `s` from the one
/// before (the first crossing of the sphere of radius `s` round it, going on), until there
/// are `n`; `None` if the outline ends first.
fn chord_walk(corners: &[Vec3], s: f64, n: usize) -> Option<Vec<Vec3>> {
    let k = corners.len();
    let mut out = Vec::with_capacity(n);
    let mut cur = corners[0];
    out.push(cur);
    let (mut seg, mut t) = (0usize, 0.0);
    while out.len() < n {
        let mut found = false;
        while seg < k {
            let a = corners[seg];
            let d = corners[(seg + 1) % k] - a;
            // |a + u·d − cur| = s: the larger root is where the distance grows through s.
            let f = a - cur;
            let (qa, qb, qc) = (d.dot(d), 2.0 * f.dot(d), f.dot(f) - s * s);
            let disc = qb * qb - 4.0 * qa * qc;
            if disc >= 0.0 && qa > 0.0 {
                let u = (-qb + disc.sqrt()) / (2.0 * qa);
                if u >= t && u <= 1.0 {
                    t = u;
                    cur = a + d * u;
                    out.push(cur);
                    found = true;
                    break;
                }
            }
            seg += 1;
            t = 0.0;
        }
        if !found {
            return None;
        }
    }
    Some(out)
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
    fn polygon_keeps_corners_where_they_cost_little() {
        // 25 = 5 × 5: corners and even sides at exactly L/N.
        let pts = polygon(5, 10.0, 25);
        for i in 0..5 {
            let a = PI / 2.0 + TAU * i as f64 / 5.0;
            let c = Vec3::new(10.0 * a.cos(), 10.0 * a.sin(), 0.0);
            assert!(pts.iter().any(|p| p.dist(c) < 1e-9), "corner {i} missing");
        }
        // A hexagon of 20: corners would leave 4 gaps on some sides (0.83 of L/N); equal
        // chords reach 0.97.
        let side = 40.0;
        let pts = polygon(6, side, 20);
        assert_eq!(pts.len(), 20);
        let (d, _, _) = min_spacing(&pts).unwrap();
        assert!(
            d / (6.0 * side / 20.0) >= 0.97,
            "{}",
            d / (6.0 * side / 20.0)
        );
        // Every point on the outline.
        let apothem = side * (PI / 6.0).cos();
        for p in &pts {
            let along = (0..6)
                .map(|i| {
                    let b = PI / 2.0 + TAU * (i as f64 + 0.5) / 6.0;
                    p.x * b.cos() + p.y * b.sin()
                })
                .fold(f64::NEG_INFINITY, f64::max);
            assert!((along - apothem).abs() < 1e-9, "{p:?} off the outline");
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
