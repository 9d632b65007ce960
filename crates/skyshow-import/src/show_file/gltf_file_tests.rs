//! Tests of the glTF mesh reader on files built here: buffers, node transforms, colours,
//! textures, morph targets, extensions and broken input.

use super::*;
use skyshow_model::Rgb;

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
    // COLOR_0 red times the material's factor (linear 0.2158605 = sRGB 128), as glTF
    // multiplies them.
    assert_eq!(m.colors.unwrap()[3], Rgb::new(128, 0, 0));
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
            .english()
            .contains("GLB header gives the file's length as 0 bytes"),
        "{}",
        e.message.english()
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
        e.message.english(),
        "mesh 0: the positions are accessor 7, but there are 2 accessors"
    );
    let data =
        include_bytes!("../../../skyshow-formations/tests/fuzz_regressions/gltf-249d9820.glb");
    let e = MeshFile::gltf(data, &mut |_| Err("no".into())).unwrap_err();
    assert!(
        e.message.english().contains("the positions are accessor"),
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
        e.message.english().contains("the positions (accessor"),
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
        assert!(e.message.english().contains(want), "{to}: {}", e.message);
    }
}

#[test]
fn gltf_bad_input() {
    let e = MeshFile::gltf(b"{not json", &mut |_| Err("no".into())).unwrap_err();
    assert!(
        e.message.english().starts_with("not a valid glTF file"),
        "{e:?}"
    );
    let (json, _) = square_gltf(4, false, Some("missing.bin"));
    let e = MeshFile::gltf(json.as_bytes(), &mut |_| Err("no such file".into())).unwrap_err();
    assert_eq!(
        e.message.english(),
        "cannot read buffer `missing.bin`: no such file"
    );
    // Points only: the vertices, no faces.
    let (json, _) = square_gltf(0, false, None);
    let m = MeshFile::gltf(json.as_bytes(), &mut |_| Err("no".into())).unwrap();
    assert!(m.triangles.is_empty());
    assert_eq!(m.vertices.len(), 4);
    use super::super::gltf_source::base64;
    assert!(base64("QUJD").unwrap() == b"ABC" && base64("Q*").is_none());
}

