//! Trust: outputs are byte-identical whatever the thread count, a build killed at any
//! moment leaves either the old files or the new ones, never a mix of halves, and runs
//! writing into the same folder at once never make each other fail.

#![allow(clippy::print_stderr)] // tests print what they measured

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn show(hold: u32) -> String {
    format!(
        r#"title = "trust"
[fleet]
drones = 36
[fleet.grid]
rows = 6
columns = 6
spacing_m = 3
[[chapter]]
name = "one"
[[chapter.formation]]
name = "ring"
hold = {hold}
shape = "circle"
radius_m = 25
center = [0, 0, 40]
color = "red"
[[chapter.formation]]
name = "grid"
hold = 10
shape = "grid"
width_m = 25
height_m = 25
center = [0, 0, 40]
gradient = {{ axis = "z", colors = ["blue", "gold"] }}
"#
    )
}

const OUTPUTS: [&str; 9] = [
    "show.skyc",
    "stations/station-01.skyc",
    "stations/station-02.skyc",
    "stations/station-03.skyc",
    "stations/station-04.skyc",
    "show.vviz",
    "drones_csv.zip",
    "preview.html",
    "report.html",
];

fn build(show_file: &Path, out: &Path, threads: &str) {
    let o = Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .env("RAYON_NUM_THREADS", threads)
        .args([
            "build",
            show_file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            // Ground-station files too (streamed while the show is validated).
            "--max-drones-per-file",
            "10",
        ])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn without_timing(p: &Path) -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("timing_ms");
    for t in v["transitions"].as_array_mut().unwrap() {
        t.as_object_mut().unwrap().remove("planning_ms");
    }
    v
}

#[test]
fn outputs_do_not_depend_on_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("show.toml");
    std::fs::write(&f, show(12)).unwrap();
    let (a, b, c) = (
        dir.path().join("one"),
        dir.path().join("two"),
        dir.path().join("again"),
    );
    build(&f, &a, "1");
    build(&f, &b, "2");
    build(&f, &c, "2");
    for name in OUTPUTS {
        let x = std::fs::read(a.join(name)).unwrap();
        assert!(
            x == std::fs::read(b.join(name)).unwrap(),
            "{name} differs between 1 and 2 threads"
        );
        assert!(
            x == std::fs::read(c.join(name)).unwrap(),
            "{name} differs between runs"
        );
    }
    assert_eq!(
        without_timing(&a.join("report.json")),
        without_timing(&b.join("report.json"))
    );
}

fn snapshot(dir: &Path) -> Vec<Option<Vec<u8>>> {
    OUTPUTS
        .iter()
        .map(|n| std::fs::read(dir.join(n)).ok())
        .collect()
}

#[test]
fn killed_build_leaves_old_or_new_files() {
    let dir = tempfile::tempdir().unwrap();
    let old_show = dir.path().join("old.toml");
    let new_show = dir.path().join("new.toml");
    std::fs::write(&old_show, show(12)).unwrap();
    std::fs::write(&new_show, show(20)).unwrap();
    let old_dir = dir.path().join("old");
    let new_dir = dir.path().join("new");
    build(&old_show, &old_dir, "2");
    build(&new_show, &new_dir, "2");
    let old = snapshot(&old_dir);
    let new = snapshot(&new_dir);
    assert!(old != new);
    let mut outcomes = [0usize; 2];
    for (k, delay_ms) in [0u64, 5, 15, 30, 60, 100, 150, 250, 400, 700]
        .iter()
        .enumerate()
    {
        let work: PathBuf = dir.path().join(format!("work{k}"));
        std::fs::create_dir_all(&work).unwrap();
        for n in OUTPUTS {
            std::fs::create_dir_all(work.join(n).parent().unwrap()).unwrap();
            std::fs::copy(old_dir.join(n), work.join(n)).unwrap();
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_skyshow"))
            .args([
                "build",
                new_show.to_str().unwrap(),
                "-o",
                work.to_str().unwrap(),
                "--no-progress",
                "--max-drones-per-file",
                "10",
            ])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(*delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&work);
        for (i, name) in OUTPUTS.iter().enumerate() {
            let got = now[i].as_ref().expect("an output file disappeared");
            let is_old = Some(got) == old[i].as_ref();
            let is_new = Some(got) == new[i].as_ref();
            assert!(
                is_old || is_new,
                "{name} is neither the old nor the new file after a kill at {delay_ms} ms"
            );
            outcomes[usize::from(is_new)] += 1;
        }
    }
    eprintln!("files found old/new after kills: {outcomes:?}");
    // A later build clears what a killed one left behind.
    let work = dir.path().join("work0");
    build(&new_show, &work, "2");
    let leftovers = [work.clone(), work.join("stations")]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap())
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(leftovers, 0, "temporary files left behind");
}

/// Several runs writing into one folder at once, the same files and files of their own, as
/// the preview server rebuilding while a designer runs `build` does: none fails, every file
/// is complete, no temporary is left. (`scripts/concurrent-writes` runs 2 × 300.)
#[test]
fn concurrent_runs_into_one_folder_never_fail() {
    const WRITERS: usize = 3;
    const RUNS: usize = 12;
    const DRONES: usize = 40;
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("art.svg");
    std::fs::write(
        &art,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 60"><rect x="5" y="5" width="40" height="50" fill="#e03020"/><circle cx="75" cy="30" r="22" fill="#2060e0"/></svg>"##,
    )
    .unwrap();
    let out = dir.path().join("out");
    let failures: Vec<String> = std::thread::scope(|s| {
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let (art, out) = (&art, &out);
                s.spawn(move || {
                    let mut failed = Vec::new();
                    for i in 0..RUNS {
                        let name = if i % 2 == 0 {
                            "shared".to_string()
                        } else {
                            format!("own{w}")
                        };
                        let o = Command::new(env!("CARGO_BIN_EXE_skyshow"))
                            .env("NO_COLOR", "1")
                            .env("RAYON_NUM_THREADS", "1")
                            .args(["formation", art.to_str().unwrap(), "--drones"])
                            .arg(DRONES.to_string())
                            .arg("-o")
                            .arg(out.join(format!("{name}.csv")))
                            .arg("--png")
                            .arg(out.join(format!("{name}.png")))
                            .output()
                            .unwrap();
                        if o.status.code() != Some(0) {
                            failed.push(String::from_utf8_lossy(&o.stderr).into_owned());
                        }
                    }
                    failed
                })
            })
            .collect();
        writers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} runs failed: {failures:#?}",
        failures.len()
    );
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected = vec!["shared.csv".to_string(), "shared.png".to_string()];
    for w in 0..WRITERS {
        expected.push(format!("own{w}.csv"));
        expected.push(format!("own{w}.png"));
    }
    expected.sort();
    assert_eq!(names, expected, "no temporary may be left");
    for n in names.iter().filter(|n| n.ends_with(".csv")) {
        let rows = std::fs::read_to_string(out.join(n))
            .unwrap()
            .lines()
            .count();
        assert_eq!(rows, DRONES + 1, "{n} is incomplete");
    }
}
