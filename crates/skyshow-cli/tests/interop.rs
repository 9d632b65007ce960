//! Interop: Skybrush CSV shows (per-drone ZIP and static markers) are checked, rendered and
//! previewed like a `.skyc`; `build` writes a VVIZ file that reads back to the same flight
//! as the per-drone CSV export (an independent writer sampling the same trajectories).

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output};

const SHOW: &str = r#"title = "interop"
[fleet]
drones = 16
[fleet.grid]
rows = 4
columns = 4
spacing_m = 3
[[chapter]]
name = "one"
[[chapter.formation]]
name = "ring"
hold = 6
shape = "circle"
radius_m = 20
center = [0, 0, 30]
color = "red"
[[chapter.formation]]
name = "line"
hold = 6
shape = "line"
length_m = 60
center = [0, 10, 40]
color = "blue"
"#;

fn skyshow(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .args(args)
        .output()
        .unwrap()
}

fn built(dir: &Path) -> std::path::PathBuf {
    let f = dir.join("show.toml");
    std::fs::write(&f, SHOW).unwrap();
    let out = dir.join("out");
    let o = skyshow(&["build", f.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)))
}

/// Timed positions: (time s, [x, y, z]).
type Track = Vec<(f64, [f64; 3])>;

/// Per drone: its name and the rows of the CSV export.
fn csv_tracks(zip_path: &Path) -> Vec<(String, Track)> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(zip_path).unwrap()).unwrap();
    let mut out = Vec::new();
    for i in 0..z.len() {
        let mut m = z.by_index(i).unwrap();
        let name = m.name().unwrap().trim_end_matches(".csv").to_string();
        let mut s = String::new();
        m.read_to_string(&mut s).unwrap();
        let rows = s
            .lines()
            .skip(1)
            .map(|l| {
                let c: Vec<f64> = l.split(',').map(|v| v.parse().unwrap()).collect();
                (c[0] / 1000.0, [c[1], c[2], c[3]])
            })
            .collect();
        out.push((name, rows));
    }
    out.sort_by_key(|(n, _)| n.trim_start_matches("Drone ").parse::<u32>().unwrap_or(0));
    out
}

