//! Phased flights: open the start up, fly across, close onto the target.
//!
//! Each drone leaves its start along its opening offset (a layer in depth, or scaling
//! out), flies straight to its target's opened-up position, and closes in onto the
//! target. The three legs share one profile each across the fleet, so when they are flown
//! one after the other every stage is safe by construction (opening and closing only
//! move drones apart; the crossing is CAPT between configurations spaced `√2·d`). They can
//! also overlap: the crossing starts before the opening is complete and the closing before
//! the crossing ends. Overlapped legs add their speeds, so the flights are checked against
//! the limits exactly and flown more slowly where they exceed them, and their phases are
//! kept from changing a sliver apart (the export's rounding would make such a piece far
//! steeper than the limits); their clearance is checked by the caller.

use skyshow_model::{Limits, Vec3};

use crate::axes_profile::axes_profiles;
use crate::flight::{Flight, Leg, MIN_CURVED_PIECE_MS, sliver_free};
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

/// How the acceleration limit is shared between overlapping legs: the opening and the
/// closing are timed for `open` of it, the crossing for `cross`. Legs flown at the same
/// time add their accelerations; a leg timed for the whole limit while another ramps makes
/// the flight exceed it, and the whole plan would then be flown more slowly, a long
/// crossing included. Timing each leg for its share instead lengthens only the ramps (an
/// opening across the picture and a crossing within it add at right angles: shares with
/// `open² + cross² ≤ 1` keep the limit; the limits check catches the rest).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Split {
    /// Share of the acceleration limit the opening and the closing are timed for.
    pub open: f64,
    /// Share the crossing is timed for.
    pub cross: f64,
}

impl Split {
    /// Every leg timed for the whole limit.
    pub(crate) const WHOLE: Split = Split {
        open: 1.0,
        cross: 1.0,
    };
}

/// How the crossing is timed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Crossing {
    /// Every drone on one shared profile: the move between the opened-up configurations
    /// is CAPT, safe by construction when both are spaced `√2·d`. The shared profile
    /// takes its rate from the drone slowest to fly its way (a long climb) and its ramps
    /// from the one moving farthest, so it can last much longer than either drone needs.
    Shared,
    /// The horizontal parts on one shared profile and the vertical parts on another,
    /// both over the same span (`axes_profile.rs`): a long climb ramps briefly while a
    /// long sideways flight ramps gently. Not safe by construction: checked exactly
    /// like every plan.
    Axes,
}

/// `limits` with the acceleration limit scaled by `share`.
fn accel_share(limits: &Limits, share: f64) -> Limits {
    Limits {
        max_accel_m_s2: limits.max_accel_m_s2 * share,
        ..*limits
    }
}

/// The timing every drone shares: the opening's, the crossing's and the closing's profile
/// and start, ms (the opening starts at 0).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Timing {
    legs: [(i64, Profile); 3],
    /// The vertical parts' profile when the crossing flies them apart ([`Crossing::Axes`]:
    /// the crossing's own profile is then the horizontal parts'), starting with it.
    vert: Option<Profile>,
}

/// How far the crossing and the closing may be moved to leave no sliver, ms, and in
/// what steps.
const SHIFT_MS: i64 = MIN_CURVED_PIECE_MS + 50;
const SHIFT_STEP_MS: i64 = 5;

/// `p`, or when it cruises for less than [`MIN_CURVED_PIECE_MS`] (a few milliseconds
/// between its ramps, during which an overlapping leg would still be ramping), the
/// profile that ramps up and down without cruising over the next even duration: its
/// acceleration is no higher (`1/((T−r)·r)` is least at `r = T/2`); its peak rate may be
/// higher by a few per mille, which the limits check catches.
fn without_short_cruise(p: Profile) -> Profile {
    let cruise = p.total_ms - 2 * p.ramp_ms;
    if cruise <= 0 || cruise >= MIN_CURVED_PIECE_MS {
        return p;
    }
    let ramp_ms = (p.total_ms + 1) / 2;
    Profile {
        total_ms: 2 * ramp_ms,
        ramp_ms,
    }
}

impl Timing {
    /// The timing of legs flown on `profiles`, starting at `starts`, none of them
    /// cruising for a sliver of time.
    fn new(profiles: [Profile; 3], vert: Option<Profile>, starts: [i64; 3]) -> Timing {
        let mut legs: [(i64, Profile); 3] =
            std::array::from_fn(|k| (starts[k], without_short_cruise(profiles[k])));
        let vert = vert.map(|v| {
            // Both parts of the crossing end together.
            let v = without_short_cruise(v);
            let total_ms = v.total_ms.max(legs[1].1.total_ms);
            legs[1].1.total_ms = total_ms;
            Profile { total_ms, ..v }
        });
        Timing { legs, vert }
    }

