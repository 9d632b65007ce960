//! Lights: the colour of every drone over the show, encoded as Skybrush light programs.
//!
//! Drones are dark on the ground and while parked; each shows its formation point's colour
//! while the formation holds, and fades linearly from one formation's colour to the next
//! during transitions. Programs are encoded in Skybrush's bytecode (reference §1.6) on its
//! 20 ms clock.

mod bytecode;
mod design;

pub use bytecode::{FRAME_MS, encode};
pub use design::{LightOptions, design_lights};
