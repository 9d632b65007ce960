//! `VertexBinding`: what moves each vertex of a glTF mesh — its skin joints and weights
//! (every `JOINTS_n`/`WEIGHTS_n` set, inverse bind matrices), or its own node when it has
//! no skin — and its morph target displacements. Weights are checked (finite, not
//! negative, naming joints the skin has) and normalised; weights far from summing to 1 are
//! reported as a warning, weights summing to 0 are an error.

use std::collections::BTreeMap;

use gltf::json::Root;
use gltf::json::accessor::{ComponentType, Type};
use gltf::json::mesh::Semantic;
use gltf::json::validation::Checked;
use skyshow_model::{Affine, IDENTITY, RigBind, Vec3};

use skyshow_i18n::{Message, msg};

use super::art::ArtError;
use super::gltf_accessor::{self, AccessorData, Allowed};
use super::gltf_animation::{MeshPart, broken};
use super::gltf_placed::POSITIONS;

/// How far from 1 a vertex's skin weights may sum before the user is told they were
/// normalised (8-bit weights round by up to 4/255 over four joints).
const FAR_OFF: f64 = 0.02;

/// The binding of every vertex the mesh reader placed (see [`skyshow_model::MeshAnimation`]
/// for the layout).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct VertexBinding {
    pub(crate) binds: Vec<RigBind>,
    pub(crate) rest: Vec<Vec3>,
    pub(crate) influence_start: Vec<u32>,
    pub(crate) influences: Vec<(u32, f64)>,
    pub(crate) morph_start: Vec<u32>,
    pub(crate) morph_deltas: Vec<(u32, Vec3)>,
    pub(crate) weight_slots: Vec<(u32, u32)>,
    pub(crate) warnings: Vec<Message>,
}

/// Binds the vertices of `parts`; node indices come out as `new_index` maps them.
pub(crate) fn bind(
    root: &Root,
    buffers: &[Vec<u8>],
    parts: &[MeshPart],
    new_index: &[usize],
) -> Result<VertexBinding, ArtError> {
    let mut binder = Binder {
        root,
        buffers,
        new_index,
        out: VertexBinding {
            influence_start: vec![0],
            morph_start: vec![0],
            ..VertexBinding::default()
        },
        bind_of: BTreeMap::new(),
        slot_of: BTreeMap::new(),
        far: FarOff::default(),
    };
    for part in parts {
        binder.part(part)?;
    }
    let mut out = binder.out;
    if let Some(w) = binder.far.warning() {
        out.warnings.push(w);
    }
    Ok(out)
}

/// The binding being built, part by part, with the binds and weight slots already made.
struct Binder<'a> {
    root: &'a Root,
    buffers: &'a [Vec<u8>],
    new_index: &'a [usize],
    out: VertexBinding,
    /// (skin or usize::MAX for a node's own transform, joint node) → bind.
    bind_of: BTreeMap<(usize, usize), u32>,
    /// (node, morph target) → weight slot.
    slot_of: BTreeMap<(usize, usize), u32>,
    far: FarOff,
}

