//! Where two stretches' beats meet: the join between the runs chosen either side of a
//! step of tempo, and the joint run that has each side's chosen level.

use rayon::prelude::*;

use crate::beats::dp_beats;
use crate::drum_evidence::beats_within;
use crate::level_choice::{Evidence, STEADY_FRAMES, STEP_REACH_S, median, splice};

/// The stretches' runs with each join between two different runs moved to where the beats
/// fit best: the tempo path places a step only to a second or so, and each run steps where
/// its own beats fit, so the run chosen after a step can still be at its old side's period
/// (at its own level, which is not the level chosen before the step) for a second or two
/// past the path's step, and the one chosen before can have stepped already. Every beat of
/// either run within [`STEP_REACH_S`] of the join is tried as the first beat of the second
/// run, and the join whose beats best meet the drums at the intervals chosen either side
/// (each run's median interval in its stretch), over the reach and [`JOIN_MARGIN_S`] either
/// side of it, wins (the path's step on a tie).
pub(crate) fn place_joins(
    chosen: &[(usize, usize, usize)],
    tracked: &[Option<Vec<usize>>],
    periods: &[f64],
    runs: &[(f64, &[f32])],
    evidence: &Evidence<'_>,
    fps: f64,
    joint: Option<(usize, usize)>,
) -> Vec<(usize, usize, usize)> {
    let reach = (STEP_REACH_S * fps).round() as usize;
    let margin = (JOIN_MARGIN_S * fps).round() as usize;
    // Per join: where the second run starts, and the joint run between the two, if any.
    let mut joins: Vec<(usize, Option<Part>)> = Vec::new();
    for j in 1..chosen.len() {
        let (lo_a, join, ka) = chosen[j - 1];
        let (_, hi_b, kb) = chosen[j];
        joins.push((join, None));
        if ka == kb {
            continue;
        }
        let (Some(a), Some(b)) = (&tracked[ka], &tracked[kb]) else {
            continue;
        };
        let lo = join.saturating_sub(reach).max(lo_a);
        let hi = (join + reach).min(hi_b);
        let (w_lo, w_hi) = (lo.saturating_sub(margin).max(lo_a), (hi + margin).min(hi_b));
        // Each side's tempo at the level chosen for it: the median interval of its run's
        // beats within its stretch.
        let interval = |beats: &[usize], from: usize, to: usize| -> Option<f64> {
            let inside = beats_within(beats, from, to);
            let ibi: Vec<f64> = inside.windows(2).map(|w| (w[1] - w[0]) as f64).collect();
            (!ibi.is_empty()).then(|| median(&ibi))
        };
        let (Some(pa), Some(pb)) = (interval(a, lo_a, join), interval(b, join, hi_b)) else {
            continue;
        };
        let score = |part: &[(usize, usize, usize)]| -> f64 {
            let beats = splice(part, tracked, periods, runs);
            evidence.fit_within(&beats, w_lo, w_hi) * on_levels(&beats, &[pa, pb])
        };
        let mut best = (join, score(&[(w_lo, join, ka), (join, w_hi, kb)]));
        for &at in a.iter().chain(b).filter(|t| (lo..hi).contains(*t)) {
            let s = score(&[(w_lo, at, ka), (at, w_hi, kb)]);
            let nearer = at.abs_diff(join) < best.0.abs_diff(join);
            if s > best.1 + 1e-12 || (s >= best.1 - 1e-12 && nearer) {
                best = (at, s);
            }
        }
        joins[j - 1].0 = best.0;
        // The joint run (each side at the level chosen for it) over the whole window.
        if let Some((kj, own)) = joint
            && ka < own
            && kb < own
        {
            for k in [kj, kj + 1] {
                let s = score(&[(w_lo, w_hi, k)]);
                if s > best.1 + 1e-12 {
                    best.1 = s;
                    joins[j - 1] = (w_lo, Some((w_lo, w_hi, k)));
                }
            }
        }
    }
    let mut out = Vec::with_capacity(chosen.len() + joins.len());
    for (i, &(lo, hi, k)) in chosen.iter().enumerate() {
        let lo = match i.checked_sub(1).map(|j| joins[j]) {
            Some((_, Some((_, w_hi, _)))) => w_hi,
            Some((at, None)) => at,
            None => lo,
        };
        let hi = joins.get(i).map_or(hi, |&(at, _)| at);
        out.push((lo, hi.max(lo), k));
        if let Some(&(_, Some(part))) = joins.get(i) {
            out.push(part);
        }
    }
    out
}