/// A 2 × 2 PNG: red, green (top row) / blue, white.
fn checker_png() -> Vec<u8> {
    let mut img = image::RgbImage::new(2, 2);
    img.put_pixel(0, 0, image::Rgb([255, 0, 0]));
    img.put_pixel(1, 0, image::Rgb([0, 255, 0]));
    img.put_pixel(0, 1, image::Rgb([0, 0, 255]));
    img.put_pixel(1, 1, image::Rgb([255, 255, 255]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A unit square with texture coordinates (0,0)…(1,1) at its corners, its material's
/// base colour texture `image` (a JSON image object) with `info` extra keys in the
/// texture info, and `required` extensions.
fn textured_square(image: &str, info: &str, required: &str) -> String {
    let mut bin = Vec::new();
    for p in [[0f32, 0., 0.], [1., 0., 0.], [1., 1., 0.], [0., 1., 0.]] {
        for v in p {
            bin.extend_from_slice(&v.to_le_bytes());
        }
    }
    for uv in [[0f32, 1.], [1., 1.], [1., 0.], [0., 0.]] {
        for v in uv {
            bin.extend_from_slice(&v.to_le_bytes());
        }
    }
    for i in [0u16, 1, 2, 0, 2, 3] {
        bin.extend_from_slice(&i.to_le_bytes());
    }
    format!(
        r#"{{"asset":{{"version":"2.0"}},"extensionsRequired":[{required}],"scene":0,"scenes":[{{"nodes":[0]}}],
        "nodes":[{{"mesh":0}}],
        "images":[{image}],
        "samplers":[{{"magFilter":9728,"wrapS":33071,"wrapT":33071}}],
        "textures":[{{"source":0,"sampler":0}}],
        "materials":[{{"pbrMetallicRoughness":{{"baseColorTexture":{{"index":0{info}}}}}}}],
        "meshes":[{{"primitives":[{{"attributes":{{"POSITION":0,"TEXCOORD_0":1}},"indices":2,"material":0}}]}}],
        "buffers":[{{"byteLength":{len},"uri":"data:application/octet-stream;base64,{b}"}}],
        "bufferViews":[{{"buffer":0,"byteOffset":0,"byteLength":48}},{{"buffer":0,"byteOffset":48,"byteLength":32}},{{"buffer":0,"byteOffset":80,"byteLength":12}}],
        "accessors":[{{"bufferView":0,"componentType":5126,"count":4,"type":"VEC3","min":[0,0,0],"max":[1,1,0]}},
        {{"bufferView":1,"componentType":5126,"count":4,"type":"VEC2"}},
        {{"bufferView":2,"componentType":5123,"count":6,"type":"SCALAR"}}]}}"#,
        len = bin.len(),
        b = b64(&bin)
    )
}

#[test]
fn base_colour_texture_embedded_and_external() {
    let embedded = format!(
        r#"{{"uri":"data:image/png;base64,{}"}}"#,
        b64(&checker_png())
    );
    let m = MeshFile::gltf(textured_square(&embedded, "", "").as_bytes(), &mut |_| {
        Err("no".into())
    })
    .unwrap();
    let paint = m.paint.expect("textured");
    assert_eq!(paint.triangle_texture, vec![Some(0), Some(0)]);
    assert_eq!(paint.uvs[0], [0.0, 1.0]);
    let t = &paint.textures[0];
    assert_eq!((t.width, t.height), (2, 2));
    // v = 0 is the top row: the square's top-left corner (uv 0,0) is red.
    assert_eq!(t.sample([0.1, 0.1]), Rgb::new(255, 0, 0));
    assert_eq!(t.sample([0.9, 0.9]), Rgb::WHITE);
    assert_eq!(t.wrap, [skyshow_model::Wrap::ClampToEdge; 2]);
    assert!(t.nearest);
    assert!(m.notes.is_empty());
    // The same image as a file beside the model, its name percent-encoded.
    let mut asked = Vec::new();
    let m = MeshFile::gltf(
        textured_square(r#"{"uri":"my%20skin.png"}"#, "", "").as_bytes(),
        &mut |u| {
            asked.push(u.to_string());
            Ok(checker_png())
        },
    )
    .unwrap();
    assert_eq!(asked, vec!["my skin.png"]);
    assert!(m.paint.is_some());
}

#[test]
fn texture_transform_moves_the_coordinates() {
    let embedded = format!(
        r#"{{"uri":"data:image/png;base64,{}"}}"#,
        b64(&checker_png())
    );
    let info = r#","extensions":{"KHR_texture_transform":{"offset":[0.5,0],"scale":[0.5,1]}}"#;
    let m = MeshFile::gltf(
        textured_square(&embedded, info, r#""KHR_texture_transform""#).as_bytes(),
        &mut |_| Err("no".into()),
    )
    .unwrap();
    let paint = m.paint.unwrap();
    // u' = 0.5 u + 0.5: the whole square shows the texture's right half.
    assert_eq!(paint.uvs[0], [0.5, 1.0]);
    assert_eq!(paint.uvs[1], [1.0, 1.0]);
}

#[test]
fn an_unreadable_texture_leaves_the_material_colour_with_a_note() {
    let m = MeshFile::gltf(
        textured_square(r#"{"uri":"gone.png"}"#, "", "").as_bytes(),
        &mut |_| Err("No such file or directory".into()),
    )
    .unwrap();
    assert!(m.paint.is_none());
    assert_eq!(m.notes.len(), 1);
    let note = m.notes[0].english();
    assert!(
        note.contains("`gone.png`: No such file or directory"),
        "{note}"
    );
    let zh = m.notes[0].render(skyshow_i18n::Lang::Zh);
    assert!(zh.contains("无法读取") && zh.contains("`gone.png`"), "{zh}");
    // Not an image at all.
    let m = MeshFile::gltf(
        textured_square(r#"{"uri":"data:image/png;base64,aGVsbG8="}"#, "", "").as_bytes(),
        &mut |_| Err("no".into()),
    )
    .unwrap();
    assert!(m.paint.is_none());
    let note = m.notes[0].english();
    assert!(note.contains("not a PNG or JPEG image"), "{note}");
}

#[test]
fn compressed_geometry_is_refused_in_one_line() {
    // The newer meshopt codec is not decoded.
    let json = textured_square(r#"{"uri":"x.png"}"#, "", r#""KHR_meshopt_compression""#);
    let e = MeshFile::gltf(json.as_bytes(), &mut |_| Err("no".into())).unwrap_err();
    assert_eq!(
        e.message.english(),
        "the model's geometry is stored with meshopt (`KHR_meshopt_compression`), which skyshow does not decode"
    );
    // Appearance-only extensions are accepted, and so is a Draco file whose primitives
    // turn out to need no decoding.
    for ext in ["KHR_materials_unlit", "KHR_draco_mesh_compression"] {
        let json = textured_square(r#"{"uri":"x.png"}"#, "", &format!("\"{ext}\""));
        assert!(MeshFile::gltf(json.as_bytes(), &mut |_| Err("no".into())).is_ok());
    }
}

/// A unit square with one morph target that lifts every vertex by 2 in z (and vertex 2
/// also by 4 in x); `mesh_weights` and `node_weights` are JSON members (or "").
fn morph_square(mesh_weights: &str, node_weights: &str) -> String {
    let mut bin = Vec::new();
    for p in [[0f32, 0., 0.], [1., 0., 0.], [1., 1., 0.], [0., 1., 0.]] {
        for v in p {
            bin.extend_from_slice(&v.to_le_bytes());
        }
    }
    for d in [[0f32, 0., 2.], [0., 0., 2.], [4., 0., 2.], [0., 0., 2.]] {
        for v in d {
            bin.extend_from_slice(&v.to_le_bytes());
        }
    }
    for i in [0u16, 1, 2, 0, 2, 3] {
        bin.extend_from_slice(&i.to_le_bytes());
    }
    format!(
        r#"{{"asset":{{"version":"2.0"}},"scene":0,"scenes":[{{"nodes":[0]}}],
        "nodes":[{{"mesh":0{node_weights}}}],
        "meshes":[{{"primitives":[{{"attributes":{{"POSITION":0}},"indices":2,"targets":[{{"POSITION":1}}]}}]{mesh_weights}}}],
        "buffers":[{{"byteLength":{len},"uri":"data:application/octet-stream;base64,{b}"}}],
        "bufferViews":[{{"buffer":0,"byteOffset":0,"byteLength":48}},{{"buffer":0,"byteOffset":48,"byteLength":48}},{{"buffer":0,"byteOffset":96,"byteLength":12}}],
        "accessors":[{{"bufferView":0,"componentType":5126,"count":4,"type":"VEC3","min":[0,0,0],"max":[1,1,0]}},
        {{"bufferView":1,"componentType":5126,"count":4,"type":"VEC3","min":[0,0,2],"max":[4,0,2]}},
        {{"bufferView":2,"componentType":5123,"count":6,"type":"SCALAR"}}]}}"#,
        len = bin.len(),
        b = b64(&bin)
    )
}

#[test]
fn morph_targets_take_their_default_weights() {
    let read = |json: String| {
        MeshFile::gltf(json.as_bytes(), &mut |_| Err("no".into()))
            .unwrap()
            .vertices
    };
    // No weights: the base shape.
    assert_eq!(read(morph_square("", ""))[2], [1.0, 1.0, 0.0]);
    // The mesh's default weights, as a glTF viewer shows the model at rest.
    let v = read(morph_square(r#","weights":[0.5]"#, ""));
    assert_eq!(v[0], [0.0, 0.0, 1.0]);
    assert_eq!(v[2], [3.0, 1.0, 1.0]);
    // A node's weights win over its mesh's.
    let v = read(morph_square(r#","weights":[0.5]"#, r#","weights":[1.0]"#));
    assert_eq!(v[2], [5.0, 1.0, 2.0]);
}

#[test]
fn a_scene_without_a_mesh_is_refused_in_terms_of_the_export() {
    let refuse = |json: &str| {
        MeshFile::gltf(json.as_bytes(), &mut |_| Err("no".into()))
            .unwrap_err()
            .message
            .english()
    };
    // Only an empty node (a camera or light exported alone).
    let e = refuse(
        r#"{"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"name":"Camera"}]}"#,
    );
    assert_eq!(
        e,
        "the file holds no mesh (1 node, 0 meshes): there is no surface to place drones on"
    );
    // No nodes and no scene at all.
    let e = refuse(r#"{"asset":{"version":"2.0"}}"#);
    assert!(
        e.starts_with("the file holds no mesh (0 nodes, 0 meshes)"),
        "{e}"
    );
    // A mesh its scene does not show.
    let (json, _) = square_gltf(4, false, None);
    let json = json.replacen(
        r#""scenes":[{"nodes":[0]}]"#,
        r#""scenes":[{"name":"Empty","nodes":[]}]"#,
        1,
    );
    assert_eq!(
        refuse(&json),
        "the file holds 1 mesh but its scene `Empty` lists no nodes, so nothing would be shown"
    );
}
