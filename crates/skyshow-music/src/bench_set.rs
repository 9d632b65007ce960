//! The named synthetic tracks the tests and the benchmark example score the tracker on.

use crate::synth::{Instrument, Tone, TrackSpec};

/// Name prefix of the tracks added (with four new generators) before the metrical-level
/// work of session 3 and never looked at while tuning it.
pub const NEW_PREFIX: &str = "new ";

/// Name prefix of the third held-out set: written (with the mix filters of [`Tone`]) before
/// the metrical-level work of session 6, scored once with the tracker as it was, and never
/// looked at while tuning.
pub const HELD_OUT_3_PREFIX: &str = "h3 ";

/// A named synthetic track for the F-measure table.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedTrack {
    /// A short name for the table.
    pub name: String,
    /// What to synthesise.
    pub spec: TrackSpec,
    /// Held out: not looked at while tuning the tracker.
    pub held_out: bool,
}

/// The development set (clicks, drums, a tempo change, noise) and the held-out set
/// (other tempi from 80 to 170 BPM, swing, other seeds, 44.1 kHz, 3/4), then the newer
/// held-out set (names starting with [`NEW_PREFIX`]): other kits and patterns
/// (four-on-the-floor, funk, shuffle, clave), tempo ramps and noise; then the third
/// held-out set (names starting with [`HELD_OUT_3_PREFIX`]): 66 to 184 BPM, muffled and thin
/// mixes, 2/4, 3/4 and 5/4, other swing, noise, 48 kHz.
pub fn evaluation_set() -> Vec<NamedTrack> {
    let mut v = Vec::new();
    let mut push = |name: String, spec: TrackSpec, held_out: bool| {
        v.push(NamedTrack {
            name,
            spec,
            held_out,
        });
    };
    push("clicks 120".into(), TrackSpec::clicks(120.0), false);
    push("drums 120".into(), TrackSpec::drums(120.0), false);
    push(
        "drums 100→130".into(),
        TrackSpec {
            tempo_change: Some((15.0, 130.0)),
            duration_s: 40.0,
            ..TrackSpec::drums(100.0)
        },
        false,
    );
    push(
        "clicks+noise 120".into(),
        TrackSpec {
            noise_rms: 0.1,
            ..TrackSpec::clicks(120.0)
        },
        false,
    );
    push(
        "drums+noise 110".into(),
        TrackSpec {
            noise_rms: 0.1,
            ..TrackSpec::drums(110.0)
        },
        false,
    );
    for bpm in [80.0, 95.0, 137.0, 150.0, 170.0] {
        push(format!("clicks {bpm}"), TrackSpec::clicks(bpm), true);
        push(
            format!("drums {bpm} seed 7"),
            TrackSpec {
                seed: 7,
                ..TrackSpec::drums(bpm)
            },
            true,
        );
    }
    push(
        "drums swing 2/3 105".into(),
        TrackSpec {
            swing: 2.0 / 3.0,
            seed: 3,
            ..TrackSpec::drums(105.0)
        },
        true,
    );
    push(
        "drums 140→112 44.1k".into(),
        TrackSpec {
            tempo_change: Some((20.0, 112.0)),
            duration_s: 45.0,
            sample_rate: 44_100,
            seed: 11,
            ..TrackSpec::drums(140.0)
        },
        true,
    );
    push(
        "drums 3/4 90 noise".into(),
        TrackSpec {
            beats_per_bar: 3,
            noise_rms: 0.08,
            seed: 5,
            ..TrackSpec::drums(90.0)
        },
        true,
    );
    for (bpm, seed) in [(84.0, 21), (118.0, 22), (160.0, 23)] {
        push(
            format!("syncopated {bpm} seed {seed}"),
            TrackSpec {
                seed,
                instrument: Instrument::DrumsSyncopated,
                ..TrackSpec::drums(bpm)
            },
            true,
        );
    }
    push(
        "clicks 128 noise 0.2".into(),
        TrackSpec {
            noise_rms: 0.2,
            seed: 9,
            instrument: Instrument::Clicks,
            ..TrackSpec::clicks(128.0)
        },
        true,
    );
    // Added after the tracker's last change and not tuned on: a fresh check.
    for (bpm, seed) in [(88.0, 101), (112.0, 102), (133.0, 103), (163.0, 104)] {
        push(
            format!("fresh drums {bpm} seed {seed}"),
            TrackSpec {
                seed,
                noise_rms: 0.03,
                ..TrackSpec::drums(bpm)
            },
            true,
        );
    }
    push(
        "fresh clicks 3/4 144 noise".into(),
        TrackSpec {
            beats_per_bar: 3,
            noise_rms: 0.05,
            seed: 105,
            ..TrackSpec::clicks(144.0)
        },
        true,
    );
    push(
        "fresh drums 92→124 48k".into(),
        TrackSpec {
            tempo_change: Some((25.0, 124.0)),
            duration_s: 50.0,
            sample_rate: 48_000,
            seed: 106,
            ..TrackSpec::drums(92.0)
        },
        true,
    );
    let new = |name: &str, bpm: f64, seed: u64, instrument: Instrument| NamedTrack {
        name: format!("{NEW_PREFIX}{name}"),
        spec: TrackSpec {
            seed,
            instrument,
            ..TrackSpec::drums(bpm)
        },
        held_out: true,
    };
    use Instrument::{Clave, Drums, DrumsSyncopated, FourOnFloor, Funk, Shuffle};
    let mut fresh = vec![
        new("four-on-floor 124", 124.0, 201, FourOnFloor),
        new("four-on-floor 174", 174.0, 215, FourOnFloor),
        new("funk 98", 98.0, 203, Funk),
        new("shuffle 90", 90.0, 206, Shuffle),
        new("shuffle 68", 68.0, 214, Shuffle),
        new("clave 100", 100.0, 208, Clave),
        new("syncopated 72", 72.0, 211, DrumsSyncopated),
        new("syncopated 146", 146.0, 212, DrumsSyncopated),
        new("syncopated 176", 176.0, 213, DrumsSyncopated),
    ];
    let mut t = new("four-on-floor 96→132 ramp", 96.0, 202, FourOnFloor);
    t.spec.ramp_to_bpm = Some(132.0);
    t.spec.duration_s = 48.0;
    fresh.push(t);
    let mut t = new("drums 150→110 ramp", 150.0, 210, Drums);
    t.spec.ramp_to_bpm = Some(110.0);
    t.spec.duration_s = 45.0;
    fresh.push(t);
    let mut t = new("funk 76 44.1k", 76.0, 204, Funk);
    t.spec.sample_rate = 44_100;
    fresh.push(t);
    let mut t = new("funk 112 noise 0.15", 112.0, 205, Funk);
    t.spec.noise_rms = 0.15;
    fresh.push(t);
    let mut t = new("shuffle 132 3/4", 132.0, 207, Shuffle);
    t.spec.beats_per_bar = 3;
    fresh.push(t);
    let mut t = new("clave 126 noise 0.1", 126.0, 209, Clave);
    t.spec.noise_rms = 0.1;
    fresh.push(t);
    v.extend(fresh);
    v.extend(held_out_3());
    v
}

