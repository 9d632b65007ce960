//! The build cache (`OUTDIR/.skyshow-cache`): a rebuild reuses the plans of unchanged
//! transitions, and every output is the same, byte for byte, with the cache, without it
//! (`--no-cache`), and from a damaged one.

use std::path::{Path, PathBuf};
use std::process::Output;

fn run(args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .env("NO_COLOR", "1")
        .env("SKYSHOW_LANG", "en")
        .args(args)
        .output()
        .expect("run skyshow")
}

fn build(show: &Path, out: &Path, extra: &[&str]) -> String {
    let mut args = vec!["build", show.to_str().unwrap(), "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = run(&args);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(0), "{err}");
    err
}

/// A show whose transitions need more than straight synchronised lines: a 6 × 4 picture
/// packed at exactly the minimum distance turned a quarter in its plane, then a circle of
/// `radius_m`.
fn show(radius_m: f64) -> String {
    format!(
        r#"title = "cache"
[fleet]
drones = 24
[fleet.grid]
rows = 4
columns = 6
spacing_m = 3
[[chapter]]
name = "one"
[[chapter.formation]]
name = "picture"
hold = 4
shape = "grid"
width_m = 15
height_m = 9
rows = 4
columns = 6
center = [0, 0, 40]
color = "red"

[[chapter.formation]]
name = "picture turned"
hold = 4
shape = "grid"
width_m = 15
height_m = 9
rows = 4
columns = 6
roll_deg = 90
center = [0, 0, 40]
color = "gold"

[[chapter.formation]]
name = "circle"
hold = 4
shape = "circle"
radius_m = {radius_m}
center = [0, 0, 40]
color = "blue"
"#
    )
}

/// Every file under `dir` except the cache, by path relative to `dir`, with report.json's
/// timing figures removed (the only bytes allowed to differ between runs).
fn outputs(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.file_name().is_some_and(|n| n == ".skyshow-cache") {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let mut bytes = std::fs::read(&p).unwrap();
            if p.file_name().is_some_and(|n| n == "report.json") {
                let mut v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                v.as_object_mut().unwrap().remove("timing_ms");
                for t in v["transitions"].as_array_mut().unwrap() {
                    t.as_object_mut().unwrap().remove("planning_ms");
                }
                bytes = serde_json::to_vec(&v).unwrap();
            }
            (p.strip_prefix(dir).unwrap().to_path_buf(), bytes)
        })
        .collect()
}

fn same(a: &Path, b: &Path) {
    let (fa, fb) = (outputs(a), outputs(b));
    assert_eq!(
        fa.iter().map(|f| &f.0).collect::<Vec<_>>(),
        fb.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    assert!(fa.len() >= 5, "{fa:?}");
    for ((p, x), (_, y)) in fa.iter().zip(&fb) {
        assert!(x == y, "{} differs", p.display());
    }
}

fn cache_files(out: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(out.join(".skyshow-cache"))
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// The cache's entries of `kind` (`t`, `f`, …).
fn entries_of(out: &Path, kind: &str) -> Vec<PathBuf> {
    cache_files(out)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{kind}-"))
        })
        .collect()
}

