//! `GltfAnimation`: one of a glTF file's animations, with the node hierarchy, skins and
//! morph targets it moves, lowered to a [`MeshAnimation`]. Every index, count, key time and
//! value is checked here, before anything is evaluated: an animation targeting a missing
//! node, an empty or non-monotonic sampler, NaN or infinite keys, skin weights that cannot
//! be normalised are errors that name the animation, the channel or the vertex.
//!
//! The vertices are those [`super::mesh_file::MeshFile`] read, in its order: each primitive
//! it placed is a [`MeshPart`] (the node that instances it and its vertex range).

use gltf::json::Root;
use gltf::json::accessor::{ComponentType, Type};
use gltf::json::animation::{Interpolation as GltfInterpolation, Property, Sampler};
use gltf::json::validation::Checked;
use skyshow_model::{
    Affine, IDENTITY, Interpolation, KeyframeTrack, MeshAnimation, Playback, RigNode,
};

use skyshow_i18n::{Message, msg};

use super::art::ArtError;
use super::gltf_accessor::{self, Allowed};
use super::gltf_skin::{self, VertexBinding};

/// A primitive whose vertices the mesh reader placed: `count` vertices from `first`, of
/// primitive `primitive` of mesh `mesh`, instanced by node `node`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MeshPart {
    /// The node instancing the mesh.
    pub(crate) node: usize,
    /// The mesh.
    pub(crate) mesh: usize,
    /// The primitive within the mesh.
    pub(crate) primitive: usize,
    /// Its first vertex in the mesh reader's list.
    pub(crate) first: usize,
    /// Its vertex count.
    pub(crate) count: usize,
}

/// Which animation of the file to play.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AnimationChoice<'a> {
    /// The first one, if the file has any.
    First,
    /// The one with this name.
    Named(&'a str),
}

/// An animation read from a file, with what the reader noticed but could mend.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct GltfAnimation {
    /// The animation (its `to_local` the identity and its playback the default, for the
    /// caller to set).
    pub(crate) animation: MeshAnimation,
    /// Warnings for the user (e.g. skin weights normalised that were far from 1).
    pub(crate) warnings: Vec<skyshow_i18n::Message>,
}

/// Most keys one sampler may hold.
const MAX_KEYS: usize = 1 << 22;

impl GltfAnimation {
    /// Reads the chosen animation of `root` (buffers `buffers`) over the vertices of
    /// `parts`. `Ok(None)` when the choice is the first and the file has no animation.
    pub(crate) fn read(
        root: &Root,
        buffers: &[Vec<u8>],
        parts: &[MeshPart],
        choice: AnimationChoice<'_>,
    ) -> Result<Option<GltfAnimation>, ArtError> {
        let names: Vec<String> = root
            .animations
            .iter()
            .enumerate()
            .map(|(i, a)| animation_name(a.name.as_deref(), i))
            .collect();
        let index = match choice {
            AnimationChoice::First if root.animations.is_empty() => return Ok(None),
            AnimationChoice::First => 0,
            AnimationChoice::Named(want) => match names.iter().position(|n| n == want) {
                Some(i) => i,
                None if names.is_empty() => {
                    return Err(ArtError::new(
                        msg!("gltf-anim-none-at-all", want = want),
                        msg!("gltf-anim-none-at-all-hint"),
                    ));
                }
                None => {
                    let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
                    return Err(ArtError::new(
                        msg!("gltf-anim-unknown", want = want, names = list.join(", ")),
                        msg!("gltf-anim-unknown-hint"),
                    ));
                }
            },
        };
        let name = names[index].clone();
        let hierarchy = Hierarchy::new(root)?;
        let mut nodes = hierarchy.rest_nodes(root)?;
        read_channels(root, buffers, index, &name, &mut nodes)?;
        let (clip_start_s, clip_end_s) = nodes
            .iter()
            .flat_map(|n| {
                [
                    &n.translation_track,
                    &n.rotation_track,
                    &n.scale_track,
                    &n.weights_track,
                ]
            })
            .flatten()
            .map(KeyframeTrack::span_s)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), (s, e)| {
                (a.min(s), b.max(e))
            });
        let binding: VertexBinding = gltf_skin::bind(root, buffers, parts, &hierarchy.new_index)?;
        // Nodes in parent-first order, indices remapped.
        let nodes = hierarchy
            .order
            .iter()
            .map(|&old| {
                let mut n = nodes[old].clone();
                n.parent = n.parent.map(|p| hierarchy.new_index[p]);
                n
            })
            .collect();
        Ok(Some(GltfAnimation {
            animation: MeshAnimation {
                name,
                clip_start_s,
                clip_end_s,
                nodes,
                binds: binding.binds,
                rest: binding.rest,
                influence_start: binding.influence_start,
                influences: binding.influences,
                morph_start: binding.morph_start,
                morph_deltas: binding.morph_deltas,
                weight_slots: binding.weight_slots,
                to_local: IDENTITY,
                playback: Playback::default(),
            },
            warnings: binding.warnings,
        }))
    }
}

