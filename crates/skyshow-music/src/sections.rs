//! Tempo sections: the beats split into stretches of constant tempo ("100.0 BPM from 0:00,
//! 120.0 BPM from 2:30"), by the best piecewise-constant fit to the logarithm of the beat
//! intervals.

use crate::beats::BeatAnalysis;

/// A stretch of the music at one tempo.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TempoSection {
    /// Its first beat, seconds (the beat from which the intervals are at this tempo).
    pub start_s: f64,
    /// Its tempo: the mean of its beat intervals (those within 15 % of their median).
    pub bpm: f64,
    /// Index of its first beat in the analysis's `beats_s`.
    pub first_beat: usize,
    /// How many beats it has.
    pub beats: usize,
}

/// Intervals a section has at the least (so one odd interval is never a section).
const MIN_INTERVALS: usize = 4;
/// Sections of fewer intervals than this join a neighbour.
const MIN_HEARD: usize = 8;
/// Adjacent sections closer in tempo than this (relative) are one.
const MIN_STEP: f64 = 0.03;
/// The smallest noise assumed in the log intervals (0.4 %): even perfectly steady beats
/// are not split on rounding.
const MIN_NOISE: f64 = 0.004;

impl BeatAnalysis {
    /// The tempo sections of the beats, in order; one for a steady tempo, none without two
    /// beats.
    pub fn sections(&self) -> Vec<TempoSection> {
        tempo_sections(&self.beats_s)
    }
}

/// The tempo sections of `beats` (seconds, increasing).
///
/// The log intervals, median-filtered over three (which removes a single missed or extra
/// beat but keeps a step where it is), are split where a change of mean lowers the squared
/// error by more than a penalty set by their noise (a BIC-like `4 σ² ln n`); sections of
/// fewer than four intervals are not allowed, neighbours within 3 % are merged, and then
/// sections of fewer than eight intervals join the neighbour nearer in tempo.
pub(crate) fn tempo_sections(beats: &[f64]) -> Vec<TempoSection> {
    if beats.len() < 2 {
        return Vec::new();
    }
    let ibi: Vec<f64> = beats.windows(2).map(|w| w[1] - w[0]).collect();
    let logs: Vec<f64> = ibi.iter().map(|d| d.max(1e-6).ln()).collect();
    let filtered: Vec<f64> = (0..logs.len())
        .map(|i| {
            let mut w = logs[i.saturating_sub(1)..(i + 2).min(logs.len())].to_vec();
            w.sort_by(f64::total_cmp);
            w[w.len() / 2]
        })
        .collect();
    let cuts = segment(&filtered, penalty(&logs));
    let mut bounds: Vec<(usize, usize)> = cuts.windows(2).map(|w| (w[0], w[1])).collect();
    // Merge neighbours whose tempi are within MIN_STEP, closest pair first; then sections
    // too short to be heard as a tempo of their own (the beats of a tracker settling into a
    // new tempo) join the neighbour nearer in tempo. Merging `k` means joining sections
    // `k - 1` and `k`.
    loop {
        let tempo: Vec<f64> = bounds
            .iter()
            .map(|&(a, b)| mean_interval(&ibi[a..b]))
            .collect();
        let gap = |k: usize| (tempo[k] / tempo[k - 1]).ln().abs();
        let close = (1..bounds.len())
            .filter(|&k| gap(k) < MIN_STEP)
            .min_by(|&x, &y| gap(x).total_cmp(&gap(y)));
        let short = (0..bounds.len())
            .filter(|&k| bounds.len() > 1 && bounds[k].1 - bounds[k].0 < MIN_HEARD)
            .min_by_key(|&k| bounds[k].1 - bounds[k].0)
            .map(|k| {
                if k == 0 {
                    1
                } else if k + 1 < bounds.len() && gap(k + 1) < gap(k) {
                    k + 1
                } else {
                    k
                }
            });
        let Some(k) = close.or(short) else { break };
        bounds[k - 1].1 = bounds[k].1;
        bounds.remove(k);
    }
    bounds
        .into_iter()
        .map(|(a, b)| TempoSection {
            start_s: beats[a],
            bpm: 60.0 / mean_interval(&ibi[a..b]),
            first_beat: a,
            beats: if b == ibi.len() { b - a + 1 } else { b - a },
        })
        .collect()
}

/// The penalty for one more section: `4 σ² ln n`, with σ the noise of the log intervals
/// estimated from their successive differences (median absolute difference / (0.6745 √2)).
fn penalty(logs: &[f64]) -> f64 {
    let mut d: Vec<f64> = logs.windows(2).map(|w| (w[1] - w[0]).abs()).collect();
    let sigma = if d.is_empty() {
        MIN_NOISE
    } else {
        d.sort_by(f64::total_cmp);
        (d[d.len() / 2] / (0.6745 * 2f64.sqrt())).max(MIN_NOISE)
    };
    4.0 * sigma * sigma * (logs.len().max(2) as f64).ln()
}

