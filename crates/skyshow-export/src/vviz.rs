//! VVIZ: the JSON drone-show interchange file that Finale 3D imports to script pyro against
//! the drones (visualisation only, not flight data).
//!
//! Layout: a header (`version` "1.0", `performanceName`, `coordinateFrame` "ogl",
//! `defaultPositionRate`, `defaultColorRate`, `timeOffsetSecs`), then one performance per
//! drone: `agentDescription` with the home position and `agentTraversal`, a list of
//! position deltas (`dx`, `dy`, `dz`, metres, with `dt` seconds since the previous sample),
//! and `payloadDescription` with one `Light` payload whose `payloadActions` are colours
//! (`r`, `g`, `b`, with `frames` since the previous action, in 1/`defaultColorRate` s).
//!
//! Axes: "ogl" is X right, Y up, Z forward (right-handed); a show point `(x, y, z)` (z up)
//! is written `X = x, Y = z, Z = −y`. Positions are sampled at `position_rate_hz` and
//! rounded to millimetres (deltas are differences of rounded positions, so summing them
//! never drifts); samples inside a steady stretch (standing still, or moving by the same
//! millimetres each step) are left out, since linear interpolation between the ones kept
//! gives them exactly, and `dt` is written only where it differs from the default step. Colours are sampled at
//! `color_rate_hz` and written only when they change.
//!
//! The project's reference (Finale 3D's documentation, summarised in `pyro-music-practice.md`)
//! settles the header fields, the agent description, metres, seconds and Y up; the test
//! `tests/vviz_reference.rs` reads the file from those facts alone. It does not settle the
//! colour payload's layout (ours follows a third-party exporter) nor the sign of Z (ours
//! keeps the frame right-handed); neither has been tried in Finale 3D itself.

use std::io::{self, Write};

use rayon::prelude::*;
use skyshow_model::{ColorWalk, Drone, FlightShow, PositionWalk, Rgb, round_half_away};

use crate::fixed::{Row, push_u64};

/// VVIZ export options.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VvizOptions {
    /// Position samples per second (`defaultPositionRate`). Default 4.
    pub position_rate_hz: f64,
    /// Colour frames per second (`defaultColorRate`). Default 10.
    pub color_rate_hz: f64,
}

impl VvizOptions {
    /// The defaults.
    pub const DEFAULT: VvizOptions = VvizOptions {
        position_rate_hz: 4.0,
        color_rate_hz: 10.0,
    };
}

impl Default for VvizOptions {
    fn default() -> Self {
        VvizOptions::DEFAULT
    }
}

/// The show as a VVIZ document (UTF-8 JSON), in memory.
pub fn write_vviz(show: &FlightShow, opts: &VvizOptions) -> Vec<u8> {
    // Writing into memory cannot fail.
    write_vviz_to(Vec::new(), show, opts).unwrap_or_default()
}

/// Drones whose performances are made in parallel before being written in order.
const PARALLEL_BATCH: usize = 256;

/// Streams the show's VVIZ document to `out`: performances made in parallel batches and
/// written in drone order (the same bytes as [`write_vviz`] at any thread count, with one
/// batch in memory at a time). Returns `out`.
///
/// # Errors
/// The writer's.
pub fn write_vviz_to<W: Write>(mut out: W, show: &FlightShow, opts: &VvizOptions) -> io::Result<W> {
    let end = show.duration_s();
    let mut s = Vec::new();
    let _ = write!(
        s,
        "{{\n\"version\": \"1.0\",\n\"performanceName\": {},\n\"coordinateFrame\": \"ogl\",\n\"defaultPositionRate\": {},\n\"defaultColorRate\": {},\n\"timeOffsetSecs\": 0.0,\n\"performances\": [",
        json_string(&show.title),
        num(opts.position_rate_hz),
        num(opts.color_rate_hz)
    );
    out.write_all(&s)?;
    let n = show.drones.len();
    // Room for a performance that writes every position sample and a colour every frame
    // (about 50 and 45 bytes), so it is not copied as it grows; the bytes are the same.
    let reserve = 256
        + (end.max(0.0) * (opts.position_rate_hz * 56.0 + opts.color_rate_hz * 48.0)).min(1e8)
            as usize;
    // One buffer per drone of a batch, kept from batch to batch: fresh buffers this large
    // would be mapped and faulted in anew for every drone.
    let mut bufs: Vec<Vec<u8>> = Vec::new();
    let mut start = 0;
    while start < n {
        let stop = (start + PARALLEL_BATCH).min(n);
        bufs.resize_with(stop - start, || Vec::with_capacity(reserve));
        bufs.par_iter_mut().enumerate().for_each(|(k, s)| {
            let i = start + k;
            s.clear();
            s.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
            performance(s, i, &show.drones[i], end, opts);
        });
        for p in &bufs {
            out.write_all(p)?;
        }
        start = stop;
    }
    out.write_all(b"\n]\n}\n")?;
    Ok(out)
}

