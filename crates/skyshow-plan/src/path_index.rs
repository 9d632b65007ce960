//! `PathIndex`: which drones' straight paths come near each other, kept up to date as
//! paths change.

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use skyshow_model::Vec3;

type Cell = (i64, i64, i64);

/// A straight piece of a path: from, to.
pub(crate) type Leg = (Vec3, Vec3);

/// A grid of the cells each drone's path (straight, or a polyline of legs, possibly
/// thickened into a tube of some radius) passes through, and for each drone the sorted
/// list of drones whose paths come within `reach` of its own.
#[derive(Clone)]
pub(crate) struct PathIndex {
    reach: f64,
    cell: f64,
    max_tube: f64,
    legs: Vec<Vec<Leg>>,
    radius: Vec<f64>,
    cells: Vec<Vec<Cell>>,
    /// Each cell's bucket in `buckets`, by the cell's [`packed`] key: small entries, so
    /// that the table's look-ups, most of a query's time, miss the cache less.
    grid: FxHashMap<u64, u32>,
    /// Drones by cell (only looked up, never walked: its order reaches no result). Cells
    /// far apart may share a packed key and so a bucket: that only adds candidates, which
    /// the exact distance test then drops.
    buckets: Vec<Vec<usize>>,
    /// `near[i]`: drones whose paths come within `reach` of drone `i`'s path, ascending.
    pub(crate) near: Vec<Vec<usize>>,
}

impl PathIndex {
    /// Indexes the straight paths `from[i] → to[i]`.
    pub(crate) fn new(from: &[Vec3], to: &[Vec3], reach: f64) -> PathIndex {
        let legs: Vec<Vec<Leg>> = (0..from.len()).map(|i| vec![(from[i], to[i])]).collect();
        PathIndex::from_legs(legs, reach)
    }

    /// Indexes the polylines `legs[i]`.
    pub(crate) fn from_legs(legs: Vec<Vec<Leg>>, reach: f64) -> PathIndex {
        PathIndex::with_tubes(legs, reach, 0.0)
    }

    /// Indexes the polylines `legs[i]`, with cells large enough for later tubes of radius
    /// up to `max_tube` metres to be found in the cells next to theirs.
    pub(crate) fn with_tubes(legs: Vec<Vec<Leg>>, reach: f64, max_tube: f64) -> PathIndex {
        let n = legs.len();
        let cell = (reach + 2.0 * max_tube).max(1e-3);
        let cells: Vec<Vec<Cell>> = legs.par_iter().map(|l| cells_of(l, cell)).collect();
        let mut grid: FxHashMap<u64, u32> = FxHashMap::default();
        let mut buckets: Vec<Vec<usize>> = Vec::new();
        for (i, keys) in cells.iter().enumerate() {
            for &k in keys {
                let b = *grid.entry(packed(k)).or_insert_with(|| {
                    buckets.push(Vec::new());
                    (buckets.len() - 1) as u32
                });
                buckets[b as usize].push(i);
            }
        }
        let mut index = PathIndex {
            reach,
            cell,
            max_tube,
            radius: vec![0.0; legs.len()],
            legs,
            cells,
            grid,
            buckets,
            near: Vec::new(),
        };
        index.near = (0..n)
            .into_par_iter()
            .map(|i| index.query_tube(&index.legs[i], 0.0, Some(i)))
            .collect();
        index
    }

    /// Drones (other than `skip`) whose paths come within `reach` of the path made of
    /// `legs`, ascending.
    pub(crate) fn query(&self, legs: &[Leg], skip: Option<usize>) -> Vec<usize> {
        self.query_tube(legs, 0.0, skip)
    }

    /// Drones (other than `skip`) whose paths come within `reach` of the tube of radius
    /// `radius` (at most the index's largest tube) around `legs`, ascending.
    pub(crate) fn query_tube(&self, legs: &[Leg], radius: f64, skip: Option<usize>) -> Vec<usize> {
        debug_assert!(radius <= self.max_tube + 1e-9);
        // A drone whose path runs beside this one lies in many of the cells around it:
        // each is taken once (a bit per drone), not once per cell.
        let mut seen = vec![0u64; self.legs.len().div_ceil(64)];
        if let Some(j) = skip {
            seen[j / 64] |= 1 << (j % 64);
        }
        let mut near: Vec<usize> = Vec::new();
        for (kx, ky, kz) in cells_of(legs, self.cell) {
            for dx in -1..=1 {
                for dy in -1..=1 {
                    for dz in -1..=1 {
                        if let Some(&b) = self.grid.get(&packed((kx + dx, ky + dy, kz + dz))) {
                            for &j in &self.buckets[b as usize] {
                                let (w, bit) = (j / 64, 1u64 << (j % 64));
                                if seen[w] & bit == 0 {
                                    seen[w] |= bit;
                                    near.push(j);
                                }
                            }
                        }
                    }
                }
            }
        }
        near.sort_unstable();
        near.retain(|&j| {
            let within = self.reach + radius + self.radius[j];
            legs.iter().any(|&(p0, p1)| {
                self.legs[j]
                    .iter()
                    .any(|&(q0, q1)| segment_segment(p0, p1, q0, q1) < within)
            })
        });
        near
    }

