//! Planning: takeoff, assignment, collision-free transitions, parking and landing.

pub mod assign;
