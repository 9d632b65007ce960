//! `.skyc`: Skybrush's compiled show, written as one inline `show.json` in a zip.

use base64::Engine;
use serde_json::{Map, Value, json};
use skyshow_model::{
    FlightShow, GeoOrigin, Geofence, Limits, Phase, PhaseKind, RthPlan, Segment, Vec3,
};

use std::io::{self, Cursor, Seek, Write};
use std::ops::Range;

use rayon::prelude::*;
use zip::ZipWriter;

use crate::json::num;
use crate::rth_json::rth_json;
use crate::zipper::member_options;

/// What the `.skyc` says about the show besides the drones.
#[derive(Clone, Debug, PartialEq)]
pub struct SkycMeta {
    /// Limits written to `settings.validation`.
    pub limits: Limits,
    /// Geographic anchor for `environment.location`.
    pub origin: Option<GeoOrigin>,
    /// Music: bytes, media type, file name, start time on the show clock (s).
    pub audio: Option<(Vec<u8>, String, String, f64)>,
    /// Each drone's return-to-home plan, written as its `settings.rthPlan` (empty: none).
    pub rth_plans: Vec<RthPlan>,
}

/// Decimal places of coordinates (0.1 mm).
const COORD_DECIMALS: i32 = 4;
/// Decimal places of times (1 ms).
const TIME_DECIMALS: i32 = 3;

fn point(p: Vec3) -> Value {
    Value::Array(vec![
        num(p.x, COORD_DECIMALS),
        num(p.y, COORD_DECIMALS),
        num(p.z, COORD_DECIMALS),
    ])
}

/// The inner control points of a segment in the lowest degree that represents it exactly.
fn controls(s: &Segment) -> Vec<Value> {
    let [p0, p1, p2, p3] = s.p;
    let tol = 1e-7 * (1.0 + p0.dist(p3));
    if s.is_hold()
        || (p1.dist(p0.lerp(p3, 1.0 / 3.0)) < tol && p2.dist(p0.lerp(p3, 2.0 / 3.0)) < tol)
    {
        return Vec::new();
    }
    // Quadratic with control c: p1 = p0 + 2/3 (c − p0), p2 = p3 + 2/3 (c − p3).
    let c1 = p0 + (p1 - p0) * 1.5;
    let c2 = p3 + (p2 - p3) * 1.5;
    if c1.dist(c2) < tol {
        return vec![point(c1)];
    }
    vec![point(p1), point(p2)]
}

/// Straight pieces shorter than this, seconds, have their end written so that the piece keeps
/// its velocity: rounded on its own, a millisecond's piece (a cruise between two ramps)
/// would be off by up to 0.1 m/s, a velocity step at both of its joints.
const SHORT_PIECE_S: f64 = 0.05;

/// `x` on the 0.1 mm grid, as `num` writes it.
fn on_grid(x: f64) -> f64 {
    let k = 10f64.powi(COORD_DECIMALS);
    (x * k).round() / k
}

/// Per coordinate, the grid value just below or just above `exact` (so within 0.1 mm of it)
/// that is nearest to `want`.
fn on_grid_toward(exact: Vec3, want: Vec3) -> Vec3 {
    let k = 10f64.powi(COORD_DECIMALS);
    let pick = |x: f64, w: f64| {
        let (lo, hi, w) = ((x * k).floor(), (x * k).ceil(), w * k);
        (if w - lo <= hi - w { lo } else { hi }) / k
    };
    Vec3::new(
        pick(exact.x, want.x),
        pick(exact.y, want.y),
        pick(exact.z, want.z),
    )
}

/// Where a segment's end is written, given where its start was: on the grid, and for a short
/// straight piece the grid point (within 0.1 mm of the end) that keeps its displacement.
fn written_end(s: &Segment, written_start: Vec3, straight: bool) -> Vec3 {
    let end = s.end();
    if straight && !s.is_hold() && s.duration() < SHORT_PIECE_S {
        on_grid_toward(end, written_start + (end - s.start()))
    } else {
        Vec3::new(on_grid(end.x), on_grid(end.y), on_grid(end.z))
    }
}

