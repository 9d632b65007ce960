//! Every reader error and finding says the same in Chinese as in English: each broken file
//! below is read, and its error (or each finding) rendered in both languages must carry
//! the same figures, and the Chinese must be Chinese with no English prose outside code,
//! quotes, paths and the other programs' own words (which the messages put in code).

use std::io::{Cursor, Write};

use skyshow_i18n::{Lang, Message, english_run, figures, has_chinese};
use skyshow_skyc::{
    ReadOptions, read_show_json, read_skybrush_csv_zip, read_skybrush_static_csv, read_skyc,
    read_vviz,
};
use zip::ZipWriter;
use zip::write::SimpleFileOptions;

fn zip_of(members: &[(&str, &str)]) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in members {
        w.start_file(*name, SimpleFileOptions::default()).unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A one-drone show.json whose drone settings are `settings`.
fn show(settings: &str) -> String {
    format!(
        r#"{{"version": 1, "swarm": {{"drones": [{{"type": "generic", "settings": {settings}}}]}}}}"#
    )
}

const TRAJ: &str =
    r#""trajectory": {"version": 1, "points": [[0, [0, 0, 0], []], [5, [0, 0, 5], []]]}"#;

/// Checks one message in both languages.
fn same_in_chinese(case: &str, m: &Message) {
    let (en, zh) = (m.render(Lang::En), m.render(Lang::Zh));
    assert_eq!(figures(&en), figures(&zh), "{case}: figures\n{en}\n{zh}");
    assert!(has_chinese(&zh), "{case}: no Chinese in\n{zh}");
    assert_eq!(english_run(&zh), None, "{case}: English in\n{zh}");
}

#[test]
fn reader_errors_in_both_languages() {
    let opts = ReadOptions::DEFAULT;
    let json = |s: &str| read_show_json(s.as_bytes(), &opts).map(|_| ());
    let cases: Vec<(&str, Result<(), skyshow_skyc::SkycError>)> = vec![
        ("not a zip", read_skyc(b"hello", &opts).map(|_| ())),
        ("gzip", read_skyc(&[0x1f, 0x8b, 8, 0], &opts).map(|_| ())),
        ("empty", read_skyc(b"", &opts).map(|_| ())),
        (
            "no show.json",
            read_skyc(&zip_of(&[("x/show.json", "{}")]), &opts).map(|_| ()),
        ),
        ("truncated JSON", json(r#"{"version": 1, "swarm": "#)),
        ("bad JSON", json(r#"{"version": 1,, }"#)),
        ("not an object", json("[1, 2]")),
        ("no version", json(r#"{"swarm": {"drones": []}}"#)),
        ("version 2", json(r#"{"version": 2}"#)),
        ("no swarm", json(r#"{"version": 1}"#)),
        ("no drones", json(r#"{"version": 1, "swarm": {"drones": []}}"#)),
        ("no trajectory", json(&show("{}"))),
        (
            "trajectory version",
            json(&show(r#"{"trajectory": {"version": 3, "points": []}}"#)),
        ),
        (
            "no points",
            json(&show(r#"{"trajectory": {"version": 1, "points": []}}"#)),
        ),
        (
            "bad point",
            json(&show(
                r#"{"trajectory": {"version": 1, "points": [[0, [0, 0]]]}}"#,
            )),
        ),
        (
            "huge time",
            json(&show(
                r#"{"trajectory": {"version": 1, "points": [[1e300, [0, 0, 0], []]]}}"#,
            )),
        ),
        (
            "takeoff time",
            json(&show(
                r#"{"trajectory": {"version": 1, "takeoffTime": "soon", "points": [[0, [0, 0, 0], []]]}}"#,
            )),
        ),
        (
            "escaping ref",
            json(&show(r#"{"trajectory": {"$ref": "../x.json"}}"#)),
        ),
        (
            "ref in a bare show.json",
            json(&show(r#"{"trajectory": {"$ref": "./t.json"}}"#)),
        ),
        (
            "cyclic ref",
            json(&format!(
                r##"{{"version": 1, "a": {{"$ref": "#/b"}}, "b": {{"$ref": "#/a"}}, "swarm": {{"drones": [{{"settings": {{{TRAJ}}}}}]}}}}"##
            )),
        ),
        (
            "CSV zip: NaN",
            read_skybrush_csv_zip(
                &zip_of(&[("d.csv", "Time_msec,x_m,y_m,z_m\n0,0,0,NaN\n")]),
                &opts,
            )
            .map(|_| ()),
        ),
        (
            "CSV zip: backwards",
            read_skybrush_csv_zip(
                &zip_of(&[("d.csv", "Time_msec,x_m,y_m,z_m\n5,0,0,0\n4,0,0,1\n")]),
                &opts,
            )
            .map(|_| ()),
        ),
        (
            "CSV zip: no column",
            read_skybrush_csv_zip(&zip_of(&[("d.csv", "Time_msec,x_m\n0,0\n")]), &opts)
                .map(|_| ()),
        ),
        (
            "static CSV: no rows",
            read_skybrush_static_csv(b"Name,x_m,y_m,z_m\n", &opts).map(|_| ()),
        ),
        (
            "static CSV: colour",
            read_skybrush_static_csv(b"Name,x_m,y_m,z_m,Red,Green,Blue\na,0,0,0,300,0,0\n", &opts)
                .map(|_| ()),
        ),
        (
            "VVIZ: frame",
            read_vviz(br#"{"coordinateFrame": "xyz", "performances": []}"#, &opts).map(|_| ()),
        ),
        (
            "VVIZ: no rate",
            read_vviz(br#"{"coordinateFrame": "ogl", "performances": []}"#, &opts).map(|_| ()),
        ),
        (
            "VVIZ: empty",
            read_vviz(
                br#"{"coordinateFrame": "ogl", "defaultPositionRate": 4, "defaultColorRate": 4, "performances": []}"#,
                &opts,
            )
            .map(|_| ()),
        ),
    ];
    for (case, r) in cases {
        let e = r.expect_err(case);
        same_in_chinese(case, &e.message());
    }
}

#[test]
fn findings_in_both_languages() {
    let opts = ReadOptions::DEFAULT;
    let files = [
        // no control-point list, time standing still and going back, too many controls
        show(
            r#"{"trajectory": {"version": 1, "points": [[0, [0, 0, 0]], [1, [0, 0, 1], []], [1, [0, 0, 1], []],
                [0.5, [0, 0, 1], []], [2, [0, 0, 2], [[0, 0, 1], [0, 0, 1], [0, 0, 2]]]]}}"#,
        ),
        // lights missing; then lights of another version, undecodable, without END
        show(&format!("{{{TRAJ}}}")),
        show(&format!(
            r#"{{{TRAJ}, "lights": {{"version": 2, "data": "AA=="}}}}"#
        )),
        show(&format!(
            r#"{{{TRAJ}, "lights": {{"version": 1, "data": "/wA="}}}}"#
        )),
        show(&format!(
            r#"{{{TRAJ}, "lights": {{"version": 1, "data": "Bwo="}}}}"#
        )),
        show(&format!(
            r#"{{{TRAJ}, "lights": {{"version": 1, "data": "%%%"}}}}"#
        )),
        // home, pyro, validation, cues, environment, geofence, audio
        format!(
            r#"{{"version": 1, "environment": {{"type": "mars"}},
               "settings": {{"validation": {{"maxAltitude": -3}}, "cues": {{"items": [{{"name": "a"}}]}},
                             "geofence": {{"version": 1, "action": "explode", "polygons": [{{"points": [[0, 0], [1, 1]]}}]}}}},
               "media": {{"audio": {{"data": 5}}}},
               "swarm": {{"drones": [{{"settings": {{{TRAJ}, "home": "here", "pyro": 3,
                   "lights": {{"version": 1, "data": "BwoA"}}}}}}]}}}}"#
        ),
    ];
    let mut seen = 0;
    for f in &files {
        let r = read_show_json(f.as_bytes(), &opts).unwrap_or_else(|e| panic!("{e}\n{f}"));
        for finding in &r.findings {
            same_in_chinese(finding.rule, &finding.message);
            seen += 1;
        }
    }
    assert!(
        seen >= 14,
        "the files give the findings they were made for: {seen}"
    );
}
