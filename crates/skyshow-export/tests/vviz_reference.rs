//! The VVIZ file against the format facts in the project's reference
//! (`pyro-music-practice.md`, "VVIZ drone file", from Finale 3D's documentation), read by a
//! reader written from those facts alone:
//!
//! - human-readable JSON;
//! - top level: `version`, `defaultPositionRate` (e.g. 2.0), `defaultColorRate` (e.g. 10.0),
//!   `timeOffsetSecs`, `performances[]`;
//! - a performance: `id`, `agentDescription { homeX, homeY, homeZ, homeH?, agentTraversal[
//!   {dt?, dx, dy, dz, dh?} ] }`, plus colour (and pyro) payload tracks;
//! - the example home `(-7.5, 0.05, -7.5)`: Y is up, in metres (derived in the reference).
//!
//! What the reference does not settle, and this test therefore does not assert: the colour
//! payload's layout, and which way Z points (the sign of the horizontal axis that is not X).

use skyshow_export::{VvizOptions, write_vviz};
use skyshow_model::{Drone, FlightShow, LightProgram, LightStep, Rgb, Segment, Trajectory, Vec3};

/// One drone's flight as the reference describes it: its home, then `(t, [X, Y, Z])` after
/// each traversal step (`dt` seconds, or one step of `defaultPositionRate` when absent).
struct Agent {
    id: serde_json::Value,
    home: [f64; 3],
    track: Vec<(f64, [f64; 3])>,
}

/// Reads a VVIZ document, checking every field the reference names has its shape and that
/// the agent description holds nothing else.
fn read(bytes: &[u8]) -> (serde_json::Value, Vec<Agent>) {
    let text = std::str::from_utf8(bytes).expect("VVIZ is UTF-8 text");
    assert!(
        text.lines().count() > 2,
        "human-readable: not one long line"
    );
    let v: serde_json::Value = serde_json::from_str(text).expect("VVIZ is JSON");
    assert!(v.get("version").is_some(), "version");
    for key in ["defaultPositionRate", "defaultColorRate", "timeOffsetSecs"] {
        assert!(v[key].is_number(), "{key} is a number");
    }
    let rate = v["defaultPositionRate"].as_f64().unwrap();
    assert!(rate > 0.0);
    let offset = v["timeOffsetSecs"].as_f64().unwrap();
    let agents = v["performances"]
        .as_array()
        .expect("performances is a list")
        .iter()
        .map(|p| {
            let id = p.get("id").expect("a performance has an id").clone();
            let a = p["agentDescription"].as_object().expect("agentDescription");
            for k in a.keys() {
                assert!(
                    ["homeX", "homeY", "homeZ", "homeH", "agentTraversal"].contains(&k.as_str()),
                    "agentDescription key {k} is not in the reference"
                );
            }
            let home = ["homeX", "homeY", "homeZ"].map(|k| a[k].as_f64().expect(k));
            if let Some(h) = a.get("homeH") {
                assert!(h.is_number(), "homeH");
            }
            let mut pos = home;
            let mut t = offset;
            let track = a["agentTraversal"]
                .as_array()
                .expect("agentTraversal is a list")
                .iter()
                .map(|s| {
                    let s = s.as_object().expect("a traversal step is an object");
                    for k in s.keys() {
                        assert!(
                            ["dt", "dx", "dy", "dz", "dh"].contains(&k.as_str()),
                            "traversal key {k} is not in the reference"
                        );
                    }
                    t += s.get("dt").map_or(1.0 / rate, |d| d.as_f64().expect("dt"));
                    for (k, key) in ["dx", "dy", "dz"].iter().enumerate() {
                        pos[k] += s[*key].as_f64().expect(key);
                    }
                    (t, pos)
                })
                .collect();
            Agent { id, home, track }
        })
        .collect();
    (v, agents)
}

/// Where the agent is at `t` seconds: linear between the steps read.
fn at(agent: &Agent, t: f64) -> [f64; 3] {
    let tr = &agent.track;
    let i = tr.partition_point(|(s, _)| *s < t).min(tr.len() - 1);
    if i == 0 {
        return tr[0].1;
    }
    let ((t0, a), (t1, b)) = (tr[i - 1], tr[i]);
    let u = ((t - t0) / (t1 - t0)).clamp(0.0, 1.0);
    [0, 1, 2].map(|c| a[c] + (b[c] - a[c]) * u)
}

fn drone(name: &str, trajectory: Trajectory, lights: Vec<LightStep>) -> Drone {
    Drone {
        name: name.into(),
        home: trajectory.position(0.0),
        trajectory,
        lights: LightProgram {
            steps: lights,
            bytecode: Vec::new(),
        },
    }
}

