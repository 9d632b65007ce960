//! Reading a `.skyc` back and validating it: shared by `build` (which checks the file it
//! just wrote, so the report describes exactly what will fly) and `check`.

use miette::{Result, miette};
use skyshow_export::{EmergencySection, FormatRow};
use skyshow_model::{FlightShow, Limits};
use skyshow_skyc::{
    ReadOptions, is_skybrush_csv_zip, read_show_json, read_skybrush_csv_zip,
    read_skybrush_static_csv, read_skyc,
};
use skyshow_validate::{
    RthCheckOptions, ValidateOptions, Validation, check_rth, land_in_place_safe, validate,
};

/// A show read from file bytes and validated.
pub(crate) struct Checked {
    pub(crate) show: FlightShow,
    pub(crate) validation: Validation,
    pub(crate) format: Vec<FormatRow>,
    pub(crate) limits: Limits,
    /// The file's soundtrack (`media.audio`), if it has one.
    pub(crate) audio: Option<skyshow_skyc::Audio>,
    /// The emergency return (`rthPlan`) flown and checked, and when landing in place is safe.
    pub(crate) emergency: EmergencySection,
}

/// Reads `bytes` (a zip `.skyc`; bare JSON when it starts with `{`; a ZIP of Skybrush
/// per-drone CSVs; Skybrush's static `Name,x_m,y_m,z_m,…` CSV) named `name`, and
/// validates it against `limits` (or the file's own, else the defaults, when `None`),
/// attributing findings with `phases` when given.
pub(crate) fn read_and_validate(
    name: &str,
    bytes: &[u8],
    limits: impl FnOnce(Option<Limits>) -> Result<Limits>,
    phases: Option<Vec<skyshow_model::Phase>>,
) -> Result<Checked> {
    let opts = ReadOptions::default();
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    let csv_zip = bytes.starts_with(b"PK") && is_skybrush_csv_zip(bytes, &opts);
    let csv = csv_zip || is_static_csv(bytes);
    let read = if first == Some(b'{') {
        read_show_json(bytes, &opts)
    } else if csv_zip {
        read_skybrush_csv_zip(bytes, &opts)
    } else if csv {
        read_skybrush_static_csv(bytes, &opts)
    } else {
        read_skyc(bytes, &opts)
    };
    let mut file = read.map_err(|e| miette!("cannot read `{name}`: {e}"))?;
    if csv {
        // CSV shows have no title: name them after the file.
        file.show.title = name.rsplit(['/', '\\']).next().unwrap_or(name).to_string();
    }
    if let Some(p) = phases {
        file.show.phases = p;
    }
    let limits = limits(file.show.limits)?;
    // A sampled show (CSV) changes velocity at its samples: measure that change over the
    // sampling interval, as a finite difference at the file's own rate.
    let opts = match file.sample_interval_s {
        Some(dt) => ValidateOptions {
            sampled_rate_hz: Some(1.0 / dt),
            ..ValidateOptions::default()
        },
        None => ValidateOptions::default(),
    };
    let mut validation = validate(&file.show, &limits, &opts);
    let emergency = emergency(&file.show, &file.rth_plans, &limits, &mut validation);
    let format = file
        .findings
        .iter()
        .map(|f| FormatRow {
            drone: f.drone,
            rule: f.rule.to_string(),
            message: f.message.clone(),
        })
        .collect();
    Ok(Checked {
        show: file.show,
        validation,
        format,
        limits,
        audio: file.audio,
        emergency,
    })
}

/// Flies the file's `rthPlan` from trigger moments across the show (its conflicts join the
/// validation's violations) and finds when a plain "land now" is safe.
fn emergency(
    show: &FlightShow,
    plans: &[Option<skyshow_model::RthPlan>],
    limits: &Limits,
    validation: &mut Validation,
) -> EmergencySection {
    let opts = RthCheckOptions::default();
    let check = check_rth(show, plans, limits, &opts);
    let land_speed = plans
        .iter()
        .flatten()
        .map(|p| p.landing_speed_m_s)
        .next()
        .unwrap_or(0.75 * limits.max_speed_down_m_s);
    let safe = land_in_place_safe(
        show,
        limits,
        land_speed,
        opts.trigger_step_s,
        opts.tolerance_m,
    );
    let Some(c) = check else {
        return EmergencySection {
            entries: 0,
            interval_s: 0.0,
            worst_duration_s: None,
            min_distance_m: None,
            land_in_place_safe_s: safe,
            triggers_checked: 0,
            trigger_step_s: opts.trigger_step_s,
            between_moments_m: 0.0,
            conflicts: 0,
            drones_without_plan: 0,
        };
    };
    let conflicts = c.violations.len();
    validation.violations_total += conflicts;
    validation.violations.extend(c.violations);
    validation.violations.sort_by(|a, b| a.report_cmp(b));
    EmergencySection {
        entries: c.entry_times_s.len(),
        interval_s: c.interval_s,
        worst_duration_s: Some(c.worst_duration_s),
        min_distance_m: c.min_distance_m,
        land_in_place_safe_s: safe,
        triggers_checked: c.triggers_checked,
        trigger_step_s: c.trigger_step_s,
        between_moments_m: c.between_moments_m,
        conflicts,
        drones_without_plan: c.drones_without_plan.len(),
    }
}

/// True if `bytes` start with the header of Skybrush's static marker CSV (`Name,…`).
fn is_static_csv(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let head = &b[..b.len().min(5)];
    head.eq_ignore_ascii_case(b"name,") || head.eq_ignore_ascii_case(b"\"name")
}
