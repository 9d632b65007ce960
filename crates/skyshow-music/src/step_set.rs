//! The synthetic tracks whose tempo steps once, that the step test and the step benchmark
//! score the tracker on each side of the step with.

use crate::audio::Audio;
use crate::beats::{BeatAnalysis, BeatOptions, analyze_beats};
use crate::error::MusicError;
use crate::eval::f_measure;
use crate::synth::{Instrument, Tone, TrackSpec, synthesize};

/// A synthetic track whose tempo steps once, for scoring a tracker on each side of the step.
#[derive(Debug, Clone, PartialEq)]
pub struct StepTrack {
    /// A short name for the table, like `funk 84→96.6`.
    pub name: String,
    /// What to synthesise (with `tempo_change` set).
    pub spec: TrackSpec,
    /// The old tempo's last beat and the new tempo's first beat lie on either side of this
    /// time (the midpoint between them), seconds.
    pub split_s: f64,
}

impl StepTrack {
    /// The tempo after the step.
    pub fn new_bpm(&self) -> f64 {
        self.spec.tempo_change.map_or(self.spec.bpm, |(_, b)| b)
    }

    /// The track synthesised and analysed with the default options: the F-measure (±70 ms)
    /// of the beats found before the step and after it, and the analysis.
    pub fn score(&self) -> Result<(f64, f64, BeatAnalysis), MusicError> {
        let track = synthesize(&self.spec);
        let audio = Audio {
            sample_rate: track.sample_rate,
            samples: track.samples,
            channels: 1,
        };
        let a = analyze_beats(&audio, &BeatOptions::DEFAULT)?;
        let (f0, f1) = self.f_either_side(&track.beats_s, &a.beats_s);
        Ok((f0, f1, a))
    }

    /// The F-measure (±70 ms) of the beats `found` against the `planted` ones, before the
    /// step and after it (split at [`StepTrack::split_s`]).
    pub fn f_either_side(&self, planted: &[f64], found: &[f64]) -> (f64, f64) {
        let side = |v: &[f64], before: bool| -> Vec<f64> {
            v.iter()
                .copied()
                .filter(|&b| (b < self.split_s) == before)
                .collect()
        };
        let f = |before| f_measure(&side(planted, before), &side(found, before), 0.07);
        (f(true), f(false))
    }

    /// [`StepTrack::score`] as a row of the step tables: the F-measure before and after
    /// the step (0 when the analysis fails) and the row, `| name | F before | F after |
    /// sections found |`.
    pub fn table_row(&self) -> (f64, f64, String) {
        match self.score() {
            Ok((f0, f1, a)) => {
                let sections = a
                    .sections()
                    .iter()
                    .map(|s| format!("{:.1} BPM from {:.2} s", s.bpm, s.start_s))
                    .collect::<Vec<_>>()
                    .join(", ");
                let row = format!("| {} | {f0:.3} | {f1:.3} | {sections} |", self.name);
                (f0, f1, row)
            }
            Err(e) => (0.0, 0.0, format!("| {} | error: {e} | | |", self.name)),
        }
    }
}

/// The steps of the tempo-step set: the new tempo over the old, up and down by 15 to 40 %.
pub const STEP_RATIOS: [f64; 8] = [1.15, 1.25, 1.33, 1.40, 0.85, 0.75, 0.67, 0.60];

