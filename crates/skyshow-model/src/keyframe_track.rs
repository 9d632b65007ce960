//! `KeyframeTrack`: one animated property (a glTF animation sampler with its channel's
//! target), sampled exactly as glTF 2.0 defines it: step, linear (spherical linear for
//! rotations) and cubic Hermite spline.

/// How a track moves between its keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interpolation {
    /// The value of the last key at or before the time.
    Step,
    /// Straight between keys; rotations spherically (slerp, the shorter way round).
    Linear,
    /// A cubic Hermite spline through the keys with the file's in- and out-tangents
    /// (per second of the track's clock).
    CubicSpline,
}

/// Keyframes of one property: a vector of `width` numbers at each key time.
///
/// Invariants (checked where a track is made, by the glTF reader): at least one key, key
/// times strictly increasing and finite, every value finite, `values.len()` is
/// `width × keys` (`3 × width × keys` for [`Interpolation::CubicSpline`], each key stored
/// as in-tangent, value, out-tangent, as glTF stores them).
#[derive(Clone, Debug, PartialEq)]
pub struct KeyframeTrack {
    /// How values are interpolated.
    pub interpolation: Interpolation,
    /// Key times, seconds on the animation's clock.
    pub times_s: Vec<f64>,
    /// The keys' values (see the type's invariants for the layout).
    pub values: Vec<f64>,
    /// Numbers per value: 3 (translation, scale), 4 (a rotation quaternion `x, y, z, w`) or
    /// the count of morph targets (weights).
    pub width: usize,
    /// The values are unit quaternions: linear keys are slerped and every result is
    /// normalised.
    pub rotation: bool,
}

impl KeyframeTrack {
    /// The value at time `t_s` into `out` (`width` numbers). Before the first key the first
    /// value holds, after the last key the last one.
    pub fn sample(&self, t_s: f64, out: &mut [f64]) {
        let w = self.width;
        let keys = self.times_s.len();
        let stride = match self.interpolation {
            Interpolation::CubicSpline => 3 * w,
            _ => w,
        };
        let value_at = |k: usize| {
            let base = k * stride
                + match self.interpolation {
                    Interpolation::CubicSpline => w,
                    _ => 0,
                };
            &self.values[base..base + w]
        };
        // The key interval holding t: k with times[k] <= t < times[k + 1].
        let next = self.times_s.partition_point(|&k| k <= t_s);
        if next == 0 || keys == 1 {
            out[..w].copy_from_slice(value_at(0));
            return self.finish(out);
        }
        if next >= keys {
            out[..w].copy_from_slice(value_at(keys - 1));
            return self.finish(out);
        }
        let k = next - 1;
        let (t0, t1) = (self.times_s[k], self.times_s[k + 1]);
        let dt = t1 - t0;
        let s = ((t_s - t0) / dt).clamp(0.0, 1.0);
        match self.interpolation {
            Interpolation::Step => out[..w].copy_from_slice(value_at(k)),
            Interpolation::Linear if self.rotation && w == 4 => {
                let (a, b) = (value_at(k), value_at(k + 1));
                slerp([a[0], a[1], a[2], a[3]], [b[0], b[1], b[2], b[3]], s, out);
            }
            Interpolation::Linear => {
                let (a, b) = (value_at(k), value_at(k + 1));
                for i in 0..w {
                    out[i] = a[i] + (b[i] - a[i]) * s;
                }
            }
            Interpolation::CubicSpline => {
                let s2 = s * s;
                let s3 = s2 * s;
                let h00 = 2.0 * s3 - 3.0 * s2 + 1.0;
                let h10 = dt * (s3 - 2.0 * s2 + s);
                let h01 = -2.0 * s3 + 3.0 * s2;
                let h11 = dt * (s3 - s2);
                let here = &self.values[k * stride..(k + 1) * stride];
                let there = &self.values[(k + 1) * stride..(k + 2) * stride];
                for i in 0..w {
                    let v0 = here[w + i];
                    let out_tangent = here[2 * w + i];
                    let v1 = there[w + i];
                    let in_tangent = there[i];
                    out[i] = h00 * v0 + h10 * out_tangent + h01 * v1 + h11 * in_tangent;
                }
            }
        }
        self.finish(out);
    }

    /// First and last key times, seconds.
    pub fn span_s(&self) -> (f64, f64) {
        (
            self.times_s.first().copied().unwrap_or(0.0),
            self.times_s.last().copied().unwrap_or(0.0),
        )
    }

    /// Rotations leave as unit quaternions.
    fn finish(&self, out: &mut [f64]) {
        if self.rotation && self.width == 4 {
            let n = (out[0] * out[0] + out[1] * out[1] + out[2] * out[2] + out[3] * out[3]).sqrt();
            if n > 1e-12 {
                for v in &mut out[..4] {
                    *v /= n;
                }
            } else {
                out[..4].copy_from_slice(&[0.0, 0.0, 0.0, 1.0]);
            }
        }
    }
}

