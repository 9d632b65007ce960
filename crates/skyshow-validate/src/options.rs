//! `ValidateOptions`: how precisely and how verbosely the validator works.

/// Settings of [`validate`](crate::validate). Limits themselves come from
/// [`Limits`](skyshow_model::Limits); these only tune the search and the report.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ValidateOptions {
    /// Accuracy of the exact separation search, metres: reported distances are at most
    /// this much above the true minimum. Default `1e-4`. Values below `1e-9` are raised to it.
    pub tolerance_m: f64,
    /// A velocity discontinuity `Δv` at a segment joint is reported as an acceleration of
    /// `|Δv| · velocity_jump_rate_hz` (what a finite difference at this rate would see), Hz.
    /// Jumps below 0.01 m/s are ignored. Default 20.
    pub velocity_jump_rate_hz: f64,
    /// A drone at or below this altitude is on the ground (flight time, series), metres.
    /// Default 0.05.
    pub ground_eps_m: f64,
    /// Most violations reported; the total count is still kept. Default 10 000.
    pub max_violations: usize,
    /// Length of one window of the plotting [`Series`](crate::Series), seconds. Default 1.
    pub series_step_s: f64,
}

impl ValidateOptions {
    /// The defaults.
    pub const DEFAULT: ValidateOptions = ValidateOptions {
        tolerance_m: 1e-4,
        velocity_jump_rate_hz: 20.0,
        ground_eps_m: 0.05,
        max_violations: 10_000,
        series_step_s: 1.0,
    };

    /// The options with unusable values (NaN, non-positive, absurdly small) replaced so
    /// that every search terminates.
    pub(crate) fn sanitized(&self) -> ValidateOptions {
        let d = ValidateOptions::DEFAULT;
        let tol = if self.tolerance_m.is_nan() {
            d.tolerance_m
        } else {
            self.tolerance_m.max(1e-9)
        };
        let tol = if tol.is_finite() { tol } else { 1e6 };
        let rate = if self.velocity_jump_rate_hz.is_finite() && self.velocity_jump_rate_hz >= 0.0 {
            self.velocity_jump_rate_hz
        } else {
            d.velocity_jump_rate_hz
        };
        let ground = if self.ground_eps_m.is_finite() {
            self.ground_eps_m
        } else {
            d.ground_eps_m
        };
        let step = if self.series_step_s.is_finite() && self.series_step_s > 0.0 {
            self.series_step_s
        } else {
            d.series_step_s
        };
        ValidateOptions {
            tolerance_m: tol,
            velocity_jump_rate_hz: rate,
            ground_eps_m: ground,
            max_violations: self.max_violations,
            series_step_s: step,
        }
    }
}

impl Default for ValidateOptions {
    fn default() -> Self {
        ValidateOptions::DEFAULT
    }
}
