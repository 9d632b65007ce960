//! `Stage`: where each formation is as the audience sees it, and which one is on stage
//! when — the spatial frame light effects are drawn in.

use skyshow_model::{Axis, Vec3};
use skyshow_plan::ShowPlan;

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
                let mut fr = Frame {
                    right: (f64::INFINITY, f64::NEG_INFINITY),
                    up: (f64::INFINITY, f64::NEG_INFINITY),
                    lo: Vec3::new(f64::INFINITY, f64::INFINITY, f64::INFINITY),
                    hi: Vec3::new(f64::NEG_INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY),
                };
                for p in &f.formation.points {
                    let r = p.dot(right);
                    fr.right = (fr.right.0.min(r), fr.right.1.max(r));
                    fr.up = (fr.up.0.min(p.z), fr.up.1.max(p.z));
                    fr.lo = fr.lo.min(*p);
                    fr.hi = fr.hi.max(*p);
                }
                fr
            })
            .collect();
        let on_ms = plan.transitions.iter().map(|t| t.start_ms).collect();
        Stage {
            right,
            frames,
            on_ms,
        }
    }

    /// The formation on stage at `t_ms`: the last whose transition has left (the first
    /// before that).
    pub fn on_stage(&self, t_ms: i64) -> usize {
        self.on_ms.partition_point(|s| *s <= t_ms).saturating_sub(1)
    }

    /// `[u, v]` of world point `p` in formation `k`'s picture: 0–1 from its left and bottom.
    pub fn uv(&self, k: usize, p: Vec3) -> [f64; 2] {
        let f = &self.frames[k];
        [
            span(f.right.0, f.right.1, p.dot(self.right)),
            span(f.up.0, f.up.1, p.z),
        ]
    }

    /// Position of `p` along `axis` over formation `k`'s extent, 0 at the low end, 1 at the
    /// high end.
    pub fn along(&self, k: usize, axis: Axis, p: Vec3) -> f64 {
        match axis {
            Axis::Picture(deg) => {
                let [u, v] = self.uv(k, p);
                let (s, c) = deg.to_radians().sin_cos();
                let reach = c.abs() + s.abs();
                ((u - 0.5) * c + (v - 0.5) * s) / reach + 0.5
            }
            Axis::Show(d) => {
                let f = &self.frames[k];
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
