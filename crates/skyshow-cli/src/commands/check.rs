//! `skyshow check FILE.skyc`: validate any show file.

use std::io::Write;
use std::time::Instant;

use miette::Result;
use skyshow_export::{EmergencySection, Report, ReportShow, write_report_json};
use skyshow_i18n::msg;
use skyshow_model::Limits;
use skyshow_plan::emergency::LandInPlace;
use skyshow_validate::{RthCheck, ValidateOptions};

use crate::args::CheckArgs;
use crate::cli_error::fail;
use crate::printer::Printer;
use crate::show_check::read_and_validate;
use crate::summary::{Summary, music_format_warning, print_summary};

/// Largest file `check` reads, bytes.
const MAX_FILE_BYTES: u64 = 2 << 30;

/// Runs `check`. Returns the exit code (0 valid, 1 violations).
pub(crate) fn run(args: &CheckArgs, printer: Printer) -> Result<u8> {
    let started = Instant::now();
    let name = args.file.display().to_string();
    let cannot_read = |e: std::io::Error, help| {
        fail(
            msg!(
                "cli-cannot-read",
                file = name.as_str(),
                why = skyshow_i18n::io_reason(&e)
            ),
            help,
        )
    };
    let meta = fs_err::metadata(&args.file)
        .map_err(|e| cannot_read(e, Some(msg!("cli-check-the-path"))))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(
            msg!(
                "check-too-large",
                file = name.as_str(),
                bytes = meta.len(),
                max = MAX_FILE_BYTES
            ),
            None,
        ));
    }
    let bytes = fs_err::read(&args.file).map_err(|e| cannot_read(e, None))?;
    let flags = args.limits.clone();
    let checked = read_and_validate(
        &name,
        &bytes,
        |own| flags.apply(own.unwrap_or(Limits::DEFAULT)),
        None,
    )?;
    let report = Report {
        show: ReportShow {
            title: checked.show.title.clone(),
            drones: checked.show.drones.len(),
            duration_s: checked.show.duration_s(),
        },
        limits: checked.limits,
        validation: &checked.validation,
        format: checked.format.clone(),
        drone_names: checked.show.drones.iter().map(|d| d.name.clone()).collect(),
        max_light_program_bytes: crate::show_check::max_light_program_bytes(&checked.show),
        formations: Vec::new(),
        transitions: Vec::new(),
        timing_ms: vec![("total".into(), started.elapsed().as_secs_f64() * 1000.0)],
        pyro: None,
        emergency: emergency(&checked),
        warnings: checked
            .audio
            .as_ref()
            .and_then(|a| {
                let soundtrack = msg!("check-the-soundtrack").to_string();
                let name = a.filename.as_deref().unwrap_or(&soundtrack);
                music_format_warning(a.media_type.as_deref().unwrap_or("unknown"), name)
            })
            .into_iter()
            .collect(),
    };
    if args.json {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(&write_report_json(&report));
    } else {
        print_summary(
            &printer,
            &Summary {
                report: &report,
                written: &[],
                elapsed_s: started.elapsed().as_secs_f64(),
            },
        );
    }
    Ok(if report.violation_count() == 0 { 0 } else { 1 })
}

/// The file's return-to-home plan re-flown from every entry time with the validator (a
/// conflict is a violation), and where landing in place is safe; `None` when no drone
/// has a plan.
fn emergency(checked: &crate::show_check::Checked) -> Option<EmergencySection> {
    if checked.rth_plans.iter().all(Option::is_none) {
        return None;
    }
    let l = &checked.limits;
    let refly = RthCheck::run(
        &checked.show,
        &checked.rth_plans,
        l,
        &ValidateOptions::default(),
        &[0.0, 0.5],
    );
    let times = RthCheck::entry_times(&checked.rth_plans);
    let interval_s = times
        .windows(2)
        .map(|w| w[1] - w[0])
        .fold(f64::INFINITY, f64::min);
    let trajectories: Vec<_> = checked
        .show
        .drones
        .iter()
        .map(|d| d.trajectory.clone())
        .collect();
    let safe = LandInPlace::find(
        &trajectories,
        checked.show.duration_s(),
        l.min_distance_m,
        l.min_nav_altitude_m,
    );
    Some(EmergencySection {
        entries: refly.entries,
        interval_s: if interval_s.is_finite() {
            interval_s
        } else {
            0.0
        },
        interval_asked_s: None,
        worst_duration_s: refly.worst_duration_s,
        min_distance_m: refly.min_distance_m,
        land_in_place_safe_s: safe.safe_s,
        unsafe_entries: Vec::new(),
        conflicts: refly.conflicts,
    })
}
