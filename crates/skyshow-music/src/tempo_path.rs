//! The tempo path: the beat period at every moment of the music, following steps of tempo
//! (up or down by any ratio a song has) while staying on one metrical level.
//!
//! Every quarter second, a 6 s window of the onset envelope gives each tempo on a log grid
//! its evidence: the geometric mean of the window's autocorrelation at the beat period
//! (high at the period and its multiples) and of its Fourier magnitude at the beat
//! frequency (high at the frequency and its multiples), so that only the period itself
//! scores high in both. A Viterbi over (time, tempo) then finds the most likely path: the
//! tempo may drift a grid step at a time cheaply, may step to any other tempo at a cost,
//! and never steps to ½, ⅔, 3/2 or 2 of itself (the same music heard at another metrical
//! level). The path's steps split the music into stretches of steady tempo; the beat
//! tracker takes the tempo within each from its own estimator and chooses each stretch's
//! metrical level afresh.

use crate::tempo::smooth;

/// Tempo range of the path, BPM.
const MIN_BPM: f64 = 40.0;
const MAX_BPM: f64 = 240.0;
/// Tempo grid steps between `MIN_BPM` and `MAX_BPM` (1.2 % apart).
const STATES: usize = 151;
/// Seconds between the path's points.
const HOP_S: f64 = 0.25;
/// Length of the window each point's evidence is measured on, seconds.
const WINDOW_S: f64 = 6.0;
/// Cost (in natural-log units of evidence) of a drift by one grid step: a drift of 8 grid
/// steps (10 %) costs as much as a step. At half this, a funk groove stepping from 102.4
/// down to 71.6 BPM drifted within two seconds to 95.5 (4/3 of the new tempo, where a
/// groove with a kick three sixteenths after the beat has evidence as high as at its beat)
/// for 6 grid steps' cost, stayed there 23 s and stepped to 71.6 only later, and its beats
/// after the step were found at F 0.58. The tempo ramps of the sets drift at most a grid
/// step every 1.6 s (0.15 a point) and are followed as before.
const DRIFT_COST: f64 = 1.0;
/// Grid steps the tempo may drift between two points at `DRIFT_COST` each.
const MAX_DRIFT: usize = 2;
/// Cost of a step to any other tempo.
const STEP_COST: f64 = 8.0;
/// The metrical relatives (new tempo over old) the path never steps to: the same music at
/// another level. A real step by about these ratios (150 → 100 BPM) is followed at another
/// level (150 → 200) and set right by the level chosen for each stretch.
const LEVEL_RATIOS: [f64; 4] = [0.5, 2.0 / 3.0, 1.5, 2.0];
/// How close (relative) a ratio must be to a metrical relative to count as one.
const LEVEL_TOLERANCE: f64 = 0.04;
/// Floor of the evidence before its logarithm, relative to the strongest evidence of the
/// music (the 90th percentile of the windows' best): a window with little rhythm scores all
/// tempi nearly alike and moves the path little.
const EVIDENCE_FLOOR: f64 = 0.05;
/// How far (octaves) the path may go from the whole envelope's tempo.
const RANGE_OCTAVES: f64 = 1.25;

/// The tempo of grid state `j`, BPM.
fn bpm_of(j: f64) -> f64 {
    MIN_BPM * (MAX_BPM / MIN_BPM).powf(j / (STATES - 1) as f64)
}

/// The beat period (frames) at every frame of `env` (a normalised onset envelope at `fps`
/// frames per second), along the most likely tempo path within [`RANGE_OCTAVES`] of the
/// whole envelope's period `global` (frames); `None` when the envelope is too short (under
/// one window) or has no periodicity at all.
pub(crate) fn tempo_path(env: &[f32], fps: f64, global: f64) -> Option<Vec<f64>> {
    let x = smooth(env);
    let n = x.len();
    let hop = ((HOP_S * fps).round() as usize).max(1);
    let half = ((0.5 * WINDOW_S * fps).round() as usize).max(1);
    if n < 2 * half {
        return None;
    }
    let centres: Vec<usize> = (0..n.div_ceil(hop)).map(|k| k * hop).collect();
    let periods: Vec<f64> = (0..STATES).map(|j| 60.0 * fps / bpm_of(j as f64)).collect();
    let evidence: Vec<Vec<f64>> = {
        use rayon::prelude::*;
        centres
            .par_iter()
            .map(|&c| window_evidence(&x, c, half, &periods))
            .collect()
    };
    if evidence.iter().all(|e| e.iter().all(|v| *v <= 0.0)) {
        return None;
    }
    // Only tempi within 1.25 octaves of the whole envelope's: a step of 40 % either way
    // twice over fits, a wander to a third or three times the tempo on weak evidence does not.
    let centre = 60.0 * fps / global;
    let allowed: Vec<bool> = (0..STATES)
        .map(|j| (bpm_of(j as f64) / centre).log2().abs() <= RANGE_OCTAVES)
        .collect();
    let path = viterbi(&evidence, &allowed);
    let refined = refine(&path, &evidence);
    // Each frame takes the period of the nearest point of the path.
    Some(
        (0..n)
            .map(|t| {
                let k = ((t + hop / 2) / hop).min(refined.len() - 1);
                60.0 * fps / bpm_of(refined[k])
            })
            .collect(),
    )
}

