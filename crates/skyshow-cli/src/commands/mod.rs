//! One file per command.

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod formation;
pub(crate) mod transition;
