//! The metrical level: Ellis's beat programme run along the tempo path at every candidate
//! level, and in each stretch of steady tempo the level whose beats best meet the drums.

use rayon::prelude::*;

use crate::beats::{BeatOptions, dp_beats, normalised};
use crate::drum_evidence::{DrumEvidence, beats_within};
use crate::error::MusicError;
use crate::joins::{add_joint_runs, place_joins};
use crate::joint_levels::{StretchOptions, plausible_steps};
use crate::onset::OnsetEnvelope;
use crate::tempo::{acf_peaks, global_period, local_periods};
use crate::tempo_path::tempo_path;

/// Ellis's dynamic programme with the transition cost following the local period, run at
/// the tempo the autocorrelation prefers and at the related metrical levels (×2, ×½, ×3/2,
/// ×2/3, and other autocorrelation peaks), each on the full-band and on the drum-band
/// envelope; in each stretch of steady tempo, the beats (or their off-beats) that best meet
/// the loud drum onsets, at steady intervals, win.
pub(crate) fn track(env: &OnsetEnvelope, opts: &BeatOptions) -> Result<Vec<usize>, MusicError> {
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
    let (periods, stretches) = if opts.follow_tempo_changes {
        periods_along_path(&te, env.fps, global, opts.start_bpm)
    } else {
        (vec![global; n], vec![(0, n)])
    };
    // Each stretch's period (the global one for a steady track): a level is tried when its
    // tempo is within range in some stretch, and chosen only where it is.
    let stretch_periods: Vec<f64> = if stretches.len() == 1 {
        vec![global]
    } else {
        stretches
            .iter()
            .map(|&(lo, hi)| median(&periods[lo..hi]))
            .collect()
    };
    let (old, new) = around_steps(&periods, &stretches, env.fps);
    let loud = normalised(&env.energy, env.fps);
    let evidence = Evidence {
        drums: DrumEvidence::new(&te, env.fps, 2),
        loudness: DrumEvidence::new(&loud, env.fps, 1),
    };
    let (mut runs, mut tracked) = candidate_runs(
        [e.as_slice(), te.as_slice()],
        env.fps,
        global,
        &stretch_periods,
        (&old, &new),
        opts.tightness,
    );
    // Each run's beats also in the other phase (half an interval on): at fast tempi the
    // programme can settle on the off-beats (an open hi-hat and bass between kicks), which
    // the evidence then judges as a poor level rather than as the right level off its beat.
    add_off_beats(&mut tracked, &mut runs, env.fps);
    let chosen = choose_levels(
        &stretches,
        &stretch_periods,
        &tracked,
        &runs,
        &evidence,
        env.fps,
    );
    let own_runs = runs.len() / 2;
    let joint = add_joint_runs(
        &chosen,
        &stretches,
        (&old, &new),
        global,
        opts.tightness,
        [e.as_slice(), te.as_slice()],
        &mut tracked,
        &mut runs,
    );
    let chosen = place_joins(
        &chosen,
        &tracked,
        &periods,
        &runs,
        &evidence,
        env.fps,
        joint.filter(|_| own_runs > 0).map(|k| (k, own_runs)),
    );
    let beats = splice(&chosen, &tracked, &periods, &runs);
    if beats.len() < 2 {
        return Err(MusicError::NoBeats);
    }
    Ok(beats)
}

/// A run of the beat programme: its level (a multiple of the preferred period) and the
/// envelope it ran on.
type Run<'a> = (f64, &'a [f32]);

