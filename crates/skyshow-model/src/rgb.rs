//! `Rgb`: an LED colour.

use crate::round::round_half_away;

/// An LED colour, 0–255 per channel, as the drones' light programs store it (no gamma).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rgb {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

impl Rgb {
    /// Lights off.
    pub const BLACK: Rgb = Rgb::new(0, 0, 0);
    /// Full white.
    pub const WHITE: Rgb = Rgb::new(255, 255, 255);
    /// Colours whose [`Rgb::brightness`] is below this are dark: a drone shows them with its
    /// LEDs off or nearly (`#4c4c4c`, `#422b0d` and darker), and dark parts of an otherwise
    /// lit SVG are holes by default.
    pub const DARK_BELOW: f64 = 0.3;

    /// A colour from its channels.
    pub const fn new(r: u8, g: u8, b: u8) -> Self {
        Rgb { r, g, b }
    }

    /// Linear interpolation in RGB, rounded to the nearest unit (halves away from zero).
    pub fn lerp(self, o: Rgb, t: f64) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let f = |a: u8, b: u8| round_channel(a as f64 + (b as f64 - a as f64) * t);
        Rgb::new(f(self.r, o.r), f(self.g, o.g), f(self.b, o.b))
    }

    /// The largest per-channel difference to another colour.
    pub fn max_channel_diff(self, o: Rgb) -> u8 {
        self.r
            .abs_diff(o.r)
            .max(self.g.abs_diff(o.g))
            .max(self.b.abs_diff(o.b))
    }

    /// How brightly an LED shows the colour, 0–1: its brightest channel (a pure blue is
    /// as bright as white to the eye in the night sky; a dark grey is not).
    pub fn brightness(self) -> f64 {
        f64::from(self.r.max(self.g).max(self.b)) / 255.0
    }

    /// Whether the colour is dark: [`Rgb::brightness`] below [`Rgb::DARK_BELOW`].
    pub fn is_dark(self) -> bool {
        self.brightness() < Rgb::DARK_BELOW
    }

    /// `#rrggbb`.
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// `v.round() as u8` without the maths library's call (the exports sample colours millions
/// of times). NaN gives 0 and values beyond a channel saturate, as the cast does.
#[inline]
fn round_channel(v: f64) -> u8 {
    round_half_away(v).clamp(0, 255) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lerp_ends_and_middle() {
        let a = Rgb::new(0, 100, 255);
        let b = Rgb::new(255, 100, 0);
        assert_eq!(a.lerp(b, 0.0), a);
        assert_eq!(a.lerp(b, 1.0), b);
        assert_eq!(a.lerp(b, 0.5), Rgb::new(128, 100, 128));
        assert_eq!(a.to_hex(), "#0064ff");
    }

    #[test]
    fn lerp_rounds_as_the_library_does() {
        // Every pair of channel values, at fractions that land on, next to and between
        // halves, and out of range.
        let mut ts: Vec<f64> = (0..=64).map(|k| f64::from(k) / 64.0).collect();
        ts.extend([
            0.1,
            0.3,
            1.0 / 3.0,
            0.7,
            0.999_999_999,
            1e-17,
            -0.5,
            1.5,
            f64::NAN,
        ]);
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                for &t in &ts {
                    let tc = t.clamp(0.0, 1.0);
                    let v = f64::from(a) + (f64::from(b) - f64::from(a)) * tc;
                    assert_eq!(round_channel(v), v.round() as u8, "{a} {b} {t}");
                }
            }
        }
        for v in [
            -0.5,
            -0.49,
            0.5,
            0.499_999_999_999_999_94,
            254.5,
            255.499,
            255.5,
            300.0,
            -3.0,
            f64::NAN,
        ] {
            assert_eq!(round_channel(v), v.round() as u8, "{v}");
        }
    }

    #[test]
    fn brightness_is_the_brightest_channel() {
        assert_eq!(Rgb::new(0, 0, 255).brightness(), 1.0);
        assert_eq!(Rgb::BLACK.brightness(), 0.0);
        assert!(Rgb::new(0x42, 0x2b, 0x0d).is_dark());
        assert!(Rgb::new(76, 76, 76).is_dark());
        assert!(!Rgb::new(77, 0, 0).is_dark());
    }
}
