//! `Placed`: the glTF mesh reader's accumulator — each primitive's vertices placed by its
//! node's world matrix (in the shape its morph targets' default weights give, as a glTF
//! viewer shows it), its colours (`COLOR_0` times the material's base colour factor), its
//! base-colour texture coordinates and its faces, and where each primitive went (for the
//! file's animations).

use gltf::json::accessor::{ComponentType, Type};
use skyshow_i18n::{Message, msg};
use skyshow_model::{MeshPaint, Rgb};

use super::art::ArtError;
use super::gltf_accessor::{self, Allowed};
use super::gltf_animation::MeshPart;
use super::gltf_texture::GltfTextures;
use super::mesh_file::MeshFile;

/// The mesh as placed so far: vertices, faces, colours, and where each primitive went.
#[derive(Default)]
pub(crate) struct Placed {
    mesh: MeshFile,
    colors: Vec<Rgb>,
    coloured: bool,
    parts: Vec<MeshPart>,
    /// The file's base-colour textures, loaded as primitives use them.
    textures: GltfTextures,
    /// Each vertex's (transformed) texture coordinates; `[0, 0]` without a texture.
    uvs: Vec<[f64; 2]>,
    /// Each triangle's texture (index into `textures.textures`).
    triangle_texture: Vec<Option<u32>>,
}

/// Where a primitive is placed: its node's world matrix, the node, the mesh and the morph
/// weights in force (the node's, else the mesh's default weights).
pub(crate) struct At<'a> {
    pub(crate) world: &'a [[f64; 4]; 4],
    pub(crate) node: usize,
    pub(crate) mesh: usize,
    pub(crate) weights: &'a [f32],
}

/// The forms vertex positions and morph-target displacements are read in: floats, or with
/// `KHR_mesh_quantization` 8- and 16-bit integers, normalised or not.
pub(crate) const POSITIONS: Allowed = Allowed {
    types: &[Type::Vec3],
    float: true,
    normalized: &[
        ComponentType::I8,
        ComponentType::U8,
        ComponentType::I16,
        ComponentType::U16,
    ],
    integer: &[
        ComponentType::I8,
        ComponentType::U8,
        ComponentType::I16,
        ComponentType::U16,
    ],
};

/// The parsed file a primitive is read from.
pub(crate) struct Source<'a> {
    pub(crate) root: &'a gltf::json::Root,
    pub(crate) buffers: &'a [Vec<u8>],
}

impl Placed {
    /// Adds primitive `prim` as placed `at`; `external(uri)` reads a texture image the
    /// file names by a relative URI.
    pub(crate) fn add(
        &mut self,
        src: &Source,
        prim: &gltf::Primitive,
        at: &At,
        external: &mut dyn FnMut(&str) -> Result<Vec<u8>, skyshow_i18n::Message>,
    ) -> Result<(), ArtError> {
        let material = prim.material();
        let texture = self.textures.base_color(&material, src.buffers, external);
        check_accessors(prim, at.mesh, texture.as_ref().map(|t| t.set))?;
        let reader = prim.reader(|b| src.buffers.get(b.index()).map(Vec::as_slice));
        let Some(pos) = prim.get(&gltf::Semantic::Positions) else {
            return Ok(());
        };
        // Read here rather than by gltf's reader, which takes floats only: positions may
        // be integers (`KHR_mesh_quantization`), the node's transform scaling them.
        let pos = gltf_accessor::read(src.root, src.buffers, pos.index(), POSITIONS, None)
            .map_err(|e| {
                ArtError::new(
                    msg!(
                        "gltf-accessor-use",
                        owner = msg!("gltf-mesh-index", mesh = at.mesh),
                        what = msg!("gltf-what-positions"),
                        accessor = pos.index(),
                        why = e
                    ),
                    msg!("gltf-unread-form-hint"),
                )
            })?;
        let mut local: Vec<[f64; 3]> = pos
            .values
            .chunks_exact(3)
            .map(|p| [p[0], p[1], p[2]])
            .collect();
        morph(src, prim, at, &mut local)?;
        let out = &mut self.mesh;
        let base = out.vertices.len();
        for v in local {
            let w = apply(at.world, v);
            if w.iter().any(|x| !x.is_finite()) {
                return Err(ArtError::new(
                    msg!("gltf-vertex-not-finite", mesh = at.mesh),
                    msg!("artwork-gltf-broken-hint"),
                ));
            }
            out.vertices.push(w);
        }
        let count = out.vertices.len() - base;
        self.parts.push(MeshPart {
            node: at.node,
            mesh: at.mesh,
            primitive: prim.index(),
            first: base,
            count,
        });
        self.add_colors(&reader, &material, count);
        // The texture's coordinates (transformed), when it has them for every vertex.
        let uvs = &mut self.uvs;
        let textured = texture.and_then(|t| {
            let tc = reader.read_tex_coords(t.set)?;
            let before = uvs.len();
            uvs.extend(
                tc.into_f32()
                    .map(|p| t.apply([f64::from(p[0]), f64::from(p[1])])),
            );
            (uvs.len() == before + count).then_some(t.texture)
        });
        self.coloured |= textured.is_some();
        let n = self.mesh.vertices.len();
        self.uvs.truncate(n);
        self.uvs.resize(n, [0.0, 0.0]);
        self.add_faces(&reader, prim.mode(), at.mesh, base, count)?;
        self.triangle_texture
            .resize(self.mesh.triangles.len(), textured);
        Ok(())
    }

