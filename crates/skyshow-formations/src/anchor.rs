//! `Anchor`: where a drone rides on a deforming mesh — a triangle and the drone's affine
//! coordinates in the triangle's own frame `(a; b − a, c − a, N)`, `N` the triangle's
//! normal scaled to the square root of twice its area.
//!
//! On the surface the third coordinate is 0 and the first two are barycentric: the point
//! deforms exactly as a renderer draws the triangle. Inside the volume the third one
//! carries the point along the normal of its nearest surface triangle: the embedding of a
//! tetrahedron whose fourth corner rides on that normal, which follows the triangle as it
//! turns, stretches and swells.

use skyshow_model::Vec3;

/// A point's triangle and its coordinates in the triangle's frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Anchor {
    /// The triangle (an index into the mesh's kept triangles).
    pub(crate) triangle: u32,
    /// Along `b − a`, along `c − a`, along the scaled normal.
    pub(crate) coords: [f64; 3],
}

/// The triangle's frame: its two edges from `a` and its scaled normal.
pub(crate) fn frame(t: &[Vec3; 3]) -> [Vec3; 3] {
    let e1 = t[1] - t[0];
    let e2 = t[2] - t[0];
    let c = e1.cross(e2);
    let l = c.norm();
    let n = if l > 0.0 { c / l.sqrt() } else { Vec3::ZERO };
    [e1, e2, n]
}

impl Anchor {
    /// Anchors `p` to triangle `triangle` (vertices `t`); `None` for a triangle without
    /// area.
    pub(crate) fn new(triangle: usize, t: &[Vec3; 3], p: Vec3) -> Option<Anchor> {
        let coords = solve(frame(t), p - t[0])?;
        Some(Anchor {
            triangle: triangle as u32,
            coords,
        })
    }

    /// The point on (or under) the triangle `t`, as the triangle is now.
    pub(crate) fn place(&self, t: &[Vec3; 3]) -> Vec3 {
        let [e1, e2, n] = frame(t);
        let [u, v, h] = self.coords;
        t[0] + e1 * u + e2 * v + n * h
    }

    /// The barycentric coordinates of the surface point under the anchor, clamped into
    /// the triangle (for colours).
    pub(crate) fn bary(&self) -> [f64; 3] {
        let u = self.coords[0].clamp(0.0, 1.0);
        let v = self.coords[1].clamp(0.0, 1.0 - u);
        [1.0 - u - v, u, v]
    }
}

/// `x` with `x[0]·cols[0] + x[1]·cols[1] + x[2]·cols[2] = b` (Cramer's rule); `None` when
/// the columns are (nearly) dependent.
pub(crate) fn solve(cols: [Vec3; 3], b: Vec3) -> Option<[f64; 3]> {
    let [c0, c1, c2] = cols;
    let det = c0.dot(c1.cross(c2));
    let scale = c0.norm() * c1.norm() * c2.norm();
    // Written so that a NaN determinant counts as singular too.
    let independent = det.abs() > 1e-12 * scale;
    if !independent || scale == 0.0 {
        return None;
    }
    Some([
        b.dot(c1.cross(c2)) / det,
        c0.dot(b.cross(c2)) / det,
        c0.dot(c1.cross(b)) / det,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_round_trip_and_follow_the_triangle() {
        let t = [
            Vec3::new(0.0, 0.0, 0.0),
            Vec3::new(4.0, 0.0, 0.0),
            Vec3::new(0.0, 2.0, 0.0),
        ];
        for p in [Vec3::new(1.0, 0.5, 0.0), Vec3::new(1.0, 0.5, -3.0)] {
            let a = Anchor::new(7, &t, p).unwrap();
            assert_eq!(a.triangle, 7);
            assert!(a.place(&t).dist(p) < 1e-12);
        }
        // The triangle turned 90° about x and moved: the point below it turns with it.
        let a = Anchor::new(0, &t, Vec3::new(1.0, 0.5, -3.0)).unwrap();
        let turn = |p: Vec3| Vec3::new(p.x + 10.0, -p.z, p.y);
        let moved = t.map(turn);
        assert!(a.place(&moved).dist(turn(Vec3::new(1.0, 0.5, -3.0))) < 1e-12);
        // Scaled ×2: the depth below it doubles too.
        let big = t.map(|p| p * 2.0);
        assert!(a.place(&big).dist(Vec3::new(2.0, 1.0, -6.0)) < 1e-12);
        assert_eq!(a.bary(), [0.5, 0.25, 0.25]);
        let flat = [t[0], t[1], t[1] * 2.0];
        assert!(Anchor::new(0, &flat, Vec3::ZERO).is_none());
    }
}
