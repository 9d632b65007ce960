//! Tempo from the autocorrelation of the onset envelope, weighted by a log-Gaussian prior
//! (as librosa's `tempo`), globally and on overlapping windows for a local tempo.

/// The envelope blurred by a Gaussian (σ = 1.5 frames), so that a period between two whole
/// lags still shows as one peak rather than two half peaks.
pub(crate) fn smooth(x: &[f32]) -> Vec<f32> {
    let x: Vec<f32> = x.iter().map(|v| v.max(0.0).powf(EXPONENT)).collect();
    let k: Vec<f32> = (-4i32..=4)
        .map(|i| (-0.5 * (i as f32 / 1.5).powi(2)).exp())
        .collect();
    let norm: f32 = k.iter().sum();
    (0..x.len())
        .map(|i| {
            k.iter()
                .enumerate()
                .filter_map(|(j, w)| {
                    let idx = (i + j).checked_sub(4)?;
                    x.get(idx).map(|v| v * w)
                })
                .sum::<f32>()
                / norm
        })
        .collect()
}

/// Compression of the envelope before the autocorrelation.
const EXPONENT: f32 = 0.5;

/// Autocorrelation of `x` at lags `lo..=hi` (unnormalised; lags past the end give 0).
fn acf(x: &[f32], lo: usize, hi: usize) -> Vec<f64> {
    (lo..=hi)
        .map(|lag| {
            if lag >= x.len() {
                return 0.0;
            }
            x[lag..]
                .iter()
                .zip(x)
                .map(|(a, b)| f64::from(*a) * f64::from(*b))
                .sum::<f64>()
        })
        .collect()
}

/// The best period in frames (fractional, by parabolic refinement) among lags `lo..=hi`,
/// weighted by `exp(-½ (log2(lag / centre) / std_octaves)²)`, with the peak's weighted
/// score relative to the zero-lag energy.
fn best_period(
    x: &[f32],
    lo: usize,
    hi: usize,
    centre: f64,
    std_octaves: f64,
) -> Option<(f64, f64)> {
    let lo = lo.max(1);
    if hi < lo || x.len() <= lo + 2 {
        return None;
    }
    let a = acf(x, lo.saturating_sub(1).max(1), hi + 1);
    let off = lo.saturating_sub(1).max(1);
    let energy: f64 = x.iter().map(|v| f64::from(*v) * f64::from(*v)).sum();
    if energy <= 0.0 {
        return None;
    }
    let mut best: Option<(usize, f64)> = None;
    for lag in lo..=hi {
        let v = a[lag - off];
        let w = (-(0.5) * ((lag as f64 / centre).log2() / std_octaves).powi(2)).exp();
        let s = v * w;
        if best.is_none_or(|(_, bs)| s > bs) {
            best = Some((lag, s));
        }
    }
    let (lag, score) = best?;
    // Parabolic refinement on the raw autocorrelation.
    let i = lag - off;
    let mut p = lag as f64;
    if i >= 1 && i + 1 < a.len() {
        let (y0, y1, y2) = (a[i - 1], a[i], a[i + 1]);
        let den = y0 - 2.0 * y1 + y2;
        if den < 0.0 {
            let d = 0.5 * (y0 - y2) / den;
            if d.abs() <= 1.0 {
                p += d;
            }
        }
    }
    Some((p, score / energy))
}

/// Global tempo: the period in frames of the envelope, with a prior around `start_bpm`
/// (one octave wide) over 30–300 BPM, and how periodic the envelope is (0..1).
///
/// On tracks longer than 12 s the period is the median of the estimates on 8 s windows
/// (every 2 s), so that a tempo change does not make a common multiple of both periods win.
pub(crate) fn global_period(env: &[f32], fps: f64, start_bpm: f64) -> Option<(f64, f64)> {
    let env = &smooth(env);
    let lo = (fps * 60.0 / 300.0).floor() as usize;
    let hi = (fps * 60.0 / 30.0).ceil() as usize;
    let centre = fps * 60.0 / start_bpm;
    let (whole, periodicity) =
        best_period(env, lo, hi.min(env.len().saturating_sub(2)), centre, 1.0)?;
    let win = (8.0 * fps).round() as usize;
    let hop = (2.0 * fps).round().max(1.0) as usize;
    if env.len() < (12.0 * fps) as usize {
        return Some((whole, periodicity));
    }
    let mut periods: Vec<f64> = (0..=(env.len() - win) / hop)
        .filter_map(|k| {
            best_period(
                &env[k * hop..k * hop + win],
                lo,
                hi.min(win / 2),
                centre,
                1.0,
            )
        })
        .filter(|(_, s)| *s > 0.05)
        .map(|(p, _)| p)
        .collect();
    if periods.is_empty() {
        return Some((whole, periodicity));
    }
    periods.sort_by(f64::total_cmp);
    Some((periods[periods.len() / 2], periodicity))
}

