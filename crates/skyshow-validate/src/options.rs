//! `ValidateOptions`: how precisely and how verbosely the validator works.

/// Settings of [`validate`](crate::validate). Limits themselves come from
/// [`Limits`](skyshow_model::Limits); these only tune the search and the report.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ValidateOptions {
    /// Accuracy of the exact separation search, metres: reported distances are at most
    /// this much above the true minimum. Default `1e-4`. Values below `1e-9` are raised to it.
    pub tolerance_m: f64,
    /// How a velocity discontinuity `Δv` at a segment joint (also starting or stopping
    /// abruptly) is judged. `None` (default, keyframed shows such as `.skyc`): it is a
    /// velocity step, [`ViolationKind::VelocityStep`](crate::ViolationKind::VelocityStep),
    /// a warning up to [`velocity_step_max_m_s`](Self::velocity_step_max_m_s) and a
    /// violation beyond. `Some(rate)` (sampled shows such as per-drone CSV, whose joints
    /// are samples of a smooth flight): it is an acceleration of `|Δv| · rate` (what a
    /// finite difference at the sampling rate sees), Hz. Changes below 0.01 m/s are
    /// rounding and ignored either way; velocity steps below 0.1 m/s (which a drone follows
    /// within about a millimetre) count in `Measured::max_velocity_step_m_s` but are not
    /// listed.
    pub sampled_rate_hz: Option<f64>,
    /// For a sampled show (`sampled_rate_hz` set): the step its positions were rounded to,
    /// metres (`0.001` for millimetres), `0` (default) for exact positions. Rounding moves
    /// each sample by up to half a step per axis, so it can add up to `2√3 · step · rate²` to
    /// an acceleration measured from the samples (0.055 m/s² for millimetres at 4 Hz) that
    /// the flight the file was rounded from does not have: an acceleration is a violation
    /// only beyond the limit plus that much. `Measured::max_accel_m_s2` still reports the
    /// samples' own figure.
    pub sample_step_m: f64,
    /// The largest velocity step that is only a warning, m/s. `None` (default): derived
    /// from the limits as `√(max_accel · min_distance / 3)`, the step a drone absorbs at
    /// its acceleration limit while trailing its trajectory by at most a sixth of the
    /// minimum distance (`Δv² / 2a ≤ d / 6`): 2 m/s for Skybrush's defaults (4 m/s², 3 m).
    pub velocity_step_max_m_s: Option<f64>,
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
        sampled_rate_hz: None,
        sample_step_m: 0.0,
        velocity_step_max_m_s: None,
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
        let rate = self.sampled_rate_hz.filter(|r| r.is_finite() && *r >= 0.0);
        let sample_step = if self.sample_step_m.is_finite() {
            self.sample_step_m.max(0.0)
        } else {
            0.0
        };
        let step_max = self
            .velocity_step_max_m_s
            .filter(|v| v.is_finite() && *v >= 0.0);
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
            sampled_rate_hz: rate,
            sample_step_m: sample_step,
            velocity_step_max_m_s: step_max,
            ground_eps_m: ground,
            max_violations: self.max_violations,
            series_step_s: step,
        }
    }
}

/// The largest velocity step that is only a warning under `limits`, m/s (see
/// [`ValidateOptions::velocity_step_max_m_s`]).
pub fn velocity_step_max_m_s(opts: &ValidateOptions, limits: &skyshow_model::Limits) -> f64 {
    opts.velocity_step_max_m_s.unwrap_or_else(|| {
        let v = (limits.max_accel_m_s2 * limits.min_distance_m / 3.0).sqrt();
        if v.is_finite() { v } else { 0.0 }
    })
}

/// The most a sampled show's rounding can add to an acceleration measured from its samples,
/// m/s² (see [`ValidateOptions::sample_step_m`]); `0` for a keyframed show.
pub fn sampled_rounding_accel_m_s2(opts: &ValidateOptions) -> f64 {
    match opts.sampled_rate_hz {
        Some(rate) => 2.0 * 3f64.sqrt() * opts.sample_step_m * rate * rate,
        None => 0.0,
    }
}

impl Default for ValidateOptions {
    fn default() -> Self {
        ValidateOptions::DEFAULT
    }
}
