//! `MeshAnimation`: an animated triangle mesh — a glTF file's node hierarchy, skin, morph
//! targets and one of its animations — lowered to plain data, with its exact pose at any
//! time of the clip.
//!
//! A vertex's position at clip time `t` is glTF's: the morph targets' displacements,
//! weighted by the node's (animated) weights, added to its rest position; then skinned,
//! `Σ wⱼ · world(jointⱼ, t) · inverseBindⱼ · v` (a mesh without a skin has one influence,
//! its own node, with an identity offset); then taken into the formation's local frame by
//! `to_local`. A point of a triangle keeps its barycentric coordinates: the picture deforms
//! as a renderer draws it.

use crate::{KeyframeTrack, Playback, Vec3};

/// A column-major 4 × 4 affine matrix (`m[column][row]`, as glTF stores them).
pub type Affine = [[f64; 4]; 4];

/// The identity matrix.
pub const IDENTITY: Affine = [
    [1.0, 0.0, 0.0, 0.0],
    [0.0, 1.0, 0.0, 0.0],
    [0.0, 0.0, 1.0, 0.0],
    [0.0, 0.0, 0.0, 1.0],
];

/// A mesh's animation, ready to pose.
///
/// Invariants (the glTF reader establishes them): `nodes` are ordered parents first;
/// every index is in range; `influence_start` and `morph_start` have one entry per vertex
/// plus one, non-decreasing, ending at the lengths of `influences` and `morph_deltas`;
/// every vertex has at least one influence and its weights sum to 1; every number is
/// finite.
#[derive(Clone, Debug, PartialEq)]
pub struct MeshAnimation {
    /// The animation's name in the file (or `animation N` when it has none).
    pub name: String,
    /// First key time of the clip, seconds on the file's clock.
    pub clip_start_s: f64,
    /// Last key time of the clip, seconds on the file's clock (≥ `clip_start_s`).
    pub clip_end_s: f64,
    /// The node hierarchy, parents before children.
    pub nodes: Vec<RigNode>,
    /// What vertices are bound to: a node and the matrix taking the mesh into its space.
    pub binds: Vec<RigBind>,
    /// Each vertex's position in its mesh's own space, before morphing and skinning.
    pub rest: Vec<Vec3>,
    /// `influences[influence_start[v]..influence_start[v + 1]]` are vertex `v`'s binds
    /// and weights.
    pub influence_start: Vec<u32>,
    /// `(bind, weight)` pairs.
    pub influences: Vec<(u32, f64)>,
    /// `morph_deltas[morph_start[v]..morph_start[v + 1]]` are vertex `v`'s morph target
    /// displacements.
    pub morph_start: Vec<u32>,
    /// `(weight slot, displacement)` pairs, mesh space.
    pub morph_deltas: Vec<(u32, Vec3)>,
    /// Morph weight slots: `(node, target)`, the node's weight of one of its targets.
    pub weight_slots: Vec<(u32, u32)>,
    /// From the file's scene space into the formation's local frame, metres (the up axis
    /// turned, centred and scaled as the still mesh is).
    pub to_local: Affine,
    /// How the clip plays during the hold (`start_s` from `clip_start_s`).
    pub playback: Playback,
}

/// One node of the hierarchy: its rest transform and what the clip animates of it.
#[derive(Clone, Debug, PartialEq)]
pub struct RigNode {
    /// Index of the parent node (smaller than this node's), or `None` for a root.
    pub parent: Option<usize>,
    /// A fixed matrix given instead of translation, rotation and scale (never animated).
    pub matrix: Option<Affine>,
    /// Rest translation.
    pub translation: [f64; 3],
    /// Rest rotation, a unit quaternion `x, y, z, w`.
    pub rotation: [f64; 4],
    /// Rest scale.
    pub scale: [f64; 3],
    /// Rest morph target weights of the mesh this node instances (empty without one).
    pub weights: Vec<f64>,
    /// Animated translation.
    pub translation_track: Option<KeyframeTrack>,
    /// Animated rotation.
    pub rotation_track: Option<KeyframeTrack>,
    /// Animated scale.
    pub scale_track: Option<KeyframeTrack>,
    /// Animated morph target weights (width = `weights.len()`).
    pub weights_track: Option<KeyframeTrack>,
}

