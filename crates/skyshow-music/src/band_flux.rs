//! The flux of the mel bands, frame by frame: the onset envelope's four curves built from
//! each frame's magnitude spectrum.

use crate::onset::OnsetEnvelope;

/// The onset envelope's curves as the frames' magnitudes come in: each frame's mel-band
/// magnitudes (logarithmic and linear) against the frame before, and the first second's
/// bands, which the first frame is measured against once all frames are in.
pub(crate) struct BandFlux {
    /// Mel band edges in FFT bins.
    edges: Vec<usize>,
    /// Bands in all, below 200 Hz and below 4 kHz.
    n_bands: usize,
    low_band: usize,
    mid_band: usize,
    /// The log band values of this frame and the one before.
    cur: Vec<f32>,
    prev: Vec<f32>,
    /// The linear band values of this frame and the one before.
    cur_lin: Vec<f32>,
    prev_lin: Vec<f32>,
    /// The first second's frames of log band values, and how many that is.
    opening: Vec<Vec<f32>>,
    opening_frames: usize,
    strength: Vec<f32>,
    low: Vec<f32>,
    low_mid: Vec<f32>,
    energy: Vec<f32>,
}

impl BandFlux {
    /// Nothing measured yet, for `n_frames` frames at `fps` in the bands between `edges`
    /// (`n_bands` of them, `low_band` below 200 Hz, `mid_band` below 4 kHz).
    pub(crate) fn new(
        edges: Vec<usize>,
        (n_bands, low_band, mid_band): (usize, usize, usize),
        n_frames: usize,
        fps: f64,
    ) -> BandFlux {
        let opening_frames = (fps.round() as usize).max(1);
        BandFlux {
            edges,
            n_bands,
            low_band,
            mid_band,
            cur: vec![0.0f32; n_bands],
            prev: vec![0.0f32; n_bands],
            cur_lin: vec![0.0f32; n_bands],
            prev_lin: vec![0.0f32; n_bands],
            opening: Vec::with_capacity(opening_frames),
            opening_frames,
            strength: Vec::with_capacity(n_frames),
            low: Vec::with_capacity(n_frames),
            low_mid: Vec::with_capacity(n_frames),
            energy: Vec::with_capacity(n_frames),
        }
    }

    /// The next frame, from its magnitude spectrum `mags` scaled by `frame_gain`.
    pub(crate) fn push(&mut self, mags: &[f32], frame_gain: f32) {
        let (low_band, mid_band) = (self.low_band, self.mid_band);
        for (band, c) in self.cur.iter_mut().enumerate() {
            let bins = &mags[self.edges[band]..self.edges[band + 1]];
            let mean = bins.iter().sum::<f32>() / bins.len().max(1) as f32;
            *c = (1.0 + frame_gain * mean).ln();
            self.cur_lin[band] = frame_gain * mean;
        }
        self.energy.push(
            self.cur_lin[..mid_band]
                .iter()
                .zip(&self.prev_lin[..mid_band])
                .map(|(c, p)| (c - p).max(0.0))
                .sum::<f32>(),
        );
        std::mem::swap(&mut self.prev_lin, &mut self.cur_lin);
        let flux = flux_of(&self.cur, &self.prev, low_band, mid_band);
        self.strength.push(flux[0] / self.n_bands as f32);
        self.low.push(flux[1] / low_band as f32);
        self.low_mid.push(flux[2] / mid_band as f32);
        if self.opening.len() < self.opening_frames {
            self.opening.push(self.cur.clone());
        }
        std::mem::swap(&mut self.prev, &mut self.cur);
    }

    /// The envelope at `fps` frames per second, its first frame measured against the first
    /// second.
    pub(crate) fn finish(mut self, fps: f64) -> OnsetEnvelope {
        if let Some(first) = self.opening.first() {
            [
                self.strength[0],
                self.low[0],
                self.low_mid[0],
                self.energy[0],
            ] = first_frame(
                first,
                &self.opening,
                (self.n_bands, self.low_band, self.mid_band),
            );
        }
        OnsetEnvelope {
            fps,
            strength: self.strength,
            low: self.low,
            low_mid: self.low_mid,
            energy: self.energy,
        }
    }
}

/// The first frame has nothing before it: its flux is measured against the music's
/// usual level over its first second (the median of each band), so that a beat struck at
/// 0:00 is an onset while music that starts already sounding (or with noise) is not.
/// `opening` holds the first second's frames of log band values; `(n_bands, low_band,
/// mid_band)` are the band counts of the whole, the low and the low-mid flux. Gives the
/// first frame's strength, low, low-mid and energy values.
fn first_frame(
    first: &[f32],
    opening: &[Vec<f32>],
    (n_bands, low_band, mid_band): (usize, usize, usize),
) -> [f32; 4] {
    let reference: Vec<f32> = (0..n_bands)
        .map(|band| {
            let mut v: Vec<f32> = opening.iter().map(|f| f[band]).collect();
            v.sort_by(f32::total_cmp);
            v[v.len() / 2]
        })
        .collect();
    let flux = flux_of(first, &reference, low_band, mid_band);
    // The bands' log values are ln(1 + magnitude): the same reference, unlogged.
    let energy = first[..mid_band.min(n_bands)]
        .iter()
        .zip(&reference)
        .map(|(c, r)| (c.exp_m1() - r.exp_m1()).max(0.0))
        .sum();
    [
        flux[0] / n_bands as f32,
        flux[1] / low_band as f32,
        flux[2] / mid_band as f32,
        energy,
    ]
}

/// The positive log-magnitude increases from `prev` to `cur`, summed over all bands, the
/// bands below `low_band` and the bands below `mid_band`.
fn flux_of(cur: &[f32], prev: &[f32], low_band: usize, mid_band: usize) -> [f32; 3] {
    let (mut all, mut lo, mut mid) = (0.0f32, 0.0f32, 0.0f32);
    for (band, (c, p)) in cur.iter().zip(prev).enumerate() {
        let dpos = (c - p).max(0.0);
        all += dpos;
        if band < low_band {
            lo += dpos;
        }
        if band < mid_band {
            mid += dpos;
        }
    }
    [all, lo, mid]
}
