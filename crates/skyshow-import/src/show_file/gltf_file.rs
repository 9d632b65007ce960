//! glTF 2.0 meshes (`.gltf` with embedded or external buffers, `.glb`) read into a
//! [`MeshFile`]: triangles of every mesh of the default scene placed by their node
//! transforms, vertex colours `COLOR_0` or the material's base colour.

use skyshow_model::Rgb;

use super::art::ArtError;
use super::gltf_animation::MeshPart;
use super::gltf_source::GltfSource;
use super::mesh_file::{GltfMeshes, MeshFile};

impl MeshFile {
    /// Reads a glTF 2.0 file (`.gltf` JSON or `.glb` binary); `external(uri)` reads a buffer
    /// the file names by a relative URI. Every primitive's vertices are read; triangle lists,
    /// strips and fans make the faces. Meshes of the default scene (or the first, or every
    /// root node without scenes) are placed by their nodes' transforms. Colours are
    /// `COLOR_0`, else the material's base colour factor (linear in glTF, turned into
    /// sRGB); `None` when no primitive has either. The parsed file and where each
    /// primitive's vertices went are kept (`MeshFile::gltf`) for its animations.
    pub(crate) fn gltf(
        data: &[u8],
        external: &mut dyn FnMut(&str) -> Result<Vec<u8>, String>,
    ) -> Result<MeshFile, ArtError> {
        let source = GltfSource::load(data, external)?;
        let mut placed = Placed::default();
        let mut stack: Vec<(gltf::Node, [[f64; 4]; 4])> = roots(&source.document)
            .into_iter()
            .map(|n| (n, IDENTITY))
            .collect();
        let mut visited = 0usize;
        while let Some((node, parent)) = stack.pop() {
            visited += 1;
            if visited > 1_000_000 {
                return Err(ArtError::new(
                    "the node hierarchy does not end (a node is its own ancestor)",
                    "re-export the file",
                ));
            }
            let local = node.transform().matrix().map(|c| c.map(f64::from));
            let world = mul(&parent, &local);
            for c in node.children() {
                stack.push((c, world));
            }
            let Some(mesh) = node.mesh() else { continue };
            for prim in mesh.primitives() {
                placed.add(&source.buffers, &prim, &world, node.index(), mesh.index())?;
            }
        }
        let mut out = placed.mesh;
        out.colors = placed.coloured.then_some(placed.colors);
        out.gltf = Some(Box::new(GltfMeshes {
            source,
            parts: placed.parts,
        }));
        Ok(out)
    }
}

/// The nodes a scene starts from: the default scene's, else the first scene's, else every
/// node that is nobody's child.
fn roots(doc: &gltf::Document) -> Vec<gltf::Node<'_>> {
    match doc.default_scene().or_else(|| doc.scenes().next()) {
        Some(scene) => scene.nodes().collect(),
        None => {
            let mut child = vec![false; doc.nodes().len()];
            for n in doc.nodes() {
                for c in n.children() {
                    child[c.index()] = true;
                }
            }
            doc.nodes().filter(|n| !child[n.index()]).collect()
        }
    }
}

/// The mesh as placed so far: vertices, faces, colours, and where each primitive went.
#[derive(Default)]
struct Placed {
    mesh: MeshFile,
    colors: Vec<Rgb>,
    coloured: bool,
    parts: Vec<MeshPart>,
}

impl Placed {
    /// Adds primitive `prim` of mesh `mesh` instanced by node `node` at `world`.
    fn add(
        &mut self,
        buffers: &[Vec<u8>],
        prim: &gltf::Primitive,
        world: &[[f64; 4]; 4],
        node: usize,
        mesh: usize,
    ) -> Result<(), ArtError> {
        use gltf::mesh::Mode;
        let mode = prim.mode();
        check_accessors(prim, mesh)?;
        let reader = prim.reader(|b| buffers.get(b.index()).map(Vec::as_slice));
        let Some(pos) = reader.read_positions() else {
            return Ok(());
        };
        let out = &mut self.mesh;
        let base = out.vertices.len();
        for p in pos {
            let v = [f64::from(p[0]), f64::from(p[1]), f64::from(p[2])];
            let w = apply(world, v);
            if w.iter().any(|x| !x.is_finite()) {
                return Err(ArtError::new(
                    format!("mesh {mesh} has a vertex that is not finite"),
                    "re-export the file",
                ));
            }
            out.vertices.push(w);
        }
        let count = out.vertices.len() - base;
        self.parts.push(MeshPart {
            node,
            mesh,
            primitive: prim.index(),
            first: base,
            count,
        });
        let factor = prim.material().pbr_metallic_roughness().base_color_factor();
        let has_material = prim.material().index().is_some();
        match reader.read_colors(0) {
            Some(c) => {
                self.coloured = true;
                self.colors.extend(c.into_rgb_f32().map(linear_rgb));
            }
            None => {
                self.coloured |= has_material;
                let c = linear_rgb([factor[0], factor[1], factor[2]]);
                self.colors.extend(std::iter::repeat_n(c, count));
            }
        }
        self.colors.resize(out.vertices.len(), Rgb::WHITE);
        // Points and lines add their vertices (for `mode = "vertices"`), no faces.
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
                format!("mesh {mesh}: index {bad} names no vertex (there are {count})"),
                "re-export the file",
            ));
        }
        let tri = |a: usize, b: usize, c: usize| [base + a, base + b, base + c];
        match mode {
            Mode::Triangles => {
                for t in idx.chunks_exact(3) {
                    out.triangles.push(tri(t[0], t[1], t[2]));
                }
            }
            Mode::TriangleStrip => {
                for k in 2..idx.len() {
                    let (a, b, c) = (idx[k - 2], idx[k - 1], idx[k]);
                    out.triangles.push(if k % 2 == 0 {
                        tri(a, b, c)
                    } else {
                        tri(b, a, c)
                    });
                }
            }
            _ => {
                for k in 2..idx.len() {
                    out.triangles.push(tri(idx[0], idx[k - 1], idx[k]));
                }
            }
        }
        Ok(())
    }
}

