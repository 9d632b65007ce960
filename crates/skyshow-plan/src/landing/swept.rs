//! `SweptStarts`: the starts of an emergency return, swept over its trigger window, and the
//! bounds the landing planner keeps pairs apart by (the same the emergency proof uses).

use skyshow_model::Vec3;

use crate::landing::path::Path;

/// Starts swept over a trigger window: drone `i` may start anywhere within `reach[i]` of
/// the point planned from, and the vector between drones `i` and `j` may differ from the
/// planned one by up to `relative(i, j)` (`emergency::StartSweep`).
pub(crate) struct SweptStarts<'a> {
    /// How far each drone's start moves, metres.
    pub(crate) reach: Vec<f64>,
    /// How far the vector between two drones' starts moves, metres.
    pub(crate) relative: &'a (dyn Fn(usize, usize) -> f64 + Sync),
}

/// How far the vector between two drones flying their legs from swept starts can be from
/// the one planned, over a step in which their progress left goes from `ca0`, `cb0` down
/// to `ca1`, `cb1`: `c_a·e_a − c_b·e_b = c_b·(e_a − e_b) + (c_a − c_b)·e_a`, so at most
/// `c_b·ρ + |c_a − c_b|·μ_a`, or the same with `a` and `b` swapped, and at most
/// `c_a·μ_a + c_b·μ_b`.
pub(super) fn swept_shift(
    a: &Path,
    b: &Path,
    rho: f64,
    (ca0, cb0): (f64, f64),
    (ca1, cb1): (f64, f64),
) -> f64 {
    if a.mu == 0.0 && b.mu == 0.0 {
        return 0.0;
    }
    let dc = (ca0 - cb1).abs().max((cb0 - ca1).abs());
    (cb0 * rho + dc * a.mu)
        .min(ca0 * rho + dc * b.mu)
        .min(ca0 * a.mu + cb0 * b.mu)
}

/// The largest [`swept_shift`] of two drones, whatever their progress.
pub(super) fn most_shift(a: &Path, b: &Path, rho: f64) -> f64 {
    if a.mu == 0.0 && b.mu == 0.0 {
        0.0
    } else {
        (rho + a.mu.min(b.mu)).min(a.mu + b.mu)
    }
}

/// For drones with swept starts, whether each one's straight leg leads away from the
/// other for every start in the sweeps (`None` for starts that are points, or a drone
/// that may start below `low`). Triggered at `σ`, while both hover or fly their legs the
/// squared distance is `|r|² + 2·b_a·r·w_a − 2·b_b·r·w_b + |b_a·w_a − b_b·w_b|²`
/// (`r = p_a(σ) − p_b(σ)`, `w` from the start to the neck, `b` the progress made), at
/// least `|r|²` when each one that has left leads away from the other; `|r|` is the
/// show's own distance at `σ`, which its validation keeps at the minimum. The signs are
/// bounded from the planned starts: `r(σ)·w_a(σ) ≥ r·w_a − |r|·μ_a − ρ·|w_a| − ρ·μ_a`
/// (as `emergency::trigger_proof` proves it).
pub(super) fn leaving_apart(a: &Path, b: &Path, rho: f64, low: f64) -> Option<[bool; 2]> {
    if (a.mu == 0.0 && b.mu == 0.0) || a.s.z - a.mu < low || b.s.z - b.mu < low {
        return None;
    }
    let r = a.s - b.s;
    let (wa, wb) = (a.n - a.s, b.n - b.s);
    let slack = |w: Vec3, mu: f64| r.norm() * mu + rho * w.norm() + rho * mu;
    Some([
        r.dot(wa) - slack(wa, a.mu) >= 0.0,
        -r.dot(wb) - slack(wb, b.mu) >= 0.0,
    ])
}
