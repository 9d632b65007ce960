//! `CellGrid`: a uniform spatial grid over points, built by sorting (no per-cell
//! allocation) and queried through the 27 cells around a point.

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
}
