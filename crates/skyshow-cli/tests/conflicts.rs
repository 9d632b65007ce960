//! The designer's loop: every timing conflict of a show in one run, each with fixes in the
//! show file's own terms (`bar.beat`, `"N bars"`), and `start = "next bar"` /
//! `"next beat"`, which leave the bar or beat to the planner.

mod common;

use common::{build, built, click_track, report, show_with_head, stderr};

/// A formation of the test show: a ring, a line or a grid at 40 m, alternating so that
/// every transition takes a while.
fn formation(i: usize, start: &str, hold: &str) -> String {
    let shape = match i % 3 {
        0 => "shape = \"circle\"\nradius_m = 25",
        1 => "shape = \"line\"\nlength_m = 80",
        _ => "shape = \"grid\"\nwidth_m = 12\nheight_m = 12",
    };
    let start = if start.is_empty() {
        String::new()
    } else {
        format!("start = \"{start}\"\n")
    };
    format!(
        "[[chapter.formation]]\nname = \"f{i}\"\n{start}hold = \"{hold}\"\n{shape}\ncenter = [0, {}, 40]\ncolor = \"red\"\n",
        if i.is_multiple_of(2) { 0 } else { 30 }
    )
}

fn show(formations: &[String]) -> String {
    show_with_head("[music]\nfile = \"m.wav\"", &formations.concat())
}

/// The `bar.beat` a conflict's hint suggests for formation `name`.
fn suggested_start(err: &str, name: &str) -> String {
    let at = err
        .find(&format!("formation `{name}` starts at"))
        .unwrap_or_else(|| panic!("no conflict for {name} in:\n{err}"));
    let rest = &err[at..];
    let hint = &rest[rest.find("start it at bar ").expect("a bar.beat fix")..];
    hint.split("`start = \"")
        .nth(1)
        .and_then(|t| t.split('"').next())
        .expect("the fix as a show-file value")
        .to_string()
}