/// Local period per frame: tempo re-estimated on 8 s windows every 2 s, within ±0.6 octave
/// of `global` (so it never jumps an octave), median-filtered, interpolated linearly.
pub(crate) fn local_periods(env: &[f32], fps: f64, global: f64) -> Vec<f64> {
    let env = &smooth(env);
    let n = env.len();
    let win = (8.0 * fps).round() as usize;
    let hop = (2.0 * fps).round().max(1.0) as usize;
    if n < win + hop {
        return vec![global; n];
    }
    let lo = (global * 2f64.powf(-0.6)).floor() as usize;
    let hi = (global * 2f64.powf(0.6)).ceil() as usize;
    let mut centres = Vec::new();
    let mut periods = Vec::new();
    let mut start = 0;
    while start + win <= n {
        let seg = &env[start..start + win];
        let p = best_period(seg, lo, hi, global, 0.5).map_or(global, |(p, _)| p);
        centres.push(start + win / 2);
        periods.push(p);
        start += hop;
    }
    // Median of three against single-window outliers.
    let smoothed: Vec<f64> = (0..periods.len())
        .map(|i| {
            let mut w: Vec<f64> = periods[i.saturating_sub(1)..(i + 2).min(periods.len())].to_vec();
            w.sort_by(f64::total_cmp);
            w[w.len() / 2]
        })
        .collect();
    let mut out = Vec::with_capacity(n);
    let mut k = 0;
    for t in 0..n {
        while k + 1 < centres.len() && centres[k + 1] <= t {
            k += 1;
        }
        let p = if t <= centres[0] {
            smoothed[0]
        } else if k + 1 >= centres.len() {
            smoothed[centres.len() - 1]
        } else {
            let f = (t - centres[k]) as f64 / (centres[k + 1] - centres[k]) as f64;
            smoothed[k] * (1.0 - f) + smoothed[k + 1] * f
        };
        out.push(p);
    }
    out
}

/// Other candidate beat periods (frames): the highest local maxima of the envelope's
/// autocorrelation (per overlapping frame, no tempo prior) between `min_bpm` and
/// `max_bpm`, at least half the highest, at most `max_count`, strongest first.
pub(crate) fn acf_peaks(
    env: &[f32],
    fps: f64,
    min_bpm: f64,
    max_bpm: f64,
    max_count: usize,
) -> Vec<f64> {
    let env = &smooth(env);
    let lo = ((fps * 60.0 / max_bpm).floor() as usize).max(2);
    let hi = ((fps * 60.0 / min_bpm).ceil() as usize).min(env.len().saturating_sub(2));
    if hi <= lo + 2 {
        return Vec::new();
    }
    let a: Vec<f64> = acf(env, lo - 1, hi + 1)
        .into_iter()
        .enumerate()
        .map(|(i, v)| v / (env.len() - (lo - 1 + i)).max(1) as f64)
        .collect();
    let mut peaks: Vec<(f64, f64)> = (1..a.len() - 1)
        .filter(|&i| a[i] > a[i - 1] && a[i] >= a[i + 1])
        .map(|i| {
            let den = a[i - 1] - 2.0 * a[i] + a[i + 1];
            let d = if den < 0.0 {
                (0.5 * (a[i - 1] - a[i + 1]) / den).clamp(-1.0, 1.0)
            } else {
                0.0
            };
            ((lo - 1 + i) as f64 + d, a[i])
        })
        .collect();
    let max = peaks.iter().map(|p| p.1).fold(0.0, f64::max);
    peaks.retain(|p| p.1 >= 0.5 * max);
    peaks.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.total_cmp(&y.0)));
    peaks.into_iter().take(max_count).map(|p| p.0).collect()
}
