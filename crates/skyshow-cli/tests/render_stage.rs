//! `render` draws a show file and the folder built from it alike: the same frame from both
//! (the audience view as `preview.html` places it, and the top view), a firework burst
//! where and when it bursts, and the ground's marks (audience, firing front, site) where
//! they are.
//!
//! The camera, the burst and the ground marks are taken from the files `build` wrote
//! (`preview.html`'s data, `stage.json`) with plain JSON code, and projected here.

#![allow(clippy::print_stderr)] // the figures measured, for the record

mod common;

use std::path::{Path, PathBuf};

use common::{built, run, show_with_head, stderr};
use serde_json::Value;

const W: usize = 320;
const H: usize = 180;

/// Before the fleet: the audience at −X behind a line, a site with a boundary and one
/// exclusion zone, and one red shell fired from a front of three positions at x = 80.
const HEAD: &str = r#"[audience]
azimuth_deg = 180
line = [[-120, -80], [-120, 80]]
[site]
boundary = [[-260, -200], [260, -200], [260, 200], [-260, 200]]
[[site.exclusion]]
name = "tent"
zone = [[40, 40], [90, 40], [90, 90], [40, 90]]
[pyro]
[pyro.front]
center = [80, 0, 0]
width_m = 60
positions = 3
[[pyro.cue]]
name = "c1"
time = 30
product = "SH100-R"
"#;

/// The 16 drones' one formation: a blue ring 40 m up.
const RING: &str = r#"[[chapter.formation]]
name = "ring"
hold = 40
shape = "circle"
radius_m = 20
center = [0, 0, 40]
color = "blue"
"#;

/// The show file, written in `dir`, and the folder built from it.
fn show_and_folder(dir: &Path) -> (PathBuf, PathBuf) {
    let out = built(dir, &show_with_head(HEAD, RING), &["--no-csv", "--no-vviz"]);
    (dir.join("show.toml"), out)
}

/// An RGB image.
struct Image {
    rgb: Vec<u8>,
}

impl Image {
    fn read(path: &Path) -> Image {
        let dec = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
        let mut reader = dec.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!((info.width as usize, info.height as usize), (W, H));
        assert_eq!(info.color_type, png::ColorType::Rgb);
        buf.truncate(W * H * 3);
        Image { rgb: buf }
    }

    fn at(&self, x: usize, y: usize) -> [u8; 3] {
        let i = (y * W + x) * 3;
        [self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]]
    }

    /// Pixels (at their centres) for which `keep` holds.
    fn count(&self, mut keep: impl FnMut(f64, f64, [u8; 3]) -> bool) -> usize {
        (0..H)
            .flat_map(|y| (0..W).map(move |x| (x, y)))
            .filter(|&(x, y)| keep(x as f64 + 0.5, y as f64 + 0.5, self.at(x, y)))
            .count()
    }

    /// Pixels within `r` of (`cx`, `cy`) for which `want` holds.
    fn count_near(&self, cx: f64, cy: f64, r: f64, want: impl Fn([u8; 3]) -> bool) -> usize {
        self.count(|x, y, p| (x - cx).powi(2) + (y - cy).powi(2) <= r * r && want(p))
    }
}

/// A pinhole camera from `preview.html`'s data, projecting onto a `W` × `H` image.
struct Cam {
    eye: [f64; 3],
    f: [f64; 3],
    r: [f64; 3],
    u: [f64; 3],
    focal: f64,
}

fn sub(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}
fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}
fn cross(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}
fn unit(a: [f64; 3]) -> [f64; 3] {
    let n = dot(a, a).sqrt();
    [a[0] / n, a[1] / n, a[2] / n]
}
fn v3(v: &Value) -> [f64; 3] {
    let a = v.as_array().unwrap();
    [0, 1, 2].map(|k| a.get(k).and_then(Value::as_f64).unwrap_or(0.0))
}

impl Cam {
    fn of(c: &Value) -> Cam {
        let eye = v3(&c["position"]);
        let f = unit(sub(v3(&c["look_at"]), eye));
        let mut r = cross(f, [0.0, 0.0, 1.0]);
        if dot(r, r) < 1e-12 {
            r = cross(f, [1.0, 0.0, 0.0]);
        }
        let r = unit(r);
        let u = cross(r, f);
        let fov = c["fov_deg"].as_f64().unwrap().to_radians();
        Cam {
            eye,
            f,
            r,
            u,
            focal: (H as f64 / 2.0) / (fov / 2.0).tan(),
        }
    }

    fn project(&self, p: [f64; 3]) -> (f64, f64) {
        let q = sub(p, self.eye);
        let z = dot(q, self.f);
        assert!(z > 1.0, "{p:?} is in front of the camera");
        (
            W as f64 / 2.0 + self.focal * dot(q, self.r) / z,
            H as f64 / 2.0 - self.focal * dot(q, self.u) / z,
        )
    }
}

