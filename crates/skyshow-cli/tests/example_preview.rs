//! The example's preview page opens at `#t=` any formation's time, paused, and shows that
//! formation: at least 1% of a headless Chromium screenshot is in the formation's colours.

#![allow(clippy::print_stderr)] // the test prints what it measured, or why it skipped

#[allow(dead_code, unreachable_pub)]
#[path = "../../skyshow-preview/tests/common/cdp.rs"]
mod cdp;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use cdp::{Browser, Shot};

/// Share of screenshot pixels (above the page's controls) whose hue matches one of `colors`.
fn share_in(shot: &Shot, colors: &BTreeSet<[u8; 3]>) -> f64 {
    let norm = |c: [u8; 3]| {
        let m = f64::from(*c.iter().max().unwrap()).max(1.0);
        c.map(|v| f64::from(v) / m)
    };
    let wanted: Vec<[f64; 3]> = colors.iter().map(|c| norm(*c)).collect();
    let rows = shot.height.saturating_sub(110);
    let mut hit = 0usize;
    for y in 0..rows {
        for x in 0..shot.width {
            let p = shot.at(x, y);
            if *p.iter().max().unwrap() < 90 {
                continue;
            }
            let q = norm(p);
            if wanted
                .iter()
                .any(|w| (0..3).all(|k| (w[k] - q[k]).abs() < 0.22))
            {
                hit += 1;
            }
        }
    }
    hit as f64 / (rows * shot.width) as f64
}

#[test]
fn example_preview_shows_every_formation_at_its_time() {
    let browser = match Browser::launch(1280, 720) {
        Ok(Some(b)) => b,
        Ok(None) => {
            eprintln!("SKIPPED: chromium is not installed (run scripts/ci-deps/preview.sh)");
            return;
        }
        Err(e) => panic!("cannot drive chromium: {e}"),
    };
    let mut browser = browser;
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("eryueer");
    let o = Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .args([
            "build",
            repo.join("examples/eryueer/show.toml").to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--no-csv",
        ])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    let skyc = std::fs::read(out.join("show.skyc")).unwrap();
    let show = skyshow_skyc::read_skyc(&skyc, &skyshow_skyc::ReadOptions::default())
        .unwrap()
        .show;
    let page = out.join("preview.html");
    for f in report["formations"].as_array().unwrap() {
        let name = f["name"].as_str().unwrap();
        let t = (f["start_s"].as_f64().unwrap() + f["end_s"].as_f64().unwrap()) / 2.0;
        let colors: BTreeSet<[u8; 3]> = show
            .drones
            .iter()
            .map(|d| d.lights.color_at(t))
            .filter(|c| (c.r, c.g, c.b) != (0, 0, 0))
            .map(|c| [c.r, c.g, c.b])
            .collect();
        browser
            .open_preview(&page, &format!("#t={t}"), Duration::from_secs(60))
            .unwrap();
        let state = browser
            .eval("(() => { const p = window.skyshowPreview; return {time: p.time, playing: p.playing, count: document.getElementById('drone-count').textContent}; })()")
            .unwrap();
        assert_eq!(state["playing"], false, "{name}: #t= opens paused");
        assert!(
            (state["time"].as_f64().unwrap() - t).abs() < 1e-6,
            "{name}: {state}"
        );
        assert_eq!(state["count"], "600");
        let shot = browser.screenshot().unwrap();
        let share = share_in(&shot, &colors);
        eprintln!(
            "{name} at {t:.1} s: {:.2}% of the pixels in its {} colours",
            share * 100.0,
            colors.len()
        );
        assert!(
            share >= 0.01,
            "{name}: only {:.2}% of the pixels are in the formation's colours",
            share * 100.0
        );
    }
    let errors = browser.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}
