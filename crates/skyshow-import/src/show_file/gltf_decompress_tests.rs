//! Tests of compressed glTF geometry on files built and compressed here: a mesh whose
//! views are meshopt-compressed (and its positions quantized) reads as the plain file
//! does, a Draco-compressed one reads as the same surface, and broken or unsupported
//! compressed data is refused with what is wrong.

use super::super::mesh_file::MeshFile;
use super::*;
use meshoptimizer_rs::Workspace;
use meshoptimizer_rs::codec::{
    IndexEncoding, VertexEncoding, encode_index_buffer, encode_vertex_buffer,
};
use skyshow_model::Rgb;

/// Side of the test grid, in vertices.
const SIDE: usize = 6;

/// A bumpy `SIDE × SIDE` grid: positions (on a 1/8 lattice, exact in 16 bits at scale
/// 1/8), one colour per vertex (RGBA bytes) and its triangles.
fn grid() -> (Vec<[f32; 3]>, Vec<[u8; 4]>, Vec<u32>) {
    let mut p = Vec::new();
    let mut c = Vec::new();
    for y in 0..SIDE {
        for x in 0..SIDE {
            let z = ((x * 3 + y * 5) % 7) as f32 / 8.0;
            p.push([x as f32 * 2.0, y as f32 * 1.5, z]);
            c.push([(x * 40) as u8, (y * 40) as u8, 200, 255]);
        }
    }
    let mut t = Vec::new();
    for y in 0..SIDE - 1 {
        for x in 0..SIDE - 1 {
            let a = (y * SIDE + x) as u32;
            let s = SIDE as u32;
            t.extend([a, a + s, a + 1, a + 1, a + s, a + s + 1]);
        }
    }
    (p, c, t)
}

/// The grid as a plain `.gltf` (positions `positions_as`: `"float"` or `"u16"` (with
/// `KHR_mesh_quantization` and the node scaling by 1/8), colours as normalised bytes,
/// 32-bit indices) and its binary buffer, before any compression.
fn plain(positions_as: &str) -> (serde_json::Value, Vec<u8>) {
    let (p, c, t) = grid();
    let mut bin = Vec::new();
    let quantized = positions_as == "u16";
    for v in &p {
        for x in v {
            if quantized {
                bin.extend_from_slice(&((x * 8.0) as u16).to_le_bytes());
            } else {
                bin.extend_from_slice(&x.to_le_bytes());
            }
        }
        if quantized {
            bin.extend_from_slice(&[0, 0]); // each element padded to 8 bytes
        }
    }
    let pos_len = bin.len();
    for rgba in &c {
        bin.extend_from_slice(rgba);
    }
    let col_len = bin.len() - pos_len;
    for i in &t {
        bin.extend_from_slice(&i.to_le_bytes());
    }
    let idx_len = bin.len() - pos_len - col_len;
    let (component, stride, scale) = if quantized {
        (5123, 8, 0.125)
    } else {
        (5126, 12, 1.0)
    };
    let max = if quantized {
        [80.0, 60.0, 6.0]
    } else {
        [10.0, 7.5, 0.75]
    };
    let mut file = serde_json::json!({
        "asset": {"version": "2.0"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0, "scale": [scale, scale, scale]}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0, "COLOR_0": 1}, "indices": 2}]}],
        "buffers": [{"byteLength": bin.len()}],
        "bufferViews": [
            {"buffer": 0, "byteOffset": 0, "byteLength": pos_len, "byteStride": stride},
            {"buffer": 0, "byteOffset": pos_len, "byteLength": col_len, "byteStride": 4},
            {"buffer": 0, "byteOffset": pos_len + col_len, "byteLength": idx_len}
        ],
        "accessors": [
            {"bufferView": 0, "componentType": component, "count": p.len(), "type": "VEC3",
             "min": [0, 0, 0], "max": max},
            {"bufferView": 1, "componentType": 5121, "normalized": true, "count": c.len(), "type": "VEC4"},
            {"bufferView": 2, "componentType": 5125, "count": t.len(), "type": "SCALAR"}
        ]
    });
    if quantized {
        file["extensionsUsed"] = serde_json::json!(["KHR_mesh_quantization"]);
        file["extensionsRequired"] = serde_json::json!(["KHR_mesh_quantization"]);
    }
    (file, bin)
}

/// `file` read as a mesh, its buffer 0 (`data.bin`) holding `bin`.
fn read(file: &serde_json::Value, bin: &[u8]) -> Result<MeshFile, ArtError> {
    let mut file = file.clone();
    file["buffers"][0]["uri"] = serde_json::json!("data.bin");
    MeshFile::gltf(file.to_string().as_bytes(), &mut |uri| {
        if uri == "data.bin" {
            Ok(bin.to_vec())
        } else {
            Err("no".into())
        }
    })
}

