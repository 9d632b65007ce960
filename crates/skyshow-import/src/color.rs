//! Colours in the show file: palette names (English or Chinese) and `#rrggbb`.

use skyshow_i18n::{Message, msg};
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

/// The Chinese names of the palette's colours (each also with 色: 红 and 红色), by English
/// name: the names a Chinese designer writes.
pub const CHINESE_NAMES: &[(&str, &[&str])] = &[
    ("red", &["红", "大红", "中国红"]),
    ("green", &["绿"]),
    ("blue", &["蓝"]),
    ("gold", &["金", "金黄"]),
    ("white", &["白", "纯白", "冷白"]),
    ("warm_white", &["暖白"]),
    ("orange", &["橙", "橘", "橘黄"]),
    ("yellow", &["黄"]),
    ("cyan", &["青", "蓝绿"]),
    ("magenta", &["品红", "洋红", "紫红"]),
    ("purple", &["紫"]),
    ("pink", &["粉", "粉红"]),
    ("jade", &["翠绿", "玉绿", "碧玉"]),
    ("crimson", &["绯红", "深红", "殷红"]),
    ("sky", &["天蓝", "天空蓝"]),
    ("off", &["灭", "熄灭", "关", "关灯", "黑"]),
];

/// The English palette name of a Chinese colour name (`红`, `红色`, `暖白色`), if it is one.
fn chinese(name: &str) -> Option<&'static str> {
    let bare = name
        .strip_suffix('色')
        .filter(|b| !b.is_empty())
        .unwrap_or(name);
    CHINESE_NAMES
        .iter()
        .find(|(_, names)| names.contains(&bare))
        .map(|(en, _)| *en)
}

/// Parses a palette name (English, or Chinese such as `红`, `暖白`, `金色`) or `#rrggbb`.
pub fn parse_color(text: &str) -> Result<Rgb, Message> {
    let t = text.trim();
    if let Some(hex) = t.strip_prefix('#') {
        if hex.len() == 6
            && hex.chars().all(|c| c.is_ascii_hexdigit())
            && let Ok(v) = u32::from_str_radix(hex, 16)
        {
            return Ok(Rgb::new((v >> 16) as u8, (v >> 8) as u8, v as u8));
        }
        return Err(msg!("color-not-hex", value = t));
    }
    let key = t.to_ascii_lowercase().replace([' ', '-'], "_");
    let key = chinese(t).unwrap_or(&key);
    PALETTE
        .iter()
        .find(|(n, _)| *n == key)
        .map(|(_, c)| *c)
        .ok_or_else(|| unknown_color(t))
}

/// The error for a colour name that is not in the palette, with the nearest palette name
/// (English or Chinese) when the name looks like a slip of one (`gren`, `warm-whit`).
fn unknown_color(t: &str) -> Message {
    let names = PALETTE
        .iter()
        .map(|(n, _)| *n)
        .chain(CHINESE_NAMES.iter().flat_map(|(_, zh)| zh.iter().copied()));
    match skyshow_i18n::nearest(t, names) {
        Some(name) => msg!("color-unknown-near", value = t, name = name),
        None => msg!("color-unknown", value = t),
    }
}

/// The hint for an unknown colour: the palette in the user's language.
pub fn color_hint() -> Message {
    msg!("color-hint")
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_i18n::Lang;

    #[test]
    fn names_and_hex() {
        assert_eq!(parse_color("gold").unwrap(), Rgb::new(255, 176, 24));
        assert_eq!(parse_color("Warm White").unwrap(), Rgb::new(255, 200, 140));
        assert_eq!(parse_color("#10ff0a").unwrap(), Rgb::new(16, 255, 10));
        assert!(parse_color("#12345").is_err());
        assert!(parse_color("chartreuse").is_err());
    }

    #[test]
    fn chinese_names_are_the_palette() {
        assert_eq!(parse_color("红"), parse_color("red"));
        assert_eq!(parse_color("红色"), parse_color("red"));
        assert_eq!(parse_color("暖白"), parse_color("warm_white"));
        assert_eq!(parse_color(" 金色 "), parse_color("gold"));
        assert_eq!(parse_color("熄灭"), parse_color("off"));
        assert!(parse_color("色").is_err());
        assert!(parse_color("红红").is_err());
        // Every palette colour has a Chinese name and every Chinese name a palette colour.
        for (en, _) in PALETTE {
            assert!(CHINESE_NAMES.iter().any(|(n, _)| n == en), "{en}");
        }
        for (en, names) in CHINESE_NAMES {
            for n in *names {
                assert_eq!(parse_color(n), parse_color(en), "{n}");
                assert_eq!(parse_color(&format!("{n}色")), parse_color(en), "{n}色");
            }
        }
        let e = parse_color("chartreuse").unwrap_err();
        assert_eq!(e.render(Lang::En), "unknown colour `chartreuse`");
        assert_eq!(e.render(Lang::Zh), "未知颜色 `chartreuse`");
        let e = parse_color("#12").unwrap_err();
        assert_eq!(e.render(Lang::En), "`#12` is not a `#rrggbb` colour");
        assert_eq!(e.render(Lang::Zh), "`#12` 不是 `#rrggbb` 格式的颜色");
        assert!(color_hint().render(Lang::Zh).contains("暖白"));
        let slip = parse_color("gren").unwrap_err().render(Lang::En);
        assert_eq!(slip, "unknown colour `gren` (did you mean `green`?)");
        let slip = parse_color("Warm-Whit").unwrap_err().render(Lang::En);
        assert!(slip.contains("did you mean `warm_white`?"), "{slip}");
        let far = parse_color("violet").unwrap_err().render(Lang::En);
        assert_eq!(far, "unknown colour `violet`");
    }

    #[test]
    fn both_documents_list_every_chinese_name() {
        for doc in [
            include_str!("../../../docs/show-file.md"),
            include_str!("../../../docs/show-file.zh.md"),
        ] {
            for (en, names) in CHINESE_NAMES {
                let row = doc
                    .lines()
                    .find(|l| l.starts_with(&format!("| `{en}` | `")))
                    .unwrap_or_else(|| panic!("no row for {en}"));
                let listed = row.matches('`').count() / 2 - 1;
                assert_eq!(listed, names.len(), "{row}");
                for n in *names {
                    assert!(row.contains(&format!("`{n}`")), "{n} in {row}");
                }
            }
        }
        assert!(color_hint().render(Lang::En).contains("warm_white"));
    }
}
