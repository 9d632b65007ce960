//! `report.json`'s rows and warnings for a built show, gathered from every stage.

use skyshow_export::{FormationRow, MotionRow, Report, ReportShow, TransitionRow, WarningRow};
use skyshow_import::LoadedShow;
use skyshow_plan::{EmergencyPlan, ShowPlan};

use super::show::Built;
use crate::design_warnings;
use crate::fireworks::PyroBuilt;
use crate::show_check::{Checked, max_light_program_bytes};
use crate::summary::music_format_warning;

/// `report.json` for a built, exported and checked show (`timing` is every stage's
/// milliseconds so far; the visuals add theirs after).
pub(super) fn report_of<'a>(
    loaded: &LoadedShow,
    built: &Built,
    checked: &'a Checked,
    pyro: Option<&PyroBuilt>,
    emergency: Option<&EmergencyPlan>,
    timing: Vec<(String, f64)>,
) -> Report<'a> {
    let design = &loaded.design;
    Report {
        show: ReportShow {
            title: design.title.clone(),
            drones: design.fleet.drones,
            duration_s: checked.show.duration_s(),
        },
        limits: checked.limits,
        validation: &checked.validation,
        format: checked.format.clone(),
        drone_names: checked.show.drones.iter().map(|d| d.name.clone()).collect(),
        max_light_program_bytes: max_light_program_bytes(&built.show),
        formations: formation_rows(loaded, &built.plan),
        transitions: transition_rows(&built.plan),
        timing_ms: timing,
        pyro: pyro.map(|p| p.section.clone()),
        warnings: gather_warnings(loaded, built, emergency),
        emergency: emergency.map(|e| super::emergency::section(e, design.emergency.interval_s)),
    }
}

/// Each placed formation's row.
fn formation_rows(loaded: &LoadedShow, plan: &ShowPlan) -> Vec<FormationRow> {
    plan.formations
        .iter()
        .map(|f| FormationRow {
            name: f.formation.name.clone(),
            chapter: loaded.design.chapters[f.chapter].name.clone(),
            start_s: f.start_ms as f64 / 1000.0,
            end_s: f.end_ms as f64 / 1000.0,
            drones_used: f.formation.points.len(),
            min_spacing_m: f.formation.min_spacing_m,
            ideal_spacing_m: f.formation.ideal_spacing_m,
            max_shape_distance_m: f.formation.max_shape_distance_m,
            close_lines_share: f.formation.close_lines_share,
            motion: f.motion.as_ref().map(motion_row),
        })
        .collect()
}

/// Each planned transition's row.
fn transition_rows(plan: &ShowPlan) -> Vec<TransitionRow> {
    plan.transitions
        .iter()
        .map(|t| TransitionRow {
            from: t.from.clone(),
            to: t.to.clone(),
            start_s: t.start_ms as f64 / 1000.0,
            duration_s: t.duration_ms as f64 / 1000.0,
            lower_bound_s: t.lower_bound_s,
            min_distance_m: t.min_distance_m,
            planning_ms: t.planning_ms,
            method: t.method.as_str().to_string(),
            cost_sum_sq: t.cost_sum_sq,
        })
        .collect()
}

/// A moving formation's figures as `report.json` gives them: what the flown curves ask
/// of the drones, the design's spacing and altitude.
pub(crate) fn motion_row(m: &skyshow_plan::motion::PlannedMotion) -> MotionRow {
    MotionRow {
        kinds: m.kinds.clone(),
        max_speed_xy_m_s: m.flown[0].value,
        max_speed_up_m_s: m.flown[1].value,
        max_speed_down_m_s: m.flown[2].value,
        max_accel_m_s2: m.flown[3].value,
        min_distance_m: m.designed.min_distance.value,
        fit_error_m: m.fit_error_m,
        max_altitude_m: m.designed.altitude_max.value,
        min_altitude_m: m.designed.altitude_min.value,
        segments_per_drone: m.segments_per_drone,
        moving_s: m.active_s,
        ramps: m.ramps_s.iter().map(|&(k, r)| (k + 1, r)).collect(),
        playback: m.playback,
    }
}

/// Every stage's warnings, in pipeline order. A stage that finds something the designer
/// should look at returns `skyshow_model::Warning`s with its output; add them here.
/// (The validation's own warnings are added by the report itself, first.)
fn gather_warnings(
    loaded: &LoadedShow,
    built: &Built,
    emergency: Option<&EmergencyPlan>,
) -> Vec<WarningRow> {
    let design = &loaded.design;
    let mut out: Vec<WarningRow> = design.warnings.iter().map(WarningRow::from).collect();
    out.extend(
        design
            .music
            .as_ref()
            .and_then(|m| music_format_warning(&m.media_type, &m.file)),
    );
    out.extend(
        built
            .plan
            .formations
            .iter()
            .filter_map(|f| design_warnings::dark_drones(&f.formation)),
    );
    out.extend(built.plan.formations.iter().filter_map(|f| {
        design_warnings::spread_picture(&f.formation, design.limits.min_distance_m)
    }));
    out.extend(built.plan.warnings.iter().map(WarningRow::from));
    out.extend(
        emergency
            .map(|e| super::emergency::warnings(design, e))
            .unwrap_or_default(),
    );
    out
}
