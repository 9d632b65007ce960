//! Terminal columns: Chinese characters take two, so tables pad by display width.

use unicode_width::UnicodeWidthStr;

/// How many terminal columns `s` takes.
pub fn columns(s: &str) -> usize {
    s.width()
}

/// `s` padded with spaces on the right to `width` columns.
pub fn pad_end(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(columns(s))))
}

/// `s` padded with spaces on the left to `width` columns.
pub fn pad_start(s: &str, width: usize) -> String {
    format!("{}{s}", " ".repeat(width.saturating_sub(columns(s))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_double() {
        assert_eq!(columns("最小间距"), 8);
        assert_eq!(pad_end("最小间距", 10), "最小间距  ");
        assert_eq!(pad_start("ok", 4), "  ok");
        assert_eq!(pad_end("longer than", 3), "longer than");
    }
}
