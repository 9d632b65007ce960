//! Colours in the show file: palette names and `#rrggbb`.

use skyshow_model::Rgb;

/// Named colours. The festival's four (`red`, `green`, `blue`, `gold`) come first.
pub const PALETTE: &[(&str, Rgb)] = &[
    ("red", Rgb::new(255, 24, 16)),
    ("green", Rgb::new(16, 220, 64)),
    ("blue", Rgb::new(24, 80, 255)),
    ("gold", Rgb::new(255, 176, 24)),
    ("white", Rgb::new(255, 255, 255)),
    ("warm_white", Rgb::new(255, 200, 140)),
    ("orange", Rgb::new(255, 110, 0)),
    ("yellow", Rgb::new(255, 230, 0)),
    ("cyan", Rgb::new(0, 220, 255)),
    ("magenta", Rgb::new(255, 0, 200)),
    ("purple", Rgb::new(150, 40, 255)),
    ("pink", Rgb::new(255, 90, 160)),
    ("jade", Rgb::new(0, 168, 107)),
    ("crimson", Rgb::new(200, 0, 40)),
    ("sky", Rgb::new(90, 170, 255)),
    ("off", Rgb::new(0, 0, 0)),
];

/// Parses a palette name or `#rrggbb`.
pub fn parse_color(text: &str) -> Result<Rgb, String> {
    let t = text.trim();
    if let Some(hex) = t.strip_prefix('#') {
        if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            let v = u32::from_str_radix(hex, 16).map_err(|e| e.to_string())?;
            return Ok(Rgb::new((v >> 16) as u8, (v >> 8) as u8, v as u8));
        }
        return Err(format!("`{t}` is not a `#rrggbb` colour"));
    }
    let key = t.to_ascii_lowercase().replace([' ', '-'], "_");
    PALETTE
        .iter()
        .find(|(n, _)| *n == key)
        .map(|(_, c)| *c)
        .ok_or_else(|| format!("unknown colour `{t}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_hex() {
        assert_eq!(parse_color("gold").unwrap(), Rgb::new(255, 176, 24));
        assert_eq!(parse_color("Warm White").unwrap(), Rgb::new(255, 200, 140));
        assert_eq!(parse_color("#10ff0a").unwrap(), Rgb::new(16, 255, 10));
        assert!(parse_color("#12345").is_err());
        assert!(parse_color("chartreuse").is_err());
    }
}
