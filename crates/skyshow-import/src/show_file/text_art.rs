//! `TextArt`: text set in a font (any script; lines and alignment), as glyph outlines.
//!
//! The text is laid out by usvg (shaping with rustybuzz, so joined and reordered scripts
//! work) as one `<text>` element per line, then read like any SVG. The canvas is the ink's
//! bounding box.

use super::art::{Art, ArtError};
use super::fonts::{ResolvedFont, package_for};
use super::svg_art::SvgArt;
use super::svg_paint::Darkness;
use skyshow_i18n::msg;

/// Font size the text is set at, in the canvas units (only its ratios matter).
const EM: f64 = 100.0;

/// Horizontal alignment of the lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// Text to set.
pub(crate) struct TextArt<'a> {
    /// The text; `\n` separates lines.
    pub(crate) text: &'a str,
    /// Alignment.
    pub(crate) align: Align,
    /// Distance between baselines, in ems.
    pub(crate) line_spacing: f64,
    /// Weight (100–900).
    pub(crate) weight: u16,
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

impl TextArt<'_> {
    /// The glyph outlines in `font`. A character the font lacks is an error naming it.
    pub(crate) fn art(&self, font: &ResolvedFont) -> Result<Art, ArtError> {
        if self.text.trim().is_empty() {
            return Err(ArtError::new(
                msg!("artwork-text-empty"),
                msg!("artwork-text-empty-hint"),
            ));
        }
        if let Some(c) = font.missing_glyph(self.text) {
            return Err(ArtError::new(
                msg!(
                    "artwork-font-no-glyph",
                    font = font.describe(),
                    glyph = c.to_string(),
                    code = format!("U+{:04X}", c as u32)
                ),
                msg!("artwork-font-no-glyph-hint", package = package_for(c)),
            ));
        }
        let svg = self.svg(font);
        // The font's glyphs are drawn by usvg's font stack. A font file's glyph records that
        // would make it panic are refused before this (`GlyfCheck`); installed fonts are not
        // checked, and any other panic of that stack is still reported as a broken font
        // instead of taking the process down.
        let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            // Text is ink only: every glyph is a place for drones, whatever its colour.
            let ink = Darkness {
                holes: false,
                ..Darkness::DEFAULT
            };
            SvgArt::parse(svg.as_bytes(), font.db.clone(), None)
                .map(|a| a.art(false, ink).map(|p| p.art))
        }))
        .map_err(|_| {
            ArtError::new(
                msg!("artwork-font-malformed", font = font.describe()),
                msg!("artwork-font-malformed-hint"),
            )
        })?;
        let mut art = drawn?.map_err(|_| {
            ArtError::new(
                msg!("artwork-font-drew-nothing", font = font.describe()),
                msg!("artwork-font-drew-nothing-hint"),
            )
        })?;
        crop_to_ink(&mut art);
        Ok(art)
    }

    /// The text as an SVG document in `font`'s family, one `<text>` per line, `EM` units
    /// high, lines `line_spacing` ems apart, anchored as `align` says.
    fn svg(&self, font: &ResolvedFont) -> String {
        let anchor = match self.align {
            Align::Left => "start",
            Align::Center => "middle",
            Align::Right => "end",
        };
        let mut svg = String::from(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1000" viewBox="0 0 1000 1000">"#,
        );
        for (i, line) in self.text.lines().enumerate() {
            svg.push_str(&format!(
                r#"<text x="0" y="{}" font-family="{}" font-size="{EM}" font-weight="{}" text-anchor="{anchor}" xml:space="preserve" fill="white">{}</text>"#,
                i as f64 * self.line_spacing * EM,
                xml_escape(&font.family),
                self.weight,
                xml_escape(line)
            ));
        }
        svg.push_str("</svg>");
        svg
    }
}

/// Moves the art so that its ink's bounding box starts at the origin, and makes that box
/// its canvas.
fn crop_to_ink(art: &mut Art) {
    let mut lo = [f64::INFINITY; 2];
    let mut hi = [f64::NEG_INFINITY; 2];
    for p in art.area.iter().chain(&art.lines).flatten() {
        for k in 0..2 {
            lo[k] = lo[k].min(p[k]);
            hi[k] = hi[k].max(p[k]);
        }
    }
    let shift = |v: &mut Vec<Vec<[f64; 2]>>| {
        for r in v {
            for p in r {
                *p = [p[0] - lo[0], p[1] - lo[1]];
            }
        }
    };
    shift(&mut art.area);
    shift(&mut art.lines);
    art.width = (hi[0] - lo[0]).max(1e-9);
    art.height = (hi[1] - lo[1]).max(1e-9);
}
