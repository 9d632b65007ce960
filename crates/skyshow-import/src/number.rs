//! `shown`: a number as messages print it — as written for everyday magnitudes, in
//! exponent form with six significant digits (`1e308`, `4.44444e19`) for huge or tiny
//! ones, so an absurd value stays readable.

/// `x` for a message.
pub(crate) fn shown(x: f64) -> String {
    let a = x.abs();
    if a.is_finite() && (a >= 1e9 || (a > 0.0 && a < 1e-6)) {
        // Six significant digits, trailing zeros dropped: `4.44444e19`, `1e308`.
        let s = format!("{x:.5e}");
        let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
        format!("{mantissa}e{exp}")
    } else {
        format!("{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn huge_and_tiny_in_exponent_form() {
        assert_eq!(shown(1e308), "1e308");
        assert_eq!(shown(4.444444582382194e19), "4.44444e19");
        assert_eq!(shown(-2.5e-9), "-2.5e-9");
        assert_eq!(shown(30.0), "30");
        assert_eq!(shown(-3.5), "-3.5");
        assert_eq!(shown(f64::NAN), "NaN");
        assert_eq!(shown(f64::INFINITY), "inf");
    }
}
