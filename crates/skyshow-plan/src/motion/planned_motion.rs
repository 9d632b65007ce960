//! `PlannedMotion`: a moving hold as it will fly — resolved, measured, checked and fitted
//! — and [`plan_motion`], which does all four.

use skyshow_model::{Easing, Limits, ROUNDING_MARGIN_M};

use super::HoldMotion;
use super::base::Base;
use super::check::{check, first_beyond};
use super::figures::{Extreme, MotionFigures, measure};
use super::fit::{FitOptions, FittedMotion, fit, flown_extremes};
use super::motion_error::{MotionEntry, MotionError};
use super::resolve::{HoldClock, MotionOptions, MotionSpec, resolve};
use crate::error::clock as show_clock;

/// The closest a moving picture's curves are fitted to its design, metres.
const MIN_FIT_TOLERANCE_M: f64 = 0.0005;

/// What a moving hold asks of the drones and how closely the flown curves follow it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedMotion {
    /// What moves the formation (`rotate`, `move`, `scale`, `morph`, `animation`).
    pub kinds: Vec<String>,
    /// The designed motion's figures.
    pub designed: MotionFigures,
    /// The flown curves' fastest horizontal speed, climb, descent (m/s) and largest
    /// acceleration (m/s²), with when and which point.
    pub flown: [Extreme; 4],
    /// Largest distance between the flown curves and the design, metres.
    pub fit_error_m: f64,
    /// Bézier segments per moving drone, on average.
    pub segments_per_drone: f64,
    /// Each linear motion's ramps: motion index (from 0) and the length of each ramp, s.
    pub ramps_s: Vec<(usize, f64)>,
    /// The animation's playback speed and ramp length (s), if it plays one.
    pub playback: Option<(f64, f64)>,
    /// When anything first and last moves, seconds from the start of the hold.
    pub active_s: (f64, f64),
}

/// A moving hold ready to fly.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedHold {
    /// The resolved motion.
    pub motion: HoldMotion,
    /// Its curves, per point, on the show clock.
    pub fitted: FittedMotion,
    /// Its figures.
    pub summary: PlannedMotion,
}

/// Resolves, measures, checks and fits `spec`'s motion for the hold `clock`, starting at
/// `start_ms` on the show clock (`clock.start_s` in whole milliseconds); `low_m` is the
/// lowest altitude a picture may reach. `None` when nothing moves.
pub fn plan_motion(
    spec: &MotionSpec,
    clock: &HoldClock<'_>,
    limits: &Limits,
    opts: &MotionOptions,
    low_m: f64,
) -> Result<Option<PlannedHold>, MotionError> {
    let Some(motion) = resolve(spec, clock, limits, opts)? else {
        return Ok(None);
    };
    let designed = measure(&motion, opts.step_s);
    check(spec, clock, limits, opts, low_m, &motion, &designed)?;
    let start_ms = (clock.start_s * 1000.0).round() as i64;
    let mut fit_opts = opts.fit;
    // Curves within `tol` of the design keep two drones at least `min − 2·tol` apart: fit
    // them close enough to stay above the minimum distance plus the written files'
    // rounding (a picture spread to the margin leaves a millimetre each).
    let room = designed.min_distance.value - limits.min_distance_m - ROUNDING_MARGIN_M;
    if room.is_finite() && 2.0 * fit_opts.tolerance_m > room {
        fit_opts.tolerance_m = (room / 2.0).max(MIN_FIT_TOLERANCE_M);
    }
    let (fitted, flown) = loop {
        let fitted = fit(&motion, start_ms, &fit_opts);
        let flown = flown_extremes(&fitted.curves, clock.start_s);
        let mut f = designed;
        [f.speed_xy, f.speed_up, f.speed_down, f.accel] = flown;
        match first_beyond(&f, limits, low_m, 1.0) {
            // Curves a hair over a limit the design keeps: fit them closer.
            Some(_) if fit_opts.tolerance_m > 4.0 * MIN_FIT_TOLERANCE_M => {
                fit_opts = FitOptions {
                    tolerance_m: fit_opts.tolerance_m / 4.0,
                    ..fit_opts
                };
            }
            Some((figure, ex, limit)) => {
                return Err(MotionError::Limit {
                    formation: spec.name.clone(),
                    entry: MotionEntry::Formation,
                    what: skyshow_i18n::msg!("motion-what-fitted"),
                    figure,
                    value: ex.value,
                    limit,
                    at_s: ex.at_s,
                    at_show: show_clock(((clock.start_s + ex.at_s) * 1000.0).round() as i64),
                    point: ex.point,
                    hint: skyshow_i18n::msg!("motion-fitted-hint"),
                });
            }
            None => break (fitted, flown),
        }
    };
    let moving = fitted.curves.len().max(1) as f64;
    let segments = fitted.curves.iter().map(Vec::len).sum::<usize>() as f64;
    let ramps_s = motion
        .rigid
        .iter()
        .filter(|m| m.easing == Easing::Linear)
        .map(|m| {
            let (a, b) = m.span();
            (m.index, m.ramp * (b - a))
        })
        .collect();
    let playback = match &motion.base {
        Base::Clip(c) => Some((c.speed, c.ramp_s)),
        _ => None,
    };
    let summary = PlannedMotion {
        kinds: motion.kinds(),
        designed,
        flown,
        fit_error_m: fitted.error_m,
        segments_per_drone: segments / moving,
        ramps_s,
        playback,
        active_s: motion.active_span(),
    };
    Ok(Some(PlannedHold {
        motion,
        fitted,
        summary,
    }))
}

/// Where the points of `spec`'s motion pass during the hold `clock`: their positions at
/// evenly spaced moments of its active span (empty when nothing moves), for keeping spare
/// drones parked out of its way.
pub fn swept_points(
    spec: &MotionSpec,
    clock: &HoldClock<'_>,
    limits: &Limits,
    opts: &MotionOptions,
) -> Result<Vec<skyshow_model::Vec3>, MotionError> {
    let Some(motion) = resolve(spec, clock, limits, opts)? else {
        return Ok(Vec::new());
    };
    let (a, b) = motion.active_span();
    let n = motion.points();
    let mut out = vec![skyshow_model::Vec3::ZERO; n * (SWEEP_SAMPLES + 1)];
    for (k, chunk) in out.chunks_mut(n.max(1)).enumerate() {
        let t = a + (b - a) * k as f64 / SWEEP_SAMPLES as f64;
        motion.positions(t, chunk);
    }
    Ok(out)
}

/// Moments sampled by [`swept_points`].
const SWEEP_SAMPLES: usize = 48;
