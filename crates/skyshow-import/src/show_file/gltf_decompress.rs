//! Compressed glTF geometry decoded before the file is read: buffer views compressed with
//! meshopt (`EXT_meshopt_compression`, decoded by `meshoptimizer-rs`) and primitives
//! compressed with Draco (`KHR_draco_mesh_compression`, decoded by `draco-core`) become
//! plain buffer views and accessors over new buffers, and the extensions leave the file's
//! lists, so every reader after this sees an uncompressed glTF file.
//!
//! This works on the file's JSON as written (`serde_json::Value`): gltf-json 1.4 drops
//! the extension objects it does not know when it parses.

use serde_json::{Map, Value, json};
use skyshow_i18n::{Message, msg};

use super::art::ArtError;

/// What a file requires decoding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Compression {
    /// `EXT_meshopt_compression` buffer views.
    pub(crate) meshopt: bool,
    /// `KHR_draco_mesh_compression` primitives.
    pub(crate) draco: bool,
}

impl Compression {
    /// Whether anything needs decoding.
    pub(crate) fn any(self) -> bool {
        self.meshopt || self.draco
    }
}

/// The meshopt extension's name.
pub(crate) const MESHOPT: &str = "EXT_meshopt_compression";
/// The Draco extension's name.
pub(crate) const DRACO: &str = "KHR_draco_mesh_compression";

/// Most bytes the decoded views and primitives of one file may take together: as much as
/// the largest input skyshow reads.
const MAX_DECODED_BYTES: usize = crate::MAX_INPUT_BYTES as usize;

/// Which buffers are meshopt fallback buffers (`"fallback": true`: no data of their own,
/// only room for the views decoded into them), by buffer index.
pub(crate) fn fallback_buffers(raw: &Value) -> Vec<bool> {
    array(raw, "buffers")
        .iter()
        .map(|b| b["extensions"][MESHOPT]["fallback"] == Value::Bool(true))
        .collect()
}

/// Decodes what `what` says in `raw` (the file's JSON), whose buffers' bytes are
/// `buffers` (fallback buffers empty): each decoded view or primitive's data is appended
/// as a new buffer, and `raw` rewritten to read it there.
pub(crate) fn decompress(
    raw: &mut Value,
    buffers: &mut Vec<Vec<u8>>,
    what: Compression,
) -> Result<(), ArtError> {
    let mut budget = MAX_DECODED_BYTES;
    if what.meshopt {
        decode_meshopt_views(raw, buffers, &mut budget)?;
    }
    if what.draco {
        decode_draco_primitives(raw, buffers, &mut budget)?;
    }
    for list in ["extensionsUsed", "extensionsRequired"] {
        if let Some(Value::Array(names)) = raw.get_mut(list) {
            names.retain(|n| !(what.meshopt && n == MESHOPT || what.draco && n == DRACO));
        }
    }
    Ok(())
}

/// `raw[key]` as a slice (empty when absent).
fn array<'v>(raw: &'v Value, key: &str) -> &'v [Value] {
    raw.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// A whole number ≥ 0 of `obj[key]`, or `default` when absent.
fn count(obj: &Value, key: &str, default: Option<usize>) -> Result<usize, Message> {
    match obj.get(key) {
        None => default.ok_or_else(|| msg!("gltf-compressed-key-missing", key = key)),
        Some(v) => v
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| msg!("gltf-compressed-key-bad", key = key, value = v.to_string())),
    }
}

/// `len` bytes from `offset` of buffer `buffer`.
fn bytes_of(
    buffers: &[Vec<u8>],
    buffer: usize,
    offset: usize,
    len: usize,
) -> Result<&[u8], Message> {
    let b = buffers
        .get(buffer)
        .ok_or_else(|| msg!("gltf-acc-buffer-missing", buffer = buffer))?;
    offset
        .checked_add(len)
        .and_then(|end| b.get(offset..end))
        .ok_or_else(|| {
            msg!(
                "gltf-compressed-past-buffer",
                buffer = buffer,
                length = len,
                start = offset,
                bytes = b.len()
            )
        })
}