/// The evidence of every grid tempo in the window of `half` frames either side of `c`: the
/// geometric mean of the normalised autocorrelation at the period and of the normalised
/// Fourier magnitude at the frequency, of the Hann-weighted, mean-removed envelope.
fn window_evidence(x: &[f32], c: usize, half: usize, periods: &[f64]) -> Vec<f64> {
    let n = x.len();
    // Near the ends the window keeps its length and moves inward: a window cut short by the
    // end of the music would weigh its lags unevenly.
    let c = c.clamp(half, n - half);
    let a = c - half;
    let b = c + half;
    let w: Vec<f64> = (a..b)
        .map(|t| {
            let u = (t as f64 - c as f64) / half as f64;
            0.5 + 0.5 * (std::f64::consts::PI * u).cos()
        })
        .collect();
    let wsum: f64 = w.iter().sum();
    let mean = (a..b).map(|t| w[t - a] * f64::from(x[t])).sum::<f64>() / wsum.max(1e-12);
    let y = |t: usize| -> f64 { x.get(t).map_or(0.0, |v| f64::from(*v) - mean) };
    let energy: f64 = (a..b).map(|t| w[t - a] * y(t).powi(2)).sum();
    let mass: f64 = (a..b).map(|t| w[t - a] * y(t).abs()).sum();
    if energy <= 1e-12 || mass <= 1e-12 {
        return vec![0.0; periods.len()];
    }
    let max_lag = periods.iter().copied().fold(0.0, f64::max).ceil() as usize + 1;
    let min_lag = periods
        .iter()
        .copied()
        .fold(f64::INFINITY, f64::min)
        .floor() as usize;
    // The mean-removed envelope from the window's start to its end plus the longest lag
    // (zero past the music's end), and its Hann-weighted values within the window.
    let yv: Vec<f64> = (a..b + max_lag + 1).map(y).collect();
    let wy: Vec<f64> = (0..b - a).map(|i| w[i] * yv[i]).collect();
    let acf: Vec<f64> = (0..=max_lag)
        .map(|lag| {
            if lag < min_lag.saturating_sub(1) {
                return 0.0;
            }
            let m = (b - a).min(n.saturating_sub(a + lag));
            wy[..m]
                .iter()
                .zip(&yv[lag..lag + m])
                .map(|(u, v)| u * v)
                .sum::<f64>()
                / energy
        })
        .collect();
    let magnitudes = goertzel(&wy, periods);
    periods
        .iter()
        .zip(magnitudes)
        .map(|(&p, magnitude)| {
            let i = p.floor() as usize;
            let f = p - i as f64;
            let r = acf[i] * (1.0 - f) + acf[(i + 1).min(max_lag)] * f;
            let d = magnitude / mass;
            (r.max(0.0) * d).sqrt()
        })
        .collect()
}

/// The Fourier magnitude of `x` at the frequency 1/p (cycles a sample) of every period in
/// `periods`, by Goertzel's recurrence (one multiplication a sample), four frequencies at a
/// time so that their recurrences run side by side.
fn goertzel(x: &[f64], periods: &[f64]) -> Vec<f64> {
    const LANES: usize = 4;
    let mut out = Vec::with_capacity(periods.len());
    for chunk in periods.chunks(LANES) {
        let mut coeff = [0.0f64; LANES];
        for (c, p) in coeff.iter_mut().zip(chunk) {
            *c = 2.0 * (std::f64::consts::TAU / p).cos();
        }
        let (mut s1, mut s2) = ([0.0f64; LANES], [0.0f64; LANES]);
        for v in x {
            for ((c, a), b) in coeff.iter().zip(&mut s1).zip(&mut s2) {
                let s0 = v + c * *a - *b;
                *b = *a;
                *a = s0;
            }
        }
        for ((c, a), b) in coeff.iter().zip(&s1).zip(&s2).take(chunk.len()) {
            let power = (a * a + b * b - c * a * b).max(0.0);
            out.push(power.sqrt());
        }
    }
    out
}

