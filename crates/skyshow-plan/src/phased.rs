//! Phased flights: open the start up, fly across, close onto the target.
//!
//! Each drone leaves its start along its opening offset (a layer in depth, or scaling
//! out), flies straight to its target's opened-up position, and closes in onto the
//! target. The three legs share one profile each across the fleet, so when they are flown
//! one after the other every stage is safe by construction (opening and closing only
//! move drones apart; the crossing is CAPT between configurations spaced `√2·d`). They can
//! also overlap: the crossing starts before the opening is complete and the closing before
//! the crossing ends. Overlapped legs add their speeds, so the flights are checked against
//! the limits exactly and flown more slowly where they exceed them; their clearance is
//! checked by the caller.

use skyshow_model::{Limits, Vec3};

use crate::flight::{Flight, Leg};
use crate::profile::Profile;
use crate::sync_move::SyncMove;

/// A phased plan to fly.
pub(crate) struct Phases<'a> {
    /// Start of each drone.
    pub from: &'a [Vec3],
    /// Target of each drone.
    pub to: &'a [Vec3],
    /// Opening offset of each drone (empty: none).
    pub open: &'a [Vec3],
    /// Closing offset of each drone, added to its target (empty: none).
    pub close: &'a [Vec3],
}

fn shared_profile(a: &[Vec3], b: &[Vec3], limits: &Limits, headroom: f64, min_ms: i64) -> Profile {
    SyncMove::fastest(a.to_vec(), b.to_vec(), limits, headroom, min_ms).profile
}

/// The flights of a phased plan, the crossing overlapping the opening and the closing
/// by the fraction `overlap` (0: one after the other; 1: opening and closing entirely
/// within the crossing), the crossing lasting at least `min_cross_ms`, every flight
/// within the limits (the whole plan flown more slowly if overlapping legs exceed them).
pub(crate) fn fly_phases(
    ph: &Phases<'_>,
    limits: &Limits,
    headroom: f64,
    overlap: f64,
    min_cross_ms: i64,
) -> Vec<Flight> {
    let n = ph.from.len();
    let a1: Vec<Vec3> = if ph.open.is_empty() {
        ph.from.to_vec()
    } else {
        (0..n).map(|i| ph.from[i] + ph.open[i]).collect()
    };
    let b1: Vec<Vec3> = if ph.close.is_empty() {
        ph.to.to_vec()
    } else {
        (0..n).map(|i| ph.to[i] + ph.close[i]).collect()
    };
    let p1 = shared_profile(ph.from, &a1, limits, headroom, 0);
    let p2 = shared_profile(&a1, &b1, limits, headroom, min_cross_ms);
    let p3 = shared_profile(&b1, ph.to, limits, headroom, 0);
    let round = |x: f64| x.round() as i64;
    let s2 = round((1.0 - overlap) * p1.total_ms as f64);
    let s3 = (s2 + p2.total_ms - round(overlap * p3.total_ms as f64)).max(s2);
    let flights: Vec<Flight> = (0..n)
        .map(|i| {
            let mut legs = Vec::with_capacity(3);
            if !ph.open.is_empty() && ph.open[i] != Vec3::ZERO && p1.total_ms > 0 {
                legs.push(Leg {
                    start_ms: 0,
                    delta: ph.open[i],
                    profile: p1,
                });
            }
            if a1[i] != b1[i] && p2.total_ms > 0 {
                legs.push(Leg {
                    start_ms: s2,
                    delta: b1[i] - a1[i],
                    profile: p2,
                });
            }
            if !ph.close.is_empty() && ph.close[i] != Vec3::ZERO && p3.total_ms > 0 {
                legs.push(Leg {
                    start_ms: s3,
                    delta: ph.close[i] * -1.0,
                    profile: p3,
                });
            }
            Flight {
                from: ph.from[i],
                to: ph.to[i],
                legs,
            }
        })
        .collect();
    if overlap <= 0.0 {
        return flights;
    }
    slow_to_limits(flights, limits, headroom)
}

/// The flights, all stretched alike by the largest factor any of them exceeds the limits
/// by (so their timing relative to each other is kept), until every one keeps them.
pub(crate) fn slow_to_limits(
    mut flights: Vec<Flight>,
    limits: &Limits,
    headroom: f64,
) -> Vec<Flight> {
    for _ in 0..4 {
        let e = flights
            .iter()
            .map(|f| f.excess(limits, headroom))
            .fold(0.0, f64::max);
        if e <= 1.0 + 1e-9 {
            break;
        }
        flights = flights
            .iter()
            .map(|f| f.stretched(e * (1.0 + 1e-6)))
            .collect();
    }
    flights
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapped_phases_keep_the_limits_and_end_on_target() {
        let limits = Limits::DEFAULT;
        let from: Vec<Vec3> = (0..10)
            .map(|k| Vec3::new(0.0, k as f64 * 3.0, 40.0))
            .collect();
        let to: Vec<Vec3> = (0..10)
            .map(|k| Vec3::new(0.0, 27.0 - k as f64 * 3.0, 46.0))
            .collect();
        let open: Vec<Vec3> = (0..10)
            .map(|k| Vec3::new(if k % 2 == 0 { 3.0 } else { 0.0 }, 0.0, 0.0))
            .collect();
        let close: Vec<Vec3> = (0..10)
            .map(|k| Vec3::new(if k % 2 == 1 { -3.0 } else { 0.0 }, 0.0, 0.0))
            .collect();
        let ph = Phases {
            from: &from,
            to: &to,
            open: &open,
            close: &close,
        };
        let seq = fly_phases(&ph, &limits, 0.99, 0.0, 0);
        let lapped = fly_phases(&ph, &limits, 0.99, 1.0, 0);
        let end = |f: &[Flight]| f.iter().map(Flight::arrival_ms).max().unwrap();
        assert!(end(&lapped) < end(&seq));
        for f in seq.iter().chain(&lapped) {
            assert!(f.within(&limits, 0.99));
            let (p, _, _) = f.state(f.arrival_ms());
            assert!(p.dist(f.to) < 1e-12);
            let segs = f.segments(0);
            assert!(segs.last().unwrap().end().dist(f.to) < 1e-12);
        }
    }
}