    /// The legs some drone flies (`used`), as (start, profile).
    fn used(&self, used: [bool; 3]) -> Vec<(i64, Profile)> {
        let mut out: Vec<(i64, Profile)> = self
            .legs
            .iter()
            .zip(used)
            .filter(|(_, u)| *u)
            .map(|(l, _)| *l)
            .collect();
        if let Some(v) = self.vert.filter(|_| used[1]) {
            out.push((self.legs[1].0, v));
        }
        out
    }

    /// When the last of the `used` legs ends, ms.
    fn end_ms(&self, used: [bool; 3]) -> i64 {
        self.used(used)
            .iter()
            .map(|(s, p)| s + p.total_ms)
            .max()
            .unwrap_or(0)
    }

    /// Every time stretched by `factor` (≥ 1), rounded up to whole milliseconds.
    fn stretched(&self, factor: f64) -> Timing {
        let s = |ms: i64| (ms as f64 * factor).ceil() as i64;
        let stretch = |p: Profile| {
            let ramp_ms = s(p.ramp_ms);
            Profile {
                total_ms: s(p.total_ms).max(2 * ramp_ms),
                ramp_ms,
            }
        };
        let mut profiles = self.legs.map(|(_, p)| stretch(p));
        let vert = self.vert.map(|v| {
            // Both parts of the crossing keep one span.
            let v = stretch(v);
            profiles[1].total_ms = profiles[1].total_ms.max(v.total_ms);
            Profile {
                total_ms: profiles[1].total_ms,
                ..v
            }
        });
        Timing::new(profiles, vert, self.legs.map(|(start, _)| s(start)))
    }

    /// This timing, or the nearest one with the crossing and the closing moved by up to
    /// [`SHIFT_MS`] that leaves no sliver (see [`sliver_free`]): the one ending first,
    /// then the least moved. Legs whose phases change a few milliseconds apart (two ramps
    /// of slightly different lengths ending together) would otherwise leave a curved piece
    /// that the export's rounding makes far steeper than the limits.
    fn without_slivers(&self, used: [bool; 3]) -> Option<Timing> {
        if sliver_free(&self.used(used)) {
            return Some(*self);
        }
        let shifts: Vec<i64> = (-SHIFT_MS / SHIFT_STEP_MS..=SHIFT_MS / SHIFT_STEP_MS)
            .map(|k| k * SHIFT_STEP_MS)
            .collect();
        let mut best: Option<((i64, i64, i64, i64), Timing)> = None;
        for &d2 in &shifts {
            for &d3 in &shifts {
                let mut t = *self;
                t.legs[1].0 += d2;
                t.legs[2].0 += d3;
                if t.legs[1].0 < 0 || t.legs[2].0 < 0 || !sliver_free(&t.used(used)) {
                    continue;
                }
                let key = (t.end_ms(used), d2.abs() + d3.abs(), d2, d3);
                if best.as_ref().is_none_or(|b| key < b.0) {
                    best = Some((key, t));
                }
            }
        }
        best.map(|b| b.1)
    }
}

