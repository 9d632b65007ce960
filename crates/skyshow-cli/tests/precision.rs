//! One precision everywhere: a 3 m grid written with 4-decimal rounding (closer than 3 m by
//! a fraction of a millimetre) plans with `transition` and the figure is reported; what
//! `build` writes (the `.skyc`, the per-drone CSV at millimetres) passes `check` at the
//! show's own limits.

use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

/// A 5 × 5 grid spaced 3 m, turned by `deg`, at `(x0, 0, z)`, as written with 4 decimals.
fn grid(deg: f64, x0: f64, z: f64) -> Vec<[f64; 3]> {
    let (s, c) = deg.to_radians().sin_cos();
    let r4 = |v: f64| (v * 1e4).round() / 1e4;
    (0..25)
        .map(|i| {
            let (u, v) = ((i % 5) as f64 * 3.0, (i / 5) as f64 * 3.0);
            [r4(x0 + c * u - s * v), r4(s * u + c * v), z]
        })
        .collect()
}

fn min_spacing(p: &[[f64; 3]]) -> f64 {
    let mut m = f64::INFINITY;
    for i in 0..p.len() {
        for j in 0..i {
            let d = ((p[i][0] - p[j][0]).powi(2)
                + (p[i][1] - p[j][1]).powi(2)
                + (p[i][2] - p[j][2]).powi(2))
            .sqrt();
            m = m.min(d);
        }
    }
    m
}

fn csv(p: &[[f64; 3]]) -> String {
    let mut s = String::from("x,y,z\n");
    for q in p {
        s.push_str(&format!("{:.4},{:.4},{:.4}\n", q[0], q[1], q[2]));
    }
    s
}

