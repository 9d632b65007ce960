//! Show-file times: `m:ss`, `m:ss.ms`, `h:mm:ss` or plain seconds.

/// Parses `"1:05"`, `"1:05.250"`, `"0:01:05"` or `"65.25"` into seconds.
pub fn parse_time(text: &str) -> Result<f64, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("empty time".into());
    }
    let parts: Vec<&str> = t.split(':').collect();
    if parts.len() > 3 {
        return Err(format!("`{t}` has too many `:`"));
    }
    let mut secs = 0.0;
    for (i, p) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        let v: f64 = if last {
            p.parse()
                .map_err(|_| format!("`{p}` is not a number of seconds"))?
        } else {
            p.parse::<u32>()
                .map_err(|_| format!("`{p}` is not a whole number"))? as f64
        };
        if !v.is_finite() || v < 0.0 {
            return Err(format!("`{t}` is not a time"));
        }
        if last && parts.len() > 1 && v >= 60.0 {
            return Err(format!("`{p}` seconds must be below 60 in `{t}`"));
        }
        secs = secs * 60.0 + v;
    }
    Ok(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(parse_time("65"), Ok(65.0));
        assert_eq!(parse_time("1:05"), Ok(65.0));
        assert_eq!(parse_time("1:05.5"), Ok(65.5));
        assert_eq!(parse_time("1:01:05"), Ok(3665.0));
        assert!(parse_time("1:75").is_err());
        assert!(parse_time("a:10").is_err());
        assert!(parse_time("-3").is_err());
        assert!(parse_time("").is_err());
    }
}
