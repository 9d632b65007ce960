//! `Tracks`: points moving through a sequence of frames (straight between frames), and the
//! pairs of them that come closer than a radius at any moment — the spacing of a deforming
//! formation measured over its whole animation.
//!
//! Pruned across frames, not all pairs over all frames: the frames are cut into blocks in
//! which every point strays at most `δᵢ` from where the block's first frame has it, once
//! the common drift of all points is taken out. Two points can only come within `r` in a
//! block if they start it within `r + δᵢ + δⱼ`: one grid query per block finds those
//! candidates, and only they are measured, exactly, interval by interval (the closest
//! approach of two straight motions).

use rayon::prelude::*;
use skyshow_model::Vec3;

use crate::grid::PointGrid;

/// `n` points over `frames` frames: `pos[k * n + i]` is point `i` in frame `k`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tracks<'a> {
    /// Points.
    pub(crate) n: usize,
    /// Positions, frame after frame.
    pub(crate) pos: &'a [Vec3],
}

/// Two points and how close they come.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct ClosePair {
    /// The smaller index.
    pub(crate) i: u32,
    /// The larger index.
    pub(crate) j: u32,
    /// Their smallest distance, metres.
    pub(crate) dist: f64,
    /// When: frame index plus the fraction of the way to the next frame.
    pub(crate) at: f64,
}

