//! A mesh formation's animation: the `animation`, `animation_speed`, `animation_start_s`
//! and `animation_loop` keys, and the glTF animation they choose, read and posed where the
//! hold starts.

use super::label::Label;
use std::ops::Range;

use skyshow_i18n::{Message, msg};
use skyshow_model::{Affine, MeshAnimation, Playback, Vec3, Warning};
use toml::Spanned;

use super::Cx;
use super::gltf_animation::{AnimationChoice, GltfAnimation};
use super::mesh_file::MeshFile;
use super::raw::{RawAnimation, RawFormation};
use crate::error::ImportError;

/// The animation keys of a mesh formation, checked.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct AnimationKeys<'f> {
    /// Which animation (`None` for `animation = false`: the still mesh).
    pub(super) choice: Option<AnimationChoice<'f>>,
    /// How it plays (`animation_speed`, `animation_start_s`, `animation_loop`).
    pub(super) playback: Playback,
    /// The formation's name (warnings name it).
    pub(super) formation: &'f str,
    /// Where the first of the keys is (for messages about all of them), if any is given.
    pub(super) span: Option<Range<usize>>,
}

impl Cx<'_> {
    /// The formation's animation keys.
    pub(super) fn animation_keys<'f>(
        &self,
        f: &'f RawFormation,
    ) -> Result<AnimationKeys<'f>, ImportError> {
        let choice = match f.animation.as_ref().map(Spanned::get_ref) {
            None | Some(RawAnimation::Flag(true)) => Some(AnimationChoice::First),
            Some(RawAnimation::Flag(false)) => None,
            Some(RawAnimation::Name(n)) => Some(AnimationChoice::Named(n.as_str())),
        };
        let playback = self.playback(f)?;
        let spans = [
            f.animation.as_ref().map(Spanned::span),
            f.animation_speed.as_ref().map(Spanned::span),
            f.animation_start_s.as_ref().map(Spanned::span),
            f.animation_loop.as_ref().map(Spanned::span),
        ];
        let span = spans.into_iter().flatten().min_by_key(|s| s.start);
        Ok(AnimationKeys {
            formation: f.name.get_ref().as_str(),
            choice,
            playback,
            span,
        })
    }

    /// The animation `keys` choose from `mesh` (a glTF file's, `None` for a still mesh),
    /// with `mesh.vertices` put in the pose the clip shows when the hold starts. Scene
    /// space: the caller sets `to_local` once it has fitted the mesh.
    pub(super) fn mesh_animation(
        &self,
        keys: &AnimationKeys<'_>,
        mesh: &mut MeshFile,
        mode: &str,
        span: &Range<usize>,
        what: &Message,
    ) -> Result<Option<MeshAnimation>, ImportError> {
        let given = |why: Message, help: Message| -> Result<Option<MeshAnimation>, ImportError> {
            match &keys.span {
                Some(s) => Err(self.err(s.clone(), why, Label::Key, Some(help))),
                None => Ok(None),
            }
        };
        // `animation = false`: the still mesh, whatever the file holds.
        let Some(choice) = keys.choice else {
            return Ok(None);
        };
        let Some(gltf) = &mesh.gltf else {
            return given(
                msg!("artwork-anim-not-gltf", what = what.clone()),
                msg!("artwork-anim-not-gltf-hint"),
            );
        };
        if mode == "vertices" {
            return given(
                msg!("artwork-anim-vertices-mode"),
                msg!("artwork-anim-vertices-mode-hint"),
            );
        }
        let source = &gltf.source;
        let read = GltfAnimation::read(
            source.document.as_json(),
            &source.buffers,
            &gltf.parts,
            choice,
        )
        .map_err(|e| self.art_err(span.clone(), what, e))?;
        let Some(GltfAnimation {
            animation,
            warnings,
        }) = read
        else {
            return given(
                msg!("artwork-anim-none", what = what.clone()),
                msg!("artwork-anim-none-hint"),
            );
        };
        let start = self.start_pose(keys, &animation, mesh.vertices.len(), span, what)?;
        for message in warnings {
            self.warn(Warning::new(
                "gltf_skin_weights_normalised",
                message,
                format!("formation \"{}\"", keys.formation),
            ));
        }
        mesh.vertices = start.iter().map(|p| p.to_array()).collect();
        let playback = keys.playback;
        Ok(Some(MeshAnimation {
            playback,
            ..animation
        }))
    }

    /// The vertices in the pose the clip shows at `animation_start_s`, after checking that
    /// the animation moves the mesh's `vertices` vertices, that the start lies within the
    /// clip and that every posed vertex is finite.
    fn start_pose(
        &self,
        keys: &AnimationKeys<'_>,
        animation: &MeshAnimation,
        vertices: usize,
        span: &Range<usize>,
        what: &Message,
    ) -> Result<Vec<Vec3>, ImportError> {
        if animation.rest.len() != vertices {
            return Err(self.err(
                span.clone(),
                msg!(
                    "artwork-anim-vertex-count",
                    what = what.clone(),
                    moved = animation.rest.len(),
                    vertices = vertices
                ),
                Label::File,
                None,
            ));
        }
        let length = animation.clip_length_s();
        if keys.playback.start_s > length {
            let at = keys.span.clone().unwrap_or_else(|| span.clone());
            return Err(self.err(
                at,
                msg!(
                    "artwork-anim-start-past-end",
                    start = crate::number::shown(keys.playback.start_s),
                    name = animation.name.as_str(),
                    length = format!("{length:.3}")
                ),
                Label::Key,
                Some(msg!(
                    "artwork-anim-start-past-end-hint",
                    length = format!("{length:.3}")
                )),
            ));
        }
        let start = animation.vertices_at(animation.clip_start_s + keys.playback.start_s);
        if let Some(v) = start.iter().position(|p| !p.is_finite() || p.norm() > 1e9) {
            return Err(self.err(
                span.clone(),
                msg!(
                    "artwork-anim-not-finite",
                    what = what.clone(),
                    name = animation.name.as_str(),
                    vertex = v
                ),
                Label::File,
                Some(msg!("artwork-anim-not-finite-hint")),
            ));
        }
        Ok(start)
    }
}

/// The matrix that takes scene space into the formation's local frame as a mesh is
/// fitted: up axis turned (`"z"`: `(x, y, z) → (x, z, −y)`), `centre` moved to the origin,
/// scaled by `k`.
pub(super) fn fit_matrix(up: &str, centre: Vec3, k: f64) -> Affine {
    let turn: [[f64; 3]; 3] = match up {
        "z" => [[1.0, 0.0, 0.0], [0.0, 0.0, -1.0], [0.0, 1.0, 0.0]],
        _ => [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
    };
    let c = [centre.x, centre.y, centre.z];
    let mut m = [[0.0; 4]; 4];
    for col in 0..3 {
        for row in 0..3 {
            m[col][row] = turn[col][row] * k;
        }
    }
    for row in 0..3 {
        m[3][row] = -c[row] * k;
    }
    m[3][3] = 1.0;
    m
}
