//! Small helpers for writing HTML, SVG and JSON text deterministically.

use std::fmt::Write;

/// Escapes text for HTML element content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// JSON text made safe to sit inside a `<script>` element: every `<` (which JSON only has
/// inside strings) is written `\u003c`.
pub(crate) fn script_json(v: &serde_json::Value) -> String {
    v.to_string()
        .replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// A finite number rounded to `digits` decimals for JSON (non-finite becomes 0).
pub(crate) fn round(x: f64, digits: i32) -> f64 {
    if !x.is_finite() {
        return 0.0;
    }
    let k = 10f64.powi(digits);
    let r = (x * k).round() / k;
    if r == 0.0 { 0.0 } else { r }
}

/// A number for SVG coordinates: at most two decimals, no trailing zeros.
pub(crate) fn num(x: f64) -> String {
    let x = round(x, 2);
    let mut s = String::new();
    let _ = write!(s, "{x}");
    s
}

/// `m:ss.s` (or `h:mm:ss.s`) for a time in seconds.
pub(crate) fn clock(t: f64) -> String {
    if !t.is_finite() {
        return "–".to_string();
    }
    let neg = t < 0.0;
    let tenths = (t.abs() * 10.0).round() as u64;
    let (s10, m) = (tenths % 600, tenths / 600);
    let body = if m >= 60 {
        format!("{}:{:02}:{:02}.{}", m / 60, m % 60, s10 / 10, s10 % 10)
    } else {
        format!("{}:{:02}.{}", m, s10 / 10, s10 % 10)
    };
    if neg { format!("-{body}") } else { body }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_formats() {
        assert_eq!(
            esc("<a href=\"x\">&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(num(1.0), "1");
        assert_eq!(num(2.345), "2.35");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(clock(75.25), "1:15.3");
        assert_eq!(clock(3725.0), "1:02:05.0");
        let v = serde_json::json!({"a": "</script>"});
        assert!(!script_json(&v).contains("</script>"));
    }
}
