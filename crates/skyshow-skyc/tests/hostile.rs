//! Hand-made broken and hostile files: each gives the right error or finding, never a panic.

use std::io::{Cursor, Write};

use proptest::prelude::*;
use skyshow_skyc::{FormatFinding, ReadOptions, SkycError, read_show_json, read_skyc};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// A ZIP archive of `(name, bytes)` members (deflated).
fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let o = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, bytes) in members {
        w.start_file(*name, o).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A valid two-drone show.json with the given extra drone settings for drone 0.
fn show_json(drone0: &str) -> String {
    format!(
        r#"{{"version": 1, "swarm": {{"drones": [
            {{"type": "generic", "settings": {{{drone0}}}}},
            {{"type": "generic", "settings": {{"trajectory": {{"version": 1, "points": [[0, [3, 0, 0], []], [5, [3, 0, 5], []]]}},
              "lights": {{"version": 1, "data": "BwoA"}}}}}}
        ]}}}}"#
    )
}

const GOOD_TRAJ: &str = r#""trajectory": {"version": 1, "points": [[0, [0, 0, 0], []], [5, [0, 0, 5], []]]}, "lights": {"version": 1, "data": "BwoA"}"#;

fn read_json(s: &str) -> Result<skyshow_skyc::SkycShow, SkycError> {
    read_show_json(s.as_bytes(), &ReadOptions::DEFAULT)
}

fn rules(f: &[FormatFinding]) -> Vec<&'static str> {
    f.iter().map(|x| x.rule).collect()
}

#[test]
fn valid_zip_and_json_agree() {
    let j = show_json(GOOD_TRAJ);
    let z = read_skyc(
        &zip_of(&[("show.json", j.as_bytes())]),
        &ReadOptions::DEFAULT,
    )
    .unwrap();
    let b = read_json(&j).unwrap();
    assert_eq!(z, b);
    assert!(z.findings.is_empty(), "{:?}", z.findings);
    assert_eq!(z.show.drones.len(), 2);
    assert_eq!(z.show.drones[0].lights.steps.len(), 1);
}

#[test]
fn zip_bomb_by_declared_size() {
    let j = show_json(GOOD_TRAJ);
    let mut z = zip_of(&[("show.json", j.as_bytes())]);
    // Patch the uncompressed size in the local and central headers to ~2 GB.
    let huge = 0x7FFF_0000u32.to_le_bytes();
    let find = |z: &[u8], sig: &[u8]| z.windows(4).position(|w| w == sig).unwrap();
    let local = find(&z, b"PK\x03\x04");
    z[local + 22..local + 26].copy_from_slice(&huge);
    let central = find(&z, b"PK\x01\x02");
    z[central + 24..central + 28].copy_from_slice(&huge);
    let e = read_skyc(&z, &ReadOptions::DEFAULT).unwrap_err();
    assert!(matches!(e, SkycError::TooLarge { .. }), "{e}");
    assert!(e.to_string().contains("declares 2147418112 bytes"), "{e}");
}

#[test]
fn zip_bomb_by_compression_ratio() {
    // 8 MB of spaces inflate from a few kB; with a 1 MB budget that is refused.
    let mut j = show_json(GOOD_TRAJ).into_bytes();
    j.extend(std::iter::repeat_n(b' ', 8 << 20));
    let z = zip_of(&[("show.json", &j)]);
    assert!(z.len() < 100_000);
    let opts = ReadOptions {
        max_uncompressed_bytes: 1 << 20,
        ..ReadOptions::DEFAULT
    };
    let e = read_skyc(&z, &opts).unwrap_err();
    assert!(matches!(e, SkycError::TooLarge { .. }), "{e}");
}

/// A show with `media.audio` referring to `assets/music.wav`, holding `audio`.
fn show_with_audio(audio: &[u8]) -> Vec<u8> {
    let j = format!(
        r#"{{"version": 1, "media": {{"audio": {{"data": {{"$ref": "./assets/music.wav"}}, "mediaType": "audio/wav"}}}},
            "swarm": {{"drones": [{{"settings": {{{GOOD_TRAJ}}}}}]}}}}"#
    );
    zip_of(&[("show.json", j.as_bytes()), ("assets/music.wav", audio)])
}

