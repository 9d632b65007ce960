//! Show-file times: `m:ss`, `m:ss.ms`, `h:mm:ss` or plain seconds.

use skyshow_i18n::{Message, msg};

/// Parses `"1:05"`, `"1:05.250"`, `"0:01:05"` or `"65.25"` into seconds; why not, as a
/// message.
pub fn parse_time(text: &str) -> Result<f64, Message> {
    let t = text.trim();
    if t.is_empty() {
        return Err(msg!("time-empty"));
    }
    let parts: Vec<&str> = t.split(':').collect();
    if parts.len() > 3 {
        return Err(msg!("time-too-many-colons", value = t));
    }
    let mut secs = 0.0;
    for (i, p) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        let v: f64 = if last {
            p.parse()
                .map_err(|_| msg!("time-not-seconds", value = *p))?
        } else {
            p.parse::<u32>()
                .map_err(|_| msg!("time-not-whole", value = *p))? as f64
        };
        if !v.is_finite() || v < 0.0 {
            return Err(msg!("time-not-a-time", value = t));
        }
        if last && parts.len() > 1 && v >= 60.0 {
            return Err(msg!("time-seconds-below-60", seconds = *p, value = t));
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
