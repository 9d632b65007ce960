//! Pairs of points closer than a radius, found on a sorted uniform grid (expected O(n) for
//! well-spaced points; deterministic order).

use skyshow_model::Vec3;

/// Every pair `(i, j, distance)` with `i < j` closer than `r`, sorted by `(i, j)`.
pub(crate) fn pairs_within(points: &[Vec3], r: f64) -> Vec<(usize, usize, f64)> {
    if points.len() < 2 || r.is_nan() || r <= 0.0 || !r.is_finite() {
        return Vec::new();
    }
    let key = |p: Vec3| {
        let q = p / r;
        [q.x.floor() as i64, q.y.floor() as i64, q.z.floor() as i64]
    };
    let mut cells: Vec<([i64; 3], usize)> = points
        .iter()
        .enumerate()
        .map(|(i, p)| (key(*p), i))
        .collect();
    cells.sort_unstable();
    let mut out = Vec::new();
    for (i, p) in points.iter().enumerate() {
        let k = key(*p);
        for dx in -1..=1 {
            for dy in -1..=1 {
                for dz in -1..=1 {
                    let c = [k[0] + dx, k[1] + dy, k[2] + dz];
                    let from = cells.partition_point(|e| e.0 < c);
                    for &(ck, j) in &cells[from..] {
                        if ck != c {
                            break;
                        }
                        if j > i {
                            let d = p.dist(points[j]);
                            if d < r {
                                out.push((i, j, d));
                            }
                        }
                    }
                }
            }
        }
    }
    out.sort_unstable_by_key(|p| (p.0, p.1));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exactly_the_close_pairs() {
        let pts: Vec<Vec3> = (0..50)
            .map(|i| Vec3::new((i % 7) as f64 * 2.1, (i / 7) as f64 * 2.9, (i % 3) as f64))
            .collect();
        let got = pairs_within(&pts, 3.0);
        let mut want = Vec::new();
        for i in 0..pts.len() {
            for j in i + 1..pts.len() {
                if pts[i].dist(pts[j]) < 3.0 {
                    want.push((i, j));
                }
            }
        }
        assert_eq!(got.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>(), want);
    }
}
