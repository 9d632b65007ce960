//! Reading a `.skyc` back and validating it: shared by `build` (which checks the file it
//! just wrote, so the report describes exactly what will fly) and `check`.

use std::time::Instant;

use miette::Result;
use skyshow_export::FormatRow;
use skyshow_model::{FlightShow, Limits};
use skyshow_skyc::{
    ReadOptions, SkycShow, is_skybrush_csv_zip, is_vviz, read_show_json, read_skybrush_csv_zip,
    read_skybrush_static_csv, read_skyc, read_vviz,
};
use skyshow_validate::{ValidateOptions, Validation, validate};

/// A show read from file bytes and validated.
pub(crate) struct Checked {
    pub(crate) show: FlightShow,
    pub(crate) validation: Validation,
    pub(crate) format: Vec<FormatRow>,
    pub(crate) limits: Limits,
    /// The file's soundtrack (`media.audio`), if it has one.
    pub(crate) audio: Option<skyshow_skyc::Audio>,
    /// Each drone's return-to-home plan (`settings.rthPlan`), where it has one.
    pub(crate) rth_plans: Vec<Option<skyshow_model::RthPlan>>,
    /// How long the validation itself took, milliseconds.
    pub(crate) validate_ms: f64,
    /// How long reading the file's bytes back took (before validating), milliseconds.
    pub(crate) read_ms: f64,
}

/// The longest light program of `show`'s drones, bytes (`report.json`
/// `max_light_program_bytes`).
pub(crate) fn max_light_program_bytes(show: &FlightShow) -> usize {
    show.drones
        .iter()
        .map(|d| d.lights.bytecode.len())
        .max()
        .unwrap_or(0)
}

/// Reads `bytes` (a zip `.skyc`; bare JSON when it starts with `{`; a VVIZ document; a ZIP
/// of Skybrush per-drone CSVs; Skybrush's static `Name,x_m,y_m,z_m,…` CSV) named `name`,
/// without validating it. CSV shows, which have no title, are named after the file.
pub(crate) fn read_show_file(name: &str, bytes: &[u8]) -> Result<SkycShow> {
    let opts = ReadOptions::default();
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    let csv_zip = bytes.starts_with(b"PK") && is_skybrush_csv_zip(bytes, &opts);
    let csv = csv_zip || is_static_csv(bytes);
    let vviz = first == Some(b'{') && is_vviz(bytes);
    let read = if vviz {
        read_vviz(bytes, &opts)
    } else if first == Some(b'{') {
        read_show_json(bytes, &opts)
    } else if csv_zip {
        read_skybrush_csv_zip(bytes, &opts)
    } else if csv {
        read_skybrush_static_csv(bytes, &opts)
    } else {
        read_skyc(bytes, &opts)
    };
    let mut file = read.map_err(|e| {
        crate::cli_error::fail(
            skyshow_i18n::msg!("cli-cannot-read", file = name, why = e.message()),
            None,
        )
    })?;
    if csv {
        file.show.title = name.rsplit(['/', '\\']).next().unwrap_or(name).to_string();
    }
    Ok(file)
}

/// Reads `bytes` ([`read_show_file`]) named `name`, and validates it against `limits` (or
/// the file's own, else the defaults, when `None`), attributing findings with `phases`
/// when given.
pub(crate) fn read_and_validate(
    name: &str,
    bytes: &[u8],
    limits: impl FnOnce(Option<Limits>) -> Result<Limits>,
    phases: Option<Vec<skyshow_model::Phase>>,
) -> Result<Checked> {
    read_and_validate_while(name, bytes, limits, phases, |_| ()).map(|(c, ())| c)
}

/// [`read_and_validate`], with `also` run on the show as read while it is validated (on the
/// other threads of the pool: `build` writes the exports made from the read-back show then).
/// Returns the checked show and what `also` returned.
pub(crate) fn read_and_validate_while<R: Send>(
    name: &str,
    bytes: &[u8],
    limits: impl FnOnce(Option<Limits>) -> Result<Limits>,
    phases: Option<Vec<skyshow_model::Phase>>,
    also: impl FnOnce(&FlightShow) -> R + Send,
) -> Result<(Checked, R)> {
    let t = Instant::now();
    let mut file = read_show_file(name, bytes)?;
    let read_ms = t.elapsed().as_secs_f64() * 1000.0;
    if let Some(p) = phases {
        file.show.phases = p;
    }
    let limits = limits(file.show.limits)?;
    // A sampled show (CSV, VVIZ) changes velocity at its samples: measure that change over the
    // sampling interval, as a finite difference at the file's own rate, allowing for what
    // rounding its positions can add to it.
    let opts = match file.sample_interval_s {
        Some(dt) => ValidateOptions {
            sampled_rate_hz: Some(1.0 / dt),
            sample_step_m: file.position_step_m.unwrap_or(0.0),
            ..ValidateOptions::default()
        },
        None => ValidateOptions::default(),
    };
    let show = &file.show;
    let (validation, also) = rayon::join(
        || {
            let t = Instant::now();
            (
                validate(show, &limits, &opts),
                t.elapsed().as_secs_f64() * 1000.0,
            )
        },
        || also(show),
    );
    let (validation, validate_ms) = validation;
    let format = file
        .findings
        .iter()
        .map(|f| FormatRow {
            drone: f.drone,
            rule: f.rule.to_string(),
            message: f.message.clone(),
        })
        .collect();
    let checked = Checked {
        show: file.show,
        validation,
        format,
        limits,
        audio: file.audio,
        rth_plans: file.rth_plans,
        validate_ms,
        read_ms,
    };
    Ok((checked, also))
}

/// True if `bytes` start with the header of Skybrush's static marker CSV (`Name,…`).
fn is_static_csv(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let head = &b[..b.len().min(5)];
    head.eq_ignore_ascii_case(b"name,") || head.eq_ignore_ascii_case(b"\"name")
}
