//! The catalogue: `pyro.catalogue`, `[[pyro.product]]` and `[[pyro.override]]`.

use crate::show_file::label::Label;
use std::ops::Range;

use skyshow_i18n::msg;
use skyshow_pyro::{Catalogue, Product, ProductKind, ProductOverride, PyroError};
use toml::Spanned;

use super::super::{Cx, Reader};
use super::entry;
use super::raw::{RawOverride, RawProduct, RawPyro};
use crate::error::ImportError;

impl Cx<'_> {
    /// The pyro catalogue: the built-in products, then the show's `catalogue` file, its
    /// `[[pyro.product]]` entries and its `[[pyro.overrides]]`, in that order.
    pub(super) fn catalogue(
        &mut self,
        p: &RawPyro,
        read: &mut Reader<'_>,
    ) -> Result<Catalogue, ImportError> {
        let mut catalogue = Catalogue::builtin();
        if let Some(file) = &p.catalogue {
            self.catalogue_file(&mut catalogue, file, read)?;
        }
        for sp in &p.product {
            self.product(&mut catalogue, sp)?;
        }
        for so in &p.overrides {
            self.product_override(&mut catalogue, so)?;
        }
        Ok(catalogue)
    }

    /// Adds the products of the catalogue file `file` (TOML).
    fn catalogue_file(
        &mut self,
        catalogue: &mut Catalogue,
        file: &Spanned<String>,
        read: &mut Reader<'_>,
    ) -> Result<(), ImportError> {
        self.source
            .pyro
            .insert("pyro.catalogue".into(), file.span());
        let text = read(file.get_ref())
            .and_then(|b| String::from_utf8(b).map_err(|_| msg!("io-invalid-data")))
            .map_err(|why| {
                self.err(
                    file.span(),
                    msg!(
                        "pyro-catalogue-unreadable",
                        name = file.get_ref(),
                        why = why
                    ),
                    Label::File,
                    Some(msg!("show-file-cannot-read-hint")),
                )
            })?;
        catalogue
            .extend_from_toml(&text, file.get_ref())
            .map_err(|e| self.pyro_at(file.span(), &e))?;
        Ok(())
    }

    /// Adds one `[[pyro.product]]`, each error at the field it is about.
    fn product(
        &mut self,
        catalogue: &mut Catalogue,
        sp: &Spanned<RawProduct>,
    ) -> Result<(), ImportError> {
        let r = sp.get_ref();
        let part = r.part.get_ref().trim().to_string();
        if part.is_empty() {
            return Err(self.err(
                r.part.span(),
                msg!("pyro-product-needs-part"),
                Label::Empty,
                None,
            ));
        }
        self.source.pyro.insert(entry("product", &part), sp.span());
        let kind: ProductKind = r
            .kind
            .get_ref()
            .parse()
            .map_err(|m| self.err(r.kind.span(), m, Label::Kind, None))?;
        let mut product = Product::new(
            part,
            kind,
            *r.calibre_mm.get_ref(),
            *r.prefire_s.get_ref(),
            *r.duration_s.get_ref(),
            r.colour.get_ref().to_lowercase(),
            r.effect.get_ref().clone(),
        );
        if let Some(h) = &r.burst_height_m {
            product.burst_height_m = *h.get_ref();
        }
        if let Some(rad) = &r.burst_radius_m {
            product.burst_radius_m = *rad.get_ref();
        }
        let field_span = |field: &str| match field {
            "calibre_mm" => Some(r.calibre_mm.span()),
            "prefire_s" => Some(r.prefire_s.span()),
            "duration_s" => Some(r.duration_s.span()),
            "colour" => Some(r.colour.span()),
            "effect" => Some(r.effect.span()),
            "burst_height_m" => r.burst_height_m.as_ref().map(Spanned::span),
            "burst_radius_m" => r.burst_radius_m.as_ref().map(Spanned::span),
            _ => None,
        };
        catalogue
            .insert(product)
            .map_err(|e| self.product_error(&e, sp.span(), field_span))?;
        Ok(())
    }

    /// Applies one `[[pyro.overrides]]` to the product it names.
    fn product_override(
        &mut self,
        catalogue: &mut Catalogue,
        so: &Spanned<RawOverride>,
    ) -> Result<(), ImportError> {
        let r = so.get_ref();
        let part = r.part.get_ref().trim().to_string();
        let name = entry("override", &part);
        self.source.pyro.insert(name.clone(), so.span());
        self.source
            .pyro
            .insert(format!("{name}.product"), r.part.span());
        let o = ProductOverride {
            part,
            calibre_mm: r.calibre_mm.as_ref().map(|v| *v.get_ref()),
            prefire_s: r.prefire_s.as_ref().map(|v| *v.get_ref()),
            duration_s: r.duration_s.as_ref().map(|v| *v.get_ref()),
            burst_height_m: r.burst_height_m.as_ref().map(|v| *v.get_ref()),
            burst_radius_m: r.burst_radius_m.as_ref().map(|v| *v.get_ref()),
            colour: r.colour.as_ref().map(|v| v.get_ref().clone()),
            effect: r.effect.as_ref().map(|v| v.get_ref().clone()),
        };
        let field_span = |field: &str| {
            let f = |v: &Option<Spanned<f64>>| v.as_ref().map(Spanned::span);
            match field {
                "calibre_mm" => f(&r.calibre_mm),
                "prefire_s" => f(&r.prefire_s),
                "duration_s" => f(&r.duration_s),
                "burst_height_m" => f(&r.burst_height_m),
                "burst_radius_m" => f(&r.burst_radius_m),
                "colour" => r.colour.as_ref().map(Spanned::span),
                "effect" => r.effect.as_ref().map(Spanned::span),
                _ => None,
            }
        };
        catalogue.apply_override(&o, &name).map_err(|e| match e {
            PyroError::UnknownProduct { .. } => self.pyro_at(r.part.span(), &e),
            _ => self.product_error(&e, so.span(), field_span),
        })?;
        Ok(())
    }

    /// A product error at the field it is about (else the entry).
    fn product_error(
        &self,
        e: &PyroError,
        entry_span: Range<usize>,
        field_span: impl Fn(&str) -> Option<Range<usize>>,
    ) -> ImportError {
        let field = match e {
            PyroError::CalibreOutOfRange { .. } => "calibre_mm",
            PyroError::NegativePrefire { .. } => "prefire_s",
            PyroError::InvalidProduct { field, .. } => field.as_str(),
            _ => "",
        };
        self.pyro_at(field_span(field).unwrap_or(entry_span), e)
    }

    /// A fireworks error at `span`.
    pub(super) fn pyro_at(&self, span: Range<usize>, e: &PyroError) -> ImportError {
        self.err(span, e.message(), Label::Here, Some(e.hint()))
    }
}
