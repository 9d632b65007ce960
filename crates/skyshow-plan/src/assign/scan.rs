//! Parallel scans over all `queries × points` squared-distance arcs with dual weights,
//! `r(q, j) = ‖q − p_j‖² − w_j`, computing costs on the fly (no `n²` matrix): c-transforms
//! of duals, the `k` arcs of smallest reduced cost per row, and the global optimality
//! certificate.
//!
//! The points are sorted along a Morton curve and cut into blocks of [`BLOCK`]. Each block
//! keeps its bounding box and a tangent plane of its weights, `w_j ≤ w0 + g·(p_j − c) + e`,
//! which gives an exact lower bound of `r` over the whole block:
//! `r ≥ dist²(q + g/2, box) − ‖g‖²/4 − g·(q − c) − w0 − e`. Blocks whose bound cannot beat
//! the current threshold are skipped, so a scan touches only a few blocks per query while
//! returning exactly what a full scan would. Runs of [`SUPER`] blocks are bounded the same
//! way, so a query first ranks a few dozen runs, and only bounds the blocks of the runs
//! that can still hold an answer (best run first, so the threshold drops early). Each
//! query's result depends only on that query (the `k` smallest under a total order), so
//! the output is the same for any thread count and any visiting order.

use rayon::prelude::*;

use super::geom::Soa;
use super::sparse::Arc;

/// Points per block.
const BLOCK: usize = 32;
/// Queries per rayon task.
const QUERIES_PER_TASK: usize = 32;
/// Blocks per run: a query bounds every run, then the blocks of the runs it needs.
const SUPER: usize = 16;

/// Optional filter on (row, column) pairs, in the caller's indices.
pub(crate) type Filter<'a> = Option<&'a (dyn Fn(usize, usize) -> bool + Sync)>;

#[derive(Clone, Copy, Debug, Default)]
struct Block {
    lo: [f64; 3],
    hi: [f64; 3],
    /// Centre of the tangent plane.
    c: [f64; 3],
    /// Half the plane's gradient, `g / 2`.
    hg: [f64; 3],
    /// `‖g‖²/4 + w0 + e`, plus a round-off margin is applied per query.
    off: f64,
}

/// Weighted points in Morton order with per-block bounds.
pub(crate) struct Blocks {
    pts: Soa,
    idx: Vec<u32>,
    w: Vec<f64>,
    blocks: Vec<Block>,
    /// Bounds over runs of [`SUPER`] blocks (run `s`: blocks `s·SUPER..(s + 1)·SUPER`).
    supers: Vec<Block>,
}

/// A query's scratch space: the bounds of the runs, then of one run's blocks.
#[derive(Default)]
struct Scratch {
    runs: Vec<(f64, u32)>,
    blocks: Vec<(f64, u32)>,
}

fn by_bound(a: &(f64, u32), b: &(f64, u32)) -> std::cmp::Ordering {
    a.0.total_cmp(&b.0).then(a.1.cmp(&b.1))
}

impl Blocks {
    /// Blocks over `points` (caller's order) visited in `order` (a Morton order), with
    /// weights `w` (caller's order).
    pub(crate) fn new(points: &Soa, order: &[u32], w: &[f64]) -> Self {
        let pts = Soa {
            x: order.iter().map(|&i| points.x[i as usize]).collect(),
            y: order.iter().map(|&i| points.y[i as usize]).collect(),
            z: order.iter().map(|&i| points.z[i as usize]).collect(),
        };
        let mut b = Blocks {
            pts,
            idx: order.to_vec(),
            w: Vec::new(),
            blocks: Vec::new(),
            supers: Vec::new(),
        };
        b.set_weights(w);
        b
    }

    /// Replace the weights (caller's order) and refit the block planes.
    pub(crate) fn set_weights(&mut self, w: &[f64]) {
        self.w = self.idx.iter().map(|&i| w[i as usize]).collect();
        let n = self.idx.len();
        self.blocks = (0..n.div_ceil(BLOCK))
            .map(|b| self.fit(b * BLOCK, ((b + 1) * BLOCK).min(n)))
            .collect();
        let run = SUPER * BLOCK;
        self.supers = (0..n.div_ceil(run))
            .map(|s| self.fit(s * run, ((s + 1) * run).min(n)))
            .collect();
    }