#[test]
fn cached_rebuilds_write_the_same_bytes_as_fresh_builds() {
    let dir = tempfile::tempdir().unwrap();
    let show_path = dir.path().join("show.toml");
    std::fs::write(&show_path, show(14.0)).unwrap();
    let (cached, fresh) = (dir.path().join("cached"), dir.path().join("fresh"));

    // First build: plans everything and keeps the plans.
    let first = build(&show_path, &cached, &[]);
    assert!(!first.contains("reused from the build cache"), "{first}");
    let entries = cache_files(&cached);
    assert_eq!(
        entries.len(),
        6,
        "one entry per transition and formation: {entries:?}"
    );
    assert_eq!(entries_of(&cached, "t").len(), 3, "{entries:?}");
    assert_eq!(entries_of(&cached, "f").len(), 3, "{entries:?}");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(cached.join("report.json")).unwrap()).unwrap();
    let methods: Vec<&str> = report["transitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["method"].as_str().unwrap())
        .collect();
    assert!(
        methods.iter().any(|m| *m != "direct"),
        "the show should exercise more than direct moves: {methods:?}"
    );

    // Second build: every transition reused, and the same bytes as a build without cache.
    let second = build(&show_path, &cached, &[]);
    assert!(
        second.contains("3 of 3 transitions reused from the build cache"),
        "{second}"
    );
    build(&show_path, &fresh, &["--no-cache"]);
    assert!(cache_files(&fresh).is_empty(), "--no-cache keeps nothing");
    same(&cached, &fresh);

    // An edit to one formation re-plans only the transitions it touches (the last one);
    // the entry of the transition that is gone is removed.
    std::fs::write(&show_path, show(16.0)).unwrap();
    let edited = build(&show_path, &cached, &[]);
    assert!(
        edited.contains("2 of 3 transitions reused from the build cache"),
        "{edited}"
    );
    // The edited formation is built again, the two others are reused; the entries that
    // are gone are removed.
    assert_eq!(cache_files(&cached).len(), 6);
    let kept_f = entries_of(&cached, "f")
        .iter()
        .filter(|p| entries.contains(p))
        .count();
    assert_eq!(kept_f, 2);
    build(&show_path, &fresh, &["--no-cache"]);
    same(&cached, &fresh);

    // Damaged entries (truncated, or bytes changed anywhere) are ignored and rebuilt.
    for (k, e) in cache_files(&cached).iter().enumerate() {
        let mut bytes = std::fs::read(e).unwrap();
        if k == 0 {
            bytes.truncate(bytes.len() / 2);
        } else {
            let at = bytes.len() * (k % 3 + 1) / 4;
            bytes[at] ^= 0x55;
        }
        std::fs::write(e, bytes).unwrap();
    }
    let damaged = build(&show_path, &cached, &[]);
    assert!(
        !damaged.contains("reused from the build cache"),
        "{damaged}"
    );
    same(&cached, &fresh);
}

/// Where each drone of the show built into `dir` is when the formation `name` starts
/// (rounded to 0.1 mm, as written).
fn positions_in(dir: &Path, name: &str) -> Vec<[f64; 3]> {
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("report.json")).unwrap()).unwrap();
    let start = report["formations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == name)
        .unwrap()["start_s"]
        .as_f64()
        .unwrap();
    let bytes = std::fs::read(dir.join("show.skyc")).unwrap();
    let show = skyshow_skyc::read_skyc(&bytes, &skyshow_skyc::ReadOptions::default()).unwrap();
    let r = |v: f64| (v * 1e4).round() / 1e4;
    show.show
        .drones
        .iter()
        .map(|d| {
            let p = d.trajectory.position(start);
            [r(p.x), r(p.y), r(p.z)]
        })
        .collect()
}

/// Five pictures of 24 drones, the middle one a circle turned by `roll_deg` in its plane.
fn five_pictures(roll_deg: f64) -> String {
    let picture = |name: &str, shape: &str| {
        format!(
            "[[chapter.formation]]\nname = \"{name}\"\nhold = 3\ncenter = [0, 0, 40]\n{shape}\n"
        )
    };
    [
        "title = \"five\"\n[fleet]\ndrones = 24\n[fleet.grid]\nrows = 4\ncolumns = 6\n\
         spacing_m = 3\n[[chapter]]\nname = \"one\"\n"
            .to_string(),
        picture(
            "grid",
            "shape = \"grid\"\nwidth_m = 20\nheight_m = 12\nrows = 4\ncolumns = 6",
        ),
        picture("ring", "shape = \"circle\"\nradius_m = 16"),
        picture(
            "turned circle",
            &format!("shape = \"circle\"\nradius_m = 12\nroll_deg = {roll_deg}"),
        ),
        picture(
            "wide grid",
            "shape = \"grid\"\nwidth_m = 28\nheight_m = 8\nrows = 3\ncolumns = 8",
        ),
        picture("last ring", "shape = \"circle\"\nradius_m = 20"),
    ]
    .concat()
}

#[test]
fn an_edit_to_one_formation_replans_only_the_transitions_next_to_it() {
    // Turning the middle circle by half a step changes which drone takes which of its
    // points, so every later picture is flown by the drones in another order: the same
    // positions, keyed in the canonical order of the start points, are the same entries.
    let dir = tempfile::tempdir().unwrap();
    let show_path = dir.path().join("show.toml");
    std::fs::write(&show_path, five_pictures(0.0)).unwrap();
    let (cached, fresh) = (dir.path().join("cached"), dir.path().join("fresh"));
    build(&show_path, &cached, &[]);
    assert_eq!(entries_of(&cached, "t").len(), 5);
    let formations = entries_of(&cached, "f");
    assert_eq!(formations.len(), 5);
    let before = positions_in(&cached, "wide grid");

    std::fs::write(&show_path, five_pictures(7.5)).unwrap();
    let edited = build(&show_path, &cached, &[]);
    // Five transitions; the two into and out of the edited circle are planned again.
    assert!(
        edited.contains("3 of 5 transitions reused from the build cache"),
        "{edited}"
    );
    assert_eq!(entries_of(&cached, "t").len(), 5);
    // Only the turned circle is built again.
    let kept_f = entries_of(&cached, "f")
        .iter()
        .filter(|p| formations.contains(p))
        .count();
    assert_eq!((entries_of(&cached, "f").len(), kept_f), (5, 4));
    // The edit did reorder the drones: the later picture is the same set of points, but
    // not every drone shows the same one.
    let after = positions_in(&cached, "wide grid");
    let sorted = |mut p: Vec<[f64; 3]>| {
        p.sort_by(|a, b| a.partial_cmp(b).unwrap());
        p
    };
    assert_ne!(before, after, "the edit left every drone where it was");
    assert_eq!(sorted(before), sorted(after));
    build(&show_path, &fresh, &["--no-cache"]);
    same(&cached, &fresh);
}

