//! `Art`: 2D artwork as read from a file (SVG, text, image), in the file's own units with
//! `y` down, before it is fitted to metres.

use i_overlay::core::fill_rule::FillRule;
use i_overlay::float::simplify::SimplifyShape;
use skyshow_i18n::Message;
use skyshow_model::{Rgb, Shape};

/// Why an artwork file cannot be used: a message naming the problem and a hint, rendered
/// in the user's language where they are shown.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ArtError {
    /// What is wrong.
    pub(crate) message: Message,
    /// What to do about it.
    pub(crate) help: Option<Message>,
}

impl ArtError {
    /// An error with a hint.
    pub(crate) fn new(message: impl Into<Message>, help: impl Into<Message>) -> Self {
        ArtError {
            message: message.into(),
            help: Some(help.into()),
        }
    }
}

/// 2D artwork on a canvas `width` × `height` (file units, `y` down, origin top-left).
#[derive(Debug, Clone, Default)]
pub(crate) struct Art {
    /// Canvas width, file units.
    pub(crate) width: f64,
    /// Canvas height, file units.
    pub(crate) height: f64,
    /// Painted area: rings under the even-odd rule, not overlapping.
    pub(crate) area: Vec<Vec<[f64; 2]>>,
    /// Lines to trace; a closed line repeats its first point last.
    pub(crate) lines: Vec<Vec<[f64; 2]>>,
    /// Colour raster over the canvas, top row first (empty: no colours).
    pub(crate) colors: Vec<Vec<Option<Rgb>>>,
    /// Density raster over the canvas, top row first (empty: even sampling).
    pub(crate) density: Vec<Vec<f64>>,
}

/// How a picture is fitted: to a width or a height in metres (both: inside both).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fit {
    /// Target width, metres.
    pub(crate) width_m: Option<f64>,
    /// Target height, metres.
    pub(crate) height_m: Option<f64>,
}

impl Art {
    /// The union of filled paths (each a set of contours under its own fill rule) as
    /// non-overlapping even-odd rings.
    pub(crate) fn union(paths: &[(Vec<Vec<[f64; 2]>>, FillRule)]) -> Vec<Vec<[f64; 2]>> {
        let mut all: Vec<Vec<[f64; 2]>> = Vec::new();
        for (contours, rule) in paths {
            let contours: Vec<Vec<[f64; 2]>> =
                contours.iter().filter(|c| c.len() >= 3).cloned().collect();
            if contours.is_empty() {
                continue;
            }
            // Each path on its own: outer contours one way round, holes the other.
            for shape in contours.simplify_shape(*rule) {
                all.extend(shape);
            }
        }
        if all.is_empty() {
            return all;
        }
        all.simplify_shape(FillRule::NonZero)
            .into_iter()
            .flatten()
            .filter(|r| r.len() >= 3)
            .collect()
    }

    /// The area's rings as closed lines.
    pub(crate) fn ring_lines(rings: &[Vec<[f64; 2]>]) -> Vec<Vec<[f64; 2]>> {
        rings
            .iter()
            .map(|r| {
                let mut l = r.clone();
                l.push(r[0]);
                l
            })
            .collect()
    }

    /// The metres per file unit for `fit` (at least one of width and height is given).
    pub(crate) fn scale(&self, fit: Fit) -> f64 {
        let kw = fit.width_m.map(|w| w / self.width.max(1e-12));
        let kh = fit.height_m.map(|h| h / self.height.max(1e-12));
        match (kw, kh) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) => a,
            (None, Some(b)) => b,
            (None, None) => 1.0,
        }
    }

    /// The shape of `kind` in metres: centred on the canvas centre, `v` up, with the
    /// sampling options. (The model's drawing type is reached through
    /// [`Shape::blank_drawing`]: it is not re-exported by name yet.)
    pub(crate) fn into_shape(
        self,
        kind: ArtKind,
        fit: Fit,
        fill_share: Option<f64>,
        seed: u64,
        count: Option<usize>,
    ) -> Shape {
        let k = self.scale(fit);
        let (cx, cy) = (self.width / 2.0, self.height / 2.0);
        let to_m = |p: &[f64; 2]| [(p[0] - cx) * k, (cy - p[1]) * k];
        let mut drawing = Shape::blank_drawing(self.width * k, self.height * k, seed);
        drawing.area = self
            .area
            .iter()
            .map(|r| r.iter().map(to_m).collect())
            .collect();
        drawing.lines = self
            .lines
            .iter()
            .map(|r| r.iter().map(to_m).collect())
            .collect();
        drawing.colors = self.colors;
        drawing.fill_share = fill_share;
        match kind {
            ArtKind::Svg => Shape::Svg { drawing, count },
            ArtKind::Text => Shape::Text { drawing, count },
            ArtKind::Image => Shape::Image {
                drawing,
                density: self.density,
                count,
            },
        }
    }
}

/// Which shape a piece of 2D artwork becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ArtKind {
    /// An SVG file.
    Svg,
    /// Text set in a font.
    Text,
    /// A raster image.
    Image,
}
