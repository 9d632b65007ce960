//! One file per command.

pub(crate) mod beats;
pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod formation;
pub(crate) mod preview;
pub(crate) mod render;
pub(crate) mod transition;