/// Every candidate level's beats on the full-band and drum-band envelopes `[e, te]` (at
/// `fps` frames per second), as (level, envelope) runs and each run's beats: the related
/// metrical levels of the preferred period `global` (frames), then the autocorrelation's
/// other strong peaks, each tried when its tempo is within range in some stretch (of
/// periods `stretch_periods`), along the periods `(old, new)` either side of each step.
fn candidate_runs<'a>(
    [e, te]: [&'a [f32]; 2],
    fps: f64,
    global: f64,
    stretch_periods: &[f64],
    (old, new): (&[f64], &[f64]),
    tightness: f64,
) -> (Vec<Run<'a>>, Vec<Option<Vec<usize>>>) {
    // Candidate beat periods: the related metrical levels of the preferred period, then the
    // autocorrelation's other strong peaks (a 4/3 or 3/4 relation, say), without repeats.
    let mut ratios: Vec<f64> = LEVELS.to_vec();
    for p in acf_peaks(te, fps, MIN_BPM, MAX_BPM, 4) {
        let r = p / global;
        if ratios.iter().all(|q| (r / q - 1.0).abs() > 0.03) {
            ratios.push(r);
        }
    }
    // Every candidate level on both envelopes, run in parallel and judged in this order.
    let runs: Vec<(f64, &[f32])> = ratios
        .iter()
        .filter(|&&ratio| {
            stretch_periods
                .iter()
                .any(|p| in_range(60.0 * fps / (p * ratio)))
        })
        .flat_map(|&ratio| [(ratio, e), (ratio, te)])
        .collect();
    let tracked: Vec<Option<Vec<usize>>> = runs
        .par_iter()
        .map(|&(ratio, env_dp)| {
            let g = global * ratio;
            let p: Vec<f64> = old.iter().map(|p| p * ratio).collect();
            let q: Vec<f64> = new.iter().map(|p| p * ratio).collect();
            // The programme on the full band and on the drum band: off-beat hi-hats and
            // bass can pull the full-band beats an eighth off, the drum band alone can miss
            // quiet beats; the evidence picks.
            dp_beats(env_dp, g, &p, &q, tightness).ok()
        })
        .collect();
    (runs, tracked)
}

/// The global period, the beat period at every frame and the stretches of steady tempo:
/// the tempo path's steps split the music into stretches, and within each the local tempo
/// is estimated on the stretch alone, around the path's tempo there moved onto the metrical
/// level a steady track of the stretch's music would be tracked at (its own global period
/// under the `start_bpm` prior), so that the levels tried are each stretch's ×1, ×2, ×½, …
/// whatever level the path followed it at. Without a step, the global period and the whole
/// track's local tempo, as for a steady track.
fn periods_along_path(
    te: &[f32],
    fps: f64,
    global: f64,
    start_bpm: f64,
) -> (Vec<f64>, Vec<(usize, usize)>) {
    let n = te.len();
    let Some(path) = tempo_path(te, fps, global) else {
        return (local_periods(te, fps, global), vec![(0, n)]);
    };
    let stretches = stretches_of(&path, fps);
    if stretches.len() == 1 {
        return (local_periods(te, fps, global), stretches);
    }
    let periods = stretches
        .iter()
        .flat_map(|&(lo, hi)| {
            let here = median(&path[lo..hi]);
            let level = global_period(&te[lo..hi], fps, start_bpm)
                .map_or(here, |(own, _)| on_level_of(here, own));
            local_periods(&te[lo..hi], fps, level)
        })
        .collect();
    (periods, stretches)
}

/// For each stretch, the run whose beats fit it best (drum evidence × steadiness × tempo
/// prior × the accents met; the first run wins ties), so that the level after a step is chosen as freshly as
/// at the start of a steady track; then, when that run's off-beats are struck nearly as
/// loud as its beats and a run twice as fast fits almost as well, the faster run (see
/// [`TOO_SLOW_OFF_BEATS`]); and when two neighbouring stretches' runs then step by a ratio
/// no song steps by (half, twice, up by half), the runs of all stretches chosen together
/// (see [`plausible_steps`]). Returns (first frame, end frame, run) per stretch.
fn choose_levels(
    stretches: &[(usize, usize)],
    stretch_periods: &[f64],
    tracked: &[Option<Vec<usize>>],
    runs: &[(f64, &[f32])],
    evidence: &Evidence<'_>,
    fps: f64,
) -> Vec<(usize, usize, usize)> {
    let mut chosen = Vec::with_capacity(stretches.len());
    // Per chosen stretch: every run's (run, tempo heard, score), the chosen run's score
    // raised to the best one's, and the chosen run's tempo.
    let mut options: Vec<StretchOptions> = Vec::with_capacity(stretches.len());
    for (&(lo, hi), &period) in stretches.iter().zip(stretch_periods) {
        // (run, tempo heard, score) of every run whose level is in range here.
        let mut scored: Vec<(usize, f64, f64)> = Vec::new();
        for (k, beats) in tracked.iter().enumerate() {
            let Some(beats) = beats else { continue };
            let bpm = 60.0 * fps / (period * runs[k].0);
            if !in_range(bpm) {
                continue;
            }
            let inside = beats_within(beats, lo, hi);
            // The prior weighs the tempo the beats have: a run asked for one tempo can
            // settle on another (every second beat of a faster one, say).
            let heard = beats_bpm(&inside, fps).unwrap_or(bpm);
            let score = evidence.fit_within(beats, lo, hi)
                * regularity(&inside, STEADY_FRAMES)
                * tempo_prior(heard)
                * evidence.accents(beats, lo, hi);
            scored.push((k, heard, score));
        }
        let best = |cands: &mut dyn Iterator<Item = &(usize, f64, f64)>| {
            cands.fold(None, |b: Option<(usize, f64, f64)>, &c| {
                if b.is_none_or(|(_, _, s)| c.2 > s + 1e-12) {
                    Some(c)
                } else {
                    b
                }
            })
        };
        let Some((k, heard, score)) = best(&mut scored.iter()) else {
            continue;
        };
        let faster = best(
            &mut scored
                .iter()
                .filter(|c| (c.1 / (2.0 * heard)).ln().abs() < DOUBLE_TOLERANCE),
        );
        let k = match faster {
            Some((f, _, s))
                if s >= FASTER_SHARE * score
                    && tracked[k].as_ref().is_some_and(|beats| {
                        evidence.loudness.off_beat_ratio(beats, lo, hi) >= TOO_SLOW_OFF_BEATS
                    }) =>
            {
                f
            }
            _ => k,
        };
        let heard = scored.iter().find(|c| c.0 == k).map_or(heard, |c| c.1);
        for c in scored.iter_mut().filter(|c| c.0 == k) {
            c.2 = c.2.max(score);
        }
        chosen.push((lo, hi, k));
        options.push((scored, heard, evidence.onset_rate(lo, hi)));
    }
    if let Some(runs) = plausible_steps(&options) {
        for (c, k) in chosen.iter_mut().zip(runs) {
            c.2 = k;
        }
    }
    chosen
}

