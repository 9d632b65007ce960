//! The exact transportation problem between a few *groups* (points with a capacity) and
//! many unit *targets*, with squared-distance costs: give every target to a group so that
//! each group receives exactly its capacity and the total cost is least.
//!
//! This is the assignment problem when many sources coincide (see `degenerate.rs`).
//! Solving it over groups instead of single sources avoids what makes the general solver
//! slow there: coinciding rows rank every target alike, so their candidate arcs coincide
//! and augmenting paths wander across the whole instance.
//!
//! # Method
//!
//! Group potentials `u` define cells: each target belongs to a group minimising
//! `c(g, j) − u_g`. The invariant is that every target lies in such a cell, which makes
//! `(u, v_j = c(g_j, j) − u_{g_j})` dual feasible and complementary; the solution is
//! optimal as soon as every cell holds its group's capacity. Starting from `u = 0`
//! (nearest-group cells), units are moved from over-full to under-full groups along
//! shortest paths in the *group graph*: the edge `g' → g` moves one target out of cell
//! `g'` into `g`, at reduced cost `D(g', g) − (u_g − u_{g'}) ≥ 0` with
//! `D(g', g) = min_{j ∈ cell g'} c(g, j) − c(g', j)`. A dense Dijkstra over the `G`
//! groups finds the path; the potential update (`u += distance`, capped at the sink's)
//! makes the path's edges tight, so the moved targets stay in optimal cells. `D` is kept
//! up to date incrementally. Each step costs `O(G²)` plus the cells it touches.
//!
//! Ties are broken by index everywhere, so the answer is deterministic.

use skyshow_model::Vec3;

use super::geom;

const NONE: u32 = u32::MAX;
/// A coarser level is solved first while groups hold at least this many targets each at
/// that coarser level.
const COARSE_PER_GROUP: usize = 4;
/// Subsampling factor between levels.
const LEVEL_FACTOR: usize = 4;

/// A transportation problem being solved.
pub(crate) struct Transport<'a> {
    groups: &'a [Vec3],
    targets: &'a [Vec3],
    cap: Vec<usize>,
    /// Group potentials.
    u: Vec<f64>,
    /// Group of each target.
    grp: Vec<u32>,
    /// Targets of each group, and each target's position in its group's list.
    cells: Vec<Vec<u32>>,
    pos: Vec<u32>,
    /// `d[g' · G + g] = min over cell g' of c(g, j) − c(g', j)`, and the target reaching it.
    d: Vec<f64>,
    arg: Vec<u32>,
}

impl<'a> Transport<'a> {
    /// Solves the problem: `groups[g]` receives exactly `cap[g]` targets (`Σ cap` must be
    /// `targets.len()`). Returns the group of each target.
    ///
    /// When groups hold many targets, a Morton subsample of the targets (a quarter of
    /// them, with capacities scaled alike) is solved first, recursively, and its
    /// potentials start this level: its cells are then nearly the right size, so few
    /// units remain to be moved.
    pub(crate) fn solve(groups: &'a [Vec3], cap: Vec<usize>, targets: &'a [Vec3]) -> Vec<u32> {
        assert_eq!(cap.len(), groups.len());
        assert_eq!(cap.iter().sum::<usize>(), targets.len());
        Transport::solved(groups, cap, targets).grp
    }

    fn solved(groups: &'a [Vec3], cap: Vec<usize>, targets: &'a [Vec3]) -> Self {
        let u0 = if targets.len() >= COARSE_PER_GROUP * LEVEL_FACTOR * groups.len() {
            let sub: Vec<Vec3> = geom::morton_order(targets)
                .iter()
                .step_by(LEVEL_FACTOR)
                .map(|&j| targets[j as usize])
                .collect();
            let sub_cap = scaled(&cap, sub.len());
            Transport::solved(groups, sub_cap, &sub).u
        } else {
            scaling_potentials(groups, &cap, targets)
        };
        let mut t = Transport::new(groups, cap, targets, u0);
        t.run();
        t
    }

