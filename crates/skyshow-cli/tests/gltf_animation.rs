//! glTF animations on mesh formations, end to end: a rigged, skinned tube made here is
//! flown through its animation and validated; broken animations are refused with exit 2
//! and a message that says what is wrong.

#![allow(clippy::print_stderr)] // tests print their figures

use std::path::Path;
use std::process::{Command, Output};

use skyshow_import::RiggedTube;

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

#[test]
fn a_skinned_tube_flies_its_animation_valid() {
    let tube = RiggedTube {
        duration_s: 6.0,
        bend_deg: 30.0,
        ..RiggedTube::default()
    };
    let (o, dir) = build(
        &show("animation_loop = true", "tube.glb"),
        &[("tube.glb", &tube.glb())],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let r = report(dir.path());
    assert_eq!(r["violations"].as_array().unwrap().len(), 0);
    let f = &r["formations"][1];
    assert_eq!(f["name"], "tube");
    eprintln!("{}", serde_json::to_string_pretty(f).unwrap());
}
