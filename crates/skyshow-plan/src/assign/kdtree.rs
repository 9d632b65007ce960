//! A k-d tree over one side's points with deletion, for threshold-graph matching under an
//! arbitrary monotone pair cost. Lower bounds on a node come from the cost to the point of
//! its box nearest the query (per axis), valid because the cost never decreases when a
//! coordinate moves away from the other point's (the contract of `bottleneck`).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use skyshow_model::Vec3;

/// Pair cost: `(source point, target point) -> cost`.
pub(crate) type Cost<'a> = &'a (dyn Fn(Vec3, Vec3) -> f64 + Sync);

const NONE: u32 = u32::MAX;
const LEAF: usize = 8;

/// Which side of the pair cost the tree's points are on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    /// The tree holds targets; queries are sources: `cost(query, point)`.
    Targets,
    /// The tree holds sources; queries are targets: `cost(point, query)`.
    Sources,
}

#[derive(Clone, Debug)]
struct Node {
    lo: Vec3,
    hi: Vec3,
    start: u32,
    end: u32,
    left: u32,
    right: u32,
    parent: u32,
}

/// The tree. Points are identified by their index in the slice it was built from.
pub(crate) struct KdTree {
    side: Side,
    nodes: Vec<Node>,
    pts: Vec<Vec3>,
    ids: Vec<u32>,
    pos_of: Vec<u32>,
    leaf_of: Vec<u32>,
    alive: Vec<bool>,
    count: Vec<u32>,
}

#[derive(Clone, Copy)]
struct Pending {
    lb: f64,
    node: u32,
}
impl PartialEq for Pending {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Pending {}
impl PartialOrd for Pending {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Pending {
    fn cmp(&self, o: &Self) -> Ordering {
        o.lb.total_cmp(&self.lb).then(o.node.cmp(&self.node))
    }
}

impl KdTree {
    /// Build over `points` (all alive).
    pub(crate) fn new(points: &[Vec3], side: Side) -> Self {
        let n = points.len();
        let mut ids: Vec<u32> = (0..n as u32).collect();
        let mut nodes = Vec::with_capacity(2 * n / LEAF + 2);
        if n > 0 {
            build(points, &mut ids, 0, n, NONE, &mut nodes);
        }
        let pts: Vec<Vec3> = ids.iter().map(|&i| points[i as usize]).collect();
        let mut pos_of = vec![0u32; n];
        for (p, &i) in ids.iter().enumerate() {
            pos_of[i as usize] = p as u32;
        }
        let mut leaf_of = vec![0u32; n];
        for (k, nd) in nodes.iter().enumerate() {
            if nd.left == NONE {
                for p in nd.start..nd.end {
                    leaf_of[p as usize] = k as u32;
                }
            }
        }
        let count = nodes.iter().map(|nd| nd.end - nd.start).collect();
        KdTree {
            side,
            nodes,
            pts,
            ids,
            pos_of,
            leaf_of,
            alive: vec![true; n],
            count,
        }
    }

    /// Make every point alive again.
    pub(crate) fn reset(&mut self) {
        self.alive.fill(true);
        for (c, nd) in self.count.iter_mut().zip(&self.nodes) {
            *c = nd.end - nd.start;
        }
    }

    /// Make alive exactly the points for which `alive(id)` holds.
    pub(crate) fn reset_to(&mut self, alive: impl Fn(u32) -> bool) {
        for (p, a) in self.alive.iter_mut().enumerate() {
            *a = alive(self.ids[p]);
        }
        for k in (0..self.nodes.len()).rev() {
            let nd = &self.nodes[k];
            self.count[k] = if nd.left == NONE {
                (nd.start..nd.end)
                    .filter(|&p| self.alive[p as usize])
                    .count() as u32
            } else {
                self.count[nd.left as usize] + self.count[nd.right as usize]
            };
        }
    }

    /// Remove and return some alive point within cost `theta` of `q` (the first found in
    /// tree order, or in reverse tree order if `reverse`), if any.
    pub(crate) fn take_any_within(
        &mut self,
        q: Vec3,
        theta: f64,
        cost: Cost<'_>,
        reverse: bool,
        stack: &mut Vec<u32>,
    ) -> Option<u32> {
        if self.nodes.is_empty() {
            return None;
        }
        stack.clear();
        stack.push(0);
        while let Some(k) = stack.pop() {
            let k = k as usize;
            if self.count[k] == 0 || self.lower(q, k, cost) > theta {
                continue;
            }
            let nd = &self.nodes[k];
            if nd.left == NONE {
                let (s, e) = (nd.start as usize, nd.end as usize);
                let hit = if reverse {
                    (s..e)
                        .rev()
                        .find(|&p| self.alive[p] && self.pair(q, self.pts[p], cost) <= theta)
                } else {
                    (s..e).find(|&p| self.alive[p] && self.pair(q, self.pts[p], cost) <= theta)
                };
                if let Some(p) = hit {
                    self.remove_pos(p);
                    return Some(self.ids[p]);
                }
            } else if reverse {
                stack.push(nd.left);
                stack.push(nd.right);
            } else {
                stack.push(nd.right);
                stack.push(nd.left);
            }
        }
        None
    }

