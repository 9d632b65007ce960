//! The pages in Chinese: every word of the page's own text is in the chosen language, the
//! English page is unchanged, and headless Chromium (with Debian's fonts-noto-cjk) shows
//! the Chinese text with a CJK font, not missing-glyph boxes. Browser checks are skipped,
//! with a message, when `/usr/bin/chromium` is absent.
#![allow(clippy::print_stderr)]

mod common;

use std::time::{Duration, Instant};

use common::cdp::{Browser, CHROMIUM};
use common::synthetic::SyntheticShow;
use serde_json::json;
use skyshow_i18n::Lang;
use skyshow_model::{FlightShow, Rgb, Vec3};
use skyshow_preview::{
    Burst, PreviewInput, ReportInput, ReportTransition, ReportViolation, preview_html, report_html,
};

fn show() -> FlightShow {
    let mut synth = SyntheticShow::red_disc_green_grid(24);
    synth.formations[0].name = "红色圆盘".into();
    synth.formations[1].name = "绿色网格".into();
    let mut show = synth.build();
    show.title = "二月二龙抬头".into();
    show
}

fn bursts() -> Vec<Burst> {
    vec![Burst {
        time_s: 30.0,
        position: Vec3::new(50.0, 0.0, 90.0),
        radius_m: 35.0,
        color: Rgb::new(255, 176, 24),
        duration_s: 3.0,
        label: "金色菊花".into(),
    }]
}

fn report(show: &FlightShow, bursts: &[Burst], lang: Lang) -> String {
    let mut input = ReportInput::new(show);
    input.lang = lang;
    input.transitions = vec![ReportTransition {
        from: "红色圆盘".into(),
        to: "绿色网格".into(),
        start_s: 25.0,
        duration_s: 10.0,
        lower_bound_s: 7.5,
    }];
    input.flight_times_s = show.drones.iter().map(|_| 50.0).collect();
    input.violations = vec![ReportViolation {
        kind: "min_distance".into(),
        time_s: 30.25,
        drones: (1..=9).map(|i| format!("Drone {i}")).collect(),
        value: 1.5,
        limit: 2.0,
        source: "transition".into(),
    }];
    input.fireworks = bursts;
    String::from_utf8(report_html(&input)).unwrap()
}

fn preview(show: &FlightShow, bursts: &[Burst], lang: Lang) -> String {
    let mut input = PreviewInput::new(show);
    input.lang = lang;
    input.fireworks = bursts.to_vec();
    String::from_utf8(preview_html(&input)).unwrap()
}

/// The page's visible text and attributes people read (titles, alt, aria-label), without
/// scripts, styles and embedded data.
fn readable(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        out.push(' ');
        let tag = &rest[i..];
        let close = ["script", "style"]
            .iter()
            .find(|t| tag[1..].starts_with(**t))
            .map(|t| format!("</{t}>"));
        let end = match &close {
            Some(c) => tag.find(c.as_str()).map_or(tag.len(), |k| k + c.len()),
            None => tag.find('>').map_or(tag.len(), |k| k + 1),
        };
        for attr in ["title=\"", "aria-label=\"", "alt=\""] {
            let mut t = &tag[..end];
            while let Some(k) = t.find(attr) {
                let v = &t[k + attr.len()..];
                let e = v.find('"').unwrap_or(v.len());
                out.push_str(&v[..e]);
                out.push(' ');
                t = &v[e..];
            }
        }
        rest = &tag[end..];
    }
    out.push_str(rest);
    out
}

/// English words of the page's own text that must not appear in the Chinese page.
const ENGLISH_UI: &[&str] = &[
    "Minimum distance",
    "Speeds",
    "Transitions",
    "Flight time",
    "Fireworks",
    "Formations",
    "Violations",
    "Limits",
    "Timeline",
    "show time",
    "limit",
    "drones",
    "battery",
    "takeoff",
    "landing",
    "preview",
    "Audience",
    "Orbit",
    "Top",
    "play",
    "wheel",
    "more",
];

fn han(s: &str) -> usize {
    s.chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count()
}

#[test]
fn pages_in_chinese_say_everything_in_chinese() {
    let show = show();
    let bursts = bursts();
    for (name, zh, en) in [
        (
            "report",
            report(&show, &bursts, Lang::Zh),
            report(&show, &bursts, Lang::En),
        ),
        (
            "preview",
            preview(&show, &bursts, Lang::Zh),
            preview(&show, &bursts, Lang::En),
        ),
    ] {
        assert!(zh.contains("<html lang=\"zh-CN\">"), "{name}");
        assert!(en.contains("<html lang=\"en\">"), "{name}");
        std::fs::write(
            std::env::temp_dir().join(format!("skyshow-{name}-zh.html")),
            &zh,
        )
        .unwrap();
        let text = readable(&zh);
        for w in ENGLISH_UI {
            // Names from the show (Drone 1…) and the product's name stay as they are.
            let hits: Vec<&str> = text
                .split(|c: char| !c.is_ascii_alphabetic() && c != ' ')
                .filter(|s| s.contains(w))
                .collect();
            assert!(
                hits.is_empty(),
                "{name} in Chinese still says {w:?}: {hits:?}"
            );
        }
        assert!(han(&text) > 30, "{name}: {text}");
        assert!(han(&readable(&en)) < han(&text), "{name}");
        // The show's own names appear as written in both.
        for page in [&zh, &en] {
            assert!(page.contains("红色圆盘"), "{name}");
        }
    }
    let zh = report(&show, &bursts, Lang::Zh);
    for heading in [
        "无人机间最小间距",
        "单机飞行时间",
        "违规",
        "安全限值",
        "安全间距不足",
    ] {
        assert!(zh.contains(heading), "report: {heading}");
    }
    let zh = preview(&show, &bursts, Lang::Zh);
    for words in [
        "观众",
        "俯视",
        "环绕",
        "架无人机",
        "1 发烟花",
        "编队“红色圆盘”",
    ] {
        assert!(zh.contains(words), "preview: {words}");
    }
    let en = report(&show, &bursts, Lang::En);
    for words in [
        "Minimum distance between drones",
        "24 drones",
        "open the 3D preview",
        "1 violation.",
    ] {
        assert!(en.contains(words), "English report: {words}");
    }
}

