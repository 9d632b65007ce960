//! Rigid turns: a formation turned about an axis (in its plane, in depth, tilted) flown as
//! that turn of the whole fleet at once, so no two drones come closer than they start.
//!
//! When the target set is the start turned by an angle Θ about an axis through its centre
//! (and moved), each drone's offset from the centre splits into a part `h` along the axis
//! and a complex number ζ across it. Every drone flies `c(t) + h·k + z(t)·ζ`, where `z(t)`
//! is one path in the complex plane shared by the whole fleet, from 1 to `e^{iΘ}`. The
//! distance between two drones is then at least `min(1, |z(t)|)` times their distance at
//! the start, whatever the formation's shape: a path that never enters the unit disc keeps
//! every distance. The path is the sum of K straight legs on one profile (leg `j` leaving
//! `j·S` ms after the first), through corners on a circle of radius ρ slightly above 1,
//! ρ the smallest that keeps `|z| ≥ 1` where the overlapped legs cut the corners. The
//! centre's move is one more leg spanning the turn, the same for every drone. Candidates
//! (legs, overlap, ramps) are timed on the drones that bound the speeds; the shortest is
//! built, slowed to the limits, and checked exactly like every other plan. Whether the
//! target is a turn of the start, about which axis and by what angle, is `turn_find.rs`.

use rayon::prelude::*;
use skyshow_formations::min_spacing;
use skyshow_model::{Limits, Vec3};

use crate::flight::{Flight, Leg, MIN_CURVED_PIECE_MS, sliver_free};
use crate::options::PlanOptions;
use crate::pair_check::fleet_clearance;
use crate::profile::Profile;
use crate::turn_find::{C, Turn, find_turn};

/// A safe rigid turn.
pub(crate) struct Turned {
    /// Each drone's flight.
    pub flights: Vec<Flight>,
    /// Target index of each drone.
    pub target_of: Vec<usize>,
    /// Smallest distance between two drones, metres.
    pub min_distance_m: f64,
}

/// One way of flying the shared path: `legs` legs, each leaving `overlap` of a leg's
/// duration after the previous one, ramps `ramp` of a leg's duration.
#[derive(Clone, Copy, Debug)]
struct Shape {
    legs: usize,
    overlap: f64,
    ramp: f64,
}

const LEGS: [usize; 5] = [3, 4, 6, 8, 12];
const OVERLAPS: [f64; 4] = [1.0, 0.6, 0.4, 0.25];
const RAMPS: [f64; 3] = [0.15, 0.3, 0.5];
/// Duration of a leg in the nominal timing (stretched to the limits afterwards), ms.
const LEG_MS: i64 = 1_000;

/// The corners of the path: 1, `legs − 1` points on the circle of radius `rho`, `e^{iΘ}`.
fn corners(angle: f64, legs: usize, rho: f64) -> Vec<C> {
    let step = angle / legs as f64;
    (0..=legs)
        .map(|j| {
            let r = if j == 0 || j == legs { 1.0 } else { rho };
            C::polar(r, step * j as f64)
        })
        .collect()
}

/// The timing of a shape with legs of `leg_ms`: the legs' profile and start times.
fn timing(shape: Shape, leg_ms: i64) -> (Profile, Vec<i64>) {
    let ramp = ((shape.ramp * leg_ms as f64).round() as i64).clamp(1, leg_ms / 2);
    let step = ((shape.overlap * leg_ms as f64).round() as i64).max(1);
    let starts = (0..shape.legs as i64).map(|j| j * step).collect();
    (
        Profile {
            total_ms: leg_ms,
            ramp_ms: ramp,
        },
        starts,
    )
}

