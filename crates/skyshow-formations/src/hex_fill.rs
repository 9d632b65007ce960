//! `HexFill`: a filled parametric shape (disc, ring) as a hexagonal lattice clipped to it,
//! at the largest spacing at which the shape still holds the points.
//!
//! The hexagonal lattice is the densest packing of the plane, so its spacing at the shape's
//! area and count, `sqrt(2A/(√3·N))`, is the ideal the quality figures are measured
//! against; a clipped lattice loses only what the boundary cuts, about one row's worth, so
//! it comes within a few per cent of the ideal (a spiral of the same points reaches about
//! 0.8 of it). The spacing is found by bisection on the lattice's count inside the shape;
//! when the lattice at that spacing holds more than `N` points, those closest to the
//! shape's edge are left out.

use skyshow_model::Vec3;

/// Bisection steps on the spacing: far below a millimetre for any show-sized shape.
const BISECTION_STEPS: usize = 48;

/// Below this many points the lattice is tried at more offsets.
const FEW: usize = 2_000;

/// Offsets tried per axis of the lattice's cell below `FEW` points.
const OFFSETS: usize = 4;

/// The share of the ideal spacing below which more offsets are tried.
const RETRY: f64 = 0.97;

/// A planar region in the local frame (u right, v up), with what the lattice needs.
pub(crate) struct HexFill<'a> {
    /// Half the width and half the height of a box round the region, centred on the origin.
    pub(crate) half_extent: (f64, f64),
    /// Area, m².
    pub(crate) area: f64,
    /// Distance from `(u, v)` to the region's edge, positive inside, negative outside.
    pub(crate) depth: &'a dyn Fn(f64, f64) -> f64,
}

impl HexFill<'_> {
    /// `n` lattice points inside the region, at the largest spacing that holds them,
    /// deterministically ordered (rows from the top, left to right).
    pub(crate) fn points(&self, n: usize) -> Vec<Vec3> {
        if n == 0 || self.area <= 0.0 || !self.area.is_finite() {
            return Vec::new();
        }
        let ideal = (2.0 * self.area / (3f64.sqrt() * n as f64)).sqrt();
        // The lattice placed with a point on the centre, or a triangle's centroid on it;
        // when neither reaches `RETRY` of the ideal with fewer than `FEW` points (where one
        // row more or less matters: a ring of 20 drones two rows deep reaches 0.93 with
        // those two, 1.08 with the best of these), also at a 4 × 4 grid of offsets over the
        // lattice's cell. The one with the largest spacing is kept (the first on a tie), so
        // fills that were good already stay as they were.
        let consider = |best: &mut Option<(f64, (f64, f64))>, offset: (f64, f64)| {
            if let Some(d) = self.largest_spacing(ideal, offset, n)
                && best.is_none_or(|(bd, _)| d > bd + 1e-12)
            {
                *best = Some((d, offset));
            }
        };
        let mut best = None;
        consider(&mut best, (0.0, 0.0));
        consider(&mut best, (0.5, 3f64.sqrt() / 6.0));
        if n < FEW && best.is_none_or(|(d, _)| d < RETRY * ideal) {
            for i in 0..OFFSETS {
                for j in 0..OFFSETS {
                    let (a, b) = (i as f64 / OFFSETS as f64, j as f64 / OFFSETS as f64);
                    if (i, j) != (0, 0) {
                        consider(&mut best, (a, b * 3f64.sqrt() / 2.0));
                    }
                }
            }
        }
        let best = best.map(|(d, offset)| (d, self.lattice(d, offset)));
        let Some((_, mut pts)) = best else {
            return Vec::new();
        };
        if pts.len() > n {
            // Leave out the points nearest the edge (ties: the later in row order).
            let mut order: Vec<usize> = (0..pts.len()).collect();
            order.sort_by(|&a, &b| {
                let (da, db) = (
                    (self.depth)(pts[a].0, pts[a].1),
                    (self.depth)(pts[b].0, pts[b].1),
                );
                db.total_cmp(&da).then(a.cmp(&b))
            });
            order.truncate(n);
            order.sort_unstable();
            pts = order.into_iter().map(|i| pts[i]).collect();
        }
        pts.into_iter().map(|(u, v)| Vec3::new(u, v, 0.0)).collect()
    }

    /// The largest spacing (to the bisection's precision) at which the lattice placed at
    /// `offset` (in spacings) holds at least `n` points, if any does.
    fn largest_spacing(&self, ideal: f64, offset: (f64, f64), n: usize) -> Option<f64> {
        let fits = |d: f64| self.count(d, offset) >= n;
        let mut lo = ideal * 0.9;
        let mut tries = 0;
        while !fits(lo) {
            lo *= 0.8;
            tries += 1;
            if tries > 40 {
                return None;
            }
        }
        let (w, h) = self.half_extent;
        let span = 2.0 * w.hypot(h);
        let mut hi = ideal * 1.1;
        while fits(hi) {
            // One point fits at any spacing once the lattice holds just it.
            if hi > span.max(ideal) * 4.0 {
                return Some(hi);
            }
            lo = hi;
            hi *= 1.25;
        }
        for _ in 0..BISECTION_STEPS {
            let mid = 0.5 * (lo + hi);
            if fits(mid) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Some(lo)
    }

    /// The lattice's rows and columns covering the box at spacing `d`.
    fn rows(&self, d: f64, offset: (f64, f64)) -> impl Iterator<Item = (f64, f64, i64, i64)> + '_ {
        let (w, h) = self.half_extent;
        let dy = d * 3f64.sqrt() / 2.0;
        let (ox, oy) = (offset.0 * d, offset.1 * d);
        let rows = ((h + dy) / dy).ceil() as i64 + 1;
        let cols = ((w + d) / d).ceil() as i64 + 1;
        (-rows..=rows).rev().map(move |j| {
            let y = oy + j as f64 * dy;
            let x0 = ox + if j.rem_euclid(2) == 1 { 0.5 * d } else { 0.0 };
            (x0, y, -cols, cols)
        })
    }

    fn count(&self, d: f64, offset: (f64, f64)) -> usize {
        let mut k = 0;
        for (x0, y, c0, c1) in self.rows(d, offset) {
            for i in c0..=c1 {
                k += usize::from((self.depth)(x0 + i as f64 * d, y) >= 0.0);
            }
        }
        k
    }

    fn lattice(&self, d: f64, offset: (f64, f64)) -> Vec<(f64, f64)> {
        let mut out = Vec::new();
        for (x0, y, c0, c1) in self.rows(d, offset) {
            for i in c0..=c1 {
                let x = x0 + i as f64 * d;
                if (self.depth)(x, y) >= 0.0 {
                    out.push((x, y));
                }
            }
        }
        out
    }
}

