//! `ShowPlan`: the whole flight of every drone, from the ground hold to touchdown.
//!
//! The timeline is kept in whole milliseconds, so every keyframe time is exact.

use std::time::Instant;

use skyshow_formations::Formation;
use skyshow_model::{Cue, Phase, PhaseKind, ShowDesign, Trajectory, Vec3, Warning};

use crate::conflict::{Conflict, StartAsk, decide_start};
use crate::error::{PlanError, clock};
use crate::fleet_move::Move;
use crate::formation_cache::build_formations;
use crate::landing_approach::approach_landing;
use crate::motion::{
    HoldClock, HoldFlight, MotionOptions, MotionSpec, PlannedMotion, motion_spec,
    plan_motion_cached, swept_points_cached,
};
use crate::options::PlanOptions;
use crate::parking;
use crate::show_warnings::{detail_warning, music_warnings};
use crate::takeoff::{layer_altitude, layer_of_slots, plan_takeoff};
use crate::transition::Method;
use crate::transition_cache::{NoCache, TransitionCache, plan_transition_cached};

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

fn ms(s: f64) -> i64 {
    (s * 1000.0).round() as i64
}

/// Flies a moving hold: each drone in the picture follows its point's curves.
fn push_motion(traj: &mut [Trajectory], point_of: &[Option<usize>], hold: &HoldFlight) {
    for (tr, p) in traj.iter_mut().zip(point_of) {
        if let Some(j) = p {
            for seg in &hold.fitted.curves[*j] {
                tr.push(*seg);
            }
        }
    }
}

/// When a formation's hold ends, given when it starts (ms).
#[allow(clippy::result_large_err)]
fn hold_end(
    fd: &skyshow_model::FormationDesign,
    design: &ShowDesign,
    start: i64,
) -> Result<i64, PlanError> {
    match fd.hold_music {
        None => Ok(start + ms(fd.hold_s)),
        Some(len) => {
            let Some(music) = design.music.as_ref() else {
                return Err(PlanError::HoldWithoutMusic {
                    formation: fd.name.clone(),
                    length: len.to_string(),
                });
            };
            match music.after(start as f64 / 1000.0, len) {
                Some(e) => Ok(ms(e).max(start)),
                None => Err(PlanError::MusicalHold {
                    formation: fd.name.clone(),
                    length: len.to_string(),
                    start: clock(start),
                    first_beat: clock(music.beats_s.first().map_or(0, |b| ms(*b))),
                    grid_end: clock(ms(music.grid_end_s())),
                }),
            }
        }
    }
}

/// The hold clock of a formation from `start` to `end` (ms).
fn hold_clock(design: &ShowDesign, start: i64, end: i64) -> HoldClock<'_> {
    HoldClock {
        start_s: start as f64 / 1000.0,
        end_s: end as f64 / 1000.0,
        music: design.music.as_ref(),
    }
}

/// The points spare drones must park clear of: the picture, and everywhere its motion
/// takes it (resolved as if the hold started at `earliest`, the soonest it can).
#[allow(clippy::result_large_err)]
fn parking_picture(
    spec: &MotionSpec,
    fd: &skyshow_model::FormationDesign,
    design: &ShowDesign,
    earliest: i64,
    motion_opts: &MotionOptions,
    cache: &mut dyn TransitionCache,
) -> Result<Vec<Vec3>, PlanError> {
    let mut picture = spec.rest.clone();
    if spec.is_moving() {
        let end = hold_end(fd, design, earliest)?;
        let clock = hold_clock(design, earliest, end);
        picture.extend(swept_points_cached(
            spec,
            &clock,
            &design.limits,
            motion_opts,
            cache,
        )?);
    }
    Ok(picture)
}

fn push_move(traj: &mut [Trajectory], m: &Move, t0: i64) {
    let end = (t0 + m.duration_ms()) as f64 / 1000.0;
    for (i, tr) in traj.iter_mut().enumerate() {
        tr.hold_until((t0 + m.delay(i)) as f64 / 1000.0);
        for seg in m.segments_of(i, t0) {
            tr.push(seg);
        }
        tr.hold_until(end);
    }
}

/// A stage of planning a show, reported as it starts (for progress displays).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PlanStage<'a> {
    /// Building every formation's points.
    Formations,
    /// The takeoff.
    Takeoff,
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
    let planned = plan_recording_conflicts(design, opts, progress, cache, &mut conflicts);
    if conflicts.is_empty() {
        return planned;
    }
    Err(PlanError::Conflicts {
        conflicts,
        then: planned.err().map(Box::new),
    })
}

