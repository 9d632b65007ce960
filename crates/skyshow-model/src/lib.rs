//! The vocabulary of skyshow: plain data passed between the pipeline stages.
//!
//! Everything here is in the show frame of Skybrush (X = show front, Y = left, Z = up),
//! in metres and seconds. Nothing here does I/O or serialisation; wire formats live in
//! `skyshow-skyc` and `skyshow-export`.

mod clip;
mod color_walk;
mod content_cache;
mod design;
mod emergency_design;
mod exclusion_zone;
mod flight_show;
mod geofence;
mod keyframe_track;
mod light_design;
mod light_program;
mod limits;
mod mesh_animation;
mod mesh_paint;
mod motion;
mod music_design;
mod musical_length;
mod point_tracks;
mod polygon;
mod position_walk;
mod rgb;
mod round;
mod rth_plan;
mod segment;
mod sequence_frame;
mod site;
mod trajectory;
mod vec3;
mod warning;

pub use clip::{Clip, Playback, PlaybackSpeed};
pub use color_walk::ColorWalk;
pub use content_cache::{ContentCache, MemoryCache, NoCache};
pub use design::{
    Chapter, ColorDesign, Drawing, Fleet, FormationDesign, GeoOrigin, Minimise, Placement, Shape,
    ShowDesign, TakeoffDesign, TakeoffGrid, TransitionDesign,
};
pub use emergency_design::EmergencyDesign;
pub use exclusion_zone::ExclusionZone;
pub use flight_show::{Cue, Drone, FlightShow, Phase, PhaseKind};
pub use geofence::{GEOFENCE_ACTIONS, Geofence};
pub use keyframe_track::{Interpolation, KeyframeTrack};
pub use light_design::{
    Axis, Blend, EffectKind, Every, ImageDesign, LightEffect, LightFrame, Target,
};
pub use light_program::{LightProgram, LightStep};
pub use limits::{INPUT_SLACK_M, Limits, ROUNDING_MARGIN_M, SPACING_MARGIN_M};
pub use mesh_animation::{Affine, IDENTITY, MeshAnimation, RigBind, RigNode, RigPose};
pub use mesh_paint::{MeshPaint, Texture, Wrap, multiply_srgb};
pub use motion::{Easing, HoldTime, Motion, MotionAxis, MotionKind, Repeat};
pub use music_design::MusicDesign;
pub use musical_length::{MusicalLength, MusicalUnit};
pub use point_tracks::PointTracks;
pub use polygon::{GroundPoint, Polygon, path_distance, ring_contains};
pub use position_walk::PositionWalk;
pub use rgb::Rgb;
pub use round::round_half_away;
pub use rth_plan::{RthAction, RthEntry, RthPlan, descent_s, move_ramp_s, rest_to_rest};
pub use segment::Segment;
pub use sequence_frame::SequenceFrame;
pub use site::Site;
pub use trajectory::Trajectory;
pub use vec3::Vec3;
pub use warning::Warning;
