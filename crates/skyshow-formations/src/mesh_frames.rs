//! `MeshFrames`: an animated mesh's vertices posed at a series of clip times, and the clock
//! its drones' tracks are sampled on — uniform, with the longest step at which the
//! Catmull–Rom curve through the samples (how the planner reads tracks between samples)
//! stays within a tolerance of the exact glTF pose.

use rayon::prelude::*;
use skyshow_model::{MeshAnimation, Vec3};

/// Vertices the step is measured on, at most (evenly picked from the mesh).
const PROBE_VERTICES: usize = 4096;
/// Highest sampling rate, samples per clip second (a step key or a jump never converges).
const MAX_RATE_HZ: f64 = 200.0;
/// Lowest sampling rate tried first, samples per clip second.
const MIN_RATE_HZ: f64 = 4.0;

/// The uniform clock of a clip: `frames` samples `step_s` apart from the clip's start.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Clock {
    /// Seconds between samples (clip time).
    pub(crate) step_s: f64,
    /// Number of samples (1 for a clip of no length).
    pub(crate) frames: usize,
}

impl Clock {
    /// The clip time (file clock) of sample `k`.
    pub(crate) fn time(&self, anim: &MeshAnimation, k: usize) -> f64 {
        (anim.clip_start_s + k as f64 * self.step_s).min(anim.clip_end_s)
    }

    /// The longest uniform step over `anim`'s clip at which the Catmull–Rom curve through
    /// the samples stays within `tol_m` (local frame, metres) of the exact pose at every
    /// midpoint between samples, on up to [`PROBE_VERTICES`] vertices; with the measured
    /// error.
    pub(crate) fn fit(anim: &MeshAnimation, tol_m: f64) -> (Clock, f64) {
        let length = anim.clip_length_s();
        if length <= 0.0 || anim.rest.is_empty() {
            return (
                Clock {
                    step_s: 1.0,
                    frames: 1,
                },
                0.0,
            );
        }
        let stride = anim.rest.len().div_ceil(PROBE_VERTICES);
        let probe: Vec<usize> = (0..anim.rest.len()).step_by(stride).collect();
        let pose_at = |t: f64| -> Vec<Vec3> {
            let pose = anim.pose(t);
            probe.iter().map(|&v| anim.vertex(&pose, v)).collect()
        };
        let poses_at =
            |times: Vec<f64>| -> Vec<Vec<Vec3>> { times.into_par_iter().map(pose_at).collect() };
        let mut m = ((length * MIN_RATE_HZ).ceil() as usize).max(2);
        let start = anim.clip_start_s;
        let mut samples = poses_at(
            (0..=m)
                .map(|k| start + length * k as f64 / m as f64)
                .collect(),
        );
        loop {
            let h = length / m as f64;
            let mids = poses_at((0..m).map(|k| start + (k as f64 + 0.5) * h).collect());
            let mut err = 0.0f64;
            for (k, mid) in mids.iter().enumerate() {
                // As `PointTracks` reads them: the ends extended in a straight line.
                let (p1, p2) = (&samples[k], &samples[k + 1]);
                for v in 0..probe.len() {
                    let p0 = if k == 0 {
                        p1[v] * 2.0 - p2[v]
                    } else {
                        samples[k - 1][v]
                    };
                    let p3 = if k + 1 == m {
                        p2[v] * 2.0 - p1[v]
                    } else {
                        samples[k + 2][v]
                    };
                    let cr = (p1[v] * 9.0 + p2[v] * 9.0 - p0 - p3) / 16.0;
                    err = err.max(cr.dist(mid[v]));
                }
            }
            let finer = 2 * m;
            if err <= tol_m || finer as f64 > length * MAX_RATE_HZ {
                return (
                    Clock {
                        step_s: h,
                        frames: m + 1,
                    },
                    err,
                );
            }
            let mut merged = Vec::with_capacity(finer + 1);
            for (s, mid) in samples.into_iter().zip(mids) {
                merged.push(s);
                merged.push(mid);
            }
            merged.push(pose_at(anim.clip_end_s));
            samples = merged;
            m = finer;
        }
    }
}

/// Some vertices of a mesh posed at some clip times: `pos[k * used + slot[v]]`.
pub(crate) struct MeshFrames {
    slot: Vec<u32>,
    used: usize,
    frames: usize,
    pos: Vec<Vec3>,
}

