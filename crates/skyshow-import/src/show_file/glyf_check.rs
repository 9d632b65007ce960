//! `GlyfCheck`: the check, before a font file reaches usvg, that none of its TrueType glyph
//! records would make usvg's outline reader panic.
//!
//! usvg 0.49 draws glyphs with skrifa 0.44 on read-fonts 0.41. That read-fonts decodes the
//! point flags of a simple glyph into a buffer of the glyph's point count, and checks that
//! it has every flag only *after* storing one. A glyph with no contours (no points) whose
//! record still holds bytes after its instructions, the first of them not a repeat flag, is
//! stored into an empty buffer: an index panic (fontations issue #1962, fixed in read-fonts
//! 0.42, which no usvg release uses yet). Such a record is exactly what this check finds.
//!
//! The glyphs are read with that same read-fonts, the way skrifa reads them (its table
//! lookup, `head`'s offset format, `loca`, `glyf`), so the check sees the records usvg will
//! draw even in a font whose table directory is out of order or names a table twice.
//! Every glyph is checked, not only those the text maps to: shaping (ligatures, contextual
//! forms, composition, space fallbacks) can reach any glyph of the font.

use read_fonts::tables::glyf::{Glyf, Glyph};
use read_fonts::tables::loca::Loca;
use read_fonts::types::GlyphId;
use read_fonts::{FontRef, TableProvider};

/// A glyph record usvg cannot draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BadGlyph {
    /// Index of the face in the font file (0 unless a collection).
    pub(crate) face: u32,
    /// The glyph's id.
    pub(crate) glyph: u32,
    /// Bytes after the glyph's instructions.
    pub(crate) trailing: usize,
}

/// The TrueType outline tables of one face.
pub(crate) struct GlyfCheck<'a> {
    glyf: Glyf<'a>,
    loca: Loca<'a>,
}

/// Flag bit: the next byte repeats this flag that many more times.
const REPEAT_FLAG: u8 = 0x08;

impl<'a> GlyfCheck<'a> {
    /// The outline tables of face `index` of `data`, found as skrifa finds them; `None` when
    /// the face has none skrifa would use (CFF fonts, or a file that does not parse: other
    /// checks answer those, and skrifa draws nothing from them).
    pub(crate) fn new(data: &'a [u8], index: u32) -> Option<Self> {
        let font = FontRef::from_index(data, index).ok()?;
        let head = font.head().ok()?;
        let loca = font.loca(Some(head.index_to_loc_format() == 1)).ok()?;
        let glyf = font.glyf().ok()?;
        Some(Self { glyf, loca })
    }

    /// The first glyph (by id) whose record would make read-fonts 0.41 panic, if any. Every
    /// `loca` entry is looked at, whatever `maxp` claims, since the glyph ids usvg asks for
    /// come from the font's own tables.
    pub(crate) fn first_bad(&self, face: u32) -> Option<BadGlyph> {
        (0..self.loca.len()).find_map(|g| {
            let Ok(Some(Glyph::Simple(glyph))) =
                self.loca.get_glyf(GlyphId::new(g as u32), &self.glyf)
            else {
                // Composite glyphs take another path; unreadable records are errors.
                return None;
            };
            // With at least one point, read-fonts stops its flag loop at the point count.
            if glyph.num_points() != 0 {
                return None;
            }
            let flags = glyph.glyph_data();
            match flags.first() {
                Some(&flag) if flag & REPEAT_FLAG == 0 => Some(BadGlyph {
                    face,
                    glyph: g as u32,
                    trailing: flags.len(),
                }),
                _ => None,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use read_fonts::{FontData, FontRead};

    /// `glyf` and `loca` (short or long offsets) for glyph records laid out one after
    /// another, each padded to an even length.
    fn tables(records: &[Vec<u8>], long: bool) -> (Vec<u8>, Vec<u8>) {
        let mut glyf = Vec::new();
        let mut offsets = Vec::new();
        for r in records {
            offsets.push(glyf.len());
            glyf.extend_from_slice(r);
            if glyf.len() % 2 == 1 {
                glyf.push(0);
            }
        }
        offsets.push(glyf.len());
        let loca = offsets
            .iter()
            .flat_map(|&o| {
                if long {
                    (o as u32).to_be_bytes().to_vec()
                } else {
                    ((o / 2) as u16).to_be_bytes().to_vec()
                }
            })
            .collect();
        (glyf, loca)
    }

    fn first_bad(records: &[Vec<u8>], long: bool) -> Option<BadGlyph> {
        let (glyf, loca) = tables(records, long);
        let check = GlyfCheck {
            glyf: Glyf::read(FontData::new(&glyf)).unwrap(),
            loca: Loca::read(FontData::new(&loca), long).unwrap(),
        };
        check.first_bad(0)
    }

    /// A glyph record: numberOfContours, a zero bounding box, end points, instructions,
    /// then `rest`.
    fn record(contours: i16, end_points: &[u16], instructions: &[u8], rest: &[u8]) -> Vec<u8> {
        let mut r = contours.to_be_bytes().to_vec();
        r.extend_from_slice(&[0; 8]);
        for e in end_points {
            r.extend_from_slice(&e.to_be_bytes());
        }
        r.extend_from_slice(&(instructions.len() as u16).to_be_bytes());
        r.extend_from_slice(instructions);
        r.extend_from_slice(rest);
        r
    }

    #[test]
    fn finds_a_zero_point_glyph_with_a_trailing_flag_and_nothing_else() {
        let good = record(1, &[2], &[], &[1, 1, 1, 0, 0, 0, 0, 0, 0]);
        let empty = record(0, &[], &[0xB0, 0], &[]);
        let repeat = record(0, &[], &[], &[REPEAT_FLAG | 1, 4]);
        let bad = record(0, &[], &[0xB0], &[0, 0, 0]);
        let records = [good.clone(), empty, repeat, vec![], bad, good];
        assert_eq!(
            first_bad(&records, false),
            Some(BadGlyph {
                face: 0,
                glyph: 4,
                trailing: 3
            })
        );
        assert_eq!(first_bad(&records[..4], false), None);
        // A zero-contour record with one instruction byte is padded by one byte: the pad
        // (0, not a repeat flag) is the trailing flag.
        assert_eq!(
            first_bad(&[record(0, &[], &[0xB0], &[])], true).map(|b| b.trailing),
            Some(1)
        );
    }

    #[test]
    fn reads_long_offsets() {
        let records = [record(0, &[], &[], &[]), vec![], record(0, &[], &[], &[1])];
        assert_eq!(first_bad(&records, true).map(|b| b.glyph), Some(2));
    }

    /// What the check guards against: read-fonts 0.41 itself panics drawing the glyph it
    /// finds. When a usvg release moves to a fixed read-fonts (0.42 or later), this test
    /// fails, and the check (with this test) can go.
    #[test]
    fn the_glyph_found_does_panic_read_fonts() {
        let (glyf, loca) = tables(&[record(0, &[], &[], &[1, 0])], false);
        let glyf = Glyf::read(FontData::new(&glyf)).unwrap();
        let loca = Loca::read(FontData::new(&loca), false).unwrap();
        let Ok(Some(Glyph::Simple(glyph))) = loca.get_glyf(GlyphId::new(0), &glyf) else {
            panic!("a simple glyph");
        };
        let drawn =
            std::panic::catch_unwind(|| glyph.read_points_fast::<i32>(&mut [], &mut []).is_ok());
        assert!(drawn.is_err(), "read-fonts no longer panics: {drawn:?}");
    }
}
