//! The site: `[site]` boundary and exclusion zones, the audience's no-fly zone. Bad sites
//! are show-file errors (exit 2, the message and the place); a formation over the audience
//! or in an exclusion zone is a violation naming the formation (exit 1), and `check` finds
//! it again in the written `.skyc`, whose geofence and segments are there for the ground
//! station.

use std::path::Path;
use std::process::{Command, Output};

/// Four drones on a 2 × 2 grid at (30, 0), one line formation at x = 0 (the audience at
/// −X sees it across its view), with `top` before the fleet.
fn show(top: &str) -> String {
    format!(
        "title = \"site\"\n{top}\n[fleet]\ndrones = 4\n[fleet.grid]\nrows = 2\ncolumns = 2\nspacing_m = 3\ncenter = [30, 0]\n\
         [[chapter]]\nname = \"c\"\n[[chapter.formation]]\nname = \"wall\"\nhold = 10\nshape = \"line\"\nlength_m = 30\ncenter = [0, 0, 30]\n"
    )
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn build(text: &str) -> (tempfile::TempDir, Output) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("show.toml"), text).unwrap();
    let o = run(dir.path(), &["build", "show.toml", "-o", "out"]);
    (dir, o)
}

fn show_json(skyc: &Path) -> serde_json::Value {
    let mut z = zip::ZipArchive::new(std::fs::File::open(skyc).unwrap()).unwrap();
    serde_json::from_reader(z.by_name("show.json").unwrap()).unwrap()
}

#[test]
fn bad_sites_are_show_file_errors() {
    const AUDIENCE: &str = "[audience]\nazimuth_deg = 180\nline = [[-100, -300], [-100, 300]]";
    // (name, text before the fleet, needles in stderr)
    let cases: Vec<(&str, String, Vec<&str>)> = vec![
        (
            "boundary crosses itself",
            "[site]\nboundary = [[-50, -50], [50, 50], [50, -50], [-50, 50]]".into(),
            vec!["`[site] boundary` is not a simple polygon", "edges that do not cross"],
        ),
        (
            "boundary misses the takeoff grid",
            "[site]\nboundary = [[-50, -50], [20, -50], [20, 50], [-50, 50]]".into(),
            vec!["takeoff slot 1 at (28.5, 1.5) is outside `[site] boundary`", "show.toml:3:"],
        ),
        (
            "exclusion zone over the takeoff grid",
            "[site]\n[[site.exclusion]]\nname = \"tent\"\nzone = [[25, -5], [35, -5], [35, 5], [25, 5]]".into(),
            vec!["exclusion zone `tent` covers takeoff slot 1 at (28.5, 1.5)"],
        ),
        (
            "exclusion zone that crosses itself",
            "[site]\n[[site.exclusion]]\nzone = [[0, 0], [1, 1], [1, 0], [0, 1]]".into(),
            vec!["`[[site.exclusion]] zone` is not a simple polygon"],
        ),
        (
            "audience no-fly zone over the takeoff grid",
            "[audience]\nazimuth_deg = 0\nline = [[40, -300], [40, 300]]".into(),
            vec![
                "the audience's no-fly zone (its area plus `buffer_m` = 10.0 m) covers takeoff slot",
                "`[audience] no_fly = false`",
            ],
        ),
        (
            "firing front in the audience zone",
            "[audience]\nazimuth_deg = 180\nzone = [[-200, -300], [200, -300], [200, 300], [-200, 300]]\n\
             [pyro]\n[pyro.front]\ncenter = [150, 0, 0]\nwidth_m = 100\npositions = 3\n\
             [[pyro.cue]]\nname = \"c1\"\ntime = 20\nproduct = \"SH100-R\""
                .into(),
            vec!["firing position `P01` at (150.0, ", "is inside the audience's area"],
        ),
        (
            "unknown geofence action",
            format!("{AUDIENCE}\n[site]\ngeofence_action = \"retrun\""),
            vec!["unknown geofence_action `retrun`", "did you mean"],
        ),
    ];
    for (name, top, needles) in cases {
        let (dir, o) = build(&show(&top));
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{name}: exit code\n{err}");
        assert!(!err.contains("panicked"), "{name}\n{err}");
        for n in needles {
            assert!(err.contains(n), "{name}: expected {n:?} in\n{err}");
        }
        assert!(!dir.path().join("out/show.skyc").exists(), "{name}");
    }
}

