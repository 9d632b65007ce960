//! `ColorWalk`: a light program sampled at ascending times: the same values as
//! `LightProgram::color_at`, found by walking forward instead of searching at every sample.

use crate::{LightProgram, Rgb};

/// Colours of a light program at non-decreasing times.
#[derive(Clone, Debug)]
pub struct ColorWalk<'a> {
    lights: &'a LightProgram,
    /// First step that does not end at or before the last time asked.
    next: usize,
}

impl<'a> ColorWalk<'a> {
    /// A walk from the start of `lights`.
    pub fn new(lights: &'a LightProgram) -> Self {
        ColorWalk { lights, next: 0 }
    }

    /// `LightProgram::color_at(t)`; `t` must not be before the previous call's.
    pub fn at(&mut self, t: f64) -> Rgb {
        let steps = &self.lights.steps;
        // The partition point of `s.t1 <= t`, which only moves forward as `t` grows.
        while self.next < steps.len() && steps[self.next].t1 <= t {
            self.next += 1;
        }
        let i = self.next;
        match steps.get(i) {
            Some(s) if t >= s.t0 => {
                let span = s.t1 - s.t0;
                // A hold (`lerp` of a colour to itself is that colour, without the rounding).
                if span <= 0.0 || s.from == s.to {
                    s.to
                } else {
                    s.from.lerp(s.to, (t - s.t0) / span)
                }
            }
            _ if i == 0 => Rgb::BLACK,
            _ => steps[i - 1].to,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LightStep;

    #[test]
    fn walk_agrees_with_search() {
        let red = Rgb::new(255, 0, 0);
        let lights = LightProgram {
            steps: vec![
                LightStep {
                    t0: 1.0,
                    t1: 2.0,
                    from: Rgb::BLACK,
                    to: red,
                },
                LightStep {
                    t0: 2.0,
                    t1: 2.0,
                    from: red,
                    to: Rgb::WHITE,
                },
                LightStep {
                    t0: 4.0,
                    t1: 9.0,
                    from: red,
                    to: Rgb::new(0, 0, 255),
                },
            ],
            bytecode: Vec::new(),
        };
        for step in [0.001, 0.01, 0.25, 1.0] {
            let mut c = ColorWalk::new(&lights);
            let mut t: f64 = -0.5;
            while t < 11.0 {
                assert_eq!(c.at(t), lights.color_at(t), "t={t}");
                for edge in [1.0, 2.0, 4.0, 9.0] {
                    if edge > t && edge < t + step {
                        assert_eq!(c.at(edge), lights.color_at(edge));
                    }
                }
                t += step;
            }
        }
    }
}
