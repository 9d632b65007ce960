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

/// Name prefix of the fourth held-out step set ([`tempo_step_held_out_set`]).
pub const HELD_OUT_4_PREFIX: &str = "h4 ";

/// 18 more tempo-step tracks, written before the step-level work of session 9 (the fast
/// side of a step heard at half time, first beats trimmed, in-between intervals at the
/// step) and never tuned on: the fast side before a step down and after a step up, on
/// every groove, slow grooves stepping up, and small steps (15 %), with other seeds, step
/// times, lengths, mixes and sample rates. Names start with [`HELD_OUT_4_PREFIX`].
pub fn tempo_step_held_out_set() -> Vec<StepTrack> {
    use Instrument::{Clave, Clicks, Drums, DrumsSyncopated, FourOnFloor, Funk, Pads, Shuffle};
    const PLAN: [(Instrument, f64, f64); 18] = [
        // The fast side first: steps down from 150 to 172 BPM.
        (Pads, 162.0, 0.7),
        (FourOnFloor, 164.0, 0.75),
        (Clave, 150.0, 0.72),
        (Shuffle, 170.0, 0.7),
        (DrumsSyncopated, 158.0, 0.7),
        (Funk, 152.0, 0.75),
        (Drums, 166.0, 0.62),
        (Clicks, 172.0, 0.7),
        // The fast side after: steps up into 145 to 165 BPM.
        (Pads, 110.0, 1.38),
        (FourOnFloor, 118.0, 1.35),
        (Clave, 112.0, 1.35),
        (Drums, 120.0, 1.35),
        // Slow grooves stepping up, and funk stepping down to a slow tempo.
        (Clave, 74.0, 1.3),
        (Funk, 76.0, 1.3),
        (Shuffle, 66.0, 1.3),
        (Funk, 132.0, 0.66),
        // Small steps.
        (Pads, 136.0, 0.85),
        (Clicks, 70.0, 1.15),
    ];
    let plan = PLAN.map(|(instrument, bpm, ratio)| (instrument, bpm, ratio, 4));
    varied(
        &plan,
        &Variation {
            prefix: HELD_OUT_4_PREFIX,
            seed: 700,
            tone: |i| match i % 5 {
                2 => Tone::Dull(2200.0),
                4 => Tone::Thin(160.0),
                _ => Tone::Full,
            },
            noise_rms: |i| if i % 4 == 3 { 0.06 } else { 0.0 },
            step_at_s: |i| 14.0 + (i * 11 % 19) as f64,
            durations_s: &[44.0, 52.0, 48.0],
            first_beats_s: &[0.0, 0.4, 0.15, 0.9],
            sample_rates: &[22_050, 22_050, 48_000, 44_100],
        },
    )
}

/// Name prefix of the fifth held-out step set ([`tempo_step_held_out_5_set`]).
pub const HELD_OUT_5_PREFIX: &str = "h5 ";

/// 18 more tempo-step tracks, written in session 10 before its work on the steps (the
/// metrical level on each side of a step, the beats where two levels meet, funk's
/// in-between beats at a step down) and never tuned on: claves and funk either way, slow
/// grooves stepping up and fast ones stepping down on every groove, with other seeds, step
/// times, lengths, mixes, sample rates and first beats. Names start with
/// [`HELD_OUT_5_PREFIX`].
pub fn tempo_step_held_out_5_set() -> Vec<StepTrack> {
    use Instrument::{Clave, Clicks, Drums, DrumsSyncopated, FourOnFloor, Funk, Pads, Shuffle};
    const PLAN: [(Instrument, f64, f64); 18] = [
        (Clave, 80.0, 1.3),
        (Clave, 88.0, 1.35),
        (Clave, 160.0, 0.7),
        (Clave, 120.0, 0.8),
        (Funk, 140.0, 0.66),
        (Funk, 128.0, 0.7),
        (Funk, 96.0, 1.3),
        (Shuffle, 84.0, 1.3),
        (Shuffle, 150.0, 0.72),
        (DrumsSyncopated, 76.0, 1.35),
        (DrumsSyncopated, 150.0, 0.75),
        (Drums, 90.0, 1.25),
        (Drums, 160.0, 0.67),
        (FourOnFloor, 124.0, 0.8),
        (FourOnFloor, 100.0, 1.4),
        (Pads, 90.0, 1.3),
        (Pads, 150.0, 0.72),
        (Clicks, 140.0, 0.75),
    ];
    let plan = PLAN.map(|(instrument, bpm, ratio)| (instrument, bpm, ratio, 4));
    varied(
        &plan,
        &Variation {
            prefix: HELD_OUT_5_PREFIX,
            seed: 800,
            tone: |i| match i % 6 {
                1 => Tone::Dull(2000.0),
                4 => Tone::Thin(140.0),
                _ => Tone::Full,
            },
            noise_rms: |i| if i % 3 == 0 { 0.03 } else { 0.0 },
            step_at_s: |i| 15.0 + (i * 13 % 20) as f64,
            durations_s: &[46.0, 50.0, 54.0],
            first_beats_s: &[0.2, 0.0, 0.6, 0.35],
            sample_rates: &[22_050, 44_100, 22_050, 48_000, 22_050],
        },
    )
}

