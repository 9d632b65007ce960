//! `Route`: the way one drone goes from its start to its target, and its flight for any
//! departure and arrival time.
//!
//! - A **line**: straight, stretched to fill the time it is given (gentle ramps). When that
//!   is too little for a straight line, whose single progress profile must accelerate the
//!   whole displacement together, the horizontal and vertical parts fly their own
//!   profiles (a slightly curved path): a vertical-speed-limited drone climbs on its own
//!   short ramps while it drifts sideways, reaching the per-axis lower bound more closely.
//! - A **via**: straight to a waypoint beside the line, stopping there, then on.
//! - A **bump**: the line, plus a sideways excursion out and back (out during the first
//!   third, back during the last): the drone passes the others at another depth without
//!   stopping.

use skyshow_model::{Limits, Vec3};

use crate::flight::{Flight, Leg, MIN_CURVED_PIECE_MS};
use crate::profile::{Profile, rate_limits};
use crate::transition::min_flight_time_s;

/// The shortest a drone's own leg lasts, milliseconds. Legs of a few millimetres would
/// otherwise be flown in a few milliseconds, at full acceleration, where the rounding of
/// exported coordinates to millimetres would break the acceleration limit.
pub(crate) const MIN_LEG_MS: i64 = 1000;

/// The kind of a route.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum RouteKind {
    /// Straight (or per axis when pressed for time).
    Line,
    /// Through a waypoint, stopping there.
    Via(Vec3),
    /// The line plus a sideways excursion by this offset.
    Bump(Vec3),
}

/// A drone's route and its fastest flight time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Route {
    /// Start.
    pub from: Vec3,
    /// Target.
    pub to: Vec3,
    /// Kind.
    pub kind: RouteKind,
    /// The shortest time the route takes, ms.
    pub fastest_ms: i64,
    /// Straight line's fastest time, ms.
    straight_ms: i64,
    /// Per-axis fastest time, ms (`i64::MAX` when not shorter than straight).
    axes_ms: i64,
}

/// The limits a route is flown under.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Envelope<'a> {
    /// Limits.
    pub limits: &'a Limits,
    /// Fraction of them used.
    pub headroom: f64,
}

impl Envelope<'_> {
    fn rates(&self, delta: Vec3) -> (f64, f64) {
        rate_limits(delta, self.limits, self.headroom)
    }

    fn fastest(&self, delta: Vec3) -> Profile {
        let (v, a) = self.rates(delta);
        Profile::fastest(v, a, MIN_LEG_MS)
    }
}

/// A straight flight filling `[delay, end]` on gentle ramps, or at its fastest from
/// `delay` when that is too short.
fn line_flight(from: Vec3, to: Vec3, delay: i64, end: i64, env: &Envelope<'_>) -> Flight {
    let (v, a) = env.rates(to - from);
    let fastest = Profile::fastest(v, a, MIN_LEG_MS);
    let p = if delay + fastest.total_ms <= end {
        Profile::gentle(end - delay, v, a).unwrap_or(fastest)
    } else {
        fastest
    };
    Flight::straight(from, to, delay, p)
}

