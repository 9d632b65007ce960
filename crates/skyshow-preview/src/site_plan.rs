//! The report's site plan: the show seen from straight above, the audience at the bottom —
//! the show's extent, the takeoff grid, the site's boundary, exclusion zones and the
//! audience's no-fly zone, the audience and the firing front — as one inline SVG.
//!
//! Everything on the ground is drawn in metres of the show frame inside one group whose
//! `transform` turns the show frame into the picture (`data-transform` says the same in
//! words: `matrix(a b c d e f)` maps `(x, y)` to `(a·x + c·y + e, b·x + d·y + f)`), so the
//! corners in the page are the show file's own numbers. Labels are placed outside it, so
//! that they read upright.

use std::fmt::Write;

use skyshow_i18n::msg;
use skyshow_model::Vec3;

use crate::ReportInput;
use crate::ground::SiteKind;
use crate::ground_paint::site_style;
use crate::html::{esc, num, round};
use crate::report_page::{tx, txh};
use crate::scene::{Scene, clamp_point};

/// Width of the plan, pixels.
const WIDTH: f64 = 780.0;
/// Largest height of the plan, pixels.
const MAX_HEIGHT: f64 = 560.0;
/// Margin around the drawing, pixels.
const MARGIN: f64 = 28.0;
/// Most takeoff slots drawn one by one (larger fleets: the grid's outline).
const MAX_SLOTS: usize = 20_000;

/// A site outline on the plan: its kind, its name, its corners (metres).
type Outline<'a> = (SiteKind, &'a str, Vec<(f64, f64)>);

/// The plan's map from the show frame to the picture: right and down unit vectors in the
/// show frame, the scale (pixels per metre) and the offset.
struct PlanView {
    right: (f64, f64),
    down: (f64, f64),
    scale: f64,
    offset: (f64, f64),
}

impl PlanView {
    /// The view of everything in `points` (x, y), the audience (`toward_audience`) at the
    /// bottom, fitted into the plan's width and at most its height; returns the height.
    fn fit(points: &[(f64, f64)], toward_audience: Vec3) -> (PlanView, f64) {
        let down = (toward_audience.x, toward_audience.y);
        // Looking from the audience towards the stage, right is forward × up.
        let right = (-down.1, down.0);
        let mut v = PlanView {
            right,
            down,
            scale: 1.0,
            offset: (0.0, 0.0),
        };
        let (mut lo, mut hi) = ((f64::MAX, f64::MAX), (f64::MIN, f64::MIN));
        for &p in points {
            let q = v.map(p);
            lo = (lo.0.min(q.0), lo.1.min(q.1));
            hi = (hi.0.max(q.0), hi.1.max(q.1));
        }
        if lo.0 > hi.0 {
            lo = (-10.0, -10.0);
            hi = (10.0, 10.0);
        }
        let span = ((hi.0 - lo.0).max(1.0), (hi.1 - lo.1).max(1.0));
        let s = ((WIDTH - 2.0 * MARGIN) / span.0).min((MAX_HEIGHT - 2.0 * MARGIN) / span.1);
        let height = (span.1 * s + 2.0 * MARGIN).ceil();
        let used_w = span.0 * s;
        v.scale = s;
        v.offset = ((WIDTH - used_w) / 2.0 - lo.0 * s, MARGIN - lo.1 * s);
        (v, height)
    }

    /// Unscaled picture coordinates of a ground point.
    fn map(&self, p: (f64, f64)) -> (f64, f64) {
        (
            p.0 * self.right.0 + p.1 * self.right.1,
            p.0 * self.down.0 + p.1 * self.down.1,
        )
    }

    /// Picture coordinates (pixels) of a ground point.
    fn px(&self, p: (f64, f64)) -> (f64, f64) {
        let q = self.map(p);
        (
            q.0 * self.scale + self.offset.0,
            q.1 * self.scale + self.offset.1,
        )
    }

    /// SVG's `matrix(a b c d e f)` of the map.
    fn matrix(&self) -> String {
        let s = self.scale;
        format!(
            "matrix({} {} {} {} {} {})",
            m6(self.right.0 * s),
            m6(self.down.0 * s),
            m6(self.right.1 * s),
            m6(self.down.1 * s),
            m6(self.offset.0),
            m6(self.offset.1)
        )
    }
}

/// A number with at most six decimals (the map's coefficients).
fn m6(x: f64) -> String {
    format!("{}", round(x, 6))
}

/// A coordinate in metres, to the millimetre.
fn mm(x: f64) -> String {
    format!("{}", round(x, 3))
}

/// `points` of a polygon or polyline, metres.
fn points_attr(pts: &[(f64, f64)]) -> String {
    let mut s = String::new();
    for (i, p) in pts.iter().enumerate() {
        let sep = if i == 0 { "" } else { " " };
        let _ = write!(s, "{sep}{},{}", mm(p.0), mm(p.1));
    }
    s
}

