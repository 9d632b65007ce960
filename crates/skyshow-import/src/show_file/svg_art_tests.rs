//! Tests of the SVG reader: geometry far outside the canvas, deep nesting, shapes and
//! transforms, broken files, dark details as holes or drones, uncoloured icons and
//! `currentColor`.

use super::*;

#[test]
fn geometry_far_outside_the_canvas_is_refused() {
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 110"><polyline fill="none" stroke="red" points="44444444444444444498 13 30 40"/></svg>"#;
    let e = SvgArt::parse(svg, db(), None)
        .unwrap()
        .art(false, D)
        .err()
        .unwrap();
    assert_eq!(
        e.message.english(),
        "the SVG draws at (4.44444e19, 13), far outside its 200 × 110 canvas"
    );
    // A little outside the canvas is fine.
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 110"><polyline fill="none" stroke="red" points="-50 13 300 40"/></svg>"#;
    assert!(
        SvgArt::parse(svg, db(), None)
            .unwrap()
            .art(false, D)
            .is_ok()
    );
}

#[test]
fn deep_nesting_is_refused_before_parsing() {
    let nested = |n: usize| {
        let mut s = String::from(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">"#);
        s.push_str(&"<g>".repeat(n));
        s.push_str(r#"<rect width="5" height="5" fill="red"/>"#);
        s.push_str(&"</g>".repeat(n));
        s.push_str("</svg>");
        s.into_bytes()
    };
    assert_eq!(nesting_depth(&nested(40)), 41);
    assert!(
        SvgArt::parse(&nested(40), db(), None)
            .unwrap()
            .art(false, D)
            .is_ok()
    );
    let e = SvgArt::parse(&nested(200_000), db(), None).err().unwrap();
    assert_eq!(
        e.message.english(),
        "the SVG nests elements 200001 levels deep, more than the 256 this program reads"
    );
    // Comments, CDATA, declarations and quoted `>` do not count; self-closing tags do not nest.
    let tricky = br#"<?xml version="1.0"?><!DOCTYPE svg><svg a=">"><!-- <g><g> --><![CDATA[<g>]]><g/><g b='/>'><rect/></g></svg>"#;
    assert_eq!(nesting_depth(tricky), 2);
}

const D: Darkness = Darkness::DEFAULT;

fn db() -> Arc<usvg::fontdb::Database> {
    Arc::new(usvg::fontdb::Database::new())
}

#[test]
fn shapes_transforms_and_union() {
    let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">
        <rect x="10" y="10" width="40" height="20" fill="#ff0000"/>
        <g transform="translate(30 0)"><rect x="10" y="10" width="40" height="20" fill="#0000ff"/></g>
        <path d="M 0 45 L 100 45" stroke="#00ff00" stroke-width="2" fill="none"/>
    </svg>"##;
    let art = SvgArt::parse(svg, db(), None)
        .unwrap()
        .art(true, D)
        .unwrap()
        .art;
    assert_eq!((art.width, art.height), (100.0, 50.0));
    // Two overlapping rectangles make one ring 70 × 20.
    assert_eq!(art.area.len(), 1, "{:?}", art.area);
    let xs: Vec<f64> = art.area[0].iter().map(|p| p[0]).collect();
    assert_eq!(xs.iter().copied().fold(f64::INFINITY, f64::min), 10.0);
    assert_eq!(xs.iter().copied().fold(0.0, f64::max), 80.0);
    // The ring and the stroke are traced.
    assert_eq!(art.lines.len(), 2);
    assert_eq!(art.lines[1], vec![[0.0, 45.0], [100.0, 45.0]]);
    // Colours as painted: red left, blue right.
    let px = |x: f64, y: f64| {
        let r = (y / 50.0 * art.colors.len() as f64) as usize;
        let c = (x / 100.0 * art.colors[0].len() as f64) as usize;
        art.colors[r][c]
    };
    assert_eq!(px(15.0, 20.0), Some(Rgb::new(255, 0, 0)));
    assert_eq!(px(75.0, 20.0), Some(Rgb::new(0, 0, 255)));
    assert_eq!(px(5.0, 5.0), None);
}

#[test]
fn broken_and_empty_svgs_say_why() {
    let e = SvgArt::parse(b"<svg><rect", db(), None).err().unwrap();
    assert!(e.message.english().starts_with("not a valid SVG"), "{e:?}");
    let empty =
        br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d=""/></svg>"#;
    let e = SvgArt::parse(empty, db(), None)
        .unwrap()
        .art(false, D)
        .unwrap_err();
    assert!(e.message.english().contains("draws nothing"), "{e:?}");
}

/// Whether `p` is inside the even-odd rings `area`.
fn inside(area: &[Vec<[f64; 2]>], p: [f64; 2]) -> bool {
    let mut odd = false;
    for r in area {
        for i in 0..r.len() {
            let (a, b) = (r[i], r[(i + 1) % r.len()]);
            if (a[1] > p[1]) != (b[1] > p[1])
                && p[0] < a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0])
            {
                odd = !odd;
            }
        }
    }
    odd
}

/// The painted colour at canvas point `(x, y)` of a 100 × 100 canvas.
fn color_at(art: &Art, x: f64, y: f64) -> Option<Rgb> {
    let r = (y / 100.0 * art.colors.len() as f64) as usize;
    let c = (x / 100.0 * art.colors[0].len() as f64) as usize;
    art.colors[r][c]
}

