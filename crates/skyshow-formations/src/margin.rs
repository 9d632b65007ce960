//! Keeping a picture's spacing a little above the minimum distance.
//!
//! A picture laid out exactly at the minimum distance (a 3 m grid with 3 m between drones,
//! a file of points written with 4 decimals) is flyable as designed, but not as written:
//! the per-drone CSV rounds each coordinate to the millimetre, the `.skyc` to a tenth of
//! one, and a moving picture is flown as curves that stray from its design by a hair. So a
//! rigid picture spaced closer than the minimum distance plus
//! [`SPACING_MARGIN_M`] is spread about its centre by the factor that gives it that
//! margin: a few hundredths of a percent, centimetres on a 100 m picture, and every written
//! file then passes `skyshow check` at the show's own limits.

use skyshow_model::{SPACING_MARGIN_M, Vec3};

/// Spreads `points`, whose smallest spacing is `spacing_m`, to at least `min_distance_m +`
/// [`SPACING_MARGIN_M`] when they are closer: about the centre of their bounding box, then
/// moved up or down as much as keeps them within the altitudes `[low_m, high_m]` they were
/// within. Returns the factor applied, `None` when the spacing already has the margin.
pub(crate) fn spread_to_margin(
    points: &mut [Vec3],
    spacing_m: f64,
    min_distance_m: f64,
    low_m: f64,
    high_m: f64,
) -> Option<f64> {
    let want = min_distance_m + SPACING_MARGIN_M;
    if !(spacing_m.is_finite() && spacing_m > 0.0 && spacing_m < want) {
        return None;
    }
    let k = want / spacing_m;
    let (lo, hi) = Vec3::bounds(points);
    let c = (lo + hi) * 0.5;
    for p in points.iter_mut() {
        *p = c + (*p - c) * k;
    }
    let (nlo, nhi) = Vec3::bounds(points);
    // Keep a picture that was inside the altitude band inside it.
    let up = if lo.z >= low_m && nlo.z < low_m {
        low_m - nlo.z
    } else if hi.z <= high_m && nhi.z > high_m {
        high_m - nhi.z
    } else {
        0.0
    };
    if up != 0.0 {
        for p in points.iter_mut() {
            p.z += up;
        }
    }
    Some(k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spacing::min_spacing;

    fn grid(deg: f64, z: f64) -> Vec<Vec3> {
        let (s, c) = deg.to_radians().sin_cos();
        (0..25)
            .map(|i| {
                let (u, v) = ((i % 5) as f64 * 3.0, (i / 5) as f64 * 3.0);
                Vec3::new(c * u - s * v, 0.0, z + s * u + c * v)
            })
            .collect()
    }

    #[test]
    fn a_picture_at_the_minimum_distance_gets_the_margin_and_keeps_its_shape() {
        let mut p = grid(37.0, 10.0);
        let before = p.clone();
        let s = min_spacing(&p).unwrap().0;
        let k = spread_to_margin(&mut p, s, 3.0, 2.5, 150.0).unwrap();
        let after = min_spacing(&p).unwrap().0;
        assert!(after >= 3.0 + SPACING_MARGIN_M - 1e-12, "{after}");
        assert!(k < 1.002, "{k}");
        // Similar: every distance grew by the same factor.
        for i in 0..p.len() {
            for j in 0..i {
                let r = p[i].dist(p[j]) / before[i].dist(before[j]);
                assert!((r - k).abs() < 1e-12, "{r} {k}");
            }
        }
    }

    #[test]
    fn a_spaced_picture_is_left_alone() {
        let mut p: Vec<Vec3> = grid(0.0, 10.0).iter().map(|&q| q * 1.01).collect();
        let before = p.clone();
        let s = min_spacing(&p).unwrap().0;
        assert_eq!(spread_to_margin(&mut p, s, 3.0, 2.5, 150.0), None);
        assert_eq!(p, before);
    }

    #[test]
    fn a_picture_on_the_floor_stays_above_it() {
        // Its lowest row exactly at the lowest altitude a picture may have.
        let mut p = grid(0.0, 2.5);
        let s = min_spacing(&p).unwrap().0;
        spread_to_margin(&mut p, s, 3.0, 2.5, 150.0).unwrap();
        let low = p.iter().map(|q| q.z).fold(f64::INFINITY, f64::min);
        assert!((low - 2.5).abs() < 1e-12, "{low}");
    }
}
