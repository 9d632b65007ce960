//! Warnings: what the designer should look at that does not stop the build. They reach
//! `report.json`'s `warnings` ({kind, message, source}) and the summary, and never change
//! the exit code.

use std::path::Path;
use std::process::{Command, Output};

use skyshow_music::{TrackSpec, synthesize};

fn skyshow(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("run skyshow")
}

/// A 16-drone show with a click track of `music_s` seconds and `body` as one chapter.
fn build_with_music(dir: &Path, music_s: f64, body: &str) -> (Output, serde_json::Value) {
    let track = synthesize(&TrackSpec {
        duration_s: music_s,
        first_beat_s: 0.0,
        ..TrackSpec::clicks(120.0)
    });
    std::fs::write(dir.join("m.wav"), track.to_wav()).unwrap();
    let show = format!(
        r#"title = "warnings"
[fleet]
drones = 16
[fleet.grid]
rows = 4
columns = 4
spacing_m = 3
[music]
file = "m.wav"
[[chapter]]
name = "one"
{body}"#
    );
    build(dir, &show)
}

fn build(dir: &Path, show: &str) -> (Output, serde_json::Value) {
    let file = dir.join("show.toml");
    std::fs::write(&file, show).unwrap();
    let out = dir.join("out");
    let o = skyshow(&[
        "build",
        file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--no-csv",
        "--no-vviz",
    ]);
    let report = std::fs::read(out.join("report.json"))
        .map(|b| serde_json::from_slice(&b).unwrap())
        .unwrap_or(serde_json::Value::Null);
    (o, report)
}

