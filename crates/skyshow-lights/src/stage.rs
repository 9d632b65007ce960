//! `Stage`: where each formation is as the audience sees it, and which one is on stage
//! when — the spatial frame light effects are drawn in. A moving formation has two:
//! its still picture (effects painted on the shape) and the box it sweeps through the
//! sky during its hold (effects fixed in the sky).

use rayon::prelude::*;
use skyshow_model::{Axis, LightFrame, PositionWalk, Vec3};
use skyshow_plan::ShowPlan;

/// Step at which a moving hold is sampled for the box it sweeps, seconds.
const SWEEP_STEP_S: f64 = 0.1;

/// One formation's bounding box in the audience's view.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Frame {
    /// Smallest and largest position along the audience's right.
    right: (f64, f64),
    /// Smallest and largest height.
    up: (f64, f64),
    /// World bounding box (for show-frame axes).
    lo: Vec3,
    hi: Vec3,
}

/// The formations' frames and on-stage windows.
#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    /// The audience's right in the show frame (horizontal unit vector).
    right: Vec3,
    frames: Vec<Frame>,
    /// The box each moving formation sweeps during its hold (`None` for still ones, or
    /// when no effect is drawn in the sky).
    swept: Vec<Option<Frame>>,
    /// When each formation comes on stage (its transition leaves), ms.
    on_ms: Vec<i64>,
}

fn span(lo: f64, hi: f64, x: f64) -> f64 {
    if hi - lo < 1e-9 {
        0.5
    } else {
        (x - lo) / (hi - lo)
    }
}

impl Frame {
    const EMPTY: Frame = Frame {
        right: (f64::INFINITY, f64::NEG_INFINITY),
        up: (f64::INFINITY, f64::NEG_INFINITY),
        lo: Vec3::new(f64::INFINITY, f64::INFINITY, f64::INFINITY),
        hi: Vec3::new(f64::NEG_INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY),
    };

    /// The frame grown to hold `p` (`right` = the audience's right).
    fn with(mut self, p: Vec3, right: Vec3) -> Frame {
        let r = p.dot(right);
        self.right = (self.right.0.min(r), self.right.1.max(r));
        self.up = (self.up.0.min(p.z), self.up.1.max(p.z));
        self.lo = self.lo.min(p);
        self.hi = self.hi.max(p);
        self
    }

    /// The smallest frame holding both.
    fn union(self, o: Frame) -> Frame {
        Frame {
            right: (self.right.0.min(o.right.0), self.right.1.max(o.right.1)),
            up: (self.up.0.min(o.up.0), self.up.1.max(o.up.1)),
            lo: self.lo.min(o.lo),
            hi: self.hi.max(o.hi),
        }
    }
}

/// The box formation `k` of `plan` sweeps during its hold: its drones' flown positions
/// every [`SWEEP_STEP_S`] and at the hold's ends.
fn swept(plan: &ShowPlan, k: usize, right: Vec3) -> Frame {
    let f = &plan.formations[k];
    let (t0, t1) = (f.start_ms as f64 / 1000.0, f.end_ms as f64 / 1000.0);
    let steps = ((t1 - t0) / SWEEP_STEP_S).ceil().max(1.0) as usize;
    let drones: Vec<usize> = (0..f.point_of.len())
        .filter(|i| f.point_of[*i].is_some())
        .collect();
    drones
        .par_iter()
        .map(|&i| {
            let mut walk = PositionWalk::new(&plan.trajectories[i]);
            (0..=steps).fold(Frame::EMPTY, |fr, s| {
                let t = (t0 + s as f64 * SWEEP_STEP_S).min(t1);
                fr.with(walk.at(t), right)
            })
        })
        .reduce(|| Frame::EMPTY, Frame::union)
}

