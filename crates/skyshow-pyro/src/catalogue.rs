//! `Catalogue`: the products a show can fire, read from TOML, with per-product overrides.
//!
//! The format, as shipped in `catalogue.toml`:
//!
//! ```toml
//! [[product]]
//! part = "SH100-R"          # unique part number
//! kind = "shell"            # shell, comet, mine, cake, candle
//! calibre_mm = 100
//! prefire_s = 2.8           # lift time, ignition → effect
//! duration_s = 3.5
//! colour = "red"
//! effect = "100mm Red Peony"
//! # burst_height_m = 120    # optional; default from the calibre (see ProductKind)
//! # burst_radius_m = 54     # optional
//!
//! [[override]]              # change some fields of an existing product
//! part = "SH100-R"
//! prefire_s = 3.0
//! ```

use skyshow_i18n::msg;
use std::collections::BTreeMap;

use serde::Deserialize;

use crate::{Product, ProductKind, PyroError};

/// The built-in generic catalogue (TOML text).
pub const BUILTIN_CATALOGUE_TOML: &str = include_str!("catalogue.toml");

/// A set of products by part number (sorted, so iteration is deterministic).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalogue {
    products: BTreeMap<String, Product>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    #[serde(default)]
    product: Vec<ProductEntry>,
    #[serde(default, rename = "override")]
    overrides: Vec<ProductOverride>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProductEntry {
    part: String,
    kind: String,
    calibre_mm: f64,
    prefire_s: f64,
    duration_s: f64,
    colour: String,
    effect: String,
    burst_height_m: Option<f64>,
    burst_radius_m: Option<f64>,
}

/// Changes to some fields of an existing product; `None` keeps the catalogue's value.
/// Changing the calibre does not move the burst height or radius unless they are given.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductOverride {
    /// Part number of the product to change.
    pub part: String,
    /// New calibre, mm.
    pub calibre_mm: Option<f64>,
    /// New prefire (lift) time, s.
    pub prefire_s: Option<f64>,
    /// New duration, s.
    pub duration_s: Option<f64>,
    /// New burst height, m.
    pub burst_height_m: Option<f64>,
    /// New burst radius, m.
    pub burst_radius_m: Option<f64>,
    /// New colour name.
    pub colour: Option<String>,
    /// New effect name.
    pub effect: Option<String>,
}

impl Catalogue {
    /// An empty catalogue.
    pub fn new() -> Self {
        Catalogue::default()
    }

    /// The generic catalogue shipped with skyshow: shells 50–300 mm, comets, mines, cakes
    /// and candles in red, green, blue, gold, white and silver.
    pub fn builtin() -> Self {
        Catalogue::from_toml(BUILTIN_CATALOGUE_TOML, "built-in")
            .expect("the built-in catalogue is valid (tested)")
    }

    /// Reads a catalogue from TOML text; `origin` names it in errors.
    pub fn from_toml(text: &str, origin: &str) -> Result<Self, PyroError> {
        let mut c = Catalogue::new();
        c.extend_from_toml(text, origin)?;
        Ok(c)
    }

