//! `Polygon`: an area on the ground (a site boundary, an exclusion zone), its inside test,
//! distances, simplicity, convex hull and a grown copy. The inside test and the distance
//! to a ring or a path of corners are also free functions over any corners that stand on
//! the ground (`GroundPoint`: `[x, y]` or a `Vec3` whose altitude is ignored), so a list
//! of `Vec3` (an audience line or zone) is measured as it is, without a copy.

use crate::Vec3;

/// A polygon on the ground: corners `[x, y]` in metres in the show frame, either winding,
/// implicitly closed. Altitude plays no part: a zone is a prism from the ground up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Polygon {
    /// The corners, in order.
    pub points: Vec<[f64; 2]>,
}

/// A corner on the ground: its `[x, y]` in metres (altitude plays no part).
pub trait GroundPoint {
    /// The corner's `[x, y]`.
    fn ground(&self) -> [f64; 2];
}

impl GroundPoint for [f64; 2] {
    #[inline]
    fn ground(&self) -> [f64; 2] {
        *self
    }
}

impl GroundPoint for Vec3 {
    #[inline]
    fn ground(&self) -> [f64; 2] {
        [self.x, self.y]
    }
}

/// True if `(x, y)` is inside the ring `corners` (implicitly closed; crossing rule: a point
/// on an edge may go either way). Fewer than three corners hold nothing.
pub fn ring_contains<P: GroundPoint>(corners: &[P], x: f64, y: f64) -> bool {
    let Some(last) = corners.last() else {
        return false;
    };
    let mut inside = false;
    let mut a = last.ground();
    for c in corners {
        let b = c.ground();
        if (a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0] {
            inside = !inside;
        }
        a = b;
    }
    inside
}

/// Distance from `(x, y)` to the path through `corners`, closed back to the first corner
/// when `closed`, metres (a single corner: the distance to it; none: infinite).
pub fn path_distance<P: GroundPoint>(corners: &[P], closed: bool, x: f64, y: f64) -> f64 {
    let p = [x, y];
    match corners {
        [] => f64::INFINITY,
        [only] => {
            let a = only.ground();
            (p[0] - a[0]).hypot(p[1] - a[1])
        }
        [first, .., last] => {
            let open = corners
                .windows(2)
                .map(|w| segment_distance(w[0].ground(), w[1].ground(), p))
                .fold(f64::INFINITY, f64::min);
            if closed {
                open.min(segment_distance(last.ground(), first.ground(), p))
            } else {
                open
            }
        }
    }
}

/// Distance from `p` to the segment `a`–`b`.
fn segment_distance(a: [f64; 2], b: [f64; 2], p: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p[0] - a[0] - t * dx).hypot(p[1] - a[1] - t * dy)
}