/// The annulus `inner ≤ r ≤ outer` (`inner = 0`: a disc) filled by a clipped hexagonal
/// lattice.
pub(crate) fn annulus(inner: f64, outer: f64, n: usize) -> Vec<Vec3> {
    let depth = |u: f64, v: f64| {
        let r = u.hypot(v);
        if inner > 0.0 {
            (r - inner).min(outer - r)
        } else {
            outer - r
        }
    };
    HexFill {
        half_extent: (outer, outer),
        area: std::f64::consts::PI * (outer * outer - inner * inner),
        depth: &depth,
    }
    .points(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spacing::min_spacing;

    fn gap(p: &[Vec3]) -> f64 {
        min_spacing(p).map_or(f64::INFINITY, |(d, _, _)| d)
    }

    fn ideal(area: f64, n: usize) -> f64 {
        (2.0 * area / (3f64.sqrt() * n as f64)).sqrt()
    }

    #[test]
    fn discs_and_rings_come_near_the_hexagonal_ideal() {
        use std::f64::consts::PI;
        for n in [7usize, 50, 500, 600, 2_000, 10_000] {
            let r = (n as f64).sqrt() * 1.6;
            let disc = annulus(0.0, r, n);
            assert_eq!(disc.len(), n);
            assert!(disc.iter().all(|p| p.x.hypot(p.y) <= r + 1e-9));
            let q = gap(&disc) / ideal(PI * r * r, n);
            assert!(q >= 0.95, "disc n={n}: {q}");
            let (a, b) = (r * 0.5, r * 1.12);
            let ring = annulus(a, b, n);
            assert_eq!(ring.len(), n);
            assert!(ring.iter().all(|p| {
                let d = p.x.hypot(p.y);
                d >= a - 1e-9 && d <= b + 1e-9
            }));
            let q = gap(&ring) / ideal(PI * (b * b - a * a), n);
            assert!(q >= if n >= 50 { 0.95 } else { 0.8 }, "ring n={n}: {q}");
        }
    }

    #[test]
    fn tiny_counts_and_degenerate_shapes() {
        assert!(annulus(0.0, 5.0, 0).is_empty());
        let one = annulus(0.0, 5.0, 1);
        assert_eq!(one.len(), 1);
        assert!(one[0].x.hypot(one[0].y) <= 5.0);
        assert_eq!(annulus(0.0, 5.0, 2).len(), 2);
        assert!(annulus(0.0, 0.0, 3).is_empty());
        // Deterministic.
        assert_eq!(annulus(2.0, 9.0, 300), annulus(2.0, 9.0, 300));
    }
}
