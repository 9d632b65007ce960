//! The festival example builds, validates, and an independent reader agrees with the report.

#![allow(clippy::print_stderr)] // tests say why they skip and print their figures

use std::path::Path;
use std::process::Command;

#[test]
fn example_builds_valid_and_independent_reader_agrees() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("eryueer");
    let o = Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .args([
            "build",
            repo.join("examples/eryueer/show.toml").to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    assert_eq!(report["show"]["drones"], 600);
    let dur = report["show"]["duration_s"].as_f64().unwrap();
    assert!((14.0 * 60.0..=18.0 * 60.0).contains(&dur), "duration {dur}");
    assert_eq!(report["violations"].as_array().unwrap().len(), 0);
    assert!(report["formations"].as_array().unwrap().len() >= 10);
    let chapters: std::collections::BTreeSet<String> = report["formations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["chapter"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(chapters.len(), 4);
    let max_light = report["measured"]["max_light_program_bytes"]
        .as_u64()
        .unwrap();
    assert!(
        max_light < 16 * 1024,
        "largest light program {max_light} bytes"
    );

    // The music travels in the .skyc as media.audio, byte for byte.
    let skyc = std::fs::File::open(out.join("show.skyc")).unwrap();
    let mut zip = zip::ZipArchive::new(skyc).unwrap();
    let show: serde_json::Value = {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("show.json").unwrap(), &mut s).unwrap();
        serde_json::from_str(&s).unwrap()
    };
    let audio = &show["media"]["audio"];
    assert_eq!(audio["mediaType"], "audio/wav");
    assert_eq!(audio["data"]["$ref"], "./assets/theme.wav");
    let mut carried = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("assets/theme.wav").unwrap(), &mut carried)
        .unwrap();
    assert_eq!(
        carried,
        std::fs::read(repo.join("examples/eryueer/music/theme.wav")).unwrap()
    );

    // The ground station gets a geofence (the show's extent as the inclusion polygon, the
    // audience's no-fly zone) and the takeoff, show and landing segments.
    let g = &show["settings"]["geofence"];
    assert_eq!(g["version"], 1);
    assert_eq!(g["action"], "return");
    let polys = g["polygons"].as_array().unwrap();
    assert_eq!(polys[0]["isInclusion"], true);
    assert!(polys[1..].iter().any(|p| p["isInclusion"] == false), "{g}");
    let seg = &show["meta"]["segments"];
    for k in ["takeoff", "show", "landing"] {
        let s = seg[k].as_array().unwrap();
        assert!(s[0].as_f64().unwrap() < s[1].as_f64().unwrap(), "{seg}");
    }
    // Every export passes `check` at the show's limits: the .skyc, the CSV zip and the VVIZ.
    for file in ["show.skyc", "drones_csv.zip", "show.vviz"] {
        let c = Command::new(env!("CARGO_BIN_EXE_skyshow"))
            .args(["check", out.join(file).to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(
            c.status.code(),
            Some(0),
            "{file}: {}",
            String::from_utf8_lossy(&c.stderr)
        );
    }

    let script = repo.join("scripts/independent_check.py");
    let probe = Command::new("python3")
        .args(["-c", "import numpy, scipy"])
        .output();
    if !matches!(probe, Ok(ref p) if p.status.success()) {
        eprintln!("skipped the independent reader: python3 with numpy and scipy is not available");
        return;
    }
    let c = Command::new("python3")
        .arg(&script)
        .arg(out.join("show.skyc"))
        .arg("--report")
        .arg(out.join("report.json"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&c.stdout);
    assert!(
        c.status.success(),
        "independent reader disagrees:\n{text}\n{}",
        String::from_utf8_lossy(&c.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["drones"], 600);
    assert!(v["min_distance_m"].as_f64().unwrap() >= 3.0 - 1e-6, "{v}");
    assert!(v["max_speed_xy_m_s"].as_f64().unwrap() <= 8.0 + 1e-9, "{v}");
    assert!(v["max_speed_up_m_s"].as_f64().unwrap() <= 2.0 + 1e-9, "{v}");
    assert!(
        v["max_speed_down_m_s"].as_f64().unwrap() <= 2.0 + 1e-9,
        "{v}"
    );
    assert!(v["max_accel_m_s2"].as_f64().unwrap() <= 4.0 + 1e-9, "{v}");
    assert!(v["max_altitude_m"].as_f64().unwrap() <= 150.0, "{v}");
    assert_eq!(v["lights_valid"], true);
    assert!(
        v["lights_end_s"].as_f64().unwrap() >= dur,
        "light programs cover the show"
    );
}
