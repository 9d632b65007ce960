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
//! optimal as soon as every cell holds its group's capacity. Units are moved from
//! over-full to under-full groups along shortest paths in the *group graph*: the edge
//! `g' → g` moves one target out of cell `g'` into `g`, at reduced cost
//! `D(g', g) − (u_g − u_{g'}) ≥ 0` with `D(g', g) = min_{j ∈ cell g'} c(g, j) − c(g', j)`.
//! Dijkstra finds the path; the potential update (`u += distance`, capped at the sink's)
//! makes the path's edges tight, so the moved targets stay in optimal cells. `D` is kept
//! up to date incrementally.
//!
//! The graph holds each group's 24 nearest groups (all of them up to 256 groups), since
//! cells trade targets with their neighbours. When the moving is done, every target is
//! checked against every group; a target that the potentials would rather place in a
//! group without an edge from its own goes there, the two groups get edges, and the
//! moving resumes (after 20 such rounds, or when no under-full group can be reached, the
//! groups concerned get edges to all). So the answer is exact, and a path search costs
//! `O(E log G)` instead of `O(G²)`.
//!
//! The start: the potentials of a Morton subsample of the targets (a quarter, capacities
//! scaled alike) solved first, recursively; at the coarsest level, potentials whose cells
//! are those of the groups scaled to the targets' spread.
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
/// Edges of the group graph: each group's nearest groups (and back), or all groups when
/// there are at most `ALL_EDGES_UP_TO`. Repair rounds before every edge is added.
const NEIGHBOURS: usize = 24;
const ALL_EDGES_UP_TO: usize = 256;
const REPAIR_ROUNDS: usize = 20;

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
    /// The group graph's edges out of each group, and per edge `g' → g`:
    /// `D(g', g) = min over cell g' of c(g, j) − c(g', j)` and the target reaching it.
    nbr: Vec<Vec<u32>>,
    d: Vec<Vec<f64>>,
    arg: Vec<Vec<u32>>,
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
        Transport::solve_with(groups, cap, targets, NEIGHBOURS, ALL_EDGES_UP_TO)
    }

    /// [`Transport::solve`] with each group's `k` nearest groups as its first edges, or
    /// all groups when there are at most `all_up_to`.
    pub(crate) fn solve_with(
        groups: &'a [Vec3],
        cap: Vec<usize>,
        targets: &'a [Vec3],
        k: usize,
        all_up_to: usize,
    ) -> Vec<u32> {
        assert_eq!(cap.len(), groups.len());
        assert_eq!(cap.iter().sum::<usize>(), targets.len());
        let nbr = neighbours(groups, k, all_up_to);
        Transport::solved(groups, cap, targets, &nbr).grp
    }

    fn solved(groups: &'a [Vec3], cap: Vec<usize>, targets: &'a [Vec3], nbr: &[Vec<u32>]) -> Self {
        let u0 = if targets.len() >= COARSE_PER_GROUP * LEVEL_FACTOR * groups.len() {
            let sub: Vec<Vec3> = geom::morton_order(targets)
                .iter()
                .step_by(LEVEL_FACTOR)
                .map(|&j| targets[j as usize])
                .collect();
            let sub_cap = scaled(&cap, sub.len());
            Transport::solved(groups, sub_cap, &sub, nbr).u
        } else {
            scaling_potentials(groups, &cap, targets)
        };
        let mut t = Transport::new(groups, cap, targets, u0, nbr.to_vec());
        t.run_to_optimum();
        t
    }

    fn new(
        groups: &'a [Vec3],
        cap: Vec<usize>,
        targets: &'a [Vec3],
        u: Vec<f64>,
        nbr: Vec<Vec<u32>>,
    ) -> Self {
        let g = groups.len();
        let d = nbr.iter().map(|e| vec![f64::INFINITY; e.len()]).collect();
        let arg = nbr.iter().map(|e| vec![NONE; e.len()]).collect();
        let mut t = Transport {
            groups,
            targets,
            cap,
            u,
            grp: vec![0; targets.len()],
            cells: vec![Vec::new(); g],
            pos: vec![0; targets.len()],
            nbr,
            d,
            arg,
        };
        let all: Vec<u32> = (0..t.targets.len() as u32).collect();
        t.place_in_best_cells(&all);
        for k in 0..g {
            t.recompute_row(k);
        }
        t
    }

    /// Moves units until every cell holds its capacity, then checks every target against
    /// every group (the graph has edges to nearby groups only, so the potentials could
    /// favour a far group somewhere): targets that would rather be elsewhere go there, the
    /// groups involved get edges to each other, and the moving starts again. Exact when it
    /// ends; after `REPAIR_ROUNDS` every group gets an edge to every other.
    fn run_to_optimum(&mut self) {
        for round in 0.. {
            self.run();
            let wrong = self.misplaced();
            // With every edge present the moving keeps every target in a best cell, so a
            // round after that finds nothing; the cap only guards against round-off.
            if wrong.is_empty() || round > REPAIR_ROUNDS + 2 {
                return;
            }
            if round >= REPAIR_ROUNDS {
                let g = self.groups.len();
                for k in 0..g {
                    self.nbr[k] = (0..g as u32).filter(|&h| h as usize != k).collect();
                }
            } else {
                for &j in &wrong {
                    let from = self.grp[j as usize] as usize;
                    let to = self.best_group(j as usize);
                    self.add_edge(from, to);
                    self.add_edge(to, from);
                }
            }
            for k in 0..self.groups.len() {
                let e = self.nbr[k].len();
                self.d[k].resize(e, f64::INFINITY);
                self.arg[k].resize(e, NONE);
            }
            for j in &wrong {
                let j = *j as usize;
                let from = self.grp[j] as usize;
                self.take_out(j, from);
            }
            self.place_in_best_cells(&wrong);
            for k in 0..self.groups.len() {
                self.recompute_row(k);
            }
        }
    }

    /// Moves units along shortest paths until every cell holds its capacity.
    fn run(&mut self) {
        let g = self.groups.len();
        let mut dist = vec![0.0; g];
        let mut pred = vec![(NONE, 0u32); g];
        let mut done = vec![false; g];
        loop {
            match self.shortest_path(&mut dist, &mut pred, &mut done) {
                Path::Optimal => return,
                Path::Stuck => {
                    // No under-full group within reach of the over-full ones: give the
                    // groups reached edges to every group.
                    let reached: Vec<usize> = (0..g).filter(|&k| done[k]).collect();
                    for k in reached {
                        self.nbr[k] = (0..g as u32).filter(|&h| h as usize != k).collect();
                        self.recompute_row(k);
                    }
                }
                Path::To(sink) => {
                    let ds = dist[sink];
                    for k in 0..g {
                        self.u[k] += if done[k] { dist[k] } else { ds };
                    }
                    // Move one target along each edge, from the sink back to the source,
                    // so that each group loses its target before it receives another.
                    let mut to = sink;
                    while pred[to].0 != NONE {
                        let (from, e) = (pred[to].0 as usize, pred[to].1 as usize);
                        let j = self.arg[from][e];
                        self.take_out(j as usize, from);
                        self.put_in(j as usize, to);
                        to = from;
                    }
                }
            }
        }
    }

    #[inline]
    fn cost(&self, g: usize, j: usize) -> f64 {
        self.groups[g].dist2(self.targets[j])
    }

    /// The group minimising `c(g, j) − u_g` (ties: lowest index).
    fn best_group(&self, j: usize) -> usize {
        let mut best = (f64::INFINITY, 0);
        for g in 0..self.groups.len() {
            let c = self.cost(g, j) - self.u[g];
            if c < best.0 {
                best = (c, g);
            }
        }
        best.1
    }

    /// Puts each of `targets` (in no cell) into its best group's cell.
    fn place_in_best_cells(&mut self, targets: &[u32]) {
        for &j in targets {
            let j = j as usize;
            let g = self.best_group(j);
            self.grp[j] = g as u32;
            self.pos[j] = self.cells[g].len() as u32;
            self.cells[g].push(j as u32);
        }
    }

    /// Targets not in a best cell (beyond round-off).
    fn misplaced(&self) -> Vec<u32> {
        let scale = self
            .groups
            .iter()
            .chain(self.targets)
            .fold(0.0f64, |m, p| m.max(p.norm2()))
            .max(1.0);
        let tol = 1e-11 * scale;
        (0..self.targets.len())
            .filter(|&j| {
                let g = self.grp[j] as usize;
                let b = self.best_group(j);
                b != g && self.cost(g, j) - self.u[g] > self.cost(b, j) - self.u[b] + tol
            })
            .map(|j| j as u32)
            .collect()
    }

    fn add_edge(&mut self, from: usize, to: usize) {
        if from != to && !self.nbr[from].contains(&(to as u32)) {
            self.nbr[from].push(to as u32);
        }
    }

    /// Recomputes `d` and `arg` of every edge out of one group.
    fn recompute_row(&mut self, from: usize) {
        let row = &self.nbr[from];
        let mut d = vec![f64::INFINITY; row.len()];
        let mut arg = vec![NONE; row.len()];
        for &j in &self.cells[from] {
            let base = self.cost(from, j as usize);
            for (e, &to) in row.iter().enumerate() {
                let v = self.cost(to as usize, j as usize) - base;
                if v < d[e] || (v == d[e] && j < arg[e]) {
                    d[e] = v;
                    arg[e] = j;
                }
            }
        }
        self.d[from] = d;
        self.arg[from] = arg;
    }

    fn recompute(&mut self, from: usize, e: usize) {
        let to = self.nbr[from][e] as usize;
        let mut best = (f64::INFINITY, NONE);
        for &j in &self.cells[from] {
            let v = self.cost(to, j as usize) - self.cost(from, j as usize);
            if v < best.0 || (v == best.0 && j < best.1) {
                best = (v, j);
            }
        }
        self.d[from][e] = best.0;
        self.arg[from][e] = best.1;
    }

    /// Dijkstra over groups from every over-full group to the nearest under-full one, in
    /// reduced costs, along the graph's edges.
    fn shortest_path(&self, dist: &mut [f64], pred: &mut [(u32, u32)], done: &mut [bool]) -> Path {
        let g = self.groups.len();
        let mut heap = std::collections::BinaryHeap::new();
        for k in 0..g {
            let over = self.cells[k].len() > self.cap[k];
            dist[k] = if over { 0.0 } else { f64::INFINITY };
            pred[k] = (NONE, 0);
            done[k] = false;
            if over {
                heap.push(std::cmp::Reverse((0u64, k as u32)));
            }
        }
        if heap.is_empty() {
            return Path::Optimal;
        }
        while let Some(std::cmp::Reverse((_, k))) = heap.pop() {
            let k = k as usize;
            if done[k] {
                continue;
            }
            if self.cells[k].len() < self.cap[k] {
                return Path::To(k);
            }
            done[k] = true;
            if self.cells[k].is_empty() {
                continue;
            }
            for (e, &to) in self.nbr[k].iter().enumerate() {
                let to = to as usize;
                if done[to] {
                    continue;
                }
                let r = (self.d[k][e] - (self.u[to] - self.u[k])).max(0.0);
                let nd = dist[k] + r;
                if nd < dist[to] {
                    dist[to] = nd;
                    pred[to] = (k as u32, e as u32);
                    // Non-negative floats order like their bit patterns.
                    heap.push(std::cmp::Reverse((nd.to_bits(), to as u32)));
                }
            }
        }
        Path::Stuck
    }

    /// Takes target `j` out of cell `from`, keeping `d` and `arg` current.
    fn take_out(&mut self, j: usize, from: usize) {
        let p = self.pos[j] as usize;
        let last = *self.cells[from].last().expect("the cell holds j");
        self.cells[from].swap_remove(p);
        if last as usize != j {
            self.pos[last as usize] = p as u32;
        }
        for e in 0..self.nbr[from].len() {
            if self.arg[from][e] == j as u32 {
                self.recompute(from, e);
            }
        }
    }

    /// Puts target `j` into cell `to`, keeping `d` and `arg` current.
    fn put_in(&mut self, j: usize, to: usize) {
        self.grp[j] = to as u32;
        self.pos[j] = self.cells[to].len() as u32;
        self.cells[to].push(j as u32);
        let base = self.cost(to, j);
        for e in 0..self.nbr[to].len() {
            let k = self.nbr[to][e] as usize;
            let v = self.cost(k, j) - base;
            if v < self.d[to][e] || (v == self.d[to][e] && (j as u32) < self.arg[to][e]) {
                self.d[to][e] = v;
                self.arg[to][e] = j as u32;
            }
        }
    }
}

