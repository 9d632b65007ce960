//! Threshold queries on a moving hold's kinematics: does any sample of
//! [`kinematics`](super::figures::kinematics) exceed a ceiling? The searches (the shortest
//! ramps, the fastest playback) only ask that, many times over, so it is answered on the
//! very samples and numbers `kinematics` measures, but without measuring what cannot reach
//! a ceiling:
//!
//! - it stops at the first sample beyond a ceiling;
//! - for a still picture moved rigidly, every point's position is an affine map of its
//!   rest point (`centre + scale · turn · (p − rest_centre)`), so the velocity and the
//!   acceleration a sample measures are affine in the rest point too. Their value at the
//!   rest centre plus the map's norm times the picture's radius bounds every point (with
//!   a margin for rounding); moments whose bound stays under every ceiling are skipped
//!   without placing a point. A turn at a steady rate is then checked in time linear in
//!   its samples, not in samples × drones.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use skyshow_model::Vec3;

use super::HoldMotion;
use super::base::Base;
use super::pose::Pose;
use super::rigid::pose_at;

/// The ceilings of a query (`f64::INFINITY` where a figure is not asked about).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Ceilings {
    /// Horizontal speed, m/s.
    pub(crate) speed_xy: f64,
    /// Climb, m/s.
    pub(crate) speed_up: f64,
    /// Descent, m/s.
    pub(crate) speed_down: f64,
    /// Acceleration (norm), m/s².
    pub(crate) accel: f64,
}

impl Ceilings {
    /// Only the acceleration.
    pub(crate) fn accel(a: f64) -> Ceilings {
        Ceilings {
            speed_xy: f64::INFINITY,
            speed_up: f64::INFINITY,
            speed_down: f64::INFINITY,
            accel: a,
        }
    }

    /// True when a sample's velocity `v` or acceleration `a` is beyond a ceiling.
    fn exceeded(&self, v: Vec3, a: Vec3) -> bool {
        v.norm_xy() > self.speed_xy
            || v.z > self.speed_up
            || -v.z > self.speed_down
            || a.norm() > self.accel
    }
}

/// Points per parallel chunk (as `kinematics` chunks them).
pub(crate) const CHUNK: usize = 256;

/// The sampling of `kinematics(motion, t0, t1, step_s)`: its step count and step.
fn grid(t0: f64, t1: f64, step_s: f64) -> (usize, f64) {
    let span = (t1 - t0).max(0.0);
    let steps = ((span / step_s).ceil() as usize).max(1);
    (steps, span.max(1e-9) / steps as f64)
}

/// The velocity and acceleration `kinematics` measures from three positions around `t`.
fn differences(prev: Vec3, cur: Vec3, next: Vec3, h_back: f64, h_fwd: f64) -> (Vec3, Vec3) {
    let v = (next - prev) / (h_back + h_fwd);
    let a = ((next - cur) / h_fwd - (cur - prev) / h_back) / ((h_back + h_fwd) / 2.0);
    (v, a)
}

/// The spans of the differences at `t`, as `kinematics` takes them (the ends of the hold
/// clamp them).
fn spans(motion: &HoldMotion, t: f64, dt: f64) -> (f64, f64) {
    let h_back = (t.min(motion.duration_s()) - (t - dt).max(0.0)).max(1e-12);
    let h_fwd = ((t + dt).min(motion.duration_s()) - t.max(0.0)).max(1e-12);
    (h_back, h_fwd)
}

/// True when some sample `kinematics(motion, t0, t1, step_s)` takes has a speed or an
/// acceleration beyond `ceilings`: the same answer as comparing its figures, bit for bit.
pub(crate) fn beyond(
    motion: &HoldMotion,
    t0: f64,
    t1: f64,
    step_s: f64,
    ceilings: &Ceilings,
) -> bool {
    match &motion.base {
        Base::Still(rest) if !motion.rigid.is_empty() => {
            rigid_beyond(motion, rest, t0, t1, step_s, ceilings)
        }
        _ => sampled_beyond(motion, t0, t1, step_s, ceilings),
    }
}

/// Every point at every sample, chunk by chunk in parallel, stopping at the first sample
/// beyond a ceiling.
fn sampled_beyond(motion: &HoldMotion, t0: f64, t1: f64, step_s: f64, ceilings: &Ceilings) -> bool {
    let n = motion.points();
    let found = AtomicBool::new(false);
    (0..n.div_ceil(CHUNK)).into_par_iter().for_each(|c| {
        let first = c * CHUNK;
        let stop = || found.load(Ordering::Relaxed);
        let hit = walk_chunk(
            motion,
            first,
            CHUNK.min(n - first),
            (t0, t1, step_s),
            &stop,
            |s| ceilings.exceeded(s.v, s.a),
        );
        if hit {
            found.store(true, Ordering::Relaxed);
        }
    });
    found.into_inner()
}

