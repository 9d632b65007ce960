//! Property tests: no generated show file, and no corruption of real artwork, makes the
//! import or formation stage panic. Each input gives a design or an error; each design's
//! formations give points or an error.

#![allow(clippy::print_stderr)] // a test prints what share of inputs reach each stage

use proptest::prelude::*;
use skyshow_formations::build;
use skyshow_import::{parse_show, parse_show_with};

/// Imports `text` (every named file reads as `file`) and builds each formation for a small
/// fleet: the only acceptable outcomes are values and errors.
fn run(text: &str, file: &[u8]) {
    if let Ok((design, _, _)) = parse_show_with("p.toml", text, &mut |_: &str| Ok(file.to_vec())) {
        for f in &design.formations {
            let _ = build(
                f,
                design.fleet.drones.min(40),
                design.audience_azimuth_deg,
                &design.limits,
                0.0,
            );
        }
    }
}

/// Numbers a hostile or careless file may hold, as TOML.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("nan".to_string()),
        Just("inf".to_string()),
        Just("-inf".to_string()),
        Just("1e308".to_string()),
        Just("-1e308".to_string()),
        Just("0".to_string()),
        Just("-1".to_string()),
        Just("9223372036854775807".to_string()),
        Just("\"x\"".to_string()),
        Just("[1, 2]".to_string()),
        (-1e4f64..1e4).prop_map(|v| format!("{v:?}")),
        (0i64..100_000).prop_map(|v| v.to_string()),
    ]
}

/// Mostly plausible values, sometimes hostile ones.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (0.5f64..60.0).prop_map(|v| format!("{v:?}")),
        1 => number(),
    ]
}

/// Mostly plausible whole numbers, sometimes hostile values.
fn whole() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (1i64..40).prop_map(|v| v.to_string()),
        1 => number(),
    ]
}

/// Keys whose values are whole numbers.
const WHOLE: &[&str] = &["rows", "columns", "sides", "count"];

/// Each shape with the keys it takes.
const SHAPES: &[(&str, &[&str])] = &[
    ("grid", &["width_m", "height_m", "rows", "columns"]),
    ("circle", &["radius_m"]),
    ("ring", &["inner_radius_m", "outer_radius_m"]),
    ("disc", &["radius_m"]),
    ("sphere", &["radius_m"]),
    ("helix", &["radius_m", "height_m", "turns"]),
    ("line", &["length_m"]),
    ("polygon", &["sides", "radius_m"]),
    ("points", &[]),
];
/// Keys every formation takes.
const COMMON: &[&str] = &[
    "count",
    "roll_deg",
    "tilt_deg",
    "turn_deg",
    "start",
    "min_transition_s",
];
const TOP: &[(&str, &str)] = &[
    ("limits", "min_distance_m"),
    ("limits", "max_speed_xy_m_s"),
    ("limits", "max_altitude_m"),
    ("takeoff", "altitude_m"),
    ("audience", "azimuth_deg"),
];