    /// The colours of the `count` vertices just added: `COLOR_0` times the material's base
    /// colour factor, else the factor.
    fn add_colors<'a, 's, F>(
        &mut self,
        reader: &gltf::mesh::Reader<'a, 's, F>,
        material: &gltf::Material,
        count: usize,
    ) where
        F: Clone + Fn(gltf::Buffer<'a>) -> Option<&'s [u8]>,
    {
        let factor = material.pbr_metallic_roughness().base_color_factor();
        match reader.read_colors(0) {
            // glTF multiplies the vertex colour by the material's factor.
            Some(c) => {
                self.coloured = true;
                self.colors.extend(
                    c.into_rgb_f32().map(|c| {
                        linear_rgb([c[0] * factor[0], c[1] * factor[1], c[2] * factor[2]])
                    }),
                );
            }
            None => {
                self.coloured |= material.index().is_some();
                let c = linear_rgb([factor[0], factor[1], factor[2]]);
                self.colors.extend(std::iter::repeat_n(c, count));
            }
        }
        self.colors.resize(self.mesh.vertices.len(), Rgb::WHITE);
    }

    /// The faces of the primitive whose `count` vertices start at `base`: triangle lists,
    /// strips and fans. Points and lines add their vertices (for `mode = "vertices"`), no
    /// faces.
    fn add_faces<'a, 's, F>(
        &mut self,
        reader: &gltf::mesh::Reader<'a, 's, F>,
        mode: gltf::mesh::Mode,
        mesh: usize,
        base: usize,
        count: usize,
    ) -> Result<(), ArtError>
    where
        F: Clone + Fn(gltf::Buffer<'a>) -> Option<&'s [u8]>,
    {
        use gltf::mesh::Mode;
        if !matches!(
            mode,
            Mode::Triangles | Mode::TriangleStrip | Mode::TriangleFan
        ) {
            return Ok(());
        }
        let idx: Vec<usize> = match reader.read_indices() {
            Some(i) => i.into_u32().map(|i| i as usize).collect(),
            None => (0..count).collect(),
        };
        if let Some(&bad) = idx.iter().find(|&&i| i >= count) {
            return Err(ArtError::new(
                msg!(
                    "gltf-index-no-vertex",
                    mesh = mesh,
                    index = bad,
                    count = count
                ),
                msg!("artwork-gltf-broken-hint"),
            ));
        }
        let tri = |a: usize, b: usize, c: usize| [base + a, base + b, base + c];
        let out = &mut self.mesh.triangles;
        match mode {
            Mode::Triangles => {
                for t in idx.chunks_exact(3) {
                    out.push(tri(t[0], t[1], t[2]));
                }
            }
            Mode::TriangleStrip => {
                for k in 2..idx.len() {
                    let (a, b, c) = (idx[k - 2], idx[k - 1], idx[k]);
                    out.push(if k % 2 == 0 {
                        tri(a, b, c)
                    } else {
                        tri(b, a, c)
                    });
                }
            }
            _ => {
                for k in 2..idx.len() {
                    out.push(tri(idx[0], idx[k - 1], idx[k]));
                }
            }
        }
        Ok(())
    }

    /// The mesh placed: its colours when any primitive has some, its textures when any
    /// face has one, and the notes on textures that could not be read.
    pub(crate) fn finish(self) -> (MeshFile, Vec<MeshPart>) {
        let mut out = self.mesh;
        out.colors = self.coloured.then_some(self.colors);
        if self.triangle_texture.iter().any(Option::is_some) {
            out.paint = Some(MeshPaint {
                uvs: self.uvs,
                triangle_texture: self.triangle_texture,
                textures: self.textures.textures,
            });
        }
        out.notes = self.textures.notes;
        (out, self.parts)
    }
}

/// Moves the primitive's vertices `local` by its morph targets at the weights in force
/// (`at.weights`), as a glTF viewer shows the mesh at rest. Every target accessor is read
/// with its bounds checked.
fn morph(
    src: &Source,
    prim: &gltf::Primitive,
    at: &At,
    local: &mut [[f64; 3]],
) -> Result<(), ArtError> {
    for (t, (target, &w)) in prim.morph_targets().zip(at.weights).enumerate() {
        let Some(acc) = target.positions() else {
            continue;
        };
        if w == 0.0 {
            continue;
        }
        if !w.is_finite() {
            return Err(ArtError::new(
                msg!("gltf-morph-weight-not-finite", mesh = at.mesh, target = t),
                msg!("artwork-gltf-broken-hint"),
            ));
        }
        let d = gltf_accessor::read(
            src.root,
            src.buffers,
            acc.index(),
            POSITIONS,
            Some(local.len()),
        )
        .map_err(|e| {
            ArtError::new(
                msg!(
                    "gltf-accessor-use",
                    owner = msg!("gltf-mesh-index", mesh = at.mesh),
                    what = msg!("gltf-what-morph-positions", target = t),
                    accessor = acc.index(),
                    why = e
                ),
                msg!("gltf-unread-form-hint"),
            )
        })?;
        let w = f64::from(w);
        for (i, v) in local.iter_mut().enumerate() {
            let d = d.get(i);
            for k in 0..3 {
                v[k] += w * d[k];
            }
        }
    }
    Ok(())
}

/// Checks the accessors a primitive's vertices are read from (positions, `COLOR_0`,
/// indices) before gltf 1.4's reader sees them: that reader asserts their element type and
/// stride, computes their extent unchecked (a count of 0 underflows, a huge one overflows)
/// and reaches `unreachable!` on a colour or index type it does not know. Sparse accessors
/// are not read.
fn check_accessors(
    prim: &gltf::Primitive,
    mesh: usize,
    uv_set: Option<u32>,
) -> Result<(), ArtError> {
    for (a, what, types, dims) in used_accessors(prim, uv_set) {
        if let Some(why) = accessor_fault(&a, types, dims) {
            return Err(ArtError::new(
                msg!(
                    "gltf-accessor-use",
                    owner = msg!("gltf-mesh-index", mesh = mesh),
                    what = what,
                    accessor = a.index(),
                    why = why
                ),
                msg!("gltf-unread-form-hint"),
            ));
        }
    }
    Ok(())
}

/// An accessor a primitive's vertices are read from, what it holds, and the element types
/// and dimensions the reader takes for it.
type UsedAccessor<'a> = (
    gltf::Accessor<'a>,
    Message,
    &'static [gltf::accessor::DataType],
    &'static [gltf::accessor::Dimensions],
);

/// The accessors read from `prim`: positions, `COLOR_0`, the UV set `uv_set` when given,
/// and the indices.
fn used_accessors<'a>(prim: &gltf::Primitive<'a>, uv_set: Option<u32>) -> Vec<UsedAccessor<'a>> {
    use gltf::accessor::{DataType as T, Dimensions as D};
    let uv: Option<(gltf::Semantic, Message, &[T], &[D])> = uv_set.map(|s| {
        (
            gltf::Semantic::TexCoords(s),
            msg!("gltf-what-uvs"),
            &[T::U8, T::U16, T::F32][..],
            &[D::Vec2][..],
        )
    });
    let kinds: [(gltf::Semantic, Message, &'static [T], &'static [D]); 2] = [
        (
            gltf::Semantic::Positions,
            msg!("gltf-what-positions"),
            &[T::F32, T::I8, T::U8, T::I16, T::U16],
            &[D::Vec3],
        ),
        (
            gltf::Semantic::Colors(0),
            msg!("gltf-what-colours"),
            &[T::U8, T::U16, T::F32],
            &[D::Vec3, D::Vec4],
        ),
    ];
    let mut used: Vec<UsedAccessor<'a>> = kinds
        .into_iter()
        .chain(uv)
        .filter_map(|(sem, what, t, d)| prim.get(&sem).map(|a| (a, what, t, d)))
        .collect();
    if let Some(a) = prim.indices() {
        used.push((
            a,
            msg!("gltf-what-indices"),
            &[T::U8, T::U16, T::U32],
            &[D::Scalar],
        ));
    }
    used
}

