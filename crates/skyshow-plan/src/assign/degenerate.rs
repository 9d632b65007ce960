//! Degenerate instances: pictures in perpendicular planes, layered grids, lines.
//!
//! Over perfect assignments, `Σ ‖a_i − b_π(i)‖²` equals a constant minus
//! `2 Σ (a_i − ā)·(b_π(i) − b̄)`: only the cross term depends on the assignment. If the
//! targets span a subspace `T` (a plane, a line), only the sources' projections onto `T`
//! matter, and if those projections span a smaller subspace `X`, only the targets'
//! projections onto `X` do. The instance is therefore equivalent to the one between
//! `x_i = P_T(a_i − ā)` and `y_j = P_X(b_j − b̄)`, whose points span `r = dim X ≤ 3`
//! dimensions. Two cases are solved here, both exactly:
//!
//! * `r ≤ 1` (a vertical wall into a horizontal ring: only one horizontal axis is shared):
//!   sorting both sides along the line is optimal, since the cost is convex.
//! * Many sources (or targets) coincide after the reduction (a layered takeoff grid into
//!   a vertical wall: a column of drones projects onto one point): the coinciding points
//!   are merged into groups and the transportation problem between groups and the other
//!   side is solved (`transport.rs`); within a group every pairing costs the same.
//!
//! Such instances have very many optimal assignments, and which one is returned matters
//! for flying: within each set of interchangeable sources (equal key along the line, or
//! one group), the pairing minimising `Σ d⁴` is chosen, which keeps the sum of squares and
//! evens the flights out, so the longest flight stays near the bottleneck (a wall turned
//! 90° about the vertical, 16,000 drones: duration 1.28 → 1.01 × the lower bound).
//!
//! Such instances are exactly the ones on which the general solver is slow: coinciding
//! rows rank every target alike. Everything else returns `None` and goes to the general
//! solver.

use skyshow_model::Vec3;

use super::dense;
use super::transport::Transport;

/// A subspace is dropped when no point deviates from it by more than this fraction of the
/// point set's extent: the cost error per pair is then at most `2 · 1e-10 · extent²`,
/// below the solvers' own tolerance.
const SPAN_TOL: f64 = 1e-10;
/// Points closer than this fraction of the extent (after the reduction) are merged.
const MERGE_TOL: f64 = 1e-9;
/// Groups are worth it when they hold at least this many points on average …
const MIN_GROUP_MEAN: usize = 4;
/// … and there are at most this many (each check of the potentials costs `O(n·G)`).
/// Measured at 16,000 points against the general solver: a cube lattice of 625 columns
/// into a wall, 0.24 s against 17 s; 992 columns of 16, 0.35 s against 25 s; 1,980
/// columns of 8, 1.2 s against 8.6 s; 3,969 columns of 4, 2.6 s against 2.9 s.
const MAX_GROUPS: usize = 4096;
/// Groups up to this size get their flights evened out (`refine`, dense: `O(k³)`).
const REFINE_MAX: usize = 400;

