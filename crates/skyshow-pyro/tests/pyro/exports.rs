//! Every firing script parsed back independently: ignition = effect − prefire at the
//! system's resolution, in the system's order, with its encoding and line endings.

use std::collections::BTreeMap;

use skyshow_pyro::{
    CobraOptions, ElementKind, FireTekOptions, FiringSystem, LtcOptions, PyroScript, ShowElement,
    cobra_csv, element_cue_list_csv, finale_csv, firetek_csv, ltc_wav, setup_sheet_csv,
    setup_sheet_html,
};

use skyshow_i18n::Lang;

use crate::fixture;
use crate::parse::{cobra_time_to_ms, crlf_lines, csv_line, seconds_to_ms};

/// Effect times (ms) of the fixture's cues per (cue, position number 1–27), worked out by
/// hand from the designs.
fn expected_effects() -> BTreeMap<(String, usize), i64> {
    let mut m = BTreeMap::new();
    let mut put = |cue: &str, k: usize, ms: i64| {
        m.insert((format!("pyro.cue \"{cue}\""), k), ms);
    };
    for k in 1..=27usize {
        let from_centre = (k as i64 - 14).abs();
        put("opening", k, 12_000 + (k as i64 - 1) * 250);
        put("green-wave", k, 30_050 + (27 - k as i64) * 130);
        put("blue-centre", k, 240_000 + from_centre * 500);
        if (k - 1) % 3 == 0 {
            put("gold-every-3", k, 460_000);
        }
        put("cakes", k, 700_000);
        put("finale", k, 880_000);
        put("finale-gold", k, 881_370 + from_centre * 70);
    }
    put("comets", 1, 470_000);
    put("comets", 27, 470_000);
    put("comets", 14, 471_000);
    m
}

/// Prefire of the fixture's parts, ms (the built-in catalogue's generic values).
fn prefire_ms(part: &str) -> i64 {
    match &part[..5] {
        "SH075" => 2200,
        "SH100" => 2800,
        "SH125" => 3200,
        "SH150" => 3600,
        _ => 0,
    }
}

/// A device as the setup sheet lists it: (module, pin) → (cue, position number, part).
fn setup_sheet(script: &PyroScript) -> BTreeMap<(u32, u32), (String, usize, String)> {
    let lines = crlf_lines(&setup_sheet_csv(script));
    let header = csv_line(&lines[0]);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (pos, module, pin, part, cue) = (
        col("Position"),
        col("Module"),
        col("Pin"),
        col("Part"),
        col("Cue"),
    );
    let mut m = BTreeMap::new();
    for l in &lines[1..] {
        let f = csv_line(l);
        let k: usize = f[pos].strip_prefix('P').unwrap().parse().unwrap();
        let key = (f[module].parse().unwrap(), f[pin].parse().unwrap());
        assert!(
            m.insert(key, (f[cue].clone(), k, f[part].clone()))
                .is_none(),
            "pin used twice: {l}"
        );
    }
    assert_eq!(m.len(), 174);
    m
}

/// Checks one parsed script row against the design.
fn check_row(
    sheet: &BTreeMap<(u32, u32), (String, usize, String)>,
    module: u32,
    pin: u32,
    ignition_ms: i64,
    resolution_ms: i64,
) {
    let (cue, k, part) = &sheet[&(module, pin)];
    let effect = expected_effects()[&(cue.clone(), *k)];
    let exact = effect - prefire_ms(part);
    assert_eq!(
        ignition_ms % resolution_ms,
        0,
        "{cue} P{k}: {ignition_ms} ms off the grid"
    );
    assert!(
        (ignition_ms - exact).abs() * 2 <= resolution_ms,
        "{cue} P{k}: ignition {ignition_ms} ms, effect − prefire = {exact} ms"
    );
}

