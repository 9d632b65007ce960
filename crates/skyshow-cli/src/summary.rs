//! The summary table printed at the end of `build` and `check`.

use std::path::PathBuf;

use skyshow_export::{MotionRow, Report, WarningRow};
use skyshow_i18n::{Message, msg, pad_end, pad_start};
use skyshow_validate::ViolationKind;

use crate::printer::Printer;

/// What the summary shows.
pub(crate) struct Summary<'a> {
    pub(crate) report: &'a Report<'a>,
    pub(crate) written: &'a [PathBuf],
    pub(crate) elapsed_s: f64,
}

fn row(label: &str, value: String, limit: String, ok: bool) -> String {
    let verdict = if ok {
        msg!("summary-ok")
    } else {
        msg!("summary-violation")
    };
    format!(
        "  {} {}   {} {verdict}",
        pad_end(label, 22),
        pad_start(&value, 14),
        pad_end(&limit, 16)
    )
}

/// Prints the summary on stderr.
pub(crate) fn print_summary(p: &Printer, s: &Summary<'_>) {
    let r = s.report;
    let minute = |t: f64| format!("{}:{:04.1}", (t / 60.0).floor() as i64, t % 60.0);
    p.line(&text(msg!(
        "summary-title",
        title = r.show.title.as_str(),
        drones = r.show.drones,
        clock = minute(r.show.duration_s),
        seconds = format!("{:.1}", r.show.duration_s)
    )));
    p.line(&format!(
        "  {} {}   {}",
        pad_end("", 22),
        pad_start(&text(msg!("summary-measured")), 14),
        text(msg!("summary-limit"))
    ));
    print_figures(p, r);
    print_motions(p, r);
    print_emergency(p, r);
    print_findings(p, r);
    print_warnings(p, r);
    for w in s.written {
        p.line(&format!("  {}", msg!("summary-wrote", path = w)));
    }
    p.line(&format!(
        "  {}",
        msg!("summary-done", seconds = format!("{:.2}", s.elapsed_s))
    ));
}

/// The measured figures against their limits: the smallest distance (at or above), every
/// other one (at or below), and the largest velocity step when there is one.
fn print_figures(p: &Printer, r: &Report<'_>) {
    let m = &r.validation.measured;
    let l = &r.limits;
    let md = if m.min_distance_m.is_finite() {
        // To the millimetre: the figure that decides a violation.
        format!("{:.3} m", m.min_distance_m)
    } else {
        "–".into()
    };
    p.line(&row(
        &text(msg!("summary-min-distance")),
        md,
        format!("≥ {} m", l.min_distance_m),
        m.min_distance_m >= l.min_distance_m - 1e-9,
    ));
    // (label, measured, limit, unit, decimals): every other figure must stay at or below its limit.
    let upper = [
        (
            msg!("summary-max-speed-xy"),
            m.max_speed_xy_m_s,
            l.max_speed_xy_m_s,
            "m/s",
            2,
        ),
        (
            msg!("summary-max-speed-up"),
            m.max_speed_up_m_s,
            l.max_speed_up_m_s,
            "m/s",
            2,
        ),
        (
            msg!("summary-max-speed-down"),
            m.max_speed_down_m_s,
            l.max_speed_down_m_s,
            "m/s",
            2,
        ),
        (
            msg!("summary-max-accel"),
            m.max_accel_m_s2,
            l.max_accel_m_s2,
            "m/s²",
            2,
        ),
        (
            msg!("summary-max-altitude"),
            m.max_altitude_m,
            l.max_altitude_m,
            "m",
            3,
        ),
        (
            msg!("summary-longest-flight"),
            m.max_flight_time_s,
            l.battery_s,
            "s",
            0,
        ),
    ];
    for (label, value, limit, unit, decimals) in upper {
        p.line(&row(
            &text(label),
            format!("{value:.decimals$} {unit}"),
            format!("≤ {limit} {unit}"),
            value <= limit + 1e-9,
        ));
    }
    if m.max_velocity_step_m_s > 0.0 {
        let step_max =
            skyshow_validate::velocity_step_max_m_s(&skyshow_validate::ValidateOptions::DEFAULT, l);
        let ok = m.max_velocity_step_m_s <= step_max + 1e-9;
        let verdict = if ok {
            msg!("summary-warning")
        } else {
            msg!("summary-violation")
        };
        p.line(&format!(
            "  {} {}   {} {verdict}",
            pad_end(&text(msg!("summary-max-velocity-step")), 22),
            pad_start(&format!("{:.2} m/s", m.max_velocity_step_m_s), 14),
            pad_end(&format!("≤ {step_max:.2} m/s"), 16)
        ));
    }
}

