//! Bad and hostile inputs, one case per row: every one exits 2 with a message that names the
//! file and says what is wrong — never a panic, never an output file.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Command;

/// A show file with `top` inserted before the fleet and `body` as its only formation.
fn show(top: &str, fleet: &str, body: &str) -> String {
    format!(
        "title = \"bad\"\n{top}\n[fleet]\n{fleet}\n[[chapter]]\nname = \"c\"\n[[chapter.formation]]\n{body}\n"
    )
}

const FLEET: &str = "drones = 4\n[fleet.grid]\nrows = 2\ncolumns = 2\nspacing_m = 3";
const LINE: &str = "name = \"f\"\nhold = 10\nshape = \"line\"\nlength_m = 30\ncenter = [0, 0, 30]";

fn zip(path: &Path, members: &[(&str, &str)]) {
    let mut w = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, text) in members {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap();
}

const DRONE: &str =
    r#"{"settings":{"trajectory":{"version":1,"points":[[0,[0,0,0],[]],[10,[0,0,10],[]]]}}}"#;

/// Runs one case in English and in Chinese: writes `file` with `content` in a fresh folder,
/// runs `args` (with `{f}` replaced by the file's path and `{o}` by an output path), and
/// checks exit 2, every needle in the English stderr, that no output was written, and that
/// the Chinese stderr says the same in Chinese ([`common::same_refusal_in_chinese`]).
fn case(name: &str, file: &str, content: Content<'_>, args: &[&str], needles: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join(file);
    match content {
        Content::Text(t) => std::fs::write(&f, t).unwrap(),
        Content::Bytes(b) => std::fs::write(&f, b).unwrap(),
        Content::Zip(m) => zip(&f, m),
        Content::Sparse(n) => std::fs::File::create(&f).unwrap().set_len(n).unwrap(),
        Content::None => {}
    }
    let out = dir.path().join("out");
    let args: Vec<String> = args
        .iter()
        .map(|a| {
            a.replace("{f}", f.to_str().unwrap())
                .replace("{o}", out.to_str().unwrap())
        })
        .collect();
    let en = refused(name, "en", &args, &out);
    for n in needles {
        assert!(en.contains(n), "{name}: expected {n:?} in\n{en}");
    }
    common::same_refusal_in_chinese(name, &en, &refused(name, "zh", &args, &out));
}

/// Runs skyshow with `--lang lang` and `args`: exit 2, no panic, nothing written to
/// `out`; its stderr.
fn refused(name: &str, lang: &str, args: &[String], out: &Path) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_skyshow"))
        .env("NO_COLOR", "1")
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(
        o.status.code(),
        Some(2),
        "{name} ({lang}): exit code\n{err}"
    );
    assert!(
        !err.contains("panicked"),
        "{name} ({lang}): panicked\n{err}"
    );
    assert!(
        !out.join("show.skyc").exists() && !out.join("x.png").exists(),
        "{name} ({lang}): wrote output"
    );
    err
}