/// Frames `lo..hi` of the music and the run whose beats they take.
type Part = (usize, usize, usize);

/// When the levels chosen either side of a step differ (a slow groove's half-time level
/// before, its own after), no run has both: appends to `tracked` and `runs` the programme
/// run with each stretch's chosen level (`old`/`new` as for every run, each stretch's
/// frames at its own level, and within a step's reach the old period at the level before
/// and the new one at the level after), on both envelopes, and returns the first's index.
/// Each stretch's level is the tempo its chosen run's beats were heard at there, which
/// need not be the multiple of the stretch's period the run was asked for.
#[allow(clippy::too_many_arguments)]
pub(crate) fn add_joint_runs<'a>(
    chosen: &[(usize, usize, usize)],
    stretches: &[(usize, usize)],
    (old, new): (&[f64], &[f64]),
    global: f64,
    tightness: f64,
    envs: [&'a [f32]; 2],
    tracked: &mut Vec<Option<Vec<usize>>>,
    runs: &mut Vec<(f64, &'a [f32])>,
) -> Option<usize> {
    if chosen.len() != stretches.len() || chosen.len() < 2 {
        return None;
    }
    let level: Vec<f64> = chosen.iter().map(|&(_, _, k)| runs[k].0).collect();
    if level.windows(2).all(|w| w[0].to_bits() == w[1].to_bits()) {
        return None;
    }
    let n = old.len();
    // Each stretch at the tempo its chosen run was heard at there (its median interval over
    // the stretch's period): a run asked for one tempo can settle on another (a funk groove
    // in 3/4 asked at 86 BPM after its step plays at 96.7, its own beat), and the joint run
    // asked at the level rather than at the tempo heard kept 86 BPM through the step's reach.
    let ratio: Vec<f64> = chosen
        .iter()
        .zip(stretches)
        .zip(&level)
        .map(|((&(_, _, k), &(lo, hi)), &l)| {
            let inside = tracked[k]
                .as_deref()
                .map(|b| beats_within(b, lo, hi))
                .unwrap_or_default();
            let ibi: Vec<f64> = inside.windows(2).map(|w| (w[1] - w[0]) as f64).collect();
            let here = median(&old[lo..hi.min(n).max(lo + 1)]);
            if ibi.is_empty() || here <= 0.0 {
                l
            } else {
                median(&ibi) / here
            }
        })
        .collect();
    let mut p = vec![0.0; n];
    let mut q = vec![0.0; n];
    for (s, &(lo, hi)) in stretches.iter().enumerate() {
        for t in lo..hi.min(n) {
            let (before, after) = if old[t].to_bits() == new[t].to_bits() {
                (s, s)
            } else if s > 0 && t - lo < hi - t {
                (s - 1, s)
            } else {
                (s, (s + 1).min(stretches.len() - 1))
            };
            p[t] = old[t] * ratio[before];
            q[t] = new[t] * ratio[after];
        }
    }
    let g = global * ratio[0];
    let smaller = ratio.iter().copied().fold(f64::INFINITY, f64::min);
    let first = tracked.len();
    let beats: Vec<Option<Vec<usize>>> = envs
        .par_iter()
        .map(|env| dp_beats(env, g, &p, &q, tightness).ok())
        .collect();
    tracked.extend(beats);
    runs.extend(envs.iter().map(|&env| (smaller, env)));
    Some(first)
}

/// The share, squared, of the intervals between `beats` that are within 5 % (or
/// [`STEADY_FRAMES`]) of one of the `levels` (intervals, frames): at a join, beats at the
/// tempo chosen before the step or after it, and not at another level of either.
fn on_levels(beats: &[usize], levels: &[f64]) -> f64 {
    let ibi: Vec<f64> = beats.windows(2).map(|w| (w[1] - w[0]) as f64).collect();
    if ibi.is_empty() {
        return 0.0;
    }
    let on = ibi
        .iter()
        .filter(|&&i| {
            levels
                .iter()
                .any(|&p| (i - p).abs() <= (0.05 * p).max(STEADY_FRAMES))
        })
        .count();
    (on as f64 / ibi.len() as f64).powi(2)
}

/// How far (seconds) beyond a step's reach a join's beats are judged.
const JOIN_MARGIN_S: f64 = 2.0;
