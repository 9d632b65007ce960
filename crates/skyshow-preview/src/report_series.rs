//! `ReportSeries`: the show's extremes over time, for the report's plots.

/// Per-window extremes of the show (the validator's series), all vectors the same length;
/// extra values in longer vectors are ignored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportSeries {
    /// Window start, seconds on the show clock, increasing.
    pub t_s: Vec<f64>,
    /// Smallest distance between two airborne drones in the window, metres
    /// (`f64::INFINITY` = no pair close enough to measure: drawn as a gap).
    pub min_distance_m: Vec<f64>,
    /// Largest horizontal speed in the window, m/s.
    pub max_speed_xy_m_s: Vec<f64>,
    /// Largest vertical speed (up or down) in the window, m/s.
    pub max_speed_z_m_s: Vec<f64>,
}

impl ReportSeries {
    /// Number of usable windows (the shortest vector).
    pub(crate) fn len(&self) -> usize {
        self.t_s
            .len()
            .min(self.min_distance_m.len())
            .min(self.max_speed_xy_m_s.len())
            .min(self.max_speed_z_m_s.len())
    }
}