enum Content<'a> {
    Text(String),
    Bytes(&'a [u8]),
    Zip(&'a [(&'a str, &'a str)]),
    /// A sparse file of this many bytes (no disk used).
    Sparse(u64),
    None,
}

use Content::{Bytes, None as Missing, Sparse, Text, Zip};

const BUILD: &[&str] = &["build", "{f}", "-o", "{o}"];
const CHECK: &[&str] = &["check", "{f}"];

#[test]
fn show_file_cases() {
    let cases: Vec<(&str, String, &[&str])> = vec![
        (
            "absurd fleet",
            show(
                "",
                &FLEET.replace("drones = 4", "drones = 1000000000"),
                LINE,
            ),
            &["`drones` = 1000000000 is out of range", "show.toml:"],
        ),
        (
            "absurd hold",
            show("", FLEET, &LINE.replace("hold = 10", "hold = 100000000")),
            &["longer than 24 hours"],
        ),
        (
            "infinite spacing",
            show("", &FLEET.replace("spacing_m = 3", "spacing_m = inf"), LINE),
            &["`spacing_m` = inf is out of range"],
        ),
        (
            "negative spacing",
            show("", &FLEET.replace("spacing_m = 3", "spacing_m = -3"), LINE),
            &["`spacing_m` = -3 is out of range"],
        ),
        (
            "nan length",
            show("", FLEET, &LINE.replace("length_m = 30", "length_m = nan")),
            &["`length_m` = NaN is out of range"],
        ),
        (
            "huge coordinate",
            show("", FLEET, &LINE.replace("[0, 0, 30]", "[1e300, 0, 30]")),
            &["`center` has a value out of range"],
        ),
        (
            "unknown top-level key",
            show("colour = \"red\"", FLEET, LINE),
            &["unknown field `colour`"],
        ),
        (
            "wrong type",
            show(
                "",
                FLEET,
                &LINE.replace("length_m = 30", "length_m = \"thirty\""),
            ),
            &["invalid show file"],
        ),
        (
            "latitude out of range",
            show("[origin]\nlatitude = 100\nlongitude = 0", FLEET, LINE),
            &["`latitude` = 100 is out of range"],
        ),
        (
            "audience azimuth out of range",
            show("[audience]\nazimuth_deg = 1000", FLEET, LINE),
            &["`azimuth_deg` = 1000 is out of range"],
        ),
        (
            "tilt out of range",
            show("", FLEET, &format!("{LINE}\ntilt_deg = 720")),
            &["`tilt_deg` = 720 is out of range"],
        ),
        (
            "key of another shape",
            show("", FLEET, &format!("{LINE}\nradius_m = 5")),
            &["a `line` does not take `radius_m`"],
        ),
        (
            "ring inside out",
            show(
                "",
                FLEET,
                "name = \"r\"\nhold = 5\nshape = \"ring\"\ninner_radius_m = 30\nouter_radius_m = 20",
            ),
            &["`inner_radius_m` must be smaller"],
        ),
        (
            "polygon without sides",
            show(
                "",
                FLEET,
                "name = \"p\"\nhold = 5\nshape = \"polygon\"\nradius_m = 30",
            ),
            &["a `polygon` needs `sides`"],
        ),
        (
            "gradient of one colour",
            show(
                "",
                FLEET,
                &format!("{LINE}\ngradient = {{ axis = \"z\", colors = [\"red\"] }}"),
            ),
            &["a gradient needs at least two colours"],
        ),
        (
            "gradient axis",
            show(
                "",
                FLEET,
                &format!(
                    "{LINE}\ngradient = {{ axis = \"sideways\", colors = [\"red\", \"gold\"] }}"
                ),
            ),
            &["unknown gradient axis `sideways`"],
        ),
        (
            "colour and gradient",
            show(
                "",
                FLEET,
                &format!(
                    "{LINE}\ncolor = \"red\"\ngradient = {{ axis = \"z\", colors = [\"red\", \"gold\"] }}"
                ),
            ),
            &["either `color` or `gradient`"],
        ),
        (
            "grid too dense for takeoff",
            show("[limits]\ntakeoff_spacing_m = 5", FLEET, LINE),
            &["closer than the 5 m takeoff spacing"],
        ),
        (
            "takeoff below navigation altitude",
            show("[takeoff]\naltitude_m = 1", FLEET, LINE),
            &["`altitude_m` = 1 is out of range"],
        ),
        (
            "not TOML at all",
            "\u{0}\u{1}binary".to_string(),
            &["invalid show file"],
        ),
        (
            "missing music",
            show("[music]\nfile = \"theme.mp3\"", FLEET, LINE),
            &["cannot read the music `theme.mp3`", "show.toml:"],
        ),
        (
            "the show file as its own music",
            show("[music]\nfile = \"show.toml\"", FLEET, LINE),
            &[
                "the music `show.toml` cannot be used",
                "WAV, FLAC, OGG/Vorbis",
            ],
        ),
        (
            "bar.beat without music",
            show(
                "",
                FLEET,
                &LINE.replace("hold = 10", "hold = 10\nstart = \"33.1\""),
            ),
            &[
                "`33.1` is a bar.beat time but the show has no `[music]`",
                "show.toml:",
            ],
        ),
        (
            "unknown light effect",
            show(
                "",
                FLEET,
                &format!("{LINE}\n[[chapter.formation.light]]\neffect = \"laser\""),
            ),
            &["unknown effect `laser`", "show.toml:"],
        ),
    ];
    for (name, text, needles) in cases {
        case(name, "show.toml", Text(text), BUILD, needles);
    }
    case(
        "missing show file",
        "show.toml",
        Missing,
        BUILD,
        &["cannot read", "show.toml"],
    );
}

#[test]
fn skyc_cases() {
    let escape = [(
        "show.json",
        r#"{"version":1,"swarm":{"drones":[{"$ref":"../../etc/passwd"}]}}"#,
    )];
    let cycle = [
        ("show.json", r#"{"version":1,"swarm":{"$ref":"./a.json"}}"#),
        ("a.json", r#"{"$ref":"./b.json"}"#),
        ("b.json", r#"{"$ref":"./a.json"}"#),
    ];
    let no_show = [("other.json", "{}")];
    let v2 = format!(r#"{{"version":2,"swarm":{{"drones":[{DRONE}]}}}}"#);
    let v2z = [("show.json", v2.as_str())];
    let empty = [("show.json", r#"{"version":1,"swarm":{"drones":[]}}"#)];
    let inf = [(
        "show.json",
        r#"{"version":1,"swarm":{"drones":[{"settings":{"trajectory":{"version":1,"points":[[0,[0,0,1e999],[]]]}}}]}}"#,
    )];
    let cut = [("show.json", r#"{"version":1,"#)];
    let no_traj = [(
        "show.json",
        r#"{"version":1,"swarm":{"drones":[{"settings":{}}]}}"#,
    )];
    case(
        "$ref escaping the archive",
        "s.skyc",
        Zip(&escape),
        CHECK,
        &["s.skyc", "escapes the archive"],
    );
    case("cyclic $ref", "s.skyc", Zip(&cycle), CHECK, &["is cyclic"]);
    case(
        "no show.json",
        "s.skyc",
        Zip(&no_show),
        CHECK,
        &["show.json: not in the archive"],
    );
    case(
        "version 2",
        "s.skyc",
        Zip(&v2z),
        CHECK,
        &["only version 1 is supported"],
    );
    case(
        "no drones",
        "s.skyc",
        Zip(&empty),
        CHECK,
        &["the show has no drones"],
    );
    case(
        "infinite coordinate",
        "s.skyc",
        Zip(&inf),
        CHECK,
        &["number out of range"],
    );
    case(
        "truncated JSON",
        "s.skyc",
        Zip(&cut),
        CHECK,
        &["invalid JSON at line 1"],
    );
    case(
        "drone without trajectory",
        "s.skyc",
        Zip(&no_traj),
        CHECK,
        &["every drone needs a trajectory"],
    );
    case(
        "not a zip",
        "s.skyc",
        Bytes(b"PK\x03\x04garbage"),
        CHECK,
        &["damaged ZIP archive"],
    );
    case("missing file", "s.skyc", Missing, CHECK, &["cannot read"]);
    case(
        "bare JSON that is not a show",
        "s.json",
        Text("{\"hello\": 1}".into()),
        CHECK,
        &["s.json"],
    );
}

#[test]
fn other_command_cases() {
    case(
        "transition: missing file",
        "a.csv",
        Missing,
        &["transition", "{f}", "{f}"],
        &["cannot read"],
    );
    case(
        "transition: bad row",
        "a.csv",
        Text("x,y,z\n1,2,three\n".into()),
        &["transition", "{f}", "{f}"],
        &["line 2", "`three` is not a number"],
    );
    case(
        "transition: bad limit",
        "a.csv",
        Text("0,0,10\n".into()),
        &["transition", "{f}", "{f}", "--max-speed-xy=-1"],
        &["`--max-speed-xy -1` is out of range"],
    );
    case(
        "formation: unsupported input",
        "f.docx",
        Text("x".into()),
        &["formation", "{f}", "--drones", "10", "-o", "{o}"],
        &["f.docx"],
    );
    case(
        "render: no time",
        "show.toml",
        Text(show("", FLEET, LINE)),
        &["render", "{f}", "-o", "{o}/x.png"],
        &["say which frame"],
    );
    case(
        "render: bad camera",
        "show.toml",
        Text(show("", FLEET, LINE)),
        &[
            "render",
            "{f}",
            "--at",
            "5",
            "--eye",
            "1,2",
            "--look-at",
            "0,0,0",
            "-o",
            "{o}/x.png",
        ],
        &["`--eye 1,2` is not `x,y,z`"],
    );
    case(
        "beats: not audio",
        "song.mp3",
        Text("not audio".into()),
        &["beats", "{f}"],
        &["song.mp3"],
    );
    case(
        "beats: empty file",
        "song.wav",
        Bytes(b""),
        &["beats", "{f}"],
        &["song.wav"],
    );
}

/// `show.toml:LINE:COL` of the first `marker` in `text`, as the diagnostic prints it.
fn at(text: &str, marker: &str) -> String {
    let i = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not in\n{text}"));
    let before = &text[..i];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    format!("show.toml:{line}:{col}]")
}

#[test]
fn pyro_cases() {
    const AUDIENCE: &str = "[audience]\nazimuth_deg = 180\nline = [[-100, -300], [-100, 300]]";
    const FRONT: &str = "[pyro.front]\ncenter = [150, 0, 0]\nwidth_m = 520\npositions = 5";
    let cue = |extra: &str| {
        format!(
            "{AUDIENCE}\n[pyro]\n{FRONT}\n[[pyro.cue]]\nname = \"c1\"\ntime = 20\nproduct = \"SH100-R\"\n{extra}"
        )
    };
    // (name, top-of-file text, the text the error must point at, needles)
    let cases: Vec<(&str, String, &str, &[&str])> = vec![
        (
            "unknown product",
            cue("").replace("\"SH100-R\"", "\"SH100-RR\""),
            "\"SH100-RR\"",
            &[
                "pyro.cue \"c1\": unknown product \"SH100-RR\"",
                "did you mean \"SH100-R\"",
            ],
        ),
        (
            "calibre out of range",
            format!(
                "{}\n[[pyro.product]]\npart = \"BIG\"\nkind = \"shell\"\ncalibre_mm = 400\nprefire_s = 5\nduration_s = 5\ncolour = \"red\"\neffect = \"huge\"",
                cue("")
            ),
            "400\nprefire_s",
            &[
                "calibre 400 mm is out of range for a shell (50–300 mm)",
                "millimetres",
            ],
        ),
        (
            "negative prefire",
            format!(
                "{}\n[[pyro.override]]\npart = \"SH100-R\"\nprefire_s = -1.5",
                cue("")
            ),
            "-1.5",
            &["product \"SH100-R\": prefire -1.5 s is negative"],
        ),
        (
            "cue before the music starts",
            cue("").replace("time = 20", "time = 1"),
            "1\nproduct",
            &[
                "pyro.cue \"c1\": at position P01, ignition -1.800 s",
                "before the music starts at 0.000 s",
                "move the effect to 2.800 s or later",
            ],
        ),
        (
            "cue before time 0",
            cue("").replace("time = 20", "time = -4"),
            "-4",
            &["`time` is not a valid time"],
        ),
        (
            "too many cues for a module",
            format!(
                "{AUDIENCE}\n[pyro]\n[[pyro.position]]\nname = \"L1\"\nat = [150, 0, 0]\nmodules = [7]\n[[pyro.cue]]\nname = \"c1\"\ntime = 20\nproduct = \"SH075-R\"\ncount = 19"
            ),
            "[[pyro.cue]]",
            &["pyro.cue \"c1\": position L1 has 19 cues but its modules [7] have only 18 pins"],
        ),
        (
            "unknown position",
            cue("positions = [\"P01\", \"P99\"]"),
            "[\"P01\", \"P99\"]",
            &[
                "unknown position `P99`",
                "positions are P01, P02, P03, P04, P05",
            ],
        ),
        (
            "unknown chapter",
            cue("chapter = \"encore\""),
            "\"encore\"",
            &["unknown chapter `encore`", "chapters are c"],
        ),
        (
            "unknown pattern",
            cue("pattern = \"zigzag\""),
            "\"zigzag\"",
            &["unknown pattern \"zigzag\""],
        ),
        (
            "unknown firing system",
            cue("").replace("[pyro]\n", "[pyro]\nsystem = \"pyroblaster\"\n"),
            "\"pyroblaster\"",
            &["unknown system \"pyroblaster\"", "cobra, cobra-3"],
        ),
        (
            "two COBRA scripts",
            cue("").replace(
                "[pyro]\n",
                "[pyro]\nalso_export = [\"firetek\", \"cobra-4\"]\n",
            ),
            "[\"firetek\"",
            &["`cobra-4` is a second script for the same kind of firing system"],
        ),
        (
            "fireworks without an audience line",
            cue("").replace("line = [[-100, -300], [-100, 300]]", ""),
            "[pyro]",
            &["fireworks need the audience's place"],
        ),
        (
            "audience line and zone",
            cue("").replace(
                "line = [[-100, -300], [-100, 300]]",
                "line = [[-100, -300], [-100, 300]]\nzone = [[0, 0], [1, 0], [1, 1]]",
            ),
            "[[0, 0]",
            &["the audience has both a `line` and a `zone`"],
        ),
        (
            "duplicate cue",
            format!(
                "{}\n[[pyro.cue]]\nname = \"c1\"\ntime = 30\nproduct = \"SH100-G\"",
                cue("")
            ),
            "\"c1\"\ntime = 30",
            &["pyro.cue \"c1\" is defined twice"],
        ),
        (
            "element without a label",
            format!(
                "{}\n[[element]]\nkind = \"fountain\"\ntime = 5\nlabel = \" \"",
                cue("")
            ),
            "\" \"",
            &["an element needs a label"],
        ),
    ];
    for (name, top, marker, needles) in cases {
        let text = show(&top, FLEET, LINE);
        let place = at(&text, marker);
        let mut all: Vec<&str> = needles.to_vec();
        all.push(&place);
        case(name, "show.toml", Text(text.clone()), BUILD, &all);
    }
}

/// A file beside the show file of an artwork case.
enum Beside {
    /// A sparse file of this many bytes (no disk used).
    Sparse(u64),
    Data(Vec<u8>),
}

/// Builds `show.toml` = `body` as the only formation with `files` beside it: exit 2,
/// every needle in the English stderr, no output, and the same refusal in Chinese.
fn artwork_case(name: &str, body: &str, files: Vec<(&str, Beside)>, needles: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    for (file, b) in files {
        let p = dir.path().join(file);
        match b {
            Beside::Sparse(n) => std::fs::File::create(&p).unwrap().set_len(n).unwrap(),
            Beside::Data(d) => std::fs::write(&p, d).unwrap(),
        }
    }
    let f = dir.path().join("show.toml");
    std::fs::write(&f, show("", FLEET, body)).unwrap();
    let out = dir.path().join("out");
    let args: Vec<String> = ["build", f.to_str().unwrap(), "-o", out.to_str().unwrap()]
        .map(String::from)
        .to_vec();
    let en = refused(name, "en", &args, &out);
    for n in needles {
        assert!(en.contains(n), "{name}: expected {n:?} in\n{en}");
    }
    common::same_refusal_in_chinese(name, &en, &refused(name, "zh", &args, &out));
}

/// A PNG whose header claims `w` × `h` pixels (no pixel data follows).
fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    let crc = crc32(&ihdr);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&13u32.to_be_bytes());
    png.extend_from_slice(&ihdr);
    png.extend_from_slice(&crc.to_be_bytes());
    png
}

fn crc32(data: &[u8]) -> u32 {
    let mut c = 0xffff_ffffu32;
    for &b in data {
        c ^= b as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xedb8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
    }
    !c
}

#[test]
fn hostile_artwork_cases() {
    const GB: u64 = 1 << 30;
    let text = |font: &str| {
        format!(
            "name = \"t\"\nhold = 10\nshape = \"text\"\ntext = \"A\"\nfont = \"{font}\"\nwidth_m = 40"
        )
    };
    let art = |shape: &str, file: &str| {
        format!("name = \"a\"\nhold = 10\nshape = \"{shape}\"\nfile = \"{file}\"\nwidth_m = 40")
    };
    artwork_case(
        "gigabyte font",
        &text("huge.ttf"),
        vec![("huge.ttf", Beside::Sparse(3 * GB))],
        &[
            "cannot read font file `huge.ttf`",
            "the file is 3072 MB, more than the 256 MB",
        ],
    );
    artwork_case(
        "gigabyte image",
        &art("image", "huge.png"),
        vec![("huge.png", Beside::Sparse(2 * GB))],
        &[
            "cannot read image `huge.png`",
            "the file is 2048 MB, more than the 256 MB",
        ],
    );
    artwork_case(
        "gigabyte SVG",
        &art("svg", "huge.svg"),
        vec![("huge.svg", Beside::Sparse(GB))],
        &["cannot read SVG `huge.svg`", "the file is 1024 MB"],
    );
    artwork_case(
        "gigabyte mesh",
        "name = \"m\"\nhold = 10\nshape = \"mesh\"\nfile = \"huge.stl\"\nsize_m = 40",
        vec![("huge.stl", Beside::Sparse(GB))],
        &["huge.stl", "the file is 1024 MB"],
    );
    artwork_case(
        "image claiming a billion pixels",
        &art("image", "big.png"),
        vec![("big.png", Beside::Data(png_header(100_000, 100_000)))],
        &["image `big.png`", "not an image this program can read"],
    );
    artwork_case(
        "font that is not a font",
        &text("fake.ttf"),
        vec![(
            "fake.ttf",
            Beside::Data(b"\x00\x01\x00\x00garbage".to_vec()),
        )],
        &["font `fake.ttf`", "not a font file this program can read"],
    );
    artwork_case(
        "font with a glyph usvg's font stack panics on",
        &text("bad.ttf"),
        vec![(
            "bad.ttf",
            Beside::Data(
                include_bytes!("../../skyshow-formations/tests/fuzz_regressions/font-56b261b6.ttf")
                    .to_vec(),
            ),
        )],
        &[
            "font `bad.ttf`: glyph ",
            "is malformed: it has no points but",
            "re-save the font",
        ],
    );
    let deep = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">{}<rect width=\"5\" height=\"5\"/>{}</svg>",
        "<g>".repeat(100_000),
        "</g>".repeat(100_000)
    );
    artwork_case(
        "deeply nested SVG",
        &art("svg", "deep.svg"),
        vec![("deep.svg", Beside::Data(deep.into_bytes()))],
        &[
            "SVG `deep.svg`",
            "nests elements 100001 levels deep, more than the 256",
        ],
    );
    artwork_case(
        "SVG entity expansion",
        &art("svg", "laughs.svg"),
        vec![(
            "laughs.svg",
            Beside::Data(
                br#"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>&g;</text></svg>"#.to_vec(),
            ),
        )],
        &["SVG `laughs.svg`", "not a valid SVG"],
    );
    let points = "name = \"p\"\nhold = 10\nshape = \"points\"\npoints = \"p.csv\"";
    for (label, row, needle) in [
        ("NaN in points CSV", "0,0,NaN", "p.csv"),
        ("infinity in points CSV", "inf,0,30", "p.csv"),
        ("huge number in points CSV", "1e300,0,30", "p.csv"),
    ] {
        artwork_case(
            label,
            points,
            vec![(
                "p.csv",
                Beside::Data(format!("x,y,z\n0,0,30\n3,0,30\n{row}\n6,0,30\n").into_bytes()),
            )],
            &[needle, "line 4"],
        );
    }
}

#[test]
fn absurd_numbers_in_the_show_file() {
    let cases: Vec<(&str, String, &[&str])> = vec![
        (
            "infinite hold",
            show("", FLEET, &LINE.replace("hold = 10", "hold = inf")),
            &["show.toml:", "hold"],
        ),
        (
            "NaN start",
            show("", FLEET, &format!("{LINE}\nstart = nan")),
            &["show.toml:", "start"],
        ),
        (
            "start a century away",
            show("", FLEET, &format!("{LINE}\nstart = 3e9")),
            &["show.toml:", "start"],
        ),
        (
            "NaN limit",
            show("[limits]\nmin_distance_m = nan", FLEET, LINE),
            &["`min_distance_m` = NaN is out of range"],
        ),
        (
            "huge speed limit",
            show("[limits]\nmax_speed_xy_m_s = 1e308", FLEET, LINE),
            &["`max_speed_xy_m_s` = 1e308 is out of range"],
        ),
        (
            "negative drone count",
            show("", &FLEET.replace("drones = 4", "drones = -4"), LINE),
            &["`drones` = -4 is out of range"],
        ),
        (
            "integer overflow in a count",
            show(
                "",
                &FLEET.replace("drones = 4", "drones = 99999999999999999999"),
                LINE,
            ),
            &["show.toml:"],
        ),
        (
            "absurd formation count",
            show("", FLEET, &format!("{LINE}\ncount = 1000000000")),
            &["show.toml:", "count"],
        ),
    ];
    for (name, text, needles) in cases {
        case(name, "show.toml", Text(text), BUILD, needles);
    }
}

#[test]
fn gigabyte_inputs_to_every_command() {
    const GB: u64 = 1 << 30;
    case(
        "gigabyte show file",
        "show.toml",
        Sparse(3 * GB),
        BUILD,
        &[
            "cannot read",
            "show.toml",
            "the file is 3072 MB, more than the 256 MB",
        ],
    );
    case(
        "gigabyte .skyc to check",
        "s.skyc",
        Sparse(3 * GB),
        CHECK,
        &[
            "s.skyc",
            "is 3221225472 bytes, more than the 2147483648 bytes `check` reads",
        ],
    );
    case(
        "gigabyte .skyc to render",
        "s.skyc",
        Sparse(3 * GB),
        &["render", "{f}", "--at", "1", "-o", "{o}/x.png"],
        &[
            "cannot read",
            "s.skyc",
            "the file is 3072 MB, more than the 2048 MB",
        ],
    );
    case(
        "gigabyte formation spec",
        "spec.toml",
        Sparse(3 * GB),
        &["formation", "{f}", "--drones", "10", "-o", "{o}/p.csv"],
        &["cannot read", "spec.toml", "the file is 3072 MB"],
    );
}

#[test]
fn hostile_csv_show_cases() {
    case(
        "CSV zip: member path escaping the archive",
        "d.zip",
        Zip(&[("../../etc/Drone 1.csv", "Time_msec,x_m,y_m,z_m\n0,0,0,0\n")]),
        CHECK,
        &[
            "d.zip",
            "../../etc/Drone 1.csv: name: the member name escapes the archive",
        ],
    );
    case(
        "CSV zip: NaN position",
        "d.zip",
        Zip(&[(
            "Drone 1.csv",
            "Time_msec,x_m,y_m,z_m,Red,Green,Blue\n0,0,0,NaN,0,0,0\n",
        )]),
        CHECK,
        &[
            "d.zip",
            "Drone 1.csv: line 2: `z_m` is `NaN`: numbers must be finite",
        ],
    );
    case(
        "CSV zip: time going backwards",
        "d.zip",
        Zip(&[(
            "Drone 1.csv",
            "Time_msec,x_m,y_m,z_m\n0,0,0,0\n500,0,0,1\n250,0,0,2\n",
        )]),
        CHECK,
        &["Drone 1.csv: line 4: `Time_msec` 250 does not come after"],
    );
    case(
        "CSV zip: a show centuries long",
        "d.zip",
        Zip(&[(
            "Drone 1.csv",
            "Time_msec,x_m,y_m,z_m\n0,0,0,0\n1e15,0,0,1\n",
        )]),
        CHECK,
        &["Drone 1.csv: line 3: `Time_msec` is 1000000000000000"],
    );
    case(
        "static CSV: huge coordinate",
        "m.csv",
        Text("Name,x_m,y_m,z_m\nDrone 1,1e300,0,10\n".into()),
        CHECK,
        &["m.csv", "line 2: `x_m` is 1e300 m, beyond the 1e6 m"],
    );
}

/// A glTF whose only primitive is three points (mode 0), buffer embedded.
fn points_gltf() -> String {
    use base64::Engine;
    let mut bin = Vec::new();
    for v in [0f32, 0., 0., 1., 0., 0., 0., 1., 0.] {
        bin.extend_from_slice(&v.to_le_bytes());
    }
    let data = base64::engine::general_purpose::STANDARD.encode(&bin);
    format!(
        r#"{{"asset":{{"version":"2.0"}},"scenes":[{{"nodes":[0]}}],"nodes":[{{"mesh":0}}],
        "meshes":[{{"primitives":[{{"attributes":{{"POSITION":0}},"mode":0}}]}}],
        "buffers":[{{"byteLength":36,"uri":"data:application/octet-stream;base64,{data}"}}],
        "bufferViews":[{{"buffer":0,"byteLength":36}}],
        "accessors":[{{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]}}]}}"#
    )
}

/// An all-black 8 × 8 PNG.
fn black_png() -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, 8, 8);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().unwrap();
        w.write_image_data(&[0u8; 8 * 8 * 3]).unwrap();
    }
    out
}

