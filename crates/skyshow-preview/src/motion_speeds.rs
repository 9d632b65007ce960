//! `MotionSpeeds`: how fast the drones of a moving formation fly during its hold, as the
//! show flies it (the exported curves, not the design), for the report's speed plot per
//! moving formation.

use std::fmt::Write;

use skyshow_i18n::msg;
use skyshow_model::FlightShow;

use crate::html::{clock, esc, num};
use crate::report_page::{fmt2, note, tx, txh};
use crate::svg_plot::{SvgPlot, nice_max};
use crate::{ReportFormation, ReportInput};

/// Intervals a hold is sampled in (the plot has one more moment).
const SAMPLES: usize = 240;
/// Most moving formations plotted (each plot is a few kilobytes).
const MAX_PLOTS: usize = 100;

/// The largest horizontal speed, climb and descent of any drone at evenly spaced moments
/// of a hold, m/s; all vectors the same length.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct MotionSpeeds {
    /// The moments, seconds on the show clock.
    pub(crate) t_s: Vec<f64>,
    /// Largest horizontal speed at each moment.
    pub(crate) xy_m_s: Vec<f64>,
    /// Largest climb speed at each moment (0 when none climbs).
    pub(crate) up_m_s: Vec<f64>,
    /// Largest descent speed at each moment, positive (0 when none descends).
    pub(crate) down_m_s: Vec<f64>,
}

impl MotionSpeeds {
    /// The speeds of `show`'s drones from `start_s` to `end_s` (none for an empty or
    /// unusable span).
    pub(crate) fn measure(show: &FlightShow, start_s: f64, end_s: f64) -> MotionSpeeds {
        if !(start_s.is_finite() && end_s.is_finite() && end_s > start_s) {
            return MotionSpeeds::default();
        }
        let t_s: Vec<f64> = (0..=SAMPLES)
            .map(|k| start_s + (end_s - start_s) * k as f64 / SAMPLES as f64)
            .collect();
        let n = t_s.len();
        let (mut xy, mut up, mut down) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
        for d in &show.drones {
            for (k, &t) in t_s.iter().enumerate() {
                let v = d.trajectory.velocity(t);
                if !v.is_finite() {
                    continue;
                }
                xy[k] = f64::max(xy[k], v.x.hypot(v.y));
                up[k] = f64::max(up[k], v.z);
                down[k] = f64::max(down[k], -v.z);
            }
        }
        MotionSpeeds {
            t_s,
            xy_m_s: xy,
            up_m_s: up,
            down_m_s: down,
        }
    }

    /// The plot: the three speeds over the hold against their limits, with a key.
    fn plot(&self, input: &ReportInput, f: &ReportFormation) -> String {
        let l = &input.limits;
        let peak = [&self.xy_m_s, &self.up_m_s, &self.down_m_s]
            .iter()
            .flat_map(|v| v.iter().copied())
            .chain([l.max_speed_xy_m_s, l.max_speed_up_m_s, l.max_speed_down_m_s])
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max);
        let mut p = SvgPlot::new(200.0, (f.start_s, f.end_s), (0.0, nice_max(peak)));
        p.axes(&tx(input, msg!("report-axis-show-time")), "m/s");
        p.line(&self.t_s, &self.xy_m_s, "s2");
        p.line(&self.t_s, &self.up_m_s, "s3");
        p.line(&self.t_s, &self.down_m_s, "s4");
        p.hlimit(
            l.max_speed_xy_m_s,
            &tx(
                input,
                msg!("report-limit-xy", limit = fmt2(l.max_speed_xy_m_s)),
            ),
        );
        let (up, down) = (l.max_speed_up_m_s, l.max_speed_down_m_s);
        if (up - down).abs() < 1e-9 {
            let label = msg!("report-limit-up-down", limit = fmt2(up));
            p.hlimit(up, &tx(input, label));
        } else {
            p.hlimit(up, &tx(input, msg!("report-limit-climb", limit = fmt2(up))));
            let label = msg!("report-limit-descent", limit = fmt2(down));
            p.hlimit(down, &tx(input, label));
        }
        let keys = [
            ("s2", msg!("report-motion-key-xy")),
            ("s3", msg!("report-motion-key-up")),
            ("s4", msg!("report-motion-key-down")),
        ];
        let mut key = String::new();
        for (i, (class, label)) in keys.into_iter().enumerate() {
            let x = 70.0 + 150.0 * i as f64;
            let _ = write!(
                key,
                r##"<line x1="{}" y1="22" x2="{}" y2="22" class="{class}"/><text x="{}" y="26" class="key">{}</text>"##,
                num(x),
                num(x + 18.0),
                num(x + 23.0),
                esc(&tx(input, label))
            );
        }
        p.raw(&key);
        p.finish(&tx(
            input,
            msg!("report-motion-aria", formation = f.name.as_str()),
        ))
    }
}

