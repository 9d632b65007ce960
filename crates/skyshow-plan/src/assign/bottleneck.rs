//! Bottleneck (minimum-makespan) assignment: the smallest threshold `θ` such that the
//! threshold graph `{(i, j) : cost(from[i], to[j]) ≤ θ}` has a perfect matching.
//!
//! Algorithm: a proven lower bound (the largest nearest-neighbour cost of any point), a
//! greedy matching, then bisection on `θ` where each test grows the previous infeasible
//! test's maximum matching by Pothen–Fan sweeps (depth-first augmenting paths with
//! lookahead, one visit per target per sweep; O(E·n) worst case, near-linear on these
//! geometric graphs in practice). Edges are never materialised: a k-d tree over the
//! targets finds and deletes an unvisited target within `θ` of a source, and a second one
//! holds the free targets for the lookahead. Once the bracket is narrow, minimax
//! augmenting-path searches (Dijkstra on the largest edge of the path) step to the exact
//! next threshold at which the matching can grow, so the returned value is exactly one of
//! the pair costs.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rayon::prelude::*;
use skyshow_model::Vec3;

use super::Bottleneck;
use super::geom;
use super::kdtree::{Cost, KdTree, Side};

const NONE: u32 = u32::MAX;

/// Bisection stops once the bracket is this narrow, relative to its upper end.
const REL_BRACKET: f64 = 1e-6;
/// Bisection stops once the infeasible end lacks at most this many pairs.
const SMALL_DEFICIENCY: usize = 2;

/// Bottleneck value and one bottleneck-optimal assignment.
///
/// `cost(a, b)` is the cost of sending source point `a` to target point `b` (a distance,
/// a minimum flight time, …). Contract: it is finite, non-negative, and never decreases
/// when one coordinate of `a` or of `b` moves further away from the same coordinate of
/// the other point (true for Euclidean distance, squared distance, per-axis flight
/// times). The contract lets a k-d tree bound the cost of whole boxes of points, so no
/// `n²` edge list is ever built.
///
/// # Panics
///
/// If `from.len() != to.len()` or a coordinate is not finite.
pub fn bottleneck(
    from: &[Vec3],
    to: &[Vec3],
    cost: &(dyn Fn(Vec3, Vec3) -> f64 + Sync),
) -> Bottleneck {
    bottleneck_from(from, to, cost, None)
}