/// Plans the whole show, pushing timing conflicts onto `conflicts` instead of stopping.
#[allow(clippy::result_large_err)]
fn plan_recording_conflicts(
    design: &ShowDesign,
    opts: &PlanOptions,
    progress: &mut dyn FnMut(PlanStage<'_>),
    cache: &mut dyn TransitionCache,
    conflicts: &mut Vec<Conflict>,
) -> Result<ShowPlan, PlanError> {
    let n = design.fleet.drones;
    let limits = &design.limits;
    let d = limits.min_distance_m;
    let homes: Vec<Vec3> = (0..n).map(|i| design.fleet.grid.slot(i)).collect();
    let band = (limits.min_nav_altitude_m + d, limits.max_altitude_m);
    let az = design.audience_azimuth_deg.to_radians();
    let towards_audience = Vec3::new(az.cos(), az.sin(), 0.0);

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
    let motion_opts = MotionOptions {
        headroom: MotionOptions::DEFAULT.headroom.min(opts.headroom),
        ..MotionOptions::DEFAULT
    };
    let mut traj: Vec<Trajectory> = homes.iter().map(|h| Trajectory::new(*h)).collect();
    let mut phases = Vec::new();
    let mut cues = Vec::new();

    // Takeoff.
    progress(PlanStage::Takeoff);
    let takeoff = plan_takeoff(&homes, &design.fleet.grid, &design.takeoff, limits, opts);
    for (i, tr) in traj.iter_mut().enumerate() {
        tr.hold_until(takeoff.depart_ms[i] as f64 / 1000.0);
        for seg in takeoff.climb[i].segments(homes[i], takeoff.lift[i], takeoff.depart_ms[i]) {
            tr.push(seg);
        }
        tr.hold_until(takeoff.end_ms as f64 / 1000.0);
    }
    phases.push(Phase {
        kind: PhaseKind::Takeoff,
        source: "takeoff".into(),
        start_s: 0.0,
        end_s: takeoff.end_ms as f64 / 1000.0,
    });

    let mut pos = takeoff.lift.clone();
    let mut cursor = takeoff.end_ms;
    let mut prev = "takeoff".to_string();
    let mut formations: Vec<PlannedFormation> = Vec::new();
    let mut transitions = Vec::new();
    let mut chapter_start_ms = vec![i64::MIN; design.chapters.len()];

    let count = design.formations.len();
    for (k, (fd, f)) in design.formations.iter().zip(built).enumerate() {
        progress(PlanStage::Transition {
            index: k,
            count,
            to: &f.name,
        });
        let spare = n - f.points.len();
        let picture = parking_picture(&specs[k], fd, design, cursor, &motion_opts, cache)?;
        let slots = parking::slots(
            &picture,
            spare,
            towards_audience,
            opts.park_gap_m,
            opts.park_spacing_factor * d,
            band.0,
            band.1,
        );
        let mut targets = f.points.clone();
        targets.extend(slots);
        let clock_start = Instant::now();
        let (tr, _) = plan_transition_cached(
            &pos,
            &targets,
            limits,
            opts,
            band,
            ms(fd.transition.min_duration_s),
            cache,
        )
        .map_err(|e| PlanError::CannotJoin {
            from: prev.clone(),
            to: f.name.clone(),
            why: e.0,
        })?;
        let planning_ms = clock_start.elapsed().as_secs_f64() * 1000.0;
        let dur = tr.duration_ms();
        let first_in_chapter = k == 0 || design.formations[k - 1].chapter != fd.chapter;
        let chapter_req = if first_in_chapter {
            design.chapters[fd.chapter].start_s.map(ms)
        } else {
            None
        };
        let (start, conflict) = decide_start(&StartAsk {
            design,
            fd,
            from: &prev,
            prev_start_ms: formations.last().map(|p| p.start_ms),
            cursor,
            chapter_req,
            dur,
        })?;
        conflicts.extend(conflict);
        let depart = start - dur;
        for tr_i in traj.iter_mut() {
            tr_i.hold_until(depart as f64 / 1000.0);
        }
        let mut t = depart;
        for m in &tr.moves {
            push_move(&mut traj, m, t);
            t += m.duration_ms();
        }
        for tr_i in traj.iter_mut() {
            tr_i.hold_until(start as f64 / 1000.0);
        }
        if first_in_chapter {
            chapter_start_ms[fd.chapter] = chapter_req.unwrap_or(depart).min(depart);
            cues.push(Cue {
                name: design.chapters[fd.chapter].name.clone(),
                time_s: chapter_start_ms[fd.chapter] as f64 / 1000.0,
            });
        }
        if let Some(last) = formations.last_mut() {
            last.end_ms = depart;
        }
        phases.push(Phase {
            kind: PhaseKind::Transition,
            source: format!("transition \"{prev}\" → \"{}\"", f.name),
            start_s: depart as f64 / 1000.0,
            end_s: start as f64 / 1000.0,
        });
        cues.push(Cue {
            name: f.name.clone(),
            time_s: start as f64 / 1000.0,
        });
        transitions.push(PlannedTransition {
            from: prev.clone(),
            to: f.name.clone(),
            start_ms: depart,
            duration_ms: dur,
            lower_bound_s: tr.lower_bound_s,
            min_distance_m: tr.min_distance_m,
            cost_sum_sq: tr.cost_sum_sq,
            method: tr.method,
            planning_ms,
        });
        let npts = f.points.len();
        let point_of: Vec<Option<usize>> = tr
            .target_of
            .iter()
            .map(|&j| (j < npts).then_some(j))
            .collect();
        pos = tr.target_of.iter().map(|&j| targets[j]).collect();
        let end = hold_end(fd, design, start)?;
        let hold = plan_motion_cached(
            &specs[k],
            &hold_clock(design, start, end),
            limits,
            &motion_opts,
            band.0,
            cache,
        )?;
        if let Some(h) = &hold {
            push_motion(&mut traj, &point_of, h);
            for (p, j) in pos.iter_mut().zip(&point_of) {
                if let Some(j) = j
                    && let Some(last) = h.fitted.curves[*j].last()
                {
                    *p = last.end();
                }
            }
        }
        prev = f.name.clone();
        formations.push(PlannedFormation {
            formation: f,
            chapter: fd.chapter,
            start_ms: start,
            end_ms: end,
            point_of,
            motion: hold.map(|h| h.summary),
        });
        cursor = end;
    }

    // Landing.
    progress(PlanStage::Landing);
    let landing_start = cursor + ms(design.takeoff.landing_pause_s);
    if let Some(last) = formations.last_mut() {
        last.end_ms = landing_start;
    }
    for tr_i in traj.iter_mut() {
        tr_i.hold_until(landing_start as f64 / 1000.0);
    }
    let need = std::f64::consts::SQRT_2 * d * opts.expand_margin;
    let (layer, count) = layer_of_slots(&design.fleet.grid, n, need);
    let step = (opts.layer_factor * d).max(need);
    let necks: Vec<f64> = layer
        .iter()
        .map(|&g| layer_altitude(design.takeoff.altitude_m, step, g, count))
        .collect();
    let approach = approach_landing(&pos, &homes, &necks, landing_start, limits, opts, band)?;
    let mut t = landing_start;
    for m in &approach.moves {
        push_move(&mut traj, m, t);
        t += m.duration_ms();
    }
    let (landing, pos) = (approach.landing, approach.positions);
    for (i, tr_i) in traj.iter_mut().enumerate() {
        tr_i.hold_until(landing.depart_ms[i] as f64 / 1000.0);
        let t1 = landing.depart_ms[i];
        for seg in landing.leg1[i].segments(pos[i], landing.neck[i], t1) {
            tr_i.push(seg);
        }
        let t2 = t1 + landing.leg1[i].total_ms;
        for seg in landing.leg2[i].segments(landing.neck[i], homes[i], t2) {
            tr_i.push(seg);
        }
    }
    for (k, f) in formations.iter().enumerate() {
        let _ = k;
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
        start_s: landing_start as f64 / 1000.0,
        end_s: landing.end_ms as f64 / 1000.0,
    });
    phases.sort_by(|a, b| {
        a.start_s
            .total_cmp(&b.start_s)
            .then(a.end_s.total_cmp(&b.end_s))
    });
    cues.sort_by(|a, b| a.time_s.total_cmp(&b.time_s));

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
        warnings.extend(music_warnings(music, &formations, landing.end_ms));
    }
    Ok(ShowPlan {
        homes,
        neck_altitude_m: necks,
        trajectories: traj,
        formations,
        transitions,
        phases,
        cues,
        chapter_start_ms,
        takeoff_end_ms: takeoff.end_ms,
        takeoff_layers: takeoff.layers,
        landing_start_ms: landing_start,
        end_ms: landing.end_ms,
        flight_time_s,
        warnings,
    })
}
