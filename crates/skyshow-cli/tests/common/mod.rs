//! Helpers shared by the CLI's end-to-end tests: run the binary, write a file, build a
//! small show, read what it wrote.

// Each test binary uses its own subset of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use skyshow_music::{TrackSpec, synthesize};

/// The `skyshow` binary under test, without colours in its messages.
pub(crate) fn skyshow() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_skyshow"));
    c.env("NO_COLOR", "1");
    c
}

/// Runs `skyshow` with `args` to completion.
pub(crate) fn run(args: &[&str]) -> Output {
    skyshow().args(args).output().expect("run skyshow")
}

/// What a run printed on stderr.
pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// What a run printed on stdout, as JSON.
pub(crate) fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)))
}

/// The repository's root (examples, samples).
pub(crate) fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Writes `text` to `dir/name` and returns the path.
pub(crate) fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// The head of a 16-drone show (4 × 4 grid at 3 m) with `extra` (tables such as `[music]`)
/// before its one chapter, whose body is `body`.
pub(crate) fn show_with_head(extra: &str, body: &str) -> String {
    format!(
        r#"title = "test"
[fleet]
drones = 16
[fleet.grid]
rows = 4
columns = 4
spacing_m = 3
{extra}
[[chapter]]
name = "one"
{body}"#
    )
}

/// A minimal valid show; `body` is the body of its one chapter.
pub(crate) fn show_with(body: &str) -> String {
    show_with_head("", body)
}

/// Writes a click track (4/4, first beat at 0:00) of `seconds` at `bpm` as `dir/name`.
pub(crate) fn click_track(dir: &Path, name: &str, seconds: f64, bpm: f64) -> PathBuf {
    let track = synthesize(&TrackSpec {
        duration_s: seconds,
        first_beat_s: 0.0,
        ..TrackSpec::clicks(bpm)
    });
    write(dir, name, track.to_wav())
}

/// Writes `show` as `dir/show.toml` and builds it into `dir/out` with `extra` flags.
pub(crate) fn build(dir: &Path, show: &str, extra: &[&str]) -> (Output, PathBuf) {
    let file = write(dir, "show.toml", show);
    let out = dir.join("out");
    let mut args = vec!["build", file.to_str().unwrap(), "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    (run(&args), out)
}

/// [`build`], asserting that it built valid (exit 0); returns the output folder.
pub(crate) fn built(dir: &Path, show: &str, extra: &[&str]) -> PathBuf {
    let (o, out) = build(dir, show, extra);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    out
}

/// The `report.json` in an output folder, `Null` when there is none.
pub(crate) fn report(out: &Path) -> serde_json::Value {
    std::fs::read(out.join("report.json"))
        .map(|b| serde_json::from_slice(&b).unwrap())
        .unwrap_or(serde_json::Value::Null)
}
