//! `Foreign`: a file whose content is plainly something else than its name says (a web page
//! saved as `.glb`, a Git LFS pointer checked out instead of the model, a ZIP archive), told
//! in one line with the fix, before a parser reports the symptom ("expected value at line 7
//! column 1").

use skyshow_i18n::msg;

use super::art::ArtError;

/// What a file's first bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Foreign {
    /// An HTML page.
    Html,
    /// A Git LFS pointer (the repository was cloned without `git lfs`).
    LfsPointer,
    /// A ZIP archive.
    Zip,
    /// Another well-known kind: its name.
    Other(&'static str),
}

impl Foreign {
    /// What `data` is, when its first bytes plainly say it is not a file of kind
    /// `expected` (`"svg"`, `"gltf"`, `"obj"`, `"stl"`, `"image"`); `None` when it may be.
    pub(crate) fn sniff(data: &[u8], expected: &str) -> Option<Foreign> {
        let head = &data[..data.len().min(512)];
        let text = String::from_utf8_lossy(head);
        let text = text.trim_start_matches('\u{feff}').trim_start();
        let lower = text.to_ascii_lowercase();
        if lower.starts_with("version https://git-lfs.github.com/spec/") {
            return Some(Foreign::LfsPointer);
        }
        let html = lower.starts_with("<!doctype html")
            || lower.starts_with("<html")
            || lower.starts_with("<head")
            || (lower.starts_with("<!--") && lower.contains("<html"));
        if html && expected != "html" {
            return Some(Foreign::Html);
        }
        let signatures: [(&[u8], Foreign, &[&str]); 6] = [
            (b"PK\x03\x04", Foreign::Zip, &[]),
            (b"\x1f\x8b", Foreign::Other("gzip"), &[]),
            (b"%PDF", Foreign::Other("PDF"), &[]),
            (b"\x89PNG", Foreign::Other("PNG image"), &["image"]),
            (b"\xff\xd8\xff", Foreign::Other("JPEG image"), &["image"]),
            (
                b"glTF",
                Foreign::Other("binary glTF (.glb)"),
                &["gltf", "stl"],
            ),
        ];
        for (magic, kind, allowed) in signatures {
            if data.starts_with(magic) && !allowed.contains(&expected) {
                return Some(kind);
            }
        }
        None
    }

    /// The error for a file of kind `expected` (as users name it: "glTF", "SVG", …) that
    /// is this instead.
    pub(crate) fn error(self, expected: &str) -> ArtError {
        let (what, hint) = match self {
            Foreign::Html => (
                msg!("artwork-foreign-html", expected = expected),
                msg!("artwork-foreign-html-hint", expected = expected),
            ),
            Foreign::LfsPointer => (
                msg!("artwork-foreign-lfs", expected = expected),
                msg!("artwork-foreign-lfs-hint"),
            ),
            Foreign::Zip => (
                msg!("artwork-foreign-zip", expected = expected),
                msg!("artwork-foreign-zip-hint", expected = expected),
            ),
            Foreign::Other(kind) => (
                msg!("artwork-foreign-other", kind = kind, expected = expected),
                msg!("artwork-foreign-other-hint", expected = expected),
            ),
        };
        ArtError::new(what, hint)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_kinds_are_recognised_by_their_first_bytes() {
        let page = b"\xef\xbb\xbf\n  <!DOCTYPE html>\n<html lang=\"en\"><head>";
        assert_eq!(Foreign::sniff(page, "gltf"), Some(Foreign::Html));
        let lfs = b"version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 12\n";
        assert_eq!(Foreign::sniff(lfs, "obj"), Some(Foreign::LfsPointer));
        assert_eq!(Foreign::sniff(b"PK\x03\x04rest", "svg"), Some(Foreign::Zip));
        assert_eq!(
            Foreign::sniff(b"\x89PNG\r\n", "gltf"),
            Some(Foreign::Other("PNG image"))
        );
        // What the kind itself may start with is left to its reader.
        assert_eq!(Foreign::sniff(b"\x89PNG\r\n", "image"), None);
        assert_eq!(Foreign::sniff(b"glTF\x02\0\0\0", "gltf"), None);
        assert_eq!(Foreign::sniff(b"{\"asset\":{}}", "gltf"), None);
        assert_eq!(Foreign::sniff(b"<svg xmlns=\"\">", "svg"), None);
        assert_eq!(Foreign::sniff(b"solid cube\n", "stl"), None);
        assert_eq!(Foreign::sniff(b"", "obj"), None);
        let e = Foreign::Html.error("glTF");
        assert_eq!(
            e.message.english(),
            "an HTML page, not a glTF file (a web page saved under the file's name?)"
        );
    }
}
