//! Sampling a drone at ascending times, as the bulk exports do (thousands of samples per
//! drone): the same values as `Trajectory::position` and `LightProgram::color_at`, found by
//! walking forward instead of searching from scratch at every sample.

use skyshow_model::{LightProgram, Rgb, Trajectory, Vec3};

/// Positions of a trajectory at non-decreasing times.
pub(crate) struct PositionWalk<'a> {
    tr: &'a Trajectory,
    /// First segment that does not end before the last time asked.
    next: usize,
}

impl<'a> PositionWalk<'a> {
    pub(crate) fn new(tr: &'a Trajectory) -> Self {
        PositionWalk { tr, next: 0 }
    }

    /// `Trajectory::position(t)`; `t` must not be before the previous call's.
    pub(crate) fn at(&mut self, t: f64) -> Vec3 {
        let segs = &self.tr.segments;
        if segs.is_empty() || t < self.tr.start_time() || t > self.tr.end_time() {
            return self.tr.position(t);
        }
        // The partition point of `s.t1 < t`, which only moves forward as `t` grows.
        while self.next < segs.len() && segs[self.next].t1 < t {
            self.next += 1;
        }
        segs[self.next.min(segs.len() - 1)].position(t)
    }
}

/// Colours of a light program at non-decreasing times.
pub(crate) struct ColorWalk<'a> {
    lights: &'a LightProgram,
    /// First step that does not end at or before the last time asked.
    next: usize,
}

impl<'a> ColorWalk<'a> {
    pub(crate) fn new(lights: &'a LightProgram) -> Self {
        ColorWalk { lights, next: 0 }
    }

    /// `LightProgram::color_at(t)`; `t` must not be before the previous call's.
    pub(crate) fn at(&mut self, t: f64) -> Rgb {
        let steps = &self.lights.steps;
        // The partition point of `s.t1 <= t`, which only moves forward as `t` grows.
        while self.next < steps.len() && steps[self.next].t1 <= t {
            self.next += 1;
        }
        let i = self.next;
        match steps.get(i) {
            Some(s) if t >= s.t0 => {
                let span = s.t1 - s.t0;
                if span <= 0.0 {
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
    use skyshow_model::{LightStep, Segment};

    #[test]
    fn walks_agree_with_searches() {
        let a = Vec3::new(1.0, 2.0, 0.0);
        let b = Vec3::new(5.0, -2.0, 20.0);
        let mut tr = Trajectory::new(a);
        tr.push(Segment::hold(1.0, 3.0, a));
        tr.push(Segment::line(3.0, 7.3, a, b));
        tr.push(Segment::quadratic(
            7.3,
            7.31,
            b,
            Vec3::new(9.0, 9.0, 9.0),
            a,
        ));
        tr.push(Segment::hold(7.31, 10.0, a));
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
            let mut p = PositionWalk::new(&tr);
            let mut c = ColorWalk::new(&lights);
            let mut t: f64 = -0.5;
            while t < 11.0 {
                assert_eq!(p.at(t), tr.position(t), "t={t}");
                assert_eq!(c.at(t), lights.color_at(t), "t={t}");
                // Exact boundaries too.
                for edge in [1.0, 2.0, 3.0, 7.3, 7.31, 10.0] {
                    if edge > t && edge < t + step {
                        assert_eq!(p.at(edge), tr.position(edge));
                        assert_eq!(c.at(edge), lights.color_at(edge));
                    }
                }
                t += step;
            }
        }
    }
}