/// What a path search found.
enum Path {
    /// Every group is exactly full.
    Optimal,
    /// The under-full group reached first.
    To(usize),
    /// No under-full group can be reached along the graph's edges.
    Stuck,
}

/// Each group's `k ≥ 1` nearest groups, and the groups that have it among theirs (all
/// groups when there are at most `all_up_to`).
fn neighbours(groups: &[Vec3], k: usize, all_up_to: usize) -> Vec<Vec<u32>> {
    let g = groups.len();
    if g <= k + 1 || g <= all_up_to {
        return (0..g)
            .map(|a| (0..g as u32).filter(|&b| b as usize != a).collect())
            .collect();
    }
    let mut nbr: Vec<Vec<u32>> = (0..g)
        .map(|a| {
            let mut by: Vec<(f64, u32)> = (0..g)
                .filter(|&b| b != a)
                .map(|b| (groups[a].dist2(groups[b]), b as u32))
                .collect();
            by.select_nth_unstable_by(k - 1, |x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
            by.truncate(k);
            by.into_iter().map(|(_, b)| b).collect()
        })
        .collect();
    for a in 0..g {
        for i in 0..nbr[a].len() {
            let b = nbr[a][i] as usize;
            if !nbr[b].contains(&(a as u32)) {
                nbr[b].push(a as u32);
            }
        }
    }
    for row in &mut nbr {
        row.sort_unstable();
    }
    nbr
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
