//! Emergency return from any moment of the show.
//!
//! For every whole second of the flight (Skybrush keys return plans by whole seconds) each
//! drone gets an entry taking it from where it is to a point above its own takeoff slot and
//! landing it there ([`ReturnPlan`]: the show's landing planner run from that second's
//! positions). Each entry is proven for a trigger at any moment of its second
//! ([`TriggerProof`](trigger_proof)), and the stretches where a plain vertical landing is safe
//! are found too ([`LandInPlace`]). [`plan_emergency`] makes it all for a planned show;
//! [`plan_emergency_cached`] keeps it in the build cache.

mod emergency_plan;
mod land_in_place;
mod near_pairs;
mod plan_cache;
mod return_plan;
mod second_plans;
mod start_sweep;
mod trigger_proof;

pub use emergency_plan::{
    EmergencyEntry, EmergencyPlan, Unproven, plan_emergency, plan_emergency_from,
};
pub use land_in_place::LandInPlace;
pub use plan_cache::plan_emergency_cached;
pub use return_plan::{ReturnAction, ReturnPlan};