/// The smallest `|z(t)|` along the path, sampled every millisecond of the nominal timing
/// (the legs end in the order they start, so before `t` the finished ones have brought the
/// path to a corner and at most a few are under way).
fn min_modulus(w: &[C], profile: Profile, starts: &[i64]) -> f64 {
    let end = starts.last().copied().unwrap_or(0) + profile.total_ms;
    let mut lo = f64::INFINITY;
    let mut done = 0;
    for t in 0..=end {
        while done < starts.len() && t >= starts[done] + profile.total_ms {
            done += 1;
        }
        let mut z = w[done];
        for (j, s) in starts.iter().enumerate().skip(done) {
            if t <= *s {
                break;
            }
            let b = profile.beta((t - s) as f64 / 1000.0);
            let dw = w[j + 1].sub(w[j]);
            z = C(z.0 + dw.0 * b, z.1 + dw.1 * b);
        }
        lo = lo.min(z.abs());
    }
    lo
}

/// The smallest corner radius (plus a margin for the rounding of the stretched timing)
/// that keeps the sampled path at least `floor` from the origin, if one up to 1.5 does.
fn corner_radius(angle: f64, shape: Shape, floor: f64) -> Option<f64> {
    let (profile, starts) = timing(shape, LEG_MS);
    let ok =
        |rho: f64| min_modulus(&corners(angle, shape.legs, rho), profile, &starts) >= floor - 1e-12;
    let (mut lo, mut hi) = (1.0, 1.5);
    if !ok(hi) {
        return None;
    }
    for _ in 0..20 {
        let mid = 0.5 * (lo + hi);
        if ok(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi * (1.0 + 1e-4))
}

/// The profile of the centre's move (and each drone's residual) over a turn of `span` ms.
fn shift_profile(span: i64) -> Profile {
    Profile {
        total_ms: span,
        ramp_ms: span / 3,
    }
}

/// Every leg's start and profile on the timing of `shape` with legs of `leg_ms`: the
/// path's legs, and the centre's move when `shift`.
fn shared_timings(shape: Shape, leg_ms: i64, shift: bool) -> Vec<(i64, Profile)> {
    let (profile, starts) = timing(shape, leg_ms);
    let span = starts.last().copied().unwrap_or(0) + profile.total_ms;
    let mut out: Vec<(i64, Profile)> = starts.iter().map(|&s| (s, profile)).collect();
    if shift {
        out.push((0, shift_profile(span)));
    }
    out
}

/// Whether the turn moves the centre, or leaves residuals worth flying (beyond round-off:
/// a leg of a nanometre would only add joints to the timing, and slivers with them).
fn shifts(turn: &Turn) -> bool {
    turn.to_c.dist(turn.from_c) > SHIFT_EPS_M
        || turn.residual.iter().any(|r| r.norm() > SHIFT_EPS_M)
}

/// Residuals up to this are round-off, metres.
const SHIFT_EPS_M: f64 = 1e-9;

/// The whole turn's length on the timing of `shape` with legs of `leg_ms`, ms.
fn turn_span(shape: Shape, leg_ms: i64) -> i64 {
    let (p, starts) = timing(shape, leg_ms);
    starts.last().copied().unwrap_or(0) + p.total_ms
}

/// Drone `i`'s flight on the timing of `shape` with legs of `leg_ms` and corners `w`.
fn flight(turn: &Turn, from: Vec3, i: usize, w: &[C], shape: Shape, leg_ms: i64) -> Flight {
    let (profile, starts) = timing(shape, leg_ms);
    let (_, zeta) = turn.frame.split(from - turn.from_c);
    let mut legs: Vec<Leg> = starts
        .iter()
        .enumerate()
        .map(|(j, &s)| Leg {
            start_ms: s,
            delta: turn.frame.join(0.0, w[j + 1].sub(w[j]).mul(zeta)),
            profile,
        })
        .filter(|l| l.delta.norm() > 0.0)
        .collect();
    let shift = turn.to_c - turn.from_c + turn.residual[i];
    let span = starts.last().copied().unwrap_or(0) + profile.total_ms;
    if shifts(turn) {
        legs.push(Leg {
            start_ms: 0,
            delta: shift,
            profile: shift_profile(span),
        });
    }
    legs.sort_by_key(|l| l.start_ms);
    let to = from + legs.iter().fold(Vec3::ZERO, |a, l| a + l.delta);
    Flight { from, to, legs }
}

/// The drones that bound the fleet's speeds: for each of 32 directions across the axis,
/// the one reaching farthest that way (speeds are the shared path's rate times the
/// offset across the axis, turned).
fn speed_witnesses(turn: &Turn, from: &[Vec3]) -> Vec<usize> {
    let zs: Vec<C> = from
        .iter()
        .map(|p| turn.frame.split(*p - turn.from_c).1)
        .collect();
    let mut out: Vec<usize> = (0..32)
        .filter_map(|k| {
            let dir = C::polar(1.0, k as f64 * std::f64::consts::TAU / 32.0);
            (0..zs.len()).max_by(|&a, &b| {
                let (pa, pb) = (
                    zs[a].0 * dir.0 + zs[a].1 * dir.1,
                    zs[b].0 * dir.0 + zs[b].1 * dir.1,
                );
                pa.total_cmp(&pb).then(b.cmp(&a))
            })
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The highest and lowest altitude a flight reaches (exactly: between joints the altitude
/// is a quadratic in time).
fn altitude_range(f: &Flight) -> (f64, f64) {
    let (mut lo, mut hi) = (f.from.z.min(f.to.z), f.from.z.max(f.to.z));
    let joints = f.joints();
    for w in joints.windows(2) {
        let (p, v, a) = f.state(w[0]);
        let len = (w[1] - w[0]) as f64 / 1000.0;
        let mut at = |s: f64| {
            let z = p.z + v.z * s + 0.5 * a.z * s * s;
            lo = lo.min(z);
            hi = hi.max(z);
        };
        at(len);
        if a.z != 0.0 {
            let s = -v.z / a.z;
            if s > 0.0 && s < len {
                at(s);
            }
        }
    }
    (lo, hi)
}

/// A rigid turn from `from` onto the set `to` shorter than `better_than_ms`, safe and
/// within the limits and the altitude band, if `to` is `from` turned about an axis.
pub(crate) fn plan_turn(
    from: &[Vec3],
    to: &[Vec3],
    limits: &Limits,
    opts: &PlanOptions,
    band: (f64, f64),
    min_ms: i64,
    better_than_ms: i64,
) -> Option<Turned> {
    let d = limits.min_distance_m;
    if from.len() < 2 || from.len() != to.len() {
        return None;
    }
    let turn = find_turn(from, to, 1e-3 * d, 0.25 * d)?;
    let spacing = |p: &[Vec3]| min_spacing(p).map_or(f64::INFINITY, |s| s.0);
    let (sa, sb) = (spacing(from), spacing(to));
    // Distances may shrink by `|z|` only as far as the start's spacing allows.
    let floor = (d / sa).min(1.0);
    let shifts = shifts(&turn);
    let (shape, w, leg_ms) = best_shape(&turn, from, floor, shifts, limits, opts)?;
    let mut flights = turn_flights(
        &turn,
        from,
        (shape, &w, leg_ms),
        shifts,
        limits,
        opts,
        (min_ms, better_than_ms),
    )?;
    for (f, &j) in flights.iter_mut().zip(&turn.target_of) {
        f.to = to[j];
    }
    let in_band = flights.par_iter().all(|f| {
        let (lo, hi) = altitude_range(f);
        lo >= band.0 - 1e-9 && hi <= band.1 + 1e-9 && f.flyable(limits, opts.headroom)
    });
    if !in_band {
        return None;
    }
    let reach = d.max(sa.min(sb).min(1e6) * 1.0001 + 1e-9);
    let cl = fleet_clearance(&flights, d, reach);
    let min_m = cl.min_m.min(sa).min(sb);
    (cl.conflicts.is_empty() && min_m >= d - 1e-9).then_some(Turned {
        flights,
        target_of: turn.target_of,
        min_distance_m: min_m,
    })
}

/// The shape whose whole turn is shortest on the drones that bound the speeds, with its
/// corners and the leg length (ms) that keeps the limits and leaves no sliver.
fn best_shape(
    turn: &Turn,
    from: &[Vec3],
    floor: f64,
    shifts: bool,
    limits: &Limits,
    opts: &PlanOptions,
) -> Option<(Shape, Vec<C>, f64)> {
    let witnesses = speed_witnesses(turn, from);
    let mut best: Option<(i64, Shape, Vec<C>, f64)> = None;
    for legs in LEGS {
        for overlap in OVERLAPS {
            for ramp in RAMPS {
                let shape = Shape {
                    legs,
                    overlap,
                    ramp,
                };
                let Some(rho) = corner_radius(turn.angle, shape, floor) else {
                    continue;
                };
                let w = corners(turn.angle, legs, rho);
                let excess = witnesses
                    .iter()
                    .map(|&i| {
                        flight(turn, from[i], i, &w, shape, LEG_MS).excess(limits, opts.headroom)
                    })
                    .fold(0.0, f64::max);
                // Legs whose phases change a sliver apart cannot be written within the
                // limits (see `sliver_free`): the nearest longer leg that leaves none.
                let first = ((LEG_MS as f64 * excess).ceil() as i64).max(2);
                let Some(leg_ms) = (first..first + MIN_CURVED_PIECE_MS)
                    .find(|&l| sliver_free(&shared_timings(shape, l, shifts)))
                else {
                    continue;
                };
                // The whole turn's length decides, not a leg's: many short legs one after
                // the other take longer than a few overlapping ones.
                let span = turn_span(shape, leg_ms);
                if best.as_ref().is_none_or(|b| span < b.0) {
                    best = Some((span, shape, w, leg_ms as f64));
                }
            }
        }
    }
    best.map(|(_, shape, w, leg_ms)| (shape, w, leg_ms))
}

/// Every drone's flight on the timing of `shape` with corners `w`, its legs lasting about
/// `leg_ms` (lengthened to the limits, to `min_ms` for the whole turn, and to the nearest
/// timing whose legs leave no sliver); `None` if none was found shorter than
/// `better_than_ms`.
fn turn_flights(
    turn: &Turn,
    from: &[Vec3],
    (shape, w, leg_ms): (Shape, &[C], f64),
    shifts: bool,
    limits: &Limits,
    opts: &PlanOptions,
    (min_ms, better_than_ms): (i64, i64),
) -> Option<Vec<Flight>> {
    // The whole turn lasts `(legs − 1)·overlap + 1` legs.
    let span = |leg_ms: i64| turn_span(shape, leg_ms);
    let mut leg_ms = (leg_ms.ceil() as i64).max(2);
    while span(leg_ms) < min_ms {
        leg_ms += (leg_ms / 100).max(1);
    }
    // Built on the exact millisecond timing; the witnesses bound the speeds up to the
    // rounding, which a longer leg absorbs.
    for _ in 0..4 {
        leg_ms = (leg_ms..leg_ms + MIN_CURVED_PIECE_MS)
            .find(|&l| sliver_free(&shared_timings(shape, l, shifts)))?;
        if span(leg_ms) >= better_than_ms {
            return None;
        }
        let flights: Vec<Flight> = (0..from.len())
            .into_par_iter()
            .map(|i| flight(turn, from[i], i, w, shape, leg_ms))
            .collect();
        let e = flights
            .par_iter()
            .map(|f| f.excess(limits, opts.headroom))
            .reduce(|| 0.0, f64::max);
        if e <= 1.0 + 1e-9 {
            return Some(flights);
        }
        leg_ms = (leg_ms as f64 * e).ceil() as i64 + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(cols: usize, rows: usize, s: f64, c: Vec3) -> Vec<Vec3> {
        let mut v = Vec::new();
        for r in 0..rows {
            for k in 0..cols {
                let y = (k as f64 - (cols as f64 - 1.0) / 2.0) * s;
                let z = (r as f64 - (rows as f64 - 1.0) / 2.0) * s;
                v.push(c + Vec3::new(0.0, y, z));
            }
        }
        v
    }

    #[test]
    fn the_shared_path_keeps_out_of_the_unit_disc() {
        let shape = Shape {
            legs: 6,
            overlap: 0.4,
            ramp: 0.3,
        };
        let angle = std::f64::consts::FRAC_PI_2;
        let rho = corner_radius(angle, shape, 1.0).unwrap();
        assert!(rho > 1.0 && rho < 1.2, "{rho}");
        let (p, s) = timing(shape, LEG_MS);
        assert!(min_modulus(&corners(angle, 6, rho), p, &s) >= 1.0);
        // On the unit circle itself, the chords cut inside.
        assert!(min_modulus(&corners(angle, 6, 1.0), p, &s) < 0.99);
    }

    /// The rigid turn from `a` onto `b` in a wide band, with nothing to beat.
    fn turned(a: &[Vec3], b: &[Vec3], limits: &Limits) -> Turned {
        let opts = PlanOptions::DEFAULT;
        plan_turn(a, b, limits, &opts, (5.0, 120.0), 0, i64::MAX).unwrap()
    }

    #[test]
    fn the_turn_flown_is_the_shortest_whole_turn_not_the_shortest_leg() {
        // A flat 20 × 10 picture at exactly 3 m turned a quarter about the vertical: its
        // corners, 31.5 m out, sweep 49.5 m, at least 6.2 s at 8 m/s. Choosing the shape
        // with the shortest leg flew twelve legs one after the other: 26.8 s.
        let c = Vec3::new(0.0, 0.0, 40.0);
        let mut a = Vec::new();
        for r in 0..10 {
            for k in 0..20 {
                let x = (k as f64 - 9.5) * 3.0;
                let y = (r as f64 - 4.5) * 3.0;
                a.push(c + Vec3::new(x, y, 0.0));
            }
        }
        let b: Vec<Vec3> = a
            .iter()
            .map(|p| {
                let r = *p - c;
                c + Vec3::new(-r.y, r.x, 0.0)
            })
            .collect();
        let limits = Limits::DEFAULT;
        let t = turned(&a, &b, &limits);
        let span = t.flights.iter().map(Flight::arrival_ms).max().unwrap();
        assert!(span <= 10_000, "{span} ms");
        assert!(t.min_distance_m >= 3.0 - 1e-9);
        for (i, f) in t.flights.iter().enumerate() {
            assert!(f.flyable(&limits, 0.99));
            let (end, _, _) = f.state(f.arrival_ms());
            assert!(end.dist(b[t.target_of[i]]) < 1e-6);
        }
    }

    #[test]
    fn a_quarter_turn_at_exact_spacing_is_found_and_flown_safely() {
        let c = Vec3::new(0.0, 0.0, 60.0);
        let a = rect(20, 10, 3.0, c);
        let b: Vec<Vec3> = a
            .iter()
            .map(|p| {
                let r = *p - c;
                c + Vec3::new(5.0, -r.z, r.y)
            })
            .collect();
        let turn = find_turn(&a, &b, 3e-3, 0.75).unwrap();
        assert!((turn.angle.abs() - std::f64::consts::FRAC_PI_2).abs() < 1e-9);
        let limits = Limits::DEFAULT;
        let t = turned(&a, &b, &limits);
        assert!(t.min_distance_m >= 3.0 - 1e-9);
        for (i, f) in t.flights.iter().enumerate() {
            assert!(f.within(&limits, 0.99));
            let (end, _, _) = f.state(f.arrival_ms());
            assert!(end.dist(b[t.target_of[i]]) < 1e-9);
        }
        // A set that is not a turn of the start is not one.
        let mut other = b.clone();
        other[7].x += 1.0;
        assert!(find_turn(&a, &other, 3e-3, 0.75).is_none());
    }
}
