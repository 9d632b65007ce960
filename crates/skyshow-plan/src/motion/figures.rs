//! `MotionFigures`: what a moving hold asks of the drones — speeds, acceleration, altitude
//! and the smallest distance between two drones — measured on the designed motion before
//! anything is planned.

use rayon::prelude::*;
use skyshow_model::Vec3;

use super::HoldMotion;
use super::beyond::{CHUNK, walk_chunk};
use super::frame_pairs::frame_pairs;
use super::near_pairs::pairs_within;

/// A measured extreme: its value, when it happens and which point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Extreme {
    /// The value (m/s, m/s², m).
    pub value: f64,
    /// When, seconds from the start of the hold.
    pub at_s: f64,
    /// Which point of the formation (from 0).
    pub point: usize,
}

impl Extreme {
    pub(crate) const NONE: Extreme = Extreme {
        value: f64::NEG_INFINITY,
        at_s: 0.0,
        point: 0,
    };

    /// Keeps the larger (earlier, lower point on ties).
    fn max(self, o: Extreme) -> Extreme {
        if o.value > self.value
            || (o.value == self.value && (o.at_s, o.point) < (self.at_s, self.point))
        {
            o
        } else {
            self
        }
    }
}

/// The figures of a moving hold.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MotionFigures {
    /// Fastest horizontal speed, m/s.
    pub speed_xy: Extreme,
    /// Fastest climb, m/s.
    pub speed_up: Extreme,
    /// Fastest descent, m/s (positive).
    pub speed_down: Extreme,
    /// Largest acceleration (norm), m/s².
    pub accel: Extreme,
    /// Highest point, metres.
    pub altitude_max: Extreme,
    /// Lowest point (the value is the altitude), metres.
    pub altitude_min: Extreme,
    /// Smallest distance between two points, metres (`point` is one of them).
    pub min_distance: Extreme,
    /// The other point of the closest pair.
    pub min_distance_other: usize,
}

/// Measures `motion` over its whole hold, sampling every `step_s` seconds.
pub fn measure(motion: &HoldMotion, step_s: f64) -> MotionFigures {
    let (mut f, vmax) = kinematics(motion, 0.0, motion.duration_s(), step_s);
    let (d, i, j, at) = min_distance(motion, vmax, step_s);
    f.min_distance = Extreme {
        value: d,
        at_s: at,
        point: i,
    };
    f.min_distance_other = j;
    f
}

/// Speeds, acceleration and altitude between `t0` and `t1` (the distance fields are left
/// empty), and the fastest speed of any point.
pub(crate) fn kinematics(
    motion: &HoldMotion,
    t0: f64,
    t1: f64,
    step_s: f64,
) -> (MotionFigures, f64) {
    let n = motion.points();
    let chunks: Vec<usize> = (0..n.div_ceil(CHUNK)).collect();
    let parts: Vec<[Extreme; 6]> = chunks
        .par_iter()
        .map(|&c| {
            let first = c * CHUNK;
            let mut best = [Extreme::NONE; 6];
            walk_chunk(
                motion,
                first,
                CHUNK.min(n - first),
                (t0, t1, step_s),
                &|| false,
                |s| {
                    let e = |value| Extreme {
                        value,
                        at_s: s.t,
                        point: s.point,
                    };
                    best[0] = best[0].max(e(s.v.norm_xy()));
                    best[1] = best[1].max(e(s.v.z));
                    best[2] = best[2].max(e(-s.v.z));
                    best[3] = best[3].max(e(s.a.norm()));
                    best[4] = best[4].max(e(s.p.z));
                    best[5] = best[5].max(e(-s.p.z));
                    false
                },
            );
            best
        })
        .collect();
    let mut best = [Extreme::NONE; 6];
    for p in parts {
        for k in 0..6 {
            best[k] = best[k].max(p[k]);
        }
    }
    let mut low = best[5];
    low.value = -low.value;
    let vmax = best[0].value.max(best[1].value).max(best[2].value).max(0.0);
    (
        MotionFigures {
            speed_xy: best[0],
            speed_up: floor0(best[1]),
            speed_down: floor0(best[2]),
            accel: best[3],
            altitude_max: best[4],
            altitude_min: low,
            min_distance: Extreme {
                value: f64::INFINITY,
                at_s: 0.0,
                point: 0,
            },
            min_distance_other: 0,
        },
        vmax,
    )
}

fn floor0(e: Extreme) -> Extreme {
    Extreme {
        value: e.value.max(0.0),
        ..e
    }
}