/// `plain` with every view meshopt-compressed as gltfpack writes it: the compressed bytes
/// in buffer 0, the views moved into a fallback buffer 1 that holds no data.
fn meshopt(file: &serde_json::Value, bin: &[u8]) -> (serde_json::Value, Vec<u8>) {
    let mut file = file.clone();
    let mut packed = Vec::new();
    let mut ws = Workspace::default();
    let views = file["bufferViews"].as_array().unwrap().clone();
    for (v, view) in views.iter().enumerate() {
        let off = view["byteOffset"].as_u64().unwrap() as usize;
        let len = view["byteLength"].as_u64().unwrap() as usize;
        let data = &bin[off..off + len];
        let (mode, stride, bytes) = match view.get("byteStride").and_then(|s| s.as_u64()) {
            Some(stride) => {
                let stride = stride as usize;
                let enc = encode_vertex_buffer(
                    data,
                    len / stride,
                    stride,
                    VertexEncoding::new(0, 2).unwrap(),
                    &mut ws,
                )
                .unwrap();
                ("ATTRIBUTES", stride, enc)
            }
            None => {
                let idx: Vec<u32> = data
                    .chunks_exact(4)
                    .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                    .collect();
                let enc = encode_index_buffer(&idx, IndexEncoding::DEFAULT, &mut ws).unwrap();
                ("TRIANGLES", 4, enc)
            }
        };
        let at = packed.len();
        packed.extend_from_slice(&bytes);
        while packed.len() % 4 != 0 {
            packed.push(0);
        }
        file["bufferViews"][v]["buffer"] = serde_json::json!(1);
        file["bufferViews"][v]["extensions"] = serde_json::json!({ MESHOPT: {
            "buffer": 0, "byteOffset": at, "byteLength": bytes.len(),
            "byteStride": stride, "count": len / stride, "mode": mode
        }});
    }
    file["buffers"] = serde_json::json!([
        {"byteLength": packed.len()},
        {"byteLength": bin.len(), "extensions": { MESHOPT: {"fallback": true}}}
    ]);
    let mut used: Vec<serde_json::Value> = file["extensionsUsed"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    used.push(serde_json::json!(MESHOPT));
    file["extensionsUsed"] = serde_json::json!(used.clone());
    file["extensionsRequired"] = serde_json::json!(used);
    (file, packed)
}

#[test]
fn meshopt_views_read_as_the_plain_file() {
    let (file, bin) = plain("float");
    let want = read(&file, &bin).unwrap();
    assert_eq!(want.vertices.len(), SIDE * SIDE);
    let (packed, data) = meshopt(&file, &bin);
    assert!(data.len() < bin.len(), "{} vs {}", data.len(), bin.len());
    let got = read(&packed, &data).unwrap();
    assert_eq!(got.vertices, want.vertices);
    assert_eq!(got.triangles, want.triangles);
    assert_eq!(got.colors, want.colors);
    assert!(
        got.colors
            .unwrap()
            .iter()
            .any(|c| *c != Rgb::new(255, 255, 255))
    );
}

#[test]
fn quantized_positions_read_as_floats_compressed_or_not() {
    let (file, bin) = plain("float");
    let want = read(&file, &bin).unwrap();
    let (q, qbin) = plain("u16");
    let got = read(&q, &qbin).unwrap();
    assert_eq!(got.vertices, want.vertices);
    // Quantized and meshopt-compressed, as gltfpack writes by default.
    let (packed, data) = meshopt(&q, &qbin);
    let got = read(&packed, &data).unwrap();
    assert_eq!(got.vertices, want.vertices);
    assert_eq!(got.triangles, want.triangles);
}

#[test]
fn broken_meshopt_data_is_refused_naming_the_view() {
    let (file, bin) = plain("float");
    let (packed, data) = meshopt(&file, &bin);
    // The first view's stream cut short.
    let len = packed["bufferViews"][0]["extensions"][MESHOPT]["byteLength"]
        .as_u64()
        .unwrap();
    let mut cut = packed.clone();
    cut["bufferViews"][0]["extensions"][MESHOPT]["byteLength"] = serde_json::json!(len / 2);
    let e = read(&cut, &data).unwrap_err();
    assert!(
        e.message
            .english()
            .starts_with("buffer view 0 is compressed with meshopt (`EXT_meshopt_compression`) and does not decode"),
        "{}",
        e.message.english()
    );
    // Data past its buffer.
    let mut past = packed.clone();
    past["bufferViews"][1]["extensions"][MESHOPT]["byteOffset"] = serde_json::json!(data.len());
    let e = read(&past, &data).unwrap_err();
    assert!(
        e.message.english().contains("runs past buffer 0"),
        "{}",
        e.message.english()
    );
    // An unknown mode.
    let mut bad = packed.clone();
    bad["bufferViews"][2]["extensions"][MESHOPT]["mode"] = serde_json::json!("STRIPS");
    let e = read(&bad, &data).unwrap_err();
    assert!(
        e.message.english().contains("its `mode` is \"STRIPS\""),
        "{}",
        e.message.english()
    );
}

/// The grid Draco-compressed (positions quantized to `bits`) as the primitive of a file
/// whose accessors have no data of their own.
fn draco(bits: i32) -> (serde_json::Value, Vec<u8>) {
    use draco_core::{
        DataType, EncoderBuffer, EncoderOptions, FaceIndex, GeometryAttributeType, Mesh,
        MeshEncoder, PointAttribute,
    };
    let (p, c, t) = grid();
    let mut mesh = Mesh::new();
    let mut pos = PointAttribute::new();
    pos.init(
        GeometryAttributeType::Position,
        3,
        DataType::Float32,
        false,
        p.len(),
    );
    for (i, v) in p.iter().enumerate() {
        for (k, x) in v.iter().enumerate() {
            pos.buffer_mut().write((i * 3 + k) * 4, &x.to_le_bytes());
        }
    }
    let mut col = PointAttribute::new();
    col.init(
        GeometryAttributeType::Color,
        4,
        DataType::Uint8,
        true,
        c.len(),
    );
    for (i, rgba) in c.iter().enumerate() {
        col.buffer_mut().write(i * 4, rgba);
    }
    let pos_id = mesh.add_attribute(pos);
    let col_id = mesh.add_attribute(col);
    mesh.set_num_faces(t.len() / 3);
    for (f, tri) in t.chunks_exact(3).enumerate() {
        mesh.set_face(
            FaceIndex(f as u32),
            [tri[0].into(), tri[1].into(), tri[2].into()],
        );
    }
    let mut options = EncoderOptions::new();
    options.set_attribute_int(pos_id, "quantization_bits", bits);
    let mut encoder = MeshEncoder::new();
    encoder.set_mesh(mesh);
    let mut out = EncoderBuffer::new();
    encoder.encode(&options, &mut out).unwrap();
    let data = out.data().to_vec();
    let file = serde_json::json!({
        "asset": {"version": "2.0"},
        "extensionsUsed": [DRACO], "extensionsRequired": [DRACO],
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{
            "attributes": {"POSITION": 0, "COLOR_0": 1}, "indices": 2,
            "extensions": { DRACO: {"bufferView": 0, "attributes": {"POSITION": pos_id, "COLOR_0": col_id}}}
        }]}],
        "buffers": [{"byteLength": data.len()}],
        "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": data.len()}],
        "accessors": [
            {"componentType": 5126, "count": p.len(), "type": "VEC3", "min": [0, 0, 0], "max": [10, 7.5, 0.75]},
            {"componentType": 5121, "normalized": true, "count": c.len(), "type": "VEC4"},
            {"componentType": 5125, "count": t.len(), "type": "SCALAR"}
        ]
    });
    (file, data)
}

