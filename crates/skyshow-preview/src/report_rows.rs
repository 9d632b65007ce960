//! The rows of the report's tables and charts: transitions, violations, formations.

/// One transition between two formations.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportTransition {
    /// Formation it leaves.
    pub from: String,
    /// Formation it reaches.
    pub to: String,
    /// Start, seconds.
    pub start_s: f64,
    /// Planned duration, seconds.
    pub duration_s: f64,
    /// Lower bound on any safe duration (the slowest drone's straight flight), seconds.
    pub lower_bound_s: f64,
}

/// One breach of the flight envelope, as `report.json` lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportViolation {
    /// The rule, e.g. `min_distance`, `speed_xy`, `flight_time`.
    pub kind: String,
    /// When it is worst, seconds.
    pub time_s: f64,
    /// The drones involved, by name.
    pub drones: Vec<String>,
    /// Measured value (metres, m/s, m/s², seconds or bytes, by kind).
    pub value: f64,
    /// The limit it breaks, same unit.
    pub limit: f64,
    /// The show-file entry it comes from (may be empty).
    pub source: String,
}

/// One formation on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportFormation {
    /// Name.
    pub name: String,
    /// When the drones are in place, seconds.
    pub start_s: f64,
    /// When they leave, seconds.
    pub end_s: f64,
    /// What moves it during its hold (`rotate`, `move`, `scale`, `morph`, `animation`), in
    /// order; empty for a still formation. A moving formation gets a speed plot.
    pub motion: Vec<String>,
}
