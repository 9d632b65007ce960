//! `FrameFit`: a drone's colour at every 20 ms frame turned into the fewest light steps —
//! equal colours merged into holds, runs that a straight fade reproduces within the
//! tolerance merged into one fade.

use skyshow_model::{LightStep, Rgb};

use crate::bytecode::FRAME_MS;

/// Fitting options.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FrameFit {
    /// Largest difference, in colour units per channel, between a fade and the designed
    /// colour of any frame it covers, before the drone's own rounding (which adds at most
    /// one unit). Default 1, so the flown colour is within 2 units of the design.
    pub tolerance: f64,
}

impl FrameFit {
    /// Tolerance 1 unit.
    pub const DEFAULT: FrameFit = FrameFit { tolerance: 1.0 };

    /// Steps reproducing `frames` (frame `k` at `k` × 20 ms): each step starts and ends on
    /// a designed colour exactly; frames in between are within the tolerance of the line.
    pub fn fit(&self, frames: &[Rgb]) -> Vec<LightStep> {
        let ch = |c: Rgb| [f64::from(c.r), f64::from(c.g), f64::from(c.b)];
        let time = |k: usize| (k as i64 * FRAME_MS) as f64 / 1000.0;
        let mut steps = Vec::new();
        let mut i = 0;
        while i + 1 < frames.len() {
            let a = ch(frames[i]);
            let mut lo = [f64::NEG_INFINITY; 3];
            let mut hi = [f64::INFINITY; 3];
            let mut best = i + 1;
            // A run of frames equal to frame `i` fits whole, and leaves the cone at
            // ±tolerance over its length: what the loop below would reach frame by frame
            // (each bound is monotone in the distance), found by comparing colours only.
            let run = frames[i + 1..]
                .iter()
                .take_while(|c| **c == frames[i])
                .count();
            let mut next = i + 1;
            if run > 0 && self.tolerance >= 0.0 {
                let d = run as f64;
                for q in 0..3 {
                    lo[q] = (a[q] - self.tolerance - a[q]) / d;
                    hi[q] = (a[q] + self.tolerance - a[q]) / d;
                }
                best = i + run;
                next = best + 1;
            }
            for (j, c) in frames.iter().enumerate().skip(next) {
                let b = ch(*c);
                let d = (j - i) as f64;
                // The fade to frame j must pass within the tolerance of every frame between.
                if (0..3).all(|q| {
                    let s = (b[q] - a[q]) / d;
                    s >= lo[q] - 1e-12 && s <= hi[q] + 1e-12
                }) {
                    best = j;
                }
                let mut open = true;
                for q in 0..3 {
                    lo[q] = lo[q].max((b[q] - self.tolerance - a[q]) / d);
                    hi[q] = hi[q].min((b[q] + self.tolerance - a[q]) / d);
                    open &= lo[q] <= hi[q];
                }
                if !open {
                    break;
                }
            }
            steps.push(LightStep {
                t0: time(i),
                t1: time(best),
                from: frames[i],
                to: frames[best],
            });
            i = best;
        }
        steps
    }
}