#[test]
fn per_drone_csv_zip_is_checked_rendered_and_previewed() {
    let dir = tempfile::tempdir().unwrap();
    let out = built(dir.path());
    let zip = out.join("drones_csv.zip");
    let zs = zip.to_str().unwrap();
    let from_skyc = json(&skyshow(&[
        "check",
        out.join("show.skyc").to_str().unwrap(),
        "--json",
    ]));
    let o = skyshow(&["check", zs, "--json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let from_csv = json(&o);
    assert_eq!(from_csv["show"]["drones"], 16);
    assert_eq!(from_csv["show"]["title"], "drones_csv.zip");
    let d = |v: &serde_json::Value, k: &str| v["show"][k].as_f64().unwrap();
    assert!((d(&from_csv, "duration_s") - d(&from_skyc, "duration_s")).abs() <= 0.25);
    // The CSV is the flight sampled at 4 fps (to the millimetre), checked as Skybrush
    // checks samples (finite differences): its figures are those of the .skyc within what
    // the sampling can tell.
    for (k, tol) in [
        ("min_distance_m", 0.05),
        ("max_altitude_m", 0.05),
        ("max_speed_xy_m_s", 0.1),
        ("max_speed_up_m_s", 0.05),
        ("max_speed_down_m_s", 0.05),
        ("max_accel_m_s2", 0.25),
    ] {
        let (a, b) = (
            from_csv["measured"][k].as_f64().unwrap(),
            from_skyc["measured"][k].as_f64().unwrap(),
        );
        assert!((a - b).abs() < tol, "{k}: csv {a} skyc {b}");
    }
    assert_eq!(from_csv["violations"].as_array().unwrap().len(), 0);
    let png = dir.path().join("frame.png");
    let o = skyshow(&[
        "render",
        zs,
        "--at",
        "10",
        "-o",
        png.to_str().unwrap(),
        "--width",
        "160",
        "--height",
        "90",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    let o = skyshow(&["preview", zs, "--port", "0", "--stop-after", "0.5"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("serving http://127.0.0.1:"));
}

#[test]
fn static_markers_csv_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("markers.csv");
    std::fs::write(
        &f,
        "Name,x_m,y_m,z_m,Red,Green,Blue\nDrone 1,0,0,20,255,0,0\nDrone 2,1.5,0,20,0,255,0\nDrone 3,10,0,20,0,0,255\n",
    )
    .unwrap();
    let o = skyshow(&["check", f.to_str().unwrap(), "--json"]);
    // 1.5 m apart: closer than the default minimum distance.
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = json(&o);
    assert_eq!(v["show"]["drones"], 3);
    assert!((v["measured"]["min_distance_m"].as_f64().unwrap() - 1.5).abs() < 1e-9);
    std::fs::write(&f, "Name,x_m,y_m,z_m\nDrone 1,0,0,nan\n").unwrap();
    let o = skyshow(&["check", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("line 2: `z_m` is `nan`: numbers must be finite"),
        "{err}"
    );
}

#[test]
fn vviz_reads_back_to_the_csv_flight() {
    let dir = tempfile::tempdir().unwrap();
    let out = built(dir.path());
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("show.vviz")).unwrap()).unwrap();
    assert_eq!(v["version"], "1.0");
    assert_eq!(v["coordinateFrame"], "ogl");
    assert_eq!(v["performanceName"], "interop");
    let rate = v["defaultPositionRate"].as_f64().unwrap();
    let crate_ = v["defaultColorRate"].as_f64().unwrap();
    let tracks = csv_tracks(&out.join("drones_csv.zip"));
    let perf = v["performances"].as_array().unwrap();
    assert_eq!(perf.len(), tracks.len());
    let mut compared = 0;
    for (p, (_, rows)) in perf.iter().zip(&tracks) {
        let a = &p["agentDescription"];
        let mut pos = [
            a["homeX"].as_f64().unwrap(),
            a["homeY"].as_f64().unwrap(),
            a["homeZ"].as_f64().unwrap(),
        ];
        let mut t = 0.0;
        let mut vt = Vec::new();
        for s in a["agentTraversal"].as_array().unwrap() {
            t += s.get("dt").map_or(1.0 / rate, |d| d.as_f64().unwrap());
            for (k, key) in ["dx", "dy", "dz"].iter().enumerate() {
                pos[k] += s[key].as_f64().unwrap();
            }
            vt.push((t, pos));
        }
        // Every CSV row (x, y, z up) matches the VVIZ (X = x, Y = z, Z = -y), sampled or
        // linearly between kept samples where the drone stood still.
        for &(t, [x, y, z]) in rows {
            let i = vt.partition_point(|(s, _)| *s < t - 1e-9).min(vt.len() - 1);
            let q = if (vt[i].0 - t).abs() < 1e-6 {
                vt[i].1
            } else {
                let ((t0, a), (t1, b)) = (vt[i - 1], vt[i]);
                let u = (t - t0) / (t1 - t0);
                [0, 1, 2].map(|c| a[c] + (b[c] - a[c]) * u)
            };
            for (got, want) in q.iter().zip([x, z, -y]) {
                assert!(
                    (got - want).abs() < 2.5e-3,
                    "t={t}: vviz {q:?} csv {:?}",
                    [x, z, -y]
                );
            }
            compared += 1;
        }
        let light = &p["payloadDescription"][0];
        assert_eq!(light["type"], "Light");
        let mut f = 0;
        let colors: Vec<(f64, u64)> = light["payloadActions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                f += c["frames"].as_u64().unwrap();
                (f as f64 / crate_, c["r"].as_u64().unwrap())
            })
            .collect();
        assert!(colors.iter().any(|&(_, r)| r == 255), "the ring is red");
    }
    assert!(compared > 16 * 40);
}

#[test]
fn check_reads_the_vviz_build_writes_and_finds_it_valid() {
    let dir = tempfile::tempdir().unwrap();
    let out = built(dir.path());
    let vviz = out.join("show.vviz");
    let o = skyshow(&["check", vviz.to_str().unwrap(), "--json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let r = json(&o);
    assert_eq!(r["show"]["drones"], 16);
    assert_eq!(r["show"]["title"], "interop");
    assert_eq!(r["violations"].as_array().unwrap().len(), 0, "{r:#}");
    // The same flight as the `.skyc`: the duration within one position sample, and the
    // closest approach within the sampling's chord error.
    let s = json(&skyshow(&[
        "check",
        out.join("show.skyc").to_str().unwrap(),
        "--json",
    ]));
    let (dv, ds) = (
        r["show"]["duration_s"].as_f64().unwrap(),
        s["show"]["duration_s"].as_f64().unwrap(),
    );
    assert!((dv - ds).abs() <= 0.25 + 1e-9, "vviz {dv} s, skyc {ds} s");
    let key = "min_distance_m";
    let (mv, ms) = (
        r["measured"][key].as_f64().unwrap(),
        s["measured"][key].as_f64().unwrap(),
    );
    assert!((mv - ms).abs() < 0.05, "vviz {mv} m, skyc {ms} m");
}

/// A two-drone VVIZ whose drones meet 1 m apart at t = 2 s (ogl: X right, Y up, Z forward).
const CLOSE_VVIZ: &str = r#"{"version": "1.0", "performanceName": "close", "coordinateFrame": "ogl",
"defaultPositionRate": 1, "defaultColorRate": 10, "timeOffsetSecs": 0.0, "performances": [
{"id": 0, "agentDescription": {"homeX": 0.0, "homeY": 0.0, "homeZ": 0.0, "homeH": 0.0,
 "agentTraversal": [{"dt": 0, "dx": 0, "dy": 0, "dz": 0}, {"dx": 0, "dy": 2, "dz": 0},
   {"dx": 0, "dy": 2, "dz": 0}, {"dx": 0, "dy": 2, "dz": 0}, {"dx": 0, "dy": -2, "dz": 0},
   {"dx": 0, "dy": -2, "dz": 0}, {"dx": 0, "dy": -2, "dz": 0}]},
 "payloadDescription": [{"id": 0, "type": "Light", "payloadActions": [{"frames": 0, "r": 255, "g": 0, "b": 0}]}]},
{"id": 1, "agentDescription": {"homeX": 5.0, "homeY": 0.0, "homeZ": 0.0, "homeH": 0.0,
 "agentTraversal": [{"dt": 0, "dx": 0, "dy": 0, "dz": 0}, {"dx": -1, "dy": 2, "dz": 0},
   {"dx": -1, "dy": 2, "dz": 0}, {"dx": -1, "dy": 2, "dz": 0}, {"dx": 1, "dy": -2, "dz": 0},
   {"dx": 1, "dy": -2, "dz": 0}, {"dx": 1, "dy": -2, "dz": 0}]},
 "payloadDescription": [{"id": 0, "type": "Light", "payloadActions": [{"frames": 0, "r": 0, "g": 0, "b": 255}]}]}
]}"#;

#[test]
fn check_finds_drones_too_close_in_a_vviz() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("close.vviz");
    std::fs::write(&f, CLOSE_VVIZ).unwrap();
    let o = skyshow(&[
        "check",
        f.to_str().unwrap(),
        "--json",
        "--min-distance",
        "3",
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let r = json(&o);
    assert_eq!(r["show"]["drones"], 2);
    // Drone 2 runs from x = 5 to x = 2 over 3 s, both at 6 m up: 2 m apart at t = 3 s.
    let d = r["measured"]["min_distance_m"].as_f64().unwrap();
    assert!((d - 2.0).abs() < 1e-3, "closest {d} m");
}

#[test]
fn a_vviz_in_another_frame_is_refused_with_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("yup.vviz");
    std::fs::write(&f, CLOSE_VVIZ.replace("\"ogl\"", "\"enu\"")).unwrap();
    let o = skyshow(&["check", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("coordinateFrame") && err.contains("\"ogl\""),
        "{err}"
    );
}
