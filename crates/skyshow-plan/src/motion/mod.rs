//! Moving holds: formations that turn, fly, change size, morph or play an animation while
//! they hold.
//!
//! Every moving formation lowers to one [`HoldMotion`]: each point's position at every
//! moment of its hold, at rest at both ends. Producers hand their motion over as plain
//! data on the formation — rigid motions as [`Motion`](skyshow_model::Motion)s on the
//! design, morph sequences and recorded or glTF animations as a
//! [`Deform`](skyshow_formations::Deform) on the built formation (per-point positions over
//! time in a [`PointTracks`](skyshow_model::PointTracks)) — and [`resolve`] lays it on the
//! hold's clock (musical times, repetitions, playback, morph pairings by the exact
//! assignment, the shortest ramps). Then:
//!
//! 1. [`measure`] gives its [`MotionFigures`] (speeds, acceleration, altitude, the smallest
//!    distance between two drones) and [`check`] refuses a motion beyond the limits with
//!    fixes that work;
//! 2. [`fit`] turns each point's path into cubic Bézier segments within a tolerance
//!    (measured), which the planner flies as the drones' trajectories during the hold —
//!    transitions into and out of the hold stay rest-to-rest.
//!
//! [`fastest_playback`] finds the fastest playback of an animation the limits allow.

// Errors are rare and carry user-facing context (the fixes); their size does not matter.
#![allow(clippy::result_large_err)]

mod base;
mod beyond;
mod check;
mod easing;
mod figures;
mod fit;
mod frame_pairs;
mod hold_cache;
mod hold_motion;
mod motion_error;
mod near_pairs;
mod path_curve;
mod planned_motion;
mod pose;
mod resolve;
mod rigid;
mod spec_of;
mod tuning;

pub use check::check;
pub use figures::{Extreme, MotionFigures, measure};
pub use fit::{FitOptions, FittedMotion, fit, flown_extremes};
pub use hold_cache::{HoldFlight, plan_motion_cached, swept_points_cached};
pub use hold_motion::HoldMotion;
pub use motion_error::{Figure, MotionEntry, MotionError};
pub use planned_motion::{PlannedHold, PlannedMotion, plan_motion, swept_points};
pub use resolve::{HoldClock, MotionOptions, MotionSpec, resolve};
pub use spec_of::motion_spec;
pub use tuning::fastest_playback;
