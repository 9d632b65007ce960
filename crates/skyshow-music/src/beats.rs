//! Beat tracking: onset envelope → tempo → dynamic programming (Ellis 2007) with a local
//! tempo, downbeats by bar phase, and manual overrides.

use rayon::prelude::*;

use crate::audio::Audio;
use crate::error::MusicError;
use crate::onset::{OnsetEnvelope, onset_envelope, pick_onsets};
use crate::tempo::{acf_peaks, global_period, local_periods};

/// Where the beat grid comes from.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum BeatSource {
    /// Tracked from the audio.
    #[default]
    Tracked,
    /// A fixed tempo from a first beat on.
    Fixed {
        /// Beats per minute.
        bpm: f64,
        /// Time of the first beat (also the first downbeat), seconds into the music.
        first_beat_s: f64,
    },
    /// Tapped beats, seconds into the music; the first is a downbeat.
    Taps(Vec<f64>),
}

/// Settings of the beat analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct BeatOptions {
    /// Tracked, fixed tempo, or taps.
    pub source: BeatSource,
    /// Beats in a bar (4 for 4/4).
    pub beats_per_bar: u32,
    /// Centre of the tempo prior.
    pub start_bpm: f64,
    /// How strictly beats keep the tempo (Ellis's tightness; librosa's default 100).
    pub tightness: f64,
    /// Follow a changing tempo (local tempo per 8 s window) rather than one global tempo.
    pub follow_tempo_changes: bool,
}

impl BeatOptions {
    /// Tracked, 4/4, prior at 120 BPM, tightness 100, following tempo changes.
    pub const DEFAULT: BeatOptions = BeatOptions {
        source: BeatSource::Tracked,
        beats_per_bar: 4,
        start_bpm: 120.0,
        tightness: 100.0,
        follow_tempo_changes: true,
    };
}

