//! Formations: each picture of the show turned into exactly the points the fleet flies.
//!
//! Shapes are sampled in the formation's local frame (`u` right and `v` up as the audience
//! sees them, `w` towards the audience), then rotated and placed in the show frame.
//! Artwork (SVG, text, images, meshes) arrives as plain geometry from the import stage and
//! is sampled to exactly the drones it is given, as evenly as possible: seeded Poisson-disk
//! darts, Lloyd relaxation kept inside the shape, then repulsion for the smallest gap;
//! outlines by arc length with their corners kept. Every formation is checked against the
//! minimum distance; when it is too small, the error says the smallest size that works.
//! Nothing here reads files or prints; the same seed gives the same points.

mod anchor;
mod color;
mod deform;
mod detail;
mod formation;
mod formation_error;
mod frame;
mod frame_spacing;
mod grid;
mod hex_fill;
mod joint;
mod margin;
mod mesh;
mod mesh_frames;
mod outline;
mod packing;
mod picture;
mod region;
mod relax;
mod ride;
mod rng;
mod segments;
mod sequence;
mod shape_sample;
mod shapes;
mod snapshot;
mod spacing;
mod sphere_fill;
mod triangles;

pub use deform::{Deform, MorphFrame};
pub use detail::DetailShortfall;
pub use formation::{Formation, build};
pub use formation_error::FormationError;
pub use frame::LocalFrame;
pub use snapshot::Snapshot;
pub use spacing::min_spacing;
