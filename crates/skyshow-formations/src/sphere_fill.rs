//! `sphere`: `n` points spread over a sphere for the largest smallest gap.
//!
//! A Fibonacci lattice spreads points evenly but its smallest gap is about 0.85 of the
//! ideal (the hexagonal spacing at the sphere's area, `sqrt(2A/(√3·N))`). Starting from
//! it, neighbours repel each other along the surface with a force of a high power of the
//! inverse distance (minimising such an energy spreads points towards the best packing),
//! in steps that shrink round by round; every point moves from the previous round's
//! positions, so the result does not depend on the thread count; the round with the
//! largest smallest gap is kept.

use rayon::prelude::*;
use skyshow_model::Vec3;

use crate::grid::PointGrid;
use crate::shapes;

/// Rounds of pushing apart.
const ROUNDS: usize = 120;

/// Half the power of the repulsion (`1/d^12`).
const RIESZ_HALF_POWER: i32 = 6;

/// `n` points on the sphere of `radius` round the origin.
pub(crate) fn sphere(radius: f64, n: usize) -> Vec<Vec3> {
    let start = shapes::sphere(radius, n);
    if n < 4 || radius <= 0.0 || !radius.is_finite() {
        return start;
    }
    let ideal =
        (2.0 * 4.0 * std::f64::consts::PI * radius * radius / (3f64.sqrt() * n as f64)).sqrt();
    let mut best_gap = smallest_gap(&start, ideal);
    let mut best = start.clone();
    let mut pts = start;
    let reach = ideal * 1.8;
    for round in 0..ROUNDS {
        // Steps shrink from a tenth of the spacing to a hundredth.
        let step = ideal * (0.1 * (1.0 - round as f64 / ROUNDS as f64) + 0.01);
        let grid = PointGrid::new(&pts, reach);
        let forces: Vec<Vec3> = (0..n)
            .into_par_iter()
            .map(|i| {
                let p = pts[i];
                let mut f = Vec3::ZERO;
                grid.within(&pts, p, reach, |j, d2| {
                    if j != i && d2 > 1e-24 {
                        // Riesz repulsion of a high power: the nearest neighbours dominate.
                        let x = ideal * ideal / d2;
                        f += (p - pts[j]) * (x.powi(RIESZ_HALF_POWER) / d2.sqrt());
                    }
                });
                // Along the surface only.
                let normal = p / radius;
                f - normal * f.dot(normal)
            })
            .collect();
        let strongest = forces.iter().map(|f| f.norm()).fold(0.0, f64::max);
        if strongest <= 0.0 {
            break;
        }
        pts = (0..n)
            .into_par_iter()
            .map(|i| {
                let q = pts[i] + forces[i] * (step / strongest);
                q * (radius / q.norm())
            })
            .collect();
        // The smallest gap is measured every few rounds, and at every one of the last,
        // where the steps are finest.
        if round % 4 != 3 && round + 16 < ROUNDS {
            continue;
        }
        let gap = smallest_gap(&pts, ideal);
        if gap > best_gap {
            best_gap = gap;
            best.clone_from(&pts);
        }
    }
    best
}

/// The smallest distance between two of `pts` (searched within `reach`; `reach` if none
/// is closer).
fn smallest_gap(pts: &[Vec3], reach: f64) -> f64 {
    let grid = PointGrid::new(pts, reach);
    (0..pts.len())
        .into_par_iter()
        .map(|i| {
            let mut m = reach;
            grid.within(pts, pts[i], reach, |j, d2| {
                if j != i {
                    m = m.min(d2.sqrt());
                }
            });
            m
        })
        .reduce(|| reach, f64::min)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spheres_come_near_the_hexagonal_ideal() {
        for n in [500usize, 2_000] {
            let r = (n as f64).sqrt();
            let pts = sphere(r, n);
            assert_eq!(pts.len(), n);
            assert!(pts.iter().all(|p| (p.norm() - r).abs() < 1e-9));
            let ideal = (8.0 * std::f64::consts::PI * r * r / (3f64.sqrt() * n as f64)).sqrt();
            let gap = smallest_gap(&pts, ideal * 2.0);
            assert!(gap / ideal >= 0.9, "n={n}: {}", gap / ideal);
        }
    }
}
