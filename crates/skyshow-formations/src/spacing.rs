//! Minimum spacing of a point set, with a uniform grid (expected O(n)).

use rustc_hash::FxHashMap;
use skyshow_model::Vec3;

/// The smallest distance between two points, and the pair (`None` for fewer than 2 points).
pub fn min_spacing(points: &[Vec3]) -> Option<(f64, usize, usize)> {
    if points.len() < 2 {
        return None;
    }
    let (mut lo, mut hi) = (points[0], points[0]);
    for p in points {
        lo = lo.min(*p);
        hi = hi.max(*p);
    }
    let ext = hi - lo;
    let vol = ext.x.max(1e-3) * ext.y.max(1e-3) * ext.z.max(1e-3);
    // A cell holding about two points on average, at least as big as a sensible spacing.
    let mut cell = (vol / points.len() as f64).cbrt().max(1e-3) * 1.5;
    loop {
        if let Some(best) = search(points, lo, cell) {
            return Some(best);
        }
        cell *= 2.0;
    }
}

/// Nearest pair among points whose distance is below `cell` (the grid finds all of them),
/// or `None` if no pair is that close.
fn search(points: &[Vec3], lo: Vec3, cell: f64) -> Option<(f64, usize, usize)> {
    let key = |p: Vec3| {
        let q = (p - lo) / cell;
        (q.x.floor() as i64, q.y.floor() as i64, q.z.floor() as i64)
    };
    // Cells are only looked up, never walked: the map's order reaches no result, and a
    // fast hash matters (this runs for every formation and every frame of a motion).
    let mut grid: FxHashMap<(i64, i64, i64), Vec<usize>> = FxHashMap::default();
    for (i, p) in points.iter().enumerate() {
        grid.entry(key(*p)).or_default().push(i);
    }
    let mut best: Option<(f64, usize, usize)> = None;
    for (i, p) in points.iter().enumerate() {
        let (kx, ky, kz) = key(*p);
        for dx in -1..=1 {
            for dy in -1..=1 {
                for dz in -1..=1 {
                    let Some(bucket) = grid.get(&(kx + dx, ky + dy, kz + dz)) else {
                        continue;
                    };
                    for &j in bucket {
                        if j <= i {
                            continue;
                        }
                        let d = p.dist(points[j]);
                        let better = match best {
                            None => true,
                            Some((bd, bi, bj)) => d < bd || (d == bd && (i, j) < (bi, bj)),
                        };
                        if d < cell && better {
                            best = Some((d, i, j));
                        }
                    }
                }
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_planted_pair() {
        let mut pts: Vec<Vec3> = (0..400)
            .map(|i| Vec3::new((i % 20) as f64 * 3.0, (i / 20) as f64 * 3.0, 0.0))
            .collect();
        pts.push(Vec3::new(30.5, 30.0, 0.0));
        let (d, i, j) = min_spacing(&pts).unwrap();
        assert!((d - 0.5).abs() < 1e-12);
        assert_eq!((i, j), (210, 400));
    }

    #[test]
    fn sparse_points_still_found() {
        let pts = vec![
            Vec3::ZERO,
            Vec3::new(1000.0, 0.0, 0.0),
            Vec3::new(0.0, 0.0, 700.0),
        ];
        assert_eq!(min_spacing(&pts).unwrap().0, 700.0);
        assert!(min_spacing(&pts[..1]).is_none());
    }
}