impl Tracks<'_> {
    /// Number of frames.
    pub(crate) fn frames(&self) -> usize {
        self.pos.len().checked_div(self.n).unwrap_or(0)
    }

    /// Point `i` in frame `k`.
    pub(crate) fn at(&self, k: usize, i: usize) -> Vec3 {
        self.pos[k * self.n + i]
    }

    /// The smallest distance between points `i` and `j` over frames `k0..=k1`, and when.
    pub(crate) fn closest(&self, i: usize, j: usize, k0: usize, k1: usize) -> (f64, f64) {
        let mut a = self.at(k0, i) - self.at(k0, j);
        let mut best = (a.norm2(), k0 as f64);
        for k in k0..k1 {
            let b = self.at(k + 1, i) - self.at(k + 1, j);
            let d = b - a;
            let dd = d.norm2();
            if dd > 0.0 {
                let s = (-a.dot(d) / dd).clamp(0.0, 1.0);
                let q = (a + d * s).norm2();
                if q < best.0 {
                    best = (q, k as f64 + s);
                }
            }
            let q = b.norm2();
            if q < best.0 {
                best = (q, (k + 1) as f64);
            }
            a = b;
        }
        (best.0.sqrt(), best.1)
    }

    /// Every pair that comes closer than `r` at some moment, sorted by `(i, j)`, each once
    /// with its closest approach.
    pub(crate) fn close_pairs(&self, r: f64) -> Vec<ClosePair> {
        let mut out: Vec<ClosePair> = self
            .blocks(r)
            .into_par_iter()
            .flat_map_iter(|(k0, k1)| self.close_in_block(k0, k1, r))
            .collect();
        // Each pair once, at its closest (blocks sharing a frame may both find it).
        out.sort_by(|a, b| {
            (a.i, a.j)
                .cmp(&(b.i, b.j))
                .then(a.dist.total_cmp(&b.dist))
                .then(a.at.total_cmp(&b.at))
        });
        out.dedup_by(|later, first| (later.i, later.j) == (first.i, first.j));
        out
    }

    /// The smallest distance over all pairs and frames, with the pair and when; `None`
    /// for fewer than two points. `guess` is a distance to start the search from.
    pub(crate) fn min_spacing(&self, guess: f64) -> Option<ClosePair> {
        if self.n < 2 || self.frames() == 0 {
            return None;
        }
        let mut r = guess.max(1e-6);
        loop {
            let pairs = self.close_pairs(r);
            if let Some(best) = pairs
                .iter()
                .min_by(|a, b| a.dist.total_cmp(&b.dist).then((a.i, a.j).cmp(&(b.i, b.j))))
            {
                return Some(*best);
            }
            r *= 2.0;
        }
    }

    /// Frame blocks `(k0, k1)` (inclusive, consecutive blocks sharing a frame) in which no
    /// point strays more than `r / 2` from its place in `k0`, drift removed.
    fn blocks(&self, r: f64) -> Vec<(usize, usize)> {
        let frames = self.frames();
        let mut out = Vec::new();
        let mut k0 = 0;
        while k0 + 1 < frames {
            let mut k1 = k0 + 1;
            while k1 + 1 < frames && self.stray(k0, k1 + 1) <= r / 2.0 {
                k1 += 1;
            }
            out.push((k0, k1));
            k0 = k1;
        }
        if frames == 1 {
            out.push((0, 0));
        }
        out
    }

    /// The mean displacement of all points from frame `k0` to frame `k`.
    fn drift(&self, k0: usize, k: usize) -> Vec3 {
        let mut c = Vec3::ZERO;
        for i in 0..self.n {
            c += self.at(k, i) - self.at(k0, i);
        }
        c / self.n.max(1) as f64
    }

    /// How far the farthest point strays from frame `k0` to frame `k`, drift removed.
    fn stray(&self, k0: usize, k: usize) -> f64 {
        let c = self.drift(k0, k);
        (0..self.n)
            .map(|i| (self.at(k, i) - self.at(k0, i) - c).norm2())
            .fold(0.0, f64::max)
            .sqrt()
    }

    /// The pairs within `r` in block `k0..=k1`, with their closest approach in it.
    fn close_in_block(&self, k0: usize, k1: usize, r: f64) -> Vec<ClosePair> {
        let mut delta = vec![0.0f64; self.n];
        for k in k0 + 1..=k1 {
            let c = self.drift(k0, k);
            for (i, d) in delta.iter_mut().enumerate() {
                *d = d.max((self.at(k, i) - self.at(k0, i) - c).norm());
            }
        }
        let dmax = delta.iter().copied().fold(0.0, f64::max);
        let first = &self.pos[k0 * self.n..(k0 + 1) * self.n];
        let reach = r + 2.0 * dmax;
        let grid = PointGrid::new(first, reach);
        let mut out = Vec::new();
        for i in 0..self.n {
            grid.within(first, first[i], r + delta[i] + dmax, |j, d2| {
                if j <= i {
                    return;
                }
                let lim = r + delta[i] + delta[j];
                if d2 >= lim * lim {
                    return;
                }
                let (dist, at) = self.closest(i, j, k0, k1);
                if dist < r {
                    out.push(ClosePair {
                        i: i as u32,
                        j: j as u32,
                        dist,
                        at,
                    });
                }
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    /// Points on a sheet that waves, stretches and drifts: each frame the sheet is folded
    /// a little more, so pairs far apart at first come close later.
    fn waving_sheet(n: usize, frames: usize, seed: u64) -> Vec<Vec3> {
        let mut rng = Rng::new(seed, 7);
        let base: Vec<(f64, f64)> = (0..n)
            .map(|_| (rng.f64() * 60.0, rng.f64() * 30.0))
            .collect();
        let mut pos = Vec::with_capacity(n * frames);
        for k in 0..frames {
            let t = k as f64 / (frames - 1).max(1) as f64;
            for &(u, v) in &base {
                // Fold about u = 30 by up to 170°, stretch along v, drift along x.
                let fold = t * 170f64.to_radians();
                let (x, z) = if u > 30.0 {
                    let d = u - 30.0;
                    (30.0 + d * fold.cos(), d * fold.sin())
                } else {
                    (u, 0.0)
                };
                pos.push(Vec3::new(
                    x + 40.0 * t,
                    v * (1.0 + 0.5 * t),
                    z + 3.0 * (v / 5.0 + t * 6.0).sin(),
                ));
            }
        }
        pos
    }

    fn brute(tracks: &Tracks<'_>, r: f64) -> Vec<(u32, u32, f64)> {
        let frames = tracks.frames();
        let mut out = Vec::new();
        for i in 0..tracks.n {
            for j in i + 1..tracks.n {
                let (d, _) = tracks.closest(i, j, 0, frames - 1);
                if d < r {
                    out.push((i as u32, j as u32, d));
                }
            }
        }
        out
    }

    /// The pruned search finds exactly the pairs, and distances, of the brute force over
    /// all pairs and all frames.
    #[test]
    fn pruned_search_equals_brute_force_over_the_frames() {
        for (n, frames, seed) in [(300, 40, 1), (200, 2, 2), (150, 1, 3), (400, 90, 4)] {
            let pos = waving_sheet(n, frames, seed);
            let tracks = Tracks { n, pos: &pos };
            let all = brute(&tracks, f64::INFINITY);
            for r in [0.5, 2.0, 4.5] {
                let got: Vec<(u32, u32, f64)> = tracks
                    .close_pairs(r)
                    .iter()
                    .map(|p| (p.i, p.j, p.dist))
                    .collect();
                let want: Vec<_> = all.iter().filter(|p| p.2 < r).collect();
                assert_eq!(got.len(), want.len(), "n {n}, frames {frames}, r {r}");
                for (g, w) in got.iter().zip(&want) {
                    assert_eq!((g.0, g.1), (w.0, w.1));
                    assert!((g.2 - w.2).abs() < 1e-12, "{g:?} vs {w:?}");
                }
            }
            let best = tracks.min_spacing(1.0).unwrap();
            let want = all.iter().map(|p| p.2).fold(f64::INFINITY, f64::min);
            assert!((best.dist - want).abs() < 1e-12);
        }
    }

    /// Two points passing each other between frames: the closest approach is found
    /// inside the interval, not at a frame.
    #[test]
    fn closest_approach_between_frames() {
        let pos = vec![
            Vec3::new(-10.0, 0.0, 0.0),
            Vec3::new(10.0, 1.0, 0.0),
            Vec3::new(10.0, 0.0, 0.0),
            Vec3::new(-10.0, 1.0, 0.0),
        ];
        let tracks = Tracks { n: 2, pos: &pos };
        let pairs = tracks.close_pairs(2.0);
        assert_eq!(pairs.len(), 1);
        assert!((pairs[0].dist - 1.0).abs() < 1e-12);
        assert!((pairs[0].at - 0.5).abs() < 1e-12);
    }
}
