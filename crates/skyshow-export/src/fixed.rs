//! Fast decimal text for the bulk exports: millions of numbers per show, each byte-identical
//! to what `format!` writes.

use std::io::Write as _;

/// Beyond 2^40 mm the rounding margins of [`fixed3_mm`] are no longer safe; such values
/// never occur in a show and are left to `format!`.
const FAST_LIMIT: f64 = 1.0e12;

/// `v` rounded to thousandths as `format!("{v:.3}")` rounds it: whether to write a sign,
/// and the magnitude in thousandths. `None` for values `format!` must write itself (not
/// finite, or of 10^12 and more).
///
/// `format!` rounds the exact binary value, ties to even. `v × 1000` carries one rounding
/// error at most, so away from a half the rounded product is the answer; near one, a fused
/// multiply-add (a single rounding) tells on which side of the half the exact value lies.
#[inline]
fn fixed3_mm(v: f64) -> Option<(bool, u64)> {
    let a = v.abs();
    if !a.is_finite() || a >= FAST_LIMIT {
        return None;
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
    Some((v.is_sign_negative(), n))
}

/// Appends `v` with three decimals, exactly as `format!("{v:.3}")` writes it (the sign of a
/// negative value that rounds to zero included), without the formatting machinery.
pub(crate) fn push_fixed3(out: &mut Vec<u8>, v: f64) {
    let mut row = Row::new();
    if row.fixed3(v) {
        out.extend_from_slice(row.as_bytes());
    } else {
        let _ = write!(out, "{v:.3}");
    }
}

/// Appends `n` in decimal.
pub(crate) fn push_u64(out: &mut Vec<u8>, n: u64) {
    let mut row = Row::new();
    row.u64(n);
    out.extend_from_slice(row.as_bytes());
}

/// Appends `n` in decimal, with a `-` when negative.
pub(crate) fn push_i64(out: &mut Vec<u8>, n: i64) {
    let mut row = Row::new();
    row.i64(n);
    out.extend_from_slice(row.as_bytes());
}

/// One short line of text (a CSV row, a VVIZ sample) built in a buffer on the stack and
/// appended to its output in one copy: millions of rows per show, where growing the output
/// number by number cost more than making the digits.
///
/// A row holds [`Row::CAPACITY`] bytes; its users write a bounded number of fields (a
/// number takes at most 20 digits and a sign, [`Row::fixed3`] at most 17 characters), far
/// below it.
pub(crate) struct Row {
    buf: [u8; Row::CAPACITY],
    len: usize,
}

impl Row {
    /// Bytes a row holds.
    pub(crate) const CAPACITY: usize = 256;

    /// An empty row.
    #[inline]
    pub(crate) fn new() -> Row {
        Row {
            buf: [0; Row::CAPACITY],
            len: 0,
        }
    }

    /// Empties the row.
    #[inline]
    pub(crate) fn clear(&mut self) {
        self.len = 0;
    }

    /// The row's text.
    #[inline]
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// Appends one byte.
    #[inline]
    pub(crate) fn byte(&mut self, b: u8) {
        self.buf[self.len] = b;
        self.len += 1;
    }

    /// Appends bytes.
    #[inline]
    pub(crate) fn bytes(&mut self, b: &[u8]) {
        self.buf[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
    }

    /// Appends `n` in decimal.
    #[inline]
    pub(crate) fn u64(&mut self, n: u64) {
        self.bytes(itoa::Buffer::new().format(n).as_bytes());
    }

    /// Appends `n` in decimal, with a `-` when negative.
    #[inline]
    pub(crate) fn i64(&mut self, n: i64) {
        if n < 0 {
            self.byte(b'-');
        }
        self.u64(n.unsigned_abs());
    }

    /// Appends `sign` and thousandths `n` as a number with three decimals.
    #[inline]
    pub(crate) fn thousandths(&mut self, negative: bool, n: u64) {
        if negative {
            self.byte(b'-');
        }
        self.u64(n / 1000);
        let f = n % 1000;
        let digit = |d: u64| b'0' + d as u8; // d < 10
        self.bytes(&[b'.', digit(f / 100), digit(f / 10 % 10), digit(f % 10)]);
    }

    /// Appends `v` as `format!("{v:.3}")` writes it, and returns true; or returns false,
    /// writing nothing, for a value only `format!` writes (not finite, or 10^12 and more).
    #[inline]
    pub(crate) fn fixed3(&mut self, v: f64) -> bool {
        match fixed3_mm(v) {
            Some((negative, n)) => {
                self.thousandths(negative, n);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use skyshow_model::round_half_away;

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
            assert_eq!(round_half_away(v), v.round() as i64, "{v}");
        }
    }

    #[test]
    fn rows_write_every_digit_count() {
        // Each power of ten, one below it and one above it: every digit count and carry.
        let mut p = 1u64;
        for _ in 0..20 {
            for n in [p - 1, p, p + 1] {
                let mut row = Row::new();
                row.u64(n);
                assert_eq!(row.as_bytes(), n.to_string().as_bytes());
            }
            p = p.saturating_mul(10);
        }
        let mut row = Row::new();
        row.bytes(b"t=");
        row.i64(-42);
        row.byte(b',');
        assert!(row.fixed3(-0.0004));
        row.byte(b',');
        assert!(!row.fixed3(f64::NAN));
        assert!(!row.fixed3(1e12));
        row.thousandths(false, 7);
        assert_eq!(row.as_bytes(), b"t=-42,-0.000,0.007");
        row.clear();
        assert!(row.as_bytes().is_empty());
    }

    proptest! {
        #[test]
        fn rounds_like_the_library(v in -1.0e9f64..1.0e9) {
            prop_assert_eq!(round_half_away(v), v.round() as i64);
            let h = v.trunc() + 0.5;
            prop_assert_eq!(round_half_away(h), h.round() as i64);
        }

        #[test]
        fn rows_match_display(n in any::<u64>(), m in any::<i64>()) {
            let mut row = Row::new();
            row.u64(n);
            row.byte(b' ');
            row.i64(m);
            let want = format!("{n} {m}");
            prop_assert_eq!(row.as_bytes(), want.as_bytes());
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
