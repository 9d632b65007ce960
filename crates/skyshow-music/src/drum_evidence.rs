//! The evidence a metrical level's beats are judged by: how well they meet the loud drum
//! onsets.

use crate::onset::pick_onsets;

/// The onsets a metrical level's beats are scored against: the picked peaks of an envelope
/// (the drum band's, or its loudness), each weighing by its height relative to the
/// 90th-percentile peak, raised to a power and capped at 1. Squared, loud hits count fully
/// and quiet ones (hi-hats, ghost notes) little, with no hard threshold between them.
pub(crate) struct DrumEvidence<'a> {
    /// The envelope.
    env: &'a [f32],
    /// Peak frames, increasing.
    peaks: Vec<usize>,
    /// Weight of each peak, 0..=1.
    weights: Vec<f64>,
    /// Height of the 90th-percentile peak.
    reference: f64,
    /// The power of the relative height that a weight is.
    exponent: i32,
    /// Matching tolerance, frames (70 ms).
    tol: usize,
}

impl<'a> DrumEvidence<'a> {
    /// The onsets of `env` (a normalised envelope at `fps` frames per second), weighing by
    /// their relative height to the power `exponent`.
    pub(crate) fn new(env: &'a [f32], fps: f64, exponent: i32) -> DrumEvidence<'a> {
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
            .map(|&i| Self::weight(f64::from(env[i]), reference, exponent))
            .collect();
        DrumEvidence {
            env,
            peaks,
            weights,
            reference,
            exponent,
            tol: (0.07 * fps).round() as usize,
        }
    }

    fn weight(height: f64, reference: f64, exponent: i32) -> f64 {
        (height / reference).min(1.0).powi(exponent)
    }

    /// The summed weight of the onsets in frames `lo..hi`, and how many there are.
    pub(crate) fn onsets_within(&self, lo: usize, hi: usize) -> (f64, usize) {
        self.peaks
            .iter()
            .zip(&self.weights)
            .filter(|&(p, _)| (lo..hi).contains(p))
            .fold((0.0, 0), |(s, n), (_, w)| (s + w, n + 1))
    }

    /// How loud the midpoints between consecutive `beats` (frames, increasing) in frames
    /// `lo..hi` are against the beats themselves: the median of the envelope's highest
    /// point within 35 ms of each midpoint over the 40th percentile of the same at each
    /// beat (a typical unaccented beat: at half time, every second beat is a bar's accented
    /// first beat, and a median would sit between the two); 0 for fewer than four beats or
    /// silent beats. Near 0 when nothing sounds between the beats or only quiet
    /// subdivisions do (hi-hats, a shaker); near 1 or above when every off-beat is struck
    /// as loud as a beat (the beats of a level twice as fast).
    pub(crate) fn off_beat_ratio(&self, beats: &[usize], lo: usize, hi: usize) -> f64 {
        let inside = beats_within(beats, lo, hi);
        if inside.len() < 4 {
            return 0.0;
        }
        let reach = self.tol / 2;
        let top = |b: usize| -> f64 {
            let a = b.saturating_sub(reach).min(self.env.len());
            let z = (b + reach + 1).min(self.env.len());
            f64::from(self.env[a..z].iter().copied().fold(0.0f32, f32::max))
        };
        let on = quantile(inside.iter().map(|&b| top(b)).collect(), 0.4);
        let mid = quantile(
            inside.windows(2).map(|w| top((w[0] + w[1]) / 2)).collect(),
            0.5,
        );
        if on <= 1e-9 { 0.0 } else { mid / on }
    }

    /// The share of the music's accents in frames `lo..hi` (the onsets at least as high as
    /// the 90th-percentile peak: the loudest tenth) that lie within 70 ms of one of `beats`
    /// (frames, increasing); 1 when there are none. Every beat of a metrical level twice as
    /// slow or twice as fast meets the bar's accents (the downbeats), and so does the right
    /// level's; a level 2/3 or 3/2 of the beat (a funk groove in 3/4 taken at the dotted
    /// quarter, its snare and the kick on the "and" of 3 exactly 1.5 beats apart) can fit
    /// the drums as well and still fall beside the bar's loudest kick.
    pub(crate) fn accent_recall(&self, beats: &[usize], lo: usize, hi: usize) -> f64 {
        let beats = beats_within(beats, lo, hi);
        let (mut accents, mut met) = (0usize, 0usize);
        for &p in self.peaks.iter().filter(|p| (lo..hi).contains(*p)) {
            if f64::from(self.env[p]) < self.reference {
                continue;
            }
            accents += 1;
            let j = beats.partition_point(|&b| b + self.tol < p);
            if beats.get(j).is_some_and(|&b| b <= p + self.tol) {
                met += 1;
            }
        }
        if accents == 0 {
            1.0
        } else {
            met as f64 / accents as f64
        }
    }

    /// A weighted F-measure of `beats` (frames, increasing) against the onsets in frames
    /// `lo..hi` (the beats there too): recall is the weight of the onsets within 70 ms of a
    /// beat over all their weight; precision is the mean weight of the envelope's highest
    /// point within 35 ms of each beat. Beats on the loud hits and none between them score 1.
    pub(crate) fn fit_within(&self, beats: &[usize], lo: usize, hi: usize) -> f64 {
        let beats = beats_within(beats, lo, hi);
        let inside: Vec<(usize, f64)> = self
            .peaks
            .iter()
            .zip(&self.weights)
            .filter(|&(p, _)| (lo..hi).contains(p))
            .map(|(&p, &w)| (p, w))
            .collect();
        if beats.is_empty() || inside.is_empty() {
            return 0.0;
        }
        let total: f64 = inside.iter().map(|(_, w)| w).sum();
        let met: f64 = inside
            .iter()
            .filter(|&&(p, _)| {
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
                Self::weight(f64::from(top), self.reference, self.exponent)
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

/// The frames of `beats` within `lo..hi`.
pub(crate) fn beats_within(beats: &[usize], lo: usize, hi: usize) -> Vec<usize> {
    beats
        .iter()
        .copied()
        .filter(|b| (lo..hi).contains(b))
        .collect()
}

/// The `q`-quantile of `v` (0..=1), interpolated linearly between the two nearest values;
/// 0 when `v` is empty.
fn quantile(mut v: Vec<f64>, q: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    let at = q.clamp(0.0, 1.0) * (v.len() - 1) as f64;
    let i = at.floor() as usize;
    let j = (i + 1).min(v.len() - 1);
    v[i] + (v[j] - v[i]) * (at - i as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An envelope at 100 frames per second with a pulse of `beat` every 50 frames and one
    /// of `off` halfway between.
    fn pulses(beat: f32, off: f32) -> Vec<f32> {
        let mut e = vec![0.0f32; 3000];
        for k in (0..3000).step_by(50) {
            e[k] = beat;
            if k + 25 < e.len() {
                e[k + 25] = off;
            }
        }
        e
    }

    #[test]
    fn accent_recall_is_the_share_of_the_loudest_onsets_on_beats() {
        // A 3/4 bar of 60 frames: a loud kick on 1, a snare on 2 and a kick on the "and"
        // of 3 a little quieter, quiet hi-hats on every eighth in between.
        let mut e = vec![0.0f32; 3000];
        for bar in (0..3000).step_by(60) {
            for k in (0..60).step_by(10) {
                e[bar + k] = 0.2;
            }
            e[bar] = 1.0;
            e[bar + 20] = 0.6;
            e[bar + 50] = 0.6;
        }
        let ev = DrumEvidence::new(&e, 100.0, 1);
        // Quarter notes meet every kick on 1; dotted quarters on the snare and the late
        // kick meet none of them; eighths meet all.
        let quarters: Vec<usize> = (0..3000).step_by(20).collect();
        let dotted: Vec<usize> = (20..3000).step_by(30).collect();
        let eighths: Vec<usize> = (0..3000).step_by(10).collect();
        assert_eq!(ev.accent_recall(&quarters, 0, 3000), 1.0);
        assert_eq!(ev.accent_recall(&dotted, 0, 3000), 0.0);
        assert_eq!(ev.accent_recall(&eighths, 0, 3000), 1.0);
        // Beats from frame 1500 on meet the accents of those frames only.
        let r = ev.accent_recall(&quarters[75..], 0, 3000);
        assert!((r - 0.5).abs() < 0.02, "{r}");
        // Without onsets there is nothing against a level.
        assert_eq!(
            DrumEvidence::new(&[0.0; 500], 100.0, 1).accent_recall(&quarters, 0, 500),
            1.0
        );
    }

    #[test]
    fn off_beat_ratio_tells_struck_off_beats_from_subdivisions() {
        let beats: Vec<usize> = (0..3000).step_by(50).collect();
        // Quiet subdivisions between the beats.
        let e = pulses(1.0, 0.2);
        let r = DrumEvidence::new(&e, 100.0, 1).off_beat_ratio(&beats, 0, 3000);
        assert!((r - 0.2).abs() < 1e-6, "{r}");
        // Every off-beat struck as loud as a beat: a level twice as fast.
        let e = pulses(1.0, 0.9);
        let r = DrumEvidence::new(&e, 100.0, 1).off_beat_ratio(&beats, 0, 3000);
        assert!((r - 0.9).abs() < 1e-6, "{r}");
        // Every second beat accented (a bar's first beat at half time): the off-beats are
        // measured against the unaccented beats.
        let mut e = pulses(0.5, 0.45);
        for k in (0..3000).step_by(100) {
            e[k] = 1.0;
        }
        let r = DrumEvidence::new(&e, 100.0, 1).off_beat_ratio(&beats, 0, 3000);
        assert!((r - 0.9).abs() < 1e-6, "{r}");
        // Only the frames asked for count, and too few beats say nothing.
        let r = DrumEvidence::new(&e, 100.0, 1).off_beat_ratio(&beats, 0, 120);
        assert_eq!(r, 0.0);
    }
}
