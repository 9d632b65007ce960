//! `ShowFlight`: the show as flown so far, stage by stage (takeoff, each transition and
//! hold, the landing): every drone's trajectory up to the cursor, and the phases, cues,
//! formations and transitions on the way. `show_plan` drives it and turns it into the
//! `ShowPlan`.

use std::time::Instant;

use skyshow_formations::Formation;
use skyshow_model::{Cue, FormationDesign, Phase, PhaseKind, ShowDesign, Trajectory, Vec3};

use crate::conflict::{Conflict, StartAsk, decide_start};
use crate::error::{PlanError, clock};
use crate::fleet_move::Move;
use crate::landing::Landing;
use crate::landing_approach::approach_landing;
use crate::motion::{
    HoldClock, HoldFlight, MotionOptions, MotionSpec, plan_motion_cached, swept_points_cached,
};
use crate::options::PlanOptions;
use crate::parking;
use crate::plan_ahead::AheadJob;
use crate::show_plan::{PlannedFormation, PlannedTransition};
use crate::takeoff::{Takeoff, layer_altitude, layer_of_slots};
use crate::transition::Transition;
use crate::transition_cache::{TransitionCache, plan_transition_cached};

/// What every stage of the flight reads: the show, the options and each formation's
/// motion.
pub(crate) struct FlightContext<'a> {
    /// The show.
    pub(crate) design: &'a ShowDesign,
    /// Planning options.
    pub(crate) opts: &'a PlanOptions,
    /// Each formation's motion, in show order.
    pub(crate) specs: &'a [MotionSpec],
    /// Options for moving holds (the planner's headroom applied).
    pub(crate) motion_opts: MotionOptions,
    /// The altitude band pictures and transitions keep to, metres.
    pub(crate) band: (f64, f64),
    /// Unit vector from the show towards the audience (for parking spare drones).
    pub(crate) towards_audience: Vec3,
    /// The takeoff slots.
    pub(crate) homes: &'a [Vec3],
}

/// The show flown up to `cursor`.
pub(crate) struct ShowFlight {
    /// Every drone's trajectory so far.
    pub(crate) traj: Vec<Trajectory>,
    /// Phases flown (takeoff and transitions; formations are added at the end).
    pub(crate) phases: Vec<Phase>,
    /// Chapter and formation cues.
    pub(crate) cues: Vec<Cue>,
    /// Where each drone is at `cursor`.
    pub(crate) pos: Vec<Vec3>,
    /// The end of what was flown, ms.
    pub(crate) cursor: i64,
    /// The name of the last thing flown (`takeoff`, then a formation's).
    pub(crate) prev: String,
    /// Formations flown.
    pub(crate) formations: Vec<PlannedFormation>,
    /// Transitions flown.
    pub(crate) transitions: Vec<PlannedTransition>,
    /// Each chapter's start, ms (`i64::MIN` until it is flown).
    pub(crate) chapter_start_ms: Vec<i64>,
}

/// The landing as flown: where it starts, each drone's neck altitude and the descent.
pub(crate) struct LandingFlown {
    /// When the landing moves start, ms.
    pub(crate) start_ms: i64,
    /// Each drone's neck altitude, metres.
    pub(crate) necks: Vec<f64>,
    /// The final legs.
    pub(crate) landing: Landing,
}

impl ShowFlight {
    /// The fleet climbed from `homes` to its takeoff layers.
    pub(crate) fn after_takeoff(homes: &[Vec3], takeoff: &Takeoff, chapters: usize) -> ShowFlight {
        let mut traj: Vec<Trajectory> = homes.iter().map(|h| Trajectory::new(*h)).collect();
        for (i, tr) in traj.iter_mut().enumerate() {
            tr.hold_until(takeoff.depart_ms[i] as f64 / 1000.0);
            for seg in takeoff.climb[i].segments(homes[i], takeoff.lift[i], takeoff.depart_ms[i]) {
                tr.push(seg);
            }
            tr.hold_until(takeoff.end_ms as f64 / 1000.0);
        }
        ShowFlight {
            traj,
            phases: vec![Phase {
                kind: PhaseKind::Takeoff,
                source: "takeoff".into(),
                start_s: 0.0,
                end_s: takeoff.end_ms as f64 / 1000.0,
            }],
            cues: Vec::new(),
            pos: takeoff.lift.clone(),
            cursor: takeoff.end_ms,
            prev: "takeoff".to_string(),
            formations: Vec::new(),
            transitions: Vec::new(),
            chapter_start_ms: vec![i64::MIN; chapters],
        }
    }

