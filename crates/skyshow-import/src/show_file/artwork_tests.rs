//! Artwork formations end to end: files beside a show file, lowered, and the errors they give.

use std::path::PathBuf;

use skyshow_model::{ColorDesign, Shape};

use super::LoadedShow;
use super::fonts::Fonts;
use crate::error::ImportError;

/// A folder of its own for one test's files.
fn folder(test: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("skyshow-import-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn show(formation: &str) -> String {
    format!(
        "title = \"t\"\n[fleet]\ndrones = 100\n[fleet.grid]\nrows = 10\ncolumns = 10\n[[chapter]]\nname = \"c\"\n[[chapter.formation]]\nname = \"art\"\nhold = 10\n{formation}\n"
    )
}

/// The error of `formation` with `files` beside the show: message, hint, and the
/// show-file text it points at.
fn error(test: &str, formation: &str, files: &[(&str, &[u8])]) -> (String, String, String) {
    let dir = folder(test);
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let text = show(formation);
    let e = LoadedShow::from_text("show.toml", &text, &dir).unwrap_err();
    let _ = std::fs::remove_dir_all(&dir);
    let ImportError::ShowFile(e) = e else {
        panic!("{e:?}")
    };
    let at = text[e.offset()..].lines().next().unwrap_or("").to_string();
    (e.message().to_string(), e.hint().unwrap_or_default(), at)
}

#[test]
fn broken_svg() {
    let (msg, hint, at) = error(
        "broken",
        "shape = \"svg\"\nfile = \"a.svg\"\nwidth_m = 100",
        &[("a.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><rect")],
    );
    assert!(msg.starts_with("SVG `a.svg`: not a valid SVG"), "{msg}");
    assert!(hint.contains("SVG document"), "{hint}");
    assert!(at.starts_with("\"a.svg\""), "{at}");
}

#[test]
fn empty_path() {
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="" fill="red"/></svg>"#;
    let (msg, hint, at) = error(
        "empty",
        "shape = \"svg\"\nfile = \"e.svg\"\nwidth_m = 100",
        &[("e.svg", svg)],
    );
    assert_eq!(
        msg,
        "SVG `e.svg`: the SVG draws nothing: no path, shape or text with a fill or a stroke"
    );
    assert!(hint.contains("empty paths"), "{hint}");
    assert!(at.starts_with("\"e.svg\""));
    // Lines only, but asked to fill.
    let lines = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0 L10 10" stroke="red"/></svg>"#;
    let (msg, hint, _) = error(
        "lines",
        "shape = \"svg\"\nfile = \"l.svg\"\nwidth_m = 100",
        &[("l.svg", lines)],
    );
    assert!(msg.contains("has no filled area"), "{msg}");
    assert!(hint.contains("mode = \"outline\""), "{hint}");
}

#[test]
#[allow(clippy::print_stderr)] // says why it skips
fn font_without_the_glyph() {
    // Any installed font that lacks 龍 will do.
    let mut fonts = Fonts::default();
    let db = fonts.system();
    let mut families: Vec<String> = db
        .faces()
        .filter_map(|f| f.families.first().map(|(n, _)| n.clone()))
        .collect();
    families.sort();
    families.dedup();
    let lacking = families.into_iter().find(|fam| {
        fonts
            .by_family(fam, 400)
            .is_ok_and(|f| f.missing_glyph("龍").is_some())
    });
    let Some(family) = lacking else {
        eprintln!("skipped: no installed font lacks 龍");
        return;
    };
    let (msg, hint, at) = error(
        "glyph",
        &format!("shape = \"text\"\ntext = \"龍\"\nfont = \"{family}\"\nwidth_m = 100"),
        &[],
    );
    assert!(
        msg.starts_with(&format!("the text: font `{family}`")),
        "{msg}"
    );
    assert!(msg.ends_with("has no glyph for `龍` (U+9F8D)"), "{msg}");
    assert!(hint.contains("apt-get install fonts-noto-cjk"), "{hint}");
    assert!(at.starts_with("\"龍\""), "{at}");
    // A family that is not installed at all.
    let (msg, hint, at) = error(
        "nofont",
        "shape = \"text\"\ntext = \"a\"\nfont = \"No Such Font Family\"\nwidth_m = 100",
        &[],
    );
    assert_eq!(
        msg,
        "font: no font named `No Such Font Family` is installed"
    );
    // Install advice only when the CJK fonts are missing.
    let mut fonts = super::fonts::Fonts::default();
    let cjk = fonts.system().faces().any(|f| {
        f.families
            .iter()
            .any(|(n, _)| n.starts_with("Noto Sans CJK"))
    });
    assert_eq!(
        hint.contains("apt-get install fonts-noto-cjk"),
        !cjk,
        "{hint}"
    );
    assert!(hint.contains("installed: "), "{hint}");
    assert!(at.starts_with("\"No Such Font Family\""), "{at}");
}

#[test]
fn mesh_with_no_faces() {
    let (msg, hint, at) = error(
        "noface",
        "shape = \"mesh\"\nfile = \"m.obj\"\nsize_m = 50",
        &[("m.obj", b"v 0 0 0\nv 1 0 0\nv 0 1 0\n")],
    );
    assert_eq!(msg, "mesh `m.obj` has no faces (3 vertices, 0 triangles)");
    assert!(hint.contains("mode = \"vertices\""), "{hint}");
    assert!(at.starts_with("\"m.obj\""));
    // The same file flies one drone per vertex.
    let dir = folder("vertices");
    std::fs::write(dir.join("m.obj"), b"v 0 0 0\nv 1 0 0\nv 0 1 0\n").unwrap();
    let text = show("shape = \"mesh\"\nfile = \"m.obj\"\nsize_m = 50\nmode = \"vertices\"");
    let loaded = LoadedShow::from_text("show.toml", &text, &dir).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let Shape::Vertices { points, .. } = &loaded.design.formations[0].shape else {
        panic!("not vertices")
    };
    assert_eq!(points.len(), 3);
}

#[test]
fn image_with_no_pixel_above_threshold() {
    let img = image::RgbImage::from_pixel(4, 4, image::Rgb([10, 10, 10]));
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png).unwrap();
    let (msg, hint, at) = error(
        "dark",
        "shape = \"image\"\nfile = \"d.png\"\nwidth_m = 100\nthreshold = 0.5",
        &[("d.png", &png.into_inner())],
    );
    assert_eq!(
        msg,
        "image `d.png`: no pixel of the image reaches the brightness threshold 0.5 (the brightest is 0.04)"
    );
    assert!(hint.contains("invert = true"), "{hint}");
    assert!(at.starts_with("\"d.png\""));
}

