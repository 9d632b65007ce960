//! `read_input`: reads a file the show names (artwork, fonts, point lists), refusing files
//! larger than [`MAX_INPUT_BYTES`] before reading a byte of them, so a gigabyte font or
//! image is a clear error, not an exhausted memory.

use std::path::Path;

/// Largest file the show may name, bytes (256 MiB: the largest system font collections
/// are about 30 MB, show artwork a few MB).
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// The bytes of `path`, or why not (a message for the user: the operating system's
/// reason, or the size refusal). Files above `max_bytes` are
/// refused from their size on disk; the read itself is also bounded, for files that grow
/// or lie about their size (pipes, `/proc`).
pub fn read_input(path: &Path, max_bytes: u64) -> Result<Vec<u8>, skyshow_i18n::Message> {
    use std::io::Read;
    let reason = |e: std::io::Error| skyshow_i18n::io_reason(&e);
    let file = fs_err::File::open(path).map_err(reason)?;
    let len = file.metadata().map_err(reason)?.len();
    if len > max_bytes {
        return Err(too_large(len, max_bytes));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(reason)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(bytes.len() as u64, max_bytes));
    }
    Ok(bytes)
}

fn too_large(len: u64, max: u64) -> skyshow_i18n::Message {
    skyshow_i18n::msg!(
        "input-too-large",
        size = len.div_ceil(1 << 20),
        max = max >> 20
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_sparse_gigabyte_file_from_its_size() {
        let dir = std::env::temp_dir().join(format!("skyshow-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("huge.ttf");
        let f = std::fs::File::create(&p).unwrap();
        f.set_len(3 << 30).unwrap();
        let e = read_input(&p, MAX_INPUT_BYTES).unwrap_err();
        assert_eq!(
            e.english(),
            "the file is 3072 MB, more than the 256 MB an input file may have"
        );
        std::fs::write(&p, b"12345").unwrap();
        assert_eq!(read_input(&p, 5).unwrap(), b"12345");
        assert!(read_input(&p, 4).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
