//! The emergency return end to end: `build` writes an `rthPlan` for every drone at every
//! whole second, the validator (the oracle, not the build's own check) re-flies triggers
//! between whole seconds and finds what the build reported, `report.json` has `emergency`,
//! and `check` flies the plan of any `.skyc` (a crossing plan is exit 1 with `rth_conflict`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use skyshow_model::{Drone, FlightShow, Limits, Segment, Trajectory};
use skyshow_skyc::{ReadOptions, read_skyc};
use skyshow_validate::{ValidateOptions, ViolationKind, validate};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("SKYSHOW_LANG", "en")
        .args(args)
        .output()
        .expect("run skyshow")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// Sixteen drones: a vertical picture (a line standing up, drones above each other), then
/// a flat ring, then a tilted line: landing in place is unsafe from the first and safe from
/// the second.
const SHOW: &str = r#"title = "emergency"
[fleet]
drones = 16
[fleet.grid]
rows = 4
columns = 4
spacing_m = 3
[emergency]
plan = true
[[chapter]]
name = "one"
[[chapter.formation]]
name = "column"
hold = 8
shape = "line"
length_m = 60
roll_deg = 90
center = [0, 0, 45]
color = "white"
[[chapter.formation]]
name = "ring"
hold = 8
shape = "circle"
radius_m = 20
center = [0, 0, 30]
tilt_deg = 90
color = "red"
"#;

/// The return flights of every drone after a trigger at `tau`, as trajectories the
/// validator checks.
fn returns_at(show: &FlightShow, plans: &[Option<skyshow_model::RthPlan>], tau: f64) -> FlightShow {
    let drones = show
        .drones
        .iter()
        .zip(plans)
        .map(|(d, p)| {
            let p = p.as_ref().expect("every drone has a plan");
            let start = d.trajectory.position(tau);
            let legs = p.flight(p.entry_for_trigger(tau), start, tau);
            let mut tr = Trajectory::new(start);
            for l in legs.iter().filter(|l| l.t1 > l.t0) {
                tr.push(Segment::line(l.t0, l.t1, l.from, l.to));
            }
            Drone {
                name: d.name.clone(),
                home: d.home,
                trajectory: tr,
                lights: Default::default(),
            }
        })
        .collect();
    FlightShow {
        drones,
        ..Default::default()
    }
}

