//! Assignment of drones to formation points: the exact minimum sum-of-squared-distances
//! assignment of CAPT (C-CAPT), the same restricted to allowed pairs, and the bottleneck
//! (minimum makespan) assignment value.
//!
//! # Design
//!
//! * Small instances (`n <= 200`) are solved by a dense Jonker–Volgenant solver
//!   (`dense.rs`: column reduction, reduction transfer, augmenting row reduction, then
//!   shortest augmenting paths).
//! * Larger instances are solved by a multiscale sparse scheme (`ssd.rs`): nested
//!   Morton-order subsamples of both point sets (halving each level) are solved coarsest
//!   first; the dual potentials of each level are carried to the next by a c-transform;
//!   each level keeps only the 16 arcs of smallest reduced cost per row and is solved
//!   exactly on those by a sparse Jonker–Volgenant solver warm-started with the carried
//!   duals (`sparse.rs`). Every level is then *certified* against all of its `n²` arcs
//!   (`scan.rs`, parallel, pruned by per-block lower bounds so only a few blocks of
//!   targets are touched per row, yet exactly equivalent to a full scan): with column
//!   duals `v` and `u_i = c(i, π(i)) − v(π(i))`, every arc must have a reduced cost
//!   `c_ij − u_i − v_j ≥ −tol`. Violating arcs are added, their rows re-augmented, and
//!   the scan repeated until none is left, so the answer is always the exact optimum (up
//!   to floating-point round-off, `tol = 1e-13 · diameter²`). Costs are computed on the
//!   fly from the points: memory is `O(n)` (no `n × n` matrix).
//! * Degenerate instances are recognised first (`degenerate.rs`): only the cross term
//!   `Σ (a_i − ā)·(b_π(i) − b̄)` depends on the assignment, so points are reduced to the
//!   subspace both sets share. If that is a line (a vertical wall into a horizontal
//!   ring), sorting along it is optimal; if many points coincide after the reduction (a
//!   layered takeoff block into a wall: each column projects onto one point), they are
//!   merged into groups and the exact transportation problem between groups and points
//!   is solved (`transport.rs`: shortest paths over a graph of nearby groups, certified
//!   against all groups, warm-started by a subsample). Among the many optimal pairings,
//!   the flights are evened out (least `Σ d⁴` within each interchangeable set). These
//!   are the instances on which the general scheme is slowest, because coinciding rows
//!   rank every target alike (16,000 drones: 98 s → 0.2 s).
//! * The bottleneck value (`bottleneck.rs`) is found by a threshold search: bisection on
//!   the threshold, each step a maximum-matching test on the threshold graph
//!   `{(i, j) : cost ≤ θ}` grown from the previous test's matching by Pothen–Fan
//!   depth-first sweeps with lookahead, whose edges are never materialised but found in a
//!   k-d tree over the targets with deletion (`kdtree.rs`); the exact value is then
//!   reached by minimax (bottleneck-shortest) augmenting-path searches.
//!
//! Everything is deterministic: parallel scans (rayon) produce per-row results that are
//! combined in index order, and ties are broken by index (for candidate arcs, in a cyclic
//! column order starting at the row's own index).

mod bottleneck;
mod degenerate;
mod dense;
mod geom;
mod kdtree;
mod scan;
mod sparse;
mod ssd;
mod transport;

#[cfg(test)]
mod tests;

use skyshow_model::Vec3;

pub use bottleneck::{bottleneck, bottleneck_from};

/// A one-to-one assignment of sources (drones) to targets (formation points).
#[derive(Clone, Debug, PartialEq)]
pub struct Assignment {
    /// `target_of[i]` is the index (into `to`) of the target of source `i` (into `from`).
    pub target_of: Vec<usize>,
    /// Sum over all sources of the squared distance to their target, square metres.
    pub cost_sum_sq: f64,
}

/// The minimum over all assignments of the largest pair cost, and one assignment that
/// reaches it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bottleneck {
    /// The bottleneck value: the smallest possible largest pair cost, in the cost's unit
    /// (metres for a distance, seconds for a flight time). Zero when there are no points.
    pub value: f64,
    /// One bottleneck-optimal assignment: `target_of[i]` is the target of source `i`.
    ///
    /// Bottleneck-optimal assignments are highly degenerate and this one is arbitrary
    /// (deterministic, but with no other property); to fly it, prefer
    /// [`assign_min_sum_sq_within`] restricted to pairs of cost at most `value`.
    pub target_of: Vec<usize>,
}

/// Exact minimum sum-of-squared-distances assignment (CAPT's C-CAPT).
///
/// Returns the assignment `π` minimising `Σ_i ‖from[i] − to[π(i)]‖²`. When several
/// assignments are optimal, the one returned is deterministic (it depends only on the
/// input, never on the number of threads).
///
/// # Panics
///
/// If `from.len() != to.len()` or a coordinate is not finite.
pub fn assign_min_sum_sq(from: &[Vec3], to: &[Vec3]) -> Assignment {
    check_input(from, to);
    if from.len() > ssd::DENSE_MAX
        && let Some(target_of) = degenerate::solve(from, to)
    {
        return Assignment::new(from, to, target_of);
    }
    let target_of = ssd::solve(from, to, None)
        .expect("an unrestricted assignment problem always has a solution")
        .target_of;
    Assignment::new(from, to, target_of)
}

/// Exact minimum sum-of-squared-distances assignment using only the pairs `(i, j)`
/// (source `i`, target `j`) for which `allowed(i, j)` is true.
///
/// Typical use: SSD among bottleneck-feasible pairs,
/// `allowed = |i, j| from[i].dist(to[j]) <= b.value` with `b` from [`bottleneck`], which
/// keeps the optimal makespan and CAPT's clearance in practice (algorithms.md §1.2).
///
/// Returns `None` if no perfect assignment exists within the allowed pairs.
/// `allowed` is called lazily, only for pairs whose squared distance could matter, and
/// possibly from several threads.
///
/// # Panics
///
/// If `from.len() != to.len()` or a coordinate is not finite.
pub fn assign_min_sum_sq_within(
    from: &[Vec3],
    to: &[Vec3],
    allowed: &(dyn Fn(usize, usize) -> bool + Sync),
) -> Option<Assignment> {
    check_input(from, to);
    let target_of = ssd::solve(from, to, Some(allowed))?.target_of;
    Some(Assignment::new(from, to, target_of))
}

impl Assignment {
    fn new(from: &[Vec3], to: &[Vec3], target_of: Vec<usize>) -> Self {
        let cost_sum_sq = from
            .iter()
            .zip(&target_of)
            .map(|(a, &j)| a.dist2(to[j]))
            .sum();
        Assignment {
            target_of,
            cost_sum_sq,
        }
    }
}

fn check_input(from: &[Vec3], to: &[Vec3]) {
    assert_eq!(
        from.len(),
        to.len(),
        "assignment needs as many sources as targets"
    );
    assert!(
        from.iter().chain(to).all(|p| p.is_finite()),
        "assignment points must have finite coordinates"
    );
}