prop_compose! {
    fn show_text()(
        drones in prop_oneof![
            1 => prop_oneof![Just("0".to_string()), Just("-5".to_string()), Just("1e9".to_string())],
            10 => (1u32..40).prop_map(|d| d.to_string()),
        ],
        spacing in prop_oneof![10 => Just("3".to_string()), 1 => number()],
        top in proptest::collection::vec((0..TOP.len(), value()), 0..2),
        shape in 0..SHAPES.len(),
        own in proptest::collection::vec((value(), whole()), 4),
        common in proptest::collection::vec((0..COMMON.len(), value(), whole()), 0..3),
        hold in value(),
    ) -> String {
        let mut s = format!(
            "title = \"p\"\n[fleet]\ndrones = {drones}\n[fleet.grid]\nrows = 8\ncolumns = 8\nspacing_m = {spacing}\n"
        );
        let mut tables = std::collections::BTreeMap::new();
        for (k, v) in top {
            let (table, key) = TOP[k];
            tables.entry(table).or_insert_with(std::collections::BTreeMap::new).insert(key, v);
        }
        for (table, kv) in tables {
            s.push_str(&format!("[{table}]\n"));
            for (k, v) in kv {
                s.push_str(&format!("{k} = {v}\n"));
            }
        }
        let (name, keys) = SHAPES[shape];
        s.push_str(&format!(
            "[[chapter]]\nname = \"c\"\n[[chapter.formation]]\nname = \"f\"\nshape = \"{name}\"\nhold = {hold}\n"
        ));
        if name == "points" {
            s.push_str("points = \"p.csv\"\n");
        } else {
            s.push_str("center = [0, 0, 40]\n");
        }
        let pick = |k: &str, (f, w): (String, String)| if WHOLE.contains(&k) { w } else { f };
        for (k, v) in keys.iter().zip(own) {
            s.push_str(&format!("{k} = {}\n", pick(k, v)));
        }
        let mut keyed = std::collections::BTreeMap::new();
        for (k, f, w) in common {
            keyed.insert(COMMON[k], pick(COMMON[k], (f, w)));
        }
        for (k, v) in keyed {
            s.push_str(&format!("{k} = {v}\n"));
        }
        s
    }
}

const SVG: &[u8] = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><rect x="10" y="10" width="40" height="20" fill="#ff0000"/><g transform="translate(30 0) scale(1.5)"><circle cx="20" cy="20" r="8" fill="#0000ff"/></g><path d="M 0 45 C 30 10 60 80 100 45" stroke="#00ff00" stroke-width="2" fill="none"/></svg>"##;
const OBJ: &[u8] =
    b"v 0 0 0 1 0 0\nv 10 0 0\nv 0 10 0\nv 0 0 10\nf 1 2 3\nf 1 2 4\nf 1 3 4\nf 2 3 4\n";
const STL: &[u8] = b"solid t\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 10 0 0\nvertex 0 10 0\nendloop\nendfacet\nfacet normal 0 1 0\nouter loop\nvertex 0 0 0\nvertex 10 0 0\nvertex 0 0 10\nendloop\nendfacet\nendsolid t\n";

/// The artwork seeds: (shape keys, file name, bytes).
const SEEDS: [(&str, &str, &[u8]); 3] = [
    (
        "shape = \"svg\"\nwidth_m = 40\nmode = \"both\"",
        "a.svg",
        SVG,
    ),
    ("shape = \"mesh\"\nsize_m = 40", "a.obj", OBJ),
    ("shape = \"mesh\"\nsize_m = 40", "a.stl", STL),
];

fn art_show(keys: &str, file: &str) -> String {
    format!(
        "title = \"p\"\n[fleet]\ndrones = 20\n[fleet.grid]\nrows = 4\ncolumns = 5\n[limits]\nmin_distance_m = 0.5\n[[chapter]]\nname = \"c\"\n[[chapter.formation]]\nname = \"a\"\nhold = 5\nfile = \"{file}\"\n{keys}\n"
    )
}

fn mutate(seed: &[u8], edits: &[(prop::sample::Index, u8, u8)]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for (at, byte, op) in edits {
        if b.is_empty() {
            b.push(*byte);
            continue;
        }
        let i = at.index(b.len());
        match op % 4 {
            0 => b[i] = *byte,
            1 => b.insert(i, *byte),
            2 => {
                b.remove(i);
            }
            _ => {
                // Repeat a chunk: long runs of the same structure.
                let end = (i + 8).min(b.len());
                let chunk = b[i..end].to_vec();
                for _ in 0..(*byte % 16) {
                    b.splice(i..i, chunk.iter().copied());
                }
            }
        }
    }
    b
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn generated_show_files_never_panic(text in show_text()) {
        let _ = parse_show("p.toml", &text);
        run(&text, b"x,y,z\n0,0,30\n5,0,30\n");
    }

    #[test]
    fn corrupted_artwork_never_panics(
        which in 0..3usize,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), any::<u8>()), 1..4),
    ) {
        let (keys, file, seed) = SEEDS[which];
        run(&art_show(keys, file), &mutate(seed, &edits));
    }
}