/// Whether going from state `i` to state `j` is a step to a metrical relative.
fn is_level_step(i: usize, j: usize) -> bool {
    let r = bpm_of(j as f64) / bpm_of(i as f64);
    LEVEL_RATIOS
        .iter()
        .any(|q| (r / q - 1.0).abs() <= LEVEL_TOLERANCE)
}

/// The cost of going from state `i` to state `j`: a drift, a step, or (to a metrical
/// relative) never.
fn transition_cost(i: usize, j: usize) -> f64 {
    let d = i.abs_diff(j);
    if d <= MAX_DRIFT {
        DRIFT_COST * d as f64
    } else if is_level_step(i, j) {
        f64::INFINITY
    } else {
        STEP_COST
    }
}

/// The score of a point's evidence: its logarithm above a floor (a share of the music's
/// strongest evidence), minus infinity at the states not `allowed`.
fn scorer<'a>(evidence: &[Vec<f64>], allowed: &'a [bool]) -> impl Fn(&[f64]) -> Vec<f64> + 'a {
    let mut best: Vec<f64> = evidence
        .iter()
        .map(|e| e.iter().copied().fold(0.0, f64::max))
        .collect();
    best.sort_by(f64::total_cmp);
    let floor = EVIDENCE_FLOOR * best[(best.len() - 1) * 9 / 10].max(1e-12);
    move |e: &[f64]| -> Vec<f64> {
        e.iter()
            .zip(allowed)
            .map(|(v, ok)| {
                if *ok {
                    (v + floor).ln()
                } else {
                    f64::NEG_INFINITY
                }
            })
            .collect()
    }
}

/// The most likely state at every point: the log of each point's evidence relative to its
/// best tempo, summed along the path, minus the costs of drifts and steps.
fn viterbi(evidence: &[Vec<f64>], allowed: &[bool]) -> Vec<usize> {
    let s = STATES;
    let cost: Vec<f64> = (0..s * s).map(|k| transition_cost(k / s, k % s)).collect();
    let score = scorer(evidence, allowed);
    let mut value = score(&evidence[0]);
    let mut back: Vec<Vec<u16>> = Vec::with_capacity(evidence.len());
    back.push((0..s as u16).collect());
    let mut order: Vec<usize> = (0..s).collect();
    for e in &evidence[1..] {
        let here = score(e);
        // The states by value, best first (the lower state first among equals): the best
        // step into a state is the first of them that is neither a drift nor a metrical
        // relative of it.
        order.sort_by(|&a, &b| value[b].total_cmp(&value[a]).then(a.cmp(&b)));
        let mut next = vec![f64::NEG_INFINITY; s];
        let mut from = vec![0u16; s];
        for j in 0..s {
            // The best of the drifts (the lowest state among equals) …
            let mut best: Option<(f64, usize)> = None;
            for i in j.saturating_sub(MAX_DRIFT)..=(j + MAX_DRIFT).min(s - 1) {
                let v = value[i] - cost[i * s + j];
                if best.is_none_or(|(b, _)| v > b) {
                    best = Some((v, i));
                }
            }
            // … against the best step, as the full maximum over every state would choose.
            if let Some(&i) = order
                .iter()
                .find(|&&i| i.abs_diff(j) > MAX_DRIFT && cost[i * s + j].is_finite())
            {
                let v = value[i] - STEP_COST;
                if best.is_none_or(|(b, k)| v > b || (v == b && i < k)) {
                    best = Some((v, i));
                }
            }
            if let Some((v, i)) = best
                && v > next[j]
            {
                next[j] = v;
                from[j] = i as u16;
            }
            next[j] += here[j];
        }
        value = next;
        back.push(from);
    }
    best_path(&value, &back)
}