    /// Bounding box and tangent plane of the weights over positions `s..e`.
    fn fit(&self, s: usize, e: usize) -> Block {
        let p = &self.pts;
        let m = (e - s) as f64;
        let mut lo = [f64::INFINITY; 3];
        let mut hi = [f64::NEG_INFINITY; 3];
        let mut c = [0.0; 3];
        let mut wm = 0.0;
        for k in s..e {
            let q = p.get(k);
            for a in 0..3 {
                lo[a] = lo[a].min(q[a]);
                hi[a] = hi[a].max(q[a]);
                c[a] += q[a];
            }
            wm += self.w[k];
        }
        for ca in &mut c {
            *ca /= m;
        }
        wm /= m;
        // Least-squares gradient (regularised normal equations; any g gives a valid bound
        // because the residual e is measured exactly below).
        let mut a = [[0.0; 3]; 3];
        let mut rhs = [0.0; 3];
        for k in s..e {
            let q = p.get(k);
            let d = [q[0] - c[0], q[1] - c[1], q[2] - c[2]];
            for r in 0..3 {
                for t in 0..3 {
                    a[r][t] += d[r] * d[t];
                }
                rhs[r] += d[r] * (self.w[k] - wm);
            }
        }
        let tr = a[0][0] + a[1][1] + a[2][2];
        for (r, row) in a.iter_mut().enumerate() {
            row[r] += 1e-9 * tr + 1e-12;
        }
        let g = solve3(a, rhs);
        let mut e_max = f64::NEG_INFINITY;
        for k in s..e {
            let q = p.get(k);
            let plane = wm + g[0] * (q[0] - c[0]) + g[1] * (q[1] - c[1]) + g[2] * (q[2] - c[2]);
            e_max = e_max.max(self.w[k] - plane);
        }
        let hg = [0.5 * g[0], 0.5 * g[1], 0.5 * g[2]];
        Block {
            lo,
            hi,
            c,
            hg,
            off: hg[0] * hg[0] + hg[1] * hg[1] + hg[2] * hg[2] + wm + e_max,
        }
    }

    /// Lower bound of `‖q − p_j‖² − w_j` over block `b`.
    #[inline]
    fn bound(&self, b: &Block, q: [f64; 3]) -> f64 {
        let mut dist = 0.0;
        let mut lin = 0.0;
        #[allow(clippy::needless_range_loop)]
        for a in 0..3 {
            let s = q[a] + b.hg[a];
            let d = if s < b.lo[a] {
                b.lo[a] - s
            } else if s > b.hi[a] {
                s - b.hi[a]
            } else {
                0.0
            };
            dist += d * d;
            lin += 2.0 * b.hg[a] * (q[a] - b.c[a]);
        }
        let lb = dist - lin - b.off;
        // Round-off margin, far above the error of the terms above.
        lb - 1e-12 * (dist + lin.abs() + b.off.abs()) - 1e-300
    }

