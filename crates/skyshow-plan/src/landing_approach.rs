//! Landing from any picture: straight down to the slots when the landing planner can
//! schedule it, otherwise after first spreading the picture out.
//!
//! The landing planner ([`plan_landing`]) flies each drone straight to a point above its
//! own slot and lets a drone leave only once no waiting drone stands in its way. In a
//! picture spaced near the minimum distance, every path can pass where a neighbour waits,
//! and no drone can go first. Then the picture is first spread about its centre (twice,
//! three, four times its size, within the altitude band) by an ordinary transition, planned
//! and checked like every other, and the landing is planned from there.

use skyshow_model::{Limits, Vec3};

use crate::error::PlanError;
use crate::fleet_move::Move;
use crate::landing::{Landing, plan_landing};
use crate::options::PlanOptions;
use crate::transition::plan_transition;

/// How the fleet lands: the moves flown first (none, or the spreading transition), then the
/// landing proper, which starts when they end.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct LandingApproach {
    /// Flown back to back from the landing's start.
    pub moves: Vec<Move>,
    /// Where each drone is when they end.
    pub positions: Vec<Vec3>,
    /// The landing from there.
    pub landing: Landing,
}

/// The spreading factors tried, in order.
const FACTORS: [f64; 3] = [2.0, 3.0, 4.0];

/// Plans the landing of drones at `pos` onto `homes` through necks at `necks`, from
/// `t0_ms`, spreading the picture first when it cannot land as it is; `band` is the
/// altitude band pictures may use.
// Errors are rare and carry user-facing context; their size does not matter.
#[allow(clippy::result_large_err)]
pub(crate) fn approach_landing(
    pos: &[Vec3],
    homes: &[Vec3],
    necks: &[f64],
    t0_ms: i64,
    limits: &Limits,
    opts: &PlanOptions,
    band: (f64, f64),
) -> Result<LandingApproach, PlanError> {
    let first = match plan_landing(pos, homes, necks, t0_ms, 0, limits, opts) {
        Ok(landing) => {
            return Ok(LandingApproach {
                moves: Vec::new(),
                positions: pos.to_vec(),
                landing,
            });
        }
        Err(e) => e,
    };
    for k in FACTORS {
        let targets = spread(pos, k, band);
        let Ok(tr) = plan_transition(pos, &targets, limits, opts, band, 0) else {
            continue;
        };
        let positions: Vec<Vec3> = tr.target_of.iter().map(|&j| targets[j]).collect();
        let t1 = t0_ms + tr.duration_ms();
        if let Ok(landing) = plan_landing(&positions, homes, necks, t1, 0, limits, opts) {
            return Ok(LandingApproach {
                moves: tr.moves,
                positions,
                landing,
            });
        }
    }
    Err(first)
}

/// `pos` spread `k` times about the centre of its bounding box, as far as the band allows
/// in height, and moved up or down into the band.
fn spread(pos: &[Vec3], k: f64, band: (f64, f64)) -> Vec<Vec3> {
    let (lo, hi) = Vec3::bounds(pos);
    let c = (lo + hi) * 0.5;
    let height = hi.z - lo.z;
    let kz = if height > 0.0 {
        k.min((band.1 - band.0) / height).max(1.0)
    } else {
        1.0
    };
    let low = c.z - (c.z - lo.z) * kz;
    let high = c.z + (hi.z - c.z) * kz;
    let shift = if low < band.0 {
        band.0 - low
    } else if high > band.1 {
        band.1 - high
    } else {
        0.0
    };
    pos.iter()
        .map(|&p| {
            Vec3::new(
                c.x + (p.x - c.x) * k,
                c.y + (p.y - c.y) * k,
                c.z + (p.z - c.z) * kz + shift,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spread_picture_keeps_its_shape_within_the_band() {
        let pos: Vec<Vec3> = (0..16)
            .map(|i| Vec3::new((i % 4) as f64 * 3.0, 0.0, 6.0 + (i / 4) as f64 * 3.0))
            .collect();
        let s = spread(&pos, 3.0, (5.5, 150.0));
        let low = s.iter().map(|p| p.z).fold(f64::INFINITY, f64::min);
        assert!(low >= 5.5 - 1e-9, "{low}");
        for i in 0..16 {
            for j in 0..i {
                let r = s[i].dist(s[j]) / pos[i].dist(pos[j]);
                assert!((r - 3.0).abs() < 1e-9, "{r}");
            }
        }
    }
}