#[test]
fn a_grid_written_with_four_decimals_plans_and_its_spacing_is_reported() {
    // The first turn whose rounding brings two neighbours closer than 3 m.
    let deg = (1..90)
        .map(f64::from)
        .find(|&d| min_spacing(&grid(d, 0.0, 20.0)) < 3.0)
        .unwrap();
    let a = grid(deg, 0.0, 20.0);
    let b = grid(deg, 30.0, 35.0);
    let (sa, sb) = (min_spacing(&a), min_spacing(&b));
    assert!((2.9995..3.0).contains(&sa.min(sb)), "{sa} {sb}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.csv"), csv(&a)).unwrap();
    std::fs::write(dir.path().join("b.csv"), csv(&b)).unwrap();
    let o = run(dir.path(), &["transition", "a.csv", "b.csv", "--json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let notes = v["notes"].as_array().unwrap();
    assert!(!notes.is_empty(), "{v}");
    let shown = format!("{:.4}", sa.min(sb));
    assert!(
        notes.iter().any(|n| n.as_str().unwrap().contains(&shown)),
        "{shown} in {notes:?}"
    );
    // The flight keeps at least the inputs' own spacing.
    let md = v["min_distance_m"].as_f64().unwrap();
    assert!(md >= sa.min(sb) - 1e-9, "{md}");
    // Points 1.1 mm too close are still refused.
    let mut c = a.clone();
    c[1][0] = c[0][0] + 2.9989;
    c[1][1] = c[0][1];
    std::fs::write(dir.path().join("c.csv"), csv(&c)).unwrap();
    let o = run(dir.path(), &["transition", "c.csv", "b.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("closer than the minimum distance"));
}

/// A temporary folder holding `text` as `show.toml`, built into `out` (exit 0).
fn built(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("show.toml"), text).unwrap();
    let o = run(dir.path(), &["build", "show.toml", "-o", "out"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    dir
}

#[test]
fn every_written_file_passes_check_at_the_shows_limits() {
    // A tight ring, a line spaced exactly the minimum distance, another ring: transitions
    // the planner flies at the minimum distance, through layers.
    let text = "title = \"precision\"\n[fleet]\ndrones = 16\n[fleet.grid]\nrows = 4\ncolumns = 4\nspacing_m = 3\n\
                [[chapter]]\nname = \"c\"\n\
                [[chapter.formation]]\nname = \"ring\"\nhold = 4\nshape = \"circle\"\nradius_m = 8\ncenter = [0, 0, 40]\n\
                [[chapter.formation]]\nname = \"line\"\nhold = 4\nshape = \"line\"\nlength_m = 45\ncenter = [0, 0, 30]\n\
                [[chapter.formation]]\nname = \"ring2\"\nhold = 4\nshape = \"circle\"\nradius_m = 8\ncenter = [0, 0, 35]\n";
    let dir = built(text);
    for file in ["out/show.skyc", "out/drones_csv.zip"] {
        let c = run(dir.path(), &["check", file, "--json"]);
        let v: serde_json::Value = serde_json::from_slice(&c.stdout).unwrap();
        assert_eq!(c.status.code(), Some(0), "{file}: {:#}", v["violations"]);
        let md = v["measured"]["min_distance_m"].as_f64().unwrap();
        assert!(md >= 3.0, "{file}: {md}");
    }
}

/// A 4 × 4 grid laid out exactly at the minimum distance (3 m): `extra` places and moves it.
fn exact_grid(name: &str, hold: u32, extra: &str) -> String {
    format!(
        "[[chapter.formation]]\nname = \"{name}\"\nhold = {hold}\nshape = \"grid\"\nrows = 4\ncolumns = 4\n\
         width_m = 9\nheight_m = 9\n{extra}\n"
    )
}

#[test]
fn pictures_spaced_exactly_at_the_minimum_distance_fly_and_land_as_written() {
    // Turned in their plane (coordinates the files round), turning during the hold (curves
    // fitted to the design), and flat above the takeoff grid at the end (the landing
    // cannot thread its paths between neighbours 3 m apart).
    let text = format!(
        "title = \"exact\"\n[fleet]\ndrones = 16\n[fleet.grid]\nrows = 4\ncolumns = 4\nspacing_m = 3\n\
         [[chapter]]\nname = \"c\"\n{}{}{}",
        exact_grid("turned", 4, "roll_deg = 37\ncenter = [0, 0, 30]"),
        exact_grid(
            "spin",
            12,
            "center = [5, 3, 32]\n[[chapter.formation.motion]]\nkind = \"rotate\"\naxis = \"towards\"\nangle_deg = 113"
        ),
        exact_grid(
            "flat",
            6,
            "tilt_deg = 90\nturn_deg = 21\ncenter = [0, 0, 40]"
        ),
    );
    let dir = built(&text);
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("out/report.json")).unwrap())
            .unwrap();
    assert_eq!(report["violations"].as_array().unwrap().len(), 0);
    // Each picture is spread by the hair the files' rounding needs, and says so.
    let spread: Vec<&serde_json::Value> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["kind"] == "picture_spread")
        .collect();
    assert_eq!(spread.len(), 3, "{:#}", report["warnings"]);
    for w in &spread {
        let m = w["message"].as_str().unwrap();
        assert!(m.contains("3.0000 m apart") && m.contains("0.13 %"), "{m}");
    }
    for file in ["out/show.skyc", "out/drones_csv.zip", "out/show.vviz"] {
        let c = run(dir.path(), &["check", file, "--json"]);
        let v: serde_json::Value = serde_json::from_slice(&c.stdout).unwrap();
        assert_eq!(c.status.code(), Some(0), "{file}: {:#}", v["violations"]);
        let md = v["measured"]["min_distance_m"].as_f64().unwrap();
        assert!(md >= 3.0, "{file}: {md}");
    }
    // The same warning in Chinese names the same figures.
    let o = run(
        dir.path(),
        &["--lang", "zh", "build", "show.toml", "-o", "out-zh"],
    );
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stderr);
    assert!(
        text.contains("点间距 3.0000 米") && text.contains("0.13%"),
        "{text}"
    );
}
