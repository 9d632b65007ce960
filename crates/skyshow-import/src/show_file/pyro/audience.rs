//! `[audience] line` / `zone` and `[[element]]`.

use crate::show_file::label::Label;
use skyshow_i18n::msg;
use skyshow_model::Vec3;
use skyshow_pyro::{Audience, ElementKind, ShowElement};
use toml::Spanned;

use super::super::Cx;
use super::raw::RawElement;
use crate::error::ImportError;

impl Cx<'_> {
    pub(super) fn audience(
        &self,
        line: Option<&Spanned<Vec<[f64; 2]>>>,
        zone: Option<&Spanned<Vec<[f64; 2]>>>,
    ) -> Result<Option<Audience>, ImportError> {
        let points = |v: &Spanned<Vec<[f64; 2]>>, what: &str, min: usize| {
            let pts = v.get_ref();
            if pts.len() < min {
                return Err(self.err(
                    v.span(),
                    msg!("pyro-audience-too-few", what = what, min = min),
                    Label::List,
                    Some(msg!("pyro-audience-too-few-hint")),
                ));
            }
            if pts
                .iter()
                .flatten()
                .any(|x| !x.is_finite() || x.abs() > 10_000.0)
            {
                return Err(self.err(
                    v.span(),
                    msg!("pyro-audience-out-of-range", what = what),
                    Label::List,
                    Some(msg!("show-file-coordinate-out-of-range-hint")),
                ));
            }
            Ok(pts.iter().map(|p| Vec3::new(p[0], p[1], 0.0)).collect())
        };
        match (line, zone) {
            (Some(_), Some(z)) => Err(self.err(
                z.span(),
                msg!("pyro-audience-line-and-zone"),
                Label::SecondOne,
                Some(msg!("pyro-audience-line-and-zone-hint")),
            )),
            (Some(l), None) => Ok(Some(Audience::Line(points(l, "line", 2)?))),
            (None, Some(z)) => Ok(Some(Audience::Zone(points(z, "zone", 3)?))),
            (None, None) => Ok(None),
        }
    }

    pub(super) fn element(&self, e: &Spanned<RawElement>) -> Result<ShowElement, ImportError> {
        let r = e.get_ref();
        let kind = r.kind.get_ref().trim();
        if kind.is_empty() {
            return Err(self.err(
                r.kind.span(),
                msg!("pyro-element-needs-kind"),
                Label::EmptyKind,
                Some(msg!("pyro-element-needs-kind-hint")),
            ));
        }
        let label = r.label.get_ref().trim();
        if label.is_empty() {
            return Err(self.err(
                r.label.span(),
                msg!("pyro-element-needs-label"),
                Label::EmptyLabelText,
                Some(msg!("pyro-element-needs-label-hint")),
            ));
        }
        Ok(ShowElement {
            kind: ElementKind::parse(kind),
            time_s: self.time(&r.time, "time")?,
            label: label.to_string(),
            duration_s: r
                .duration_s
                .as_ref()
                .map(|d| self.num(d, "duration_s", 0.0, 86_400.0, "seconds"))
                .transpose()?,
        })
    }
}
