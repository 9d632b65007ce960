//! `SvgArt`: an SVG file read through usvg (paths, basic shapes, groups with transforms,
//! text as paths) into [`Art`]: the lit area of the filled paths, the lines to trace, and
//! the picture as painted (resvg) for the colours. `currentColor` is the `color` property,
//! else the formation's colour; dark parts of an otherwise lit picture are holes unless the
//! formation asks for drones with their LEDs off there (`svg_paint.rs`).

use std::sync::Arc;

use i_overlay::core::fill_rule::FillRule;
use resvg::tiny_skia;
use skyshow_model::Rgb;
use usvg::tiny_skia_path::PathSegment;
use usvg::{Node, Transform};

use super::art::{Art, ArtError};
use super::svg_paint::{Coat, Darkness, Tone, lit_area};

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

/// A flattened subpath.
struct Contour {
    pts: Vec<[f64; 2]>,
    closed: bool,
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

/// What a group's paths paint, in paint order.
#[derive(Default)]
struct Paints {
    /// Filled regions (and the regions of dark strokes), with their tones.
    coats: Vec<Coat>,
    /// Lines of strokes to trace, with their tones.
    strokes: Vec<(Vec<[f64; 2]>, Tone)>,
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
                format!(
                    "the SVG nests elements {depth} levels deep, more than the {MAX_DEPTH} this program reads"
                ),
                "flatten the groups in the drawing program (ungroup), or export a plain SVG",
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
                format!("not a valid SVG: {e}"),
                "check that the file is an SVG document (XML with an `<svg>` root and a size or viewBox) that a browser opens",
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
                "the SVG draws nothing: no path, shape or text with a fill or a stroke",
                "draw at least one visible filled or stroked path (empty paths and hidden elements are skipped; text needs its font installed)",
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
                format!(
                    "the SVG draws at ({}, {}), far outside its {} × {} canvas",
                    shown(p[0]),
                    shown(p[1]),
                    shown(w),
                    shown(h)
                ),
                "check that point (a mistyped coordinate, or a transform that throws a shape away); the viewBox should frame the drawing",
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

/// Collects what the paths of group `g` paint, in paint order; `opacity` is the group's
/// (its ancestors' included).
fn collect(g: &usvg::Group, tol: f64, opacity: f64, dark: Darkness, out: &mut Paints) {
    let opacity = opacity * f64::from(g.opacity().get());
    for node in g.children() {
        match node {
            Node::Group(g) => collect(g, tol, opacity, dark, out),
            Node::Text(t) => collect(t.flattened(), tol, opacity, dark, out),
            Node::Path(p) if p.is_visible() => paint_path(p, tol, opacity, dark, out),
            Node::Path(_) | Node::Image(_) => {}
        }
    }
}

/// What path `p` paints: its fill as a coat; its stroke as lines to trace when it has no
/// fill (or, with holes, a dark one), and as a coat to cut out when it is dark.
fn paint_path(p: &usvg::Path, tol: f64, opacity: f64, dark: Darkness, out: &mut Paints) {
    let contours = flatten(p.data(), p.abs_transform(), tol);
    // A fill that covers nothing (an open line under SVG's default black fill) leaves the
    // stroke to be traced.
    let fill = p.fill().and_then(|f| {
        let rings: Vec<Vec<[f64; 2]>> = contours
            .iter()
            .filter(|c| c.pts.len() >= 3 && ring_area(&c.pts).abs() > 0.0)
            .map(|c| c.pts.clone())
            .collect();
        let rule = match f.rule() {
            usvg::FillRule::EvenOdd => FillRule::EvenOdd,
            usvg::FillRule::NonZero => FillRule::NonZero,
        };
        let tone = dark.tone(f.paint(), opacity * f64::from(f.opacity().get()));
        (!rings.is_empty()).then_some(Coat {
            rings,
            rule,
            tone,
            stroke: false,
        })
    });
    let stroke = p.stroke().map(|s| {
        let tone = dark.tone(s.paint(), opacity * f64::from(s.opacity().get()));
        (s, tone)
    });
    let mut coats: Vec<Coat> = Vec::new();
    if let Some((s, Tone::Dark)) = stroke
        && dark.holes
        && let Some(region) = stroke_region(p, s, tol)
    {
        coats.push(region);
    }
    let traced = match (&fill, stroke) {
        (None, Some((_, tone))) => Some(tone),
        (Some(f), Some((_, Tone::Lit))) if dark.holes && f.tone == Tone::Dark => Some(Tone::Lit),
        _ => None,
    };
    if let Some(tone) = traced {
        for mut c in contours {
            if c.pts.len() < 2 {
                continue;
            }
            if c.closed && c.pts.first() != c.pts.last() {
                c.pts.push(c.pts[0]);
            }
            out.strokes.push((c.pts, tone));
        }
    }
    // Fill and stroke in the path's paint order.
    match (fill, p.paint_order()) {
        (Some(f), usvg::PaintOrder::FillAndStroke) => coats.insert(0, f),
        (Some(f), usvg::PaintOrder::StrokeAndFill) => coats.push(f),
        (None, _) => {}
    }
    out.coats.extend(coats);
}

/// The region a dark stroke of path `p` covers, as a coat to cut out.
fn stroke_region(p: &usvg::Path, s: &usvg::Stroke, tol: f64) -> Option<Coat> {
    let ts = p.abs_transform();
    let (sx, sy) = ts.get_scale();
    // The stroker's precision: its curves are offset within about a quarter of a unit at
    // this scale; they are flattened at `tol` afterwards like any path.
    let scale = (f64::from(sx.max(sy)) / tol).clamp(1e-3, 1e4) as f32;
    let outline = p.data().stroke(&s.to_tiny_skia(), scale)?;
    let rings: Vec<Vec<[f64; 2]>> = flatten(&outline, ts, tol)
        .into_iter()
        .filter(|c| c.pts.len() >= 3)
        .map(|c| c.pts)
        .collect();
    (!rings.is_empty()).then_some(Coat {
        rings,
        rule: FillRule::NonZero,
        tone: Tone::Dark,
        stroke: true,
    })
}

/// Signed area of a ring (shoelace).
fn ring_area(r: &[[f64; 2]]) -> f64 {
    (0..r.len())
        .map(|i| {
            let (a, b) = (r[i], r[(i + 1) % r.len()]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum::<f64>()
        / 2.0
}

/// The subpaths of `path` in canvas coordinates, curves cut into segments of about `tol`.
fn flatten(path: &usvg::tiny_skia_path::Path, ts: Transform, tol: f64) -> Vec<Contour> {
    let map = |x: f32, y: f32| -> [f64; 2] {
        let (x, y) = (x as f64, y as f64);
        [
            ts.sx as f64 * x + ts.kx as f64 * y + ts.tx as f64,
            ts.ky as f64 * x + ts.sy as f64 * y + ts.ty as f64,
        ]
    };
    let mut out: Vec<Contour> = Vec::new();
    let mut cur: Vec<[f64; 2]> = Vec::new();
    let mut last = [0.0f64; 2];
    let finish = |cur: &mut Vec<[f64; 2]>, out: &mut Vec<Contour>, closed: bool| {
        if !cur.is_empty() {
            out.push(Contour {
                pts: std::mem::take(cur),
                closed,
            });
        }
    };
    let steps = |pts: &[[f64; 2]]| -> usize {
        let len: f64 = pts
            .windows(2)
            .map(|w| (w[1][0] - w[0][0]).hypot(w[1][1] - w[0][1]))
            .sum();
        ((len / tol).ceil() as usize).clamp(1, 256)
    };
    for seg in path.segments() {
        match seg {
            PathSegment::MoveTo(p) => {
                finish(&mut cur, &mut out, false);
                last = map(p.x, p.y);
                cur.push(last);
            }
            PathSegment::LineTo(p) => {
                last = map(p.x, p.y);
                cur.push(last);
            }
            PathSegment::QuadTo(c, p) => {
                let (c, p) = (map(c.x, c.y), map(p.x, p.y));
                let n = steps(&[last, c, p]);
                for i in 1..=n {
                    let t = i as f64 / n as f64;
                    let u = 1.0 - t;
                    cur.push([
                        u * u * last[0] + 2.0 * u * t * c[0] + t * t * p[0],
                        u * u * last[1] + 2.0 * u * t * c[1] + t * t * p[1],
                    ]);
                }
                last = p;
            }
            PathSegment::CubicTo(c1, c2, p) => {
                let (c1, c2, p) = (map(c1.x, c1.y), map(c2.x, c2.y), map(p.x, p.y));
                let n = steps(&[last, c1, c2, p]);
                for i in 1..=n {
                    let t = i as f64 / n as f64;
                    let u = 1.0 - t;
                    let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
                    cur.push([
                        a * last[0] + b * c1[0] + c * c2[0] + d * p[0],
                        a * last[1] + b * c1[1] + c * c2[1] + d * p[1],
                    ]);
                }
                last = p;
            }
            PathSegment::Close => {
                let start = cur.first().copied();
                finish(&mut cur, &mut out, true);
                if let Some(s) = start {
                    last = s;
                }
            }
        }
    }
    finish(&mut cur, &mut out, false);
    out
}

/// `data` with `color="…"` set on its root element when the drawing does not set it there,
/// so that `currentColor` is `color` as SVG defines it (the property set anywhere in the
/// drawing, inherited, else the formation's colour). `None` when nothing is to change or the
/// document does not parse (usvg then says why).
fn with_root_color(data: &[u8], color: Rgb) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(data).ok()?;
    let opt = usvg::roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = usvg::roxmltree::Document::parse_with_options(text, opt).ok()?;
    let root = doc.root_element();
    if root.has_attribute("color") {
        return None;
    }
    // After `<` and the root's tag name (with its prefix, if any).
    let start = root.range().start + 1;
    let name_end =
        start + text[start..].find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
    let mut out = String::with_capacity(text.len() + 20);
    out.push_str(&text[..name_end]);
    out.push_str(&format!(" color=\"{}\"", color.to_hex()));
    out.push_str(&text[name_end..]);
    Some(out.into_bytes())
}

/// The deepest element nesting of XML `data`, from a scan of its tags (comments, CDATA,
/// processing instructions and declarations skipped; quoted `>` in attributes honoured).
/// Linear time, no recursion, whatever the input.
fn nesting_depth(data: &[u8]) -> usize {
    let find = |from: usize, pat: &[u8]| {
        data[from..]
            .windows(pat.len())
            .position(|w| w == pat)
            .map_or(data.len(), |k| from + k + pat.len())
    };
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while i < data.len() {
        if data[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &data[i..];
        if rest.starts_with(b"<!--") {
            i = find(i + 4, b"-->");
        } else if rest.starts_with(b"<![CDATA[") {
            i = find(i + 9, b"]]>");
        } else if rest.starts_with(b"<?") {
            i = find(i + 2, b"?>");
        } else if rest.starts_with(b"<!") {
            i = find(i + 2, b">");
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            i = find(i + 2, b">");
        } else {
            let mut quote = None;
            let mut j = i + 1;
            while j < data.len() {
                match (quote, data[j]) {
                    (None, b'"' | b'\'') => quote = Some(data[j]),
                    (Some(q), c) if c == q => quote = None,
                    (None, b'>') => break,
                    _ => {}
                }
                j += 1;
            }
            if data.get(j.wrapping_sub(1)) != Some(&b'/') {
                depth += 1;
                max = max.max(depth);
            }
            i = j + 1;
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geometry_far_outside_the_canvas_is_refused() {
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 110"><polyline fill="none" stroke="red" points="44444444444444444498 13 30 40"/></svg>"#;
        let e = SvgArt::parse(svg, db(), None)
            .unwrap()
            .art(false, D)
            .err()
            .unwrap();
        assert_eq!(
            e.message,
            "the SVG draws at (4.44444e19, 13), far outside its 200 × 110 canvas"
        );
        // A little outside the canvas is fine.
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 110"><polyline fill="none" stroke="red" points="-50 13 300 40"/></svg>"#;
        assert!(
            SvgArt::parse(svg, db(), None)
                .unwrap()
                .art(false, D)
                .is_ok()
        );
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let nested = |n: usize| {
            let mut s =
                String::from(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">"#);
            s.push_str(&"<g>".repeat(n));
            s.push_str(r#"<rect width="5" height="5" fill="red"/>"#);
            s.push_str(&"</g>".repeat(n));
            s.push_str("</svg>");
            s.into_bytes()
        };
        assert_eq!(nesting_depth(&nested(40)), 41);
        assert!(
            SvgArt::parse(&nested(40), db(), None)
                .unwrap()
                .art(false, D)
                .is_ok()
        );
        let e = SvgArt::parse(&nested(200_000), db(), None).err().unwrap();
        assert_eq!(
            e.message,
            "the SVG nests elements 200001 levels deep, more than the 256 this program reads"
        );
        // Comments, CDATA, declarations and quoted `>` do not count; self-closing tags do not nest.
        let tricky = br#"<?xml version="1.0"?><!DOCTYPE svg><svg a=">"><!-- <g><g> --><![CDATA[<g>]]><g/><g b='/>'><rect/></g></svg>"#;
        assert_eq!(nesting_depth(tricky), 2);
    }

    const D: Darkness = Darkness::DEFAULT;

    fn db() -> Arc<usvg::fontdb::Database> {
        Arc::new(usvg::fontdb::Database::new())
    }

    #[test]
    fn shapes_transforms_and_union() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">
            <rect x="10" y="10" width="40" height="20" fill="#ff0000"/>
            <g transform="translate(30 0)"><rect x="10" y="10" width="40" height="20" fill="#0000ff"/></g>
            <path d="M 0 45 L 100 45" stroke="#00ff00" stroke-width="2" fill="none"/>
        </svg>"##;
        let art = SvgArt::parse(svg, db(), None)
            .unwrap()
            .art(true, D)
            .unwrap()
            .art;
        assert_eq!((art.width, art.height), (100.0, 50.0));
        // Two overlapping rectangles make one ring 70 × 20.
        assert_eq!(art.area.len(), 1, "{:?}", art.area);
        let xs: Vec<f64> = art.area[0].iter().map(|p| p[0]).collect();
        assert_eq!(xs.iter().copied().fold(f64::INFINITY, f64::min), 10.0);
        assert_eq!(xs.iter().copied().fold(0.0, f64::max), 80.0);
        // The ring and the stroke are traced.
        assert_eq!(art.lines.len(), 2);
        assert_eq!(art.lines[1], vec![[0.0, 45.0], [100.0, 45.0]]);
        // Colours as painted: red left, blue right.
        let px = |x: f64, y: f64| {
            let r = (y / 50.0 * art.colors.len() as f64) as usize;
            let c = (x / 100.0 * art.colors[0].len() as f64) as usize;
            art.colors[r][c]
        };
        assert_eq!(px(15.0, 20.0), Some(Rgb::new(255, 0, 0)));
        assert_eq!(px(75.0, 20.0), Some(Rgb::new(0, 0, 255)));
        assert_eq!(px(5.0, 5.0), None);
    }

    #[test]
    fn broken_and_empty_svgs_say_why() {
        let e = SvgArt::parse(b"<svg><rect", db(), None).err().unwrap();
        assert!(e.message.starts_with("not a valid SVG"), "{e:?}");
        let empty =
            br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d=""/></svg>"#;
        let e = SvgArt::parse(empty, db(), None)
            .unwrap()
            .art(false, D)
            .unwrap_err();
        assert!(e.message.contains("draws nothing"), "{e:?}");
    }

    /// Whether `p` is inside the even-odd rings `area`.
    fn inside(area: &[Vec<[f64; 2]>], p: [f64; 2]) -> bool {
        let mut odd = false;
        for r in area {
            for i in 0..r.len() {
                let (a, b) = (r[i], r[(i + 1) % r.len()]);
                if (a[1] > p[1]) != (b[1] > p[1])
                    && p[0] < a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0])
                {
                    odd = !odd;
                }
            }
        }
        odd
    }

    /// The painted colour at canvas point `(x, y)` of a 100 × 100 canvas.
    fn color_at(art: &Art, x: f64, y: f64) -> Option<Rgb> {
        let r = (y / 100.0 * art.colors.len() as f64) as usize;
        let c = (x / 100.0 * art.colors[0].len() as f64) as usize;
        art.colors[r][c]
    }

    const FACE: &[u8] = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
        <circle cx="50" cy="50" r="45" fill="#fde030"/>
        <circle cx="35" cy="40" r="8" fill="#422b0d"/>
        <circle cx="65" cy="40" r="8" fill="#2f2f2f"/>
        <circle cx="67" cy="38" r="2" fill="#896024"/>
        <path d="M 30 70 Q 50 85 70 70" fill="none" stroke="#000" stroke-width="4"/>
        <ellipse cx="50" cy="97" rx="40" ry="3" fill="#000" fill-opacity="0.2"/>
    </svg>"##;

    #[test]
    fn dark_details_of_a_lit_picture_are_holes() {
        let p = SvgArt::parse(FACE, db(), None)
            .unwrap()
            .art(true, D)
            .unwrap();
        assert!(!p.unlit);
        let art = &p.art;
        // The face is lit, the eyes and the mouth's stroke are holes, the eye's highlight
        // is lit again, the faint shadow is no place for drones.
        assert!(inside(&art.area, [50.0, 20.0]));
        assert!(!inside(&art.area, [35.0, 40.0]));
        assert!(!inside(&art.area, [61.0, 42.0]));
        assert!(inside(&art.area, [67.0, 38.0]));
        assert!(
            !inside(&art.area, [50.0, 77.5]),
            "the mouth's stroke cuts the face"
        );
        assert!(inside(&art.area, [50.0, 72.0]));
        assert!(!inside(&art.area, [50.0, 97.5]));
        // The mouth is not traced; the holes' edges are.
        assert!(art.lines.iter().all(|l| l[0] != [30.0, 70.0]));
        // Dark pixels carry no colour: drones at a hole's edge take the nearest lit one.
        assert_eq!(color_at(art, 35.0, 40.0), None);
        assert_eq!(color_at(art, 50.0, 20.0), Some(Rgb::new(0xfd, 0xe0, 0x30)));
    }

    #[test]
    fn dark_off_keeps_dark_details_as_drones_with_leds_off() {
        let off = Darkness {
            holes: false,
            ..Darkness::DEFAULT
        };
        let p = SvgArt::parse(FACE, db(), None)
            .unwrap()
            .art(true, off)
            .unwrap();
        let art = &p.art;
        assert!(inside(&art.area, [35.0, 40.0]));
        assert_eq!(color_at(art, 35.0, 40.0), Some(Rgb::new(0x42, 0x2b, 0x0d)));
        // A brighter threshold makes the yellow face dark too: nothing lit is left, so the
        // picture is drawn whole (and unlit).
        let strict = Darkness { below: 0.995, ..D };
        let p = SvgArt::parse(FACE, db(), None)
            .unwrap()
            .art(true, strict)
            .unwrap();
        assert!(p.unlit);
        assert!(inside(&p.art.area, [35.0, 40.0]));
        assert!(p.art.colors.is_empty());
    }

    #[test]
    fn an_uncoloured_icon_is_unlit_and_keeps_its_shape() {
        // SVG's default fill is black: no lit colour anywhere.
        let icon = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><path d="M10 10h80v80H10z M30 30v40h40V30z"/></svg>"#;
        let p = SvgArt::parse(icon, db(), None)
            .unwrap()
            .art(true, D)
            .unwrap();
        assert!(p.unlit);
        assert!(
            p.art.colors.is_empty(),
            "no colours: the formation's colour shows"
        );
        assert!(inside(&p.art.area, [20.0, 20.0]));
        assert!(
            !inside(&p.art.area, [50.0, 50.0]),
            "its own hole stays a hole"
        );
    }

    #[test]
    fn current_color_is_the_color_property_else_the_formations() {
        let stroked = |root: &str| {
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"{root}><path d="M10 50 H90" fill="none" stroke="currentColor" stroke-width="6"/></svg>"#
            )
        };
        let red = Some(Rgb::new(255, 0, 0));
        // No colour anywhere: SVG's black, unlit.
        let p = SvgArt::parse(stroked("").as_bytes(), db(), None)
            .unwrap()
            .art(true, D)
            .unwrap();
        assert!(p.unlit);
        // The formation's colour.
        let p = SvgArt::parse(stroked("").as_bytes(), db(), red)
            .unwrap()
            .art(true, D)
            .unwrap();
        assert!(!p.unlit);
        assert_eq!(color_at(&p.art, 50.0, 50.0), red);
        assert_eq!(p.art.lines, vec![vec![[10.0, 50.0], [90.0, 50.0]]]);
        // The drawing's own `color` wins, as an attribute or a style.
        for root in [r##" color="#00ff00""##, r##" style="color: #00ff00""##] {
            let p = SvgArt::parse(stroked(root).as_bytes(), db(), red)
                .unwrap()
                .art(true, D)
                .unwrap();
            assert_eq!(
                color_at(&p.art, 50.0, 50.0),
                Some(Rgb::new(0, 255, 0)),
                "{root}"
            );
        }
        // Inherited from a group.
        let grouped = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><g color="blue"><rect x="10" y="10" width="80" height="80" fill="currentColor"/></g></svg>"#;
        let p = SvgArt::parse(grouped, db(), red)
            .unwrap()
            .art(true, D)
            .unwrap();
        assert_eq!(color_at(&p.art, 50.0, 50.0), Some(Rgb::new(0, 0, 255)));
    }
}