impl Default for BeatOptions {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A change of tempo.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TempoChange {
    /// The first beat at the new tempo, seconds.
    pub time_s: f64,
    /// The new tempo.
    pub bpm: f64,
}

/// The result: beats, bars, onsets and tempo, in seconds of music time.
#[derive(Debug, Clone, PartialEq)]
pub struct BeatAnalysis {
    /// The main tempo (median beat interval).
    pub tempo_bpm: f64,
    /// Beat times, increasing.
    pub beats_s: Vec<f64>,
    /// Bar starts (a subset of `beats_s`).
    pub downbeats_s: Vec<f64>,
    /// Note onsets, increasing.
    pub onsets_s: Vec<f64>,
    /// Where the tempo changes by more than 4 % (empty for a steady tempo).
    pub tempo_changes: Vec<TempoChange>,
    /// Beats in a bar.
    pub beats_per_bar: u32,
    /// Length of the music, seconds.
    pub duration_s: f64,
}

impl BeatAnalysis {
    /// The same analysis in show time, for music that starts at `offset_s` in the show
    /// (times that fall before the show's start are dropped).
    pub fn offset_by(&self, offset_s: f64) -> BeatAnalysis {
        let shift = |v: &[f64]| -> Vec<f64> {
            v.iter()
                .map(|t| t + offset_s)
                .filter(|t| *t >= 0.0)
                .collect()
        };
        BeatAnalysis {
            tempo_bpm: self.tempo_bpm,
            beats_s: shift(&self.beats_s),
            downbeats_s: shift(&self.downbeats_s),
            onsets_s: shift(&self.onsets_s),
            tempo_changes: self
                .tempo_changes
                .iter()
                .map(|c| TempoChange {
                    time_s: c.time_s + offset_s,
                    bpm: c.bpm,
                })
                .filter(|c| c.time_s >= 0.0)
                .collect(),
            beats_per_bar: self.beats_per_bar,
            duration_s: self.duration_s + offset_s,
        }
    }
}

/// Systematic delay of the flux peak after the true onset: negative, because a centred
/// frame already sees an attack in its second half. Measured on the synthetic tracks
/// (mean −9 ms, spread 3 ms, before this correction).
const LATENCY_S: f64 = -0.009;

/// Analyses `audio`: onsets always; beats tracked or from `opts.source`.
pub fn analyze_beats(audio: &Audio, opts: &BeatOptions) -> Result<BeatAnalysis, MusicError> {
    if opts.beats_per_bar == 0 || opts.beats_per_bar > 64 {
        return Err(MusicError::BadOverride(format!(
            "{} beats per bar",
            opts.beats_per_bar
        )));
    }
    let duration_s = audio.duration_s();
    let env = onset_envelope(&audio.samples, audio.sample_rate);
    let peak = audio.samples.iter().fold(0.0f32, |m, s| m.max(s.abs()));
    let silent = peak < 1e-3 || env.strength.iter().all(|v| *v <= 1e-9);
    let onsets_s: Vec<f64> = if silent {
        Vec::new()
    } else {
        pick_onsets(&env.strength, env.fps, 0.07)
            .into_iter()
            .map(|i| (env.time_s(i) - LATENCY_S).max(0.0))
            .collect()
    };
    let m = opts.beats_per_bar as usize;
    let (beats_s, downbeats_s) = match &opts.source {
        BeatSource::Tracked => {
            if silent {
                return Err(MusicError::NoBeats);
            }
            let beats = track(&env, opts)?;
            let loudness: Vec<f64> = beats
                .iter()
                .map(|&b| loudness_at(&audio.samples, audio.sample_rate, env.time_s(b)))
                .collect();
            let phase = downbeat_phase(&env, &beats, &loudness, m);
            let beats_s: Vec<f64> = beats
                .iter()
                .map(|&b| (env.time_s(b) - LATENCY_S).max(0.0))
                .collect();
            let downbeats_s = beats_s.iter().skip(phase).step_by(m).copied().collect();
            (beats_s, downbeats_s)
        }
        BeatSource::Fixed { bpm, first_beat_s } => {
            if !(bpm.is_finite() && *bpm >= 1.0 && *bpm <= 1000.0) {
                return Err(MusicError::BadOverride(format!(
                    "tempo {bpm} BPM (expected 1 to 1000)"
                )));
            }
            if !(first_beat_s.is_finite() && *first_beat_s >= 0.0 && *first_beat_s < duration_s) {
                return Err(MusicError::BadOverride(format!(
                    "first beat at {first_beat_s} s, outside the music (0 to {duration_s:.3} s)"
                )));
            }
            let period = 60.0 / bpm;
            let n = ((duration_s - first_beat_s) / period).floor() as usize + 1;
            let beats_s: Vec<f64> = (0..n)
                .map(|i| first_beat_s + i as f64 * period)
                .filter(|t| *t < duration_s)
                .collect();
            let downbeats_s = beats_s.iter().step_by(m).copied().collect();
            (beats_s, downbeats_s)
        }
        BeatSource::Taps(taps) => {
            let mut t = taps.clone();
            if let Some(bad) = t.iter().find(|v| !v.is_finite() || **v < 0.0) {
                return Err(MusicError::BadOverride(format!("tap at {bad} s")));
            }
            t.sort_by(f64::total_cmp);
            if t.len() < 2 {
                return Err(MusicError::BadOverride(
                    "at least two taps are needed".to_string(),
                ));
            }
            if let Some(w) = t.windows(2).find(|w| w[1] - w[0] < 0.05) {
                return Err(MusicError::BadOverride(format!(
                    "taps at {} s and {} s are less than 50 ms apart",
                    w[0], w[1]
                )));
            }
            let downbeats_s = t.iter().step_by(m).copied().collect();
            (t, downbeats_s)
        }
    };
    if beats_s.len() < 2 {
        return Err(MusicError::NoBeats);
    }
    let (tempo_bpm, tempo_changes) = tempo_from_beats(&beats_s);
    Ok(BeatAnalysis {
        tempo_bpm,
        beats_s,
        downbeats_s,
        onsets_s,
        tempo_changes,
        beats_per_bar: opts.beats_per_bar,
        duration_s,
    })
}

/// Envelope for tracking: flux minus its 1 s moving mean, clipped at 0, divided by its
/// standard deviation.
fn normalised(env: &[f32], fps: f64) -> Vec<f32> {
    let half = ((0.5 * fps).round() as usize).max(1);
    let mut pre = Vec::with_capacity(env.len() + 1);
    pre.push(0.0f64);
    for &v in env {
        pre.push(pre.last().copied().unwrap_or(0.0) + f64::from(v));
    }
    let mut out: Vec<f32> = (0..env.len())
        .map(|i| {
            let a = i.saturating_sub(half);
            let b = (i + half + 1).min(env.len());
            let mean = (pre[b] - pre[a]) / (b - a) as f64;
            (f64::from(env[i]) - mean).max(0.0) as f32
        })
        .collect();
    let n = out.len().max(2) as f64;
    let mean = out.iter().map(|v| f64::from(*v)).sum::<f64>() / n;
    let var = out
        .iter()
        .map(|v| (f64::from(*v) - mean).powi(2))
        .sum::<f64>()
        / (n - 1.0);
    let sd = var.sqrt();
    if sd > 0.0 {
        for v in &mut out {
            *v = (f64::from(*v) / sd) as f32;
        }
    }
    out
}

/// Ellis's dynamic programme with the transition cost following the local period, run at
/// the tempo the autocorrelation prefers and at the related metrical levels (×2, ×½, ×3/2,
/// ×2/3, and other autocorrelation peaks), each on the full-band and on the drum-band
/// envelope; the beats that best meet the loud drum onsets, at steady intervals, win.
fn track(env: &OnsetEnvelope, opts: &BeatOptions) -> Result<Vec<usize>, MusicError> {
    let e = normalised(&env.strength, env.fps);
    let n = e.len();
    // Tempo from the drums below 4 kHz, compressed so kick and snare weigh alike: cymbals
    // on every eighth and kick-versus-snare loudness then do not decide the metrical level.
    let te = normalised(&env.low_mid, env.fps);
    let (global, periodicity) =
        global_period(&te, env.fps, opts.start_bpm).ok_or(MusicError::NoBeats)?;
    if periodicity < 0.05 || !global.is_finite() || global < 2.0 {
        return Err(MusicError::NoBeats);
    }
    let periods = if opts.follow_tempo_changes {
        local_periods(&te, env.fps, global)
    } else {
        vec![global; n]
    };
    let evidence = DrumEvidence::new(&te, env.fps);
    // Candidate beat periods: the related metrical levels of the preferred period, then the
    // autocorrelation's other strong peaks (a 4/3 or 3/4 relation, say), without repeats.
    let mut ratios: Vec<f64> = LEVELS.to_vec();
    for p in acf_peaks(&te, env.fps, MIN_BPM, MAX_BPM, 4) {
        let r = p / global;
        if ratios.iter().all(|q| (r / q - 1.0).abs() > 0.03) {
            ratios.push(r);
        }
    }
    // Every candidate level on both envelopes, run in parallel and judged in this order.
    let runs: Vec<(f64, &[f32])> = ratios
        .iter()
        .filter(|&&ratio| (MIN_BPM..=MAX_BPM).contains(&(60.0 * env.fps / (global * ratio))))
        .flat_map(|&ratio| [(ratio, e.as_slice()), (ratio, te.as_slice())])
        .collect();
    let scored: Vec<Option<(f64, Vec<usize>)>> = runs
        .par_iter()
        .map(|&(ratio, env_dp)| {
            let g = global * ratio;
            let bpm = 60.0 * env.fps / g;
            let p: Vec<f64> = periods.iter().map(|p| p * ratio).collect();
            // The programme on the full band and on the drum band: off-beat hi-hats and
            // bass can pull the full-band beats an eighth off, the drum band alone can miss
            // quiet beats; the evidence picks.
            let beats = dp_beats(env_dp, g, &p, opts.tightness).ok()?;
            let score = evidence.fit(&beats) * regularity(&beats) * tempo_prior(bpm);
            Some((score, beats))
        })
        .collect();
    let mut best: Option<(f64, Vec<usize>)> = None;
    for (score, beats) in scored.into_iter().flatten() {
        if best.as_ref().is_none_or(|(s, _)| score > *s + 1e-12) {
            best = Some((score, beats));
        }
    }
    best.map(|(_, b)| b).ok_or(MusicError::NoBeats)
}

/// The metrical levels tried, as multiples of the autocorrelation's period (the period
/// itself first, so it wins ties).
const LEVELS: [f64; 5] = [1.0, 2.0, 0.5, 1.5, 2.0 / 3.0];

/// Tempo range of the tracked beat.
const MIN_BPM: f64 = 40.0;
const MAX_BPM: f64 = 240.0;

/// A broad prior on the beat's tempo: log-normal around 120 BPM, 1.5 octaves standard
/// deviation (a tie-breaker between levels that fit the drums about equally well).
fn tempo_prior(bpm: f64) -> f64 {
    (-0.5 * ((bpm / 120.0).log2() / 1.5).powi(2)).exp()
}

/// The drum onsets a metrical level's beats are scored against: the picked peaks of the
/// (drum-band) envelope, each weighing by its height relative to the 90th-percentile peak,
/// squared and capped at 1. Loud hits count fully and quiet ones (hi-hats, ghost notes)
/// little, with no hard threshold between them.
struct DrumEvidence<'a> {
    /// The envelope.
    env: &'a [f32],
    /// Peak frames, increasing.
    peaks: Vec<usize>,
    /// Weight of each peak, 0..=1.
    weights: Vec<f64>,
    /// Height of the 90th-percentile peak.
    reference: f64,
    /// Matching tolerance, frames (70 ms).
    tol: usize,
}

