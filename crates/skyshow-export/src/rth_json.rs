//! `settings.rthPlan`: a drone's return-to-home plan as Skybrush Live reads it (entry times
//! whole seconds, the same for every drone; fields at their defaults left out to keep the
//! document small: `preDelay`, `postDelay`, `preNeckDuration` default to 0; whole numbers
//! written without a fraction, the rest as the shortest decimal that reads back to the
//! rounded value).

use serde_json::{Map, Value, json};
use skyshow_model::{RthAction, RthEntry, RthPlan, Vec3};

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
    json!({
        "landingSpeed": num(p.landing_speed_m_s, TIME_DECIMALS),
        "landingAltitude": num(p.landing_altitude_m, COORD_DECIMALS),
        "entries": p.entries.iter().map(entry_json).collect::<Vec<_>>(),
    })
}

/// One entry of a plan.
fn entry_json(e: &RthEntry) -> Value {
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
}

/// The most bytes the `rthPlan`s of `drones` drones with `entries` entries each take in
/// `show.json` (the key, its object and the separators included), when every target lies
/// within `extent_m` of the origin on each axis and every time, duration and delay is below
/// `max_s` seconds; for the plans `skyshow_plan` makes (a straight move with a departure
/// delay, or a landing; no `postDelay` or `preNeckDuration`). The longest number of each
/// kind is written once and measured, so the bound follows the writer's own format.
pub fn rth_plans_max_bytes(drones: usize, entries: usize, extent_m: f64, max_s: f64) -> u64 {
    // The longest numbers below the bounds: all nines, negative, every decimal used.
    let nines = |x: f64, decimals: i32| {
        let digits = x.abs().max(1.0).log10().floor() as i32 + 1;
        -(10f64.powi(digits) - 10f64.powi(-decimals))
    };
    let coord = nines(extent_m, COORD_DECIMALS);
    let secs = -nines(max_s, TIME_DECIMALS);
    let entry = RthEntry {
        time_s: secs.floor(),
        action: RthAction::GoToStraight,
        target: Vec3::new(coord, coord, coord),
        duration_s: secs,
        pre_delay_s: secs,
        post_delay_s: 0.0,
        pre_neck_s: 0.0,
    };
    let len = |v: &Value| serde_json::to_vec(v).map_or(0, |b| b.len()) as u64;
    let per_entry = len(&entry_json(&entry)) + 1;
    let plan = RthPlan {
        landing_speed_m_s: secs,
        landing_altitude_m: coord,
        entries: Vec::new(),
    };
    let per_drone = len(&rth_json(&plan)) + r#","rthPlan":"#.len() as u64;
    drones as u64 * (per_drone + entries as u64 * per_entry)
}

/// The interval between entries, whole seconds: `requested`, or the shortest longer one
/// whose plans fit in `budget` bytes ([`rth_plans_max_bytes`] for a flight of `flight_s`
/// seconds, entries from 0), at most the flight's length (one entry).
pub fn rth_interval_s(
    drones: usize,
    flight_s: f64,
    requested: u32,
    extent_m: f64,
    max_s: f64,
    budget: u64,
) -> u32 {
    let entries = |k: u32| (flight_s / f64::from(k)).ceil().max(1.0) as usize;
    let fits = |k: u32| rth_plans_max_bytes(drones, entries(k), extent_m, max_s) <= budget;
    let last = (flight_s.ceil() as u32).max(requested).max(1);
    (requested.max(1)..=last).find(|&k| fits(k)).unwrap_or(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bound holds for plans whose numbers are as long as the bounds let them be (every
    /// decimal used, negative), and is not far above them.
    #[test]
    fn plans_never_take_more_than_the_bound() {
        let mut seed = 0x9e37_79b9_u64;
        let mut unit = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        for (extent, max_s) in [(150.0, 900.0), (999.0, 99.0), (9_000.0, 5_000.0)] {
            let drones = 7;
            let entries = 40;
            let mut written = 0u64;
            for _ in 0..drones {
                let c = |u: f64| -(u * extent * 1e4).floor() / 1e4 - 0.000_07;
                let plan = RthPlan {
                    landing_speed_m_s: 1.8,
                    landing_altitude_m: c(unit()),
                    entries: (0..entries)
                        .map(|k| RthEntry {
                            time_s: (max_s * k as f64 / entries as f64).floor(),
                            action: if k % 5 == 0 {
                                RthAction::Land
                            } else {
                                RthAction::GoToStraight
                            },
                            target: Vec3::new(c(unit()), c(unit()), c(unit())),
                            duration_s: max_s * unit() - 0.000_3,
                            pre_delay_s: max_s * unit() - 0.000_3,
                            post_delay_s: 0.0,
                            pre_neck_s: 0.0,
                        })
                        .collect(),
                };
                written += serde_json::to_vec(&rth_json(&plan)).unwrap().len() as u64
                    + r#","rthPlan":"#.len() as u64;
            }
            let bound = rth_plans_max_bytes(drones, entries, extent, max_s);
            assert!(written <= bound, "{written} > {bound}");
            assert!(written * 10 >= bound * 7, "{written} ≪ {bound}");
        }
    }

    #[test]
    fn the_interval_grows_until_the_plans_fit() {
        let one = rth_plans_max_bytes(600, 900, 150.0, 3600.0);
        assert_eq!(rth_interval_s(600, 900.0, 1, 150.0, 3600.0, one), 1);
        assert_eq!(rth_interval_s(600, 900.0, 3, 150.0, 3600.0, one), 3);
        // A quarter of the room: entries every 4 s, or 5 s as each drone's plan has its
        // own few bytes besides its entries; the shortest interval that fits.
        let k = rth_interval_s(600, 900.0, 1, 150.0, 3600.0, one / 4);
        assert!(k == 4 || k == 5, "{k}");
        let bytes = |k: usize| rth_plans_max_bytes(600, 900usize.div_ceil(k), 150.0, 3600.0);
        assert!(bytes(k as usize) <= one / 4);
        assert!(bytes(k as usize - 1) > one / 4);
        // Nothing fits: one entry for the whole flight.
        assert_eq!(rth_interval_s(600, 900.0, 1, 150.0, 3600.0, 10), 900);
    }
}
