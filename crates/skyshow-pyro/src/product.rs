//! `Product`: one catalogue entry, and `ProductKind`.

use skyshow_i18n::msg;
use std::fmt;
use std::str::FromStr;

use skyshow_model::Rgb;

use crate::PyroError;

/// What kind of firework a product is (Finale 3D's effect *Type* values we support).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProductKind {
    /// An aerial shell fired from a mortar: lift, then a burst high up.
    Shell,
    /// A comet: a single star rising with a tail from ignition.
    Comet,
    /// A mine: many stars thrown up from the ground at once.
    Mine,
    /// A cake: a pre-loaded battery of small shots fired in sequence.
    Cake,
    /// A Roman candle: shots fired one after another from one tube.
    Candle,
}

impl ProductKind {
    /// Every kind.
    pub const ALL: [ProductKind; 5] = [
        ProductKind::Shell,
        ProductKind::Comet,
        ProductKind::Mine,
        ProductKind::Cake,
        ProductKind::Candle,
    ];

    /// The lowercase name used in catalogues and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ProductKind::Shell => "shell",
            ProductKind::Comet => "comet",
            ProductKind::Mine => "mine",
            ProductKind::Cake => "cake",
            ProductKind::Candle => "candle",
        }
    }

    /// The calibres this kind may have, mm (inclusive): shells 50–300, comets 10–100,
    /// mines 10–150, cakes 10–100, candles 10–50.
    pub fn calibre_range_mm(self) -> (f64, f64) {
        match self {
            ProductKind::Shell => (50.0, 300.0),
            ProductKind::Comet => (10.0, 100.0),
            ProductKind::Mine => (10.0, 150.0),
            ProductKind::Cake => (10.0, 100.0),
            ProductKind::Candle => (10.0, 50.0),
        }
    }

    /// Default burst (or peak) height per mm of calibre, m/mm. Shells: 1.2 (100 ft per
    /// inch); comets 1.0, mines 0.5, cakes 1.2, candles 1.0 (generic, lower shots).
    pub fn height_m_per_mm(self) -> f64 {
        match self {
            ProductKind::Shell | ProductKind::Cake => 1.2,
            ProductKind::Comet | ProductKind::Candle => 1.0,
            ProductKind::Mine => 0.5,
        }
    }

    /// Default burst radius per mm of calibre, m/mm. Shells and cakes: 0.54, half the
    /// larger burst diameter of the two rules of thumb (45 ft per inch ≈ 0.54 m/mm and
    /// 27 m per 25 mm ≈ 1.08 m/mm); mines 0.3; comets and candles 0.2 (a narrow column).
    pub fn radius_m_per_mm(self) -> f64 {
        match self {
            ProductKind::Shell | ProductKind::Cake => 0.54,
            ProductKind::Mine => 0.3,
            ProductKind::Comet | ProductKind::Candle => 0.2,
        }
    }

    /// True if the kind is fired from a mortar of the position's racks (shells only; the
    /// others carry their own tubes).
    pub fn needs_mortar(self) -> bool {
        self == ProductKind::Shell
    }
}

impl fmt::Display for ProductKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ProductKind {
    type Err = skyshow_i18n::Message;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ProductKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| msg!("pyro-unknown-product-kind", kind = s))
    }
}

/// One catalogue entry: a firework product with the numbers choreography needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Product {
    /// Part number, unique in the catalogue (`SH100-R`).
    pub part: String,
    /// Kind.
    pub kind: ProductKind,
    /// Calibre (shell or tube diameter), mm.
    pub calibre_mm: f64,
    /// Prefire (lift) time from ignition to the effect time, s; 0 or more.
    pub prefire_s: f64,
    /// How long the effect lasts after the effect time, s.
    pub duration_s: f64,
    /// Burst (or peak) height above the position, m. Default: calibre ×
    /// [`ProductKind::height_m_per_mm`].
    pub burst_height_m: f64,
    /// Burst radius, m. Default: calibre × [`ProductKind::radius_m_per_mm`].
    pub burst_radius_m: f64,
    /// Colour name, lowercase (`red`, `green`, `blue`, `gold`, `white`, `silver`, …).
    pub colour: String,
    /// Effect name / description (`100mm Red Peony`).
    pub effect: String,
}

