//! Designing each drone's light steps from the plan.

use skyshow_model::{LightProgram, LightStep, Rgb};
use skyshow_plan::ShowPlan;

use crate::bytecode::{FRAME_MS, encode};

/// Light options.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LightOptions {
    /// How long the lights take to fade out when the landing starts, seconds. Default 2.
    pub landing_fade_s: f64,
}

impl LightOptions {
    /// The defaults.
    pub const DEFAULT: LightOptions = LightOptions {
        landing_fade_s: 2.0,
    };
}

impl Default for LightOptions {
    fn default() -> Self {
        LightOptions::DEFAULT
    }
}

fn frame_s(t_ms: i64) -> f64 {
    let f = (t_ms as f64 / FRAME_MS as f64).round() as i64;
    (f * FRAME_MS) as f64 / 1000.0
}

/// The light program of every drone.
pub fn design_lights(plan: &ShowPlan, opts: &LightOptions) -> Vec<LightProgram> {
    let n = plan.trajectories.len();
    (0..n)
        .map(|i| {
            let mut steps: Vec<LightStep> = Vec::new();
            let mut color = Rgb::BLACK;
            let push = |t0: f64, t1: f64, from: Rgb, to: Rgb, steps: &mut Vec<LightStep>| {
                if t1 <= t0 {
                    return;
                }
                if let Some(last) = steps.last_mut()
                    && last.from == last.to
                    && from == to
                    && last.to == from
                    && last.t1 == t0
                {
                    last.t1 = t1;
                    return;
                }
                steps.push(LightStep { t0, t1, from, to });
            };
            for (k, f) in plan.formations.iter().enumerate() {
                let tr = &plan.transitions[k];
                let c = f.point_of[i].map_or(Rgb::BLACK, |p| f.formation.colors[p]);
                let t0 = frame_s(tr.start_ms);
                let t1 = frame_s(tr.start_ms + tr.duration_ms);
                push(t0, t1, color, c, &mut steps);
                push(t1, frame_s(f.end_ms), c, c, &mut steps);
                color = c;
            }
            let l0 = frame_s(plan.landing_start_ms);
            let l1 = frame_s(plan.landing_start_ms + (opts.landing_fade_s * 1000.0).round() as i64);
            push(l0, l1, color, Rgb::BLACK, &mut steps);
            // Cover the whole show explicitly: dark until the last drone has landed.
            let end = frame_s(plan.end_ms + FRAME_MS - 1).max(l1);
            push(l1, end, Rgb::BLACK, Rgb::BLACK, &mut steps);
            let bytecode = encode(&steps);
            LightProgram { steps, bytecode }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_plan::{PlanOptions, plan_show};

    const SHOW: &str = r##"
title = "t"
[fleet]
drones = 9
[fleet.grid]
rows = 3
columns = 3
spacing_m = 4
[[chapter]]
name = "c"
[[chapter.formation]]
name = "a"
hold = 10
shape = "line"
length_m = 40
center = [0, 0, 30]
color = "red"
[[chapter.formation]]
name = "b"
hold = 10
shape = "circle"
radius_m = 10
count = 4
center = [0, 0, 30]
color = "#0000ff"
"##;

    #[test]
    fn colours_follow_the_plan() {
        let (design, _) = skyshow_import::parse_show("t.toml", SHOW).unwrap();
        let plan = plan_show(&design, &PlanOptions::DEFAULT).unwrap();
        let progs = design_lights(&plan, &LightOptions::DEFAULT);
        let red = Rgb::new(255, 24, 16);
        let blue = Rgb::new(0, 0, 255);
        let fa = &plan.formations[0];
        let fb = &plan.formations[1];
        let mid = |f: &skyshow_plan::PlannedFormation| (f.start_ms + f.end_ms) as f64 / 2000.0;
        let mut lit_b = 0;
        for (i, p) in progs.iter().enumerate() {
            assert_eq!(p.color_at(0.0), Rgb::BLACK, "dark on the ground");
            assert_eq!(p.color_at(mid(fa)), red);
            match fb.point_of[i] {
                Some(_) => {
                    lit_b += 1;
                    assert_eq!(p.color_at(mid(fb)), blue);
                }
                None => assert_eq!(p.color_at(mid(fb)), Rgb::BLACK, "parked drones are dark"),
            }
            assert_eq!(
                p.color_at(plan.end_ms as f64 / 1000.0),
                Rgb::BLACK,
                "dark after landing"
            );
            assert_eq!(*p.bytecode.last().unwrap(), 0x00, "ends with END");
        }
        assert_eq!(lit_b, 4);
    }
}
