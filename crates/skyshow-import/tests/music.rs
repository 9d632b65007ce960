//! `[music]`, `[[cue]]`, musical times and light effects in the show file: a planted click
//! track gives known bar times; bad audio and bad times are errors at the right place.

use std::path::{Path, PathBuf};

use skyshow_import::{ImportError, LoadedShow};
use skyshow_model::{EffectKind, Every};
use skyshow_music::{TrackSpec, synthesize};

/// A 16-bit mono PCM WAV file; `format` 1 is PCM, anything else a codec tag.
fn wav(samples: &[f32], rate: u32, format: u16) -> Vec<u8> {
    let data: Vec<u8> = samples
        .iter()
        .flat_map(|s| ((s.clamp(-1.0, 1.0) * 32767.0).round() as i16).to_le_bytes())
        .collect();
    let mut b = Vec::new();
    b.extend_from_slice(b"RIFF");
    b.extend_from_slice(&(36 + data.len() as u32).to_le_bytes());
    b.extend_from_slice(b"WAVEfmt ");
    b.extend_from_slice(&16u32.to_le_bytes());
    b.extend_from_slice(&format.to_le_bytes());
    b.extend_from_slice(&1u16.to_le_bytes());
    b.extend_from_slice(&rate.to_le_bytes());
    b.extend_from_slice(&(rate * 2).to_le_bytes());
    b.extend_from_slice(&2u16.to_le_bytes());
    b.extend_from_slice(&16u16.to_le_bytes());
    b.extend_from_slice(b"data");
    b.extend_from_slice(&(data.len() as u32).to_le_bytes());
    b.extend_from_slice(&data);
    b
}

fn clicks() -> Vec<u8> {
    // 30 s at 120 BPM, first beat (bar 1) at 0.5 s: bar n beat k at 0.5 + 2 (n − 1) + 0.5 (k − 1).
    let t = synthesize(&TrackSpec::clicks(120.0));
    wav(&t.samples, t.sample_rate, 1)
}

