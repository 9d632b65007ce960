//! `.skyc`: Skybrush's compiled show, written as one inline `show.json` in a zip.

use base64::Engine;
use serde_json::{Map, Value, json};
use skyshow_model::{FlightShow, GeoOrigin, Limits, Segment, Vec3};

use crate::json::num;
use crate::zipper::zip_members;

/// What the `.skyc` says about the show besides the drones.
#[derive(Clone, Debug, PartialEq)]
pub struct SkycMeta {
    /// Limits written to `settings.validation`.
    pub limits: Limits,
    /// Geographic anchor for `environment.location`.
    pub origin: Option<GeoOrigin>,
    /// Music: bytes, media type, file name, start time on the show clock (s).
    pub audio: Option<(Vec<u8>, String, String, f64)>,
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

fn trajectory_json(show: &FlightShow, i: usize) -> Value {
    let tr = &show.drones[i].trajectory;
    let mut points = Vec::with_capacity(tr.segments.len() + 1);
    let t0 = tr.start_time();
    let start = tr.segments.first().map_or(tr.start, Segment::start);
    points.push(json!([num(t0, TIME_DECIMALS), point(start), []]));
    for s in &tr.segments {
        points.push(Value::Array(vec![
            num(s.t1, TIME_DECIMALS),
            point(s.end()),
            Value::Array(controls(s)),
        ]));
    }
    json!({
        "version": 1,
        "takeoffTime": 0,
        "landingTime": num(tr.end_time(), TIME_DECIMALS),
        "points": points,
    })
}

/// The `.skyc` archive of a show.
pub fn write_skyc(show: &FlightShow, meta: &SkycMeta) -> Vec<u8> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let drones: Vec<Value> = (0..show.drones.len())
        .map(|i| {
            let d = &show.drones[i];
            json!({
                "type": "generic",
                "settings": {
                    "name": d.name,
                    "home": point(d.home),
                    "landAt": point(d.trajectory.end_position()),
                    "trajectory": trajectory_json(show, i),
                    "lights": { "version": 1, "data": b64.encode(&d.lights.bytecode) },
                }
            })
        })
        .collect();
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
    root.insert(
        "meta".into(),
        json!({ "title": show.title, "sources": ["skyshow"] }),
    );
    root.insert(
        "settings".into(),
        json!({
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
        }),
    );
    let mut members = Vec::new();
    if let Some((bytes, media_type, filename, start)) = &meta.audio {
        let name = format!("assets/{filename}");
        root.insert(
            "media".into(),
            json!({ "audio": { "data": { "$ref": format!("./{name}") }, "mediaType": media_type, "filename": filename, "startTime": num(*start, 3) } }),
        );
        members.push((name, bytes.clone()));
    }
    root.insert("swarm".into(), json!({ "drones": drones }));
    let show_json = serde_json::to_vec(&Value::Object(root)).expect("JSON of plain values");
    members.insert(0, ("show.json".to_string(), show_json));
    zip_members(&members, 6)
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
}
