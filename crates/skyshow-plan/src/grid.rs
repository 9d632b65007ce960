//! `CellGrid`: a uniform spatial grid over points, built by sorting (no per-cell
//! allocation) and queried through the 27 cells around a point, or walked pair by pair
//! over neighbouring cells (each pair of cells looked up once, not once per point).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use skyshow_model::Vec3;

/// A fast hasher for packed cell keys (multiply-xorshift; keys are already well spread).
#[derive(Default)]
pub(crate) struct CellHasher(u64);

impl Hasher for CellHasher {
    fn finish(&self) -> u64 {
        let x = self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        x ^ (x >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(*b);
        }
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

type CellMap = HashMap<u64, (u32, u32), BuildHasherDefault<CellHasher>>;

/// Points bucketed by cubic cells of side `cell`.
pub(crate) struct CellGrid {
    cell: f64,
    items: Vec<u32>,
    cells: CellMap,
    /// The occupied cells in key order: (key, start, end) into `items`.
    occupied: Vec<(u64, u32, u32)>,
}

const BIAS: i64 = 1 << 20;

fn pack(x: i64, y: i64, z: i64) -> u64 {
    let m = (1u64 << 21) - 1;
    (((x + BIAS) as u64 & m) << 42) | (((y + BIAS) as u64 & m) << 21) | ((z + BIAS) as u64 & m)
}

impl CellGrid {
    /// The cell coordinates of `p`.
    pub(crate) fn coords(&self, p: Vec3) -> (i64, i64, i64) {
        (
            (p.x / self.cell).floor() as i64,
            (p.y / self.cell).floor() as i64,
            (p.z / self.cell).floor() as i64,
        )
    }

    /// A grid over `points` with cells of side `cell` metres.
    pub(crate) fn new(points: &[Vec3], cell: f64) -> Self {
        let mut g = CellGrid {
            cell,
            items: Vec::with_capacity(points.len()),
            cells: CellMap::default(),
            occupied: Vec::new(),
        };
        let mut keyed: Vec<(u64, u32)> = points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let (x, y, z) = g.coords(*p);
                (pack(x, y, z), i as u32)
            })
            .collect();
        keyed.sort_unstable();
        g.cells.reserve(keyed.len());
        let mut start = 0;
        while start < keyed.len() {
            let key = keyed[start].0;
            let mut end = start;
            while end < keyed.len() && keyed[end].0 == key {
                g.items.push(keyed[end].1);
                end += 1;
            }
            g.cells.insert(key, (start as u32, end as u32));
            g.occupied.push((key, start as u32, end as u32));
            start = end;
        }
        g
    }

    /// Calls `f` with every point index in the 27 cells around `p` (in a fixed order).
    pub(crate) fn for_near(&self, p: Vec3, mut f: impl FnMut(usize)) {
        let (x, y, z) = self.coords(p);
        for dx in -1..=1 {
            for dy in -1..=1 {
                for dz in -1..=1 {
                    if let Some(&(a, b)) = self.cells.get(&pack(x + dx, y + dy, z + dz)) {
                        for &j in &self.items[a as usize..b as usize] {
                            f(j as usize);
                        }
                    }
                }
            }
        }
    }
}

/// The 13 cell offsets after `(0, 0, 0)` in lexicographic order: with the cell itself,
/// every pair of neighbouring cells is visited once.
const FORWARD: [(i64, i64, i64); 13] = {
    let mut out = [(0, 0, 0); 13];
    let mut k = 0;
    let mut dx = -1;
    while dx <= 1 {
        let mut dy = -1;
        while dy <= 1 {
            let mut dz = -1;
            while dz <= 1 {
                if dx > 0 || (dx == 0 && (dy > 0 || (dy == 0 && dz > 0))) {
                    out[k] = (dx, dy, dz);
                    k += 1;
                }
                dz += 1;
            }
            dy += 1;
        }
        dx += 1;
    }
    out
};

impl CellGrid {
    /// Calls `f(i, j)` (`i < j`) once for every pair of points in the same or
    /// neighbouring cells: the pairs [`CellGrid::for_near`] finds, each once, with a
    /// thirteenth of its cell look-ups (cell by cell, not point by point). The order is
    /// fixed; callers whose result does not depend on it get the same result.
    pub(crate) fn for_pairs(&self, mut f: impl FnMut(usize, usize)) {
        let m = (1u64 << 21) - 1;
        let unpack = |k: u64| {
            (
                ((k >> 42) & m) as i64 - BIAS,
                ((k >> 21) & m) as i64 - BIAS,
                (k & m) as i64 - BIAS,
            )
        };
        for &(key, a, b) in &self.occupied {
            let here = &self.items[a as usize..b as usize];
            for (k, &i) in here.iter().enumerate() {
                for &j in &here[k + 1..] {
                    f(i.min(j) as usize, i.max(j) as usize);
                }
            }
            let (x, y, z) = unpack(key);
            for (dx, dy, dz) in FORWARD {
                if let Some(&(c, d)) = self.cells.get(&pack(x + dx, y + dy, z + dz)) {
                    for &i in here {
                        for &j in &self.items[c as usize..d as usize] {
                            f(i.min(j) as usize, i.max(j) as usize);
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_all_neighbours_within_a_cell() {
        let pts: Vec<Vec3> = (0..1000)
            .map(|i| {
                Vec3::new(
                    (i % 10) as f64 * 1.3 - 5.0,
                    ((i / 10) % 10) as f64 * 1.3,
                    (i / 100) as f64 * 1.3 - 2.0,
                )
            })
            .collect();
        let g = CellGrid::new(&pts, 2.0);
        for (i, p) in pts.iter().enumerate() {
            let mut near = Vec::new();
            g.for_near(*p, |j| near.push(j));
            for (j, q) in pts.iter().enumerate() {
                if p.dist(*q) < 2.0 {
                    assert!(near.contains(&j), "{i} misses {j}");
                }
            }
        }
    }

    #[test]
    fn pairs_are_the_near_pairs_each_once() {
        let mut u = crate::test_rng::uniform(3);
        let mut rnd = || u() * 30.0 - 15.0;
        // Negative and positive coordinates, clustered so that cells hold several points.
        let pts: Vec<Vec3> = (0..800)
            .map(|_| Vec3::new(rnd(), rnd() * 0.3, rnd().round() * 0.5))
            .collect();
        let g = CellGrid::new(&pts, 1.7);
        let mut want = Vec::new();
        for (i, p) in pts.iter().enumerate() {
            g.for_near(*p, |j| {
                if j > i {
                    want.push((i, j));
                }
            });
        }
        let mut got = Vec::new();
        g.for_pairs(|i, j| got.push((i, j)));
        assert!(got.iter().all(|&(i, j)| i < j));
        let n = got.len();
        got.sort_unstable();
        got.dedup();
        assert_eq!(got.len(), n, "a pair visited twice");
        want.sort_unstable();
        assert_eq!(got, want);
        assert!(n > 1000);
    }
}
