//! Browser tests of the preview page: headless Chromium (software WebGL) opens the page
//! from disk and we check what it shows. Skipped, with a message, when `/usr/bin/chromium`
//! is absent (`scripts/ci-deps/preview.sh` installs it).
#![allow(clippy::print_stderr)]

mod common;

use std::time::Duration;

use common::cdp::{Browser, CHROMIUM, Shot};
use common::synthetic::SyntheticShow;
use skyshow_model::Vec3;
use skyshow_model::{ExclusionZone, Polygon, Site};
use skyshow_preview::{Camera, Ground, PreviewInput, preview_html};

const W: u32 = 1280;
const H: u32 = 720;

fn launch() -> Option<Browser> {
    match Browser::launch(W, H) {
        Ok(Some(b)) => Some(b),
        Ok(None) => {
            eprintln!("SKIPPED: {CHROMIUM} is not installed (run scripts/ci-deps/preview.sh)");
            None
        }
        Err(e) => panic!("cannot drive chromium: {e}"),
    }
}

/// Height of the controls at the bottom of the page (timeline, bar), CSS pixels: the
/// timeline paints formations in colours of its own, so the 3D view is checked above it.
const CONTROLS_PX: usize = 110;

/// Fraction of the image's pixels that are `want` (red or green, saturated) in the 3D view
/// above the controls, and the share of those inside `rect` (x0, y0, x1, y1).
fn colour_share(shot: &Shot, want: usize, rect: (f64, f64, f64, f64)) -> (f64, f64) {
    let (mut n, mut inside) = (0usize, 0usize);
    for y in 0..shot.height.saturating_sub(CONTROLS_PX) {
        for x in 0..shot.width {
            let p = shot.at(x, y);
            let c = p[want] as i32;
            let others = (0..3)
                .filter(|&k| k != want)
                .map(|k| p[k] as i32)
                .max()
                .unwrap_or(0);
            if c >= 120 && c - others >= 80 {
                n += 1;
                let (fx, fy) = (x as f64, y as f64);
                if fx >= rect.0 && fx <= rect.2 && fy >= rect.1 && fy <= rect.3 {
                    inside += 1;
                }
            }
        }
    }
    let total = (shot.width * shot.height) as f64;
    (
        n as f64 / total,
        if n == 0 {
            0.0
        } else {
            inside as f64 / n as f64
        },
    )
}