/// Checks the accessors a primitive's vertices are read from (positions, `COLOR_0`,
/// indices) before gltf 1.4's reader sees them: that reader asserts their element type and
/// stride, computes their extent unchecked (a count of 0 underflows, a huge one overflows)
/// and reaches `unreachable!` on a colour or index type it does not know. Sparse accessors
/// are not read.
fn check_accessors(prim: &gltf::Primitive, mesh: usize) -> Result<(), ArtError> {
    use gltf::accessor::{DataType as T, Dimensions as D};
    let kinds: [(gltf::Semantic, &str, &[T], &[D]); 2] = [
        (
            gltf::Semantic::Positions,
            "positions",
            &[T::F32],
            &[D::Vec3],
        ),
        (
            gltf::Semantic::Colors(0),
            "colours",
            &[T::U8, T::U16, T::F32],
            &[D::Vec3, D::Vec4],
        ),
    ];
    let mut used: Vec<(gltf::Accessor, &str, &[T], &[D])> = kinds
        .into_iter()
        .filter_map(|(sem, what, t, d)| prim.get(&sem).map(|a| (a, what, t, d)))
        .collect();
    if let Some(a) = prim.indices() {
        used.push((a, "indices", &[T::U8, T::U16, T::U32], &[D::Scalar]));
    }
    for (a, what, types, dims) in used {
        let bad = |why: String| {
            Err(ArtError::new(
                format!("mesh {mesh}: the {what} (accessor {}) {why}", a.index()),
                "the file is broken or uses a form this program does not read; re-export it",
            ))
        };
        if a.sparse().is_some() {
            return bad("are sparse, which is not read".into());
        }
        if !types.contains(&a.data_type()) || !dims.contains(&a.dimensions()) {
            return bad(format!(
                "are {:?} {:?}, not a type glTF allows for them",
                a.data_type(),
                a.dimensions()
            ));
        }
        if a.count() == 0 {
            return bad("hold no elements".into());
        }
        let Some(view) = a.view() else { continue };
        let size = a.size();
        let stride = view.stride().unwrap_or(size);
        if stride < size {
            return bad(format!(
                "have a stride of {stride} bytes, less than their {size}-byte elements"
            ));
        }
        let end = stride
            .checked_mul(a.count() - 1)
            .and_then(|n| n.checked_add(a.offset()))
            .and_then(|n| n.checked_add(size));
        let in_view = end.is_some_and(|e| e <= view.length());
        let view_end = view.offset().checked_add(view.length());
        if !in_view || view_end.is_none() {
            return bad(format!(
                "run past their buffer view ({} elements of {stride} bytes from byte {})",
                a.count(),
                a.offset()
            ));
        }
    }
    Ok(())
}

const IDENTITY: [[f64; 4]; 4] = [
    [1.0, 0.0, 0.0, 0.0],
    [0.0, 1.0, 0.0, 0.0],
    [0.0, 0.0, 1.0, 0.0],
    [0.0, 0.0, 0.0, 1.0],
];

