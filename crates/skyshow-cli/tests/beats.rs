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

/// A drum track at 100 BPM from a kick at 0:00, 120 BPM from 30 s, as WAV in `dir`.
fn step_track(dir: &std::path::Path) -> std::path::PathBuf {
    let spec = TrackSpec {
        duration_s: 60.0,
        first_beat_s: 0.0,
        tempo_change: Some((29.99, 120.0)),
        ..TrackSpec::drums(100.0)
    };
    let path = dir.join("step.wav");
    std::fs::write(&path, synthesize(&spec).to_wav()).unwrap();
    path
}

fn beats(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .env("NO_COLOR", "1")
        .arg("beats")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn beats_json_adds_sections_and_bars_and_keeps_every_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = step_track(dir.path());
    let o = beats(&[path.to_str().unwrap(), "--json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for key in [
        "tempo_bpm",
        "beats_s",
        "downbeats_s",
        "onsets_s",
        "tempo_changes",
        "sections",
        "bars",
        "beats_per_bar",
        "offset_s",
        "duration_s",
        "sample_rate_hz",
        "channels",
        "decode_ms",
        "analysis_ms",
    ] {
        assert!(v.get(key).is_some(), "missing `{key}`");
    }
    let sections = v["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 2, "{sections:?}");
    let f = |x: &serde_json::Value| x.as_f64().unwrap();
    assert!((f(&sections[0]["bpm"]) - 100.0).abs() < 0.5, "{sections:?}");
    assert!((f(&sections[1]["bpm"]) - 120.0).abs() < 0.5, "{sections:?}");
    assert!(f(&sections[0]["start_s"]) < 0.07, "{sections:?}");
    assert!(
        (f(&sections[1]["start_s"]) - 30.0).abs() < 0.5,
        "{sections:?}"
    );
    // The change is also the one tempo change.
    assert_eq!(v["tempo_changes"][0]["time_s"], sections[1]["start_s"]);
    // Bars: numbered from 1 at the kick at 0:00, one per downbeat, at the downbeats' times.
    let bars = v["bars"].as_array().unwrap();
    let downbeats = v["downbeats_s"].as_array().unwrap();
    assert_eq!(bars.len(), downbeats.len());
    for (k, (b, d)) in bars.iter().zip(downbeats).enumerate() {
        assert_eq!(b["bar"].as_u64(), Some(k as u64 + 1));
        assert_eq!(b["start_s"], *d);
    }
    assert!(
        f(&bars[0]["start_s"]) < 0.07,
        "bar 1 at {}",
        bars[0]["start_s"]
    );
    // Bars of 2.4 s (4 beats at 100 BPM) up to 0:30: bar 13 starts at 28.8 s.
    assert!(
        (f(&bars[12]["start_s"]) - 28.8).abs() < 0.07,
        "{}",
        bars[12]
    );
    // Music that starts 10 s before the show keeps the music's bar numbers, as a DAW counts
    // them: bars 1 to 5 are over before the show, bar 6 (12.0 s into the music) is the
    // first, at 2.0 s, and bar 13 is at 18.8 s.
    let o = beats(&[path.to_str().unwrap(), "--json", "--offset=-10"]);
    assert_eq!(o.status.code(), Some(0));
    let early: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let shown = early["bars"].as_array().unwrap();
    assert_eq!(shown[0]["bar"].as_u64(), Some(6), "{}", shown[0]);
    assert!((f(&shown[0]["start_s"]) - 2.0).abs() < 0.07, "{}", shown[0]);
    let b13 = shown
        .iter()
        .find(|b| b["bar"].as_u64() == Some(13))
        .unwrap();
    assert!((f(&b13["start_s"]) - 18.8).abs() < 0.07, "{b13}");
    assert_eq!(shown.len() + 5, bars.len());
}

#[test]
fn beats_text_names_the_sections_and_prints_the_bar_table_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let path = step_track(dir.path());
    let o = beats(&[path.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stderr).into_owned();
    let line = |start: &str| {
        text.lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no line starting `{start}` in:\n{text}"))
            .to_string()
    };
    let tempo = line("tempo: ");
    assert!(tempo.starts_with("tempo: 100.0 BPM from 0:00.0"), "{tempo}");
    assert!(tempo.contains(", 120.0 BPM from 0:"), "{tempo}");
    let header = line("bars (4 beats each;");
    assert!(
        header.contains("bar 1 starts at the first downbeat"),
        "{header}"
    );
    assert!(header.contains("`\"1.1\"`"), "{header}");
    let first = line("     1  ");
    assert!(first.starts_with("     1  0:00.0"), "{first}");
    assert_eq!(first.split_whitespace().count(), 9, "8 bars a row: {first}");
    assert!(
        line("     9  ").starts_with("     9  0:19.2"),
        "bar 9 at 8 × 2.4 s"
    );
    let zh = beats(&[path.to_str().unwrap(), "--lang", "zh"]);
    assert_eq!(zh.status.code(), Some(0));
    let zh = String::from_utf8_lossy(&zh.stderr).into_owned();
    assert!(
        zh.lines()
            .any(|l| l.starts_with("速度：0:00.0") && l.contains(" 起 100.0 BPM，0:")),
        "{zh}"
    );
    assert!(zh.contains("第 1 小节从第一个强拍开始"), "{zh}");
    assert!(zh.lines().any(|l| l.starts_with("     1  0:00.0")), "{zh}");
}

#[test]
fn a_track_without_beats_is_an_error_with_a_hint_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("silence.wav");
    let silent = skyshow_music::TestTrack {
        sample_rate: 22_050,
        samples: vec![0.0; 22_050 * 5],
        beats_s: Vec::new(),
        downbeats_s: Vec::new(),
    };
    std::fs::write(&path, silent.to_wav()).unwrap();
    for (lang, words) in [
        ("en", ["no beats found", "silence.wav", "`--bpm`"]),
        ("zh", ["没有找到节拍", "silence.wav", "请用 `--bpm`"]),
    ] {
        let o = beats(&[path.to_str().unwrap(), "--lang", lang]);
        assert_eq!(o.status.code(), Some(2), "{lang}");
        let err = String::from_utf8_lossy(&o.stderr);
        for w in words {
            assert!(err.contains(w), "{lang}: `{w}` not in {err}");
        }
    }
    // Flags that do not go together are errors too.
    let o = beats(&[path.to_str().unwrap(), "--taps", "1,2", "--bpm", "120"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot be used together"));
}