#[test]
fn long_audio_is_read_and_bounded_separately_from_json() {
    // 40 MB of audio (a 4-minute 44.1 kHz stereo WAV is larger than the JSON limits once
    // were): more than the 16 MiB of JSON expansion, read whole with the defaults.
    let audio = vec![0x11u8; 40 << 20];
    let z = show_with_audio(&audio);
    let r = read_skyc(&z, &ReadOptions::DEFAULT).unwrap();
    assert_eq!(r.audio.unwrap().bytes.len(), 40 << 20);
    // Assets have their own budget: above it, refused as a bomb, naming the member.
    let opts = ReadOptions {
        max_asset_bytes: 8 << 20,
        ..ReadOptions::DEFAULT
    };
    let e = read_skyc(&z, &opts).unwrap_err();
    assert!(matches!(e, SkycError::TooLarge { .. }), "{e}");
    let msg = e.to_string();
    assert!(msg.starts_with("assets/music.wav"), "{msg}");
    assert!(msg.contains("max_asset_bytes"), "{msg}");
    // A generous asset budget does not loosen the JSON one.
    let mut j = show_json(GOOD_TRAJ).into_bytes();
    j.extend(std::iter::repeat_n(b' ', 8 << 20));
    let opts = ReadOptions {
        max_uncompressed_bytes: 1 << 20,
        max_asset_bytes: 1 << 30,
        ..ReadOptions::DEFAULT
    };
    let e = read_skyc(&zip_of(&[("show.json", &j)]), &opts).unwrap_err();
    assert!(matches!(e, SkycError::TooLarge { .. }), "{e}");
}

