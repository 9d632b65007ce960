//! `MotionRow`: a moving formation's figures in `report.json` (`formations[].motion`).

use serde_json::{Value, json};

use crate::json::num;

/// What a moving formation asks of the drones during its hold, and how closely the flown
/// curves follow the design. Absent for still formations.
#[derive(Clone, Debug, PartialEq)]
pub struct MotionRow {
    /// What moves it, in order: `rotate`, `move`, `scale`, `morph`, `animation`.
    pub kinds: Vec<String>,
    /// Fastest horizontal speed of the flown curves, m/s.
    pub max_speed_xy_m_s: f64,
    /// Fastest climb of the flown curves, m/s.
    pub max_speed_up_m_s: f64,
    /// Fastest descent of the flown curves, m/s (positive).
    pub max_speed_down_m_s: f64,
    /// Largest acceleration of the flown curves, m/s².
    pub max_accel_m_s2: f64,
    /// Smallest distance between two of its drones over the motion, metres.
    pub min_distance_m: f64,
    /// Largest distance between the flown curves and the designed motion, metres.
    pub fit_error_m: f64,
    /// Highest point over the motion, metres.
    pub max_altitude_m: f64,
    /// Lowest point over the motion, metres.
    pub min_altitude_m: f64,
    /// Bézier segments per drone, on average.
    pub segments_per_drone: f64,
    /// When anything first and last moves, seconds from the start of the hold.
    pub moving_s: (f64, f64),
    /// The ramps given to linear motions: the motion's number in the show file (from 1)
    /// and the length of each of its two ramps, seconds.
    pub ramps: Vec<(usize, f64)>,
    /// An animation's playback speed and the length of its ramps, seconds.
    pub playback: Option<(f64, f64)>,
}

impl MotionRow {
    /// The JSON object (`report.json`'s `formations[].motion`).
    pub fn to_json(&self) -> Value {
        let mut v = json!({
            "kinds": self.kinds,
            "max_speed_xy_m_s": num(self.max_speed_xy_m_s, 3),
            "max_speed_up_m_s": num(self.max_speed_up_m_s, 3),
            "max_speed_down_m_s": num(self.max_speed_down_m_s, 3),
            "max_accel_m_s2": num(self.max_accel_m_s2, 3),
            "min_distance_m": num(self.min_distance_m, 4),
            "fit_error_m": num(self.fit_error_m, 4),
            "max_altitude_m": num(self.max_altitude_m, 3),
            "min_altitude_m": num(self.min_altitude_m, 3),
            "segments_per_drone": num(self.segments_per_drone, 2),
            "moving_s": [num(self.moving_s.0, 3), num(self.moving_s.1, 3)],
            "ramps": self.ramps.iter().map(|(m, r)| json!({"motion": m, "ramp_s": num(*r, 3)})).collect::<Vec<_>>(),
        });
        if let (Some((speed, ramp)), Some(map)) = (self.playback, v.as_object_mut()) {
            map.insert("playback_speed".into(), num(speed, 4));
            map.insert("playback_ramp_s".into(), num(ramp, 3));
        }
        v
    }
}
