//! `Template`: fills `{{NAME}}` slots of a page skeleton in one pass.

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
    pub(crate) fn render(&self, mut value: impl FnMut(&str, &mut Vec<u8>)) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.text.len());
        let mut rest = self.text;
        while let Some(i) = rest.find("{{") {
            let after = &rest[i + 2..];
            match after.find("}}") {
                Some(j) if is_name(&after[..j]) => {
                    out.extend_from_slice(&rest.as_bytes()[..i]);
                    value(&after[..j], &mut out);
                    rest = &after[j + 2..];
                }
                _ => {
                    out.extend_from_slice(&rest.as_bytes()[..i + 2]);
                    rest = after;
                }
            }
        }
        out.extend_from_slice(rest.as_bytes());
        out
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
