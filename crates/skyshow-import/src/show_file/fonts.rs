//! `Fonts`: fonts for text formations, by file or by family name among the system fonts
//! (loaded once, on first use), and the check that a font has every glyph of a text.

use std::sync::Arc;

use usvg::fontdb::{Database, Family, ID, Query, Source, Stretch, Style, Weight};

use skyshow_i18n::msg;

use super::art::ArtError;
use super::glyf_check::GlyfCheck;

/// Most fonts a font collection file may hold (real collections hold a few dozen).
const MAX_FACES: u32 = 1024;

/// A font chosen for a text: the database to set it with, its family and its face.
pub(crate) struct ResolvedFont {
    /// Fonts usvg may use (only this one for a font file).
    pub(crate) db: Arc<Database>,
    /// Family name to ask for.
    pub(crate) family: String,
    /// The face.
    pub(crate) id: ID,
}

/// The system fonts, loaded on first use.
#[derive(Default)]
pub(crate) struct Fonts {
    system: Option<Arc<Database>>,
}

/// Whether `font` names a font file rather than a family.
pub(crate) fn is_font_file(font: &str) -> bool {
    let lower = font.to_ascii_lowercase();
    [".ttf", ".otf", ".ttc", ".otc"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Why `font`, a path to a file in a format this program does not read, cannot be used:
/// the message and the hint. `None` for a font file it reads or a family name.
pub(crate) fn unreadable_font_file(font: &str) -> Option<ArtError> {
    use skyshow_i18n::msg;
    let lower = font.to_ascii_lowercase();
    let ext = std::path::Path::new(&lower)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("");
    let (what, hint) = match ext {
        "pfb" | "pfa" | "pfm" | "afm" | "t1" => (
            msg!("artwork-font-type1", font = font),
            msg!("artwork-font-type1-hint"),
        ),
        "woff" | "woff2" => (
            msg!("artwork-font-woff", font = font),
            msg!("artwork-font-woff-hint"),
        ),
        "fon" | "fnt" | "bdf" | "pcf" | "otb" | "dfont" => (
            msg!("artwork-font-bitmap", font = font, ext = ext),
            msg!("artwork-font-other-hint"),
        ),
        _ if !is_font_file(font) && (font.contains('/') || font.contains('\\')) => (
            msg!("artwork-font-not-a-font-file", font = font),
            msg!("artwork-font-other-hint"),
        ),
        _ => return None,
    };
    Some(ArtError::new(what, hint))
}

/// The Debian package with a font for `c`.
pub(crate) fn package_for(c: char) -> &'static str {
    let u = c as u32;
    let cjk = matches!(u,
        0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF
        | 0x20000..=0x3134F);
    if cjk {
        "fonts-noto-cjk"
    } else if (0x1F300..=0x1FAFF).contains(&u) {
        "fonts-noto-color-emoji"
    } else {
        "fonts-noto-core"
    }
}

/// Installed families shown in the hint for an unknown family (the rest are counted).
const FAMILIES_SHOWN: usize = 12;

/// The error for a font family that is not installed: the nearest installed family when
/// the name looks like a slip of one, the installed families (how many more there are when
/// the list is cut), and the package to install only when its fonts are missing.
fn unknown_family(name: &str, families: &[&str]) -> ArtError {
    let near = skyshow_i18n::nearest(name, families.iter().copied());
    let mut shown: Vec<String> = families
        .iter()
        .take(FAMILIES_SHOWN)
        .map(|f| format!("`{f}`"))
        .collect();
    if families.len() > FAMILIES_SHOWN {
        shown.push(
            msg!(
                "font-more-families",
                count = families.len() - FAMILIES_SHOWN
            )
            .to_string(),
        );
    }
    let installed = if shown.is_empty() {
        msg!("font-none-installed").to_string()
    } else {
        shown.join(", ")
    };
    let cjk_installed = families.iter().any(|f| f.starts_with("Noto Sans CJK"));
    let hint = match (near, cjk_installed) {
        (Some(n), _) => msg!("font-unknown-near-hint", name = n, installed = installed),
        (None, false) => msg!("font-unknown-install-hint", installed = installed),
        (None, true) => msg!("font-unknown-hint", installed = installed),
    };
    ArtError::new(msg!("font-unknown", name = name), hint)
}

impl Fonts {
    /// Every font installed on the system, scanned once per process (a scan reads the
    /// header of every installed font: tens of milliseconds on every SVG with text, every
    /// preview rebuild, every fuzz input otherwise).
    pub(crate) fn system(&mut self) -> Arc<Database> {
        static SYSTEM: std::sync::OnceLock<Arc<Database>> = std::sync::OnceLock::new();
        self.system
            .get_or_insert_with(|| {
                SYSTEM
                    .get_or_init(|| {
                        let mut db = Database::new();
                        db.load_system_fonts();
                        Arc::new(db)
                    })
                    .clone()
            })
            .clone()
    }

    /// The face of family `name` closest to `weight`, among the system fonts.
    pub(crate) fn by_family(&mut self, name: &str, weight: u16) -> Result<ResolvedFont, ArtError> {
        let db = self.system();
        let query = Query {
            families: &[Family::Name(name)],
            weight: Weight(weight),
            stretch: Stretch::Normal,
            style: Style::Normal,
        };
        match db.query(&query) {
            Some(id) => Ok(ResolvedFont {
                db,
                family: name.to_string(),
                id,
            }),
            None => {
                let mut families: Vec<&str> = db
                    .faces()
                    .filter_map(|f| f.families.first().map(|(n, _)| n.as_str()))
                    .collect();
                families.sort_unstable();
                families.dedup();
                Err(unknown_family(name, &families))
            }
        }
    }

    /// The face of a font file's bytes closest to `weight` (a collection has several).
    pub(crate) fn from_file(data: Vec<u8>, weight: u16) -> Result<ResolvedFont, ArtError> {
        // A collection's header gives its number of fonts; fontdb reserves memory for that
        // many and tries each, so a count the file has no room for is refused first.
        if let Some(n) = ttf_parser::fonts_in_collection(&data) {
            let room = data.len().saturating_sub(12) / 4;
            if n as usize > room || n > MAX_FACES {
                return Err(ArtError::new(
                    msg!(
                        "artwork-font-collection-count",
                        fonts = n,
                        room = room,
                        max = MAX_FACES
                    ),
                    msg!("artwork-font-collection-count-hint"),
                ));
            }
        }
        let mut db = Database::new();
        db.load_font_data(data);
        let best = db
            .faces()
            .filter(|f| !f.families.is_empty())
            .min_by_key(|f| (f.weight.0 as i32 - weight as i32).abs())
            .map(|f| (f.id, f.families[0].0.clone()));
        let Some((id, family)) = best else {
            return Err(ArtError::new(
                msg!("artwork-font-unreadable"),
                msg!("artwork-font-unreadable-hint"),
            ));
        };
        // Any face may be drawn (usvg falls back to the collection's other faces), so every
        // face's glyphs are checked before usvg sees one.
        let faces: Vec<ID> = db.faces().map(|f| f.id).collect();
        for face in faces {
            let bad = db
                .with_face_data(face, |data, index| {
                    GlyfCheck::new(data, index).and_then(|c| c.first_bad(index))
                })
                .flatten();
            if let Some(bad) = bad {
                return Err(ArtError::new(
                    msg!(
                        "artwork-font-glyph-malformed",
                        glyph = bad.glyph,
                        face = bad.face,
                        bytes = bad.trailing
                    ),
                    msg!("artwork-font-glyph-malformed-hint"),
                ));
            }
        }
        Ok(ResolvedFont {
            db: Arc::new(db),
            family,
            id,
        })
    }
}

impl ResolvedFont {
    /// The first character of `text` (other than white space) the face has no glyph for.
    pub(crate) fn missing_glyph(&self, text: &str) -> Option<char> {
        self.db
            .with_face_data(self.id, |data, index| {
                let face = ttf_parser::Face::parse(data, index).ok()?;
                text.chars().find(|c| {
                    !c.is_whitespace() && !c.is_control() && face.glyph_index(*c).is_none()
                })
            })
            .flatten()
    }

    /// Where the face comes from, for messages.
    pub(crate) fn describe(&self) -> String {
        match self.db.face(self.id).map(|f| &f.source) {
            Some(Source::File(p)) | Some(Source::SharedFile(p, _)) => {
                format!("`{}` ({})", self.family, p.display())
            }
            _ => format!("`{}`", self.family),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn families(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("Family {i:02}")).collect()
    }

    #[test]
    fn an_unknown_family_names_the_nearest_and_counts_the_rest() {
        skyshow_i18n::set_current(skyshow_i18n::Lang::En);
        let mut names = families(40);
        names.push("Noto Sans CJK SC".into());
        names.push("Noto Serif CJK SC".into());
        names.sort();
        let list: Vec<&str> = names.iter().map(String::as_str).collect();
        let e = unknown_family("Noto Sans CJK  SC", &list);
        let hint = e.help.unwrap().english();
        assert!(
            hint.starts_with("did you mean `Noto Sans CJK SC`?"),
            "{hint}"
        );
        assert!(hint.ends_with("and 30 more"), "{hint}");
        assert!(!hint.contains("apt-get"), "{hint}");
        // Nothing near, CJK fonts installed: no advice to install them.
        let e = unknown_family("Helvetica Neue", &list);
        let hint = e.help.unwrap().english();
        assert!(hint.starts_with("name an installed family"), "{hint}");
        assert!(!hint.contains("apt-get"), "{hint}");
        // Without them: install advice, and a short list is not said to be cut.
        let few: Vec<&str> = vec!["DejaVu Sans", "DejaVu Serif"];
        let hint = unknown_family("Helvetica Neue", &few)
            .help
            .unwrap()
            .english();
        assert!(hint.contains("apt-get install fonts-noto-cjk"), "{hint}");
        assert!(hint.ends_with("`DejaVu Sans`, `DejaVu Serif`"), "{hint}");
        let none = unknown_family("Helvetica Neue", &[])
            .help
            .unwrap()
            .english();
        assert!(none.ends_with("installed: none"), "{none}");
    }
}
