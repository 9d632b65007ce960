//! Designing each drone's light steps from the plan.

use rayon::prelude::*;
use skyshow_model::{
    ColorWalk, LightFrame, LightProgram, LightStep, PositionWalk, Rgb, ShowDesign,
};
use skyshow_plan::ShowPlan;

use crate::bytecode::{FRAME_MS, encode};
use crate::effect_sampler::{EffectSampler, Probe, blend};
use crate::frame_fit::FrameFit;
use crate::stage::Stage;

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

/// The light program of every drone: formation colours only.
pub fn design_lights(plan: &ShowPlan, opts: &LightOptions) -> Vec<LightProgram> {
    (0..plan.trajectories.len())
        .map(|i| {
            let steps = base_steps(plan, i, opts);
            let bytecode = encode(&steps);
            LightProgram { steps, bytecode }
        })
        .collect()
}

/// The light program of every drone: formation colours with the show's light effects
/// stacked over them (in file order), sampled on the 20 ms clock and fitted back into
/// steps within 2 colour units. Drones no effect touches keep their plain programs.
pub fn design_show_lights(
    plan: &ShowPlan,
    design: &ShowDesign,
    opts: &LightOptions,
) -> Vec<LightProgram> {
    let lighting = Lighting::new(plan, design);
    (0..plan.trajectories.len())
        .into_par_iter()
        .map(|i| lighting.program(i, opts))
        .collect()
}

/// A show's lights made ready to design any drone's program: the stage effects are drawn
/// in, and every effect prepared for sampling.
pub(crate) struct Lighting<'a> {
    pub(crate) plan: &'a ShowPlan,
    pub(crate) stage: Stage,
    pub(crate) samplers: Vec<EffectSampler<'a>>,
}

impl<'a> Lighting<'a> {
    pub(crate) fn new(plan: &'a ShowPlan, design: &'a ShowDesign) -> Self {
        Lighting {
            plan,
            stage: stage(plan, design),
            samplers: design
                .lights
                .iter()
                .map(|e| EffectSampler::new(e, plan, design.music.as_ref()))
                .collect(),
        }
    }

    /// The indices of the effects that may light drone `i`, in file order.
    pub(crate) fn effects_of(&self, i: usize) -> Vec<usize> {
        (0..self.samplers.len())
            .filter(|&k| {
                let s = &self.samplers[k];
                s.end_s > s.start_s && s.targets_drone(i, self.plan)
            })
            .collect()
    }

    /// Drone `i`'s light program (see [`design_show_lights`]).
    pub(crate) fn program(&self, i: usize, opts: &LightOptions) -> LightProgram {
        self.program_with(i, &self.effects_of(i), opts)
    }

    /// Drone `i`'s light program, given the effects that may light it
    /// ([`Lighting::effects_of`]).
    pub(crate) fn program_with(
        &self,
        i: usize,
        effects: &[usize],
        opts: &LightOptions,
    ) -> LightProgram {
        let base = base_steps(self.plan, i, opts);
        let mine: Vec<&EffectSampler<'_>> = effects.iter().map(|&k| &self.samplers[k]).collect();
        let steps = if mine.is_empty() {
            base
        } else {
            let frames = render(self.plan, &self.stage, &mine, i, &base);
            FrameFit::DEFAULT.fit(&frames)
        };
        let bytecode = encode(&steps);
        LightProgram { steps, bytecode }
    }
}

/// Drone `i`'s designed colour at every 20 ms frame (frame `k` at `k` × 20 ms, to the end
/// of its program): its formation colours with the show's effects on top. This is what
/// [`design_show_lights`] fits its steps to.
pub fn designed_frames(
    plan: &ShowPlan,
    design: &ShowDesign,
    opts: &LightOptions,
    i: usize,
) -> Vec<Rgb> {
    let lighting = Lighting::new(plan, design);
    let mine: Vec<&EffectSampler<'_>> = lighting
        .effects_of(i)
        .into_iter()
        .map(|k| &lighting.samplers[k])
        .collect();
    render(plan, &lighting.stage, &mine, i, &base_steps(plan, i, opts))
}

/// The show's stage, with the sky frames measured when an effect is drawn in the sky.
fn stage(plan: &ShowPlan, design: &ShowDesign) -> Stage {
    let stage = Stage::new(plan, design.audience_azimuth_deg);
    if design.lights.iter().any(|e| e.frame == LightFrame::Sky) {
        stage.with_sky(plan)
    } else {
        stage
    }
}

/// Drone `i`'s colour at every frame: its plain program with the effects on top.
fn render(
    plan: &ShowPlan,
    stage: &Stage,
    effects: &[&EffectSampler<'_>],
    i: usize,
    base: &[LightStep],
) -> Vec<Rgb> {
    let plain = LightProgram {
        steps: base.to_vec(),
        bytecode: Vec::new(),
    };
    let frame_of = |t: f64| (t * 1000.0 / FRAME_MS as f64).round() as usize;
    let last = frame_of(plain.end_time());
    let time = |k: usize| (k as i64 * FRAME_MS) as f64 / 1000.0;
    let mut walk = ColorWalk::new(&plain);
    let mut frames: Vec<Rgb> = (0..=last).map(|k| walk.at(time(k))).collect();
    let lo = effects
        .iter()
        .map(|e| frame_of(e.start_s))
        .min()
        .unwrap_or(0);
    let hi = effects
        .iter()
        .map(|e| frame_of(e.end_s))
        .max()
        .unwrap_or(0)
        .min(last);
    let traj = &plan.trajectories[i];
    let first_ms = plan.transitions.first().map_or(0, |t| t.start_ms);
    let mut position = PositionWalk::new(traj);
    // The effects whose window holds the frame, in file order (an effect outside its
    // window gives nothing, so the others need not be placed or sampled).
    let mut active: Vec<&EffectSampler<'_>> = Vec::with_capacity(effects.len());
    for (k, frame) in frames.iter_mut().enumerate().take(hi + 1).skip(lo) {
        let t = time(k);
        // Effects light drones in the air only: from the first transition to the landing.
        let t_ms = k as i64 * FRAME_MS;
        if t_ms < first_ms || t_ms >= plan.landing_start_ms {
            continue;
        }
        active.clear();
        active.extend(
            effects
                .iter()
                .copied()
                .filter(|e| t >= e.start_s && t < e.end_s),
        );
        if active.is_empty() {
            continue;
        }
        let on = stage.on_stage(t_ms);
        let at = position.at(t);
        let c = *frame;
        let mut col = [c.r, c.g, c.b].map(|x| f64::from(x) / 255.0);
        let mut touched = false;
        for e in &active {
            let fx = e.effect();
            // Effects on the show at large only light drones in the picture on stage.
            if fx.target.formation.is_none() && plan.formations[on].point_of[i].is_none() {
                continue;
            }
            let k = fx.frame_formation.unwrap_or(on);
            let probe = Probe {
                drone: i,
                t,
                position: Stage::place(plan, k, fx.frame, i, t_ms, at),
            };
            if let Some((c, a)) = e.sample(&probe, stage, k) {
                col = blend(col, c, fx.blend, a);
                touched = true;
            }
        }
        if touched {
            let q = |x: f64| (x.clamp(0.0, 1.0) * 255.0).round() as u8;
            *frame = Rgb::new(q(col[0]), q(col[1]), q(col[2]));
        }
    }
    frames
}

/// Drone `i`'s formation colours: dark on the ground and parked, each formation's colour
/// while it holds, linear fades during transitions, a fade out at landing.
fn base_steps(plan: &ShowPlan, i: usize, opts: &LightOptions) -> Vec<LightStep> {
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
    steps
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