#[test]
fn concurrent_builds_into_one_folder_write_whole_files_and_entries() {
    let dir = tempfile::tempdir().unwrap();
    let show_path = dir.path().join("show.toml");
    std::fs::write(&show_path, show(14.0)).unwrap();
    let (shared, fresh) = (dir.path().join("shared"), dir.path().join("fresh"));
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_skyshow"))
            .env("NO_COLOR", "1")
            .env("SKYSHOW_LANG", "en")
            .args([
                "build",
                show_path.to_str().unwrap(),
                "-o",
                shared.to_str().unwrap(),
            ])
            .output()
    };
    // Two builds at once into one folder, both planning and writing the same entries.
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(spawn);
        let b = s.spawn(spawn);
        (a.join().unwrap().unwrap(), b.join().unwrap().unwrap())
    });
    for o in [&a, &b] {
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    build(&show_path, &fresh, &["--no-cache"]);
    same(&shared, &fresh);
    // What they left is whole: the next build reuses every transition, no temporary stays.
    let next = build(&show_path, &shared, &[]);
    assert!(next.contains("3 of 3 transitions reused"), "{next}");
    same(&shared, &fresh);
    for e in cache_files(&shared) {
        let name = e.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            (name.starts_with("t-") || name.starts_with("f-")) && name.ends_with(".bin"),
            "{name}"
        );
    }
}

/// Music tracked for its beats and two moving holds (a circle turning once about the
/// vertical, on the music's bars; a grid turning a quarter), 24 drones.
fn moving_show(turns: f64) -> String {
    format!(
        r#"title = "moving"
[fleet]
drones = 24
[fleet.grid]
rows = 4
columns = 6
spacing_m = 3
[music]
file = "drums.wav"
[[chapter]]
name = "one"
[[chapter.formation]]
name = "wheel"
hold = "16 bars"
shape = "circle"
radius_m = 14
center = [0, 0, 40]
color = "red"
[[chapter.formation.motion]]
kind = "rotate"
axis = "up"
turns = {turns}
[[chapter.formation]]
name = "grid"
hold = 8
shape = "grid"
width_m = 20
height_m = 12
rows = 4
columns = 6
center = [0, 0, 40]
color = "blue"
[[chapter.formation.motion]]
kind = "rotate"
axis = "up"
turns = 0.25
"#
    )
}

/// Each cache entry's name and inode (a rewritten entry is a new file, renamed into place).
fn entry_inodes(out: &Path) -> Vec<(String, u64)> {
    use std::os::unix::fs::MetadataExt;
    cache_files(out)
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::metadata(p).unwrap().ino())
        })
        .collect()
}

