//! The report's lists: a thumbnail of every formation, the violations, and the limits the
//! show was checked against.

use std::fmt::Write;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use skyshow_i18n::{Message, msg};
use skyshow_model::Vec3;

use crate::camera::Camera;
use crate::html::{clock, esc};
use crate::report_page::{fmt2, fmt3, note, preview_link, txh, violations_total};
use crate::scene::{Bounds, Scene};
use crate::{FrameRenderer, RenderInput, ReportInput};

/// Most violations listed on the page.
const MAX_LISTED: usize = 5000;
/// Most drone names shown per violation.
const MAX_NAMES: usize = 6;
/// Thumbnail size, pixels.
const THUMB: (u32, u32) = (256, 144);
/// Most formation thumbnails.
const MAX_THUMBS: usize = 500;

/// A thumbnail PNG of the drones at `t`, level from the audience side, fitted to the lit
/// airborne drones.
pub(crate) fn thumbnail(input: &ReportInput, scene: &Scene, t: f64) -> Option<Vec<u8>> {
    let show = input.show;
    let at = |lit: bool| -> Option<Bounds> {
        Bounds::of(show.drones.iter().filter_map(|d| {
            let p = d.trajectory.position(t);
            let c = d.lights.color_at(t);
            let on = c.r.max(c.g).max(c.b) > 0;
            (p.is_finite() && p.z >= 1.0 && (on || !lit)).then_some(p)
        }))
    };
    let b = at(true).or_else(|| at(false))?;
    let pad = Vec3::new(3.0, 3.0, 3.0);
    let b = Bounds {
        lo: b.lo - pad,
        hi: b.hi + pad,
    };
    let camera = Camera::level_fit(&b, scene.toward_audience, THUMB.0 as f64 / THUMB.1 as f64);
    let mut ri = RenderInput::new(show, t);
    ri.camera = Some(camera);
    ri.width_px = THUMB.0;
    ri.height_px = THUMB.1;
    ri.ground = input.ground.clone();
    ri.glow_m = RenderInput::glow_for(input.limits.min_distance_m);
    let r = FrameRenderer::with_scene(&ri, scene).ok()?;
    r.render(t).ok()
}

pub(crate) fn thumbnails(input: &ReportInput) -> String {
    if input.formations.is_empty() {
        return note(input, msg!("report-no-formations"));
    }
    let scene = Scene::new(input.show, &input.ground);
    let mut s = String::from("<div class=\"thumbs\">");
    for f in input.formations.iter().take(MAX_THUMBS) {
        let mid = (f.start_s + f.end_s) / 2.0;
        let mid = if mid.is_finite() { mid } else { 0.0 };
        let img = match thumbnail(input, &scene, mid) {
            Some(png) => format!(
                "<img src=\"data:image/png;base64,{}\" width=\"{}\" height=\"{}\" alt=\"{}\">",
                BASE64.encode(png),
                THUMB.0,
                THUMB.1,
                esc(&f.name)
            ),
            None => format!(
                "<div class=\"noimg\">{}</div>",
                txh(input, msg!("report-no-drone-in-air"))
            ),
        };
        let _ = write!(
            s,
            "<figure><a href=\"{}\">{img}</a><figcaption><b>{}</b><br>{}–{}</figcaption></figure>",
            preview_link(input, mid),
            esc(&f.name),
            clock(f.start_s),
            clock(f.end_s)
        );
    }
    s.push_str("</div>");
    if input.formations.len() > MAX_THUMBS {
        let more = input.formations.len() - MAX_THUMBS;
        s.push_str(&note(input, msg!("report-more-formations", count = more)));
    }
    s.push('\n');
    s.push_str(&note(input, msg!("report-formations-note")));
    s
}

