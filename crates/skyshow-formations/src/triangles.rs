//! `TriangleIndex`: a triangle mesh bucketed on a 3D grid (nearest surface point) and on an
//! `xy` grid (crossings of vertical rays, for inside tests and volume samples).

use skyshow_model::Vec3;

/// Most cells of the 3D grid.
const MAX_CELLS: usize = 1 << 21;

/// A triangle mesh indexed for nearest-point queries and vertical ray crossings.
pub(crate) struct TriangleIndex {
    tris: Vec<[Vec3; 3]>,
    lo: Vec3,
    cell: f64,
    dims: [usize; 3],
    start: Vec<u32>,
    items: Vec<u32>,
    /// Column grid over `xy`: triangles whose `xy` bounding box meets each column.
    col_cell: f64,
    col_dims: [usize; 2],
    col_start: Vec<u32>,
    col_items: Vec<u32>,
}

/// The nearest point on a mesh.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Nearest {
    /// The point.
    pub(crate) point: Vec3,
    /// Its triangle.
    pub(crate) triangle: usize,
    /// Barycentric coordinates in that triangle.
    pub(crate) bary: [f64; 3],
    /// Distance from the query, metres.
    pub(crate) dist: f64,
}

impl TriangleIndex {
    /// Indexes `tris` (non-empty) with cells about `cell` wide.
    pub(crate) fn new(tris: Vec<[Vec3; 3]>, cell: f64) -> TriangleIndex {
        let (mut lo, mut hi) = (tris[0][0], tris[0][0]);
        for t in &tris {
            for p in t {
                lo = lo.min(*p);
                hi = hi.max(*p);
            }
        }
        let ext = hi - lo;
        let mut cell = cell.max(ext.x.max(ext.y).max(ext.z) / 512.0).max(1e-9);
        let dims_of = |c: f64| [ext.x, ext.y, ext.z].map(|e| (e / c) as usize + 1);
        let mut dims = dims_of(cell);
        let limit = MAX_CELLS.min(tris.len().saturating_mul(16).max(64));
        while dims.iter().product::<usize>() > limit {
            cell *= 1.3;
            dims = dims_of(cell);
        }
        let cell_of = |p: Vec3, c: f64, d: &[usize; 3]| {
            let q = (p - lo) / c;
            [q.x, q.y, q.z]
                .iter()
                .zip(d)
                .map(|(v, &n)| (v.max(0.0) as usize).min(n - 1))
                .collect::<Vec<usize>>()
        };
        let bbox = |t: &[Vec3; 3]| (t[0].min(t[1]).min(t[2]), t[0].max(t[1]).max(t[2]));
        let (start, items) = bucket(tris.len(), dims.iter().product(), |i, f| {
            let (a, b) = bbox(&tris[i]);
            let (ca, cb) = (cell_of(a, cell, &dims), cell_of(b, cell, &dims));
            for z in ca[2]..=cb[2] {
                for y in ca[1]..=cb[1] {
                    for x in ca[0]..=cb[0] {
                        f((z * dims[1] + y) * dims[0] + x);
                    }
                }
            }
        });
        let col_cell = cell;
        let col_dims = [dims[0], dims[1]];
        let (col_start, col_items) = bucket(tris.len(), col_dims[0] * col_dims[1], |i, f| {
            let (a, b) = bbox(&tris[i]);
            let (ca, cb) = (cell_of(a, cell, &dims), cell_of(b, cell, &dims));
            for y in ca[1]..=cb[1] {
                for x in ca[0]..=cb[0] {
                    f(y * col_dims[0] + x);
                }
            }
        });
        TriangleIndex {
            tris,
            lo,
            cell,
            dims,
            start,
            items,
            col_cell,
            col_dims,
            col_start,
            col_items,
        }
    }

    /// Lower and upper corners of the bounding box.
    pub(crate) fn bounds(&self) -> (Vec3, Vec3) {
        let hi = self.lo
            + Vec3::new(
                self.dims[0] as f64 * self.cell,
                self.dims[1] as f64 * self.cell,
                self.dims[2] as f64 * self.cell,
            );
        (self.lo, hi)
    }

