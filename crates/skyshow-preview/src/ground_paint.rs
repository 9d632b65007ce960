//! The ground of a software-rendered frame, as the preview page draws it: ray-cast per
//! pixel, the ground colour out to the horizon, an anti-aliased grid over the scene's
//! ground box, the audience area, the firing front, and the site's outlines (boundary,
//! exclusion zones, the audience's no-fly zone).

use skyshow_model::Vec3;

use crate::canvas::Canvas;
use crate::ground::SiteKind;
use crate::projector::Projector;
use crate::scene::{Scene, clamp_point};
use crate::{Ground, RenderInput};

/// Most vertices of one audience area, firing front or site outline drawn.
const MAX_GROUND_POINTS: usize = 512;
/// Ground colour.
const GROUND: [f32; 3] = [0.021, 0.028, 0.037];
/// Grid line colour and opacity.
const GRID: ([f32; 3], f32) = ([0.16, 0.22, 0.30], 0.45);
/// Audience area fill and outline.
const AUDIENCE: ([f32; 3], f32, f32) = ([0.95, 0.70, 0.30], 0.13, 0.75);
/// Firing front.
const FRONT: ([f32; 3], f32) = ([1.0, 0.42, 0.10], 0.9);

/// A site outline's colour and opacity, the same on the page (its script takes them from
/// the page's data), in the frames and on the report's plan. Outlines only: the page's
/// ground has no fill for polygons that need not be convex.
pub(crate) fn site_style(kind: SiteKind) -> ([f32; 3], f32) {
    match kind {
        SiteKind::Boundary => ([0.45, 0.80, 1.0], 0.85),
        SiteKind::Exclusion => ([1.0, 0.22, 0.22], 0.9),
        SiteKind::NoFly => ([1.0, 0.30, 0.55], 0.8),
    }
}

/// Lines on the ground, and the area they enclose when they are a polygon, in metres, with
/// their box for a quick reject.
struct Mark {
    segments: Vec<((f64, f64), (f64, f64))>,
    /// The polygon's corners, when it has an inside.
    area: Option<Vec<(f64, f64)>>,
    lo: (f64, f64),
    hi: (f64, f64),
}

impl Mark {
    /// The edges of a polygon (closed) or of a polyline.
    fn outline(points: Vec<(f64, f64)>, closed: bool) -> Mark {
        let n = points.len();
        let edges = if closed { n } else { n.saturating_sub(1) };
        let segments = (0..edges)
            .map(|k| (points[k], points[(k + 1) % n]))
            .collect();
        Mark::new(segments, closed.then_some(points))
    }

    fn new(segments: Vec<((f64, f64), (f64, f64))>, area: Option<Vec<(f64, f64)>>) -> Mark {
        let ends = segments.iter().flat_map(|(a, b)| [a, b]);
        let lo = ends
            .clone()
            .fold((f64::MAX, f64::MAX), |m, p| (m.0.min(p.0), m.1.min(p.1)));
        let hi = ends.fold((f64::MIN, f64::MIN), |m, p| (m.0.max(p.0), m.1.max(p.1)));
        Mark {
            segments,
            area,
            lo,
            hi,
        }
    }

    /// True if `p` is farther than `r` from the box.
    fn far(&self, p: (f64, f64), r: f64) -> bool {
        p.0 < self.lo.0 - r || p.0 > self.hi.0 + r || p.1 < self.lo.1 - r || p.1 > self.hi.1 + r
    }

    /// Distance from `p` to the nearest line.
    fn distance(&self, p: (f64, f64)) -> f64 {
        self.segments
            .iter()
            .map(|&(a, b)| seg_dist(p, a, b))
            .fold(f64::INFINITY, f64::min)
    }

    /// Even-odd point-in-polygon test (never inside a polyline).
    fn contains(&self, p: (f64, f64)) -> bool {
        let Some(poly) = &self.area else {
            return false;
        };
        let mut c = false;
        let n = poly.len();
        for i in 0..n {
            let (a, b) = (poly[i], poly[(i + 1) % n]);
            if (a.1 > p.1) != (b.1 > p.1) && p.0 < (b.0 - a.0) * (p.1 - a.1) / (b.1 - a.1) + a.0 {
                c = !c;
            }
        }
        c
    }
}

/// Where a pixel's ray meets the ground (z = 0), if it does, in front of the eye.
fn ground_hit(proj: &Projector, x: f64, y: f64) -> Option<Vec3> {
    let b = proj.basis();
    let (cx, cy) = proj.center_px();
    let dir = b.forward + b.right * ((x - cx) / proj.focal_px) - b.up * ((y - cy) / proj.focal_px);
    let eye = proj.eye();
    if eye.z <= 0.0 || dir.z >= -1e-9 {
        return None;
    }
    let t = -eye.z / dir.z;
    let hit = eye + dir * t;
    hit.is_finite().then_some(hit)
}