#[test]
fn billion_laughs_through_refs() {
    // Each level references the one below ten times: 10^6 copies of the leaf.
    let mut members: Vec<(String, String)> = Vec::new();
    members.push((
        "l6.json".into(),
        "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16]".into(),
    ));
    for k in (0..6).rev() {
        let refs = vec![format!(r#"{{"$ref": "./l{}.json"}}"#, k + 1); 10].join(",");
        members.push((format!("l{k}.json"), format!("[{refs}]")));
    }
    let j = show_json(&format!(r#"{GOOD_TRAJ}, "extra": {{"$ref": "./l0.json"}}"#));
    members.push(("show.json".into(), j));
    let refs: Vec<(&str, &[u8])> = members
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_bytes()))
        .collect();
    let opts = ReadOptions {
        max_uncompressed_bytes: 4 << 20,
        ..ReadOptions::DEFAULT
    };
    let e = read_skyc(&zip_of(&refs), &opts).unwrap_err();
    assert!(matches!(e, SkycError::TooLarge { .. }), "{e}");
    assert!(e.to_string().contains("references expand"), "{e}");
}

#[test]
fn ref_layout_resolves_and_names_members_in_errors() {
    let traj = br#"{"version": 1, "points": [[0, [0, 0, 0], []], [5, [0, 0], []]]}"#;
    let j = show_json(r#""trajectory": {"$ref": "./drones/drone_01/trajectory.json#"}"#);
    let z = zip_of(&[
        ("show.json", j.as_bytes()),
        ("drones/drone_01/trajectory.json", traj),
    ]);
    let e = read_skyc(&z, &ReadOptions::DEFAULT).unwrap_err();
    let msg = e.to_string();
    assert!(
        msg.starts_with("drones/drone_01/trajectory.json: points[1]"),
        "{msg}"
    );
    assert!(
        msg.contains("swarm.drones[0].settings.trajectory")
            && msg.contains("expected [t, [x, y, z], [controls]]"),
        "{msg}"
    );
    // Same layout, valid, with zip: prefix and a pointer into a shared file.
    let shared = br#"{"t": {"version": 1, "points": [[0, [0, 0, 0], []], [5, [0, 0, 5], []]]}}"#;
    let j = show_json(
        r#""trajectory": {"$ref": "zip:./shared.json#/t"}, "lights": {"version": 1, "data": "AA=="}"#,
    );
    let z = zip_of(&[("show.json", j.as_bytes()), ("shared.json", shared)]);
    let r = read_skyc(&z, &ReadOptions::DEFAULT).unwrap();
    assert_eq!(r.show.drones[0].trajectory.segments.len(), 1);
}

#[test]
fn ref_escaping_the_archive() {
    for r in [
        "../x.json",
        "./drones/../../x.json",
        "/etc/passwd",
        "C:\\x.json",
        "http://example.com/x.json",
    ] {
        let j = show_json(&format!(
            r#""trajectory": {{"$ref": "{}"}}"#,
            r.replace('\\', "\\\\")
        ));
        let e = read_skyc(
            &zip_of(&[("show.json", j.as_bytes())]),
            &ReadOptions::DEFAULT,
        )
        .unwrap_err();
        assert!(matches!(e, SkycError::Ref { .. }), "{r}: {e}");
        let msg = e.to_string();
        assert!(
            msg.starts_with("show.json: swarm.drones[0].settings.trajectory: `$ref`"),
            "{msg}"
        );
        assert!(
            msg.contains("escapes the archive") || msg.contains("absolute or external"),
            "{msg}"
        );
    }
}

#[test]
fn cyclic_refs() {
    let a = br#"{"version": 1, "points": {"$ref": "./b.json"}}"#;
    let b = br#"{"$ref": "./a.json#/points"}"#;
    let j = show_json(r#""trajectory": {"$ref": "./a.json"}"#);
    let e = read_skyc(
        &zip_of(&[("show.json", j.as_bytes()), ("a.json", a), ("b.json", b)]),
        &ReadOptions::DEFAULT,
    )
    .unwrap_err();
    assert!(e.to_string().contains("cyclic"), "{e}");
    // A document referring to itself.
    let j = show_json(r##""trajectory": {"$ref": "#"}"##);
    assert!(read_json(&j).unwrap_err().to_string().contains("cyclic"));
    // A missing member, and a bare show.json that refers outside itself.
    let j = show_json(r#""trajectory": {"$ref": "./nope.json"}"#);
    let e = read_skyc(
        &zip_of(&[("show.json", j.as_bytes())]),
        &ReadOptions::DEFAULT,
    )
    .unwrap_err();
    assert!(
        e.to_string().contains("nope.json is not in the archive"),
        "{e}"
    );
    assert!(
        read_json(&j)
            .unwrap_err()
            .to_string()
            .contains("bare show.json")
    );
}

#[test]
fn deep_nesting_through_ref_chains_is_refused_without_overflow() {
    // Twenty members, each 120 levels deep, each referring to the next at the bottom.
    let mut owned: Vec<(String, String)> = Vec::new();
    for k in 0..20 {
        let inner = if k == 19 {
            "1".to_string()
        } else {
            format!(r#"{{"$ref": "./m{}.json"}}"#, k + 1)
        };
        owned.push((
            format!("m{k}.json"),
            format!("{}{inner}{}", "[".repeat(120), "]".repeat(120)),
        ));
    }
    owned.push((
        "show.json".into(),
        show_json(&format!(r#"{GOOD_TRAJ}, "x": {{"$ref": "./m0.json"}}"#)),
    ));
    let members: Vec<(&str, &[u8])> = owned
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_bytes()))
        .collect();
    let e = read_skyc(&zip_of(&members), &ReadOptions::DEFAULT).unwrap_err();
    assert!(matches!(e, SkycError::Ref { .. }), "{e}");
}

#[test]
fn nan_and_huge_numbers() {
    let j = show_json(r#""trajectory": {"version": 1, "points": [[0, [0, 0, NaN], []]]}"#);
    let e = read_skyc(
        &zip_of(&[("show.json", j.as_bytes())]),
        &ReadOptions::DEFAULT,
    )
    .unwrap_err();
    let SkycError::Json { member, line, .. } = &e else {
        panic!("{e}")
    };
    assert_eq!((member.as_str(), *line), ("show.json", 2));
    let j = show_json(r#""trajectory": {"version": 1, "points": [[0, [0, 0, 1e999], []]]}"#);
    assert!(matches!(read_json(&j).unwrap_err(), SkycError::Json { .. }));
    let j = show_json(r#""trajectory": {"version": 1, "points": [[0, [0, 0, 1e300], []]]}"#);
    let e = read_json(&j).unwrap_err();
    assert!(e.to_string().contains("points[0]"), "{e}");
    let j = show_json(
        r#""trajectory": {"version": 1, "takeoffTime": 1e200, "points": [[0, [0, 0, 0], []]]}"#,
    );
    assert!(
        read_json(&j)
            .unwrap_err()
            .to_string()
            .contains("takeoffTime")
    );
}

#[test]
fn truncated_and_foreign_bytes() {
    let j = show_json(GOOD_TRAJ);
    let z = zip_of(&[("show.json", j.as_bytes())]);
    for cut in [z.len() / 2, z.len() - 10, 30] {
        let e = read_skyc(&z[..cut], &ReadOptions::DEFAULT).unwrap_err();
        assert!(
            matches!(e, SkycError::Zip(_) | SkycError::NotZip { .. }),
            "{e}"
        );
    }
    let e = read_skyc(b"hello world", &ReadOptions::DEFAULT).unwrap_err();
    assert!(matches!(e, SkycError::NotZip { .. }), "{e}");
    let e = read_skyc(j.as_bytes(), &ReadOptions::DEFAULT).unwrap_err();
    assert!(e.to_string().contains("read_show_json"), "{e}");
    assert!(read_skyc(&[], &ReadOptions::DEFAULT).is_err());
    let e = read_skyc(
        &zip_of(&[("show/show.json", j.as_bytes())]),
        &ReadOptions::DEFAULT,
    )
    .unwrap_err();
    assert!(e.to_string().contains("must be at the root"), "{e}");
}

#[test]
fn limits_on_entries_drones_points() {
    let j = show_json(GOOD_TRAJ);
    let z = zip_of(&[("show.json", j.as_bytes()), ("a", b"x"), ("b", b"y")]);
    let e = read_skyc(
        &z,
        &ReadOptions {
            max_entries: 2,
            ..ReadOptions::DEFAULT
        },
    )
    .unwrap_err();
    assert_eq!(e, SkycError::TooManyEntries { count: 3, max: 2 });
    let e = read_show_json(
        j.as_bytes(),
        &ReadOptions {
            max_drones: 1,
            ..ReadOptions::DEFAULT
        },
    )
    .unwrap_err();
    assert_eq!(e, SkycError::TooManyDrones { count: 2, max: 1 });
    let e = read_show_json(
        j.as_bytes(),
        &ReadOptions {
            max_points_per_drone: 1,
            ..ReadOptions::DEFAULT
        },
    )
    .unwrap_err();
    assert!(
        matches!(
            e,
            SkycError::TooManyPoints {
                count: 2,
                max: 1,
                ..
            }
        ),
        "{e}"
    );
}

#[test]
fn hard_loader_rules_are_errors() {
    let cases = [
        (
            r#"[1]"#,
            "(top level): the show specification must be a JSON object",
        ),
        (r#"{"swarm": {"drones": []}}"#, "version: missing"),
        (
            r#"{"version": 2, "swarm": {}}"#,
            "version: only version 1 is supported, found 2",
        ),
        (r#"{"version": 1}"#, "swarm: expected an object"),
        (
            r#"{"version": 1, "swarm": {"drones": []}}"#,
            "swarm.drones: expected a non-empty array",
        ),
        (
            r#"{"version": 1, "swarm": {"drones": [{"settings": {}}]}}"#,
            "swarm.drones[0].settings.trajectory: missing",
        ),
        (
            r#"{"version": 1, "swarm": {"drones": [{"settings": {"trajectory": {"version": 2, "points": []}}}]}}"#,
            "trajectory.version: only version 1 trajectories",
        ),
        (
            r#"{"version": 1, "swarm": {"drones": [{"settings": {"trajectory": {"version": 1, "points": []}}}]}}"#,
            "trajectory.points: expected a non-empty array",
        ),
        (
            r#"{"version": 1, "swarm": {"drones": [{"settings": {"trajectory": {"version": 1, "landingTime": "x", "points": [[0, [0,0,0], []]]}}}]}}"#,
            "landingTime: expected `landingTime` in seconds as a number",
        ),
    ];
    for (json, want) in cases {
        let e = read_json(json).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.starts_with("show.json: ") && msg.contains(want),
            "{json}\n  gave: {msg}\n  want: {want}"
        );
    }
}

#[test]
fn bad_point_message_names_the_path() {
    let good = r#"{"settings": {"trajectory": {"version": 1, "points": [[0, [0, 0, 0], []]]}}}"#;
    let mut points: Vec<String> = (0..17).map(|k| format!("[{k}, [0, 0, 0], []]")).collect();
    points.push("[17, [0, 0, 0], [], 4]".into());
    let bad = format!(
        r#"{{"settings": {{"trajectory": {{"version": 1, "points": [{}]}}}}}}"#,
        points.join(",")
    );
    let json =
        format!(r#"{{"version": 1, "swarm": {{"drones": [{good}, {good}, {good}, {bad}]}}}}"#);
    let msg = read_json(&json).unwrap_err().to_string();
    assert!(
        msg.starts_with("show.json: swarm.drones[3].settings.trajectory.points[17]: expected [t, [x, y, z], [controls]]"),
        "{msg}"
    );
}

#[test]
fn soft_rules_are_findings() {
    let traj = r#""trajectory": {"version": 1, "takeoffTime": 2, "points": [
        [0, [0, 0, 0], [[1, 1, 1]]],
        [1, [0, 0, 1]],
        [2, [0, 0, 2], [[0, 0, 1], [0, 0, 1.5], [0, 0, 1.8]]],
        [2.0004, [0, 0, 2], []],
        [1.5, [0, 0, 9], []],
        [3, [0, 0, 3], []]
    ]}"#;
    let r = read_json(&show_json(traj)).unwrap();
    let got = rules(&r.findings);
    for want in [
        "first_point_controls",
        "point_without_controls",
        "too_many_control_points",
        "time_stands_still",
        "time_backwards",
        "missing_lights",
    ] {
        assert!(got.contains(&want), "{want} missing from {got:?}");
    }
    assert!(r.findings.iter().all(|f| f.drone == Some(0)));
    let d = &r.show.drones[0];
    // The backwards point is skipped: segments 2→3, 3→4, 4→5, 5→7 (shifted by takeoffTime 2).
    assert_eq!(d.trajectory.segments.len(), 4);
    assert_eq!(d.trajectory.segments[0].t0, 2.0);
    assert_eq!(d.trajectory.segments[3].t1, 5.0);
    assert_eq!(d.trajectory.segments[3].start().z, 2.0);
    assert_eq!(d.lights.bytecode, vec![0]);
    assert!(d.lights.steps.is_empty());
    // Messages say where.
    let tb = r
        .findings
        .iter()
        .find(|f| f.rule == "time_backwards")
        .unwrap();
    assert!(
        tb.message
            .to_string()
            .starts_with("show.json: swarm.drones[0].settings.trajectory.points[4]:"),
        "{}",
        tb.message
    );

    let lights = |l: &str| {
        read_json(&show_json(&format!(
            r#""trajectory": {{"version": 1, "points": [[0, [0,0,0], []]]}}, "lights": {l}"#
        )))
    };
    let r = lights(r#"{"version": 2, "data": "AA=="}"#).unwrap();
    assert_eq!(rules(&r.findings), vec!["lights_version"]);
    let r = lights(r#"{"version": 1, "data": "Bwo="}"#).unwrap();
    assert_eq!(rules(&r.findings), vec!["lights_no_end"]);
    assert_eq!(r.show.drones[0].lights.steps.len(), 1);
    let r = lights(r#"{"version": 1, "data": "/wA="}"#).unwrap();
    assert_eq!(rules(&r.findings), vec!["lights_undecodable"]);
    assert!(
        r.findings[0]
            .message
            .to_string()
            .contains("unknown opcode 0xFF"),
        "{}",
        r.findings[0].message
    );
    assert_eq!(r.show.drones[0].lights, Default::default());
    let r = lights(r#"{"version": 1, "data": "%%%"}"#).unwrap();
    assert_eq!(rules(&r.findings), vec!["lights_invalid"]);
}

#[test]
fn settings_media_and_home() {
    let json = r#"{"version": 1,
        "meta": {"title": "T"},
        "environment": {"type": "underwater"},
        "media": {"audio": {"data": "AAEC", "mediaType": "audio/wav", "startTime": 1.5}},
        "settings": {"cues": {"version": 1, "items": [{"name": "go", "time": 3}]},
                     "validation": {"max_altitude": 80, "minDistance": 2, "maxVelocityXY": "fast"}},
        "swarm": {"drones": [{"settings": {"name": "Alpha", "home": [1, 2, 0],
            "trajectory": {"version": 1, "points": [[0, [1, 2, 0], []]]}, "lights": {"version": 1, "data": "AA=="},
            "pyro": {"version": 1, "events": [[1, 2]]}}}]}}"#;
    let r = read_json(json).unwrap();
    assert_eq!(r.show.title, "T");
    assert_eq!(r.show.drones[0].name, "Alpha");
    assert_eq!(
        r.show.drones[0].home,
        skyshow_model::Vec3::new(1.0, 2.0, 0.0)
    );
    let l = r.show.limits.unwrap();
    assert_eq!(
        (l.max_altitude_m, l.min_distance_m, l.max_speed_xy_m_s),
        (80.0, 2.0, 8.0)
    );
    assert_eq!(r.show.cues[0].time_s, 3.0);
    let a = r.audio.unwrap();
    assert_eq!(
        (a.bytes, a.media_type.as_deref(), a.start_time_s),
        (vec![0, 1, 2], Some("audio/wav"), 1.5)
    );
    let mut got = rules(&r.findings);
    got.sort();
    assert_eq!(
        got,
        vec!["environment_type", "pyro_schema", "validation_invalid"]
    );
}

fn valid_zip() -> Vec<u8> {
    let traj = br#"{"version": 1, "takeoffTime": 1, "points": [[0, [0, 0, 0], []], [4, [0, 0, 6], [[0, 0, 0], [0, 0, 6]]], [9, [4, 1, 6], [[2, 2, 6]]]]}"#;
    let lights = br#"{"version": 1, "data": "DAME/wAAMgQA/wAyDQA="}"#;
    let j = show_json(
        r#""trajectory": {"$ref": "./drones/drone_01/trajectory.json#"}, "lights": {"$ref": "./drones/drone_01/lights.json"}"#,
    );
    zip_of(&[
        ("show.json", j.as_bytes()),
        ("drones/drone_01/trajectory.json", traj),
        ("drones/drone_01/lights.json", lights),
    ])
}

#[test]
fn valid_ref_zip_reads() {
    let r = read_skyc(&valid_zip(), &ReadOptions::DEFAULT).unwrap();
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert_eq!(r.show.drones[0].trajectory.segments.len(), 2);
    assert_eq!(r.show.drones[0].lights.steps.len(), 6);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = read_skyc(&bytes, &ReadOptions::DEFAULT);
        let _ = read_show_json(&bytes, &ReadOptions::DEFAULT);
        let _ = skyshow_skyc::decode_light_program(&bytes, &skyshow_skyc::LightDecodeOptions::DEFAULT);
    }

    #[test]
    fn mutated_zip_never_panics(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut z = valid_zip();
        for (i, b) in edits {
            let k = i.index(z.len());
            z[k] = b;
        }
        let _ = read_skyc(&z, &ReadOptions::DEFAULT);
    }

    #[test]
    fn mutated_json_never_panics(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), prop::sample::select(b"0123456789-.e[]{},\":aA $#/".to_vec())), 1..6)
    ) {
        let mut j = show_json(r#""trajectory": {"version": 1, "takeoffTime": 1, "points": [[0, [0, 0, 0], []], [4, [0, 0, 6], [[0, 0, 0], [0, 0, 6]]], [9, [4, 1, 6], [[2, 2, 6]]]]}, "lights": {"version": 1, "data": "DAME/wAAMgQA/wAyDQA="}"#).into_bytes();
        for (i, b) in edits {
            let k = i.index(j.len());
            j[k] = b;
        }
        let _ = read_show_json(&j, &ReadOptions::DEFAULT);
        let _ = read_skyc(&zip_of(&[("show.json", &j)]), &ReadOptions::DEFAULT);
    }
}

#[test]
fn billion_laughs_with_default_limits_stop_at_the_expansion_budget() {
    // Seven levels of ten references: 10^7 copies of the leaf, a quarter of a gigabyte of
    // JSON in text and several in memory; the default expansion budget (16 MiB) stops it.
    let mut members: Vec<(String, String)> =
        vec![("l7.json".into(), "[1,2,3,4,5,6,7,8,9,10]".into())];
    for k in (0..7).rev() {
        let refs = vec![format!(r#"{{"$ref": "./l{}.json"}}"#, k + 1); 10].join(",");
        members.push((format!("l{k}.json"), format!("[{refs}]")));
    }
    let j = show_json(&format!(r#"{GOOD_TRAJ}, "extra": {{"$ref": "./l0.json"}}"#));
    members.push(("show.json".into(), j));
    let refs: Vec<(&str, &[u8])> = members
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_bytes()))
        .collect();
    let e = read_skyc(&zip_of(&refs), &ReadOptions::DEFAULT).unwrap_err();
    assert!(
        e.to_string()
            .contains("limit of 16777216 bytes; references expand"),
        "{e}"
    );
}
