//! A moving formation in every output of `build`: `report.json` gives its `motion` (and a
//! still one none), `report.html` plots its speeds (in English and Chinese), and the
//! preview's data and `render`'s frames play it as flown, checked against the closed form
//! of the turn.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output};

use base64::Engine as _;

/// A 44 m bar across the audience's view turning a quarter about the vertical over the
/// first 20 s of its 30 s hold (smooth easing), then a still ring.
const SHOW: &str = r#"title = "motion outputs"
[fleet]
drones = 12
[fleet.grid]
rows = 3
columns = 4
spacing_m = 3
[[chapter]]
name = "one"
[[chapter.formation]]
name = "bar"
hold = 30
shape = "line"
length_m = 44
center = [0, 0, 40]
color = "red"
[[chapter.formation.motion]]
kind = "rotate"
axis = "up"
turns = 0.25
duration = 20
[[chapter.formation]]
name = "ring"
hold = 10
shape = "circle"
radius_m = 15
center = [0, 0, 40]
color = "green"
"#;

/// Seconds the turn takes, and how far it turns (radians).
const TURN_S: f64 = 20.0;
const TURN_RAD: f64 = std::f64::consts::FRAC_PI_2;

fn skyshow(dir: &Path, args: &[&str]) -> Output {
    let o = Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .current_dir(dir)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("SKYSHOW_LANG")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// Progress of the smooth easing at `u` of the motion.
fn smooth(u: f64) -> f64 {
    let u = u.clamp(0.0, 1.0);
    u * u * (3.0 - 2.0 * u)
}

/// `p` turned by `rad` about the vertical through the origin (counter-clockwise from above).
fn turned(p: [f64; 3], rad: f64) -> [f64; 3] {
    let (s, c) = rad.sin_cos();
    [c * p[0] - s * p[1], s * p[0] + c * p[1], p[2]]
}

fn dist(a: [f64; 3], b: [f64; 3]) -> f64 {
    (0..3).map(|k| (a[k] - b[k]).powi(2)).sum::<f64>().sqrt()
}

/// Each drone's positions by time (ms) from the build's `drones_csv.zip`, by name.
fn csv_positions(zip: &Path) -> BTreeMap<String, BTreeMap<i64, [f64; 3]>> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(zip).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    for k in 0..z.len() {
        let mut f = z.by_index(k).unwrap();
        let name = f.name().unwrap().trim_end_matches(".csv").to_string();
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        let rows = text
            .lines()
            .skip(1)
            .map(|l| {
                let v: Vec<f64> = l.split(',').map(|x| x.parse().unwrap()).collect();
                (v[0] as i64, [v[1], v[2], v[3]])
            })
            .collect();
        out.insert(name, rows);
    }
    out
}

/// The preview page's show data, decoded as its script reads it (see `ShowBuffer`).
struct PageData {
    bytes: Vec<u8>,
    meta: serde_json::Value,
}

impl PageData {
    fn read(page: &str) -> PageData {
        let inner = |id: &str| {
            let open = format!("id=\"{id}\">");
            let a = page.find(&open).unwrap() + open.len();
            let b = a + page[a..].find("</script>").unwrap();
            page[a..b].trim().to_string()
        };
        let meta: serde_json::Value = serde_json::from_str(&inner("skyshow-meta")).unwrap();
        let packed = base64::engine::general_purpose::STANDARD
            .decode(inner("skyshow-data"))
            .unwrap();
        let bytes = if meta["data"]["encoding"] == "deflate-raw" {
            let mut out = Vec::new();
            flate2::read::DeflateDecoder::new(&packed[..])
                .read_to_end(&mut out)
                .unwrap();
            out
        } else {
            packed
        };
        PageData { bytes, meta }
    }

    /// Element `k` of section `name`, as a number.
    fn get(&self, name: &str, k: usize) -> f64 {
        let s = &self.meta["sections"][name];
        let off = s[1].as_u64().unwrap() as usize;
        let b = |n: usize| &self.bytes[off + k * n..off + (k + 1) * n];
        match s[0].as_str().unwrap() {
            "u8" => f64::from(b(1)[0]),
            "u16" => f64::from(u16::from_le_bytes(b(2).try_into().unwrap())),
            "u32" => f64::from(u32::from_le_bytes(b(4).try_into().unwrap())),
            _ => f64::from(f32::from_le_bytes(b(4).try_into().unwrap())),
        }
    }