#[test]
fn draco_primitives_read_as_the_same_surface() {
    let (file, bin) = plain("float");
    let want = read(&file, &bin).unwrap();
    let (d, data) = draco(14);
    let got = read(&d, &data).unwrap();
    // Draco orders the points its own way: the same points within its quantization
    // (14 bits over 10 m: 0.6 mm), the same triangles between them, the same colours.
    assert_eq!(got.vertices.len(), want.vertices.len());
    assert_eq!(got.triangles.len(), want.triangles.len());
    let near = |a: [f64; 3], b: [f64; 3]| (0..3).all(|k| (a[k] - b[k]).abs() < 1e-3);
    let map: Vec<usize> = got
        .vertices
        .iter()
        .map(|g| {
            let hits: Vec<usize> = (0..want.vertices.len())
                .filter(|&i| near(*g, want.vertices[i]))
                .collect();
            assert_eq!(hits.len(), 1, "{g:?}");
            hits[0]
        })
        .collect();
    let mut got_tris: Vec<[usize; 3]> = got
        .triangles
        .iter()
        .map(|t| {
            let mut t = [map[t[0]], map[t[1]], map[t[2]]];
            t.sort_unstable();
            t
        })
        .collect();
    let mut want_tris: Vec<[usize; 3]> = want
        .triangles
        .iter()
        .map(|t| {
            let mut t = *t;
            t.sort_unstable();
            t
        })
        .collect();
    got_tris.sort_unstable();
    want_tris.sort_unstable();
    assert_eq!(got_tris, want_tris);
    let (gc, wc) = (got.colors.unwrap(), want.colors.unwrap());
    for (g, w) in map.iter().enumerate() {
        assert_eq!(gc[g], wc[*w]);
    }
}

