//! `skyshow formation` on a moving formation spec: the motion checked against the limits'
//! flags, its figures printed (and as JSON), and `-o x.zip` the flown motion as a Skybrush
//! CSV zip, read back and checked against the motion's closed form.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output};

mod common;

/// A 20 m ring standing in the audience's view, turning once about the vertical through
/// its centre over its 40 s hold with the default smooth easing.
const SPIN: &str = r#"name = "spin"
shape = "circle"
radius_m = 20
center = [0, 0, 40]
color = "red"
hold = 40
[[chapter.formation.motion]]
kind = "rotate"
axis = "up"
turns = 1
"#;

fn skyshow(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .current_dir(dir)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("SKYSHOW_LANG")
        .args(args)
        .output()
        .unwrap()
}

fn ok(o: &Output) {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// One drone's rows: time (ms) → position and colour.
type Rows = BTreeMap<i64, ([f64; 3], [u8; 3])>;

/// Every `Drone N.csv` of the zip, by N.
fn read_zip(path: &Path) -> BTreeMap<usize, Rows> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    for k in 0..z.len() {
        let mut f = z.by_index(k).unwrap();
        let name = f.name().unwrap().to_string();
        let n: usize = name
            .strip_prefix("Drone ")
            .and_then(|s| s.strip_suffix(".csv"))
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("unexpected file `{name}`"));
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("Time_msec,x_m,y_m,z_m,Red,Green,Blue"));
        let rows = lines
            .map(|l| {
                let v: Vec<&str> = l.split(',').collect();
                assert_eq!(v.len(), 7, "{l}");
                let p = [1, 2, 3].map(|i| v[i].parse::<f64>().unwrap());
                let c = [4, 5, 6].map(|i| v[i].parse::<u8>().unwrap());
                (v[0].parse::<i64>().unwrap(), (p, c))
            })
            .collect();
        out.insert(n, rows);
    }
    out
}

/// `p` turned by `turns` about the vertical through `centre` (right-handed: counter-clockwise
/// seen from above).
fn turned(p: [f64; 3], centre: [f64; 2], turns: f64) -> [f64; 3] {
    let (s, c) = (turns * std::f64::consts::TAU).sin_cos();
    let (x, y) = (p[0] - centre[0], p[1] - centre[1]);
    [centre[0] + c * x - s * y, centre[1] + s * x + c * y, p[2]]
}

fn dist(a: [f64; 3], b: [f64; 3]) -> f64 {
    (0..3).map(|k| (a[k] - b[k]).powi(2)).sum::<f64>().sqrt()
}

#[test]
fn a_turning_ring_is_written_as_a_skybrush_zip_that_follows_the_turn() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spin.toml"), SPIN).unwrap();
    let o = skyshow(
        dir.path(),
        &["formation", "spin.toml", "--drones", "24", "-o", "spin.zip"],
    );
    ok(&o);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("spin (rotate): 4.71 m/s horizontal"),
        "the motion's figures are printed: {err}"
    );
    let drones = read_zip(&dir.path().join("spin.zip"));
    assert_eq!(
        drones.keys().copied().collect::<Vec<_>>(),
        (1..=24).collect::<Vec<_>>()
    );
    for (n, rows) in &drones {
        // 25 rows a second over the 40 s hold.
        let times: Vec<i64> = rows.keys().copied().collect();
        assert_eq!(
            times,
            (0..=1000).map(|k| k * 40).collect::<Vec<_>>(),
            "drone {n}"
        );
        let (p0, c0) = rows[&0];
        assert_eq!(c0, rows[&20_000].1, "the colour holds");
        assert!(c0[0] > 200 && c0[1] < 60 && c0[2] < 60, "red: {c0:?}");
        // Smooth easing: progress u²(3 − 2u); a quarter of the hold in, 0.15625 turns; half
        // way, half a turn; at the end, back where it started. Within the 5 cm fit
        // tolerance and the CSV's millimetres.
        for (t_ms, turns) in [
            (10_000, 0.156_25),
            (20_000, 0.5),
            (30_000, 0.843_75),
            (40_000, 1.0),
        ] {
            let want = turned(p0, [0.0, 0.0], turns);
            let got = rows[&t_ms].0;
            assert!(
                dist(got, want) < 0.051,
                "drone {n} at {t_ms} ms: {got:?}, want {want:?}"
            );
        }
    }
    // The speeds read off the rows stay within the limit and peak where the closed form
    // says: 3π·R/T = 4.712 m/s half-way through.
    let mut vmax: f64 = 0.0;
    for rows in drones.values() {
        let pts: Vec<[f64; 3]> = rows.values().map(|r| r.0).collect();
        for w in pts.windows(2) {
            vmax = vmax.max(((w[1][0] - w[0][0]).hypot(w[1][1] - w[0][1])) / 0.04);
        }
    }
    assert!((vmax - 4.712).abs() < 0.05, "fastest {vmax} m/s");
}

