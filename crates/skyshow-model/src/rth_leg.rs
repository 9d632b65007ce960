//! `RthLeg`: a straight piece of an emergency-return flight at constant velocity, and the
//! exact closest approach of two such flights.

use crate::Vec3;

/// A straight piece of a flight, at constant velocity from `from` at `t0` to `to` at `t1`
/// (seconds, show clock). A hold is a leg whose ends coincide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RthLeg {
    /// Start time, seconds.
    pub t0: f64,
    /// End time, seconds.
    pub t1: f64,
    /// Position at `t0`.
    pub from: Vec3,
    /// Position at `t1`.
    pub to: Vec3,
}

impl RthLeg {
    /// Position at `t` (clamped to the leg).
    pub fn at(&self, t: f64) -> Vec3 {
        if self.t1 <= self.t0 {
            return self.to;
        }
        self.from.lerp(
            self.to,
            ((t - self.t0) / (self.t1 - self.t0)).clamp(0.0, 1.0),
        )
    }
}

/// Where a flight (legs back to back) is at `t`: before the first leg at its start, after
/// the last at its end (a landed drone stays where it landed).
pub fn flight_position(legs: &[RthLeg], t: f64) -> Vec3 {
    let k = legs.partition_point(|l| l.t1 < t);
    match legs.get(k) {
        Some(l) => l.at(t),
        None => legs.last().map_or(Vec3::ZERO, |l| l.to),
    }
}

/// The closest approach of two flights over all time, counted only while at least one of
/// the two is at or above `floor_z` (metres; the validator's rule: two drones both below
/// the minimum navigation altitude are not separated). Returns `(distance, time)`; exact,
/// as both flights are piecewise linear in time. Stops early, returning the first
/// approach found below `stop_below` (pass 0 for the true minimum).
pub fn flights_closest(
    a: &[RthLeg],
    b: &[RthLeg],
    floor_z: f64,
    stop_below: f64,
) -> Option<(f64, f64)> {
    let (Some(a0), Some(b0)) = (a.first(), b.first()) else {
        return None;
    };
    let mut cuts: Vec<f64> = Vec::with_capacity(4 * (a.len() + b.len()) + 2);
    cuts.push(a0.t0.min(b0.t0));
    for l in a.iter().chain(b) {
        cuts.push(l.t0);
        cuts.push(l.t1);
        // Where a leg crosses the floor, the pair may start or stop counting.
        let dz = l.to.z - l.from.z;
        if dz != 0.0 {
            let u = (floor_z - l.from.z) / dz;
            if u > 0.0 && u < 1.0 {
                cuts.push(l.t0 + u * (l.t1 - l.t0));
            }
        }
    }
    cuts.sort_by(f64::total_cmp);
    cuts.dedup();
    let mut best: Option<(f64, f64)> = None;
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let (pa, pb) = (flight_position(a, s), flight_position(b, s));
        let (qa, qb) = (flight_position(a, e), flight_position(b, e));
        let mid_a = flight_position(a, 0.5 * (s + e)).z;
        let mid_b = flight_position(b, 0.5 * (s + e)).z;
        if mid_a < floor_z && mid_b < floor_z {
            continue;
        }
        let r0 = pa - pb;
        let r1 = qa - qb;
        let dv = r1 - r0;
        let u = if dv.norm2() > 0.0 {
            (-r0.dot(dv) / dv.norm2()).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let d = (r0 + dv * u).norm();
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, s + u * (e - s)));
            if d < stop_below {
                return best;
            }
        }
    }
    // After both flights end the drones stay put: the last window's end covers it.
    if best.is_none() {
        let t = cuts.last().copied().unwrap_or(0.0);
        let (pa, pb) = (flight_position(a, t), flight_position(b, t));
        if pa.z >= floor_z || pb.z >= floor_z {
            best = Some((pa.dist(pb), t));
        }
    }
    best
}

