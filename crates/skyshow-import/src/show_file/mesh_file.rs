//! `MeshFile`: triangle meshes from OBJ (vertices, faces, vertex colours `v x y z r g b`,
//! material colours `Kd` from `mtllib`) and STL (ASCII or binary); glTF 2.0 is read by
//! `gltf_file.rs` into the same type.

use skyshow_i18n::{Message, msg};
use std::collections::BTreeMap;

use skyshow_model::Rgb;

use super::art::ArtError;
use super::gltf_animation::MeshPart;
use super::gltf_source::GltfSource;

/// A mesh as read from its file (file units and axes).
#[derive(Debug, Clone, Default)]
pub(crate) struct MeshFile {
    /// Vertex positions.
    pub(crate) vertices: Vec<[f64; 3]>,
    /// Triangles (fans of the file's polygons).
    pub(crate) triangles: Vec<[usize; 3]>,
    /// Colour of each vertex, when the file has vertex or material colours.
    pub(crate) colors: Option<Vec<Rgb>>,
    /// Textures over those colours (glTF base-colour textures).
    pub(crate) paint: Option<skyshow_model::MeshPaint>,
    /// What could not be read and was drawn otherwise (a texture), one sentence each.
    pub(crate) notes: Vec<skyshow_i18n::Message>,
    /// A glTF file as parsed, with where each primitive's vertices went (for its
    /// animations); `None` for other formats.
    pub(crate) gltf: Option<Box<GltfMeshes>>,
}

/// A glTF file's meshes as the mesh reader placed them.
#[derive(Debug, Clone)]
pub(crate) struct GltfMeshes {
    /// The parsed file and its buffers.
    pub(crate) source: GltfSource,
    /// Each placed primitive: its node, mesh and vertex range.
    pub(crate) parts: Vec<MeshPart>,
}

fn rgb(c: [f64; 3]) -> Rgb {
    // Colours in OBJ files are 0–1; some tools write 0–255.
    let scale = if c.iter().any(|&v| v > 1.0) {
        1.0
    } else {
        255.0
    };
    let ch = |v: f64| (v * scale).round().clamp(0.0, 255.0) as u8;
    Rgb::new(ch(c[0]), ch(c[1]), ch(c[2]))
}

impl MeshFile {
    /// Reads an OBJ file's text; `mtl(name)` reads a material library it names.
    pub(crate) fn obj(
        text: &str,
        mtl: &mut dyn FnMut(&str) -> Result<String, String>,
    ) -> Result<MeshFile, ArtError> {
        let mut vertices = Vec::new();
        let mut vcolors: Vec<Option<Rgb>> = Vec::new();
        let mut triangles = Vec::new();
        let mut face_material: Vec<Option<String>> = Vec::new();
        let mut materials: BTreeMap<String, Rgb> = BTreeMap::new();
        let mut current: Option<String> = None;
        for (ln, line) in text.lines().enumerate() {
            let bad = |what: Message| {
                ArtError::new(
                    msg!("artwork-obj-line", line = ln + 1, what = what),
                    msg!("artwork-obj-line-hint"),
                )
            };
            let mut it = line.split_whitespace();
            match it.next() {
                Some("v") => {
                    let nums: Result<Vec<f64>, _> = it.map(str::parse::<f64>).collect();
                    let nums = nums.map_err(|_| bad(msg!("artwork-obj-vertex-nan")))?;
                    if nums.len() < 3 || nums.iter().any(|v| !v.is_finite()) {
                        return Err(bad(msg!("artwork-obj-vertex-three")));
                    }
                    vertices.push([nums[0], nums[1], nums[2]]);
                    vcolors.push((nums.len() >= 6).then(|| rgb([nums[3], nums[4], nums[5]])));
                }
                Some("f") => {
                    let idx = obj_face(it, vertices.len(), &bad)?;
                    if idx.len() < 3 {
                        return Err(bad(msg!("artwork-obj-face-three")));
                    }
                    for k in 1..idx.len() - 1 {
                        triangles.push([idx[0], idx[k], idx[k + 1]]);
                        face_material.push(current.clone());
                    }
                }
                Some("usemtl") => current = it.next().map(str::to_string),
                Some("mtllib") => {
                    for name in it {
                        let lib = mtl(name).map_err(|why| {
                            ArtError::new(
                                msg!("artwork-obj-mtl-unread", name = name, why = why),
                                msg!("artwork-obj-mtl-unread-hint"),
                            )
                        })?;
                        mtl_colors(&lib, &mut materials);
                    }
                }
                _ => {}
            }
        }
        let colors = obj_colors(&vcolors, &triangles, &face_material, &materials);
        MeshFile {
            vertices,
            triangles,
            colors,
            ..MeshFile::default()
        }
        .finite()
    }

    /// The mesh, if every vertex is a finite point of sane size (a NaN, an infinity or a
    /// 1e38 in a file would poison the scaling and the sampling grids).
    pub(super) fn finite(self) -> Result<MeshFile, ArtError> {
        const MAX: f64 = 1e9;
        if let Some((i, v)) = self
            .vertices
            .iter()
            .enumerate()
            .find(|(_, v)| !v.iter().all(|c| c.is_finite() && c.abs() <= MAX))
        {
            use crate::number::shown;
            return Err(ArtError::new(
                msg!(
                    "artwork-mesh-vertex-far",
                    vertex = i + 1,
                    x = shown(v[0]),
                    y = shown(v[1]),
                    z = shown(v[2])
                ),
                msg!("artwork-mesh-vertex-far-hint"),
            ));
        }
        Ok(self)
    }

