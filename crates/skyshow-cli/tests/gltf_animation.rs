//! glTF animations on mesh formations, end to end: a rigged, skinned tube made here is
//! flown through its animation and validated; broken animations are refused with exit 2
//! and a message that says what is wrong.

#![allow(clippy::print_stderr)] // tests print their figures

use std::path::Path;
use std::process::{Command, Output};

use skyshow_import::RiggedTube;

mod common;

fn skyshow() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_skyshow"));
    c.env("NO_COLOR", "1");
    c
}

/// A show of 40 drones: a ring, then the tube (`keys` added to its formation), then a line.
fn show(keys: &str, file: &str) -> String {
    format!(
        r#"title = "tube"
[fleet]
drones = 40
[fleet.grid]
rows = 5
columns = 8
spacing_m = 3
[[chapter]]
name = "one"
[[chapter.formation]]
name = "ring"
hold = 4
shape = "circle"
radius_m = 25
center = [0, 0, 40]
[[chapter.formation]]
name = "tube"
hold = 12
shape = "mesh"
file = "{file}"
size_m = 60
center = [0, 0, 50]
{keys}
[[chapter.formation]]
name = "line"
hold = 4
shape = "line"
length_m = 150
center = [0, 0, 40]
"#
    )
}

/// Builds `show` with `files` beside it; the run's output and the output folder.
fn build(show: &str, files: &[(&str, &[u8])]) -> (Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let path = dir.path().join("show.toml");
    std::fs::write(&path, show).unwrap();
    let out = dir.path().join("out");
    let o = skyshow()
        .args(["build", path.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .output()
        .unwrap();
    (o, dir)
}

fn report(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("out/report.json")).unwrap()).unwrap()
}

/// Builds the tube show with `keys`; expects exit `code` (a refusal is checked in Chinese
/// too).
fn run(tube: &RiggedTube, keys: &str, code: i32) -> (String, tempfile::TempDir) {
    let (o, dir) = build(&show(keys, "tube.glb"), &[("tube.glb", &tube.glb())]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(code), "{err}");
    if code == 2 {
        in_chinese(dir.path(), keys, &err);
    }
    (err, dir)
}