    /// Adds (or replaces) the `[[product]]` entries of a TOML text, then applies its
    /// `[[override]]` entries.
    pub fn extend_from_toml(&mut self, text: &str, origin: &str) -> Result<(), PyroError> {
        let file: CatalogueFile = toml::from_str(text).map_err(|e| {
            let at = e.span().map(|r| {
                let before = &text[..r.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.chars().rev().take_while(|&c| c != '\n').count() + 1;
                (line, column)
            });
            PyroError::CatalogueSyntax {
                origin: origin.to_string(),
                message: match at {
                    Some((line, column)) => msg!(
                        "pyro-catalogue-at",
                        line = line,
                        column = column,
                        why = e.message()
                    ),
                    None => skyshow_i18n::Message::verbatim(e.message()),
                },
            }
        })?;
        for e in file.product {
            let kind: ProductKind = e.kind.parse().map_err(|_| PyroError::InvalidProduct {
                part: e.part.clone(),
                field: "kind".into(),
                value: format!("\"{}\"", e.kind),
                hint: msg!("pyro-product-kinds"),
            })?;
            let mut p = Product::new(
                e.part,
                kind,
                e.calibre_mm,
                e.prefire_s,
                e.duration_s,
                e.colour.to_lowercase(),
                e.effect,
            );
            if let Some(h) = e.burst_height_m {
                p.burst_height_m = h;
            }
            if let Some(r) = e.burst_radius_m {
                p.burst_radius_m = r;
            }
            self.insert(p)?;
        }
        for o in &file.overrides {
            self.apply_override(o, &format!("catalogue {origin}: override"))?;
        }
        Ok(())
    }

    /// Adds or replaces a product after validating it.
    pub fn insert(&mut self, product: Product) -> Result<(), PyroError> {
        product.validate()?;
        self.products.insert(product.part.clone(), product);
        Ok(())
    }

    /// Changes some fields of an existing product; `source_name` names the override in
    /// the error if the part number is unknown.
    pub fn apply_override(
        &mut self,
        o: &ProductOverride,
        source_name: &str,
    ) -> Result<(), PyroError> {
        let mut p = self.get(&o.part, source_name)?.clone();
        if let Some(v) = o.calibre_mm {
            p.calibre_mm = v;
        }
        if let Some(v) = o.prefire_s {
            p.prefire_s = v;
        }
        if let Some(v) = o.duration_s {
            p.duration_s = v;
        }
        if let Some(v) = o.burst_height_m {
            p.burst_height_m = v;
        }
        if let Some(v) = o.burst_radius_m {
            p.burst_radius_m = v;
        }
        if let Some(v) = &o.colour {
            p.colour = v.to_lowercase();
        }
        if let Some(v) = &o.effect {
            p.effect = v.clone();
        }
        self.insert(p)
    }

    /// The product with this part number; `source_name` (the cue) names the error.
    pub fn get(&self, part: &str, source_name: &str) -> Result<&Product, PyroError> {
        self.products
            .get(part)
            .ok_or_else(|| PyroError::UnknownProduct {
                source_name: source_name.to_string(),
                part: part.to_string(),
                hint: self.suggest(part),
            })
    }

    /// Number of products.
    pub fn len(&self) -> usize {
        self.products.len()
    }

    /// True if there are no products.
    pub fn is_empty(&self) -> bool {
        self.products.is_empty()
    }

    /// The products, by part number.
    pub fn products(&self) -> impl Iterator<Item = &Product> {
        self.products.values()
    }

    fn suggest(&self, part: &str) -> skyshow_i18n::Message {
        let want = part.to_ascii_uppercase();
        let best = self
            .products
            .keys()
            .map(|k| (edit_distance(&want, &k.to_ascii_uppercase()), k))
            .min();
        match best {
            Some((d, k)) if d <= want.len().max(3) / 2 => {
                msg!("pyro-did-you-mean", part = k.as_str())
            }
            _ => msg!("pyro-add-to-catalogue"),
        }
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_has_every_kind_and_colour() {
        let c = Catalogue::builtin();
        for kind in ProductKind::ALL {
            assert!(c.products().any(|p| p.kind == kind), "{kind}");
        }
        for colour in ["red", "green", "blue", "gold", "white", "silver"] {
            assert!(c.products().any(|p| p.colour == colour), "{colour}");
        }
        let shells: Vec<f64> = c
            .products()
            .filter(|p| p.kind == ProductKind::Shell)
            .map(|p| p.calibre_mm)
            .collect();
        assert!(shells.contains(&50.0) && shells.contains(&300.0));
        let p = c.get("SH100-R", "test").unwrap();
        assert!((p.burst_height_m - 120.0).abs() < 1e-9);
    }

    #[test]
    fn override_changes_only_given_fields() {
        let mut c = Catalogue::builtin();
        let text = "[[override]]\npart = \"SH100-R\"\nprefire_s = 3.1\n";
        c.extend_from_toml(text, "show").unwrap();
        let p = c.get("SH100-R", "test").unwrap();
        assert_eq!(p.prefire_s, 3.1);
        assert_eq!(p.calibre_mm, 100.0);
    }

    #[test]
    fn unknown_product_suggests_the_closest() {
        let c = Catalogue::builtin();
        let e = c.get("SH100-RR", "pyro.cue \"a\"").unwrap_err().to_string();
        assert!(e.contains("unknown product \"SH100-RR\""), "{e}");
        assert!(e.contains("did you mean \"SH100-R\""), "{e}");
    }

    #[test]
    fn bad_entries_are_rejected() {
        let entry = |cal: f64, pf: f64| {
            format!(
                "[[product]]\npart = \"X\"\nkind = \"shell\"\ncalibre_mm = {cal}\nprefire_s = {pf}\nduration_s = 3\ncolour = \"red\"\neffect = \"x\"\n"
            )
        };
        let e = Catalogue::from_toml(&entry(400.0, 2.0), "t").unwrap_err();
        assert!(matches!(e, PyroError::CalibreOutOfRange { .. }), "{e}");
        assert!(
            e.to_string()
                .contains("calibre 400 mm is out of range for a shell (50–300 mm)")
        );
        let e = Catalogue::from_toml(&entry(100.0, -1.0), "t").unwrap_err();
        assert!(matches!(e, PyroError::NegativePrefire { .. }), "{e}");
        assert!(e.to_string().contains("prefire -1 s is negative"));
        let e = Catalogue::from_toml("[[product]]\npart = 1", "t").unwrap_err();
        assert!(matches!(e, PyroError::CatalogueSyntax { .. }), "{e}");
        assert!(
            e.to_string().starts_with("catalogue t: line 2, column 8:"),
            "{e}"
        );
    }
}