/// The box that holds a whole flight: (min corner, max corner).
pub fn flight_bounds(legs: &[RthLeg]) -> (Vec3, Vec3) {
    let mut lo = Vec3::new(f64::INFINITY, f64::INFINITY, f64::INFINITY);
    let mut hi = Vec3::new(f64::NEG_INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for l in legs {
        lo = lo.min(l.from).min(l.to);
        hi = hi.max(l.from).max(l.to);
    }
    (lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leg(t0: f64, t1: f64, from: Vec3, to: Vec3) -> RthLeg {
        RthLeg { t0, t1, from, to }
    }

    #[test]
    fn crossing_flights_meet_at_the_planted_moment() {
        // Two drones cross at (5, 0, 10) at t = 5 when both leave at 0, and miss by the
        // second's delay times its speed when one waits.
        let a = [leg(
            0.0,
            10.0,
            Vec3::new(0.0, 0.0, 10.0),
            Vec3::new(10.0, 0.0, 10.0),
        )];
        let b = [leg(
            0.0,
            10.0,
            Vec3::new(5.0, -5.0, 10.0),
            Vec3::new(5.0, 5.0, 10.0),
        )];
        let (d, t) = flights_closest(&a, &b, 2.5, 0.0).unwrap();
        assert!(d < 1e-12 && (t - 5.0).abs() < 1e-12);
        let b2 = [
            leg(
                0.0,
                2.0,
                Vec3::new(5.0, -5.0, 10.0),
                Vec3::new(5.0, -5.0, 10.0),
            ),
            leg(
                2.0,
                12.0,
                Vec3::new(5.0, -5.0, 10.0),
                Vec3::new(5.0, 5.0, 10.0),
            ),
        ];
        let (d, _) = flights_closest(&a, &b2, 2.5, 0.0).unwrap();
        // Relative motion from t = 2: a at (2+s, 0), b at (5, -5+s): distance |(s-3, 5-s)|,
        // smallest at s = 4: √2.
        assert!((d - 2f64.sqrt()).abs() < 1e-9, "{d}");
    }

    #[test]
    fn landed_drones_stay_and_low_pairs_do_not_count() {
        let a = [leg(
            0.0,
            5.0,
            Vec3::new(0.0, 0.0, 10.0),
            Vec3::new(0.0, 0.0, 0.0),
        )];
        let b = [leg(
            0.0,
            5.0,
            Vec3::new(1.0, 0.0, 10.0),
            Vec3::new(1.0, 0.0, 0.0),
        )];
        // Both descend side by side 1 m apart: counted until both are below 2.5 m.
        let (d, t) = flights_closest(&a, &b, 2.5, 0.0).unwrap();
        assert!((d - 1.0).abs() < 1e-12 && t <= 3.75 + 1e-9);
        let c = [leg(
            0.0,
            1.0,
            Vec3::new(0.0, 0.0, 1.0),
            Vec3::new(0.0, 0.0, 0.0),
        )];
        let e = [leg(
            0.0,
            1.0,
            Vec3::new(0.5, 0.0, 1.0),
            Vec3::new(0.5, 0.0, 0.0),
        )];
        assert_eq!(flights_closest(&c, &e, 2.5, 0.0), None);
        // A flight passing over a landed drone, 3 m above it, long after it landed.
        let f = [leg(
            10.0,
            20.0,
            Vec3::new(-5.0, 0.0, 3.0),
            Vec3::new(5.0, 0.0, 3.0),
        )];
        let (d, t) = flights_closest(&c, &f, 2.5, 0.0).unwrap();
        assert!((d - 3.0).abs() < 1e-12 && (t - 15.0).abs() < 1e-9);
        assert_eq!(flight_position(&f, 30.0), Vec3::new(5.0, 0.0, 3.0));
        assert_eq!(flight_position(&f, 0.0), Vec3::new(-5.0, 0.0, 3.0));
    }
}
