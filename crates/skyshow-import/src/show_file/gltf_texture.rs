//! Base-colour textures of glTF materials: each texture's image (in a buffer view, a data
//! URI or a file beside the model) decoded once with the `image` crate, its sampler's wrap
//! modes and filter, and the texture coordinates of a primitive with
//! `KHR_texture_transform` applied. A texture that cannot be read leaves its primitives in
//! the material's colour, with a note the caller turns into a warning.

use std::collections::BTreeMap;

use skyshow_i18n::{Message, msg};
use skyshow_model::{Rgb, Texture, Wrap};

use super::gltf_source::base64;

/// The textures of one glTF file, loaded as primitives ask for them.
#[derive(Default)]
pub(crate) struct GltfTextures {
    /// Loaded textures, in the order first used.
    pub(crate) textures: Vec<Texture>,
    /// glTF texture index → index into `textures` (`None`: unreadable).
    loaded: BTreeMap<usize, Option<u32>>,
    /// What could not be read, one sentence each.
    pub(crate) notes: Vec<Message>,
}

/// A primitive's base-colour texture: which loaded texture, which coordinate set, and the
/// transform of its coordinates.
pub(crate) struct BaseColorTexture {
    /// Index into [`GltfTextures::textures`].
    pub(crate) texture: u32,
    /// `TEXCOORD_n`.
    pub(crate) set: u32,
    /// `KHR_texture_transform` as a 2 × 3 affine map of `(u, v, 1)`.
    transform: [[f64; 3]; 2],
}

impl BaseColorTexture {
    /// Texture coordinates `uv` as the texture is looked up with them.
    pub(crate) fn apply(&self, uv: [f64; 2]) -> [f64; 2] {
        let m = &self.transform;
        [
            m[0][0] * uv[0] + m[0][1] * uv[1] + m[0][2],
            m[1][0] * uv[0] + m[1][1] * uv[1] + m[1][2],
        ]
    }
}

/// Largest texture read, pixels (16384²: more than any exporter writes for a base colour).
const MAX_TEXTURE_PIXELS: u64 = 16_384 * 16_384;

impl GltfTextures {
    /// The base-colour texture of `material`, loading its image the first time; `None`
    /// when the material has none or it cannot be read (noted).
    pub(crate) fn base_color(
        &mut self,
        material: &gltf::Material,
        buffers: &[Vec<u8>],
        external: &mut dyn FnMut(&str) -> Result<Vec<u8>, skyshow_i18n::Message>,
    ) -> Option<BaseColorTexture> {
        let info = material.pbr_metallic_roughness().base_color_texture()?;
        let tex = info.texture();
        let slot = match self.loaded.get(&tex.index()) {
            Some(s) => *s,
            None => {
                let s = match load(&tex, buffers, external) {
                    Ok(t) => {
                        self.textures.push(t);
                        Some(self.textures.len() as u32 - 1)
                    }
                    Err(why) => {
                        self.notes.push(msg!(
                            "artwork-texture-unread",
                            texture = texture_name(&tex),
                            material = material
                                .name()
                                .map_or(material.index().unwrap_or(0).to_string(), |n| {
                                    format!("`{n}`")
                                }),
                            why = why
                        ));
                        None
                    }
                };
                self.loaded.insert(tex.index(), s);
                s
            }
        }?;
        let (transform, set) = match info.texture_transform() {
            Some(t) => {
                let [ox, oy] = t.offset().map(f64::from);
                let [sx, sy] = t.scale().map(f64::from);
                let (sin, cos) = f64::from(t.rotation()).sin_cos();
                (
                    [[cos * sx, sin * sy, ox], [-sin * sx, cos * sy, oy]],
                    t.tex_coord().unwrap_or(info.tex_coord()),
                )
            }
            None => ([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], info.tex_coord()),
        };
        Some(BaseColorTexture {
            texture: slot,
            set,
            transform,
        })
    }
}