impl Binder<'_> {
    /// Binds the vertices of one mesh primitive placed at one node.
    fn part(&mut self, part: &MeshPart) -> Result<(), ArtError> {
        let root = self.root;
        let (Some(node), Some(mesh)) = (root.nodes.get(part.node), root.meshes.get(part.mesh))
        else {
            return Err(broken(msg!(
                "gltf-skin-part-missing",
                node = part.node,
                mesh = part.mesh
            )));
        };
        let Some(prim) = mesh.primitives.get(part.primitive) else {
            return Err(broken(msg!("gltf-skin-primitive-lost", mesh = part.mesh)));
        };
        let mesh_name = mesh.name.as_deref().filter(|n| !n.is_empty()).map_or_else(
            || msg!("gltf-mesh-index", mesh = part.mesh),
            |n| msg!("gltf-mesh-named", name = n),
        );
        let attr = |sem: Semantic| prim.attributes.get(&Checked::Valid(sem)).map(|a| a.value());
        let buffers = self.buffers;
        let read =
            |acc: usize, what: Message, allowed: Allowed| -> Result<AccessorData, ArtError> {
                gltf_accessor::read(root, buffers, acc, allowed, Some(part.count)).map_err(|e| {
                    broken(msg!(
                        "gltf-accessor-use",
                        owner = mesh_name.clone(),
                        what = what,
                        accessor = acc,
                        why = e
                    ))
                })
            };
        let positions = match attr(Semantic::Positions) {
            Some(a) => read(a, msg!("gltf-what-positions"), POSITIONS)?,
            None => {
                return Err(broken(msg!(
                    "gltf-skin-no-positions",
                    mesh = mesh_name.clone()
                )));
            }
        };
        let influences = match node.skin {
            Some(skin) => {
                let joints = skin_binds(
                    root,
                    buffers,
                    skin.value(),
                    self.new_index,
                    &mut self.bind_of,
                    &mut self.out.binds,
                )?;
                skin_weights(prim, &read, &joints, &mesh_name, part, &mut self.far)?
            }
            None => vec![vec![(self.own_bind(part.node), 1.0)]; part.count],
        };
        let (new_index, slot_of, out) = (self.new_index, &mut self.slot_of, &mut self.out);
        let deltas = morph_deltas(mesh, prim, part, &mesh_name, &read, |t| {
            slot_of.entry((part.node, t)).or_insert_with(|| {
                out.weight_slots
                    .push((new_index[part.node] as u32, t as u32));
                (out.weight_slots.len() - 1) as u32
            });
        })?;
        self.push_vertices(part, &positions, influences, &deltas);
        Ok(())
    }

    /// The bind of a node's own transform (for a mesh without a skin), made once.
    fn own_bind(&mut self, node: usize) -> u32 {
        let (new_index, binds) = (self.new_index, &mut self.out.binds);
        *self.bind_of.entry((usize::MAX, node)).or_insert_with(|| {
            binds.push(RigBind {
                node: new_index[node],
                offset: IDENTITY,
            });
            (binds.len() - 1) as u32
        })
    }

    /// Appends the part's vertices: rest positions, influences and non-zero morph deltas.
    fn push_vertices(
        &mut self,
        part: &MeshPart,
        positions: &AccessorData,
        influences: Vec<Vec<(u32, f64)>>,
        deltas: &[Option<AccessorData>],
    ) {
        let out = &mut self.out;
        for (v, inf) in influences.into_iter().enumerate() {
            let p = positions.get(v);
            out.rest.push(Vec3::new(p[0], p[1], p[2]));
            out.influences.extend(inf);
            out.influence_start.push(out.influences.len() as u32);
            for (t, d) in deltas.iter().enumerate() {
                let Some(d) = d else { continue };
                let d = d.get(v);
                if d.iter().any(|x| *x != 0.0) {
                    let slot = self.slot_of[&(part.node, t)];
                    out.morph_deltas.push((slot, Vec3::new(d[0], d[1], d[2])));
                }
            }
            out.morph_start.push(out.morph_deltas.len() as u32);
        }
    }
}

