//! The held-out tempo-step sets: each written before a session's work on the steps, scored
//! once on the tracker as it was, and never tuned on (names start with the set's prefix).

use crate::step_set::{StepTrack, step_at};
use crate::synth::{Instrument, Tone, TrackSpec};

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
            after_bar_line: |_| None,
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
            after_bar_line: |_| None,
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
            after_bar_line: |_| None,
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
            after_bar_line: |_| None,
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
            after_bar_line: |_| None,
            step_at_s: |i| 15.0 + (i * 5 % 21) as f64,
            durations_s: &[49.0, 53.0, 46.0, 50.0],
            first_beats_s: &[0.25, 0.0, 0.6, 0.15, 0.85],
            sample_rates: &[22_050, 44_100, 22_050, 48_000, 32_000],
        },
    )
}

/// Name prefix of the ninth held-out step set ([`tempo_step_held_out_9_set`]).
pub const HELD_OUT_9_PREFIX: &str = "h9 ";

/// 24 more tempo-step tracks in the issue's own classes (drum grooves, pads, clicks; no
/// claves), written in session 14 before its work on the steps and scored once on the
/// tracker before that work, never tuned on: rock, funk, syncopated, four-on-the-floor,
/// shuffle, and two grooves no other set has, hip-hop (boom-bap, swung) and compound time
/// (6/8, two dotted-quarter beats a bar), in 4/4, 3/4 and 6/8, pads and clicks, at 62 to
/// 176 BPM before the step and ratios 0.6 to 1.45 either way, with other seeds, step times,
/// lengths, mixes, noise, sample rates (32 and 48 kHz too) and first beats; half the steps
/// on a bar line, half on the second or third beat of a bar. Names start with
/// [`HELD_OUT_9_PREFIX`].
pub fn tempo_step_held_out_9_set() -> Vec<StepTrack> {
    use Instrument::{
        Clicks, Compound, Drums, DrumsSyncopated, FourOnFloor, Funk, HipHop, Pads, Shuffle,
    };
    const PLAN: [(Instrument, f64, f64, u32); 24] = [
        // Rock, in 4/4 and 3/4.
        (Drums, 96.0, 1.3, 4),
        (Drums, 168.0, 0.7, 4),
        (Drums, 132.0, 0.8, 3),
        (Drums, 62.0, 1.45, 3),
        // Funk, in 4/4 and 3/4.
        (Funk, 100.0, 1.35, 4),
        (Funk, 150.0, 0.68, 4),
        (Funk, 124.0, 0.78, 3),
        (Funk, 82.0, 1.24, 3),
        // Four-on-the-floor, shuffle, syncopated.
        (FourOnFloor, 122.0, 1.22, 4),
        (FourOnFloor, 172.0, 0.62, 4),
        (Shuffle, 88.0, 1.4, 4),
        (Shuffle, 144.0, 0.75, 3),
        (DrumsSyncopated, 118.0, 1.25, 4),
        // Hip-hop and 6/8.
        (HipHop, 90.0, 1.3, 4),
        (HipHop, 98.0, 0.65, 4),
        (HipHop, 72.0, 1.45, 4),
        (Compound, 66.0, 1.35, 2),
        (Compound, 92.0, 0.7, 2),
        // Pads and clicks.
        (Pads, 70.0, 1.4, 4),
        (Pads, 140.0, 0.65, 4),
        (Pads, 108.0, 1.15, 3),
        (Clicks, 64.0, 1.42, 4),
        (Clicks, 176.0, 0.6, 4),
        (Clicks, 120.0, 0.85, 3),
    ];
    varied(
        &PLAN,
        &Variation {
            prefix: HELD_OUT_9_PREFIX,
            seed: 1200,
            tone: |i| match i % 7 {
                1 => Tone::Dull(1600.0),
                4 => Tone::Thin(200.0),
                _ => Tone::Full,
            },
            noise_rms: |i| [0.0, 0.05, 0.0, 0.08, 0.0, 0.0, 0.03][i % 7],
            step_at_s: |i| 14.0 + (i * 8 % 23) as f64,
            after_bar_line: |i| Some(if i % 2 == 0 { 0 } else { 1 + (i / 2) % 2 }),
            durations_s: &[52.0, 47.0, 56.0, 50.0, 45.0],
            first_beats_s: &[0.0, 0.45, 0.2, 0.7, 0.1, 0.95],
            sample_rates: &[32_000, 22_050, 48_000, 22_050, 44_100, 32_000, 48_000],
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
    /// Where in the bar the tempo steps: `None` at the beat nearest `step_at_s`, `Some(k)`
    /// `k` beats after the bar line nearest it (see [`step_at`]).
    after_bar_line: fn(usize) -> Option<usize>,
    /// Lengths, first beats and sample rates, taken in turn.
    durations_s: &'static [f64],
    first_beats_s: &'static [f64],
    sample_rates: &'static [u32],
}

/// The tracks of a held-out step set: per (groove, old tempo, ratio, beats in a bar) of
/// `plan`, a track varied by `v`, named with the set's prefix and the metre when not 4/4
/// (compound time in eighths: 6/8).
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
            let mut t = step_at(base, ratio, (v.step_at_s)(i), (v.after_bar_line)(i));
            let metre = if instrument == Instrument::Compound {
                format!(" {}/8", 3 * beats_per_bar)
            } else if beats_per_bar == 4 {
                String::new()
            } else {
                format!(" {beats_per_bar}/4")
            };
            t.name = format!("{}{}{metre}", v.prefix, t.name);
            t
        })
        .collect()
}
