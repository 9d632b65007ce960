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
//! Every glyph of the font is checked, not only those the text maps to: shaping (ligatures,
//! contextual forms, composition, space fallbacks) can reach any glyph of the font.

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

/// The TrueType outline tables of one face, as raw bytes.
pub(crate) struct GlyfCheck<'a> {
    /// The `glyf` table.
    glyf: &'a [u8],
    /// The `loca` table.
    loca: &'a [u8],
    /// Whether `loca` holds 32-bit offsets (`head.indexToLocFormat` = 1) rather than
    /// 16-bit halved ones.
    long: bool,
}

/// Flag bit: the next byte repeats this flag that many more times.
const REPEAT_FLAG: u8 = 0x08;

impl<'a> GlyfCheck<'a> {
    /// The outline tables of face `index` of `data`; `None` when the face has no TrueType
    /// outlines (CFF fonts, or a file that does not parse: other checks answer those).
    pub(crate) fn new(data: &'a [u8], index: u32) -> Option<Self> {
        let raw = ttf_parser::RawFace::parse(data, index).ok()?;
        let glyf = raw.table(ttf_parser::Tag::from_bytes(b"glyf"))?;
        let loca = raw.table(ttf_parser::Tag::from_bytes(b"loca"))?;
        let head = raw.table(ttf_parser::Tag::from_bytes(b"head"))?;
        // indexToLocFormat: int16 at byte 50 of `head`.
        let format = i16::from_be_bytes([*head.get(50)?, *head.get(51)?]);
        Some(Self {
            glyf,
            loca,
            long: format == 1,
        })
    }

    /// Offset `i` of `loca`, in bytes into `glyf`.
    fn offset(&self, i: usize) -> Option<usize> {
        if self.long {
            let b = self.loca.get(4 * i..4 * i + 4)?;
            Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
        } else {
            let b = self.loca.get(2 * i..2 * i + 2)?;
            Some(2 * u16::from_be_bytes([b[0], b[1]]) as usize)
        }
    }

    /// The first glyph (by id) whose record would make read-fonts 0.41 panic, if any. Every
    /// `loca` entry is looked at, whatever `maxp` claims, since the glyph ids usvg asks for
    /// come from the font's own tables.
    pub(crate) fn first_bad(&self, face: u32) -> Option<BadGlyph> {
        let entries = self.loca.len() / if self.long { 4 } else { 2 };
        (0..entries.saturating_sub(1)).find_map(|g| {
            let (start, end) = (self.offset(g)?, self.offset(g + 1)?);
            // Empty, reversed or out-of-range records are refused by read-fonts itself.
            let record = self.glyf.get(start..end)?;
            // numberOfContours (int16) at 0; for a simple glyph, endPtsOfContours[n] from 10,
            // then instructionLength (uint16), the instructions, then the flags.
            let contours = i16::from_be_bytes([*record.first()?, *record.get(1)?]);
            if contours != 0 {
                // Composite glyphs take another path; a simple glyph with contours has at
                // least one point, and read-fonts stops its flag loop at the point count.
                return None;
            }
            let length = u16::from_be_bytes([*record.get(10)?, *record.get(11)?]) as usize;
            let flags = record.get(12 + length..)?;
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

    /// A `GlyfCheck` over glyph records laid out one after another (short `loca`).
    fn check_of(records: &[Vec<u8>]) -> (Vec<u8>, Vec<u8>) {
        let mut glyf = Vec::new();
        let mut loca = Vec::new();
        for r in records {
            loca.extend_from_slice(&((glyf.len() / 2) as u16).to_be_bytes());
            glyf.extend_from_slice(r);
            if glyf.len() % 2 == 1 {
                glyf.push(0);
            }
        }
        loca.extend_from_slice(&((glyf.len() / 2) as u16).to_be_bytes());
        (glyf, loca)
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
        let (glyf, loca) = check_of(&[good.clone(), empty, repeat, vec![], bad, good]);
        let check = GlyfCheck {
            glyf: &glyf,
            loca: &loca,
            long: false,
        };
        assert_eq!(
            check.first_bad(0),
            Some(BadGlyph {
                face: 0,
                glyph: 4,
                trailing: 3
            })
        );
        let (glyf, loca) = check_of(&[record(0, &[], &[], &[])]);
        let check = GlyfCheck {
            glyf: &glyf,
            loca: &loca,
            long: false,
        };
        assert_eq!(check.first_bad(0), None);
    }

    #[test]
    fn reads_long_offsets() {
        let bad = record(0, &[], &[], &[1]);
        let mut loca = Vec::new();
        for o in [0u32, 12, 12, bad.len() as u32 + 12] {
            loca.extend_from_slice(&o.to_be_bytes());
        }
        let mut glyf = record(0, &[], &[], &[]);
        glyf.extend_from_slice(&bad);
        let check = GlyfCheck {
            glyf: &glyf,
            loca: &loca,
            long: true,
        };
        assert_eq!(check.first_bad(3).map(|b| (b.face, b.glyph)), Some((3, 2)));
    }
}
