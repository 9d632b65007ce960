//! Formations: each picture of the show turned into exactly the points the fleet flies.
//!
//! Shapes are sampled in the formation's local frame (`u` right and `v` up as the audience
//! sees them, `w` towards the audience), then rotated and placed in the show frame.
//! Every formation is checked against the minimum distance; when it is too small, the error
//! says the smallest size that works.

mod color;
mod formation;
mod frame;
mod shapes;
mod spacing;

pub use formation::{Formation, FormationError, build};
pub use frame::LocalFrame;
pub use spacing::min_spacing;
