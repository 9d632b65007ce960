//! Fitting a moving hold with cubic Bézier segments: each point's path is cut at whole
//! milliseconds into pieces that match the designed position and velocity at both ends
//! (so the curve is C¹, at rest where the motion is) and stay within a tolerance of the
//! design in between; pieces that miss are halved.

use rayon::prelude::*;
use skyshow_model::{Segment, Vec3};

use super::HoldMotion;
use super::figures::Extreme;

/// How closely the curves follow the design.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FitOptions {
    /// Largest distance between a curve and the designed motion at the check points of
    /// each piece, metres. Default 0.02.
    pub tolerance_m: f64,
    /// Shortest piece, milliseconds. Default 100: the export rounds control points to
    /// 0.1 mm, which on a piece `h` seconds long can change its acceleration by up to
    /// 1.2·10⁻³/h² m/s² (0.12 m/s² at 100 ms, 3 m/s² at 20 ms).
    pub min_piece_ms: i64,
    /// Longest piece, milliseconds. Default 8000.
    pub max_piece_ms: i64,
}

impl FitOptions {
    /// The defaults.
    pub const DEFAULT: FitOptions = FitOptions {
        tolerance_m: 0.02,
        min_piece_ms: 100,
        max_piece_ms: 8000,
    };
}

impl Default for FitOptions {
    fn default() -> Self {
        FitOptions::DEFAULT
    }
}

/// The curves of every point of a moving hold.
#[derive(Clone, Debug, PartialEq)]
pub struct FittedMotion {
    /// Per point, its segments on the show clock, back to back over the whole hold.
    pub curves: Vec<Vec<Segment>>,
    /// Largest distance between the curves and the design, measured at points of every
    /// segment other than the ones the fit was checked at, metres.
    pub error_m: f64,
}

/// Fits every point of `motion`, the hold starting at `start_ms` on the show clock.
pub fn fit(motion: &HoldMotion, start_ms: i64, opts: &FitOptions) -> FittedMotion {
    let total_ms = (motion.duration_s() * 1000.0).round() as i64;
    let mut knots: Vec<i64> = vec![0, total_ms];
    knots.extend(motion.breaks().iter().map(|t| (t * 1000.0).round() as i64));
    let (a, b) = motion.active_span();
    knots.extend([(a * 1000.0).floor() as i64, (b * 1000.0).ceil() as i64]);
    knots.retain(|k| (0..=total_ms).contains(k));
    knots.sort_unstable();
    knots.dedup();
    let knots = spread_knots(&knots, opts.min_piece_ms);
    let per: Vec<(Vec<Segment>, f64)> = (0..motion.points())
        .into_par_iter()
        .map(|i| fit_point(motion, i, start_ms, &knots, opts))
        .collect();
    let error_m = per.iter().map(|p| p.1).fold(0.0, f64::max);
    FittedMotion {
        curves: per.into_iter().map(|p| p.0).collect(),
        error_m,
    }
}

/// The sorted `knots` (first 0, last the hold's length) without pieces shorter than
/// `min_ms`: of knots closer together than that (a break on the music's clock and the
/// millisecond the motion comes to rest, say), the last one stays, and the ends always.
/// A piece of a few milliseconds would turn the export's 0.1 mm rounding of its control
/// points into tens of m/s² of acceleration.
fn spread_knots(knots: &[i64], min_ms: i64) -> Vec<i64> {
    let (Some(&first), Some(&last)) = (knots.first(), knots.last()) else {
        return knots.to_vec();
    };
    let mut kept: Vec<i64> = vec![last];
    for &k in knots.iter().rev().skip(1) {
        if kept.last().is_some_and(|&l| l - k >= min_ms) {
            kept.push(k);
        }
    }
    let n = kept.len();
    match kept.last().copied() {
        Some(l) if l == first => {}
        Some(l) if l - first < min_ms && n > 1 => kept[n - 1] = first,
        _ => kept.push(first),
    }
    kept.reverse();
    kept
}