    fn new(groups: &'a [Vec3], cap: Vec<usize>, targets: &'a [Vec3], u: Vec<f64>) -> Self {
        let g = groups.len();
        let mut t = Transport {
            groups,
            targets,
            cap,
            u,
            grp: Vec::new(),
            cells: vec![Vec::new(); g],
            pos: vec![0; targets.len()],
            d: vec![f64::INFINITY; g * g],
            arg: vec![NONE; g * g],
        };
        t.nearest_cells();
        for k in 0..g {
            t.recompute_row(k);
        }
        t
    }

    /// Moves units along shortest paths until every cell holds its capacity.
    fn run(&mut self) {
        let g = self.groups.len();
        let mut dist = vec![0.0; g];
        let mut pred = vec![NONE; g];
        let mut done = vec![false; g];
        while let Some(sink) = self.shortest_path(&mut dist, &mut pred, &mut done) {
            let ds = dist[sink];
            for k in 0..g {
                self.u[k] += if done[k] { dist[k] } else { ds };
            }
            // Move one target along each edge, from the sink back to the source, so that
            // each group loses its target before it receives another.
            let mut to = sink;
            while pred[to] != NONE {
                let from = pred[to] as usize;
                let j = self.arg[from * g + to];
                self.move_target(j as usize, from, to);
                to = from;
            }
        }
    }

    #[inline]
    fn cost(&self, g: usize, j: usize) -> f64 {
        self.groups[g].dist2(self.targets[j])
    }

    /// Every target to a group minimising `c(g, j) − u_g` (ties: lowest index).
    fn nearest_cells(&mut self) {
        let n = self.targets.len();
        let mut grp = Vec::with_capacity(n);
        for j in 0..n {
            let mut best = (f64::INFINITY, 0);
            for g in 0..self.groups.len() {
                let c = self.cost(g, j) - self.u[g];
                if c < best.0 {
                    best = (c, g);
                }
            }
            grp.push(best.1 as u32);
            self.pos[j] = self.cells[best.1].len() as u32;
            self.cells[best.1].push(j as u32);
        }
        self.grp = grp;
    }

    /// Recomputes `d` and `arg` of one source cell against every group.
    fn recompute_row(&mut self, from: usize) {
        let g = self.groups.len();
        for to in 0..g {
            self.recompute(from, to);
        }
    }

    fn recompute(&mut self, from: usize, to: usize) {
        let g = self.groups.len();
        let mut best = (f64::INFINITY, NONE);
        if from != to {
            for &j in &self.cells[from] {
                let v = self.cost(to, j as usize) - self.cost(from, j as usize);
                if v < best.0 || (v == best.0 && j < best.1) {
                    best = (v, j);
                }
            }
        }
        self.d[from * g + to] = best.0;
        self.arg[from * g + to] = best.1;
    }

    /// Dijkstra over groups from every over-full group to the nearest under-full one, in
    /// reduced costs. Returns the sink, or `None` when every group is exactly full.
    fn shortest_path(
        &self,
        dist: &mut [f64],
        pred: &mut [u32],
        done: &mut [bool],
    ) -> Option<usize> {
        let g = self.groups.len();
        let mut any = false;
        for k in 0..g {
            let over = self.cells[k].len() > self.cap[k];
            any |= over;
            dist[k] = if over { 0.0 } else { f64::INFINITY };
            pred[k] = NONE;
            done[k] = false;
        }
        if !any {
            return None;
        }
        loop {
            let mut best = (f64::INFINITY, NONE as usize);
            for k in 0..g {
                if !done[k] && dist[k] < best.0 {
                    best = (dist[k], k);
                }
            }
            let k = best.1;
            assert!(
                k != NONE as usize,
                "every group is reachable from a non-empty cell"
            );
            if self.cells[k].len() < self.cap[k] {
                return Some(k);
            }
            done[k] = true;
            if self.cells[k].is_empty() {
                continue;
            }
            let row = &self.d[k * g..(k + 1) * g];
            for to in 0..g {
                if done[to] {
                    continue;
                }
                let r = (row[to] - (self.u[to] - self.u[k])).max(0.0);
                let nd = dist[k] + r;
                if nd < dist[to] {
                    dist[to] = nd;
                    pred[to] = k as u32;
                }
            }
        }
    }