#[test]
fn json_gives_the_motion_as_report_json_does_and_a_still_spec_has_none() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spin.toml"), SPIN).unwrap();
    let o = skyshow(
        dir.path(),
        &[
            "formation",
            "spin.toml",
            "--drones",
            "24",
            "-o",
            "spin.csv",
            "--json",
        ],
    );
    ok(&o);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let m = &v["motion"];
    assert_eq!(m["kinds"], serde_json::json!(["rotate"]));
    let f = |k: &str| m[k].as_f64().unwrap_or_else(|| panic!("{k} in {m}"));
    assert!((f("max_speed_xy_m_s") - 4.712).abs() < 0.02, "{m}");
    assert!(f("max_speed_up_m_s").abs() < 1e-3 && f("max_speed_down_m_s").abs() < 1e-3);
    assert!(f("fit_error_m") <= 0.05);
    assert!(f("min_distance_m") > 5.0);
    assert_eq!(v["hold_s"], 40.0);
    assert_eq!(v["points"], 24);
    // The CSV is the picture at the start of the hold.
    let csv = std::fs::read_to_string(dir.path().join("spin.csv")).unwrap();
    assert_eq!(csv.lines().count(), 25);
    // A still spec: no `motion`, and its zip holds the picture for a second.
    let still = SPIN
        .split("[[chapter.formation.motion]]")
        .next()
        .unwrap()
        .replace("hold = 40\n", "");
    std::fs::write(dir.path().join("still.toml"), still).unwrap();
    let o = skyshow(
        dir.path(),
        &[
            "formation",
            "still.toml",
            "--drones",
            "24",
            "-o",
            "still.zip",
            "--json",
        ],
    );
    ok(&o);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.get("motion").is_none(), "{v}");
    let drones = read_zip(&dir.path().join("still.zip"));
    assert_eq!(drones.len(), 24);
    for rows in drones.values() {
        let first = rows.values().next().unwrap().0;
        assert!(rows.values().all(|r| dist(r.0, first) < 1e-9));
        assert_eq!(rows.keys().last(), Some(&1000));
    }
}

#[test]
fn a_morph_sequence_spec_is_written_frame_to_frame() {
    let dir = tempfile::tempdir().unwrap();
    // Twelve drones from a 30 m line across the view to a 10 m-radius ring, then back.
    let spec = r#"name = "morph"
shape = "sequence"
center = [0, 0, 40]
hold = 30
[[chapter.formation.frame]]
at = 0
shape = "line"
length_m = 44
[[chapter.formation.frame]]
at = 15
shape = "circle"
radius_m = 10
[[chapter.formation.frame]]
at = 30
shape = "line"
length_m = 44
"#;
    std::fs::write(dir.path().join("m.toml"), spec).unwrap();
    let o = skyshow(
        dir.path(),
        &[
            "formation",
            "m.toml",
            "--drones",
            "12",
            "-o",
            "m.zip",
            "--fps",
            "10",
        ],
    );
    ok(&o);
    let drones = read_zip(&dir.path().join("m.zip"));
    assert_eq!(drones.len(), 12);
    for rows in drones.values() {
        assert_eq!(rows.len(), 301, "10 rows a second over 30 s");
        // Half-way every drone is on the ring (its frame is complete at 15 s).
        let p = rows[&15_000].0;
        let r = dist(p, [0.0, 0.0, 40.0]);
        assert!(
            (r - 10.0).abs() < 0.06,
            "on the ring at 15 s: {p:?} (r = {r})"
        );
        // At the ends, on the line (at the centre's height).
        assert!((rows[&0].0[2] - 40.0).abs() < 0.06);
        assert!((rows[&30_000].0[2] - 40.0).abs() < 0.06);
    }
}

#[test]
fn a_motion_beyond_the_limits_or_without_a_hold_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spin.toml"), SPIN).unwrap();
    // The turn needs 4.71 m/s: refused under a 3 m/s horizontal limit, with a fix.
    let args = [
        "formation",
        "spin.toml",
        "--drones",
        "24",
        "-o",
        "s.zip",
        "--max-speed-xy",
        "3",
    ];
    let o = skyshow(dir.path(), &args);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("4.71 m/s") && err.contains("3 m/s limit"),
        "{err}"
    );
    assert!(err.contains("at most 0.62 turns"), "{err}");
    assert!(!dir.path().join("s.zip").exists(), "nothing written");
    let zh = skyshow(dir.path(), &[&["--lang", "zh"][..], &args].concat());
    common::same_refusal_in_chinese(
        "turn beyond the limit",
        &err,
        &String::from_utf8_lossy(&zh.stderr),
    );
    // Without a hold the motion has no time to play in.
    std::fs::write(
        dir.path().join("nohold.toml"),
        SPIN.replace("hold = 40\n", ""),
    )
    .unwrap();
    let o = skyshow(
        dir.path(),
        &["formation", "nohold.toml", "--drones", "24", "-o", "s.zip"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("`spin` moves") && err.contains("hold = 20"),
        "{err}"
    );
    // Chinese.
    let o = Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .current_dir(dir.path())
        .args([
            "--lang",
            "zh",
            "formation",
            "nohold.toml",
            "--drones",
            "24",
            "-o",
            "s.zip",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("保持时间"));
    // A rate out of range.
    let o = skyshow(
        dir.path(),
        &[
            "formation",
            "spin.toml",
            "--drones",
            "24",
            "-o",
            "s.zip",
            "--fps",
            "0",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("`--fps 0` is out of range"));
}