/// [`bottleneck`], warm-started from a known perfect assignment `start`
/// (`start[i]` is the target of source `i`), typically the minimum sum-of-squares one.
///
/// Its largest pair cost is an upper bound on the bottleneck value, and each threshold
/// test starts from `start` with the pairs above the threshold removed: near the
/// bottleneck value those are few, so each test needs only a few augmenting paths,
/// where a cold start grows a matching from nothing. The value returned is the same
/// (the exact bottleneck value); the assignment may differ.
///
/// # Panics
///
/// If the lengths differ, a coordinate is not finite, or `start` is not a permutation.
pub fn bottleneck_from(
    from: &[Vec3],
    to: &[Vec3],
    cost: &(dyn Fn(Vec3, Vec3) -> f64 + Sync),
    start: Option<&[usize]>,
) -> Bottleneck {
    super::check_input(from, to);
    if let Some(s) = start {
        assert_eq!(s.len(), from.len(), "warm start must assign every source");
        let mut seen = vec![false; s.len()];
        for &j in s {
            assert!(j < s.len() && !seen[j], "warm start must be a permutation");
            seen[j] = true;
        }
    }
    let n = from.len();
    if n == 0 {
        return Bottleneck {
            value: 0.0,
            target_of: Vec::new(),
        };
    }
    let mut st = State::new(from, to, cost);

    // Lower bound: every source and every target needs some partner.
    let sources = KdTree::new(from, Side::Sources);
    let lb_rows = (0..n)
        .into_par_iter()
        .map(|i| st.tree.nearest(from[i], cost).map_or(0.0, |(c, _)| c))
        .reduce(|| 0.0, f64::max);
    let lb_cols = (0..n)
        .into_par_iter()
        .map(|j| sources.nearest(to[j], cost).map_or(0.0, |(c, _)| c))
        .reduce(|| 0.0, f64::max);
    let mut lo = lb_rows.max(lb_cols);

    // Each start's pair costs, for the warm start's restriction to a threshold.
    let start_cost: Option<Vec<f64>> = start.map(|s| {
        (0..n)
            .into_par_iter()
            .map(|i| cost(from[i], to[s[i]]))
            .collect()
    });
    let warm = start.zip(start_cost.as_deref());
    let mut hi = match warm {
        // The empty matching is valid at every threshold; each test below starts from
        // the restricted warm start instead.
        Some((_, sc)) => sc.iter().copied().fold(lo, f64::max),
        None => {
            st.greedy(lo);
            st.maximize(lo);
            // Upper bound: the cost between corners of the joint bounding box bounds
            // every pair by the monotonicity contract, and the complete graph has a
            // perfect matching.
            let (l1, h1) = geom::bounds(from);
            let (l2, h2) = geom::bounds(to);
            let (l, h) = (l1.min(l2), h1.max(h2));
            let corner = |k: usize| {
                Vec3::new(
                    if k & 1 == 0 { l.x } else { h.x },
                    if k & 2 == 0 { l.y } else { h.y },
                    if k & 4 == 0 { l.z } else { h.z },
                )
            };
            (0..64)
                .map(|k| cost(corner(k & 7), corner(k >> 3)))
                .fold(lo, f64::max)
        }
    };
    if st.deficiency() > 0 {
        while st.deficiency() > SMALL_DEFICIENCY && hi - lo > REL_BRACKET * hi.abs() {
            let mid = lo + 0.5 * (hi - lo);
            if !(mid > lo && mid < hi) {
                break;
            }
            let saved = (st.x.clone(), st.y.clone());
            if let Some((s, sc)) = warm {
                // Warm start: `start` without its pairs above `mid`, unless the matching
                // kept from the last infeasible test is larger.
                st.restrict_if_larger(s, sc, mid);
            }
            st.maximize(mid);
            if st.deficiency() == 0 {
                hi = st.max_cost();
                (st.x, st.y) = saved;
            } else {
                lo = mid;
            }
        }
        if let Some((s, sc)) = warm
            && st.deficiency() > 0
        {
            // Restart from the warm start at `lo` if that is the larger matching.
            st.restrict_if_larger(s, sc, lo);
            st.maximize(lo);
        }
        while st.deficiency() > 0 {
            lo = lo.max(st.minimax_augment());
            st.maximize(lo);
        }
    }
    let value = st.max_cost();
    Bottleneck {
        value,
        target_of: st.x.iter().map(|&j| j as usize).collect(),
    }
}

/// Matching state over the implicit threshold graph.
struct State<'a> {
    from: &'a [Vec3],
    to: &'a [Vec3],
    cost: Cost<'a>,
    tree: KdTree,
    free: KdTree,
    x: Vec<u32>,
    y: Vec<u32>,
    pred: Vec<u32>,
}

#[derive(Clone, Copy)]
struct Reach {
    key: f64,
    row: u32,
    col: u32,
}
impl PartialEq for Reach {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Reach {}
impl PartialOrd for Reach {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Reach {
    fn cmp(&self, o: &Self) -> Ordering {
        o.key
            .total_cmp(&self.key)
            .then(o.col.cmp(&self.col))
            .then(o.row.cmp(&self.row))
    }
}

impl<'a> State<'a> {
    fn new(from: &'a [Vec3], to: &'a [Vec3], cost: Cost<'a>) -> Self {
        let n = from.len();
        State {
            from,
            to,
            cost,
            tree: KdTree::new(to, Side::Targets),
            free: KdTree::new(to, Side::Targets),
            x: vec![NONE; n],
            y: vec![NONE; n],
            pred: vec![NONE; n],
        }
    }

    fn deficiency(&self) -> usize {
        self.x.iter().filter(|&&j| j == NONE).count()
    }

    fn max_cost(&self) -> f64 {
        self.x
            .iter()
            .enumerate()
            .map(|(i, &j)| (self.cost)(self.from[i], self.to[j as usize]))
            .fold(0.0, f64::max)
    }

    /// Replaces the matching by the perfect assignment `s` (pair costs `sc`) without its
    /// pairs above `theta`, if that leaves fewer sources unmatched.
    fn restrict_if_larger(&mut self, s: &[usize], sc: &[f64], theta: f64) {
        let above = sc.iter().filter(|&&c| c > theta).count();
        if above >= self.deficiency() {
            return;
        }
        self.x.fill(NONE);
        self.y.fill(NONE);
        for (i, (&j, &c)) in s.iter().zip(sc).enumerate() {
            if c <= theta {
                self.x[i] = j as u32;
                self.y[j] = i as u32;
            }
        }
    }

