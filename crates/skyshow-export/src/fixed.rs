//! Fast decimal text for the bulk exports: millions of numbers per show, each byte-identical
//! to what `format!` writes.

use std::io::Write as _;

/// Appends `v` with three decimals, exactly as `format!("{v:.3}")` writes it (the sign of a
/// negative value that rounds to zero included), without the formatting machinery.
///
/// `format!` rounds the exact binary value, ties to even. `v × 1000` carries one rounding
/// error at most, so away from a half the rounded product is the answer; near one, a fused
/// multiply-add (a single rounding) tells on which side of the half the exact value lies.
pub(crate) fn push_fixed3(out: &mut Vec<u8>, v: f64) {
    let a = v.abs();
    // Beyond 2^40 mm the margins below are no longer safe; such values never occur in a show.
    if !a.is_finite() || a >= 1.0e12 {
        let _ = write!(out, "{v:.3}");
        return;
    }
    let scaled = a * 1000.0;
    let k = scaled as u64; // truncation: the floor of a non-negative value
    let frac = scaled - k as f64;
    let n = if (frac - 0.5).abs() < 1.0e-6 {
        let off = a.mul_add(1000.0, -(k as f64 + 0.5));
        if off > 0.0 || (off == 0.0 && k % 2 == 1) {
            k + 1
        } else {
            k
        }
    } else if frac > 0.5 {
        k + 1
    } else {
        k
    };
    if v.is_sign_negative() {
        out.push(b'-');
    }
    push_u64(out, n / 1000);
    let f = n % 1000;
    let digit = |d: u64| b'0' + d as u8; // d < 10
    out.extend_from_slice(&[b'.', digit(f / 100), digit(f / 10 % 10), digit(f % 10)]);
}

/// `v.round()` (half away from zero) as an integer, for |v| < 2^52, without the library call.
pub(crate) fn round_i64(v: f64) -> i64 {
    let i = v as i64; // truncation towards zero
    let f = v - i as f64; // exact below 2^52
    if f >= 0.5 {
        i + 1
    } else if f <= -0.5 {
        i - 1
    } else {
        i
    }
}

/// Appends `n` in decimal.
pub(crate) fn push_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// Appends `n` in decimal, with a `-` when negative.
pub(crate) fn push_i64(out: &mut Vec<u8>, n: i64) {
    if n < 0 {
        out.push(b'-');
    }
    push_u64(out, n.unsigned_abs());
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fixed3(v: f64) -> String {
        let mut s = Vec::new();
        push_fixed3(&mut s, v);
        String::from_utf8(s).unwrap()
    }

    #[test]
    fn matches_format_on_the_hard_cases() {
        for v in [
            0.0625,
            -0.0625,
            0.1875,
            1.0625,
            0.0005,
            12.3455,
            0.0,
            -0.0,
            0.0004,
            -0.0004,
            0.0005,
            -0.0005,
            0.0015,
            0.0025,
            1.0005,
            2.675,
            1e-9,
            -1e-9,
            999.9995,
            999.9996,
            12345.6785,
            -170.1235,
            0.1,
            1e11,
            1e13,
            -1e13,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
        ] {
            assert_eq!(fixed3(v), format!("{v:.3}"), "{v:e}");
        }
    }

    #[test]
    fn integers_match_display() {
        for n in [0i64, 1, -1, 9, 10, -10, 1234567890, i64::MAX, i64::MIN + 1] {
            let mut s = Vec::new();
            push_i64(&mut s, n);
            assert_eq!(s, n.to_string().as_bytes());
        }
        let mut s = Vec::new();
        push_u64(&mut s, u64::MAX);
        assert_eq!(s, u64::MAX.to_string().as_bytes());
    }

    #[test]
    fn rounding_matches_the_library() {
        for v in [
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.5,
            2.5,
            -2.5,
            0.499_999_999_999_999_94,
            1e15 + 0.5,
            -7.49,
        ] {
            assert_eq!(round_i64(v), v.round() as i64, "{v}");
        }
    }

    proptest! {
        #[test]
        fn rounds_like_the_library(v in -1.0e9f64..1.0e9) {
            prop_assert_eq!(round_i64(v), v.round() as i64);
            let h = v.trunc() + 0.5;
            prop_assert_eq!(round_i64(h), h.round() as i64);
        }

        #[test]
        fn matches_format_at_tenths_of_millimetres(k in -100_000_000i64..100_000_000) {
            // What a `.skyc` read back holds: 0.1 mm steps, every tenth one on a tie.
            let v = k as f64 / 10_000.0;
            prop_assert_eq!(fixed3(v), format!("{v:.3}"));
        }

        #[test]
        fn matches_format_everywhere(v in -1.0e6f64..1.0e6) {
            prop_assert_eq!(fixed3(v), format!("{v:.3}"));
        }

        #[test]
        fn matches_format_near_halves(k in -10_000_000i64..10_000_000, ulps in -4i64..=4) {
            // Values within a few ulps of an exact half-millimetre, where rounding is decided.
            let half = (k as f64 + 0.5) / 1000.0;
            let v = f64::from_bits((half.to_bits() as i64 + ulps) as u64);
            prop_assert_eq!(fixed3(v), format!("{v:.3}"));
        }
    }
}