#[test]
fn artwork_keys_are_checked() {
    let (msg, _, at) = error("nosize", "shape = \"svg\"\nfile = \"x.svg\"", &[]);
    assert_eq!(msg, "a `svg` needs its size: `width_m` or `height_m`");
    assert!(at.starts_with("\"svg\""));
    let (msg, _, _) = error(
        "badmode",
        "shape = \"svg\"\nfile = \"x.svg\"\nwidth_m = 9\nmode = \"fil\"",
        &[],
    );
    assert_eq!(msg, "unknown mode `fil`");
    let (msg, _, _) = error(
        "radius",
        "shape = \"text\"\ntext = \"a\"\nwidth_m = 9\nradius_m = 3",
        &[],
    );
    assert_eq!(msg, "a `text` does not take `radius_m`");
    let (msg, _, _) = error(
        "missing",
        "shape = \"svg\"\nfile = \"gone.svg\"\nwidth_m = 9",
        &[],
    );
    assert!(msg.starts_with("cannot read SVG `gone.svg`"), "{msg}");
}

#[test]
fn svg_lowers_to_metres_with_colours_and_seed() {
    let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect x="0" y="0" width="100" height="100" fill="#ff0000"/></svg>"##;
    let dir = folder("lower");
    std::fs::write(dir.join("r.svg"), svg).unwrap();
    let text =
        show("shape = \"svg\"\nfile = \"r.svg\"\nwidth_m = 50\nmode = \"both\"\nweight = 0.7")
            .replace("title = \"t\"", "title = \"t\"\nseed = 9");
    let loaded = LoadedShow::from_text("show.toml", &text, &dir).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let f = &loaded.design.formations[0];
    let d = f.shape.drawing().unwrap();
    assert_eq!((d.width_m, d.height_m), (50.0, 25.0));
    assert_eq!((d.fill_share, d.seed), (Some(0.7), 9));
    // The square spans the left half: u from -25 to 0, v from -12.5 to 12.5.
    let xs: Vec<f64> = d.area[0].iter().map(|p| p[0]).collect();
    assert_eq!(xs.iter().copied().fold(f64::INFINITY, f64::min), -25.0);
    assert_eq!(xs.iter().copied().fold(f64::NEG_INFINITY, f64::max), 0.0);
    assert_eq!(f.color, ColorDesign::PerPoint);
    assert!(loaded.inputs.iter().any(|p| p.ends_with("r.svg")));
}