/// The horizontal and the vertical part of `from → to` each on its own profile, both
/// lasting `total_ms` from `delay`, if that keeps the limits.
fn axes_flight(
    from: Vec3,
    to: Vec3,
    delay: i64,
    total_ms: i64,
    env: &Envelope<'_>,
) -> Option<Flight> {
    let d = to - from;
    let (h, z) = (Vec3::new(d.x, d.y, 0.0), Vec3::new(0.0, 0.0, d.z));
    if h.norm() < 1e-9 || z.norm() < 1e-9 || total_ms < 2 {
        return None;
    }
    let l = env.limits;
    let vz = if d.z > 0.0 {
        l.max_speed_up_m_s
    } else {
        l.max_speed_down_m_s
    } * env.headroom;
    let vh = l.max_speed_xy_m_s * env.headroom;
    let ramp = |dist: f64, v: f64| -> Option<i64> {
        // Cruise dist/(T − r) ≤ v: r ≤ T − dist/v; the gentlest ramp is T/2.
        let r = ((total_ms as f64 - dist / v * 1000.0).floor() as i64).min(total_ms / 2);
        (r >= 1).then_some(r)
    };
    let (mut rh, mut rz) = (ramp(h.norm(), vh)?, ramp(d.z.abs(), vz)?);
    // Ramps ending a few milliseconds apart would leave a sliver between their ends: one
    // ramp for both (the shorter keeps both speeds; the limits are checked below).
    if (rh - rz).abs() < MIN_CURVED_PIECE_MS {
        (rh, rz) = (rh.min(rz), rh.min(rz));
    }
    let legs = vec![
        Leg {
            start_ms: delay,
            delta: h,
            profile: Profile {
                total_ms,
                ramp_ms: rh,
            },
        },
        Leg {
            start_ms: delay,
            delta: z,
            profile: Profile {
                total_ms,
                ramp_ms: rz,
            },
        },
    ];
    let f = Flight { from, to, legs };
    f.flyable(env.limits, env.headroom).then_some(f)
}

