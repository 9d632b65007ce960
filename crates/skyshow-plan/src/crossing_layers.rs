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

/// How far each drone steps out, relative to the others.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum StepOut {
    /// Every drone that steps out steps as far as its layer's place.
    Even,
    /// Each drone as far as the acceleration its crossing leaves it: the crossing flies
    /// every drone on one profile, so drone `i`'s crossing takes `|Δᵢ|/|Δ|max` of the
    /// acceleration the longest one takes; timed for the share `c` of the limit, it
    /// leaves `√(1 − (c·|Δᵢ|/|Δ|max)²)` of the limit at right angles for stepping out
    /// and back, and the drone steps out in proportion. A pair where one drone crosses
    /// far and the other near then parts mostly by the near one's step, and the drones
    /// whose crossing is the longest (those the bound is made of) step out the least.
    Spare(f64),
}

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
    step_out: StepOut,
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
    let weight = weights(from, to, step_out);
    // Positions in steps, centred on the plane: 2 colours at ±½, 3 at −1, 0, 1, …,
    // each drone's scaled by its weight.
    let position = |i: usize| (col[i] as f64 - (count as f64 - 1.0) / 2.0) * weight[i];
    let step = pairs
        .iter()
        .map(|&(i, j, gap)| gap / (position(i) - position(j)).abs())
        .fold(0.0, f64::max);
    // Pairs far apart in depth at one end that meet at the other (a sphere into a picture,
    // layers merging) would need steps of tens of metres: slower than any other opening.
    let farthest = (0..n)
        .filter(|&i| involved[i])
        .map(|i| position(i).abs())
        .fold(0.0, f64::max);
    if !step.is_finite() || step * farthest > MAX_STEP_OUT * need {
        return None;
    }
    let offsets: Vec<Vec3> = (0..n)
        .map(|i| {
            if involved[i] {
                normal * (position(i) * step)
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

/// Each drone's step relative to its layer's place (see [`StepOut`]).
fn weights(from: &[Vec3], to: &[Vec3], step_out: StepOut) -> Vec<f64> {
    match step_out {
        StepOut::Even => vec![1.0; from.len()],
        StepOut::Spare(c) => {
            let len: Vec<f64> = from.iter().zip(to).map(|(a, b)| b.dist(*a)).collect();
            let longest = len.iter().copied().fold(0.0, f64::max);
            len.iter()
                .map(|&l| {
                    let used = if longest > 0.0 { c * l / longest } else { 0.0 };
                    (1.0 - used * used).max(0.0).sqrt()
                })
                .collect()
        }
    }
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
        let o = crossing_layers(&from, &to, d, 0.1, (10.0, 150.0), StepOut::Even).unwrap();
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
        assert!(crossing_layers(&from, &from, d, 0.1, (10.0, 150.0), StepOut::Even).is_none());
        // A flat picture near the floor cannot step down below the band.
        let flat: Vec<Vec3> = from.iter().map(|p| Vec3::new(p.y, p.z, 11.0)).collect();
        let flat_to: Vec<Vec3> = to.iter().map(|p| Vec3::new(p.y, p.z, 11.0)).collect();
        assert!(crossing_layers(&flat, &flat_to, d, 0.1, (10.0, 150.0), StepOut::Even).is_none());
    }

    #[test]
    fn with_spare_steps_the_drone_that_crosses_near_steps_out_and_the_far_one_stays() {
        // In a picture facing −X, drone 0 flies 12 m along the row and drone 1 climbs 6 m
        // across it: their straight lines meet at the same moment, so they must be `d`
        // apart in depth there. Evenly, each steps half of it; with the spare the
        // crossings leave (all of the limit for the longest crossing), drone 0, whose
        // crossing takes the whole limit, stays in the picture and drone 1 steps out all
        // of it, which its half-length crossing leaves room for.
        let d = 3.0;
        let from = [Vec3::new(0.0, 0.0, 40.0), Vec3::new(0.0, 6.0, 37.0)];
        let to = [Vec3::new(0.0, 12.0, 40.0), Vec3::new(0.0, 6.0, 43.0)];
        let band = (10.0, 150.0);
        let even = crossing_layers(&from, &to, d, 0.1, band, StepOut::Even).unwrap();
        assert!((even[0].x.abs() - d / 2.0).abs() < 1e-9 && (even[1].x + even[0].x).abs() < 1e-9);
        let spare = crossing_layers(&from, &to, d, 0.1, band, StepOut::Spare(1.0)).unwrap();
        assert_eq!(spare[0], Vec3::ZERO);
        assert!((spare[1].x.abs() - d).abs() < 1e-9, "{spare:?}");
        assert!(spare[1].y == 0.0 && spare[1].z == 0.0);
        // A crossing timed for less than the whole limit leaves the far one a little.
        let part = crossing_layers(&from, &to, d, 0.1, band, StepOut::Spare(0.87)).unwrap();
        assert!(part[0].x.abs() > 0.0 && part[0].x.abs() < part[1].x.abs());
        assert!(((part[0].x - part[1].x).abs() - d).abs() < 1e-9);
    }
}
