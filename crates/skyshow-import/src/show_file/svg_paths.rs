//! The geometry an SVG paints, from usvg's tree: each visible path's fill as a coat of
//! even-odd rings and its stroke as lines to trace (or, when dark, as a region to cut out),
//! curves flattened to segments, in paint order.

use i_overlay::core::fill_rule::FillRule;
use usvg::tiny_skia_path::PathSegment;
use usvg::{Node, Transform};

use super::svg_paint::{Coat, Darkness, Tone};

/// A flattened subpath.
struct Contour {
    pts: Vec<[f64; 2]>,
    closed: bool,
}

/// What a group's paths paint, in paint order.
#[derive(Default)]
pub(super) struct Paints {
    /// Filled regions (and the regions of dark strokes), with their tones.
    pub(super) coats: Vec<Coat>,
    /// Lines of strokes to trace, with their tones.
    pub(super) strokes: Vec<(Vec<[f64; 2]>, Tone)>,
}

/// Collects what the paths of group `g` paint, in paint order; `opacity` is the group's
/// (its ancestors' included).
pub(super) fn collect(g: &usvg::Group, tol: f64, opacity: f64, dark: Darkness, out: &mut Paints) {
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
pub(super) fn ring_area(r: &[[f64; 2]]) -> f64 {
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