/// The shortest per-axis flight, ms, if shorter than `straight_ms`.
fn axes_fastest(from: Vec3, to: Vec3, straight_ms: i64, env: &Envelope<'_>) -> i64 {
    let lo0 = (min_flight_time_s(to - from, env.limits) * 1000.0).floor() as i64;
    let hi0 = straight_ms - 1;
    if hi0 <= lo0.max(MIN_LEG_MS) || axes_flight(from, to, 0, hi0, env).is_none() {
        return i64::MAX;
    }
    let (mut lo, mut hi) = (lo0.max(MIN_LEG_MS) - 1, hi0);
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if axes_flight(from, to, 0, mid, env).is_some() {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

impl Route {
    /// The straight route (per axis when pressed for time).
    pub(crate) fn line(from: Vec3, to: Vec3, env: &Envelope<'_>) -> Route {
        let straight_ms = if from == to {
            0
        } else {
            env.fastest(to - from).total_ms
        };
        let axes_ms = if from == to {
            i64::MAX
        } else {
            axes_fastest(from, to, straight_ms, env)
        };
        Route {
            from,
            to,
            kind: RouteKind::Line,
            fastest_ms: straight_ms.min(axes_ms),
            straight_ms,
            axes_ms,
        }
    }

    /// Through the waypoint `w`, stopping there.
    pub(crate) fn via(from: Vec3, w: Vec3, to: Vec3, env: &Envelope<'_>) -> Route {
        let t = env.fastest(w - from).total_ms + env.fastest(to - w).total_ms;
        Route {
            from,
            to,
            kind: RouteKind::Via(w),
            fastest_ms: t,
            straight_ms: t,
            axes_ms: i64::MAX,
        }
    }

    /// The line with a sideways excursion by `offset`, if its limits allow one in less
    /// than `max_ms`.
    pub(crate) fn bump(
        from: Vec3,
        to: Vec3,
        offset: Vec3,
        max_ms: i64,
        env: &Envelope<'_>,
    ) -> Option<Route> {
        let lo = env
            .fastest(to - from)
            .total_ms
            .max(env.fastest(offset).total_ms * 3);
        let mut r = Route {
            from,
            to,
            kind: RouteKind::Bump(offset),
            fastest_ms: lo,
            straight_ms: lo,
            axes_ms: i64::MAX,
        };
        r.bump_flight(0, max_ms, env)?;
        let (mut a, mut b) = (lo - 1, max_ms);
        if r.bump_flight(0, lo, env).is_some() {
            b = lo;
        }
        while b - a > 1 {
            let mid = (a + b) / 2;
            if r.bump_flight(0, mid, env).is_some() {
                b = mid;
            } else {
                a = mid;
            }
        }
        r.fastest_ms = b;
        r.straight_ms = b;
        Some(r)
    }

    fn bump_flight(&self, delay: i64, total: i64, env: &Envelope<'_>) -> Option<Flight> {
        let RouteKind::Bump(o) = self.kind else {
            return None;
        };
        let (v, a) = env.rates(self.to - self.from);
        let main = Profile::gentle(total, v, a)?;
        let (bv, ba) = env.rates(o);
        // Out during the first third, back during the last; when the main leg's ramps are
        // held a little shorter than a third by the speed limit, out and back during its
        // ramps instead (else their ends would be a sliver apart).
        let mut side_ms = total / 3;
        if (side_ms - main.ramp_ms).abs() < MIN_CURVED_PIECE_MS {
            side_ms = main.ramp_ms;
        }
        let side = Profile::gentle(side_ms, bv, ba)?;
        let f = Flight {
            from: self.from,
            to: self.to,
            legs: vec![
                Leg {
                    start_ms: delay,
                    delta: self.to - self.from,
                    profile: main,
                },
                Leg {
                    start_ms: delay,
                    delta: o,
                    profile: side,
                },
                Leg {
                    start_ms: delay + total - side.total_ms,
                    delta: o * -1.0,
                    profile: side,
                },
            ],
        };
        f.flyable(env.limits, env.headroom).then_some(f)
    }

    /// The straight flight filling `[0, end]` on ramps of `ramp_ms` where its limits allow
    /// (the ramp closest to it where they do not), so that drones given the same ramp fly
    /// the same progress profile — synchronised, as CAPT flies them; `None` when a
    /// straight line cannot fill the time.
    pub(crate) fn synchronised(
        &self,
        end: i64,
        ramp_ms: i64,
        env: &Envelope<'_>,
    ) -> Option<Flight> {
        if self.kind != RouteKind::Line || self.from == self.to {
            return (self.from == self.to).then(|| Flight::still(self.from));
        }
        if end < self.straight_ms {
            return None;
        }
        let (v, a) = env.rates(self.to - self.from);
        let t = end as f64 / 1000.0;
        // Speed: t − r ≥ 1/v; acceleration: r (t − r) ≥ 1/a.
        let r_max = if v.is_finite() { t - 1.0 / v } else { t / 2.0 }.min(t / 2.0);
        let need = if a.is_finite() { 1.0 / a } else { 0.0 };
        let r_min = (t - (t * t - 4.0 * need).max(0.0).sqrt()) / 2.0;
        let r = (ramp_ms as f64 / 1000.0).clamp(r_min, r_max.max(r_min));
        let mut ms = ((r * 1000.0).round() as i64).clamp(1, end / 2);
        // Round-off: step towards a ramp the limits accept.
        for _ in 0..4 {
            if Profile::fit(end, v, a).is_none() {
                break;
            }
            let p = Profile {
                total_ms: end,
                ramp_ms: ms,
            };
            if p.rate() <= v * (1.0 + 1e-12) && p.accel() <= a * (1.0 + 1e-12) {
                return Some(Flight::straight(self.from, self.to, 0, p));
            }
            ms = if p.rate() > v * (1.0 + 1e-12) {
                ms - 1
            } else {
                ms + 1
            }
            .clamp(1, end / 2);
        }
        Some(line_flight(self.from, self.to, 0, end, env))
    }

    /// The flight leaving at `delay`, arriving by `end` if the route allows (stretched to
    /// fill the time on gentle ramps), else as soon as it can.
    pub(crate) fn flight(&self, delay: i64, end: i64, env: &Envelope<'_>) -> Flight {
        let window = end - delay;
        match self.kind {
            RouteKind::Line => {
                if self.from == self.to {
                    return Flight::still(self.from);
                }
                if window < self.straight_ms
                    && window >= self.axes_ms
                    && let Some(f) = axes_flight(self.from, self.to, delay, window, env)
                {
                    return f;
                }
                if self.axes_ms < self.straight_ms
                    && window < self.axes_ms
                    && let Some(f) = axes_flight(self.from, self.to, delay, self.axes_ms, env)
                {
                    return f;
                }
                line_flight(self.from, self.to, delay, end, env)
            }
            RouteKind::Via(w) => {
                let (p1, p2) = (env.fastest(w - self.from), env.fastest(self.to - w));
                Flight::through(&[self.from, w, self.to], delay, &[p1, p2])
            }
            RouteKind::Bump(_) => self
                .bump_flight(delay, window.max(self.fastest_ms), env)
                .or_else(|| self.bump_flight(delay, self.fastest_ms, env))
                .unwrap_or_else(|| line_flight(self.from, self.to, delay, end, env)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_axis_flight_beats_a_straight_line_held_back_by_the_climb_rate() {
        let limits = Limits::DEFAULT;
        let env = Envelope {
            limits: &limits,
            headroom: 0.99,
        };
        let (a, b) = (Vec3::new(0.0, 0.0, 30.0), Vec3::new(30.0, 0.0, 42.0));
        let r = Route::line(a, b, &env);
        assert!(r.axes_ms < r.straight_ms, "{r:?}");
        let bound = (min_flight_time_s(b - a, &limits) * 1000.0) as i64;
        assert!(
            r.fastest_ms as f64 <= bound as f64 * 1.06,
            "{} vs {bound}",
            r.fastest_ms
        );
        let f = r.flight(500, 500 + r.fastest_ms, &env);
        assert!(f.within(&limits, 0.99));
        assert_eq!(f.arrival_ms(), 500 + r.fastest_ms);
        assert!(f.state(f.arrival_ms()).0.dist(b) < 1e-12);
        let segs = f.segments(0);
        assert!(segs.last().unwrap().end().dist(b) < 1e-12);
    }

    #[test]
    fn flights_have_no_sliver_of_a_curved_piece() {
        // Two legs whose phases end a few ms apart leave a quadratic piece of a few ms
        // that the export's rounding makes tens of m/s² (a bump whose main leg's ramps are
        // held 2 ms short of a third left 2 ms pieces: 50 m/s² in the glTF tube show).
        let limits = Limits::DEFAULT;
        let env = Envelope {
            limits: &limits,
            headroom: 0.99,
        };
        let a = Vec3::new(3.6577, -19.5009, 54.2862);
        let (mut axes, mut bumps) = (0, 0);
        for k in 0..40 {
            let b = Vec3::new(0.0, -55.7692 + 0.37 * k as f64, 40.0 - 0.11 * k as f64);
            let line = Route::line(a, b, &env);
            let bump = Route::bump(
                a,
                b,
                Vec3::new(3.0 + 0.1 * k as f64, 0.0, 0.0),
                60_000,
                &env,
            );
            for (r, lo, hi) in [
                (Some(line), line.axes_ms, line.straight_ms),
                (bump, line.straight_ms, line.straight_ms * 2),
            ] {
                let Some(r) = r else { continue };
                for window in (lo.max(r.fastest_ms)..hi).step_by(7) {
                    let f = r.flight(0, window, &env);
                    assert!(f.within(&limits, 0.99));
                    axes += usize::from(f.legs.len() == 2);
                    bumps += usize::from(f.legs.len() == 3);
                    assert!(
                        f.shortest_curved_piece_ms() >= MIN_CURVED_PIECE_MS,
                        "{b:?} in {window} ms: {:?}",
                        f.joints()
                    );
                }
            }
        }
        assert!(
            axes > 100 && bumps > 100,
            "{axes} per-axis flights, {bumps} bumps"
        );
    }

    #[test]
    fn bumps_keep_the_limits_and_reach_their_offset() {
        let limits = Limits::DEFAULT;
        let env = Envelope {
            limits: &limits,
            headroom: 0.99,
        };
        let (a, b) = (Vec3::new(0.0, 0.0, 40.0), Vec3::new(0.0, 20.0, 40.0));
        let o = Vec3::new(3.0, 0.0, 0.0);
        let r = Route::bump(a, b, o, 60_000, &env).unwrap();
        let f = r.flight(0, r.fastest_ms + 2_000, &env);
        assert!(f.within(&limits, 0.99));
        let mid = f.state(f.arrival_ms() / 2).0;
        assert!((mid.x - 3.0).abs() < 1e-9, "{mid:?}");
        assert!(f.state(f.arrival_ms()).0.dist(b) < 1e-12);
    }
}
