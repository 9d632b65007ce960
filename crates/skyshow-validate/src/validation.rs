//! `Validation`: the validator's full answer.

use crate::{Measured, Series, Violation};

/// Result of [`validate`](crate::validate).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Validation {
    /// Extremes of the show.
    pub measured: Measured,
    /// Violations in report order (time, kind, drones), at most
    /// `ValidateOptions::max_violations` of them: the first ones in that order.
    pub violations: Vec<Violation>,
    /// How many violations there are in total (≥ `violations.len()`).
    pub violations_total: usize,
    /// Findings that are not violations (velocity steps up to
    /// `ValidateOptions::velocity_step_max_m_s`), in report order, at most
    /// `ValidateOptions::max_violations` of them.
    pub warnings: Vec<Violation>,
    /// How many warnings there are in total (≥ `warnings.len()`).
    pub warnings_total: usize,
    /// Per-window extremes, for plots.
    pub series: Series,
}

impl Validation {
    /// True if the show breaks no limit.
    pub fn is_ok(&self) -> bool {
        self.violations_total == 0
    }
}
