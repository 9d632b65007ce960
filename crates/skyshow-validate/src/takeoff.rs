//! Takeoff spacing: pairs of drones whose first positions are closer than
//! `Limits::takeoff_spacing_m`, found with the grid broad phase (not all pairs).

use skyshow_model::Vec3;

use crate::broad_phase::GridBroadPhase;
use crate::prepared::PreparedDrone;
use crate::{Violation, ViolationKind};

/// Violations of the takeoff spacing, at show time `t0`, in pair order.
pub(crate) fn takeoff_spacing(
    drones: &[PreparedDrone<'_>],
    spacing: f64,
    t0: f64,
) -> Vec<Violation> {
    let mut out = Vec::new();
    if !(spacing > 0.0) || !spacing.is_finite() {
        return out;
    }
    let ids: Vec<usize> = (0..drones.len()).filter(|&i| drones[i].present).collect();
    let boxes: Vec<(Vec3, Vec3)> = ids
        .iter()
        .map(|&i| (drones[i].first, drones[i].first))
        .collect();
    let mut pairs = Vec::new();
    GridBroadPhase::default().pairs(&boxes, spacing, &mut pairs);
    let limit = spacing - 1e-9 * spacing.max(1.0);
    for (p, q) in pairs {
        let (a, b) = (ids[p as usize], ids[q as usize]);
        let d = drones[a].first.dist(drones[b].first);
        if d < limit {
            out.push(Violation {
                kind: ViolationKind::TakeoffSpacing,
                time_s: t0,
                drones: vec![a, b],
                value: d,
                limit: spacing,
                source: String::new(),
            });
        }
    }
    out
}
