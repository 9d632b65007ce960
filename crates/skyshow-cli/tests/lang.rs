//! Choosing the language: `--lang`, then SKYSHOW_LANG, then LC_ALL / LC_MESSAGES / LANG,
//! then English; unknown names are errors listing the languages, unsupported system locales
//! are English without a word. The summary of `build` in both languages.

use std::path::Path;
use std::process::{Command, Output};

const SHOW: &str = "title = \"春潮涌动\"\n[fleet]\ndrones = 4\n[fleet.grid]\nrows = 2\ncolumns = 2\nspacing_m = 3\n[[chapter]]\nname = \"序章\"\n[[chapter.formation]]\nname = \"一字\"\nhold = 10\nshape = \"line\"\nlength_m = 30\ncenter = [0, 0, 30]\n";

/// Runs skyshow with only the given language variables set.
fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_skyshow"));
    c.env("NO_COLOR", "1");
    for k in ["SKYSHOW_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        c.env_remove(k);
    }
    for (k, v) in env {
        c.env(k, v);
    }
    c.args(args).output().unwrap()
}

fn build(dir: &Path, extra: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let show = dir.join("show.toml");
    std::fs::write(&show, SHOW).unwrap();
    let out = dir.join("out");
    let mut args = vec!["build", show.to_str().unwrap(), "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    args.push("--no-csv");
    let o = run(&args, env);
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

fn is_chinese(summary: &str) -> bool {
    summary.contains("违规：0 项") && summary.contains("最小间距")
}

fn is_english(summary: &str) -> bool {
    summary.contains("violations: 0") && summary.contains("min distance")
}

#[test]
fn build_summary_in_each_language() {
    let dir = tempfile::tempdir().unwrap();
    let (code, en) = build(dir.path(), &["--lang", "en"], &[]);
    assert_eq!(code, 0, "{en}");
    assert!(en.starts_with("春潮涌动 — 4 drones, "), "{en}");
    assert!(is_english(&en) && en.contains("  done in "), "{en}");
    let page = |name: &str| std::fs::read_to_string(dir.path().join("out").join(name)).unwrap();
    assert!(page("report.html").contains("<html lang=\"en\">"));
    assert!(page("report.html").contains("Minimum distance between drones"));
    assert!(page("preview.html").contains(">Audience<"));
    let json_en = page("report.json");
    let (code, zh) = build(dir.path(), &["--lang", "zh"], &[]);
    assert_eq!(code, 0, "{zh}");
    assert!(zh.starts_with("春潮涌动 — 4 架无人机，时长 "), "{zh}");
    assert!(is_chinese(&zh) && zh.contains("  完成，用时 "), "{zh}");
    // The pages follow the language; report.json is for machines and stays the same.
    assert!(page("report.html").contains("<html lang=\"zh-CN\">"));
    assert!(page("report.html").contains("无人机间最小间距"));
    assert!(page("preview.html").contains("<html lang=\"zh-CN\">"));
    assert!(page("preview.html").contains(">观众<"));
    // (timing_ms, the last key, and planning_ms may differ)
    let strip_timing = |s: &str| -> String {
        let s = s.split("\"timing_ms\"").next().unwrap();
        s.lines()
            .filter(|l| !l.contains("\"planning_ms\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip_timing(&page("report.json")), strip_timing(&json_en));
    // Numbers and units stay: the measured column is the same in both.
    let figures = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.contains(" m/s ") || l.contains(" m   "))
            .map(|l| {
                l.split_whitespace()
                    .filter(|w| w.parse::<f64>().is_ok())
                    .collect()
            })
            .collect()
    };
    assert_eq!(figures(&en), figures(&zh));
    assert!(!figures(&en).is_empty());
    // Columns line up by display width: each row's verdict starts at the same column.
    for text in [&en, &zh] {
        let cols: Vec<usize> = text
            .lines()
            .filter(|l| l.ends_with(" ok") || l.ends_with(" 合格"))
            .map(|l| {
                let body = l.trim_end_matches("ok").trim_end_matches("合格");
                skyshow_width(body)
            })
            .collect();
        assert_eq!(cols.len(), 7, "{text}");
        assert!(cols.windows(2).all(|w| w[0] == w[1]), "{text}: {cols:?}");
    }
}

/// Display columns (CJK characters take two), as a terminal shows them.
fn skyshow_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if ('\u{2e80}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c) {
                2
            } else {
                1
            }
        })
        .sum()
}