    /// Re-indexes drone `i` after its path changed to the polyline `legs`.
    pub(crate) fn update(&mut self, i: usize, legs: Vec<Leg>) {
        self.update_tube(i, legs, 0.0);
    }

    /// Re-indexes drone `i` after its path changed to the tube of radius `radius` (at
    /// most the index's largest tube) around the polyline `legs`.
    pub(crate) fn update_tube(&mut self, i: usize, legs: Vec<Leg>, radius: f64) {
        debug_assert!(radius <= self.max_tube + 1e-9);
        for k in std::mem::take(&mut self.cells[i]) {
            if let Some(&b) = self.grid.get(&packed(k)) {
                self.buckets[b as usize].retain(|&j| j != i);
            }
        }
        for &j in &std::mem::take(&mut self.near[i]) {
            self.near[j].retain(|&k| k != i);
        }
        self.cells[i] = cells_of(&legs, self.cell);
        self.legs[i] = legs;
        self.radius[i] = radius;
        for k in &self.cells[i] {
            let buckets = &mut self.buckets;
            let b = *self.grid.entry(packed(*k)).or_insert_with(|| {
                buckets.push(Vec::new());
                (buckets.len() - 1) as u32
            });
            let b = &mut self.buckets[b as usize];
            let at = b.partition_point(|&j| j < i);
            b.insert(at, i);
        }
        let near = self.query_tube(&self.legs[i], radius, Some(i));
        for &j in &near {
            let at = self.near[j].partition_point(|&k| k < i);
            self.near[j].insert(at, i);
        }
        self.near[i] = near;
    }
}