/// 32 tracks of 50 s whose tempo steps once by one of [`STEP_RATIOS`] near the middle: 16
/// drum grooves (rock, syncopated, funk, four-on-the-floor), 8 pads and 8 click tracks.
/// Half step on a bar line, half on another beat; half start with a beat at 0:00.
pub fn tempo_step_set() -> Vec<StepTrack> {
    use Instrument::{Clicks, Drums, DrumsSyncopated, FourOnFloor, Funk, Pads};
    // Old tempi that keep both sides between 60 and 180 BPM.
    const UP_BASE: [f64; 4] = [84.0, 90.0, 100.0, 108.0];
    const DOWN_BASE: [f64; 4] = [140.0, 128.0, 150.0, 135.0];
    // Each drum groove gets two steps up and two down; pads and clicks get all eight.
    let mut plan: Vec<(Instrument, usize)> = Vec::new();
    for (g, groove) in [Drums, DrumsSyncopated, Funk, FourOnFloor]
        .into_iter()
        .enumerate()
    {
        for k in 0..4 {
            let ratio = [g % 4, (g + 1) % 4, 4 + (g + 2) % 4, 4 + (g + 3) % 4][k];
            plan.push((groove, ratio));
        }
    }
    for inst in [Pads, Clicks] {
        plan.extend((0..8).map(|r| (inst, r)));
    }
    plan.into_iter()
        .enumerate()
        .map(|(i, (instrument, r))| {
            let ratio = STEP_RATIOS[r];
            let base = if r < 4 { UP_BASE[r] } else { DOWN_BASE[r - 4] };
            // A small spread of the old tempo from track to track.
            let bpm = base + 2.0 * (i % 3) as f64;
            let new_bpm = (bpm * ratio * 10.0).round() / 10.0;
            let first_beat_s = if i % 2 == 0 { 0.0 } else { 0.5 };
            let ibi = 60.0 / bpm;
            // The step lands on a bar line (beat 1) or on beat 3, near 25 s.
            let bars = ((25.0 - first_beat_s) / (4.0 * ibi)).round();
            let beat = 4.0 * bars + if i % 4 < 2 { 0.0 } else { 2.0 };
            let change_s = first_beat_s + beat * ibi - 0.01;
            let spec = TrackSpec {
                duration_s: 50.0,
                tempo_change: Some((change_s, new_bpm)),
                first_beat_s,
                seed: 400 + i as u64,
                instrument,
                noise_rms: if i % 5 == 4 { 0.05 } else { 0.0 },
                ..TrackSpec::drums(bpm)
            };
            let name = format!("{} {bpm}→{new_bpm}", instrument_name(instrument));
            StepTrack {
                name,
                spec,
                split_s: change_s + 0.01 + 0.5 * (60.0 / new_bpm).min(ibi),
            }
        })
        .collect()
}

/// 16 more tempo-step tracks, written after the tracker's step handling to check that it
/// generalises beyond [`tempo_step_set`]: every groove (shuffle and clave too) once up and
/// once down, other tempi (62 to 172 BPM on either side), other step times (18 to 31 s into
/// 48 s), muffled and thin mixes and noise.
pub fn tempo_step_extra_set() -> Vec<StepTrack> {
    use Instrument::{Clave, Clicks, Drums, DrumsSyncopated, FourOnFloor, Funk, Pads, Shuffle};
    const GROOVES: [Instrument; 8] = [
        Shuffle,
        Clave,
        FourOnFloor,
        Pads,
        DrumsSyncopated,
        Funk,
        Drums,
        Clicks,
    ];
    const UP: [(f64, f64); 8] = [
        (72.0, 1.2),
        (78.0, 1.3),
        (96.0, 1.38),
        (112.0, 1.18),
        (118.0, 1.22),
        (88.0, 1.35),
        (80.0, 1.28),
        (100.0, 1.4),
    ];
    const DOWN: [(f64, f64); 8] = [
        (156.0, 0.8),
        (164.0, 0.7),
        (160.0, 0.62),
        (148.0, 0.86),
        (172.0, 0.72),
        (138.0, 0.65),
        (144.0, 0.78),
        (126.0, 0.68),
    ];
    let mut v = Vec::new();
    for (g, &instrument) in GROOVES.iter().enumerate() {
        for (d, (bpm, ratio)) in [UP[g], DOWN[g]].into_iter().enumerate() {
            let i = 2 * g + d;
            let tone = match i % 5 {
                1 => Tone::Dull(2500.0),
                3 => Tone::Thin(150.0),
                _ => Tone::Full,
            };
            let base = TrackSpec {
                duration_s: 48.0,
                first_beat_s: [0.0, 0.25, 0.5, 1.0][i % 4],
                seed: 500 + i as u64,
                instrument,
                tone,
                noise_rms: if i % 3 == 2 { 0.04 } else { 0.0 },
                ..TrackSpec::drums(bpm)
            };
            v.push(step_near(base, ratio, 18.0 + (i * 5 % 14) as f64));
        }
    }
    v
}