    /// Each source in index order takes its cheapest remaining target if within `theta`.
    fn greedy(&mut self, theta: f64) {
        self.tree.reset();
        for i in 0..self.from.len() {
            if let Some((c, j)) = self.tree.nearest(self.from[i], self.cost)
                && c <= theta
            {
                self.tree.remove(j);
                self.x[i] = j;
                self.y[j as usize] = i as u32;
            }
        }
    }

    /// Flip the alternating path ending at free column `j`.
    fn flip(&mut self, mut j: u32) {
        loop {
            let r = self.pred[j as usize];
            let prev = self.x[r as usize];
            self.x[r as usize] = j;
            self.y[j as usize] = r;
            if prev == NONE {
                break;
            }
            j = prev;
        }
    }

    /// Grow the matching to a maximum one in the threshold graph at `theta`:
    /// Pothen–Fan sweeps (depth-first augmenting-path searches from every free source with
    /// one visited mark per target per sweep, and a lookahead that first tries any free
    /// target within reach), alternating the scan direction between sweeps, until a sweep
    /// finds nothing. The last sweep explores every alternating path, which proves the
    /// matching maximum.
    fn maximize(&mut self, theta: f64) {
        let n = self.from.len();
        let y = &self.y;
        self.free.reset_to(|j| y[j as usize] == NONE);
        let mut rows: Vec<u32> = Vec::new();
        let mut cols: Vec<u32> = Vec::new();
        let mut scratch = Vec::new();
        let mut reverse = false;
        loop {
            self.tree.reset();
            let mut grown = 0usize;
            for r0 in 0..n {
                if self.x[r0] != NONE {
                    continue;
                }
                rows.clear();
                cols.clear();
                rows.push(r0 as u32);
                while let Some(&r) = rows.last() {
                    let q = self.from[r as usize];
                    let found =
                        self.free
                            .take_any_within(q, theta, self.cost, reverse, &mut scratch);
                    let end = match found {
                        Some(j) => Some(j),
                        None => match self.tree.take_any_within(
                            q,
                            theta,
                            self.cost,
                            reverse,
                            &mut scratch,
                        ) {
                            Some(j) if self.y[j as usize] == NONE => {
                                self.free.remove(j);
                                Some(j)
                            }
                            Some(j) => {
                                rows.push(self.y[j as usize]);
                                cols.push(j);
                                None
                            }
                            None => {
                                rows.pop();
                                cols.pop();
                                None
                            }
                        },
                    };
                    if let Some(j) = end {
                        self.tree.remove(j);
                        // rows[k] takes cols[k] (previously rows[k + 1]'s); the last takes j.
                        cols.push(j);
                        for (&r, &c) in rows.iter().zip(cols.iter()) {
                            self.x[r as usize] = c;
                            self.y[c as usize] = r;
                        }
                        grown += 1;
                        break;
                    }
                }
            }
            if grown == 0 {
                return;
            }
            reverse = !reverse;
        }
    }

    /// The smallest threshold at which an augmenting path exists (minimax Dijkstra from
    /// all free sources); augments along it and returns that threshold.
    fn minimax_augment(&mut self) -> f64 {
        let n = self.from.len();
        self.tree.reset();
        let mut key = vec![f64::NEG_INFINITY; n];
        let mut heap = BinaryHeap::new();
        let push = |tree: &KdTree, heap: &mut BinaryHeap<Reach>, r: u32, kr: f64| {
            if let Some((c, j)) = tree.nearest(self.from[r as usize], self.cost) {
                heap.push(Reach {
                    key: kr.max(c),
                    row: r,
                    col: j,
                });
            }
        };
        for (i, &k) in key.iter().enumerate() {
            if self.x[i] == NONE {
                push(&self.tree, &mut heap, i as u32, k);
            }
        }
        while let Some(e) = heap.pop() {
            let r = e.row;
            if !self.tree.is_alive(e.col) {
                push(&self.tree, &mut heap, r, key[r as usize]);
                continue;
            }
            self.tree.remove(e.col);
            self.pred[e.col as usize] = r;
            let owner = self.y[e.col as usize];
            if owner == NONE {
                self.flip(e.col);
                return e.key;
            }
            let own = owner as usize;
            key[own] = e
                .key
                .max((self.cost)(self.from[own], self.to[e.col as usize]));
            push(&self.tree, &mut heap, owner, key[own]);
            push(&self.tree, &mut heap, r, key[r as usize]);
        }
        // Unreachable for a square instance: the complete graph has a perfect matching.
        f64::INFINITY
    }
}