/// Name prefix of the sixth held-out step set ([`tempo_step_held_out_6_set`]).
pub const HELD_OUT_6_PREFIX: &str = "h6 ";

/// 20 more tempo-step tracks, written in session 11 before its work on the steps (claves
/// heard at half time, the last beats, the metrical level of grooves in 3/4) and never
/// tuned on: claves stepping down from a fast tempo and up from a slow one, grooves in 3/4
/// (drums, funk, shuffle, pads, clicks) either way, and funk, syncopated, shuffle,
/// four-on-the-floor and pads in 4/4, at other tempi (66 to 166 BPM) and ratios (0.63 to
/// 1.4), with other seeds, step times, lengths, mixes, sample rates and first beats. Names
/// start with [`HELD_OUT_6_PREFIX`].
pub fn tempo_step_held_out_6_set() -> Vec<StepTrack> {
    use Instrument::{Clave, Clicks, Drums, DrumsSyncopated, FourOnFloor, Funk, Pads, Shuffle};
    const PLAN: [(Instrument, f64, f64, u32); 20] = [
        // Claves: fast ones stepping down, slow ones stepping up, one up into a fast tempo.
        (Clave, 164.0, 0.77, 4),
        (Clave, 142.0, 0.69, 4),
        (Clave, 132.0, 0.83, 4),
        (Clave, 70.0, 1.37, 4),
        (Clave, 96.0, 1.22, 4),
        (Clave, 104.0, 1.4, 4),
        // Grooves in 3/4.
        (Funk, 118.0, 0.77, 3),
        (Funk, 92.0, 1.28, 3),
        (Drums, 150.0, 0.69, 3),
        (Drums, 84.0, 1.33, 3),
        (Shuffle, 108.0, 1.22, 3),
        (Pads, 144.0, 0.63, 3),
        (Clicks, 78.0, 1.37, 3),
        // Other grooves in 4/4.
        (Funk, 104.0, 1.28, 4),
        (Funk, 154.0, 0.63, 4),
        (FourOnFloor, 132.0, 0.83, 4),
        (DrumsSyncopated, 166.0, 0.69, 4),
        (Shuffle, 142.0, 0.77, 4),
        (Pads, 76.0, 1.17, 4),
        (Drums, 66.0, 1.4, 4),
    ];
    varied(
        &PLAN,
        &Variation {
            prefix: HELD_OUT_6_PREFIX,
            seed: 900,
            tone: |i| match i % 7 {
                2 => Tone::Dull(1700.0),
                5 => Tone::Thin(170.0),
                _ => Tone::Full,
            },
            noise_rms: |i| if i % 4 == 1 { 0.04 } else { 0.0 },
            step_at_s: |i| 16.0 + (i * 9 % 17) as f64,
            durations_s: &[50.0, 45.0, 53.0, 48.0],
            first_beats_s: &[0.1, 0.0, 0.45, 0.8, 0.3],
            sample_rates: &[22_050, 48_000, 22_050, 44_100],
        },
    )
}

/// Name prefix of the seventh held-out step set ([`tempo_step_held_out_7_set`]).
pub const HELD_OUT_7_PREFIX: &str = "h7 ";

