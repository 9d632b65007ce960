//! `Series`: per-window extremes of the show, for plots.

/// The show cut into windows of `ValidateOptions::series_step_s` (the last one may be
/// shorter), with the extremes inside each window. All vectors have the same length.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    /// Window start, seconds on the show clock.
    pub t_s: Vec<f64>,
    /// Smallest distance between two drones above the minimum navigation altitude in the
    /// window, metres, exact to the tolerance. `f64::INFINITY` when no such pair comes within
    /// the search radius (at least 1.25 × `Limits::min_distance_m`; larger if the whole show
    /// never comes that close) or fewer than two drones are up.
    pub min_distance_m: Vec<f64>,
    /// Largest horizontal speed of any drone in the window, m/s.
    pub max_speed_xy_m_s: Vec<f64>,
    /// Largest vertical speed (up or down) of any drone in the window, m/s.
    pub max_speed_z_m_s: Vec<f64>,
    /// Number of drones above `ValidateOptions::ground_eps_m` at some moment of the window.
    pub airborne: Vec<usize>,
}
