//! `Profile`: the time-optimal rest-to-rest progress curve β(t) from 0 to 1, on a 1 ms grid.
//!
//! Every drone of a synchronised move flies `x(t) = a + β(t)·(b − a)`. β accelerates at a
//! constant rate, cruises, and decelerates (trapezoidal velocity), so velocity is continuous
//! and acceleration bounded. All joint times are whole milliseconds, so keyframe times in the
//! exported files are exact and the velocity stays continuous after export.

use skyshow_model::{Limits, Segment, Vec3};

/// A rest-to-rest progress profile: duration `total_ms`, acceleration phase `ramp_ms`
/// (equal to the deceleration phase), cruise progress rate `rate` (1/s).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Profile {
    /// Duration, milliseconds.
    pub total_ms: i64,
    /// Length of the acceleration (and the deceleration) phase, milliseconds.
    pub ramp_ms: i64,
}

/// The largest progress rate and acceleration allowed for moving `delta` under `limits`
/// scaled by `headroom` (≤ 1): `(V, A)` with `|β'| ≤ V`, `|β''| ≤ A`.
pub fn rate_limits(delta: Vec3, limits: &Limits, headroom: f64) -> (f64, f64) {
    let mut v = f64::INFINITY;
    let xy = delta.norm_xy();
    if xy > 0.0 {
        v = v.min(limits.max_speed_xy_m_s * headroom / xy);
    }
    if delta.z > 0.0 {
        v = v.min(limits.max_speed_up_m_s * headroom / delta.z);
    } else if delta.z < 0.0 {
        v = v.min(limits.max_speed_down_m_s * headroom / -delta.z);
    }
    let n = delta.norm();
    let a = if n > 0.0 {
        limits.max_accel_m_s2 * headroom / n
    } else {
        f64::INFINITY
    };
    (v, a)
}

impl Profile {
    /// A zero-length profile (nothing moves).
    pub const NONE: Profile = Profile {
        total_ms: 0,
        ramp_ms: 0,
    };

    /// Minimum time (seconds, continuous) to go from rest to rest over a unit distance with
    /// rate limit `v` and acceleration limit `a`.
    pub fn min_time_s(v: f64, a: f64) -> f64 {
        if !v.is_finite() || !a.is_finite() {
            return 0.0;
        }
        if v * v / a <= 1.0 {
            1.0 / v + v / a
        } else {
            2.0 / a.sqrt()
        }
    }

    /// The shortest profile on the millisecond grid that respects `v` and `a`, and lasts at
    /// least `min_ms`.
    pub fn fastest(v: f64, a: f64, min_ms: i64) -> Profile {
        if !v.is_finite() && !a.is_finite() {
            return if min_ms > 0 {
                Profile::fit(min_ms, v, a).unwrap_or(Profile::NONE)
            } else {
                Profile::NONE
            };
        }
        let t0 = (Profile::min_time_s(v, a) * 1000.0).ceil() as i64;
        let mut t = t0.max(min_ms).max(2);
        loop {
            if let Some(p) = Profile::fit(t, v, a) {
                return p;
            }
            t += 1;
        }
    }

    /// A profile lasting exactly `total_ms` within the limits, if one exists.
    pub fn fit(total_ms: i64, v: f64, a: f64) -> Option<Profile> {
        if total_ms < 2 {
            return None;
        }
        let t = total_ms as f64 / 1000.0;
        // Ramp r (s) must satisfy r·(t − r) ≥ 1/a (acceleration) and t − r ≥ 1/v (speed).
        let need = if a.is_finite() { 1.0 / a } else { 0.0 };
        let disc = t * t - 4.0 * need;
        if disc < 0.0 {
            return None;
        }
        let r_min = (t - disc.sqrt()) / 2.0;
        let mut ramp = ((r_min * 1000.0).ceil() as i64).max(1);
        // Guard against rounding: step up until the acceleration bound holds.
        while (ramp as f64 / 1000.0) * (t - ramp as f64 / 1000.0) < need * (1.0 - 1e-12)
            && ramp * 2 <= total_ms
        {
            ramp += 1;
        }
        if ramp * 2 > total_ms {
            return None;
        }
        let cruise_rate = 1.0 / (t - ramp as f64 / 1000.0);
        if v.is_finite() && cruise_rate > v * (1.0 + 1e-12) {
            return None;
        }
        Some(Profile {
            total_ms,
            ramp_ms: ramp,
        })
    }

