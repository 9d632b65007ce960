//! Fireworks end to end: the example's firing scripts read back independently (ignition =
//! effect − prefire at each system's resolution, in each system's order, encoding and line
//! endings), a shell bursting inside a drone picture, a position too close to the audience,
//! and byte-identical exports.
//!
//! The scripts are parsed here with plain string handling; the prefire times come from the
//! catalogue TOML and the effect times from the show file, both read with `toml`, not with
//! skyshow's code.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn build(show: &Path, out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .env("NO_COLOR", "1")
        .args(["build", show.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .args(["--no-csv", "--no-progress"])
        .output()
        .unwrap()
}

fn report(out: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap()
}

/// Lines of a CRLF file: every line must end in CRLF.
fn crlf_lines(bytes: &[u8], what: &str) -> Vec<String> {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|_| panic!("{what}: not UTF-8"));
    assert!(text.ends_with("\r\n"), "{what}: last line without CRLF");
    let body = &text[..text.len() - 2];
    let lines: Vec<String> = body.split("\r\n").map(str::to_string).collect();
    assert!(
        lines.iter().all(|l| !l.contains('\n') && !l.contains('\r')),
        "{what}: a bare LF or CR"
    );
    lines
}

/// Splits one CSV line (commas, `"` quoting with `""` escapes).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if cur.is_empty() => quoted = true,
            (',', false) => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// Whole milliseconds from a decimal seconds text (`"9.20"`).
fn ms(s: &str) -> i64 {
    (s.trim()
        .parse::<f64>()
        .unwrap_or_else(|_| panic!("not seconds: {s:?}"))
        * 1000.0)
        .round() as i64
}

/// `HH:MM:SS.xxs` (COBRA) in ms.
fn cobra_ms(s: &str) -> i64 {
    let s = s.strip_suffix('s').expect("COBRA times end in s");
    let p: Vec<&str> = s.split(':').collect();
    assert_eq!(p.len(), 3, "{s}");
    let (sec, frac) = p[2].split_once('.').unwrap();
    assert_eq!(frac.len(), 2, "COBRA firmware 7 writes 1/100 s: {s}");
    p[0].parse::<i64>().unwrap() * 3_600_000
        + p[1].parse::<i64>().unwrap() * 60_000
        + sec.parse::<i64>().unwrap() * 1000
        + frac.parse::<i64>().unwrap() * 10
}

/// Prefire per part number: the built-in catalogue's TOML, then the show's overrides.
fn prefires(show: &toml::Value) -> BTreeMap<String, f64> {
    let text =
        std::fs::read_to_string(repo().join("crates/skyshow-pyro/src/catalogue.toml")).unwrap();
    let cat: toml::Value = toml::from_str(&text).unwrap();
    let mut out = BTreeMap::new();
    for p in cat["product"].as_array().unwrap() {
        out.insert(
            p["part"].as_str().unwrap().to_string(),
            p["prefire_s"].as_float().unwrap(),
        );
    }
    let pyro = &show["pyro"];
    for p in pyro
        .get("product")
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
    {
        out.insert(
            p["part"].as_str().unwrap().to_string(),
            p["prefire_s"].as_float().unwrap(),
        );
    }
    for o in pyro
        .get("override")
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
    {
        if let Some(pf) = o.get("prefire_s") {
            out.insert(
                o["part"].as_str().unwrap().to_string(),
                pf.as_float().unwrap(),
            );
        }
    }
    out
}

fn num(v: &toml::Value) -> f64 {
    v.as_float()
        .or_else(|| v.as_integer().map(|i| i as f64))
        .unwrap()
}

/// One device as the setup sheet lists it.
#[derive(Clone, Debug)]
struct Device {
    position: String,
    module: u32,
    pin: u32,
    part: String,
    effect_name: String,
    ignition_ms: i64,
    effect_ms: i64,
    track: u32,
    cue: String,
}

/// Asserts `ignition = effect − prefire` rounded to `res_ms`.
fn assert_ignition(what: &str, ignition_ms: i64, effect_ms: i64, prefire_s: f64, res_ms: i64) {
    let exact = effect_ms as f64 - prefire_s * 1000.0;
    assert_eq!(
        ignition_ms % res_ms,
        0,
        "{what}: {ignition_ms} ms is off the {res_ms} ms grid"
    );
    assert!(
        (ignition_ms as f64 - exact).abs() <= res_ms as f64 / 2.0 + 1e-6,
        "{what}: ignition {ignition_ms} ms, effect {effect_ms} ms − prefire {prefire_s} s"
    );
}