/// Why the reader cannot read accessor `a` whose element types may be `types` and
/// dimensions `dims` (sparse, another type, empty, a stride below the element, or
/// elements past its view), or `None` when it can.
fn accessor_fault(
    a: &gltf::Accessor,
    types: &[gltf::accessor::DataType],
    dims: &[gltf::accessor::Dimensions],
) -> Option<Message> {
    if a.sparse().is_some() {
        return Some(msg!("gltf-prim-sparse"));
    }
    if !types.contains(&a.data_type()) || !dims.contains(&a.dimensions()) {
        return Some(msg!(
            "gltf-prim-type",
            kind = format!("{:?} {:?}", a.data_type(), a.dimensions())
        ));
    }
    if a.count() == 0 {
        return Some(msg!("gltf-prim-empty"));
    }
    let view = a.view()?;
    let size = a.size();
    let stride = view.stride().unwrap_or(size);
    if stride < size {
        return Some(msg!("gltf-prim-stride", stride = stride, size = size));
    }
    let end = stride
        .checked_mul(a.count() - 1)
        .and_then(|n| n.checked_add(a.offset()))
        .and_then(|n| n.checked_add(size));
    let in_view = end.is_some_and(|e| e <= view.length());
    let view_end = view.offset().checked_add(view.length());
    if !in_view || view_end.is_none() {
        return Some(msg!(
            "gltf-prim-past-view",
            count = a.count(),
            stride = stride,
            offset = a.offset()
        ));
    }
    None
}

/// The point `v` moved by the column-major matrix `m`.
fn apply(m: &[[f64; 4]; 4], v: [f64; 3]) -> [f64; 3] {
    let mut out = [0.0; 3];
    for (r, o) in out.iter_mut().enumerate() {
        *o = m[0][r] * v[0] + m[1][r] * v[1] + m[2][r] * v[2] + m[3][r];
    }
    out
}

/// A linear glTF colour (0–1) in sRGB bytes.
fn linear_rgb(c: [f32; 3]) -> Rgb {
    let ch = |v: f32| {
        let v = f64::from(v).clamp(0.0, 1.0);
        let s = if v <= 0.003_130_8 {
            12.92 * v
        } else {
            1.055 * v.powf(1.0 / 2.4) - 0.055
        };
        (s * 255.0).round() as u8
    };
    Rgb::new(ch(c[0]), ch(c[1]), ch(c[2]))
}