/// One point at one sample of [`walk_chunk`].
pub(crate) struct Sample {
    /// The sample's time, seconds from the start of the hold.
    pub(crate) t: f64,
    /// The point.
    pub(crate) point: usize,
    /// Its position, velocity and acceleration.
    pub(crate) p: Vec3,
    pub(crate) v: Vec3,
    pub(crate) a: Vec3,
}

/// Walks the samples `kinematics` takes of points `first..first + len` between `t0` and
/// `t1` every `step_s` (`window`), in time order, calling `visit` for each point at each
/// sample: the positions placed once per sample (kept for the differences), stopping when
/// `visit` says so (then `true`) or when `stop` does (checked per sample).
pub(crate) fn walk_chunk(
    motion: &HoldMotion,
    first: usize,
    len: usize,
    window: (f64, f64, f64),
    stop: &dyn Fn() -> bool,
    mut visit: impl FnMut(Sample) -> bool,
) -> bool {
    let (t0, t1, step_s) = window;
    let (steps, dt) = grid(t0, t1, step_s);
    let mut prev = vec![Vec3::ZERO; len];
    let mut cur = vec![Vec3::ZERO; len];
    let mut next = vec![Vec3::ZERO; len];
    motion.positions_of(first, t0 - dt, &mut prev);
    motion.positions_of(first, t0, &mut cur);
    for k in 0..=steps {
        if stop() {
            return false;
        }
        let t = t0 + k as f64 * dt;
        motion.positions_of(first, t + dt, &mut next);
        let (h_back, h_fwd) = spans(motion, t, dt);
        for q in 0..len {
            let (v, a) = differences(prev[q], cur[q], next[q], h_back, h_fwd);
            let s = Sample {
                t,
                point: first + q,
                p: cur[q],
                v,
                a,
            };
            if visit(s) {
                return true;
            }
        }
        std::mem::swap(&mut prev, &mut cur);
        std::mem::swap(&mut cur, &mut next);
    }
    false
}

/// A still picture moved rigidly: each sample's bound over the whole picture first, the
/// points only where the bound reaches a ceiling.
fn rigid_beyond(
    motion: &HoldMotion,
    rest: &[Vec3],
    t0: f64,
    t1: f64,
    step_s: f64,
    ceilings: &Ceilings,
) -> bool {
    let (steps, dt) = grid(t0, t1, step_s);
    let rc = motion.rest_centre;
    let radius = rest.iter().map(|p| p.dist(rc)).fold(0.0, f64::max);
    let pose = |t: f64| {
        pose_at(
            &motion.rigid,
            rc,
            &motion.own_axes,
            t.clamp(0.0, motion.duration_s),
        )
    };
    // The moments `kinematics` places the points at for sample `k`: its rolling buffers
    // hold the position at `t0 − dt`, at `t0`, then at `(t0 + (j − 1)·dt) + dt`.
    let at = |j: i64| -> f64 {
        match j {
            -1 => t0 - dt,
            0 => t0,
            _ => (t0 + (j - 1) as f64 * dt) + dt,
        }
    };
    (0..=steps).into_par_iter().any(|k| {
        let t = t0 + k as f64 * dt;
        let (h_back, h_fwd) = spans(motion, t, dt);
        let times = [at(k as i64 - 1), at(k as i64), at(k as i64 + 1)];
        let poses = times.map(pose);
        if !bound_reaches(&poses, radius, h_back, h_fwd, ceilings) {
            return false;
        }
        // As `HoldMotion::position` places them, pose by pose.
        rest.iter().any(|p| {
            let [a, b, c] = poses.map(|pose| pose.place(*p, rc));
            let (v, acc) = differences(a, b, c, h_back, h_fwd);
            ceilings.exceeded(v, acc)
        })
    })
}

/// Whether the bound over every point of a picture within `radius` of its rest centre,
/// placed by `poses` (before, at and after a sample), reaches a ceiling.
fn bound_reaches(poses: &[Pose; 3], radius: f64, h_back: f64, h_fwd: f64, c: &Ceilings) -> bool {
    let [m0, m1, m2] = poses.map(|p| p.matrix());
    let [c0, c1, c2] = poses.map(|p| p.centre);
    let h = h_back + h_fwd;
    // The rest centre's own velocity and acceleration, and the maps' rows.
    let (v0, a0) = differences(c0, c1, c2, h_back, h_fwd);
    let rows = |r: usize| differences(m0[r], m1[r], m2[r], h_back, h_fwd);
    let (vr, ar): (Vec<Vec3>, Vec<Vec3>) = (0..3).map(rows).unzip();
    // Frobenius norms bound the operator norms.
    let v_xy = (vr[0].norm2() + vr[1].norm2()).sqrt();
    let v_z = vr[2].norm();
    let a_all = (ar[0].norm2() + ar[1].norm2() + ar[2].norm2()).sqrt();
    // Rounding: the points are placed to within a few ulps of the largest coordinate;
    // the differences scale that by their spans.
    let reach = poses
        .iter()
        .map(|p| p.centre.norm() + p.scale.abs() * radius)
        .fold(0.0, f64::max);
    let ulp = 64.0 * f64::EPSILON * reach.max(1.0);
    let slack_v = 2.0 * ulp / h + 1e-12;
    let slack_a = (2.0 * ulp / h_fwd + 2.0 * ulp / h_back) / (h / 2.0) + 1e-12;
    // And a relative margin for the divisions' own rounding.
    let over = |bound: f64, slack: f64, ceiling: f64| bound + bound.abs() * 1e-9 + slack > ceiling;
    over(v0.norm_xy() + v_xy * radius, slack_v, c.speed_xy)
        || over(v0.z + v_z * radius, slack_v, c.speed_up)
        || over(-v0.z + v_z * radius, slack_v, c.speed_down)
        || over(a0.norm() + a_all * radius, slack_a, c.accel)
}