/// A speed plot per moving formation (empty when none moves), for the speed section.
pub(crate) fn motion_plots(input: &ReportInput) -> String {
    let moving: Vec<&ReportFormation> = input
        .formations
        .iter()
        .filter(|f| !f.motion.is_empty())
        .collect();
    let mut s = String::new();
    for f in moving.iter().take(MAX_PLOTS) {
        let speeds = MotionSpeeds::measure(input.show, f.start_s, f.end_s);
        let heading = msg!(
            "report-motion-heading",
            formation = f.name.as_str(),
            kinds = f.motion.join(", "),
            start = clock(f.start_s),
            end = clock(f.end_s)
        );
        let _ = write!(
            s,
            "<h3>{}</h3>\n{}\n",
            txh(input, heading),
            speeds.plot(input, f)
        );
    }
    if moving.len() > MAX_PLOTS {
        let more = moving.len() - MAX_PLOTS;
        s.push_str(&note(input, msg!("report-motion-more", count = more)));
    }
    if !moving.is_empty() {
        s.push_str(&note(
            input,
            msg!("report-motion-note", moments = SAMPLES + 1),
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use skyshow_model::{Drone, LightProgram, Segment, Trajectory, Vec3};

    use super::*;

    fn drone(tr: Trajectory) -> Drone {
        Drone {
            name: "d".into(),
            home: tr.start,
            trajectory: tr,
            lights: LightProgram::default(),
        }
    }

    #[test]
    fn speeds_are_the_fastest_drone_at_each_moment() {
        // One drone flies 30 m east in 10 s (3 m/s) then climbs 10 m in 5 s (2 m/s); the
        // other descends 5 m over the whole 15 s (1/3 m/s).
        let a = Vec3::new(0.0, 0.0, 10.0);
        let b = Vec3::new(30.0, 0.0, 10.0);
        let c = Vec3::new(30.0, 0.0, 20.0);
        let mut t1 = Trajectory::new(a);
        t1.push(Segment::line(0.0, 10.0, a, b));
        t1.push(Segment::line(10.0, 15.0, b, c));
        let mut t2 = Trajectory::new(c);
        t2.push(Segment::line(0.0, 15.0, c, c - Vec3::new(0.0, 0.0, 5.0)));
        let show = FlightShow {
            drones: vec![drone(t1), drone(t2)],
            ..FlightShow::default()
        };
        let m = MotionSpeeds::measure(&show, 0.0, 15.0);
        assert_eq!(m.t_s.len(), SAMPLES + 1);
        let at = |t: f64| m.t_s.iter().position(|&x| (x - t).abs() < 1e-9).unwrap();
        let k = at(5.0);
        assert!((m.xy_m_s[k] - 3.0).abs() < 1e-9);
        assert!(m.up_m_s[k].abs() < 1e-9);
        assert!((m.down_m_s[k] - 1.0 / 3.0).abs() < 1e-9);
        let k = at(12.5);
        assert!(m.xy_m_s[k].abs() < 1e-9);
        assert!((m.up_m_s[k] - 2.0).abs() < 1e-9);
        assert_eq!(
            MotionSpeeds::measure(&show, 3.0, 3.0),
            MotionSpeeds::default()
        );
    }
}