#[test]
fn the_seeds_themselves_import_and_sample() {
    for (keys, file, seed) in SEEDS {
        let (design, _, _) = parse_show_with("p.toml", &art_show(keys, file), &mut |_: &str| {
            Ok(seed.to_vec())
        })
        .unwrap();
        let f = build(
            &design.formations[0],
            20,
            design.audience_azimuth_deg,
            &design.limits,
            0.0,
        )
        .unwrap();
        assert_eq!(f.points.len(), 20, "{file}");
    }
}

/// The generators reach the stages: a fair share of generated show files import and give
/// points, and of corrupted artwork still imports (else the properties above would only
/// exercise the first error check).
#[test]
fn generated_inputs_reach_every_stage() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        proptest::test_runner::TestRng::deterministic_rng(
            proptest::test_runner::RngAlgorithm::ChaCha,
        ),
    );
    let (mut parsed, mut built) = (0, 0);
    for _ in 0..400 {
        let text = show_text().new_tree(&mut runner).unwrap().current();
        let r = parse_show_with("p.toml", &text, &mut |_: &str| {
            Ok(b"x,y,z\n0,0,30\n5,0,30\n".to_vec())
        });
        if let Ok((design, _, _)) = r {
            parsed += 1;
            if design.formations.iter().all(|f| {
                build(
                    f,
                    design.fleet.drones.min(40),
                    design.audience_azimuth_deg,
                    &design.limits,
                    0.0,
                )
                .is_ok()
            }) {
                built += 1;
            }
        }
    }
    let edits = proptest::collection::vec(
        (any::<prop::sample::Index>(), any::<u8>(), any::<u8>()),
        1..6,
    );
    let mut art_ok = 0;
    for k in 0..300 {
        let (keys, file, seed) = SEEDS[k % 3];
        let e = edits.new_tree(&mut runner).unwrap().current();
        let b = mutate(seed, &e);
        if parse_show_with(
            "p.toml",
            &art_show(keys, file),
            &mut |_: &str| Ok(b.clone()),
        )
        .is_ok()
        {
            art_ok += 1;
        }
    }
    eprintln!(
        "show files: {parsed}/400 import, {built}/400 give points; corrupted artwork: {art_ok}/300 import"
    );
    assert!(
        parsed >= 120 && built >= 60 && art_ok >= 20,
        "{parsed} {built} {art_ok}"
    );
}

/// Inputs that crashed a fuzz target (`fuzz/`), run the way the target runs them: each
/// must now give points or an error.
#[test]
fn fuzz_crashes_stay_fixed() {
    let show = |keys: &str| {
        format!(
            "title = \"fuzz\"\n[fleet]\ndrones = 12\n[fleet.grid]\nrows = 3\ncolumns = 4\n[limits]\nmin_distance_m = 0.5\n[[chapter]]\nname = \"c\"\n[[chapter.formation]]\nname = \"art\"\nhold = 10\n{keys}\n"
        )
    };
    let cases: [(&str, &[u8]); 7] = [
        (
            "shape = \"svg\"\nfile = \"a.svg\"\nwidth_m = 40\nmode = \"both\"",
            include_bytes!("fuzz_regressions/svg-eb902537.svg"),
        ),
        (
            "shape = \"mesh\"\nfile = \"a.stl\"\nsize_m = 40\nmode = \"surface\"",
            include_bytes!("fuzz_regressions/stl-907cbe76.stl"),
        ),
        (
            // A glyph whose flags run past its point count: read-fonts 0.41 panics
            // drawing it; import refuses the font before drawing
            // (`malformed_glyph_is_refused_before_it_is_drawn`).
            "shape = \"text\"\ntext = \"Ag 1\"\nfont = \"a.ttf\"\nwidth_m = 40\nmode = \"both\"",
            include_bytes!("fuzz_regressions/font-56b261b6.ttf"),
        ),
        (
            // The same, in a font whose table directory is out of order: the check must
            // find the tables the way usvg's font reader does.
            "shape = \"text\"\ntext = \"Ag 1\"\nfont = \"a.ttf\"\nwidth_m = 40\nmode = \"both\"",
            include_bytes!("fuzz_regressions/font-5f765868.ttf"),
        ),
        (
            // A GLB header giving a length under its own 12 bytes (gltf 1.4 subtracted
            // with overflow).
            "shape = \"mesh\"\nfile = \"a.glb\"\nsize_m = 40\nmode = \"vertices\"",
            include_bytes!("fuzz_regressions/gltf-ab323f5e.glb"),
        ),
        (
            // A primitive whose POSITION names a missing accessor (gltf-json 1.4's
            // validation indexed out of bounds).
            "shape = \"mesh\"\nfile = \"a.glb\"\nsize_m = 40\nmode = \"vertices\"",
            include_bytes!("fuzz_regressions/gltf-249d9820.glb"),
        ),
        (
            // Positions whose accessor is not three floats (gltf 1.4's reader asserted).
            "shape = \"mesh\"\nfile = \"a.glb\"\nsize_m = 40\nmode = \"vertices\"",
            include_bytes!("fuzz_regressions/gltf-b07e0274.glb"),
        ),
    ];
    for (keys, data) in cases {
        run(&show(keys), data);
    }
}