/// A node vertices are bound to, with the matrix taking mesh space into the node's space
/// (a skin's inverse bind matrix, or the identity for a mesh that moves with its node).
#[derive(Clone, Debug, PartialEq)]
pub struct RigBind {
    /// The node.
    pub node: usize,
    /// Mesh space → node space.
    pub offset: Affine,
}

/// The matrices and weights of a mesh animation at one time: what posing a vertex needs.
#[derive(Clone, Debug, PartialEq)]
pub struct RigPose {
    /// Each bind's matrix, mesh space → local frame.
    binds: Vec<Affine>,
    /// Each weight slot's morph weight.
    weights: Vec<f64>,
}

impl MeshAnimation {
    /// The pose at clip time `clip_t_s` (seconds on the file's clock).
    pub fn pose(&self, clip_t_s: f64) -> RigPose {
        let mut world: Vec<Affine> = Vec::with_capacity(self.nodes.len());
        let mut buf = [0.0; 4];
        for node in &self.nodes {
            let local = match node.matrix {
                Some(m) => m,
                None => {
                    let mut t = node.translation;
                    let mut r = node.rotation;
                    let mut s = node.scale;
                    if let Some(track) = &node.translation_track {
                        track.sample(clip_t_s, &mut buf[..3]);
                        t.copy_from_slice(&buf[..3]);
                    }
                    if let Some(track) = &node.rotation_track {
                        track.sample(clip_t_s, &mut buf);
                        r = buf;
                    }
                    if let Some(track) = &node.scale_track {
                        track.sample(clip_t_s, &mut buf[..3]);
                        s.copy_from_slice(&buf[..3]);
                    }
                    trs(t, r, s)
                }
            };
            let m = match node.parent {
                Some(p) => mul(&world[p], &local),
                None => local,
            };
            world.push(m);
        }
        let binds = self
            .binds
            .iter()
            .map(|b| mul(&self.to_local, &mul(&world[b.node], &b.offset)))
            .collect();
        let mut per_node: Vec<Option<Vec<f64>>> = vec![None; self.nodes.len()];
        let weights = self
            .weight_slots
            .iter()
            .map(|&(node, target)| {
                let n = &self.nodes[node as usize];
                let w = per_node[node as usize].get_or_insert_with(|| {
                    let mut w = n.weights.clone();
                    if let Some(track) = &n.weights_track {
                        track.sample(clip_t_s, &mut w);
                    }
                    w
                });
                w.get(target as usize).copied().unwrap_or(0.0)
            })
            .collect();
        RigPose { binds, weights }
    }

    /// Vertex `v`'s position in `pose`, local frame, metres.
    pub fn vertex(&self, pose: &RigPose, v: usize) -> Vec3 {
        let mut m = self.rest[v];
        let (a, b) = (
            self.morph_start[v] as usize,
            self.morph_start[v + 1] as usize,
        );
        for &(slot, delta) in &self.morph_deltas[a..b] {
            m += delta * pose.weights[slot as usize];
        }
        let (a, b) = (
            self.influence_start[v] as usize,
            self.influence_start[v + 1] as usize,
        );
        let mut out = Vec3::ZERO;
        for &(bind, w) in &self.influences[a..b] {
            out += apply(&pose.binds[bind as usize], m) * w;
        }
        out
    }

    /// Every vertex at clip time `clip_t_s`, local frame, metres.
    pub fn vertices_at(&self, clip_t_s: f64) -> Vec<Vec3> {
        let pose = self.pose(clip_t_s);
        (0..self.rest.len())
            .map(|v| self.vertex(&pose, v))
            .collect()
    }

    /// Length of the clip, seconds of the file's clock.
    pub fn clip_length_s(&self) -> f64 {
        self.clip_end_s - self.clip_start_s
    }
}

/// `a · b` for column-major matrices.
pub(crate) fn mul(a: &Affine, b: &Affine) -> Affine {
    let mut m = [[0.0; 4]; 4];
    for (c, col) in m.iter_mut().enumerate() {
        for (r, v) in col.iter_mut().enumerate() {
            *v = a[0][r] * b[c][0] + a[1][r] * b[c][1] + a[2][r] * b[c][2] + a[3][r] * b[c][3];
        }
    }
    m
}

