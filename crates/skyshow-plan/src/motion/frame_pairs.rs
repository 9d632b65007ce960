//! `FramePairs`: each frame's closest pair of a deforming picture and the pairs within a
//! slack of it, found on neighbour lists kept across frames instead of a new grid per
//! frame.
//!
//! A list holds every pair closer than `D + 2m` in the frame it was made in (its anchor),
//! `D` being that frame's smallest distance. While no point has moved more than `m / 4`
//! from its anchor position, any pair closer than `X` now was closer than `X + m / 2` at the
//! anchor, so the list holds every pair closer than `D + 3m / 2` now — among them the
//! frame's closest pair (closer than `D + m / 2`: the anchor's closest pair moved at most
//! that much) and every pair within `m` of it. Beyond that, the list is made again. The
//! answer is the same as a search of every pair in every frame.

use rayon::prelude::*;
use skyshow_model::Vec3;

use super::HoldMotion;
use super::near_pairs::pairs_within;

/// One frame's closest pair and the pairs near it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FramePairs {
    /// The smallest distance in the frame (infinite with fewer than two points).
    pub(crate) closest: (f64, usize, usize),
    /// Every pair `(i, j, distance)`, `i < j`, closer than the smallest distance plus the
    /// slack asked for, sorted by `(i, j)`.
    pub(crate) near: Vec<(usize, usize, f64)>,
}

/// Frames per parallel block (each block keeps its own lists).
const BLOCK: usize = 48;

/// The pairs of every frame at `times`: the closest pair and those within `slack` of it.
pub(crate) fn frame_pairs(motion: &HoldMotion, times: &[f64], slack: f64) -> Vec<FramePairs> {
    let blocks: Vec<&[f64]> = times.chunks(BLOCK).collect();
    blocks
        .par_iter()
        .flat_map_iter(|block| Lists::new(motion, slack).frames(block))
        .collect()
}

/// Neighbour lists carried from frame to frame.
struct Lists<'a> {
    motion: &'a HoldMotion,
    slack: f64,
    /// Positions where the list was made.
    anchor: Vec<Vec3>,
    /// Its pairs.
    pairs: Vec<(usize, usize)>,
    /// How far a point may move from its anchor before the list is made again, metres.
    reach: f64,
}

impl<'a> Lists<'a> {
    fn new(motion: &'a HoldMotion, slack: f64) -> Self {
        Lists {
            motion,
            slack,
            anchor: Vec::new(),
            pairs: Vec::new(),
            reach: -1.0,
        }
    }

    fn frames(mut self, times: &[f64]) -> Vec<FramePairs> {
        let n = self.motion.points();
        let mut frame = vec![Vec3::ZERO; n];
        times
            .iter()
            .map(|&t| {
                self.motion.positions(t, &mut frame);
                self.frame(&frame)
            })
            .collect()
    }

    fn frame(&mut self, frame: &[Vec3]) -> FramePairs {
        let none = FramePairs {
            closest: (f64::INFINITY, 0, 0),
            near: Vec::new(),
        };
        if frame.len() < 2 {
            return none;
        }
        let moved = self
            .anchor
            .iter()
            .zip(frame)
            .map(|(a, p)| a.dist(*p))
            .fold(0.0, f64::max);
        if self.anchor.len() != frame.len() || moved.is_nan() || moved > self.reach {
            self.anchor_at(frame);
        }
        let mut best = (f64::INFINITY, 0, 0);
        let dists: Vec<f64> = self
            .pairs
            .iter()
            .map(|&(i, j)| frame[i].dist(frame[j]))
            .collect();
        for (&(i, j), &d) in self.pairs.iter().zip(&dists) {
            if d < best.0 {
                best = (d, i, j);
            }
        }
        if !best.0.is_finite() {
            return none;
        }
        let near = self
            .pairs
            .iter()
            .zip(&dists)
            .filter(|(_, d)| **d < best.0 + self.slack)
            .map(|(&(i, j), &d)| (i, j, d))
            .collect();
        FramePairs {
            closest: best,
            near,
        }
    }

    /// Makes the list in `frame`.
    fn anchor_at(&mut self, frame: &[Vec3]) {
        let d = skyshow_formations::min_spacing(frame).map_or(f64::INFINITY, |m| m.0);
        // `m`: at least the slack asked for, and a quarter of the spacing (so that the list
        // lasts a while without holding far more than the nearest neighbours).
        let m = self.slack.max(0.25 * d).max(1e-3);
        let radius = d + 2.0 * m;
        self.pairs = if radius.is_finite() {
            // A hair wider than `D + 2m`: the list must hold pairs at exactly that distance.
            pairs_within(frame, radius * (1.0 + 1e-12) + 1e-12)
                .into_iter()
                .map(|(i, j, _)| (i, j))
                .collect()
        } else {
            Vec::new()
        };
        self.anchor = frame.to_vec();
        self.reach = m / 4.0;
    }
}

#[cfg(test)]
mod tests {
    use skyshow_model::PointTracks;

    use super::super::base::{Base, ClipPlay};
    use super::*;

    /// Every pair of every frame, by brute force.
    fn brute(frame: &[Vec3], slack: f64) -> FramePairs {
        let mut best = (f64::INFINITY, 0, 0);
        for i in 0..frame.len() {
            for j in i + 1..frame.len() {
                let d = frame[i].dist(frame[j]);
                if d < best.0 {
                    best = (d, i, j);
                }
            }
        }
        let mut near = Vec::new();
        for i in 0..frame.len() {
            for j in i + 1..frame.len() {
                let d = frame[i].dist(frame[j]);
                if d < best.0 + slack {
                    near.push((i, j, d));
                }
            }
        }
        FramePairs {
            closest: best,
            near,
        }
    }

    #[test]
    fn every_frame_matches_a_search_of_every_pair() {
        // Points on a grid that shears, swirls and squeezes: pairs change neighbours.
        let n = 90;
        let tracks = PointTracks::from_fn(n, 8.0, 0.05, |t, out| {
            for (i, o) in out.iter_mut().enumerate() {
                let (x, y) = ((i % 10) as f64 * 3.0, (i / 10) as f64 * 3.0);
                let a = 0.4 * (t * 0.9).sin() * (1.0 + y / 30.0);
                let squeeze = 1.0 - 0.5 * (t / 8.0);
                *o = Vec3::new(
                    x * a.cos() * squeeze - y * a.sin() + t * y * 0.3,
                    x * a.sin() + y * a.cos(),
                    40.0 + (t + x * 0.2).sin() * 2.0,
                );
            }
        });
        let motion = HoldMotion {
            duration_s: 8.0,
            rest_centre: Vec3::ZERO,
            own_axes: [Vec3::ZERO; 3],
            base: Base::Clip(ClipPlay {
                tracks,
                start_s: 0.0,
                speed: 1.0,
                ramp_s: 0.5,
                looped: false,
                hold_s: 8.0,
            }),
            rigid: Vec::new(),
        };
        let times: Vec<f64> = (0..=400).map(|k| k as f64 * 0.02).collect();
        for slack in [0.0, 0.05, 0.4] {
            let got = frame_pairs(&motion, &times, slack);
            let mut frame = vec![Vec3::ZERO; n];
            for (k, &t) in times.iter().enumerate() {
                motion.positions(t, &mut frame);
                assert_eq!(got[k], brute(&frame, slack), "t = {t}, slack {slack}");
            }
        }
    }
}
