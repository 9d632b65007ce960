//! Shells: a round formation (a sphere, a ring of drones about a centre) opened along its
//! radii, as a flat picture opens into layers in depth (`spread.rs`).
//!
//! A round formation has no plane to step out of, and scaling it by `√2` flies its outer
//! drones tens of metres (a 1,500-drone sphere at 3 m: 17 m out). But CAPT only needs the
//! pairs closer than `√2·d` to be apart: the points are coloured so that every such pair
//! has two colours, and placed colour by colour, the largest colour where it is and every
//! other point at the depth along its radius nearest its place (out or in) that keeps it
//! `need` from its close neighbours already placed and `√2·d` from the others nearby. A
//! sphere opens this way by about two steps of `√(need² − d²)` (5.2 m for the sphere at
//! 3 m). The opened formation is checked to be spaced `√2·d` as a whole, and the plan
//! that opens it, crosses and closes is checked exactly like every other.

use skyshow_formations::min_spacing;
use skyshow_model::Vec3;

use crate::spread::{Spread, SpreadKind, classes, close_pairs, plane_fit, slot};

/// A formation is round when every point is at least this fraction of the farthest
/// point's distance from the centre.
const ROUND: f64 = 0.8;

/// The largest step out (or in), as a multiple of the distance kept (farther costs more
/// time than scaling the formation).
const MAX_STEP_OUT: f64 = 4.0;

/// The depths tried, metres apart.
const DEPTH_STEP_M: f64 = 0.05;

/// Pairs up to this multiple of the distance kept are kept apart as the points step in
/// or out (farther pairs are checked once, on the whole opened formation).
const WIDE: f64 = 1.5;