/// How loud (the median off-beat over a typical unaccented beat, the 40th percentile, in
/// the drum band's unlogged rise) the off-beats of the best-fitting level must be for it
/// to count as too slow. A level whose every off-beat is struck (a chord on every beat
/// heard at half time, a four-on-the-floor kick under claps on 2 and 4) has ratios of 0.59
/// to 0.81 on the synthetic step tracks; a level whose off-beats are subdivisions
/// (hi-hats, a shaker, an open hi-hat and bass between four-on-the-floor kicks) stays at
/// or below 0.42 (a clave), and far lower for every other groove.
const TOO_SLOW_OFF_BEATS: f64 = 0.5;

/// How close (relative score) the level twice as fast must fit for a too-slow level to
/// give way to it: the faster level's own beats must also meet the drums.
const FASTER_SHARE: f64 = 0.8;

/// How far (natural log) a run's tempo may be from twice another's to count as its double.
const DOUBLE_TOLERANCE: f64 = 0.06;

/// Appends to `tracked` every run's beats moved half an interval on (the midpoints between
/// its beats), and to `runs` their levels (the same as the runs they come from).
fn add_off_beats(tracked: &mut Vec<Option<Vec<usize>>>, runs: &mut Vec<(f64, &[f32])>, fps: f64) {
    let reach = ((0.035 * fps).round() as usize).max(1);
    let off: Vec<Option<Vec<usize>>> = tracked
        .iter()
        .zip(runs.iter())
        .map(|(beats, &(_, env))| {
            beats.as_ref().map(|b| {
                let mut mid: Vec<usize> = b.windows(2).map(|w| (w[0] + w[1]) / 2).collect();
                extend_ends(&mut mid, b, env, reach);
                mid
            })
        })
        .collect();
    tracked.extend(off);
    runs.extend_from_within(..);
}

/// The off-beats `mid` of `beats` (their midpoints) also half an interval before the first
/// beat and after the last, where the envelope `env` has an onset there as high as half
/// the off-beats' median (within `reach` frames): when the programme settled on the
/// off-beats, the music's first and last beats lie outside them.
fn extend_ends(mid: &mut Vec<usize>, beats: &[usize], env: &[f32], reach: usize) {
    if mid.len() < 2 {
        return;
    }
    let top = |t: usize| -> f32 {
        let a = t.saturating_sub(reach).min(env.len());
        let z = (t + reach + 1).min(env.len());
        env[a..z].iter().copied().fold(0.0f32, f32::max)
    };
    let mut heights: Vec<f32> = mid.iter().map(|&t| top(t)).collect();
    heights.sort_by(f32::total_cmp);
    let floor = 0.5 * heights[heights.len() / 2];
    let n = beats.len();
    let before = beats[0].checked_sub((beats[1] - beats[0]) / 2);
    if let Some(t) = before.filter(|&t| top(t) >= floor && floor > 0.0) {
        mid.insert(0, t);
    }
    let after = beats[n - 1] + (beats[n - 1] - beats[n - 2]) / 2;
    if after < env.len() && top(after) >= floor && floor > 0.0 {
        mid.push(after);
    }
}

