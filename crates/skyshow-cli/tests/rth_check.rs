//! `check` re-flies a `.skyc`'s return-to-home plans with the validator: two drones that
//! meet on their way home are a violation (exit 1); plans that keep apart pass.

mod common;

use common::{run, stderr, write};

/// Two drones hovering 20 m apart at 30 m from 20 s to 60 s; their return entries at 10 s
/// fly each to `targets[i]` in 8 s, then land.
fn show_json(targets: [[f64; 3]; 2]) -> String {
    let drone = |i: usize, x: f64| {
        let [tx, ty, tz] = targets[i];
        format!(
            r#"{{"type":"generic","settings":{{"name":"Drone {n}","home":[{x},0,0],
            "trajectory":{{"version":1,"points":[[0,[{x},0,0],[]],[20,[{x},0,30],[]],[60,[{x},0,30],[]],[80,[{x},0,0],[]]]}},
            "lights":{{"version":1,"data":"AA=="}},
            "rthPlan":{{"landingSpeed":2,"entries":[
              {{"time":0,"action":"land","target":[{x},0,0]}},
              {{"time":10,"action":"goToStraight","target":[{tx},{ty},{tz}],"duration":8}}]}}}}}}"#,
            n = i + 1
        )
    };
    format!(
        r#"{{"version":1,"settings":{{"validation":{{"minDistance":3}}}},"swarm":{{"drones":[{},{}]}}}}"#,
        drone(0, 0.0),
        drone(1, 20.0)
    )
}

#[test]
fn check_flags_returns_that_cross_and_passes_returns_that_keep_apart() {
    let dir = tempfile::tempdir().unwrap();
    // Each flies to the other's side at the same altitude: they meet halfway.
    let bad = write(
        dir.path(),
        "bad.json",
        show_json([[20.0, 0.0, 30.0], [0.0, 0.0, 30.0]]),
    );
    let o = run(&["check", bad.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let r = common::json(&o);
    let kinds: Vec<&str> = r["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"rth_min_distance"), "{kinds:?}");
    let e = &r["emergency"];
    assert_eq!(e["entries"], 2);
    assert!(e["min_distance_m"].as_f64().unwrap() < 3.0, "{e}");
    let c = &e["conflicts"][0];
    assert_eq!(c["entry_s"], 10.0);
    assert!(c["distance_m"].as_f64().unwrap() < 1.0, "{c}");

    // Each flies home beside itself: no conflict, exit 0.
    let good = write(
        dir.path(),
        "good.json",
        show_json([[0.0, 5.0, 12.0], [20.0, 5.0, 12.0]]),
    );
    let o = run(&["check", good.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = common::json(&o);
    let e = &r["emergency"];
    assert!(e["min_distance_m"].as_f64().unwrap() >= 3.0, "{e}");
    assert_eq!(e["conflicts"].as_array().unwrap().len(), 0);
    // Two drones side by side on a horizontal line: landing in place is safe throughout.
    let safe = e["land_in_place_safe_s"].as_array().unwrap();
    assert_eq!(safe.len(), 1, "{e}");
}
