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

/// Refusals whose Chinese text still carries another program's English words (the artwork
/// decoders', the TOML parser's), by test case name, with where it comes from: their
/// Chinese is checked for the help label only. `ENGLISH_LEFT=1` prints what is left
/// instead of failing.
/// `crates/skyshow-i18n/tests/english_left.txt` lists the code these messages come from.
pub(crate) const ENGLISH_LEFT: &[(&str, &str)] = &[];

/// Checks that `zh`, the Chinese stderr of the refusal whose English stderr is `en`, says
/// the same in Chinese: its message and hint lines (not the show file's own lines) have
/// Chinese and no English prose outside `code` and "quotes", its hint is labelled
/// `提示：` when the English has `help:`, and both carry the same figures.
// The listing mode (`ENGLISH_LEFT=1`) prints what is left: that is its purpose.
#[allow(clippy::print_stderr)]
pub(crate) fn same_refusal_in_chinese(name: &str, en: &str, zh: &str) {
    let said = |text: &str| -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !is_source_line(l))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(
        en.contains("help:"),
        zh.contains("提示："),
        "{name}: the hint's label\n{en}\n{zh}"
    );
    let listed = ENGLISH_LEFT.iter().any(|(case, _)| *case == name);
    let listing = std::env::var_os("ENGLISH_LEFT").is_some();
    let same_figures =
        skyshow_i18n::figures(&said(en).join("\n")) == skyshow_i18n::figures(&said(zh).join("\n"));
    if listing && !same_figures {
        eprintln!("ENGLISH LEFT {name:?}: different figures");
    }
    assert!(
        same_figures || listed || listing,
        "{name}: different figures in\n{en}\n{zh}"
    );
    // A text with no Chinese at all is English left as a whole.
    let chinese = skyshow_i18n::has_chinese(zh);
    let english: Vec<String> = said(zh)
        .into_iter()
        .filter(|line| {
            let words = line.trim_start_matches(['×', '│', '·', '╰', '─', '├', '▶', ' ']);
            !words.starts_with('╭') && (!chinese || skyshow_i18n::english_run(words).is_some())
        })
        .collect();
    if listing && !english.is_empty() {
        // Listing mode: say what is left instead of failing.
        eprintln!("ENGLISH LEFT {name:?}: {english:?}");
        return;
    }
    assert!(
        listed || english.is_empty(),
        "{name}: English left in the Chinese text: {english:?}\n{zh}"
    );
    assert!(
        !listed || !english.is_empty() || !same_figures,
        "{name}: translated now, remove it from ENGLISH_LEFT"
    );
}

/// A line of the input that miette quotes under a diagnostic (`12 │ text`).
fn is_source_line(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && line[digits..].trim_start().starts_with('│')
}
