//! Lights: the colour of every drone over the show, encoded as Skybrush light programs.
//!
//! Drones are dark on the ground and while parked; each shows its formation point's colour
//! while the formation holds, and fades linearly from one formation's colour to the next
//! during transitions. Programs are encoded in Skybrush's bytecode (reference §1.6) on its
//! 20 ms clock.
//!
//! Light effects (`[[light]]`: solid, gradient, radial, sweep/wipe, wave, twinkle, pulse,
//! strobe, colour cycle, image) are stacked over the formation colours with normal, add,
//! multiply or screen blending, sampled on the 20 ms clock, and fitted back into steps
//! ([`FrameFit`]: holds, and fades exact within 2 colour units); the encoder folds repeats
//! into loops.

mod bytecode;
mod design;
mod effect_sampler;
mod frame_fit;
mod light_cache;
mod stage;

pub use bytecode::{FRAME_MS, encode};
pub use design::{LightOptions, design_lights, design_show_lights, designed_frames};
pub use effect_sampler::{EffectSampler, Probe, blend};
pub use frame_fit::FrameFit;
pub use light_cache::design_show_lights_cached;
pub use stage::Stage;
