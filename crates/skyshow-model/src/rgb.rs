//! `Rgb`: an LED colour.

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

    /// A colour from its channels.
    pub const fn new(r: u8, g: u8, b: u8) -> Self {
        Rgb { r, g, b }
    }

    /// Linear interpolation in RGB, rounded to the nearest unit.
    pub fn lerp(self, o: Rgb, t: f64) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let f = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * t).round() as u8;
        Rgb::new(f(self.r, o.r), f(self.g, o.g), f(self.b, o.b))
    }

    /// The largest per-channel difference to another colour.
    pub fn max_channel_diff(self, o: Rgb) -> u8 {
        self.r
            .abs_diff(o.r)
            .max(self.g.abs_diff(o.g))
            .max(self.b.abs_diff(o.b))
    }

    /// `#rrggbb`.
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
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
}
