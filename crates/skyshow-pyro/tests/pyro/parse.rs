//! Small independent parsers for the exported files (no code shared with the crate).

/// Splits a CSV line (comma, Excel quoting).
pub(crate) fn csv_line(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (false, '"') if cur.is_empty() => quoted = true,
            (false, ',') => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// The lines of a file that must use CRLF everywhere (panics on a bare LF or CR).
pub(crate) fn crlf_lines(bytes: &[u8]) -> Vec<String> {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    assert!(text.ends_with("\r\n"), "file must end with CRLF");
    let lines: Vec<String> = text[..text.len() - 2]
        .split("\r\n")
        .map(str::to_string)
        .collect();
    for l in &lines {
        assert!(
            !l.contains('\n') && !l.contains('\r'),
            "bare line break in {l:?}"
        );
    }
    lines
}

/// `12.34` (seconds, up to 3 decimals) → ms.
pub(crate) fn seconds_to_ms(s: &str) -> i64 {
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    assert!(frac.len() <= 3, "{s}");
    let frac_ms: i64 = format!("{frac:0<3}").parse().unwrap();
    whole.parse::<i64>().unwrap() * 1000 + frac_ms
}

/// `HH:MM:SS.ts` / `HH:MM:SS.tts` → (ms, decimals).
pub(crate) fn cobra_time_to_ms(s: &str) -> (i64, usize) {
    let s = s.strip_suffix('s').expect("cobra time ends with s");
    let parts: Vec<&str> = s.split(':').collect();
    assert_eq!(parts.len(), 3, "{s}");
    let h: i64 = parts[0].parse().unwrap();
    let m: i64 = parts[1].parse().unwrap();
    let decimals = parts[2].split_once('.').unwrap().1.len();
    (
        h * 3_600_000 + m * 60_000 + seconds_to_ms(parts[2]),
        decimals,
    )
}