/// 22 more tempo-step tracks, written in session 12 before its work on the steps (claves
/// heard at half time before a step) and scored once on the tracker before that work,
/// never tuned on: claves stepping down from fast tempi and up from slow ones (one in 3/4),
/// drums, funk, shuffle, pads and clicks in 3/4 and 4/4, at other tempi (62 to 180 BPM on
/// either side) and ratios (0.6 to 1.45), with other seeds, step times, lengths, mixes,
/// noise, sample rates and first beats. Names start with [`HELD_OUT_7_PREFIX`].
pub fn tempo_step_held_out_7_set() -> Vec<StepTrack> {
    use Instrument::{Clave, Clicks, Drums, Funk, Pads, Shuffle};
    const PLAN: [(Instrument, f64, f64, u32); 22] = [
        // Claves: down from fast tempi, up from slow ones, one in 3/4.
        (Clave, 148.0, 0.74, 4),
        (Clave, 176.0, 0.66, 4),
        (Clave, 138.0, 0.6, 4),
        (Clave, 90.0, 1.42, 4),
        (Clave, 118.0, 1.24, 4),
        (Clave, 66.0, 1.45, 4),
        (Clave, 100.0, 1.2, 3),
        // Drums, funk and shuffle in 3/4 and 4/4.
        (Drums, 172.0, 0.72, 4),
        (Drums, 62.0, 1.4, 3),
        (Drums, 128.0, 0.82, 3),
        (Funk, 80.0, 1.44, 4),
        (Funk, 160.0, 0.65, 3),
        (Funk, 110.0, 1.16, 4),
        (Shuffle, 96.0, 1.35, 4),
        (Shuffle, 158.0, 0.7, 3),
        (Shuffle, 120.0, 0.86, 4),
        // Pads and clicks.
        (Pads, 70.0, 1.38, 3),
        (Pads, 168.0, 0.64, 4),
        (Pads, 100.0, 1.25, 4),
        (Clicks, 180.0, 0.61, 4),
        (Clicks, 86.0, 1.3, 3),
        (Clicks, 132.0, 0.76, 4),
    ];
    varied(
        &PLAN,
        &Variation {
            prefix: HELD_OUT_7_PREFIX,
            seed: 1000,
            tone: |i| match i % 6 {
                3 => Tone::Dull(1900.0),
                4 => Tone::Thin(130.0),
                _ => Tone::Full,
            },
            noise_rms: |i| [0.0, 0.0, 0.05, 0.0, 0.07][i % 5],
            step_at_s: |i| 17.0 + (i * 7 % 19) as f64,
            durations_s: &[47.0, 51.0, 55.0],
            first_beats_s: &[0.05, 0.7, 0.0, 0.35, 0.55],
            sample_rates: &[44_100, 22_050, 22_050, 48_000],
        },
    )
}

/// Name prefix of the eighth held-out step set ([`tempo_step_held_out_8_set`]).
pub const HELD_OUT_8_PREFIX: &str = "h8 ";