/// The data `preview.html` plays from.
fn page_meta(out: &Path) -> Value {
    let page = std::fs::read_to_string(out.join("preview.html")).unwrap();
    let start = page.find("id=\"skyshow-meta\">").unwrap() + "id=\"skyshow-meta\">".len();
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end].replace("<\\/", "</")).unwrap()
}

fn render(input: &Path, at: f64, png: &Path, camera: &str) -> Image {
    let o = run(&[
        "render",
        input.to_str().unwrap(),
        "--at",
        &at.to_string(),
        "-o",
        png.to_str().unwrap(),
        "--width",
        &W.to_string(),
        "--height",
        &H.to_string(),
        "--camera",
        camera,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    Image::read(png)
}

/// Pixels of the two images whose channels differ by more than 2, and the largest
/// difference.
fn differing(a: &Image, b: &Image) -> (usize, u8) {
    let mut n = 0;
    let mut worst = 0;
    for (p, q) in a.rgb.chunks(3).zip(b.rgb.chunks(3)) {
        let d = (0..3).map(|k| p[k].abs_diff(q[k])).max().unwrap();
        worst = worst.max(d);
        if d > 2 {
            n += 1;
        }
    }
    (n, worst)
}

/// Pixels within 2.5 px of a point whose colour has the direction of `want` (within
/// about 14°, brightness aside) and is brighter than the plain ground.
fn hue_near(img: &Image, (cx, cy): (f64, f64), want: [f64; 3]) -> usize {
    let w = unit(want);
    img.count_near(cx, cy, 2.5, |p| {
        let v = [p[0] as f64, p[1] as f64, p[2] as f64];
        let n = dot(v, v).sqrt();
        n > 100.0 && dot(v, w) / n > 0.97
    })
}

#[test]
fn render_stage() {
    let dir = tempfile::tempdir().unwrap();
    let (show, out) = show_and_folder(dir.path());
    let stage: Value =
        serde_json::from_slice(&std::fs::read(out.join("stage.json")).unwrap()).unwrap();
    let meta = page_meta(&out);
    let burst = &stage["fireworks"][0];
    let t_burst = burst["time_s"].as_f64().unwrap();
    let colour = v3(&burst["color"]);
    assert_eq!(meta["bursts"][0]["time_s"].as_f64(), Some(t_burst));

    // One frame from the show file and from the folder: the same picture.
    let t = t_burst + 0.6;
    let from_show = render(&show, t, &dir.path().join("a.png"), "audience");
    let from_folder = render(&out, t, &dir.path().join("b.png"), "audience");
    let (n, worst) = differing(&from_show, &from_folder);
    eprintln!(
        "audience view: {n} of {} pixels differ by more than 2 (worst {worst})",
        W * H
    );
    assert_eq!(n, 0, "show file and folder frames differ (worst {worst})");
    let top_show = render(&show, t, &dir.path().join("c.png"), "top");
    let top_folder = render(&out, t, &dir.path().join("d.png"), "top");
    assert_eq!(differing(&top_show, &top_folder).0, 0, "top views differ");
    assert!(
        differing(&from_folder, &top_folder).0 > 1000,
        "the views differ"
    );

    // The camera is the preview's audience view: the bursts of that moment (one per firing
    // position) open around their projected centres in their colour, and nothing of that
    // colour is there before the shells rise.
    let cam = Cam::of(&meta["cameras"]["audience"]);
    let discs: Vec<(f64, f64, f64)> = stage["fireworks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["time_s"].as_f64() == Some(t_burst))
        .map(|b| {
            let c = v3(&b["position"]);
            let (x, y) = cam.project(c);
            assert!(
                (0.0..W as f64).contains(&x) && (0.0..H as f64).contains(&y),
                "({x}, {y})"
            );
            let r = b["radius_m"].as_f64().unwrap() * cam.focal / dot(sub(c, cam.eye), cam.f);
            (x, y, r * 1.2)
        })
        .collect();
    let is_burst = |p: [u8; 3]| {
        let v = [p[0] as f64, p[1] as f64, p[2] as f64];
        let n = dot(v, v).sqrt();
        n > 60.0 && dot(v, unit(colour)) / n > 0.95
    };
    let near = |img: &Image| {
        img.count(|x, y, p| {
            is_burst(p)
                && discs
                    .iter()
                    .any(|d| (x - d.0).powi(2) + (y - d.1).powi(2) <= d.2 * d.2)
        })
    };
    let during = near(&from_folder);
    let before = near(&render(
        &out,
        t_burst - 6.0,
        &dir.path().join("e.png"),
        "audience",
    ));
    let anywhere = from_folder.count(|_, _, p| is_burst(p));
    eprintln!(
        "{} bursts at {discs:.1?}: {during} pixels of their colour there, {anywhere} anywhere, {before} before",
        discs.len()
    );
    assert!(
        during >= 15 * discs.len(),
        "the bursts are drawn at their places: {during}"
    );
    assert_eq!(before, 0, "nothing of the bursts' colour before they rise");
    assert!(
        anywhere - during <= during / 20,
        "the bursts' colour is where the bursts are: {during} of {anywhere}"
    );
    // Their light is centred where the preview's camera sees the bursts' centres (the
    // stars fly out evenly around them): a camera placed otherwise would move it.
    let (mut sx, mut sy) = (0.0, 0.0);
    from_folder.count(|x, y, p| {
        if is_burst(p) {
            sx += x;
            sy += y;
        }
        false
    });
    let n = discs.len() as f64;
    let want = (
        discs.iter().map(|d| d.0).sum::<f64>() / n,
        discs.iter().map(|d| d.1).sum::<f64>() / n,
    );
    let got = (sx / anywhere as f64, sy / anywhere as f64);
    eprintln!("centre of the bursts' light {got:.1?}, projected centres' mean {want:.1?}");
    assert!(
        (got.0 - want.0).hypot(got.1 - want.1) < 6.0,
        "the bursts are seen from the preview's camera: {got:?} against {want:?}"
    );

    // The ground, seen from the preview's top view before the shell rises: the audience
    // line, the firing front, the boundary and the exclusion zone are drawn where they
    // project, in their colours; a bare `.skyc` (no stage) has none of them there.
    let t_ground = t_burst - 6.0;
    let top = render(&out, t_ground, &dir.path().join("g.png"), "top");
    let bare = render(
        &out.join("show.skyc"),
        t_ground,
        &dir.path().join("h.png"),
        "top",
    );
    let cam = Cam::of(&meta["cameras"]["top"]);
    let mid = |a: [f64; 3], b: [f64; 3]| [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0, 0.0];
    let audience = stage["audience"].as_array().unwrap();
    let zone = &stage["site"]["exclusions"][0]["zone"];
    let boundary = &stage["site"]["boundary"];
    let colour_of = |kind: &str| {
        meta["site"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["kind"] == kind)
            .map(|o| v3(&o["color"]))
            .unwrap()
    };
    let front = stage["firing_front"].as_array().unwrap();
    for (what, p, want) in [
        (
            "audience line",
            mid(v3(&audience[0]), v3(&audience[1])),
            [0.95, 0.70, 0.30],
        ),
        (
            "firing front",
            mid(v3(&front[0]), v3(&front[1])),
            [1.0, 0.42, 0.10],
        ),
        (
            "exclusion zone",
            mid(v3(&zone[0]), v3(&zone[1])),
            colour_of("exclusion"),
        ),
        (
            "boundary",
            mid(v3(&boundary[1]), v3(&boundary[2])),
            colour_of("boundary"),
        ),
    ] {
        let q = cam.project(p);
        let hits = hue_near(&top, q, want);
        let without = hue_near(&bare, q, want);
        eprintln!(
            "{what} at ({:.1}, {:.1}): {hits} pixels of its colour, {without} without the stage",
            q.0, q.1
        );
        assert!(hits >= 2, "{what} is drawn at ({:.1}, {:.1})", q.0, q.1);
        assert_eq!(without, 0, "{what}: the colour comes from the stage");
    }
}

#[test]
fn a_folder_without_its_stage_is_drawn_bare_and_a_broken_stage_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = show_and_folder(dir.path());
    let stage_file = out.join("stage.json");
    let good = std::fs::read(&stage_file).unwrap();
    let png = dir.path().join("f.png");
    let frame = |lang: &str| {
        run(&[
            "--lang",
            lang,
            "render",
            out.to_str().unwrap(),
            "--at",
            "20",
            "-o",
            png.to_str().unwrap(),
            "--width",
            "64",
            "--height",
            "36",
        ])
    };

    // A folder from an older skyshow: drawn, with a note that says what is left out.
    std::fs::remove_file(&stage_file).unwrap();
    let o = frame("en");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("stage.json` is missing"), "{err}");
    assert!(err.contains("build the show again"), "{err}");

    // A broken file names the key and says how to get a good one.
    let mut v: Value = serde_json::from_slice(&good).unwrap();
    v["fireworks"][0]["position"] = serde_json::json!([80, 0]);
    std::fs::write(&stage_file, serde_json::to_vec(&v).unwrap()).unwrap();
    let o = frame("en");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("cannot read `") && err.contains("stage.json`"),
        "{err}"
    );
    assert!(err.contains("`fireworks[0].position`"), "{err}");
    assert!(err.contains("build the show into"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let o = frame("zh");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("无法读取") && err.contains("`fireworks[0].position`"),
        "{err}"
    );
    std::fs::write(
        &stage_file,
        b"{\"format\": \"skyshow-stage\", \"version\": 9}",
    )
    .unwrap();
    let err = stderr(&frame("en"));
    assert!(
        err.contains("version 9; this skyshow reads version 1"),
        "{err}"
    );
}
