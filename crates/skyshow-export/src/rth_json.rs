//! `settings.rthPlan`: a drone's return-to-home plan as Skybrush Live reads it (entry times
//! whole seconds, the same for every drone; fields at their defaults left out to keep the
//! document small: `preDelay`, `postDelay`, `preNeckDuration` default to 0; whole numbers
//! written without a fraction, the rest as the shortest decimal that reads back to the
//! rounded value).

use serde_json::{Map, Value, json};
use skyshow_model::{RthAction, RthPlan};

use crate::json::num;

/// `x` rounded to `decimals` places, as the shortest JSON number: whole numbers without a
/// fraction (`16`, not `16.0`: an entry is written for every drone and second, so each
/// character counts about a million times for a 600-drone, 15-minute show).
fn short(x: f64, decimals: i32) -> Value {
    let v = num(x, decimals);
    match v.as_f64() {
        Some(r) if r.fract() == 0.0 && r.abs() < 1e15 => json!(r as i64),
        _ => v,
    }
}

/// Decimal places of positions (0.1 mm, as the trajectories).
const COORD_DECIMALS: i32 = 4;
/// Decimal places of durations (1 ms).
const TIME_DECIMALS: i32 = 3;

/// The `rthPlan` object of one drone.
pub(crate) fn rth_json(p: &RthPlan) -> Value {
    let entries: Vec<Value> = p
        .entries
        .iter()
        .map(|e| {
            let mut o = Map::new();
            o.insert("time".into(), json!(e.time_s.round() as i64));
            o.insert("action".into(), json!(e.action.as_str()));
            o.insert(
                "target".into(),
                json!([
                    short(e.target.x, COORD_DECIMALS),
                    short(e.target.y, COORD_DECIMALS),
                    short(e.target.z, COORD_DECIMALS)
                ]),
            );
            if e.action != RthAction::Land {
                o.insert("duration".into(), short(e.duration_s, TIME_DECIMALS));
            }
            for (key, v) in [
                ("preDelay", e.pre_delay_s),
                ("postDelay", e.post_delay_s),
                ("preNeckDuration", e.pre_neck_s),
            ] {
                if v != 0.0 {
                    o.insert(key.into(), short(v, TIME_DECIMALS));
                }
            }
            Value::Object(o)
        })
        .collect();
    json!({
        "landingSpeed": num(p.landing_speed_m_s, TIME_DECIMALS),
        "landingAltitude": num(p.landing_altitude_m, COORD_DECIMALS),
        "entries": entries,
    })
}