/// 24 more tempo-step tracks, written in session 13 before its work on the steps (claves
/// heard at half or double their level) and scored once on the tracker before that work,
/// never tuned on: eight claves (two in 3/4) down from fast tempi, up from slow ones and
/// down to a slow one, drums, syncopated, funk, shuffle, four-on-the-floor, pads and clicks
/// in 3/4 and 4/4, at 60 to 178 BPM on either side and ratios 0.6 to 1.45, with other
/// seeds, step times, lengths, mixes, noise, sample rates (32 kHz too) and first beats.
/// Names start with [`HELD_OUT_8_PREFIX`].
pub fn tempo_step_held_out_8_set() -> Vec<StepTrack> {
    use Instrument::{Clave, Clicks, Drums, DrumsSyncopated, FourOnFloor, Funk, Pads, Shuffle};
    const PLAN: [(Instrument, f64, f64, u32); 24] = [
        // Claves.
        (Clave, 152.0, 0.7, 4),
        (Clave, 170.0, 0.62, 4),
        (Clave, 124.0, 1.3, 4),
        (Clave, 72.0, 1.4, 4),
        (Clave, 86.0, 1.25, 3),
        (Clave, 140.0, 0.78, 3),
        (Clave, 108.0, 1.36, 4),
        (Clave, 94.0, 0.66, 4),
        // Drum grooves in 3/4 and 4/4.
        (Drums, 64.0, 1.45, 4),
        (Drums, 146.0, 0.64, 3),
        (Drums, 102.0, 1.18, 4),
        (DrumsSyncopated, 134.0, 0.74, 4),
        (DrumsSyncopated, 78.0, 1.32, 4),
        (Funk, 74.0, 1.38, 4),
        (Funk, 136.0, 0.7, 3),
        (Funk, 166.0, 0.76, 4),
        (Shuffle, 112.0, 1.3, 3),
        (Shuffle, 164.0, 0.66, 4),
        (FourOnFloor, 126.0, 1.4, 4),
        (FourOnFloor, 178.0, 0.6, 4),
        // Pads and clicks.
        (Pads, 82.0, 1.42, 4),
        (Pads, 154.0, 0.72, 3),
        (Clicks, 60.0, 1.45, 4),
        (Clicks, 116.0, 0.82, 3),
    ];
    varied(
        &PLAN,
        &Variation {
            prefix: HELD_OUT_8_PREFIX,
            seed: 1100,
            tone: |i| match i % 5 {
                1 => Tone::Dull(2100.0),
                3 => Tone::Thin(150.0),
                _ => Tone::Full,
            },
            noise_rms: |i| [0.0, 0.04, 0.0, 0.0, 0.06, 0.0][i % 6],
            step_at_s: |i| 15.0 + (i * 5 % 21) as f64,
            durations_s: &[49.0, 53.0, 46.0, 50.0],
            first_beats_s: &[0.25, 0.0, 0.6, 0.15, 0.85],
            sample_rates: &[22_050, 44_100, 22_050, 48_000, 32_000],
        },
    )
}

/// How a held-out step set varies its tracks, by each one's index `i` in its plan.
struct Variation {
    /// Name prefix of the set.
    prefix: &'static str,
    /// The first track's seed; the others count on from it.
    seed: u64,
    /// The mix's tone colour.
    tone: fn(usize) -> Tone,
    /// RMS of the noise added throughout.
    noise_rms: fn(usize) -> f32,
    /// Where the tempo steps, at the beat nearest this time, seconds.
    step_at_s: fn(usize) -> f64,
    /// Lengths, first beats and sample rates, taken in turn.
    durations_s: &'static [f64],
    first_beats_s: &'static [f64],
    sample_rates: &'static [u32],
}

/// The tracks of a held-out step set: per (groove, old tempo, ratio, beats in a bar) of
/// `plan`, a track varied by `v`, named with the set's prefix and the metre when not 4/4.
fn varied(plan: &[(Instrument, f64, f64, u32)], v: &Variation) -> Vec<StepTrack> {
    plan.iter()
        .enumerate()
        .map(|(i, &(instrument, bpm, ratio, beats_per_bar))| {
            let base = TrackSpec {
                duration_s: v.durations_s[i % v.durations_s.len()],
                first_beat_s: v.first_beats_s[i % v.first_beats_s.len()],
                seed: v.seed + i as u64,
                instrument,
                tone: (v.tone)(i),
                noise_rms: (v.noise_rms)(i),
                sample_rate: v.sample_rates[i % v.sample_rates.len()],
                beats_per_bar,
                ..TrackSpec::drums(bpm)
            };
            let mut t = step_near(base, ratio, (v.step_at_s)(i));
            let metre = if beats_per_bar == 4 {
                String::new()
            } else {
                format!(" {beats_per_bar}/4")
            };
            t.name = format!("{}{}{metre}", v.prefix, t.name);
            t
        })
        .collect()
}

/// `base` (steady) with its tempo stepping by `ratio` (the new tempo rounded to 0.1 BPM) at
/// the beat nearest `at_s`.
fn step_near(base: TrackSpec, ratio: f64, at_s: f64) -> StepTrack {
    let bpm = base.bpm;
    let new_bpm = (bpm * ratio * 10.0).round() / 10.0;
    let ibi = 60.0 / bpm;
    let beat = ((at_s - base.first_beat_s) / ibi).round();
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
    }
}
