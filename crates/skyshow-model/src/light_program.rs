//! `LightProgram`: the colour of one drone's LEDs over the show.

use crate::Rgb;

/// One piece of a light program: the colour goes linearly from `from` at `t0` to `to`
/// at `t1` (equal colours = a hold). Seconds on the show clock.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LightStep {
    /// Start, seconds.
    pub t0: f64,
    /// End, seconds (≥ `t0`).
    pub t1: f64,
    /// Colour at `t0`.
    pub from: Rgb,
    /// Colour at `t1`.
    pub to: Rgb,
}

/// A drone's light program: its decoded steps and the Skybrush bytecode that encodes them.
///
/// The LEDs are black before the first step and keep the last colour after the last step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LightProgram {
    /// Time-ordered, non-overlapping steps.
    pub steps: Vec<LightStep>,
    /// The program as Skybrush bytecode (reference §1.6): what the drone runs.
    pub bytecode: Vec<u8>,
}

impl LightProgram {
    /// Colour at show time `t`.
    pub fn color_at(&self, t: f64) -> Rgb {
        let i = self.steps.partition_point(|s| s.t1 <= t);
        match self.steps.get(i) {
            Some(s) if t >= s.t0 => {
                let span = s.t1 - s.t0;
                if span <= 0.0 {
                    s.to
                } else {
                    s.from.lerp(s.to, (t - s.t0) / span)
                }
            }
            _ => {
                if i == 0 {
                    Rgb::BLACK
                } else {
                    self.steps[i - 1].to
                }
            }
        }
    }

    /// End of the last step, seconds.
    pub fn end_time(&self) -> f64 {
        self.steps.last().map_or(0.0, |s| s.t1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_lookup() {
        let red = Rgb::new(255, 0, 0);
        let p = LightProgram {
            steps: vec![
                LightStep {
                    t0: 1.0,
                    t1: 2.0,
                    from: red,
                    to: red,
                },
                LightStep {
                    t0: 2.0,
                    t1: 4.0,
                    from: red,
                    to: Rgb::BLACK,
                },
            ],
            bytecode: Vec::new(),
        };
        assert_eq!(p.color_at(0.5), Rgb::BLACK);
        assert_eq!(p.color_at(1.5), red);
        assert_eq!(p.color_at(3.0), Rgb::new(128, 0, 0));
        assert_eq!(p.color_at(9.0), Rgb::BLACK);
    }
}