/// Solves the instance if it is degenerate (see the module documentation); `None`
/// otherwise.
pub(crate) fn solve(a: &[Vec3], b: &[Vec3]) -> Option<Vec<usize>> {
    let n = a.len();
    debug_assert_eq!(n, b.len());
    if n == 0 {
        return None;
    }
    let ca = centroid(a);
    let cb = centroid(b);
    let ra: Vec<Vec3> = a.iter().map(|p| *p - ca).collect();
    let rb: Vec<Vec3> = b.iter().map(|p| *p - cb).collect();
    let extent = ra.iter().chain(&rb).map(|p| p.norm()).fold(0.0, f64::max);
    if extent == 0.0 {
        return Some((0..n).collect());
    }
    let tol = SPAN_TOL * extent;
    let t = span(&rb, tol);
    let x: Vec<Vec3> = ra.iter().map(|p| project(*p, &t)).collect();
    let xs = span(&x, tol);
    let y: Vec<Vec3> = rb.iter().map(|p| project(*p, &xs)).collect();
    let q = MERGE_TOL * extent;
    match xs.len() {
        0 => {
            // Every assignment has the same sum of squares (a vertical column into a
            // horizontal picture): even the flights out over the whole set.
            let mut target_of: Vec<usize> = (0..n).collect();
            refine(a, b, &mut target_of, &[(0..n).collect()]);
            return Some(target_of);
        }
        1 => {
            let mut target_of = sorted_along(&x, &y, xs[0]);
            let key = |p: &[Vec3], i: usize| (p[i].dot(xs[0]) / q).round() as i64;
            // Sources of equal key may swap targets, and so may sources whose targets
            // have equal key: both keep the sum of squares.
            refine(a, b, &mut target_of, &runs_by(n, |i| key(&x, i)));
            refine_by_targets(a, b, &mut target_of, &runs_by(n, |j| key(&y, j)));
            return Some(target_of);
        }
        _ => {}
    }
    let rows = merge(&x, q);
    let cols = merge(&y, q);
    let fits = |g: &Groups| g.points.len() <= MAX_GROUPS && g.points.len() * MIN_GROUP_MEAN <= n;
    let rows_fit = fits(&rows);
    if rows_fit && (rows.points.len() <= cols.points.len() || !fits(&cols)) {
        let mut target_of = by_groups(&rows, &y);
        refine(a, b, &mut target_of, &rows.members);
        Some(target_of)
    } else if fits(&cols) {
        let mut target_of = inverse(&by_groups(&cols, &x));
        refine_by_targets(a, b, &mut target_of, &cols.members);
        Some(target_of)
    } else {
        None
    }
}

fn centroid(p: &[Vec3]) -> Vec3 {
    let s = p.iter().fold(Vec3::ZERO, |s, q| s + *q);
    s * (1.0 / p.len() as f64)
}

/// An orthonormal basis of a subspace that every point of `p` lies within `tol` of:
/// greedily the direction of the point farthest from the span so far.
fn span(p: &[Vec3], tol: f64) -> Vec<Vec3> {
    let mut basis: Vec<Vec3> = Vec::new();
    while basis.len() < 3 {
        let mut best = (tol, None);
        for q in p {
            let r = residual(*q, &basis);
            let d = r.norm();
            if d > best.0 {
                best = (d, Some(r));
            }
        }
        match best.1 {
            Some(r) => {
                // Re-orthogonalise once more for accuracy.
                let r = residual(r, &basis);
                basis.push(r.normalized());
            }
            None => break,
        }
    }
    basis
}

fn residual(q: Vec3, basis: &[Vec3]) -> Vec3 {
    basis.iter().fold(q, |r, e| r - *e * r.dot(*e))
}

/// The orthogonal projection of `q` onto the span of an orthonormal `basis`.
fn project(q: Vec3, basis: &[Vec3]) -> Vec3 {
    basis.iter().fold(Vec3::ZERO, |s, e| s + *e * q.dot(*e))
}

/// Rank-`r ≤ 1` instances: pair the `k`-th source along `e` with the `k`-th target.
fn sorted_along(x: &[Vec3], y: &[Vec3], e: Vec3) -> Vec<usize> {
    let order = |p: &[Vec3]| {
        let mut o: Vec<(f64, usize)> = p.iter().map(|q| q.dot(e)).zip(0..).collect();
        o.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        o
    };
    let (ox, oy) = (order(x), order(y));
    let mut target_of = vec![0; x.len()];
    for ((_, i), (_, j)) in ox.into_iter().zip(oy) {
        target_of[i] = j;
    }
    target_of
}

