//! The parametric shapes (grid, circle, ring, disc, sphere, helix, line, polygon) and
//! explicit point lists, with the size keys each one needs.

use super::label::Label;
use skyshow_i18n::msg;
use skyshow_model::{Shape, Vec3};
use toml::Spanned;

use super::raw::RawFormation;
use super::{Cx, MAX_DRONES, Reader};
use crate::error::ImportError;
use crate::points_csv::parse_points_csv;

impl Cx<'_> {
    /// The shape of formation `name`, of the given `kind` (checked to be a known one).
    pub(super) fn shape(
        &self,
        sf: &Spanned<RawFormation>,
        kind: &str,
        name: &str,
        count: Option<usize>,
        fleet: usize,
        read: &mut Reader<'_>,
    ) -> Result<Shape, ImportError> {
        let f = sf.get_ref();
        Ok(match kind {
            "svg" | "text" | "image" | "mesh" => {
                self.artwork(sf, kind, name, count, fleet, read)?
            }
            "sequence" => self.sequence(sf, name, fleet, read)?,
            "animation" => self.animation(f, name, count, fleet, read)?,
            _ => match self.parametric(sf, kind, name, count)? {
                Some(shape) => shape,
                None => self.points(f, name, fleet, read)?,
            },
        })
    }

    /// A parametric shape (`grid`, `circle`, `disc`, `sphere`, `ring`, `helix`, `line`,
    /// `polygon`) of formation `name` from its keys; `None` for any other kind.
    fn parametric(
        &self,
        sf: &Spanned<RawFormation>,
        kind: &str,
        name: &str,
        count: Option<usize>,
    ) -> Result<Option<Shape>, ImportError> {
        let f = sf.get_ref();
        let size = |v: &Option<Spanned<f64>>, key: &str| self.size_key(f, name, v, key);
        let opt_count =
            |v: &Option<Spanned<i64>>, key: &str| -> Result<Option<usize>, ImportError> {
                v.as_ref()
                    .map(|c| self.count(c, key, 1, MAX_DRONES))
                    .transpose()
            };
        Ok(Some(match kind {
            "grid" | "plane" => Shape::Grid {
                width_m: size(&f.width_m, "width_m")?,
                height_m: size(&f.height_m, "height_m")?,
                rows: opt_count(&f.rows, "rows")?,
                columns: opt_count(&f.columns, "columns")?,
                count,
            },
            "circle" => Shape::Circle {
                radius_m: size(&f.radius_m, "radius_m")?,
                count,
            },
            "disc" => Shape::Disc {
                radius_m: size(&f.radius_m, "radius_m")?,
                count,
            },
            "sphere" => Shape::Sphere {
                radius_m: size(&f.radius_m, "radius_m")?,
                count,
            },
            "ring" => {
                let inner = size(&f.inner_radius_m, "inner_radius_m")?;
                let outer = size(&f.outer_radius_m, "outer_radius_m")?;
                if inner >= outer {
                    return Err(self.err(
                        f.inner_radius_m.as_ref().map_or(sf.span(), Spanned::span),
                        msg!("formation-ring-inner-outer"),
                        Label::Value,
                        None,
                    ));
                }
                Shape::Ring {
                    inner_radius_m: inner,
                    outer_radius_m: outer,
                    count,
                }
            }
            "helix" => Shape::Helix {
                radius_m: size(&f.radius_m, "radius_m")?,
                height_m: size(&f.height_m, "height_m")?,
                turns: match &f.turns {
                    Some(t) => self.num(t, "turns", 0.1, 1000.0, "turns")?,
                    None => 3.0,
                },
                count,
            },
            "line" => Shape::Line {
                length_m: size(&f.length_m, "length_m")?,
                count,
            },
            "polygon" => Shape::Polygon {
                sides: match &f.sides {
                    Some(s) => self.count(s, "sides", 3, 1000)?,
                    None => {
                        return Err(self.err(
                            f.shape.span(),
                            msg!("formation-polygon-sides"),
                            Label::Shape,
                            Some(msg!("formation-polygon-sides-hint")),
                        ));
                    }
                },
                radius_m: size(&f.radius_m, "radius_m")?,
                count,
            },
            _ => return Ok(None),
        }))
    }

    /// A parametric shape's size key (`key`, metres, 0.01–5,000), refused when missing.
    fn size_key(
        &self,
        f: &RawFormation,
        name: &str,
        v: &Option<Spanned<f64>>,
        key: &str,
    ) -> Result<f64, ImportError> {
        match v {
            Some(v) => self.num(v, key, 0.01, 5000.0, "metres"),
            None => Err(self.err(
                f.shape.span(),
                msg!(
                    "formation-shape-needs-key",
                    shape = f.shape.get_ref(),
                    key = key
                ),
                Label::Shape,
                Some(msg!(
                    "formation-shape-needs-key-hint",
                    key = key,
                    name = name
                )),
            )),
        }
    }

    /// A `points` formation: the CSV file's points, moved by `offset_m`.
    fn points(
        &self,
        f: &RawFormation,
        name: &str,
        fleet: usize,
        read: &mut Reader<'_>,
    ) -> Result<Shape, ImportError> {
        let Some(path) = &f.points else {
            return Err(self.err(
                f.shape.span(),
                msg!("formation-points-needs-file"),
                Label::Shape,
                Some(msg!("formation-points-needs-file-hint")),
            ));
        };
        let text = read(path.get_ref())
            .and_then(|b| String::from_utf8(b).map_err(|_| msg!("formation-points-not-utf8")))
            .map_err(|why| {
                self.err(
                    path.span(),
                    msg!("formation-points-unread", file = path.get_ref(), why = why),
                    Label::File,
                    Some(msg!("artwork-cannot-read-hint")),
                )
            })?;
        let csv = parse_points_csv(&text).map_err(|(line, why)| {
            self.err(
                path.span(),
                msg!(
                    "formation-points-line",
                    file = path.get_ref(),
                    line = line,
                    why = why
                ),
                Label::File,
                Some(msg!("formation-points-line-hint")),
            )
        })?;
        if csv.points.len() > fleet {
            return Err(self.err(
                path.span(),
                msg!(
                    "formation-points-fleet",
                    formation = name,
                    points = csv.points.len(),
                    fleet = fleet
                ),
                Label::File,
                Some(msg!(
                    "formation-points-fleet-hint",
                    points = csv.points.len()
                )),
            ));
        }
        let offset = f
            .offset_m
            .as_ref()
            .map(|o| self.vec3(o, "offset_m"))
            .transpose()?
            .unwrap_or(Vec3::ZERO);
        Ok(Shape::Points {
            points: csv.points.iter().map(|p| *p + offset).collect(),
            colors: csv.colors,
        })
    }
}
