//! Artwork as designers bring it, end to end: colours as drawn (uncoloured icons drawn white
//! with a warning, dark details as holes), coincident mesh vertices merged, and every
//! refusal of a file that is not what its name says, in the terms of the command run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("SKYSHOW_LANG")
        .args(args)
        .output()
        .expect("run skyshow")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// A black square with a square hole: SVG's default fill, no colour anywhere.
const ICON: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><path d="M10 10h80v80H10z M30 30v40h40V30z"/></svg>"#;

/// A yellow face with near-black eyes and mouth, as emoji draw them.
const FACE: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="#ffcc22"/><circle cx="35" cy="40" r="8" fill="#1a1a1a"/><circle cx="65" cy="40" r="8" fill="#1a1a1a"/><path d="M30 70 Q50 85 70 70" stroke="#111" stroke-width="5" fill="none"/></svg>"##;

/// `skyshow formation` on `file` with `extra` flags into `dir/out.csv`: (exit code, stderr,
/// the CSV's colours as `r,g,b` strings).
fn formation(dir: &Path, file: &Path, extra: &[&str]) -> (Option<i32>, String, Vec<String>) {
    let out = dir.join("out.csv");
    let _ = std::fs::remove_file(&out);
    let mut args = vec![
        "formation",
        file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = run(&args);
    let colors = std::fs::read_to_string(&out)
        .map(|csv| {
            csv.lines()
                .skip(1)
                .map(|l| l.splitn(4, ',').nth(3).unwrap().to_string())
                .collect()
        })
        .unwrap_or_default();
    (o.status.code(), stderr(&o), colors)
}

#[test]
fn an_uncoloured_icon_is_drawn_white_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let icon = write(dir.path(), "icon.svg", ICON.as_bytes());
    let (code, err, colors) = formation(dir.path(), &icon, &["--drones", "100"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(colors.len(), 100);
    assert!(colors.iter().all(|c| c == "255,255,255"), "{colors:?}");
    assert!(err.contains("warning: `"), "{err}");
    assert!(err.contains("drawn white"), "{err}");
    // In the command's terms: the flag, not the show-file key.
    assert!(err.contains("`--color`"), "{err}");
    // A colour chosen: no warning, drawn in it.
    let (code, err, colors) = formation(
        dir.path(),
        &icon,
        &["--drones", "100", "--color", "#00ff00"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("warning"), "{err}");
    assert!(colors.iter().all(|c| c == "0,255,0"), "{colors:?}");
}

#[test]
fn dark_details_are_holes_unless_dark_off() {
    let dir = tempfile::tempdir().unwrap();
    let face = write(dir.path(), "face.svg", FACE.as_bytes());
    let dark = |c: &String| c.split(',').all(|v| v.parse::<u8>().unwrap() < 64);
    let (code, err, holes) = formation(dir.path(), &face, &["--drones", "150"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(holes.len(), 150);
    assert_eq!(holes.iter().filter(|c| dark(c)).count(), 0, "{holes:?}");
    assert!(!err.contains("warning"), "{err}");
    // `--dark off`: drones with their LEDs off in the eyes and mouth, and a warning saying so.
    let (code, err, off) = formation(dir.path(), &face, &["--drones", "150", "--dark", "off"]);
    assert_eq!(code, Some(0), "{err}");
    let n = off.iter().filter(|c| dark(c)).count();
    assert!(n >= 5, "{n} dark drones");
    assert!(
        err.contains(&format!("{n} of 150 drones show a dark colour")),
        "{err}"
    );
}

#[test]
fn build_reports_import_and_dark_drone_warnings() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "icon.svg", ICON.as_bytes());
    write(dir.path(), "face.svg", FACE.as_bytes());
    let show = r#"title = "art"
[fleet]
drones = 40
[fleet.grid]
rows = 5
columns = 8
spacing_m = 3
[[chapter]]
name = "one"
[[chapter.formation]]
name = "Icon"
hold = 5
shape = "svg"
file = "icon.svg"
width_m = 40
center = [0, 0, 40]
[[chapter.formation]]
name = "Face"
hold = 5
shape = "svg"
file = "face.svg"
dark = "off"
width_m = 40
center = [0, 0, 40]
"#;
    let show = write(dir.path(), "show.toml", show.as_bytes());
    let out = dir.path().join("out");
    let o = run(&["build", show.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    let warnings = report["warnings"].as_array().unwrap();
    let of = |kind: &str| -> Vec<&serde_json::Value> {
        warnings.iter().filter(|w| w["kind"] == kind).collect()
    };
    let unlit = of("artwork_unlit");
    assert_eq!(unlit.len(), 1, "{warnings:?}");
    assert_eq!(unlit[0]["source"], "formation \"Icon\"");
    assert!(unlit[0]["message"].as_str().unwrap().contains("`color`"));
    let dark = of("drones_dark");
    assert_eq!(dark.len(), 1, "{warnings:?}");
    assert_eq!(dark[0]["source"], "formation \"Face\"");
    assert!(dark[0]["value"].as_f64().unwrap() >= 1.0);
    assert!(stderr(&o).contains("artwork_unlit"), "{}", stderr(&o));
}

#[test]
fn coincident_vertices_are_merged_and_said_so() {
    // A cube written as exporters write flat-shaded meshes: each face its own 4 vertices.
    let corners = [
        [0, 0, 0],
        [1, 0, 0],
        [1, 1, 0],
        [0, 1, 0],
        [0, 0, 1],
        [1, 0, 1],
        [1, 1, 1],
        [0, 1, 1],
    ];
    let faces = [
        [0, 1, 2, 3],
        [4, 5, 6, 7],
        [0, 1, 5, 4],
        [1, 2, 6, 5],
        [2, 3, 7, 6],
        [3, 0, 4, 7],
    ];
    let mut obj = String::new();
    for (k, f) in faces.iter().enumerate() {
        for &c in f {
            let [x, y, z] = corners[c];
            obj.push_str(&format!("v {x} {y} {z}\n"));
        }
        let b = 4 * k + 1;
        obj.push_str(&format!(
            "f {} {} {}\nf {} {} {}\n",
            b,
            b + 1,
            b + 2,
            b,
            b + 2,
            b + 3
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let cube = write(dir.path(), "cube.obj", obj.as_bytes());
    let (code, err, colors) = formation(
        dir.path(),
        &cube,
        &["--mode", "vertices", "--drones", "8", "--width", "20"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(colors.len(), 8, "one drone per corner");
    assert!(
        err.contains("16 copies were merged, 8 vertices remain"),
        "{err}"
    );
}

/// Runs `skyshow formation` with `args` (`{f}` = the file written from `content` under
/// `name`) and checks a refusal: exit 2, every needle, at most `lines` lines of text.
fn refused(name: &str, content: &[u8], args: &[&str], needles: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), name, content);
    let out = dir.path().join("out.csv");
    let mut all: Vec<String> = vec!["formation".into()];
    all.extend(args.iter().map(|a| a.replace("{f}", f.to_str().unwrap())));
    all.extend(["-o".into(), out.to_str().unwrap().into()]);
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    let o = run(&all);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{name}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!out.exists(), "{name}: no output on error");
    for n in needles {
        assert!(err.contains(n), "{name}: expected {n:?} in:\n{err}");
    }
    // One line for what is wrong, one for the fix (miette may wrap a long one).
    let text: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(text.len() <= 6, "{name}: too long:\n{err}");
    assert!(err.contains("help:"), "{name}: no fix given:\n{err}");
    // Never a line of a TOML the user has not seen.
    assert!(!err.contains("[[chapter"), "{err}");
    assert!(
        !err.contains("────"),
        "{name}: points into a made-up file:\n{err}"
    );
}

#[test]
fn an_html_page_saved_as_glb_is_called_one() {
    refused(
        "model.glb",
        b"<!DOCTYPE html>\n<html><head><title>GitHub</title></head><body></body></html>\n",
        &["{f}", "--drones", "50"],
        &["an HTML page, not a glTF file", "Download raw file"],
    );
}

#[test]
fn a_git_lfs_pointer_is_called_one() {
    refused(
        "model.glb",
        b"version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n",
        &["{f}", "--drones", "50"],
        &["Git LFS pointer", "git lfs pull"],
    );
}

#[test]
fn a_flat_mesh_in_volume_mode_says_so() {
    refused(
        "plane.obj",
        b"v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nf 1 2 3\nf 1 3 4\n",
        &["{f}", "--mode", "volume", "--drones", "50"],
        &["is flat", "`--mode surface`"],
    );
}

#[test]
fn a_type1_font_is_named_as_such() {
    refused(
        "font.pfb",
        b"\x80\x01",
        &["--text", "hi", "--font", "{f}", "--drones", "50"],
        &["Type 1 (PostScript) font", "`--font`", "FontForge"],
    );
}

#[test]
fn flag_errors_name_the_flag() {
    refused(
        "icon.svg",
        ICON.as_bytes(),
        &["{f}", "--mode", "bogus", "--drones", "50"],
        &["`--mode`", "\"fill\", \"outline\", \"both\""],
    );
    refused(
        "icon.svg",
        ICON.as_bytes(),
        &["{f}", "--width", "2", "--drones", "100"],
        &["`--width` ≥", "`--drones`"],
    );
    refused(
        "icon.obj",
        b"v 0 0 0\nv 1 0 0\nv 1 1 0\nf 1 2 3\n",
        &["{f}", "--dark", "off", "--drones", "50"],
        &["`--dark` applies to SVG files"],
    );
}