impl MeshFrames {
    /// The vertices `vertices` (others are not posed) at clip times `times` (file clock).
    pub(crate) fn new(anim: &MeshAnimation, vertices: &[usize], times: &[f64]) -> MeshFrames {
        let mut slot = vec![u32::MAX; anim.rest.len()];
        let mut list = Vec::new();
        for &v in vertices {
            if slot[v] == u32::MAX {
                slot[v] = list.len() as u32;
                list.push(v);
            }
        }
        let pos: Vec<Vec3> = times
            .par_iter()
            .flat_map_iter(|&t| {
                let pose = anim.pose(t);
                list.iter()
                    .map(|&v| anim.vertex(&pose, v))
                    .collect::<Vec<Vec3>>()
            })
            .collect();
        MeshFrames {
            slot,
            used: list.len(),
            frames: times.len(),
            pos,
        }
    }

    /// Number of frames.
    pub(crate) fn frames(&self) -> usize {
        self.frames
    }

    /// The triangle with vertices `ids` in frame `k` (its vertices must have been posed).
    pub(crate) fn triangle(&self, k: usize, ids: &[usize; 3]) -> [Vec3; 3] {
        ids.map(|v| self.pos[k * self.used + self.slot[v] as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::{IDENTITY, Interpolation, KeyframeTrack, Playback, RigBind, RigNode};

    /// One vertex on a node swinging about z: a circle of radius 10 over 2 s.
    fn swing(interpolation: Interpolation) -> MeshAnimation {
        let keys = 9;
        let times: Vec<f64> = (0..keys)
            .map(|k| 2.0 * k as f64 / (keys - 1) as f64)
            .collect();
        let values: Vec<f64> = times
            .iter()
            .flat_map(|t| {
                let a = std::f64::consts::PI * t / 4.0;
                [0.0, 0.0, a.sin(), a.cos()]
            })
            .collect();
        MeshAnimation {
            name: "swing".into(),
            clip_start_s: 0.0,
            clip_end_s: 2.0,
            nodes: vec![RigNode {
                parent: None,
                matrix: None,
                translation: [0.0; 3],
                rotation: [0.0, 0.0, 0.0, 1.0],
                scale: [1.0; 3],
                weights: Vec::new(),
                translation_track: None,
                rotation_track: Some(KeyframeTrack {
                    interpolation,
                    times_s: times,
                    values,
                    width: 4,
                    rotation: true,
                }),
                scale_track: None,
                weights_track: None,
            }],
            binds: vec![RigBind {
                node: 0,
                offset: IDENTITY,
            }],
            rest: vec![Vec3::new(10.0, 0.0, 0.0)],
            influence_start: vec![0, 1],
            influences: vec![(0, 1.0)],
            morph_start: vec![0, 0],
            morph_deltas: Vec::new(),
            weight_slots: Vec::new(),
            to_local: IDENTITY,
            playback: Playback::default(),
        }
    }

    #[test]
    fn the_step_meets_the_tolerance() {
        let anim = swing(Interpolation::Linear);
        let (clock, err) = Clock::fit(&anim, 0.01);
        assert!(err <= 0.01, "{err}");
        assert!(clock.frames >= 9 && clock.frames <= 400, "{clock:?}");
        assert!((clock.step_s * (clock.frames - 1) as f64 - 2.0).abs() < 1e-12);
        // A finer tolerance needs more samples.
        let (fine, fine_err) = Clock::fit(&anim, 0.0001);
        assert!(
            fine.frames > clock.frames,
            "{clock:?} {err} {fine:?} {fine_err}"
        );
        // A step key never converges: the rate stops at its cap.
        let (step, err) = Clock::fit(&swing(Interpolation::Step), 0.01);
        assert!(err > 0.01 && step.frames as f64 <= 2.0 * MAX_RATE_HZ + 1.0);
        let frames = MeshFrames::new(&anim, &[0, 0], &[0.0, 2.0]);
        assert_eq!(frames.frames(), 2);
        let end = frames.triangle(1, &[0, 0, 0])[0];
        assert!(end.dist(Vec3::new(-10.0, 0.0, 0.0)) < 1e-9, "{end:?}");
    }
}
