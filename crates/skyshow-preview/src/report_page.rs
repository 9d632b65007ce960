//! `report_html`: the visual safety report, one self-contained page with inline SVG plots
//! and PNG thumbnails (no scripts).

use std::fmt::Write;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use skyshow_i18n::{Message, msg};
use skyshow_model::{PhaseKind, Vec3};

use crate::camera::Camera;
use crate::html::{clock, esc, num};
use crate::motion_speeds::motion_plots;
use crate::preview_page::drawable_bursts;
use crate::scene::{Bounds, Scene};
use crate::site_plan::site_plan;
use crate::svg_plot::{SvgPlot, WIDTH, nice_max};
use crate::{FrameRenderer, RenderInput, ReportInput, ReportSeries};

/// Most points drawn per line (longer series are reduced to their extremes per bucket).
const MAX_POINTS: usize = 1200;
/// Most violations listed on the page.
const MAX_LISTED: usize = 5000;
/// Most drone names shown per violation.
const MAX_NAMES: usize = 6;
/// Thumbnail size, pixels.
const THUMB: (u32, u32) = (256, 144);
/// Most formation thumbnails.
const MAX_THUMBS: usize = 500;

const CSS: &str = include_str!("../assets/report.css");

/// Writes the body of one section of the page.
type Section = fn(&ReportInput) -> String;

