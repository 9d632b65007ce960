//! Mesh formations (OBJ, STL, glTF): the file read once, turned so its up axis is up,
//! centred and scaled to the formation's size; sampled on the surface, in the volume, or one
//! drone per vertex.

use super::label::Label;
use std::ops::Range;
use std::path::Path;

use skyshow_i18n::{Message, msg};
use skyshow_model::{Shape, Vec3};

use super::art::Fit;
use super::artwork::what_mesh;
use super::foreign_file::Foreign;
use super::mesh_animation_keys::fit_matrix;
use super::mesh_file::MeshFile;
use super::raw::RawFormation;
use super::vertex_merge::{COINCIDENT, VertexMerge, is_flat};
use super::{Cx, Reader};
use crate::error::ImportError;

impl Cx<'_> {
    /// A mesh formation: turned so that its up axis is up, centred and scaled.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn mesh(
        &self,
        f: &RawFormation,
        name: &str,
        count: Option<usize>,
        fleet: usize,
        fit: Fit,
        size_m: Option<f64>,
        read: &mut Reader<'_>,
    ) -> Result<Shape, ImportError> {
        self.check_one_size(f, fit, size_m)?;
        let mode = self.choice(
            &f.mode,
            "mode",
            &["surface", "volume", "vertices"],
            "surface",
        )?;
        let (path, span, bytes) = self.read_file(f, "mesh", what_mesh, read)?;
        let ext = Path::new(&path)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let what = what_mesh(&path);
        let mut mesh = self.read_mesh(&path, &ext, &span, &what, bytes, read)?;
        self.warn_unread_textures(&mesh, name, &what);
        self.check_mesh_content(f, &mesh, mode, &span, &what)?;
        let keys = self.animation_keys(f)?;
        let animation = self.mesh_animation(&keys, &mut mesh, mode, &span, &what)?;
        let default_up = if ext == "stl" { "z" } else { "y" };
        let up = self.choice(&f.up, "up", &["y", "z"], default_up)?;
        let turned = up_turned(&mesh.vertices, up);
        let (centre, k) = self.fit_mesh(&turned, fit, size_m, &span, &what)?;
        let vertices: Vec<Vec3> = turned.iter().map(|p| (*p - centre) * k).collect();
        if mode == "vertices" {
            return self.vertices(
                f,
                name,
                &what,
                span,
                &vertices,
                painted_vertex_colors(&mesh).as_deref(),
                fleet,
            );
        }
        let animation = animation.map(|mut a| {
            a.to_local = fit_matrix(up, centre, k);
            Box::new(a)
        });
        Ok(Shape::Mesh {
            vertices,
            triangles: mesh.triangles,
            colors: mesh.colors,
            paint: mesh.paint.map(Box::new),
            volume: mode == "volume",
            seed: self.seed,
            count,
            animation,
        })
    }

    /// At most one of `width_m`, `height_m` and `size_m` sizes a mesh.
    fn check_one_size(
        &self,
        f: &RawFormation,
        fit: Fit,
        size_m: Option<f64>,
    ) -> Result<(), ImportError> {
        let given = [
            fit.width_m.is_some(),
            fit.height_m.is_some(),
            size_m.is_some(),
        ];
        if given.iter().filter(|g| **g).count() > 1 {
            return Err(self.err(
                f.shape.span(),
                msg!("artwork-mesh-one-size"),
                Label::Shape,
                Some(msg!("artwork-mesh-one-size-hint")),
            ));
        }
        Ok(())
    }

    /// A warning for each texture of the mesh's file that was not read (`mesh.notes`).
    fn warn_unread_textures(&self, mesh: &MeshFile, name: &str, what: &Message) {
        for note in &mesh.notes {
            self.warn_formation(
                "mesh_texture_unread",
                msg!(
                    "artwork-mesh-texture-unread",
                    formation = name,
                    what = what.clone(),
                    why = note.clone()
                ),
                name,
            );
        }
    }

    /// A mesh that can be sampled as `mode` asks: vertices, faces unless one drone per
    /// vertex, and a volume for `volume`.
    fn check_mesh_content(
        &self,
        f: &RawFormation,
        mesh: &MeshFile,
        mode: &str,
        span: &Range<usize>,
        what: &Message,
    ) -> Result<(), ImportError> {
        if mesh.vertices.is_empty() {
            return Err(self.err(
                span.clone(),
                msg!("artwork-mesh-no-vertices", what = what.clone()),
                Label::File,
                Some(msg!("artwork-mesh-no-vertices-hint")),
            ));
        }
        if mode != "vertices" && mesh.triangles.is_empty() {
            return Err(self.err(
                span.clone(),
                msg!(
                    "artwork-mesh-no-faces",
                    what = what.clone(),
                    vertices = mesh.vertices.len()
                ),
                Label::File,
                Some(msg!("artwork-mesh-no-faces-hint")),
            ));
        }
        if mode == "volume"
            && is_flat(
                &mesh
                    .vertices
                    .iter()
                    .map(|v| Vec3::from(*v))
                    .collect::<Vec<_>>(),
                &mesh.triangles,
            )
        {
            return Err(self.err(
                f.mode.as_ref().map_or(span.clone(), |m| m.span()),
                msg!("artwork-mesh-flat-volume", what = what.clone()),
                Label::Mode,
                Some(msg!("artwork-mesh-flat-volume-hint")),
            ));
        }
        Ok(())
    }

    /// The centre of the turned mesh's box and the scale that gives it the size asked for
    /// (width, height or largest extent, metres).
    fn fit_mesh(
        &self,
        turned: &[Vec3],
        fit: Fit,
        size_m: Option<f64>,
        span: &Range<usize>,
        what: &Message,
    ) -> Result<(Vec3, f64), ImportError> {
        let (lo, hi) = Vec3::bounds(turned);
        let ext3 = hi - lo;
        let centre = (lo + hi) / 2.0;
        let (target, have, key) = match (fit.width_m, fit.height_m, size_m) {
            (Some(w), _, _) => (w, ext3.x, msg!("artwork-mesh-extent-width")),
            (_, Some(h), _) => (h, ext3.y, msg!("artwork-mesh-extent-height")),
            (_, _, Some(s)) => (
                s,
                ext3.x.max(ext3.y).max(ext3.z),
                msg!("artwork-mesh-extent-largest"),
            ),
            _ => unreachable!("a size was checked above"),
        };
        if have <= 0.0 || !have.is_finite() {
            return Err(self.err(
                span.clone(),
                msg!("artwork-mesh-no-extent", what = what.clone(), extent = key),
                Label::File,
                Some(msg!("artwork-mesh-no-extent-hint")),
            ));
        }
        Ok((centre, target / have))
    }

    /// One drone per vertex: the coincident copies exporters write merged first (a vertex is
    /// written once per face, normal or UV seam that uses it), and said so.
    #[allow(clippy::too_many_arguments)]
    fn vertices(
        &self,
        f: &RawFormation,
        name: &str,
        what: &Message,
        span: Range<usize>,
        vertices: &[Vec3],
        colors: Option<&[skyshow_model::Rgb]>,
        fleet: usize,
    ) -> Result<Shape, ImportError> {
        if let Some(c) = &f.count {
            return Err(self.err(
                c.span(),
                msg!("artwork-mesh-vertices-count"),
                Label::Value,
                Some(msg!("artwork-mesh-vertices-count-hint")),
            ));
        }
        let (lo, hi) = vertices
            .iter()
            .fold((vertices[0], vertices[0]), |(l, h), p| {
                (l.min(*p), h.max(*p))
            });
        let e = hi - lo;
        let size = e.x.max(e.y).max(e.z);
        let merged = VertexMerge::new(vertices, colors, COINCIDENT * size);
        if merged.points.len() > fleet {
            return Err(self.err(
                span,
                msg!(
                    "artwork-mesh-vertices-fleet",
                    formation = name,
                    vertices = merged.points.len(),
                    fleet = fleet
                ),
                Label::File,
                Some(msg!(
                    "artwork-mesh-vertices-fleet-hint",
                    vertices = merged.points.len()
                )),
            ));
        }
        if merged.merged > 0 {
            self.warn_formation(
                "mesh_vertices_merged",
                msg!(
                    "artwork-mesh-vertices-merged",
                    formation = name,
                    what = what.clone(),
                    merged = merged.merged,
                    kept = merged.points.len()
                ),
                name,
            );
        }
        Ok(Shape::Vertices {
            points: merged.points,
            colors: merged.colors,
        })
    }

    /// Parses the mesh file `path` (of extension `ext`) by its type.
    fn read_mesh(
        &self,
        path: &str,
        ext: &str,
        span: &Range<usize>,
        what: &Message,
        bytes: Vec<u8>,
        read: &mut Reader<'_>,
    ) -> Result<MeshFile, ImportError> {
        let (kind, named) = match ext {
            "gltf" | "glb" => ("gltf", "glTF"),
            "stl" => ("stl", "STL"),
            _ => ("obj", "OBJ"),
        };
        if let Some(foreign) = Foreign::sniff(&bytes, kind) {
            return Err(self.art_err(span.clone(), what, foreign.error(named)));
        }
        match ext {
            "obj" => {
                let text = String::from_utf8(bytes).map_err(|_| {
                    self.err(
                        span.clone(),
                        msg!("artwork-mesh-obj-not-utf8", what = what.clone()),
                        Label::File,
                        Some(msg!("artwork-mesh-obj-not-utf8-hint")),
                    )
                })?;
                let dir = Path::new(&path)
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                MeshFile::obj(&text, &mut |lib: &str| {
                    let p = dir.join(lib);
                    read(&p.to_string_lossy())
                        .and_then(|b| String::from_utf8(b).map_err(|_| msg!("io-invalid-data")))
                        .map_err(|why| why.to_string())
                })
            }
            "stl" => MeshFile::stl(&bytes),
            "gltf" | "glb" => {
                let dir = Path::new(&path)
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                MeshFile::gltf(&bytes, &mut |uri: &str| {
                    read(&dir.join(uri).to_string_lossy())
                })
            }
            _ => {
                return Err(self.err(
                    span.clone(),
                    msg!("artwork-mesh-unknown-type", what = what.clone(), ext = ext),
                    Label::File,
                    Some(msg!("artwork-mesh-unknown-type-hint")),
                ));
            }
        }
        .map_err(|e| self.art_err(span.clone(), what, e))
    }
}