    /// The nearest point of the mesh to `p`.
    pub(crate) fn nearest(&self, p: Vec3) -> Nearest {
        let q = (p - self.lo) / self.cell;
        let c0 = [q.x, q.y, q.z]
            .iter()
            .zip(&self.dims)
            .map(|(v, &n)| (v.max(0.0) as usize).min(n - 1) as i64)
            .collect::<Vec<i64>>();
        // Distance from `p` to the faces of its own cell (0 when `p` is outside the grid).
        let inner = [q.x, q.y, q.z]
            .iter()
            .zip(&self.dims)
            .map(|(v, &n)| {
                if *v < 0.0 || *v >= n as f64 {
                    0.0
                } else {
                    let f = v - v.floor();
                    f.min(1.0 - f) * self.cell
                }
            })
            .fold(f64::INFINITY, f64::min);
        let mut best = Nearest {
            point: p,
            triangle: 0,
            bary: [1.0, 0.0, 0.0],
            dist: f64::INFINITY,
        };
        let max_ring = *self.dims.iter().max().unwrap_or(&1) as i64;
        for k in 0..=max_ring {
            for z in (c0[2] - k).max(0)..=(c0[2] + k).min(self.dims[2] as i64 - 1) {
                for y in (c0[1] - k).max(0)..=(c0[1] + k).min(self.dims[1] as i64 - 1) {
                    for x in (c0[0] - k).max(0)..=(c0[0] + k).min(self.dims[0] as i64 - 1) {
                        let shell = (x - c0[0])
                            .abs()
                            .max((y - c0[1]).abs())
                            .max((z - c0[2]).abs());
                        if shell != k {
                            continue;
                        }
                        let c =
                            ((z as usize * self.dims[1]) + y as usize) * self.dims[0] + x as usize;
                        for &t in &self.items[self.start[c] as usize..self.start[c + 1] as usize] {
                            let (point, bary) = closest_on_triangle(&self.tris[t as usize], p);
                            let dist = point.dist(p);
                            if dist < best.dist {
                                best = Nearest {
                                    point,
                                    triangle: t as usize,
                                    bary,
                                    dist,
                                };
                            }
                        }
                    }
                }
            }
            // Everything outside rings 0..=k is at least this far from `p`.
            if best.dist <= k as f64 * self.cell + inner {
                break;
            }
        }
        best
    }

    /// The heights `z` where the vertical line through `(x, y)` crosses the mesh, sorted.
    pub(crate) fn crossings(&self, x: f64, y: f64) -> Vec<f64> {
        let cx = ((x - self.lo.x) / self.col_cell).floor();
        let cy = ((y - self.lo.y) / self.col_cell).floor();
        if cx < 0.0 || cy < 0.0 || cx >= self.col_dims[0] as f64 || cy >= self.col_dims[1] as f64 {
            return Vec::new();
        }
        let c = cy as usize * self.col_dims[0] + cx as usize;
        let mut zs: Vec<f64> = self.col_items
            [self.col_start[c] as usize..self.col_start[c + 1] as usize]
            .iter()
            .filter_map(|&t| {
                let [a, b, cc] = self.tris[t as usize];
                let d = (b.x - a.x) * (cc.y - a.y) - (cc.x - a.x) * (b.y - a.y);
                if d.abs() < 1e-15 {
                    return None;
                }
                let l1 = ((x - a.x) * (cc.y - a.y) - (cc.x - a.x) * (y - a.y)) / d;
                let l2 = ((b.x - a.x) * (y - a.y) - (x - a.x) * (b.y - a.y)) / d;
                let l0 = 1.0 - l1 - l2;
                // Half-open on two edges so a ray through a shared edge counts once.
                let inside = (l0 > 0.0 || (l0 == 0.0 && l1 > 0.0))
                    && l1 >= 0.0
                    && l2 >= 0.0
                    && (l2 > 0.0 || l1 < 1.0);
                inside.then_some(a.z * l0 + b.z * l1 + cc.z * l2)
            })
            .collect();
        zs.sort_by(f64::total_cmp);
        zs
    }

    /// Whether `p` is inside the closed mesh (parity of the crossings above it).
    pub(crate) fn contains(&self, p: Vec3) -> bool {
        self.crossings(p.x, p.y)
            .iter()
            .filter(|&&z| z > p.z)
            .count()
            % 2
            == 1
    }
}

/// Counting-sort buckets: `cells_of(i, f)` calls `f(cell)` for every cell of item `i`.
fn bucket(
    items: usize,
    cells: usize,
    cells_of: impl Fn(usize, &mut dyn FnMut(usize)),
) -> (Vec<u32>, Vec<u32>) {
    let mut start = vec![0u32; cells + 1];
    for i in 0..items {
        cells_of(i, &mut |c| start[c + 1] += 1);
    }
    for c in 0..cells {
        start[c + 1] += start[c];
    }
    let mut fill = start.clone();
    let mut out = vec![0u32; start[cells] as usize];
    for i in 0..items {
        cells_of(i, &mut |c| {
            out[fill[c] as usize] = i as u32;
            fill[c] += 1;
        });
    }
    (start, out)
}