/// The grid cells a path passes near (each leg sampled every half cell). Cells are at
/// least `reach` plus twice the largest tube, so tubes meet in neighbouring cells.
fn cells_of(legs: &[Leg], cell: f64) -> Vec<Cell> {
    let key = |p: Vec3| {
        (
            (p.x / cell).floor() as i64,
            (p.y / cell).floor() as i64,
            (p.z / cell).floor() as i64,
        )
    };
    let mut keys: Vec<Cell> = Vec::new();
    for &(a, b) in legs {
        let steps = ((a.dist(b) / (cell * 0.5)).ceil() as usize).max(1);
        keys.extend((0..=steps).map(|k| key(a.lerp(b, k as f64 / steps as f64))));
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// A cell's key for the table: each coordinate's low 21 bits (cells 2²¹ apart along an
/// axis share a key).
fn packed((x, y, z): Cell) -> u64 {
    const M: u64 = (1 << 21) - 1;
    ((x as u64 & M) << 42) | ((y as u64 & M) << 21) | (z as u64 & M)
}

/// Closest distance between segments `p0–p1` and `q0–q1`.
pub(crate) fn segment_segment(p0: Vec3, p1: Vec3, q0: Vec3, q1: Vec3) -> f64 {
    let d1 = p1 - p0;
    let d2 = q1 - q0;
    let r = p0 - q0;
    let a = d1.norm2();
    let e = d2.norm2();
    let f = d2.dot(r);
    let (s, t);
    if a <= 1e-12 && e <= 1e-12 {
        return r.norm();
    }
    if a <= 1e-12 {
        s = 0.0;
        t = (f / e).clamp(0.0, 1.0);
    } else {
        let c = d1.dot(r);
        if e <= 1e-12 {
            t = 0.0;
            s = (-c / a).clamp(0.0, 1.0);
        } else {
            let b = d1.dot(d2);
            let denom = a * e - b * b;
            let mut s0 = if denom > 1e-12 {
                ((b * f - c * e) / denom).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let mut t0 = (b * s0 + f) / e;
            if t0 < 0.0 {
                t0 = 0.0;
                s0 = (-c / a).clamp(0.0, 1.0);
            } else if t0 > 1.0 {
                t0 = 1.0;
                s0 = ((b - c) / a).clamp(0.0, 1.0);
            }
            s = s0;
            t = t0;
        }
    }
    ((p0 + d1 * s) - (q0 + d2 * t)).norm()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_distance_cases() {
        let o = Vec3::ZERO;
        let x = Vec3::new(10.0, 0.0, 0.0);
        assert!(
            (segment_segment(o, x, Vec3::new(5.0, 3.0, -5.0), Vec3::new(5.0, 3.0, 5.0)) - 3.0)
                .abs()
                < 1e-12
        );
        assert!(
            (segment_segment(o, x, Vec3::new(12.0, 0.0, 0.0), Vec3::new(15.0, 0.0, 0.0)) - 2.0)
                .abs()
                < 1e-12
        );
        assert!(
            (segment_segment(o, x, Vec3::new(0.0, 1.0, 0.0), Vec3::new(10.0, 1.0, 0.0)) - 1.0)
                .abs()
                < 1e-12
        );
        assert!((segment_segment(o, o, o, o)).abs() < 1e-12);
    }

    #[test]
    fn updates_match_a_fresh_index() {
        let mut u = crate::test_rng::uniform(7);
        let mut rnd = || u() * 40.0;
        let from: Vec<Vec3> = (0..200).map(|_| Vec3::new(rnd(), rnd(), rnd())).collect();
        let mut to: Vec<Vec3> = (0..200).map(|_| Vec3::new(rnd(), rnd(), rnd())).collect();
        let mut index = PathIndex::new(&from, &to, 3.0);
        for k in 0..30 {
            to.swap(k, 199 - k);
            index.update(k, vec![(from[k], to[k])]);
            index.update(199 - k, vec![(from[199 - k], to[199 - k])]);
        }
        let fresh = PathIndex::new(&from, &to, 3.0);
        assert_eq!(index.near, fresh.near);
        assert!(index.near.iter().any(|v| !v.is_empty()));
    }

    #[test]
    fn near_lists_are_the_brute_force_pairs() {
        // Polylines of two legs, many running side by side (each met in many cells) and
        // some crossing; every list must be exactly the pairs within reach.
        let mut rnd = crate::test_rng::uniform(11);
        let n = 300;
        let legs: Vec<Vec<Leg>> = (0..n)
            .map(|i| {
                let a = Vec3::new((i % 20) as f64 * 1.7, (i / 20) as f64 * 1.9, 50.0);
                let b = a + Vec3::new(rnd() * 6.0 - 3.0, rnd() * 6.0 - 3.0, -30.0 - rnd());
                let c = Vec3::new(rnd() * 34.0, rnd() * 28.0, 5.0);
                vec![(a, b), (b, c)]
            })
            .collect();
        let reach = 2.1;
        let index = PathIndex::with_tubes(legs.clone(), reach, 1.5);
        let mut pairs = 0;
        for i in 0..n {
            let want: Vec<usize> = (0..n)
                .filter(|&j| {
                    j != i
                        && legs[i].iter().any(|&(p0, p1)| {
                            legs[j]
                                .iter()
                                .any(|&(q0, q1)| segment_segment(p0, p1, q0, q1) < reach)
                        })
                })
                .collect();
            assert_eq!(index.near[i], want, "drone {i}");
            pairs += want.len();
        }
        assert!(pairs > 2 * n, "{pairs}");
    }

    #[test]
    fn cells_sharing_a_packed_key_add_no_neighbours() {
        // Cells 2²¹ apart along each axis share a key and so a bucket: with 2 m cells
        // (reach 1, tubes up to 0.5), every path here lies in cells keyed as (0, 0, 0)'s.
        let far = (1u64 << 22) as f64;
        assert_eq!(packed((0, 0, 0)), packed((1 << 21, -(1 << 21), 1 << 22)));
        let legs = vec![
            vec![(Vec3::new(0.0, 0.0, 0.0), Vec3::new(1.0, 0.0, 0.0))],
            vec![(Vec3::new(far, 0.0, 0.0), Vec3::new(far + 1.0, 0.0, 0.0))],
            vec![(Vec3::new(0.5, -far, far), Vec3::new(0.5, -far, far + 0.5))],
            vec![(Vec3::new(0.5, 0.5, 0.0), Vec3::new(0.5, 0.5, 2.0))],
        ];
        let mut index = PathIndex::with_tubes(legs, 1.0, 0.5);
        assert_eq!(index.cell, 2.0);
        let keys: Vec<u64> = index.cells.iter().map(|c| packed(c[0])).collect();
        assert_eq!(keys, vec![packed((0, 0, 0)); 4]);
        assert_eq!(index.near, vec![vec![3], vec![], vec![], vec![0]]);
        // Moved next to the far one, and a tube round another.
        index.update(
            3,
            vec![(Vec3::new(far, 0.5, 0.0), Vec3::new(far, 0.5, 1.0))],
        );
        index.update_tube(
            0,
            vec![(
                Vec3::new(0.5, -far, far - 1.8),
                Vec3::new(0.5, -far, far - 1.0),
            )],
            0.5,
        );
        assert_eq!(index.near, vec![vec![2], vec![3], vec![0], vec![1]]);
    }

    #[test]
    fn near_lists_hold_every_pair_within_reach_without_tubes() {
        // Long legs in every direction, many passing just within reach of each other
        // between the points where their cells are sampled.
        let mut rnd = crate::test_rng::uniform(23);
        let n = 400;
        let legs: Vec<Vec<Leg>> = (0..n)
            .map(|_| {
                let a = Vec3::new(rnd() * 30.0, rnd() * 30.0, rnd() * 30.0);
                let b = Vec3::new(rnd() * 30.0, rnd() * 30.0, rnd() * 30.0);
                vec![(a, b)]
            })
            .collect();
        for reach in [0.7, 1.9] {
            let index = PathIndex::from_legs(legs.clone(), reach);
            for i in 0..n {
                let (p0, p1) = legs[i][0];
                let want: Vec<usize> = (0..n)
                    .filter(|&j| {
                        j != i && segment_segment(p0, p1, legs[j][0].0, legs[j][0].1) < reach
                    })
                    .collect();
                assert_eq!(index.near[i], want, "drone {i}, reach {reach}");
            }
        }
    }
}