fn launch() -> Option<Browser> {
    match Browser::launch(1280, 720) {
        Ok(Some(b)) => Some(b),
        Ok(None) => {
            eprintln!("SKIPPED: {CHROMIUM} is not installed (run scripts/ci-deps/preview.sh)");
            None
        }
        Err(e) => panic!("cannot drive chromium: {e}"),
    }
}

/// Loads `file` and waits for the document (and its fonts) to be ready.
fn open(browser: &mut Browser, file: &std::path::Path) {
    browser
        .call("Page.navigate", json!({"url": "about:blank"}))
        .unwrap();
    browser
        .call(
            "Page.navigate",
            json!({"url": format!("file://{}", file.display())}),
        )
        .unwrap();
    let t = Instant::now();
    loop {
        let ready = browser.eval(
            "location.protocol === 'file:' && document.readyState === 'complete' && document.fonts.status === 'loaded'",
        );
        if ready == Ok(json!(true)) {
            return;
        }
        assert!(t.elapsed() < Duration::from_secs(60), "page not loaded");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The Chinese characters in the elements matching `selector` (text they hold directly)
/// and how many glyphs fonts covering Chinese drew for them, with every font used.
fn cjk_glyphs(browser: &mut Browser, selector: &str) -> (usize, u64, Vec<(String, u64)>) {
    let text = browser
        .eval(&format!(
            "Array.from(document.querySelectorAll('{selector}')).map(e => Array.from(e.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('')).join('')"
        ))
        .unwrap();
    let need = han(text.as_str().unwrap());
    browser.call("DOM.enable", json!({})).unwrap();
    browser.call("CSS.enable", json!({})).unwrap();
    let root = browser
        .call("DOM.getDocument", json!({"depth": -1}))
        .unwrap();
    let nodes = browser
        .call(
            "DOM.querySelectorAll",
            json!({"nodeId": root["root"]["nodeId"], "selector": selector}),
        )
        .unwrap();
    let mut all = vec![];
    for id in nodes["nodeIds"].as_array().unwrap() {
        let fonts = browser
            .call("CSS.getPlatformFontsForNode", json!({"nodeId": id}))
            .unwrap();
        for f in fonts["fonts"].as_array().unwrap() {
            all.push((
                f["familyName"].as_str().unwrap_or("").to_string(),
                f["glyphCount"].as_u64().unwrap_or(0),
            ));
        }
    }
    let cjk = all.iter().filter(|(f, _)| is_cjk(f)).map(|(_, n)| n).sum();
    (need, cjk, all)
}

/// Whether a font family covers Chinese (the families the pages' font stacks name).
fn is_cjk(family: &str) -> bool {
    [
        "CJK",
        "Source Han",
        "PingFang",
        "Hiragino",
        "YaHei",
        "WenQuanYi",
        "Noto Sans SC",
    ]
    .iter()
    .any(|k| family.contains(k))
}

#[test]
fn chromium_shows_the_chinese_pages_with_a_chinese_font() {
    let Some(mut browser) = launch() else { return };
    let show = show();
    let bursts = bursts();
    let dir = browser.scratch_dir();
    let report_file = dir.join("report.zh.html");
    std::fs::write(&report_file, report(&show, &bursts, Lang::Zh)).unwrap();
    let preview_file = dir.join("preview.zh.html");
    std::fs::write(&preview_file, preview(&show, &bursts, Lang::Zh)).unwrap();

    open(&mut browser, &report_file);
    let shown = browser.eval("document.body.innerText").unwrap();
    let shown = shown.as_str().unwrap().to_string();
    assert!(han(&shown) > 100, "report shows Chinese: {shown}");
    for selector in ["h1 ~ p", "h2", ".note", "th", "td", ".card .l"] {
        let (need, cjk, fonts) = cjk_glyphs(&mut browser, selector);
        assert!(
            need > 0 && cjk >= need as u64,
            "report {selector}: {need} Chinese characters, drawn with {fonts:?}"
        );
    }

    browser
        .open_preview(&preview_file, "#t=20", Duration::from_secs(60))
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let shown = browser.eval("document.body.innerText").unwrap();
    let shown = shown.as_str().unwrap().to_string();
    for words in ["观众", "俯视", "环绕", "架无人机", "拖动：环绕"] {
        assert!(shown.contains(words), "preview shows {words}: {shown}");
    }
    let phase = browser
        .eval("document.getElementById('phase').textContent")
        .unwrap();
    assert!(
        phase.as_str().unwrap().contains("编队“红色圆盘”"),
        "the phase shown at 20 s is named in Chinese: {phase}"
    );
    for selector in ["#help", "#cams button", "#facts", "#phase"] {
        let (need, cjk, fonts) = cjk_glyphs(&mut browser, selector);
        assert!(
            need > 0 && cjk >= need as u64,
            "preview {selector}: {need} Chinese characters, drawn with {fonts:?}"
        );
    }
    let errors = browser.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}
