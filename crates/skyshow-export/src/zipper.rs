//! Deterministic zip archives: fixed timestamps, members in the given order.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// A zip archive of `(name, bytes)` members, deflated at `level` (1 fast – 9 small), with a
/// fixed timestamp.
pub(crate) fn zip_members(members: &[(String, Vec<u8>)], level: i64) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(level))
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    for (name, bytes) in members {
        // Writing into memory cannot fail except on a bug.
        w.start_file(name.as_str(), opts)
            .expect("zip member header");
        w.write_all(bytes).expect("zip member body");
    }
    w.finish().expect("zip directory").into_inner()
}