thread_local! {
    /// Whether this thread has panicked since the flag was last cleared (caught or not).
    static PANICKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The fonts that crashed the font fuzz target have a glyph with no points but point flags,
/// which read-fonts 0.41 panics on (the second behind an out-of-order table directory).
/// Import refuses each with an error naming the glyph, and no panic happens on the way, not
/// even one caught inside import (a fuzzer aborts on those).
#[test]
fn malformed_glyph_is_refused_before_it_is_drawn() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICKED.with(|p| p.set(true));
        previous(info);
    }));
    PANICKED.with(|p| p.set(false));
    let show = "title = \"t\"\n[fleet]\ndrones = 12\n[fleet.grid]\nrows = 3\ncolumns = 4\n\
                [[chapter]]\nname = \"c\"\n[[chapter.formation]]\nname = \"art\"\nhold = 10\n\
                shape = \"text\"\ntext = \"Ag 1\"\nfont = \"a.ttf\"\nwidth_m = 40\n";
    let fonts: [&[u8]; 2] = [
        include_bytes!("fuzz_regressions/font-56b261b6.ttf"),
        include_bytes!("fuzz_regressions/font-5f765868.ttf"),
    ];
    for font in fonts {
        let err = match parse_show_with("p.toml", show, &mut |_: &str| Ok(font.to_vec())) {
            Ok(_) => panic!("the malformed font was accepted"),
            Err(e) => e.to_string(),
        };
        assert!(
            !PANICKED.with(|p| p.get()),
            "a panic happened inside import"
        );
        assert!(
            err.contains("font `a.ttf`: glyph 20 (face 0) is malformed: it has no points"),
            "{err}"
        );
    }
}

/// A font collection header claiming two billion fonts (found by the font fuzz target: fontdb
/// reserved 17 GB for them) is refused from its header.
#[test]
fn font_collection_claiming_billions_of_fonts_is_refused() {
    let show = "title = \"t\"\n[fleet]\ndrones = 12\n[fleet.grid]\nrows = 3\ncolumns = 4\n\
                [[chapter]]\nname = \"c\"\n[[chapter.formation]]\nname = \"art\"\nhold = 10\n\
                shape = \"text\"\ntext = \"Ag 1\"\nfont = \"a.ttc\"\nwidth_m = 40\n";
    let font = include_bytes!("fuzz_regressions/font-oom-e0608cd9.ttc");
    let err = match parse_show_with("p.toml", show, &mut |_: &str| Ok(font.to_vec())) {
        Ok(_) => panic!("the collection was accepted"),
        Err(e) => e.to_string(),
    };
    assert!(
        err.contains("font `a.ttc`: the font collection claims 2147888434 fonts, but its header has room for 3"),
        "{err}"
    );
}