impl Product {
    /// A product with the default burst height and radius for its kind and calibre.
    pub fn new(
        part: impl Into<String>,
        kind: ProductKind,
        calibre_mm: f64,
        prefire_s: f64,
        duration_s: f64,
        colour: impl Into<String>,
        effect: impl Into<String>,
    ) -> Self {
        Product {
            part: part.into(),
            kind,
            calibre_mm,
            prefire_s,
            duration_s,
            burst_height_m: calibre_mm * kind.height_m_per_mm(),
            burst_radius_m: calibre_mm * kind.radius_m_per_mm(),
            colour: colour.into(),
            effect: effect.into(),
        }
    }

    /// Checks the numbers: calibre in its kind's range, prefire ≥ 0, every length and
    /// time finite and non-negative, a non-empty part number.
    pub fn validate(&self) -> Result<(), PyroError> {
        let bad = |field: &str, value: String, hint| PyroError::InvalidProduct {
            part: self.part.clone(),
            field: field.to_string(),
            value,
            hint,
        };
        if self.part.trim().is_empty() {
            return Err(bad("part", "\"\"".into(), msg!("pyro-product-part-hint")));
        }
        let (min_mm, max_mm) = self.kind.calibre_range_mm();
        if !(self.calibre_mm >= min_mm && self.calibre_mm <= max_mm) {
            return Err(PyroError::CalibreOutOfRange {
                part: self.part.clone(),
                kind: self.kind.to_string(),
                calibre_mm: self.calibre_mm,
                min_mm,
                max_mm,
            });
        }
        if self.prefire_s < 0.0 {
            return Err(PyroError::NegativePrefire {
                part: self.part.clone(),
                prefire_s: self.prefire_s,
            });
        }
        for (field, v) in [
            ("prefire_s", self.prefire_s),
            ("duration_s", self.duration_s),
            ("burst_height_m", self.burst_height_m),
            ("burst_radius_m", self.burst_radius_m),
        ] {
            if !(v.is_finite() && v >= 0.0) {
                return Err(bad(field, v.to_string(), msg!("pyro-product-number-hint")));
            }
        }
        Ok(())
    }

    /// The display colour of [`Product::colour`] for previews (white if unknown).
    pub fn rgb(&self) -> Rgb {
        colour_rgb(&self.colour)
    }
}

/// The preview colour of a firework colour name, English or Chinese (`red`, `红`, `红色`,
/// `金`, `银色` …; white if unknown).
pub fn colour_rgb(name: &str) -> Rgb {
    let name = name.trim();
    let bare = name
        .strip_suffix('色')
        .filter(|b| !b.is_empty())
        .unwrap_or(name);
    match bare.to_ascii_lowercase().as_str() {
        "red" | "红" | "大红" => Rgb::new(255, 40, 30),
        "green" | "绿" => Rgb::new(40, 220, 70),
        "blue" | "蓝" => Rgb::new(50, 90, 255),
        "gold" | "金" | "金黄" => Rgb::new(255, 185, 60),
        "silver" | "银" | "银白" => Rgb::new(200, 210, 225),
        "purple" | "紫" => Rgb::new(170, 60, 230),
        "orange" | "橙" | "橘" | "橘黄" => Rgb::new(255, 120, 20),
        _ => Rgb::WHITE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_rules_of_thumb() {
        let p = Product::new("X", ProductKind::Shell, 150.0, 3.6, 4.0, "red", "Red");
        assert!((p.burst_height_m - 180.0).abs() < 1e-9);
        // 27 m diameter per 25 mm beats 45 ft per inch: 150 mm → 162 m across.
        assert!((p.burst_radius_m - 81.0).abs() < 1e-9);
        assert!(p.validate().is_ok());
    }

    #[test]
    fn chinese_colour_names() {
        for (zh, en) in [
            ("红", "red"),
            ("金色", "gold"),
            ("银", "silver"),
            ("橙色", "orange"),
        ] {
            assert_eq!(colour_rgb(zh), colour_rgb(en), "{zh}");
            assert_ne!(colour_rgb(zh), Rgb::WHITE, "{zh}");
        }
        assert_eq!(colour_rgb("色"), Rgb::WHITE);
    }

    #[test]
    fn kind_parses_case_insensitively() {
        assert_eq!("Shell".parse::<ProductKind>(), Ok(ProductKind::Shell));
        assert!("rocket".parse::<ProductKind>().is_err());
    }
}