fn trajectory_json(show: &FlightShow, i: usize) -> Value {
    let tr = &show.drones[i].trajectory;
    let mut points = Vec::with_capacity(tr.segments.len() + 1);
    let t0 = tr.start_time();
    let start = tr.segments.first().map_or(tr.start, Segment::start);
    points.push(json!([num(t0, TIME_DECIMALS), point(start), []]));
    let mut written = Vec3::new(on_grid(start.x), on_grid(start.y), on_grid(start.z));
    for s in &tr.segments {
        let controls = controls(s);
        written = written_end(s, written, controls.is_empty());
        points.push(Value::Array(vec![
            num(s.t1, TIME_DECIMALS),
            point(written),
            Value::Array(controls),
        ]));
    }
    json!({
        "version": 1,
        "takeoffTime": 0,
        "landingTime": num(tr.end_time(), TIME_DECIMALS),
        "points": points,
    })
}

/// The `.skyc` archive of a show, in memory.
pub fn write_skyc(show: &FlightShow, meta: &SkycMeta) -> Vec<u8> {
    let w = SkycWriter::new(show, meta);
    // Writing into memory cannot fail.
    w.write_to(Cursor::new(Vec::new()), 0..show.drones.len(), &show.title)
        .map(Cursor::into_inner)
        .unwrap_or_default()
}

/// Writes `.skyc` archives of a show, or of ranges of its drones (one file per ground
/// station), streamed to any seekable writer. Each drone's JSON is made once, in parallel,
/// and shared by every archive that holds the drone.
pub struct SkycWriter<'a> {
    show: &'a FlightShow,
    meta: &'a SkycMeta,
    drones: Vec<Vec<u8>>,
}

impl<'a> SkycWriter<'a> {
    /// Prepares the drones of `show`.
    pub fn new(show: &'a FlightShow, meta: &'a SkycMeta) -> Self {
        let drones = (0..show.drones.len())
            .into_par_iter()
            .map(|i| {
                serde_json::to_vec(&drone_json(show, i, meta.rth_plans.get(i)))
                    .expect("JSON of plain values")
            })
            .collect();
        SkycWriter { show, meta, drones }
    }

    /// Writes the archive of the drones in `range` titled `title` to `out` (the whole show:
    /// `0..n` and its own title). Returns `out`.
    ///
    /// # Errors
    /// The writer's.
    pub fn write_to<W: Write + Seek>(
        &self,
        out: W,
        range: Range<usize>,
        title: &str,
    ) -> io::Result<W> {
        let (root, audio) = root_json(self.show, self.meta, title);
        // The root object with `swarm` as its last key: its members, then the drones. The
        // document is deflated in one piece, as the compressor's output depends on how its
        // input is split (a few tens of megabytes at most, the drones' JSON being shared).
        let head = serde_json::to_vec(&Value::Object(root)).expect("JSON of plain values");
        let drones = &self.drones[range];
        let len = head.len() + 20 + drones.iter().map(|d| d.len() + 1).sum::<usize>();
        let mut doc = Vec::with_capacity(len);
        doc.extend_from_slice(&head[..head.len() - 1]);
        doc.extend_from_slice(br#","swarm":{"drones":["#);
        for (k, d) in drones.iter().enumerate() {
            if k > 0 {
                doc.push(b',');
            }
            doc.extend_from_slice(d);
        }
        doc.extend_from_slice(b"]}}");
        let mut w = ZipWriter::new(out);
        let opts = member_options(6);
        w.start_file("show.json", opts).map_err(io::Error::other)?;
        w.write_all(&doc)?;
        drop(doc);
        if let Some((name, bytes)) = audio {
            w.start_file(name, opts).map_err(io::Error::other)?;
            w.write_all(bytes)?;
        }
        w.finish().map_err(io::Error::other)
    }
}

/// One drone's entry of `swarm.drones`, with its return-to-home plan if it has one.
fn drone_json(show: &FlightShow, i: usize, rth: Option<&RthPlan>) -> Value {
    let b64 = base64::engine::general_purpose::STANDARD;
    let d = &show.drones[i];
    let mut v = json!({
        "type": "generic",
        "settings": {
            "name": d.name,
            "home": point(d.home),
            "landAt": point(d.trajectory.end_position()),
            "trajectory": trajectory_json(show, i),
            "lights": { "version": 1, "data": b64.encode(&d.lights.bytecode) },
        }
    });
    if let Some(p) = rth {
        v["settings"]["rthPlan"] = rth_json(p);
    }
    v
}

/// `meta.segments`: the takeoff (from the first phase to the end of the climb), the show
/// (from there to the start of the landing) and the landing, `[start, end]` in seconds.
/// `None` without both a takeoff and a landing phase.
fn segments_json(phases: &[Phase]) -> Option<Value> {
    let span = |kind: PhaseKind| {
        phases
            .iter()
            .filter(|p| p.kind == kind)
            .map(|p| (p.start_s, p.end_s))
            .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))
    };
    let (t0, t1) = span(PhaseKind::Takeoff)?;
    let (l0, l1) = span(PhaseKind::Landing)?;
    let s = |a: f64, b: f64| json!([num(a, TIME_DECIMALS), num(b, TIME_DECIMALS)]);
    Some(json!({
        "takeoff": s(t0, t1),
        "show": s(t1, l0.max(t1)),
        "landing": s(l0, l1),
    }))
}

