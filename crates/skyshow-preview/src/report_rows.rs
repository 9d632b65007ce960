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

/// The emergency return on the timeline: the seconds its entries cover (those not safe
/// marked) and where landing in place is safe.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportEmergency {
    /// Entry times, whole seconds (each covers its second).
    pub entries_s: Vec<f64>,
    /// Entry times that are not safe (not proven, or a conflict re-flying them).
    pub unsafe_s: Vec<f64>,
    /// `[from, to]` stretches in which landing in place is safe, seconds.
    pub land_in_place_safe_s: Vec<(f64, f64)>,
}
