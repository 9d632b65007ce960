//! The SVG's source text before usvg reads it: how deep its elements nest (checked before
//! the recursive conversion), and `color` set on its root so that `currentColor` resolves
//! as SVG defines it.

use skyshow_model::Rgb;

/// `data` with `color="…"` set on its root element when the drawing does not set it there,
/// so that `currentColor` is `color` as SVG defines it (the property set anywhere in the
/// drawing, inherited, else the formation's colour). `None` when nothing is to change or the
/// document does not parse (usvg then says why).
pub(super) fn with_root_color(data: &[u8], color: Rgb) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(data).ok()?;
    let opt = usvg::roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = usvg::roxmltree::Document::parse_with_options(text, opt).ok()?;
    let root = doc.root_element();
    if root.has_attribute("color") {
        return None;
    }
    // After `<` and the root's tag name (with its prefix, if any).
    let start = root.range().start + 1;
    let name_end =
        start + text[start..].find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
    let mut out = String::with_capacity(text.len() + 20);
    out.push_str(&text[..name_end]);
    out.push_str(&format!(" color=\"{}\"", color.to_hex()));
    out.push_str(&text[name_end..]);
    Some(out.into_bytes())
}

/// The deepest element nesting of XML `data`, from a scan of its tags (comments, CDATA,
/// processing instructions and declarations skipped; quoted `>` in attributes honoured).
/// Linear time, no recursion, whatever the input.
pub(super) fn nesting_depth(data: &[u8]) -> usize {
    let find = |from: usize, pat: &[u8]| {
        data[from..]
            .windows(pat.len())
            .position(|w| w == pat)
            .map_or(data.len(), |k| from + k + pat.len())
    };
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while i < data.len() {
        if data[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &data[i..];
        if rest.starts_with(b"<!--") {
            i = find(i + 4, b"-->");
        } else if rest.starts_with(b"<![CDATA[") {
            i = find(i + 9, b"]]>");
        } else if rest.starts_with(b"<?") {
            i = find(i + 2, b"?>");
        } else if rest.starts_with(b"<!") {
            i = find(i + 2, b">");
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            i = find(i + 2, b">");
        } else {
            let mut quote = None;
            let mut j = i + 1;
            while j < data.len() {
                match (quote, data[j]) {
                    (None, b'"' | b'\'') => quote = Some(data[j]),
                    (Some(q), c) if c == q => quote = None,
                    (None, b'>') => break,
                    _ => {}
                }
                j += 1;
            }
            if data.get(j.wrapping_sub(1)) != Some(&b'/') {
                depth += 1;
                max = max.max(depth);
            }
            i = j + 1;
        }
    }
    max
}