/// The class of a site outline on the plan: `site-boundary`, `site-exclusion`,
/// `site-no-fly`.
fn site_class(kind: SiteKind) -> String {
    format!("site-{}", kind.as_str().replace('_', "-"))
}

/// `#rrggbb` of a linear 0–1 colour.
fn hex(c: [f32; 3]) -> String {
    let b = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{:02x}{:02x}{:02x}", b(c[0]), b(c[1]), b(c[2]))
}

/// The centre of a polygon's corners.
fn centre(pts: &[(f64, f64)]) -> (f64, f64) {
    let n = pts.len().max(1) as f64;
    let s = pts.iter().fold((0.0, 0.0), |a, p| (a.0 + p.0, a.1 + p.1));
    (s.0 / n, s.1 / n)
}

/// Finite ground points, clamped.
fn flat(points: impl Iterator<Item = Vec3>) -> Vec<(f64, f64)> {
    points
        .filter(|p| p.is_finite())
        .map(|p| {
            let q = clamp_point(p);
            (q.x, q.y)
        })
        .collect()
}

/// The site plan section's body.
pub(crate) fn site_plan(input: &ReportInput) -> String {
    let scene = Scene::new(input.show, &input.ground);
    let g = &input.ground;
    let a = scene.all;
    let extent = vec![
        (a.lo.x, a.lo.y),
        (a.hi.x, a.lo.y),
        (a.hi.x, a.hi.y),
        (a.lo.x, a.hi.y),
    ];
    let homes = flat(input.show.drones.iter().map(|d| d.home));
    let audience = flat(g.audience.iter().copied());
    let front = flat(g.firing_front.iter().copied());
    let site: Vec<Outline<'_>> = g
        .site_outlines()
        .into_iter()
        .map(|(k, name, pts)| {
            let pts = flat(pts.iter().map(|p| Vec3::new(p[0], p[1], 0.0)));
            (k, name, pts)
        })
        .collect();
    let all: Vec<(f64, f64)> = extent
        .iter()
        .chain(&homes)
        .chain(&audience)
        .chain(&front)
        .chain(site.iter().flat_map(|s| &s.2))
        .copied()
        .collect();
    let (view, height) = PlanView::fit(&all, scene.toward_audience);
    let mut ground = String::new();
    let _ = write!(
        ground,
        "<polygon class=\"plan-extent\" points=\"{}\"/>",
        points_attr(&extent)
    );
    takeoff_grid(&mut ground, &homes);
    if audience.len() >= 2 {
        let tag = if audience.len() >= 3 {
            "polygon"
        } else {
            "polyline"
        };
        let _ = write!(
            ground,
            "<{tag} class=\"plan-audience\" points=\"{}\"/>",
            points_attr(&audience)
        );
    }
    for (kind, name, pts) in &site {
        let (c, _) = site_style(*kind);
        let _ = write!(
            ground,
            "<polygon class=\"{}\" data-name=\"{}\" stroke=\"{}\" points=\"{}\"/>",
            site_class(*kind),
            esc(name),
            hex(c),
            points_attr(pts)
        );
    }
    firing_front(&mut ground, &front);
    let labels = labels(&view, &site) + &scale_bar(&view, height);
    let legend = legend(input, &site, !audience.is_empty(), !front.is_empty());
    let aria = tx(input, msg!("report-site-aria"));
    format!(
        "<svg class=\"plan\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{aria}\">\
         <rect class=\"plan-bg\" x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\"/>\
         <g class=\"plan-ground\" transform=\"{m}\" data-transform=\"{m}\">{ground}</g>{labels}</svg>\n{legend}\n<p class=\"note\">{note}</p>",
        w = num(WIDTH),
        h = num(height),
        aria = esc(&aria),
        m = view.matrix(),
        note = txh(input, msg!("report-site-note")),
    )
}

/// The takeoff slots: a dot each (zero-length round-capped lines in one path), or the
/// outline of their box for fleets beyond [`MAX_SLOTS`].
fn takeoff_grid(out: &mut String, homes: &[(f64, f64)]) {
    if homes.is_empty() {
        return;
    }
    if homes.len() > MAX_SLOTS {
        let lo = homes
            .iter()
            .fold((f64::MAX, f64::MAX), |m, p| (m.0.min(p.0), m.1.min(p.1)));
        let hi = homes
            .iter()
            .fold((f64::MIN, f64::MIN), |m, p| (m.0.max(p.0), m.1.max(p.1)));
        let _ = write!(
            out,
            "<polygon class=\"plan-takeoff\" points=\"{}\"/>",
            points_attr(&[(lo.0, lo.1), (hi.0, lo.1), (hi.0, hi.1), (lo.0, hi.1)])
        );
        return;
    }
    let mut d = String::with_capacity(homes.len() * 16);
    for p in homes {
        let _ = write!(d, "M{} {}h0", round(p.0, 2), round(p.1, 2));
    }
    let _ = write!(out, "<path class=\"plan-takeoff\" d=\"{d}\"/>");
}