/// Millimetres of a show point in the "ogl" frame.
fn ogl_mm(p: skyshow_model::Vec3) -> [i64; 3] {
    let mm = |v: f64| round_half_away(v * 1000.0);
    [mm(p.x), mm(p.z), mm(-p.y)]
}

fn performance(s: &mut Vec<u8>, id: usize, d: &Drone, end: f64, opts: &VvizOptions) {
    let home = ogl_mm(d.trajectory.position(0.0));
    s.extend_from_slice(b"{\"id\": ");
    push_u64(s, id as u64);
    s.extend_from_slice(b", \"agentDescription\": {\"homeX\": ");
    push_mm(s, home[0]);
    s.extend_from_slice(b", \"homeY\": ");
    push_mm(s, home[1]);
    s.extend_from_slice(b", \"homeZ\": ");
    push_mm(s, home[2]);
    s.extend_from_slice(b", \"homeH\": 0.0, \"agentTraversal\": [");
    // Sample times: every 1/rate from 0, and the end.
    let step = 1.0 / opts.position_rate_hz;
    let n = (end / step).ceil().max(0.0) as usize;
    let times: Vec<f64> = (0..=n).map(|k| (k as f64 * step).min(end)).collect();
    let mut position = PositionWalk::new(&d.trajectory);
    let pts: Vec<[i64; 3]> = times.iter().map(|&t| ogl_mm(position.at(t))).collect();
    let mut prev = home;
    let mut prev_t = 0.0;
    let mut first = true;
    let mut row = Row::new();
    let delta = |a: [i64; 3], b: [i64; 3]| [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    for k in 0..pts.len() {
        // A sample midway along a steady stretch (standing still, or the same step in the
        // same time on both sides) is what linear interpolation gives: left out.
        let steady = k > 0
            && k + 1 < pts.len()
            && delta(pts[k - 1], pts[k]) == delta(pts[k], pts[k + 1])
            && ((times[k] - times[k - 1]) - (times[k + 1] - times[k])).abs() < 1e-9;
        if steady {
            continue;
        }
        let p = pts[k];
        let dt = times[k] - prev_t;
        // `dt` is written unless it is the default step (the first sample's 0 always is).
        s.extend_from_slice(if first { b"{" } else { b", {" });
        if first || (dt - step).abs() > 1e-9 {
            let _ = write!(s, "\"dt\": {}, ", num(dt));
        }
        row.clear();
        row.bytes(b"\"dx\": ");
        row_mm(&mut row, p[0] - prev[0]);
        row.bytes(b", \"dy\": ");
        row_mm(&mut row, p[1] - prev[1]);
        row.bytes(b", \"dz\": ");
        row_mm(&mut row, p[2] - prev[2]);
        row.byte(b'}');
        s.extend_from_slice(row.as_bytes());
        first = false;
        prev = p;
        prev_t = times[k];
    }
    s.extend_from_slice(
        b"]}, \"payloadDescription\": [{\"id\": 0, \"type\": \"Light\", \"payloadActions\": [",
    );
    light_actions(s, d, end, opts);
    s.extend_from_slice(b"]}]}");
}

/// The colour actions: a colour frame whenever the colour changes.
fn light_actions(s: &mut Vec<u8>, d: &Drone, end: f64, opts: &VvizOptions) {
    let frames = (end * opts.color_rate_hz).ceil().max(0.0) as usize;
    let mut last: Option<Rgb> = None;
    let mut last_frame = 0;
    let mut color = ColorWalk::new(&d.lights);
    let mut row = Row::new();
    let rate = opts.color_rate_hz;
    let mut f = 0;
    while f <= frames {
        let t = f as f64 / rate;
        let (c, until) = color.at_steady(t);
        // The frames before `until` show the same colour: nothing to write for them.
        let this = f;
        f = if until > t {
            first_frame_from(until, rate, f + 1, frames + 1)
        } else {
            f + 1
        };
        if last == Some(c) {
            continue;
        }
        row.clear();
        row.bytes(if last.is_none() {
            b"{\"frames\": "
        } else {
            b", {\"frames\": "
        });
        row.u64((this - last_frame) as u64);
        row.bytes(b", \"r\": ");
        row.u64(u64::from(c.r));
        row.bytes(b", \"g\": ");
        row.u64(u64::from(c.g));
        row.bytes(b", \"b\": ");
        row.u64(u64::from(c.b));
        row.byte(b'}');
        s.extend_from_slice(row.as_bytes());
        last = Some(c);
        last_frame = this;
    }
}

/// The first frame `k` in `from..=stop` whose time `k / rate` is not before `until` (`stop`
/// if none is): a guess from `until × rate`, then stepped to the exact frame, since frame
/// times only grow with `k`.
fn first_frame_from(until: f64, rate: f64, from: usize, stop: usize) -> usize {
    // No end (after the last step) or no number: steady to the end.
    if from >= stop || until.is_nan() || until == f64::INFINITY {
        return stop.max(from);
    }
    // Truncation is the floor here; the cast saturates.
    let mut k = ((until * rate).max(0.0) as usize).clamp(from, stop);
    let before = |k: usize| (k as f64 / rate) < until;
    while k > from && !before(k - 1) {
        k -= 1;
    }
    while k < stop && before(k) {
        k += 1;
    }
    k
}

/// Appends millimetres as metres with three decimals.
fn push_mm(s: &mut Vec<u8>, mm: i64) {
    let mut row = Row::new();
    row_mm(&mut row, mm);
    s.extend_from_slice(row.as_bytes());
}

/// Appends millimetres to a row as metres with three decimals.
#[inline]
fn row_mm(row: &mut Row, mm: i64) {
    row.thousandths(mm < 0, mm.unsigned_abs());
}

/// Millimetres as metres with three decimals.
#[cfg(test)]
fn mm_str(mm: i64) -> String {
    let mut s = Vec::new();
    push_mm(&mut s, mm);
    String::from_utf8(s).unwrap()
}

/// A finite number as JSON (seconds and rates: at most microsecond precision).
fn num(v: f64) -> String {
    let r = (v * 1e6).round() / 1e6;
    if r == r.trunc() {
        format!("{r:.1}")
    } else {
        format!("{r}")
    }
}

fn json_string(v: &str) -> String {
    serde_json::Value::String(v.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::{LightProgram, LightStep, Segment, Trajectory, Vec3};

    /// Reads a VVIZ document back on its own terms (sums of deltas, frame counts) into
    /// timed positions and colours per drone.
    #[allow(clippy::type_complexity)]
    fn parse(bytes: &[u8]) -> Vec<(Vec<(f64, [f64; 3])>, Vec<(f64, [u8; 3])>)> {
        let v: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        assert_eq!(v["version"], "1.0");
        assert_eq!(v["coordinateFrame"], "ogl");
        let prate = v["defaultPositionRate"].as_f64().unwrap();
        let crate_ = v["defaultColorRate"].as_f64().unwrap();
        v["performances"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let a = &p["agentDescription"];
                let mut pos = [
                    a["homeX"].as_f64().unwrap(),
                    a["homeY"].as_f64().unwrap(),
                    a["homeZ"].as_f64().unwrap(),
                ];
                let mut t = 0.0;
                let mut track = Vec::new();
                for smp in a["agentTraversal"].as_array().unwrap() {
                    t += smp.get("dt").map_or(1.0 / prate, |d| d.as_f64().unwrap());
                    for (k, key) in ["dx", "dy", "dz"].iter().enumerate() {
                        pos[k] += smp[key].as_f64().unwrap();
                    }
                    track.push((t, pos));
                }
                let light = &p["payloadDescription"][0];
                assert_eq!(light["type"], "Light");
                let mut f = 0u64;
                let colors = light["payloadActions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| {
                        f += c["frames"].as_u64().unwrap();
                        let ch = |k: &str| c[k].as_u64().unwrap() as u8;
                        (f as f64 / crate_, [ch("r"), ch("g"), ch("b")])
                    })
                    .collect();
                (track, colors)
            })
            .collect()
    }

    /// The colour actions as written frame by frame, every frame sampled: the reference the
    /// skipping writer must match.
    fn reference_actions(d: &Drone, end: f64, rate: f64) -> String {
        let frames = (end * rate).ceil().max(0.0) as usize;
        let mut out = String::new();
        let mut last: Option<Rgb> = None;
        let mut last_frame = 0;
        for f in 0..=frames {
            let c = d.lights.color_at(f as f64 / rate);
            if last == Some(c) {
                continue;
            }
            out += &format!(
                "{}{{\"frames\": {}, \"r\": {}, \"g\": {}, \"b\": {}}}",
                if last.is_none() { "" } else { ", " },
                f - last_frame,
                c.r,
                c.g,
                c.b
            );
            last = Some(c);
            last_frame = f;
        }
        out
    }

    #[test]
    fn colour_actions_skip_steady_frames_exactly() {
        let (red, blue) = (Rgb::new(255, 0, 0), Rgb::new(0, 0, 255));
        let step = |t0: f64, t1: f64, from: Rgb, to: Rgb| LightStep { t0, t1, from, to };
        // Holds, fades, gaps, a zero-length step, steps ending on and between frames.
        let lights = LightProgram {
            steps: vec![
                step(0.3, 1.0, Rgb::BLACK, red),
                step(1.0, 1.0, red, Rgb::WHITE),
                step(1.25, 4.0, blue, blue),
                step(4.0, 9.05, red, blue),
                step(9.5, 9.7, red, red),
                step(10.0, 10.333_333_333_333_334, blue, blue),
                step(12.1, 30.0, Rgb::new(3, 4, 5), Rgb::new(3, 4, 5)),
            ],
            bytecode: Vec::new(),
        };
        let d = Drone {
            name: "d".into(),
            home: Vec3::ZERO,
            trajectory: Trajectory::new(Vec3::ZERO),
            lights,
        };
        for rate in [10.0, 3.0, 7.0, 29.97, 100.0, 0.5] {
            for end in [0.0, 5.0, 31.0, 45.678] {
                let mut s = Vec::new();
                light_actions(
                    &mut s,
                    &d,
                    end,
                    &VvizOptions {
                        color_rate_hz: rate,
                        ..VvizOptions::DEFAULT
                    },
                );
                assert_eq!(
                    String::from_utf8(s).unwrap(),
                    reference_actions(&d, end, rate),
                    "rate {rate}, end {end}"
                );
            }
        }
    }

    #[test]
    fn first_frame_is_exact() {
        for rate in [10.0, 3.0, 29.97, 0.1] {
            for until in [0.0, 0.1, 0.3, 1.0 / 3.0, 2.5, 7.77, 1e6, -1.0] {
                for from in [0usize, 1, 5] {
                    let stop = 100;
                    let want = (from..stop)
                        .find(|&k| (k as f64 / rate) >= until)
                        .unwrap_or(stop);
                    assert_eq!(first_frame_from(until, rate, from, stop), want);
                }
            }
        }
        assert_eq!(first_frame_from(f64::INFINITY, 10.0, 3, 50), 50);
        assert_eq!(first_frame_from(f64::NAN, 10.0, 3, 50), 50);
    }

    #[test]
    fn positions_and_colours_read_back() {
        let mut tr = Trajectory::new(Vec3::new(1.0, 2.0, 0.0));
        tr.push(Segment::hold(0.0, 3.0, Vec3::new(1.0, 2.0, 0.0)));
        tr.push(Segment::line(
            3.0,
            7.3,
            Vec3::new(1.0, 2.0, 0.0),
            Vec3::new(5.0, -2.0, 20.0),
        ));
        tr.push(Segment::hold(7.3, 10.0, Vec3::new(5.0, -2.0, 20.0)));
        let red = Rgb::new(255, 0, 0);
        let show = FlightShow {
            title: "a \"quoted\" show".into(),
            drones: vec![Drone {
                name: "Drone 1".into(),
                home: Vec3::new(1.0, 2.0, 0.0),
                trajectory: tr.clone(),
                lights: LightProgram {
                    steps: vec![
                        LightStep {
                            t0: 1.0,
                            t1: 2.0,
                            from: Rgb::BLACK,
                            to: red,
                        },
                        LightStep {
                            t0: 2.0,
                            t1: 9.0,
                            from: red,
                            to: red,
                        },
                    ],
                    bytecode: Vec::new(),
                },
            }],
            phases: Vec::new(),
            cues: Vec::new(),
            limits: None,
            geofence: None,
        };
        let bytes = write_vviz(&show, &VvizOptions::DEFAULT);
        let back = parse(&bytes);
        let (track, colors) = &back[0];
        // Every kept sample is where the drone is (to the millimetre), in ogl axes.
        for &(t, p) in track {
            let q = tr.position(t);
            let want = [q.x, q.z, -q.y];
            for k in 0..3 {
                assert!((p[k] - want[k]).abs() < 1.5e-3, "t={t} {p:?} {want:?}");
            }
        }
        assert_eq!(track.last().unwrap().0, 10.0);
        // The still stretch 0–3 s keeps only its ends.
        assert_eq!(track.iter().filter(|(t, _)| *t < 3.0).count(), 1);
        // Every sample time of the 4 Hz grid is reproduced by interpolating the kept ones
        // to the millimetre (checked below), with far fewer samples than the grid.
        assert!(track.len() < 41, "{}", track.len());
        // Between kept samples, away from the two corners (one sample step), linear
        // interpolation follows the flight to the millimetre rounding.
        for k in 0..1000 {
            let t = k as f64 / 100.0;
            if (t - 3.0).abs() < 0.25 || (t - 7.3).abs() < 0.25 {
                continue;
            }
            let i = track
                .partition_point(|(s, _)| *s <= t)
                .max(1)
                .min(track.len() - 1);
            let ((t0, a), (t1, b)) = (track[i - 1], track[i]);
            let u = ((t - t0) / (t1 - t0)).clamp(0.0, 1.0);
            let q = tr.position(t);
            let want = [q.x, q.z, -q.y];
            for c in 0..3 {
                assert!((a[c] + (b[c] - a[c]) * u - want[c]).abs() < 2e-3, "t={t}");
            }
        }
        assert_eq!(colors[0], (0.0, [0, 0, 0]));
        for &(t, c) in colors {
            let want = show.drones[0].lights.color_at(t);
            assert_eq!(c, [want.r, want.g, want.b], "t={t}");
        }
        assert_eq!(colors.last().unwrap().1, [255, 0, 0]);
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["performanceName"], "a \"quoted\" show");
    }

    #[test]
    fn numbers_are_plain_json() {
        assert_eq!(mm_str(-1), "-0.001");
        assert_eq!(mm_str(0), "0.000");
        assert_eq!(mm_str(-1_000), "-1.000");
        assert_eq!(mm_str(-12_050), "-12.050");
        for mm in -3000..3000 {
            let a = i64::abs(mm);
            let sign = if mm < 0 { "-" } else { "" };
            assert_eq!(mm_str(mm), format!("{sign}{}.{:03}", a / 1000, a % 1000));
        }
        assert_eq!(mm_str(12_345), "12.345");
        assert_eq!(num(0.25), "0.25");
        assert_eq!(num(4.0), "4.0");
    }
}