/// The optimal segmentation of `x` into runs of at least [`MIN_INTERVALS`] (or one run when
/// it is shorter), minimising the squared error about each run's mean plus `penalty` per
/// run; returns the cut positions, from 0 to `x.len()`.
fn segment(x: &[f64], penalty: f64) -> Vec<usize> {
    let n = x.len();
    if n < 2 * MIN_INTERVALS {
        return vec![0, n];
    }
    let mut s1 = vec![0.0f64; n + 1];
    let mut s2 = vec![0.0f64; n + 1];
    for (i, v) in x.iter().enumerate() {
        s1[i + 1] = s1[i] + v;
        s2[i + 1] = s2[i] + v * v;
    }
    let cost = |a: usize, b: usize| -> f64 {
        let m = (b - a) as f64;
        let s = s1[b] - s1[a];
        (s2[b] - s2[a] - s * s / m).max(0.0)
    };
    let mut best = vec![f64::INFINITY; n + 1];
    let mut from = vec![0usize; n + 1];
    best[0] = 0.0;
    for b in MIN_INTERVALS..=n {
        for a in 0..=b - MIN_INTERVALS {
            if !best[a].is_finite() {
                continue;
            }
            let v = best[a] + cost(a, b) + penalty;
            if v < best[b] {
                best[b] = v;
                from[b] = a;
            }
        }
    }
    let mut cuts = vec![n];
    let mut b = n;
    while b > 0 {
        b = from[b];
        cuts.push(b);
    }
    cuts.reverse();
    cuts
}

/// The mean of the intervals within 15 % of their median (a missed beat's double interval
/// and an extra beat's halves left out).
fn mean_interval(ibi: &[f64]) -> f64 {
    let mut s = ibi.to_vec();
    s.sort_by(f64::total_cmp);
    let med = s[s.len() / 2];
    let kept: Vec<f64> = ibi
        .iter()
        .copied()
        .filter(|d| (d / med - 1.0).abs() <= 0.15)
        .collect();
    kept.iter().sum::<f64>() / kept.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Beats at `bpm1` from 0, then at `bpm2` from beat `at`, with a wobble of ±`jitter` s.
    fn beats(bpm1: f64, bpm2: f64, at: usize, n: usize, jitter: f64) -> Vec<f64> {
        let mut t = 0.0;
        (0..n)
            .map(|i| {
                let here = t + jitter * ((i * 7919 % 13) as f64 / 6.0 - 1.0);
                t += 60.0 / if i < at { bpm1 } else { bpm2 };
                here
            })
            .collect()
    }

    #[test]
    fn a_step_gives_two_sections_at_the_right_beat() {
        let b = beats(100.0, 120.0, 250, 550, 0.008);
        let s = tempo_sections(&b);
        assert_eq!(s.len(), 2, "{s:?}");
        assert!((s[0].bpm - 100.0).abs() < 0.1, "{s:?}");
        assert!((s[1].bpm - 120.0).abs() < 0.1, "{s:?}");
        assert_eq!(s[1].first_beat, 250, "{s:?}");
        assert_eq!(s[0].beats + s[1].beats, 550);
    }

    #[test]
    fn steady_beats_with_a_missed_one_are_one_section() {
        let mut b = beats(128.0, 128.0, 0, 200, 0.01);
        b.remove(77);
        let s = tempo_sections(&b);
        assert_eq!(s.len(), 1, "{s:?}");
        assert!((s[0].bpm - 128.0).abs() < 0.2, "{s:?}");
        assert_eq!(s[0].start_s, 0.0 + b[0]);
    }

    #[test]
    fn a_few_settling_beats_join_a_neighbour() {
        // 110 BPM, then four intervals at 118, then 154 BPM.
        let mut b = beats(110.0, 110.0, 0, 44, 0.0);
        let mut t = *b.last().unwrap();
        for _ in 0..4 {
            t += 60.0 / 118.0;
            b.push(t);
        }
        for _ in 0..60 {
            t += 60.0 / 154.0;
            b.push(t);
        }
        let s = tempo_sections(&b);
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[1].first_beat, 47, "{s:?}");
    }

    #[test]
    fn small_steps_merge_and_tiny_inputs_work() {
        let s = tempo_sections(&beats(120.0, 122.0, 50, 100, 0.0));
        assert_eq!(s.len(), 1, "2 BPM is not a new section: {s:?}");
        assert!(tempo_sections(&[1.0]).is_empty());
        assert_eq!(tempo_sections(&[1.0, 1.5, 2.0]).len(), 1);
    }
}
