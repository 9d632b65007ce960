//! `ShowPlan`: the whole flight of every drone, from the ground hold to touchdown.
//!
//! The timeline is kept in whole milliseconds, so every keyframe time is exact.

use skyshow_formations::Formation;
use skyshow_model::{Cue, Phase, PhaseKind, ShowDesign, Trajectory, Vec3, Warning};

use crate::conflict::Conflict;
use crate::error::PlanError;
use crate::formation_cache::build_formations;
use crate::motion::{MotionOptions, MotionSpec, PlannedMotion, motion_spec};
use crate::options::PlanOptions;
use crate::plan_ahead::PlannedAhead;
use crate::show_flight::{FlightContext, LandingFlown, ShowFlight, joins_known_ahead};
use crate::show_warnings::{detail_warning, music_warnings};
use crate::takeoff::plan_takeoff;
use crate::transition::Method;
use crate::transition_cache::{NoCache, TransitionCache};

/// A formation as flown.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedFormation {
    /// The formation (points and colours).
    pub formation: Formation,
    /// Chapter index.
    pub chapter: usize,
    /// When every drone is in place, ms.
    pub start_ms: i64,
    /// When the drones leave, ms.
    pub end_ms: i64,
    /// For each drone, the picture point it shows, or `None` when it is parked.
    pub point_of: Vec<Option<usize>>,
    /// How the formation moves during its hold (`None` when it stands still).
    pub motion: Option<PlannedMotion>,
}

/// A transition as flown.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedTransition {
    /// Previous formation (or `takeoff`).
    pub from: String,
    /// Next formation.
    pub to: String,
    /// Departure, ms.
    pub start_ms: i64,
    /// Duration, ms.
    pub duration_ms: i64,
    /// Bottleneck lower bound on the duration, seconds.
    pub lower_bound_s: f64,
    /// Smallest distance between drones during it, metres.
    pub min_distance_m: f64,
    /// Sum of squared distances of its assignment, m².
    pub cost_sum_sq: f64,
    /// How it is flown.
    pub method: Method,
    /// Wall time spent planning it, ms (a timing figure: differs between runs).
    pub planning_ms: f64,
}

/// The planned show.
#[derive(Clone, Debug, PartialEq)]
pub struct ShowPlan {
    /// Takeoff slot of each drone.
    pub homes: Vec<Vec3>,
    /// Altitude of each drone's neck, metres: the point above its slot where its landing
    /// (and any emergency return) ends its straight flight and starts descending.
    pub neck_altitude_m: Vec<f64>,
    /// Trajectory of each drone.
    pub trajectories: Vec<Trajectory>,
    /// Formations in show order.
    pub formations: Vec<PlannedFormation>,
    /// Transitions in show order (the first one starts from the takeoff layers).
    pub transitions: Vec<PlannedTransition>,
    /// Phases, for attributing findings to show-file entries.
    pub phases: Vec<Phase>,
    /// Chapter and formation cues.
    pub cues: Vec<Cue>,
    /// Chapter start times, ms.
    pub chapter_start_ms: Vec<i64>,
    /// When every drone has climbed to its takeoff layer, ms.
    pub takeoff_end_ms: i64,
    /// Number of takeoff layers.
    pub takeoff_layers: usize,
    /// When the landing moves start, ms.
    pub landing_start_ms: i64,
    /// When the last drone touches down, ms.
    pub end_ms: i64,
    /// Each drone's time in the air, seconds.
    pub flight_time_s: Vec<f64>,
    /// Warnings: artwork too detailed for its drones (in show order), then how the
    /// timeline fits the music.
    pub warnings: Vec<Warning>,
}

/// A stage of planning a show, reported as it starts (for progress displays).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PlanStage<'a> {
    /// Building every formation's points.
    Formations,
    /// The takeoff.
    Takeoff,
    /// `count` transitions known before the show is flown are being planned ahead, on
    /// their own threads while the flight goes on (the flight's stages follow).
    Ahead {
        /// How many.
        count: usize,
    },
    /// Transition `index` (from 0) of `count`, into the formation named `to`.
    Transition {
        /// Which transition, from 0.
        index: usize,
        /// How many there are.
        count: usize,
        /// The formation it leads to.
        to: &'a str,
    },
    /// The landing.
    Landing,
}

/// Plans the whole show.
// Errors are rare and carry user-facing context; their size does not matter.
#[allow(clippy::result_large_err)]
pub fn plan_show(design: &ShowDesign, opts: &PlanOptions) -> Result<ShowPlan, PlanError> {
    plan_show_with_progress(design, opts, &mut |_| {})
}

