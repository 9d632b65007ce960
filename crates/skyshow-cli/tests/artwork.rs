//! Artwork as designers bring it, end to end: colours as drawn (uncoloured icons drawn white
//! with a warning, dark details as holes), coincident mesh vertices merged, and every
//! refusal of a file that is not what its name says, in the terms of the command run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("SKYSHOW_LANG")
        .args(args)
        .output()
        .expect("run skyshow")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// A black square with a square hole: SVG's default fill, no colour anywhere.
const ICON: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><path d="M10 10h80v80H10z M30 30v40h40V30z"/></svg>"#;

/// A yellow face with near-black eyes and mouth, as emoji draw them.
const FACE: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="#ffcc22"/><circle cx="35" cy="40" r="8" fill="#1a1a1a"/><circle cx="65" cy="40" r="8" fill="#1a1a1a"/><path d="M30 70 Q50 85 70 70" stroke="#111" stroke-width="5" fill="none"/></svg>"##;

/// `skyshow formation` on `file` with `extra` flags into `dir/out.csv`: (exit code, stderr,
/// the CSV's colours as `r,g,b` strings).
fn formation(dir: &Path, file: &Path, extra: &[&str]) -> (Option<i32>, String, Vec<String>) {
    let out = dir.join("out.csv");
    let _ = std::fs::remove_file(&out);
    let mut args = vec![
        "formation",
        file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = run(&args);
    let colors = std::fs::read_to_string(&out)
        .map(|csv| {
            csv.lines()
                .skip(1)
                .map(|l| l.splitn(4, ',').nth(3).unwrap().to_string())
                .collect()
        })
        .unwrap_or_default();
    (o.status.code(), stderr(&o), colors)
}

#[test]
fn an_uncoloured_icon_is_drawn_white_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let icon = write(dir.path(), "icon.svg", ICON.as_bytes());
    let (code, err, colors) = formation(dir.path(), &icon, &["--drones", "100"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(colors.len(), 100);
    assert!(colors.iter().all(|c| c == "255,255,255"), "{colors:?}");
    assert!(err.contains("warning: `"), "{err}");
    assert!(err.contains("drawn white"), "{err}");
    // In the command's terms: the flag, not the show-file key.
    assert!(err.contains("`--color`"), "{err}");
    // A colour chosen: no warning, drawn in it.
    let (code, err, colors) = formation(
        dir.path(),
        &icon,
        &["--drones", "100", "--color", "#00ff00"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("warning"), "{err}");
    assert!(colors.iter().all(|c| c == "0,255,0"), "{colors:?}");
}

#[test]
fn dark_details_are_holes_unless_dark_off() {
    let dir = tempfile::tempdir().unwrap();
    let face = write(dir.path(), "face.svg", FACE.as_bytes());
    let dark = |c: &String| c.split(',').all(|v| v.parse::<u8>().unwrap() < 64);
    let (code, err, holes) = formation(dir.path(), &face, &["--drones", "150"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(holes.len(), 150);
    assert_eq!(holes.iter().filter(|c| dark(c)).count(), 0, "{holes:?}");
    assert!(!err.contains("warning"), "{err}");
    // `--dark off`: drones with their LEDs off in the eyes and mouth, and a warning saying so.
    let (code, err, off) = formation(dir.path(), &face, &["--drones", "150", "--dark", "off"]);
    assert_eq!(code, Some(0), "{err}");
    let n = off.iter().filter(|c| dark(c)).count();
    assert!(n >= 5, "{n} dark drones");
    assert!(
        err.contains(&format!("{n} of 150 drones show a dark colour")),
        "{err}"
    );
}

#[test]
fn build_reports_import_and_dark_drone_warnings() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "icon.svg", ICON.as_bytes());
    write(dir.path(), "face.svg", FACE.as_bytes());
    let show = r#"title = "art"
[fleet]
drones = 40
[fleet.grid]
rows = 5
columns = 8
spacing_m = 3
[[chapter]]
name = "one"
[[chapter.formation]]
name = "Icon"
hold = 5
shape = "svg"
file = "icon.svg"
width_m = 40
center = [0, 0, 40]
[[chapter.formation]]
name = "Face"
hold = 5
shape = "svg"
file = "face.svg"
dark = "off"
width_m = 40
center = [0, 0, 40]
"#;
    let show = write(dir.path(), "show.toml", show.as_bytes());
    let out = dir.path().join("out");
    let o = run(&["build", show.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    let warnings = report["warnings"].as_array().unwrap();
    let of = |kind: &str| -> Vec<&serde_json::Value> {
        warnings.iter().filter(|w| w["kind"] == kind).collect()
    };
    let unlit = of("artwork_unlit");
    assert_eq!(unlit.len(), 1, "{warnings:?}");
    assert_eq!(unlit[0]["source"], "formation \"Icon\"");
    assert!(unlit[0]["message"].as_str().unwrap().contains("`color`"));
    let dark = of("drones_dark");
    assert_eq!(dark.len(), 1, "{warnings:?}");
    assert_eq!(dark[0]["source"], "formation \"Face\"");
    assert!(dark[0]["value"].as_f64().unwrap() >= 1.0);
    assert!(stderr(&o).contains("artwork_unlit"), "{}", stderr(&o));
}

#[test]
fn coincident_vertices_are_merged_and_said_so() {
    // A cube written as exporters write flat-shaded meshes: each face its own 4 vertices.
    let corners = [
        [0, 0, 0],
        [1, 0, 0],
        [1, 1, 0],
        [0, 1, 0],
        [0, 0, 1],
        [1, 0, 1],
        [1, 1, 1],
        [0, 1, 1],
    ];
    let faces = [
        [0, 1, 2, 3],
        [4, 5, 6, 7],
        [0, 1, 5, 4],
        [1, 2, 6, 5],
        [2, 3, 7, 6],
        [3, 0, 4, 7],
    ];
    let mut obj = String::new();
    for (k, f) in faces.iter().enumerate() {
        for &c in f {
            let [x, y, z] = corners[c];
            obj.push_str(&format!("v {x} {y} {z}\n"));
        }
        let b = 4 * k + 1;
        obj.push_str(&format!(
            "f {} {} {}\nf {} {} {}\n",
            b,
            b + 1,
            b + 2,
            b,
            b + 2,
            b + 3
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let cube = write(dir.path(), "cube.obj", obj.as_bytes());
    let (code, err, colors) = formation(
        dir.path(),
        &cube,
        &["--mode", "vertices", "--drones", "8", "--width", "20"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(colors.len(), 8, "one drone per corner");
    assert!(
        err.contains("16 copies were merged, 8 vertices remain"),
        "{err}"
    );
}

/// Runs `skyshow formation` with `args` (`{f}` = the file written from `content` under
/// `name`) and checks a refusal: exit 2, every needle, at most `lines` lines of text.
fn refused(name: &str, content: &[u8], args: &[&str], needles: &[&str]) {
    refused_in("en", name, content, args, needles);
}

/// [`refused`] with `--lang lang`.
fn refused_in(lang: &str, name: &str, content: &[u8], args: &[&str], needles: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), name, content);
    let out = dir.path().join("out.csv");
    let mut all: Vec<String> = vec!["--lang".into(), lang.into(), "formation".into()];
    all.extend(args.iter().map(|a| a.replace("{f}", f.to_str().unwrap())));
    all.extend(["-o".into(), out.to_str().unwrap().into()]);
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    let o = run(&all);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{name}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!out.exists(), "{name}: no output on error");
    for n in needles {
        assert!(err.contains(n), "{name}: expected {n:?} in:\n{err}");
    }
    // One line for what is wrong, one for the fix (miette may wrap a long one).
    let text: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(text.len() <= 6, "{name}: too long:\n{err}");
    let help = if lang == "zh" { "提示：" } else { "help:" };
    assert!(err.contains(help), "{name}: no fix given:\n{err}");
    // Never a line of a TOML the user has not seen.
    assert!(!err.contains("[[chapter"), "{err}");
    assert!(
        !err.contains("────"),
        "{name}: points into a made-up file:\n{err}"
    );
}

#[test]
fn an_html_page_saved_as_glb_is_called_one() {
    refused(
        "model.glb",
        b"<!DOCTYPE html>\n<html><head><title>GitHub</title></head><body></body></html>\n",
        &["{f}", "--drones", "50"],
        &["an HTML page, not a glTF file", "Download raw file"],
    );
}

#[test]
fn a_git_lfs_pointer_is_called_one() {
    refused(
        "model.glb",
        b"version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n",
        &["{f}", "--drones", "50"],
        &["Git LFS pointer", "git lfs pull"],
    );
}

#[test]
fn a_flat_mesh_in_volume_mode_says_so() {
    refused(
        "plane.obj",
        b"v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nf 1 2 3\nf 1 3 4\n",
        &["{f}", "--mode", "volume", "--drones", "50"],
        &["is flat", "`--mode surface`"],
    );
}

#[test]
fn a_type1_font_is_named_as_such() {
    refused(
        "font.pfb",
        b"\x80\x01",
        &["--text", "hi", "--font", "{f}", "--drones", "50"],
        &["Type 1 (PostScript) font", "`--font`", "FontForge"],
    );
}

#[test]
fn flag_errors_name_the_flag() {
    refused(
        "icon.svg",
        ICON.as_bytes(),
        &["{f}", "--mode", "bogus", "--drones", "50"],
        &["`--mode`", "\"fill\", \"outline\", \"both\""],
    );
    refused(
        "icon.svg",
        ICON.as_bytes(),
        &["{f}", "--width", "2", "--drones", "100"],
        &["`--width` ≥", "`--drones`"],
    );
    refused(
        "icon.obj",
        b"v 0 0 0\nv 1 0 0\nv 1 1 0\nf 1 2 3\n",
        &["{f}", "--dark", "off", "--drones", "50"],
        &["`--dark` applies to SVG files"],
    );
}

/// A 2 m × 1 m quad in the xy plane (texture u from 0 at its left edge to 1 at its right)
/// whose material's base-colour texture is `image` (a glTF image object, `{png}` = a 2 × 1
/// PNG, red on the left, blue on the right, embedded), `info` extra keys of the texture
/// info, `required` the extensions the file requires.
fn textured_quad(image: &str, info: &str, required: &str) -> String {
    quad_to_u(image, info, required, 1.0)
}

/// [`textured_quad`] with texture u from 0 at the quad's left edge to `u_max` at its right.
fn quad_to_u(image: &str, info: &str, required: &str, u_max: f32) -> String {
    use base64::Engine as _;
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let mut png_bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut png_bytes, 2, 1);
        enc.set_color(png::ColorType::Rgb);
        let mut w = enc.write_header().unwrap();
        w.write_image_data(&[255, 0, 0, 0, 0, 255]).unwrap();
    }
    let mut bin = Vec::new();
    for p in [[-1f32, 0., 0.], [1., 0., 0.], [1., 1., 0.], [-1., 1., 0.]] {
        p.iter()
            .for_each(|v| bin.extend_from_slice(&v.to_le_bytes()));
    }
    for uv in [[0f32, 1.], [u_max, 1.], [u_max, 0.], [0., 0.]] {
        uv.iter()
            .for_each(|v| bin.extend_from_slice(&v.to_le_bytes()));
    }
    for i in [0u16, 1, 2, 0, 2, 3] {
        bin.extend_from_slice(&i.to_le_bytes());
    }
    let image = image.replace(
        "{png}",
        &format!(r#"{{"uri":"data:image/png;base64,{}"}}"#, b64(&png_bytes)),
    );
    format!(
        r#"{{"asset":{{"version":"2.0"}},"extensionsRequired":[{required}],"extensionsUsed":[{required}],"scene":0,"scenes":[{{"nodes":[0]}}],
        "nodes":[{{"mesh":0}}],"images":[{image}],
        "samplers":[{{"magFilter":9728,"minFilter":9728}}],"textures":[{{"source":0,"sampler":0}}],
        "materials":[{{"pbrMetallicRoughness":{{"baseColorTexture":{{"index":0{info}}}}}}}],
        "meshes":[{{"primitives":[{{"attributes":{{"POSITION":0,"TEXCOORD_0":1}},"indices":2,"material":0}}]}}],
        "buffers":[{{"byteLength":{len},"uri":"data:application/octet-stream;base64,{b}"}}],
        "bufferViews":[{{"buffer":0,"byteOffset":0,"byteLength":48}},{{"buffer":0,"byteOffset":48,"byteLength":32}},{{"buffer":0,"byteOffset":80,"byteLength":12}}],
        "accessors":[{{"bufferView":0,"componentType":5126,"count":4,"type":"VEC3","min":[-1,0,0],"max":[1,1,0]}},
        {{"bufferView":1,"componentType":5126,"count":4,"type":"VEC2"}},
        {{"bufferView":2,"componentType":5123,"count":6,"type":"SCALAR"}}]}}"#,
        len = bin.len(),
        b = b64(&bin)
    )
}

/// `skyshow formation` of a glTF file: (exit code, stderr, each drone's position across the
/// picture from its left edge, as the model's x, and its colour).
fn formation_xs(gltf: &str, drones: &str) -> (Option<i32>, String, Vec<(f64, String)>) {
    formation_xs_with(gltf, &["--drones", drones])
}

/// [`formation_xs`] with the flags `args`.
fn formation_xs_with(gltf: &str, args: &[&str]) -> (Option<i32>, String, Vec<(f64, String)>) {
    formation_xs_in("en", gltf, args)
}

/// [`formation_xs_with`] with `--lang lang`.
fn formation_xs_in(
    lang: &str,
    gltf: &str,
    args: &[&str],
) -> (Option<i32>, String, Vec<(f64, String)>) {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "quad.gltf", gltf.as_bytes());
    let out = dir.path().join("out.csv");
    let mut all = vec!["--lang", lang, "formation", f.to_str().unwrap()];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", out.to_str().unwrap()]);
    let o = run(&all);
    let rows = std::fs::read_to_string(&out)
        .map(|csv| {
            csv.lines()
                .skip(1)
                .map(|l| {
                    // x,y,z,r,g,b: the model's x axis shows along −y (seen from the
                    // audience, its left edge at +y).
                    let (_, rest) = l.split_once(',').unwrap();
                    let (y, rest) = rest.split_once(',').unwrap();
                    let color = rest.split_once(',').unwrap().1.to_string();
                    (-y.parse::<f64>().unwrap(), color)
                })
                .collect()
        })
        .unwrap_or_default();
    (o.status.code(), stderr(&o), rows)
}

#[test]
fn a_textured_gltf_is_drawn_in_its_texture_colours() {
    let (code, err, rows) = formation_xs(&textured_quad("{png}", "", ""), "120");
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(rows.len(), 120);
    // Nearest filtering: the left half red, the right half blue, both well used.
    let left: Vec<_> = rows.iter().filter(|(x, _)| *x < -1.0).collect();
    let right: Vec<_> = rows.iter().filter(|(x, _)| *x > 1.0).collect();
    assert!(left.len() > 40 && right.len() > 40, "{rows:?}");
    assert!(left.iter().all(|(_, c)| c == "255,0,0"), "{left:?}");
    assert!(right.iter().all(|(_, c)| c == "0,0,255"), "{right:?}");
    assert!(!err.contains("warning"), "{err}");
}

#[test]
fn texture_transform_shows_the_part_of_the_texture_it_names() {
    // u' = 0.5 u + 0.5: the whole quad shows the texture's right (blue) half.
    let info = r#","extensions":{"KHR_texture_transform":{"offset":[0.5,0],"scale":[0.5,1]}}"#;
    let gltf = textured_quad("{png}", info, r#""KHR_texture_transform""#);
    let (code, err, rows) = formation_xs(&gltf, "60");
    assert_eq!(code, Some(0), "{err}");
    assert!(rows.iter().all(|(_, c)| c == "0,0,255"), "{rows:?}");
}

#[test]
fn an_unreadable_texture_is_a_warning_and_the_material_colour() {
    let (code, err, rows) = formation_xs(&textured_quad(r#"{"uri":"gone.png"}"#, "", ""), "40");
    assert_eq!(code, Some(0), "{err}");
    assert!(rows.iter().all(|(_, c)| c == "255,255,255"), "{rows:?}");
    assert!(err.contains("warning"), "{err}");
    assert!(
        err.contains("`gone.png`") && err.contains("cannot be read"),
        "{err}"
    );
}

#[test]
fn a_texture_that_is_not_an_image_leaves_the_material_factor_with_a_warning() {
    // A base colour factor of pure green, and a texture whose bytes are text.
    let gltf = textured_quad(
        r#"{"uri":"data:image/png;base64,aGVsbG8gd29ybGQ="}"#,
        "",
        "",
    )
    .replace(
        r#""pbrMetallicRoughness":{"#,
        r#""pbrMetallicRoughness":{"baseColorFactor":[0,1,0,1],"#,
    );
    let (code, err, rows) = formation_xs(&gltf, "40");
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(rows.len(), 40);
    assert!(rows.iter().all(|(_, c)| c == "0,255,0"), "{rows:?}");
    assert!(err.contains("warning"), "{err}");
    assert!(err.contains("not a PNG or JPEG image"), "{err}");
    assert!(err.contains("the material's colour"), "{err}");
}

/// The colour of each quarter of the quad, left to right (texture u from 0 to 2 across it:
/// the 2-texel texture is met twice), under the sampler wrap mode `wrap` (a glTF constant,
/// or "" for the default).
fn quarters(wrap: &str) -> Vec<String> {
    let gltf = quad_to_u("{png}", "", "", 2.0);
    let gltf = if wrap.is_empty() {
        gltf
    } else {
        gltf.replace(
            r#""samplers":[{"magFilter":9728,"#,
            &format!(r#""samplers":[{{"wrapS":{wrap},"magFilter":9728,"#),
        )
    };
    let (code, err, rows) = formation_xs_with(
        &gltf,
        &["--drones", "200", "--width", "40", "--min-distance", "1"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(rows.len(), 200);
    assert!(rows.iter().all(|(x, _)| x.abs() <= 20.5), "{rows:?}");
    (0..4)
        .map(|q| {
            let lo = -20.0 + 10.0 * q as f64 + 1.5;
            let hi = lo + 7.0;
            let mut seen: Vec<&str> = rows
                .iter()
                .filter(|(x, _)| (lo..hi).contains(x))
                .map(|(_, c)| c.as_str())
                .collect();
            assert!(seen.len() > 10, "quarter {q}: {rows:?}");
            seen.dedup();
            assert_eq!(seen.len(), 1, "quarter {q} is one colour: {seen:?}");
            seen[0].to_string()
        })
        .collect()
}

#[test]
fn texture_coordinates_outside_0_1_wrap_as_the_sampler_says() {
    let (red, blue) = ("255,0,0", "0,0,255");
    // REPEAT (glTF's default): the texture tiles.
    assert_eq!(quarters(""), [red, blue, red, blue]);
    assert_eq!(quarters("10497"), [red, blue, red, blue]);
    // MIRRORED_REPEAT: the second copy mirrored.
    assert_eq!(quarters("33648"), [red, blue, blue, red]);
    // CLAMP_TO_EDGE: the edge texel continues.
    assert_eq!(quarters("33071"), [red, blue, blue, blue]);
}

/// The example's dragon as gltfpack and Google's Draco encoder compress it
/// (`skyshow-import/tests/fixtures/README.md`).
fn compressed_dragon(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../skyshow-import/tests/fixtures")
        .join(format!("dragon.{kind}.glb"))
}

#[test]
fn draco_and_meshopt_compressed_models_are_sampled() {
    let dir = tempfile::tempdir().unwrap();
    for kind in ["draco", "meshopt"] {
        let file = compressed_dragon(kind);
        // The dragon is rigged: still as modelled, and posed 1 s into its clip (the skin
        // came through the compression too).
        for extra in [&["--still"][..], &["--at", "1"]] {
            let mut args = vec!["--drones", "120"];
            args.extend_from_slice(extra);
            let (code, err, colors) = formation(dir.path(), &file, &args);
            assert_eq!(code, Some(0), "{kind} {extra:?}: {err}");
            assert_eq!(colors.len(), 120, "{kind}");
            // Its vertex colours, not white.
            assert!(
                colors.iter().any(|c| c != "255,255,255"),
                "{kind}: {colors:?}"
            );
        }
    }
}

#[test]
fn the_newer_meshopt_codec_is_refused_in_one_line_with_the_way_out() {
    let gltf = textured_quad("{png}", "", r#""KHR_meshopt_compression""#);
    refused(
        "meshopt.gltf",
        gltf.as_bytes(),
        &["{f}", "--drones", "40"],
        &["meshopt", "`KHR_meshopt_compression`", "gltfpack"],
    );
    refused_in(
        "zh",
        "meshopt.gltf",
        gltf.as_bytes(),
        &["{f}", "--drones", "40"],
        &["meshopt 压缩（`KHR_meshopt_compression`）", "gltfpack"],
    );
}

/// A glTF file whose only node is a camera: nothing to place drones on.
const CAMERA_ONLY: &str = r#"{"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"name":"Camera","camera":0}],"cameras":[{"type":"perspective","perspective":{"yfov":0.8,"znear":0.1}}]}"#;

#[test]
fn a_scene_with_no_mesh_is_refused_clearly() {
    refused(
        "camera.gltf",
        CAMERA_ONLY.as_bytes(),
        &["{f}", "--drones", "40"],
        &[
            "the file holds no mesh (1 node, 0 meshes)",
            "no surface to place drones on",
            "Mesh objects",
        ],
    );
    refused_in(
        "zh",
        "camera.gltf",
        CAMERA_ONLY.as_bytes(),
        &["{f}", "--drones", "40"],
        &["文件中没有网格（1 个节点，0 个网格）", "Mesh objects"],
    );
}

#[test]
fn an_unreadable_texture_warns_in_chinese_too() {
    let gltf = textured_quad(r#"{"uri":"gone.png"}"#, "", "");
    let (code, err, rows) = formation_xs_in("zh", &gltf, &["--drones", "40"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(rows.len(), 40);
    assert!(err.contains("基础色纹理"), "{err}");
    assert!(err.contains("`gone.png`"), "{err}");
    assert!(err.contains("其面改用材质颜色"), "{err}");
}

#[test]
fn refusals_are_clear_in_chinese_too() {
    refused_in(
        "zh",
        "model.glb",
        b"<!DOCTYPE html>\n<html><head><title>GitHub</title></head><body></body></html>\n",
        &["{f}", "--drones", "50"],
        &["这是一个 HTML 网页，不是 glTF 文件", "Download raw file"],
    );
    refused_in(
        "zh",
        "plane.obj",
        b"v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nf 1 2 3\nf 1 3 4\n",
        &["{f}", "--mode", "volume", "--drones", "50"],
        &["是平面的", "`--mode surface`"],
    );
    refused_in(
        "zh",
        "font.pfb",
        b"\x80\x01",
        &["--text", "hi", "--font", "{f}", "--drones", "50"],
        &["Type 1（PostScript）字体", "FontForge"],
    );
    refused_in(
        "zh",
        "empty.svg",
        br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g/></svg>"#,
        &["{f}", "--drones", "40"],
        &["SVG 什么也没有画", "请至少画一条"],
    );
}
