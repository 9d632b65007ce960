//! The report's plots: the timeline with its emergency bands, minimum distance, speeds,
//! each transition against its lower bound, flight times and the fireworks.

use std::fmt::Write;

use skyshow_i18n::msg;
use skyshow_model::PhaseKind;

use crate::html::{clock, esc, num};
use crate::motion_speeds::motion_plots;
use crate::preview_page::drawable_bursts;
use crate::report_page::{duration_s, fmax, fmin, fmt2, note, tx, txh};
use crate::svg_plot::{SvgPlot, WIDTH, nice_max};
use crate::{ReportInput, ReportSeries};

/// Most points drawn per line (longer series are reduced to their extremes per bucket).
const MAX_POINTS: usize = 1200;

/// A strip of the show's phases (formations named) and fireworks, and above them, for a
/// show with an emergency return, where its entries are safe and where landing in place is.
pub(crate) fn timeline(h: &mut String, input: &ReportInput) {
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
pub(crate) fn emergency_bands(p: &mut SvgPlot, input: &ReportInput, e: &crate::ReportEmergency) {
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
pub(crate) fn reduced(s: &ReportSeries) -> ReportSeries {
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

pub(crate) fn time_range(s: &ReportSeries, input: &ReportInput) -> (f64, f64) {
    let lo = fmin(s.t_s.iter().copied()).unwrap_or(0.0).min(0.0);
    let hi = fmax(s.t_s.iter().copied())
        .unwrap_or(0.0)
        .max(duration_s(input));
    (lo, hi.max(lo + 1.0))
}

pub(crate) fn separation(input: &ReportInput) -> String {
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
pub(crate) fn speeds(input: &ReportInput) -> String {
    show_speeds(input) + &motion_plots(input)
}

pub(crate) fn show_speeds(input: &ReportInput) -> String {
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

pub(crate) fn transitions(input: &ReportInput) -> String {
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
pub(crate) fn bar_axis(max: f64, label_w: f64, height: f64, unit_html: &str) -> String {
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

pub(crate) fn flight_times(input: &ReportInput) -> String {
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

pub(crate) fn fireworks(input: &ReportInput) -> String {
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