/// Flags, environment, whether the output is Chinese.
type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], bool);

#[test]
fn flag_then_skyshow_lang_then_locale() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[Case] = &[
        (&[], &[], false),
        (&[], &[("LANG", "zh_CN.UTF-8")], true),
        (
            &[],
            &[("LC_MESSAGES", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")],
            true,
        ),
        (
            &[],
            &[("LC_ALL", "en_US.UTF-8"), ("LC_MESSAGES", "zh_CN.UTF-8")],
            false,
        ),
        (
            &[],
            &[("SKYSHOW_LANG", "zh"), ("LC_ALL", "en_US.UTF-8")],
            true,
        ),
        (
            &[],
            &[("SKYSHOW_LANG", "en"), ("LANG", "zh_CN.UTF-8")],
            false,
        ),
        (&["--lang", "zh"], &[("SKYSHOW_LANG", "en")], true),
        (&["--lang", "en"], &[("LANG", "zh_CN.UTF-8")], false),
        (&["--lang", "zh-CN"], &[], true),
        // Unsupported system locales: English, silently.
        (&[], &[("LANG", "fr_FR.UTF-8")], false),
        (&[], &[("LANG", "zh_TW.UTF-8")], false),
        (&[], &[("LC_ALL", "C")], false),
    ];
    for (flags, env, chinese) in cases {
        let (code, text) = build(dir.path(), flags, env);
        assert_eq!(code, 0, "{flags:?} {env:?}: {text}");
        assert_eq!(is_chinese(&text), *chinese, "{flags:?} {env:?}: {text}");
        assert_eq!(is_english(&text), !*chinese, "{flags:?} {env:?}: {text}");
        assert!(
            !text.contains("language"),
            "no remark about the locale: {text}"
        );
    }
}

#[test]
fn unknown_language_is_an_error_listing_the_languages() {
    let o = run(&["--lang", "fr", "check", "x.skyc"], &[]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(err.contains("unknown language `fr` for `--lang`"), "{err}");
    assert!(err.contains("help: skyshow speaks: en, zh"), "{err}");
    // Told in the system locale's language.
    let o = run(
        &["check", "--lang", "klingon", "x.skyc"],
        &[("LANG", "zh_CN.UTF-8")],
    );
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err.contains("`--lang` 指定的语言 `klingon` 不受支持"),
        "{err}"
    );
    assert!(err.contains("提示：skyshow 支持的语言：en, zh"), "{err}");
    let o = run(&["check", "x.skyc"], &[("SKYSHOW_LANG", "de")]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err.contains("unknown language `de` in SKYSHOW_LANG"),
        "{err}"
    );
    let o = run(
        &["check", "x.skyc"],
        &[("SKYSHOW_LANG", "de"), ("LC_ALL", "zh_CN.UTF-8")],
    );
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("SKYSHOW_LANG 指定的语言 `de` 不受支持"),
        "{err}"
    );
}

