//! Easing curves: a motion's progress (0 → 1) over its duration (0 → 1), every one at rest
//! at both ends.

use skyshow_model::Easing;

/// The progress at `u` (clamped to `[0, 1]`). `ramp` is the share of the duration spent
/// speeding up (and again slowing down) for [`Easing::Linear`], in `(0, 0.5]`; other easings
/// ignore it.
pub(crate) fn progress(e: Easing, u: f64, ramp: f64) -> f64 {
    let u = if u.is_nan() { 0.0 } else { u.clamp(0.0, 1.0) };
    match e {
        Easing::Smooth => u * u * (3.0 - 2.0 * u),
        Easing::In => u * u * u * (4.0 - 3.0 * u),
        Easing::Out => {
            let v = 1.0 - u;
            1.0 - v * v * v * (4.0 - 3.0 * v)
        }
        Easing::Linear => ramped(u, ramp),
    }
}

/// Constant speed with constant-acceleration ramps of `ramp` (share of the duration) at
/// both ends: a trapezoidal speed profile.
pub(crate) fn ramped(u: f64, ramp: f64) -> f64 {
    let r = ramp.clamp(1e-6, 0.5);
    let top = 1.0 / (1.0 - r);
    if u < r {
        top * u * u / (2.0 * r)
    } else if u <= 1.0 - r {
        top * (u - r / 2.0)
    } else {
        let v = 1.0 - u;
        1.0 - top * v * v / (2.0 * r)
    }
}

/// The longest ramp [`ramped`] may have (a triangular speed profile).
pub(crate) const MAX_RAMP: f64 = 0.5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_easing_runs_from_rest_to_rest() {
        for e in [Easing::Smooth, Easing::In, Easing::Out, Easing::Linear] {
            let p = |u: f64| progress(e, u, 0.1);
            assert_eq!(p(0.0), 0.0);
            assert!((p(1.0) - 1.0).abs() < 1e-12, "{e:?}");
            let h = 1e-6;
            assert!(p(h) / h < 1e-3, "{e:?} starts at rest");
            assert!((1.0 - p(1.0 - h)) / h < 1e-3, "{e:?} ends at rest");
            // Monotone.
            let mut last = 0.0;
            for k in 1..=100 {
                let v = p(k as f64 / 100.0);
                assert!(v >= last - 1e-15, "{e:?}");
                last = v;
            }
        }
    }

    #[test]
    fn linear_is_constant_between_its_ramps() {
        let r = 0.2;
        let v = |u: f64| (ramped(u + 1e-6, r) - ramped(u, r)) / 1e-6;
        assert!((v(0.3) - 1.25).abs() < 1e-5);
        assert!((v(0.7) - 1.25).abs() < 1e-5);
        assert!((ramped(0.5, r) - 0.5).abs() < 1e-12);
    }
}
