//! `Flight`: one drone's motion during a transition, as a sum of straight rest-to-rest legs.
//!
//! Each leg moves the drone by a fixed vector on its own progress profile, starting at its
//! own time; legs may overlap. A straight line is one leg; a stop at a waypoint is two legs
//! one after the other; leaving a picture sideways while already flying towards the next
//! one is two overlapping legs. Every profile is piecewise quadratic in time with joints
//! on whole milliseconds, so the flight is too: between the joints of all its legs it is
//! one quadratic, exported exactly as a Bézier segment, whose speeds and acceleration are
//! checked exactly and whose distance to another flight is a quartic minimised in closed
//! form (`pair_check.rs`).

use skyshow_model::{Limits, Segment, Vec3};

use crate::profile::Profile;

/// The shortest piece of a multi-leg flight over which it accelerates, milliseconds. The
/// export rounds control points to 0.1 mm, which changes the acceleration of a quadratic
/// piece `h` seconds long by up to 4·10⁻⁴/h² m/s² per axis: 0.04 m/s² at 100 ms, the
/// margin the planner's headroom leaves at 4 m/s², but 16 m/s² at 5 ms. Two legs whose
/// phases change a few milliseconds apart leave such a sliver.
pub(crate) const MIN_CURVED_PIECE_MS: i64 = 100;

/// Whether legs flown on these timings (start, profile) leave no sliver: no curved piece
/// shorter than [`MIN_CURVED_PIECE_MS`] between consecutive joints of all of them, for a
/// drone that flies every one of them with any displacements, or only some of them (a
/// piece of a drone flying fewer legs is a union of these pieces, curved only where one
/// of them is).
pub(crate) fn sliver_free(timings: &[(i64, Profile)]) -> bool {
    let mut joints: Vec<i64> = timings
        .iter()
        .filter(|(_, p)| p.total_ms > 0)
        .flat_map(|(s, p)| p.breaks_ms().map(|b| s + b))
        .collect();
    joints.sort_unstable();
    joints.dedup();
    joints.windows(2).all(|w| {
        let (a, b) = (w[0], w[1]);
        // A piece between consecutive joints lies within one phase of every leg.
        b - a >= MIN_CURVED_PIECE_MS
            || timings.iter().all(|&(s, p)| {
                let ramping = (a >= s && b <= s + p.ramp_ms)
                    || (a >= s + p.total_ms - p.ramp_ms && b <= s + p.total_ms);
                p.total_ms == 0 || !ramping
            })
    })
}

/// One straight component of a flight: the drone is displaced by `delta` along
/// `profile`, starting `start_ms` after the move starts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Leg {
    /// When the leg starts, ms after the move starts.
    pub start_ms: i64,
    /// Displacement, metres.
    pub delta: Vec3,
    /// Progress profile.
    pub profile: Profile,
}

impl Leg {
    /// When the leg ends, ms after the move starts.
    pub fn end_ms(&self) -> i64 {
        self.start_ms + self.profile.total_ms
    }
}

/// A drone's flight from `from` to `to`: the sum of its legs.
#[derive(Clone, Debug, PartialEq)]
pub struct Flight {
    /// Where it starts.
    pub from: Vec3,
    /// Where it ends (`from` plus every leg's displacement, up to round-off).
    pub to: Vec3,
    /// The legs, by start time.
    pub legs: Vec<Leg>,
}

impl Flight {
    /// A drone that does not move.
    pub fn still(at: Vec3) -> Flight {
        Flight {
            from: at,
            to: at,
            legs: Vec::new(),
        }
    }

    /// A straight flight leaving at `start_ms` on `profile`.
    pub fn straight(from: Vec3, to: Vec3, start_ms: i64, profile: Profile) -> Flight {
        if from == to || profile.total_ms == 0 {
            return Flight::still(from);
        }
        Flight {
            from,
            to,
            legs: vec![Leg {
                start_ms,
                delta: to - from,
                profile,
            }],
        }
    }

    /// A flight through `points` (at least two), stopping at each, each leg leaving when
    /// the previous one arrives (the first at `start_ms`).
    pub fn through(points: &[Vec3], start_ms: i64, profiles: &[Profile]) -> Flight {
        let mut legs = Vec::new();
        let mut t = start_ms;
        for (w, p) in points.windows(2).zip(profiles) {
            if w[0] != w[1] && p.total_ms > 0 {
                legs.push(Leg {
                    start_ms: t,
                    delta: w[1] - w[0],
                    profile: *p,
                });
            }
            t += p.total_ms;
        }
        Flight {
            from: points[0],
            to: points[points.len() - 1],
            legs,
        }
    }