/// Plans the whole show, calling `progress` as each stage starts.
///
/// A formation asked to start before the transition into it can be flown does not stop
/// planning: it is planned from the start its fix gives, and every such conflict is
/// returned at the end as [`PlanError::Conflicts`] (with the error that stopped planning
/// later, if one did).
#[allow(clippy::result_large_err)]
pub fn plan_show_with_progress(
    design: &ShowDesign,
    opts: &PlanOptions,
    progress: &mut dyn FnMut(PlanStage<'_>),
) -> Result<ShowPlan, PlanError> {
    plan_show_cached(design, opts, progress, &mut NoCache)
}

/// Plans the whole show, calling `progress` as each stage starts, and reusing from `cache`
/// every transition and moving hold whose inputs are unchanged (new plans are stored
/// there). The plan is
/// the same, bit for bit, with any cache. Timing conflicts are gathered as
/// [`plan_show_with_progress`] says.
#[allow(clippy::result_large_err)]
pub fn plan_show_cached(
    design: &ShowDesign,
    opts: &PlanOptions,
    progress: &mut dyn FnMut(PlanStage<'_>),
    cache: &mut dyn TransitionCache,
) -> Result<ShowPlan, PlanError> {
    let mut conflicts = Vec::new();
    let planned = plan_recording_conflicts(design, opts, progress, cache, &mut conflicts, true);
    if conflicts.is_empty() {
        return planned;
    }
    Err(PlanError::Conflicts {
        conflicts,
        then: planned.err().map(Box::new),
    })
}

/// Plans the whole show, pushing timing conflicts onto `conflicts` instead of stopping;
/// with `ahead`, the transitions known before the show is flown are planned first, at
/// once (`plan_ahead.rs`: the same plan, sooner).
#[allow(clippy::result_large_err)]
fn plan_recording_conflicts(
    design: &ShowDesign,
    opts: &PlanOptions,
    progress: &mut dyn FnMut(PlanStage<'_>),
    cache: &mut dyn TransitionCache,
    conflicts: &mut Vec<Conflict>,
    ahead: bool,
) -> Result<ShowPlan, PlanError> {
    let n = design.fleet.drones;
    let limits = &design.limits;
    let homes: Vec<Vec3> = (0..n).map(|i| design.fleet.grid.slot(i)).collect();
    let band = (
        limits.min_nav_altitude_m + limits.min_distance_m,
        limits.max_altitude_m,
    );
    let az = design.audience_azimuth_deg.to_radians();

    progress(PlanStage::Formations);
    let built = build_formations(design, band.0, cache)?;
    let mut warnings: Vec<Warning> = design
        .formations
        .iter()
        .zip(&built)
        .filter_map(|(f, formation)| Some(detail_warning(f, n, formation.detail.as_ref()?)))
        .collect();
    let specs: Vec<MotionSpec> = design
        .formations
        .iter()
        .zip(&built)
        .map(|(fd, f)| motion_spec(fd, f, design.audience_azimuth_deg))
        .collect();
    let cx = FlightContext {
        design,
        opts,
        specs: &specs,
        motion_opts: MotionOptions {
            headroom: MotionOptions::DEFAULT.headroom.min(opts.headroom),
            ..MotionOptions::DEFAULT
        },
        band,
        towards_audience: Vec3::new(az.cos(), az.sin(), 0.0),
        homes: &homes,
    };

    progress(PlanStage::Takeoff);
    let takeoff = plan_takeoff(&homes, &design.fleet.grid, &design.takeoff, limits, opts);
    // Every transition known before the show is flown, planned on its own threads while
    // the show is flown in order.
    let jobs = if ahead {
        joins_known_ahead(&cx, &built, &takeoff.lift)
    } else {
        Vec::new()
    };
    if !jobs.is_empty() {
        progress(PlanStage::Ahead { count: jobs.len() });
    }
    let mut flight = ShowFlight::after_takeoff(&homes, &takeoff, design.chapters.len());
    let count = design.formations.len();
    PlannedAhead::fly(&jobs, &design.limits, opts, band, cache, |cache| {
        for (k, f) in built.into_iter().enumerate() {
            progress(PlanStage::Transition {
                index: k,
                count,
                to: &f.name,
            });
            flight.fly_formation(&cx, k, f, cache, conflicts)?;
        }
        Ok::<(), PlanError>(())
    })?;

    progress(PlanStage::Landing);
    let landed = flight.land(&cx)?;
    let landing = &landed.landing;
    let flight_time_s: Vec<f64> = (0..n)
        .map(|i| {
            (landing.depart_ms[i] + landing.leg1[i].total_ms + landing.leg2[i].total_ms
                - takeoff.depart_ms[i]) as f64
                / 1000.0
        })
        .collect();
    let longest = flight_time_s.iter().copied().fold(0.0, f64::max);
    if longest > limits.battery_s {
        return Err(PlanError::Battery {
            flight_s: longest,
            battery_s: limits.battery_s,
            over_s: longest - limits.battery_s,
        });
    }
    if let Some(music) = &design.music {
        warnings.extend(music_warnings(music, &flight.formations, landing.end_ms));
    }
    let (phases, cues) = timeline(&mut flight, &landed);
    Ok(ShowPlan {
        homes,
        neck_altitude_m: landed.necks,
        trajectories: flight.traj,
        formations: flight.formations,
        transitions: flight.transitions,
        phases,
        cues,
        chapter_start_ms: flight.chapter_start_ms,
        takeoff_end_ms: takeoff.end_ms,
        takeoff_layers: takeoff.layers,
        landing_start_ms: landed.start_ms,
        end_ms: landed.landing.end_ms,
        flight_time_s,
        warnings,
    })
}

/// The flight's phases (takeoff, transitions, formations, landing) and cues, in time order.
fn timeline(flight: &mut ShowFlight, landed: &LandingFlown) -> (Vec<Phase>, Vec<Cue>) {
    let mut phases = std::mem::take(&mut flight.phases);
    for f in &flight.formations {
        phases.push(Phase {
            kind: PhaseKind::Formation,
            source: format!("formation \"{}\"", f.formation.name),
            start_s: f.start_ms as f64 / 1000.0,
            end_s: f.end_ms as f64 / 1000.0,
        });
    }
    phases.push(Phase {
        kind: PhaseKind::Landing,
        source: "landing".into(),
        start_s: landed.start_ms as f64 / 1000.0,
        end_s: landed.landing.end_ms as f64 / 1000.0,
    });
    phases.sort_by(|a, b| {
        a.start_s
            .total_cmp(&b.start_s)
            .then(a.end_s.total_cmp(&b.end_s))
    });
    let mut cues = std::mem::take(&mut flight.cues);
    cues.sort_by(|a, b| a.time_s.total_cmp(&b.time_s));
    (phases, cues)
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::MemoryCache;

    /// Six formations: two that stand still, one that turns, one that stands still, one
    /// that turns and one that stands still; pictures smaller than the fleet, so spare
    /// drones park.
    const SHOW: &str = r#"title = "ahead"
[fleet]
drones = 30
[fleet.grid]
rows = 5
columns = 6
spacing_m = 3
[[chapter]]
name = "one"
[[chapter.formation]]
name = "ring"
hold = 6
shape = "circle"
radius_m = 14
count = 24
center = [0, 0, 40]
color = "red"
[[chapter.formation]]
name = "grid"
hold = 6
shape = "grid"
width_m = 20
height_m = 12
rows = 5
columns = 6
center = [0, 0, 45]
color = "blue"
[[chapter.formation]]
name = "wheel"
hold = 8
shape = "circle"
radius_m = 16
center = [0, 0, 42]
color = "gold"
[[chapter.formation.motion]]
kind = "rotate"
axis = "up"
turns = 0.25
[[chapter.formation]]
name = "flat"
hold = 6
shape = "grid"
width_m = 24
height_m = 16
rows = 5
columns = 6
center = [0, 0, 40]
color = "white"
[[chapter.formation]]
name = "spin"
hold = 12
shape = "circle"
radius_m = 15
count = 26
center = [0, 0, 44]
color = "green"
[[chapter.formation.motion]]
kind = "rotate"
axis = "up"
turns = 0.5
[[chapter.formation]]
name = "last"
hold = 6
shape = "circle"
radius_m = 16
center = [0, 0, 38]
color = "red"
"#;

    fn timeless(mut plan: ShowPlan) -> ShowPlan {
        for t in &mut plan.transitions {
            t.planning_ms = 0.0;
        }
        plan
    }

    #[test]
    fn transitions_planned_ahead_give_the_plan_flown_in_order() {
        let (design, _) = skyshow_import::parse_show("ahead.toml", SHOW).unwrap();
        let opts = PlanOptions::DEFAULT;
        let plan = |ahead: bool, cache: &mut MemoryCache| {
            let mut conflicts = Vec::new();
            let p =
                plan_recording_conflicts(&design, &opts, &mut |_| {}, cache, &mut conflicts, ahead);
            assert!(conflicts.is_empty());
            timeless(p.unwrap())
        };
        let (mut in_order, mut ahead) = (MemoryCache::default(), MemoryCache::default());
        let first = plan(false, &mut in_order);
        assert_eq!(first.transitions.len(), 6);
        assert_eq!(plan(true, &mut ahead), first);
        // The same entries, each stored once as computed, none reused.
        assert_eq!(ahead.entries, in_order.entries);
        assert!(ahead.reused.is_empty());
    }
}