#[test]
fn draco_with_morph_targets_or_broken_data_is_refused() {
    let (mut d, data) = draco(14);
    let mut cut = data.clone();
    cut.truncate(data.len() / 2);
    let mut short = d.clone();
    short["bufferViews"][0]["byteLength"] = serde_json::json!(cut.len());
    short["buffers"][0]["byteLength"] = serde_json::json!(cut.len());
    let e = read(&short, &cut).unwrap_err();
    assert!(
        e.message
            .english()
            .starts_with("mesh 0, primitive 0 is compressed with Draco (`KHR_draco_mesh_compression`) and does not decode"),
        "{}",
        e.message.english()
    );
    d["meshes"][0]["primitives"][0]["targets"] = serde_json::json!([{"POSITION": 0}]);
    let e = read(&d, &data).unwrap_err();
    assert!(
        e.message.english().contains("has morph targets"),
        "{}",
        e.message.english()
    );
    assert!(e.help.unwrap().english().contains("Compression unchecked"));
}

/// The surface area of `m`.
fn area(m: &MeshFile) -> f64 {
    m.triangles
        .iter()
        .map(|t| {
            let [a, b, c] = t.map(|i| m.vertices[i]);
            let (u, v) = (
                [b[0] - a[0], b[1] - a[1], b[2] - a[2]],
                [c[0] - a[0], c[1] - a[1], c[2] - a[2]],
            );
            let n = [
                u[1] * v[2] - u[2] * v[1],
                u[2] * v[0] - u[0] * v[2],
                u[0] * v[1] - u[1] * v[0],
            ];
            0.5 * (n[0] * n[0] + n[1] * n[1] + n[2] * n[2]).sqrt()
        })
        .sum()
}

/// The example's dragon as the reference encoders compress it (the figures printed with
/// `--nocapture`) (`tests/fixtures/README.md`)
/// reads as the same surface as the plain file, within the encoders' quantization.
#[test]
#[allow(clippy::print_stderr)]
fn files_the_reference_encoders_wrote_read_as_the_plain_model() {
    let plain = MeshFile::gltf(
        include_bytes!("../../../../examples/eryueer/art/dragon.glb"),
        &mut |_| Err("no".into()),
    )
    .unwrap();
    let extent = (0..3)
        .map(|k| {
            let (lo, hi) = plain
                .vertices
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
                    (l.min(v[k]), h.max(v[k]))
                });
            hi - lo
        })
        .fold(0.0, f64::max);
    for (name, bytes, bits) in [
        (
            "gltfpack",
            &include_bytes!("../../tests/fixtures/dragon.meshopt.glb")[..],
            14,
        ),
        (
            "draco",
            &include_bytes!("../../tests/fixtures/dragon.draco.glb")[..],
            14,
        ),
    ] {
        let got = MeshFile::gltf(bytes, &mut |_| Err("no".into())).unwrap();
        // The same surface (gltfpack drops the model's degenerate triangles).
        let (a, b) = (area(&got), area(&plain));
        assert!((a - b).abs() < 1e-3 * b, "{name}: area {a} against {b}");
        // Every decoded vertex is a vertex of the plain model, within one quantization
        // step of the model's extent, and every plain vertex has a decoded one as near.
        let step = extent / f64::from((1u32 << bits) - 1);
        let nearest = |p: &[f64; 3], set: &[[f64; 3]]| {
            set.iter()
                .map(|q| (0..3).map(|k| (p[k] - q[k]).abs()).fold(0.0, f64::max))
                .fold(f64::INFINITY, f64::min)
        };
        let worst = got
            .vertices
            .iter()
            .map(|v| nearest(v, &plain.vertices))
            .fold(0.0, f64::max);
        let back = plain
            .vertices
            .iter()
            .map(|v| nearest(v, &got.vertices))
            .fold(0.0, f64::max);
        eprintln!(
            "{name}: {} vertices, worst {worst:.2e}, back {back:.2e}, step {step:.2e}",
            got.vertices.len()
        );
        assert!(
            worst <= step && back <= step,
            "{name}: {worst} {back} > {step}"
        );
        assert_eq!(got.colors.is_some(), plain.colors.is_some(), "{name}");
    }
}
