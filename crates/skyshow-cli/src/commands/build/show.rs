//! The planning stage of `build`: a loaded show planned and lit into the flight it becomes,
//! and the planner's errors as diagnostics pointing at the show file.

use std::time::Instant;

use miette::{Report as MietteReport, Result, miette};

use skyshow_i18n::msg;
use skyshow_import::LoadedShow;
use skyshow_lights::{LightOptions, design_show_lights_cached};
use skyshow_model::{Drone, FlightShow};
use skyshow_plan::{
    PlanError, PlanOptions, PlanStage, ShowPlan, TransitionCache, plan_show_cached,
};

/// Every timing conflict of a show, each pointing at its formation with its fixes, then
/// the error that stopped planning after them, if any.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{message}")]
struct ConflictsDiagnostic {
    message: String,
    #[related]
    each: Vec<Box<dyn miette::Diagnostic + Send + Sync>>,
    #[help]
    help: String,
}

/// Turns a planning error into a diagnostic pointing at the show file.
fn plan_error(loaded: &LoadedShow, e: PlanError) -> MietteReport {
    if let PlanError::Conflicts { conflicts, then } = &e {
        if let ([c], None) = (conflicts.as_slice(), then) {
            return MietteReport::new(loaded.source.formation_error(
                &c.to,
                c.message(),
                Some(c.hint()),
            ));
        }
        let mut each: Vec<Box<dyn miette::Diagnostic + Send + Sync>> = conflicts
            .iter()
            .map(|c| {
                let d = loaded
                    .source
                    .formation_error(&c.to, c.message(), Some(c.hint()));
                Box::new(d) as Box<dyn miette::Diagnostic + Send + Sync>
            })
            .collect();
        if let Some(then) = then {
            each.push(plan_error(loaded, (**then).clone()).into());
        }
        return MietteReport::new(ConflictsDiagnostic {
            message: e.to_string(),
            each,
            help: msg!("build-conflicts-hint", count = conflicts.len()).to_string(),
        });
    }
    let hint = Some(e.hint());
    match e.formation() {
        Some(name) => MietteReport::new(loaded.source.formation_error(name, e.to_string(), hint)),
        None => miette!(help = e.hint().to_string(), "{e}"),
    }
}

/// The built show, before writing.
pub(crate) struct Built {
    pub(crate) plan: ShowPlan,
    pub(crate) show: FlightShow,
}

/// Plans and lights a loaded show, reporting the planner's stages to `progress` and reusing
/// the transitions and light programs `cache` holds for the same inputs.
pub(crate) fn build_show(
    loaded: &LoadedShow,
    timing: &mut Vec<(String, f64)>,
    progress: &mut dyn FnMut(PlanStage<'_>),
    cache: &mut dyn TransitionCache,
) -> Result<Built> {
    let design = &loaded.design;
    let t = Instant::now();
    let opts = PlanOptions::for_design(design);
    let plan =
        plan_show_cached(design, &opts, progress, cache).map_err(|e| plan_error(loaded, e))?;
    timing.push(("plan".into(), t.elapsed().as_secs_f64() * 1000.0));
    let t = Instant::now();
    let programs = design_show_lights_cached(&plan, design, &LightOptions::DEFAULT, cache);
    timing.push(("lights".into(), t.elapsed().as_secs_f64() * 1000.0));
    let width = plan.homes.len().to_string().len();
    let drones = plan
        .homes
        .iter()
        .zip(&plan.trajectories)
        .zip(programs)
        .enumerate()
        .map(|(i, ((home, tr), lights))| Drone {
            name: format!("Drone {:0width$}", i + 1),
            home: *home,
            trajectory: tr.clone(),
            lights,
        })
        .collect::<Vec<Drone>>();
    let geofence = Some(design.site.geofence(&drones));
    let show = FlightShow {
        title: design.title.clone(),
        drones,
        phases: plan.phases.clone(),
        cues: plan.cues.clone(),
        limits: Some(design.limits),
        geofence,
    };
    Ok(Built { plan, show })
}
