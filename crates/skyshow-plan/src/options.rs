//! `PlanOptions`: knobs of the planner, with documented defaults.

pub use skyshow_model::Minimise;

/// Planner options.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlanOptions {
    /// Fraction of each speed and acceleration limit the planner uses, leaving the rest as
    /// margin for rounding in exported files. Default 0.99.
    pub headroom: f64,
    /// Safety factor on the CAPT spacing condition when expanding formations
    /// (spacing ≥ √2 · min distance · factor). Default 1.02.
    pub expand_margin: f64,
    /// Gap between a picture and the plane where spare drones park, metres. Default 12.
    pub park_gap_m: f64,
    /// Spacing of parking slots, as a multiple of the minimum distance. Default 1.5 (≥ √2,
    /// so transitions into and out of parking keep CAPT's guarantee).
    pub park_spacing_factor: f64,
    /// Vertical distance between takeoff layers, as a multiple of the minimum distance.
    /// Default 1.5.
    pub layer_factor: f64,
    /// Step of the landing scheduler's departure delays, milliseconds. Default 250.
    pub landing_delay_step_ms: i64,
    /// What assignments minimise. Default [`Minimise::Distance`].
    pub minimise: Minimise,
    /// With [`Minimise::Time`]: the assignments tried besides the minimum sum of squares
    /// use only flights of at most `(1 + s)` × the transition's lower bound, for `s` in
    /// `0, time_slack/3, time_slack, 2·time_slack` (fleets up to 4,000 drones) or just
    /// `time_slack` (larger fleets). Slack leaves an assignment closer to the
    /// sum-of-squares optimum (fewer crossings to stagger) and faster to solve; the
    /// shortest safe transition wins. Default 0.03.
    pub time_slack: f64,
}

impl PlanOptions {
    /// The defaults.
    pub const DEFAULT: PlanOptions = PlanOptions {
        headroom: 0.99,
        expand_margin: 1.02,
        park_gap_m: 12.0,
        park_spacing_factor: 1.5,
        layer_factor: 1.5,
        landing_delay_step_ms: 250,
        minimise: Minimise::Distance,
        time_slack: 0.03,
    };

    /// The defaults with what the show file chooses (`minimise`): the options every
    /// planning of `design` uses, so its transitions and its emergency return agree.
    pub fn for_design(design: &skyshow_model::ShowDesign) -> PlanOptions {
        PlanOptions {
            minimise: design.minimise,
            ..PlanOptions::DEFAULT
        }
    }
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions::DEFAULT
    }
}
