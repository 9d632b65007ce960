//! Beat tracking: onset envelope → tempo → dynamic programming (Ellis 2007) with a local
//! tempo, downbeats by bar phase, and manual overrides.

use crate::audio::Audio;
use crate::error::MusicError;
use crate::level_choice::track;
use crate::onset::{OnsetEnvelope, onset_envelope, pick_onsets};
use crate::sections::tempo_sections;

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
    /// Where the tempo changes: the start and tempo of each tempo section after the first
    /// (see [`BeatAnalysis::sections`]; empty for a steady tempo).
    pub tempo_changes: Vec<TempoChange>,
    /// Beats in a bar.
    pub beats_per_bar: u32,
    /// Bars of the music that start before `downbeats_s[0]` and are not listed: 0 for the
    /// music as analysed; for music that starts before the show, the bars
    /// [`BeatAnalysis::offset_by`] dropped. Bars keep the music's numbers (as a DAW counts
    /// them, from the music's first downbeat): the first listed bar is bar
    /// `bars_before + 1`.
    pub bars_before: u32,
    /// Length of the music, seconds.
    pub duration_s: f64,
}

impl BeatAnalysis {
    /// The same analysis in show time, for music that starts at `offset_s` in the show
    /// (times that fall before the show's start are dropped; the bars keep the music's
    /// numbers, counted in `bars_before`).
    pub fn offset_by(&self, offset_s: f64) -> BeatAnalysis {
        let dropped = self
            .downbeats_s
            .iter()
            .filter(|t| **t + offset_s < 0.0)
            .count();
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
            bars_before: self
                .bars_before
                .saturating_add(u32::try_from(dropped).unwrap_or(u32::MAX)),
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
        return Err(MusicError::BadOverride(skyshow_i18n::msg!(
            "music-err-beats-per-bar",
            count = opts.beats_per_bar
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
            tracked_grid(audio, &env, opts)?
        }
        BeatSource::Fixed { bpm, first_beat_s } => fixed_grid(*bpm, *first_beat_s, duration_s, m)?,
        BeatSource::Taps(taps) => tapped_grid(taps, m)?,
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
        bars_before: 0,
        duration_s,
    })
}

/// Beats and downbeats tracked from the audio (its onset envelope `env`), in seconds.
fn tracked_grid(
    audio: &Audio,
    env: &OnsetEnvelope,
    opts: &BeatOptions,
) -> Result<(Vec<f64>, Vec<f64>), MusicError> {
    let m = opts.beats_per_bar as usize;
    let beats = track(env, opts)?;
    let loudness: Vec<f64> = beats
        .iter()
        .map(|&b| loudness_at(&audio.samples, audio.sample_rate, env.time_s(b)))
        .collect();
    let phase = downbeat_phase(env, &beats, &loudness, m);
    let beats_s: Vec<f64> = beats
        .iter()
        .map(|&b| (env.time_s(b) - LATENCY_S).max(0.0))
        .collect();
    let downbeats_s = beats_s.iter().skip(phase).step_by(m).copied().collect();
    Ok((beats_s, downbeats_s))
}

/// Beats at a fixed tempo `bpm` from `first_beat_s` to the music's end (`duration_s`), the
/// first of every `m` a downbeat; an error for a tempo or first beat out of range.
fn fixed_grid(
    bpm: f64,
    first_beat_s: f64,
    duration_s: f64,
    m: usize,
) -> Result<(Vec<f64>, Vec<f64>), MusicError> {
    if !(bpm.is_finite() && (1.0..=1000.0).contains(&bpm)) {
        return Err(MusicError::BadOverride(skyshow_i18n::msg!(
            "music-err-tempo",
            bpm = bpm
        )));
    }
    if !(first_beat_s.is_finite() && first_beat_s >= 0.0 && first_beat_s < duration_s) {
        return Err(MusicError::BadOverride(skyshow_i18n::msg!(
            "music-err-first-beat",
            first = first_beat_s,
            duration = format!("{duration_s:.3}")
        )));
    }
    let period = 60.0 / bpm;
    let n = ((duration_s - first_beat_s) / period).floor() as usize + 1;
    let beats_s: Vec<f64> = (0..n)
        .map(|i| first_beat_s + i as f64 * period)
        .filter(|t| *t < duration_s)
        .collect();
    let downbeats_s = beats_s.iter().step_by(m).copied().collect();
    Ok((beats_s, downbeats_s))
}

/// Tapped beats, sorted, the first of every `m` a downbeat; an error for a negative or
/// non-finite tap, fewer than two, or two closer than 50 ms.
fn tapped_grid(taps: &[f64], m: usize) -> Result<(Vec<f64>, Vec<f64>), MusicError> {
    let mut t = taps.to_vec();
    if let Some(bad) = t.iter().find(|v| !v.is_finite() || **v < 0.0) {
        return Err(MusicError::BadOverride(skyshow_i18n::msg!(
            "music-err-tap",
            time = *bad
        )));
    }
    t.sort_by(f64::total_cmp);
    if t.len() < 2 {
        return Err(MusicError::BadOverride(skyshow_i18n::msg!(
            "music-err-two-taps"
        )));
    }
    if let Some(w) = t.windows(2).find(|w| w[1] - w[0] < 0.05) {
        return Err(MusicError::BadOverride(skyshow_i18n::msg!(
            "music-err-taps-close",
            a = w[0],
            b = w[1]
        )));
    }
    let downbeats_s = t.iter().step_by(m).copied().collect();
    Ok((t, downbeats_s))
}

/// Envelope for tracking: flux minus its 1 s moving mean, clipped at 0, divided by its
/// standard deviation.
pub(crate) fn normalised(env: &[f32], fps: f64) -> Vec<f32> {
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

/// The dynamic programme on envelope `e` with the beat period `old[t]` (frames) and a
/// global period `global` for the local score's smoothing. Where `new[t]` differs from
/// `old[t]` (around a step of tempo, whose exact place the tempo path knows only to a second
/// or so), the beats step once from the old period to the new one, at the beat that fits
/// best: the programme has two states there, before and after the step.
pub(crate) fn dp_beats(
    e: &[f32],
    global: f64,
    old: &[f64],
    new: &[f64],
    tightness: f64,
) -> Result<Vec<usize>, MusicError> {
    let localscore = local_score(e, global);
    let max_local = localscore.iter().copied().fold(0.0, f64::max);
    if max_local <= 0.0 {
        return Err(MusicError::NoBeats);
    }
    let (cum, back) = cumulative(&localscore, max_local, old, new, tightness);
    let last = last_beat(&cum, old, new)?;
    let mut beats = vec![last];
    // The state the last beat ends in: the better one (the old period on a tie).
    let mut cur = (last, usize::from(cum[last][1] > cum[last][0]));
    while let Some(prev) = back[cur.0][cur.1] {
        beats.push(prev.0);
        cur = prev;
    }
    beats.reverse();
    let beats = trimmed(&beats, &localscore);
    if beats.len() < 2 {
        return Err(MusicError::NoBeats);
    }
    Ok(beats)
}

/// The local score: the envelope `e` smoothed by a Gaussian of width period/32 (`global`
/// frames), cut at six standard deviations (beyond, the weights are below 2e-8).
fn local_score(e: &[f32], global: f64) -> Vec<f64> {
    let n = e.len();
    let sigma = global / 32.0;
    let half = (6.0 * sigma).ceil().min(global.round()) as isize;
    let kernel: Vec<f64> = (-half..=half)
        .map(|k| (-0.5 * (k as f64 / sigma).powi(2)).exp())
        .collect();
    // At the music's first and last frames the kernel is cut short: the sum over the
    // frames there is scaled up by the share of the kernel they cover, so that a beat at
    // 0:00 (whose onset the frames before would have shared) scores as high as one inside.
    let kernel_sum: f64 = kernel.iter().sum();
    (0..n as isize)
        .map(|i| {
            let a = (i - half).max(0);
            let b = (i + half).min(n as isize - 1);
            let (sum, weight) = (a..=b).fold((0.0, 0.0), |(s, w), idx| {
                let k = kernel[(idx - i + half) as usize];
                (s + k * f64::from(e[idx as usize]), w + k)
            });
            if a == i - half && b == i + half {
                sum
            } else {
                sum * kernel_sum / weight
            }
        })
        .collect()
}

/// The beat before a beat in the programme: its frame and its state.
type Back = [Option<(usize, usize)>; 2];

/// The programme's forward pass over `localscore` (whose highest value is `max_local`):
/// per frame and state (0: the old period, 1: the new one; one state outside a step's
/// reach), the best cumulative score of beats ending there and the beat before it.
fn cumulative(
    localscore: &[f64],
    max_local: f64,
    old: &[f64],
    new: &[f64],
    tightness: f64,
) -> (Vec<[f64; 2]>, Vec<Back>) {
    let n = localscore.len();
    let two = |t: usize| old[t].to_bits() != new[t].to_bits();
    let mut cum = vec![[0.0f64; 2]; n];
    let mut back: Vec<Back> = vec![[None; 2]; n];
    let mut started = false;
    // The transition penalty of an interval of k frames at period p is
    // tightness · (ln k − ln p)²: the logarithms of the intervals once, of the period once
    // per frame and state.
    let longest = (0..n)
        .map(|t| (2.0 * old[t].max(new[t])).round().max(0.0) as usize)
        .max()
        .unwrap_or(0);
    let ln_k: Vec<f64> = (0..=longest + 1).map(|k| (k as f64).ln()).collect();
    for t in 0..n {
        let states = if two(t) { 2 } else { 1 };
        let tight = if states == 2 {
            STEP_TIGHTNESS * tightness
        } else {
            tightness
        };
        for state in 0..states {
            let p = if state == 0 { old[t] } else { new[t] };
            let ln_p = p.ln();
            let lo = t as f64 - (2.0 * p).round();
            let hi = t as f64 - (p / 2.0).round();
            let mut best: Option<((usize, usize), f64)> = None;
            if hi >= 0.0 {
                let first = lo.max(0.0) as usize;
                for prev in first..=(hi as usize).min(t.saturating_sub(1)) {
                    // Before the step (state 0) only beats before it lead here; after the
                    // step's reach, beats in either state.
                    let from = if two(prev) && (state == 1 || states == 1) {
                        2
                    } else {
                        1
                    };
                    for (s, score) in cum[prev].iter().enumerate().take(from) {
                        let c = score - tight * (ln_k[t - prev] - ln_p).powi(2);
                        if best.is_none_or(|(_, b)| c > b) {
                            best = Some(((prev, s), c));
                        }
                    }
                }
            }
            let ls = localscore[t];
            // A beat may also start the chain afresh, when every beat before it would cost
            // more than it brings: the music's first beat less than a period after its
            // start (noise or a weak onset there) is then no longer forced onto a chain
            // from that start, which misplaced or lost the first beats. Once beats have
            // added up, the chain through them wins over a fresh start.
            match best {
                Some((prev, c)) if started && c > 0.0 => {
                    cum[t][state] = ls + c;
                    back[t][state] = Some(prev);
                }
                _ => cum[t][state] = ls,
            }
        }
        if states == 1 {
            cum[t][1] = cum[t][0];
            back[t][1] = back[t][0];
        }
        if localscore[t] >= 0.01 * max_local {
            started = true;
        }
    }
    (cum, back)
}

/// The frame of the last beat: the last local maximum of the cumulative score `cum` above
/// half the median maximum, or the best-scoring maximum within a period before it.
fn last_beat(cum: &[[f64; 2]], old: &[f64], new: &[f64]) -> Result<usize, MusicError> {
    let n = cum.len();
    let top = |i: usize| cum[i][0].max(cum[i][1]);
    let maxima: Vec<usize> = (1..n.saturating_sub(1))
        .filter(|&i| top(i) > top(i - 1) && top(i) >= top(i + 1))
        .collect();
    if maxima.is_empty() {
        return Err(MusicError::NoBeats);
    }
    let mut vals: Vec<f64> = maxima.iter().map(|&i| top(i)).collect();
    vals.sort_by(f64::total_cmp);
    let med = vals[vals.len() / 2];
    let last = maxima
        .iter()
        .rev()
        .copied()
        .find(|&i| top(i) >= 0.5 * med)
        .ok_or(MusicError::NoBeats)?;
    // Of the maxima within the last period, the best-scoring chain ends the beats: the last
    // local maximum can be a stroke between two beats (a clave's), and the chain back from
    // it bends onto the strokes for the last second or two.
    let reach = old[last].max(new[last]).round() as usize;
    Ok(maxima
        .iter()
        .copied()
        .filter(|&i| i + reach >= last && i <= last)
        .fold(last, |b, i| if top(i) > top(b) { i } else { b }))
}

/// `beats` without the weak beats at both ends (before the music starts, after it ends:
/// a local score under half the beats' RMS), and without an end beat off the tempo (the
/// programme's last beat is the last strong onset, which at the end of the music may fall
/// between two beats).
fn trimmed(beats: &[usize], localscore: &[f64]) -> Vec<usize> {
    let rms =
        (beats.iter().map(|&b| localscore[b].powi(2)).sum::<f64>() / beats.len() as f64).sqrt();
    let thr = 0.5 * rms;
    let first = beats.iter().position(|&b| localscore[b] > thr).unwrap_or(0);
    let end = beats
        .iter()
        .rposition(|&b| localscore[b] > thr)
        .map_or(beats.len(), |i| i + 1);
    let mut beats = beats[first..end].to_vec();
    let off_tempo = |gap: usize, next: &[usize]| -> bool {
        let mut ibi: Vec<usize> = next.windows(2).map(|w| w[1] - w[0]).collect();
        if ibi.len() < 3 {
            return false;
        }
        ibi.sort_unstable();
        let m = ibi[ibi.len() / 2] as f64;
        (gap as f64 / m - 1.0).abs() > END_TOLERANCE
    };
    let n = beats.len();
    if n > 5 && off_tempo(beats[n - 1] - beats[n - 2], &beats[n - 6..n - 1]) {
        beats.pop();
    }
    if beats.len() > 5 && off_tempo(beats[1] - beats[0], &beats[1..6]) {
        beats.remove(0);
    }
    beats
}

/// How many times more tightly the beats keep their period within a step's reach, where
/// the programme has two periods to choose from. With the usual tightness a beat may stray
/// 15 % from its period for a cost of 2, and beats of the old, faster tempo stretched past
/// a step down to reach onsets of the new one (a funk groove's sixteenths: two beats 0.50
/// and 0.48 s apart, then one 0.35 s, where one beat of 0.67 s was played): the extra beats
/// out-scored the one. Four times as tight (a 15 % stray costs 8, a drummer's 2 % 0.16),
/// the beats step where the music does.
const STEP_TIGHTNESS: f64 = 4.0;

/// How far (relative) the interval to a first or last beat may differ from the tempo of
/// the four intervals next to it.
const END_TOLERANCE: f64 = 0.25;

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

/// Main tempo (median interval) and the changes along the beats: the start and tempo of
/// every tempo section after the first.
fn tempo_from_beats(beats: &[f64]) -> (f64, Vec<TempoChange>) {
    let mut ibi: Vec<f64> = beats.windows(2).map(|w| w[1] - w[0]).collect();
    ibi.sort_by(f64::total_cmp);
    let tempo = 60.0 / ibi[ibi.len() / 2];
    let changes = tempo_sections(beats)
        .iter()
        .skip(1)
        .map(|s| TempoChange {
            time_s: s.start_s,
            bpm: s.bpm,
        })
        .collect();
    (tempo, changes)
}