    /// Reads an STL file (ASCII or binary).
    pub(crate) fn stl(data: &[u8]) -> Result<MeshFile, ArtError> {
        let mesh = stl_io::read_stl(&mut std::io::Cursor::new(data)).map_err(|e| {
            ArtError::new(
                msg!("artwork-stl-invalid", why = e.to_string()),
                msg!("artwork-stl-invalid-hint"),
            )
        })?;
        MeshFile {
            vertices: mesh
                .vertices
                .iter()
                .map(|v| [v[0] as f64, v[1] as f64, v[2] as f64])
                .collect(),
            triangles: mesh.faces.iter().map(|f| f.vertices).collect(),
            colors: None,
            ..MeshFile::default()
        }
        .finite()
    }
}

/// A face's vertex indices (0-based; OBJ's are 1-based, or negative from the end), each
/// checked against the `n` vertices read so far.
fn obj_face<'a>(
    tokens: impl Iterator<Item = &'a str>,
    n: usize,
    bad: &dyn Fn(Message) -> ArtError,
) -> Result<Vec<usize>, ArtError> {
    let mut idx = Vec::new();
    for tok in tokens {
        let first = tok.split('/').next().unwrap_or("");
        let i: i64 = first
            .parse()
            .map_err(|_| bad(msg!("artwork-obj-face-nan")))?;
        let n = n as i64;
        let k = if i < 0 { n + i } else { i - 1 };
        if k < 0 || k >= n {
            return Err(bad(msg!("artwork-obj-face-index", index = i, count = n)));
        }
        idx.push(k as usize);
    }
    Ok(idx)
}

/// Each material's diffuse colour (`Kd`) in the material library `lib`, into `materials`.
fn mtl_colors(lib: &str, materials: &mut BTreeMap<String, Rgb>) {
    let mut mat: Option<String> = None;
    for l in lib.lines() {
        let mut t = l.split_whitespace();
        match t.next() {
            Some("newmtl") => mat = t.next().map(str::to_string),
            Some("Kd") => {
                let c: Vec<f64> = t.filter_map(|v| v.parse().ok()).collect();
                if let (Some(m), true) = (&mat, c.len() >= 3) {
                    materials.insert(m.clone(), rgb([c[0], c[1], c[2]]));
                }
            }
            _ => {}
        }
    }
}

/// The vertices' colours: vertex colours win; else each vertex takes the material of a
/// face using it (white where none has one); `None` when the file has neither.
fn obj_colors(
    vcolors: &[Option<Rgb>],
    triangles: &[[usize; 3]],
    face_material: &[Option<String>],
    materials: &BTreeMap<String, Rgb>,
) -> Option<Vec<Rgb>> {
    if vcolors.iter().any(Option::is_some) {
        Some(vcolors.iter().map(|c| c.unwrap_or(Rgb::WHITE)).collect())
    } else if !materials.is_empty() {
        let mut c: Vec<Option<Rgb>> = vec![None; vcolors.len()];
        for (t, m) in triangles.iter().zip(face_material) {
            if let Some(col) = m.as_ref().and_then(|m| materials.get(m)) {
                for &i in t {
                    c[i].get_or_insert(*col);
                }
            }
        }
        Some(c.into_iter().map(|c| c.unwrap_or(Rgb::WHITE)).collect())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_finite_or_absurd_vertices_are_errors() {
        let e = MeshFile::obj("v 0 0 0\nv 1 0 nan\nv 0 1 0\nf 1 2 3\n", &mut |_| {
            Err("none".into())
        })
        .err()
        .unwrap();
        assert_eq!(
            e.message.english(),
            "OBJ line 2: a vertex needs three finite coordinates"
        );
        let e = MeshFile::obj("v 0 0 0\nv 1e30 0 0\nv 0 1 0\nf 1 2 3\n", &mut |_| {
            Err("none".into())
        })
        .err()
        .unwrap();
        assert!(
            e.message
                .english()
                .starts_with("vertex 2 is at (1e30, 0, 0)"),
            "{}",
            e.message
        );
    }

    #[test]
    fn obj_with_quads_colours_and_materials() {
        let obj =
            "mtllib m.mtl\nv 0 0 0 1 0 0\nv 1 0 0 1 0 0\nv 1 1 0 0 0 1\nv 0 1 0 0 0 1\nf 1 2 3 4\n";
        let m = MeshFile::obj(obj, &mut |_| Ok(String::new())).unwrap();
        assert_eq!(m.triangles, vec![[0, 1, 2], [0, 2, 3]]);
        assert_eq!(m.colors.unwrap()[2], Rgb::new(0, 0, 255));
        let obj = "mtllib m.mtl\nv 0 0 0\nv 1 0 0\nv 1 1 0\nusemtl gold\nf 1/1 2/2 -1\n";
        let m = MeshFile::obj(obj, &mut |_| Ok("newmtl gold\nKd 1.0 0.69 0.1\n".into())).unwrap();
        assert_eq!(m.colors.unwrap()[0], Rgb::new(255, 176, 26));
        let e = MeshFile::obj("v 0 0 0\nf 1 2 3\n", &mut |_| Ok(String::new())).unwrap_err();
        assert!(
            e.message
                .english()
                .contains("line 2: face index 2 names no vertex"),
            "{e:?}"
        );
    }

    #[test]
    fn stl_ascii() {
        let stl = b"solid t\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\nendloop\nendfacet\nendsolid t\n";
        let m = MeshFile::stl(stl).unwrap();
        assert_eq!(m.triangles.len(), 1);
        assert_eq!(m.vertices.len(), 3);
        assert!(MeshFile::stl(b"garbage").is_err());
    }
}
