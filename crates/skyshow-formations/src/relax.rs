//! `Relaxer`: even spreading of points over a domain (an area, lines, a surface, a volume).
//!
//! Three steps, all relative to the target spacing `s` so the result scales with the shape:
//! 1. **seeding** — dart throwing over dense domain samples in a seeded random order
//!    (Poisson-disk, radius shrinking until every point is placed);
//! 2. **Lloyd** — each point moves to the centroid of the domain samples nearest to it
//!    (a discrete centroidal Voronoi tessellation), projected back onto the domain;
//! 3. **repulsion** — pairs closer than the target push apart, projected back onto the
//!    domain; the configuration with the largest smallest gap is kept.
//!
//! Fixed points (pinned corners, an outline around a fill) take part as neighbours and
//! Voronoi sites but never move.

use skyshow_model::Vec3;

use rayon::prelude::*;

use crate::grid::PointGrid;
use crate::rng::Rng;

/// Repulsion stops after this many steps without a larger smallest gap.
const STALL: usize = 60;
/// Samples per parallel Lloyd chunk.
const LLOYD_CHUNK: usize = 8192;

/// A set points are kept in.
pub(crate) trait Domain: Sync {
    /// `p` moved to the nearest point of the domain (unchanged when it is in it).
    fn project(&self, p: Vec3) -> Vec3;
}

/// Spreads points evenly over a domain.
pub(crate) struct Relaxer<'a, D: Domain> {
    /// Where the points must stay.
    pub(crate) domain: &'a D,
    /// Points that take part but do not move.
    pub(crate) fixed: &'a [Vec3],
    /// Target spacing, metres.
    pub(crate) spacing: f64,
}

impl<D: Domain> Relaxer<'_, D> {
    /// `n` points chosen among `samples` by dart throwing in a random order, at least
    /// 0.75 × the spacing from each other and from the fixed points where possible.
    pub(crate) fn seed(&self, samples: &[Vec3], n: usize, rng: &mut Rng) -> Vec<Vec3> {
        if samples.is_empty() || n == 0 {
            return Vec::new();
        }
        let mut order: Vec<u32> = (0..samples.len() as u32).collect();
        rng.shuffle(&mut order);
        let mut r = 0.75 * self.spacing;
        let mut chosen: Vec<Vec3> = Vec::with_capacity(n);
        let mut taken = vec![false; samples.len()];
        while chosen.len() < n {
            // Accepted points are bucketed on a grid of cell r for the distance checks.
            let mut all: Vec<Vec3> = self.fixed.to_vec();
            all.extend_from_slice(&chosen);
            let mut buckets = DynGrid::new(samples, r);
            for p in &all {
                buckets.insert(*p);
            }
            for &i in &order {
                if chosen.len() >= n {
                    break;
                }
                if taken[i as usize] {
                    continue;
                }
                let p = samples[i as usize];
                if buckets.any_within(p, r) {
                    continue;
                }
                buckets.insert(p);
                chosen.push(p);
                taken[i as usize] = true;
            }
            r *= 0.85;
            if r < self.spacing * 1e-6 {
                // Fewer samples than points: repeat samples (the spacing check will fail).
                let mut k = 0;
                while chosen.len() < n {
                    chosen.push(samples[order[k % order.len()] as usize]);
                    k += 1;
                }
            }
        }
        chosen
    }

    /// `iters` Lloyd steps over `samples` (each with weight `weights[i]`, or 1).
    pub(crate) fn lloyd(
        &self,
        points: &mut [Vec3],
        samples: &[Vec3],
        weights: Option<&[f64]>,
        iters: usize,
    ) {
        let n = points.len();
        if n == 0 || samples.is_empty() {
            return;
        }
        let mut sites: Vec<Vec3> = points.to_vec();
        sites.extend_from_slice(self.fixed);
        let mut sum = vec![Vec3::ZERO; n];
        let mut mass = vec![0.0; n];
        for _ in 0..iters {
            sites[..n].copy_from_slice(points);
            let grid = PointGrid::new(&sites, self.spacing);
            // Fixed-size chunks summed in order: the same result on any number of threads.
            let partial: Vec<Vec<(u32, Vec3, f64)>> = samples
                .par_chunks(LLOYD_CHUNK)
                .enumerate()
                .map(|(c, chunk)| {
                    let mut acc: Vec<(u32, Vec3, f64)> = Vec::with_capacity(chunk.len());
                    for (k, q) in chunk.iter().enumerate() {
                        let Some((i, _)) = grid.nearest_fast(&sites, *q) else {
                            continue;
                        };
                        if i < n {
                            let w = weights.map_or(1.0, |w| w[c * LLOYD_CHUNK + k]);
                            acc.push((i as u32, *q * w, w));
                        }
                    }
                    acc
                })
                .collect();
            sum.fill(Vec3::ZERO);
            mass.fill(0.0);
            for (i, q, w) in partial.into_iter().flatten() {
                sum[i as usize] += q;
                mass[i as usize] += w;
            }
            let moved: Vec<Vec3> = (0..n)
                .into_par_iter()
                .map(|i| {
                    if mass[i] > 0.0 {
                        self.domain.project(sum[i] / mass[i])
                    } else {
                        points[i]
                    }
                })
                .collect();
            points.copy_from_slice(&moved);
        }
    }

    /// Up to `iters` repulsion steps pushing pairs closer than `target` apart, stopping
    /// once the smallest gap reaches `goal` (≤ `target`). Keeps and returns the smallest gap
    /// (among the moving points and to the fixed ones) of the best step.
    pub(crate) fn repel(&self, points: &mut [Vec3], target: f64, goal: f64, iters: usize) -> f64 {
        let n = points.len();
        if n == 0 {
            return f64::INFINITY;
        }
        let mut all: Vec<Vec3> = points.to_vec();
        all.extend_from_slice(self.fixed);
        let mut best = points.to_vec();
        let mut best_gap = 0.0;
        let mut best_at = 0;
        for it in 0..=iters {
            all[..n].copy_from_slice(points);
            let (pushed, gap) = pushes(&all, n, target, |j| j >= n);
            if gap > best_gap {
                best_gap = gap;
                best_at = it;
                best.copy_from_slice(points);
            }
            // Done at the goal, at the step budget, or when the gap stopped growing.
            if gap >= goal || it == iters || it - best_at > STALL {
                break;
            }
            let moved: Vec<Vec3> = (0..n)
                .into_par_iter()
                .map(|i| self.domain.project(points[i] + pushed[i].0))
                .collect();
            points.copy_from_slice(&moved);
        }
        points.copy_from_slice(&best);
        best_gap
    }
}

