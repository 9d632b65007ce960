//! `SvgArt`: an SVG file read through usvg (paths, basic shapes, groups with transforms,
//! text as paths) into [`Art`]: the union of the filled paths, the lines to trace, and the
//! picture as painted (resvg) for the colours.

use std::sync::Arc;

use i_overlay::core::fill_rule::FillRule;
use resvg::tiny_skia;
use skyshow_model::Rgb;
use usvg::tiny_skia_path::PathSegment;
use usvg::{Node, Transform};

use super::art::{Art, ArtError};

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

impl SvgArt {
    /// Parses SVG bytes; text is set with the fonts of `fontdb`.
    pub(crate) fn parse(
        data: &[u8],
        fontdb: Arc<usvg::fontdb::Database>,
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
        let tree = usvg::Tree::from_data(data, &opt).map_err(|e| {
            ArtError::new(
                format!("not a valid SVG: {e}"),
                "check that the file is an SVG document (XML with an `<svg>` root and a size or viewBox) that a browser opens",
            )
        })?;
        Ok(SvgArt { tree })
    }

    /// The artwork. `colors`: render the picture for per-point colours.
    pub(crate) fn art(&self, colors: bool) -> Result<Art, ArtError> {
        let size = self.tree.size();
        let (w, h) = (size.width() as f64, size.height() as f64);
        let tol = w.max(h) * FLATTEN;
        let mut fills: Vec<(Vec<Vec<[f64; 2]>>, FillRule)> = Vec::new();
        let mut strokes: Vec<Vec<[f64; 2]>> = Vec::new();
        collect(self.tree.root(), tol, &mut fills, &mut strokes);
        if fills.is_empty() && strokes.is_empty() {
            return Err(ArtError::new(
                "the SVG draws nothing: no path, shape or text with a fill or a stroke",
                "draw at least one visible filled or stroked path (empty paths and hidden elements are skipped; text needs its font installed)",
            ));
        }
        let reach = REACH * w.max(h);
        let far = fills
            .iter()
            .flat_map(|(rings, _)| rings.iter().flatten())
            .chain(strokes.iter().flatten())
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
        let area = Art::union(&fills);
        let mut lines = Art::ring_lines(&area);
        lines.extend(strokes);
        let colors = if colors {
            self.raster(w, h)
        } else {
            Vec::new()
        };
        Ok(Art {
            width: w,
            height: h,
            area,
            lines,
            colors,
            density: Vec::new(),
        })
    }

    /// The picture as painted, top row first; `None` where (nearly) transparent.
    fn raster(&self, w: f64, h: f64) -> Vec<Vec<Option<Rgb>>> {
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
                        (c.alpha() >= 96).then(|| {
                            let d = c.demultiply();
                            Rgb::new(d.red(), d.green(), d.blue())
                        })
                    })
                    .collect()
            })
            .collect()
    }
}

/// Collects the filled paths (with their rules) and the stroke-only lines of a group.
fn collect(
    g: &usvg::Group,
    tol: f64,
    fills: &mut Vec<(Vec<Vec<[f64; 2]>>, FillRule)>,
    strokes: &mut Vec<Vec<[f64; 2]>>,
) {
    for node in g.children() {
        match node {
            Node::Group(g) => collect(g, tol, fills, strokes),
            Node::Text(t) => collect(t.flattened(), tol, fills, strokes),
            Node::Path(p) => {
                if !p.is_visible() {
                    continue;
                }
                let contours = flatten(p.data(), p.abs_transform(), tol);
                // A fill that covers nothing (an open line under SVG's default black fill)
                // leaves the stroke to be traced.
                let rings: Vec<Vec<[f64; 2]>> = match p.fill() {
                    Some(_) => contours
                        .iter()
                        .filter(|c| c.pts.len() >= 3 && ring_area(&c.pts).abs() > 0.0)
                        .map(|c| c.pts.clone())
                        .collect(),
                    None => Vec::new(),
                };
                if let (Some(f), false) = (p.fill(), rings.is_empty()) {
                    let rule = match f.rule() {
                        usvg::FillRule::EvenOdd => FillRule::EvenOdd,
                        usvg::FillRule::NonZero => FillRule::NonZero,
                    };
                    fills.push((rings, rule));
                } else if p.stroke().is_some() {
                    for mut c in contours {
                        if c.pts.len() < 2 {
                            continue;
                        }
                        if c.closed && c.pts.first() != c.pts.last() {
                            c.pts.push(c.pts[0]);
                        }
                        strokes.push(c.pts);
                    }
                }
            }
            Node::Image(_) => {}
        }
    }
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
        let e = SvgArt::parse(svg, db()).unwrap().art(false).err().unwrap();
        assert_eq!(
            e.message,
            "the SVG draws at (4.44444e19, 13), far outside its 200 × 110 canvas"
        );
        // A little outside the canvas is fine.
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 110"><polyline fill="none" stroke="red" points="-50 13 300 40"/></svg>"#;
        assert!(SvgArt::parse(svg, db()).unwrap().art(false).is_ok());
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
        assert!(SvgArt::parse(&nested(40), db()).unwrap().art(false).is_ok());
        let e = SvgArt::parse(&nested(200_000), db()).err().unwrap();
        assert_eq!(
            e.message,
            "the SVG nests elements 200001 levels deep, more than the 256 this program reads"
        );
        // Comments, CDATA, declarations and quoted `>` do not count; self-closing tags do not nest.
        let tricky = br#"<?xml version="1.0"?><!DOCTYPE svg><svg a=">"><!-- <g><g> --><![CDATA[<g>]]><g/><g b='/>'><rect/></g></svg>"#;
        assert_eq!(nesting_depth(tricky), 2);
    }

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
        let art = SvgArt::parse(svg, db()).unwrap().art(true).unwrap();
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
        let e = SvgArt::parse(b"<svg><rect", db()).err().unwrap();
        assert!(e.message.starts_with("not a valid SVG"), "{e:?}");
        let empty =
            br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d=""/></svg>"#;
        let e = SvgArt::parse(empty, db()).unwrap().art(false).unwrap_err();
        assert!(e.message.contains("draws nothing"), "{e:?}");
    }
}
