//! `SafetyOptions`: the numbers the fireworks safety checks use.

/// Settings for the fireworks safety checks.
#[derive(Clone, Debug, PartialEq)]
pub struct SafetyOptions {
    /// Spectator distance per mm of calibre, m/mm. Default 0.84 (NFPA 1123: 70 ft per
    /// inch of mortar).
    pub spectator_m_per_mm: f64,
    /// Margin added to every burst radius for the drone check, m (wind drift, drone
    /// size). Default 10.
    pub airspace_margin_m: f64,
    /// Accuracy of the drone–burst distance search, m: a drone closer than the limit by
    /// more than this is always found, and reported distances are within this of the
    /// true minimum. Default 0.01.
    pub airspace_tolerance_m: f64,
}

impl Default for SafetyOptions {
    fn default() -> Self {
        SafetyOptions {
            spectator_m_per_mm: 0.84,
            airspace_margin_m: 10.0,
            airspace_tolerance_m: 0.01,
        }
    }
}