/// The tempo of `beats` (frames at `fps`, increasing) from their median interval; `None`
/// for fewer than two.
fn beats_bpm(beats: &[usize], fps: f64) -> Option<f64> {
    let ibi: Vec<f64> = beats.windows(2).map(|w| (w[1] - w[0]) as f64).collect();
    (!ibi.is_empty()).then(|| 60.0 * fps / median(&ibi))
}

/// Stretches shorter than this (seconds) join the one before them.
const MIN_STRETCH_S: f64 = 8.0;

/// The stretches (frame ranges, covering every frame) between the tempo path's steps: the
/// frames where the period changes by more than 4 % from one frame to the next.
fn stretches_of(periods: &[f64], fps: f64) -> Vec<(usize, usize)> {
    let n = periods.len();
    let min_len = (MIN_STRETCH_S * fps) as usize;
    let mut starts = vec![0usize];
    for t in 1..n {
        if (periods[t] / periods[t - 1] - 1.0).abs() > 0.04 {
            if t - starts[starts.len() - 1] < min_len {
                // Too short: the stretch before absorbs it (the first keeps frame 0).
                if starts.len() > 1 {
                    starts.pop();
                } else {
                    continue;
                }
            }
            starts.push(t);
        }
    }
    if starts.len() > 1 && n - starts[starts.len() - 1] < min_len {
        starts.pop();
    }
    starts
        .iter()
        .enumerate()
        .map(|(k, &a)| (a, starts.get(k + 1).copied().unwrap_or(n)))
        .collect()
}

/// The beats of each stretch from the run chosen for it; where two runs meet, a beat closer
/// than half a period to the one before it is left out.
pub(crate) fn splice(
    chosen: &[(usize, usize, usize)],
    tracked: &[Option<Vec<usize>>],
    periods: &[f64],
    runs: &[(f64, &[f32])],
) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for &(lo, hi, k) in chosen {
        let Some(beats) = &tracked[k] else { continue };
        for &b in beats.iter().filter(|b| (lo..hi).contains(*b)) {
            let too_close = out
                .last()
                .is_some_and(|&last| ((b - last) as f64) < 0.5 * periods[b] * runs[k].0);
            if !too_close {
                out.push(b);
            }
        }
    }
    out
}

/// How far (seconds) either side of a step of the tempo path the beats may still keep the
/// other side's period: the path places a step only to a second or so.
pub(crate) const STEP_REACH_S: f64 = 2.0;

/// The period before and the period after each step at every frame: within
/// [`STEP_REACH_S`] of a step between stretches, the old side's and the new side's periods
/// (the beats step from one to the other once, where they fit best); elsewhere the frame's
/// own, twice.
fn around_steps(periods: &[f64], stretches: &[(usize, usize)], fps: f64) -> (Vec<f64>, Vec<f64>) {
    let mut old = periods.to_vec();
    let mut new = periods.to_vec();
    let reach = (STEP_REACH_S * fps).round() as usize;
    for w in stretches.windows(2) {
        let step = w[1].0;
        let (before, after) = (periods[step - 1], periods[step]);
        let zone = step.saturating_sub(reach).max(w[0].0)..(step + reach).min(w[1].1);
        for t in zone {
            old[t] = before;
            new[t] = after;
        }
    }
    (old, new)
}

/// The median of `v` (not empty).
pub(crate) fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    s[s.len() / 2]
}

/// The period `period` (frames) moved onto the metrical level of `own` (frames) when it is
/// within 8 % of a metrical relative of it (×1, 2, ½, 3, ⅓, 3/2, ⅔); otherwise as it is.
fn on_level_of(period: f64, own: f64) -> f64 {
    let best = [1.0, 2.0, 0.5, 3.0, 1.0 / 3.0, 1.5, 2.0 / 3.0]
        .into_iter()
        .map(|r| (r, (period * r / own).ln().abs()))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    match best {
        Some((r, d)) if d <= 1.08f64.ln() => period * r,
        _ => period,
    }
}

