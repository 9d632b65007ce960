//! Spectral-flux onset strength: STFT, log magnitude, positive differences.

use rustfft::FftPlanner;
use rustfft::num_complex::Complex;

use crate::band_flux::BandFlux;

/// Onset strength per analysis frame.
#[derive(Debug, Clone, PartialEq)]
pub struct OnsetEnvelope {
    /// Frames per second.
    pub fps: f64,
    /// Spectral flux (mean positive log-magnitude difference over all bins) per frame; frame
    /// `i` is centred at `i / fps` seconds.
    pub strength: Vec<f32>,
    /// The same flux over the bins below 200 Hz (kick drums, bass): downbeat evidence.
    pub low: Vec<f32>,
    /// The same flux over the bins below 4 kHz (drums without cymbals): tempo evidence.
    pub low_mid: Vec<f32>,
    /// The rise of the band magnitudes below 4 kHz, unlogged: how much louder the drums got.
    /// The logarithmic flux above hears a quiet hi-hat between beats almost as well as a
    /// kick; this one weighs each onset by its loudness, and tells the metrical level's
    /// loud hits (kick, snare, clap, a struck chord) from its quiet subdivisions.
    pub energy: Vec<f32>,
}

impl OnsetEnvelope {
    /// The time of frame `i` in seconds.
    pub fn time_s(&self, i: usize) -> f64 {
        i as f64 / self.fps
    }
}

/// Mel bands of the flux.
const N_BANDS: usize = 64;

/// Computes the onset envelope of mono `samples` at `sample_rate` (about 100 frames per
/// second; audio above 32 kHz is decimated first).
pub fn onset_envelope(samples: &[f32], sample_rate: u32) -> OnsetEnvelope {
    let (x, sr) = decimated(samples, sample_rate);
    let hop = ((sr / 100.0).round() as usize).max(1);
    let n_fft = if sr > 16_000.0 {
        1024
    } else if sr > 4_000.0 {
        512
    } else {
        128
    };
    let fps = sr / hop as f64;
    let n_frames = x.len().div_ceil(hop);
    let n_bins = n_fft / 2 + 1;
    let max_bin = ((11_000.0 / sr * n_fft as f64) as usize).clamp(2, n_bins);
    let window: Vec<f32> = (0..n_fft)
        .map(|i| {
            let p = std::f64::consts::TAU * i as f64 / n_fft as f64;
            (0.5 - 0.5 * p.cos()) as f32
        })
        .collect();
    let hz_per_bin = sr / n_fft as f64;
    let (edges, n_bands) = mel_band_edges(hz_per_bin, max_bin);
    let bands_below = |hz: f64| {
        edges
            .iter()
            .skip(1)
            .take_while(|&&e| (e as f64) * hz_per_bin <= hz)
            .count()
            .max(1)
    };
    let (low_band, mid_band) = (bands_below(200.0), bands_below(4000.0));
    let gain = 1000.0 / (n_fft as f32 / 4.0);
    let opening_gain = opening_gains(&window, hop);
    let mut flux = BandFlux::new(edges, (n_bands, low_band, mid_band), n_frames, fps);
    magnitude_frames(&x, &window, hop, max_bin, |t, mags| {
        flux.push(mags, gain * opening_gain.get(t).copied().unwrap_or(1.0));
    });
    flux.finish(fps)
}

/// `samples` at `sample_rate` averaged down by a whole factor to about 22.05 kHz (as they
/// are below 33 kHz), and the rate they are then at.
fn decimated(samples: &[f32], sample_rate: u32) -> (Vec<f32>, f64) {
    let sr = f64::from(sample_rate.max(1));
    let d = ((sr / 22_050.0).round() as usize).max(1);
    let x: Vec<f32> = if d > 1 {
        samples
            .chunks(d)
            .map(|c| c.iter().sum::<f32>() / c.len() as f32)
            .collect()
    } else {
        samples.to_vec()
    };
    (x, sr / d as f64)
}

/// The gain of each frame whose window reaches before the music's start, where there is
/// nothing: their magnitudes are those of a partly empty window. Each is raised by the
/// share of the window's energy that lies within the music (the magnitude of a steady
/// sound grows with its square root), so that a steady sound from 0:00 (noise, a held
/// chord) does not rise from frame to frame as the windows fill, while a beat at 0:00
/// keeps its full height.
fn opening_gains(window: &[f32], hop: usize) -> Vec<f32> {
    let half = window.len() / 2;
    let window_energy: f32 = window.iter().map(|w| w * w).sum();
    (0..half.div_ceil(hop))
        .map(|f| {
            let inside: f32 = window[half - f * hop..].iter().map(|w| w * w).sum();
            (window_energy / inside.max(1e-12)).sqrt()
        })
        .collect()
}

