//! End-to-end tests of the `skyshow` binary: real runs, real files, exit codes and messages.

#![allow(clippy::print_stderr)] // tests say why they skip and print their figures

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn skyshow() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_skyshow"));
    c.env("NO_COLOR", "1");
    c
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    skyshow().args(args).output().expect("run skyshow")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A minimal valid show; `formations` is appended as the body of one chapter.
fn show_with(formations: &str) -> String {
    format!(
        r#"title = "test"
[fleet]
drones = 16
[fleet.grid]
rows = 4
columns = 4
spacing_m = 3
[[chapter]]
name = "one"
{formations}"#
    )
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

const RING: &str = r#"
[[chapter.formation]]
name = "ring"
hold = 10
shape = "circle"
radius_m = 20
center = [0, 0, 40]
color = "red"

[[chapter.formation]]
name = "line"
hold = 8
shape = "line"
length_m = 60
center = [0, 0, 30]
color = "gold"
"#;

#[test]
fn small_show_builds_valid_and_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let show = write(dir.path(), "show.toml", &show_with(RING));
    let out1 = dir.path().join("a");
    let out2 = dir.path().join("b");
    let o = run(&[
        "build",
        show.to_str().unwrap(),
        "-o",
        out1.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o2 = run(&[
        "build",
        show.to_str().unwrap(),
        "-o",
        out2.to_str().unwrap(),
    ]);
    assert_eq!(o2.status.code(), Some(0), "{}", stderr(&o2));
    let a = std::fs::read(out1.join("show.skyc")).unwrap();
    let b = std::fs::read(out2.join("show.skyc")).unwrap();
    assert!(
        a == b,
        "show.skyc differs between two builds of the same show"
    );
    assert_eq!(
        std::fs::read(out1.join("drones_csv.zip")).unwrap(),
        std::fs::read(out2.join("drones_csv.zip")).unwrap()
    );
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out1.join("report.json")).unwrap()).unwrap();
    for key in [
        "show",
        "limits",
        "measured",
        "violations",
        "formations",
        "transitions",
        "timing_ms",
    ] {
        assert!(report.get(key).is_some(), "report.json lacks `{key}`");
    }
    for key in ["title", "drones", "duration_s"] {
        assert!(report["show"].get(key).is_some(), "show.{key}");
    }
    for key in [
        "min_distance_m",
        "max_speed_xy_m_s",
        "max_speed_up_m_s",
        "max_speed_down_m_s",
        "max_accel_m_s2",
        "max_altitude_m",
        "min_nav_altitude_m",
        "battery_s",
    ] {
        assert!(report["limits"].get(key).is_some(), "limits.{key}");
    }
    for key in [
        "min_distance_m",
        "min_distance_at_s",
        "min_distance_drones",
        "max_speed_xy_m_s",
        "max_speed_up_m_s",
        "max_speed_down_m_s",
        "max_accel_m_s2",
        "max_altitude_m",
        "max_flight_time_s",
    ] {
        assert!(report["measured"].get(key).is_some(), "measured.{key}");
    }
    let f = &report["formations"][0];
    for key in [
        "name",
        "chapter",
        "start_s",
        "end_s",
        "drones_used",
        "min_spacing_m",
        "ideal_spacing_m",
        "max_shape_distance_m",
        "close_lines_share",
    ] {
        assert!(f.get(key).is_some(), "formations[].{key}");
    }
    let t = &report["transitions"][0];
    for key in [
        "from",
        "to",
        "start_s",
        "duration_s",
        "lower_bound_s",
        "min_distance_m",
        "planning_ms",
    ] {
        assert!(t.get(key).is_some(), "transitions[].{key}");
    }
    assert_eq!(report["violations"].as_array().unwrap().len(), 0);
    assert!(report["measured"]["min_distance_m"].as_f64().unwrap() >= 3.0);
    // The line uses all 16 drones; the ring too.
    assert_eq!(report["formations"][1]["drones_used"], 16);
    // A rebuild into the same folder replaces the files and leaves no temporaries behind.
    let o3 = run(&[
        "build",
        show.to_str().unwrap(),
        "-o",
        out1.to_str().unwrap(),
    ]);
    assert_eq!(o3.status.code(), Some(0));
    let leftovers: Vec<_> = std::fs::read_dir(&out1)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    // `check` on our own output agrees it is valid.
    let c = run(&["check", out1.join("show.skyc").to_str().unwrap(), "--json"]);
    assert_eq!(c.status.code(), Some(0), "{}", stderr(&c));
    let cj: serde_json::Value = serde_json::from_slice(&c.stdout).unwrap();
    assert_eq!(cj["violations"].as_array().unwrap().len(), 0);
}