/// How the user names animation `i`: its name in the file, else `animation i`.
fn animation_name(name: Option<&str>, i: usize) -> String {
    match name {
        Some(n) if !n.is_empty() => n.to_string(),
        _ => format!("animation {i}"),
    }
}

/// The node tree: each node's parent, and an order with parents first.
pub(crate) struct Hierarchy {
    /// Each node's parent (file indices).
    parent: Vec<Option<usize>>,
    /// File indices, parents before children.
    pub(crate) order: Vec<usize>,
    /// File index → position in `order`.
    pub(crate) new_index: Vec<usize>,
}

impl Hierarchy {
    fn new(root: &Root) -> Result<Hierarchy, ArtError> {
        let n = root.nodes.len();
        let mut parent: Vec<Option<usize>> = vec![None; n];
        for (i, node) in root.nodes.iter().enumerate() {
            for c in node.children.iter().flatten() {
                let c = c.value();
                if c >= n {
                    return Err(broken(msg!(
                        "gltf-node-child-missing",
                        node = i,
                        child = c,
                        nodes = n
                    )));
                }
                if parent[c].is_some() || c == i {
                    return Err(broken(msg!("gltf-node-two-parents", node = c)));
                }
                parent[c] = Some(i);
            }
        }
        // Parents first: breadth-first from the roots; a node never reached is on a cycle.
        let mut order: Vec<usize> = (0..n).filter(|&i| parent[i].is_none()).collect();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (c, p) in parent.iter().enumerate() {
            if let Some(p) = p {
                children[*p].push(c);
            }
        }
        let mut k = 0;
        while k < order.len() {
            let i = order[k];
            order.extend_from_slice(&children[i]);
            k += 1;
        }
        if order.len() != n {
            return Err(broken(msg!("artwork-gltf-node-cycle")));
        }
        let mut new_index = vec![0; n];
        for (k, &i) in order.iter().enumerate() {
            new_index[i] = k;
        }
        Ok(Hierarchy {
            parent,
            order,
            new_index,
        })
    }

