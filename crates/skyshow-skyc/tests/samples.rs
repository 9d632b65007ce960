//! The reader against Skybrush's own sample files (GPL data, read from the shared folder
//! next to the repository, never copied; each test skips with a message when it is absent).

use std::path::PathBuf;

use skyshow_model::{Rgb, Vec3};
use skyshow_skyc::{
    LightDecodeOptions, ReadOptions, decode_light_program, decode_light_program_detailed,
    read_show_json, read_skyc,
};

fn sample(name: &str) -> Option<Vec<u8>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/samples/skyc")
        .join(name);
    match std::fs::read(&path) {
        Ok(b) => Some(b),
        Err(e) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("skipping: sample {} not available ({e})", path.display());
            }
            None
        }
    }
}

fn close(a: Vec3, b: Vec3, eps: f64) -> bool {
    a.dist(b) <= eps
}

#[test]
fn test_show_ref_layout() {
    let Some(bytes) = sample("test-show.skyc") else {
        return;
    };
    let r = read_skyc(&bytes, &ReadOptions::DEFAULT).unwrap();
    let s = &r.show;
    assert_eq!(s.title, "Test show for Skybrush Live Demo");
    assert_eq!(s.drones.len(), 3);
    let d = &s.drones[0];
    assert_eq!(d.name, "Drone 1");
    assert_eq!(d.home, Vec3::new(17.5, 10.0, 0.0));
    // takeoffTime 11.66 shifts every point; the first point is at z = 1.
    assert_eq!(d.trajectory.start, Vec3::new(17.5, 10.0, 1.0));
    assert!((d.trajectory.start_time() - 11.66).abs() < 1e-12);
    assert!(close(
        d.trajectory.position(11.66 + 0.5),
        Vec3::new(17.5, 10.0, 1.72),
        1e-9
    ));
    assert!(!d.lights.steps.is_empty());
    assert!(r.audio.is_none());
    assert!(s.limits.is_none());
    for f in &r.findings {
        assert!(f.rule != "lights_undecodable", "{f:?}");
    }
}

#[test]
fn test_show_with_audio_asset() {
    let Some(bytes) = sample("test-show-with-assets.skyc") else {
        return;
    };
    let r = read_skyc(&bytes, &ReadOptions::DEFAULT).unwrap();
    let a = r.audio.expect("audio");
    assert_eq!(a.bytes.len(), 14);
    assert_eq!(a.media_type.as_deref(), Some("audio/mpeg"));
    assert_eq!(a.start_time_s, 0.0);
    assert_eq!(r.show.drones.len(), 3);
}

#[test]
fn example_2_drones_positions_colours_limits() {
    let Some(bytes) = sample("example_2_drones.skyc") else {
        return;
    };
    let r = read_skyc(&bytes, &ReadOptions::DEFAULT).unwrap();
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    let s = &r.show;
    assert_eq!(s.title, "Two-drone example");
    assert_eq!(s.drones[1].name, "Drone 2");
    // Reference §1.10: t = 10 s → (0.52, 0, 10.00).
    assert!(close(
        s.drones[0].trajectory.position(10.0),
        Vec3::new(0.52, 0.0, 10.0),
        1e-9
    ));
    assert!(close(
        s.drones[1].trajectory.position(10.0),
        Vec3::new(0.52, 3.0, 10.0),
        1e-9
    ));
    assert!(close(
        s.drones[0].trajectory.end_position(),
        Vec3::new(5.0, 0.0, 0.0),
        1e-12
    ));
    // White 8 s, fade to red over 10 s, red 13 s.
    let red = Rgb::new(255, 0, 0);
    let steps = &s.drones[0].lights.steps;
    assert_eq!(steps.len(), 3);
    let ends: Vec<(f64, f64)> = steps.iter().map(|x| (x.t0, x.t1)).collect();
    for (got, want) in ends.iter().zip([(0.0, 8.0), (8.0, 18.0), (18.0, 31.0)]) {
        assert!(
            (got.0 - want.0).abs() < 1e-9 && (got.1 - want.1).abs() < 1e-9,
            "{ends:?}"
        );
    }
    assert_eq!(
        (steps[0].from, steps[0].to, steps[1].to, steps[2].to),
        (Rgb::WHITE, Rgb::WHITE, red, red)
    );
    assert_eq!(s.drones[0].lights.color_at(13.0), Rgb::new(255, 128, 128));
    let l = s.limits.expect("settings.validation");
    assert_eq!(
        (
            l.max_speed_xy_m_s,
            l.max_speed_up_m_s,
            l.max_speed_down_m_s,
            l.min_distance_m
        ),
        (8.0, 3.0, 3.0, 3.0)
    );
    assert_eq!(s.cues.len(), 2);
    assert_eq!(s.cues[1].name, "takeoff done");
    // The bare show.json reads to the same show.
    let Some(json) = sample("example_2_drones.show.json") else {
        return;
    };
    let j = read_show_json(&json, &ReadOptions::DEFAULT).unwrap();
    assert_eq!(j.show, r.show);
}

#[test]
fn inline_test_show_json_with_two_element_point() {
    let Some(bytes) = sample("test-show.json") else {
        return;
    };
    let r = read_show_json(&bytes, &ReadOptions::DEFAULT).unwrap();
    let rules: Vec<&str> = r.findings.iter().map(|f| f.rule).collect();
    assert_eq!(rules, vec!["point_without_controls"]);
    assert!(
        r.findings[0]
            .message
            .to_string()
            .starts_with("show.json: swarm.drones[0].settings.trajectory.points[0]:"),
        "{}",
        r.findings[0].message
    );
    let d = &r.show.drones[0];
    assert_eq!(d.trajectory.start, Vec3::new(1.0, 2.0, 3.0));
    assert!(d.trajectory.segments.is_empty());
    // SET_WHITE for 0x10A3 → 2083 frames = 41.66 s, then END.
    assert_eq!(d.lights.steps.len(), 1);
    assert!((d.lights.steps[0].t1 - 41.66).abs() < 1e-9);
}

#[test]
fn light_vectors_decode() {
    let opts = LightDecodeOptions {
        until_s: 30.0,
        ..LightDecodeOptions::DEFAULT
    };
    for name in ["timing_test.bin", "fade_and_step.bin", "show_file_1.bin"] {
        let Some(code) = sample(name) else { return };
        let p = decode_light_program(&code, &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!p.steps.is_empty(), "{name}");
        assert_eq!(p.bytecode, code);
    }
    // timing_test: loop forever { red 1 s, green 1 s, blue 1 s }.
    let Some(code) = sample("timing_test.bin") else {
        return;
    };
    let d = decode_light_program_detailed(&code, &opts).unwrap();
    assert!(d.truncated && !d.ended);
    let colours = [
        Rgb::new(255, 0, 0),
        Rgb::new(0, 255, 0),
        Rgb::new(0, 0, 255),
    ];
    assert_eq!(d.program.steps.len(), 30);
    for (k, s) in d.program.steps.iter().enumerate() {
        assert_eq!((s.from, s.to), (colours[k % 3], colours[k % 3]));
        assert!((s.t0 - k as f64).abs() < 1e-9 && (s.t1 - (k + 1) as f64).abs() < 1e-9);
    }
    let Some(json) = sample("lights.json") else {
        return;
    };
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    use base64::Engine;
    let code = base64::engine::general_purpose::STANDARD
        .decode(v["data"].as_str().unwrap())
        .unwrap();
    let d = decode_light_program_detailed(&code, &LightDecodeOptions::DEFAULT).unwrap();
    assert!(d.ended);
}