fn folder(test: &str, files: &[(&str, Vec<u8>)]) -> PathBuf {
    let d = std::env::temp_dir().join(format!("skyshow-music-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    for (name, bytes) in files {
        std::fs::write(d.join(name), bytes).unwrap();
    }
    d
}

fn show(extra_top: &str, formation_extra: &str, tail: &str) -> String {
    format!(
        "title = \"t\"\n{extra_top}\n[fleet]\ndrones = 9\n[fleet.grid]\nrows = 3\ncolumns = 3\nspacing_m = 4\n[[chapter]]\nname = \"c\"\n[[chapter.formation]]\nname = \"a\"\nhold = 10\nshape = \"circle\"\nradius_m = 10\ncenter = [0, 0, 30]\n{formation_extra}\n{tail}\n"
    )
}

fn load(dir: &Path, text: &str) -> Result<LoadedShow, ImportError> {
    LoadedShow::from_text("show.toml", text, dir)
}

/// The message, the hint and the show-file line the error points at.
fn error(dir: &Path, text: &str) -> (String, String, String) {
    let e = load(dir, text).unwrap_err();
    let ImportError::ShowFile(e) = e else {
        panic!("{e:?}")
    };
    let at = text[e.offset()..].lines().next().unwrap_or("").to_string();
    (e.message().to_string(), e.hint().unwrap_or_default(), at)
}

const MUSIC: &str = "[music]\nfile = \"m.wav\"";

#[test]
fn bar_beat_cues_and_snap_land_on_the_planted_beats() {
    let dir = folder("ok", &[("m.wav", clicks())]);
    let text = show(
        MUSIC,
        "start = \"5.1\"",
        "[[cue]]\nname = \"drop\"\ntime = \"9.3\"\n\
         [[cue]]\nname = \"late\"\ntime = 22.2\nsnap = \"bar\"\n\
         [[light]]\neffect = \"pulse\"\ncolor = \"gold\"\nevery = \"2 beats\"\nstart = \"drop\"\nend = \"late\"\n\
         [[light]]\neffect = \"strobe\"\ncolor = \"white\"\nstart = 3.1\nsnap = \"beat\"\nduration = 2\nformation = \"a\"\npoints = [\"1-3\"]\nregion = [0, 0, 0.5, 1]",
    );
    let l = load(&dir, &text).unwrap();
    let d = &l.design;
    let m = d.music.as_ref().unwrap();
    assert_eq!(m.media_type, "audio/wav");
    assert!((m.tempo_bpm - 120.0).abs() < 1.0, "{}", m.tempo_bpm);
    let near = |a: f64, b: f64| (a - b).abs() < 0.03;
    let start = d.formations[0].start_s.unwrap();
    assert!(near(start, 8.5), "bar 5 beat 1 at {start}");
    let p = &d.lights[0];
    assert!(near(p.start_s.unwrap(), 0.5 + 16.0 + 1.0), "drop = 9.3");
    // 22.2 s snapped to the nearest bar start (22.5 s).
    assert!(near(p.end_s.unwrap(), 22.5), "{:?}", p.end_s);
    assert!(matches!(
        p.kind,
        EffectKind::Pulse {
            every: Every::Beats(2),
            ..
        }
    ));
    let s = &d.lights[1];
    assert!(near(s.start_s.unwrap(), 3.0), "3.1 s snapped to a beat");
    assert!(near(s.end_s.unwrap(), 5.0));
    assert_eq!(s.target.points, vec![(1, 3)]);
    assert_eq!(s.target.formation, Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_music_and_bad_times_say_what_and_where() {
    let noise = "xx".repeat(500);
    let dir = folder(
        "bad",
        &[
            ("m.wav", clicks()),
            ("silence.wav", wav(&vec![0.0; 22_050 * 10], 22_050, 1)),
            ("corrupt.wav", {
                let mut b = b"RIFF\x10\x00\x00\x00WAVEfmt ".to_vec();
                b.extend_from_slice(noise.as_bytes());
                b
            }),
            ("unknown.wav", wav(&vec![0.1; 22_050], 22_050, 0x1234)),
            ("notes.txt", b"these are not sounds".to_vec()),
        ],
    );
    let with = |file: &str| show(&format!("[music]\nfile = \"{file}\""), "", "");
    let cases: Vec<(String, &str, &str)> = vec![
        (
            with("missing.wav"),
            "cannot read the music `missing.wav`",
            "\"missing.wav\"",
        ),
        (
            with("corrupt.wav"),
            "the music `corrupt.wav` cannot be used",
            "\"corrupt.wav\"",
        ),
        (
            with("notes.txt"),
            "the music `notes.txt` cannot be used",
            "\"notes.txt\"",
        ),
        (
            with("unknown.wav"),
            "unknown or unsupported audio codec",
            "\"unknown.wav\"",
        ),
        (with("silence.wav"), "no beats found", "\"silence.wav\""),
        (
            show(MUSIC, "start = \"500.1\"", ""),
            "past the end of the music",
            "\"500.1\"",
        ),
        (
            show(MUSIC, "start = \"4.7\"", ""),
            "a bar has 4 beats",
            "\"4.7\"",
        ),
        (show("", "start = \"33.1\"", ""), "no `[music]`", "\"33.1\""),
        (
            show(MUSIC, "start = \"chorus\"", ""),
            "neither a time nor a cue",
            "\"chorus\"",
        ),
        (
            show("", "start = 3\nsnap = \"beat\"", ""),
            "`snap` needs the show's `[music]`",
            "\"beat\"",
        ),
        (
            show(MUSIC, "snap = \"bar\"", ""),
            "`snap` needs `start`",
            "\"bar\"",
        ),
        (
            show(MUSIC, "[[chapter.formation.light]]\neffect = \"laser\"", ""),
            "unknown effect `laser`",
            "\"laser\"",
        ),
        (
            show(
                "",
                "[[chapter.formation.light]]\neffect = \"pulse\"\ncolor = \"red\"",
                "",
            ),
            "beat effects need the show's `[music]`",
            "\"pulse\"",
        ),
        (
            show(
                "",
                "",
                "[[light]]\neffect = \"solid\"\ncolor = \"red\"\nstart = 2",
            ),
            "needs `start` and `end`",
            "\"solid\"",
        ),
    ];
    for (text, message, at) in cases {
        let (m, hint, line) = error(&dir, &text);
        assert!(m.contains(message), "{m:?} should say {message:?}");
        assert_eq!(line.trim(), at, "{m}: points at the value");
        assert!(!hint.is_empty(), "{m}: a hint");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn musical_lengths_count_the_planted_beats() {
    let dir = folder("lengths", &[("m.wav", clicks())]);
    // Bar n starts at 0.5 + 2 (n − 1): bar 3 at 4.5 s.
    let text = show(
        MUSIC,
        "start = \"3.1\"\nhold = \"4 bars\"\n\
         [[chapter.formation.light]]\neffect = \"solid\"\ncolor = \"red\"\nfade_in = \"1 beat\"\nfade_out_s = \"2 beats\"\n\
         [[chapter.formation]]\nname = \"b\"\nhold = \"2 bars\"\nshape = \"circle\"\nradius_m = 12\ncenter = [0, 0, 30]\n\
         [[chapter.formation.light]]\neffect = \"solid\"\ncolor = \"blue\"\nfade_in = \"2 beats\"",
        "[[light]]\neffect = \"solid\"\ncolor = \"gold\"\nstart = \"2.1\"\nduration = \"4 beats\"\nfade_out = \"1 bar\"",
    );
    // `show` puts `hold = 10` first: drop it so the musical hold is the only one.
    let text = text.replacen("hold = 10\n", "", 1);
    let l = load(&dir, &text).unwrap();
    let d = &l.design;
    let near = |a: f64, b: f64| (a - b).abs() < 0.03;
    let a = &d.formations[0];
    assert!(near(a.start_s.unwrap(), 4.5), "{:?}", a.start_s);
    assert!(near(a.hold_s, 8.0), "4 bars = 8 s, got {}", a.hold_s);
    assert_eq!(a.hold_music, None, "resolved at import");
    // Formation `b` has no start: its hold is counted by the planner.
    let b = &d.formations[1];
    assert_eq!(b.hold_music.map(|m| m.to_string()), Some("2 bars".into()));
    let red = &d.lights[0];
    assert!(red.start_s.is_none());
    assert_eq!(
        red.fade_in_music.map(|m| m.to_string()),
        Some("1 beat".into())
    );
    assert_eq!(
        red.fade_out_music.map(|m| m.to_string()),
        Some("2 beats".into())
    );
    let gold = d.lights.iter().find(|l| l.start_s.is_some()).unwrap();
    assert!(near(gold.start_s.unwrap(), 2.5));
    assert!(near(gold.end_s.unwrap(), 4.5), "4 beats after 2.5 s");
    assert!(near(gold.fade_out_s, 2.0), "1 bar before 4.5 s");
    assert_eq!(gold.fade_out_music, None);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_musical_lengths_say_what_and_where() {
    let dir = folder("badlengths", &[("m.wav", clicks())]);
    // (top, formation keys, message, hint, the start of the text the error points at)
    let cases: [(&str, &str, &str, &str, &str); 5] = [
        (
            "",
            "start = 1\nhold = \"8 bars\"",
            "counts beats but the show has no `[music]`",
            "add `[music]`",
            "\"8 bars\"",
        ),
        (
            MUSIC,
            "start = \"12.1\"\nhold = \"8 bars\"",
            "`8 bars` from 0:22.500 does not fit the music's beats",
            "shorten it",
            "\"8 bars\"",
        ),
        (
            MUSIC,
            "hold = \"0 bars\"",
            "`0 bars` is not a length",
            "positive number",
            "\"0 bars\"",
        ),
        (
            MUSIC,
            "[[chapter.formation.light]]\neffect = \"solid\"\ncolor = \"red\"\nduration = \"4 beats\"",
            "`duration` needs `start`",
            "",
            "[[chapter.formation.light]]",
        ),
        (
            MUSIC,
            "[[chapter.formation.light]]\neffect = \"solid\"\ncolor = \"red\"\nstart = \"14.1\"\nduration = \"3 bars\"",
            "does not fit the music's beats",
            "give the length in seconds",
            "\"3 bars\"",
        ),
    ];
    for (top, formation, why, hint, place) in cases {
        let text = show(top, formation, "");
        let text = if formation.contains("hold") {
            text.replacen("hold = 10\n", "", 1)
        } else {
            text
        };
        let (m, h, at) = error(&dir, &text);
        assert!(m.contains(why), "{m}");
        assert!(h.contains(hint), "{h}");
        assert!(at.starts_with(place), "{at}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every name a user types that does not exist gets the nearest one that does, in a hint
/// that fits the error: musical units, cues, keys, colours, effects, shapes and modes.
#[test]
fn misspelt_names_get_did_you_mean() {
    let dir = folder("didyoumean", &[("m.wav", clicks())]);
    let cue = "[music]\nfile = \"m.wav\"\n[[cue]]\nname = \"drop\"\ntime = \"9.3\"";
    // (top, formation keys, tail, message, hint, the start of the text the error points at)
    let cases: [(&str, &str, &str, &str, &str, &str); 9] = [
        (
            MUSIC,
            "hold = \"8 measures\"",
            "",
            "`hold` is not a valid length: `8 measures` is no musical length: `measures` is not a unit",
            "write `\"8 bars\"`",
            "\"8 measures\"",
        ),
        (
            MUSIC,
            "hold = \"1 measure\"",
            "",
            "`measure` is not a unit",
            "write `\"1 bar\"`",
            "\"1 measure\"",
        ),
        (
            MUSIC,
            "hold = \"4 beets\"",
            "",
            "`beets` is not a unit",
            "write `\"4 beats\"`",
            "\"4 beets\"",
        ),
        (
            MUSIC,
            "hold = \"4 furlongs\"",
            "",
            "`furlongs` is not a unit",
            "musical lengths count `bars` or `beats` (`\"8 bars\"`",
            "\"4 furlongs\"",
        ),
        (
            cue,
            "start = \"Drop\"",
            "",
            "`Drop` is neither a time nor a cue",
            "did you mean the cue `drop`?",
            "\"Drop\"",
        ),
        (
            "",
            "colour = \"red\"",
            "",
            "unknown field `colour`",
            "did you mean `color`? see docs/show-file.md",
            "colour",
        ),
        (
            "",
            "color = \"gren\"",
            "",
            "unknown colour `gren` (did you mean `green`?)",
            "use a palette name",
            "\"gren\"",
        ),
        (
            "",
            "",
            "[[light]]\neffect = \"twinkel\"",
            "unknown effect `twinkel`",
            "did you mean `twinkle`?",
            "\"twinkel\"",
        ),
        (
            "",
            "",
            "[[light]]\neffect = \"solid\"\ncolor = \"red\"\nstart = 0\nend = 5\nblend = \"multiplly\"",
            "unknown blend `multiplly`",
            "did you mean `multiply`?",
            "\"multiplly\"",
        ),
    ];
    for (top, formation, tail, why, hint, place) in cases {
        let text = show(top, formation, tail);
        let text = if formation.contains("hold") {
            text.replacen("hold = 10\n", "", 1)
        } else {
            text
        };
        let (m, h, at) = error(&dir, &text);
        assert!(m.contains(why), "{m}");
        assert!(h.contains(hint), "{h}");
        assert!(at.starts_with(place), "{at}");
    }
    // A shape: the formation's own list of shapes.
    let text = show("", "", "").replacen("shape = \"circle\"", "shape = \"cirle\"", 1);
    let (m, h, _) = error(&dir, &text);
    assert!(m.contains("cirle"), "{m}");
    assert!(h.contains("did you mean `circle`?"), "{h}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_animations_say_what_and_where() {
    let mut still = Vec::new();
    image::RgbImage::from_pixel(4, 4, image::Rgb([9, 9, 9]))
        .write_to(
            &mut std::io::Cursor::new(&mut still),
            image::ImageFormat::Png,
        )
        .unwrap();
    let dir = folder(
        "badanim",
        &[
            ("bad.gif", b"GIF89a\x04\x00\x04\x00 not really".to_vec()),
            ("still.png", still),
        ],
    );
    let fx = "[[chapter.formation.light]]\neffect = \"image\"\n";
    let cases = [
        (
            "frames = \"clip/f.png\"\nframe_count = 2",
            "`frames` needs one place for the frame number",
            "\"clip/f.png\"",
        ),
        (
            "frames = \"clip/f_*.png\"",
            "`frames` needs `frame_count`",
            "\"clip/f_*.png\"",
        ),
        (
            "frames = \"clip/f_*.png\"\nframe_count = 2",
            "frame 1 of the sequence: cannot read `clip/f_1.png`",
            "\"clip/f_*.png\"",
        ),
        (
            "file = \"still.png\"\nframes = \"f_*.png\"",
            "give either `file` or `frames`",
            "\"f_*.png\"",
        ),
        (
            "file = \"bad.gif\"",
            "`bad.gif` is not a readable PNG, JPEG or GIF",
            "\"bad.gif\"",
        ),
        (
            "file = \"still.png\"\nfps = 12",
            "`still.png` is a still picture",
            "12",
        ),
    ];
    for (keys, why, place) in cases {
        let text = show("", &format!("{fx}{keys}"), "");
        let (m, h, at) = error(&dir, &text);
        assert!(m.contains(why), "{m}");
        assert!(at.starts_with(place), "{at}");
        if why.contains("not a readable") {
            assert!(h.contains("numbered sequence of PNG pictures"), "{h}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn effect_parameters_take_musical_lengths() {
    let dir = folder("paramlengths", &[("m.wav", clicks())]);
    // 120 BPM: a beat is 0.5 s, a bar 2 s.
    let text = show(
        MUSIC,
        "[[chapter.formation.light]]\neffect = \"pulse\"\ncolor = \"red\"\ndecay_s = \"0.5 beats\"",
        "[[light]]\neffect = \"pulse\"\ncolor = \"gold\"\nstart = \"2.1\"\nduration = \"4 beats\"\ndecay_s = \"1 beat\"\n\
         [[light]]\neffect = \"strobe\"\ncolor = \"white\"\nstart = \"2.1\"\nduration = \"4 beats\"\non_s = \"0.1 beats\"\n\
         [[light]]\neffect = \"twinkle\"\ncolor = \"white\"\nstart = \"2.1\"\nduration = \"4 beats\"\nflash_s = \"0.5 beats\"\n\
         [[light]]\neffect = \"wave\"\ncolors = [\"red\", \"blue\"]\naxis = \"up\"\nstart = \"2.1\"\nduration = \"4 beats\"\nperiod_s = \"2 bars\"\n\
         [[light]]\neffect = \"pulse\"\ncolor = \"blue\"\nstart = 1\nend = 3\ndecay_s = 0.3",
    );
    let l = load(&dir, &text).unwrap();
    let near = |a: f64, b: f64| (a - b).abs() < 0.02;
    let kinds: Vec<&EffectKind> = l.design.lights.iter().map(|e| &e.kind).collect();
    let EffectKind::Pulse { decay_s, .. } = kinds[0] else {
        panic!("{:?}", kinds[0])
    };
    // No start yet (the formation's hold): counted at the main tempo.
    assert!(near(*decay_s, 0.25), "{decay_s}");
    let EffectKind::Pulse { decay_s, .. } = kinds[1] else {
        panic!("{:?}", kinds[1])
    };
    assert!(near(*decay_s, 0.5), "{decay_s}");
    let EffectKind::Strobe { on_s, .. } = kinds[2] else {
        panic!("{:?}", kinds[2])
    };
    assert!(near(*on_s, 0.05), "{on_s}");
    let EffectKind::Twinkle { flash_s, .. } = kinds[3] else {
        panic!("{:?}", kinds[3])
    };
    assert!(near(*flash_s, 0.25), "{flash_s}");
    let EffectKind::Wave { period_s, .. } = kinds[4] else {
        panic!("{:?}", kinds[4])
    };
    assert!(near(*period_s, 4.0), "{period_s}");
    let EffectKind::Pulse { decay_s, .. } = kinds[5] else {
        panic!("{:?}", kinds[5])
    };
    assert_eq!(*decay_s, 0.3, "seconds as before");

    // Bad lengths: what, the hint, and the value pointed at.
    // (In a formation, without `start`: a length in bars is estimated at the main tempo.)
    let light = |key_value: &str| {
        show(
            MUSIC,
            &format!(
                "[[chapter.formation.light]]\neffect = \"strobe\"\ncolor = \"white\"\n{key_value}"
            ),
            "",
        )
    };
    let cases = [
        (
            "on_s = \"fast\"",
            "`on_s` = \"fast\" is not a length",
            "0.5 beats",
            "on_s = \"fast\"",
        ),
        (
            "on_s = \"40 bars\"",
            "`on_s` = \"40 bars\" (80.",
            "between 0.02 and 60 seconds",
            "on_s = \"40 bars\"",
        ),
        (
            "on_s = \"0 beats\"",
            "is not a valid length",
            "",
            "on_s = \"0 beats\"",
        ),
        (
            "on_s = 0.001",
            "`on_s` = 0.001 is out of range",
            "between 0.02 and 60",
            "on_s = 0.001",
        ),
    ];
    for (kv, why, hint, at) in cases {
        let (m, h, line) = error(&dir, &light(kv));
        assert!(m.contains(why), "{kv}: {m}");
        assert!(h.contains(hint), "{kv}: {h}");
        assert!(
            line.starts_with(at.split(" = ").nth(1).unwrap()),
            "{kv}: {line}"
        );
    }
    let no_music = show(
        "",
        "[[chapter.formation.light]]\neffect = \"twinkle\"\ncolor = \"red\"\nflash_s = \"1 beat\"",
        "",
    );
    let (m, h, _) = error(&dir, &no_music);
    assert!(m.contains("no `[music]`"), "{m}");
    assert!(h.contains("add `[music]`"), "{h}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The track of `spec` as `m.wav` in a folder for `test`, and its bars as `skyshow beats`
/// lists them.
fn music_and_bars(test: &str, spec: &TrackSpec) -> (PathBuf, Vec<skyshow_music::Bar>) {
    let track = synthesize(spec);
    let bytes = wav(&track.samples, track.sample_rate, 1);
    let dir = folder(test, &[("m.wav", bytes.clone())]);
    let audio =
        skyshow_music::decode_audio(&bytes, Some("wav"), &skyshow_music::DecodeLimits::DEFAULT)
            .unwrap();
    let a = skyshow_music::analyze_beats(&audio, &skyshow_music::BeatOptions::DEFAULT).unwrap();
    (dir, a.bars())
}

/// Loads a show whose formation starts at `"{bar}.1"` with the music at `offset` and checks
/// that it starts where `bars` (the analysis of the music file) puts that bar, moved by the
/// offset, and that the planner's `bar.beat` of that beat is the same bar; returns the music.
fn assert_bar_starts_there(
    dir: &Path,
    bars: &[skyshow_music::Bar],
    bar: usize,
    offset: f64,
) -> skyshow_model::MusicDesign {
    let text = show(
        &format!("{MUSIC}\noffset_s = {offset}"),
        &format!("start = \"{bar}.1\""),
        "",
    );
    let l = load(dir, &text).unwrap();
    let start = l.design.formations[0].start_s.unwrap();
    let want = bars[bar - 1].start_s + offset;
    assert!(
        (start - want).abs() < 1e-9,
        "bar {bar}: {start} against {want}"
    );
    let m = l.design.music.clone().unwrap();
    let i = m
        .beats_s
        .iter()
        .position(|b| (b - start).abs() < 1e-9)
        .unwrap();
    assert_eq!(m.bar_beat_of(i), Some((bar as u32, 1)));
    m
}

/// Music that starts before the show (a negative `offset_s`) keeps the music's own bar
/// numbers, as a DAW counts them: bar n is still the n-th downbeat of the file, the bars
/// over before the show are refused with the first bar that is in it, and the planner's
/// `bar.beat` names count the same way.
#[test]
fn a_negative_offset_keeps_the_music_s_bar_numbers() {
    let spec = TrackSpec {
        first_beat_s: 0.0,
        ..TrackSpec::drums(120.0)
    };
    let (dir, bars) = music_and_bars("early", &spec);
    // 2 s bars from 0:00; the show starts 9 s into the music: bars 1 to 5 are over.
    let offset = -9.0;
    let first_in_show = bars.iter().position(|b| b.start_s + offset >= 0.0).unwrap();
    assert_eq!(first_in_show, 5, "{bars:?}");
    for bar in [6usize, 8, 12] {
        let m = assert_bar_starts_there(&dir, &bars, bar, offset);
        assert_eq!(m.bars_before, 5);
    }
    let early = show(
        &format!("{MUSIC}\noffset_s = {offset}"),
        "start = \"3.1\"",
        "",
    );
    let (m, h, at) = error(&dir, &early);
    assert!(m.contains("`3.1` is before the show starts"), "{m}");
    assert!(m.contains("its first bar in the show is bar 6"), "{m}");
    assert!(h.contains("pick bar 6 or later"), "{h}");
    assert!(at.contains("3.1"), "{at}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `start = "n.1"` in a show file is the start of bar n as `skyshow beats` lists it
/// (`BeatAnalysis::bars`): one numbering, from the first downbeat, through a tempo step, with
/// the music's offset moving the times and not the numbers.
#[test]
fn bar_beat_starts_are_the_bars_that_beats_lists() {
    let spec = TrackSpec {
        first_beat_s: 0.0,
        tempo_change: Some((14.99, 126.0)),
        ..TrackSpec::drums(96.0)
    };
    let (dir, bars) = music_and_bars("bars", &spec);
    assert!(bars[0].start_s < 0.07, "bar 1 at the kick at 0:00");
    for (bar, offset) in [(2, 0.0), (9, 0.0), (12, 5.0)] {
        assert_bar_starts_there(&dir, &bars, bar, offset);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