    /// When it starts moving, ms (0 for a drone that does not move).
    pub fn departure_ms(&self) -> i64 {
        self.legs.iter().map(|l| l.start_ms).min().unwrap_or(0)
    }

    /// When it is at rest at `to` for good, ms (0 for a drone that does not move).
    pub fn arrival_ms(&self) -> i64 {
        self.legs.iter().map(Leg::end_ms).max().unwrap_or(0)
    }

    /// Position, velocity and acceleration at `t` ms after the move starts; the
    /// acceleration is that of the phase starting at `t`.
    pub fn state(&self, t: i64) -> (Vec3, Vec3, Vec3) {
        if self.legs.is_empty() || t >= self.arrival_ms() {
            return (self.to, Vec3::ZERO, Vec3::ZERO);
        }
        let (mut p, mut v, mut a) = (self.from, Vec3::ZERO, Vec3::ZERO);
        for l in &self.legs {
            let ms = t - l.start_ms;
            if ms < 0 {
                continue;
            }
            if ms >= l.profile.total_ms {
                p += l.delta;
                continue;
            }
            let (rate, acc) = l.profile.rate_accel(ms);
            p += l.delta * l.profile.beta(ms as f64 / 1000.0);
            v += l.delta * rate;
            a += l.delta * acc;
        }
        (p, v, a)
    }

    /// Appends the times (ms) where the acceleration changes, unsorted.
    pub fn breaks(&self, out: &mut Vec<i64>) {
        for l in &self.legs {
            out.extend(l.profile.breaks_ms().iter().map(|b| l.start_ms + b));
        }
    }

    /// The joints of the flight, sorted and without repeats.
    pub fn joints(&self) -> Vec<i64> {
        let mut cuts = Vec::with_capacity(self.legs.len() * 4);
        self.breaks(&mut cuts);
        cuts.sort_unstable();
        cuts.dedup();
        cuts
    }

    /// The flight as Bézier segments when the move starts at `t0_ms`, from its departure
    /// to its arrival (the drone holds still before and after).
    pub fn segments(&self, t0_ms: i64) -> Vec<Segment> {
        let cuts = self.joints();
        let mut out = Vec::with_capacity(cuts.len());
        for w in cuts.windows(2) {
            if w[1] <= w[0] {
                continue;
            }
            let (p, v, a) = self.state(w[0]);
            let (s0, s1) = (
                (t0_ms + w[0]) as f64 / 1000.0,
                (t0_ms + w[1]) as f64 / 1000.0,
            );
            out.push(Segment::from_power(s0, s1, [p, v, a * 0.5, Vec3::ZERO]));
        }
        // Land exactly on the target despite rounding.
        if let Some(last) = out.last_mut() {
            last.p[3] = self.to;
        }
        out
    }

    /// The shortest piece between two joints over which the flight accelerates, ms
    /// (`i64::MAX` when there is none). Two legs whose phases end a few milliseconds
    /// apart leave such a sliver; the export rounds its control points to 0.1 mm, which on
    /// a piece `h` seconds long can change its acceleration by up to 4·10⁻⁴/h² m/s².
    pub fn shortest_curved_piece_ms(&self) -> i64 {
        self.joints()
            .windows(2)
            .filter(|w| w[1] > w[0] && self.state(w[0]).2 != Vec3::ZERO)
            .map(|w| w[1] - w[0])
            .min()
            .unwrap_or(i64::MAX)
    }

    /// Whether the flight keeps `limits` scaled by `headroom` as it will be written: within
    /// them exactly ([`Flight::within`]) and with no curved piece shorter than
    /// [`MIN_CURVED_PIECE_MS`] (whose rounded export would not be). Every flight of several
    /// legs the planner returns is flyable.
    pub fn flyable(&self, limits: &Limits, headroom: f64) -> bool {
        (self.legs.len() < 2 || self.shortest_curved_piece_ms() >= MIN_CURVED_PIECE_MS)
            && self.within(limits, headroom)
    }

    /// Whether the flight keeps `limits` scaled by `headroom`, exactly: between joints the
    /// velocity is linear in time, so the horizontal speed (convex) and the climb and
    /// descent rates peak at the joints, and the acceleration is constant.
    pub fn within(&self, limits: &Limits, headroom: f64) -> bool {
        self.excess(limits, headroom) <= 1.0 + 1e-9
    }

