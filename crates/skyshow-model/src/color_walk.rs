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
        self.at_steady(t).0
    }

    /// `LightProgram::color_at(t)`, and a time until which the colour stays the same: it is
    /// that colour at every time from `t` up to (not including) the one returned (`t` itself
    /// during a fade, infinite after the last step). A sampler at a fixed rate skips the
    /// samples before it. `t` must not be before the previous call's.
    pub fn at_steady(&mut self, t: f64) -> (Rgb, f64) {
        let steps = &self.lights.steps;
        // The partition point of `s.t1 <= t`, which only moves forward as `t` grows.
        while self.next < steps.len() && steps[self.next].t1 <= t {
            self.next += 1;
        }
        let i = self.next;
        match steps.get(i) {
            // Step `i` is the one until its end (`t1 > t` here, so the walk stays on it).
            Some(s) if t >= s.t0 => {
                let span = s.t1 - s.t0;
                // A hold (`lerp` of a colour to itself is that colour, without the rounding).
                if span <= 0.0 || s.from == s.to {
                    (s.to, s.t1)
                } else {
                    (s.from.lerp(s.to, (t - s.t0) / span), t)
                }
            }
            // Before step `i` starts: the colour before it, until it starts (or ends).
            next => {
                let until = next.map_or(f64::INFINITY, |s| s.t0.min(s.t1));
                let c = if i == 0 { Rgb::BLACK } else { steps[i - 1].to };
                (c, until)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LightStep;

    #[test]
    fn steady_colours_hold_until_the_time_given() {
        let red = Rgb::new(255, 0, 0);
        let blue = Rgb::new(0, 0, 255);
        let step = |t0: f64, t1: f64, from: Rgb, to: Rgb| LightStep { t0, t1, from, to };
        let lights = LightProgram {
            steps: vec![
                step(1.0, 2.0, Rgb::BLACK, red),
                step(2.0, 2.0, red, Rgb::WHITE),
                step(2.5, 4.0, blue, blue),
                step(4.0, 9.0, red, blue),
                step(9.5, 9.7, red, red),
            ],
            bytecode: Vec::new(),
        };
        let mut w = ColorWalk::new(&lights);
        let mut t: f64 = -0.5;
        let mut skipped = 0;
        while t < 11.0 {
            let (c, until) = w.at_steady(t);
            assert_eq!(c, lights.color_at(t), "t={t}");
            assert!(until >= t, "t={t}");
            // Every time from `t` up to `until` has the same colour.
            let mut u = t;
            while u < until.min(11.0) {
                assert_eq!(lights.color_at(u), c, "t={t} u={u} until={until}");
                u += 0.001;
            }
            if until > t + 0.01 {
                skipped += 1;
            }
            t += 0.01;
        }
        assert!(skipped > 500, "holds and gaps are steady: {skipped}");
    }

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