/// The point `p` moved by the affine matrix `m`.
pub(crate) fn apply(m: &Affine, p: Vec3) -> Vec3 {
    Vec3::new(
        m[0][0] * p.x + m[1][0] * p.y + m[2][0] * p.z + m[3][0],
        m[0][1] * p.x + m[1][1] * p.y + m[2][1] * p.z + m[3][1],
        m[0][2] * p.x + m[1][2] * p.y + m[2][2] * p.z + m[3][2],
    )
}

/// The matrix `T · R · S` of a translation, a unit quaternion `x, y, z, w` and a scale.
pub(crate) fn trs(t: [f64; 3], q: [f64; 4], s: [f64; 3]) -> Affine {
    let [x, y, z, w] = q;
    let r = [
        [
            1.0 - 2.0 * (y * y + z * z),
            2.0 * (x * y + z * w),
            2.0 * (x * z - y * w),
        ],
        [
            2.0 * (x * y - z * w),
            1.0 - 2.0 * (x * x + z * z),
            2.0 * (y * z + x * w),
        ],
        [
            2.0 * (x * z + y * w),
            2.0 * (y * z - x * w),
            1.0 - 2.0 * (x * x + y * y),
        ],
    ];
    [
        [r[0][0] * s[0], r[0][1] * s[0], r[0][2] * s[0], 0.0],
        [r[1][0] * s[1], r[1][1] * s[1], r[1][2] * s[1], 0.0],
        [r[2][0] * s[2], r[2][1] * s[2], r[2][2] * s[2], 0.0],
        [t[0], t[1], t[2], 1.0],
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keyframe_track::Interpolation;

    fn node(parent: Option<usize>, translation: [f64; 3]) -> RigNode {
        RigNode {
            parent,
            matrix: None,
            translation,
            rotation: [0.0, 0.0, 0.0, 1.0],
            scale: [1.0; 3],
            weights: Vec::new(),
            translation_track: None,
            rotation_track: None,
            scale_track: None,
            weights_track: None,
        }
    }

    /// Two bones along x; the second turns 90° about z over one second. A vertex bound half
    /// to each follows the blend; one bound to the second alone swings with it.
    #[test]
    fn skinned_vertices_follow_their_bones() {
        let mut bone = node(Some(0), [2.0, 0.0, 0.0]);
        let h = std::f64::consts::FRAC_1_SQRT_2;
        bone.rotation_track = Some(KeyframeTrack {
            interpolation: Interpolation::Linear,
            times_s: vec![0.0, 1.0],
            values: vec![0.0, 0.0, 0.0, 1.0, 0.0, 0.0, h, h],
            width: 4,
            rotation: true,
        });
        let mut inverse_bind = IDENTITY;
        inverse_bind[3][0] = -2.0;
        let anim = MeshAnimation {
            name: "bend".into(),
            clip_start_s: 0.0,
            clip_end_s: 1.0,
            nodes: vec![node(None, [0.0; 3]), bone],
            binds: vec![
                RigBind {
                    node: 0,
                    offset: IDENTITY,
                },
                RigBind {
                    node: 1,
                    offset: inverse_bind,
                },
            ],
            rest: vec![Vec3::new(3.0, 0.0, 0.0), Vec3::new(2.0, 1.0, 0.0)],
            influence_start: vec![0, 1, 3],
            influences: vec![(1, 1.0), (0, 0.5), (1, 0.5)],
            morph_start: vec![0, 0, 0],
            morph_deltas: Vec::new(),
            weight_slots: Vec::new(),
            to_local: IDENTITY,
            playback: Playback::default(),
        };
        let rest = anim.vertices_at(0.0);
        assert!(rest[0].dist(Vec3::new(3.0, 0.0, 0.0)) < 1e-12);
        assert!(rest[1].dist(Vec3::new(2.0, 1.0, 0.0)) < 1e-12);
        let bent = anim.vertices_at(1.0);
        // One metre past the joint, turned 90° about z: straight up from it.
        assert!(
            bent[0].dist(Vec3::new(2.0, 1.0, 0.0)) < 1e-12,
            "{:?}",
            bent[0]
        );
        // Half of (2, 1) unmoved and half of it turned about the joint at (2, 0): (1, 0).
        assert!(
            bent[1].dist(Vec3::new(1.5, 0.5, 0.0)) < 1e-12,
            "{:?}",
            bent[1]
        );
    }
}
