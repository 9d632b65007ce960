//! `HoldMotion`: a formation's motion over its hold, resolved to seconds — the common
//! representation every moving formation lowers to (rigid motions, morph sequences, glTF
//! and CSV animations). It gives each point's position at any moment of the hold; the
//! rest of the pipeline (limits, fitting, the planner) only asks it that.

use skyshow_model::Vec3;

use super::base::Base;
use super::rigid::{RigidMotion, pose_at};

/// Where every point of a moving formation is at each moment of its hold. Times are
/// seconds from the start of the hold, `0 ..= duration_s()`; positions show frame, metres.
/// Every point is at rest at `0` and at `duration_s()`.
#[derive(Clone, Debug, PartialEq)]
pub struct HoldMotion {
    pub(crate) duration_s: f64,
    /// The formation's centre at rest (what pivots are offsets from).
    pub(crate) rest_centre: Vec3,
    /// The formation's own axes at rest: right, up, towards the audience.
    pub(crate) own_axes: [Vec3; 3],
    pub(crate) base: Base,
    pub(crate) rigid: Vec<RigidMotion>,
}

/// Step of the central differences for velocities, seconds.
const DIFF_S: f64 = 1e-4;

impl HoldMotion {
    /// Length of the hold, seconds.
    pub fn duration_s(&self) -> f64 {
        self.duration_s
    }

    /// Number of points.
    pub fn points(&self) -> usize {
        self.base.points()
    }

    /// Point `i`'s position at hold time `t` (clamped to the hold).
    pub fn position(&self, i: usize, t: f64) -> Vec3 {
        let t = t.clamp(0.0, self.duration_s);
        let p = self.base.position(i, t);
        if self.rigid.is_empty() {
            return p;
        }
        pose_at(&self.rigid, self.rest_centre, &self.own_axes, t).place(p, self.rest_centre)
    }

    /// Every point's position at hold time `t`, into `out` (one per point).
    pub fn positions(&self, t: f64, out: &mut [Vec3]) {
        self.positions_of(0, t, out);
    }

    /// Points `first..first + out.len()` at hold time `t`.
    pub(crate) fn positions_of(&self, first: usize, t: f64, out: &mut [Vec3]) {
        let t = t.clamp(0.0, self.duration_s);
        self.base.positions_of(first, t, out);
        if self.rigid.is_empty() {
            return;
        }
        let pose = pose_at(&self.rigid, self.rest_centre, &self.own_axes, t);
        for o in out.iter_mut() {
            *o = pose.place(*o, self.rest_centre);
        }
    }

    /// Point `i`'s velocity at hold time `t`, m/s: exactly zero before anything moves and
    /// once everything has come to rest (so the curves there are exact holds), a central
    /// difference in between that never reaches across those moments (one just after the
    /// motion ends would otherwise see it still moving).
    pub fn velocity(&self, i: usize, t: f64) -> Vec3 {
        let (lo, hi) = self.active_span();
        if t <= lo || t >= hi {
            return Vec3::ZERO;
        }
        let a = (t - DIFF_S).max(lo);
        let b = (t + DIFF_S).min(hi);
        (self.position(i, b) - self.position(i, a)) / (b - a)
    }

    /// What moves the formation, in show-file words: the rigid motions' kinds (`rotate`,
    /// `move`, `scale`) in order, after `morph` or `animation` when the picture deforms.
    pub fn kinds(&self) -> Vec<String> {
        let mut k = Vec::new();
        match &self.base {
            Base::Still(_) => {}
            Base::Morph(_) => k.push("morph".to_string()),
            Base::Clip(_) => k.push("animation".to_string()),
        }
        for m in &self.rigid {
            if !k.iter().any(|x| x == m.name()) {
                k.push(m.name().to_string());
            }
        }
        k
    }

    /// Moments where the motion's acceleration may jump (starts and ends of motions,
    /// repetitions, morphs and ramps): good places for curve joints.
    pub fn breaks(&self) -> Vec<f64> {
        let mut b = self.base.breaks();
        for m in &self.rigid {
            for w in &m.windows {
                b.extend([w.0, w.1]);
            }
            if m.easing == skyshow_model::Easing::Linear {
                let (s, e) = m.span();
                let r = m.ramp * (e - s);
                b.extend([s + r, e - r]);
            }
        }
        b.retain(|t| *t > 0.0 && *t < self.duration_s);
        b.sort_by(f64::total_cmp);
        b.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
        b
    }

    /// The first and last moment anything moves (within `0 ..= duration_s()`).
    pub fn active_span(&self) -> (f64, f64) {
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        if !self.base.is_still() {
            lo = 0.0;
            hi = match &self.base {
                Base::Clip(c) => c.play().0.min(self.duration_s),
                Base::Morph(m) => m.windows.last().map_or(0.0, |w| w.1),
                Base::Still(_) => 0.0,
            };
            if let Base::Morph(m) = &self.base {
                lo = m.windows.first().map_or(0.0, |w| w.0);
            }
        }
        for m in &self.rigid {
            let (a, b) = m.span();
            lo = lo.min(a);
            hi = hi.max(b);
        }
        if lo > hi {
            (0.0, 0.0)
        } else {
            (lo.max(0.0), hi.min(self.duration_s))
        }
    }

    /// True when only rigid motions act on a still picture (distances only change by
    /// scaling).
    pub fn is_rigid(&self) -> bool {
        self.base.is_still()
    }

    /// The formation's size relative to rest at `t` (1 unless it is scaled).
    pub fn scale_at(&self, t: f64) -> f64 {
        pose_at(&self.rigid, self.rest_centre, &self.own_axes, t).scale
    }
}
