//! Why a file could not be read or written, in the user's language: the operating system's
//! error kind as a message (its own text, English on most systems, only for kinds without
//! one).

use std::io::{Error, ErrorKind};

use crate::{Message, msg};

/// The reason an I/O operation failed: `no such file or directory`, `permission denied`, …
/// in the chosen language; other kinds keep the operating system's words
/// (`io-other`), since they are rare and specific.
pub fn io_reason(e: &Error) -> Message {
    match e.kind() {
        ErrorKind::NotFound => msg!("io-not-found"),
        ErrorKind::PermissionDenied => msg!("io-permission-denied"),
        ErrorKind::IsADirectory => msg!("io-is-a-directory"),
        ErrorKind::NotADirectory => msg!("io-not-a-directory"),
        ErrorKind::InvalidData => msg!("io-invalid-data"),
        ErrorKind::StorageFull => msg!("io-storage-full"),
        ErrorKind::ReadOnlyFilesystem => msg!("io-read-only"),
        ErrorKind::AlreadyExists => msg!("io-already-exists"),
        _ => msg!("io-other", why = os_words(e)),
    }
}

/// The operating system's words without the wrapper text of `fs_err` (`failed to open
/// file `x`: `…), which names a path the message already names.
fn os_words(e: &Error) -> String {
    let text = e.to_string();
    match e.get_ref().and_then(|inner| inner.source()) {
        Some(src) => src.to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn common_kinds_are_worded_in_each_language() {
        let e = Error::new(
            ErrorKind::NotFound,
            "No such file or directory (os error 2)",
        );
        assert_eq!(io_reason(&e).render(Lang::En), "no such file or directory");
        assert_eq!(io_reason(&e).render(Lang::Zh), "文件或目录不存在");
        let other = Error::other("disk on fire");
        assert_eq!(io_reason(&other).render(Lang::En), "disk on fire");
        assert!(
            io_reason(&other)
                .render(Lang::Zh)
                .contains("`disk on fire`")
        );
    }
}