    /// Each node (file order) with its rest transform and rest morph weights.
    fn rest_nodes(&self, root: &Root) -> Result<Vec<RigNode>, ArtError> {
        let mut out = Vec::with_capacity(root.nodes.len());
        for (i, node) in root.nodes.iter().enumerate() {
            let finite = |v: &[f32]| v.iter().all(|x| x.is_finite());
            let bad = || broken(msg!("gltf-node-transform-nan", node = i));
            let matrix: Option<Affine> = match &node.matrix {
                Some(m) if !finite(m) => return Err(bad()),
                Some(m) => {
                    let mut a = [[0.0; 4]; 4];
                    for (k, v) in m.iter().enumerate() {
                        a[k / 4][k % 4] = f64::from(*v);
                    }
                    (a != IDENTITY).then_some(a)
                }
                None => None,
            };
            let t = node.translation.unwrap_or([0.0; 3]);
            let r = node.rotation.as_ref().map_or([0.0, 0.0, 0.0, 1.0], |q| q.0);
            let s = node.scale.unwrap_or([1.0; 3]);
            if !finite(&t) || !finite(&r) || !finite(&s) {
                return Err(bad());
            }
            let mesh_weights = node.mesh.and_then(|m| root.meshes.get(m.value())).map(|m| {
                let targets = m
                    .primitives
                    .first()
                    .map_or(0, |p| p.targets.as_ref().map_or(0, Vec::len));
                (targets, m.weights.clone())
            });
            let weights: Vec<f64> = match (mesh_weights, &node.weights) {
                (Some((targets, mesh_w)), node_w) => {
                    let w = node_w.clone().or(mesh_w).unwrap_or_default();
                    if !w.is_empty() && w.len() != targets {
                        return Err(broken(msg!(
                            "gltf-node-weights-count",
                            node = i,
                            weights = w.len(),
                            targets = targets
                        )));
                    }
                    if !finite(&w) {
                        return Err(broken(msg!("gltf-node-weights-nan", node = i)));
                    }
                    let mut w: Vec<f64> = w.into_iter().map(f64::from).collect();
                    w.resize(targets, 0.0);
                    w
                }
                (None, _) => Vec::new(),
            };
            out.push(RigNode {
                parent: self.parent[i],
                matrix,
                translation: t.map(f64::from),
                rotation: normalised(r.map(f64::from)),
                scale: s.map(f64::from),
                weights,
                translation_track: None,
                rotation_track: None,
                scale_track: None,
                weights_track: None,
            });
        }
        Ok(out)
    }
}

/// `q` of unit length (the identity for a zero quaternion).
fn normalised(q: [f64; 4]) -> [f64; 4] {
    let n = q.iter().map(|v| v * v).sum::<f64>().sqrt();
    if n > 1e-12 {
        q.map(|v| v / n)
    } else {
        [0.0, 0.0, 0.0, 1.0]
    }
}

/// Reads animation `index`'s channels into the nodes' tracks.
fn read_channels(
    root: &Root,
    buffers: &[Vec<u8>],
    index: usize,
    name: &str,
    nodes: &mut [RigNode],
) -> Result<(), ArtError> {
    let anim = &root.animations[index];
    if anim.channels.is_empty() {
        return Err(ArtError::new(
            msg!("gltf-anim-no-channels", name = name),
            msg!("gltf-anim-no-channels-hint"),
        ));
    }
    let mut seen: Vec<(usize, Property)> = Vec::new();
    for (c, ch) in anim.channels.iter().enumerate() {
        let at = |what: Message| {
            broken(msg!(
                "gltf-anim-channel",
                name = name,
                channel = c,
                what = what
            ))
        };
        let node = ch.target.node.value();
        if node >= nodes.len() {
            return Err(at(msg!(
                "gltf-anim-target-node",
                node = node,
                nodes = nodes.len()
            )));
        }
        let Checked::Valid(path) = ch.target.path else {
            return Err(at(msg!("gltf-anim-target-undefined")));
        };
        if seen.contains(&(node, path)) {
            return Err(at(msg!("gltf-anim-target-twice", node = node)));
        }
        seen.push((node, path));
        let s = ch.sampler.value();
        let Some(sampler) = anim.samplers.get(s) else {
            return Err(at(msg!(
                "gltf-anim-sampler-missing",
                sampler = s,
                samplers = anim.samplers.len()
            )));
        };
        if nodes[node].matrix.is_some() && path != Property::MorphTargetWeights {
            return Err(at(msg!("gltf-anim-matrix-node", node = node)));
        }
        let track = read_track(root, buffers, sampler, s, path, (node, &nodes[node]), &at)?;
        let n = &mut nodes[node];
        let slot = match path {
            Property::Translation => &mut n.translation_track,
            Property::Rotation => &mut n.rotation_track,
            Property::Scale => &mut n.scale_track,
            Property::MorphTargetWeights => &mut n.weights_track,
        };
        *slot = Some(track);
    }
    Ok(())
}

