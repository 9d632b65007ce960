//! Limits from `settings.validation` (Skybrush Studio's camelCase keys, or the older
//! snake_case ones) mapped onto [`Limits`].

use serde_json::Value;
use skyshow_model::Limits;

/// The limits a `settings.validation` object states, starting from [`Limits::DEFAULT`] for
/// what it does not say, and the keys that were present but not positive numbers (none
/// for a value that is not an object: the caller reports that).
///
/// `maxVelocityZ` sets both climb and descent unless `maxVelocityZUp` sets the climb; our
/// single acceleration limit is the smaller of `maxAccelerationXY` and `maxAccelerationZ`.
pub(crate) fn limits_from(v: &Value) -> (Limits, Vec<String>) {
    let mut l = Limits::DEFAULT;
    let mut bad = Vec::new();
    let Some(obj) = v.as_object() else {
        // Not an object: nothing stated (the reader reports the value itself).
        return (l, bad);
    };
    let mut get = |camel: &str, snake: &str| -> Option<f64> {
        let (key, x) = match (obj.get(camel), obj.get(snake)) {
            (Some(x), _) => (camel, x),
            (None, Some(x)) => (snake, x),
            (None, None) => return None,
        };
        match x.as_f64() {
            Some(n) if n.is_finite() && n > 0.0 => Some(n),
            _ => {
                bad.push(key.to_string());
                None
            }
        }
    };
    if let Some(x) = get("maxAltitude", "max_altitude") {
        l.max_altitude_m = x;
    }
    if let Some(x) = get("maxVelocityXY", "max_velocity_xy") {
        l.max_speed_xy_m_s = x;
    }
    if let Some(x) = get("maxVelocityZ", "max_velocity_z") {
        l.max_speed_up_m_s = x;
        l.max_speed_down_m_s = x;
    }
    if let Some(x) = get("maxVelocityZUp", "max_velocity_z_up") {
        l.max_speed_up_m_s = x;
    }
    let axy = get("maxAccelerationXY", "max_acceleration_xy");
    let az = get("maxAccelerationZ", "max_acceleration_z");
    if let Some(x) = match (axy, az) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    } {
        l.max_accel_m_s2 = x;
    }
    if let Some(x) = get("minDistance", "min_distance") {
        l.min_distance_m = x;
    }
    if let Some(x) = get("minNavAltitude", "min_nav_altitude") {
        l.min_nav_altitude_m = x;
    }
    (l, bad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn both_spellings() {
        let (l, bad) = limits_from(
            &json!({"maxAltitude": 100, "maxVelocityXY": 8, "maxVelocityZ": 3,
            "maxAccelerationXY": 4, "maxAccelerationZ": 2, "minDistance": 5, "minNavAltitude": 2.5, "maxYawRate": 30}),
        );
        assert!(bad.is_empty());
        assert_eq!(
            (
                l.max_altitude_m,
                l.max_speed_up_m_s,
                l.max_speed_down_m_s,
                l.max_accel_m_s2
            ),
            (100.0, 3.0, 3.0, 2.0)
        );
        assert_eq!(l.min_distance_m, 5.0);
        let (l, bad) =
            limits_from(&json!({"max_velocity_z": 2, "max_velocity_z_up": 4, "min_distance": "x"}));
        assert_eq!((l.max_speed_up_m_s, l.max_speed_down_m_s), (4.0, 2.0));
        assert_eq!(bad, vec!["min_distance".to_string()]);
        assert_eq!(l.min_distance_m, 3.0);
    }
}