fn check_cobra(firmware: u8, resolution_ms: i64, decimals: usize) {
    let script = fixture::script(&FiringSystem::cobra(firmware).unwrap());
    let sheet = setup_sheet(&script);
    let bytes = cobra_csv(&script, &CobraOptions::default()).unwrap();
    assert!(bytes.is_ascii(), "cobra.csv must be ASCII");
    let lines = crlf_lines(&bytes);
    // Header: A trigger channel, B trigger button, C deadman (firmware ≥ 5: `deadman` or a
    // button 1–18), D return channel.
    let head: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(head.len(), 4, "{}", lines[0]);
    assert_eq!(head[0], "channel 0");
    assert_eq!(head[1], "cue 1");
    assert!(
        head[2] == "deadman" || head[2].parse::<u32>().is_ok_and(|b| (1..=18).contains(&b)),
        "column C `{}` is not a value firmware 7 lists",
        head[2]
    );
    assert_eq!(head[3], "return-channel 0");
    let mut last = None;
    for l in &lines[1..] {
        let f = csv_line(l);
        assert_eq!(f.len(), 4, "{l}");
        let (ms, dec) = cobra_time_to_ms(&f[0]);
        assert_eq!(dec, decimals, "{l}");
        let module: u32 = f[1].strip_prefix("channel ").unwrap().parse().unwrap();
        let pin: u32 = f[2].strip_prefix("cue ").unwrap().parse().unwrap();
        assert!(
            (1..=18).contains(&pin) && (1..=199).contains(&module),
            "{l}"
        );
        check_row(&sheet, module, pin, ms, resolution_ms);
        assert!(f[3].contains("mm "), "description {l}");
        let key = (ms, module, pin);
        assert!(
            last.is_none_or(|k| k < key),
            "cobra.csv out of order at {l}"
        );
        last = Some(key);
    }
    assert_eq!(lines.len() - 1, 174);
}

#[test]
fn cobra_firmware_4_tenths() {
    check_cobra(4, 100, 1);
}

#[test]
fn cobra_firmware_7_hundredths() {
    check_cobra(7, 10, 2);
}

#[test]
fn firetek_script_sorted_by_module_sequence_time_channel() {
    let script = fixture::script(&FiringSystem::firetek());
    let sheet = setup_sheet(&script);
    let opts = FireTekOptions {
        project: "Eryueer 二月二".into(),
        tracks_as_sequences: false,
    };
    let bytes = firetek_csv(&script, &opts).unwrap();
    assert!(bytes.is_ascii());
    let lines = crlf_lines(&bytes);
    assert_eq!(lines[0], "##Eryueer Er Yue Er,,,,,,,,,,,");
    assert!(lines[1].starts_with("Module ID,Rail,Channel,Time,Sequence"));
    let mut last = None;
    for l in &lines[2..] {
        let f: Vec<&str> = l.split(',').collect();
        assert_eq!(f.len(), 12, "{l}");
        let module: u32 = f[0].parse().unwrap();
        let pin: u32 = f[2].parse().unwrap();
        let ms: i64 = f[3].parse().unwrap();
        let seq: u32 = f[4].parse().unwrap();
        assert!((1..=16).contains(&pin));
        check_row(&sheet, module, pin, ms, 10);
        assert_eq!(f[8].parse::<usize>().unwrap(), sheet[&(module, pin)].1);
        assert_eq!(seq, 0, "every cue in sequence 0 (the show) by default: {l}");
        assert_eq!(f[11], "Show");
        let key = (module, seq, ms, pin);
        assert!(
            last.is_none_or(|k| k < key),
            "script.csv out of order at {l}"
        );
        last = Some(key);
    }
    assert_eq!(lines.len() - 2, 174);
}

#[test]
fn titles_on_firing_hardware_are_ascii_pinyin() {
    assert_eq!(
        skyshow_pyro::ascii_transliteration("二月二 龙抬头 — 晋阳 district festival"),
        "Er Yue Er Long Tai Tou -- Jin Yang district festival"
    );
    assert_eq!(
        skyshow_pyro::ascii_transliteration("春潮涌动"),
        "Chun Chao Yong Dong"
    );
    assert_eq!(
        skyshow_pyro::ascii_transliteration("Café Nr.5"),
        "Cafe Nr.5"
    );
    assert_eq!(skyshow_pyro::ascii_transliteration("a\u{7}b"), "a?b");
    // COBRA's header takes the script name in column F (E, the audio box file, empty).
    let script = fixture::script(&FiringSystem::cobra(7).unwrap());
    let opts = CobraOptions {
        script_name: "龙抬头 finale".into(),
        ..CobraOptions::default()
    };
    let bytes = cobra_csv(&script, &opts).unwrap();
    assert!(bytes.is_ascii());
    let head = crlf_lines(&bytes)[0].clone();
    let f: Vec<&str> = head.split(',').collect();
    assert_eq!(
        f,
        [
            "channel 0",
            "cue 1",
            "deadman",
            "return-channel 0",
            "",
            "Long Tai Tou finale"
        ]
    );
}

