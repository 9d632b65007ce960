//! `Deform`: how a formation's picture changes shape during its hold, as built by this
//! stage (morph key frames, a recorded clip). Rigid motions (`FormationDesign::motion`)
//! come on top; the planner resolves both against the hold's times.

use skyshow_model::{Clip, HoldTime, Rgb, Vec3};

/// How a formation's picture changes shape during its hold.
#[derive(Clone, Debug, PartialEq)]
pub enum Deform {
    /// A morph sequence: each frame's points, in the order the frame was sampled (the
    /// planner pairs consecutive frames by the exact assignment).
    Morph(Vec<MorphFrame>),
    /// Per-point positions over time (glTF animations, CSV animations), point `i` of the
    /// clip being point `i` of [`Formation::points`](crate::Formation::points).
    Clip(Clip),
}

/// One picture of a morph sequence, sampled.
#[derive(Clone, Debug, PartialEq)]
pub struct MorphFrame {
    /// Points, show frame, metres (as many as the formation has).
    pub points: Vec<Vec3>,
    /// Their colours.
    pub colors: Vec<Rgb>,
    /// When the picture is complete, from the start of the hold.
    pub at: HoldTime,
    /// How long the morph into it takes, ending at `at`; `None` = since the previous frame.
    pub morph: Option<HoldTime>,
}
