//! `JointRelaxer`: outline and fill points of a `both`-mode picture relaxed together.
//!
//! The outline is packed first and the fill relaxed around it; with the outline held still,
//! fill points end up squeezed against it (the closest pair of a `both` picture was two fill
//! points in a crowded pocket). Here every point pushes every neighbour closer than the
//! target: outline points slide along their own line (never leaving it, pinned corners
//! staying), fill points move inside the area. The configuration with the largest smallest
//! gap is kept, so the result is never worse than where it started.

use rayon::prelude::*;
use skyshow_model::Vec3;

use crate::outline::Outline;
use crate::packing::LinePoint;
use crate::relax::Domain;

/// Longest step of a point per iteration, × the target.
const MAX_STEP: f64 = 0.25;
/// Steps without a larger smallest gap before the target is lowered by `STEP_DOWN`, down to
/// `LOWEST` × the given target (a target above what the shape allows keeps every point
/// shaking: at 10,000 points on the example's city wall, a target of 1.0 × the ideal
/// spacing left 0.77, 0.92 × left 0.85).
const STALL: usize = 20;
const STEP_DOWN: f64 = 0.97;
const LOWEST: f64 = 0.85;

/// Relaxes outline and fill points together.
pub(crate) struct JointRelaxer<'a, D: Domain> {
    /// The lines the outline points slide along.
    pub(crate) outline: &'a Outline,
    /// Where the fill points stay.
    pub(crate) domain: &'a D,
    /// Pairs closer than this push apart, metres.
    pub(crate) target: f64,
    /// It stops once the smallest gap is this large, metres.
    pub(crate) goal: f64,
}

impl<D: Domain> JointRelaxer<'_, D> {
    /// Up to `iters` steps; returns the smallest gap of the kept configuration.
    pub(crate) fn relax(&self, line: &mut [LinePoint], fill: &mut [Vec3], iters: usize) -> f64 {
        let nl = line.len();
        let lines = self.outline.lines();
        let mut all: Vec<Vec3> = line
            .iter()
            .map(|p| Vec3::new(p.xy[0], p.xy[1], 0.0))
            .chain(fill.iter().copied())
            .collect();
        let n = all.len();
        if n < 2 {
            return f64::INFINITY;
        }
        let mut target = self.target;
        let lowest = self.target * LOWEST;
        let mut best_line = line.to_vec();
        let mut best_fill = fill.to_vec();
        let mut best_gap = 0.0;
        let mut best_at = 0;
        for it in 0..=iters {
            let max_step = MAX_STEP * target;
            let (pushed, gap) = crate::relax::pushes(&all, n, target, |j| j < nl && line[j].pinned);
            if gap > best_gap {
                best_gap = gap;
                best_at = it;
                best_line.copy_from_slice(line);
                best_fill.copy_from_slice(fill);
            }
            if it == iters || best_gap >= self.goal {
                break;
            }
            if it - best_at > STALL {
                // Too ambitious a target shakes every point: aim lower.
                if target * STEP_DOWN < lowest {
                    break;
                }
                target *= STEP_DOWN;
                best_at = it;
            }
            for (p, (push, _)) in line.iter_mut().zip(&pushed) {
                if p.pinned || *push == Vec3::ZERO {
                    continue;
                }
                let (_, tan) = lines[p.line].at_with_tangent(p.t);
                let dt = (push.x * tan[0] + push.y * tan[1]).clamp(-max_step, max_step);
                p.slide(lines, dt);
            }
            let moved: Vec<Vec3> = fill
                .par_iter()
                .zip(&pushed[nl..])
                .map(|(p, (push, _))| {
                    if *push == Vec3::ZERO {
                        return *p;
                    }
                    let m = push.norm();
                    let push = if m > max_step {
                        *push * (max_step / m)
                    } else {
                        *push
                    };
                    self.domain.project(*p + push)
                })
                .collect();
            fill.copy_from_slice(&moved);
            for (a, p) in all.iter_mut().zip(line.iter()) {
                *a = Vec3::new(p.xy[0], p.xy[1], 0.0);
            }
            all[nl..].copy_from_slice(fill);
        }
        line.copy_from_slice(&best_line);
        fill.copy_from_slice(&best_fill);
        best_gap
    }
}
