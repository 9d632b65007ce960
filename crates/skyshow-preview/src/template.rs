//! `Template`: fills `{{NAME}}` slots of a page skeleton in one pass.

use std::io::{self, Write};

/// A page skeleton with `{{NAME}}` slots (upper-case ASCII names).
pub(crate) struct Template<'a> {
    text: &'a str,
}

impl<'a> Template<'a> {
    /// A template over `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        Template { text }
    }

    /// The text with every slot replaced by `value(name)`; values are not scanned again,
    /// so user text that looks like a slot stays as it is. Unknown slots become empty.
    #[cfg(test)]
    pub(crate) fn render(&self, mut value: impl FnMut(&str, &mut Vec<u8>)) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.text.len());
        // Writing into memory cannot fail.
        let _ = self.render_to(&mut out, |name, out| {
            value(name, out);
            Ok(())
        });
        out
    }

    /// Writes the text to `out` as it is filled: the text between slots, then each slot's
    /// value as `value(name, out)` writes it (the same bytes as [`Self::render`]).
    ///
    /// # Errors
    /// The writer's, or `value`'s.
    pub(crate) fn render_to<W: Write>(
        &self,
        out: &mut W,
        mut value: impl FnMut(&str, &mut W) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut rest = self.text;
        while let Some(i) = rest.find("{{") {
            let after = &rest[i + 2..];
            match after.find("}}") {
                Some(j) if is_name(&after[..j]) => {
                    out.write_all(&rest.as_bytes()[..i])?;
                    value(&after[..j], out)?;
                    rest = &after[j + 2..];
                }
                _ => {
                    out.write_all(&rest.as_bytes()[..i + 2])?;
                    rest = after;
                }
            }
        }
        out.write_all(rest.as_bytes())
    }
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_slots_once() {
        let t = Template::new("a {{X}} b {{Y}} {{not}} {{");
        let out = t.render(|name, out| match name {
            "X" => out.extend_from_slice(b"{{Y}}"),
            "Y" => out.extend_from_slice(b"y"),
            _ => {}
        });
        assert_eq!(String::from_utf8(out).unwrap(), "a {{Y}} b y {{not}} {{");
    }
}
