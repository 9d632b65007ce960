//! The fireworks stage of `build`: the firing script timed to the planned chapters, its
//! safety checks against the flown trajectories, and the files of `OUTDIR/pyro/` (bytes;
//! `build` writes them with the other outputs).

use miette::{Report as MietteReport, Result};
use skyshow_export::{PyroSection, PyroViolation};
use skyshow_import::{Fireworks, LoadedShow};
use skyshow_model::{FlightShow, Vec3};
use skyshow_plan::ShowPlan;
use skyshow_preview::{Burst, Ground};
use skyshow_pyro::{
    Audience, ChapterMark, CobraOptions, FireTekOptions, FiringSystem, FiringSystemKind,
    LtcOptions, PyroError, PyroScript, ScriptOptions, check_pyro, cobra_csv, element_cue_list_csv,
    finale_csv, firetek_csv, ltc_wav, setup_sheet_csv, setup_sheet_html,
};

/// What the fireworks stage hands to `build`.
pub(crate) struct PyroBuilt {
    /// The report's `pyro` section, findings included.
    pub(crate) section: PyroSection,
    /// Files for `OUTDIR/pyro/`, by name.
    pub(crate) files: Vec<(String, Vec<u8>)>,
    /// The bursts for the preview and the visual report.
    pub(crate) bursts: Vec<Burst>,
    /// Launch positions, left to right.
    pub(crate) front: Vec<Vec3>,
}

/// The name a firing system goes by in the report.
fn system_name(s: &FiringSystem) -> String {
    match s.kind {
        FiringSystemKind::Cobra { firmware } => format!("cobra-{firmware}"),
        FiringSystemKind::FireTek => "firetek".into(),
        FiringSystemKind::Generic => "generic".into(),
    }
}

/// Builds the fireworks of a planned show, checks them against `flight` (the trajectories
/// as written) and renders the exports. `None` when the show has neither fireworks nor
/// other elements. Errors (exit 2) point at the show-file entry.
pub(crate) fn build_pyro(
    loaded: &LoadedShow,
    plan: &ShowPlan,
    flight: &FlightShow,
) -> Result<Option<PyroBuilt>> {
    let p = &loaded.pyro;
    if p.fireworks.is_none() && p.elements.is_empty() {
        return Ok(None);
    }
    let mut built = PyroBuilt {
        section: PyroSection {
            system: "none".into(),
            cues: 0,
            positions: 0,
            front_width_m: 0.0,
            colours: Vec::new(),
            tracks: Vec::new(),
            first_ignition_s: 0.0,
            last_effect_end_s: 0.0,
            elements: p.elements.len(),
            files: Vec::new(),
            violations: Vec::new(),
        },
        files: Vec::new(),
        bursts: Vec::new(),
        front: Vec::new(),
    };
    if let Some(fw) = &p.fireworks {
        fireworks(&mut built, fw, loaded, plan, flight)?;
    }
    if !p.elements.is_empty() {
        built.files.push((
            "elements.csv".into(),
            element_cue_list_csv(&p.elements, p.timecode_fps).map_err(|e| to_error(loaded, e))?,
        ));
    }
    if p.ltc {
        let end = flight
            .duration_s()
            .max(built.section.last_effect_end_s)
            .max(
                p.elements
                    .iter()
                    .map(|e| e.time_s + e.duration_s.unwrap_or(0.0))
                    .fold(0.0, f64::max),
            );
        let wav = ltc_wav(&LtcOptions {
            fps: p.timecode_fps,
            start_s: 0.0,
            duration_s: end.ceil().max(1.0),
            ..LtcOptions::default()
        })
        .map_err(|e| to_error(loaded, e))?;
        built.files.push(("ltc.wav".into(), wav));
    }
    built.section.files = built.files.iter().map(|(n, _)| n.clone()).collect();
    Ok(Some(built))
}

/// A firing-script error as a report pointing at the show-file entry.
fn to_error(loaded: &LoadedShow, e: PyroError) -> MietteReport {
    MietteReport::new(loaded.source.pyro_error(&e))
}