    /// Point `k` of `pts`, metres.
    fn point(&self, k: usize) -> [f64; 3] {
        let q = &self.meta["quant"];
        let step = q["step"].as_f64().unwrap();
        [0, 1, 2].map(|a| q["origin"][a].as_f64().unwrap() + self.get("pts", 3 * k + a) * step)
    }

    /// Drone `i`'s takeoff position.
    fn home(&self, i: usize) -> [f64; 3] {
        let q = &self.meta["quant"];
        let step = q["step"].as_f64().unwrap();
        [0, 1, 2].map(|a| q["origin"][a].as_f64().unwrap() + self.get("homes", 3 * i + a) * step)
    }

    /// Where drone `i` is at `t`, as the page's `positionOf` computes it.
    fn position(&self, i: usize, t: f64) -> [f64; 3] {
        let mut p = (0..i).map(|j| self.points_of(j)).sum::<usize>();
        let (s0, s1) = (
            self.get("seg_off", i) as usize,
            self.get("seg_off", i + 1) as usize,
        );
        let mut ts = self.get("t0", i);
        let mut cur = p;
        p += 1;
        for s in s0..s1 {
            let te = self.get("seg_t1", s);
            let kind = self.get("seg_kind", s) as u8;
            if t <= te {
                let u = if te > ts { (t - ts) / (te - ts) } else { 1.0 };
                let u = u.clamp(0.0, 1.0);
                let a = self.point(cur);
                return match kind {
                    0 => a,
                    1 => {
                        let b = self.point(p);
                        [0, 1, 2].map(|k| a[k] + (b[k] - a[k]) * u)
                    }
                    _ => {
                        let [b, c, d] = [p, p + 1, p + 2].map(|k| self.point(k));
                        let v = 1.0 - u;
                        let w = [v * v * v, 3.0 * v * v * u, 3.0 * v * u * u, u * u * u];
                        [0, 1, 2].map(|k| w[0] * a[k] + w[1] * b[k] + w[2] * c[k] + w[3] * d[k])
                    }
                };
            }
            match kind {
                1 => (cur, p) = (p, p + 1),
                2 => (cur, p) = (p + 2, p + 3),
                _ => {}
            }
            ts = te;
        }
        self.point(cur)
    }

    /// Points drone `j` has in `pts`.
    fn points_of(&self, j: usize) -> usize {
        let (s0, s1) = (
            self.get("seg_off", j) as usize,
            self.get("seg_off", j + 1) as usize,
        );
        1 + (s0..s1)
            .map(|s| match self.get("seg_kind", s) as u8 {
                1 => 1,
                2 => 3,
                _ => 0,
            })
            .sum::<usize>()
    }
}

/// Columns with a red pixel (the bar) in a PNG frame: how wide the bar looks.
fn red_columns(png_path: &Path) -> usize {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_path).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let ch = info.color_type.samples();
    let (w, h) = (info.width as usize, info.height as usize);
    (0..w)
        .filter(|&x| {
            (0..h).any(|y| {
                let p = &buf[(y * w + x) * ch..(y * w + x) * ch + 3];
                p[0] >= 150 && p[1] < 90 && p[2] < 90
            })
        })
        .count()
}

