//! The exact minimum sum-of-squared-distances solver: dense JV for small instances, and
//! the multiscale sparse scheme with a global dual certificate for large ones (see the
//! module documentation of `assign`).

use skyshow_model::Vec3;

use super::dense;
use super::geom::{self, Soa};
use super::scan::{self, Blocks, Filter};
use super::sparse::{Arc, NONE, SparseLap};

/// Instances up to this size (unrestricted) are solved densely.
pub(crate) const DENSE_MAX: usize = 200;
/// The coarsest level of the multiscale hierarchy has at most this many points.
const COARSE_MAX: usize = 150;
/// Subsampling factor between consecutive levels.
const LEVEL_FACTOR: usize = 2;
/// Candidate arcs per row at each level.
const K_CANDIDATES: usize = 16;
/// Certificate rounds at the nominal tolerance (a handful are typical).
const CERTIFICATE_ROUNDS: usize = 32;
/// Arcs added per violating row by a certificate round.
const K_VIOLATIONS: usize = 6;

/// A solved instance.
pub(crate) struct Solved {
    /// Target of each source.
    pub(crate) target_of: Vec<usize>,
    /// Column duals (certified: every allowed arc has reduced cost ≥ −tol).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) v: Vec<f64>,
}

/// Solve the (optionally restricted) assignment; `None` if no allowed perfect assignment.
pub(crate) fn solve(a: &[Vec3], b: &[Vec3], filter: Filter<'_>) -> Option<Solved> {
    let n = a.len();
    if n == 0 {
        return Some(Solved {
            target_of: Vec::new(),
            v: Vec::new(),
        });
    }
    let tol = geom::tolerance(a, b);
    if n <= DENSE_MAX {
        let sol = dense_solve(a, b);
        if filter.is_none() {
            return Some(Solved {
                target_of: sol.x,
                v: sol.v,
            });
        }
        return certified_solve(
            &Soa::from_points(a),
            &Soa::from_points(b),
            sol.v,
            filter,
            tol,
        )
        .map(into_solved);
    }
    let v = multiscale_duals(a, b, tol);
    certified_solve(&Soa::from_points(a), &Soa::from_points(b), v, filter, tol).map(into_solved)
}

fn into_solved(lap: SparseLap) -> Solved {
    Solved {
        target_of: lap.x.iter().map(|&j| j as usize).collect(),
        v: lap.v,
    }
}

/// Dense JV on the full squared-distance matrix.
fn dense_solve(a: &[Vec3], b: &[Vec3]) -> dense::DenseSolution {
    let n = a.len();
    let mut c = Vec::with_capacity(n * n);
    for p in a {
        c.extend(b.iter().map(|q| p.dist2(*q)));
    }
    dense::solve(n, &c)
}

/// Column duals for the full instance from a hierarchy of nested Morton subsamples,
/// solved coarsest first, each level warm-started by the c-transform of the previous one.
fn multiscale_duals(a: &[Vec3], b: &[Vec3], tol: f64) -> Vec<f64> {
    let n = a.len();
    let oa = geom::morton_order(a);
    let ob = geom::morton_order(b);
    let lf = LEVEL_FACTOR;
    let mut stride = 1;
    while n.div_ceil(stride) > COARSE_MAX {
        stride *= lf;
    }
    let pick = |o: &[u32], s: usize| -> Vec<u32> { o.iter().copied().step_by(s).collect() };

    // Coarsest level: dense.
    let mut coarse = {
        let ia = pick(&oa, stride);
        let ib = pick(&ob, stride);
        let pa: Vec<Vec3> = ia.iter().map(|&i| a[i as usize]).collect();
        let pb: Vec<Vec3> = ib.iter().map(|&j| b[j as usize]).collect();
        let sol = dense_solve(&pa, &pb);
        let u: Vec<f64> = (0..pa.len())
            .map(|i| pa[i].dist2(pb[sol.x[i]]) - sol.v[sol.x[i]])
            .collect();
        Level {
            rows: Soa::gather(a, &ia),
            u,
        }
    };
    // Finer levels, down to (but excluding) the full instance.
    while stride > lf {
        stride /= lf;
        let ia = pick(&oa, stride);
        let ib = pick(&ob, stride);
        let rows = Soa::gather(a, &ia);
        let cols = Soa::gather(b, &ib);
        let v = transfer(&coarse, &cols);
        let lap = certified_solve(&rows, &cols, v, None, tol)
            .expect("an unrestricted assignment problem always has a solution");
        let u = (0..rows.len()).map(|i| lap.u(i)).collect();
        coarse = Level { rows, u };
    }
    transfer(&coarse, &Soa::from_points(b))
}

