//! `SvgArt`: an SVG file read through usvg (paths, basic shapes, groups with transforms,
//! text as paths) into [`Art`]: the lit area of the filled paths, the lines to trace, and
//! the picture as painted (resvg) for the colours. `currentColor` is the `color` property,
//! else the formation's colour; dark parts of an otherwise lit picture are holes unless the
//! formation asks for drones with their LEDs off there (`svg_paint.rs`).

use skyshow_i18n::msg;
use std::sync::Arc;

use resvg::tiny_skia;
use skyshow_model::Rgb;

use super::art::{Art, ArtError};
use super::svg_paint::{Darkness, Tone, lit_area};
use super::svg_paths::{Paints, collect};
use super::svg_source::{nesting_depth, with_root_color};

/// Longest side of the colour raster, pixels.
const COLOR_RASTER: f64 = 480.0;
/// Curves are flattened to segments at most this share of the canvas size long.
const FLATTEN: f64 = 1.0 / 600.0;

/// Geometry may reach this many canvas sizes beyond the canvas; farther is a mistake or
/// hostile (a coordinate of 4e19 in a 200-unit drawing), refused before any arithmetic.
const REACH: f64 = 100.0;
/// Deepest element nesting accepted. Drawings from editors nest a few tens of levels;
/// thousands of levels would overflow the stack of the recursive SVG conversion.
const MAX_DEPTH: usize = 256;

/// An SVG document, parsed.
pub(crate) struct SvgArt {
    tree: usvg::Tree,
}

/// An SVG's artwork and how it is lit.
#[derive(Debug)]
pub(crate) struct SvgPicture {
    /// The artwork.
    pub(crate) art: Art,
    /// Nothing in the picture is painted in a lit colour (an icon drawn in SVG's default
    /// black, or in `currentColor` with no colour given): its colours are left out, so the
    /// formation's colour (white unless set) shows.
    pub(crate) unlit: bool,
}

impl SvgArt {
    /// Parses SVG bytes; text is set with the fonts of `fontdb`; `current_color` is the
    /// colour `currentColor` takes where the drawing sets no `color` (else SVG's black).
    pub(crate) fn parse(
        data: &[u8],
        fontdb: Arc<usvg::fontdb::Database>,
        current_color: Option<Rgb>,
    ) -> Result<Self, ArtError> {
        let depth = nesting_depth(data);
        if depth > MAX_DEPTH {
            return Err(ArtError::new(
                msg!("artwork-svg-too-deep", depth = depth, max = MAX_DEPTH),
                msg!("artwork-svg-too-deep-hint"),
            ));
        }
        let opt = usvg::Options {
            fontdb,
            ..usvg::Options::default()
        };
        let colored = current_color.and_then(|c| with_root_color(data, c));
        let data = colored.as_deref().unwrap_or(data);
        let tree = usvg::Tree::from_data(data, &opt).map_err(|e| {
            ArtError::new(
                msg!("artwork-svg-invalid", why = e.to_string()),
                msg!("artwork-svg-invalid-hint"),
            )
        })?;
        Ok(SvgArt { tree })
    }

    /// The artwork. `colors`: render the picture for per-point colours; `dark`: how its
    /// dark parts are drawn.
    pub(crate) fn art(&self, colors: bool, dark: Darkness) -> Result<SvgPicture, ArtError> {
        let size = self.tree.size();
        let (w, h) = (size.width() as f64, size.height() as f64);
        let tol = w.max(h) * FLATTEN;
        let mut paints = Paints::default();
        collect(self.tree.root(), tol, 1.0, dark, &mut paints);
        if paints.coats.is_empty() && paints.strokes.is_empty() {
            return Err(ArtError::new(
                msg!("artwork-svg-draws-nothing"),
                msg!("artwork-svg-draws-nothing-hint"),
            ));
        }
        let reach = REACH * w.max(h);
        let far = paints
            .coats
            .iter()
            .flat_map(|c| c.rings.iter().flatten())
            .chain(paints.strokes.iter().flat_map(|(l, _)| l))
            .find(|p| {
                !(p[0] >= -reach && p[0] <= w + reach && p[1] >= -reach && p[1] <= h + reach)
            });
        if let Some(p) = far {
            use crate::number::shown;
            return Err(ArtError::new(
                msg!(
                    "artwork-svg-far",
                    x = shown(p[0]),
                    y = shown(p[1]),
                    width = shown(w),
                    height = shown(h)
                ),
                msg!("artwork-svg-far-hint"),
            ));
        }
        let lit = |t: Tone| t == Tone::Lit;
        let unlit = !paints.coats.iter().any(|c| lit(c.tone))
            && !paints.strokes.iter().any(|(_, t)| lit(*t));
        let has_dark = paints.coats.iter().any(|c| c.tone == Tone::Dark)
            || paints.strokes.iter().any(|(_, t)| *t == Tone::Dark);
        let holes = dark.holes && has_dark && !unlit;
        let area = if holes {
            lit_area(&paints.coats)
        } else {
            let all: Vec<_> = paints
                .coats
                .into_iter()
                .filter(|c| !c.stroke)
                .map(|c| (c.rings, c.rule))
                .collect();
            Art::union(&all)
        };
        let mut lines = Art::ring_lines(&area);
        lines.extend(
            paints
                .strokes
                .into_iter()
                .filter(|(_, t)| !(holes && *t == Tone::Dark))
                .map(|(l, _)| l),
        );
        let colors = if colors && !unlit {
            self.raster(w, h, holes.then_some(dark))
        } else {
            Vec::new()
        };
        Ok(SvgPicture {
            art: Art {
                width: w,
                height: h,
                area,
                lines,
                colors,
                density: Vec::new(),
            },
            unlit,
        })
    }

    /// The picture as painted, top row first; `None` where (nearly) transparent, and where
    /// dark when dark parts are `holes` (drones at a hole's edge take the nearest lit
    /// colour).
    fn raster(&self, w: f64, h: f64, holes: Option<Darkness>) -> Vec<Vec<Option<Rgb>>> {
        let k = COLOR_RASTER / w.max(h);
        let (pw, ph) = (
            ((w * k).round() as u32).max(1),
            ((h * k).round() as u32).max(1),
        );
        let Some(mut pixmap) = tiny_skia::Pixmap::new(pw, ph) else {
            return Vec::new();
        };
        resvg::render(
            &self.tree,
            tiny_skia::Transform::from_scale(k as f32, k as f32),
            &mut pixmap.as_mut(),
        );
        let px = pixmap.pixels();
        (0..ph as usize)
            .map(|y| {
                (0..pw as usize)
                    .map(|x| {
                        let c = px[y * pw as usize + x];
                        let d = c.demultiply();
                        let rgb = Rgb::new(d.red(), d.green(), d.blue());
                        let hole = holes.is_some_and(|dark| dark.is_dark(rgb));
                        (c.alpha() >= 96 && !hole).then_some(rgb)
                    })
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
#[path = "svg_art_tests.rs"]
mod tests;
