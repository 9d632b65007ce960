//! The Chinese show-file documentation (`docs/show-file.zh.md`) is kept in step with the
//! English one (`docs/show-file.md`): the same sections in the same order (each Chinese
//! heading is followed by `<!-- section: English heading -->`), every key, value and example
//! written in code in an English section also in its Chinese section, the same number of
//! code blocks, and Chinese text in every Chinese section.
//!
//! When you add a section or a key to docs/show-file.md, add it to docs/show-file.zh.md too.

use std::collections::BTreeSet;
use std::path::Path;

/// One section: its heading level, its English heading, and its text (heading excluded).
struct Section {
    level: usize,
    heading: String,
    body: String,
}

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The sections of a Markdown text (headings inside code blocks are not headings). For the
/// Chinese text the English heading is the `<!-- section: … -->` line after the heading.
fn sections(text: &str, chinese: bool) -> Vec<Section> {
    let mut out: Vec<Section> = vec![];
    let mut fenced = false;
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        let level = line.chars().take_while(|c| *c == '#').count();
        if !fenced && level > 0 && line[level..].starts_with(' ') {
            let heading = if chinese {
                let marker = lines.next().unwrap_or("");
                marker
                    .strip_prefix("<!-- section: ")
                    .and_then(|m| m.strip_suffix(" -->"))
                    .unwrap_or_else(|| {
                        panic!("show-file.zh.md: `{line}` is not followed by <!-- section: … -->")
                    })
                    .to_string()
            } else {
                line[level + 1..].trim().to_string()
            };
            out.push(Section {
                level,
                heading,
                body: String::new(),
            });
        } else if let Some(s) = out.last_mut() {
            s.body.push_str(line);
            s.body.push('\n');
        }
    }
    out
}

/// The inline code spans of a section's text, outside code blocks.
fn code_spans(body: &str) -> BTreeSet<String> {
    let mut prose = String::new();
    let mut fenced = false;
    for line in body.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            prose.push_str(line);
            prose.push('\n');
        }
    }
    prose
        .split('`')
        .enumerate()
        .filter(|(k, s)| k % 2 == 1 && !s.is_empty())
        // A span broken over two lines is the same span.
        .map(|(_, s)| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn fences(body: &str) -> usize {
    body.lines().filter(|l| l.starts_with("```")).count() / 2
}

#[test]
fn chinese_show_file_doc_has_every_section_key_and_example() {
    let en = sections(&read("show-file.md"), false);
    let zh = sections(&read("show-file.zh.md"), true);
    let mut problems = vec![];
    let en_heads: Vec<(usize, &str)> = en.iter().map(|s| (s.level, s.heading.as_str())).collect();
    let zh_heads: Vec<(usize, &str)> = zh.iter().map(|s| (s.level, s.heading.as_str())).collect();
    for h in &en_heads {
        if !zh_heads.contains(h) {
            problems.push(format!(
                "show-file.zh.md has no section for `{} {}`",
                "#".repeat(h.0),
                h.1
            ));
        }
    }
    for h in &zh_heads {
        if !en_heads.contains(h) {
            problems.push(format!(
                "show-file.zh.md has a section `{}` that show-file.md does not",
                h.1
            ));
        }
    }
    if problems.is_empty() && en_heads != zh_heads {
        problems.push(format!(
            "the sections are in another order:\n  en {en_heads:?}\n  zh {zh_heads:?}"
        ));
    }
    for e in &en {
        let Some(z) = zh.iter().find(|z| z.heading == e.heading) else {
            continue;
        };
        let missing: Vec<String> = code_spans(&e.body)
            .difference(&code_spans(&z.body))
            .cloned()
            .collect();
        if !missing.is_empty() {
            problems.push(format!(
                "section `{}`: show-file.zh.md lacks {missing:?}",
                e.heading
            ));
        }
        if fences(&e.body) != fences(&z.body) {
            problems.push(format!(
                "section `{}`: {} code blocks in English, {} in Chinese",
                e.heading,
                fences(&e.body),
                fences(&z.body)
            ));
        }
        let words = e.body.split_whitespace().count();
        let han = z
            .body
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count();
        if words > 0 && han == 0 {
            problems.push(format!("section `{}` is not in Chinese", e.heading));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        en.len() >= 25,
        "the English sections were found: {}",
        en.len()
    );
}

#[test]
fn the_section_check_notices_what_is_missing() {
    let en = "# A\ntext `k1` `k2`\n## B\nmore\n";
    let zh = "# 甲\n<!-- section: A -->\n文字 `k1`\n";
    let (e, z) = (sections(en, false), sections(zh, true));
    assert_eq!(e.len(), 2);
    assert_eq!(z.len(), 1);
    assert_eq!(z[0].heading, "A");
    let missing: Vec<_> = code_spans(&e[0].body)
        .difference(&code_spans(&z[0].body))
        .cloned()
        .collect();
    assert_eq!(missing, ["k2"]);
}
