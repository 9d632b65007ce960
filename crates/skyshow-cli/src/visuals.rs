//! What is drawn with the drones (the [`Stage`]), and the preview page and the visual
//! report of a built show (bytes, or the preview's input to stream; the caller writes them).

use skyshow_export::Report;
use skyshow_import::LoadedShow;
use skyshow_model::{FlightShow, Limits, MusicDesign};
use skyshow_plan::ShowPlan;
use skyshow_preview::{
    Ground, Music, PreviewInput, RenderInput, ReportInput, ReportSeries, ReportTransition,
    ReportViolation, Stage, preview_html, report_html,
};
use skyshow_validate::Validation;

use crate::fireworks::PyroBuilt;

/// What a show file's frames show besides the drones, as `build` writes it to
/// `stage.json`: the plan's phases, the ground (the audience's side and place, the
/// firing front, the site) and the firework bursts.
pub(crate) fn stage(loaded: &LoadedShow, plan: &ShowPlan, pyro: Option<&PyroBuilt>) -> Stage {
    let design = &loaded.design;
    let ground = Ground {
        audience_azimuth_deg: design.audience_azimuth_deg,
        site: Some(design.site.clone()),
        ..Ground::DEFAULT
    };
    Stage {
        phases: plan.phases.clone(),
        ground: crate::fireworks::ground(ground, loaded, pyro),
        fireworks: pyro.map(|p| p.bursts.clone()).unwrap_or_default(),
    }
}

/// What `render` draws of a show on its stage: the drones (glowing as on the page, after
/// the show's minimum distance), the ground and the fireworks, from the audience view.
pub(crate) fn render_input<'a>(
    show: &'a FlightShow,
    limits: Limits,
    stage: &'a Stage,
) -> RenderInput<'a> {
    let mut input = RenderInput::new(show, 0.0);
    input.ground = stage.ground.clone();
    input.fireworks = &stage.fireworks;
    input.glow_m = RenderInput::glow_for(limits.min_distance_m);
    input
}

/// `preview.html` for a show; `live_reload_url` for the preview server.
pub(crate) fn preview_page(
    show: &FlightShow,
    limits: Limits,
    stage: &Stage,
    live_reload_url: Option<String>,
    music: Option<&MusicDesign>,
) -> Vec<u8> {
    preview_html(&preview_input(show, limits, stage, live_reload_url, music))
}

/// What `preview.html` shows of a show on its stage, with its music, in the process's
/// language (`live_reload_url` for the preview server).
pub(crate) fn preview_input<'a>(
    show: &'a FlightShow,
    limits: Limits,
    stage: &Stage,
    live_reload_url: Option<String>,
    music: Option<&'a MusicDesign>,
) -> PreviewInput<'a> {
    let mut p = PreviewInput::new(show);
    p.music = music.map(|m| Music {
        bytes: &m.bytes,
        mime: &m.media_type,
        offset_s: m.offset_s,
        waveform: &m.waveform,
        waveform_bucket_s: 0.1,
    });
    p.limits = limits;
    p.ground = stage.ground.clone();
    p.fireworks = stage.fireworks.clone();
    p.live_reload_url = live_reload_url;
    p.lang = skyshow_i18n::current();
    p
}

/// `report.html` for a validated show.
pub(crate) fn report_page(
    show: &FlightShow,
    limits: Limits,
    stage: &Stage,
    validation: &Validation,
    report: &Report<'_>,
    plan: Option<&ShowPlan>,
) -> Vec<u8> {
    let v = validation;
    let mut r = ReportInput::new(show);
    r.lang = skyshow_i18n::current();
    r.limits = limits;
    r.ground = stage.ground.clone();
    r.fireworks = &stage.fireworks;
    // Moving formations get a speed plot: the plan's formation at the same moment.
    for f in &mut r.formations {
        if let Some(m) = report
            .formations
            .iter()
            .find(|row| row.name == f.name && (row.start_s - f.start_s).abs() < 0.002)
            .and_then(|row| row.motion.as_ref())
        {
            f.motion = m.kinds.clone();
        }
    }
    r.series = ReportSeries {
        t_s: v.series.t_s.clone(),
        min_distance_m: v.series.min_distance_m.clone(),
        max_speed_xy_m_s: v.series.max_speed_xy_m_s.clone(),
        max_speed_z_m_s: v.series.max_speed_z_m_s.clone(),
    };
    if let Some(plan) = plan {
        r.transitions = plan
            .transitions
            .iter()
            .map(|t| ReportTransition {
                from: t.from.clone(),
                to: t.to.clone(),
                start_s: t.start_ms as f64 / 1e3,
                duration_s: t.duration_ms as f64 / 1e3,
                lower_bound_s: t.lower_bound_s,
            })
            .collect();
    }
    r.flight_times_s = v.measured.flight_time_s.clone();
    r.emergency = report.emergency.as_ref().map(|e| emergency_rows(show, e));
    let name = |i: usize| {
        report
            .drone_names
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("Drone {}", i + 1))
    };
    r.violations = v
        .violations
        .iter()
        .map(|x| ReportViolation {
            kind: x.kind.as_str().into(),
            time_s: x.time_s,
            drones: x.drones.iter().map(|&i| name(i)).collect(),
            value: x.value,
            limit: x.limit,
            source: x.source.clone(),
        })
        .collect();
    if let Some(p) = &report.pyro {
        r.violations
            .extend(p.violations.iter().map(|x| ReportViolation {
                kind: x.kind.clone(),
                time_s: x.time_s,
                drones: x.drones.iter().map(|&i| name(i)).collect(),
                value: x.value,
                limit: x.limit,
                source: format!("{} at {}", x.source, x.position),
            }));
    }
    r.violations_total = report.violation_count();
    report_html(&r)
}

/// The emergency bands of the report page: entry times from the drones' plans are not at
/// hand here, so they are the whole seconds the report counts from 0, with the unsafe ones
/// (the planner's, and the entries of conflicts found re-flying them) marked.
fn emergency_rows(
    _show: &FlightShow,
    e: &skyshow_export::EmergencySection,
) -> skyshow_preview::ReportEmergency {
    let step = if e.interval_s > 0.0 {
        e.interval_s
    } else {
        1.0
    };
    let mut unsafe_s: Vec<f64> = e.unsafe_entries.iter().map(|(t, _)| *t).collect();
    unsafe_s.extend(e.conflicts.iter().map(|c| c.entry_s));
    unsafe_s.sort_by(f64::total_cmp);
    unsafe_s.dedup();
    skyshow_preview::ReportEmergency {
        entries_s: (0..e.entries).map(|k| k as f64 * step).collect(),
        unsafe_s,
        land_in_place_safe_s: e.land_in_place_safe_s.clone(),
    }
}