/// One point's curve and its measured error.
pub(crate) fn fit_point(
    motion: &HoldMotion,
    i: usize,
    start_ms: i64,
    knots: &[i64],
    opts: &FitOptions,
) -> (Vec<Segment>, f64) {
    let total_ms = *knots.last().unwrap_or(&0);
    let s = |ms: i64| ms as f64 / 1000.0;
    let at = |ms: i64| {
        let v = if ms <= 0 || ms >= total_ms {
            Vec3::ZERO
        } else {
            motion.velocity(i, s(ms))
        };
        (motion.position(i, s(ms)), v)
    };
    let mut out = Vec::new();
    let mut worst = 0.0f64;
    let mut pending: Vec<(i64, i64)> = Vec::new();
    for w in knots.windows(2) {
        let (a, b) = (w[0], w[1]);
        // Long stretches start as equal pieces no longer than the maximum (never a sliver
        // left over at the end).
        let max = opts.max_piece_ms.max(1);
        let parts = ((b - a + max - 1) / max).max(1);
        for k in 0..parts {
            pending.push((a + (b - a) * k / parts, a + (b - a) * (k + 1) / parts));
        }
    }
    pending.reverse();
    while let Some((a, b)) = pending.pop() {
        let (pa, va) = at(a);
        let (pb, vb) = at(b);
        let seg = hermite(s(start_ms + a), s(start_ms + b), pa, va, pb, vb);
        let err = deviation(motion, i, &seg, s(a), s(b), 8, 0);
        if err > opts.tolerance_m && b - a >= 2 * opts.min_piece_ms {
            let m = a + (b - a) / 2;
            pending.push((m, b));
            pending.push((a, m));
            continue;
        }
        worst = worst.max(deviation(motion, i, &seg, s(a), s(b), 16, 1));
        out.push(seg);
    }
    (out, worst)
}

/// The cubic from `pa` with velocity `va` at `t0` to `pb` with `vb` at `t1`; a hold when it
/// stands still.
fn hermite(t0: f64, t1: f64, pa: Vec3, va: Vec3, pb: Vec3, vb: Vec3) -> Segment {
    if pa == pb && va == Vec3::ZERO && vb == Vec3::ZERO {
        return Segment::hold(t0, t1, pa);
    }
    let h = t1 - t0;
    Segment::cubic(t0, t1, [pa, pa + va * (h / 3.0), pb - vb * (h / 3.0), pb])
}

/// Largest distance between `seg` and the design at `u = (2k + odd) / parts` inside it
/// (`odd = 0`: the even check points the fit uses; `1`: the points between them).
fn deviation(
    motion: &HoldMotion,
    i: usize,
    seg: &Segment,
    a: f64,
    b: f64,
    parts: usize,
    odd: usize,
) -> f64 {
    (1..parts)
        .filter(|k| odd == 0 || k % 2 == 1)
        .map(|k| {
            let u = k as f64 / parts as f64;
            seg.eval_u(u).dist(motion.position(i, a + u * (b - a)))
        })
        .fold(0.0, f64::max)
}

/// The kinematic figures of fitted curves (what will fly): speeds from the velocity
/// quadratics sampled 16 times per segment, accelerations at segment ends (linear in
/// between). `start_s` is the hold's start on the show clock; times in the result are from
/// it.
pub fn flown_extremes(curves: &[Vec<Segment>], start_s: f64) -> [Extreme; 4] {
    let parts: Vec<[Extreme; 4]> = curves
        .par_iter()
        .enumerate()
        .map(|(i, segs)| {
            let mut best = [Extreme {
                value: 0.0,
                at_s: 0.0,
                point: i,
            }; 4];
            let mut keep = |k: usize, value: f64, t: f64| {
                if value > best[k].value {
                    best[k] = Extreme {
                        value,
                        at_s: t - start_s,
                        point: i,
                    };
                }
            };
            for s in segs {
                if s.is_hold() {
                    continue;
                }
                let [c0, c1, c2] = s.velocity_control_points();
                for q in 0..=16 {
                    let u = q as f64 / 16.0;
                    let w = 1.0 - u;
                    let v = c0 * (w * w) + c1 * (2.0 * w * u) + c2 * (u * u);
                    let t = s.t0 + u * s.duration();
                    keep(0, v.norm_xy(), t);
                    keep(1, v.z, t);
                    keep(2, -v.z, t);
                }
                let [a0, a1] = s.acceleration_ends();
                keep(3, a0.norm(), s.t0);
                keep(3, a1.norm(), s.t1);
            }
            best
        })
        .collect();
    let mut best = [Extreme {
        value: 0.0,
        at_s: 0.0,
        point: 0,
    }; 4];
    for p in parts {
        for k in 0..4 {
            if p[k].value > best[k].value {
                best[k] = p[k];
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::spread_knots;

    #[test]
    fn knots_closer_than_a_piece_merge_into_the_last() {
        assert_eq!(
            spread_knots(&[0, 31_994, 31_997, 31_998, 45_000], 100),
            vec![0, 31_998, 45_000]
        );
        assert_eq!(spread_knots(&[0, 40, 5_000, 5_060], 100), vec![0, 5_060]);
        assert_eq!(spread_knots(&[0, 60], 100), vec![0, 60]);
        assert_eq!(spread_knots(&[0], 100), vec![0]);
        let k = spread_knots(&[0, 1, 99, 100, 250, 260, 1_000], 100);
        assert_eq!(k.first(), Some(&0));
        assert_eq!(k.last(), Some(&1_000));
        assert!(k.windows(2).all(|w| w[1] - w[0] >= 100), "{k:?}");
    }
}
