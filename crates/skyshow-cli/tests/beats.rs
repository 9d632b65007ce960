//! `skyshow beats MUSIC --json`: tempo, beats, downbeats and onsets of a real audio file.

use std::process::Command;

use skyshow_music::{TrackSpec, synthesize};

#[test]
fn beats_json_has_the_contract_keys_and_finds_the_tempo() {
    let dir = tempfile::tempdir().unwrap();
    let spec = TrackSpec {
        duration_s: 30.0,
        ..TrackSpec::drums(120.0)
    };
    let track = synthesize(&spec);
    let path = dir.path().join("drums.wav");
    std::fs::write(&path, track.to_wav()).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .args(["beats", path.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for key in ["tempo_bpm", "beats_s", "downbeats_s", "onsets_s"] {
        assert!(v.get(key).is_some(), "missing `{key}`");
    }
    assert!(
        (v["tempo_bpm"].as_f64().unwrap() - 120.0).abs() < 2.0,
        "{}",
        v["tempo_bpm"]
    );
    let beats = v["beats_s"].as_array().unwrap();
    let hits = track
        .beats_s
        .iter()
        .filter(|t| {
            beats
                .iter()
                .any(|b| (b.as_f64().unwrap() - **t).abs() <= 0.07)
        })
        .count();
    assert!(
        hits as f64 >= 0.95 * track.beats_s.len() as f64,
        "{hits} of {} beats found",
        track.beats_s.len()
    );
    // Garbage is an error naming the file.
    let bad = dir.path().join("noise.mp3");
    std::fs::write(&bad, b"not audio at all").unwrap();
    let e = Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .args(["beats", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(e.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&e.stderr).contains("noise.mp3"));
}
