//! `GltfSource`: a glTF 2.0 file (`.gltf` JSON with embedded or external buffers, or
//! `.glb`) parsed and validated, with its buffers' bytes loaded — what the mesh reader
//! (`gltf_file.rs`) and the animation reader (`gltf_animation.rs`) both read from.

use super::art::ArtError;
use super::gltf_decompress as decompress;
use skyshow_i18n::msg;

/// A parsed glTF file and its buffers.
#[derive(Clone, Debug)]
pub(crate) struct GltfSource {
    /// The validated document.
    pub(crate) document: gltf::Document,
    /// Each buffer's bytes, in the file's order.
    pub(crate) buffers: Vec<Vec<u8>>,
}

impl GltfSource {
    /// Parses `data`; `external(uri)` reads a buffer the file names by a relative URI.
    pub(crate) fn load(
        data: &[u8],
        external: &mut dyn FnMut(&str) -> Result<Vec<u8>, skyshow_i18n::Message>,
    ) -> Result<GltfSource, ArtError> {
        // A GLB header's total length is at least the 12-byte header itself; gltf 1.4
        // subtracts 12 from it unchecked.
        if let Some(h) = data.get(..12)
            && h.starts_with(b"glTF")
        {
            let length = u32::from_le_bytes([h[8], h[9], h[10], h[11]]);
            if length < 12 {
                return Err(ArtError::new(
                    msg!("artwork-gltf-glb-short", length = length),
                    msg!("artwork-gltf-broken-hint"),
                ));
            }
        }
        let invalid = |e: gltf::Error| {
            ArtError::new(
                msg!("artwork-gltf-invalid", why = e.to_string()),
                msg!("artwork-gltf-invalid-hint"),
            )
        };
        let g = gltf::Gltf::from_slice_without_validation(data).map_err(invalid)?;
        let mut json = g.document.into_json();
        let compression = super::gltf_extensions::triage(&mut json.extensions_required)?;
        let mut buffers = None;
        if compression.any() {
            // Decoded into plain views and accessors first, from the JSON as written.
            let text = match gltf::Glb::from_slice(data) {
                Ok(glb) => glb.json.into_owned(),
                Err(_) => data.to_vec(),
            };
            let mut raw: serde_json::Value = serde_json::from_slice(&text).map_err(|e| {
                ArtError::new(
                    msg!("artwork-gltf-invalid", why = e.to_string()),
                    msg!("artwork-gltf-invalid-hint"),
                )
            })?;
            let fallback = decompress::fallback_buffers(&raw);
            let mut read = read_buffers(&json, g.blob.as_deref(), &fallback, external)?;
            decompress::decompress(&mut raw, &mut read, compression)?;
            json = serde_json::from_value(raw).map_err(|e| {
                ArtError::new(
                    msg!("artwork-gltf-invalid", why = e.to_string()),
                    msg!("artwork-gltf-invalid-hint"),
                )
            })?;
            super::gltf_extensions::triage(&mut json.extensions_required)?;
            buffers = Some(read);
        }
        // gltf-json 1.4's validation reads each primitive's POSITION accessor before it has
        // checked that the accessor exists (an index panic), so that is checked first.
        let accessors = json.accessors.len();
        for (m, mesh) in json.meshes.iter().enumerate() {
            for p in &mesh.primitives {
                let position = gltf::json::validation::Checked::Valid(gltf::Semantic::Positions);
                if let Some(a) = p.attributes.get(&position)
                    && a.value() >= accessors
                {
                    return Err(ArtError::new(
                        msg!(
                            "artwork-gltf-positions-missing",
                            mesh = m,
                            accessor = a.value(),
                            accessors = accessors
                        ),
                        msg!("artwork-gltf-broken-hint"),
                    ));
                }
            }
        }
        let document = gltf::Document::from_json(json).map_err(invalid)?;
        let buffers = match buffers {
            Some(b) => b,
            None => read_buffers(document.as_json(), g.blob.as_deref(), &[], external)?,
        };
        Ok(GltfSource { document, buffers })
    }
}

/// The bytes of every buffer of `root`: the GLB binary chunk `blob`, embedded base64 data
/// or external files; a buffer marked in `fallback` (a meshopt fallback buffer, which
/// holds no data of its own) is empty.
fn read_buffers(
    root: &gltf::json::Root,
    blob: Option<&[u8]>,
    fallback: &[bool],
    external: &mut dyn FnMut(&str) -> Result<Vec<u8>, skyshow_i18n::Message>,
) -> Result<Vec<Vec<u8>>, ArtError> {
    let mut buffers: Vec<Vec<u8>> = Vec::new();
    for (index, b) in root.buffers.iter().enumerate() {
        if fallback.get(index).copied().unwrap_or(false) {
            buffers.push(Vec::new());
            continue;
        }
        let bytes = match &b.uri {
            None => blob.map(<[u8]>::to_vec).ok_or_else(|| {
                ArtError::new(
                    msg!("artwork-gltf-no-bin", buffer = index),
                    msg!("artwork-gltf-no-bin-hint"),
                )
            })?,
            Some(uri) => {
                if let Some(rest) = uri.strip_prefix("data:") {
                    let b64 = rest.split_once(";base64,").map(|x| x.1).ok_or_else(|| {
                        ArtError::new(
                            msg!("artwork-gltf-buffer-not-base64", buffer = index),
                            msg!("artwork-gltf-buffer-not-base64-hint"),
                        )
                    })?;
                    base64(b64).ok_or_else(|| {
                        ArtError::new(
                            msg!("artwork-gltf-buffer-broken-base64", buffer = index),
                            msg!("artwork-gltf-broken-hint"),
                        )
                    })?
                } else {
                    external(uri).map_err(|why| {
                        ArtError::new(
                            msg!("artwork-gltf-buffer-unread", uri = uri.as_str(), why = why),
                            msg!("artwork-gltf-buffer-unread-hint"),
                        )
                    })?
                }
            }
        };
        let length = usize::try_from(b.byte_length.0).unwrap_or(usize::MAX);
        if bytes.len() < length {
            return Err(ArtError::new(
                msg!(
                    "artwork-gltf-buffer-short",
                    buffer = index,
                    bytes = bytes.len(),
                    length = length
                ),
                msg!("artwork-gltf-buffer-short-hint"),
            ));
        }
        buffers.push(bytes);
    }
    Ok(buffers)
}

/// Standard base64 (padding optional); `None` on a character outside the alphabet.
pub(crate) fn base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for ch in text.bytes() {
        let v = match ch {
            b'A'..=b'Z' => ch - b'A',
            b'a'..=b'z' => ch - b'a' + 26,
            b'0'..=b'9' => ch - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            b' ' | b'\n' | b'\r' | b'\t' => continue,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}
