//! `PointGrid`: a uniform grid over a fixed point set, for nearest-point and radius queries.
//! Works in 3D; 2D pictures use `z = 0` (a single layer of cells).

use skyshow_model::Vec3;

/// Most cells a grid allocates; beyond it cells grow.
const MAX_CELLS: usize = 1 << 22;

/// Points bucketed by cell (counting sort: `start[c]..start[c + 1]` indexes `items`).
pub(crate) struct PointGrid {
    lo: Vec3,
    cell: f64,
    dims: [usize; 3],
    start: Vec<u32>,
    items: Vec<u32>,
}

impl PointGrid {
    /// A grid of `points` with cells about `cell` wide (wider if there would be too many).
    pub(crate) fn new(points: &[Vec3], cell: f64) -> Self {
        let (mut lo, mut hi) = (Vec3::ZERO, Vec3::ZERO);
        if let Some(p0) = points.first() {
            (lo, hi) = (*p0, *p0);
        }
        for p in points {
            lo = lo.min(*p);
            hi = hi.max(*p);
        }
        let ext = hi - lo;
        let mut cell = if cell.is_finite() && cell > 0.0 {
            cell
        } else {
            1.0
        };
        let count =
            |c: f64| [ext.x, ext.y, ext.z].map(|e| ((e / c).floor() as usize).saturating_add(1));
        let mut dims = count(cell);
        let limit = MAX_CELLS.min(points.len().saturating_mul(8).max(64));
        while dims.iter().fold(1usize, |a, &d| a.saturating_mul(d)) > limit {
            cell *= 1.5;
            dims = count(cell);
        }
        let mut grid = PointGrid {
            lo,
            cell,
            dims,
            start: Vec::new(),
            items: Vec::new(),
        };
        let cells = dims[0] * dims[1] * dims[2];
        let keys: Vec<usize> = points.iter().map(|p| grid.key(grid.cell_of(*p))).collect();
        let mut start = vec![0u32; cells + 1];
        for &k in &keys {
            start[k + 1] += 1;
        }
        for c in 0..cells {
            start[c + 1] += start[c];
        }
        let mut fill = start.clone();
        let mut items = vec![0u32; points.len()];
        for (i, &k) in keys.iter().enumerate() {
            items[fill[k] as usize] = i as u32;
            fill[k] += 1;
        }
        grid.start = start;
        grid.items = items;
        grid
    }

    fn cell_of(&self, p: Vec3) -> [usize; 3] {
        let q = (p - self.lo) / self.cell;
        let c = |v: f64, d: usize| {
            if v.is_nan() || v <= 0.0 {
                0
            } else {
                (v as usize).min(d - 1)
            }
        };
        [
            c(q.x, self.dims[0]),
            c(q.y, self.dims[1]),
            c(q.z, self.dims[2]),
        ]
    }

    fn key(&self, c: [usize; 3]) -> usize {
        (c[2] * self.dims[1] + c[1]) * self.dims[0] + c[0]
    }

    fn bucket(&self, c: [usize; 3]) -> &[u32] {
        let k = self.key(c);
        &self.items[self.start[k] as usize..self.start[k + 1] as usize]
    }

    /// Calls `f(c)` for every cell at Chebyshev distance exactly `k` from `c0`.
    fn ring(&self, c0: [usize; 3], k: usize, mut f: impl FnMut([usize; 3])) {
        let k = k as i64;
        let range = |a: usize, d: usize| {
            let lo = (a as i64 - k).max(0);
            let hi = (a as i64 + k).min(d as i64 - 1);
            lo..=hi
        };
        for z in range(c0[2], self.dims[2]) {
            let dz = (z - c0[2] as i64).abs();
            for y in range(c0[1], self.dims[1]) {
                let dy = (y - c0[1] as i64).abs();
                if dz == k || dy == k {
                    for x in range(c0[0], self.dims[0]) {
                        f([x as usize, y as usize, z as usize]);
                    }
                } else {
                    // Inside the shell in y and z: only the two end cells in x.
                    for x in [c0[0] as i64 - k, c0[0] as i64 + k] {
                        if (0..self.dims[0] as i64).contains(&x) {
                            f([x as usize, y as usize, z as usize]);
                        }
                    }
                }
            }
        }
    }

