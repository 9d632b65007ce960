//! Sparse Jonker–Volgenant solver: the assignment problem on a given set of candidate
//! arcs per row, warm-started from column duals. Greedy assignment on tight arcs,
//! augmenting row reduction, then shortest augmenting paths (Dijkstra with a binary heap
//! over reduced costs, preferring free columns on ties). Rows can gain arcs between
//! solves; a row whose new arcs break dual feasibility is unassigned and re-augmented.
//!
//! Invariant between calls: for every assigned row `i` and each of its arcs `(i, j)`,
//! `c_ij − v_j ≥ u_i := c(i, x_i) − v(x_i)` (up to round-off): the assigned column is a
//! row minimum of the reduced costs, so `(u, v)` is dual feasible on all arcs and
//! complementary slack on the assigned ones.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Marker for "no row / no column".
pub(crate) const NONE: u32 = u32::MAX;

/// One candidate arc of a row: target column and its cost.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Arc {
    pub(crate) col: u32,
    pub(crate) cost: f64,
}

/// Heap entry of the shortest-path search: distance, then free columns first, then
/// smaller column index (all for determinism and shorter paths on ties). The order is
/// kept in two integers compared as they are — the distance's bits mapped so that
/// unsigned order is `f64::total_cmp`'s, then busy and column in one word — which makes
/// the heap's comparisons cheap; the distance reads back bit for bit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Entry {
    key: u64,
    tie: u32,
}

impl Entry {
    fn new(d: f64, busy: bool, col: u32) -> Entry {
        debug_assert!(col < 1 << 31);
        Entry {
            key: order_bits(d),
            tie: (u32::from(busy) << 31) | col,
        }
    }

    fn d(self) -> f64 {
        from_order_bits(self.key)
    }