    /// A profile lasting exactly `total_ms` within the limits that accelerates gently: its
    /// ramps take a third of the time each where the speed limit allows (the shortest
    /// ramps otherwise), so a drone given more time than it needs spreads its
    /// acceleration out instead of jerking into a slow cruise.
    pub fn gentle(total_ms: i64, v: f64, a: f64) -> Option<Profile> {
        let mut p = Profile::fit(total_ms, v, a)?;
        let third = total_ms / 3;
        if third > p.ramp_ms {
            let t = total_ms as f64 / 1000.0;
            let ok = |r: i64| !v.is_finite() || 1.0 / (t - r as f64 / 1000.0) <= v * (1.0 - 1e-12);
            // The cruise rate grows with the ramp: take the longest ramp up to a third
            // that keeps it within the speed limit.
            let (mut lo, mut hi) = (p.ramp_ms, third);
            if ok(hi) {
                lo = hi;
            } else {
                while hi - lo > 1 {
                    let mid = (lo + hi) / 2;
                    if ok(mid) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
            }
            p.ramp_ms = lo;
        }
        Some(p)
    }

    /// Duration, seconds.
    pub fn total_s(&self) -> f64 {
        self.total_ms as f64 / 1000.0
    }

    /// Cruise progress rate (1/s).
    pub fn rate(&self) -> f64 {
        1.0 / ((self.total_ms - self.ramp_ms) as f64 / 1000.0)
    }

    /// Progress acceleration during the ramps (1/s²).
    pub fn accel(&self) -> f64 {
        self.rate() / (self.ramp_ms as f64 / 1000.0)
    }

    /// Progress at `s` seconds after the start.
    pub fn beta(&self, s: f64) -> f64 {
        let t = self.total_s();
        if self.total_ms == 0 || s >= t {
            return 1.0;
        }
        if s <= 0.0 {
            return 0.0;
        }
        let r = self.ramp_ms as f64 / 1000.0;
        let (v, a) = (self.rate(), self.accel());
        if s < r {
            0.5 * a * s * s
        } else if s <= t - r {
            0.5 * a * r * r + v * (s - r)
        } else {
            let u = t - s;
            1.0 - 0.5 * a * u * u
        }
    }

    /// Progress rate (1/s) and progress acceleration (1/s²) at `ms` milliseconds after
    /// the start. At a phase boundary the acceleration is that of the phase starting
    /// there (the phases are decided on the exact millisecond grid).
    pub fn rate_accel(&self, ms: i64) -> (f64, f64) {
        if self.total_ms == 0 || ms >= self.total_ms || ms < 0 {
            return (0.0, 0.0);
        }
        let (v, a) = (self.rate(), self.accel());
        if ms < self.ramp_ms {
            (a * ms as f64 / 1000.0, a)
        } else if ms < self.total_ms - self.ramp_ms {
            (v, 0.0)
        } else {
            (a * (self.total_ms - ms) as f64 / 1000.0, -a)
        }
    }

    /// The times (ms after the start) where the acceleration changes.
    pub fn breaks_ms(&self) -> [i64; 4] {
        [0, self.ramp_ms, self.total_ms - self.ramp_ms, self.total_ms]
    }

    /// The segments of a straight move from `from` to `to` starting at `t0_ms`.
    /// A move of zero length gives a single hold segment.
    pub fn segments(&self, from: Vec3, to: Vec3, t0_ms: i64) -> Vec<Segment> {
        let t0 = t0_ms as f64 / 1000.0;
        let t_end = (t0_ms + self.total_ms) as f64 / 1000.0;
        if self.total_ms == 0 {
            return Vec::new();
        }
        if from == to {
            return vec![Segment::hold(t0, t_end, from)];
        }
        let d = to - from;
        let (r, total) = (self.ramp_ms, self.total_ms);
        let (v, a) = (self.rate(), self.accel());
        let rs = r as f64 / 1000.0;
        let b1 = 0.5 * a * rs * rs;
        let b2 = 1.0 - b1;
        let s = |ms: i64| (t0_ms + ms) as f64 / 1000.0;
        let mut out = Vec::with_capacity(3);
        out.push(Segment::from_power(
            s(0),
            s(r),
            [from, Vec3::ZERO, d * (0.5 * a), Vec3::ZERO],
        ));
        if total - 2 * r > 0 {
            out.push(Segment::from_power(
                s(r),
                s(total - r),
                [from + d * b1, d * v, Vec3::ZERO, Vec3::ZERO],
            ));
        }
        let mut last = Segment::from_power(
            s(total - r),
            s(total),
            [from + d * b2, d * v, d * (-0.5 * a), Vec3::ZERO],
        );
        // Land exactly on the target despite rounding.
        last.p[3] = to;
        out.push(last);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangle_and_trapezoid_minimum_times() {
        // Unit distance, v = 10, a = 4: triangle, 2/sqrt(4) = 1 s.
        assert!((Profile::min_time_s(10.0, 4.0) - 1.0).abs() < 1e-12);
        // v = 0.5, a = 4: trapezoid, 1/0.5 + 0.5/4 = 2.125 s.
        assert!((Profile::min_time_s(0.5, 4.0) - 2.125).abs() < 1e-12);
    }

    #[test]
    fn fastest_respects_limits_and_is_tight() {
        for &(v, a) in &[
            (0.08, 0.04),
            (0.5, 4.0),
            (10.0, 4.0),
            (0.013, 0.9),
            (1.0, 1e-3),
        ] {
            let p = Profile::fastest(v, a, 0);
            assert!(p.rate() <= v * (1.0 + 1e-9), "rate {} > {v}", p.rate());
            assert!(p.accel() <= a * (1.0 + 1e-9), "accel {} > {a}", p.accel());
            let tmin = Profile::min_time_s(v, a);
            assert!(p.total_s() >= tmin - 1e-9);
            assert!(p.total_s() <= tmin + 0.05, "{} vs {tmin}", p.total_s());
            assert!((p.beta(p.total_s()) - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn gentle_profiles_keep_the_limits_and_spread_acceleration() {
        for &(v, a, total) in &[(0.5, 4.0, 5_000), (0.2, 1.0, 30_000), (10.0, 40.0, 1_000)] {
            let fast = Profile::fit(total, v, a).unwrap();
            let p = Profile::gentle(total, v, a).unwrap();
            assert_eq!(p.total_ms, total);
            assert!(p.rate() <= v * (1.0 + 1e-9));
            assert!(p.accel() <= a * (1.0 + 1e-9));
            assert!(p.accel() <= fast.accel() + 1e-12);
            assert!(p.ramp_ms <= total / 3);
            assert!((p.beta(p.total_s()) - 1.0).abs() < 1e-12);
        }
        // Plenty of time: ramps of a third each.
        assert_eq!(Profile::gentle(30_000, 0.2, 1.0).unwrap().ramp_ms, 10_000);
    }

    #[test]
    fn segments_are_continuous_in_velocity() {
        let p = Profile::fastest(0.1, 0.05, 0);
        let a = Vec3::new(0.0, 0.0, 10.0);
        let b = Vec3::new(40.0, -30.0, 60.0);
        let segs = p.segments(a, b, 5_000);
        assert_eq!(segs[0].start(), a);
        assert_eq!(segs.last().unwrap().end(), b);
        for w in segs.windows(2) {
            assert!(w[0].end().dist(w[1].start()) < 1e-9);
            assert!(w[0].velocity(w[0].t1).dist(w[1].velocity(w[1].t0)) < 1e-9);
        }
        assert!(segs[0].velocity(segs[0].t0).norm() < 1e-12);
        let last = segs.last().unwrap();
        assert!(last.velocity(last.t1).norm() < 1e-9);
        // The path follows β.
        for k in 0..=20 {
            let s = p.total_s() * k as f64 / 20.0;
            let want = a.lerp(b, p.beta(s));
            let t = 5.0 + s;
            let i = segs.iter().position(|g| g.t1 >= t - 1e-12).unwrap();
            assert!(segs[i].position(t).dist(want) < 1e-9);
        }
    }
}