/// Groups of the indices `0..n` with equal `key`, in index order, the groups ordered by key.
fn runs_by(n: usize, key: impl Fn(usize) -> i64) -> Vec<Vec<usize>> {
    let mut keyed: Vec<(i64, usize)> = (0..n).map(|i| (key(i), i)).collect();
    keyed.sort_unstable();
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut last = None;
    for (k, i) in keyed {
        if last != Some(k) {
            runs.push(Vec::new());
            last = Some(k);
        }
        runs.last_mut().expect("a run was just opened").push(i);
    }
    runs
}

/// Within each group of sources (any permutation of whose targets keeps the sum of
/// squares), the permutation minimising `Σ ‖a_i − b_π(i)‖⁴`: the sum of squares cannot
/// tell these apart, the fourth powers even the flights out, so the longest one (which
/// sets a synchronised transition's duration) is shorter. Groups larger than
/// `REFINE_MAX` keep their order.
fn refine(a: &[Vec3], b: &[Vec3], target_of: &mut [usize], groups: &[Vec<usize>]) {
    for g in groups {
        let k = g.len();
        if !(2..=REFINE_MAX).contains(&k) {
            continue;
        }
        let targets: Vec<usize> = g.iter().map(|&i| target_of[i]).collect();
        let mut c = Vec::with_capacity(k * k);
        for &i in g {
            c.extend(targets.iter().map(|&j| a[i].dist2(b[j]).powi(2)));
        }
        let sol = dense::solve(k, &c);
        for (r, &i) in g.iter().enumerate() {
            target_of[i] = targets[sol.x[r]];
        }
    }
}

/// [`refine`] over groups of targets: the sources of each group may swap them.
fn refine_by_targets(a: &[Vec3], b: &[Vec3], target_of: &mut [usize], groups: &[Vec<usize>]) {
    let source_of = inverse(target_of);
    let groups: Vec<Vec<usize>> = groups
        .iter()
        .map(|g| g.iter().map(|&j| source_of[j]).collect())
        .collect();
    refine(a, b, target_of, &groups);
}

/// The inverse of a permutation.
fn inverse(p: &[usize]) -> Vec<usize> {
    let mut inv = vec![0; p.len()];
    for (i, &j) in p.iter().enumerate() {
        inv[j] = i;
    }
    inv
}

/// Points merged into groups of (nearly) coinciding points.
struct Groups {
    /// One point per group (its lowest-index member).
    points: Vec<Vec3>,
    /// Members of each group, in index order.
    members: Vec<Vec<usize>>,
}

/// Merges points that fall into the same cell of a grid of pitch `q`.
fn merge(p: &[Vec3], q: f64) -> Groups {
    let key = |v: Vec3| -> [i64; 3] { v.to_array().map(|c| (c / q).round() as i64) };
    let mut keyed: Vec<([i64; 3], usize)> = p.iter().map(|v| key(*v)).zip(0..).collect();
    keyed.sort_unstable();
    let mut g = Groups {
        points: Vec::new(),
        members: Vec::new(),
    };
    let mut last = None;
    for (k, i) in keyed {
        if last != Some(k) {
            g.points.push(p[i]);
            g.members.push(Vec::new());
            last = Some(k);
        }
        g.members
            .last_mut()
            .expect("a group was just opened")
            .push(i);
    }
    g
}

/// Assigns the members of `groups` to `other` by the transportation problem; within a
/// group, members and their targets are paired in index order (every pairing costs the
/// same). Returns the index into `other` of each member.
fn by_groups(groups: &Groups, other: &[Vec3]) -> Vec<usize> {
    let cap = groups.members.iter().map(Vec::len).collect();
    let grp = Transport::solve(&groups.points, cap, other);
    let mut cells: Vec<Vec<usize>> = vec![Vec::new(); groups.points.len()];
    for (j, &g) in grp.iter().enumerate() {
        cells[g as usize].push(j);
    }
    let mut out = vec![0; other.len()];
    for (members, cell) in groups.members.iter().zip(&cells) {
        debug_assert_eq!(members.len(), cell.len());
        for (&i, &j) in members.iter().zip(cell) {
            out[i] = j;
        }
    }
    out
}
