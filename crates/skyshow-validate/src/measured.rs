//! `Measured`: the show's extreme values, whatever the limits are.

/// What the show actually does: its extremes over all drones and all times, computed
/// exactly (to `ValidateOptions::tolerance_m` for distances).
#[derive(Clone, Debug, PartialEq)]
pub struct Measured {
    /// Smallest distance between two drones both at or above `Limits::min_nav_altitude_m`,
    /// metres; `f64::INFINITY` if two drones are never airborne at the same time.
    pub min_distance_m: f64,
    /// When that distance occurs, seconds (0 if there is none).
    pub min_distance_at_s: f64,
    /// The pair of drones (ascending indices), if any.
    pub min_distance_drones: Option<(usize, usize)>,
    /// Largest horizontal speed, m/s.
    pub max_speed_xy_m_s: f64,
    /// Largest climb speed, m/s (0 if never climbing).
    pub max_speed_up_m_s: f64,
    /// Largest descent speed, m/s, positive (0 if never descending).
    pub max_speed_down_m_s: f64,
    /// Largest acceleration norm, m/s² (in a sampled show including velocity changes
    /// between samples, see `ValidateOptions::sampled_rate_hz`).
    pub max_accel_m_s2: f64,
    /// Largest velocity step at a keyframe joint, m/s (0 in a sampled show, where joints
    /// count as acceleration).
    pub max_velocity_step_m_s: f64,
    /// Highest altitude, metres (0 for an empty show).
    pub max_altitude_m: f64,
    /// Longest flight time of one drone, seconds.
    pub max_flight_time_s: f64,
    /// Flight time per drone, seconds: from the first to the last moment it is above
    /// `ValidateOptions::ground_eps_m` (a drone that starts in the air counts from the show start).
    pub flight_time_s: Vec<f64>,
}

impl Default for Measured {
    fn default() -> Self {
        Measured {
            min_distance_m: f64::INFINITY,
            min_distance_at_s: 0.0,
            min_distance_drones: None,
            max_speed_xy_m_s: 0.0,
            max_speed_up_m_s: 0.0,
            max_speed_down_m_s: 0.0,
            max_accel_m_s2: 0.0,
            max_velocity_step_m_s: 0.0,
            max_altitude_m: 0.0,
            max_flight_time_s: 0.0,
            flight_time_s: Vec::new(),
        }
    }
}