/// `settings.geofence`, version 1: the inclusion polygons, then the exclusion zones, each
/// corner `[x, y, 0]` at the trajectories' precision.
fn geofence_json(g: &Geofence) -> Value {
    let polygon = |p: &skyshow_model::Polygon, inclusion: bool| {
        let pts: Vec<Value> = p
            .points
            .iter()
            .map(|q| point(Vec3::new(q[0], q[1], 0.0)))
            .collect();
        json!({ "isInclusion": inclusion, "points": pts })
    };
    let polygons: Vec<Value> = g
        .inclusions
        .iter()
        .map(|p| polygon(p, true))
        .chain(g.exclusions.iter().map(|p| polygon(p, false)))
        .collect();
    json!({ "version": 1, "polygons": polygons, "action": g.action })
}

/// An archive member: its name and bytes.
type AudioMember<'m> = (String, &'m [u8]);

/// `show.json`'s root object without its drones (`swarm`, written last), and the audio
/// member (name, bytes) it refers to.
fn root_json<'m>(
    show: &FlightShow,
    meta: &'m SkycMeta,
    title: &str,
) -> (Map<String, Value>, Option<AudioMember<'m>>) {
    let l = &meta.limits;
    let mut environment = Map::new();
    environment.insert("type".into(), json!("outdoor"));
    if let Some(o) = &meta.origin {
        let mut origin = vec![
            json!((o.latitude_deg * 1e7).round() as i64),
            json!((o.longitude_deg * 1e7).round() as i64),
        ];
        if let Some(a) = o.altitude_amsl_m {
            origin.push(json!((a * 1e3).round() as i64));
        }
        environment.insert(
            "location".into(),
            json!({ "origin": origin, "orientation": num(o.orientation_deg, 6) }),
        );
    }
    let cues: Vec<Value> = show
        .cues
        .iter()
        .map(|c| json!({ "name": c.name, "time": num(c.time_s, TIME_DECIMALS) }))
        .collect();
    let mut root = Map::new();
    root.insert("version".into(), json!(1));
    root.insert("environment".into(), Value::Object(environment));
    let mut meta_json = json!({ "title": title, "sources": ["skyshow"] });
    if let Some(seg) = segments_json(&show.phases) {
        meta_json["segments"] = seg;
    }
    root.insert("meta".into(), meta_json);
    let mut settings = json!({
            "cues": { "version": 1, "items": cues },
            "validation": {
                "maxAltitude": num(l.max_altitude_m, 3),
                "maxVelocityXY": num(l.max_speed_xy_m_s, 3),
                "maxVelocityZ": num(l.max_speed_down_m_s, 3),
                "maxVelocityZUp": num(l.max_speed_up_m_s, 3),
                "maxAccelerationXY": num(l.max_accel_m_s2, 3),
                "maxAccelerationZ": num(l.max_accel_m_s2, 3),
                "minDistance": num(l.min_distance_m, 3),
                "minNavAltitude": num(l.min_nav_altitude_m, 3),
                "maxYawRate": 30,
            }
    });
    if let Some(g) = &show.geofence {
        settings["geofence"] = geofence_json(g);
    }
    root.insert("settings".into(), settings);
    let mut audio = None;
    if let Some((bytes, media_type, filename, start)) = &meta.audio {
        let name = format!("assets/{filename}");
        root.insert(
            "media".into(),
            json!({ "audio": { "data": { "$ref": format!("./{name}") }, "mediaType": media_type, "filename": filename, "startTime": num(*start, 3) } }),
        );
        audio = Some((name, bytes.as_slice()));
    }
    (root, audio)
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::{Drone, LightProgram, Trajectory};

    #[test]
    fn controls_use_the_lowest_exact_degree() {
        let a = Vec3::new(0.0, 0.0, 0.0);
        let b = Vec3::new(3.0, 0.0, 6.0);
        assert!(controls(&Segment::hold(0.0, 1.0, a)).is_empty());
        assert!(controls(&Segment::line(0.0, 1.0, a, b)).is_empty());
        let q = controls(&Segment::quadratic(
            0.0,
            1.0,
            a,
            Vec3::new(1.0, 2.0, 3.0),
            b,
        ));
        assert_eq!(q.len(), 1);
        assert_eq!(q[0], serde_json::json!([1.0, 2.0, 3.0]));
        let c = controls(&Segment::cubic(
            0.0,
            1.0,
            [a, Vec3::new(1.0, 0.0, 0.0), Vec3::new(0.0, 1.0, 0.0), b],
        ));
        assert_eq!(c.len(), 2);
    }

    /// A millisecond's cruise between two ramps, placed where rounding each end on its own
    /// would change its velocity by 0.1 m/s: written, its velocity is the nearest the 0.1 mm
    /// grid allows (within 0.05 m/s per axis) and every point stays within 0.1 mm of the
    /// flight.
    #[test]
    fn a_short_straight_piece_keeps_its_velocity() {
        let a = Vec3::new(12.0, 48.15, 52.35);
        let m1 = Vec3::new(6.000149, 48.13765, 40.536749);
        let m2 = m1 + Vec3::new(-0.001998, -0.000049, -0.001998);
        let b = Vec3::new(0.0, 48.11, 28.71);
        let mut tr = Trajectory::new(a);
        tr.push(Segment::quadratic(0.0, 5.704, a, (a + m1) * 0.5, m1));
        tr.push(Segment::line(5.704, 5.705, m1, m2));
        tr.push(Segment::quadratic(5.705, 11.409, m2, (m2 + b) * 0.5, b));
        let show = FlightShow {
            drones: vec![Drone {
                name: "Drone 1".into(),
                home: a,
                trajectory: tr,
                lights: LightProgram {
                    steps: vec![],
                    bytecode: vec![0],
                },
            }],
            ..FlightShow::default()
        };
        let v = trajectory_json(&show, 0);
        let at = |k: usize| {
            let p = &v["points"][k][1];
            Vec3::new(
                p[0].as_f64().unwrap(),
                p[1].as_f64().unwrap(),
                p[2].as_f64().unwrap(),
            )
        };
        let exact = [a, m1, m2, b];
        for (k, e) in exact.iter().enumerate() {
            let d = at(k) - *e;
            assert!(
                d.x.abs().max(d.y.abs()).max(d.z.abs()) <= 1.0e-4 + 1e-12,
                "point {k}: {d:?}"
            );
        }
        let written = (at(2) - at(1)) * 1000.0;
        let flown = (m2 - m1) * 1000.0;
        let off = written - flown;
        let worst = off.x.abs().max(off.y.abs()).max(off.z.abs());
        assert!(worst <= 0.05 + 1e-6, "{written:?} against {flown:?}");
        // Rounded on its own, the piece's velocity would be 0.1 m/s off in x.
        assert!((on_grid(m2.x) - on_grid(m1.x) - (m2.x - m1.x)).abs() * 1000.0 > 0.09);
    }

    #[test]
    fn archive_holds_inline_show_json_and_is_deterministic() {
        let mut tr = Trajectory::new(Vec3::ZERO);
        tr.hold_until(2.0);
        tr.push(Segment::line(
            2.0,
            7.0,
            Vec3::ZERO,
            Vec3::new(0.0, 0.0, 10.0),
        ));
        let show = FlightShow {
            title: "t".into(),
            drones: vec![Drone {
                name: "Drone 1".into(),
                home: Vec3::ZERO,
                trajectory: tr,
                lights: LightProgram {
                    steps: vec![],
                    bytecode: vec![0],
                },
            }],
            ..FlightShow::default()
        };
        let meta = SkycMeta {
            limits: Limits::DEFAULT,
            origin: None,
            audio: None,
            rth_plans: Vec::new(),
        };
        let a = write_skyc(&show, &meta);
        assert_eq!(a, write_skyc(&show, &meta));
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(a)).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut z.by_name("show.json").unwrap(), &mut text).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["version"], 1);
        let pts = &v["swarm"]["drones"][0]["settings"]["trajectory"]["points"];
        assert_eq!(pts[0], serde_json::json!([0.0, [0.0, 0.0, 0.0], []]));
        assert_eq!(pts[2], serde_json::json!([7.0, [0.0, 0.0, 10.0], []]));
        assert_eq!(
            v["swarm"]["drones"][0]["settings"]["lights"]["data"],
            "AA=="
        );
        assert_eq!(v["settings"]["validation"]["minDistance"], 3.0);
    }

    #[test]
    fn streamed_archive_is_the_whole_buffer_archive_and_parts_are_shows() {
        let drones: Vec<Drone> = (0..300)
            .map(|k| {
                let home = Vec3::new(k as f64 * 2.5, -(k as f64) * 0.3, 0.0);
                let mut tr = Trajectory::new(home);
                tr.hold_until(1.0 + k as f64 * 0.001);
                let top = home + Vec3::new(0.123_456_7 * k as f64, 3.0, 20.0);
                tr.push(Segment::line(tr.end_time(), 9.0, home, top));
                tr.push(Segment::quadratic(
                    9.0,
                    14.5,
                    top,
                    Vec3::new(1.0, 2.0, 40.0),
                    home,
                ));
                Drone {
                    name: format!("Drone {k}"),
                    home,
                    trajectory: tr,
                    lights: LightProgram {
                        steps: vec![],
                        bytecode: vec![k as u8, 1, 2, 3],
                    },
                }
            })
            .collect();
        let show = FlightShow {
            title: "many".into(),
            drones,
            ..FlightShow::default()
        };
        let meta = SkycMeta {
            limits: Limits::DEFAULT,
            origin: None,
            audio: Some((vec![7; 5000], "audio/wav".into(), "a.wav".into(), 1.5)),
            rth_plans: Vec::new(),
        };
        let whole = write_skyc(&show, &meta);
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(whole.clone())).unwrap();
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut z.by_name("show.json").unwrap(), &mut text).unwrap();
        assert!(text.len() > 100_000, "{}", text.len());
        // The same bytes as one buffer deflated in one go.
        let members = vec![
            ("show.json".to_string(), text.clone()),
            ("assets/a.wav".to_string(), vec![7; 5000]),
        ];
        assert_eq!(whole, crate::zipper::zip_members(&members, 6));
        let v: Value = serde_json::from_slice(&text).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "version",
                "environment",
                "meta",
                "settings",
                "media",
                "swarm"
            ]
        );
        // A station's part: its drones, its title, everything else as the whole show.
        let part = SkycWriter::new(&show, &meta)
            .write_to(std::io::Cursor::new(Vec::new()), 100..150, "part")
            .unwrap()
            .into_inner();
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(part)).unwrap();
        let p: Value = serde_json::from_reader(z.by_name("show.json").unwrap()).unwrap();
        let pd = p["swarm"]["drones"].as_array().unwrap();
        assert_eq!(pd.len(), 50);
        assert_eq!(pd[0], v["swarm"]["drones"][100]);
        assert_eq!(p["meta"]["title"], "part");
        assert_eq!(p["settings"], v["settings"]);
        assert_eq!(p["media"], v["media"]);
    }
}