/// Each vertex's colour with its texture (for one drone per vertex): the texture of a
/// triangle that uses the vertex, at the vertex's texture coordinates, times its colour.
fn painted_vertex_colors(mesh: &MeshFile) -> Option<Vec<skyshow_model::Rgb>> {
    let Some(paint) = &mesh.paint else {
        return mesh.colors.clone();
    };
    let mut colors = mesh
        .colors
        .clone()
        .unwrap_or_else(|| vec![skyshow_model::Rgb::WHITE; mesh.vertices.len()]);
    let base = colors.clone();
    for (t, tri) in mesh.triangles.iter().enumerate() {
        let Some(Some(k)) = paint.triangle_texture.get(t) else {
            continue;
        };
        let Some(tex) = paint.textures.get(*k as usize) else {
            continue;
        };
        for &i in tri {
            if let (Some(uv), Some(c)) = (paint.uvs.get(i), base.get(i)) {
                colors[i] = skyshow_model::multiply_srgb(tex.sample(*uv), *c);
            }
        }
    }
    Some(colors)
}

/// The file's vertices turned so that its up axis (`"y"` or `"z"`) is the show's `y`.
fn up_turned(vertices: &[[f64; 3]], up: &str) -> Vec<Vec3> {
    vertices
        .iter()
        .map(|v| match up {
            "z" => Vec3::new(v[0], v[2], -v[1]),
            _ => Vec3::new(v[0], v[1], v[2]),
        })
        .collect()
}