/// The visual safety report: plots of minimum distance, horizontal and vertical speed
/// against their limits, each transition's duration against its lower bound, the flight
/// time per drone against the battery, the fireworks timeline, the site plan (the show
/// from above with its takeoff grid, boundary, exclusion and no-fly zones), a thumbnail of every
/// formation seen from the audience, and the violations, each linking to its moment in the
/// preview (`preview.html#t=SECONDS`).
///
/// Self-contained (inline SVG and PNG data URIs, no scripts, no network), deterministic,
/// never panics.
pub fn report_html(input: &ReportInput) -> Vec<u8> {
    let mut h = String::with_capacity(64 * 1024);
    let title = esc(input.display_title());
    let page_title = esc(&tx(
        input,
        msg!("report-page-title", title = input.display_title()),
    ));
    let lang = input.lang.tag();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"skyshow-preview\">\n<link rel=\"icon\" href=\"data:,\">\n\
         <title>{page_title}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main>\n"
    );
    header(&mut h, input, &title);
    timeline(&mut h, input);
    let sections: [(&str, &'static str, Section); 9] = [
        ("separation", "report-section-separation", separation),
        ("speed", "report-section-speed", speeds),
        ("transitions", "report-section-transitions", transitions),
        ("flight-time", "report-section-flight-time", flight_times),
        ("fireworks", "report-section-fireworks", fireworks),
        ("site", "report-section-site", site_plan),
        ("formations", "report-section-formations", thumbnails),
        ("violations", "report-section-violations", violations),
        ("limits", "report-section-limits", limits),
    ];
    for (id, heading, body) in sections {
        section(&mut h, id, &tx(input, Message::new(heading)), &body(input));
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h.into_bytes()
}

fn section(h: &mut String, id: &str, title: &str, body: &str) {
    let _ = write!(
        h,
        "<section id=\"{id}\">\n<h2>{}</h2>\n{body}\n</section>\n",
        esc(title)
    );
}

/// `m` in the page's language (plain text: escape it for HTML).
pub(crate) fn tx(input: &ReportInput, m: Message) -> String {
    m.render(input.lang)
}

/// `m` in the page's language, escaped for HTML text.
pub(crate) fn txh(input: &ReportInput, m: Message) -> String {
    esc(&tx(input, m))
}

/// Two decimals, or ∞.
pub(crate) fn fmt2(v: f64) -> String {
    if v.is_finite() {
        format!("{v:.2}")
    } else if v > 0.0 {
        "∞".to_string()
    } else {
        "–".to_string()
    }
}

/// Three decimals (millimetres for distances), or ∞: for the figures that decide a
/// violation, so that 2.9995 m is never shown as the 3.00 m it breaks.
pub(crate) fn fmt3(v: f64) -> String {
    if v.is_finite() {
        format!("{v:.3}")
    } else {
        fmt2(v)
    }
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

/// Smallest finite value.
fn fmin(v: impl IntoIterator<Item = f64>) -> Option<f64> {
    v.into_iter().filter(|x| x.is_finite()).reduce(f64::min)
}

/// Largest finite value.
fn fmax(v: impl IntoIterator<Item = f64>) -> Option<f64> {
    v.into_iter().filter(|x| x.is_finite()).reduce(f64::max)
}

fn preview_link(input: &ReportInput, t: f64) -> String {
    let t = if t.is_finite() { t } else { 0.0 };
    let mut s = format!("{:.3}", t.clamp(-1e6, 1e6));
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    format!("{}#t={}", esc(&input.preview_href), s)
}

fn duration_s(input: &ReportInput) -> f64 {
    let d = input.show.duration_s();
    if d.is_finite() { d.max(0.0) } else { 0.0 }
}

fn violations_total(input: &ReportInput) -> usize {
    input.violations_total.max(input.violations.len())
}

fn header(h: &mut String, input: &ReportInput, title: &str) {
    let l = &input.limits;
    let n = input.series.len();
    let s = &input.series;
    let min_d = fmin(s.min_distance_m[..n].iter().copied());
    let vxy = fmax(s.max_speed_xy_m_s[..n].iter().copied());
    let vz = fmax(s.max_speed_z_m_s[..n].iter().copied());
    let ft = fmax(input.flight_times_s.iter().copied());
    let total = violations_total(input);
    let card = |h: &mut String, label: &str, value: String, ok: Option<bool>| {
        let class = match ok {
            Some(true) => "card ok",
            Some(false) => "card bad",
            None => "card",
        };
        let _ = write!(
            h,
            "<div class=\"{class}\"><div class=\"v\">{}</div><div class=\"l\">{}</div></div>",
            esc(&value),
            esc(label)
        );
    };
    let _ = write!(
        h,
        "<header>\n<h1>{title}</h1>\n<p class=\"facts\">{} · <a href=\"{}\">{}</a></p>\n<div class=\"cards\">",
        txh(
            input,
            msg!(
                "report-facts",
                drones = input.show.drones.len(),
                duration = clock(duration_s(input))
            )
        ),
        esc(&input.preview_href),
        txh(input, msg!("report-open-preview"))
    );
    card(
        h,
        &tx(input, msg!("report-card-violations")),
        if total == 0 {
            tx(input, msg!("report-card-none"))
        } else {
            total.to_string()
        },
        Some(total == 0),
    );
    if let Some(d) = min_d {
        card(
            h,
            &tx(
                input,
                msg!("report-card-min-distance", limit = fmt2(l.min_distance_m)),
            ),
            format!("{} m", fmt3(d)),
            Some(d >= l.min_distance_m),
        );
    }
    if let Some(v) = vxy {
        card(
            h,
            &tx(
                input,
                msg!("report-card-speed-xy", limit = fmt2(l.max_speed_xy_m_s)),
            ),
            format!("{} m/s", fmt2(v)),
            Some(v <= l.max_speed_xy_m_s + 1e-9),
        );
    }
    if let Some(v) = vz {
        let lim = l.max_speed_up_m_s.max(l.max_speed_down_m_s);
        card(
            h,
            &tx(input, msg!("report-card-speed-z", limit = fmt2(lim))),
            format!("{} m/s", fmt2(v)),
            Some(v <= lim + 1e-9),
        );
    }
    if let Some(t) = ft {
        card(
            h,
            &tx(
                input,
                msg!("report-card-flight", battery = clock(l.battery_s)),
            ),
            clock(t),
            Some(t <= l.battery_s),
        );
    }
    h.push_str("</div>\n</header>\n");
}

/// A strip of the show's phases (formations named) and fireworks, and above them, for a
/// show with an emergency return, where its entries are safe and where landing in place is.
fn timeline(h: &mut String, input: &ReportInput) {
    let end = duration_s(input).max(1.0);
    let top = if input.emergency.is_some() { 5.0 } else { 3.0 };
    let height = if input.emergency.is_some() {
        132.0
    } else {
        92.0
    };
    let mut p = SvgPlot::new(height, (0.0, end), (0.0, top));
    p.axes(&tx(input, msg!("report-axis-show-time")), "");
    let mut k = 0usize;
    for ph in &input.show.phases {
        if !(ph.start_s.is_finite() && ph.end_s.is_finite()) {
            continue;
        }
        let style = match ph.kind {
            PhaseKind::Formation => {
                k += 1;
                format!("fill=\"hsl({},55%,55%)\"", (k * 67) % 360)
            }
            PhaseKind::Transition => "fill=\"#c9ced6\"".to_string(),
            _ => "fill=\"#8fa3c0\"".to_string(),
        };
        let label = tx(input, crate::preview_page::phase_label(ph.kind, &ph.source));
        let tip = format!("{label} · {}–{}", clock(ph.start_s), clock(ph.end_s));
        p.rect(ph.start_s, 1.6, ph.end_s, 2.9, &style, &tip);
    }
    for b in drawable_bursts(input.fireworks) {
        let tip = format!("{} · {}", b.label, clock(b.time_s));
        let style = format!("fill=\"{}\"", b.color.to_hex());
        p.rect(b.time_s, 0.2, b.time_s + end / 700.0, 1.3, &style, &tip);
    }
    let mut note = txh(input, msg!("report-timeline-note"));
    if let Some(e) = &input.emergency {
        emergency_bands(&mut p, input, e);
        note.push(' ');
        note.push_str(&txh(input, msg!("report-timeline-emergency-note")));
    }
    let svg = p.finish(&tx(input, msg!("report-timeline-aria")));
    let _ = write!(
        h,
        "<section id=\"timeline\">\n<h2>{}</h2>\n{svg}\n<p class=\"note\">{note}</p>\n</section>\n",
        txh(input, msg!("report-section-timeline")),
    );
}

/// The two emergency bands: the return's entries (green where safe, red where not; runs
/// of seconds drawn as one bar), and the stretches where landing in place is safe.
fn emergency_bands(p: &mut SvgPlot, input: &ReportInput, e: &crate::ReportEmergency) {
    let ok = "fill=\"#3f9d5a\"";
    let bad = "fill=\"#d64545\"";
    let mut runs: Vec<(f64, f64, bool)> = Vec::new();
    for &t in &e.entries_s {
        let unsafe_ = e.unsafe_s.contains(&t);
        match runs.last_mut() {
            Some(r) if r.1 == t && r.2 == unsafe_ => r.1 = t + 1.0,
            _ => runs.push((t, t + 1.0, unsafe_)),
        }
    }
    for (a, b, unsafe_) in runs {
        let m = if unsafe_ {
            msg!("report-rth-band-unsafe")
        } else {
            msg!("report-rth-band")
        };
        let tip = format!("{} · {}–{}", tx(input, m), clock(a), clock(b));
        p.rect(a, 3.1, b, 3.9, if unsafe_ { bad } else { ok }, &tip);
    }
    for &(a, b) in &e.land_in_place_safe_s {
        let tip = format!(
            "{} · {}–{}",
            tx(input, msg!("report-land-in-place-band")),
            clock(a),
            clock(b)
        );
        p.rect(a, 4.1, b, 4.9, "fill=\"#6fb7d6\"", &tip);
    }
}

/// The series reduced to at most `MAX_POINTS` windows (minimum distance keeps each
/// bucket's minimum, speeds their maximum).
fn reduced(s: &ReportSeries) -> ReportSeries {
    let n = s.len();
    let per = n.div_ceil(MAX_POINTS).max(1);
    let mut out = ReportSeries::default();
    let mut i = 0;
    while i < n {
        let j = (i + per).min(n);
        out.t_s.push(s.t_s[i]);
        out.min_distance_m.push(
            s.min_distance_m[i..j]
                .iter()
                .copied()
                .fold(f64::INFINITY, f64::min),
        );
        out.max_speed_xy_m_s
            .push(fmax(s.max_speed_xy_m_s[i..j].iter().copied()).unwrap_or(f64::NAN));
        out.max_speed_z_m_s
            .push(fmax(s.max_speed_z_m_s[i..j].iter().copied()).unwrap_or(f64::NAN));
        i = j;
    }
    out
}

fn time_range(s: &ReportSeries, input: &ReportInput) -> (f64, f64) {
    let lo = fmin(s.t_s.iter().copied()).unwrap_or(0.0).min(0.0);
    let hi = fmax(s.t_s.iter().copied())
        .unwrap_or(0.0)
        .max(duration_s(input));
    (lo, hi.max(lo + 1.0))
}

fn separation(input: &ReportInput) -> String {
    let s = reduced(&input.series);
    if s.t_s.is_empty() {
        return note(input, msg!("report-no-separation"));
    }
    let lim = input.limits.min_distance_m;
    let top = fmax(s.min_distance_m.iter().copied()).unwrap_or(lim);
    let lim_f = if lim.is_finite() && lim > 0.0 {
        lim
    } else {
        1.0
    };
    let ymax = nice_max(top.min(lim_f * 5.0).max(lim_f * 2.0));
    let mut p = SvgPlot::new(260.0, time_range(&s, input), (0.0, ymax));
    p.axes(&tx(input, msg!("report-axis-show-time")), "m");
    p.line(&s.t_s, &s.min_distance_m, "s1");
    p.hlimit(lim, &tx(input, msg!("report-limit-m", limit = fmt2(lim))));
    format!(
        "{}\n{}",
        p.finish(&tx(input, msg!("report-separation-aria"))),
        note(input, msg!("report-separation-note", top = num(ymax)))
    )
}

/// The show's speeds over time, then a plot per moving formation.
fn speeds(input: &ReportInput) -> String {
    show_speeds(input) + &motion_plots(input)
}

fn show_speeds(input: &ReportInput) -> String {
    let s = reduced(&input.series);
    if s.t_s.is_empty() {
        return note(input, msg!("report-no-speeds"));
    }
    let l = &input.limits;
    let range = time_range(&s, input);
    let top = fmax(s.max_speed_xy_m_s.iter().copied())
        .unwrap_or(0.0)
        .max(l.max_speed_xy_m_s);
    let mut p = SvgPlot::new(220.0, range, (0.0, nice_max(top)));
    let show_time = tx(input, msg!("report-axis-show-time"));
    p.axes(&show_time, "m/s");
    p.line(&s.t_s, &s.max_speed_xy_m_s, "s2");
    p.hlimit(
        l.max_speed_xy_m_s,
        &tx(
            input,
            msg!("report-limit-xy", limit = fmt2(l.max_speed_xy_m_s)),
        ),
    );
    let xy = p.finish(&tx(input, msg!("report-speed-xy-aria")));
    let top = fmax(s.max_speed_z_m_s.iter().copied())
        .unwrap_or(0.0)
        .max(l.max_speed_up_m_s)
        .max(l.max_speed_down_m_s);
    let mut p = SvgPlot::new(220.0, range, (0.0, nice_max(top)));
    p.axes(&show_time, "m/s");
    p.line(&s.t_s, &s.max_speed_z_m_s, "s3");
    let (up, down) = (fmt2(l.max_speed_up_m_s), fmt2(l.max_speed_down_m_s));
    if (l.max_speed_up_m_s - l.max_speed_down_m_s).abs() < 1e-9 {
        p.hlimit(
            l.max_speed_up_m_s,
            &tx(input, msg!("report-limit-up-down", limit = up)),
        );
    } else {
        p.hlimit(
            l.max_speed_up_m_s,
            &tx(input, msg!("report-limit-climb", limit = up)),
        );
        p.hlimit(
            l.max_speed_down_m_s,
            &tx(input, msg!("report-limit-descent", limit = down)),
        );
    }
    let z = p.finish(&tx(input, msg!("report-speed-z-aria")));
    format!(
        "<h3>{}</h3>\n{xy}\n<h3>{}</h3>\n{z}\n{}",
        txh(input, msg!("report-speed-xy-heading")),
        txh(input, msg!("report-speed-z-heading")),
        note(input, msg!("report-speeds-note"))
    )
}

fn transitions(input: &ReportInput) -> String {
    let rows: Vec<_> = input
        .transitions
        .iter()
        .filter(|t| t.duration_s.is_finite())
        .collect();
    if rows.is_empty() {
        return note(input, msg!("report-no-transitions"));
    }
    let top = rows
        .iter()
        .flat_map(|t| [t.duration_s, t.lower_bound_s])
        .filter(|v| v.is_finite())
        .fold(1.0, f64::max);
    let row_h = 20.0;
    let label_w = 250.0;
    let height = 44.0 + rows.len() as f64 * row_h;
    // The bars keep a wide left margin for the labels, so they are drawn here directly.
    let x_of = |v: f64| label_w + v / nice_max(top) * (WIDTH - label_w - 24.0);
    let mut s = String::new();
    for (i, t) in rows.iter().enumerate() {
        let y = 10.0 + i as f64 * row_h;
        let name = format!("{} → {}", t.from, t.to);
        let short: String = name.chars().take(40).collect();
        let ratio = if t.lower_bound_s > 0.0 {
            t.duration_s / t.lower_bound_s
        } else {
            f64::NAN
        };
        let tip = if ratio.is_finite() {
            msg!(
                "report-transition-tip-ratio",
                name = name.as_str(),
                duration = fmt2(t.duration_s),
                start = clock(t.start_s),
                bound = fmt2(t.lower_bound_s),
                ratio = format!("{ratio:.2}")
            )
        } else {
            msg!(
                "report-transition-tip",
                name = name.as_str(),
                duration = fmt2(t.duration_s),
                start = clock(t.start_s),
                bound = fmt2(t.lower_bound_s)
            )
        };
        let tip = tip.render(input.lang);
        let _ = write!(
            s,
            r##"<g><title>{}</title><text x="{}" y="{}" class="bl">{}</text><rect x="{}" y="{}" width="{}" height="{}" class="bar"/>"##,
            esc(&tip),
            num(label_w - 6.0),
            num(y + 13.0),
            esc(&short),
            num(x_of(0.0)),
            num(y + 3.0),
            num((x_of(t.duration_s.max(0.0)) - x_of(0.0)).max(0.5)),
            num(row_h - 6.0)
        );
        if t.lower_bound_s.is_finite() && t.lower_bound_s >= 0.0 {
            let x = x_of(t.lower_bound_s);
            let _ = write!(
                s,
                r##"<line x1="{x}" y1="{}" x2="{x}" y2="{}" class="lb"/>"##,
                num(y + 1.0),
                num(y + row_h - 1.0),
                x = num(x)
            );
        }
        s.push_str("</g>");
    }
    let axis = bar_axis(
        nice_max(top),
        label_w,
        height,
        &txh(input, msg!("report-axis-seconds")),
    );
    format!(
        "<svg viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{aria}\">{axis}{s}</svg>\n{note}",
        w = num(WIDTH),
        h = num(height),
        aria = txh(input, msg!("report-transitions-aria")),
        note = note(input, msg!("report-transitions-note"))
    )
}

/// The x axis of the transition bars.
fn bar_axis(max: f64, label_w: f64, height: f64, unit_html: &str) -> String {
    let mut s = String::new();
    let x_of = |v: f64| label_w + v / max * (WIDTH - label_w - 24.0);
    let y = height - 26.0;
    for t in crate::svg_plot::ticks(0.0, max, 6) {
        let x = num(x_of(t));
        let _ = write!(
            s,
            r##"<line x1="{x}" y1="4" x2="{x}" y2="{}" class="grid"/><text x="{x}" y="{}" class="xl">{}</text>"##,
            num(y),
            num(y + 16.0),
            num(t)
        );
    }
    let _ = write!(
        s,
        r##"<text x="{}" y="{}" class="unit" text-anchor="end">{unit_html}</text>"##,
        num(WIDTH - 24.0),
        num(height - 2.0)
    );
    s
}

fn flight_times(input: &ReportInput) -> String {
    let ft: Vec<f64> = input
        .flight_times_s
        .iter()
        .copied()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .collect();
    if ft.is_empty() {
        return note(input, msg!("report-no-flight-times"));
    }
    let battery = input.limits.battery_s;
    let hi = fmax(ft.iter().copied())
        .unwrap_or(1.0)
        .max(if battery.is_finite() { battery } else { 0.0 });
    let hi = nice_max(hi);
    let bins = 40usize;
    let w = hi / bins as f64;
    let mut counts = vec![0usize; bins];
    for v in &ft {
        counts[((v / w) as usize).min(bins - 1)] += 1;
    }
    let top = counts.iter().copied().max().unwrap_or(1) as f64;
    let mut p = SvgPlot::new(240.0, (0.0, hi), (0.0, nice_max(top)));
    p.axes(
        &tx(input, msg!("report-axis-time-in-air")),
        &tx(input, msg!("report-axis-drones")),
    );
    for (i, c) in counts.iter().enumerate() {
        if *c > 0 {
            let (a, b) = (i as f64 * w, (i + 1) as f64 * w);
            let tip = tx(
                input,
                msg!(
                    "report-flight-bin-tip",
                    count = *c,
                    from = clock(a),
                    to = clock(b)
                ),
            );
            p.rect(
                a + w * 0.05,
                0.0,
                b - w * 0.05,
                *c as f64,
                "class=\"hist\"",
                &tip,
            );
        }
    }
    p.vlimit(
        battery,
        &tx(input, msg!("report-battery", battery = clock(battery))),
    );
    let over = ft.iter().filter(|v| **v > battery).count();
    let longest = clock(fmax(ft.iter().copied()).unwrap_or(0.0));
    let summary = msg!(
        "report-flight-note",
        count = ft.len(),
        longest = longest,
        battery = clock(battery)
    );
    format!(
        "{}\n<p class=\"note\">{}{}</p>",
        p.finish(&tx(input, msg!("report-flight-aria"))),
        txh(input, summary),
        if over > 0 {
            format!(
                " <b>{}</b>",
                txh(input, msg!("report-flight-over", count = over))
            )
        } else {
            String::new()
        }
    )
}

fn fireworks(input: &ReportInput) -> String {
    let bursts: Vec<_> = drawable_bursts(input.fireworks).collect();
    if bursts.is_empty() {
        return note(input, msg!("report-no-fireworks"));
    }
    let end =
        duration_s(input).max(fmax(bursts.iter().map(|b| b.time_s + b.duration_s)).unwrap_or(1.0));
    let top = fmax(bursts.iter().map(|b| b.position.z + b.radius_m)).unwrap_or(1.0);
    let mut p = SvgPlot::new(260.0, (0.0, end), (0.0, nice_max(top)));
    p.axes(&tx(input, msg!("report-axis-burst-time")), "m");
    let mut s = String::new();
    for b in &bursts {
        let r = (b.radius_m / 4.0).clamp(3.0, 18.0);
        let _ = write!(
            s,
            r##"<circle cx="{}" cy="{}" r="{}" fill="{}" class="burst"><title>{}</title></circle>"##,
            num(p.sx(b.time_s)),
            num(p.sy(b.position.z)),
            num(r),
            b.color.to_hex(),
            txh(
                input,
                msg!(
                    "report-burst-tip",
                    label = b.label.as_str(),
                    time = clock(b.time_s),
                    height = fmt2(b.position.z),
                    radius = fmt2(b.radius_m)
                )
            )
        );
    }
    p.raw(&s);
    format!(
        "{}\n{}",
        p.finish(&tx(input, msg!("report-fireworks-aria"))),
        note(input, msg!("report-fireworks-note", count = bursts.len()))
    )
}

/// A thumbnail PNG of the drones at `t`, level from the audience side, fitted to the lit
/// airborne drones.
fn thumbnail(input: &ReportInput, scene: &Scene, t: f64) -> Option<Vec<u8>> {
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

fn thumbnails(input: &ReportInput) -> String {
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

fn violations(input: &ReportInput) -> String {
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

fn limits(input: &ReportInput) -> String {
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

/// A paragraph of notes in the page's language.
pub(crate) fn note(input: &ReportInput, m: Message) -> String {
    format!("<p class=\"note\">{}</p>", txh(input, m))
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