/// Reads the keyframe track of one channel: sampler `s` animating `path` of node `node`;
/// `at` places a fault in the channel.
fn read_track(
    root: &Root,
    buffers: &[Vec<u8>],
    sampler: &Sampler,
    s: usize,
    path: Property,
    (node, target): (usize, &RigNode),
    at: &impl Fn(Message) -> ArtError,
) -> Result<KeyframeTrack, ArtError> {
    let Checked::Valid(interp) = sampler.interpolation else {
        return Err(at(msg!("gltf-anim-interpolation", sampler = s)));
    };
    let interpolation = match interp {
        GltfInterpolation::Step => Interpolation::Step,
        GltfInterpolation::Linear => Interpolation::Linear,
        GltfInterpolation::CubicSpline => Interpolation::CubicSpline,
    };
    let sampler_err = |what: Message| at(msg!("gltf-anim-sampler", sampler = s, what = what));
    let accessor_err = |what: Message, accessor: usize, why: Message| {
        at(msg!(
            "gltf-anim-sampler-accessor",
            sampler = s,
            what = what,
            accessor = accessor,
            why = why
        ))
    };
    let times = gltf_accessor::read(
        root,
        buffers,
        sampler.input.value(),
        Allowed::floats(&[Type::Scalar]),
        None,
    )
    .map_err(|e| accessor_err(msg!("gltf-what-key-times"), sampler.input.value(), e))?;
    let times_s = times.values;
    check_times(&times_s).map_err(sampler_err)?;
    let width = value_width(path, target)
        .ok_or_else(|| at(msg!("gltf-anim-morph-no-targets", node = node)))?;
    let (per_key, elements) = output_shape(path, interpolation, width, times_s.len());
    let out = gltf_accessor::read(
        root,
        buffers,
        sampler.output.value(),
        output_layout(path),
        Some(elements),
    )
    .map_err(|e| accessor_err(msg!("gltf-what-values"), sampler.output.value(), e))?;
    if let Some(k) = out.values.iter().position(|v| !v.is_finite()) {
        return Err(sampler_err(msg!(
            "gltf-anim-value-nan",
            key = k / per_key,
            value = out.values[k]
        )));
    }
    Ok(KeyframeTrack {
        interpolation,
        times_s,
        values: out.values,
        width,
        rotation: path == Property::Rotation,
    })
}

/// The numbers a key's value has: 3 (translation, scale), 4 (rotation), or one per morph
/// target of `target` (`None` when it has none).
fn value_width(path: Property, target: &RigNode) -> Option<usize> {
    match path {
        Property::Translation | Property::Scale => Some(3),
        Property::Rotation => Some(4),
        Property::MorphTargetWeights => Some(target.weights.len()).filter(|&w| w > 0),
    }
}

/// A channel's output for `keys` keys: the numbers per key (a cubic spline's key holds its
/// in tangent, value and out tangent) and the accessor's element count (morph weights are
/// scalars; the other paths are vectors of `width`).
fn output_shape(
    path: Property,
    interpolation: Interpolation,
    width: usize,
    keys: usize,
) -> (usize, usize) {
    let per_key = width
        * if interpolation == Interpolation::CubicSpline {
            3
        } else {
            1
        };
    let elements = keys * per_key
        / if path == Property::MorphTargetWeights {
            1
        } else {
            width
        };
    (per_key, elements)
}

/// The accessor layouts a channel's output may have: floats, or (rotations and morph
/// weights) normalised integers.
fn output_layout(path: Property) -> Allowed {
    const NORMALISED: &[ComponentType] = &[
        ComponentType::I8,
        ComponentType::U8,
        ComponentType::I16,
        ComponentType::U16,
    ];
    let (types, normalized): (&'static [Type], &'static [ComponentType]) = match path {
        Property::Translation | Property::Scale => (&[Type::Vec3], &[]),
        Property::Rotation => (&[Type::Vec4], NORMALISED),
        Property::MorphTargetWeights => (&[Type::Scalar], NORMALISED),
    };
    Allowed {
        types,
        float: true,
        normalized,
        integer: &[],
    }
}