#[test]
fn partial_formations_park_spare_drones_dark() {
    let dir = tempfile::tempdir().unwrap();
    let body = r#"
[[chapter.formation]]
name = "all"
hold = 6
shape = "grid"
width_m = 20
height_m = 20
center = [0, 0, 40]
color = "blue"

[[chapter.formation]]
name = "few"
hold = 6
shape = "circle"
radius_m = 10
count = 5
center = [0, 0, 40]
color = "red"

[[chapter.formation]]
name = "all again"
hold = 6
shape = "grid"
width_m = 20
height_m = 20
center = [0, 0, 40]
color = "green"
"#;
    let show = write(dir.path(), "show.toml", &show_with(body));
    let out = dir.path().join("out");
    let o = run(&["build", show.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    assert_eq!(report["formations"][1]["drones_used"], 5);
    assert_eq!(report["formations"][2]["drones_used"], 16);
    // During "few", exactly 5 drones are lit (red) and 11 are dark: read the CSV export.
    let start = report["formations"][1]["start_s"].as_f64().unwrap();
    let t_ms = ((start + 1.0) * 4.0).round() as i64 * 250;
    let zip = std::fs::read(out.join("drones_csv.zip")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let (mut lit, mut dark) = (0, 0);
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut f, &mut text).unwrap();
        let row = text
            .lines()
            .find(|l| l.starts_with(&format!("{t_ms},")))
            .expect("row at time");
        let cols: Vec<&str> = row.split(',').collect();
        if cols[4..7] == ["0", "0", "0"] {
            dark += 1;
        } else {
            lit += 1;
        }
    }
    assert_eq!((lit, dark), (5, 11));
}

/// Runs `build` on a show file body and returns (exit code, stderr).
fn build_error(body: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let show = write(dir.path(), "show.toml", body);
    write(dir.path(), "pts.csv", "x,y,z\n0,0,40\n0,1,40\n");
    let out = dir.path().join("out");
    let o = run(&["build", show.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(
        !out.join("show.skyc").exists(),
        "no output may be written on error"
    );
    (o.status.code(), stderr(&o))
}

macro_rules! bad_show {
    ($name:ident, $body:expr, [$($needle:expr),+]) => {
        #[test]
        fn $name() {
            let (code, err) = build_error(&$body);
            assert_eq!(code, Some(2), "{err}");
            $(assert!(err.contains($needle), "expected {:?} in:\n{err}", $needle);)+
        }
    };
}

bad_show!(
    unknown_key_points_at_it,
    show_with(&RING.replace("radius_m = 20", "radius_m = 20\nradius = 3")),
    ["unknown field `radius`", "show.toml:", "help"]
);
bad_show!(
    bad_time_says_format,
    show_with(&RING.replace("hold = 10", "hold = \"1:7x\"")),
    ["`hold` is not a valid time", "m:ss"]
);
bad_show!(
    shape_too_dense_names_smallest_size,
    show_with(&RING.replace("radius_m = 20", "radius_m = 5")),
    ["closer than the 3 m minimum distance", "`radius_m` ≥ 7.6"]
);
bad_show!(
    too_many_points_says_how_many,
    show_with(
        r#"
[[chapter.formation]]
name = "big"
hold = 5
shape = "line"
length_m = 300
count = 40
center = [0, 0, 40]
"#
    ),
    ["needs 40 drones but the fleet has 16"]
);
bad_show!(
    unknown_shape_lists_shapes,
    show_with(&RING.replace("\"circle\"", "\"blob\"")),
    ["unknown shape `blob`", "grid, plane, circle"]
);
bad_show!(
    bad_colour_suggests_palette,
    show_with(&RING.replace("\"red\"", "\"redd\"")),
    ["unknown colour `redd`", "palette"]
);
bad_show!(
    missing_points_file_named,
    show_with(
        r#"
[[chapter.formation]]
name = "pts"
hold = 5
shape = "points"
points = "nowhere.csv"
"#
    ),
    ["cannot read points file `nowhere.csv`"]
);
bad_show!(
    start_too_early_gives_earliest,
    show_with(&RING.replace(
        "name = \"line\"\nhold = 8",
        "name = \"line\"\nstart = \"0:20\"\nhold = 8"
    )),
    ["formation `line` starts at 0:20.000", "or later"]
);
bad_show!(
    grid_too_small_for_fleet,
    show_with(RING).replace("rows = 4", "rows = 3"),
    ["12 slots for 16 drones"]
);
bad_show!(
    nan_rejected,
    show_with(&RING.replace("radius_m = 20", "radius_m = nan")),
    ["`radius_m` = NaN is out of range"]
);
bad_show!(
    no_chapters,
    "title = \"x\"\n[fleet]\ndrones = 4\n[fleet.grid]\nrows = 2\ncolumns = 2\n",
    ["the show has no chapters"]
);
bad_show!(
    too_dense_points_file,
    show_with(
        r#"
[[chapter.formation]]
name = "pts"
hold = 5
shape = "points"
points = "pts.csv"
"#
    ),
    ["points 1 and 2", "1.000 m apart"]
);
bad_show!(
    battery_too_short_says_by_how_much,
    show_with(RING).replace("[[chapter]]", "[limits]\nbattery_s = 30\n[[chapter]]"),
    ["longer than the battery's 30 s"]
);
bad_show!(
    formation_below_ground,
    show_with(&RING.replace("center = [0, 0, 40]", "center = [0, 0, 10]")),
    ["outside 5.5"]
);

#[test]
fn missing_show_file_is_an_error() {
    let o = run(&["build", "/nonexistent/show.toml", "-o", "/tmp/x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read `/nonexistent/show.toml`"));
}

/// A `.skyc` with two drones flying straight at each other on parallel lines 1 m apart.
fn near_miss_skyc(dir: &Path) -> PathBuf {
    let drone = |name: &str, y: f64, x0: f64, x1: f64| {
        serde_json::json!({
            "type": "generic",
            "settings": {
                "name": name,
                "trajectory": { "version": 1, "points": [
                    [0, [x0, y, 0.0], []],
                    [10, [x0, y, 20.0], []],
                    [30, [x1, y, 20.0], []],
                    [40, [x1, y, 0.0], []]
                ]},
                "lights": { "version": 1, "data": "BP8AAAoA" }
            }
        })
    };
    let show = serde_json::json!({
        "version": 1,
        "swarm": { "drones": [drone("Alpha", 0.0, 0.0, 40.0), drone("Bravo", 1.0, 40.0, 0.0)] }
    });
    let path = dir.join("near.skyc");
    let mut zw = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    zw.start_file("show.json", zip::write::SimpleFileOptions::default())
        .unwrap();
    zw.write_all(serde_json::to_string(&show).unwrap().as_bytes())
        .unwrap();
    zw.finish().unwrap();
    path
}

#[test]
fn check_flags_two_drones_too_close() {
    let dir = tempfile::tempdir().unwrap();
    let path = near_miss_skyc(dir.path());
    let o = run(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("min_distance") && err.contains("Alpha") && err.contains("Bravo"),
        "{err}"
    );
    let j = run(&["check", path.to_str().unwrap(), "--json"]);
    assert_eq!(j.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&j.stdout).unwrap();
    let viol = v["violations"].as_array().unwrap();
    let close = viol
        .iter()
        .find(|x| x["kind"] == "min_distance")
        .expect("a min_distance violation");
    // They meet half way, at t = 20 s, 1 m apart.
    assert!(
        (close["time_s"].as_f64().unwrap() - 20.0).abs() < 0.01,
        "{close}"
    );
    assert!(
        (close["value"].as_f64().unwrap() - 1.0).abs() < 1e-3,
        "{close}"
    );
    assert_eq!(close["drones"], serde_json::json!(["Alpha", "Bravo"]));
    assert!((v["measured"]["min_distance_m"].as_f64().unwrap() - 1.0).abs() < 1e-3);
}

#[test]
fn check_rejects_garbage_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "junk.skyc", "this is not a zip");
    let o = run(&["check", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("junk.skyc"));
}

#[test]
fn check_reads_skybrush_samples() {
    let dir = repo().join("../shared/samples/skyc");
    if !dir.exists() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    // Skybrush's own shows pass: the velocity steps of their linear keyframes (a climb
    // started at 1.44 m/s) are listed as warnings, not called accelerations.
    for name in [
        "test-show.skyc",
        "test-show-with-assets.skyc",
        "example_2_drones.skyc",
        "example_2_drones.show.json",
    ] {
        let o = run(&["check", dir.join(name).to_str().unwrap(), "--json"]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert!(v["show"]["drones"].as_u64().unwrap() >= 1, "{name}");
        assert_eq!(v["violations_total"], 0, "{name}: {v}");
        assert!(
            v["measured"]["max_accel_m_s2"].as_f64().unwrap() <= 4.0,
            "{name}"
        );
    }
    let o = run(&[
        "check",
        dir.join("test-show.skyc").to_str().unwrap(),
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let steps: Vec<&serde_json::Value> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["kind"] == "velocity_step")
        .collect();
    // Each of the 3 drones: the climb starts at 1.44 m/s, slows to 0.66 m/s for the last
    // half second, then stops.
    assert_eq!(steps.len(), 9, "{v}");
    assert_eq!(steps[0]["drones"], serde_json::json!(["Drone 1"]));
    assert_eq!(steps[0]["time_s"].as_f64(), Some(11.66));
    assert_eq!(steps[0]["value"].as_f64(), Some(1.44));
    assert_eq!(steps[0]["limit"].as_f64(), Some(2.0));
    assert!((v["measured"]["max_velocity_step_m_s"].as_f64().unwrap() - 1.44).abs() < 1e-9);
    // The text summary lists the steps too.
    let o = run(&["check", dir.join("test-show.skyc").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert!(err.contains("warnings: 9"), "{err}");
    assert!(
        err.contains("velocity step of 1.440 m/s at 11.660 s"),
        "{err}"
    );
    // A bare spec whose one point lacks its control-point list is still read (Skybrush's
    // server cannot unpack it: a format finding).
    let o = run(&[
        "check",
        dir.join("test-show.json").to_str().unwrap(),
        "--json",
    ]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
}

#[test]
fn check_calls_a_keyframe_step_beyond_the_threshold_a_violation() {
    // One drone starting a climb at 3 m/s from rest: beyond the 2 m/s threshold.
    let dir = tempfile::tempdir().unwrap();
    let show = r#"{"version": 1, "swarm": {"drones": [{"settings": {"trajectory": {"version": 1,
        "points": [[0, [0, 0, 0], []], [5, [0, 0, 15], []], [8, [0, 0, 15], []]]}}}]}}"#;
    let p = write(dir.path(), "step.json", show);
    let o = run(&["check", p.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let kinds: Vec<&str> = v["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"velocity_step"), "{v}");
    assert!(!kinds.contains(&"acceleration"), "{v}");
    let step = v["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["kind"] == "velocity_step")
        .unwrap();
    assert_eq!(step["value"].as_f64(), Some(3.0));
    assert_eq!(step["limit"].as_f64(), Some(2.0));
    assert_eq!(step["time_s"].as_f64(), Some(0.0));
}

#[test]
fn transition_json_has_the_contract_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = String::from("x,y,z\n");
    let mut b = String::from("Name,x_m,y_m,z_m,Red,Green,Blue\n");
    for i in 0..25 {
        a.push_str(&format!(
            "{},{},{}\n",
            (i % 5) as f64 * 5.0,
            (i / 5) as f64 * 5.0,
            20.0
        ));
        b.push_str(&format!(
            "D{i},0,{},{},255,0,0\n",
            (i % 5) as f64 * 5.0,
            40.0 + (i / 5) as f64 * 5.0
        ));
    }
    let fa = write(dir.path(), "a.csv", &a);
    let fb = write(dir.path(), "b.csv", &b);
    let o = run(&[
        "transition",
        fa.to_str().unwrap(),
        fb.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for key in [
        "n",
        "cost_sum_sq",
        "assignment",
        "duration_s",
        "lower_bound_s",
        "min_distance_m",
        "assign_ms",
        "plan_ms",
    ] {
        assert!(v.get(key).is_some(), "missing `{key}`");
    }
    assert_eq!(v["n"], 25);
    assert!(v["min_distance_m"].as_f64().unwrap() >= 3.0);
    assert!(v["duration_s"].as_f64().unwrap() >= v["lower_bound_s"].as_f64().unwrap());
    // Mismatched counts are an error.
    let fc = write(dir.path(), "c.csv", "0,0,10\n");
    let e = run(&["transition", fa.to_str().unwrap(), fc.to_str().unwrap()]);
    assert_eq!(e.status.code(), Some(2));
    assert!(stderr(&e).contains("has 25 points but"));
}

#[test]
fn formation_command_writes_points() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(
        dir.path(),
        "f.toml",
        "name = \"disc\"\nshape = \"disc\"\nradius_m = 30\ncolor = \"gold\"\ncenter = [0, 0, 50]\n",
    );
    let out = dir.path().join("p.csv");
    let o = run(&[
        "formation",
        spec.to_str().unwrap(),
        "--drones",
        "100",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 101);
    assert!(text.starts_with("x,y,z,r,g,b\n"));
    assert!(text.lines().nth(1).unwrap().ends_with(",255,176,24"));
}

#[test]
fn formation_command_explains_lines_too_close_for_the_ideal() {
    // A stroke 100 m long and 2 m wide traced by 40 drones: L/N ≈ 5 m, but the two sides
    // are 2 m apart, so their drones take turns, well below the ideal.
    let dir = tempfile::tempdir().unwrap();
    let svg = write(
        dir.path(),
        "stroke.svg",
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 10"><rect x="0" y="4" width="100" height="2"/></svg>"#,
    );
    let out = dir.path().join("p.csv");
    let form = |mode: &str, drones: &str| {
        run(&[
            "formation",
            svg.to_str().unwrap(),
            "--drones",
            drones,
            "--width",
            "100",
            "--mode",
            mode,
            "--min-distance",
            "0.2",
            "-o",
            out.to_str().unwrap(),
        ])
    };
    let o = form("outline", "40");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("note: along 9") && err.contains("another line runs closer than the ideal"),
        "{err}"
    );
    // Filled, or traced by enough drones that the sides are farther apart than the
    // ideal (400: 0.5 m): no note.
    for (mode, drones) in [("fill", "40"), ("outline", "400")] {
        let o = form(mode, drones);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(
            !stderr(&o).contains("note:"),
            "{mode} {drones}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn large_fleets_also_get_one_file_per_ground_station() {
    let dir = tempfile::tempdir().unwrap();
    let show = write(dir.path(), "show.toml", &show_with(RING));
    let out = dir.path().join("out");
    let o = run(&[
        "build",
        show.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--no-csv",
        "--max-drones-per-file",
        "6",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut total = 0;
    for k in 1..=3 {
        let p = out.join("stations").join(format!("station-{k:02}.skyc"));
        let c = run(&["check", p.to_str().unwrap(), "--json"]);
        assert_eq!(c.status.code(), Some(0), "station {k}: {}", stderr(&c));
        let v: serde_json::Value = serde_json::from_slice(&c.stdout).unwrap();
        total += v["show"]["drones"].as_u64().unwrap();
    }
    assert_eq!(total, 16, "6 + 6 + 4 drones");
    assert!(!out.join("stations/station-04.skyc").exists());
    assert!(
        out.join("show.skyc").exists(),
        "the whole show is still written"
    );
}

#[test]
fn planner_can_minimise_time() {
    let dir = tempfile::tempdir().unwrap();
    let body =
        show_with(RING).replace("[[chapter]]", "[planner]\nminimise = \"time\"\n[[chapter]]");
    let show = write(dir.path(), "show.toml", &body);
    let out = dir.path().join("out");
    let o = run(&[
        "build",
        show.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--no-csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    for t in report["transitions"].as_array().unwrap() {
        assert!(t["duration_s"].as_f64().unwrap() >= t["lower_bound_s"].as_f64().unwrap() - 1e-9);
    }
    let (code, err) = build_error(
        &show_with(RING).replace("[[chapter]]", "[planner]\nminimise = \"fun\"\n[[chapter]]"),
    );
    assert_eq!(code, Some(2));
    assert!(err.contains("unknown `minimise = \"fun\"`"), "{err}");
}

#[test]
fn formation_command_samples_a_gltf_mesh() {
    // A unit square of two triangles with its buffer next to it, red by its material.
    let dir = tempfile::tempdir().unwrap();
    let mut bin = Vec::new();
    for v in [0f32, 0., 0., 1., 0., 0., 1., 1., 0., 0., 1., 0.] {
        bin.extend_from_slice(&v.to_le_bytes());
    }
    for i in [0u16, 1, 2, 0, 2, 3] {
        bin.extend_from_slice(&i.to_le_bytes());
    }
    std::fs::write(dir.path().join("sq.bin"), &bin).unwrap();
    let gltf = write(
        dir.path(),
        "sq.gltf",
        r#"{"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],
        "nodes":[{"mesh":0,"translation":[5,0,0]}],
        "materials":[{"pbrMetallicRoughness":{"baseColorFactor":[1,0,0,1]}}],
        "meshes":[{"primitives":[{"attributes":{"POSITION":0},"indices":1,"material":0}]}],
        "buffers":[{"byteLength":60,"uri":"sq.bin"}],
        "bufferViews":[{"buffer":0,"byteLength":48},{"buffer":0,"byteOffset":48,"byteLength":12}],
        "accessors":[{"bufferView":0,"componentType":5126,"count":4,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},
        {"bufferView":1,"componentType":5123,"count":6,"type":"SCALAR"}]}"#,
    );
    let out = dir.path().join("p.csv");
    let o = run(&[
        "formation",
        gltf.to_str().unwrap(),
        "--drones",
        "60",
        "--width",
        "30",
        "--mode",
        "surface",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 61);
    assert!(
        text.lines().skip(1).all(|l| l.ends_with(",255,0,0")),
        "{text}"
    );
}

#[test]
fn transition_names_input_points_closer_than_the_minimum_distance() {
    let dir = tempfile::tempdir().unwrap();
    // Points 2 and 3 of the targets are 2 m apart; the default minimum distance is 3 m.
    let fa = write(dir.path(), "a.csv", "x,y,z\n0,0,20\n10,0,20\n20,0,20\n");
    let fb = write(dir.path(), "b.csv", "x,y,z\n0,0,40\n10,0,40\n12,0,40\n");
    let o = run(&["transition", fa.to_str().unwrap(), fb.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("b.csv"), "{e}");
    assert!(e.contains("points 2 and 3"), "{e}");
    assert!(e.contains("closer than the minimum distance"), "{e}");
    // With a smaller minimum distance the same files plan.
    let o = run(&[
        "transition",
        fa.to_str().unwrap(),
        fb.to_str().unwrap(),
        "--min-distance",
        "1.5",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn formation_text_escapes_start_new_lines_as_help_says() {
    let dir = tempfile::tempdir().unwrap();
    let sample = |text: &str, name: &str| -> String {
        let out = dir.path().join(name);
        let o = run(&[
            "formation",
            "--text",
            text,
            "--drones",
            "80",
            "--width",
            "60",
            "--min-distance",
            "1",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        std::fs::read_to_string(out).unwrap()
    };
    // `\n` typed in a shell's quotes arrives as a backslash and an `n`.
    let escaped = sample(r"龙\n抬头", "escaped.csv");
    let newline = sample("龙\n抬头", "newline.csv");
    assert_eq!(escaped, newline, "`\\n` must start a new line");
    // Two lines are taller than one line of the same width.
    let one_line = sample("龙抬头", "one.csv");
    let height = |csv: &str| {
        let zs: Vec<f64> = csv
            .lines()
            .skip(1)
            .map(|l| l.split(',').nth(2).unwrap().parse().unwrap())
            .collect();
        zs.iter().copied().fold(f64::MIN, f64::max) - zs.iter().copied().fold(f64::MAX, f64::min)
    };
    assert!(height(&newline) > 1.5 * height(&one_line));
}

/// `--help` lists every command with one line each, and its first line names them all.
#[test]
fn help_lists_every_command() {
    let o = skyshow()
        .env_remove("LANG")
        .args(["--help"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let help = String::from_utf8_lossy(&o.stdout);
    let first = help.lines().next().unwrap_or("");
    let commands = [
        "build",
        "check",
        "preview",
        "render",
        "beats",
        "formation",
        "transition",
    ];
    for c in commands {
        let line = help
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{c} ")))
            .unwrap_or_else(|| panic!("`{c}` missing from --help:\n{help}"));
        assert!(line.split_whitespace().count() > 3, "{line}");
    }
    for word in [
        "build",
        "check",
        "preview",
        "render",
        "beats",
        "formation",
        "transition",
    ] {
        assert!(first.contains(word), "{first}");
    }
}