/// The violations (the first ten of the validation's, the pyro checks' and the format
/// rules'), then how many more there are.
fn print_findings(p: &Printer, r: &Report<'_>) {
    let n = r.violation_count();
    p.line(&format!("  {}", msg!("summary-violations", count = n)));
    for v in r.validation.violations.iter().take(10) {
        let (kind, time) = (violation_kind(v.kind), format!("{:.2}", v.time_s));
        let (drones, value, limit) = (
            drone_list(r, &v.drones),
            format!("{:.3}", v.value),
            format!("{:.3}", v.limit),
        );
        let line = if v.source.is_empty() {
            msg!(
                "summary-violation-line",
                kind = kind,
                time = time,
                drones = drones,
                value = value,
                limit = limit
            )
        } else {
            msg!(
                "summary-violation-line-source",
                kind = kind,
                time = time,
                drones = drones,
                value = value,
                limit = limit,
                source = v.source.as_str()
            )
        };
        p.line(&format!("    {line}"));
    }
    for v in r.pyro.iter().flat_map(|p| &p.violations).take(10) {
        let (kind, time) = (v.kind.to_string(), format!("{:.2}", v.time_s));
        let (value, limit) = (format!("{:.3}", v.value), format!("{:.3}", v.limit));
        let (position, source) = (v.position.as_str(), v.source.as_str());
        let line = if v.drones.is_empty() {
            msg!(
                "summary-pyro-line",
                kind = kind,
                time = time,
                position = position,
                value = value,
                limit = limit,
                source = source
            )
        } else {
            msg!(
                "summary-pyro-line-drones",
                kind = kind,
                time = time,
                position = position,
                drones = drone_list(r, &v.drones),
                value = value,
                limit = limit,
                source = source
            )
        };
        p.line(&format!("    {line}"));
    }
    for f in r.format.iter().take(10) {
        let line = msg!(
            "summary-format-line",
            rule = f.rule.as_str(),
            message = f.message.clone()
        );
        p.line(&format!("    {line}"));
    }
    if n > 10 {
        p.line(&format!("    {}", msg!("summary-more", count = n - 10)));
    }
}

/// The warnings, the first ten of them.
fn print_warnings(p: &Printer, r: &Report<'_>) {
    let nw = r.warning_count();
    if nw > 0 {
        p.line(&format!("  {}", msg!("summary-warnings", count = nw)));
        for w in r.all_warnings().iter().take(10) {
            p.line(&format!("    {}: {}", w.kind, w.message));
        }
        if nw > 10 {
            p.line(&format!("    {}", msg!("summary-more", count = nw - 10)));
        }
    }
}

/// The return-to-home plan: its entries, longest return and closest approach, how much of
/// the flight landing in place is safe, then each conflict found re-flying it and each
/// entry the planner could not make safe.
fn print_emergency(p: &Printer, r: &Report<'_>) {
    let Some(e) = &r.emergency else {
        return;
    };
    let safe: f64 = e.land_in_place_safe_s.iter().map(|(a, b)| b - a).sum();
    p.line(&format!(
        "  {}",
        msg!(
            "summary-emergency",
            entries = e.entries,
            interval = format!("{}", e.interval_s),
            worst = format!("{:.1}", e.worst_duration_s),
            dist = format!("{:.3}", e.min_distance_m),
            safe = format!("{safe:.0}"),
            total = format!("{:.0}", r.show.duration_s)
        )
    ));
    for c in e.conflicts.iter().take(10) {
        p.line(&format!(
            "    {}",
            msg!(
                "summary-rth-conflict-line",
                entry = format!("{}", c.entry_s),
                trigger = format!("{:.2}", c.trigger_s),
                time = format!("{:.2}", c.time_s),
                drones = drone_list(r, &[c.drones.0, c.drones.1]),
                value = format!("{:.3}", c.distance_m)
            )
        ));
    }
}

