//! Rounding to whole numbers without the maths library's call, for the exports' hot loops
//! (colours and millimetres sampled millions of times per show).

/// `v.round() as i64` (halves away from zero) for |v| < 2^52: truncation, then the
/// fraction, which is exact at these sizes, decides. NaN gives 0, as the cast does.
#[inline]
pub fn round_half_away(v: f64) -> i64 {
    let i = v as i64; // towards zero; NaN gives 0
    let f = v - i as f64;
    // Without branches: the fractions of a fade are as good as random to a predictor.
    i + i64::from(f >= 0.5) - i64::from(f <= -0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_as_the_library_does() {
        for v in [
            0.0,
            -0.0,
            0.5,
            -0.5,
            0.49,
            -0.49,
            1.5,
            2.5,
            -2.5,
            0.499_999_999_999_999_94,
            1e15 + 0.5,
            -1e15 - 0.5,
            123_456.789,
            f64::NAN,
        ] {
            let want = if v.is_nan() { 0 } else { v.round() as i64 };
            assert_eq!(round_half_away(v), want, "{v}");
        }
    }
}