/// The round formation `points` opened into shells along its radii so that it is spaced
/// at least `√2·d` (its pairs closer than that at least `need`), within the altitude
/// band. `None` when the formation is flat (thinner than `flat_tol`: it opens into
/// layers), not round, already spaced `√2·d`, or when no such shells fit the band.
pub(crate) fn shells(
    points: &[Vec3],
    d: f64,
    need: f64,
    flat_tol: f64,
    band: (f64, f64),
) -> Option<Spread> {
    let n = points.len();
    if n < 2 {
        return None;
    }
    let (centre, _, thickness) = plane_fit(points);
    if thickness <= flat_tol {
        return None;
    }
    let radius: Vec<f64> = points.iter().map(|p| p.dist(centre)).collect();
    let far = radius.iter().copied().fold(0.0, f64::max);
    if far <= 0.0 || radius.iter().any(|&r| r < ROUND * far) {
        return None;
    }
    let root2 = std::f64::consts::SQRT_2 * d;
    let edges = close_pairs(points, root2 * (1.0 - 1e-9));
    if edges.is_empty() {
        return None;
    }
    let (col, order) = classes(n, &edges);
    let outward: Vec<Vec3> = (0..n).map(|i| (points[i] - centre) / radius[i]).collect();
    // Each point's neighbours it must keep apart from: `need` for the close pairs, and
    // `√2·d` for the others near enough to come that close when one steps in.
    let mut near: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for (i, j) in close_pairs(points, WIDE * need) {
        let keep = if points[i].dist(points[j]) < root2 * (1.0 - 1e-9) {
            need
        } else {
            root2
        };
        near[i].push((j, keep));
        near[j].push((i, keep));
    }
    // Placed class by class, largest first (it stays where it is), each point at the
    // depth nearest its place (on a grid of `DEPTH_STEP_M`, outward first) that keeps
    // it apart from every neighbour already placed.
    let mut by_class: Vec<usize> = (0..n).collect();
    by_class.sort_by_key(|&i| (slot(&order, col[i]), i));
    let steps = (MAX_STEP_OUT * need / DEPTH_STEP_M).ceil() as i64;
    let mut depth: Vec<Option<f64>> = vec![None; n];
    for &i in &by_class {
        let fits = |x: f64| {
            let p = points[i] + outward[i] * x;
            near[i].iter().all(|&(j, keep)| {
                depth[j].is_none_or(|o| p.dist(points[j] + outward[j] * o) >= keep)
            })
        };
        let tries = (0..=steps)
            .flat_map(|k| [k, -k])
            .map(|k| k as f64 * DEPTH_STEP_M);
        depth[i] = Some(
            tries
                .take_while(|x| x.abs() <= MAX_STEP_OUT * need)
                .find(|&x| fits(x))?,
        );
    }
    let depth: Vec<f64> = depth.into_iter().map(|o| o.unwrap_or(0.0)).collect();
    // The depths keep the pairs placed apart; the whole formation is checked (and a
    // little more depth tried) for the pairs farther apart.
    for k in 0..8 {
        let grow = 1.0 + 0.05 * k as f64;
        let offsets: Vec<Vec3> = (0..n).map(|i| outward[i] * (depth[i] * grow)).collect();
        let deepest_m = depth.iter().map(|x| x.abs()).fold(0.0, f64::max) * grow;
        if deepest_m > MAX_STEP_OUT * need {
            return None;
        }
        let opened: Vec<Vec3> = (0..n).map(|i| points[i] + offsets[i]).collect();
        let apart = edges
            .iter()
            .all(|&(i, j)| col[i] == col[j] || opened[i].dist(opened[j]) >= need - 1e-9);
        if !apart || min_spacing(&opened).is_some_and(|s| s.0 < root2 - 1e-9) {
            continue;
        }
        let (lo, hi) = opened
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), p| {
                (l.min(p.z), h.max(p.z))
            });
        return (lo >= band.0 - 1e-9 && hi <= band.1 + 1e-9).then_some(Spread {
            kind: SpreadKind::Shells { deepest_m },
            offsets,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Fibonacci sphere of `n` points about `c`, its closest pair `s` apart.
    fn sphere(n: usize, s: f64, c: Vec3) -> Vec<Vec3> {
        let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
        let unit: Vec<Vec3> = (0..n)
            .map(|k| {
                let z = 1.0 - 2.0 * (k as f64 + 0.5) / n as f64;
                let rho = (1.0 - z * z).sqrt();
                let t = golden * k as f64;
                Vec3::new(rho * t.cos(), rho * t.sin(), z)
            })
            .collect();
        let closest = min_spacing(&unit).unwrap().0;
        unit.iter().map(|p| c + *p * (s / closest)).collect()
    }

    #[test]
    fn a_sphere_opens_into_shells_spaced_root_two_much_less_far_than_scaling() {
        let d = 3.0;
        let need = std::f64::consts::SQRT_2 * d * 1.02;
        let c = Vec3::new(0.0, 0.0, 80.0);
        let pts = sphere(600, d, c);
        let s = shells(&pts, d, need, 0.06, (5.5, 150.0)).unwrap();
        let opened = s.apply(&pts);
        assert!(min_spacing(&opened).unwrap().0 >= std::f64::consts::SQRT_2 * d - 1e-9);
        let radius = pts[0].dist(c);
        let SpreadKind::Shells { deepest_m } = s.kind else {
            panic!("{:?}", s.kind)
        };
        // Scaling by √2 (and the margin) would move every point 0.44 × the radius out;
        // the shells move about a third of the points not at all, none farther than two
        // steps of √(need² − d²) (and a grid step).
        let scaled = radius * (need / d - 1.0);
        let step = (need * need - d * d).sqrt();
        assert!(deepest_m <= 2.0 * step + DEPTH_STEP_M, "{deepest_m} m");
        assert!(deepest_m < scaled / 2.0, "{deepest_m} vs {scaled} m");
        let still = s.offsets.iter().filter(|o| o.norm() == 0.0).count();
        assert!(still * 4 >= pts.len(), "{still} of {}", pts.len());
        // Along the radii.
        for (p, o) in pts.iter().zip(&s.offsets) {
            let r = (*p - c).normalized();
            assert!((o.dot(r).abs() - o.norm()).abs() < 1e-9, "{o:?} at {p:?}");
        }
        // Flat pictures layer instead; a band too low for the shells refuses them.
        let flat: Vec<Vec3> = (0..40)
            .map(|k| Vec3::new(0.0, (k % 8) as f64 * d, 40.0 + (k / 8) as f64 * d))
            .collect();
        assert!(shells(&flat, d, need, 0.06, (5.5, 150.0)).is_none());
        let top = pts.iter().map(|p| p.z).fold(f64::NEG_INFINITY, f64::max);
        assert!(shells(&pts, d, need, 0.06, (5.5, top + 0.5)).is_none());
    }
}