/// How messages name texture `t`.
fn texture_name(t: &gltf::Texture) -> String {
    match (t.name(), t.source().name()) {
        (Some(n), _) | (None, Some(n)) => format!("`{n}`"),
        _ => t.index().to_string(),
    }
}

/// Reads and decodes the image of texture `tex`.
fn load(
    tex: &gltf::Texture,
    buffers: &[Vec<u8>],
    external: &mut dyn FnMut(&str) -> Result<Vec<u8>, skyshow_i18n::Message>,
) -> Result<Texture, Message> {
    let bytes: Vec<u8> = match tex.source().source() {
        gltf::image::Source::View { view, .. } => {
            let buf = buffers
                .get(view.buffer().index())
                .ok_or_else(|| msg!("artwork-texture-no-buffer"))?;
            let end = view
                .offset()
                .checked_add(view.length())
                .filter(|&e| e <= buf.len())
                .ok_or_else(|| msg!("artwork-texture-view-past-buffer"))?;
            buf[view.offset()..end].to_vec()
        }
        gltf::image::Source::Uri { uri, .. } => match uri.strip_prefix("data:") {
            Some(rest) => {
                let b64 = rest
                    .split_once(";base64,")
                    .map(|x| x.1)
                    .ok_or_else(|| msg!("artwork-texture-uri-not-base64"))?;
                base64(b64).ok_or_else(|| msg!("artwork-texture-broken-base64"))?
            }
            None => {
                let path = percent_decoded(uri);
                external(&path)
                    .map_err(|why| msg!("artwork-texture-file-unread", path = &path, why = why))?
            }
        },
    };
    let format = image::guess_format(&bytes).map_err(|_| msg!("artwork-texture-not-image"))?;
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(&bytes), format);
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_TEXTURE_PIXELS * 4);
    reader.limits(limits);
    let img = reader
        .decode()
        .map_err(|e| msg!("artwork-texture-unreadable-image", why = e.to_string()))?
        .to_rgb8();
    let (width, height) = img.dimensions();
    if width == 0 || height == 0 {
        return Err(msg!("artwork-texture-empty"));
    }
    let pixels = img.pixels().map(|p| Rgb::new(p[0], p[1], p[2])).collect();
    let sampler = tex.sampler();
    let wrap = |m: gltf::texture::WrappingMode| match m {
        gltf::texture::WrappingMode::ClampToEdge => Wrap::ClampToEdge,
        gltf::texture::WrappingMode::MirroredRepeat => Wrap::MirroredRepeat,
        gltf::texture::WrappingMode::Repeat => Wrap::Repeat,
    };
    Ok(Texture {
        width,
        height,
        pixels,
        wrap: [wrap(sampler.wrap_s()), wrap(sampler.wrap_t())],
        nearest: sampler.mag_filter() == Some(gltf::texture::MagFilter::Nearest),
    })
}

/// A URI's `%XX` escapes decoded (file names with spaces are written `%20`); anything that
/// is not a valid escape is kept as written.
fn percent_decoded(uri: &str) -> String {
    let b = uri.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(v) = uri
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| uri.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_escapes() {
        assert_eq!(percent_decoded("Duck%20Texture.png"), "Duck Texture.png");
        assert_eq!(percent_decoded("a%2"), "a%2");
        assert_eq!(percent_decoded("%E9%BE%99.png"), "龙.png");
    }

    #[test]
    fn texture_transform_is_offset_rotation_scale() {
        let t = BaseColorTexture {
            texture: 0,
            set: 0,
            transform: [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]],
        };
        assert_eq!(t.apply([0.25, 0.5]), [0.25, 0.5]);
        // Scale 0.5, offset (0.5, 0): the right half of the texture.
        let half = BaseColorTexture {
            transform: [[0.5, 0.0, 0.5], [0.0, 1.0, 0.0]],
            ..t
        };
        assert_eq!(half.apply([1.0, 1.0]), [1.0, 1.0]);
        assert_eq!(half.apply([0.0, 0.0]), [0.5, 0.0]);
    }
}