/// `a · b` for column-major 4 × 4 matrices (`m[column][row]`, as glTF stores them).
fn mul(a: &[[f64; 4]; 4], b: &[[f64; 4]; 4]) -> [[f64; 4]; 4] {
    let mut m = [[0.0; 4]; 4];
    for (c, col) in m.iter_mut().enumerate() {
        for (r, v) in col.iter_mut().enumerate() {
            *v = (0..4).map(|k| a[k][r] * b[c][k]).sum();
        }
    }
    m
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

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(data: &[u8]) -> String {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut s = String::new();
        for c in data.chunks(3) {
            let n = (u32::from(c[0]) << 16)
                | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
                | u32::from(*c.get(2).unwrap_or(&0));
            for k in 0..4 {
                if k <= c.len() {
                    s.push(A[(n >> (18 - 6 * k) & 63) as usize] as char);
                } else {
                    s.push('=');
                }
            }
        }
        s
    }

    /// A unit square in the xy plane as two triangles (positions, then u16 indices), the
    /// node moved by +10 in x and scaled ×2, with the given primitive mode and colour source.
    fn square_gltf(mode: u32, colors: bool, uri: Option<&str>) -> (String, Vec<u8>) {
        let mut bin = Vec::new();
        for p in [[0f32, 0., 0.], [1., 0., 0.], [1., 1., 0.], [0., 1., 0.]] {
            for v in p {
                bin.extend_from_slice(&v.to_le_bytes());
            }
        }
        for i in [0u16, 1, 2, 0, 2, 3] {
            bin.extend_from_slice(&i.to_le_bytes());
        }
        if colors {
            for _ in 0..4 {
                for v in [1f32, 0.0, 0.0] {
                    bin.extend_from_slice(&v.to_le_bytes());
                }
            }
        }
        let uri = match uri {
            Some(u) => format!(r#","uri":"{u}""#),
            None if mode == 99 => String::new(),
            None => format!(
                r#","uri":"data:application/octet-stream;base64,{}""#,
                b64(&bin)
            ),
        };
        let mode = mode.min(4);
        let color_attr = if colors { r#","COLOR_0":2"# } else { "" };
        let color_view = if colors {
            r#",{"buffer":0,"byteOffset":60,"byteLength":48}"#
        } else {
            ""
        };
        let color_acc = if colors {
            r#",{"bufferView":2,"componentType":5126,"count":4,"type":"VEC3"}"#
        } else {
            ""
        };
        let json = format!(
            r#"{{"asset":{{"version":"2.0"}},"scene":0,"scenes":[{{"nodes":[0]}}],
            "nodes":[{{"children":[1],"translation":[10,0,0]}},{{"mesh":0,"scale":[2,2,2]}}],
            "materials":[{{"pbrMetallicRoughness":{{"baseColorFactor":[0.2158605,1.0,0.0,1.0]}}}}],
            "meshes":[{{"primitives":[{{"attributes":{{"POSITION":0{color_attr}}},"indices":1,"mode":{mode},"material":0}}]}}],
            "buffers":[{{"byteLength":{len}{uri}}}],
            "bufferViews":[{{"buffer":0,"byteOffset":0,"byteLength":48}},{{"buffer":0,"byteOffset":48,"byteLength":12}}{color_view}],
            "accessors":[{{"bufferView":0,"componentType":5126,"count":4,"type":"VEC3","min":[0,0,0],"max":[1,1,0]}},
            {{"bufferView":1,"componentType":5123,"count":6,"type":"SCALAR"}}{color_acc}]}}"#,
            len = bin.len()
        );
        (json, bin)
    }

    #[test]
    fn gltf_embedded_buffer_node_transforms_and_base_colour() {
        let (json, _) = square_gltf(4, false, None);
        let m = MeshFile::gltf(json.as_bytes(), &mut |_| Err("no".into())).unwrap();
        assert_eq!(m.triangles, vec![[0, 1, 2], [0, 2, 3]]);
        // Scaled ×2 by the child, then moved +10 in x by the parent.
        assert_eq!(m.vertices[2], [12.0, 2.0, 0.0]);
        assert_eq!(m.vertices[0], [10.0, 0.0, 0.0]);
        // Linear 0.2158605 is sRGB 128.
        assert_eq!(m.colors.unwrap()[0], Rgb::new(128, 255, 0));
    }

    #[test]
    fn gltf_vertex_colours_external_buffer_and_glb() {
        let (json, bin) = square_gltf(4, true, Some("sq.bin"));
        let mut asked = Vec::new();
        let m = MeshFile::gltf(json.as_bytes(), &mut |u| {
            asked.push(u.to_string());
            Ok(bin.clone())
        })
        .unwrap();
        assert_eq!(asked, vec!["sq.bin"]);
        assert_eq!(m.colors.unwrap()[3], Rgb::new(255, 0, 0));
        // The same as a binary .glb: header, JSON chunk, BIN chunk (each 4-byte aligned).
        let (json, bin) = square_gltf(99, false, None);
        let mut j = json.into_bytes();
        while j.len() % 4 != 0 {
            j.push(b' ');
        }
        let mut glb = Vec::new();
        glb.extend_from_slice(b"glTF");
        glb.extend_from_slice(&2u32.to_le_bytes());
        glb.extend_from_slice(&((12 + 8 + j.len() + 8 + bin.len()) as u32).to_le_bytes());
        glb.extend_from_slice(&(j.len() as u32).to_le_bytes());
        glb.extend_from_slice(b"JSON");
        glb.extend_from_slice(&j);
        glb.extend_from_slice(&(bin.len() as u32).to_le_bytes());
        glb.extend_from_slice(b"BIN\0");
        glb.extend_from_slice(&bin);
        let m = MeshFile::gltf(&glb, &mut |_| Err("no".into())).unwrap();
        assert_eq!(m.triangles.len(), 2);
        assert_eq!(m.vertices[1], [12.0, 0.0, 0.0]);
    }

    /// Found by the gltf fuzz target: a GLB header giving a length under 12 bytes made
    /// gltf 1.4 subtract with overflow.
    #[test]
    fn glb_header_shorter_than_itself() {
        let data =
            include_bytes!("../../../skyshow-formations/tests/fuzz_regressions/gltf-ab323f5e.glb");
        let e = MeshFile::gltf(data, &mut |_| Err("no".into())).unwrap_err();
        assert!(
            e.message
                .contains("GLB header gives the file's length as 0 bytes"),
            "{}",
            e.message
        );
    }

    /// Found by the gltf fuzz target: a primitive whose POSITION names a missing accessor
    /// made gltf-json 1.4's validation index out of bounds.
    #[test]
    fn positions_naming_a_missing_accessor() {
        let (json, _) = square_gltf(4, false, None);
        let json = json.replace(r#""POSITION":0"#, r#""POSITION":7"#);
        let e = MeshFile::gltf(json.as_bytes(), &mut |_| Err("no".into())).unwrap_err();
        assert_eq!(
            e.message,
            "mesh 0: the positions are accessor 7, but there are 2 accessors"
        );
        let data =
            include_bytes!("../../../skyshow-formations/tests/fuzz_regressions/gltf-249d9820.glb");
        let e = MeshFile::gltf(data, &mut |_| Err("no".into())).unwrap_err();
        assert!(
            e.message.contains("the positions are accessor"),
            "{}",
            e.message
        );
    }

    /// Found by the gltf fuzz target: positions read as two-component made gltf 1.4's
    /// reader assert; every accessor the vertices are read from is checked first.
    #[test]
    fn accessors_checked_before_reading() {
        let data =
            include_bytes!("../../../skyshow-formations/tests/fuzz_regressions/gltf-b07e0274.glb");
        let e = MeshFile::gltf(data, &mut |_| Err("no".into())).unwrap_err();
        assert!(
            e.message.contains("the positions (accessor"),
            "{}",
            e.message
        );
        let (json, _) = square_gltf(4, false, None);
        let cases = [
            (
                r#""type":"VEC3","min""#,
                r#""type":"VEC2","min""#,
                "the positions (accessor 0) are F32 Vec2",
            ),
            (
                r#""count":6"#,
                r#""count":0"#,
                "the indices (accessor 1) hold no elements",
            ),
            (
                r#""count":6"#,
                r#""count":7"#,
                "the indices (accessor 1) run past their buffer view (7 elements of 2 bytes",
            ),
            (
                r#""count":6"#,
                r#""count":9223372036854775807"#,
                "run past their buffer view",
            ),
            (
                r#""componentType":5123"#,
                r#""componentType":5126"#,
                "the indices (accessor 1) are F32 Scalar",
            ),
        ];
        for (from, to, want) in cases {
            assert!(json.contains(from), "{from}");
            let bad = json.replacen(from, to, 1);
            let e = MeshFile::gltf(bad.as_bytes(), &mut |_| Err("no".into())).unwrap_err();
            assert!(e.message.contains(want), "{to}: {}", e.message);
        }
    }

    #[test]
    fn gltf_bad_input() {
        let e = MeshFile::gltf(b"{not json", &mut |_| Err("no".into())).unwrap_err();
        assert!(e.message.starts_with("not a valid glTF file"), "{e:?}");
        let (json, _) = square_gltf(4, false, Some("missing.bin"));
        let e = MeshFile::gltf(json.as_bytes(), &mut |_| Err("no such file".into())).unwrap_err();
        assert_eq!(e.message, "cannot read buffer `missing.bin`: no such file");
        // Points only: the vertices, no faces.
        let (json, _) = square_gltf(0, false, None);
        let m = MeshFile::gltf(json.as_bytes(), &mut |_| Err("no".into())).unwrap();
        assert!(m.triangles.is_empty());
        assert_eq!(m.vertices.len(), 4);
        use super::super::gltf_source::base64;
        assert!(base64("QUJD").unwrap() == b"ABC" && base64("Q*").is_none());
    }
}