/// The smallest distance between two points over the hold: `(distance, i, j, when)`.
/// Rigid motions keep distances (scaling multiplies them); deforming pictures are checked
/// frame by frame, then the closest pairs between frames.
pub(crate) fn min_distance(
    motion: &HoldMotion,
    vmax: f64,
    step_s: f64,
) -> (f64, usize, usize, f64) {
    let n = motion.points();
    let mut frame = vec![Vec3::ZERO; n];
    if n < 2 {
        return (f64::INFINITY, 0, 0, 0.0);
    }
    if motion.is_rigid() {
        motion.positions(0.0, &mut frame);
        let Some((d, i, j)) = skyshow_formations::min_spacing(&frame) else {
            return (f64::INFINITY, 0, 0, 0.0);
        };
        let steps = ((motion.duration_s() / step_s).ceil() as usize).max(1);
        let (mut s, mut at) = (1.0f64, 0.0);
        for k in 0..=steps {
            let t = motion.duration_s() * k as f64 / steps as f64;
            let sk = motion.scale_at(t);
            if sk < s {
                (s, at) = (sk, t);
            }
        }
        return (d * s, i, j, at);
    }
    let (lo, hi) = motion.active_span();
    // Frames close enough that two points meeting head on move less than 10 cm between them.
    let rel = (2.0 * vmax).max(1e-6);
    let dt = (0.1 / rel).clamp(0.005, step_s.max(0.005));
    let steps = (((hi - lo) / dt).ceil() as usize).max(1);
    let dt = (hi - lo).max(1e-9) / steps as f64;
    let mut times: Vec<f64> = (0..=steps).map(|k| lo + k as f64 * dt).collect();
    if lo > 0.0 {
        times.insert(0, 0.0);
    }
    // Pass 1: each frame's closest pair, and the pairs that may dip below the best
    // between two frames (those within the slack of their frame's closest).
    let slack = rel * dt / 2.0;
    let frames = frame_pairs(motion, &times, slack);
    let (mut best, mut bi, mut bj, mut bt) = (f64::INFINITY, 0, 0, 0.0);
    for (k, f) in frames.iter().enumerate() {
        let (d, i, j) = f.closest;
        if d < best {
            (best, bi, bj, bt) = (d, i, j, times[k]);
        }
    }
    // Pass 2: those pairs refined in time (in parallel, kept in frame and pair order).
    let candidates: Vec<(usize, usize, usize)> = frames
        .iter()
        .enumerate()
        .filter(|(_, f)| f.closest.0 <= best + slack)
        .flat_map(|(k, f)| {
            f.near
                .iter()
                .filter(|p| p.2 < best + slack)
                .map(move |p| (k, p.0, p.1))
        })
        .collect();
    let refined: Vec<(f64, f64)> = candidates
        .par_iter()
        .map(|&(k, i, j)| {
            let a = times[k.saturating_sub(1)];
            let b = times[(k + 1).min(times.len() - 1)];
            closest_in(motion, i, j, a, b)
        })
        .collect();
    for (&(_, i, j), &(t, dij)) in candidates.iter().zip(&refined) {
        if dij < best {
            (best, bi, bj, bt) = (dij, i, j, t);
        }
    }
    (best, bi, bj, bt)
}

/// True when two points come closer than `d` at some moment of the hold (a threshold
/// query: cheaper than [`min_distance`], the same sampling).
pub(crate) fn closer_than(motion: &HoldMotion, d: f64, vmax: f64, step_s: f64) -> bool {
    let n = motion.points();
    if n < 2 {
        return false;
    }
    if motion.is_rigid() {
        return min_distance(motion, vmax, step_s).0 < d;
    }
    let (lo, hi) = motion.active_span();
    let rel = (2.0 * vmax).max(1e-6);
    let dt = (0.1 / rel).clamp(0.005, step_s.max(0.005));
    let steps = (((hi - lo) / dt).ceil() as usize).max(1);
    let dt = (hi - lo).max(1e-9) / steps as f64;
    let slack = rel * dt / 2.0;
    let times: Vec<f64> = (0..=steps).map(|k| lo + k as f64 * dt).collect();
    let hit = |k: usize| {
        let mut f = vec![Vec3::ZERO; n];
        motion.positions(times[k], &mut f);
        pairs_within(&f, d + slack).into_iter().any(|(i, j, dij)| {
            dij < d || {
                let a = times[k.saturating_sub(1)];
                let b = times[(k + 1).min(times.len() - 1)];
                closest_in(motion, i, j, a, b).1 < d
            }
        })
    };
    let mut f0 = vec![Vec3::ZERO; n];
    motion.positions(0.0, &mut f0);
    !pairs_within(&f0, d).is_empty() || (0..times.len()).into_par_iter().any(hit)
}

/// The closest approach of points `i` and `j` between `a` and `b` (golden-section search,
/// the distance taken as unimodal over so short an interval).
fn closest_in(motion: &HoldMotion, i: usize, j: usize, a: f64, b: f64) -> (f64, f64) {
    let d = |t: f64| motion.position(i, t).dist(motion.position(j, t));
    let g = 0.618_033_988_749_895;
    let (mut a, mut b) = (a, b);
    let mut c = b - g * (b - a);
    let mut e = a + g * (b - a);
    let (mut dc, mut de) = (d(c), d(e));
    for _ in 0..40 {
        if b - a < 1e-4 {
            break;
        }
        if dc < de {
            b = e;
            e = c;
            de = dc;
            c = b - g * (b - a);
            dc = d(c);
        } else {
            a = c;
            c = e;
            dc = de;
            e = a + g * (b - a);
            de = d(e);
        }
    }
    let t = (a + b) / 2.0;
    (t, d(t))
}