#[test]
fn firetek_chapters_become_sequences_only_when_asked() {
    let script = fixture::script(&FiringSystem::firetek());
    let opts = FireTekOptions {
        project: "x".into(),
        tracks_as_sequences: true,
    };
    let lines = crlf_lines(&firetek_csv(&script, &opts).unwrap());
    let seqs: std::collections::BTreeSet<u32> = lines[2..]
        .iter()
        .map(|l| l.split(',').nth(4).unwrap().parse().unwrap())
        .collect();
    assert!(!seqs.contains(&0) && seqs.len() > 1, "{seqs:?}");
}

#[test]
fn finale_generic_csv_rows_match_the_design() {
    let script = fixture::script(&FiringSystem::generic());
    let sheet = setup_sheet(&script);
    let lines = crlf_lines(&finale_csv(&script));
    let header = csv_line(&lines[0]);
    assert_eq!(header.len(), 29);
    assert_eq!(header[0], "FIRING_HEADER_ROW");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut last = None;
    for l in &lines[1..] {
        let f = csv_line(l);
        assert_eq!(f.len(), 29, "{l}");
        assert_eq!(f[0], "FIRING_DATA_ROW");
        let ms = seconds_to_ms(&f[col("Ignition Event Time")]);
        let module: u32 = f[col("Module Address")].parse().unwrap();
        let pin: u32 = f[col("Pin Address")].parse().unwrap();
        check_row(&sheet, module, pin, ms, 10);
        let (cue, k, part) = &sheet[&(module, pin)];
        assert_eq!(&f[col("Firing Notes")], cue);
        assert_eq!(f[col("Position Name")], format!("P{k:02}"));
        assert_eq!(&f[col("Product ID")], part);
        assert_eq!(seconds_to_ms(&f[col("Prefire Delay")]), prefire_ms(part));
        let key = (ms, module, pin);
        assert!(last.is_none_or(|k| k < key), "out of order at {l}");
        last = Some(key);
    }
}

#[test]
fn setup_sheet_html_has_every_position() {
    let script = fixture::script(&FiringSystem::cobra(7).unwrap());
    let html = String::from_utf8(setup_sheet_html(&script, "二月二 <festival>", Lang::En)).unwrap();
    assert!(html.contains("二月二 &lt;festival&gt;"));
    for k in 1..=27 {
        assert!(html.contains(&format!("<h2>Position P{k:02}</h2>")));
    }
    assert!(
        html.contains("Mortars: 2 × 75 mm, 2 × 100 mm, 1 × 125 mm, 1 × 150 mm."),
        "mortar counts"
    );
}

#[test]
fn setup_sheet_html_in_chinese() {
    let script = fixture::script(&FiringSystem::cobra(7).unwrap());
    let html = String::from_utf8(setup_sheet_html(&script, "二月二", Lang::Zh)).unwrap();
    assert!(html.contains("<html lang=\"zh-CN\">"));
    assert!(html.contains("<title>二月二 — 布置单</title>"));
    assert!(html.contains("Noto Sans CJK SC"), "a CJK font stack");
    for k in 1..=27 {
        assert!(html.contains(&format!("<h2>发射位 P{k:02}</h2>")));
    }
    assert!(html.contains("炮筒：2 × 75 mm, 2 × 100 mm, 1 × 125 mm, 1 × 150 mm。"));
    // The page's own words (headings, paragraphs, column heads; the cells are data) are
    // Chinese.
    let mut words = Vec::new();
    for tag in ["h1", "h2", "p", "th"] {
        for part in html.split(&format!("<{tag}>")).skip(1) {
            words.push(part.split('<').next().unwrap_or(""));
        }
    }
    assert!(
        words.len() > 27 * 8,
        "headings, paragraphs and column heads found"
    );
    let text = words.join(" ");
    assert_eq!(skyshow_i18n::english_run(&text), None, "{text}");
}