/// The third held-out set.
fn held_out_3() -> Vec<NamedTrack> {
    use Instrument::{Clave, Clicks, Drums, DrumsSyncopated, FourOnFloor, Funk, Shuffle};
    let t = |name: &str, bpm: f64, seed: u64, instrument: Instrument, tone: Tone| NamedTrack {
        name: format!("{HELD_OUT_3_PREFIX}{name}"),
        spec: TrackSpec {
            seed,
            instrument,
            tone,
            ..TrackSpec::drums(bpm)
        },
        held_out: true,
    };
    let mut v = vec![
        t("drums 66 dull", 66.0, 301, Drums, Tone::Dull(1500.0)),
        t("syncopated 184", 184.0, 303, DrumsSyncopated, Tone::Full),
        t(
            "four-on-floor 140 dull",
            140.0,
            304,
            FourOnFloor,
            Tone::Dull(800.0),
        ),
        t("funk 86 thin", 86.0, 306, Funk, Tone::Thin(300.0)),
        t("shuffle 156", 156.0, 309, Shuffle, Tone::Full),
    ];
    let mut x = t(
        "drums swing 0.6 118 thin",
        118.0,
        302,
        Drums,
        Tone::Thin(250.0),
    );
    x.spec.swing = 0.6;
    v.push(x);
    let mut x = t(
        "four-on-floor 100 noise 0.1",
        100.0,
        305,
        FourOnFloor,
        Tone::Full,
    );
    x.spec.noise_rms = 0.1;
    v.push(x);
    let mut x = t("funk 120 3/4", 120.0, 307, Funk, Tone::Full);
    x.spec.beats_per_bar = 3;
    v.push(x);
    let mut x = t(
        "shuffle 78 dull noise 0.05",
        78.0,
        308,
        Shuffle,
        Tone::Dull(2000.0),
    );
    x.spec.noise_rms = 0.05;
    v.push(x);
    let mut x = t("clave 92 48k", 92.0, 310, Clave, Tone::Full);
    x.spec.sample_rate = 48_000;
    v.push(x);
    let mut x = t("clicks 5/4 170 noise 0.15", 170.0, 311, Clicks, Tone::Full);
    x.spec.beats_per_bar = 5;
    x.spec.noise_rms = 0.15;
    v.push(x);
    let mut x = t("drums 2/4 132 swing 0.58", 132.0, 312, Drums, Tone::Full);
    x.spec.beats_per_bar = 2;
    x.spec.swing = 0.58;
    v.push(x);
    let mut x = t(
        "drums 108→144 ramp thin",
        108.0,
        313,
        Drums,
        Tone::Thin(200.0),
    );
    x.spec.ramp_to_bpm = Some(144.0);
    x.spec.duration_s = 45.0;
    v.push(x);
    let mut x = t(
        "syncopated 96 dull noise 0.12",
        96.0,
        314,
        DrumsSyncopated,
        Tone::Dull(1200.0),
    );
    x.spec.noise_rms = 0.12;
    v.push(x);
    let mut x = t(
        "four-on-floor 128→92 ramp",
        128.0,
        315,
        FourOnFloor,
        Tone::Full,
    );
    x.spec.ramp_to_bpm = Some(92.0);
    x.spec.duration_s = 45.0;
    v.push(x);
    v
}
