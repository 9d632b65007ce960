//! A formation's colouring: one colour, a gradient along an axis, or the colours of its
//! artwork or point list.

use super::label::Label;
use skyshow_model::{ColorDesign, Shape, Vec3};
use toml::Spanned;

use super::Cx;
use super::raw::{RawFormation, RawGradient};
use crate::color::parse_color;
use crate::error::ImportError;
use skyshow_i18n::msg;

impl Cx<'_> {
    /// The colouring of formation `f`, whose lowered shape is `shape`.
    pub(super) fn coloring(
        &self,
        f: &RawFormation,
        shape: &Shape,
    ) -> Result<ColorDesign, ImportError> {
        Ok(match (&f.color, &f.gradient) {
            (Some(_), Some(g)) => {
                return Err(self.err(
                    g.span(),
                    msg!("formation-color-and-gradient"),
                    Label::SecondColouring,
                    None,
                ));
            }
            (Some(c), None) => {
                let rgb = parse_color(c.get_ref()).map_err(|why| {
                    self.fail(
                        c.span(),
                        why,
                        msg!("show-file-label-colour"),
                        Some(crate::color::color_hint()),
                    )
                })?;
                ColorDesign::Solid(rgb)
            }
            (None, Some(g)) => self.gradient(g)?,
            (None, None) => match shape {
                Shape::Points {
                    colors: Some(_), ..
                }
                | Shape::Vertices {
                    colors: Some(_), ..
                }
                | Shape::Mesh {
                    colors: Some(_), ..
                } => ColorDesign::PerPoint,
                s if s.drawing().is_some_and(|d| !d.colors.is_empty()) => ColorDesign::PerPoint,
                _ => ColorDesign::Solid(skyshow_model::Rgb::WHITE),
            },
        })
    }

    fn gradient(&self, g: &Spanned<RawGradient>) -> Result<ColorDesign, ImportError> {
        let r = g.get_ref();
        let axis = match r.axis.get_ref().as_str() {
            "x" => Vec3::new(1.0, 0.0, 0.0),
            "y" => Vec3::new(0.0, 1.0, 0.0),
            "z" | "up" => Vec3::new(0.0, 0.0, 1.0),
            "-x" => Vec3::new(-1.0, 0.0, 0.0),
            "-y" => Vec3::new(0.0, -1.0, 0.0),
            "-z" | "down" => Vec3::new(0.0, 0.0, -1.0),
            other => {
                return Err(self.err_near(
                    r.axis.span(),
                    msg!("formation-gradient-axis", axis = other),
                    Label::Axis,
                    msg!("formation-gradient-axis-hint"),
                    other,
                    &["x", "y", "z", "up", "-x", "-y", "-z", "down"],
                ));
            }
        };
        let mut stops = Vec::new();
        for c in r.colors.get_ref() {
            stops.push(
                parse_color(c)
                    .map_err(|why| self.err(r.colors.span(), why, Label::InList, None))?,
            );
        }
        if stops.len() < 2 {
            return Err(self.err(
                r.colors.span(),
                msg!("formation-gradient-two-colours"),
                Label::List,
                None,
            ));
        }
        Ok(ColorDesign::Gradient { axis, stops })
    }
}