    /// The (at most) `k` points of smallest `r = ‖q − p_j‖² − w_j` with `r < limit` that
    /// pass `keep` (caller's index), as (r, index, ‖q − p_j‖²), sorted by r, ties by index
    /// in the cyclic order starting at `rot` (so identical queries with different `rot`
    /// spread over tied points instead of all taking the same few).
    #[allow(clippy::too_many_arguments)]
    fn top_k(
        &self,
        q: [f64; 3],
        rot: u32,
        k: usize,
        limit: f64,
        keep: &dyn Fn(usize) -> bool,
        scratch: &mut Scratch,
        best: &mut Vec<(f64, u32, f64)>,
    ) {
        best.clear();
        let Scratch { runs, blocks } = scratch;
        runs.clear();
        runs.extend(
            self.supers
                .iter()
                .enumerate()
                .map(|(s, blk)| (self.bound(blk, q), s as u32)),
        );
        runs.sort_unstable_by(by_bound);
        // Bounds only grow along the sorted lists and the threshold only drops: once a
        // bound is above it, so is every later one.
        let mut thr = limit;
        for &(lb, s) in runs.iter() {
            if lb > thr {
                break;
            }
            let first = s as usize * SUPER;
            let last = (first + SUPER).min(self.blocks.len());
            blocks.clear();
            blocks.extend((first..last).map(|b| (self.bound(&self.blocks[b], q), b as u32)));
            blocks.sort_unstable_by(by_bound);
            for &(lb, b) in blocks.iter() {
                if lb > thr {
                    break;
                }
                self.scan_block(b as usize, q, rot, k, limit, keep, &mut thr, best);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn scan_block(
        &self,
        b: usize,
        q: [f64; 3],
        rot: u32,
        k: usize,
        limit: f64,
        keep: &dyn Fn(usize) -> bool,
        thr: &mut f64,
        best: &mut Vec<(f64, u32, f64)>,
    ) {
        let s = b * BLOCK;
        let e = (s + BLOCK).min(self.idx.len());
        let m = e - s;
        let (xs, ys, zs, ws) = (
            &self.pts.x[s..e],
            &self.pts.y[s..e],
            &self.pts.z[s..e],
            &self.w[s..e],
        );
        let mut c = [0.0; BLOCK];
        let mut r = [0.0; BLOCK];
        let mut mn = f64::INFINITY;
        for l in 0..m {
            let dx = xs[l] - q[0];
            let dy = ys[l] - q[1];
            let dz = zs[l] - q[2];
            c[l] = dx * dx + dy * dy + dz * dz;
            r[l] = c[l] - ws[l];
            mn = if r[l] < mn { r[l] } else { mn };
        }
        // `<=` keeps ties with the current k-th point, which may win on index.
        if mn > *thr {
            return;
        }
        for l in 0..m {
            let rl = r[l];
            if rl > *thr || rl >= limit {
                continue;
            }
            let j = self.idx[s + l];
            if !keep(j as usize) {
                continue;
            }
            let key = j.wrapping_sub(rot);
            let pos =
                best.partition_point(|e| e.0 < rl || (e.0 == rl && e.1.wrapping_sub(rot) < key));
            if pos >= k {
                continue;
            }
            if best.len() == k {
                best.pop();
            }
            best.insert(pos, (rl, j, c[l]));
            if best.len() == k {
                *thr = best[k - 1].0;
            }
        }
    }
}

/// Solve the 3×3 system `a x = b` (Cramer's rule; `a` symmetric positive definite).
fn solve3(a: [[f64; 3]; 3], b: [f64; 3]) -> [f64; 3] {
    let det = |m: [[f64; 3]; 3]| {
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
    };
    let d = det(a);
    if d.abs() <= f64::MIN_POSITIVE || !d.is_finite() {
        return [0.0; 3];
    }
    let mut x = [0.0; 3];
    for (col, xc) in x.iter_mut().enumerate() {
        let mut m = a;
        for r in 0..3 {
            m[r][col] = b[r];
        }
        *xc = det(m) / d;
    }
    if x.iter().all(|v| v.is_finite()) {
        x
    } else {
        [0.0; 3]
    }
}

/// `out[j] = min_i (‖q_j − p_i‖² − w_i)` for every query point: the c-transform of the
/// weights held by `rows`.
pub(crate) fn c_transform(rows: &Blocks, queries: &Soa) -> Vec<f64> {
    (0..queries.len())
        .into_par_iter()
        .with_min_len(QUERIES_PER_TASK)
        .map_init(
            || (Scratch::default(), Vec::new()),
            |(lbs, best), j| {
                rows.top_k(queries.get(j), 0, 1, f64::INFINITY, &|_| true, lbs, best);
                best.first().map_or(f64::INFINITY, |e| e.0)
            },
        )
        .collect()
}

/// The `k` allowed arcs of smallest reduced cost `c_ij − v_j` of each listed row (all rows
/// if `which` is `None`), as candidate arcs.
pub(crate) fn candidates(
    which: Option<&[u32]>,
    rows: &Soa,
    cols: &Blocks,
    k: usize,
    filter: Filter<'_>,
) -> Vec<Vec<Arc>> {
    let one = |lbs: &mut Scratch, best: &mut Vec<(f64, u32, f64)>, i: usize| {
        let keep = |j: usize| filter.is_none_or(|f| f(i, j));
        cols.top_k(rows.get(i), i as u32, k, f64::INFINITY, &keep, lbs, best);
        best.iter()
            .map(|&(_, col, cost)| Arc { col, cost })
            .collect::<Vec<Arc>>()
    };
    match which {
        None => (0..rows.len())
            .into_par_iter()
            .with_min_len(QUERIES_PER_TASK)
            .map_init(
                || (Scratch::default(), Vec::new()),
                |(l, b), i| one(l, b, i),
            )
            .collect(),
        Some(w) => w
            .par_iter()
            .map_init(
                || (Scratch::default(), Vec::new()),
                |(l, b), &i| one(l, b, i as usize),
            )
            .collect(),
    }
}

/// Global optimality certificate. `bound[i]` is row `i`'s dual `u_i` (the reduced cost of
/// its assigned arc). Returns, for every row with an allowed arc of reduced cost below
/// `u_i − tol`, its (at most) `k` most violated arcs. An empty result certifies that the
/// assignment is optimal over all allowed arcs.
pub(crate) fn violations(
    rows: &Soa,
    cols: &Blocks,
    bound: &[f64],
    tol: f64,
    k: usize,
    filter: Filter<'_>,
) -> Vec<(u32, Vec<Arc>)> {
    let per_row: Vec<Option<Vec<Arc>>> = (0..rows.len())
        .into_par_iter()
        .with_min_len(QUERIES_PER_TASK)
        .map_init(
            || (Scratch::default(), Vec::new()),
            |(lbs, best), i| {
                let keep = |j: usize| filter.is_none_or(|f| f(i, j));
                cols.top_k(rows.get(i), i as u32, k, bound[i] - tol, &keep, lbs, best);
                (!best.is_empty()).then(|| {
                    best.iter()
                        .map(|&(_, col, cost)| Arc { col, cost })
                        .collect()
                })
            },
        )
        .collect();
    per_row
        .into_iter()
        .enumerate()
        .filter_map(|(i, a)| a.map(|a| (i as u32, a)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::Vec3;

    /// The `k` arcs of smallest `r` below `limit` passing the filter, by a full scan under
    /// the same order (r, then index cyclically from the row).
    fn brute(
        q: [f64; 3],
        pts: &[Vec3],
        w: &[f64],
        i: usize,
        k: usize,
        limit: f64,
        keep: &dyn Fn(usize, usize) -> bool,
    ) -> Vec<u32> {
        let mut all: Vec<(f64, u32)> = (0..pts.len())
            .filter(|&j| keep(i, j))
            .map(|j| {
                let (dx, dy, dz) = (pts[j].x - q[0], pts[j].y - q[1], pts[j].z - q[2]);
                (dx * dx + dy * dy + dz * dz - w[j], j as u32)
            })
            .filter(|e| e.0 < limit)
            .collect();
        let rot = i as u32;
        all.sort_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then(a.1.wrapping_sub(rot).cmp(&b.1.wrapping_sub(rot)))
        });
        all.truncate(k);
        all.into_iter().map(|e| e.1).collect()
    }

    #[test]
    fn scans_return_exactly_what_a_full_scan_would() {
        let mut rnd = crate::test_rng::uniform(5);
        // Several runs of blocks; a lattice (many equal costs, so ties decide), weights
        // with a trend and noise (so block and run bounds are loose in places).
        let n = 3_000;
        let pts: Vec<Vec3> = (0..n)
            .map(|j| {
                Vec3::new(
                    (j % 40) as f64 * 2.0,
                    ((j / 40) % 25) as f64 * 2.0,
                    (j / 1000) as f64 * 2.0,
                )
            })
            .collect();
        let w: Vec<f64> = pts
            .iter()
            .map(|p| 3.0 * p.x - 0.5 * p.y + (rnd() * 40.0).floor())
            .collect();
        let rows: Vec<Vec3> = (0..200)
            .map(|_| Vec3::new(rnd() * 90.0 - 5.0, rnd() * 60.0 - 5.0, rnd() * 6.0))
            .collect();
        let soa = Soa::from_points(&pts);
        let blocks = Blocks::new(&soa, &soa.morton_order(), &w);
        let keep = |i: usize, j: usize| !(i + j).is_multiple_of(7);
        let filter: &(dyn Fn(usize, usize) -> bool + Sync) = &keep;
        let row_soa = Soa::from_points(&rows);
        for k in [1, 5, 24] {
            let got = candidates(None, &row_soa, &blocks, k, Some(filter));
            for (i, arcs) in got.iter().enumerate() {
                let want = brute(rows[i].to_array(), &pts, &w, i, k, f64::INFINITY, &keep);
                let cols: Vec<u32> = arcs.iter().map(|a| a.col).collect();
                assert_eq!(cols, want, "row {i}, k {k}");
            }
        }
        // With a limit: only arcs below it, possibly none.
        let bound: Vec<f64> = (0..rows.len()).map(|i| -250.0 + i as f64).collect();
        let viol = violations(&row_soa, &blocks, &bound, 0.0, 3, None);
        for i in 0..rows.len() {
            let want = brute(rows[i].to_array(), &pts, &w, i, 3, bound[i], &|_, _| true);
            let got: Vec<u32> = viol
                .iter()
                .find(|(r, _)| *r as usize == i)
                .map_or(Vec::new(), |(_, a)| a.iter().map(|a| a.col).collect());
            assert_eq!(got, want, "row {i}");
        }
        assert!(!viol.is_empty() && viol.len() < rows.len());
        let ct = c_transform(&blocks, &row_soa);
        for (i, v) in ct.iter().enumerate() {
            let want = brute(
                rows[i].to_array(),
                &pts,
                &w,
                0,
                1,
                f64::INFINITY,
                &|_, _| true,
            );
            let j = want[0] as usize;
            let p = rows[i];
            let r = (pts[j].x - p.x).powi(2) + (pts[j].y - p.y).powi(2) + (pts[j].z - p.z).powi(2)
                - w[j];
            assert!((v - r).abs() <= 1e-9 * r.abs().max(1.0), "{v} vs {r}");
        }
    }
}