#[cfg(test)]
mod tests {
    use skyshow_model::{Easing, MotionAxis, PointTracks};

    use super::super::base::ClipPlay;
    use super::super::figures::kinematics;
    use super::super::rigid::{RigidKind, RigidMotion};
    use super::*;

    fn rigid_motion(points: Vec<Vec3>, ramp: f64) -> HoldMotion {
        let centre = Vec3::new(0.0, 0.0, 60.0);
        HoldMotion {
            duration_s: 30.0,
            rest_centre: centre,
            own_axes: [
                Vec3::new(0.0, 1.0, 0.0),
                Vec3::new(0.0, 0.0, 1.0),
                Vec3::new(-1.0, 0.0, 0.0),
            ],
            base: Base::Still(points),
            rigid: vec![
                RigidMotion {
                    index: 0,
                    kind: RigidKind::Rotate {
                        axis: MotionAxis::Show(Vec3::new(0.2, 0.1, 1.0)),
                        angle_rad: 2.0 * std::f64::consts::PI,
                    },
                    pivot: Vec3::new(3.0, 0.0, 0.0),
                    windows: vec![(2.0, 26.0)],
                    easing: Easing::Linear,
                    ramp,
                },
                RigidMotion {
                    index: 1,
                    kind: RigidKind::Scale(1.3),
                    pivot: Vec3::ZERO,
                    windows: vec![(5.0, 15.0)],
                    easing: Easing::Smooth,
                    ramp: 0.0,
                },
            ],
        }
    }

    fn cloud(n: usize) -> Vec<Vec3> {
        (0..n)
            .map(|i| {
                let f = i as f64;
                Vec3::new(
                    (f * 1.7).sin() * 30.0,
                    (f * 0.9).cos() * 25.0,
                    60.0 + (f * 2.3).sin() * 20.0,
                )
            })
            .collect()
    }

    /// `beyond` answers exactly as comparing `kinematics`' figures, for ceilings just
    /// under, at and just over each figure (and far from it).
    fn agrees(m: &HoldMotion, t0: f64, t1: f64, step: f64) {
        let (f, _) = kinematics(m, t0, t1, step);
        let figures = [
            f.speed_xy.value,
            f.speed_up.value,
            f.speed_down.value,
            f.accel.value,
        ];
        for (k, value) in figures.into_iter().enumerate() {
            for ceiling in [value * 0.5, value - 1e-9, value, value + 1e-9, value * 2.0] {
                let mut c = Ceilings {
                    speed_xy: f64::INFINITY,
                    speed_up: f64::INFINITY,
                    speed_down: f64::INFINITY,
                    accel: f64::INFINITY,
                };
                match k {
                    0 => c.speed_xy = ceiling,
                    1 => c.speed_up = ceiling,
                    2 => c.speed_down = ceiling,
                    _ => c.accel = ceiling,
                }
                assert_eq!(
                    beyond(m, t0, t1, step, &c),
                    value > ceiling,
                    "figure {k}: {value} against {ceiling}"
                );
            }
        }
    }

    #[test]
    fn a_rigid_motion_is_beyond_exactly_where_its_samples_are() {
        for ramp in [0.01, 0.1, 0.5] {
            let m = rigid_motion(cloud(300), ramp);
            agrees(&m, 0.0, m.duration_s, 0.05);
            agrees(&m, 1.5, 20.0, 0.02);
        }
    }

    #[test]
    fn a_clip_is_beyond_exactly_where_its_samples_are() {
        let n = 40;
        let tracks = PointTracks::from_fn(n, 12.0, 0.1, |t, out| {
            for (i, o) in out.iter_mut().enumerate() {
                let f = i as f64;
                *o = Vec3::new(f * 4.0 + (t + f).sin() * 3.0, (t * 0.5).cos() * f, 50.0 + t);
            }
        });
        let clip = ClipPlay {
            tracks,
            start_s: 0.0,
            speed: 1.5,
            ramp_s: 0.4,
            looped: false,
            hold_s: 10.0,
        };
        let mut m = rigid_motion(Vec::new(), 0.2);
        m.base = Base::Clip(clip);
        agrees(&m, 0.0, m.duration_s, 0.05);
        m.rigid.clear();
        agrees(&m, 0.0, m.duration_s, 0.02);
    }
}