/// The flights of a phased plan, the crossing overlapping the opening and the closing
/// by the fractions `overlap` (the opening's, the closing's; 0: one after the other; 1:
/// entirely within the crossing), each leg timed for its share of the acceleration limit
/// (`split`), the crossing on one shared profile or each drone's own (`crossing`) and
/// lasting at least `min_cross_ms`, every flight
/// flyable ([`Flight::flyable`]: the whole plan flown more slowly if overlapping legs
/// exceed the limits, its legs moved apart where their phases would leave a sliver).
/// `None` if no such timing was found, or none shorter than `shorter_than_ms`.
pub(crate) fn fly_phases(
    ph: &Phases<'_>,
    limits: &Limits,
    headroom: f64,
    overlap: (f64, f64),
    (split, crossing): (Split, Crossing),
    (min_cross_ms, shorter_than_ms): (i64, i64),
) -> Option<Vec<Flight>> {
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
    let (side, across) = (
        accel_share(limits, split.open),
        accel_share(limits, split.cross),
    );
    let p1 = shared_profile(ph.from, &a1, &side, headroom, 0);
    let (p2, vert) = match crossing {
        Crossing::Shared => (
            shared_profile(&a1, &b1, &across, headroom, min_cross_ms),
            None,
        ),
        Crossing::Axes => {
            let (ph, pz) =
                axes_profiles(&a1, &b1, &across, headroom, (min_cross_ms, shorter_than_ms))?;
            (ph, Some(pz))
        }
    };
    let p3 = shared_profile(&b1, ph.to, &side, headroom, 0);
    let round = |x: f64| x.round() as i64;
    let (open_overlap, close_overlap) = overlap;
    let s2 = round((1.0 - open_overlap) * p1.total_ms as f64);
    let s3 = (s2 + p2.total_ms - round(close_overlap * p3.total_ms as f64)).max(s2);
    let used = [
        ph.open.iter().any(|o| *o != Vec3::ZERO),
        (0..n).any(|i| a1[i] != b1[i]),
        ph.close.iter().any(|c| *c != Vec3::ZERO),
    ];
    let mut timing = Timing::new([p1, p2, p3], vert, [0, s2, s3]);
    for _ in 0..6 {
        timing = timing.without_slivers(used)?;
        // Flying more slowly only lengthens it.
        if timing.end_ms(used) >= shorter_than_ms {
            return None;
        }
        let flights: Vec<Flight> = (0..n).map(|i| flight(ph, &a1, &b1, &timing, i)).collect();
        let e = flights
            .iter()
            .map(|f| f.excess(limits, headroom))
            .fold(0.0, f64::max);
        if e <= 1.0 + 1e-9 {
            return flights
                .iter()
                .all(|f| f.flyable(limits, headroom))
                .then_some(flights);
        }
        // All stretched alike by the largest factor any flight exceeds the limits by, so
        // their timing relative to each other is kept.
        timing = timing.stretched(e * (1.0 + 1e-6));
    }
    None
}