/// Appends `data` as a new buffer of `raw` and `buffers`; its index.
fn push_buffer(raw: &mut Value, buffers: &mut Vec<Vec<u8>>, data: Vec<u8>) -> usize {
    let list = raw
        .as_object_mut()
        .map(|o| o.entry("buffers").or_insert_with(|| json!([])));
    if let Some(Value::Array(list)) = list {
        list.push(json!({ "byteLength": data.len() }));
    }
    buffers.push(data);
    buffers.len() - 1
}

/// Spends `n` decoded bytes of `budget`.
fn spend(budget: &mut usize, n: usize) -> Result<(), Message> {
    *budget = budget
        .checked_sub(n)
        .ok_or_else(|| msg!("gltf-compressed-too-large", max = MAX_DECODED_BYTES))?;
    Ok(())
}

/// Decodes every meshopt-compressed buffer view into a buffer of its own.
fn decode_meshopt_views(
    raw: &mut Value,
    buffers: &mut Vec<Vec<u8>>,
    budget: &mut usize,
) -> Result<(), ArtError> {
    use meshoptimizer_rs::Workspace;
    use meshoptimizer_rs::codec::{BufferView, Filter, Mode};
    let views = array(raw, "bufferViews").len();
    for v in 0..views {
        let ext = raw["bufferViews"][v]["extensions"][MESHOPT].clone();
        if ext.is_null() {
            continue;
        }
        let fail = |why: Message| {
            ArtError::new(
                msg!("artwork-gltf-meshopt-broken", view = v, why = why),
                msg!("artwork-gltf-broken-hint"),
            )
        };
        let field = |key: &str, default: Option<usize>| count(&ext, key, default).map_err(fail);
        let (buffer, offset, len) = (
            field("buffer", None)?,
            field("byteOffset", Some(0))?,
            field("byteLength", None)?,
        );
        let (stride, n) = (field("byteStride", None)?, field("count", None)?);
        let name = |key: &str, default: &str| ext[key].as_str().unwrap_or(default).to_string();
        let mode = Mode::parse(&name("mode", "")).map_err(|_| {
            fail(msg!(
                "gltf-compressed-key-bad",
                key = "mode",
                value = ext["mode"].to_string()
            ))
        })?;
        let filter = Filter::parse(&name("filter", "NONE")).map_err(|_| {
            fail(msg!(
                "gltf-compressed-key-bad",
                key = "filter",
                value = ext["filter"].to_string()
            ))
        })?;
        let layout = BufferView::new(mode, filter, n, stride)
            .map_err(|e| fail(Message::verbatim(e.to_string())))?;
        spend(budget, layout.byte_length()).map_err(fail)?;
        let source = bytes_of(buffers, buffer, offset, len).map_err(fail)?;
        let decoded = layout
            .decode(source, &mut Workspace::default())
            .map_err(|e| fail(Message::verbatim(e.to_string())))?;
        let length = decoded.len();
        let at = push_buffer(raw, buffers, decoded);
        let view = &mut raw["bufferViews"][v];
        view["buffer"] = json!(at);
        view["byteOffset"] = json!(0);
        view["byteLength"] = json!(length);
        if let Some(Value::Object(exts)) = view.get_mut("extensions") {
            exts.remove(MESHOPT);
        }
    }
    Ok(())
}

/// Decodes every Draco-compressed primitive: its attributes' accessors and its indices
/// read from new buffer views over the decoded points and faces.
fn decode_draco_primitives(
    raw: &mut Value,
    buffers: &mut Vec<Vec<u8>>,
    budget: &mut usize,
) -> Result<(), ArtError> {
    let meshes = array(raw, "meshes").len();
    for m in 0..meshes {
        let prims = array(&raw["meshes"][m], "primitives").len();
        for p in 0..prims {
            decode_draco_primitive(raw, buffers, budget, (m, p))?;
        }
    }
    Ok(())
}