    /// Flies the transition into formation `k` (`f`, built from its design) and its hold.
    /// A start the show file asks for that cannot be met is pushed onto `conflicts`, and the
    /// formation is flown from the start its fix gives.
    #[allow(clippy::result_large_err)]
    pub(crate) fn fly_formation(
        &mut self,
        cx: &FlightContext<'_>,
        k: usize,
        f: Formation,
        cache: &mut dyn TransitionCache,
        conflicts: &mut Vec<Conflict>,
    ) -> Result<(), PlanError> {
        let design = cx.design;
        let fd = &design.formations[k];
        let (tr, targets, planning_ms) = self.plan_join(cx, k, &f, cache)?;
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
            from: &self.prev,
            prev_start_ms: self.formations.last().map(|p| p.start_ms),
            cursor: self.cursor,
            chapter_req,
            dur,
        })?;
        conflicts.extend(conflict);
        let depart = start - dur;
        self.fly_join(&tr, depart, start);
        if first_in_chapter {
            self.chapter_start_ms[fd.chapter] = chapter_req.unwrap_or(depart).min(depart);
            self.cues.push(Cue {
                name: design.chapters[fd.chapter].name.clone(),
                time_s: self.chapter_start_ms[fd.chapter] as f64 / 1000.0,
            });
        }
        if let Some(last) = self.formations.last_mut() {
            last.end_ms = depart;
        }
        self.record_join(&tr, &f.name, depart, start, planning_ms);
        let npts = f.points.len();
        let point_of: Vec<Option<usize>> = tr
            .target_of
            .iter()
            .map(|&j| (j < npts).then_some(j))
            .collect();
        self.pos = tr.target_of.iter().map(|&j| targets[j]).collect();
        let end = hold_end(fd, design, start)?;
        let hold = plan_motion_cached(
            &cx.specs[k],
            &hold_clock(design, start, end),
            &design.limits,
            &cx.motion_opts,
            cx.band.0,
            cache,
        )?;
        if let Some(h) = &hold {
            self.fly_hold(&point_of, h);
        }
        self.prev = f.name.clone();
        self.formations.push(PlannedFormation {
            formation: f,
            chapter: fd.chapter,
            start_ms: start,
            end_ms: end,
            point_of,
            motion: hold.map(|h| h.summary),
        });
        self.cursor = end;
        Ok(())
    }

    /// Plans the transition from where the drones are into formation `k`, its spare
    /// drones parked clear of it: the transition, its targets (the picture's points, then
    /// the parking slots) and the wall time it took, ms.
    #[allow(clippy::result_large_err)]
    fn plan_join(
        &self,
        cx: &FlightContext<'_>,
        k: usize,
        f: &Formation,
        cache: &mut dyn TransitionCache,
    ) -> Result<(Transition, Vec<Vec3>, f64), PlanError> {
        let design = cx.design;
        let fd = &design.formations[k];
        let picture = parking_picture(
            &cx.specs[k],
            fd,
            design,
            self.cursor,
            &cx.motion_opts,
            cache,
        )?;
        let targets = join_targets(cx, f, &picture);
        let clock_start = Instant::now();
        let (tr, _) = plan_transition_cached(
            &self.pos,
            &targets,
            &design.limits,
            cx.opts,
            cx.band,
            ms(fd.transition.min_duration_s),
            cache,
        )
        .map_err(|e| PlanError::CannotJoin {
            from: self.prev.clone(),
            to: f.name.clone(),
            why: e.0,
        })?;
        let planning_ms = clock_start.elapsed().as_secs_f64() * 1000.0;
        Ok((tr, targets, planning_ms))
    }

    /// Flies a transition's moves from `depart`, every drone holding until then and
    /// after them until `start` (ms).
    fn fly_join(&mut self, tr: &Transition, depart: i64, start: i64) {
        for tr_i in self.traj.iter_mut() {
            tr_i.hold_until(depart as f64 / 1000.0);
        }
        let mut t = depart;
        for m in &tr.moves {
            push_move(&mut self.traj, m, t);
            t += m.duration_ms();
        }
        for tr_i in self.traj.iter_mut() {
            tr_i.hold_until(start as f64 / 1000.0);
        }
    }

    /// Records a transition into the formation `to` flown from `depart` to `start` (ms):
    /// its phase, its cue and its figures.
    fn record_join(
        &mut self,
        tr: &Transition,
        to: &str,
        depart: i64,
        start: i64,
        planning_ms: f64,
    ) {
        let prev = &self.prev;
        self.phases.push(Phase {
            kind: PhaseKind::Transition,
            source: format!("transition \"{prev}\" → \"{to}\""),
            start_s: depart as f64 / 1000.0,
            end_s: start as f64 / 1000.0,
        });
        self.cues.push(Cue {
            name: to.to_string(),
            time_s: start as f64 / 1000.0,
        });
        self.transitions.push(PlannedTransition {
            from: prev.clone(),
            to: to.to_string(),
            start_ms: depart,
            duration_ms: tr.duration_ms(),
            lower_bound_s: tr.lower_bound_s,
            min_distance_m: tr.min_distance_m,
            cost_sum_sq: tr.cost_sum_sq,
            method: tr.method,
            planning_ms,
        });
    }

    /// Flies a moving hold: each drone in the picture follows its point's curves and ends
    /// where they end.
    fn fly_hold(&mut self, point_of: &[Option<usize>], hold: &HoldFlight) {
        for (tr, p) in self.traj.iter_mut().zip(point_of) {
            if let Some(j) = p {
                for seg in &hold.fitted.curves[*j] {
                    tr.push(*seg);
                }
            }
        }
        for (p, j) in self.pos.iter_mut().zip(point_of) {
            if let Some(j) = j
                && let Some(last) = hold.fitted.curves[*j].last()
            {
                *p = last.end();
            }
        }
    }

    /// Lands the fleet after the last hold and the show's landing pause: every drone flies
    /// to its neck above its slot (by layers) and descends.
    #[allow(clippy::result_large_err)]
    pub(crate) fn land(&mut self, cx: &FlightContext<'_>) -> Result<LandingFlown, PlanError> {
        let design = cx.design;
        let (opts, limits) = (cx.opts, &design.limits);
        let d = limits.min_distance_m;
        let start_ms = self.cursor + ms(design.takeoff.landing_pause_s);
        if let Some(last) = self.formations.last_mut() {
            last.end_ms = start_ms;
        }
        for tr_i in self.traj.iter_mut() {
            tr_i.hold_until(start_ms as f64 / 1000.0);
        }
        let need = std::f64::consts::SQRT_2 * d * opts.expand_margin;
        let (layer, count) = layer_of_slots(&design.fleet.grid, design.fleet.drones, need);
        let step = (opts.layer_factor * d).max(need);
        let necks: Vec<f64> = layer
            .iter()
            .map(|&g| layer_altitude(design.takeoff.altitude_m, step, g, count))
            .collect();
        let approach =
            approach_landing(&self.pos, cx.homes, &necks, start_ms, limits, opts, cx.band)?;
        let mut t = start_ms;
        for m in &approach.moves {
            push_move(&mut self.traj, m, t);
            t += m.duration_ms();
        }
        let (landing, pos) = (approach.landing, &approach.positions);
        for (i, tr_i) in self.traj.iter_mut().enumerate() {
            tr_i.hold_until(landing.depart_ms[i] as f64 / 1000.0);
            let t1 = landing.depart_ms[i];
            for seg in landing.leg1[i].segments(pos[i], landing.neck[i], t1) {
                tr_i.push(seg);
            }
            let t2 = t1 + landing.leg1[i].total_ms;
            for seg in landing.leg2[i].segments(landing.neck[i], cx.homes[i], t2) {
                tr_i.push(seg);
            }
        }
        Ok(LandingFlown {
            start_ms,
            necks,
            landing,
        })
    }
}