    fn col(self) -> u32 {
        self.tie & !(1 << 31)
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Entry {
    fn cmp(&self, o: &Self) -> Ordering {
        // Reversed: BinaryHeap is a max-heap and we want the smallest entry on top.
        (o.key, o.tie).cmp(&(self.key, self.tie))
    }
}

/// `d`'s bits mapped so that their unsigned order is `f64::total_cmp`'s order of `d`.
fn order_bits(d: f64) -> u64 {
    let b = d.to_bits();
    if b >> 63 == 1 { !b } else { b | (1 << 63) }
}

/// The inverse of [`order_bits`].
fn from_order_bits(k: u64) -> f64 {
    f64::from_bits(if k >> 63 == 1 { k & !(1 << 63) } else { !k })
}

/// Outcome of a failed augmentation: no free column is reachable from the row.
pub(crate) struct Stuck {
    /// The rows of the alternating tree that was explored (the free start row first).
    pub(crate) rows: Vec<u32>,
}

/// The sparse assignment state: arcs, duals, the (partial) assignment and scratch space.
pub(crate) struct SparseLap {
    /// Candidate arcs of each row.
    pub(crate) arcs: Vec<Vec<Arc>>,
    /// Column duals.
    pub(crate) v: Vec<f64>,
    /// Column of each row, or `NONE`.
    pub(crate) x: Vec<u32>,
    /// Row of each column, or `NONE`.
    pub(crate) y: Vec<u32>,
    /// Cost of each row's assigned arc.
    pub(crate) xc: Vec<f64>,
    d: Vec<f64>,
    pred: Vec<u32>,
    scanned: Vec<bool>,
    touched: Vec<u32>,
    scanned_list: Vec<u32>,
    heap: BinaryHeap<Entry>,
    /// `mark[j] == stamp`: column `j` is among the arcs of the row being extended.
    mark: Vec<u32>,
    stamp: u32,
}

impl SparseLap {
    /// A state with no assignment, the given arcs and column duals.
    pub(crate) fn new(arcs: Vec<Vec<Arc>>, v: Vec<f64>) -> Self {
        let n = arcs.len();
        debug_assert_eq!(v.len(), n);
        SparseLap {
            arcs,
            v,
            x: vec![NONE; n],
            y: vec![NONE; n],
            xc: vec![0.0; n],
            d: vec![f64::INFINITY; n],
            pred: vec![NONE; n],
            scanned: vec![false; n],
            touched: Vec::new(),
            scanned_list: Vec::new(),
            heap: BinaryHeap::new(),
            mark: vec![0; n],
            stamp: 0,
        }
    }

    /// Row dual of an assigned row.
    #[inline]
    pub(crate) fn u(&self, i: usize) -> f64 {
        self.xc[i] - self.v[self.x[i] as usize]
    }

    fn assign(&mut self, i: usize, j: u32, cost: f64) {
        self.x[i] = j;
        self.y[j as usize] = i as u32;
        self.xc[i] = cost;
    }

    /// Unassign row `i` (no-op if free).
    pub(crate) fn unassign(&mut self, i: usize) {
        let j = self.x[i];
        if j != NONE {
            self.y[j as usize] = NONE;
            self.x[i] = NONE;
        }
    }

    /// Smallest reduced cost `c_ij − v_j` over the arcs of row `i`, with its arc; ties go
    /// to a free column, then to the earlier arc.
    fn row_min(&self, i: usize) -> Option<(f64, Arc)> {
        let mut best: Option<(f64, Arc)> = None;
        for &a in &self.arcs[i] {
            let r = a.cost - self.v[a.col as usize];
            let better = match best {
                None => true,
                Some((br, ba)) => {
                    r < br
                        || (r == br
                            && self.y[a.col as usize] == NONE
                            && self.y[ba.col as usize] != NONE)
                }
            };
            if better {
                best = Some((r, a));
            }
        }
        best
    }

    /// Assign every free row, in index order, to its best column if that is free.
    /// Returns the rows left free.
    pub(crate) fn greedy(&mut self) -> Vec<u32> {
        let n = self.x.len();
        let mut free = Vec::new();
        for i in 0..n {
            if self.x[i] != NONE {
                continue;
            }
            match self.row_min(i) {
                Some((_, a)) if self.y[a.col as usize] == NONE => self.assign(i, a.col, a.cost),
                _ => free.push(i as u32),
            }
        }
        free
    }

    /// Augmenting row reduction (auction with zero increment), `rounds` passes over the
    /// free rows, with a step budget so degenerate ties cannot loop for long. Returns the
    /// rows still free.
    pub(crate) fn augmenting_row_reduction(
        &mut self,
        mut free: Vec<u32>,
        rounds: usize,
    ) -> Vec<u32> {
        let budget = 8 * self.x.len() + 64;
        for _ in 0..rounds {
            let prv = free.len();
            let mut next = Vec::with_capacity(prv);
            let mut k = 0;
            let mut steps = 0usize;
            while k < prv {
                let i = free[k] as usize;
                k += 1;
                steps += 1;
                if steps > budget || self.arcs[i].len() < 2 || self.x[i] != NONE {
                    if self.x[i] == NONE {
                        next.push(i as u32);
                    }
                    continue;
                }
                let (mut umin, mut a1) = (f64::INFINITY, self.arcs[i][0]);
                let (mut usub, mut a2) = (f64::INFINITY, self.arcs[i][0]);
                for &a in &self.arcs[i] {
                    let h = a.cost - self.v[a.col as usize];
                    if h < usub {
                        if h >= umin {
                            usub = h;
                            a2 = a;
                        } else {
                            usub = umin;
                            a2 = a1;
                            umin = h;
                            a1 = a;
                        }
                    }
                }
                let mut i0 = self.y[a1.col as usize];
                if umin < usub {
                    self.v[a1.col as usize] -= usub - umin;
                } else if i0 != NONE {
                    a1 = a2;
                    i0 = self.y[a2.col as usize];
                }
                if i0 != NONE {
                    self.x[i0 as usize] = NONE;
                }
                self.assign(i, a1.col, a1.cost);
                if i0 != NONE {
                    if umin < usub {
                        k -= 1;
                        free[k] = i0;
                    } else {
                        next.push(i0);
                    }
                }
            }
            free = next;
        }
        free
    }

    /// Shortest augmenting path from free row `s`; on success the assignment grows by one
    /// and the duals of the scanned columns are updated. On failure nothing changes and
    /// the explored rows are returned.
    pub(crate) fn augment(&mut self, s: usize) -> Result<(), Stuck> {
        debug_assert_eq!(self.x[s], NONE);
        let Some((us, _)) = self.row_min(s) else {
            return Err(Stuck {
                rows: vec![s as u32],
            });
        };
        for k in 0..self.arcs[s].len() {
            let a = self.arcs[s][k];
            let r = a.cost - self.v[a.col as usize] - us;
            self.relax(a.col, r, s as u32);
        }
        let mut end = NONE;
        let mut dist = 0.0;
        while let Some(e) = self.heap.pop() {
            let (ed, ecol) = (e.d(), e.col());
            let j = ecol as usize;
            if self.scanned[j] || ed > self.d[j] {
                continue;
            }
            self.scanned[j] = true;
            self.scanned_list.push(ecol);
            let r = self.y[j];
            if r == NONE {
                end = ecol;
                dist = ed;
                break;
            }
            let r = r as usize;
            let ur = self.xc[r] - self.v[j];
            for k in 0..self.arcs[r].len() {
                let a = self.arcs[r][k];
                if !self.scanned[a.col as usize] {
                    let nd = ed + (a.cost - self.v[a.col as usize] - ur);
                    self.relax(a.col, nd, r as u32);
                }
            }
        }
        if end == NONE {
            let mut rows = vec![s as u32];
            rows.extend(self.scanned_list.iter().map(|&j| self.y[j as usize]));
            self.reset();
            return Err(Stuck { rows });
        }
        for &j in &self.scanned_list {
            let j = j as usize;
            self.v[j] += self.d[j] - dist;
        }
        // Augment along the predecessor chain.
        let mut j = end;
        loop {
            let i = self.pred[j as usize] as usize;
            let prev = self.x[i];
            let cost = self.arc_cost(i, j);
            self.assign(i, j, cost);
            if i == s {
                break;
            }
            j = prev;
        }
        self.reset();
        Ok(())
    }

    #[inline]
    fn relax(&mut self, col: u32, d: f64, from: u32) {
        let j = col as usize;
        if d < self.d[j] {
            if self.d[j] == f64::INFINITY {
                self.touched.push(col);
            }
            self.d[j] = d;
            self.pred[j] = from;
            self.heap.push(Entry::new(d, self.y[j] != NONE, col));
        }
    }

    fn reset(&mut self) {
        for &j in &self.touched {
            self.d[j as usize] = f64::INFINITY;
            self.scanned[j as usize] = false;
        }
        self.touched.clear();
        self.scanned_list.clear();
        self.heap.clear();
    }

    fn arc_cost(&self, i: usize, j: u32) -> f64 {
        self.arcs[i]
            .iter()
            .find(|a| a.col == j)
            .map_or(f64::INFINITY, |a| a.cost)
    }

    /// Add arcs to row `i` (skipping columns it already has). If the row is assigned and
    /// a new arc has a reduced cost below `u_i − tol`, the row is unassigned and `true`
    /// is returned: it must be augmented again.
    pub(crate) fn add_arcs(&mut self, i: usize, new: &[Arc], tol: f64) -> bool {
        let mut broken = false;
        let ui = if self.x[i] != NONE {
            self.u(i)
        } else {
            f64::NEG_INFINITY
        };
        // Columns the row already has, marked with a fresh stamp: rows whose lists grew
        // to thousands of arcs made a pairwise duplicate check quadratic.
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.mark.fill(0);
            self.stamp = 1;
        }
        for b in &self.arcs[i] {
            self.mark[b.col as usize] = self.stamp;
        }
        for &a in new {
            if self.mark[a.col as usize] == self.stamp {
                continue;
            }
            self.mark[a.col as usize] = self.stamp;
            if a.cost - self.v[a.col as usize] < ui - tol {
                broken = true;
            }
            self.arcs[i].push(a);
        }
        if broken {
            self.unassign(i);
        }
        broken
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heap_order_is_total_cmp_then_free_then_column() {
        let ds = [
            f64::NEG_INFINITY,
            -3.5,
            -0.0,
            0.0,
            1e-300,
            2.0,
            2.0 + f64::EPSILON * 2.0,
            f64::INFINITY,
            f64::NAN,
        ];
        let mut all = Vec::new();
        for &d in &ds {
            for busy in [false, true] {
                for col in [0u32, 7, (1 << 31) - 1] {
                    all.push((d, busy, col));
                }
            }
        }
        for &(d, b, c) in &all {
            let e = Entry::new(d, b, c);
            assert_eq!(e.d().to_bits(), d.to_bits());
            assert_eq!(e.col(), c);
            for &(d2, b2, c2) in &all {
                let want = d2.total_cmp(&d).then(b2.cmp(&b)).then(c2.cmp(&c));
                assert_eq!(
                    e.cmp(&Entry::new(d2, b2, c2)),
                    want,
                    "{d} {b} {c} / {d2} {b2} {c2}"
                );
            }
        }
    }
}