/// The magnitude spectrum (bins below `max_bin`) of every frame of `x`, `hop` samples
/// apart, each centred on its first sample and weighted by `window` (whose length is the
/// FFT's), handed to `each` with the frame's index in order. Two real frames go through
/// one complex FFT: frame a in the real part, frame b in the imaginary.
fn magnitude_frames(
    x: &[f32],
    window: &[f32],
    hop: usize,
    max_bin: usize,
    mut each: impl FnMut(usize, &[f32]),
) {
    let n_fft = window.len();
    let half = n_fft / 2;
    let n_frames = x.len().div_ceil(hop);
    let fft = FftPlanner::<f32>::new().plan_fft_forward(n_fft);
    let mut scratch = vec![Complex::new(0.0, 0.0); fft.get_inplace_scratch_len()];
    let mut buf = vec![Complex::new(0.0f32, 0.0); n_fft];
    let mut mags = vec![0.0f32; max_bin];
    let mut t = 0;
    while t < n_frames {
        let pair = t + 1 < n_frames;
        for (j, (b, w)) in buf.iter_mut().zip(window).enumerate() {
            let at = |f: usize| -> f32 {
                let idx = (f * hop + j) as isize - half as isize;
                if idx >= 0 && (idx as usize) < x.len() {
                    x[idx as usize]
                } else {
                    0.0
                }
            };
            let re = at(t) * w;
            let im = if pair { at(t + 1) * w } else { 0.0 };
            *b = Complex::new(re, im);
        }
        fft.process_with_scratch(&mut buf, &mut scratch);
        for k in 0..if pair { 2 } else { 1 } {
            for (bin, c) in mags.iter_mut().enumerate() {
                let z = buf[bin];
                let zc = buf[(n_fft - bin) % n_fft].conj();
                // Separate the two real spectra: A = (Z + Z*)/2, B = (Z - Z*)/2i.
                let s = if k == 0 {
                    (z + zc) * 0.5
                } else {
                    (z - zc) * Complex::new(0.0, -0.5)
                };
                *c = s.norm();
            }
            each(t + k, &mags);
        }
        t += if pair { 2 } else { 1 };
    }
}

/// Mel-spaced band edges in FFT bins, from 30 Hz up to `max_bin` (as librosa's log-mel
/// flux: low frequencies weigh as much as the many high bins, so drums count more than
/// hi-hats), and the number of bands.
fn mel_band_edges(hz_per_bin: f64, max_bin: usize) -> (Vec<usize>, usize) {
    let mel = |f: f64| 2595.0 * (1.0 + f / 700.0).log10();
    let (m0, m1) = (mel(30.0), mel(max_bin as f64 * hz_per_bin));
    let mut edges: Vec<usize> = Vec::new();
    for k in 0..=N_BANDS {
        let m = m0 + (m1 - m0) * k as f64 / N_BANDS as f64;
        let f = 700.0 * (10f64.powf(m / 2595.0) - 1.0);
        let b = ((f / hz_per_bin).round() as usize).clamp(1, max_bin);
        let b = edges.last().map_or(b, |&l| b.max(l + 1));
        if b > max_bin {
            break;
        }
        edges.push(b);
    }
    let n_bands = edges.len().saturating_sub(1).max(1);
    if edges.len() < 2 {
        edges = vec![1, max_bin];
    }
    (edges, n_bands)
}

/// Picks onsets: local maxima of the normalised envelope above an adaptive threshold (the
/// local mean over ±100 ms plus `delta`), at least 30 ms apart. Returns frame indices.
pub fn pick_onsets(env: &[f32], fps: f64, delta: f32) -> Vec<usize> {
    let max = env.iter().copied().fold(0.0f32, f32::max);
    if max <= 0.0 {
        return Vec::new();
    }
    let pre_max = ((0.03 * fps).round() as usize).max(1);
    let avg = ((0.1 * fps).round() as usize).max(1);
    let wait = ((0.03 * fps).round() as usize).max(1);
    // Prefix sums for the moving average.
    let mut pre = Vec::with_capacity(env.len() + 1);
    pre.push(0.0f64);
    for &v in env {
        pre.push(pre.last().copied().unwrap_or(0.0) + f64::from(v / max));
    }
    let mut out: Vec<usize> = Vec::new();
    for i in 0..env.len() {
        let v = env[i] / max;
        let lo = i.saturating_sub(pre_max);
        let hi = (i + pre_max + 1).min(env.len());
        if env[lo..hi].iter().any(|&w| w / max > v) {
            continue;
        }
        let a0 = i.saturating_sub(avg);
        let a1 = (i + avg + 1).min(env.len());
        let mean = (pre[a1] - pre[a0]) / (a1 - a0) as f64;
        if f64::from(v) < mean + f64::from(delta) {
            continue;
        }
        if let Some(&last) = out.last()
            && i - last < wait
        {
            continue;
        }
        out.push(i);
    }
    out
}