impl<'a> DrumEvidence<'a> {
    fn new(env: &'a [f32], fps: f64) -> DrumEvidence<'a> {
        let peaks = pick_onsets(env, fps, 0.05);
        let mut h: Vec<f64> = peaks.iter().map(|&i| f64::from(env[i])).collect();
        h.sort_by(f64::total_cmp);
        let reference = if h.is_empty() {
            1.0
        } else {
            h[((h.len() - 1) as f64 * 0.9).round() as usize].max(1e-9)
        };
        let weights = peaks
            .iter()
            .map(|&i| Self::weight(f64::from(env[i]), reference))
            .collect();
        DrumEvidence {
            env,
            peaks,
            weights,
            reference,
            tol: (0.07 * fps).round() as usize,
        }
    }

    fn weight(height: f64, reference: f64) -> f64 {
        (height / reference).min(1.0).powi(2)
    }

    /// A weighted F-measure of `beats` (frames, increasing) against the onsets: recall is
    /// the weight of the onsets within 70 ms of a beat over all the weight; precision is the
    /// mean weight of the envelope's highest point within 35 ms of each beat. Beats on the
    /// loud hits and none between them score 1.
    fn fit(&self, beats: &[usize]) -> f64 {
        if beats.is_empty() || self.peaks.is_empty() {
            return 0.0;
        }
        let total: f64 = self.weights.iter().sum();
        let met: f64 = self
            .peaks
            .iter()
            .zip(&self.weights)
            .filter(|&(&p, _)| {
                let j = beats.partition_point(|&b| b + self.tol < p);
                beats.get(j).is_some_and(|&b| b <= p + self.tol)
            })
            .map(|(_, w)| w)
            .sum();
        let recall = met / total.max(1e-12);
        let reach = self.tol / 2;
        let precision = beats
            .iter()
            .map(|&b| {
                let lo = b.saturating_sub(reach);
                let hi = (b + reach + 1).min(self.env.len());
                let top = self.env[lo.min(hi)..hi]
                    .iter()
                    .copied()
                    .fold(0.0f32, f32::max);
                Self::weight(f64::from(top), self.reference)
            })
            .sum::<f64>()
            / beats.len() as f64;
        if recall + precision <= 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }
}

/// How steady a beat sequence is, squared: the share of its intervals within 5 % of the
/// median of the nine intervals around them. A level that does not divide the music's
/// pattern (a dotted-quarter level under a clave) makes the beats jump to the onsets, and
/// its beats are uneven; the true level's beats stay steady even through tempo ramps.
fn regularity(beats: &[usize]) -> f64 {
    let ibi: Vec<f64> = beats.windows(2).map(|w| (w[1] - w[0]) as f64).collect();
    if ibi.is_empty() {
        return 0.0;
    }
    let steady = (0..ibi.len())
        .filter(|&i| {
            let mut w = ibi[i.saturating_sub(4)..(i + 5).min(ibi.len())].to_vec();
            w.sort_by(f64::total_cmp);
            let m = w[w.len() / 2];
            (ibi[i] - m).abs() <= 0.05 * m
        })
        .count();
    (steady as f64 / ibi.len() as f64).powi(2)
}

/// The dynamic programme on envelope `e` with the beat period `periods[t]` (frames) and a
/// global period `global` for the local score's smoothing.
fn dp_beats(
    e: &[f32],
    global: f64,
    periods: &[f64],
    tightness: f64,
) -> Result<Vec<usize>, MusicError> {
    let n = e.len();
    // Local score: the envelope smoothed by a Gaussian of width period/32.
    let half = global.round() as isize;
    let kernel: Vec<f64> = (-half..=half)
        .map(|k| (-0.5 * (k as f64 * 32.0 / global).powi(2)).exp())
        .collect();
    let localscore: Vec<f64> = (0..n as isize)
        .map(|i| {
            kernel
                .iter()
                .enumerate()
                .map(|(j, w)| {
                    let idx = i + j as isize - half;
                    if idx >= 0 && (idx as usize) < n {
                        w * f64::from(e[idx as usize])
                    } else {
                        0.0
                    }
                })
                .sum()
        })
        .collect();
    let max_local = localscore.iter().copied().fold(0.0, f64::max);
    if max_local <= 0.0 {
        return Err(MusicError::NoBeats);
    }
    let mut cum = vec![0.0f64; n];
    let mut back: Vec<Option<usize>> = vec![None; n];
    let mut started = false;
    // The transition penalty by interval, for the current period: the local period stays
    // the same over long stretches, so its logarithms are computed once per stretch (the
    // same expression, so the same values as computing them at every step).
    let mut penalty: Vec<f64> = Vec::new();
    let mut penalty_period = f64::NAN;
    for t in 0..n {
        let p = periods[t];
        let lo = t as f64 - (2.0 * p).round();
        let hi = t as f64 - (p / 2.0).round();
        let mut best: Option<(usize, f64)> = None;
        if hi >= 0.0 {
            let first = lo.max(0.0) as usize;
            let longest = t - first;
            if p.to_bits() != penalty_period.to_bits() || penalty.len() <= longest {
                penalty_period = p;
                let len = (2.0 * p).round().max(0.0) as usize + 2;
                penalty = (0..len.max(longest + 1))
                    .map(|k| tightness * ((k as f64) / p).ln().powi(2))
                    .collect();
            }
            for (prev, score) in cum.iter().enumerate().take(hi as usize + 1).skip(first) {
                let c = score - penalty[t - prev];
                if best.is_none_or(|(_, b)| c > b) {
                    best = Some((prev, c));
                }
            }
        }
        let ls = localscore[t];
        match best {
            Some((prev, c)) if started => {
                cum[t] = ls + c;
                back[t] = Some(prev);
            }
            _ => cum[t] = ls,
        }
        if ls >= 0.01 * max_local {
            started = true;
        }
    }
    // The last beat: the last local maximum of the cumulative score above half the median.
    let maxima: Vec<usize> = (1..n.saturating_sub(1))
        .filter(|&i| cum[i] > cum[i - 1] && cum[i] >= cum[i + 1])
        .collect();
    if maxima.is_empty() {
        return Err(MusicError::NoBeats);
    }
    let mut vals: Vec<f64> = maxima.iter().map(|&i| cum[i]).collect();
    vals.sort_by(f64::total_cmp);
    let med = vals[vals.len() / 2];
    let last = maxima
        .iter()
        .rev()
        .copied()
        .find(|&i| cum[i] >= 0.5 * med)
        .ok_or(MusicError::NoBeats)?;
    let mut beats = vec![last];
    let mut cur = last;
    while let Some(prev) = back[cur] {
        beats.push(prev);
        cur = prev;
    }
    beats.reverse();
    // Trim weak beats at both ends (before the music starts, after it ends).
    let rms =
        (beats.iter().map(|&b| localscore[b].powi(2)).sum::<f64>() / beats.len() as f64).sqrt();
    let thr = 0.5 * rms;
    let first = beats.iter().position(|&b| localscore[b] > thr).unwrap_or(0);
    let end = beats
        .iter()
        .rposition(|&b| localscore[b] > thr)
        .map_or(beats.len(), |i| i + 1);
    let beats = beats[first..end].to_vec();
    if beats.len() < 2 {
        return Err(MusicError::NoBeats);
    }
    Ok(beats)
}

/// RMS of the audio from 10 ms before to 60 ms after `t`: how loud the beat is.
fn loudness_at(samples: &[f32], sample_rate: u32, t: f64) -> f64 {
    let sr = f64::from(sample_rate.max(1));
    let a = (((t - 0.01) * sr).max(0.0) as usize).min(samples.len());
    let b = (((t + 0.06) * sr).max(0.0) as usize).min(samples.len());
    if b <= a {
        return 0.0;
    }
    let sq: f64 = samples[a..b].iter().map(|s| f64::from(*s).powi(2)).sum();
    (sq / (b - a) as f64).sqrt()
}

/// The bar phase (0..m) whose beats carry the most low-frequency onset energy and are the
/// loudest, with the full-band onset strength as a lesser weight.
fn downbeat_phase(env: &OnsetEnvelope, beats: &[usize], loudness: &[f64], m: usize) -> usize {
    if m <= 1 || beats.len() < m {
        return 0;
    }
    let norm = |v: &[f32]| -> Vec<f64> {
        let max = v.iter().copied().fold(0.0f32, f32::max);
        v.iter()
            .map(|x| if max > 0.0 { f64::from(x / max) } else { 0.0 })
            .collect()
    };
    let low = norm(&env.low);
    let all = norm(&env.strength);
    let reach = ((0.03 * env.fps).round() as usize).max(1);
    let at = |v: &[f64], b: usize| -> f64 {
        v[b.saturating_sub(reach)..(b + reach + 1).min(v.len())]
            .iter()
            .copied()
            .fold(0.0, f64::max)
    };
    // Each feature's evidence for a phase is a t-statistic of its beats against all beats,
    // so whichever feature tells the bars apart (kick drums, accents) decides.
    let mut score = vec![0.0f64; m];
    let low_at: Vec<f64> = beats.iter().map(|&b| at(&low, b)).collect();
    let all_at: Vec<f64> = beats.iter().map(|&b| at(&all, b)).collect();
    for (vals, weight) in [(low_at, 1.0), (all_at, 0.5), (loudness.to_vec(), 1.0)] {
        let n = vals.len() as f64;
        let mean = vals.iter().sum::<f64>() / n;
        let phase_mean: Vec<f64> = (0..m)
            .map(|p| {
                let mine: Vec<f64> = vals.iter().skip(p).step_by(m).copied().collect();
                mine.iter().sum::<f64>() / mine.len().max(1) as f64
            })
            .collect();
        // Pooled spread within phases: an accent that recurs every bar stands out from it.
        let within = vals
            .iter()
            .enumerate()
            .map(|(i, v)| (v - phase_mean[i % m]).powi(2))
            .sum::<f64>()
            / (n - m as f64).max(1.0);
        let sd = within.sqrt().max(1e-3 * mean.abs()).max(1e-9);
        for (phase, s) in score.iter_mut().enumerate() {
            let k = vals.iter().skip(phase).step_by(m).count().max(1) as f64;
            *s += weight * (phase_mean[phase] - mean) / sd * k.sqrt();
        }
    }
    let best = (0..m)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    // Without clear evidence (unaccented clicks), bar 1 starts on the first beat.
    if score[best] < MIN_DOWNBEAT_EVIDENCE {
        0
    } else {
        best
    }
}

/// The weighted t-statistic a bar phase needs to beat "the first beat is a downbeat".
const MIN_DOWNBEAT_EVIDENCE: f64 = 2.0;

/// Main tempo (median interval) and the changes along the beats: a new segment starts
/// where the local tempo (median of 8 intervals) differs by more than 4 % for 4 beats.
fn tempo_from_beats(beats: &[f64]) -> (f64, Vec<TempoChange>) {
    let ibi: Vec<f64> = beats.windows(2).map(|w| w[1] - w[0]).collect();
    let median = |v: &[f64]| -> f64 {
        let mut s = v.to_vec();
        s.sort_by(f64::total_cmp);
        s[s.len() / 2]
    };
    let tempo = 60.0 / median(&ibi);
    let local: Vec<f64> = (0..ibi.len())
        .map(|i| 60.0 / median(&ibi[i.saturating_sub(4)..(i + 4).min(ibi.len())]))
        .collect();
    let mut changes = Vec::new();
    let mut current = local.first().copied().unwrap_or(tempo);
    let mut i = 0;
    while i < local.len() {
        let off = |j: usize| (local[j] / current - 1.0).abs() > 0.04;
        if off(i) && i + 4 <= local.len() && (i..i + 4).all(off) {
            let seg = &local[i..(i + 8).min(local.len())];
            current = median(seg);
            changes.push(TempoChange {
                time_s: beats[i],
                bpm: current,
            });
            i += 4;
        } else {
            i += 1;
        }
    }
    (tempo, changes)
}
