//! `Limits`: the flight envelope every drone must stay in.

/// The flight envelope of a show. Defaults are Skybrush's (the industry's).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// Minimum distance between two airborne drones, metres. Default 3.
    pub min_distance_m: f64,
    /// Maximum horizontal speed, m/s. Default 8.
    pub max_speed_xy_m_s: f64,
    /// Maximum climb speed, m/s. Default 2.
    pub max_speed_up_m_s: f64,
    /// Maximum descent speed, m/s. Default 2.
    pub max_speed_down_m_s: f64,
    /// Maximum acceleration (norm of the 3D vector), m/s². Default 4.
    pub max_accel_m_s2: f64,
    /// Maximum altitude above the ground, metres. Default 150.
    pub max_altitude_m: f64,
    /// Below this altitude drones move only vertically, and separation is not checked.
    /// Metres, default 2.5.
    pub min_nav_altitude_m: f64,
    /// Battery endurance: the longest a drone may be in the air, seconds. Default 1200 (20 min).
    pub battery_s: f64,
    /// Minimum distance between two takeoff positions, metres. Default 0.4.
    pub takeoff_spacing_m: f64,
}

impl Limits {
    /// Skybrush's defaults.
    pub const DEFAULT: Limits = Limits {
        min_distance_m: 3.0,
        max_speed_xy_m_s: 8.0,
        max_speed_up_m_s: 2.0,
        max_speed_down_m_s: 2.0,
        max_accel_m_s2: 4.0,
        max_altitude_m: 150.0,
        min_nav_altitude_m: 2.5,
        battery_s: 1200.0,
        takeoff_spacing_m: 0.4,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// Clearance kept above the minimum distance for the written files' rounding, metres: the
/// per-drone CSV and VVIZ round each coordinate to the millimetre, which moves a distance
/// by up to √3 mm (the `.skyc`'s 0.1 mm by a tenth of that).
pub const ROUNDING_MARGIN_M: f64 = 0.002;

/// Points closer than the minimum distance by at most this much are taken as given (a 3 m
/// grid written with 4 decimals is 2.99996 m apart), metres.
pub const INPUT_SLACK_M: f64 = 0.001;

/// The spacing a picture keeps above the minimum distance, metres: the written files'
/// rounding ([`ROUNDING_MARGIN_M`]) plus a millimetre for each of two neighbours' curves to
/// stray from a moving picture's design. A picture spaced closer (within
/// [`INPUT_SLACK_M`] of the minimum distance, or exactly at it) is spread by the few
/// hundredths of a percent that give it this margin.
pub const SPACING_MARGIN_M: f64 = 0.004;