/// Skin `skin`'s joints as binds (added once per skin and joint): the bind of each joint.
fn skin_binds(
    root: &Root,
    buffers: &[Vec<u8>],
    skin: usize,
    new_index: &[usize],
    bind_of: &mut BTreeMap<(usize, usize), u32>,
    binds: &mut Vec<RigBind>,
) -> Result<Vec<u32>, ArtError> {
    let Some(s) = root.skins.get(skin) else {
        return Err(broken(msg!(
            "gltf-skin-missing",
            skin = skin,
            skins = root.skins.len()
        )));
    };
    let name = s.name.as_deref().filter(|n| !n.is_empty()).map_or_else(
        || msg!("gltf-skin-index", skin = skin),
        |n| msg!("gltf-skin-named", name = n),
    );
    if s.joints.is_empty() {
        return Err(broken(msg!("gltf-skin-no-joints", skin = name)));
    }
    let matrices: Option<AccessorData> = match s.inverse_bind_matrices {
        Some(acc) => {
            let m = gltf_accessor::read(
                root,
                buffers,
                acc.value(),
                Allowed::floats(&[Type::Mat4]),
                Some(s.joints.len()),
            )
            .map_err(|e| {
                broken(msg!(
                    "gltf-accessor-use",
                    owner = name.clone(),
                    what = msg!("gltf-what-inverse-bind"),
                    accessor = acc.value(),
                    why = e
                ))
            })?;
            if m.values.iter().any(|v| !v.is_finite()) {
                return Err(broken(msg!("gltf-skin-matrix-not-finite", skin = name)));
            }
            Some(m)
        }
        None => None,
    };
    let mut out = Vec::with_capacity(s.joints.len());
    for (j, joint) in s.joints.iter().enumerate() {
        let node = joint.value();
        if node >= new_index.len() {
            return Err(broken(msg!(
                "gltf-skin-joint-node",
                skin = name,
                joint = j,
                node = node,
                nodes = new_index.len()
            )));
        }
        let offset: Affine = match &matrices {
            Some(m) => {
                let v = m.get(j);
                let mut a = [[0.0; 4]; 4];
                for (k, x) in v.iter().enumerate() {
                    a[k / 4][k % 4] = *x;
                }
                a
            }
            None => IDENTITY,
        };
        let b = *bind_of.entry((skin, j)).or_insert_with(|| {
            binds.push(RigBind {
                node: new_index[node],
                offset,
            });
            (binds.len() - 1) as u32
        });
        out.push(b);
    }
    Ok(out)
}

/// The morph targets' position deltas of one primitive (`None` for a target that moves
/// no position), checked against the mesh's first primitive's target count and for
/// finite values; `slot` is called for each target that moves positions (it keeps the
/// target's weight slot).
fn morph_deltas(
    mesh: &gltf::json::Mesh,
    prim: &gltf::json::mesh::Primitive,
    part: &MeshPart,
    mesh_name: &Message,
    read: &dyn Fn(usize, Message, Allowed) -> Result<AccessorData, ArtError>,
    mut slot: impl FnMut(usize),
) -> Result<Vec<Option<AccessorData>>, ArtError> {
    let targets = prim.targets.as_deref().unwrap_or(&[]);
    let want = mesh
        .primitives
        .first()
        .map_or(0, |p| p.targets.as_ref().map_or(0, Vec::len));
    if targets.len() != want {
        return Err(broken(msg!(
            "gltf-morph-count",
            mesh = mesh_name.clone(),
            primitive = part.primitive,
            targets = targets.len(),
            want = want
        )));
    }
    let mut deltas: Vec<Option<AccessorData>> = Vec::with_capacity(targets.len());
    for (t, target) in targets.iter().enumerate() {
        let Some(acc) = target.positions.map(|a| a.value()) else {
            deltas.push(None);
            continue;
        };
        let d = read(
            acc,
            msg!("gltf-what-morph-positions", target = t),
            POSITIONS,
        )?;
        if let Some(k) = d.values.iter().position(|v| !v.is_finite()) {
            return Err(broken(msg!(
                "gltf-morph-not-finite",
                mesh = mesh_name.clone(),
                target = t,
                vertex = k / 3
            )));
        }
        slot(t);
        deltas.push(Some(d));
    }
    Ok(deltas)
}

/// Each vertex's `(bind, weight)` pairs from every `JOINTS_n`/`WEIGHTS_n` set, normalised.
fn skin_weights(
    prim: &gltf::json::mesh::Primitive,
    read: &dyn Fn(usize, Message, Allowed) -> Result<AccessorData, ArtError>,
    joints: &[u32],
    mesh_name: &Message,
    part: &MeshPart,
    far: &mut FarOff,
) -> Result<Vec<Vec<(u32, f64)>>, ArtError> {
    let sets = weight_sets(prim, read, mesh_name)?;
    let mut out = Vec::with_capacity(part.count);
    for v in 0..part.count {
        let mut inf = vertex_influences(&sets, v, joints, mesh_name)?;
        let sum: f64 = inf.iter().map(|x| x.1).sum();
        if sum <= 1e-9 {
            return Err(ArtError::new(
                msg!(
                    "gltf-skin-weights-zero",
                    mesh = mesh_name.clone(),
                    vertex = v
                ),
                msg!("gltf-skin-weights-zero-hint"),
            ));
        }
        far.note(sum, v, mesh_name);
        for x in &mut inf {
            x.1 /= sum;
        }
        out.push(inf);
    }
    Ok(out)
}