/// Spherical linear interpolation from `a` to `b` (unit quaternions), the shorter way round,
/// as glTF 2.0's appendix defines it.
fn slerp(a: [f64; 4], b: [f64; 4], s: f64, out: &mut [f64]) {
    let dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3];
    let sign = if dot < 0.0 { -1.0 } else { 1.0 };
    let cos = (dot * sign).min(1.0);
    let (ka, kb) = if cos > 1.0 - 1e-9 {
        // Nearly the same rotation: straight interpolation is exact to rounding.
        (1.0 - s, s)
    } else {
        let angle = cos.acos();
        let sin = angle.sin();
        (((1.0 - s) * angle).sin() / sin, (s * angle).sin() / sin)
    };
    for i in 0..4 {
        out[i] = ka * a[i] + kb * sign * b[i];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn track(
        interpolation: Interpolation,
        times: &[f64],
        values: &[f64],
        width: usize,
    ) -> KeyframeTrack {
        KeyframeTrack {
            interpolation,
            times_s: times.to_vec(),
            values: values.to_vec(),
            width,
            rotation: false,
        }
    }

    fn at(t: &KeyframeTrack, s: f64) -> Vec<f64> {
        let mut out = vec![0.0; t.width];
        t.sample(s, &mut out);
        out
    }

    #[test]
    fn step_and_linear_hold_their_ends() {
        let step = track(
            Interpolation::Step,
            &[1.0, 2.0, 4.0],
            &[10.0, 20.0, 40.0],
            1,
        );
        assert_eq!(at(&step, 0.0), [10.0]);
        assert_eq!(at(&step, 1.999), [10.0]);
        assert_eq!(at(&step, 2.0), [20.0]);
        assert_eq!(at(&step, 9.0), [40.0]);
        let lin = track(
            Interpolation::Linear,
            &[1.0, 2.0, 4.0],
            &[10.0, 20.0, 40.0],
            1,
        );
        assert_eq!(at(&lin, 0.5), [10.0]);
        assert!((at(&lin, 3.0)[0] - 30.0).abs() < 1e-12);
        assert_eq!(at(&lin, 5.0), [40.0]);
    }

    /// The cubic spline against its closed form: keys sampled from a cubic polynomial with
    /// its exact derivatives as tangents reproduce the polynomial everywhere between them.
    #[test]
    fn cubic_spline_matches_its_closed_form() {
        let f = |t: f64| [0.5 * t * t * t - 2.0 * t * t + t + 3.0, -t * t * t + 4.0];
        let df = |t: f64| [1.5 * t * t - 4.0 * t + 1.0, -3.0 * t * t];
        let times = [0.0, 0.7, 1.5, 3.0];
        let mut values = Vec::new();
        for &t in &times {
            values.extend_from_slice(&df(t)); // in-tangent
            values.extend_from_slice(&f(t)); // value
            values.extend_from_slice(&df(t)); // out-tangent
        }
        let cubic = track(Interpolation::CubicSpline, &times, &values, 2);
        for i in 0..=300 {
            let t = 3.0 * i as f64 / 300.0;
            let got = at(&cubic, t);
            let want = f(t);
            for k in 0..2 {
                assert!(
                    (got[k] - want[k]).abs() < 1e-9,
                    "t={t}: {got:?} vs {want:?}"
                );
            }
        }
        // Different in- and out-tangents at a key: a kink, each side from its own tangent.
        let values = [9.0, 0.0, 1.0, 0.0, 2.0, 0.0];
        let kink = track(Interpolation::CubicSpline, &[0.0, 2.0], &values, 1);
        // h00·0 + h10·2·1 + h01·2 + h11·2·0 at s = 0.5: 2·(0.125 − 0.5 + 0.5) + 2·0.5.
        assert!((at(&kink, 1.0)[0] - (2.0 * 0.125 + 1.0)).abs() < 1e-12);
    }

    #[test]
    fn rotations_slerp_the_short_way_and_stay_unit() {
        let h = std::f64::consts::FRAC_1_SQRT_2;
        // Identity to 90° about z, the second written with its sign flipped (same rotation).
        let mut rot = track(
            Interpolation::Linear,
            &[0.0, 1.0],
            &[0.0, 0.0, 0.0, 1.0, 0.0, 0.0, -h, -h],
            4,
        );
        rot.rotation = true;
        let q = at(&rot, 0.5);
        // Halfway: 45° about +z, not the long way round through 225°.
        let want = [
            0.0,
            0.0,
            (std::f64::consts::PI / 8.0).sin(),
            (std::f64::consts::PI / 8.0).cos(),
        ];
        let sign = if q[3] < 0.0 { -1.0 } else { 1.0 };
        for k in 0..4 {
            assert!((q[k] * sign - want[k]).abs() < 1e-12, "{q:?}");
        }
        // Cubic rotations are normalised.
        let mut cub = track(
            Interpolation::CubicSpline,
            &[0.0, 1.0],
            &[
                0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
                0.0, 0.0, h, h, 0.0, 0.0, 0.0, 0.0,
            ],
            4,
        );
        cub.rotation = true;
        let q = at(&cub, 0.5);
        let n: f64 = q.iter().map(|v| v * v).sum();
        assert!((n - 1.0).abs() < 1e-12);
    }
}
