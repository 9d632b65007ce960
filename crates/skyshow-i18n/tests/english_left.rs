//! English left in the code: every string literal of the workspace's library and binary
//! code (not its tests) that reads as English prose (two words in a row, outside `{…}`
//! placeables and `` `code` `` spans) is listed, file by file, and compared with
//! `english_left.txt`, which says how many each file may hold and why they are there
//! (machine-read outputs, messages not yet moved to the bundles).
//!
//! A file holding more than its line allows fails: a new user-facing text must be a
//! message id in both bundles (`msg!`), not a literal. Run with `ENGLISH_LEFT=list` to print
//! every literal found; with `ENGLISH_LEFT=write` to rewrite the counts (keeping reasons).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Lines whose literals are for developers, not users: panics, assertions, expectations.
const DEVELOPER_ONLY: &[&str] = &[
    "expect(",
    "panic!(",
    "assert",
    "unreachable!(",
    "todo!(",
    "unimplemented!(",
];

/// Whether `text` (a literal's contents) reads as English prose: two words of letters in a
/// row once placeables and code spans are taken out.
fn is_prose(text: &str) -> bool {
    let mut plain = String::new();
    let (mut brace, mut tick) = (0usize, false);
    for c in text.chars() {
        match c {
            '{' => brace += 1,
            '}' => brace = brace.saturating_sub(1),
            '`' => tick = !tick,
            _ if brace == 0 && !tick => {
                plain.push(c);
                continue;
            }
            _ => {}
        }
        plain.push(' ');
    }
    let words: Vec<&str> = plain.split(' ').collect();
    words
        .windows(2)
        .any(|w| is_word(w[0], true) && is_word(w[1], false))
}

/// A word: a letter, then at least one lower-case letter (or apostrophe); the first of two
/// may end with `,`, `;` or `:`.
fn is_word(w: &str, first: bool) -> bool {
    let w = if first {
        w.trim_end_matches([',', ';', ':'])
    } else {
        w
    };
    let mut cs = w.chars();
    matches!(cs.next(), Some(c) if c.is_ascii_alphabetic())
        && w.len() >= 2
        && cs.all(|c| c.is_ascii_lowercase() || c == '\'')
}

/// The string literals of one line (`"…"`, escapes kept), outside comments.
fn literals(line: &str) -> Vec<&str> {
    let code = line.trim_start();
    if code.starts_with("//") || code.starts_with("#[doc") {
        return vec![];
    }
    let mut out = vec![];
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => break,
            b'\'' if bytes.get(i + 2) == Some(&b'\'') || bytes.get(i + 1) == Some(&b'\\') => {
                // a char literal such as '"' or '\"'
                let end = line[i + 1..].find('\'').map_or(bytes.len(), |k| i + 2 + k);
                i = end;
            }
            b'"' => {
                let start = i + 1;
                let mut k = start;
                while k < bytes.len() && bytes[k] != b'"' {
                    k += if bytes[k] == b'\\' { 2 } else { 1 };
                }
                out.push(&line[start..k.min(bytes.len())]);
                i = k + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// The prose literals of one file's code, with their line numbers; stops at a module-level
/// `#[cfg(test)]` (the tests at the end of the file).
fn prose_in(text: &str) -> Vec<(usize, String)> {
    let mut out = vec![];
    let mut carry = false;
    for (n, line) in text.lines().enumerate() {
        if line.starts_with("#[cfg(test)]") {
            break;
        }
        let skip = carry || DEVELOPER_ONLY.iter().any(|k| line.contains(k));
        carry = DEVELOPER_ONLY.iter().any(|k| line.trim_end().ends_with(k));
        if skip {
            continue;
        }
        for l in literals(line) {
            if is_prose(l) {
                out.push((n + 1, l.to_string()));
            }
        }
    }
    out
}

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            source_files(&p, out);
        } else if name.ends_with(".rs") && !name.ends_with("_tests.rs") && name != "tests.rs" {
            out.push(p);
        }
    }
}

/// Every crate's `src/`, by path relative to `crates/`; and how many files were read.
fn found() -> (BTreeMap<String, Vec<(usize, String)>>, usize) {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&crates)
        .unwrap()
        .flatten()
        .map(|e| e.path().join("src"))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut out = BTreeMap::new();
    let mut read = 0;
    for d in dirs {
        let mut files = vec![];
        source_files(&d, &mut files);
        read += files.len();
        for f in files {
            let hits = prose_in(&std::fs::read_to_string(&f).unwrap());
            if !hits.is_empty() {
                let rel = f.strip_prefix(&crates).unwrap().display().to_string();
                out.insert(rel, hits);
            }
        }
    }
    (out, read)
}

/// `english_left.txt`: `path count reason` per line, `#` comments.
fn allowed(text: &str) -> BTreeMap<String, (usize, String)> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.splitn(3, ' ');
            let path = parts.next().unwrap().to_string();
            let count = parts.next().and_then(|c| c.parse().ok()).unwrap_or(0);
            (path, (count, parts.next().unwrap_or("").trim().to_string()))
        })
        .collect()
}

const BASELINE: &str = "tests/english_left.txt";

#[test]
// `ENGLISH_LEFT=list` prints every literal found: that is what it is for.
#[allow(clippy::print_stdout)]
fn no_new_english_in_the_code() {
    let (found, read) = found();
    assert!(
        read > 100,
        "the scan read the workspace's code ({read} files)"
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(BASELINE);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let allowed = allowed(&text);
    let mode = std::env::var("ENGLISH_LEFT").unwrap_or_default();
    if mode == "list" {
        for (file, hits) in &found {
            for (n, l) in hits {
                println!("{file}:{n}: {l}");
            }
        }
    }
    if mode == "write" {
        let mut lines: Vec<String> = text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .map(str::to_string)
            .collect();
        for (file, hits) in &found {
            let reason = allowed.get(file).map_or("", |(_, r)| r.as_str());
            lines.push(
                format!("{file} {} {reason}", hits.len())
                    .trim_end()
                    .to_string(),
            );
        }
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        return;
    }
    let mut over = vec![];
    for (file, hits) in &found {
        let budget = allowed.get(file).map_or(0, |(c, _)| *c);
        if hits.len() > budget {
            let list: Vec<String> = hits.iter().map(|(n, l)| format!("  {n}: {l}")).collect();
            over.push(format!(
                "{file}: {} English literals, {budget} allowed by {BASELINE}:\n{}",
                hits.len(),
                list.join("\n")
            ));
        }
    }
    assert!(
        over.is_empty(),
        "user-facing text goes through skyshow-i18n (`msg!` with an id in both bundles):\n{}",
        over.join("\n")
    );
}

#[test]
fn the_scan_sees_prose_and_not_code() {
    assert!(is_prose("the motion runs past the hold"));
    assert!(is_prose("`factor` = {} cannot be flown"));
    assert!(is_prose("Time Cue Number"));
    assert!(!is_prose("show-file-out-of-range"));
    assert!(!is_prose("{name}: {why}"));
    assert!(!is_prose("`{kind}` `{key}`"));
    assert!(!is_prose("x_m,y_m,z_m"));
    assert!(!is_prose("m/s"));
    let code = "let a = msg!(\"id\", x = \"a b\"); // \"not this one\"\n\
                let b = \"two words\".to_string();\n\
                let c = x.expect(\"developer text here\");\n\
                #[cfg(test)]\nfn t() { \"after the tests start\" }";
    assert_eq!(prose_in(code), vec![(2, "two words".to_string())]);
    assert_eq!(
        literals(r#"let q = '"'; let s = "a \" b";"#),
        vec![r#"a \" b"#]
    );
}