/// Decodes primitive `p` of mesh `m` if it is Draco-compressed (else leaves it).
fn decode_draco_primitive(
    raw: &mut Value,
    buffers: &mut Vec<Vec<u8>>,
    budget: &mut usize,
    (m, p): (usize, usize),
) -> Result<(), ArtError> {
    let prim = raw["meshes"][m]["primitives"][p].clone();
    let ext = &prim["extensions"][DRACO];
    if ext.is_null() {
        return Ok(());
    }
    let fail = |why: Message| {
        ArtError::new(
            msg!(
                "artwork-gltf-draco-broken",
                mesh = m,
                primitive = p,
                why = why
            ),
            msg!("artwork-gltf-broken-hint"),
        )
    };
    if prim
        .get("targets")
        .and_then(Value::as_array)
        .is_some_and(|t| !t.is_empty())
    {
        return Err(ArtError::new(
            msg!("artwork-gltf-draco-targets", mesh = m, primitive = p),
            msg!("artwork-gltf-draco-hint"),
        ));
    }
    let decoded = draco_mesh(raw, buffers, ext).map_err(fail)?;
    let draco = Decoded {
        prim: &prim,
        ext,
        mesh: &decoded,
        fail: &fail,
    };
    draco.rewrite_attributes(raw, buffers, budget)?;
    // The faces, as 32-bit indices.
    let faces = decoded.num_faces();
    spend(budget, faces * 12).map_err(fail)?;
    let mut data = Vec::with_capacity(faces * 12);
    for f in decoded.faces() {
        for i in f {
            data.extend_from_slice(&i.0.to_le_bytes());
        }
    }
    let acc = match prim["indices"].as_u64() {
        Some(a) => known_accessor(raw, a, &fail)?,
        None => {
            let list = raw
                .as_object_mut()
                .map(|o| o.entry("accessors").or_insert_with(|| json!([])));
            let Some(Value::Array(list)) = list else {
                return Ok(());
            };
            list.push(json!({ "type": "SCALAR", "componentType": 5125, "count": 0 }));
            let a = list.len() - 1;
            raw["meshes"][m]["primitives"][p]["indices"] = json!(a);
            a
        }
    };
    rewrite_accessor(raw, buffers, acc, data, (5125, false), faces * 3);
    if let Some(Value::Object(a)) = raw["accessors"].get_mut(acc) {
        a.insert("type".into(), json!("SCALAR"));
    }
    if let Some(Value::Object(exts)) = raw["meshes"][m]["primitives"][p].get_mut("extensions") {
        exts.remove(DRACO);
    }
    Ok(())
}

/// Accessor `a` of the file, refused when there is no such accessor.
fn known_accessor(
    raw: &Value,
    a: u64,
    fail: &dyn Fn(Message) -> ArtError,
) -> Result<usize, ArtError> {
    let accessors = array(raw, "accessors").len();
    let a = usize::try_from(a).unwrap_or(usize::MAX);
    if a < accessors {
        Ok(a)
    } else {
        Err(fail(msg!(
            "gltf-acc-missing",
            index = a,
            accessors = accessors
        )))
    }
}

/// A decoded Draco primitive: the primitive as the file gives it, its extension object,
/// the decoded mesh, and how its errors are worded.
struct Decoded<'a> {
    prim: &'a Value,
    ext: &'a Value,
    mesh: &'a draco_core::Mesh,
    fail: &'a dyn Fn(Message) -> ArtError,
}

impl Decoded<'_> {
    /// Each attribute the extension names, written into the accessor the primitive gives it.
    fn rewrite_attributes(
        &self,
        raw: &mut Value,
        buffers: &mut Vec<Vec<u8>>,
        budget: &mut usize,
    ) -> Result<(), ArtError> {
        let fail = self.fail;
        let points = self.mesh.num_points();
        let names: Vec<(String, u64)> = self.ext["attributes"]
            .as_object()
            .map(|o| {
                o.iter()
                    .filter_map(|(k, v)| Some((k.clone(), v.as_u64()?)))
                    .collect()
            })
            .unwrap_or_default();
        for (semantic, id) in names {
            let Some(acc) = self.prim["attributes"][&semantic].as_u64() else {
                continue;
            };
            let acc = known_accessor(raw, acc, fail)?;
            let attr = u32::try_from(id)
                .ok()
                .and_then(|id| self.mesh.attribute_by_unique_id(id))
                .ok_or_else(|| {
                    fail(msg!(
                        "gltf-draco-attribute-missing",
                        semantic = semantic.as_str(),
                        id = id
                    ))
                })?;
            let width = match raw["accessors"][acc]["type"].as_str() {
                Some("SCALAR") => 1,
                Some("VEC2") => 2,
                Some("VEC3") => 3,
                Some("VEC4") => 4,
                _ => {
                    return Err(fail(msg!(
                        "gltf-compressed-key-bad",
                        key = "type",
                        value = raw["accessors"][acc]["type"].to_string()
                    )));
                }
            };
            let values = attr.read_f32s(points, width);
            let (data, component) = attribute_bytes(&values, attr);
            spend(budget, data.len()).map_err(fail)?;
            let normalized = component != 5126 && attr.normalized();
            rewrite_accessor(raw, buffers, acc, data, (component, normalized), points);
        }
        Ok(())
    }
}

