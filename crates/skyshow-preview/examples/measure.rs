//! Measures the preview on synthetic 15-minute shows of 600 and 16,000 drones: page size,
//! time to build it, time until headless Chromium has drawn it (when `/usr/bin/chromium`
//! exists), JS update time per frame while playing, software render time of one frame,
//! report size and time.
//!
//! `cargo run --release -p skyshow-preview --example measure [DRONES...]`
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use common::cdp::Browser;
use common::synthetic::SyntheticShow;
use skyshow_preview::{
    PreviewInput, RenderInput, ReportInput, preview_html, render_png, report_html,
};

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![600, 16_000]
    } else {
        sizes
    };
    let dir = tempfile::tempdir().expect("temp dir");
    for n in sizes {
        // 24 formations, 20 s holds, 15 s transitions: 15 min 5 s in all.
        let synth = SyntheticShow::long(n, 24, 20.0, 15.0);
        let t = Instant::now();
        let show = synth.build();
        let built = t.elapsed();
        let segs: usize = show
            .drones
            .iter()
            .map(|d| d.trajectory.segments.len())
            .sum();
        let steps: usize = show.drones.iter().map(|d| d.lights.steps.len()).sum();
        println!(
            "{n} drones, {:.0} s, {:.1} segments and {:.1} light steps per drone (built in {built:.2?})",
            show.duration_s(),
            segs as f64 / n as f64,
            steps as f64 / n as f64
        );
        let t = Instant::now();
        let html = preview_html(&PreviewInput::new(&show));
        println!(
            "  preview_html: {:.1} MB in {:.2?}",
            html.len() as f64 / 1e6,
            t.elapsed()
        );
        let file = dir.path().join(format!("preview-{n}.html"));
        std::fs::write(&file, &html).expect("write");

        let at = synth.formations[3].start_s + 10.0;
        let t = Instant::now();
        let png = render_png(&RenderInput::new(&show, at)).expect("render");
        println!(
            "  render_png 1280x720 at {at} s: {:.2?}, {} KiB",
            t.elapsed(),
            png.len() / 1024
        );
        let t = Instant::now();
        let report = report_html(&ReportInput::new(&show));
        println!(
            "  report_html (24 thumbnails): {:.2?}, {} KiB",
            t.elapsed(),
            report.len() / 1024
        );

        match Browser::launch(1280, 720) {
            Ok(Some(mut b)) => {
                let took = b
                    .open_preview(&file, &format!("#t={at}"), Duration::from_secs(120))
                    .expect("page loads");
                b.eval("window.skyshowPreview.play()").expect("play");
                std::thread::sleep(Duration::from_secs(3));
                let s = b
                    .eval("(() => { const p = window.skyshowPreview; return {fps: p.fps, updateMs: p.updateMs, renderer: p.renderer, time: p.time}; })()")
                    .expect("state");
                println!(
                    "  chromium (headless, software WebGL): ready after {took:.2?}; playing: {s}"
                );
                let errors = b.console_errors();
                if !errors.is_empty() {
                    println!("  console errors: {errors:?}");
                }
            }
            Ok(None) => println!("  chromium not installed: no load time"),
            Err(e) => println!("  chromium failed: {e}"),
        }
    }
}
