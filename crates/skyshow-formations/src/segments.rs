//! `SegmentIndex`: line segments in the plane bucketed by cell, for the nearest point on them.

/// Most cells of the index in either direction.
const MAX_SIDE: usize = 2048;

/// Segments `[x0, y0, x1, y1]`, cut to at most about one cell long and bucketed by cell.
pub(crate) struct SegmentIndex {
    lo: [f64; 2],
    cell: f64,
    nx: usize,
    ny: usize,
    pieces: Vec<[f64; 4]>,
    start: Vec<u32>,
    items: Vec<u32>,
}

impl SegmentIndex {
    /// An index of `segments` with cells about `cell` wide. `None` without segments.
    pub(crate) fn new(segments: &[[f64; 4]], cell: f64) -> Option<SegmentIndex> {
        if segments.is_empty() {
            return None;
        }
        let mut lo = [f64::INFINITY; 2];
        let mut hi = [f64::NEG_INFINITY; 2];
        for e in segments {
            for k in 0..2 {
                lo[k] = lo[k].min(e[k]).min(e[k + 2]);
                hi[k] = hi[k].max(e[k]).max(e[k + 2]);
            }
        }
        let (w, h) = ((hi[0] - lo[0]).max(1e-9), (hi[1] - lo[1]).max(1e-9));
        let cell = cell
            .max(w / MAX_SIDE as f64)
            .max(h / MAX_SIDE as f64)
            .max(1e-9);
        let nx = (w / cell) as usize + 1;
        let ny = (h / cell) as usize + 1;
        let mut pieces = Vec::new();
        for e in segments {
            let len = (e[2] - e[0]).hypot(e[3] - e[1]);
            let k = ((len / cell).ceil() as usize).max(1);
            for j in 0..k {
                let (t0, t1) = (j as f64 / k as f64, (j + 1) as f64 / k as f64);
                pieces.push([
                    e[0] + (e[2] - e[0]) * t0,
                    e[1] + (e[3] - e[1]) * t0,
                    e[0] + (e[2] - e[0]) * t1,
                    e[1] + (e[3] - e[1]) * t1,
                ]);
            }
        }
        let mut index = SegmentIndex {
            lo,
            cell,
            nx,
            ny,
            pieces: Vec::new(),
            start: vec![0u32; nx * ny + 1],
            items: Vec::new(),
        };
        let spans: Vec<(usize, usize, usize, usize)> = pieces
            .iter()
            .map(|p| {
                let (x0, y0) = index.cell_of(p[0].min(p[2]), p[1].min(p[3]));
                let (x1, y1) = index.cell_of(p[0].max(p[2]), p[1].max(p[3]));
                (x0, y0, x1, y1)
            })
            .collect();
        for &(x0, y0, x1, y1) in &spans {
            for cy in y0..=y1 {
                for cx in x0..=x1 {
                    index.start[cy * nx + cx + 1] += 1;
                }
            }
        }
        for c in 0..nx * ny {
            index.start[c + 1] += index.start[c];
        }
        let mut fill = index.start.clone();
        index.items = vec![0u32; index.start[nx * ny] as usize];
        for (i, &(x0, y0, x1, y1)) in spans.iter().enumerate() {
            for cy in y0..=y1 {
                for cx in x0..=x1 {
                    let c = cy * nx + cx;
                    index.items[fill[c] as usize] = i as u32;
                    fill[c] += 1;
                }
            }
        }
        index.pieces = pieces;
        Some(index)
    }

    fn cell_of(&self, x: f64, y: f64) -> (usize, usize) {
        let c = |v: f64, n: usize| {
            if v.is_nan() || v <= 0.0 {
                0
            } else {
                (v as usize).min(n - 1)
            }
        };
        (
            c((x - self.lo[0]) / self.cell, self.nx),
            c((y - self.lo[1]) / self.cell, self.ny),
        )
    }

    /// The nearest point on the segments to `(x, y)`, and its distance.
    pub(crate) fn nearest(&self, x: f64, y: f64) -> ([f64; 2], f64) {
        let (cx, cy) = self.cell_of(x, y);
        let mut best = ([x, y], f64::INFINITY);
        for k in 0..=self.nx.max(self.ny) as i64 {
            for gy in (cy as i64 - k).max(0)..=(cy as i64 + k).min(self.ny as i64 - 1) {
                let on_edge = (gy - cy as i64).abs() == k;
                let step = if on_edge { 1 } else { (2 * k).max(1) };
                let mut gx = cx as i64 - k;
                while gx <= cx as i64 + k {
                    if gx >= 0 && gx < self.nx as i64 {
                        let c = gy as usize * self.nx + gx as usize;
                        for &i in &self.items[self.start[c] as usize..self.start[c + 1] as usize] {
                            let (q, d) = closest_on_segment(&self.pieces[i as usize], x, y);
                            if d < best.1 {
                                best = (q, d);
                            }
                        }
                    }
                    gx += step;
                }
            }
            if best.1 <= k as f64 * self.cell {
                break;
            }
        }
        best
    }
}

/// The closest point of segment `[x0, y0, x1, y1]` to `(x, y)`, and its distance.
pub(crate) fn closest_on_segment(s: &[f64; 4], x: f64, y: f64) -> ([f64; 2], f64) {
    let (dx, dy) = (s[2] - s[0], s[3] - s[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((x - s[0]) * dx + (y - s[1]) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let q = [s[0] + dx * t, s[1] + dy * t];
    (q, (q[0] - x).hypot(q[1] - y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_matches_brute_force() {
        let segs: Vec<[f64; 4]> = (0..40)
            .map(|i| {
                let a = i as f64 * 0.37;
                [
                    a.cos() * 30.0,
                    a.sin() * 20.0,
                    a.cos() * 30.0 + 7.0,
                    a.sin() * 20.0 - 3.0,
                ]
            })
            .collect();
        let idx = SegmentIndex::new(&segs, 2.0).unwrap();
        for k in 0..300 {
            let (x, y) = (
                (k as f64 * 1.7) % 90.0 - 45.0,
                (k as f64 * 2.3) % 70.0 - 35.0,
            );
            let brute = segs
                .iter()
                .map(|s| closest_on_segment(s, x, y).1)
                .fold(f64::INFINITY, f64::min);
            assert!((idx.nearest(x, y).1 - brute).abs() < 1e-9);
        }
        assert!(SegmentIndex::new(&[], 1.0).is_none());
    }
}
