//! The summary table printed at the end of `build` and `check`.

use std::path::PathBuf;

use skyshow_export::{Report, WarningRow};

use crate::printer::Printer;

/// What the summary shows.
pub(crate) struct Summary<'a> {
    pub(crate) report: &'a Report<'a>,
    pub(crate) written: &'a [PathBuf],
    pub(crate) elapsed_s: f64,
}

fn row(label: &str, value: String, limit: String, ok: bool) -> String {
    format!(
        "  {label:<22} {value:>14}   {limit:<16} {}",
        if ok { "ok" } else { "VIOLATION" }
    )
}

/// Prints the summary on stderr.
pub(crate) fn print_summary(p: &Printer, s: &Summary<'_>) {
    let r = s.report;
    let m = &r.validation.measured;
    let l = &r.limits;
    let minute = |t: f64| format!("{}:{:04.1}", (t / 60.0).floor() as i64, t % 60.0);
    p.line(&format!(
        "{} — {} drones, {} ({:.1} s)",
        r.show.title,
        r.show.drones,
        minute(r.show.duration_s),
        r.show.duration_s
    ));
    p.line(&format!(
        "  {:<22} {:>14}   {:<16} {}",
        "", "measured", "limit", ""
    ));
    let md = if m.min_distance_m.is_finite() {
        format!("{:.2} m", m.min_distance_m)
    } else {
        "–".into()
    };
    p.line(&row(
        "min distance",
        md,
        format!("≥ {} m", l.min_distance_m),
        m.min_distance_m >= l.min_distance_m - 1e-9,
    ));
    // (label, measured, limit, unit, decimals): every other figure must stay at or below its limit.
    let upper = [
        (
            "max speed horizontal",
            m.max_speed_xy_m_s,
            l.max_speed_xy_m_s,
            "m/s",
            2,
        ),
        (
            "max speed up",
            m.max_speed_up_m_s,
            l.max_speed_up_m_s,
            "m/s",
            2,
        ),
        (
            "max speed down",
            m.max_speed_down_m_s,
            l.max_speed_down_m_s,
            "m/s",
            2,
        ),
        (
            "max acceleration",
            m.max_accel_m_s2,
            l.max_accel_m_s2,
            "m/s²",
            2,
        ),
        ("max altitude", m.max_altitude_m, l.max_altitude_m, "m", 1),
        ("longest flight", m.max_flight_time_s, l.battery_s, "s", 0),
    ];
    for (label, value, limit, unit, decimals) in upper {
        p.line(&row(
            label,
            format!("{value:.decimals$} {unit}"),
            format!("≤ {limit} {unit}"),
            value <= limit + 1e-9,
        ));
    }
    if m.max_velocity_step_m_s > 0.0 {
        let step_max =
            skyshow_validate::velocity_step_max_m_s(&skyshow_validate::ValidateOptions::DEFAULT, l);
        let ok = m.max_velocity_step_m_s <= step_max + 1e-9;
        p.line(&format!(
            "  {:<22} {:>14}   {:<16} {}",
            "max velocity step",
            format!("{:.2} m/s", m.max_velocity_step_m_s),
            format!("≤ {step_max:.2} m/s"),
            if ok { "warning" } else { "VIOLATION" }
        ));
    }
    let n = r.violation_count();
    p.line(&format!("  violations: {n}"));
    for v in r.validation.violations.iter().take(10) {
        let names = drone_names(r, &v.drones);
        p.line(&format!(
            "    {} at {:.2} s: {} value {:.3}, limit {:.3}{}",
            v.kind.as_str(),
            v.time_s,
            names.join(" & "),
            v.value,
            v.limit,
            if v.source.is_empty() {
                String::new()
            } else {
                format!(" ({})", v.source)
            }
        ));
    }
    for v in r.pyro.iter().flat_map(|p| &p.violations).take(10) {
        let names = drone_names(r, &v.drones);
        p.line(&format!(
            "    {} at {:.2} s: position {}{} value {:.3}, limit {:.3} ({})",
            v.kind,
            v.time_s,
            v.position,
            if names.is_empty() {
                String::new()
            } else {
                format!(", {}", names.join(" & "))
            },
            v.value,
            v.limit,
            v.source
        ));
    }
    for f in r.format.iter().take(10) {
        p.line(&format!("    format_{}: {}", f.rule, f.message));
    }
    if n > 10 {
        p.line(&format!("    … and {} more (see report.json)", n - 10));
    }
    let nw = r.warning_count();
    if nw > 0 {
        p.line(&format!("  warnings: {nw}"));
        for w in r.all_warnings().iter().take(10) {
            p.line(&format!("    {}: {}", w.kind, w.message));
        }
        if nw > 10 {
            p.line(&format!("    … and {} more (see report.json)", nw - 10));
        }
    }
    for w in s.written {
        p.line(&format!("  wrote {}", w.display()));
    }
    p.line(&format!("  done in {:.2} s", s.elapsed_s));
}

/// The report's names of `drones` (`#index` for an index it does not name).
fn drone_names(r: &Report, drones: &[usize]) -> Vec<String> {
    drones
        .iter()
        .map(|&d| {
            r.drone_names
                .get(d)
                .cloned()
                .unwrap_or_else(|| format!("#{d}"))
        })
        .collect()
}

/// The warning for a soundtrack that is not MPEG audio (`media_type`, file `name`): the
/// `.skyc` carries it as given, but Skybrush Live plays only MPEG audio (MP3).
pub(crate) fn music_format_warning(media_type: &str, name: &str) -> Option<WarningRow> {
    if media_type.eq_ignore_ascii_case("audio/mpeg") || media_type.eq_ignore_ascii_case("audio/mp3")
    {
        return None;
    }
    Some(WarningRow {
        kind: "music_not_mpeg".into(),
        message: format!(
            "the music `{name}` is {media_type}, embedded as given; Skybrush Live expects MPEG audio (MP3): convert it (e.g. `ffmpeg -i {name} music.mp3`) if the ground station should play it"
        ),
        source: "[music]".into(),
        time_s: None,
        drones: Vec::new(),
        value: None,
        limit: None,
    })
}