    /// Whether point `id` is alive.
    pub(crate) fn is_alive(&self, id: u32) -> bool {
        self.alive[self.pos_of[id as usize] as usize]
    }

    fn remove_pos(&mut self, pos: usize) {
        if !self.alive[pos] {
            return;
        }
        self.alive[pos] = false;
        let mut k = self.leaf_of[pos];
        while k != NONE {
            self.count[k as usize] -= 1;
            k = self.nodes[k as usize].parent;
        }
    }

    /// Remove point `id` (no-op if already removed).
    pub(crate) fn remove(&mut self, id: u32) {
        self.remove_pos(self.pos_of[id as usize] as usize);
    }

    #[inline]
    fn pair(&self, q: Vec3, p: Vec3, cost: Cost<'_>) -> f64 {
        match self.side {
            Side::Targets => cost(q, p),
            Side::Sources => cost(p, q),
        }
    }

    /// Lower bound of the cost between `q` and any point of node `k`.
    #[inline]
    fn lower(&self, q: Vec3, k: usize, cost: Cost<'_>) -> f64 {
        let nd = &self.nodes[k];
        let p = Vec3::new(
            q.x.clamp(nd.lo.x, nd.hi.x),
            q.y.clamp(nd.lo.y, nd.hi.y),
            q.z.clamp(nd.lo.z, nd.hi.z),
        );
        self.pair(q, p, cost)
    }

    /// An alive point of smallest cost to `q`, with that cost. Among points of equal
    /// cost the first one met wins: the search visits nodes in a fixed order (lower
    /// bound, then node index), so the answer is deterministic, and it prunes every box
    /// whose lower bound is not strictly below the best cost so far. (Costs such as
    /// flight times have plateaus, where every target within a radius costs the same;
    /// breaking ties by index there meant visiting every box on the plateau, which made
    /// the bottleneck search 30–40 times slower on 16,000-drone instances.)
    pub(crate) fn nearest(&self, q: Vec3, cost: Cost<'_>) -> Option<(f64, u32)> {
        if self.nodes.is_empty() || self.count[0] == 0 {
            return None;
        }
        let mut best: Option<(f64, u32)> = None;
        let mut heap = BinaryHeap::new();
        heap.push(Pending {
            lb: self.lower(q, 0, cost),
            node: 0,
        });
        while let Some(Pending { lb, node }) = heap.pop() {
            if let Some((bc, _)) = best
                && lb >= bc
            {
                break;
            }
            let nd = &self.nodes[node as usize];
            if nd.left == NONE {
                for p in nd.start as usize..nd.end as usize {
                    if !self.alive[p] {
                        continue;
                    }
                    let c = self.pair(q, self.pts[p], cost);
                    let id = self.ids[p];
                    let better = best.is_none_or(|(bc, _)| c < bc);
                    if better {
                        best = Some((c, id));
                    }
                }
            } else {
                for ch in [nd.left, nd.right] {
                    if self.count[ch as usize] > 0 {
                        let lb = self.lower(q, ch as usize, cost);
                        if best.is_none_or(|(bc, _)| lb < bc) {
                            heap.push(Pending { lb, node: ch });
                        }
                    }
                }
            }
        }
        best
    }
}

/// Build the subtree over `ids[start..end]`, returning its node index.
fn build(
    points: &[Vec3],
    ids: &mut [u32],
    start: usize,
    end: usize,
    parent: u32,
    nodes: &mut Vec<Node>,
) -> u32 {
    let (mut lo, mut hi) = (points[ids[start] as usize], points[ids[start] as usize]);
    for &i in &ids[start..end] {
        lo = lo.min(points[i as usize]);
        hi = hi.max(points[i as usize]);
    }
    let k = nodes.len() as u32;
    nodes.push(Node {
        lo,
        hi,
        start: start as u32,
        end: end as u32,
        left: NONE,
        right: NONE,
        parent,
    });
    if end - start > LEAF {
        let ext = (hi - lo).to_array();
        let axis = if ext[0] >= ext[1] && ext[0] >= ext[2] {
            0
        } else if ext[1] >= ext[2] {
            1
        } else {
            2
        };
        let mid = (start + end) / 2;
        let key = |i: &u32| (points[*i as usize].to_array()[axis], *i);
        ids[start..end].select_nth_unstable_by(mid - start, |a, b| {
            let (ka, ia) = key(a);
            let (kb, ib) = key(b);
            ka.total_cmp(&kb).then(ia.cmp(&ib))
        });
        let l = build(points, ids, start, mid, k, nodes);
        let r = build(points, ids, mid, end, k, nodes);
        nodes[k as usize].left = l;
        nodes[k as usize].right = r;
    }
    k
}
