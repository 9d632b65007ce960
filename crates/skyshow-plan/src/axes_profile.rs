//! Shared per-axis profiles: a crossing whose horizontal and vertical parts each fly one
//! profile shared by the whole fleet, both over the same span.
//!
//! One shared profile for the whole displacement takes its cruise rate from the drone
//! most held back by a speed limit (a long climb at 2 m/s) and its ramps from the drone
//! moving farthest (a long sideways flight at 4 m/s²): a drone climbing 15 m while it
//! flies 42 m sideways must then reach 2 m/s of climb along its line, which takes 1.5 s
//! of ramp, where its climb alone needs 0.5 s. Flying the horizontal parts on one profile
//! and the vertical parts on another, both lasting the same, lets the climb ramp briefly
//! while the sideways flight ramps gently. Every drone is then at `from + βh(t)·Δh +
//! βz(t)·Δz` with the same `βh` and `βz`: close to the synchronised move (CAPT), not
//! identical to it, so the plan is checked exactly like every other.

use skyshow_model::{Limits, Vec3};

use crate::flight::MIN_CURVED_PIECE_MS;
use crate::profile::Profile;

/// The horizontal and the vertical profile, both lasting the same, of the shortest
/// crossing `a → b` flown with every drone's horizontal part on the first and vertical
/// part on the second, within `limits` scaled by `headroom` (the two parts' accelerations
/// are at right angles and add as such), lasting at least `min_ms`; `None` when no drone
/// moves both sideways and up or down (nothing to gain over one profile), or when no such
/// timing is shorter than `shorter_than_ms`.
pub(crate) fn axes_profiles(
    a: &[Vec3],
    b: &[Vec3],
    limits: &Limits,
    headroom: f64,
    (min_ms, shorter_than_ms): (i64, i64),
) -> Option<(Profile, Profile)> {
    // Each drone's horizontal and vertical distance.
    let parts: Vec<(f64, f64)> = a
        .iter()
        .zip(b)
        .map(|(p, q)| ((*q - *p).norm_xy(), q.z - p.z))
        .collect();
    if !parts.iter().any(|&(h, z)| h > 0.0 && z != 0.0) {
        return None;
    }
    let h_max = parts.iter().map(|p| p.0).fold(0.0, f64::max);
    let up = parts.iter().map(|p| p.1).fold(0.0, f64::max);
    let down = parts.iter().map(|p| -p.1).fold(0.0, f64::max);
    // The least time each part's cruise needs, ms.
    let h_cruise = h_max / (limits.max_speed_xy_m_s * headroom) * 1000.0;
    let z_cruise = (up / (limits.max_speed_up_m_s * headroom))
        .max(down / (limits.max_speed_down_m_s * headroom))
        * 1000.0;
    let acc = limits.max_accel_m_s2 * headroom;
    let timing = |total_ms: i64| -> Option<(Profile, Profile)> {
        // The longest ramps each speed limit allows, up to half the span: the gentlest.
        let ramp = |cruise: f64| ((total_ms as f64 - cruise).floor() as i64).min(total_ms / 2);
        let (mut rh, mut rz) = (ramp(h_cruise), ramp(z_cruise));
        if rh < 1 || rz < 1 {
            return None;
        }
        // Ramps ending a few milliseconds apart would leave a sliver between their ends:
        // one ramp for both (the shorter keeps both speeds).
        if (rh - rz).abs() < MIN_CURVED_PIECE_MS {
            (rh, rz) = (rh.min(rz), rh.min(rz));
        }
        let (ph, pz) = (
            Profile {
                total_ms,
                ramp_ms: rh,
            },
            Profile {
                total_ms,
                ramp_ms: rz,
            },
        );
        // While both ramp, a drone accelerates by the two parts at right angles.
        let (ah, az) = (ph.accel(), pz.accel());
        let fits = parts
            .iter()
            .all(|&(h, z)| (h * ah).hypot(z * az) <= acc * (1.0 - 1e-9));
        fits.then_some((ph, pz))
    };
    // Nothing shorter than the longest cruise; the acceleration falls as the span grows.
    let lo = (h_cruise.max(z_cruise).ceil() as i64).max(min_ms).max(2);
    // The search does not depend on `shorter_than_ms`, so that a timing found once is
    // found again (a plan's candidates are timed, then built again to be checked).
    let hi = lo.saturating_mul(4);
    let found = if let Some(t) = timing(lo) {
        t
    } else {
        timing(hi)?;
        let (mut lo, mut hi) = (lo, hi);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if timing(mid).is_some() {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        timing(hi)?
    };
    (found.0.total_ms < shorter_than_ms).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync_move::SyncMove;

    #[test]
    fn a_long_climb_beside_a_long_sideways_flight_ramps_on_its_own() {
        // One drone climbs 15 m while drifting 42 m sideways, another flies 44 m sideways:
        // on one shared profile the climb's 2 m/s along the line takes 1.5 s of ramp
        // (9.0 s in all); each part on its own shared profile, the climb alone needs 8 s,
        // and ramps of its own bring the crossing within 5 % of that.
        let limits = Limits::DEFAULT;
        let a = vec![Vec3::new(0.0, 0.0, 40.0), Vec3::new(0.0, 10.0, 40.0)];
        let b = vec![Vec3::new(0.0, -42.0, 55.0), Vec3::new(0.0, 54.0, 40.0)];
        let shared = SyncMove::fastest(a.clone(), b.clone(), &limits, 0.99, 0).profile;
        assert!(shared.total_ms > 8_900, "{shared:?}");
        let (ph, pz) = axes_profiles(&a, &b, &limits, 0.99, (0, i64::MAX)).unwrap();
        assert_eq!(ph.total_ms, pz.total_ms);
        assert!(ph.total_ms < 8_400, "{ph:?} {pz:?}");
        // Within the limits: the climb's cruise, the sideways cruise, and both ramping
        // together at right angles.
        let t = ph.total_ms as f64 / 1000.0;
        assert!(15.0 * pz.rate() <= 2.0 * 0.99 + 1e-9 && 44.0 * ph.rate() <= 8.0 * 0.99 + 1e-9);
        for (h, z) in [(42.0, 15.0), (44.0, 0.0)] {
            let acc: f64 = (h * ph.accel()).hypot(z * pz.accel());
            assert!(acc <= 4.0 * 0.99, "{acc} at {t}");
        }
        // One span a millisecond shorter breaks a limit (the shortest was found).
        let one_less = axes_profiles(&a, &b, &limits, 0.99, (0, ph.total_ms));
        assert!(one_less.is_none());
        // Nothing to gain when no drone moves both ways.
        let flat: Vec<Vec3> = b.iter().map(|p| Vec3::new(p.x, p.y, 40.0)).collect();
        assert!(axes_profiles(&a, &flat, &limits, 0.99, (0, i64::MAX)).is_none());
    }
}