    /// Moves target `j` from cell `from` to cell `to`, keeping `d` and `arg` current.
    fn move_target(&mut self, j: usize, from: usize, to: usize) {
        let g = self.groups.len();
        // Out of `from`.
        let p = self.pos[j] as usize;
        let last = *self.cells[from].last().expect("the cell holds j");
        self.cells[from].swap_remove(p);
        if last as usize != j {
            self.pos[last as usize] = p as u32;
        }
        for k in 0..g {
            if self.arg[from * g + k] == j as u32 {
                self.recompute(from, k);
            }
        }
        // Into `to`.
        self.grp[j] = to as u32;
        self.pos[j] = self.cells[to].len() as u32;
        self.cells[to].push(j as u32);
        let base = self.cost(to, j);
        for k in 0..g {
            if k == to {
                continue;
            }
            let v = self.cost(k, j) - base;
            let cur = (self.d[to * g + k], self.arg[to * g + k]);
            if v < cur.0 || (v == cur.0 && (j as u32) < cur.1) {
                self.d[to * g + k] = v;
                self.arg[to * g + k] = j as u32;
            }
        }
    }
}

/// Capacities proportional to `cap`, summing to `total` (largest remainders first, ties
/// to the lower index).
fn scaled(cap: &[usize], total: usize) -> Vec<usize> {
    let sum: usize = cap.iter().sum();
    let mut out: Vec<usize> = cap.iter().map(|&c| c * total / sum).collect();
    let mut rest: Vec<(usize, usize)> = cap
        .iter()
        .enumerate()
        .map(|(g, &c)| (c * total % sum, g))
        .collect();
    rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let missing = total - out.iter().sum::<usize>();
    for &(_, g) in rest.iter().take(missing) {
        out[g] += 1;
    }
    out
}

/// Potentials whose cells are the nearest-point cells of the groups scaled about their
/// centroid to the targets' spread: with `T(p) = μ_t + s (p − μ_g)`,
/// `argmin_g c(g, q) − u_g = argmin_g ‖T(p_g) − q‖²` for
/// `u_g = (1 − s) ‖p_g − μ_g‖² − 2 (p_g − μ_g)·(μ_t − μ_g)` (translate so that `μ_g = 0`
/// to see it). A start only: any potentials are valid, these just leave few units to
/// move when the groups are a shrunken copy of the targets (a takeoff block below a
/// wall).
fn scaling_potentials(groups: &[Vec3], cap: &[usize], targets: &[Vec3]) -> Vec<f64> {
    let n = targets.len() as f64;
    let mg = groups
        .iter()
        .zip(cap)
        .fold(Vec3::ZERO, |s, (p, &c)| s + *p * c as f64)
        * (1.0 / n);
    let mt = targets.iter().fold(Vec3::ZERO, |s, q| s + *q) * (1.0 / n);
    let vg: f64 = groups
        .iter()
        .zip(cap)
        .map(|(p, &c)| (*p - mg).norm2() * c as f64)
        .sum();
    let vt: f64 = targets.iter().map(|q| (*q - mt).norm2()).sum();
    if vg <= 0.0 {
        return vec![0.0; groups.len()];
    }
    let s = (vt / vg).sqrt();
    groups
        .iter()
        .map(|p| {
            let r = *p - mg;
            (1.0 - s) * r.norm2() - 2.0 * r.dot(mt - mg)
        })
        .collect()
}