/// The targets of the transition into formation `f`: its points, then the slots its
/// spare drones park in, clear of `picture` (the points the picture takes during its
/// hold).
fn join_targets(cx: &FlightContext<'_>, f: &Formation, picture: &[Vec3]) -> Vec<Vec3> {
    let design = cx.design;
    let d = design.limits.min_distance_m;
    let spare = design.fleet.drones - f.points.len();
    let slots = parking::slots(
        picture,
        spare,
        cx.towards_audience,
        cx.opts.park_gap_m,
        cx.opts.park_spacing_factor * d,
        cx.band.0,
        cx.band.1,
    );
    let mut targets = f.points.clone();
    targets.extend(slots);
    targets
}

/// The transitions of the show whose inputs are known before it is flown (see
/// `plan_ahead.rs`): the first one, from the takeoff layers `lift`, when its formation
/// stands still, and every one between two formations that stand still. The targets of a
/// formation that stands still do not depend on when it is flown, and after its hold
/// the drones stand on them.
pub(crate) fn joins_known_ahead(
    cx: &FlightContext<'_>,
    formations: &[Formation],
    lift: &[Vec3],
) -> Vec<AheadJob> {
    let mut jobs = Vec::new();
    let mut from = Some(lift.to_vec());
    for (k, f) in formations.iter().enumerate() {
        let spec = &cx.specs[k];
        // As `parking_picture` gives it for a formation that stands still.
        let targets = (!spec.is_moving()).then(|| join_targets(cx, f, &spec.rest));
        if let (Some(from), Some(to)) = (&from, &targets) {
            jobs.push(AheadJob {
                from: from.clone(),
                to: to.clone(),
                min_ms: ms(cx.design.formations[k].transition.min_duration_s),
            });
        }
        from = targets;
    }
    jobs
}

/// Seconds to whole milliseconds.
fn ms(s: f64) -> i64 {
    (s * 1000.0).round() as i64
}

/// When a formation's hold ends, given when it starts (ms).
#[allow(clippy::result_large_err)]
fn hold_end(fd: &FormationDesign, design: &ShowDesign, start: i64) -> Result<i64, PlanError> {
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
    fd: &FormationDesign,
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

/// Flies one fleet move from `t0` (ms): each drone holds until its delay, flies its
/// segments, and holds until the move ends.
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
