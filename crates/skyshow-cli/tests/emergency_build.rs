//! `build` with `[emergency] enabled = true`: every drone's `settings.rthPlan` has an entry
//! at every whole second of the flight (the same times for all), `report.json` has
//! `emergency`, landing in place is never called safe during a vertical picture, and
//! `check` re-flies the written plan (triggers on and between the entries) with the
//! validator and finds no conflict. A size budget too small for entries every second
//! makes them sparser, with a warning, and the file still reads.

mod common;

use common::{built, json, report, run, stderr};

/// A flat picture, a vertical one turning about the vertical (moving seconds), then a
/// vertical column stacked above itself.
fn show(emergency: &str) -> String {
    format!(
        "title = \"t\"\n[fleet]\ndrones = 12\n[fleet.grid]\nrows = 3\ncolumns = 4\nspacing_m = 4\n\
[emergency]\nenabled = true\n{emergency}\n\
[[chapter]]\nname = \"c\"\n\
[[chapter.formation]]\nname = \"flat\"\nhold = 4\nshape = \"circle\"\nradius_m = 9\ntilt_deg = 90\ncenter = [0, 0, 25]\n\
[[chapter.formation]]\nname = \"wall\"\nhold = 6\nshape = \"circle\"\nradius_m = 9\ncenter = [0, 0, 30]\n\
[[chapter.formation.motion]]\nkind = \"rotate\"\naxis = \"up\"\nturns = 0.25\n\
[[chapter.formation]]\nname = \"column\"\nhold = 4\nshape = \"grid\"\nwidth_m = 1\nheight_m = 44\nrows = 12\ncolumns = 1\ncenter = [0, 0, 37]\n"
    )
}

/// Every drone's entry times in `show.skyc`.
fn entry_times(out: &std::path::Path) -> Vec<Vec<i64>> {
    let file = std::fs::File::open(out.join("show.skyc")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let doc: serde_json::Value =
        serde_json::from_reader(zip.by_name("show.json").unwrap()).unwrap();
    doc["swarm"]["drones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let plan = &d["settings"]["rthPlan"];
            assert!(plan["landingSpeed"].as_f64().unwrap() > 0.0, "{plan}");
            plan["entries"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["time"].as_i64().unwrap())
                .collect()
        })
        .collect()
}

#[test]
fn every_second_has_an_entry_for_every_drone_and_check_re_flies_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = built(dir.path(), &show(""), &["--no-csv", "--no-vviz"]);
    let r = report(&out);
    let dur = r["show"]["duration_s"].as_f64().unwrap();
    let times = entry_times(&out);
    let first = &times[0];
    assert_eq!(
        *first,
        (0..dur.ceil() as i64).collect::<Vec<_>>(),
        "{dur} s"
    );
    assert!(times.iter().all(|t| t == first));
    let e = &r["emergency"];
    assert_eq!(e["entries"].as_u64().unwrap() as usize, first.len());
    assert_eq!(e["interval_s"], 1.0);
    assert!(e.get("interval_asked_s").is_none(), "{e}");
    assert!(e["min_distance_m"].as_f64().unwrap() >= 3.0 - 1e-6, "{e}");
    assert_eq!(e["unsafe_entries"].as_array().unwrap().len(), 0, "{e}");
    // Landing in place: safe over the flat picture, never over the column.
    let safe: Vec<(f64, f64)> = e["land_in_place_safe_s"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w[0].as_f64().unwrap(), w[1].as_f64().unwrap()))
        .collect();
    let at = |name: &str| {
        let f = r["formations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .unwrap();
        0.5 * (f["start_s"].as_f64().unwrap() + f["end_s"].as_f64().unwrap())
    };
    let safe_at = |t: f64| safe.iter().any(|&(a, b)| a <= t && t < b);
    assert!(safe_at(at("flat")), "{safe:?}");
    assert!(!safe_at(at("column")), "{safe:?}");

    // `check` re-flies every entry, triggered on its second and half a second later.
    let skyc = out.join("show.skyc");
    let o = run(&["check", skyc.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let c = json(&o);
    let ce = &c["emergency"];
    assert_eq!(ce["entries"].as_u64().unwrap() as usize, first.len());
    assert_eq!(ce["conflicts"].as_array().unwrap().len(), 0, "{ce}");
    assert!(ce["min_distance_m"].as_f64().unwrap() >= 3.0 - 1e-6, "{ce}");
}

#[test]
fn a_plan_too_big_for_its_budget_gets_sparser_entries_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    // 12 drones' entries every second take some 25 kB; allow 8 kB.
    let out = built(
        dir.path(),
        &show("max_plan_mb = 0.008"),
        &["--no-csv", "--no-vviz"],
    );
    let r = report(&out);
    let e = &r["emergency"];
    let k = e["interval_s"].as_f64().unwrap();
    assert!(k >= 2.0, "{e}");
    assert_eq!(e["interval_asked_s"], 1.0, "{e}");
    let times = entry_times(&out);
    let step = k as i64;
    assert_eq!(
        times[0],
        (0..times[0].len() as i64)
            .map(|i| i * step)
            .collect::<Vec<_>>()
    );
    assert!(times.iter().all(|t| *t == times[0]));
    let skyc = std::fs::read(out.join("show.skyc")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(skyc)).unwrap();
    let mut plans = 0usize;
    let doc: serde_json::Value =
        serde_json::from_reader(zip.by_name("show.json").unwrap()).unwrap();
    for d in doc["swarm"]["drones"].as_array().unwrap() {
        plans += serde_json::to_vec(&d["settings"]["rthPlan"]).unwrap().len();
    }
    // Within the budget, 0.008 MiB (the key and separators, counted by the bound too, aside).
    let budget = (0.008 * f64::from(1u32 << 20)).round() as usize;
    assert!(plans <= budget, "{plans} bytes of plans");
    let warned: Vec<&serde_json::Value> = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["kind"] == "rth_interval_coarsened")
        .collect();
    assert_eq!(warned.len(), 1, "{}", r["warnings"]);
    // What build wrote, check reads.
    let o = run(&["check", out.join("show.skyc").to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&o)["emergency"]["interval_s"].as_f64(), Some(k));
}

#[test]
fn no_plan_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let text = show("").replace("enabled = true", "enabled = false");
    let out = built(dir.path(), &text, &["--no-csv", "--no-vviz"]);
    assert!(report(&out).get("emergency").is_none());
    let file = std::fs::File::open(out.join("show.skyc")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let doc: serde_json::Value =
        serde_json::from_reader(zip.by_name("show.json").unwrap()).unwrap();
    assert!(
        doc["swarm"]["drones"][0]["settings"]
            .get("rthPlan")
            .is_none()
    );
}