#[test]
fn a_moving_formation_shows_in_the_report_the_preview_and_the_frames() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("show.toml"), SHOW).unwrap();
    skyshow(
        dir.path(),
        &["build", "show.toml", "-o", "out", "--no-vviz"],
    );
    let out = dir.path().join("out");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    let bar = &report["formations"][0];
    assert_eq!(bar["name"], "bar");
    assert!(
        report["formations"][1].get("motion").is_none(),
        "a still formation has no `motion`"
    );
    let start_s = bar["start_s"].as_f64().unwrap();

    // Where the drones are when the hold starts, and how far the outermost is from the axis.
    let csv = csv_positions(&out.join("drones_csv.zip"));
    // The preview's drone `i` is the CSV's drone standing on the same home.
    let page = PageData::read(&std::fs::read_to_string(out.join("preview.html")).unwrap());
    let names: Vec<String> = (0..page.meta["drones"].as_u64().unwrap() as usize)
        .map(|i| {
            let home = page.home(i);
            let (d, name) = csv
                .iter()
                .map(|(n, rows)| (dist(rows[&0], home), n))
                .min_by(|a, b| a.0.total_cmp(&b.0))
                .unwrap();
            assert!(d < 0.02, "drone {i} stands on a CSV drone's home");
            name.clone()
        })
        .collect();
    assert_eq!(names.len(), csv.len());
    let start_ms = (start_s * 4.0).ceil() as i64 * 250;
    let at = |name: &str, ms: i64| csv[name][&ms];
    let rim = names
        .iter()
        .map(|n| at(n, start_ms)[0].hypot(at(n, start_ms)[1]))
        .fold(0.0, f64::max);
    assert!(rim > 20.0 && rim <= 22.01, "the bar's half-length: {rim}");

    // `motion`: the closed form of the eased turn. Horizontal speed R·Θ·s'(u)/T, peaking at
    // 1.5·R·Θ/T half-way; acceleration from the tangential and centripetal parts.
    let m = &bar["motion"];
    let f = |k: &str| m[k].as_f64().unwrap_or_else(|| panic!("{k} in {m}"));
    assert_eq!(m["kinds"], serde_json::json!(["rotate"]));
    let v_peak = 1.5 * rim * TURN_RAD / TURN_S;
    assert!(
        (f("max_speed_xy_m_s") - v_peak).abs() < 0.02 * v_peak,
        "{} vs {v_peak}",
        f("max_speed_xy_m_s")
    );
    assert!(f("max_speed_up_m_s") < 0.01 && f("max_speed_down_m_s") < 0.01);
    let a_peak = (0..=1000)
        .map(|k| {
            let u = k as f64 / 1000.0;
            let w = TURN_RAD * 6.0 * u * (1.0 - u) / TURN_S;
            let alpha = TURN_RAD * (6.0 - 12.0 * u) / (TURN_S * TURN_S);
            rim * alpha.hypot(w * w)
        })
        .fold(0.0, f64::max);
    assert!(
        (f("max_accel_m_s2") - a_peak).abs() < 0.05 * a_peak,
        "{} vs {a_peak}",
        f("max_accel_m_s2")
    );
    // A rigid turn keeps the spacing the picture has.
    let spacing = bar["min_spacing_m"].as_f64().unwrap();
    assert!((f("min_distance_m") - spacing).abs() < 0.01, "{m}");
    assert!(f("fit_error_m") <= 0.05);

    // The CSV export and the preview's data both fly the turn: a quarter of the way into
    // it (5 s), each drone is where the closed form puts it.
    let quarter_ms = start_ms + 5000;
    let turn_at = |ms: i64| TURN_RAD * smooth((ms as f64 / 1000.0 - start_s) / TURN_S);
    let mut moved: f64 = 0.0;
    for (i, n) in names.iter().enumerate() {
        let p0 = at(n, start_ms);
        let want = turned(p0, turn_at(quarter_ms) - turn_at(start_ms));
        let got = at(n, quarter_ms);
        assert!(
            dist(got, want) < 0.06,
            "{n} in the CSV: {got:?} vs {want:?}"
        );
        let shown = page.position(i, quarter_ms as f64 / 1000.0);
        assert!(
            dist(shown, want) < 0.08,
            "{n} in the preview: {shown:?} vs {want:?}"
        );
        moved = moved.max(dist(p0, want));
    }
    assert!(moved > 5.0, "the turn moves the drones: {moved} m");

    // `render`: the bar spans the view at the start and, turned a quarter, points at the
    // audience: it looks much narrower.
    let frame = |t: f64, name: &str| {
        skyshow(
            dir.path(),
            &[
                "render",
                "out",
                "--at",
                &t.to_string(),
                "-o",
                name,
                "--width",
                "320",
                "--height",
                "180",
            ],
        );
        red_columns(&dir.path().join(name))
    };
    let wide = frame(start_s + 0.5, "a.png");
    let narrow = frame(start_s + TURN_S + 1.0, "b.png");
    assert!(wide > 40, "the bar across the view: {wide} columns");
    assert!(
        narrow * 3 < wide,
        "turned towards the audience: {narrow} columns vs {wide}"
    );

    // `report.html`: a speed plot for the moving formation only, in English and Chinese.
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert_eq!(html.matches("Moving formation “bar” (rotate)").count(), 1);
    assert!(!html.contains("Moving formation “ring”"));
    assert!(html.contains("aria-label=\"speeds during the hold of bar\""));
    skyshow(
        dir.path(),
        &[
            "--lang",
            "zh",
            "build",
            "show.toml",
            "-o",
            "zh",
            "--no-vviz",
            "--no-csv",
        ],
    );
    let html = std::fs::read_to_string(dir.path().join("zh/report.html")).unwrap();
    assert!(html.contains("运动编队“bar”（rotate）"), "Chinese heading");
    assert!(html.contains("bar 保持期间的速度"));
}