/// The report's warnings, but for `music_not_mpeg` (the test tracks are WAV files, which
/// Skybrush Live does not play: every show here has that one).
fn warnings_of(report: &serde_json::Value) -> Vec<(String, String, String)> {
    report["warnings"]
        .as_array()
        .expect("report.json has `warnings`")
        .iter()
        .filter(|w| w["kind"] != "music_not_mpeg")
        .map(|w| {
            (
                w["kind"].as_str().unwrap().to_string(),
                w["message"].as_str().unwrap().to_string(),
                w["source"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const TWO: &str = r#"
[[chapter.formation]]
name = "ring"
hold = 10
shape = "circle"
radius_m = 20
center = [0, 0, 40]
color = "red"

[[chapter.formation]]
name = "line"
hold = 30
shape = "line"
length_m = 60
center = [0, 0, 30]
color = "gold"
"#;

#[test]
fn formations_past_the_end_of_the_music_are_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    // 50 s of music; the line holds long past it.
    const MUSIC_S: f64 = 50.0;
    let (o, report) = build_with_music(dir.path(), MUSIC_S, TWO);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let w = warnings_of(&report);
    assert_eq!(w.len(), 1, "{w:?}");
    let (kind, message, source) = &w[0];
    assert_eq!(kind, "show_past_music");
    // The first formation still on show after the music, as the report times them.
    let formations = report["formations"].as_array().unwrap();
    let first = formations
        .iter()
        .find(|f| f["end_s"].as_f64().unwrap() > MUSIC_S + 1.0)
        .unwrap();
    let name = first["name"].as_str().unwrap();
    assert_eq!(source, &format!("formation \"{name}\""), "{message}");
    assert!(message.contains("the music ends at 0:50.0"), "{message}");
    assert!(
        message.contains(&format!("formation `{name}`")),
        "{message}"
    );
    assert!(message.contains("its last bar, bar "), "{message}");
    // The last formation ends at landing; the message says by how much that is late.
    let end = formations.last().unwrap()["end_s"].as_f64().unwrap();
    let over = end - MUSIC_S;
    assert!(message.contains(&format!("{over:.1} s past")), "{message}");
    assert!(err.contains("show_past_music: the music ends"), "{err}");
    assert_eq!(report["valid"], true);
}

#[test]
fn music_long_after_the_show_is_a_warning_and_a_fitting_track_none() {
    let dir = tempfile::tempdir().unwrap();
    let short = r#"
[[chapter.formation]]
name = "ring"
hold = 5
shape = "circle"
radius_m = 20
center = [0, 0, 40]
color = "red"
"#;
    let (o, report) = build_with_music(dir.path(), 150.0, short);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let w = warnings_of(&report);
    assert_eq!(w.len(), 1, "{w:?}");
    let (kind, message, source) = &w[0];
    assert_eq!(kind, "music_after_show");
    assert_eq!(source, "music");
    assert!(
        message.contains("after the last drone lands at"),
        "{message}"
    );
    assert!(message.contains("(it ends at 2:30.0)"), "{message}");
    let landed = report["show"]["duration_s"].as_f64().unwrap();
    assert!(
        message.contains(&format!("plays {:.1} s", 150.0 - landed)),
        "{message} (landed at {landed})"
    );

    // Music that ends while the drones land: no warning at all.
    let dir = tempfile::tempdir().unwrap();
    let landed_at = landed;
    let (o, report) = build_with_music(dir.path(), landed_at + 5.0, short);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(warnings_of(&report), Vec::new());
    assert!(!String::from_utf8_lossy(&o.stderr).contains("music_after_show"));
}

/// A detailed glyph on 65 drones: its strokes merge. The warning names the formation and
/// the drones that would show it (in the show file's terms); with those drones the
/// warning is gone.
#[test]
fn artwork_too_detailed_for_its_drones_is_a_warning() {
    let glyph = |count: usize, fleet: usize| {
        let grid = (fleet as f64).sqrt().ceil() as usize;
        format!(
            r#"title = "detail"
[fleet]
drones = {fleet}
[fleet.grid]
rows = {grid}
columns = {grid}
spacing_m = 4
[[chapter]]
name = "one"
[[chapter.formation]]
name = "dragon glyph"
hold = 4
shape = "text"
text = "龍"
width_m = 100
center = [0, 0, 90]
count = {count}
color = "red"
"#
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let (o, report) = build(dir.path(), &glyph(65, 65));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let w = warnings_of(&report);
    assert_eq!(w.len(), 1, "{w:?}");
    let (kind, message, source) = &w[0];
    assert_eq!(kind, "artwork_too_detailed");
    assert_eq!(source, "formation \"dragon glyph\"");
    assert!(
        message.starts_with("formation `dragon glyph`: the artwork is too detailed for 65 drones"),
        "{message}"
    );
    assert!(message.contains("so those parts merge"), "{message}");
    // The count it suggests, as a show-file key.
    let needed: usize = message
        .split("`count = ")
        .nth(1)
        .and_then(|t| t.split('`').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no `count = N` in: {message}"));
    assert!((200..=2_000).contains(&needed), "{message}");
    assert!(message.contains("`fleet.drones` ≥"), "{message}");

    // Following the advice takes the warning away (sampled on its own: the same sampler).
    let out = dir.path().join("p.csv");
    let o = skyshow(&[
        "formation",
        "--text",
        "龍",
        "--drones",
        &needed.to_string(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(!err.contains("warning"), "{err}");
}

/// `skyshow formation` says the same in its own flags.
#[test]
fn formation_command_warns_in_its_own_flags() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.csv");
    let o = skyshow(&[
        "formation",
        "--text",
        "龍",
        "--drones",
        "65",
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("warning: the artwork is too detailed for 65 drones"),
        "{err}"
    );
    assert!(err.contains("`--drones "), "{err}");
    assert!(
        !err.contains("count"),
        "show-file words in a command's hint: {err}"
    );
    // A simple glyph on the same drones renders.
    let o = skyshow(&[
        "formation",
        "--text",
        "O",
        "--drones",
        "65",
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(!err.contains("warning"), "{err}");
}

/// `check` of a `.skyc` has no show file to warn about: none of the show's warnings.
#[test]
fn check_reports_no_show_file_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let (o, _) = build_with_music(dir.path(), 60.0, TWO);
    assert_eq!(o.status.code(), Some(0));
    let skyc = dir.path().join("out/show.skyc");
    let o = skyshow(&["check", skyc.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(warnings_of(&v), Vec::new());
}