/// Drone `i`'s flight on `timing`: from its start through its opened-up start `a1[i]`
/// and its opened-up target `b1[i]` onto its target (the crossing's horizontal and
/// vertical parts on their own profiles when the timing has them apart).
fn flight(ph: &Phases<'_>, a1: &[Vec3], b1: &[Vec3], timing: &Timing, i: usize) -> Flight {
    let [(_, p1), (s2, p2), (s3, p3)] = timing.legs;
    let mut legs = Vec::with_capacity(4);
    if !ph.open.is_empty() && ph.open[i] != Vec3::ZERO && p1.total_ms > 0 {
        legs.push(Leg {
            start_ms: 0,
            delta: ph.open[i],
            profile: p1,
        });
    }
    let cross = b1[i] - a1[i];
    let parts = match timing.vert {
        Some(pz) => [
            (Vec3::new(cross.x, cross.y, 0.0), p2),
            (Vec3::new(0.0, 0.0, cross.z), pz),
        ],
        None => [(cross, p2), (Vec3::ZERO, p2)],
    };
    for (delta, profile) in parts {
        if delta != Vec3::ZERO && profile.total_ms > 0 {
            legs.push(Leg {
                start_ms: s2,
                delta,
                profile,
            });
        }
    }
    if !ph.close.is_empty() && ph.close[i] != Vec3::ZERO && p3.total_ms > 0 {
        legs.push(Leg {
            start_ms: s3,
            delta: ph.close[i] * -1.0,
            profile: p3,
        });
    }
    legs.sort_by_key(|l| l.start_ms);
    Flight {
        from: ph.from[i],
        to: ph.to[i],
        legs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The phased plan's flights under the default limits, with nothing to beat.
    fn fly(ph: &Phases<'_>, overlap: f64, split: (Split, Crossing)) -> Vec<Flight> {
        fly_phases(
            ph,
            &Limits::DEFAULT,
            0.99,
            (overlap, overlap),
            split,
            (0, i64::MAX),
        )
        .unwrap()
    }

    #[test]
    fn legs_timed_for_their_share_of_the_acceleration_beat_slowing_the_whole_plan() {
        // A long climb (held back by the climb rate) while stepping 3 m aside in depth and
        // back: flown for the whole limit each, the overlapped ramps add up to √2 of it and
        // the whole plan, the 8 s climb included, is flown more slowly; timed for their
        // shares, only the ramps are longer.
        let limits = Limits::DEFAULT;
        let from: Vec<Vec3> = (0..4)
            .map(|k| Vec3::new(0.0, k as f64 * 3.0, 40.0))
            .collect();
        let to: Vec<Vec3> = from
            .iter()
            .map(|p| *p + Vec3::new(0.0, 0.0, 15.0))
            .collect();
        let side: Vec<Vec3> = (0..4)
            .map(|k| Vec3::new(if k % 2 == 0 { 1.5 } else { -1.5 }, 0.0, 0.0))
            .collect();
        let ph = Phases {
            from: &from,
            to: &to,
            open: &side,
            close: &side,
        };
        let end = |f: &[Flight]| f.iter().map(Flight::arrival_ms).max().unwrap();
        let whole = fly(&ph, 1.0, (Split::WHOLE, Crossing::Shared));
        let shared = Split {
            open: 0.71,
            cross: 0.71,
        };
        let split = fly(&ph, 1.0, (shared, Crossing::Shared));
        // The climb alone: 15 m at 2 m/s (99 %) with 0.5 s ramps.
        let climb = SyncMove::fastest(from.clone(), to.clone(), &limits, 0.99, 0)
            .profile
            .total_ms;
        assert!(end(&split) < end(&whole), "{} {}", end(&split), end(&whole));
        // Within 5 % of the climb alone, where the whole plan flown slower takes 19 % more.
        assert!(
            end(&whole) as f64 > climb as f64 * 1.15,
            "{} {climb}",
            end(&whole)
        );
        assert!(
            end(&split) as f64 <= climb as f64 * 1.05,
            "{} {climb}",
            end(&split)
        );
        for f in whole.iter().chain(&split) {
            assert!(f.flyable(&limits, 0.99));
            assert!(f.state(f.arrival_ms()).0.dist(f.to) < 1e-12);
        }
    }

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
        let seq = fly(&ph, 0.0, (Split::WHOLE, Crossing::Shared));
        let lapped = fly(&ph, 1.0, (Split::WHOLE, Crossing::Shared));
        let end = |f: &[Flight]| f.iter().map(Flight::arrival_ms).max().unwrap();
        assert!(end(&lapped) < end(&seq));
        for f in seq.iter().chain(&lapped) {
            assert!(f.flyable(&limits, 0.99));
            let (p, _, _) = f.state(f.arrival_ms());
            assert!(p.dist(f.to) < 1e-12);
            let segs = f.segments(0);
            assert!(segs.last().unwrap().end().dist(f.to) < 1e-12);
        }
    }

    #[test]
    fn a_crossing_flown_per_axis_beats_one_profile_when_the_climb_is_not_the_longest_flight() {
        // A column climbs 15 m while drifting sideways and a row flies 40 m sideways, each
        // stepping 3 m out in depth and back. One profile for the whole crossing ramps for
        // the longest flight and cruises at the climb's rate (9 s); the horizontal and
        // vertical parts on their own profiles end within 6 % of the climb alone (8 s).
        let limits = Limits::DEFAULT;
        let mut from = Vec::new();
        let mut to = Vec::new();
        for k in 0..4 {
            from.push(Vec3::new(0.0, 0.0, 40.0 + 3.0 * k as f64));
            to.push(Vec3::new(0.0, -30.0, 55.0 + 3.0 * k as f64));
            from.push(Vec3::new(0.0, 10.0 + 3.0 * k as f64, 30.0));
            to.push(Vec3::new(0.0, 50.0 + 3.0 * k as f64, 30.0));
        }
        let open: Vec<Vec3> = (0..8)
            .map(|k| Vec3::new(if k % 2 == 0 { 3.0 } else { 0.0 }, 0.0, 0.0))
            .collect();
        let ph = Phases {
            from: &from,
            to: &to,
            open: &open,
            close: &open,
        };
        let end = |f: &[Flight]| f.iter().map(Flight::arrival_ms).max().unwrap();
        let split = Split {
            open: 0.6,
            cross: 0.8,
        };
        let fly = |c| fly(&ph, 1.0, (split, c));
        let (shared, axes) = (fly(Crossing::Shared), fly(Crossing::Axes));
        assert!(end(&shared) > 9_000, "{}", end(&shared));
        assert!(end(&axes) < 8_500, "{}", end(&axes));
        for f in &axes {
            assert!(f.flyable(&limits, 0.99));
            assert!(f.state(f.arrival_ms()).0.dist(f.to) < 1e-9);
        }
        // A climbing drone flies its horizontal and vertical parts as legs of their own.
        assert!(
            axes[0]
                .legs
                .iter()
                .any(|l| l.delta == Vec3::new(0.0, 0.0, 15.0))
        );
        assert!(
            axes[0]
                .legs
                .iter()
                .any(|l| l.delta == Vec3::new(0.0, -30.0, 0.0))
        );
    }
}