/// The firing front: its line and a cross at each position.
fn firing_front(out: &mut String, front: &[(f64, f64)]) {
    if front.is_empty() {
        return;
    }
    let mut d = String::new();
    for (i, p) in front.iter().enumerate() {
        let cmd = if i == 0 { 'M' } else { 'L' };
        let _ = write!(d, "{cmd}{} {}", mm(p.0), mm(p.1));
    }
    for p in front {
        let _ = write!(
            d,
            "M{} {}h4M{} {}v4",
            mm(p.0 - 2.0),
            mm(p.1),
            mm(p.0),
            mm(p.1 - 2.0)
        );
    }
    let _ = write!(out, "<path class=\"plan-front\" d=\"{d}\"/>");
}

/// The names of the exclusion zones at their centres, and the axes of the show frame.
fn labels(view: &PlanView, site: &[Outline<'_>]) -> String {
    let mut s = String::new();
    for (kind, name, pts) in site {
        if *kind != SiteKind::Exclusion {
            continue;
        }
        let (x, y) = view.px(centre(pts));
        let _ = write!(
            s,
            "<text class=\"plan-label\" x=\"{}\" y=\"{}\">{}</text>",
            num(x),
            num(y),
            esc(name)
        );
    }
    // The show frame's axes, from the plan's lower left corner.
    let o = (MARGIN * 0.6, MARGIN * 0.6);
    for (axis, dir) in [("X", (1.0, 0.0)), ("Y", (0.0, 1.0))] {
        let q = view.map(dir);
        let tip = (o.0 + q.0 * 18.0 + 18.0, o.1 + q.1 * 18.0 + 18.0);
        let base = (o.0 + 18.0, o.1 + 18.0);
        let _ = write!(
            s,
            "<line class=\"plan-axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/><text class=\"plan-axis-label\" x=\"{}\" y=\"{}\">{axis}</text>",
            num(base.0),
            num(base.1),
            num(tip.0),
            num(tip.1),
            num(base.0 + q.0 * 26.0),
            num(base.1 + q.1 * 26.0 + 4.0)
        );
    }
    s
}

/// The legend: a swatch and a caption for each kind of thing on the plan.
fn legend(input: &ReportInput, site: &[Outline<'_>], audience: bool, front: bool) -> String {
    let has = |k: SiteKind| site.iter().any(|s| s.0 == k);
    let buffer = input
        .ground
        .site
        .as_ref()
        .map_or(0.0, |s| s.no_fly_buffer_m);
    // (class, inline stroke, caption)
    let mut items: Vec<(String, String, String)> = vec![
        (
            "plan-extent".into(),
            String::new(),
            tx(input, msg!("report-site-extent")),
        ),
        (
            "plan-takeoff".into(),
            String::new(),
            tx(input, msg!("report-site-takeoff")),
        ),
    ];
    let site_items = [
        (SiteKind::Boundary, msg!("report-site-boundary")),
        (SiteKind::Exclusion, msg!("report-site-exclusion")),
        (
            SiteKind::NoFly,
            msg!(
                "report-site-no-fly",
                buffer = crate::report_page::fmt2(buffer)
            ),
        ),
    ];
    for (kind, m) in site_items {
        if has(kind) {
            let stroke = format!(" stroke=\"{}\"", hex(site_style(kind).0));
            items.push((site_class(kind), stroke, tx(input, m)));
        }
    }
    if audience {
        let caption = tx(input, msg!("report-site-audience"));
        items.push(("plan-audience".into(), String::new(), caption));
    }
    if front {
        let caption = tx(input, msg!("report-site-front"));
        items.push(("plan-front".into(), String::new(), caption));
    }
    let mut s = String::from("<ul class=\"legend\">");
    for (class, stroke, caption) in items {
        let _ = write!(
            s,
            "<li><svg width=\"22\" height=\"12\" aria-hidden=\"true\"><rect class=\"{class}\"{stroke} x=\"1\" y=\"1\" width=\"20\" height=\"10\"/></svg>{}</li>",
            esc(&caption)
        );
    }
    s.push_str("</ul>");
    s
}

/// A scale bar in the plan's lower right corner: a round length about 100 pixels long.
fn scale_bar(view: &PlanView, height: f64) -> String {
    let target = 100.0 / view.scale.max(1e-9);
    let p = 10f64.powf(target.log10().floor());
    let metres = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|k| k * p)
        .find(|v| *v >= target * 0.7)
        .unwrap_or(target);
    let len = metres * view.scale;
    let (x1, y) = (WIDTH - 8.0, height - 8.0);
    format!(
        "<line class=\"plan-scale\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/><text class=\"plan-scale-label\" x=\"{}\" y=\"{}\">{} m</text>",
        num(x1 - len),
        num(y),
        num(x1),
        num(y),
        num(x1 - len / 2.0),
        num(y - 4.0),
        round(metres, 3)
    )
}