/// The closest point of triangle `t` to `p`, with its barycentric coordinates
/// (Ericson, *Real-Time Collision Detection*, 5.1.5).
pub(crate) fn closest_on_triangle(t: &[Vec3; 3], p: Vec3) -> (Vec3, [f64; 3]) {
    let [a, b, c] = *t;
    let (ab, ac, ap) = (b - a, c - a, p - a);
    let (d1, d2) = (ab.dot(ap), ac.dot(ap));
    if d1 <= 0.0 && d2 <= 0.0 {
        return (a, [1.0, 0.0, 0.0]);
    }
    let bp = p - b;
    let (d3, d4) = (ab.dot(bp), ac.dot(bp));
    if d3 >= 0.0 && d4 <= d3 {
        return (b, [0.0, 1.0, 0.0]);
    }
    let vc = d1 * d4 - d3 * d2;
    if vc <= 0.0 && d1 >= 0.0 && d3 <= 0.0 {
        let v = d1 / (d1 - d3);
        return (a + ab * v, [1.0 - v, v, 0.0]);
    }
    let cp = p - c;
    let (d5, d6) = (ab.dot(cp), ac.dot(cp));
    if d6 >= 0.0 && d5 <= d6 {
        return (c, [0.0, 0.0, 1.0]);
    }
    let vb = d5 * d2 - d1 * d6;
    if vb <= 0.0 && d2 >= 0.0 && d6 <= 0.0 {
        let w = d2 / (d2 - d6);
        return (a + ac * w, [1.0 - w, 0.0, w]);
    }
    let va = d3 * d6 - d5 * d4;
    if va <= 0.0 && (d4 - d3) >= 0.0 && (d5 - d6) >= 0.0 {
        let w = (d4 - d3) / ((d4 - d3) + (d5 - d6));
        return (b + (c - b) * w, [0.0, 1.0 - w, w]);
    }
    let denom = 1.0 / (va + vb + vc);
    let (v, w) = (vb * denom, vc * denom);
    (a + ab * v + ac * w, [1.0 - v - w, v, w])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A closed axis-aligned box as 12 triangles.
    fn cube(h: f64) -> Vec<[Vec3; 3]> {
        let v = |x: f64, y: f64, z: f64| Vec3::new(x * h, y * h, z * h);
        let quads = [
            [
                v(-1., -1., -1.),
                v(1., -1., -1.),
                v(1., 1., -1.),
                v(-1., 1., -1.),
            ],
            [
                v(-1., -1., 1.),
                v(1., -1., 1.),
                v(1., 1., 1.),
                v(-1., 1., 1.),
            ],
            [
                v(-1., -1., -1.),
                v(1., -1., -1.),
                v(1., -1., 1.),
                v(-1., -1., 1.),
            ],
            [
                v(-1., 1., -1.),
                v(1., 1., -1.),
                v(1., 1., 1.),
                v(-1., 1., 1.),
            ],
            [
                v(-1., -1., -1.),
                v(-1., 1., -1.),
                v(-1., 1., 1.),
                v(-1., -1., 1.),
            ],
            [
                v(1., -1., -1.),
                v(1., 1., -1.),
                v(1., 1., 1.),
                v(1., -1., 1.),
            ],
        ];
        quads
            .iter()
            .flat_map(|q| [[q[0], q[1], q[2]], [q[0], q[2], q[3]]])
            .collect()
    }

    #[test]
    fn nearest_and_inside_on_a_cube() {
        let idx = TriangleIndex::new(cube(10.0), 2.0);
        let n = idx.nearest(Vec3::new(3.0, 2.0, 25.0));
        assert!((n.dist - 15.0).abs() < 1e-9 && (n.point.z - 10.0).abs() < 1e-9);
        let n = idx.nearest(Vec3::new(1.0, 0.5, 8.0));
        assert!((n.dist - 2.0).abs() < 1e-9, "{n:?}");
        assert!(idx.contains(Vec3::new(1.0, 2.0, 3.0)));
        assert!(!idx.contains(Vec3::new(1.0, 2.0, 13.0)));
        assert!(!idx.contains(Vec3::new(11.0, 2.0, 3.0)));
        assert_eq!(idx.crossings(0.3, 0.7), vec![-10.0, 10.0]);
    }
}