/// A solved level of the hierarchy: its points and optimal duals.
struct Level {
    rows: Soa,
    u: Vec<f64>,
}

/// Column duals for a finer level from a solved coarser one: the c-transform of the
/// coarse row duals, `v_j = min_i (c_ij − u_i)` over the coarse rows.
fn transfer(coarse: &Level, cols: &Soa) -> Vec<f64> {
    scan::c_transform(
        &Blocks::new(&coarse.rows, &coarse.rows.morton_order(), &coarse.u),
        cols,
    )
}

/// Solve exactly from column duals `v`: candidate arcs, sparse JV, then certificate rounds
/// over all (allowed) arcs until none is violated.
fn certified_solve(
    pa: &Soa,
    pb: &Soa,
    v: Vec<f64>,
    filter: Filter<'_>,
    tol: f64,
) -> Option<SparseLap> {
    let n = pa.len();
    let order = pb.morton_order();
    let mut blocks = Blocks::new(pb, &order, &v);
    let arcs = scan::candidates(None, pa, &blocks, K_CANDIDATES, filter);
    if arcs.iter().any(Vec::is_empty) {
        return None;
    }
    let mut lap = SparseLap::new(arcs, v);
    let free = lap.greedy();
    let free = lap.augmenting_row_reduction(free, 2);
    // Rows whose arc list already holds every allowed column.
    let mut complete = vec![n <= K_CANDIDATES; n];
    augment_all(&mut lap, free, pa, &mut blocks, filter, tol, &mut complete)?;
    let mut tol = tol;
    let mut round = 0;
    loop {
        // Round-off could in principle keep producing tiny violations; after many rounds
        // the tolerance grows tenfold each round so the loop always ends.
        round += 1;
        if round > CERTIFICATE_ROUNDS {
            tol *= 10.0;
        }
        let bound: Vec<f64> = (0..n).map(|i| lap.u(i)).collect();
        blocks.set_weights(&lap.v);
        let viol = scan::violations(pa, &blocks, &bound, tol, K_VIOLATIONS, filter);
        if viol.is_empty() {
            return Some(lap);
        }
        let mut free = Vec::with_capacity(viol.len());
        for (i, arcs) in viol {
            lap.add_arcs(i as usize, &arcs, tol);
            lap.unassign(i as usize);
            free.push(i);
        }
        augment_all(&mut lap, free, pa, &mut blocks, filter, tol, &mut complete)?;
    }
}

/// Augment every row of `free`; when a row is stuck, give the rows of its alternating
/// tree more arcs (twice as many, all allowed ones at most) and retry. `None` if a tree
/// is stuck with every row complete: no perfect assignment exists (Hall's condition fails).
fn augment_all(
    lap: &mut SparseLap,
    free: Vec<u32>,
    pa: &Soa,
    blocks: &mut Blocks,
    filter: Filter<'_>,
    tol: f64,
    complete: &mut [bool],
) -> Option<()> {
    let mut stack: Vec<u32> = free.into_iter().rev().collect();
    while let Some(s) = stack.pop() {
        let s = s as usize;
        if lap.x[s] != NONE {
            continue;
        }
        if let Err(stuck) = lap.augment(s) {
            let mut grow: Vec<u32> = stuck
                .rows
                .iter()
                .copied()
                .filter(|&r| !complete[r as usize])
                .collect();
            if grow.is_empty() {
                return None;
            }
            grow.sort_unstable();
            grow.dedup();
            // One k for the batch keeps the scan simple: twice the largest degree.
            let k = grow
                .iter()
                .map(|&r| lap.arcs[r as usize].len())
                .max()
                .unwrap_or(1)
                .max(1)
                * 2;
            blocks.set_weights(&lap.v);
            let more = scan::candidates(Some(&grow), pa, blocks, k, filter);
            stack.push(s as u32);
            for (&r, arcs) in grow.iter().zip(more) {
                let r = r as usize;
                if arcs.len() < k {
                    complete[r] = true;
                }
                let new: Vec<Arc> = arcs;
                if lap.add_arcs(r, &new, tol) {
                    stack.push(r as u32);
                }
            }
        }
    }
    Some(())
}
