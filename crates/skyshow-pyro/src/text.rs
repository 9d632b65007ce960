//! Text helpers shared by the exporters: CSV fields, ASCII, fixed-precision times.

/// A text file being written line by line with a fixed line ending.
pub(crate) struct Lines {
    buf: String,
    eol: &'static str,
}

impl Lines {
    pub(crate) fn new(eol: &'static str) -> Self {
        Lines {
            buf: String::new(),
            eol,
        }
    }

    /// Appends one line of already-formatted fields joined by `sep`.
    pub(crate) fn row<S: AsRef<str>>(&mut self, fields: &[S], sep: char) {
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                self.buf.push(sep);
            }
            self.buf.push_str(f.as_ref());
        }
        self.buf.push_str(self.eol);
    }

    /// Appends one raw line.
    pub(crate) fn line(&mut self, s: &str) {
        self.buf.push_str(s);
        self.buf.push_str(self.eol);
    }

    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.buf.into_bytes()
    }
}

/// A CSV field, quoted (Excel style) if it holds the separator, a quote or a line break.
pub(crate) fn csv_field(s: &str, sep: char) -> String {
    if s.contains([sep, '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The text with every non-printable-ASCII character replaced by `?`.
pub(crate) fn ascii(s: &str) -> String {
    ascii_transliteration(s)
}

/// Printable ASCII for firing hardware, which shows nothing else: Chinese in pinyin
/// (capitalised syllables without tones, `二月二 龙抬头` → `Er Yue Er Long Tai Tou`), other
/// scripts and accents transliterated (`Café` → `Cafe`), control characters and what has no
/// transliteration as `?`.
pub fn ascii_transliteration(s: &str) -> String {
    use pinyin::ToPinyin;
    let mut out = String::with_capacity(s.len());
    let mut prev_han = false;
    for c in s.chars() {
        if (' '..='~').contains(&c) {
            if prev_han && c.is_ascii_alphanumeric() {
                out.push(' ');
            }
            out.push(c);
            prev_han = false;
        } else if let Some(p) = c.to_pinyin() {
            if out
                .chars()
                .last()
                .is_some_and(|l| l.is_ascii_alphanumeric())
            {
                out.push(' ');
            }
            let syllable = p.plain();
            let mut chars = syllable.chars();
            if let Some(first) = chars.next() {
                out.push(first.to_ascii_uppercase());
                out.push_str(chars.as_str());
            }
            prev_han = true;
        } else {
            let t = deunicode::deunicode_char(c)
                .filter(|t| t.chars().all(|x| (' '..='~').contains(&x)));
            match t {
                Some(t) if !c.is_control() => out.push_str(t),
                _ => out.push('?'),
            }
            prev_han = false;
        }
    }
    out
}

/// Whole milliseconds as seconds with `decimals` (0–3) digits, truncated (exact for times
/// already quantised to that precision): `12340, 2` → `12.34`.
pub(crate) fn seconds(ms: i64, decimals: usize) -> String {
    let sign = if ms < 0 { "-" } else { "" };
    let a = ms.unsigned_abs();
    let whole = a / 1000;
    if decimals == 0 {
        return format!("{sign}{whole}");
    }
    let frac = format!("{:03}", a % 1000);
    format!("{sign}{whole}.{}", &frac[..decimals.min(3)])
}

/// The number of decimals that show a time quantised to `resolution_ms` exactly.
pub(crate) fn decimals_for(resolution_ms: u32) -> usize {
    if resolution_ms.is_multiple_of(1000) {
        0
    } else if resolution_ms.is_multiple_of(100) {
        1
    } else if resolution_ms.is_multiple_of(10) {
        2
    } else {
        3
    }
}

/// A number with up to 3 decimals, trailing zeros removed (`2.5`, `100`).
pub(crate) fn num(v: f64) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(seconds(12_340, 2), "12.34");
        assert_eq!(seconds(12_300, 1), "12.3");
        assert_eq!(seconds(-50, 2), "-0.05");
        assert_eq!(decimals_for(100), 1);
        assert_eq!(decimals_for(10), 2);
        assert_eq!(csv_field("a,b", ','), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\"", ','), "\"say \"\"hi\"\"\"");
        assert_eq!(ascii("红 Red"), "Hong Red");
        assert_eq!(num(2.50), "2.5");
        assert_eq!(num(100.0), "100");
    }
}