/// Every `(JOINTS_n, WEIGHTS_n)` accessor pair of a primitive, from `n` = 0 until neither
/// is present; a set with only one half is an error, and so is a primitive with none.
fn weight_sets(
    prim: &gltf::json::mesh::Primitive,
    read: &dyn Fn(usize, Message, Allowed) -> Result<AccessorData, ArtError>,
    mesh_name: &Message,
) -> Result<Vec<(AccessorData, AccessorData)>, ArtError> {
    let joint_types = Allowed {
        types: &[Type::Vec4],
        float: false,
        normalized: &[],
        integer: &[ComponentType::U8, ComponentType::U16],
    };
    let weight_types = Allowed {
        types: &[Type::Vec4],
        float: true,
        normalized: &[ComponentType::U8, ComponentType::U16],
        integer: &[],
    };
    let mut sets = Vec::new();
    for n in 0.. {
        let j = prim.attributes.get(&Checked::Valid(Semantic::Joints(n)));
        let w = prim.attributes.get(&Checked::Valid(Semantic::Weights(n)));
        match (j, w) {
            (Some(j), Some(w)) => sets.push((
                read(
                    j.value(),
                    Message::verbatim(format!("JOINTS_{n}")),
                    joint_types,
                )?,
                read(
                    w.value(),
                    Message::verbatim(format!("WEIGHTS_{n}")),
                    weight_types,
                )?,
            )),
            (None, None) => break,
            _ => {
                return Err(broken(msg!(
                    "gltf-skin-set-half",
                    mesh = mesh_name.clone(),
                    set = n
                )));
            }
        }
    }
    if sets.is_empty() {
        return Err(broken(msg!("gltf-skin-no-sets", mesh = mesh_name.clone())));
    }
    Ok(sets)
}

/// Vertex `v`'s positive weights over every set, summed per bind (not yet normalised);
/// a weight that is not finite or is negative, or a joint index past the skin's joints,
/// is an error.
fn vertex_influences(
    sets: &[(AccessorData, AccessorData)],
    v: usize,
    joints: &[u32],
    mesh_name: &Message,
) -> Result<Vec<(u32, f64)>, ArtError> {
    let mut inf: Vec<(u32, f64)> = Vec::with_capacity(4);
    for (js, ws) in sets {
        for (j, w) in js.get(v).iter().zip(ws.get(v)) {
            if !w.is_finite() || *w < -1e-6 {
                return Err(ArtError::new(
                    msg!(
                        "gltf-skin-weight-bad",
                        mesh = mesh_name.clone(),
                        vertex = v,
                        weight = *w
                    ),
                    msg!("gltf-skin-weight-bad-hint"),
                ));
            }
            if *w <= 0.0 {
                continue;
            }
            let Some(&b) = joints.get(*j as usize) else {
                return Err(broken(msg!(
                    "gltf-skin-joint-index",
                    mesh = mesh_name.clone(),
                    vertex = v,
                    joint = *j,
                    joints = joints.len()
                )));
            };
            match inf.iter_mut().find(|x| x.0 == b) {
                Some(x) => x.1 += w,
                None => inf.push((b, *w)),
            }
        }
    }
    Ok(inf)
}

/// Vertices whose weights were far from summing to 1.
#[derive(Default)]
struct FarOff {
    count: usize,
    worst: Option<(f64, usize, Message)>,
}

impl FarOff {
    fn note(&mut self, sum: f64, v: usize, mesh: &Message) {
        if (sum - 1.0).abs() <= FAR_OFF {
            return;
        }
        self.count += 1;
        if self
            .worst
            .as_ref()
            .is_none_or(|w| (sum - 1.0).abs() > (w.0 - 1.0).abs())
        {
            self.worst = Some((sum, v, mesh.clone()));
        }
    }

    fn warning(&self) -> Option<Message> {
        let (sum, v, mesh) = self.worst.as_ref()?;
        Some(msg!(
            "show-file-gltf-skin-weights-normalised",
            count = self.count,
            vertex = *v,
            mesh = mesh.clone(),
            sum = format!("{sum:.3}")
        ))
    }
}