/// Distance from `p` to the segment `a`–`b` in the ground plane.
fn seg_dist(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let u = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    ((p.0 - a.0 - u * dx).powi(2) + (p.1 - a.1 - u * dy).powi(2)).sqrt()
}

/// Grid step for a ground extent, metres (as on the page).
fn grid_step(ext: f64) -> f64 {
    if ext < 800.0 {
        10.0
    } else if ext < 4000.0 {
        50.0
    } else {
        250.0
    }
}

/// The finite points of a list, clamped, at most [`MAX_GROUND_POINTS`].
fn flat(points: impl Iterator<Item = Vec3>) -> Vec<(f64, f64)> {
    points
        .filter(|p| p.is_finite())
        .take(MAX_GROUND_POINTS)
        .map(|p| {
            let p = clamp_point(p);
            (p.x, p.y)
        })
        .collect()
}

/// Everything drawn on the ground besides the grid, with its style: (mark, colour, fill
/// opacity, outline opacity), in drawing order.
fn marks(ground: &Ground) -> Vec<(Mark, [f32; 3], f32, f32)> {
    let mut out = Vec::new();
    let audience = flat(ground.audience.iter().copied());
    if audience.len() >= 2 {
        let closed = audience.len() >= 3;
        let fill = if closed { AUDIENCE.1 } else { 0.0 };
        out.push((
            Mark::outline(audience, closed),
            AUDIENCE.0,
            fill,
            AUDIENCE.2,
        ));
    }
    for (kind, _, pts) in ground.site_outlines() {
        let pts = flat(pts.iter().map(|p| Vec3::new(p[0], p[1], 0.0)));
        let (color, line) = site_style(kind);
        out.push((Mark::outline(pts, true), color, 0.0, line));
    }
    // The firing front: its line and a 4 m cross at each position.
    let front = flat(ground.firing_front.iter().copied());
    if !front.is_empty() {
        let mut segments = Mark::outline(front.clone(), false).segments;
        for q in front {
            segments.push(((q.0 - 2.0, q.1), (q.0 + 2.0, q.1)));
            segments.push(((q.0, q.1 - 2.0), (q.0, q.1 + 2.0)));
        }
        out.push((Mark::new(segments, None), FRONT.0, 0.0, FRONT.1));
    }
    out
}

/// Paints the ground of `input` onto `c` as seen through `proj`.
pub(crate) fn draw_ground(c: &mut Canvas, proj: &Projector, scene: &Scene, input: &RenderInput) {
    let g = scene.ground;
    let ext = (g.hi.x - g.lo.x).max(g.hi.y - g.lo.y);
    let step = grid_step(ext);
    let far = 4000.0 + ext * 3.0;
    let marks = marks(&input.ground);
    let (w, h) = (c.width, c.height);
    for y in 0..h {
        for x in 0..w {
            let (fx, fy) = (x as f64 + 0.5, y as f64 + 0.5);
            let Some(hit) = ground_hit(proj, fx, fy) else {
                continue;
            };
            if hit.x < g.lo.x - far
                || hit.x > g.hi.x + far
                || hit.y < g.lo.y - far
                || hit.y > g.hi.y + far
            {
                continue;
            }
            let i = y * w + x;
            c.blend(i, GROUND, 1.0);
            // Ground footprint of the pixel (like a shader's fwidth).
            let hx = ground_hit(proj, fx + 1.0, fy).unwrap_or(hit);
            let hy = ground_hit(proj, fx, fy + 1.0).unwrap_or(hit);
            let fw_x = ((hx.x - hit.x).abs() + (hy.x - hit.x).abs()).max(1e-6);
            let fw_y = ((hx.y - hit.y).abs() + (hy.y - hit.y).abs()).max(1e-6);
            let fw = fw_x.max(fw_y).min(1e6);
            if hit.x >= g.lo.x && hit.x <= g.hi.x && hit.y >= g.lo.y && hit.y <= g.hi.y {
                let lx = (hit.x / step - (hit.x / step).round()).abs() * step;
                let ly = (hit.y / step - (hit.y / step).round()).abs() * step;
                let a = (1.0 - lx / fw_x).max(1.0 - ly / fw_y).clamp(0.0, 1.0);
                if a > 0.0 {
                    c.blend(i, GRID.0, GRID.1 * a as f32);
                }
            }
            let p = (hit.x, hit.y);
            for (m, color, fill, line) in &marks {
                if m.far(p, fw) {
                    continue;
                }
                if *fill > 0.0 && m.contains(p) {
                    c.blend(i, *color, *fill);
                }
                let a = (1.0 - m.distance(p) / fw).clamp(0.0, 1.0);
                if a > 0.0 {
                    c.blend(i, *color, line * a as f32);
                }
            }
        }
    }
}
