//! glTF 2.0 meshes (`.gltf` with embedded or external buffers, `.glb`) read into a
//! [`MeshFile`]: triangles of every mesh of the default scene placed by their node
//! transforms, vertex colours `COLOR_0` times the material's base colour factor, and
//! base-colour textures looked up at each vertex's texture coordinates (`gltf_texture.rs`).

use skyshow_i18n::msg;

use super::art::ArtError;
use super::gltf_placed::{At, Placed, Source};
use super::gltf_source::GltfSource;
use super::mesh_file::{GltfMeshes, MeshFile};

impl MeshFile {
    /// Reads a glTF 2.0 file (`.gltf` JSON or `.glb` binary); `external(uri)` reads a buffer
    /// the file names by a relative URI. Every primitive's vertices are read; triangle lists,
    /// strips and fans make the faces. Meshes of the default scene (or the first, or every
    /// root node without scenes) are placed by their nodes' transforms. Colours are
    /// `COLOR_0` times the material's base colour factor (linear in glTF, turned into
    /// sRGB); `None` when no primitive has a colour, a material or a texture. Base-colour
    /// textures (with their texture coordinates, transformed by `KHR_texture_transform`)
    /// go to `MeshFile::paint`; a texture that cannot be read leaves its faces in the
    /// material's colour and a note in `MeshFile::notes`. The parsed file and where each
    /// primitive's vertices went are kept (`MeshFile::gltf`) for its animations.
    pub(crate) fn gltf(
        data: &[u8],
        external: &mut dyn FnMut(&str) -> Result<Vec<u8>, skyshow_i18n::Message>,
    ) -> Result<MeshFile, ArtError> {
        let source = GltfSource::load(data, external)?;
        let src = Source {
            root: source.document.as_json(),
            buffers: &source.buffers,
        };
        let mut placed = Placed::default();
        let mut stack: Vec<(gltf::Node, [[f64; 4]; 4])> = roots(&source.document)
            .into_iter()
            .map(|n| (n, IDENTITY))
            .collect();
        let mut visited = 0usize;
        let mut meshes = 0usize;
        while let Some((node, parent)) = stack.pop() {
            visited += 1;
            if visited > 1_000_000 {
                return Err(ArtError::new(
                    msg!("artwork-gltf-node-cycle"),
                    msg!("artwork-gltf-broken-hint"),
                ));
            }
            let local = node.transform().matrix().map(|c| c.map(f64::from));
            let world = mul(&parent, &local);
            for c in node.children() {
                stack.push((c, world));
            }
            let Some(mesh) = node.mesh() else { continue };
            meshes += 1;
            let at = At {
                world: &world,
                node: node.index(),
                mesh: mesh.index(),
                weights: node.weights().or(mesh.weights()).unwrap_or(&[]),
            };
            for prim in mesh.primitives() {
                placed.add(&src, &prim, &at, external)?;
            }
        }
        if meshes == 0 {
            return Err(nothing_placed(&source.document));
        }
        let (mut out, parts) = placed.finish();
        out.gltf = Some(Box::new(GltfMeshes { source, parts }));
        Ok(out)
    }
}

/// The refusal of a file whose scene places no mesh: what the file holds instead, and how
/// to export the model.
fn nothing_placed(doc: &gltf::Document) -> ArtError {
    let meshes = doc.meshes().len();
    let nodes = doc.nodes().len();
    if meshes == 0 {
        return ArtError::new(
            msg!("artwork-gltf-no-mesh", nodes = nodes),
            msg!("artwork-gltf-no-mesh-hint"),
        );
    }
    let scene = doc.default_scene().or_else(|| doc.scenes().next());
    let Some(scene) = scene else {
        return ArtError::new(
            msg!("artwork-gltf-no-scene-shows", meshes = meshes),
            msg!("artwork-gltf-scene-hint"),
        );
    };
    let scene_name = match scene.name() {
        Some(n) => format!("`{n}`"),
        None => scene.index().to_string(),
    };
    let message = match scene.nodes().len() {
        0 => msg!(
            "artwork-gltf-scene-empty",
            meshes = meshes,
            scene = scene_name
        ),
        _ => msg!(
            "artwork-gltf-scene-no-mesh-node",
            meshes = meshes,
            scene = scene_name
        ),
    };
    ArtError::new(message, msg!("artwork-gltf-scene-hint"))
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

#[cfg(test)]
#[path = "gltf_file_tests.rs"]
mod tests;