impl Default for FrameFit {
    fn default() -> Self {
        Self::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::LightProgram;

    #[test]
    fn holds_fades_and_jumps() {
        let red = Rgb::new(255, 0, 0);
        let mut frames = vec![Rgb::BLACK; 10];
        frames.extend((0..=50).map(|k| Rgb::BLACK.lerp(red, k as f64 / 50.0)));
        frames.extend(vec![Rgb::WHITE; 20]);
        let steps = FrameFit::DEFAULT.fit(&frames);
        // Hold black, fade to red, jump to white, hold white.
        assert_eq!(steps.len(), 4, "{steps:?}");
        let p = LightProgram {
            steps,
            bytecode: Vec::new(),
        };
        for (k, c) in frames.iter().enumerate() {
            let got = p.color_at(k as f64 * 0.02);
            assert!(got.max_channel_diff(*c) <= 2, "frame {k}: {got:?} vs {c:?}");
        }
    }

    /// The fit as it was written first: every frame of a hold scanned in turn.
    fn fit_frame_by_frame(tolerance: f64, frames: &[Rgb]) -> Vec<LightStep> {
        let ch = |c: Rgb| [f64::from(c.r), f64::from(c.g), f64::from(c.b)];
        let time = |k: usize| (k as i64 * FRAME_MS) as f64 / 1000.0;
        let mut steps = Vec::new();
        let mut i = 0;
        while i + 1 < frames.len() {
            let a = ch(frames[i]);
            let mut lo = [f64::NEG_INFINITY; 3];
            let mut hi = [f64::INFINITY; 3];
            let mut best = i + 1;
            for (j, c) in frames.iter().enumerate().skip(i + 1) {
                let b = ch(*c);
                let d = (j - i) as f64;
                if (0..3).all(|q| {
                    let s = (b[q] - a[q]) / d;
                    s >= lo[q] - 1e-12 && s <= hi[q] + 1e-12
                }) {
                    best = j;
                }
                let mut open = true;
                for q in 0..3 {
                    lo[q] = lo[q].max((b[q] - tolerance - a[q]) / d);
                    hi[q] = hi[q].min((b[q] + tolerance - a[q]) / d);
                    open &= lo[q] <= hi[q];
                }
                if !open {
                    break;
                }
            }
            steps.push(LightStep {
                t0: time(i),
                t1: time(best),
                from: frames[i],
                to: frames[best],
            });
            i = best;
        }
        steps
    }

    #[test]
    fn holds_are_fitted_as_frame_by_frame() {
        // Holds of every length between fades, jumps, slow drifts and single-unit steps.
        let mut z: u64 = 7;
        let mut next = move || {
            z = z
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            z >> 33
        };
        let mut frames = Vec::new();
        let mut c = Rgb::BLACK;
        for _ in 0..400 {
            let len = (next() % 40) as usize;
            match next() % 4 {
                0 => frames.extend(std::iter::repeat_n(c, len)),
                1 => {
                    let to = Rgb::new(next() as u8, next() as u8, next() as u8);
                    frames.extend((0..len).map(|k| c.lerp(to, k as f64 / len.max(1) as f64)));
                    c = to;
                }
                2 => {
                    c = Rgb::new(c.r.saturating_add(1), c.g, c.b.saturating_sub(1));
                    frames.extend(std::iter::repeat_n(c, len));
                }
                _ => {
                    frames.push(c);
                    c = Rgb::new(next() as u8, c.g, next() as u8);
                }
            }
        }
        assert!(frames.len() > 5_000);
        for tolerance in [1.0, 0.0, 0.5, 2.5, 40.0, -1.0] {
            let fit = FrameFit { tolerance };
            for end in [0, 1, 2, 17, frames.len()] {
                assert_eq!(
                    fit.fit(&frames[..end]),
                    fit_frame_by_frame(tolerance, &frames[..end]),
                    "tolerance {tolerance}, {end} frames"
                );
            }
        }
    }

    #[test]
    fn a_curve_stays_within_tolerance() {
        let frames: Vec<Rgb> = (0..500)
            .map(|k| {
                let x = (k as f64 * 0.05).sin() * 0.5 + 0.5;
                Rgb::new(
                    (x * 255.0).round() as u8,
                    40,
                    ((1.0 - x) * 200.0).round() as u8,
                )
            })
            .collect();
        let steps = FrameFit::DEFAULT.fit(&frames);
        assert!(steps.len() < 200, "{} steps", steps.len());
        let p = LightProgram {
            steps,
            bytecode: Vec::new(),
        };
        for (k, c) in frames.iter().enumerate() {
            assert!(p.color_at(k as f64 * 0.02).max_channel_diff(*c) <= 2);
        }
    }
}
