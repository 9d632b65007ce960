//! `shown`: a number as messages print it — as written for everyday magnitudes, in
//! exponent form (`1e308`) for huge or tiny ones, so an absurd value stays readable.

/// `x` for a message.
pub(crate) fn shown(x: f64) -> String {
    let a = x.abs();
    if a.is_finite() && (a >= 1e9 || (a > 0.0 && a < 1e-6)) {
        format!("{x:e}")
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
        assert_eq!(shown(-2.5e-9), "-2.5e-9");
        assert_eq!(shown(30.0), "30");
        assert_eq!(shown(-3.5), "-3.5");
        assert_eq!(shown(f64::NAN), "NaN");
        assert_eq!(shown(f64::INFINITY), "inf");
    }
}
