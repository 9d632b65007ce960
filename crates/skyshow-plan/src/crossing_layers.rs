//! Crossing layers: only the drones whose straight paths come too close step out of the
//! picture, each pair to different depths, and only as far as the pair needs.
//!
//! Layers in depth (`spread.rs`) open the whole picture so that *any* crossing is safe:
//! every drone closer than `√2·d` to another goes to its own layer. A given assignment
//! needs much less. Flown as synchronised straight lines, its pairs that come closer than
//! the minimum distance are known exactly (each pair's distance is minimised in closed
//! form), and only they must be apart in depth while they pass. Those drones are coloured
//! so that every such pair has two colours, the colours are placed symmetrically about the
//! picture's plane (two colours: half a step to either side), and the step is the
//! smallest that puts every such pair at the minimum distance even at its closest in the
//! plane. Every other drone stays in the plane: with the crossing on one shared profile,
//! a pair's distance across the plane only adds to its distance in the plane, which the
//! straight lines already keep for every pair but those separated in depth. The drones
//! step out, cross and step back on the phased timings (`phased.rs`), and the plan is
//! checked exactly like every other.

use skyshow_model::Vec3;

use crate::path_index::PathIndex;
use crate::spread::{colour, plane_fit};
use crate::sync_move::segment_min;

/// The farthest a drone steps out, as a multiple of the distance kept.
const MAX_STEP_OUT: f64 = 2.0;

/// Each drone's depth offset for crossing `from[i] → to[i]`, if some pair's straight
/// paths come closer than `need` metres, the start or the target is flat (thinner than
/// `flat_tol`) to give the depth direction, no drone steps out farther than
/// [`MAX_STEP_OUT`] times `need`, and the offsets fit the altitude band.
pub(crate) fn crossing_layers(
    from: &[Vec3],
    to: &[Vec3],
    need: f64,
    flat_tol: f64,
    band: (f64, f64),
) -> Option<Vec<Vec3>> {
    let n = from.len();
    if n < 2 || to.len() != n {
        return None;
    }
    let normal = [from, to].into_iter().find_map(|p| {
        let (_, normal, thickness) = plane_fit(p);
        (thickness <= flat_tol).then_some(normal)
    })?;
    // Pairs whose straight paths come within `need`, with the depth gap each needs.
    let index = PathIndex::new(from, to, need);
    let across = |v: Vec3| v - normal * v.dot(normal);
    let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
    for i in 0..n {
        for &j in &index.near[i] {
            if j <= i {
                continue;
            }
            let (p, q) = (from[i] - from[j], to[i] - to[j]);
            if segment_min(p, q).0 >= need {
                continue;
            }
            // The gap in depth that keeps the pair `need` apart at its closest across
            // the normal, plus what their own depths may differ by on the way.
            let flat = segment_min(across(p), across(q)).0;
            let own = p.dot(normal).abs().max(q.dot(normal).abs());
            pairs.push((i, j, (need * need - flat * flat).max(0.0).sqrt() + own));
        }
    }
    if pairs.is_empty() {
        return None;
    }
    let edges: Vec<(usize, usize)> = pairs.iter().map(|&(i, j, _)| (i, j)).collect();
    let col = colour(n, &edges);
    let mut involved = vec![false; n];
    for &(i, j) in &edges {
        involved[i] = true;
        involved[j] = true;
    }
    let count = (0..n)
        .filter(|&i| involved[i])
        .map(|i| col[i] + 1)
        .max()
        .unwrap_or(0);
    // Positions in steps, centred on the plane: 2 colours at ±½, 3 at −1, 0, 1, …
    let position = |c: usize| c as f64 - (count as f64 - 1.0) / 2.0;
    let step = pairs
        .iter()
        .map(|&(i, j, gap)| gap / (position(col[i]) - position(col[j])).abs())
        .fold(0.0, f64::max);
    // Pairs far apart in depth at one end that meet at the other (a sphere into a picture,
    // layers merging) would need steps of tens of metres: slower than any other opening.
    if step * (count as f64 - 1.0) / 2.0 > MAX_STEP_OUT * need {
        return None;
    }
    let offsets: Vec<Vec3> = (0..n)
        .map(|i| {
            if involved[i] {
                normal * (position(col[i]) * step)
            } else {
                Vec3::ZERO
            }
        })
        .collect();
    // Only where it keeps the altitude band.
    let dz: Vec<f64> = offsets.iter().map(|o| o.z).collect();
    let lowest = (0..n)
        .map(|i| from[i].z.min(to[i].z) + dz[i])
        .fold(f64::INFINITY, f64::min);
    let highest = (0..n)
        .map(|i| from[i].z.max(to[i].z) + dz[i])
        .fold(f64::NEG_INFINITY, f64::max);
    (lowest >= band.0 - 1e-9 && highest <= band.1 + 1e-9).then_some(offsets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_pairs_that_meet_step_apart_and_just_enough() {
        // Two rows 3 m apart in a vertical picture; the drones of the top row swap
        // places pairwise along the row (they meet head on), the bottom row stays.
        let d = 3.0;
        let mut from = Vec::new();
        let mut to = Vec::new();
        for k in 0..6 {
            let y = k as f64 * 2.0 * d;
            from.push(Vec3::new(0.0, y, 40.0));
            to.push(Vec3::new(0.0, y + d, 40.0));
            from.push(Vec3::new(0.0, y + d, 40.0));
            to.push(Vec3::new(0.0, y, 40.0));
        }
        for k in 0..12 {
            let p = Vec3::new(0.0, k as f64 * d, 40.0 + d);
            from.push(p);
            to.push(p);
        }
        let o = crossing_layers(&from, &to, d, 0.1, (10.0, 150.0)).unwrap();
        // The bottom row stays in the plane; each swapping pair steps apart along x by
        // exactly d (they meet at a point), half each way.
        assert!(o[12..].iter().all(|p| *p == Vec3::ZERO));
        for k in 0..6 {
            let (a, b) = (o[2 * k], o[2 * k + 1]);
            assert!(a.y == 0.0 && a.z == 0.0 && b.y == 0.0 && b.z == 0.0);
            assert!(((a.x - b.x).abs() - d).abs() < 1e-9, "{a:?} {b:?}");
            assert!((a.x.abs() - d / 2.0).abs() < 1e-9);
        }
        // Nobody meets: nothing to open.
        assert!(crossing_layers(&from, &from, d, 0.1, (10.0, 150.0)).is_none());
        // A flat picture near the floor cannot step down below the band.
        let flat: Vec<Vec3> = from.iter().map(|p| Vec3::new(p.y, p.z, 11.0)).collect();
        let flat_to: Vec<Vec3> = to.iter().map(|p| Vec3::new(p.y, p.z, 11.0)).collect();
        assert!(crossing_layers(&flat, &flat_to, d, 0.1, (10.0, 150.0)).is_none());
    }
}