/// The Draco mesh the extension object `ext` names.
fn draco_mesh(raw: &Value, buffers: &[Vec<u8>], ext: &Value) -> Result<draco_core::Mesh, Message> {
    let view = count(ext, "bufferView", None)?;
    let v = raw["bufferViews"].get(view).ok_or_else(|| {
        msg!(
            "gltf-acc-view-missing",
            view = view,
            views = array(raw, "bufferViews").len()
        )
    })?;
    let source = bytes_of(
        buffers,
        count(v, "buffer", None)?,
        count(v, "byteOffset", Some(0))?,
        count(v, "byteLength", None)?,
    )?;
    let mut input =
        draco_core::DecoderBuffer::new(source).with_limits(draco_core::DecodeLimits::fuzzing());
    let mut mesh = draco_core::Mesh::new();
    draco_core::MeshDecoder::new()
        .decode(&mut input, &mut mesh)
        .map_err(|e| Message::verbatim(e.to_string()))?;
    Ok(mesh)
}

/// A decoded Draco attribute's `values` (as `read_f32s` gives them: integers as their
/// whole values) as glTF accessor bytes and their component type: floats as floats,
/// integers in the glTF type of Draco's (so normalised colours and joint indices read as
/// the encoder was given them; Draco's 32-bit integers as glTF's unsigned ones).
fn attribute_bytes(values: &[f32], attr: &draco_core::PointAttribute) -> (Vec<u8>, u32) {
    use draco_core::DataType as D;
    let component = match attr.data_type() {
        D::Float32 | D::Float64 => 5126,
        D::Int8 => 5120,
        D::Uint8 | D::Bool => 5121,
        D::Int16 => 5122,
        D::Uint16 => 5123,
        _ => 5125,
    };
    let mut out = Vec::with_capacity(values.len() * 4);
    for &v in values {
        match component {
            5120 => out.push((v.clamp(-128.0, 127.0) as i8) as u8),
            5121 => out.push(v.clamp(0.0, 255.0) as u8),
            5122 => out.extend_from_slice(&(v.clamp(-32768.0, 32767.0) as i16).to_le_bytes()),
            5123 => out.extend_from_slice(&(v.clamp(0.0, 65535.0) as u16).to_le_bytes()),
            5125 => out.extend_from_slice(&(v.max(0.0) as u32).to_le_bytes()),
            _ => out.extend_from_slice(&v.to_le_bytes()),
        }
    }
    (out, component)
}

/// Points accessor `acc` of `raw` at `data` (tightly packed elements of `component`, now
/// its component type, normalised or not), in a new buffer and view: `count` elements.
fn rewrite_accessor(
    raw: &mut Value,
    buffers: &mut Vec<Vec<u8>>,
    acc: usize,
    data: Vec<u8>,
    (component, normalized): (u32, bool),
    count: usize,
) {
    let length = data.len();
    let buffer = push_buffer(raw, buffers, data);
    let list = raw
        .as_object_mut()
        .map(|o| o.entry("bufferViews").or_insert_with(|| json!([])));
    let Some(Value::Array(views)) = list else {
        return;
    };
    views.push(json!({ "buffer": buffer, "byteOffset": 0, "byteLength": length }));
    let view = views.len() - 1;
    if let Some(Value::Object(a)) = raw["accessors"].get_mut(acc) {
        let a: &mut Map<String, Value> = a;
        a.insert("bufferView".into(), json!(view));
        a.insert("byteOffset".into(), json!(0));
        a.insert("componentType".into(), json!(component));
        a.insert("normalized".into(), json!(normalized));
        a.insert("count".into(), json!(count));
        a.remove("sparse");
    }
}

#[cfg(test)]
#[path = "gltf_decompress_tests.rs"]
mod tests;
