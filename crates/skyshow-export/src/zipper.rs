//! Deterministic zip archives: fixed timestamps, members in the given order, written to any
//! seekable writer as they are produced.

use std::io::{self, Seek, Write};

use rayon::prelude::*;
use zip::write::{PreparedZipFile, SimpleFileOptions};
use zip::{CompressionMethod, DateTime, ZipWriter};

/// Member options: deflated at `level` (1 fast – 9 small), fixed timestamp, rw-r--r--.
pub(crate) fn member_options(level: i64) -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(level))
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644)
}

/// A zip archive of `(name, bytes)` members, deflated at `level`, in memory: the reference
/// the streamed archives are checked against.
#[cfg(test)]
pub(crate) fn zip_members(members: &[(String, Vec<u8>)], level: i64) -> Vec<u8> {
    let mut w = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = member_options(level);
    for (name, bytes) in members {
        // Writing into memory cannot fail except on a bug.
        w.start_file(name.as_str(), opts)
            .expect("zip member header");
        w.write_all(bytes).expect("zip member body");
    }
    w.finish().expect("zip directory").into_inner()
}

/// Members produced by index in parallel: how many are made (and held compressed) at once.
const PARALLEL_BATCH: usize = 256;

/// Writes a zip of `count` members to `out`: member `i` is named and filled by `make(i)`,
/// made and compressed in parallel batches and appended in index order, so the archive is
/// the same whatever the thread count, and only one batch is ever held in memory.
pub(crate) fn write_zip_par<W, F>(out: W, count: usize, level: i64, make: F) -> io::Result<W>
where
    W: Write + Seek,
    F: Fn(usize) -> (String, Vec<u8>) + Sync,
{
    let mut w = ZipWriter::new(out);
    let opts = member_options(level);
    let mut start = 0;
    while start < count {
        let end = (start + PARALLEL_BATCH).min(count);
        let batch: Vec<PreparedZipFile> = (start..end)
            .into_par_iter()
            .map(|i| {
                let (name, bytes) = make(i);
                PreparedZipFile::from_data(name, opts, &bytes)
            })
            .collect::<Result<_, _>>()
            .map_err(io::Error::other)?;
        w.add_prepared_files(batch).map_err(io::Error::other)?;
        start = end;
    }
    w.finish().map_err(io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_members_give_the_same_archive_as_sequential_ones() {
        let members: Vec<(String, Vec<u8>)> = (0..600)
            .map(|i| {
                let body = format!("{i},").repeat(i % 97 + 1).into_bytes();
                (format!("Drone {i}.csv"), body)
            })
            .collect();
        for level in [1, 6] {
            let whole = zip_members(&members, level);
            let streamed = write_zip_par(
                std::io::Cursor::new(Vec::new()),
                members.len(),
                level,
                |i| members[i].clone(),
            )
            .unwrap()
            .into_inner();
            assert_eq!(whole, streamed, "level {level}");
        }
    }
}