#[test]
fn example_firing_scripts_have_ignition_effect_minus_prefire_in_each_systems_order() {
    let show_path = repo().join("examples/eryueer/show.toml");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = build(&show_path, &out);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let show: toml::Value = toml::from_str(&std::fs::read_to_string(&show_path).unwrap()).unwrap();
    let prefire = prefires(&show);

    // The report's pyro section.
    let r = report(&out);
    let p = &r["pyro"];
    assert_eq!(
        r["violations"].as_array().unwrap().len(),
        0,
        "{:#}",
        r["violations"]
    );
    assert_eq!(p["violations"].as_array().unwrap().len(), 0);
    assert_eq!(p["positions"], 27);
    assert!(p["front_width_m"].as_f64().unwrap() >= 500.0);
    let colours: Vec<&str> = p["colours"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    for c in ["red", "green", "blue", "gold"] {
        assert!(colours.contains(&c), "{colours:?}");
    }
    let pyro = out.join("pyro");
    for f in [
        "cobra.csv",
        "finale.csv",
        "script.csv",
        "setup_sheet.csv",
        "setup_sheet.html",
        "elements.csv",
    ] {
        assert!(pyro.join(f).is_file(), "{f}");
    }

    // The setup sheet: one row per device with its effect time and track.
    let setup = crlf_lines(
        &std::fs::read(pyro.join("setup_sheet.csv")).unwrap(),
        "setup",
    );
    let head = csv_fields(&setup[0]);
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let devices: Vec<Device> = setup[1..]
        .iter()
        .map(|l| {
            let f = csv_fields(l);
            Device {
                position: f[col("Position")].clone(),
                module: f[col("Module")].parse().unwrap(),
                pin: f[col("Pin")].parse().unwrap(),
                part: f[col("Part")].clone(),
                effect_name: f[col("Effect")].clone(),
                ignition_ms: ms(&f[col("Ignition s")]),
                effect_ms: ms(&f[col("Effect s")]),
                track: f[col("Track")].parse().unwrap(),
                cue: f[col("Cue")].clone(),
            }
        })
        .collect();
    assert_eq!(devices.len() as u64, p["cues"].as_u64().unwrap());
    // Every chapter has fireworks, and the effect times are the show file's: the cue's time
    // plus a whole number of pattern steps.
    let tracks: std::collections::BTreeSet<u32> = devices.iter().map(|d| d.track).collect();
    assert_eq!(tracks.into_iter().collect::<Vec<_>>(), [1, 2, 3, 4]);
    let cues = show["pyro"]["cue"].as_array().unwrap();
    for d in &devices {
        let c = cues
            .iter()
            .find(|c| format!("pyro.cue \"{}\"", c["name"].as_str().unwrap()) == d.cue)
            .unwrap_or_else(|| panic!("{} is not in the show file", d.cue));
        assert_eq!(c["product"].as_str().unwrap(), d.part);
        let t0 = (num(&c["time"]) * 1000.0).round() as i64;
        let step = c
            .get("spacing_s")
            .map_or(0, |s| (num(s) * 1000.0).round() as i64);
        let k = if step == 0 {
            0
        } else {
            (d.effect_ms - t0) / step
        };
        assert_eq!(
            d.effect_ms,
            t0 + k * step,
            "{}: effect {} ms",
            d.cue,
            d.effect_ms
        );
        assert!((0..27).contains(&k), "{}: step {k}", d.cue);
        assert_ignition(&d.cue, d.ignition_ms, d.effect_ms, prefire[&d.part], 10);
    }
    let by_pin: BTreeMap<(u32, u32), &Device> =
        devices.iter().map(|d| ((d.module, d.pin), d)).collect();
    assert_eq!(by_pin.len(), devices.len(), "two devices on one pin");

    // COBRA cobra.csv: ASCII, CRLF, header row, rows (time, channel, cue, description)
    // sorted by time, then channel, then cue; 1/100 s.
    let bytes = std::fs::read(pyro.join("cobra.csv")).unwrap();
    assert!(bytes.is_ascii(), "cobra.csv is not ASCII");
    let lines = crlf_lines(&bytes, "cobra.csv");
    // Header: A channel, B button, C `deadman` (a value firmware 7 lists), D return channel,
    // E audio box file (empty), F the script name (the show's title, ASCII).
    let head: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(
        &head[..4],
        ["channel 0", "cue 1", "deadman", "return-channel 0"]
    );
    assert!(
        head.len() == 4 || (head.len() == 6 && head[4].is_empty()),
        "{}",
        lines[0]
    );
    let mut keys = Vec::new();
    let mut n = 0;
    for l in &lines[1..] {
        let f = csv_fields(l);
        assert_eq!(f.len(), 4, "{l}");
        let t = cobra_ms(&f[0]);
        let module: u32 = f[1].strip_prefix("channel ").unwrap().parse().unwrap();
        let pin: u32 = f[2].strip_prefix("cue ").unwrap().parse().unwrap();
        assert!((1..=18).contains(&pin), "{l}");
        let d = by_pin[&(module, pin)];
        assert_eq!(t, d.ignition_ms, "{l}");
        assert_eq!(f[3], d.effect_name, "{l}");
        assert_ignition(l, t, d.effect_ms, prefire[&d.part], 10);
        keys.push((t, module, pin));
        n += 1;
    }
    assert_eq!(n, devices.len());
    assert!(
        keys.windows(2).all(|w| w[0] < w[1]),
        "cobra.csv is not in time, channel, cue order"
    );

    // fireTEK script.csv: ASCII, CRLF, two header rows, sorted by module, sequence,
    // time, channel; times in ms at 1/100 s; 16 channels per module. Its own addressing, so
    // each row is matched to a device by position, effect and ignition time.
    let bytes = std::fs::read(pyro.join("script.csv")).unwrap();
    assert!(bytes.is_ascii(), "script.csv is not ASCII");
    let lines = crlf_lines(&bytes, "script.csv");
    assert!(lines[0].starts_with("##"));
    assert!(lines[1].starts_with("Module ID,Rail,Channel,Time,Sequence,"));
    let mut pool: BTreeMap<(String, String, i64), usize> = BTreeMap::new();
    for d in &devices {
        *pool
            .entry((d.position.clone(), d.effect_name.clone(), d.ignition_ms))
            .or_default() += 1;
    }
    let mut keys = Vec::new();
    for l in &lines[2..] {
        let f = csv_fields(l);
        assert_eq!(f.len(), 12, "{l}");
        let module: u32 = f[0].parse().unwrap();
        let channel: u32 = f[2].parse().unwrap();
        let t: i64 = f[3].parse().unwrap();
        let seq: u32 = f[4].parse().unwrap();
        assert_eq!(seq, 0, "every cue in sequence 0, the show: {l}");
        assert!(
            (1..=16).contains(&channel) && (1..=99).contains(&module),
            "{l}"
        );
        let position = format!("P{:02}", f[8].parse::<u32>().unwrap());
        let key = (position, f[10].clone(), t);
        let left = pool
            .get_mut(&key)
            .unwrap_or_else(|| panic!("no device for {l}"));
        assert!(*left > 0, "more rows than devices for {l}");
        *left -= 1;
        let d = devices
            .iter()
            .find(|d| {
                (d.position.as_str(), d.effect_name.as_str(), d.ignition_ms)
                    == (key.0.as_str(), key.1.as_str(), t)
            })
            .unwrap();
        assert_ignition(l, t, d.effect_ms, prefire[&d.part], 10);
        assert!(d.track >= 1, "{l}: the device has its chapter's track");
        keys.push((module, seq, t, channel));
    }
    assert!(
        pool.values().all(|&v| v == 0),
        "devices missing from script.csv"
    );
    assert!(
        keys.windows(2).all(|w| w[0] < w[1]),
        "script.csv is not in module, sequence, time, channel order"
    );

    // Finale generic CSV: header, one row per device in ignition order, with prefire.
    let lines = crlf_lines(
        &std::fs::read(pyro.join("finale.csv")).unwrap(),
        "finale.csv",
    );
    // Finale's generic layout: the row type is the first column.
    let head = csv_fields(&lines[0]);
    assert_eq!(head[0], "FIRING_HEADER_ROW");
    assert_eq!(head.len(), 29);
    assert!(head.iter().any(|h| h == "Animation Description"));
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let mut last = i64::MIN;
    let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for l in &lines[1..] {
        let f = csv_fields(l);
        assert_eq!(f.len(), 29, "{l}");
        assert_eq!(f[0], "FIRING_DATA_ROW", "{l}");
        // Coordinates in Finale's frame (Y up): the front stands on the ground, Y = 0.
        let c: Vec<f64> = f[col("Coordinates")]
            .split(' ')
            .map(|v| v.parse().unwrap())
            .collect();
        assert_eq!(c.len(), 6, "{l}");
        assert_eq!(c[1], 0.0, "a ground position must have Finale Y = 0: {l}");
        for (k, v) in [c[0], c[2]].into_iter().enumerate() {
            lo[k] = lo[k].min(v);
            hi[k] = hi[k].max(v);
        }
        let t = ms(&f[col("Ignition Event Time")]);
        let module: u32 = f[col("Module Address")].parse().unwrap();
        let pin: u32 = f[col("Pin Address")].parse().unwrap();
        let d = by_pin[&(module, pin)];
        let pf: f64 = f[col("Prefire Delay")].parse().unwrap();
        assert_eq!(pf, prefire[&d.part], "{l}");
        assert_eq!(f[col("Position Name")], d.position);
        assert_ignition(l, t, d.effect_ms, prefire[&d.part], 10);
        assert!(t >= last, "finale.csv is not in ignition order");
        last = t;
    }
    assert_eq!(lines.len() - 1, devices.len());
    // The example's 540 m front spans the ground plane (X, Z), not the height.
    let span = ((hi[0] - lo[0]).powi(2) + (hi[1] - lo[1]).powi(2)).sqrt();
    assert!(span > 500.0, "front spans {span} m on Finale's ground");

    // The preview draws one burst per position, product and effect time (devices fired
    // together look like one).
    let bursts: std::collections::BTreeSet<(&str, &str, i64)> = devices
        .iter()
        .map(|d| (d.position.as_str(), d.part.as_str(), d.effect_ms))
        .collect();
    let preview = std::fs::read_to_string(out.join("preview.html")).unwrap();
    assert!(
        preview.contains(&format!(" · {} fireworks", bursts.len())),
        "the preview does not show {} fireworks",
        bursts.len()
    );

    // The elements' cue list: SMPTE at 25 fps, in time order.
    let lines = crlf_lines(
        &std::fs::read(pyro.join("elements.csv")).unwrap(),
        "elements.csv",
    );
    assert_eq!(lines.len() - 1, show["element"].as_array().unwrap().len());
    assert!(
        lines
            .iter()
            .any(|l| l.contains("00:04:30:00") && l.contains("旁白：花开盛世"))
    );
}

const FLEET: &str = "[fleet]\ndrones = 9\n[fleet.grid]\nrows = 3\ncolumns = 3\nspacing_m = 3\n";

/// A small show: a 3 × 3 grid picture at `picture_center` from 90 s to 120 s, one position
/// `L1` at `position`, one cue `name` of `product` at `time`.
fn small_show(picture_center: [f64; 3], position: [f64; 3], product: &str, time: f64) -> String {
    format!(
        "title = \"pyro\"\n[audience]\nazimuth_deg = 180\nline = [[-100, -300], [-100, 300]]\n{FLEET}\
         [[chapter]]\nname = \"only\"\n[[chapter.formation]]\nname = \"picture\"\nstart = 90\nhold = 30\n\
         shape = \"grid\"\nwidth_m = 20\nheight_m = 20\nrows = 3\ncolumns = 3\ncenter = {picture_center:?}\n\
         [pyro]\n[[pyro.position]]\nname = \"L1\"\nat = {position:?}\n\
         [[pyro.cue]]\nname = \"shot\"\ntime = {time}\nproduct = \"{product}\"\n"
    )
}

fn run_small(text: &str) -> (Output, serde_json::Value, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let show = dir.path().join("show.toml");
    std::fs::write(&show, text).unwrap();
    let out = dir.path().join("out");
    let o = build(&show, &out);
    let r = report(&out);
    (o, r, dir)
}

#[test]
fn a_shell_bursting_inside_a_drone_picture_is_reported() {
    // 100 mm shell: bursts 120 m above L1 with a 54 m radius (+10 m margin); the picture
    // hangs 60–80 m up right above it (90–120 s) while the shell is in the air.
    let (o, r, _dir) = run_small(&small_show(
        [150.0, 0.0, 70.0],
        [150.0, 0.0, 0.0],
        "SH100-R",
        105.0,
    ));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let v: Vec<&serde_json::Value> = r["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["kind"] == "drone_in_burst")
        .collect();
    assert_eq!(v.len(), 9, "every drone of the picture: {v:#?}");
    for x in &v {
        let t = x["time_s"].as_f64().unwrap();
        assert!((105.0 - 2.8..=105.0 + 3.5).contains(&t), "{x}");
        assert_eq!(x["position"], "L1");
        assert_eq!(x["source"], "pyro.cue \"shot\"");
        assert_eq!(x["drones"].as_array().unwrap().len(), 1);
        assert!(x["drones"][0].as_str().unwrap().starts_with("Drone "));
        let (value, limit) = (x["value"].as_f64().unwrap(), x["limit"].as_f64().unwrap());
        assert!((limit - 64.0).abs() < 1e-6, "{x}");
        // The drones sit 40–~62 m below the burst centre at (150, 0, 120).
        assert!((39.0..limit).contains(&value), "{x}");
    }
    assert_eq!(r["pyro"]["violations_total"], 9);
    assert_eq!(r["valid"], false);
    assert!(err.contains("drone_in_burst at"), "{err}");
    assert!(err.contains("position L1"), "{err}");
    assert!(err.contains("pyro.cue \"shot\""), "{err}");

    // The same shell fired after the show has landed is fine, and so is the picture moved
    // far enough away: the check is in time and in space.
    let landed = r["show"]["duration_s"].as_f64().unwrap() + 10.0;
    let (o, r, _d) = run_small(&small_show(
        [150.0, 0.0, 70.0],
        [150.0, 0.0, 0.0],
        "SH100-R",
        landed,
    ));
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(r["pyro"]["violations_total"], 0);
    let (o, _r, _d) = run_small(&small_show(
        [0.0, 0.0, 70.0],
        [150.0, 0.0, 0.0],
        "SH100-R",
        105.0,
    ));
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn a_position_closer_to_the_audience_than_its_calibre_allows_is_reported() {
    // 150 mm needs 0.84 × 150 = 126 m; L1 is 100 m from the audience line at x = −100.
    let (o, r, _dir) = run_small(&small_show(
        [-60.0, 0.0, 60.0],
        [0.0, 250.0, 0.0],
        "SH150-G",
        60.0,
    ));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let v: Vec<&serde_json::Value> = r["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["kind"] == "spectator_distance")
        .collect();
    assert_eq!(v.len(), 1, "{:#}", r["violations"]);
    let x = v[0];
    assert_eq!(x["position"], "L1");
    assert_eq!(x["source"], "pyro.cue \"shot\"");
    assert!((x["value"].as_f64().unwrap() - 100.0).abs() < 1e-6, "{x}");
    assert!((x["limit"].as_f64().unwrap() - 126.0).abs() < 1e-6, "{x}");
    assert!(
        (x["time_s"].as_f64().unwrap() - (60.0 - 3.6)).abs() < 1e-6,
        "{x}"
    );
    assert!(err.contains("spectator_distance"), "{err}");

    // 100 mm needs 84 m: the same place is fine.
    let (o, _r, _d) = run_small(&small_show(
        [-60.0, 0.0, 60.0],
        [0.0, 250.0, 0.0],
        "SH100-G",
        60.0,
    ));
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn pyro_exports_are_byte_identical_across_runs_and_threads() {
    let mut text = small_show([0.0, 0.0, 60.0], [150.0, 0.0, 0.0], "SH100-R", 30.0);
    text = text.replace(
        "[pyro]\n",
        "[pyro]\nsystem = \"firetek\"\nalso_export = [\"cobra-4\"]\nltc = true\n",
    );
    text.push_str(
        "[[element]]\nkind = \"fountain\"\ntime = \"0:12.5\"\nlabel = \"fountain, program 1\"\n",
    );
    let dir = tempfile::tempdir().unwrap();
    let show = dir.path().join("show.toml");
    std::fs::write(&show, &text).unwrap();
    let mut runs = Vec::new();
    for threads in ["1", "4"] {
        let out = dir.path().join(format!("out{threads}"));
        let o = Command::new(env!("CARGO_BIN_EXE_skyshow"))
            .env("RAYON_NUM_THREADS", threads)
            .args([
                "build",
                show.to_str().unwrap(),
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
        let mut files = BTreeMap::new();
        for e in std::fs::read_dir(out.join("pyro")).unwrap() {
            let e = e.unwrap();
            files.insert(e.file_name(), std::fs::read(e.path()).unwrap());
        }
        runs.push(files);
    }
    let names: Vec<String> = runs[0]
        .keys()
        .map(|k| k.to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "cobra.csv",
            "elements.csv",
            "finale.csv",
            "ltc.wav",
            "script.csv",
            "setup_sheet.csv",
            "setup_sheet.html"
        ]
    );
    assert_eq!(runs[0], runs[1]);
    // COBRA firmware 4 times in 1/10 s; the LTC track is a RIFF/WAVE file.
    let cobra = String::from_utf8(runs[0][std::ffi::OsStr::new("cobra.csv")].clone()).unwrap();
    assert!(
        cobra.lines().nth(1).unwrap().starts_with("00:00:27.2s,"),
        "{cobra}"
    );
    let wav = &runs[0][std::ffi::OsStr::new("ltc.wav")];
    assert!(wav.starts_with(b"RIFF") && &wav[8..12] == b"WAVE");
    let elements =
        String::from_utf8(runs[0][std::ffi::OsStr::new("elements.csv")].clone()).unwrap();
    assert!(
        elements.contains("00:00:12:12,,\"fountain, program 1\""),
        "{elements}"
    );
}