impl Stage {
    /// The stage of `plan` seen by an audience at `audience_azimuth_deg` (direction from the
    /// stage towards the audience, 0 = +X).
    pub fn new(plan: &ShowPlan, audience_azimuth_deg: f64) -> Stage {
        let a = audience_azimuth_deg.to_radians();
        // The audience looks along −(cos a, sin a, 0); its right is that × up.
        let look = Vec3::new(-a.cos(), -a.sin(), 0.0);
        let right = look.cross(Vec3::new(0.0, 0.0, 1.0)).normalized();
        let frames = plan
            .formations
            .iter()
            .map(|f| {
                f.formation
                    .points
                    .iter()
                    .fold(Frame::EMPTY, |fr, p| fr.with(*p, right))
            })
            .collect();
        let on_ms = plan.transitions.iter().map(|t| t.start_ms).collect();
        Stage {
            right,
            swept: vec![None; plan.formations.len()],
            frames,
            on_ms,
        }
    }

    /// The stage with the sky frames of `plan`'s moving formations measured (the box each
    /// sweeps during its hold), for effects drawn with [`LightFrame::Sky`].
    pub fn with_sky(mut self, plan: &ShowPlan) -> Stage {
        for (k, f) in plan.formations.iter().enumerate() {
            if f.motion.is_some() {
                self.swept[k] = Some(swept(plan, k, self.right));
            }
        }
        self
    }

    /// Where drone `i` at `at` (flown, show frame) is drawn in formation `k`'s picture at
    /// show time `t_ms`: in the [`LightFrame::Formation`] frame a drone holding a moving
    /// formation `k` keeps its point's place in the still picture; otherwise where it is.
    pub fn place(
        plan: &ShowPlan,
        k: usize,
        frame: LightFrame,
        i: usize,
        t_ms: i64,
        at: Vec3,
    ) -> Vec3 {
        let f = &plan.formations[k];
        if frame != LightFrame::Formation || f.motion.is_none() {
            return at;
        }
        match f.point_of[i] {
            Some(p) if (f.start_ms..=f.end_ms).contains(&t_ms) => f.formation.points[p],
            _ => at,
        }
    }

    /// Formation `k`'s box in `frame`.
    fn frame(&self, k: usize, frame: LightFrame) -> &Frame {
        match (frame, &self.swept[k]) {
            (LightFrame::Sky, Some(s)) => s,
            _ => &self.frames[k],
        }
    }

    /// The formation on stage at `t_ms`: the last whose transition has left (the first
    /// before that).
    pub fn on_stage(&self, t_ms: i64) -> usize {
        self.on_ms.partition_point(|s| *s <= t_ms).saturating_sub(1)
    }

    /// `[u, v]` of world point `p` in formation `k`'s picture drawn in `frame`: 0–1 from its
    /// left and bottom.
    pub fn uv(&self, k: usize, frame: LightFrame, p: Vec3) -> [f64; 2] {
        let f = self.frame(k, frame);
        [
            span(f.right.0, f.right.1, p.dot(self.right)),
            span(f.up.0, f.up.1, p.z),
        ]
    }

    /// Position of `p` along `axis` over formation `k`'s extent, 0 at the low end, 1 at the
    /// high end.
    pub fn along(&self, k: usize, frame: LightFrame, axis: Axis, p: Vec3) -> f64 {
        match axis {
            Axis::Picture(deg) => {
                let [u, v] = self.uv(k, frame, p);
                let (s, c) = deg.to_radians().sin_cos();
                let reach = c.abs() + s.abs();
                ((u - 0.5) * c + (v - 0.5) * s) / reach + 0.5
            }
            Axis::Show(d) => {
                let f = self.frame(k, frame);
                let mut lo = f64::INFINITY;
                let mut hi = f64::NEG_INFINITY;
                for x in [f.lo.x, f.hi.x] {
                    for y in [f.lo.y, f.hi.y] {
                        for z in [f.lo.z, f.hi.z] {
                            let s = Vec3::new(x, y, z).dot(d);
                            lo = lo.min(s);
                            hi = hi.max(s);
                        }
                    }
                }
                span(lo, hi, p.dot(d))
            }
        }
    }
}