/// Screen rectangle of the drones at `t` seen by the audience camera, with a margin.
fn projected_rect(show: &skyshow_model::FlightShow, t: f64) -> (f64, f64, f64, f64) {
    let cam = Camera::audience(show, &Ground::default(), W as f64 / H as f64);
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    let focal = (H as f64 / 2.0) / (cam.fov_deg.to_radians() / 2.0).tan();
    let f = (cam.look_at - cam.position).normalized();
    let r = f.cross(Vec3::new(0.0, 0.0, 1.0)).normalized();
    let u = r.cross(f);
    for d in &show.drones {
        let q = d.trajectory.position(t) - cam.position;
        let z = q.dot(f);
        let x = W as f64 / 2.0 + focal * q.dot(r) / z;
        let y = H as f64 / 2.0 - focal * q.dot(u) / z;
        x0 = x0.min(x);
        x1 = x1.max(x);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    let m = 30.0;
    (x0 - m, y0 - m, x1 + m, y1 + m)
}

#[test]
fn preview_shows_the_formations_in_their_colours() {
    let Some(mut browser) = launch() else { return };
    let show = SyntheticShow::red_disc_green_grid(200).build();
    let mut input = PreviewInput::new(&show);
    input.title = "Browser test".into();
    let html = preview_html(&input);
    let file = browser.scratch_dir().join("preview.html");
    std::fs::write(&file, &html).unwrap();

    for (t, want, name) in [(20.0, 0usize, "red"), (40.0, 1usize, "green")] {
        let took = browser
            .open_preview(&file, &format!("#t={t}"), Duration::from_secs(60))
            .unwrap();
        let state = browser
            .eval("(() => { const p = window.skyshowPreview; return {time: p.time, drones: p.drones, playing: p.playing, renderer: p.renderer, count: document.getElementById('drone-count').textContent}; })()")
            .unwrap();
        eprintln!("t={t}: loaded in {took:?}: {state}");
        assert_eq!(state["count"], "200", "#drone-count shows the fleet");
        assert_eq!(state["drones"], 200);
        assert_eq!(state["playing"], false, "#t= opens paused");
        assert!(
            (state["time"].as_f64().unwrap() - t).abs() < 1e-9,
            "#t= sets the time"
        );
        assert!(
            state["renderer"]
                .as_str()
                .unwrap_or("")
                .starts_with("webgl"),
            "drawn with WebGL: {state}"
        );
        let shot = browser.screenshot().unwrap();
        if let Ok(dir) = std::env::var("SKYSHOW_PREVIEW_SHOTS") {
            std::fs::write(format!("{dir}/shot-{t}.rgb"), &shot.rgb).unwrap();
        }
        assert_eq!((shot.width, shot.height), (W as usize, H as usize));
        let distinct: std::collections::BTreeSet<[u8; 3]> = (0..shot.height)
            .step_by(7)
            .flat_map(|y| (0..shot.width).step_by(7).map(move |x| (x, y)))
            .map(|(x, y)| shot.at(x, y))
            .collect();
        assert!(distinct.len() > 10, "screenshot is not blank");
        let rect = projected_rect(&show, t);
        let (share, inside) = colour_share(&shot, want, rect);
        eprintln!(
            "t={t}: {:.2}% of pixels {name}, {:.1}% of them where the formation is",
            share * 100.0,
            inside * 100.0
        );
        assert!(
            share >= 0.01,
            "at least 1% of the pixels are {name}: {share}"
        );
        assert!(
            inside >= 0.95,
            "the {name} pixels are where the formation is: {inside}"
        );
        let other = 1 - want;
        let (wrong, _) = colour_share(&shot, other, rect);
        assert!(
            wrong < 0.001,
            "no pixels of the other formation's colour: {wrong}"
        );
    }
    // Play a little: time advances, then pause and seek through the API.
    browser.eval("window.skyshowPreview.play()").unwrap();
    std::thread::sleep(Duration::from_millis(400));
    let playing = browser
        .eval("window.skyshowPreview.time")
        .unwrap()
        .as_f64()
        .unwrap();
    browser
        .eval("window.skyshowPreview.pause(); window.skyshowPreview.setTime(12.5)")
        .unwrap();
    std::thread::sleep(Duration::from_millis(100));
    let after = browser
        .eval("window.skyshowPreview.time")
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(playing > 40.0, "time advanced while playing: {playing}");
    assert_eq!(after, 12.5);
    let errors = browser.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

/// Pixel position of a ground point seen by `cam` on the whole window.
fn project(cam: &Camera, p: Vec3) -> (f64, f64) {
    let focal = (H as f64 / 2.0) / (cam.fov_deg.to_radians() / 2.0).tan();
    let f = (cam.look_at - cam.position).normalized();
    let mut r = f.cross(Vec3::new(0.0, 0.0, 1.0));
    if r.norm() < 1e-6 {
        r = f.cross(Vec3::new(1.0, 0.0, 0.0));
    }
    let r = r.normalized();
    let u = r.cross(f);
    let q = p - cam.position;
    let z = q.dot(f);
    (
        W as f64 / 2.0 + focal * q.dot(r) / z,
        H as f64 / 2.0 - focal * q.dot(u) / z,
    )
}

#[test]
fn the_site_is_outlined_on_the_ground() {
    let Some(mut browser) = launch() else { return };
    let show = SyntheticShow::red_disc_green_grid(40).build();
    let square = |x0: f64, y0: f64, x1: f64, y1: f64| {
        Polygon::new(vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
    };
    let mut input = PreviewInput::new(&show);
    input.ground.site = Some(Site {
        boundary: Some(square(-160.0, -140.0, 170.0, 150.0)),
        exclusions: vec![ExclusionZone {
            name: "tent".into(),
            zone: square(60.0, 60.0, 110.0, 110.0),
        }],
        ..Site::default()
    });
    let file = browser.scratch_dir().join("site.html");
    std::fs::write(&file, preview_html(&input)).unwrap();
    browser
        .open_preview(&file, "#t=1", Duration::from_secs(60))
        .unwrap();
    browser
        .eval("window.skyshowPreview.setCamera('top')")
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let shot = browser.screenshot().unwrap();
    let cam = Camera::top(&show, &input.ground, W as f64 / H as f64);
    let site = input.ground.site.as_ref().unwrap();
    // Points along each outline's edges: the pixels near them are the outline's colour.
    let outlines: [(&str, &Polygon, [f64; 3]); 2] = [
        (
            "boundary",
            site.boundary.as_ref().unwrap(),
            [0.45, 0.80, 1.0],
        ),
        (
            "exclusion zone",
            &site.exclusions[0].zone,
            [1.0, 0.22, 0.22],
        ),
    ];
    for (what, poly, want) in outlines {
        let n = poly.points.len();
        let (mut seen, mut hit) = (0, 0);
        for k in 0..n {
            let (a, b) = (poly.points[k], poly.points[(k + 1) % n]);
            for s in 1..8 {
                let u = s as f64 / 8.0;
                let p = Vec3::new(a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u, 0.0);
                let (x, y) = project(&cam, p);
                if x < 3.0 || y < 3.0 || x > W as f64 - 4.0 || y > (H as usize - CONTROLS_PX) as f64
                {
                    continue;
                }
                seen += 1;
                let found = (-3..=3)
                    .flat_map(|dy| (-3..=3).map(move |dx| (dx, dy)))
                    .any(|(dx, dy)| {
                        let px = shot.at((x as i64 + dx) as usize, (y as i64 + dy) as usize);
                        let v = px.map(f64::from);
                        let len = (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt();
                        let wl = (want[0] * want[0] + want[1] * want[1] + want[2] * want[2]).sqrt();
                        len > 100.0
                            && (v[0] * want[0] + v[1] * want[1] + v[2] * want[2]) / (len * wl)
                                > 0.97
                    });
                hit += usize::from(found);
            }
        }
        eprintln!("{what}: {hit} of {seen} points along the outline show its colour");
        assert!(seen >= 8, "{what}: in view");
        assert!(hit * 10 >= seen * 9, "{what}: outlined ({hit} of {seen})");
    }
    let errors = browser.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

#[test]
fn empty_and_odd_shows_load_without_errors() {
    let Some(mut browser) = launch() else { return };
    let empty = skyshow_model::FlightShow::default();
    let mut weird = SyntheticShow::red_disc_green_grid(3).build();
    weird.drones[0].trajectory.segments[1].p[2].x = f64::NAN;
    weird.drones[1].lights.steps.clear();
    weird.drones[2].home = Vec3::new(f64::INFINITY, 0.0, 0.0);
    for (name, show) in [("empty", &empty), ("odd", &weird)] {
        let file = browser.scratch_dir().join(format!("{name}.html"));
        std::fs::write(&file, preview_html(&PreviewInput::new(show))).unwrap();
        browser
            .open_preview(&file, "#t=12", Duration::from_secs(60))
            .unwrap();
        browser
            .eval("window.skyshowPreview.setCamera('top'); window.skyshowPreview.play()")
            .unwrap();
        std::thread::sleep(Duration::from_millis(200));
        browser
            .eval("window.skyshowPreview.setCamera('orbit'); window.skyshowPreview.pause()")
            .unwrap();
    }
    let errors = browser.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

#[test]
fn preview_of_16000_drones_loads() {
    let Some(mut browser) = launch() else { return };
    let synth = SyntheticShow::long(16_000, 6, 20.0, 15.0);
    let show = synth.build();
    let html = preview_html(&PreviewInput::new(&show));
    let file = browser.scratch_dir().join("preview16k.html");
    std::fs::write(&file, &html).unwrap();
    let t = synth.formations[2].start_s + 5.0;
    let took = browser
        .open_preview(&file, &format!("#t={t}"), Duration::from_secs(120))
        .unwrap();
    let state = browser
        .eval("(() => { const p = window.skyshowPreview; return {drones: p.drones, loadMs: p.loadMs, updateMs: p.updateMs, renderer: p.renderer, count: document.getElementById('drone-count').textContent}; })()")
        .unwrap();
    eprintln!(
        "16,000 drones, {:.1} MB page: ready after {took:?} ({state})",
        html.len() as f64 / 1e6
    );
    assert_eq!(state["count"], "16000");
    let errors = browser.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

/// A tiny HTTP server like `skyshow preview`'s: `/preview.html` and `/version`.
fn serve(html: Vec<u8>, version: std::sync::Arc<std::sync::Mutex<String>>) -> u16 {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let html = std::sync::Arc::new(html);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let html = html.clone();
            let version = version.clone();
            std::thread::spawn(move || {
                let mut req = [0u8; 4096];
                let n = stream.read(&mut req).unwrap_or(0);
                let line = String::from_utf8_lossy(&req[..n]);
                let (status, kind, body) = if line.starts_with("GET /preview.html") {
                    ("200 OK", "text/html; charset=utf-8", html.to_vec())
                } else if line.starts_with("GET /version") {
                    (
                        "200 OK",
                        "text/plain",
                        version.lock().unwrap().clone().into_bytes(),
                    )
                } else {
                    ("404 Not Found", "text/plain", b"not found".to_vec())
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&body);
            });
        }
    });
    port
}

#[test]
fn served_page_reloads_when_the_show_changes() {
    let Some(mut browser) = launch() else { return };
    let show = SyntheticShow::red_disc_green_grid(20).build();
    let mut input = PreviewInput::new(&show);
    input.live_reload_url = Some("version".into());
    let version = std::sync::Arc::new(std::sync::Mutex::new("1".to_string()));
    let port = serve(preview_html(&input), version.clone());
    let url = format!("http://127.0.0.1:{port}/preview.html#t=30");
    browser
        .call("Page.navigate", serde_json::json!({"url": url}))
        .unwrap();
    let wait = |b: &mut Browser, expr: &str| {
        let start = std::time::Instant::now();
        // An evaluation can fail while the page reloads (its context goes away): retry.
        while b.eval(expr).ok() != Some(serde_json::json!(true)) {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {expr}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    wait(
        &mut browser,
        "!!(window.skyshowPreview && window.skyshowPreview.ready)",
    );
    browser
        .eval("window.skyshowPreview.setCamera('top'); window.skyshowPreview.setTime(33.5); window.marker = 1")
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    *version.lock().unwrap() = "2".into();
    wait(
        &mut browser,
        "window.marker === undefined && !!(window.skyshowPreview && window.skyshowPreview.ready)",
    );
    let s = browser
        .eval("(() => { const p = window.skyshowPreview; return {time: p.time, camera: p.camera, playing: p.playing}; })()")
        .unwrap();
    assert_eq!(s["time"], 33.5, "same time after the reload: {s}");
    assert_eq!(s["camera"], "top", "same camera after the reload: {s}");
    assert_eq!(s["playing"], false);
    let errors = browser.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

/// One second of a 440 Hz tone, 8 kHz mono 16-bit WAV.
fn tone_wav() -> Vec<u8> {
    let rate = 8000u32;
    let samples: Vec<i16> = (0..rate)
        .map(|i| ((i as f64 * 440.0 * std::f64::consts::TAU / rate as f64).sin() * 8000.0) as i16)
        .collect();
    let data_len = samples.len() as u32 * 2;
    let mut w = Vec::new();
    w.extend(b"RIFF");
    w.extend((36 + data_len).to_le_bytes());
    w.extend(b"WAVEfmt ");
    w.extend(16u32.to_le_bytes());
    w.extend(1u16.to_le_bytes());
    w.extend(1u16.to_le_bytes());
    w.extend(rate.to_le_bytes());
    w.extend((rate * 2).to_le_bytes());
    w.extend(2u16.to_le_bytes());
    w.extend(16u16.to_le_bytes());
    w.extend(b"data");
    w.extend(data_len.to_le_bytes());
    for s in samples {
        w.extend(s.to_le_bytes());
    }
    w
}

#[test]
fn music_plays_in_sync_with_the_show() {
    let Some(mut browser) = launch() else { return };
    let show = SyntheticShow::red_disc_green_grid(10).build();
    let wav = tone_wav();
    let mut input = PreviewInput::new(&show);
    // The music starts at 20 s on the show clock.
    input.music = Some(skyshow_preview::Music {
        bytes: &wav,
        mime: "audio/wav",
        offset_s: 20.0,
        waveform: &[],
        waveform_bucket_s: 0.1,
    });
    let file = browser.scratch_dir().join("music.html");
    std::fs::write(&file, preview_html(&input)).unwrap();
    browser
        .open_preview(&file, "#t=20.2", Duration::from_secs(60))
        .unwrap();
    let start = std::time::Instant::now();
    while browser
        .eval("document.getElementById('music').readyState >= 1")
        .ok()
        != Some(serde_json::json!(true))
    {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "music metadata never loaded"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let dur = browser
        .eval("document.getElementById('music').duration")
        .unwrap();
    assert!(
        (dur.as_f64().unwrap() - 1.0).abs() < 0.05,
        "the embedded WAV lasts 1 s: {dur}"
    );
    browser.eval("window.skyshowPreview.play()").unwrap();
    std::thread::sleep(Duration::from_millis(400));
    let s = browser
        .eval("(() => { const a = document.getElementById('music'); return {t: window.skyshowPreview.time, a: a.currentTime, paused: a.paused}; })()")
        .unwrap();
    eprintln!("while playing: {s}");
    assert_eq!(s["paused"], false, "the music plays with the show");
    let (t, a) = (s["t"].as_f64().unwrap(), s["a"].as_f64().unwrap());
    assert!(a >= 0.19, "the music started where the show is: {s}");
    assert!(
        (t - 20.0 - a).abs() < 0.5,
        "show time = music time + 20 s: {s}"
    );
    browser.eval("window.skyshowPreview.pause()").unwrap();
    let paused = browser
        .eval("document.getElementById('music').paused")
        .unwrap();
    assert_eq!(paused, true, "pausing the show pauses the music");
    let errors = browser.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

#[test]
fn without_webgl_the_page_falls_back_to_2d_canvas() {
    let browser = match Browser::launch_with(W, H, &["--disable-webgl", "--disable-3d-apis"]) {
        Ok(Some(b)) => Some(b),
        Ok(None) => {
            eprintln!("SKIPPED: {CHROMIUM} is not installed (run scripts/ci-deps/preview.sh)");
            None
        }
        Err(e) => panic!("cannot drive chromium: {e}"),
    };
    let Some(mut browser) = browser else { return };
    let show = SyntheticShow::red_disc_green_grid(200).build();
    let file = browser.scratch_dir().join("fallback.html");
    std::fs::write(&file, preview_html(&PreviewInput::new(&show))).unwrap();
    browser
        .open_preview(&file, "#t=20", Duration::from_secs(60))
        .unwrap();
    let r = browser.eval("window.skyshowPreview.renderer").unwrap();
    assert_eq!(r, "canvas2d");
    let shot = browser.screenshot().unwrap();
    let (share, inside) = colour_share(&shot, 0, projected_rect(&show, 20.0));
    eprintln!(
        "2D fallback: {:.2}% red, {:.0}% inside",
        share * 100.0,
        inside * 100.0
    );
    assert!(
        share > 0.002 && inside > 0.95,
        "the red disc is drawn: {share} {inside}"
    );
    let errors = browser.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}