#[test]
fn show_file_errors_in_each_language() {
    let dir = tempfile::tempdir().unwrap();
    let show = dir.path().join("show.toml");
    let text = SHOW.replace(
        "shape = \"line\"",
        "shape = \"line\"\ncolor = \"chartreuse\"",
    );
    std::fs::write(&show, text).unwrap();
    let out = dir.path().join("out");
    let (show_arg, out_arg) = (show.to_str().unwrap(), out.to_str().unwrap());
    let check = |lang: &str| {
        let o = run(
            &["--lang", lang, "build", show_arg, "-o", out_arg, "--no-csv"],
            &[],
        );
        assert_eq!(o.status.code(), Some(2));
        String::from_utf8(o.stderr).unwrap()
    };
    let en = check("en");
    assert!(en.contains("unknown colour `chartreuse`"), "{en}");
    assert!(en.contains("this colour"), "{en}");
    assert!(en.contains("warm_white"), "{en}");
    let zh = check("zh");
    assert!(zh.contains("未知颜色 `chartreuse`"), "{zh}");
    assert!(zh.contains("此颜色"), "{zh}");
    assert!(zh.contains("提示：") && zh.contains("暖白"), "{zh}");
    // Chinese colour names are colours.
    let text = SHOW.replace("shape = \"line\"", "shape = \"line\"\ncolor = \"金色\"");
    std::fs::write(&show, text).unwrap();
    let o = run(&["build", show_arg, "-o", out_arg, "--no-csv"], &[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Every output but the two pages is the same whatever the language, and what goes to
/// firing hardware is ASCII even when the show names everything in Chinese.
#[test]
fn machine_outputs_do_not_depend_on_the_language() {
    let text = format!(
        "{SHOW}[audience]\nazimuth_deg = 180\nline = [[-100, -300], [-100, 300]]\n\
         [pyro]\nalso_export = [\"firetek\"]\n\
         [[pyro.product]]\npart = \"金牡丹150\"\nkind = \"shell\"\ncalibre_mm = 150\nprefire_s = 3.5\n\
         duration_s = 4\ncolour = \"金色\"\neffect = \"金色牡丹\"\n\
         [[pyro.position]]\nname = \"东一号位\"\nat = [400, 0, 0]\n\
         [[pyro.position]]\nname = \"西二号位\"\nat = [400, 40, 0]\n\
         [[pyro.cue]]\nname = \"开场礼花\"\ntime = 30\nproduct = \"金牡丹150\"\n\
         [[pyro.cue]]\nname = \"尾声\"\ntime = 38\nproduct = \"SH100-R\"\npositions = [\"西二号位\"]\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let show = dir.path().join("show.toml");
    std::fs::write(&show, &text).unwrap();
    let mut files: Vec<std::collections::BTreeMap<String, Vec<u8>>> = vec![];
    for lang in ["en", "zh"] {
        let out = dir.path().join(format!("out-{lang}"));
        let o = run(
            &[
                "--lang",
                lang,
                "build",
                show.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ],
            &[],
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{err}");
        let mut all = std::collections::BTreeMap::new();
        let mut stack = vec![out.clone()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    let name = p.strip_prefix(&out).unwrap().display().to_string();
                    all.insert(name, std::fs::read(&p).unwrap());
                }
            }
        }
        files.push(all);
    }
    let (en, zh) = (&files[0], &files[1]);
    assert_eq!(en.keys().collect::<Vec<_>>(), zh.keys().collect::<Vec<_>>());
    for name in [
        "pyro/cobra.csv",
        "pyro/script.csv",
        "show.skyc",
        "pyro/finale.csv",
    ] {
        assert!(en.contains_key(name), "{name} written: {:?}", en.keys());
    }
    for (name, bytes) in en {
        match name.as_str() {
            "report.html" | "preview.html" | "pyro/setup_sheet.html" => {
                assert_ne!(bytes, &zh[name], "{name}")
            }
            "report.json" => {}
            _ => assert!(
                bytes == &zh[name],
                "{name} differs between --lang en and zh"
            ),
        }
    }
    for name in ["pyro/cobra.csv", "pyro/script.csv"] {
        let text = String::from_utf8_lossy(&en[name]);
        assert!(en[name].is_ascii(), "{name} is not ASCII: {text}");
    }
    let cobra = String::from_utf8_lossy(&en["pyro/cobra.csv"]);
    assert!(cobra.contains("Jin Se Mu Dan"), "{cobra}");
}
