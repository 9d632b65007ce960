//! The safety oracle: proves a flyable show keeps its flight envelope, exactly, in continuous
//! time.
//!
//! [`validate`] checks a [`FlightShow`] against [`Limits`]:
//! - separation: the smallest distance between every two drones both at or above the minimum
//!   navigation altitude, at every moment, exact to `ValidateOptions::tolerance_m` (time
//!   windows, a grid broad phase on the boxes of the exact sub-curves, and branch and bound on
//!   the Bézier difference curve of each close pair);
//! - exact per-segment maxima of horizontal, climb and descent speed, of acceleration (plus
//!   velocity changes between the samples of a sampled show) and of altitude; sideways
//!   motion below the minimum navigation altitude;
//! - velocity steps at the keyframe joints of a keyframed show: warnings up to a threshold
//!   derived from the limits, violations beyond (`ValidateOptions::velocity_step_max_m_s`);
//! - the geofence (`FlightShow::geofence`): no drone outside an inclusion polygon or inside
//!   an exclusion zone at any moment, exact to the tolerance;
//! - takeoff spacing, flight time per drone, and whether each trajectory and light program
//!   fits Skybrush's 64 KiB `.skyb` blocks.
//!
//! Results are deterministic: they do not depend on the number of threads.
//! No I/O happens here; the caller prints or stores the [`Validation`].

// `!(a > b)` is deliberate throughout: it is true for NaN, which must take the safe branch.
#![allow(clippy::neg_cmp_op_on_partial_ord)]

mod bezier;
mod broad_phase;
mod drone_checks;
mod geofence;
mod grouping;
mod measured;
mod options;
mod pair_search;
mod prepared;
mod rth_check;
mod separation;
mod series;
mod sink;
mod skyb_size;
mod takeoff;
mod validation;
mod violation;
mod window_pass;

pub use measured::Measured;
pub use options::{ValidateOptions, sampled_rounding_accel_m_s2, velocity_step_max_m_s};
pub use rth_check::{RthCheck, RthConflict};
pub use series::Series;
pub use validation::Validation;
pub use violation::{Violation, ViolationKind};

use rayon::prelude::*;
use skyshow_model::{FlightShow, Limits};

use drone_checks::DroneReport;
use separation::{Separation, Windows};
use sink::ViolationSink;

/// Longest search window, seconds: the series step is cut into windows at most this long.
const MAX_WINDOW_S: f64 = 1.0;
/// Most series windows; longer shows get a longer step.
const MAX_SERIES_WINDOWS: f64 = 1_000_000.0;
/// Most search windows.
const MAX_WINDOWS: f64 = 2_000_000.0;

/// Cuts the show span into search windows grouped into series windows.
fn windows(span: (f64, f64), step: f64) -> Windows {
    let dur = span.1 - span.0;
    let step = step.max(dur / MAX_SERIES_WINDOWS);
    let n_series = (dur / step).ceil().max(1.0);
    let per_series = (step / MAX_WINDOW_S)
        .ceil()
        .clamp(1.0, (MAX_WINDOWS / n_series).max(1.0));
    let len = step / per_series;
    let count = (dur / len)
        .ceil()
        .clamp(1.0, MAX_WINDOWS + MAX_SERIES_WINDOWS) as usize;
    Windows {
        t0: span.0,
        t1: span.1,
        len,
        count,
        per_series: per_series as usize,
    }
}

/// Checks `show` against `limits`; see the crate documentation for what is checked and how.
/// Never panics; unusable segments (non-finite, not moving forward in time) are skipped.
pub fn validate(show: &FlightShow, limits: &Limits, opts: &ValidateOptions) -> Validation {
    let opts = opts.sanitized();
    let drones = prepared::prepare(show);
    let span = prepared::show_span(&drones);
    let mut reports: Vec<DroneReport> = drones
        .par_iter()
        .enumerate()
        .map(|(i, d)| {
            DroneReport::check(
                i,
                d,
                show.drones[i].lights.bytecode.len(),
                limits,
                &opts,
                span,
            )
        })
        .collect();

    let mut sink = ViolationSink::new(opts.max_violations);
    let mut warn = ViolationSink::new(opts.max_violations);
    let mut m = Measured::default();
    for r in &mut reports {
        m.max_speed_xy_m_s = m.max_speed_xy_m_s.max(r.max_vxy);
        m.max_speed_up_m_s = m.max_speed_up_m_s.max(r.max_vup);
        m.max_speed_down_m_s = m.max_speed_down_m_s.max(r.max_vdown);
        m.max_accel_m_s2 = m.max_accel_m_s2.max(r.max_acc);
        m.max_velocity_step_m_s = m.max_velocity_step_m_s.max(r.max_vstep);
        m.max_altitude_m = m.max_altitude_m.max(r.max_alt);
        m.max_flight_time_s = m.max_flight_time_s.max(r.flight_time_s);
        m.flight_time_s.push(r.flight_time_s);
        for v in r.violations.drain(..) {
            sink.push(v);
        }
        for v in r.warnings.drain(..) {
            warn.push(v);
        }
    }
    for v in takeoff::takeoff_spacing(&drones, limits.takeoff_spacing_m, span.0) {
        sink.push(v);
    }
    if let Some(fence) = &show.geofence {
        for v in geofence::check(&drones, fence, span.0, opts.tolerance_m) {
            sink.push(v);
        }
    }

    let win = windows(span, opts.series_step_s);
    let extremes: Vec<_> = reports.into_iter().map(|r| r.extremes).collect();
    let sep = Separation::run(&drones, &extremes, win, limits, &opts, &mut sink);
    if let Some((d, t, a, b)) = sep.best {
        m.min_distance_m = d;
        m.min_distance_at_s = t;
        m.min_distance_drones = Some((a as usize, b as usize));
    }

    let mut series = Series::default();
    let per = win.per_series.max(1);
    for (j, chunk) in (0..win.count).collect::<Vec<_>>().chunks(per).enumerate() {
        let fold = |v: &[f64], init: f64, f: fn(f64, f64) -> f64| {
            chunk.iter().map(|&k| v[k]).fold(init, f)
        };
        series.t_s.push(win.bound(j * per));
        series
            .min_distance_m
            .push(fold(&sep.min_distance, f64::INFINITY, f64::min));
        series.max_speed_xy_m_s.push(fold(&sep.vxy, 0.0, f64::max));
        series.max_speed_z_m_s.push(fold(&sep.vz, 0.0, f64::max));
        series
            .airborne
            .push(sep.airborne.get(j).copied().unwrap_or(0));
    }

    let (mut violations, violations_total) = sink.finish();
    let (mut warnings, warnings_total) = warn.finish();
    for v in violations.iter_mut().chain(&mut warnings) {
        v.source = show.source_at(v.time_s).unwrap_or("").to_string();
    }
    Validation {
        measured: m,
        violations,
        violations_total,
        warnings,
        warnings_total,
        series,
    }
}