/// 14 more tempo-step tracks, written before the metrical-level work of session 8 (the
/// fast grooves heard at half time) and scored only after it, to check that it generalises:
/// fast tracks stepping down (150 to 176 BPM) and slow ones stepping up (62 to 84 BPM), the
/// two sides of the level choice, on every groove, with other seeds, step times and mixes.
pub fn tempo_step_check_set() -> Vec<StepTrack> {
    use Instrument::{Clave, Clicks, Drums, DrumsSyncopated, FourOnFloor, Funk, Pads, Shuffle};
    const PLAN: [(Instrument, f64, f64); 14] = [
        (FourOnFloor, 168.0, 0.7),
        (FourOnFloor, 110.0, 1.3),
        (Pads, 158.0, 0.75),
        (Pads, 64.0, 1.3),
        (Clave, 156.0, 0.7),
        (Clave, 84.0, 1.25),
        (Funk, 146.0, 0.7),
        (Funk, 70.0, 1.3),
        (Shuffle, 150.0, 0.75),
        (DrumsSyncopated, 62.0, 1.3),
        (Drums, 176.0, 0.7),
        (Clicks, 160.0, 0.7),
        (Drums, 68.0, 1.36),
        (Pads, 120.0, 1.3),
    ];
    PLAN.iter()
        .enumerate()
        .map(|(i, &(instrument, bpm, ratio))| {
            let tone = match i % 4 {
                1 => Tone::Dull(1800.0),
                2 => Tone::Thin(180.0),
                _ => Tone::Full,
            };
            let base = TrackSpec {
                duration_s: 48.0,
                first_beat_s: [0.0, 0.3, 0.75][i % 3],
                seed: 600 + i as u64,
                instrument,
                tone,
                noise_rms: if i % 3 == 1 { 0.05 } else { 0.0 },
                sample_rate: if i % 5 == 3 { 44_100 } else { 22_050 },
                ..TrackSpec::drums(bpm)
            };
            step_near(base, ratio, 16.0 + (i * 7 % 17) as f64)
        })
        .collect()
}

/// `base` (steady) with its tempo stepping by `ratio` (the new tempo rounded to 0.1 BPM) at
/// the beat nearest `at_s`.
fn step_near(base: TrackSpec, ratio: f64, at_s: f64) -> StepTrack {
    step_at(base, ratio, at_s, None)
}

/// `base` (steady) with its tempo stepping by `ratio` (the new tempo rounded to 0.1 BPM)
/// near `at_s`: at the nearest beat (`after_bar_line` `None`), or `k` beats after the
/// nearest bar line (`Some(k)`, at most the bar's last beat; 0 for the bar line itself).
pub(crate) fn step_at(
    base: TrackSpec,
    ratio: f64,
    at_s: f64,
    after_bar_line: Option<usize>,
) -> StepTrack {
    let bpm = base.bpm;
    let new_bpm = (bpm * ratio * 10.0).round() / 10.0;
    let ibi = 60.0 / bpm;
    let beats = (at_s - base.first_beat_s) / ibi;
    let beat = match after_bar_line {
        None => beats.round(),
        Some(k) => {
            let m = base.beats_per_bar.max(1);
            let k = k.min(m as usize - 1) as f64;
            f64::from(m) * (beats / f64::from(m)).round() + k
        }
    };
    let change_s = base.first_beat_s + beat * ibi - 0.01;
    StepTrack {
        name: format!("{} {bpm}→{new_bpm}", instrument_name(base.instrument)),
        split_s: change_s + 0.01 + 0.5 * (60.0 / new_bpm).min(ibi),
        spec: TrackSpec {
            tempo_change: Some((change_s, new_bpm)),
            ..base
        },
    }
}

/// The short name of a groove in the step tables.
fn instrument_name(instrument: Instrument) -> &'static str {
    match instrument {
        Instrument::Clicks => "clicks",
        Instrument::Drums => "drums",
        Instrument::DrumsSyncopated => "syncopated",
        Instrument::FourOnFloor => "four-on-floor",
        Instrument::Funk => "funk",
        Instrument::Shuffle => "shuffle",
        Instrument::Clave => "clave",
        Instrument::Pads => "pads",
        Instrument::HipHop => "hip-hop",
        Instrument::Compound => "compound",
    }
}