/// Drone 1 stands 3 m east and 4 m north of the origin, climbs straight up 20 m from 2 s to
/// 6 s and holds to 10 s; drone 2 flies 10 m due east at 10 m height over the 10 s.
fn planted() -> FlightShow {
    let ground = Vec3::new(3.0, 4.0, 0.0);
    let top = Vec3::new(3.0, 4.0, 20.0);
    let mut climb = Trajectory::new(ground);
    climb.push(Segment::hold(0.0, 2.0, ground));
    climb.push(Segment::line(2.0, 6.0, ground, top));
    climb.push(Segment::hold(6.0, 10.0, top));
    let (west, east) = (Vec3::new(-5.0, 0.0, 10.0), Vec3::new(5.0, 0.0, 10.0));
    let mut cross = Trajectory::new(west);
    cross.push(Segment::line(0.0, 10.0, west, east));
    let green = Rgb::new(0, 255, 0);
    let lit = vec![LightStep {
        t0: 5.0,
        t1: 10.0,
        from: green,
        to: green,
    }];
    FlightShow {
        title: "reference".into(),
        drones: vec![drone("a", climb, lit.clone()), drone("b", cross, lit)],
        phases: Vec::new(),
        cues: Vec::new(),
        limits: None,
        geofence: None,
    }
}

#[test]
fn vviz_follows_the_reference_facts() {
    let show = planted();
    let opts = VvizOptions::DEFAULT;
    let (v, agents) = read(&write_vviz(&show, &opts));
    assert_eq!(
        v["defaultPositionRate"].as_f64(),
        Some(opts.position_rate_hz)
    );
    assert_eq!(v["defaultColorRate"].as_f64(), Some(opts.color_rate_hz));
    assert_eq!(agents.len(), 2, "one performance per drone");
    assert_ne!(agents[0].id, agents[1].id, "performances have distinct ids");
    let (a, b) = (&agents[0], &agents[1]);

    // Y is up, in metres: drone 1's home is on the ground, and it reads 20 m up after its
    // climb; its horizontal coordinates (X and Z) do not change while it climbs.
    assert!(
        a.home[1].abs() < 1e-3,
        "home on the ground: Y = {}",
        a.home[1]
    );
    let top = at(a, 8.0);
    assert!((top[1] - 20.0).abs() < 1e-3, "20 m up reads Y = {}", top[1]);
    for c in [0, 2] {
        assert!((top[c] - a.home[c]).abs() < 1e-3, "climbing moves only Y");
    }
    // The horizontal plane is X and Z, in metres: home 3 m east and 4 m north is 5 m from
    // the origin across X and Z.
    assert!(
        (a.home[0].hypot(a.home[2]) - 5.0).abs() < 1e-3,
        "{:?}",
        a.home
    );
    // Drone 2 crosses 10 m at 10 m height: Y stays 10 and the path is 10 m long on X/Z.
    let (b0, b1) = (at(b, 0.0), at(b, 10.0));
    assert!((b0[1] - 10.0).abs() < 1e-3 && (b1[1] - 10.0).abs() < 1e-3);
    assert!(((b1[0] - b0[0]).hypot(b1[2] - b0[2]) - 10.0).abs() < 1e-3);

    // Seconds: `dt`, or the default position rate, adds up to the show's 10 s, and the
    // climb happens between 2 s and 6 s of that clock (half-way up at 4 s).
    let end = a.track.last().unwrap().0;
    assert!((end - 10.0).abs() < 1e-9, "the traversal lasts {end} s");
    assert!((b.track.last().unwrap().0 - 10.0).abs() < 1e-9);
    assert!(at(a, 2.0)[1].abs() < 1e-3, "still on the ground at 2 s");
    assert!((at(a, 4.0)[1] - 10.0).abs() < 1e-3, "half-way up at 4 s");
    assert!((at(a, 6.0)[1] - 20.0).abs() < 1e-3, "at the top at 6 s");
    // Drone 2 at 2.5 s is a quarter of the way along.
    let q = at(b, 2.5);
    assert!(((q[0] - b0[0]).hypot(q[2] - b0[2]) - 2.5).abs() < 1e-3);
}

#[test]
fn another_position_rate_keeps_the_clock_in_seconds() {
    let show = planted();
    let opts = VvizOptions {
        position_rate_hz: 2.0,
        color_rate_hz: 10.0,
    };
    let (v, agents) = read(&write_vviz(&show, &opts));
    assert_eq!(v["defaultPositionRate"].as_f64(), Some(2.0));
    for agent in &agents {
        assert!((agent.track.last().unwrap().0 - 10.0).abs() < 1e-9);
    }
    assert!((at(&agents[0], 4.0)[1] - 10.0).abs() < 1e-3);
}