/// The firing script timed to the planned chapters: its summary and safety findings in the
/// report's section, its files, the preview's bursts and the front.
fn fireworks(
    built: &mut PyroBuilt,
    fw: &Fireworks,
    loaded: &LoadedShow,
    plan: &ShowPlan,
    flight: &FlightShow,
) -> Result<()> {
    let options = ScriptOptions {
        start_s: fw.start_s,
        chapters: loaded
            .design
            .chapters
            .iter()
            .zip(&plan.chapter_start_ms)
            .map(|(c, &ms)| ChapterMark {
                name: c.name.clone(),
                start_s: ms as f64 / 1000.0,
            })
            .collect(),
    };
    let build = |system: &FiringSystem| {
        PyroScript::build(&fw.catalogue, &fw.front, system, &fw.cues, &options)
            .map_err(|e| to_error(loaded, e))
    };
    let script = build(&fw.system)?;
    let summary = script.summary();
    let section = &mut built.section;
    section.system = system_name(&fw.system);
    section.cues = summary.cues;
    section.positions = summary.positions;
    section.front_width_m = summary.front_width_m;
    section.colours = summary.colours;
    section.tracks = script.tracks.clone();
    section.first_ignition_s = summary.first_ignition_s;
    section.last_effect_end_s = summary.last_effect_end_s;
    section.violations = check_pyro(
        &script,
        loaded.pyro.audience.as_ref(),
        Some(flight),
        &fw.safety,
    )
    .into_iter()
    .map(|f| PyroViolation {
        kind: f.kind.as_str().into(),
        time_s: f.time_s,
        drones: f.drones,
        position: f.position,
        value: f.value,
        limit: f.limit,
        source: f.source,
    })
    .collect();
    let files = &mut built.files;
    files.push(("finale.csv".to_string(), finale_csv(&script)));
    for system in std::iter::once(&fw.system).chain(&fw.also_export) {
        let own;
        let s = if system == &fw.system {
            &script
        } else {
            own = build(system)?;
            &own
        };
        if let Some(file) = system_file(fw, system, s).map_err(|e| to_error(loaded, e))? {
            files.push(file);
        }
    }
    files.push(("setup_sheet.csv".into(), setup_sheet_csv(&script)));
    files.push((
        "setup_sheet.html".into(),
        setup_sheet_html(&script, &loaded.design.title, skyshow_i18n::current()),
    ));
    built.bursts = preview_bursts(&script);
    built.front = script.front.positions.iter().map(|q| q.at).collect();
    Ok(())
}

/// The firing script in `system`'s own format (none for the generic system, whose script
/// is `finale.csv`).
fn system_file(
    fw: &Fireworks,
    system: &FiringSystem,
    script: &PyroScript,
) -> std::result::Result<Option<(String, Vec<u8>)>, PyroError> {
    Ok(match system.kind {
        FiringSystemKind::Cobra { .. } => Some((
            "cobra.csv".into(),
            cobra_csv(
                script,
                &CobraOptions {
                    script_name: fw.script_title.clone(),
                    ..CobraOptions::default()
                },
            )?,
        )),
        FiringSystemKind::FireTek => Some((
            "script.csv".into(),
            firetek_csv(
                script,
                &FireTekOptions {
                    project: fw.script_title.clone(),
                    tracks_as_sequences: fw.firetek_sequences,
                },
            )?,
        )),
        FiringSystemKind::Generic => None,
    })
}

/// The script's bursts as the preview draws them: devices fired together at one position
/// look like one burst.
fn preview_bursts(script: &PyroScript) -> Vec<Burst> {
    let mut seen = std::collections::BTreeSet::new();
    let mut bursts = Vec::new();
    for b in script.bursts() {
        let key = (
            b.position,
            (b.time_s * 1000.0).round() as i64,
            b.colour_name.clone(),
            (b.radius_m * 1000.0).round() as i64,
            (b.centre.z * 1000.0).round() as i64,
        );
        if !seen.insert(key) {
            continue;
        }
        bursts.push(Burst {
            time_s: b.time_s,
            position: b.centre,
            radius_m: b.radius_m,
            color: b.colour,
            duration_s: b.end_s - b.time_s,
            label: b.source.clone(),
        });
    }
    bursts
}

/// The ground with the audience's place and the firing front, when known.
pub(crate) fn ground(mut ground: Ground, loaded: &LoadedShow, built: Option<&PyroBuilt>) -> Ground {
    if let Some(a) = &loaded.pyro.audience {
        ground.audience = match a {
            Audience::Line(p) | Audience::Zone(p) => p.clone(),
        };
    }
    if let Some(b) = built {
        ground.firing_front = b.front.clone();
    }
    ground
}