#[test]
fn music_and_moving_holds_are_cached_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let track = skyshow_music::synthesize(&skyshow_music::TrackSpec {
        duration_s: 120.0,
        ..skyshow_music::TrackSpec::drums(120.0)
    });
    std::fs::write(dir.path().join("drums.wav"), track.to_wav()).unwrap();
    let show_path = dir.path().join("show.toml");
    std::fs::write(&show_path, moving_show(0.5)).unwrap();
    let (cached, fresh) = (dir.path().join("cached"), dir.path().join("fresh"));

    build(&show_path, &cached, &[]);
    let first = entry_inodes(&cached);
    let kinds = |entries: &[(String, u64)], kind: &str| {
        entries
            .iter()
            .filter(|(n, _)| n.starts_with(&format!("{kind}-")))
            .count()
    };
    // The audio's facts and analysis, two holds and their swept points, two transitions,
    // two formations.
    let first_kinds: Vec<usize> = ["a", "m", "h", "s", "t", "f"]
        .iter()
        .map(|k| kinds(&first, k))
        .collect();
    assert_eq!(first_kinds, [1, 1, 2, 2, 2, 2], "{first:?}");

    // Unchanged: every entry is used as it is (none written again), and the outputs are
    // those of a build without the cache.
    build(&show_path, &cached, &[]);
    assert_eq!(entry_inodes(&cached), first);
    build(&show_path, &fresh, &["--no-cache"]);
    same(&cached, &fresh);

    // The wheel turns a whole turn instead of a half: its hold and sweep are computed
    // again, and so is the transition out of it (the drones leave from where the turn
    // leaves them, other bits than the half turn's); the music, the takeoff's transition
    // and the grid's hold and sweep (same start, same clock) are reused, and so are both
    // formations' points (a motion does not change the picture).
    std::fs::write(&show_path, moving_show(1.0)).unwrap();
    build(&show_path, &cached, &[]);
    let edited = entry_inodes(&cached);
    let kept: Vec<usize> = ["a", "m", "h", "s", "t", "f"]
        .iter()
        .map(|k| {
            let old: Vec<_> = first
                .iter()
                .filter(|e| e.0.starts_with(&format!("{k}-")))
                .collect();
            old.iter().filter(|e| edited.contains(e)).count()
        })
        .collect();
    assert_eq!(kept, [1, 1, 1, 1, 1, 2], "{first:?}\n{edited:?}");
    build(&show_path, &fresh, &["--no-cache"]);
    same(&cached, &fresh);

    // Every entry damaged: each is a miss, computed again, and the outputs do not change.
    for (k, e) in cache_files(&cached).iter().enumerate() {
        let mut bytes = std::fs::read(e).unwrap();
        let at = bytes.len() * (k % 4 + 1) / 5;
        bytes[at] ^= 0x41;
        std::fs::write(e, bytes).unwrap();
    }
    build(&show_path, &cached, &[]);
    let rebuilt = entry_inodes(&cached);
    assert!(
        rebuilt.iter().all(|e| !edited.contains(e)),
        "a damaged entry was kept: {rebuilt:?}"
    );
    same(&cached, &fresh);
}

/// Twelve drones: a line that twinkles, then a ring of eight whose colour is `color` (four
/// drones park), swept by a gradient from white to that colour.
fn lit_show(color: &str) -> String {
    format!(
        r##"title = "lit"
[fleet]
drones = 12
[fleet.grid]
rows = 3
columns = 4
spacing_m = 4
[[chapter]]
name = "one"
[[chapter.formation]]
name = "line"
hold = 5
shape = "line"
length_m = 50
center = [0, 0, 30]
color = "red"
[[chapter.formation.light]]
effect = "twinkle"
color = "white"
density = 0.3
flash_s = 0.5
[[chapter.formation]]
name = "ring"
hold = 5
shape = "circle"
radius_m = 12
count = 8
center = [0, 0, 30]
color = "{color}"
[[chapter.formation.light]]
effect = "gradient"
colors = ["white", "{color}"]
axis = "right"
opacity = 0.5
"##
    )
}

#[test]
fn a_colour_edit_relights_from_the_cache_the_bytes_of_a_fresh_build() {
    let dir = tempfile::tempdir().unwrap();
    let show_path = dir.path().join("show.toml");
    let (cached, fresh) = (dir.path().join("cached"), dir.path().join("fresh"));
    std::fs::write(&show_path, lit_show("blue")).unwrap();
    build(&show_path, &cached, &[]);
    let lights = entries_of(&cached, "l");
    assert_eq!(lights.len(), 1, "{:?}", cache_files(&cached));
    let before = std::fs::read(&lights[0]).unwrap();

    // The ring's colour edited: the same flight, so the same entry, holding the ring's
    // drones' new programs; the outputs are a fresh build's.
    std::fs::write(&show_path, lit_show("green")).unwrap();
    let edited = build(&show_path, &cached, &[]);
    assert!(
        edited.contains("2 of 2 transitions reused from the build cache"),
        "{edited}"
    );
    assert_eq!(entries_of(&cached, "l"), lights);
    assert_ne!(std::fs::read(&lights[0]).unwrap(), before);
    build(&show_path, &fresh, &["--no-cache"]);
    same(&cached, &fresh);

    // Back to blue, from the green build's cache: the ring's drones are designed again.
    std::fs::write(&show_path, lit_show("blue")).unwrap();
    build(&show_path, &cached, &[]);
    build(&show_path, &fresh, &["--no-cache"]);
    same(&cached, &fresh);
    assert_eq!(std::fs::read(&lights[0]).unwrap(), before);
}