    /// By how much the flight exceeds `limits` scaled by `headroom`: the largest of the
    /// ratios of its peak horizontal speed, climb rate, descent rate to their limits and
    /// the square root of its peak acceleration's ratio (the factor by which flying it
    /// more slowly, all times stretched alike, brings it within the limits). ≤ 1 when it
    /// keeps them.
    pub fn excess(&self, limits: &Limits, headroom: f64) -> f64 {
        let cuts = self.joints();
        let mut worst: f64 = 0.0;
        let (vxy, vup, vdn, acc) = (
            limits.max_speed_xy_m_s * headroom,
            limits.max_speed_up_m_s * headroom,
            limits.max_speed_down_m_s * headroom,
            limits.max_accel_m_s2 * headroom,
        );
        for w in cuts.windows(2) {
            let (_, v0, a) = self.state(w[0]);
            let v1 = v0 + a * ((w[1] - w[0]) as f64 / 1000.0);
            for v in [v0, v1] {
                worst = worst.max(v.norm_xy() / vxy).max(v.z / vup).max(-v.z / vdn);
            }
            worst = worst.max((a.norm() / acc).sqrt());
        }
        worst
    }

    /// The flight with every time stretched by `factor` (≥ 1), rounded up to whole
    /// milliseconds: the same path, flown more slowly.
    pub fn stretched(&self, factor: f64) -> Flight {
        let s = |ms: i64| (ms as f64 * factor).ceil() as i64;
        Flight {
            from: self.from,
            to: self.to,
            legs: self
                .legs
                .iter()
                .map(|l| Leg {
                    start_ms: s(l.start_ms),
                    delta: l.delta,
                    profile: Profile {
                        total_ms: s(l.profile.total_ms).max(2 * s(l.profile.ramp_ms)),
                        ramp_ms: s(l.profile.ramp_ms),
                    },
                })
                .collect(),
        }
    }

    /// The same flight started `ms` later.
    pub fn delayed(&self, ms: i64) -> Flight {
        let mut f = self.clone();
        for l in &mut f.legs {
            l.start_ms += ms;
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(f: &Flight, t: f64) -> Vec3 {
        let mut p = f.from;
        for l in &f.legs {
            let s = t - l.start_ms as f64 / 1000.0;
            if s > 0.0 {
                p += l.delta * l.profile.beta(s);
            }
        }
        p
    }

    #[test]
    fn overlapping_legs_export_exactly() {
        let a = Vec3::new(0.0, 0.0, 40.0);
        let main = Profile::fastest(0.2, 0.3, 0);
        let side = Profile::fastest(0.5, 1.0, 0);
        let f = Flight {
            from: a,
            to: a + Vec3::new(0.0, 20.0, 5.0),
            legs: vec![
                Leg {
                    start_ms: 0,
                    delta: Vec3::new(2.0, 0.0, 0.0),
                    profile: side,
                },
                Leg {
                    start_ms: 300,
                    delta: Vec3::new(0.0, 20.0, 5.0),
                    profile: main,
                },
                Leg {
                    start_ms: 300 + main.total_ms - side.total_ms,
                    delta: Vec3::new(-2.0, 0.0, 0.0),
                    profile: side,
                },
            ],
        };
        let segs = f.segments(1_000);
        assert!(segs[0].start().dist(a) < 1e-12);
        assert!(segs.last().unwrap().end().dist(f.to) < 1e-9);
        for w in segs.windows(2) {
            assert!(w[0].end().dist(w[1].start()) < 1e-9);
            assert!(w[0].velocity(w[0].t1).dist(w[1].velocity(w[1].t0)) < 1e-9);
        }
        for s in &segs {
            for k in 0..=10 {
                let t = s.t0 + (s.t1 - s.t0) * k as f64 / 10.0;
                assert!(s.position(t).dist(sample(&f, t - 1.0)) < 1e-9);
            }
        }
    }

    #[test]
    fn excess_is_exact_and_stretching_removes_it() {
        let limits = Limits::DEFAULT;
        let a = Vec3::new(0.0, 0.0, 40.0);
        let b = Vec3::new(30.0, 10.0, 60.0);
        let (v, acc) = crate::profile::rate_limits(b - a, &limits, 1.0);
        let p = Profile::fastest(v, acc, 0);
        let f = Flight::straight(a, b, 0, p);
        let e = f.excess(&limits, 1.0);
        assert!(e <= 1.0 + 1e-9 && e > 0.95, "{e}");
        // Twice as fast is over the limits by about two.
        let fast = Flight::straight(
            a,
            b,
            0,
            Profile {
                total_ms: p.total_ms / 2,
                ramp_ms: p.ramp_ms / 2,
            },
        );
        let e2 = fast.excess(&limits, 1.0);
        assert!(e2 > 1.9, "{e2}");
        assert!(fast.stretched(e2).within(&limits, 1.0));
    }
}
