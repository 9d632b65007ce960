//! `RigidMotion`: a rigid motion resolved against the hold's clock: the windows of its
//! repetitions in seconds, and the pose it gives at any moment.

use skyshow_model::{Easing, MotionAxis, Vec3};

use super::easing::progress;
use super::path_curve::PathCurve;
use super::pose::{Pose, Rotation};

/// What a resolved rigid motion does per repetition.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum RigidKind {
    /// Turn by `angle_rad` about `axis`.
    Rotate {
        /// The axis.
        axis: MotionAxis,
        /// Radians per repetition.
        angle_rad: f64,
    },
    /// Fly along the path.
    Move(PathCurve),
    /// Grow by the factor.
    Scale(f64),
}

/// A rigid motion with its repetitions placed on the hold's clock.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RigidMotion {
    /// Which motion of the formation (from 0, in show-file order).
    pub(crate) index: usize,
    /// What it does.
    pub(crate) kind: RigidKind,
    /// The pivot as an offset from the current centre, show-frame axes, metres.
    pub(crate) pivot: Vec3,
    /// Each repetition's start and end, seconds from the start of the hold, back to back.
    pub(crate) windows: Vec<(f64, f64)>,
    /// The easing of each repetition (a linear motion is one ramped run over all of them).
    pub(crate) easing: Easing,
    /// For a linear motion: the share of the whole run spent on each ramp.
    pub(crate) ramp: f64,
}

impl RigidMotion {
    /// First and last moment of the motion.
    pub(crate) fn span(&self) -> (f64, f64) {
        match (self.windows.first(), self.windows.last()) {
            (Some(a), Some(b)) => (a.0, b.1),
            _ => (0.0, 0.0),
        }
    }

    /// Repetitions done at `t` (fractional while one runs).
    pub(crate) fn done(&self, t: f64) -> f64 {
        let (a, b) = self.span();
        let n = self.windows.len() as f64;
        if t <= a {
            return 0.0;
        }
        if t >= b {
            return n;
        }
        if self.easing == Easing::Linear {
            return n * progress(Easing::Linear, (t - a) / (b - a), self.ramp);
        }
        let k = self.windows.partition_point(|w| w.1 <= t);
        let (w0, w1) = self.windows[k.min(self.windows.len() - 1)];
        k as f64 + progress(self.easing, (t - w0) / (w1 - w0), self.ramp)
    }

    /// The pose after this motion at `t`, given the pose the earlier motions leave, and
    /// the formation's own axes at rest (right, up, towards).
    pub(crate) fn apply(&self, pose: &Pose, t: f64, own: &[Vec3; 3]) -> Pose {
        let q = self.done(t);
        if q == 0.0 {
            return *pose;
        }
        let pivot = pose.centre + self.pivot;
        match &self.kind {
            RigidKind::Rotate { axis, angle_rad } => {
                let dir = match axis {
                    MotionAxis::Right => pose.turn.apply(own[0]),
                    MotionAxis::Up => pose.turn.apply(own[1]),
                    MotionAxis::Towards => pose.turn.apply(own[2]),
                    MotionAxis::Show(v) => *v,
                };
                pose.rotated(&Rotation::about(dir.normalized(), q * angle_rad), pivot)
            }
            RigidKind::Move(path) => {
                let whole = q.floor();
                let offset = path.end() * whole + path.at(q - whole);
                Pose {
                    centre: pose.centre + offset,
                    ..*pose
                }
            }
            RigidKind::Scale(f) => {
                let whole = q.floor();
                let k = f.powf(whole) * (1.0 + (f - 1.0) * (q - whole));
                pose.scaled(k, pivot)
            }
        }
    }

    /// The motion's name in the show file.
    pub(crate) fn name(&self) -> &'static str {
        match self.kind {
            RigidKind::Rotate { .. } => "rotate",
            RigidKind::Move(_) => "move",
            RigidKind::Scale(_) => "scale",
        }
    }
}

/// The pose at `t` after all `motions`, in order, from the rest pose centred on `centre`.
pub(crate) fn pose_at(motions: &[RigidMotion], centre: Vec3, own: &[Vec3; 3], t: f64) -> Pose {
    motions
        .iter()
        .fold(Pose::rest(centre), |pose, m| m.apply(&pose, t, own))
}
