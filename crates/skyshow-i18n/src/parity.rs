//! Checks that a text shown in two languages says the same thing: the same figures, and
//! a translation where one is due. Tests of messages use them to check both texts.

/// The figures of `text`: every run of digits (with its decimal point), sorted, so that
/// two renderings of one message can be compared whatever their word order.
pub fn figures(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map(|t| t.trim_matches('.'))
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect();
    out.sort();
    out
}

/// Whether `text` has Chinese in it (a CJK unified ideograph).
pub fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// English prose in `text`: the first run of three words of two or more letters each,
/// outside `` `code` `` and `"quoted"` spans (names, keys and values stay as written).
pub fn english_run(text: &str) -> Option<String> {
    let mut plain = String::with_capacity(text.len());
    let (mut tick, mut quote) = (false, false);
    for c in text.chars() {
        match c {
            '`' => tick = !tick,
            '"' => quote = !quote,
            _ if !tick && !quote => {
                plain.push(c);
                continue;
            }
            _ => {}
        }
        plain.push(' ');
    }
    let mut run: Vec<&str> = Vec::new();
    for w in plain.split_inclusive(|c: char| !c.is_ascii_alphabetic() && c != '\'') {
        let word = w.trim_end_matches(|c: char| !c.is_ascii_alphabetic() && c != '\'');
        let sep = &w[word.len()..];
        if word.len() >= 2 && word.chars().all(|c| c.is_ascii_alphabetic() || c == '\'') {
            run.push(word);
            if run.len() == 3 {
                return Some(run.join(" "));
            }
        } else if !word.is_empty() {
            run.clear();
        }
        // Words stay in one run only across spaces (and the punctuation of a sentence).
        if !sep
            .chars()
            .all(|c| matches!(c, ' ' | ',' | ';' | ':' | '-' | '\''))
        {
            run.clear();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_ignore_word_order() {
        assert_eq!(
            figures("needs 20.94 m/s at 0:03.000 (point 12)."),
            figures("第 12 个点在 0:03.000 需要 20.94 m/s")
        );
        assert_ne!(figures("at most 2.5 s"), figures("至多 2.6 s"));
    }

    #[test]
    fn english_runs_outside_code_and_quotes() {
        assert_eq!(
            english_run("编队 `a`：the motion runs past").as_deref(),
            Some("the motion runs")
        );
        assert_eq!(english_run("未知颜色 `chartreuse color name`"), None);
        assert_eq!(english_run("写作 \"2 bars and more\" 或 m/s"), None);
        assert_eq!(english_run("Drone 1, Drone 2"), None);
        assert_eq!(english_run("在 SVG 和 PNG 中"), None);
    }
}