/// The path back from the best final state (the lower state among equals) through the
/// states each point's state came from.
fn best_path(value: &[f64], back: &[Vec<u16>]) -> Vec<usize> {
    let mut j = (0..value.len())
        .max_by(|&a, &b| value[a].total_cmp(&value[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    let mut path = vec![0usize; back.len()];
    for k in (0..back.len()).rev() {
        path[k] = j;
        j = usize::from(back[k][j]);
    }
    path
}

/// The path as fractional grid states: each point's state refined by a parabola through
/// the log evidence of its neighbours, then the median of the nine points around it that
/// lie on the same stretch (no step between them), so steps stay sharp.
fn refine(path: &[usize], evidence: &[Vec<f64>]) -> Vec<f64> {
    let fine: Vec<f64> = path
        .iter()
        .zip(evidence)
        .map(|(&j, e)| {
            if j == 0 || j + 1 >= e.len() {
                return j as f64;
            }
            let l = |k: usize| (e[k] + 1e-9).ln();
            let (y0, y1, y2) = (l(j - 1), l(j), l(j + 1));
            let den = y0 - 2.0 * y1 + y2;
            if den < 0.0 {
                j as f64 + (0.5 * (y0 - y2) / den).clamp(-0.5, 0.5)
            } else {
                j as f64
            }
        })
        .collect();
    // Stretches: runs without a step of more than the drift allowance.
    let mut stretch = vec![0usize; path.len()];
    for k in 1..path.len() {
        stretch[k] = stretch[k - 1] + usize::from(path[k].abs_diff(path[k - 1]) > MAX_DRIFT);
    }
    (0..path.len())
        .map(|k| {
            let mut w: Vec<f64> = (k.saturating_sub(4)..(k + 5).min(path.len()))
                .filter(|&i| stretch[i] == stretch[k])
                .map(|i| fine[i])
                .collect();
            w.sort_by(f64::total_cmp);
            w[w.len() / 2]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pulse envelope with a beat every `p1` frames, then every `p2` frames from `at`.
    fn pulses(n: usize, p1: f64, p2: f64, at: usize) -> Vec<f32> {
        let mut e = vec![0.0f32; n];
        let mut t = 0.0;
        while (t as usize) < n {
            e[t as usize] = 1.0;
            t += if (t as usize) < at { p1 } else { p2 };
        }
        e
    }

    #[test]
    fn follows_a_step_of_a_third_without_changing_level() {
        // 90 → 120 BPM at 100 frames per second: 66.7 → 50 frames, stepping at 30 s.
        let e = pulses(6000, 6000.0 / 90.0, 6000.0 / 120.0, 3000);
        let p = tempo_path(&e, 100.0, 6000.0 / 105.0).unwrap();
        let bpm = |t: usize| 6000.0 / p[t];
        assert!((bpm(1000) / 90.0 - 1.0).abs() < 0.02, "{}", bpm(1000));
        assert!((bpm(5000) / 120.0 - 1.0).abs() < 0.02, "{}", bpm(5000));
        // The step is placed within a second of where it is.
        let step = (1..p.len())
            .find(|&t| (p[t] / p[t - 1] - 1.0).abs() > 0.1)
            .unwrap();
        assert!(step.abs_diff(3000) <= 100, "step at frame {step}");
    }

    /// The Viterbi as first written: the full maximum over every state for every state.
    fn viterbi_full(evidence: &[Vec<f64>], allowed: &[bool]) -> Vec<usize> {
        let s = STATES;
        let cost = transition_cost;
        let score = scorer(evidence, allowed);
        let mut value = score(&evidence[0]);
        let mut back: Vec<Vec<u16>> = vec![(0..s as u16).collect()];
        for e in &evidence[1..] {
            let here = score(e);
            let mut next = vec![f64::NEG_INFINITY; s];
            let mut from = vec![0u16; s];
            for j in 0..s {
                for (i, vi) in value.iter().enumerate() {
                    let v = vi - cost(i, j);
                    if v > next[j] {
                        next[j] = v;
                        from[j] = i as u16;
                    }
                }
                next[j] += here[j];
            }
            value = next;
            back.push(from);
        }
        best_path(&value, &back)
    }

    #[test]
    fn the_banded_viterbi_is_the_full_maximum() {
        // Evidence with two tempi, noise and ties (quantised values), some states barred.
        let mut seed = 7u64;
        let mut rnd = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 40) as f64 / (1u64 << 24) as f64
        };
        for case in 0..6 {
            let evidence: Vec<Vec<f64>> = (0..120)
                .map(|k| {
                    let centre = if k < 60 {
                        60.0
                    } else {
                        60.0 + 10.0 * case as f64
                    };
                    (0..STATES)
                        .map(|j| {
                            let d = (j as f64 - centre) / 3.0;
                            let v = (-0.5 * d * d).exp() + 0.3 * rnd();
                            if case % 2 == 0 {
                                (v * 8.0).round() / 8.0
                            } else {
                                v
                            }
                        })
                        .collect()
                })
                .collect();
            let allowed: Vec<bool> = (0..STATES).map(|j| case < 3 || j % 17 != 0).collect();
            assert_eq!(
                viterbi(&evidence, &allowed),
                viterbi_full(&evidence, &allowed),
                "case {case}"
            );
        }
    }

    #[test]
    fn metrical_relatives_are_the_listed_ratios() {
        let j = 75;
        let up = (0..STATES)
            .filter(|&k| is_level_step(j, k))
            .map(|k| bpm_of(k as f64) / bpm_of(j as f64))
            .collect::<Vec<_>>();
        assert!(!up.is_empty());
        for r in up {
            assert!(
                LEVEL_RATIOS.iter().any(|q| (r / q - 1.0).abs() <= 0.04),
                "{r}"
            );
        }
        assert!(!is_level_step(j, j + 20), "a 27 % step is not a level");
    }
}