pub(crate) fn violations(input: &ReportInput) -> String {
    let total = violations_total(input);
    if total == 0 {
        return format!(
            "<p class=\"okline\">{}</p>",
            txh(input, msg!("report-no-violations"))
        );
    }
    let mut s = format!(
        "<p class=\"badline\">{}</p>\n<table>\n<thead><tr>",
        txh(input, msg!("report-violations-count", count = total))
    );
    for col in [
        "report-col-time",
        "report-col-kind",
        "report-col-drones",
        "report-col-value",
        "report-col-limit",
        "report-col-source",
    ] {
        let _ = write!(s, "<th>{}</th>", txh(input, Message::new(col)));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for v in input.violations.iter().take(MAX_LISTED) {
        let u = unit(&v.kind);
        let mut names: Vec<String> = v.drones.iter().take(MAX_NAMES).map(|n| esc(n)).collect();
        if v.drones.len() > MAX_NAMES {
            let more = v.drones.len() - MAX_NAMES;
            names.push(txh(input, msg!("report-more-drones", count = more)));
        }
        let _ = writeln!(
            s,
            "<tr><td><a href=\"{}\">{}</a></td><td title=\"{}\">{}</td><td>{}</td><td class=\"n\">{} {u}</td><td class=\"n\">{} {u}</td><td>{}</td></tr>",
            preview_link(input, v.time_s),
            clock(v.time_s),
            esc(&v.kind),
            txh(input, kind_name(&v.kind)),
            names.join(", "),
            fmt3(v.value),
            fmt3(v.limit),
            esc(&v.source)
        );
    }
    s.push_str("</tbody>\n</table>\n");
    let listed = input.violations.len().min(MAX_LISTED);
    if total > listed {
        s.push_str(&note(
            input,
            msg!("report-more-violations", count = total - listed),
        ));
    }
    s
}

pub(crate) fn limits(input: &ReportInput) -> String {
    let l = &input.limits;
    let rows = [
        ("report-limit-row-min-distance", l.min_distance_m, "m"),
        ("report-limit-row-speed-xy", l.max_speed_xy_m_s, "m/s"),
        ("report-limit-row-climb", l.max_speed_up_m_s, "m/s"),
        ("report-limit-row-descent", l.max_speed_down_m_s, "m/s"),
        ("report-limit-row-accel", l.max_accel_m_s2, "m/s²"),
        ("report-limit-row-altitude", l.max_altitude_m, "m"),
        (
            "report-limit-row-min-nav-altitude",
            l.min_nav_altitude_m,
            "m",
        ),
        ("report-limit-row-battery", l.battery_s, "s"),
        ("report-limit-row-takeoff-spacing", l.takeoff_spacing_m, "m"),
    ];
    let mut s = String::from("<table class=\"limits\"><tbody>\n");
    for (name, v, u) in rows {
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td class=\"n\">{} {u}</td></tr>",
            txh(input, Message::new(name)),
            fmt2(v)
        );
    }
    s.push_str("</tbody></table>");
    s
}

/// The unit of a violation kind's values.
fn unit(kind: &str) -> &'static str {
    match kind {
        "min_distance" | "altitude" | "takeoff_spacing" | "outside_boundary"
        | "in_exclusion_zone" => "m",
        "speed_xy" | "speed_up" | "speed_down" | "sideways_below_min_nav_altitude" => "m/s",
        "acceleration" => "m/s²",
        "flight_time" => "s",
        k if k.ends_with("too_large") => "bytes",
        _ => "",
    }
}

/// The name of a violation kind (`min_distance` → “minimum distance too small”), or the kind
/// itself when it has no name (kinds added later, pyro kinds).
fn kind_name(kind: &str) -> Message {
    const KINDS: &[(&str, &str)] = &[
        ("min_distance", "violation-min_distance"),
        ("speed_xy", "violation-speed_xy"),
        ("speed_up", "violation-speed_up"),
        ("speed_down", "violation-speed_down"),
        ("acceleration", "violation-acceleration"),
        ("velocity_step", "violation-velocity_step"),
        ("altitude", "violation-altitude"),
        (
            "sideways_below_min_nav_altitude",
            "violation-sideways_below_min_nav_altitude",
        ),
        ("takeoff_spacing", "violation-takeoff_spacing"),
        ("outside_boundary", "violation-outside_boundary"),
        ("in_exclusion_zone", "violation-in_exclusion_zone"),
        ("flight_time", "violation-flight_time"),
        ("trajectory_too_large", "violation-trajectory_too_large"),
        (
            "light_program_too_large",
            "violation-light_program_too_large",
        ),
    ];
    KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or_else(|| Message::verbatim(kind), |(_, id)| Message::new(id))
}