/// Twice the signed area of the triangle `a b c` (positive counter-clockwise).
fn cross(a: [f64; 2], b: [f64; 2], c: [f64; 2]) -> f64 {
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

/// True if the closed segments `a`–`b` and `c`–`d` share a point.
fn segments_touch(a: [f64; 2], b: [f64; 2], c: [f64; 2], d: [f64; 2]) -> bool {
    let scale = [a, b, c, d]
        .iter()
        .flatten()
        .fold(1.0f64, |m, x| m.max(x.abs()));
    let eps = 1e-12 * scale * scale;
    let (d1, d2) = (cross(c, d, a), cross(c, d, b));
    let (d3, d4) = (cross(a, b, c), cross(a, b, d));
    let strict = |u: f64, v: f64| (u > eps && v < -eps) || (u < -eps && v > eps);
    if strict(d1, d2) && strict(d3, d4) {
        return true;
    }
    let on = |p: [f64; 2], q: [f64; 2], r: [f64; 2], c: f64| {
        c.abs() <= eps
            && r[0] >= p[0].min(q[0]) - 1e-12 * scale
            && r[0] <= p[0].max(q[0]) + 1e-12 * scale
            && r[1] >= p[1].min(q[1]) - 1e-12 * scale
            && r[1] <= p[1].max(q[1]) + 1e-12 * scale
    };
    on(c, d, a, d1) || on(c, d, b, d2) || on(a, b, c, d3) || on(a, b, d, d4)
}

impl Polygon {
    /// A polygon with these corners.
    pub fn new(points: Vec<[f64; 2]>) -> Polygon {
        Polygon { points }
    }

    /// The edges, closing one included.
    fn edges(&self) -> impl Iterator<Item = ([f64; 2], [f64; 2])> + '_ {
        let n = self.points.len();
        (0..n).map(move |i| (self.points[i], self.points[(i + 1) % n]))
    }

    /// True if `(x, y)` is inside (crossing rule; a point on an edge may go either way).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        ring_contains(&self.points, x, y)
    }

    /// Distance from `(x, y)` to the nearest edge, metres.
    pub fn edge_distance(&self, x: f64, y: f64) -> f64 {
        path_distance(&self.points, true, x, y)
    }

    /// Signed distance to the edges: positive inside, negative outside, metres. It changes
    /// by at most the distance moved (1-Lipschitz), which bounds it over any small region.
    pub fn signed_distance(&self, x: f64, y: f64) -> f64 {
        let d = self.edge_distance(x, y);
        if self.contains(x, y) { d } else { -d }
    }

    /// Area, square metres (either winding).
    pub fn area(&self) -> f64 {
        let s: f64 = self.edges().map(|(a, b)| a[0] * b[1] - b[0] * a[1]).sum();
        0.5 * s.abs()
    }

    /// True if the polygon has at least three corners, finite coordinates, an area, and no
    /// two edges meet except neighbours at their shared corner.
    pub fn is_simple(&self) -> bool {
        let n = self.points.len();
        if n < 3 || self.points.iter().flatten().any(|x| !x.is_finite()) {
            return false;
        }
        if self.area().is_nan() || self.area() <= 0.0 {
            return false;
        }
        let e: Vec<_> = self.edges().collect();
        for i in 0..n {
            if e[i].0 == e[i].1 {
                return false;
            }
            for j in i + 1..n {
                let neighbours = j == i + 1 || (i == 0 && j == n - 1);
                if neighbours {
                    // Neighbours share one corner; they must not fold back over each other.
                    let (shared, p, q) = if j == i + 1 {
                        (e[i].1, e[i].0, e[j].1)
                    } else {
                        (e[i].0, e[i].1, e[j].0)
                    };
                    let c = cross(p, shared, q);
                    let back = (p[0] - shared[0]) * (q[0] - shared[0])
                        + (p[1] - shared[1]) * (q[1] - shared[1]);
                    if c == 0.0 && back > 0.0 {
                        return false;
                    }
                } else if segments_touch(e[i].0, e[i].1, e[j].0, e[j].1) {
                    return false;
                }
            }
        }
        true
    }

    /// The convex hull of `points` (counter-clockwise, no collinear corners).
    pub fn convex_hull(points: &[[f64; 2]]) -> Polygon {
        let mut p: Vec<[f64; 2]> = points
            .iter()
            .copied()
            .filter(|q| q[0].is_finite() && q[1].is_finite())
            .collect();
        p.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
        p.dedup();
        if p.len() < 3 {
            return Polygon::new(p);
        }
        let mut hull: Vec<[f64; 2]> = Vec::with_capacity(2 * p.len());
        for pass in 0..2 {
            let start = hull.len();
            let iter: Box<dyn Iterator<Item = &[f64; 2]>> = if pass == 0 {
                Box::new(p.iter())
            } else {
                Box::new(p.iter().rev())
            };
            for &q in iter {
                while hull.len() >= start + 2
                    && cross(hull[hull.len() - 2], hull[hull.len() - 1], q) <= 0.0
                {
                    hull.pop();
                }
                hull.push(q);
            }
            hull.pop();
        }
        Polygon::new(hull)
    }

    /// The convex hull of this polygon grown by `r` metres: a convex polygon containing
    /// every point within `r` of the hull (the corners' arcs replaced by tangent segments
    /// at most 15° apart, so it never cuts inside the exact rounded shape).
    pub fn grown(&self, r: f64) -> Polygon {
        let hull = Polygon::convex_hull(&self.points);
        let n = hull.points.len();
        if n < 3 || r.is_nan() || r <= 0.0 {
            return hull;
        }
        let normal = |a: [f64; 2], b: [f64; 2]| {
            // Outward normal of a counter-clockwise edge.
            let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
            (-dx).atan2(dy)
        };
        let step_max = 15f64.to_radians();
        let mut out = Vec::new();
        for i in 0..n {
            let c = hull.points[i];
            let prev = hull.points[(i + n - 1) % n];
            let next = hull.points[(i + 1) % n];
            let a0 = normal(prev, c);
            let mut a1 = normal(c, next);
            while a1 < a0 {
                a1 += std::f64::consts::TAU;
            }
            let at = |a: f64, rr: f64| [c[0] + rr * a.cos(), c[1] + rr * a.sin()];
            let k = ((a1 - a0) / step_max).ceil().max(1.0) as usize;
            let s = (a1 - a0) / k as f64;
            out.push(at(a0, r));
            for j in 0..k {
                out.push(at(a0 + (j as f64 + 0.5) * s, r / (0.5 * s).cos()));
            }
            out.push(at(a1, r));
        }
        out.dedup();
        Polygon::new(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An L of 20 m arms, 10 m wide.
    const L: [[f64; 2]; 6] = [
        [0.0, 0.0],
        [20.0, 0.0],
        [20.0, 10.0],
        [10.0, 10.0],
        [10.0, 20.0],
        [0.0, 20.0],
    ];

    fn square(s: f64) -> Polygon {
        Polygon::new(vec![[0.0, 0.0], [s, 0.0], [s, s], [0.0, s]])
    }

    #[test]
    fn inside_distance_and_area() {
        let q = square(10.0);
        assert!(q.contains(5.0, 5.0) && !q.contains(11.0, 5.0));
        assert!((q.signed_distance(5.0, 2.0) - 2.0).abs() < 1e-12);
        assert!((q.signed_distance(13.0, 14.0) + 5.0).abs() < 1e-12);
        assert!((q.area() - 100.0).abs() < 1e-12);
    }

    #[test]
    fn corners_in_space_are_measured_on_the_ground() {
        // The same L as `[x, y]` and as `Vec3`s at different altitudes: same answers.
        let flat = L;
        let high: Vec<Vec3> = flat
            .iter()
            .enumerate()
            .map(|(i, c)| Vec3::new(c[0], c[1], 7.0 * i as f64))
            .collect();
        for (x, y, inside, edge, open) in [
            (5.0, 5.0, true, 5.0, 5.0),
            (15.0, 15.0, false, 5.0, 5.0),
            (-3.0, 4.0, false, 3.0, 5.0),
            (25.0, 0.0, false, 5.0, 5.0),
        ] {
            assert_eq!(ring_contains(&flat, x, y), inside, "({x}, {y})");
            assert_eq!(ring_contains(&high, x, y), inside, "({x}, {y})");
            assert!((path_distance(&flat, true, x, y) - edge).abs() < 1e-12);
            assert!((path_distance(&high, true, x, y) - edge).abs() < 1e-12);
            // Open, the closing edge along x = 0 is not there.
            assert!(
                (path_distance(&high, false, x, y) - open).abs() < 1e-12,
                "({x}, {y})"
            );
        }
        assert!(!ring_contains::<Vec3>(&[], 0.0, 0.0));
        assert_eq!(path_distance::<Vec3>(&[], true, 0.0, 0.0), f64::INFINITY);
        assert!((path_distance(&[[3.0, 0.0]], true, 0.0, 4.0) - 5.0).abs() < 1e-12);
    }

    #[test]
    fn simplicity() {
        assert!(square(1.0).is_simple());
        // A bow tie crosses itself.
        let bow = Polygon::new(vec![[0.0, 0.0], [1.0, 1.0], [1.0, 0.0], [0.0, 1.0]]);
        assert!(!bow.is_simple());
        // Too few corners, no area, a corner repeated, a spike folding back.
        assert!(!Polygon::new(vec![[0.0, 0.0], [1.0, 0.0]]).is_simple());
        assert!(!Polygon::new(vec![[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]]).is_simple());
        let rep = Polygon::new(vec![[0.0, 0.0], [1.0, 0.0], [1.0, 0.0], [0.0, 1.0]]);
        assert!(!rep.is_simple());
        let spike = Polygon::new(vec![[0.0, 0.0], [2.0, 0.0], [1.0, 0.0], [1.0, 1.0]]);
        assert!(!spike.is_simple());
        // A concave L is simple.
        let l = Polygon::new(vec![
            [0.0, 0.0],
            [2.0, 0.0],
            [2.0, 1.0],
            [1.0, 1.0],
            [1.0, 2.0],
            [0.0, 2.0],
        ]);
        assert!(l.is_simple());
    }

    #[test]
    fn hull_and_growth_contain_the_rounded_shape() {
        let l = Polygon::new(L.to_vec());
        let hull = Polygon::convex_hull(&l.points);
        assert_eq!(hull.points.len(), 5);
        let g = l.grown(10.0);
        assert!(g.is_simple());
        // Every point within 10 m of the hull is inside the grown polygon, and the grown
        // polygon stays within 10 m / cos(7.5°) of it.
        for k in 0..3600 {
            let a = k as f64 * std::f64::consts::TAU / 3600.0;
            for &c in &hull.points {
                let p = [c[0] + 9.999 * a.cos(), c[1] + 9.999 * a.sin()];
                assert!(g.contains(p[0], p[1]), "{p:?}");
            }
        }
        let far = 10.0 / 7.5f64.to_radians().cos() + 1e-9;
        for p in &g.points {
            assert!(-hull.signed_distance(p[0], p[1]) <= far);
        }
    }
}
