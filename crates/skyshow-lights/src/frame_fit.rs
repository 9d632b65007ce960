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
            for (j, c) in frames.iter().enumerate().skip(i + 1) {
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