#[test]
fn every_second_has_a_return_and_the_validator_agrees_with_its_check() {
    let dir = tempfile::tempdir().unwrap();
    let show = write(dir.path(), "show.toml", SHOW);
    let out = dir.path().join("out");
    let o = run(&["build", show.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{err}");
    assert!(err.contains("emergency return:"), "{err}");
    let bytes = std::fs::read(out.join("show.skyc")).unwrap();
    let file = read_skyc(&bytes, &ReadOptions::default()).unwrap();
    assert!(file.findings.is_empty(), "{:?}", file.findings);
    let plans = &file.rth_plans;
    assert_eq!(plans.len(), 16);
    let end = file.show.duration_s();
    let times: Vec<f64> = plans[0]
        .as_ref()
        .unwrap()
        .entries
        .iter()
        .map(|e| e.time_s)
        .collect();
    assert_eq!(
        times.len(),
        end.ceil() as usize + 1,
        "one entry per whole second"
    );
    for (k, t) in times.iter().enumerate() {
        assert_eq!(*t, k as f64);
    }
    for p in plans {
        let p = p.as_ref().unwrap();
        assert!(p.landing_speed_m_s > 0.0);
        let own: Vec<f64> = p.entries.iter().map(|e| e.time_s).collect();
        assert_eq!(own, times, "the same entry times for every drone");
    }
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    let conflicts = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["kind"] == "rth_conflict")
        .count();
    assert_eq!(
        report["emergency"]["conflicts"].as_u64(),
        Some(conflicts as u64)
    );
    assert_eq!(o.status.code(), Some(i32::from(conflicts > 0)));
    // The oracle: the validator flies every drone's return after triggers at the moments
    // the build checked (each second's quarters) and measures in continuous time; its
    // closest approach is the build's own figure (no pair closer than the build says).
    let limits = Limits::DEFAULT;
    let mut closest = f64::INFINITY;
    let mut flown = 0;
    for k in 0..times.len() {
        for q in [0.0, 0.25, 0.5, 0.75] {
            let tau = k as f64 - q;
            if tau < 0.0 {
                continue;
            }
            let returns = returns_at(&file.show, plans, tau);
            let opts = ValidateOptions {
                max_violations: 100_000,
                ..ValidateOptions::default()
            };
            let v = validate(&returns, &limits, &opts);
            for x in v
                .violations
                .iter()
                .filter(|x| x.kind == ViolationKind::MinDistance)
            {
                closest = closest.min(x.value);
            }
            flown += 1;
        }
    }
    assert!(flown > 300);
    let reported = report["emergency"]["min_distance_m"]
        .as_f64()
        .unwrap_or(f64::INFINITY);
    if closest < limits.min_distance_m {
        assert!(
            (closest - reported).abs() < 0.01,
            "validator {closest} m, build {reported} m"
        );
    } else {
        assert_eq!(conflicts, 0, "the validator finds no conflict");
    }
    let e = &report["emergency"];
    assert_eq!(e["entries"].as_u64(), Some(times.len() as u64));
    assert_eq!(e["interval_s"].as_f64(), Some(1.0));
    assert!(e["worst_duration_s"].as_f64().unwrap() > 0.0);
    // Landing in place: safe on the ground at the start, not while the column stands.
    let safe: Vec<(f64, f64)> = e["land_in_place_safe_s"]
        .as_array()
        .unwrap()
        .iter()
        .map(|iv| (iv[0].as_f64().unwrap(), iv[1].as_f64().unwrap()))
        .collect();
    assert!(safe.first().is_some_and(|s| s.0 == 0.0), "{safe:?}");
    let column = report["formations"][0]["start_s"].as_f64().unwrap() + 1.0;
    assert!(
        safe.iter().all(|&(a, b)| column < a || column > b),
        "the vertical column is not safe to land in place: {safe:?}"
    );
    // `check` reads the plan back and flies it again: the same verdict.
    let o2 = run(&["check", out.join("show.skyc").to_str().unwrap(), "--json"]);
    assert_eq!(
        o2.status.code(),
        o.status.code(),
        "{}",
        String::from_utf8_lossy(&o2.stderr)
    );
    let o = o2;
    let checked: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(checked["emergency"]["entries"], e["entries"]);
    assert_eq!(checked["emergency"]["conflicts"], e["conflicts"]);
    assert!(checked["emergency"]["triggers_checked"].as_u64().unwrap() > times.len() as u64);
    // meta.segments: takeoff, show, landing, back to back.
    let segments = &file_json(&bytes)["meta"]["segments"];
    assert_eq!(segments["takeoff"][1], segments["show"][0]);
    assert_eq!(segments["show"][1], segments["landing"][0]);
}

fn file_json(skyc: &[u8]) -> serde_json::Value {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(skyc)).unwrap();
    let f = zip.by_name("show.json").unwrap();
    serde_json::from_reader(f).unwrap()
}

#[test]
fn check_flags_a_return_plan_whose_drones_cross() {
    // Two drones hovering 12 m apart whose plans cross each other's way at the same time.
    let drone = |name: &str, x: f64, target: [f64; 2]| {
        format!(
            r#"{{"type": "generic", "settings": {{"name": "{name}", "home": [{x}, 0, 0],
              "trajectory": {{"version": 1, "points": [[0, [{x}, 0, 0], []], [10, [{x}, 0, 20], []], [20, [{x}, 0, 20], []], [30, [{x}, 0, 0], []]]}},
              "rthPlan": {{"landingSpeed": 1.5, "entries": [
                {{"time": 15, "action": "goToStraight", "target": [{}, {}, 20], "duration": 6, "preDelay": 0, "postDelay": 0}}]}}}}}}"#,
            target[0], target[1]
        )
    };
    let json = format!(
        r#"{{"version": 1, "swarm": {{"drones": [{}, {}]}}}}"#,
        drone("A", 0.0, [12.0, -8.0]),
        drone("B", 12.0, [0.0, -8.0])
    );
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "show.json", &json);
    let o = run(&["check", f.to_str().unwrap(), "--json"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let v = r["violations"].as_array().unwrap();
    let rth: Vec<_> = v.iter().filter(|x| x["kind"] == "rth_conflict").collect();
    assert!(!rth.is_empty(), "{v:?}");
    assert!(rth[0]["value"].as_f64().unwrap() < 1.0);
    assert!(
        rth[0]["time_s"].as_f64().unwrap() > 14.0 && rth[0]["time_s"].as_f64().unwrap() <= 15.0
    );
    assert_eq!(r["emergency"]["entries"], 1);
    assert!(r["emergency"]["conflicts"].as_u64().unwrap() >= 1);
}