const FACE: &[u8] = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
    <circle cx="50" cy="50" r="45" fill="#fde030"/>
    <circle cx="35" cy="40" r="8" fill="#422b0d"/>
    <circle cx="65" cy="40" r="8" fill="#2f2f2f"/>
    <circle cx="67" cy="38" r="2" fill="#896024"/>
    <path d="M 30 70 Q 50 85 70 70" fill="none" stroke="#000" stroke-width="4"/>
    <ellipse cx="50" cy="97" rx="40" ry="3" fill="#000" fill-opacity="0.2"/>
</svg>"##;

#[test]
fn dark_details_of_a_lit_picture_are_holes() {
    let p = SvgArt::parse(FACE, db(), None)
        .unwrap()
        .art(true, D)
        .unwrap();
    assert!(!p.unlit);
    let art = &p.art;
    // The face is lit, the eyes and the mouth's stroke are holes, the eye's highlight
    // is lit again, the faint shadow is no place for drones.
    assert!(inside(&art.area, [50.0, 20.0]));
    assert!(!inside(&art.area, [35.0, 40.0]));
    assert!(!inside(&art.area, [61.0, 42.0]));
    assert!(inside(&art.area, [67.0, 38.0]));
    assert!(
        !inside(&art.area, [50.0, 77.5]),
        "the mouth's stroke cuts the face"
    );
    assert!(inside(&art.area, [50.0, 72.0]));
    assert!(!inside(&art.area, [50.0, 97.5]));
    // The mouth is not traced; the holes' edges are.
    assert!(art.lines.iter().all(|l| l[0] != [30.0, 70.0]));
    // Dark pixels carry no colour: drones at a hole's edge take the nearest lit one.
    assert_eq!(color_at(art, 35.0, 40.0), None);
    assert_eq!(color_at(art, 50.0, 20.0), Some(Rgb::new(0xfd, 0xe0, 0x30)));
}

#[test]
fn dark_off_keeps_dark_details_as_drones_with_leds_off() {
    let off = Darkness {
        holes: false,
        ..Darkness::DEFAULT
    };
    let p = SvgArt::parse(FACE, db(), None)
        .unwrap()
        .art(true, off)
        .unwrap();
    let art = &p.art;
    assert!(inside(&art.area, [35.0, 40.0]));
    assert_eq!(color_at(art, 35.0, 40.0), Some(Rgb::new(0x42, 0x2b, 0x0d)));
    // A brighter threshold makes the yellow face dark too: nothing lit is left, so the
    // picture is drawn whole (and unlit).
    let strict = Darkness { below: 0.995, ..D };
    let p = SvgArt::parse(FACE, db(), None)
        .unwrap()
        .art(true, strict)
        .unwrap();
    assert!(p.unlit);
    assert!(inside(&p.art.area, [35.0, 40.0]));
    assert!(p.art.colors.is_empty());
}

#[test]
fn an_uncoloured_icon_is_unlit_and_keeps_its_shape() {
    // SVG's default fill is black: no lit colour anywhere.
    let icon = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><path d="M10 10h80v80H10z M30 30v40h40V30z"/></svg>"#;
    let p = SvgArt::parse(icon, db(), None)
        .unwrap()
        .art(true, D)
        .unwrap();
    assert!(p.unlit);
    assert!(
        p.art.colors.is_empty(),
        "no colours: the formation's colour shows"
    );
    assert!(inside(&p.art.area, [20.0, 20.0]));
    assert!(
        !inside(&p.art.area, [50.0, 50.0]),
        "its own hole stays a hole"
    );
}

#[test]
fn current_color_is_the_color_property_else_the_formations() {
    let stroked = |root: &str| {
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"{root}><path d="M10 50 H90" fill="none" stroke="currentColor" stroke-width="6"/></svg>"#
        )
    };
    let red = Some(Rgb::new(255, 0, 0));
    // No colour anywhere: SVG's black, unlit.
    let p = SvgArt::parse(stroked("").as_bytes(), db(), None)
        .unwrap()
        .art(true, D)
        .unwrap();
    assert!(p.unlit);
    // The formation's colour.
    let p = SvgArt::parse(stroked("").as_bytes(), db(), red)
        .unwrap()
        .art(true, D)
        .unwrap();
    assert!(!p.unlit);
    assert_eq!(color_at(&p.art, 50.0, 50.0), red);
    assert_eq!(p.art.lines, vec![vec![[10.0, 50.0], [90.0, 50.0]]]);
    // The drawing's own `color` wins, as an attribute or a style.
    for root in [r##" color="#00ff00""##, r##" style="color: #00ff00""##] {
        let p = SvgArt::parse(stroked(root).as_bytes(), db(), red)
            .unwrap()
            .art(true, D)
            .unwrap();
        assert_eq!(
            color_at(&p.art, 50.0, 50.0),
            Some(Rgb::new(0, 255, 0)),
            "{root}"
        );
    }
    // Inherited from a group.
    let grouped = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><g color="blue"><rect x="10" y="10" width="80" height="80" fill="currentColor"/></g></svg>"#;
    let p = SvgArt::parse(grouped, db(), red)
        .unwrap()
        .art(true, D)
        .unwrap();
    assert_eq!(color_at(&p.art, 50.0, 50.0), Some(Rgb::new(0, 0, 255)));
}
