//! `SequenceFrame`: one picture of a morph sequence (`shape = "sequence"`).

use crate::{HoldTime, Shape};

/// One picture of a morph sequence: the formation shows it exactly at `at`, having morphed
/// into it from the previous frame (the first frame is shown from the start of the hold).
#[derive(Clone, Debug, PartialEq)]
pub struct SequenceFrame {
    /// The picture (any shape but a sequence or an animation), in the formation's frame.
    pub shape: Shape,
    /// When the picture is complete, from the start of the hold. The first frame's is 0.
    pub at: HoldTime,
    /// How long the morph into this picture takes, ending at `at`; `None` = all the time
    /// since the previous frame.
    pub morph: Option<HoldTime>,
}