/// Key times: at least one, finite, strictly increasing.
fn check_times(times: &[f64]) -> Result<(), Message> {
    if times.is_empty() {
        return Err(msg!("gltf-anim-times-empty"));
    }
    if times.len() > MAX_KEYS {
        return Err(msg!(
            "gltf-anim-times-many",
            count = times.len(),
            max = MAX_KEYS
        ));
    }
    if let Some(k) = times.iter().position(|t| !t.is_finite()) {
        return Err(msg!("gltf-anim-times-nan", time = times[k], key = k));
    }
    if let Some(k) = times.windows(2).position(|w| w[1] <= w[0]) {
        return Err(msg!(
            "gltf-anim-times-order",
            key = k,
            time = times[k],
            next = k + 1,
            next_time = times[k + 1]
        ));
    }
    Ok(())
}

/// An error in a file's structure.
pub(crate) fn broken(message: Message) -> ArtError {
    ArtError::new(message, msg!("gltf-broken-blender-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RiggedTube;
    use skyshow_model::Vec3;

    /// The file's JSON root and its one binary buffer.
    fn load(glb: &[u8]) -> (Root, Vec<Vec<u8>>) {
        let g = gltf::Gltf::from_slice(glb).unwrap();
        let bin = g.blob.clone().unwrap();
        (g.document.into_json(), vec![bin])
    }

    fn read_tube(
        tube: &RiggedTube,
        choice: AnimationChoice<'_>,
    ) -> Result<GltfAnimation, ArtError> {
        let (root, buffers) = load(&tube.glb());
        let count = tube.mesh().0.len();
        let parts = [MeshPart {
            node: 0,
            mesh: 0,
            primitive: 0,
            first: 0,
            count,
        }];
        GltfAnimation::read(&root, &buffers, &parts, choice).map(|a| a.unwrap())
    }

    /// A point on the second bone, past the blend, turns rigidly about the joint.
    #[test]
    fn two_bone_tube_bends_at_its_joint() {
        let tube = RiggedTube::default();
        let a = read_tube(&tube, AnimationChoice::First).unwrap();
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
        let anim = a.animation;
        assert_eq!(anim.name, "Bend");
        assert_eq!((anim.clip_start_s, anim.clip_end_s), (0.0, 4.0));
        let (verts, _) = tube.mesh();
        // Keys every 0.5 s: at a key the linear track is exact.
        let t = 1.0;
        let pose = anim.pose(t);
        let theta = tube.bend_at(t);
        let joint = Vec3::new(10.0, 0.0, 0.0);
        for (v, p) in verts.iter().enumerate() {
            if p[0] < 13.5 {
                continue;
            }
            let d = Vec3::from(*p) - joint;
            let turned = Vec3::new(
                d.x * theta.cos() - d.y * theta.sin(),
                d.x * theta.sin() + d.y * theta.cos(),
                d.z,
            ) + joint;
            let got = anim.vertex(&pose, v);
            assert!(got.dist(turned) < 1e-4, "vertex {v}: {got:?} vs {turned:?}");
        }
    }

    #[test]
    fn unknown_animation_lists_the_names() {
        let e = read_tube(&RiggedTube::default(), AnimationChoice::Named("Fly")).unwrap_err();
        assert_eq!(
            e.message.english(),
            "has no animation `Fly`; its animations are `Bend`"
        );
    }

    #[test]
    fn weights_far_from_one_are_normalised_with_a_warning() {
        let tube = RiggedTube {
            weight_sum: 0.5,
            ..RiggedTube::default()
        };
        let a = read_tube(&tube, AnimationChoice::First).unwrap();
        assert_eq!(a.warnings.len(), 1);
        assert!(
            a.warnings[0].english().contains("do not sum to 1")
                && a.warnings[0].english().contains("sums to 0.500"),
            "{}",
            a.warnings[0]
        );
        let sum: f64 = a.animation.influences[..2].iter().map(|x| x.1).sum();
        assert!((sum - 1.0).abs() < 1e-12 || a.animation.influence_start[1] == 1);
        let e = read_tube(
            &RiggedTube {
                weight_sum: 0.0,
                ..RiggedTube::default()
            },
            AnimationChoice::First,
        )
        .unwrap_err();
        assert!(
            e.message.english().contains("skin weights sum to 0"),
            "{}",
            e.message
        );
    }
}
