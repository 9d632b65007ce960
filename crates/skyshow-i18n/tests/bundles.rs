//! The bundles are complete and consistent: every message id exists in every language with
//! the same placeables, every `.ftl` file parses, no id is defined twice, every id the code
//! uses exists with exactly the arguments the code gives, and every id is used.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use skyshow_i18n::{AREAS, Lang, source};

/// Each message's placeables (variables, including those in selectors, variants and
/// attributes), by id.
fn messages(lang: Lang, area: &str) -> BTreeMap<String, BTreeSet<String>> {
    let src = source(lang, area).expect("area");
    let res = fluent_syntax::parser::parse(src).unwrap_or_else(|(_, errors)| {
        panic!("locales/{lang}/{area}.ftl does not parse: {errors:?}")
    });
    let mut out = BTreeMap::new();
    for entry in &res.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                let value = m.value.as_ref().unwrap_or_else(|| {
                    panic!("locales/{lang}/{area}.ftl: `{}` has no value", m.id.name)
                });
                pattern_vars(value, &mut vars);
                for a in &m.attributes {
                    pattern_vars(&a.value, &mut vars);
                }
                let dup = out.insert(m.id.name.to_string(), vars);
                assert!(
                    dup.is_none(),
                    "{lang}/{area}.ftl defines `{}` twice",
                    m.id.name
                );
            }
            ast::Entry::Junk { content } => {
                panic!("locales/{lang}/{area}.ftl has unparsable text: {content}")
            }
            _ => {}
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, out),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
            for a in &arguments.named {
                inline_vars(&a.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

fn all_messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for area in AREAS {
        for (id, vars) in messages(lang, area) {
            let prev = all.insert(id.clone(), vars);
            assert!(prev.is_none(), "`{id}` is defined in two areas of {lang}");
        }
    }
    all
}

#[test]
fn every_id_in_every_language_with_the_same_placeables() {
    let mut problems = vec![];
    for area in AREAS {
        let en = messages(Lang::En, area);
        for lang in Lang::ALL {
            let other = messages(lang, area);
            for (id, vars) in &en {
                match other.get(id) {
                    None => problems.push(format!("{lang}/{area}.ftl lacks `{id}`")),
                    Some(v) if v != vars => problems.push(format!(
                        "`{id}`: en has placeables {vars:?}, {lang} has {v:?}"
                    )),
                    Some(_) => {}
                }
            }
            for id in other.keys().filter(|id| !en.contains_key(*id)) {
                problems.push(format!(
                    "{lang}/{area}.ftl has `{id}`, en/{area}.ftl does not"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Ids whose Chinese text has no Chinese word by design (only code or symbols).
const NOT_WORDS: &[&str] = &[];

#[test]
fn chinese_texts_are_chinese() {
    // Text left in English in the Chinese bundle is a missing translation.
    let mut untranslated = vec![];
    for area in AREAS {
        let res = fluent_syntax::parser::parse(source(Lang::Zh, area).unwrap()).unwrap();
        for entry in &res.body {
            if let ast::Entry::Message(m) = entry {
                let mut text = String::new();
                if let Some(v) = &m.value {
                    pattern_text(v, &mut text);
                }
                let has_han = text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                let has_letters = text.chars().any(|c| c.is_ascii_alphabetic());
                if has_letters && !has_han && !NOT_WORDS.contains(&m.id.name) {
                    untranslated.push(format!("{area}: {} = {text}", m.id.name));
                }
            }
        }
    }
    assert!(
        untranslated.is_empty(),
        "no Chinese in:\n{}",
        untranslated.join("\n")
    );
}

/// The literal text of a pattern (text elements, string literals, every variant), without
/// code spans in backticks (option names, keys and values stay as written).
fn pattern_text(p: &ast::Pattern<&str>, out: &mut String) {
    let mut raw = String::new();
    for el in &p.elements {
        match el {
            ast::PatternElement::TextElement { value } => raw.push_str(value),
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                    raw.push_str(value)
                }
                ast::Expression::Select { variants, .. } => {
                    for v in variants {
                        pattern_text(&v.value, &mut raw);
                    }
                }
                _ => {}
            },
        }
    }
    for (k, part) in raw.split('`').enumerate() {
        if k % 2 == 0 {
            out.push_str(part);
        }
    }
}

/// Every `msg!("id", a = …, b = …)` in the workspace's Rust source.
fn uses_in(text: &str, file: &Path, out: &mut Vec<(String, String, Option<BTreeSet<String>>)>) {
    let mut rest = text;
    while let Some(i) = rest.find("msg!(") {
        let body = &rest[i + 5..];
        let mut depth = 1;
        let mut end = body.len();
        let mut in_str = false;
        let mut prev = ' ';
        for (k, c) in body.char_indices() {
            match c {
                '"' if prev != '\\' => in_str = !in_str,
                '(' | '[' | '{' if !in_str => depth += 1,
                ')' | ']' | '}' if !in_str => {
                    depth -= 1;
                    if depth == 0 {
                        end = k;
                        break;
                    }
                }
                _ => {}
            }
            prev = if prev == '\\' && c == '\\' { ' ' } else { c };
        }
        let inv = &body[..end];
        rest = &body[end..];
        let Some(id) = inv
            .trim_start()
            .strip_prefix('"')
            .and_then(|s| s.split('"').next())
        else {
            continue; // the macro's own definition
        };
        let mut names = BTreeSet::new();
        let mut depth = 0;
        let mut in_str = false;
        let mut arg_start = 0;
        let mut args = vec![];
        for (k, c) in inv.char_indices() {
            match c {
                '"' => in_str = !in_str,
                '(' | '[' | '{' if !in_str => depth += 1,
                ')' | ']' | '}' if !in_str => depth -= 1,
                ',' if !in_str && depth == 0 => {
                    args.push(&inv[arg_start..k]);
                    arg_start = k + 1;
                }
                _ => {}
            }
        }
        args.push(&inv[arg_start..]);
        for a in args.iter().skip(1) {
            if let Some((name, _)) = a.split_once('=') {
                names.insert(name.trim().to_string());
            }
        }
        out.push((id.to_string(), file.display().to_string(), Some(names)));
    }
    let mut rest = text;
    while let Some(i) = rest.find("Message::new(\"") {
        let body = &rest[i + 14..];
        let id = body.split('"').next().unwrap_or("");
        out.push((id.to_string(), file.display().to_string(), None));
        rest = body;
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "target") {
                rust_files(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn workspace_uses() -> Vec<(String, String, Option<BTreeSet<String>>)> {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = vec![];
    rust_files(&crates, &mut files);
    let me = Path::new(file!()).file_name().unwrap();
    let mut uses = vec![];
    for f in files.iter().filter(|f| f.file_name() != Some(me)) {
        let text = std::fs::read_to_string(f).unwrap();
        uses_in(&text, f, &mut uses);
    }
    uses
}

#[test]
fn every_id_the_code_uses_exists_with_its_arguments() {
    let en = all_messages(Lang::En);
    let mut problems = vec![];
    let uses = workspace_uses();
    assert!(uses.len() > 10, "the scan found the code's messages");
    for (id, file, args) in &uses {
        match (en.get(id), args) {
            (None, _) => problems.push(format!("{file}: `{id}` is in no bundle")),
            (Some(vars), Some(args)) if vars != args => problems.push(format!(
                "{file}: `{id}` takes {vars:?}, the code gives {args:?}"
            )),
            _ => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_id_is_used_by_the_code() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = vec![];
    rust_files(&crates, &mut files);
    let code: String = files
        .iter()
        .filter(|f| !f.ends_with("tests/bundles.rs"))
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let unused: Vec<String> = all_messages(Lang::En)
        .into_keys()
        .filter(|id| !code.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

#[test]
fn messages_render_in_both_languages_without_isolation_marks() {
    let m = skyshow_i18n::msg!("summary-violations", count = 3);
    assert_eq!(m.render(Lang::En), "violations: 3");
    assert_eq!(m.render(Lang::Zh), "违规：3 项");
    let t = skyshow_i18n::msg!(
        "summary-title",
        title = "春",
        drones = 1,
        clock = "0:05.0",
        seconds = "5.0"
    );
    assert_eq!(t.render(Lang::En), "春 — 1 drone, 0:05.0 (5.0 s)");
    assert_eq!(
        t.clone().arg("drones", 600).render(Lang::En),
        "春 — 600 drones, 0:05.0 (5.0 s)"
    );
    assert_eq!(t.render(Lang::Zh), "春 — 1 架无人机，时长 0:05.0（5.0 s）");
    let nested = skyshow_i18n::msg!(
        "summary-violation-line",
        kind = skyshow_i18n::msg!("violation-min_distance"),
        time = "1.00",
        drones = "Drone 1",
        value = "2.000",
        limit = "3.000"
    );
    assert_eq!(
        nested.render(Lang::Zh),
        "安全间距不足，1.00 s：Drone 1，实测 2.000，限值 3.000"
    );
    assert!(!nested.render(Lang::En).contains('\u{2068}'));
}