/// A grid that points are added to one by one (for dart throwing).
struct DynGrid {
    lo: Vec3,
    cell: f64,
    dims: [usize; 3],
    cells: Vec<Vec<Vec3>>,
}

impl DynGrid {
    fn new(bounds_of: &[Vec3], cell: f64) -> Self {
        let (mut lo, mut hi) = (bounds_of[0], bounds_of[0]);
        for p in bounds_of {
            lo = lo.min(*p);
            hi = hi.max(*p);
        }
        let mut cell = cell.max(1e-9);
        let ext = hi - lo;
        let count = |c: f64| {
            [ext.x, ext.y, ext.z].map(|e| ((e / c).floor().min(1e12) as usize).saturating_add(1))
        };
        let cells_of = |d: [usize; 3]| d.iter().fold(1usize, |a, &b| a.saturating_mul(b));
        let mut dims = count(cell);
        while cells_of(dims) > (bounds_of.len() * 4).max(64) && cell.is_finite() {
            cell *= 1.5;
            dims = count(cell);
        }
        DynGrid {
            lo,
            cell,
            dims,
            cells: vec![Vec::new(); cells_of(dims).min((bounds_of.len() * 4).max(64))],
        }
    }

    fn coord(&self, p: Vec3) -> [i64; 3] {
        let q = (p - self.lo) / self.cell;
        [q.x, q.y, q.z].map(|v| v.floor() as i64)
    }

    fn slot(&self, c: [i64; 3]) -> Option<usize> {
        let ok = (0..3).all(|k| c[k] >= 0 && c[k] < self.dims[k] as i64);
        ok.then(|| ((c[2] as usize * self.dims[1]) + c[1] as usize) * self.dims[0] + c[0] as usize)
    }

    fn insert(&mut self, p: Vec3) {
        let c = self.coord(p);
        let c = [0, 1, 2].map(|k| c[k].clamp(0, self.dims[k] as i64 - 1));
        if let Some(s) = self.slot(c) {
            self.cells[s].push(p);
        }
    }

    fn any_within(&self, p: Vec3, r: f64) -> bool {
        let c = self.coord(p);
        let k = (r / self.cell).ceil() as i64;
        let r2 = r * r;
        let range = |a: usize| (c[a] - k).max(0)..=(c[a] + k).min(self.dims[a] as i64 - 1);
        for z in range(2) {
            for y in range(1) {
                for x in range(0) {
                    if let Some(s) = self.slot([x, y, z])
                        && self.cells[s].iter().any(|q| q.dist2(p) < r2)
                    {
                        return true;
                    }
                }
            }
        }
        false
    }
}

/// Each of the first `n` points of `all`: its push away from the points closer than
/// `target` (the whole shortfall when the other one is `fixed`, half of it otherwise), and
/// its smallest squared gap; with the smallest gap over those points. Computed in
/// parallel, collected by index.
pub(crate) fn pushes(
    all: &[Vec3],
    n: usize,
    target: f64,
    fixed: impl Fn(usize) -> bool + Sync,
) -> (Vec<(Vec3, f64)>, f64) {
    let grid = PointGrid::new(all, target);
    let pushed: Vec<(Vec3, f64)> = (0..n)
        .into_par_iter()
        .map(|i| {
            let p = all[i];
            let mut push = Vec3::ZERO;
            let mut gap2 = f64::INFINITY;
            grid.within(all, p, target, |j, d2| {
                if j == i {
                    return;
                }
                gap2 = gap2.min(d2);
                let d = d2.sqrt();
                let share = if fixed(j) { 1.0 } else { 0.5 };
                push += away(i, p, j, all[j], d) * ((target - d) * share);
            });
            (push, gap2)
        })
        .collect();
    let gap = pushed
        .iter()
        .map(|x| x.1)
        .fold(f64::INFINITY, f64::min)
        .sqrt();
    (pushed, gap)
}

/// The unit direction pushing point `i` (at `p`) away from point `j` (at `q`, `d` from
/// it); coincident points are split along a fixed, index-dependent axis.
fn away(i: usize, p: Vec3, j: usize, q: Vec3, d: f64) -> Vec3 {
    if d > 1e-12 {
        (p - q) / d
    } else {
        let a = (i as f64) * 2.399_963;
        let s = if i < j { 1.0 } else { -1.0 };
        Vec3::new(a.cos() * s, a.sin() * s, 0.0)
    }
}
