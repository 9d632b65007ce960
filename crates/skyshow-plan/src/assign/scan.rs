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
//! returning exactly what a full scan would. Each query's result depends only on that
//! query, so the output is the same for any thread count.

use rayon::prelude::*;

use super::geom::Soa;
use super::sparse::Arc;

/// Points per block.
const BLOCK: usize = 32;
/// Queries per rayon task.
const QUERIES_PER_TASK: usize = 32;
/// Blocks scanned first, by smallest bound, to get a finite threshold early.
const SEED_BLOCKS: usize = 3;

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
        lbs: &mut Vec<(f64, u32)>,
        best: &mut Vec<(f64, u32, f64)>,
    ) {
        best.clear();
        lbs.clear();
        lbs.extend(
            self.blocks
                .iter()
                .enumerate()
                .map(|(b, blk)| (self.bound(blk, q), b as u32)),
        );
        let mut thr = limit;
        // Seed with the most promising blocks so the threshold drops early.
        let seeds = SEED_BLOCKS.min(lbs.len());
        if seeds > 0 && seeds < lbs.len() {
            lbs.select_nth_unstable_by(seeds - 1, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        }
        for &(lb, b) in lbs.iter() {
            if lb <= thr {
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
            || (Vec::new(), Vec::new()),
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
    let one = |lbs: &mut Vec<(f64, u32)>, best: &mut Vec<(f64, u32, f64)>, i: usize| {
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
            .map_init(|| (Vec::new(), Vec::new()), |(l, b), i| one(l, b, i))
            .collect(),
        Some(w) => w
            .par_iter()
            .map_init(
                || (Vec::new(), Vec::new()),
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
            || (Vec::new(), Vec::new()),
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