/// What a level's beats are judged by: how they meet the drum onsets (weighing by their
/// height in the logarithmic drum-band flux, squared) and the loud onsets (weighing by the
/// unlogged flux, as loud as they are).
///
/// The logarithmic flux hears the hi-hats between a slow groove's beats about as high as
/// the kick-only beats of a fast four-on-the-floor under its clap on 2 and 4, so that the
/// drum fit alone takes such a fast groove at half time; the loudness alone weighs a
/// syncopated groove's quieter beats too little. Together (the drum fit times the square
/// root of the loudness fit), the level whose every beat is a loud hit wins.
pub(crate) struct Evidence<'a> {
    drums: DrumEvidence<'a>,
    loudness: DrumEvidence<'a>,
}

impl Evidence<'_> {
    /// The evidence for `beats` in frames `lo..hi`.
    pub(crate) fn fit_within(&self, beats: &[usize], lo: usize, hi: usize) -> f64 {
        self.drums.fit_within(beats, lo, hi) * self.loudness.fit_within(beats, lo, hi).sqrt()
    }

    /// The rate of the loud onsets in frames `lo..hi`: the loudness onsets' summed weight
    /// per frame (a hit as loud as the loudest tenth counts 1, a quieter one by its
    /// height). The same music at another tempo has its onsets at the same places in the
    /// beat, so the rates either side of a step of tempo step with it, at any metrical level.
    pub(crate) fn onset_rate(&self, lo: usize, hi: usize) -> f64 {
        if hi <= lo {
            return 0.0;
        }
        self.loudness.onsets_within(lo, hi).0 / (hi - lo) as f64
    }

    /// How well `beats` in frames `lo..hi` meet the music's accents, as a factor of a level's
    /// score: 1 when they meet every one of the loudest tenth of the loud onsets, down to
    /// 1 − [`ACCENT_WEIGHT`] when they meet none (see [`DrumEvidence::accent_recall`]).
    pub(crate) fn accents(&self, beats: &[usize], lo: usize, hi: usize) -> f64 {
        1.0 - ACCENT_WEIGHT * (1.0 - self.loudness.accent_recall(beats, lo, hi))
    }
}

/// How much of a level's score its beats lose when they meet none of the music's accents.
/// The accents decide only between levels that meet the drums about equally well and are
/// not multiples of each other (every level ×2 or ×½ of the right one meets them): a funk
/// groove in 3/4 at 126 to 164 BPM fits the drums about 5 % better at its dotted quarter
/// (its snare on 2 and kick on the "and" of 3) than at its beat, whose every bar starts
/// with the loudest kick.
const ACCENT_WEIGHT: f64 = 0.5;

/// The metrical levels tried, as multiples of the autocorrelation's period (the period
/// itself first, so it wins ties).
const LEVELS: [f64; 5] = [1.0, 2.0, 0.5, 1.5, 2.0 / 3.0];

/// Tempo range of the tracked beat.
const MIN_BPM: f64 = 40.0;
const MAX_BPM: f64 = 240.0;

/// Whether `bpm` is within the tracked beat's range.
fn in_range(bpm: f64) -> bool {
    (MIN_BPM..=MAX_BPM).contains(&bpm)
}

/// A broad prior on the beat's tempo: log-normal around 120 BPM, 1.5 octaves standard
/// deviation (a tie-breaker between levels that fit the drums about equally well).
fn tempo_prior(bpm: f64) -> f64 {
    (-0.5 * ((bpm / 120.0).log2() / 1.5).powi(2)).exp()
}

/// How far (frames) a steady beat's interval may stray from its neighbours' at least: at
/// fast tempi 5 % of an interval is less than two frames of the envelope (20 ms), and a
/// beat placed a frame early followed by one a frame late is as steady as a drummer plays.
pub(crate) const STEADY_FRAMES: f64 = 2.0;

/// How steady a beat sequence is, squared: the share of its intervals within 5 % (or
/// `min_frames`) of the median of the nine intervals around them. A level that does not
/// divide the music's pattern (a dotted-quarter level under a clave) makes the beats jump
/// to the onsets, and its beats are uneven; the true level's beats stay steady even
/// through tempo ramps.
fn regularity(beats: &[usize], min_frames: f64) -> f64 {
    let ibi: Vec<f64> = beats.windows(2).map(|w| (w[1] - w[0]) as f64).collect();
    if ibi.is_empty() {
        return 0.0;
    }
    let steady = (0..ibi.len())
        .filter(|&i| {
            let mut w = ibi[i.saturating_sub(4)..(i + 5).min(ibi.len())].to_vec();
            w.sort_by(f64::total_cmp);
            let m = w[w.len() / 2];
            (ibi[i] - m).abs() <= (0.05 * m).max(min_frames)
        })
        .count();
    (steady as f64 / ibi.len() as f64).powi(2)
}