/// The refusal `en` of the show built in `dir`, again with `--lang zh`: the same refusal
/// in Chinese.
fn in_chinese(dir: &Path, name: &str, en: &str) {
    let path = dir.join("show.toml");
    let out = dir.join("out");
    let o = skyshow()
        .args(["--lang", "zh", "build", path.to_str().unwrap()])
        .args(["-o", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    common::same_refusal_in_chinese(name, en, &String::from_utf8_lossy(&o.stderr));
}

/// The tube formation's row of report.json, after checking the show is valid and its
/// drones kept the minimum distance over the whole clip.
fn valid_tube(dir: &Path) -> serde_json::Value {
    let r = report(dir);
    assert_eq!(r["violations"].as_array().unwrap().len(), 0);
    let f = r["formations"][1].clone();
    assert_eq!(f["name"], "tube");
    let spacing = f["min_spacing_m"].as_f64().unwrap();
    assert!(spacing >= r["limits"]["min_distance_m"].as_f64().unwrap_or(3.0) - 1e-6);
    eprintln!("{}", serde_json::to_string_pretty(&f).unwrap());
    f
}

#[test]
fn a_skinned_tube_flies_its_animation_valid() {
    // Cubic-spline keys: straight (LINEAR) keys turn the bones in kinks, and at each kink
    // the drones would need more than the acceleration limit.
    let tube = RiggedTube {
        duration_s: 6.0,
        bend_deg: 30.0,
        interpolation: "CUBICSPLINE",
        ..RiggedTube::default()
    };
    let (_, dir) = run(&tube, "animation_speed = 0.1", 0);
    valid_tube(dir.path());
}

#[test]
fn cubic_spline_skin_and_morph_target_fly_valid() {
    let tube = RiggedTube {
        duration_s: 8.0,
        bend_deg: 20.0,
        interpolation: "CUBICSPLINE",
        swell: true,
        bones: 3,
        ..RiggedTube::default()
    };
    let (_, dir) = run(&tube, "animation = \"Bend\"\nanimation_speed = 0.1", 0);
    valid_tube(dir.path());
}

#[test]
fn step_keys_that_jump_are_refused() {
    // STEP keys move the bones in jumps: no drone can follow them.
    let tube = RiggedTube {
        duration_s: 4.0,
        bend_deg: 10.0,
        interpolation: "STEP",
        ..RiggedTube::default()
    };
    let (err, _) = run(&tube, "animation_start_s = 1.5", 2);
    assert!(
        err.contains("formation `tube`") && err.contains("m/s"),
        "{err}"
    );
}

#[test]
fn the_rest_pose_is_a_still_mesh() {
    let (_, dir) = run(&RiggedTube::default(), "animation = false", 0);
    valid_tube(dir.path());
}

#[test]
fn an_animation_too_fast_for_the_limits_is_refused_with_a_speed_that_works() {
    let tube = RiggedTube {
        duration_s: 6.0,
        bend_deg: 30.0,
        ..RiggedTube::default()
    };
    let (err, _) = run(&tube, "", 2);
    assert!(err.contains("formation `tube`"), "{err}");
    assert!(err.contains("m/s"), "{err}");
    // The fix it gives works.
    let speed = number_after(&err, "`animation_speed` ≤ ");
    assert!(speed > 0.0 && speed < 1.0, "{err}");
    let (_, dir) = run(&tube, &format!("animation_speed = {speed}"), 0);
    valid_tube(dir.path());
}

/// The number written after `key` in `text`.
fn number_after(text: &str, key: &str) -> f64 {
    let rest = text
        .split(key)
        .nth(1)
        .unwrap_or_else(|| panic!("no {key:?} in {text}"));
    let num: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    num.parse()
        .unwrap_or_else(|_| panic!("no number after {key:?} in {text}"))
}

#[test]
fn fit_plays_the_animation_as_fast_as_the_limits_allow() {
    let tube = RiggedTube {
        duration_s: 6.0,
        bend_deg: 30.0,
        interpolation: "CUBICSPLINE",
        ..RiggedTube::default()
    };
    let (_, dir) = run(&tube, "animation_speed = \"fit\"", 0);
    let f = valid_tube(dir.path());
    let speed = f["motion"]["playback_speed"].as_f64().unwrap();
    assert!(speed > 0.05 && speed < 1.0, "{speed}");
    // A tenth faster than the fastest is beyond a limit, and the error says so.
    let (err, _) = run(&tube, &format!("animation_speed = {}", speed * 1.1), 2);
    assert!(
        err.contains("formation `tube`") && err.contains("animation_speed"),
        "{err}"
    );
}

#[test]
fn an_unknown_animation_name_lists_the_names() {
    let tube = RiggedTube {
        name: "Wave",
        ..RiggedTube::default()
    };
    let (err, _) = run(&tube, "animation = \"Raise\"", 2);
    assert!(err.contains("`Raise`") && err.contains("`Wave`"), "{err}");
    assert!(err.contains("tube.glb"), "{err}");
}

#[test]
fn a_start_past_the_clip_end_is_refused() {
    let (err, _) = run(&RiggedTube::default(), "animation_start_s = 9", 2);
    assert!(err.contains("animation_start_s"), "{err}");
    assert!(err.contains("past the end"), "{err}");
}

#[test]
fn a_channel_on_a_missing_node_is_refused() {
    let tube = RiggedTube::default();
    let (json, bin) = tube.gltf("tube.bin");
    let broken = json.replace(
        r#""node":2,"path":"rotation""#,
        r#""node":42,"path":"rotation""#,
    );
    assert_ne!(broken, json);
    let (o, _dir) = build(
        &show("", "tube.gltf"),
        &[("tube.gltf", broken.as_bytes()), ("tube.bin", &bin)],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("tube.gltf") && err.contains("node"), "{err}");
    in_chinese(_dir.path(), "channel on a missing node", &err);
}

#[test]
fn animation_keys_on_an_obj_are_refused() {
    let (v, t) = RiggedTube::default().mesh();
    let mut obj = String::new();
    for p in &v {
        obj.push_str(&format!("v {} {} {}\n", p[0], p[1], p[2]));
    }
    for f in &t {
        obj.push_str(&format!("f {} {} {}\n", f[0] + 1, f[1] + 1, f[2] + 1));
    }
    let (o, _dir) = build(
        &show("animation = \"Bend\"", "tube.obj"),
        &[("tube.obj", obj.as_bytes())],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("glTF"), "{err}");
    in_chinese(_dir.path(), "animation keys on an OBJ", &err);
}

#[test]
fn skin_weights_far_from_one_are_normalised_and_reported() {
    let tube = RiggedTube {
        weight_sum: 0.5,
        bend_deg: 10.0,
        interpolation: "CUBICSPLINE",
        ..RiggedTube::default()
    };
    let (_, dir) = run(&tube, "animation_speed = 0.1", 0);
    let r = report(dir.path());
    let w = r["warnings"].as_array().unwrap();
    let skin = w
        .iter()
        .find(|w| w["kind"] == "gltf_skin_weights_normalised")
        .unwrap_or_else(|| panic!("{w:?}"));
    assert_eq!(skin["source"], "formation \"tube\"");
    assert!(skin["message"].as_str().unwrap().contains("sums to 0.500"));
}