    /// The nearest of `points` (the set the grid was built on) to `p`, and its squared
    /// distance; `None` for an empty set.
    pub(crate) fn nearest(&self, points: &[Vec3], p: Vec3) -> Option<(usize, f64)> {
        if self.items.is_empty() {
            return None;
        }
        let c0 = self.cell_of(p);
        let max_ring = self.dims.iter().copied().max().unwrap_or(1);
        let mut best: Option<(usize, f64)> = None;
        for k in 0..=max_ring {
            self.ring(c0, k, |c| {
                for &i in self.bucket(c) {
                    let d2 = points[i as usize].dist2(p);
                    if best.is_none_or(|(bi, bd)| d2 < bd || (d2 == bd && (i as usize) < bi)) {
                        best = Some((i as usize, d2));
                    }
                }
            });
            if let Some((_, bd)) = best {
                let reach = k as f64 * self.cell;
                if bd <= reach * reach {
                    break;
                }
            }
        }
        best
    }

    /// Like [`PointGrid::nearest`], trying the block of cells around `p` first (enough when a
    /// point lies within one cell, as it does for samples among evenly spread points).
    pub(crate) fn nearest_fast(&self, points: &[Vec3], p: Vec3) -> Option<(usize, f64)> {
        let c = self.cell_of(p);
        let lo = c.map(|v| v.saturating_sub(1));
        let hi = [0, 1, 2].map(|k| (c[k] + 1).min(self.dims[k] - 1));
        let mut best = (usize::MAX, f64::INFINITY);
        for z in lo[2]..=hi[2] {
            for y in lo[1]..=hi[1] {
                let row = (z * self.dims[1] + y) * self.dims[0];
                let a = self.start[row + lo[0]] as usize;
                let b = self.start[row + hi[0] + 1] as usize;
                for &i in &self.items[a..b] {
                    let d2 = points[i as usize].dist2(p);
                    if d2 < best.1 || (d2 == best.1 && (i as usize) < best.0) {
                        best = (i as usize, d2);
                    }
                }
            }
        }
        // Points outside the block are more than one cell away from `p` when `p` is inside
        // the grid's box; otherwise fall back to the full search.
        let inside = {
            let q = (p - self.lo) / self.cell;
            [q.x, q.y, q.z]
                .iter()
                .zip(&self.dims)
                .all(|(v, &d)| *v >= 0.0 && *v < d as f64)
        };
        if best.0 != usize::MAX && inside && best.1 <= self.cell * self.cell {
            return Some(best);
        }
        self.nearest(points, p)
    }

    /// Calls `f(i, d2)` for every point within `r` of `p` (squared distance `d2 < r²`).
    pub(crate) fn within(&self, points: &[Vec3], p: Vec3, r: f64, mut f: impl FnMut(usize, f64)) {
        let lo = self.cell_of(p - Vec3::new(r, r, r));
        let hi = self.cell_of(p + Vec3::new(r, r, r));
        let r2 = r * r;
        for z in lo[2]..=hi[2] {
            for y in lo[1]..=hi[1] {
                for x in lo[0]..=hi[0] {
                    for &i in self.bucket([x, y, z]) {
                        let d2 = points[i as usize].dist2(p);
                        if d2 < r2 {
                            f(i as usize, d2);
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    #[test]
    fn nearest_and_within_match_brute_force() {
        let mut rng = Rng::new(3, 0);
        let pts: Vec<Vec3> = (0..500)
            .map(|_| Vec3::new(rng.f64() * 100.0, rng.f64() * 40.0, rng.f64() * 3.0))
            .collect();
        let g = PointGrid::new(&pts, 4.0);
        for _ in 0..200 {
            let q = Vec3::new(
                rng.f64() * 160.0 - 30.0,
                rng.f64() * 80.0 - 20.0,
                rng.f64() * 10.0 - 5.0,
            );
            let (i, d2) = g.nearest(&pts, q).unwrap();
            let brute = pts.iter().map(|p| p.dist2(q)).fold(f64::INFINITY, f64::min);
            assert_eq!(d2, brute, "nearest of {q:?} is {i}");
            let mut found = Vec::new();
            g.within(&pts, q, 9.0, |j, _| found.push(j));
            found.sort_unstable();
            let want: Vec<usize> = (0..pts.len()).filter(|&j| pts[j].dist2(q) < 81.0).collect();
            assert_eq!(found, want);
        }
    }
}