/// One line per moving formation: what the flown curves ask of the drones, the closest
/// two come, how closely the curves follow the design, and the ramps given to linear
/// motions.
fn print_motions(p: &Printer, r: &Report<'_>) {
    let moving: Vec<_> = r
        .formations
        .iter()
        .filter_map(|f| f.motion.as_ref().map(|m| (f, m)))
        .collect();
    if moving.is_empty() {
        return;
    }
    p.line(&format!(
        "  {}",
        msg!("summary-motions", count = moving.len())
    ));
    for (f, m) in moving {
        print_motion(p, &f.name, m, "    ");
    }
}

/// A moving formation's figures (and its linear motions' ramps below them), each line
/// after `indent`.
pub(crate) fn print_motion(p: &Printer, name: &str, m: &MotionRow, indent: &str) {
    p.line(&format!(
        "{indent}{}",
        msg!(
            "summary-motion-line",
            name = name,
            kinds = m.kinds.join(", "),
            xy = format!("{:.2}", m.max_speed_xy_m_s),
            up = format!("{:.2}", m.max_speed_up_m_s),
            down = format!("{:.2}", m.max_speed_down_m_s),
            accel = format!("{:.2}", m.max_accel_m_s2),
            dist = format!("{:.2}", m.min_distance_m),
            fit = format!("{:.1}", m.fit_error_m * 100.0)
        )
    ));
    for (k, ramp) in &m.ramps {
        p.line(&format!(
            "{indent}  {}",
            msg!(
                "summary-motion-ramps",
                motion = *k,
                ramp = format!("{ramp:.2}")
            )
        ));
    }
}

/// A message in the user's language.
fn text(m: Message) -> String {
    m.to_string()
}

/// The name of a violation kind in the user's language (English: as report.json names it).
pub(crate) fn violation_kind(kind: ViolationKind) -> Message {
    match kind {
        ViolationKind::MinDistance => msg!("violation-min_distance"),
        ViolationKind::SpeedXy => msg!("violation-speed_xy"),
        ViolationKind::SpeedUp => msg!("violation-speed_up"),
        ViolationKind::SpeedDown => msg!("violation-speed_down"),
        ViolationKind::Acceleration => msg!("violation-acceleration"),
        ViolationKind::VelocityStep => msg!("violation-velocity_step"),
        ViolationKind::Altitude => msg!("violation-altitude"),
        ViolationKind::SidewaysBelowMinNavAltitude => {
            msg!("violation-sideways_below_min_nav_altitude")
        }
        ViolationKind::TakeoffSpacing => msg!("violation-takeoff_spacing"),
        ViolationKind::OutsideBoundary => msg!("violation-outside_boundary"),
        ViolationKind::InExclusionZone => msg!("violation-in_exclusion_zone"),
        ViolationKind::FlightTime => msg!("violation-flight_time"),
        ViolationKind::TrajectoryTooLarge => msg!("violation-trajectory_too_large"),
        ViolationKind::LightProgramTooLarge => msg!("violation-light_program_too_large"),
    }
}

/// The drones of a violation, named and joined (`Drone 1 & Drone 2`).
fn drone_list(r: &Report, drones: &[usize]) -> String {
    drone_names(r, drones).join(&text(msg!("summary-drone-join")))
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
        message: msg!(
            "summary-music-not-mpeg",
            name = name,
            media_type = media_type
        ),
        source: "[music]".into(),
        time_s: None,
        drones: Vec::new(),
        value: None,
        limit: None,
    })
}
