//! Parallel full scans over all `rows × cols` squared-distance arcs, computing costs on
//! the fly from the points (no `n²` matrix): c-transforms of duals, the `k` arcs of
//! smallest reduced cost per row, and the global optimality certificate. Each row's result
//! depends only on that row, so the output is the same for any thread count.

use rayon::prelude::*;

use super::geom::Soa;
use super::sparse::Arc;

/// Columns are processed in blocks of this many, vectorised, before any branching.
const LANES: usize = 8;

/// Rows per rayon task.
const ROWS_PER_TASK: usize = 16;

/// Optional filter on (row, column) pairs, in the caller's indices.
pub(crate) type Filter<'a> = Option<&'a (dyn Fn(usize, usize) -> bool + Sync)>;

/// `out[j] = min_i (c(i, j) − u[i])` for every column: the c-transform of row duals.
pub(crate) fn c_transform(rows: &Soa, u: &[f64], cols: &Soa) -> Vec<f64> {
    (0..cols.len())
        .into_par_iter()
        .with_min_len(ROWS_PER_TASK)
        .map(|j| min_reduced(cols.get(j), rows, u))
        .collect()
}

/// `min_i (‖p − rows[i]‖² − w[i])`, vectorised over `LANES` accumulators.
fn min_reduced(p: [f64; 3], rows: &Soa, w: &[f64]) -> f64 {
    let n = rows.len();
    let mut acc = [f64::INFINITY; LANES];
    let full = n - n % LANES;
    let (xs, ys, zs) = (&rows.x[..n], &rows.y[..n], &rows.z[..n]);
    let w = &w[..n];
    let mut i = 0;
    while i < full {
        for l in 0..LANES {
            let dx = xs[i + l] - p[0];
            let dy = ys[i + l] - p[1];
            let dz = zs[i + l] - p[2];
            let r = dx * dx + dy * dy + dz * dz - w[i + l];
            acc[l] = if r < acc[l] { r } else { acc[l] };
        }
        i += LANES;
    }
    let mut m = acc.iter().copied().fold(f64::INFINITY, f64::min);
    for (k, &wk) in w.iter().enumerate().skip(full) {
        let r = rows.d2(k, p) - wk;
        if r < m {
            m = r;
        }
    }
    m
}

/// Best arcs of one row found by [`top_k`]: reduced cost, column, cost, sorted by reduced
/// cost then column.
type Best = Vec<(f64, u32, f64)>;

/// The (at most) `k` arcs of row point `p` of smallest reduced cost `c − v[j]` that are
/// strictly below `limit` and pass `keep`, sorted by (reduced cost, column).
fn top_k(
    p: [f64; 3],
    cols: &Soa,
    v: &[f64],
    k: usize,
    limit: f64,
    keep: &dyn Fn(usize) -> bool,
    best: &mut Best,
) {
    best.clear();
    let n = cols.len();
    let (xs, ys, zs, v) = (&cols.x[..n], &cols.y[..n], &cols.z[..n], &v[..n]);
    let mut thr = limit;
    let consider = |j: usize, c: f64, r: f64, thr: &mut f64, best: &mut Best| {
        if !keep(j) {
            return;
        }
        let pos = best.partition_point(|e| e.0 < r || (e.0 == r && (e.1 as usize) < j));
        if pos >= k {
            return;
        }
        if best.len() == k {
            best.pop();
        }
        best.insert(pos, (r, j as u32, c));
        if best.len() == k {
            *thr = best[k - 1].0;
        }
    };
    let full = n - n % LANES;
    let mut c = [0.0; LANES];
    let mut r = [0.0; LANES];
    let mut j0 = 0;
    while j0 < full {
        let mut m = f64::INFINITY;
        for l in 0..LANES {
            let dx = xs[j0 + l] - p[0];
            let dy = ys[j0 + l] - p[1];
            let dz = zs[j0 + l] - p[2];
            c[l] = dx * dx + dy * dy + dz * dz;
            r[l] = c[l] - v[j0 + l];
            m = if r[l] < m { r[l] } else { m };
        }
        // `<=` keeps ties with the current k-th arc, which may win on column index.
        if m <= thr {
            for l in 0..LANES {
                if r[l] <= thr && r[l] < limit {
                    consider(j0 + l, c[l], r[l], &mut thr, best);
                }
            }
        }
        j0 += LANES;
    }
    for (j, &vj) in v.iter().enumerate().skip(full) {
        let cj = cols.d2(j, p);
        let rj = cj - vj;
        if rj <= thr && rj < limit {
            consider(j, cj, rj, &mut thr, best);
        }
    }
}

/// For every row, its `k` arcs of smallest reduced cost `c_ij − v_j` among the pairs
/// allowed by `filter`, as candidate arcs.
pub(crate) fn candidates(
    rows: &Soa,
    cols: &Soa,
    v: &[f64],
    k: usize,
    filter: Filter<'_>,
) -> Vec<Vec<Arc>> {
    (0..rows.len())
        .into_par_iter()
        .with_min_len(ROWS_PER_TASK)
        .map_init(Vec::new, |best, i| {
            let keep = |j: usize| filter.is_none_or(|f| f(i, j));
            top_k(rows.get(i), cols, v, k, f64::INFINITY, &keep, best);
            best.iter()
                .map(|&(_, col, cost)| Arc { col, cost })
                .collect()
        })
        .collect()
}

/// The `k` best allowed arcs of each listed row (same as [`candidates`] for a subset).
pub(crate) fn candidates_of(
    which: &[u32],
    rows: &Soa,
    cols: &Soa,
    v: &[f64],
    k: usize,
    filter: Filter<'_>,
) -> Vec<Vec<Arc>> {
    which
        .par_iter()
        .with_min_len(1)
        .map_init(Vec::new, |best, &i| {
            let i = i as usize;
            let keep = |j: usize| filter.is_none_or(|f| f(i, j));
            top_k(rows.get(i), cols, v, k, f64::INFINITY, &keep, best);
            best.iter()
                .map(|&(_, col, cost)| Arc { col, cost })
                .collect()
        })
        .collect()
}

/// Global optimality certificate. `bound[i]` is row `i`'s dual `u_i` (the reduced cost of
/// its assigned arc). Returns, for every row with an allowed arc of reduced cost below
/// `u_i − tol`, its (at most) `k` most violated arcs. An empty result certifies that the
/// assignment is optimal over all allowed arcs.
pub(crate) fn violations(
    rows: &Soa,
    cols: &Soa,
    v: &[f64],
    bound: &[f64],
    tol: f64,
    k: usize,
    filter: Filter<'_>,
) -> Vec<(u32, Vec<Arc>)> {
    let per_row: Vec<Option<Vec<Arc>>> = (0..rows.len())
        .into_par_iter()
        .with_min_len(ROWS_PER_TASK)
        .map_init(Vec::new, |best, i| {
            let keep = |j: usize| filter.is_none_or(|f| f(i, j));
            top_k(rows.get(i), cols, v, k, bound[i] - tol, &keep, best);
            (!best.is_empty()).then(|| {
                best.iter()
                    .map(|&(_, col, cost)| Arc { col, cost })
                    .collect()
            })
        })
        .collect();
    per_row
        .into_iter()
        .enumerate()
        .filter_map(|(i, a)| a.map(|a| (i as u32, a)))
        .collect()
}