/// Each kind of bad artwork, through `skyshow formation`: the message names the file and
/// what is wrong with it, and no CSV or PNG is written.
#[test]
fn artwork_cases() {
    let formation = |extra: &[&'static str]| -> Vec<&'static str> {
        let mut a = vec!["formation", "{f}", "--drones", "50", "-o", "{o}/x.png"];
        a.extend_from_slice(extra);
        a
    };
    case(
        "svg: broken",
        "a.svg",
        Text("<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0 L10".into()),
        &formation(&[]),
        &["a.svg", "not a valid SVG"],
    );
    case(
        "svg: empty path",
        "a.svg",
        Text(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><path d=\"\"/></svg>"
                .into(),
        ),
        &formation(&[]),
        &["a.svg", "the SVG draws nothing"],
    );
    case(
        "text: font without the glyph",
        "none.txt",
        Missing,
        &[
            "formation",
            "--text",
            "龙𓀀",
            "--font",
            "Noto Sans CJK SC",
            "--drones",
            "50",
            "-o",
            "{o}/x.png",
        ],
        &[
            "has no glyph for `𓀀` (U+13000)",
            "Noto Sans CJK SC",
            "apt-get install fonts-noto-core",
        ],
    );
    case(
        "obj: no faces",
        "m.obj",
        Text("v 0 0 0\nv 1 0 0\nv 0 1 0\n".into()),
        &formation(&[]),
        &[
            "m.obj",
            "has no faces (3 vertices, 0 triangles)",
            "`--mode vertices`",
        ],
    );
    case(
        "gltf: no faces (points only)",
        "m.gltf",
        Text(points_gltf()),
        &formation(&[]),
        &["m.gltf", "has no faces (3 vertices, 0 triangles)"],
    );
    case(
        "gltf: broken",
        "m.glb",
        Bytes(b"glTF\x02\x00\x00\x00"),
        &formation(&[]),
        &["m.glb", "not a valid glTF file"],
    );
    case(
        "image: no pixel above the threshold",
        "a.png",
        Bytes(&black_png()),
        &formation(&[]),
        &[
            "a.png",
            "no pixel of the image reaches the brightness threshold 0.5",
        ],
    );
    case(
        "svg: shape too small",
        "a.svg",
        Text(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>"
                .into(),
        ),
        &formation(&["--width", "5", "--min-distance", "3"]),
        &[
            "closer than the 3 m minimum distance",
            "the smallest size that holds these drones at 3 m",
            "`--width` ≥ 22",
        ],
    );
}
