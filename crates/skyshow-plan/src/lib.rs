//! Planning: takeoff, assignment, collision-free transitions, parking and landing.
//!
//! Input: a [`ShowDesign`](skyshow_model::ShowDesign). Output: a [`ShowPlan`] with every
//! drone's trajectory as cubic Bézier segments, the formation each drone shows when, and
//! the figures of every transition (duration, lower bound, clearance). The planner never
//! returns a plan it knows to be unsafe: every transition's clearance is computed exactly,
//! and the landing is checked pair by pair; what cannot be made safe is an error naming
//! the formations involved.

pub mod assign;
mod axes_profile;
mod conflict;
mod crossing_layers;
pub mod emergency;
mod error;
mod fleet_move;
mod flight;
mod formation_cache;
mod grid;
mod landing;
mod landing_approach;
mod layered;
pub mod motion;
mod options;
mod pair_check;
mod parking;
mod path_index;
mod phased;
mod plan_ahead;
mod profile;
mod route;
mod schedule;
mod shells;
mod show_flight;
mod show_plan;
mod show_warnings;
mod spread;
mod stagger;
mod straight;
mod sync_move;
mod takeoff;
#[cfg(test)]
mod test_rng;
mod transition;
mod transition_cache;
mod transition_codec;
mod turn;
mod turn_find;
mod wide_hasher;

pub use conflict::{Conflict, HoldFix};
pub use emergency::{EmergencyPlan, plan_emergency, plan_emergency_cached};
pub use error::{PlanError, clock};
pub use fleet_move::{FlightMove, Move};
pub use flight::{Flight, Leg};
pub use landing::{Landing, plan_landing};
pub use options::{Minimise, PlanOptions};
pub use profile::{Profile, rate_limits};
pub use show_plan::{
    PlanStage, PlannedFormation, PlannedTransition, ShowPlan, plan_show, plan_show_cached,
    plan_show_with_progress,
};
pub use show_warnings::{
    ARTWORK_TOO_DETAILED, MUSIC_AFTER_SHOW, MUSIC_AFTER_SHOW_S, SHOW_AFTER_MUSIC_S, SHOW_PAST_MUSIC,
};
pub use sync_move::{Clearance, SyncMove, clearance};
pub use takeoff::{Takeoff, plan_takeoff};
pub use transition::{
    INPUT_SLACK_M, Method, ROUNDING_MARGIN_M, Transition, TransitionError, min_flight_time_s,
    plan_transition, planned_separation_m,
};
pub use transition_cache::{NoCache, TransitionCache, plan_transition_cached};

/// The byte forms the planner's build-cache entries are written in, for the stages after
/// it that keep their own (the lights): numbers as their exact bits, an entry sealed with
/// its inputs (or a 128-bit hash of them) and a checksum, so a corrupt, truncated or
/// foreign entry is a miss.
pub mod cache_bytes {
    pub use crate::transition_codec::{Reader, Writer, entry_name, open, seal};
    pub use crate::wide_hasher::WideHasher;
}
