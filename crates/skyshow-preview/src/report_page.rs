//! `report_html`: the visual safety report, one self-contained page with inline SVG plots
//! and PNG thumbnails (no scripts).

use std::fmt::Write;

use skyshow_i18n::{Message, msg};

use crate::ReportInput;
use crate::html::{clock, esc};
use crate::report_charts::{fireworks, flight_times, separation, speeds, timeline, transitions};
use crate::report_lists::{limits, thumbnails, violations};
use crate::site_plan::site_plan;

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

pub(crate) fn section(h: &mut String, id: &str, title: &str, body: &str) {
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

/// Smallest finite value.
pub(crate) fn fmin(v: impl IntoIterator<Item = f64>) -> Option<f64> {
    v.into_iter().filter(|x| x.is_finite()).reduce(f64::min)
}

/// Largest finite value.
pub(crate) fn fmax(v: impl IntoIterator<Item = f64>) -> Option<f64> {
    v.into_iter().filter(|x| x.is_finite()).reduce(f64::max)
}

pub(crate) fn preview_link(input: &ReportInput, t: f64) -> String {
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

pub(crate) fn duration_s(input: &ReportInput) -> f64 {
    let d = input.show.duration_s();
    if d.is_finite() { d.max(0.0) } else { 0.0 }
}

pub(crate) fn violations_total(input: &ReportInput) -> usize {
    input.violations_total.max(input.violations.len())
}

pub(crate) fn header(h: &mut String, input: &ReportInput, title: &str) {
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

/// A paragraph of notes in the page's language.
pub(crate) fn note(input: &ReportInput, m: Message) -> String {
    format!("<p class=\"note\">{}</p>", txh(input, m))
}