#[test]
fn element_cue_list_has_smpte_timecode_in_time_order() {
    let elements = vec![
        ShowElement::new(ElementKind::Fountain, 240.5, "fountain program 2"),
        ShowElement::new(ElementKind::Narration, 3.0, "旁白：春潮涌动, 开场"),
        ShowElement::new(ElementKind::GroundLights, 3.0, "lights warm white"),
    ];
    let lines = crlf_lines(&element_cue_list_csv(&elements, 25).unwrap());
    assert_eq!(lines[0], "Cue,Kind,Time s,Timecode,Duration s,Label");
    let rows: Vec<Vec<String>> = lines[1..].iter().map(|l| csv_line(l)).collect();
    assert_eq!(rows[0][1], "narration");
    assert_eq!(rows[0][3], "00:00:03:00");
    assert_eq!(rows[0][5], "旁白：春潮涌动, 开场");
    assert_eq!(rows[1][1], "ground_lights");
    assert_eq!(rows[2][3], "00:04:00:12");
    assert!(element_cue_list_csv(&elements, 29).is_err());
}

/// Decodes an LTC WAV: header, biphase-mark bits, then the timecode of each frame.
fn decode_ltc(wav: &[u8], samples_per_bit: usize) -> Vec<(u32, u32, u32, u32)> {
    assert_eq!(&wav[0..4], b"RIFF");
    assert_eq!(&wav[8..16], b"WAVEfmt ");
    assert_eq!(u32::from_le_bytes(wav[24..28].try_into().unwrap()), 48_000);
    assert_eq!(u16::from_le_bytes(wav[34..36].try_into().unwrap()), 16);
    assert_eq!(&wav[36..40], b"data");
    let samples: Vec<i16> = wav[44..]
        .chunks(2)
        .map(|c| i16::from_le_bytes([c[0], c[1]]))
        .collect();
    // Run lengths between level changes, then bits: one full run = 0, two half runs = 1.
    let mut runs = Vec::new();
    let mut n = 1;
    for w in samples.windows(2) {
        if w[0].signum() == w[1].signum() {
            n += 1;
        } else {
            runs.push(n);
            n = 1;
        }
    }
    runs.push(n);
    let mut bits = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        if runs[i] == samples_per_bit {
            bits.push(false);
            i += 1;
        } else {
            assert_eq!(runs[i], samples_per_bit / 2, "run {i}");
            bits.push(true);
            i += 2;
        }
    }
    let sync = [
        false, false, true, true, true, true, true, true, true, true, true, true, true, true,
        false, true,
    ];
    let mut frames = Vec::new();
    for f in bits.chunks(80) {
        assert_eq!(&f[64..80], &sync, "sync word");
        assert_eq!(f.iter().filter(|b| !**b).count() % 2, 0, "polarity");
        let v = |s: usize, n: usize| (0..n).fold(0u32, |a, i| a | (u32::from(f[s + i]) << i));
        frames.push((
            v(48, 4) + 10 * v(56, 2),
            v(32, 4) + 10 * v(40, 3),
            v(16, 4) + 10 * v(24, 3),
            v(0, 4) + 10 * v(8, 2),
        ));
    }
    frames
}

#[test]
fn ltc_wav_decodes_to_consecutive_timecodes() {
    for (fps, spb) in [(25u32, 24usize), (30, 20)] {
        let opts = LtcOptions {
            fps,
            start_s: 59.0,
            duration_s: 2.0,
            offset_s: 36_000.0,
            amplitude: 0.5,
        };
        let frames = decode_ltc(&ltc_wav(&opts).unwrap(), spb);
        assert_eq!(frames.len(), 2 * fps as usize);
        assert_eq!(frames[0], (10, 0, 59, 0));
        assert_eq!(frames[fps as usize], (10, 1, 0, 0));
        assert_eq!(frames[frames.len() - 1], (10, 1, 0, fps - 1));
    }
    let bad = LtcOptions {
        fps: 24,
        ..LtcOptions::default()
    };
    assert!(ltc_wav(&bad).is_err());
}