#[test]
fn a_formation_over_the_audience_is_a_violation_that_check_finds_again() {
    // The audience's front edge at x = −5: with the 10 m buffer no drone may pass x = 5,
    // and the line formation stands at x = 0.
    let (dir, o) = build(&show(
        "[audience]\nazimuth_deg = 180\nline = [[-5, -300], [-5, 300]]",
    ));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("in_exclusion_zone"), "{err}");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("out/report.json")).unwrap())
            .unwrap();
    let v: Vec<&serde_json::Value> = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["kind"] == "in_exclusion_zone")
        .collect();
    let drones: std::collections::BTreeSet<String> = v
        .iter()
        .flat_map(|v| {
            v["drones"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d.to_string())
        })
        .collect();
    assert_eq!(drones.len(), 4, "every drone: {v:?}");
    assert!(
        v.iter()
            .any(|v| v["source"].as_str().unwrap().contains("formation \"wall\"")),
        "{v:?}"
    );
    // 5 m into the no-fly zone at the formation (x = 0 against x = 5).
    let deepest = v
        .iter()
        .map(|v| v["value"].as_f64().unwrap())
        .fold(0.0, f64::max);
    assert!((deepest - 5.0).abs() < 0.01, "{deepest}");

    // The .skyc carries the zone; `check` finds the same violations without the show file.
    let c = run(dir.path(), &["check", "out/show.skyc", "--json"]);
    assert_eq!(c.status.code(), Some(1));
    let checked: serde_json::Value = serde_json::from_slice(&c.stdout).unwrap();
    let again = checked["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["kind"] == "in_exclusion_zone")
        .count();
    assert_eq!(again, v.len());
}

#[test]
fn a_formation_in_an_exclusion_zone_or_outside_the_boundary_is_a_violation() {
    // The boundary holds the grid (x = 28.5 … 31.5) but not the formation at x = 0.
    let (dir, o) = build(&show(
        "[site]\nboundary = [[10, -50], [60, -50], [60, 50], [10, 50]]",
    ));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("out/report.json")).unwrap())
            .unwrap();
    let out = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["kind"] == "outside_boundary")
        .map(|v| v["value"].as_f64().unwrap())
        .fold(0.0, f64::max);
    assert!(
        (out - 10.0).abs() < 0.01,
        "10 m outside at the formation: {out}"
    );
    let (dir, o) = build(&show(
        "[site]\n[[site.exclusion]]\nname = \"crane\"\nzone = [[-3, -20], [3, -20], [3, 20], [-3, 20]]",
    ));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("out/report.json")).unwrap())
            .unwrap();
    assert!(
        report["violations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["kind"] == "in_exclusion_zone" && v["source"] == "formation \"wall\""),
        "{report:#}"
    );
}

#[test]
fn the_skyc_has_the_geofence_and_segments() {
    let (dir, o) = build(&show(
        "[audience]\nazimuth_deg = 180\nline = [[-40, -300], [-40, 300]]\n\
         [site]\nboundary = [[-25, -60], [60, -60], [60, 60], [-25, 60]]\ngeofence_action = \"land\"",
    ));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let s = show_json(&dir.path().join("out/show.skyc"));
    let g = &s["settings"]["geofence"];
    assert_eq!(g["version"], 1);
    assert_eq!(g["action"], "land");
    let polys = g["polygons"].as_array().unwrap();
    assert_eq!(polys.len(), 2, "{g:#}");
    assert_eq!(polys[0]["isInclusion"], true);
    assert_eq!(
        polys[0]["points"],
        serde_json::json!([
            [-25.0, -60.0, 0.0],
            [60.0, -60.0, 0.0],
            [60.0, 60.0, 0.0],
            [-25.0, 60.0, 0.0]
        ])
    );
    // The audience's band behind x = −40, grown by 10 m: its nearest corner to the stage
    // is at x = −30.
    assert_eq!(polys[1]["isInclusion"], false);
    let max_x = polys[1]["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[0].as_f64().unwrap())
        .fold(f64::NEG_INFINITY, f64::max);
    assert!((max_x + 30.0).abs() < 1e-3, "{max_x}");
    // Takeoff, show and landing follow each other and cover the flight.
    let seg = &s["meta"]["segments"];
    let span = |k: &str| (seg[k][0].as_f64().unwrap(), seg[k][1].as_f64().unwrap());
    let (t, sh, l) = (span("takeoff"), span("show"), span("landing"));
    assert_eq!(t.0, 0.0);
    assert!(
        t.0 < t.1 && t.1 == sh.0 && sh.0 < sh.1 && sh.1 == l.0 && l.0 < l.1,
        "{seg}"
    );
    let end = s["swarm"]["drones"][0]["settings"]["trajectory"]["landingTime"]
        .as_f64()
        .unwrap();
    assert!(l.1 >= end - 1e-9, "{seg} {end}");
    // `check` reads the geofence back and finds the show inside it.
    let c = run(dir.path(), &["check", "out/show.skyc"]);
    assert_eq!(
        c.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&c.stderr)
    );
}