/// Three formations asked to start too early (a few seconds short of their transitions),
/// two between them on time: one run names all three with a `bar.beat` that works and a
/// shorter hold in bars for the formation before; writing the starts in builds valid.
#[test]
fn every_conflict_in_one_run_and_its_fixes_build() {
    let dir = tempfile::tempdir().unwrap();
    click_track(dir.path(), "m.wav", 200.0, 120.0);
    // 120 BPM in 4/4 from the click at 0:00 (bar 1): a bar is 2 s, bar n starts at
    // 2 (n − 1) s; every formation holds 4 bars (8 s) and the transitions take 10–14 s. f1,
    // f3 and f5 come 2–6 s too early; f2 and f4 have time to spare.
    let starts = ["", "29.1", "42.1", "51.1", "64.1", "71.1"];
    let mut fs: Vec<String> = starts
        .iter()
        .enumerate()
        .map(|(i, s)| formation(i, s, "4 bars"))
        .collect();
    let (o, out) = build(dir.path(), &show(&fs), &["--no-csv", "--no-vviz"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(!out.join("show.skyc").exists(), "no output on error");
    assert!(
        err.contains("3 formations start before the transitions into them are done"),
        "{err}"
    );
    for name in ["f1", "f3", "f5"] {
        assert!(
            err.contains(&format!("formation `{name}` starts at")),
            "{err}"
        );
    }
    for name in ["f2", "f4"] {
        assert!(
            !err.contains(&format!("formation `{name}` starts at")),
            "{err}"
        );
    }
    // Each points at its place in the show file.
    assert!(err.contains("show.toml"), "{err}");
    // The other fix, in bars: a shorter hold for the formation before.
    assert!(
        err.contains("shorten the hold of `f0` to `hold = \"2 bars\"`"),
        "{err}"
    );

    for (i, name) in [(1, "f1"), (3, "f3"), (5, "f5")] {
        let fix = suggested_start(&err, name);
        let (bar, beat) = fix.split_once('.').expect("bar.beat");
        assert!(
            bar.parse::<u32>().is_ok() && beat.parse::<u32>().is_ok(),
            "{fix}"
        );
        fs[i] = formation(i, &fix, "2 bars");
    }
    let dir2 = tempfile::tempdir().unwrap();
    click_track(dir2.path(), "m.wav", 200.0, 120.0);
    let out = built(dir2.path(), &show(&fs), &["--no-csv", "--no-vviz"]);
    assert_eq!(report(&out)["valid"], true);
}

/// `start = "next bar"` / `"next beat"`: the formation starts on the first bar or beat at
/// which its drones can be in place.
#[test]
fn next_bar_and_next_beat_land_on_the_grid() {
    let dir = tempfile::tempdir().unwrap();
    click_track(dir.path(), "m.wav", 90.0, 120.0);
    let fs = [
        formation(0, "", "2 bars"),
        formation(1, "next bar", "3 beats"),
        formation(2, "next beat", "1 bar"),
    ];
    let out = built(dir.path(), &show(&fs), &["--no-csv", "--no-vviz"]);
    let r = report(&out);
    let starts: Vec<f64> = r["formations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["start_s"].as_f64().unwrap())
        .collect();
    // Clicks at 120 BPM from 0:00: beats every 0.5 s, bars every 2 s.
    let on = |t: f64, step: f64| ((t / step).round() * step - t).abs() < 0.02;
    assert!(on(starts[1], 2.0), "f1 at {} is not on a bar", starts[1]);
    assert!(on(starts[2], 0.5), "f2 at {} is not on a beat", starts[2]);
    // And as early as that: one grid step earlier the transition was not done.
    let tr = r["transitions"].as_array().unwrap();
    // (f0 holds 2 bars = 4 s, f1 3 beats = 1.5 s; a hold lasts longer only to wait.)
    for (k, step, prev_hold) in [(1, 2.0, 4.0), (2, 0.5, 1.5)] {
        let prev_end = starts[k - 1] + prev_hold;
        let into = tr
            .iter()
            .find(|t| t["to"] == format!("f{k}"))
            .unwrap_or_else(|| panic!("no transition into f{k}: {tr:?}"));
        let needed = into["duration_s"].as_f64().unwrap();
        assert!(
            starts[k] - step < prev_end + needed,
            "{k}: {starts:?} {tr:?}"
        );
        assert!(
            starts[k] >= prev_end + needed - 0.002,
            "{k}: {starts:?} {tr:?}"
        );
    }
}

/// `"next bar"` without music says it needs music, pointing at the value.
#[test]
fn next_bar_without_music_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let body = [formation(0, "", "4"), formation(1, "next bar", "4")].concat();
    let show = show_with_head("", &body.replace("hold = \"4\"", "hold = 4"));
    let (o, _) = build(dir.path(), &show, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains(
            "`start = \"next bar\"` waits for the music's grid but the show has no `[music]`"
        ),
        "{err}"
    );
    assert!(err.contains("add `[music]`"), "{err}");
}

/// The show file's musical words that do not fit the music are errors with exit 2 that
/// point at the value and say what would work: a unit that does not exist (with the one
/// meant), a bar past the end of the music (with how many bars it has), and music in which
/// no beats can be found.
#[test]
fn musical_words_that_do_not_fit_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    click_track(dir.path(), "m.wav", 20.0, 120.0);
    common::write(
        dir.path(),
        "silence.wav",
        skyshow_music::TestTrack {
            sample_rate: 22_050,
            samples: vec![0.0; 22_050 * 5],
            beats_s: Vec::new(),
            downbeats_s: Vec::new(),
        }
        .to_wav(),
    );
    let with = |music: &str, f1: &str| {
        show_with_head(
            &format!("[music]\nfile = \"{music}\""),
            &[formation(0, "", "2 bars"), f1.to_string()].concat(),
        )
    };
    let cases = [
        (
            with("m.wav", &formation(1, "", "8 measures")),
            "`measures` is not a unit",
            "write `\"8 bars\"`",
        ),
        (
            with("m.wav", &formation(1, "40.1", "2 bars")),
            "bar 40 beat 1 is past the end of the music (it has ",
            "\"40.1\"",
        ),
        (
            with("silence.wav", &formation(1, "", "2 bars")),
            "no beats found",
            "silence.wav",
        ),
    ];
    for (show, message, also) in cases {
        let (o, out) = build(dir.path(), &show, &["--no-csv", "--no-vviz"]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.contains(message), "{message}: {err}");
        assert!(err.contains(also), "{also}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(!out.join("show.skyc").exists());
    }
}
