//! Atomic output: every file is written to a temporary file beside it and renamed into place,
//! so a failed or interrupted build never leaves a partial file or replaces a good one.
//!
//! Large files are streamed: [`OutputSet::stream`] writes a file into its temporary as it is
//! produced (nothing of it stays in memory); [`OutputSet::add`] queues bytes already made.
//! Nothing is renamed into place before [`OutputSet::commit`], which renames them all.
//!
//! Concurrent runs are safe: any number of skyshow processes may write into the same folder,
//! the same files or different ones. Each temporary (`.skyshow-*.tmp`) is locked by its
//! owner (an exclusive advisory lock, `flock` on Unix, held until the file is renamed or
//! removed), and a temporary is removed only by its owner or when it is provably stale: its
//! lock could be taken, so the process that made it has ended. Two runs writing the same file
//! each write a complete file and the last rename wins.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use miette::Result;
use skyshow_i18n::msg;
use tempfile::NamedTempFile;

use crate::cli_error::fail;

/// Buffer between a streamed export and its file.
const STREAM_BUFFER_BYTES: usize = 1 << 20;

/// Files to write, committed together: all are written to temporaries first, then renamed.
#[derive(Default)]
pub(crate) struct OutputSet {
    /// Queued files, with their place in the order of calls.
    files: Vec<(usize, PathBuf, Vec<u8>)>,
    /// Written temporaries, with their place in the order of calls.
    staged: Vec<(usize, NamedTempFile, PathBuf)>,
    /// Files added or streamed so far.
    count: usize,
    /// Folders already cleared of earlier builds' temporaries.
    cleared: BTreeSet<PathBuf>,
}

impl OutputSet {
    /// Queues `bytes` for `path`.
    pub(crate) fn add(&mut self, path: PathBuf, bytes: Vec<u8>) {
        self.files.push((self.count, path, bytes));
        self.count += 1;
    }

    /// Writes `path`'s temporary now, through `write` (given a buffered file that is also
    /// seekable, as zip writers need); the file is moved into place by [`Self::commit`].
    pub(crate) fn stream(
        &mut self,
        path: PathBuf,
        write: impl FnOnce(&mut BufWriter<&File>) -> io::Result<()>,
    ) -> Result<()> {
        let tmp = self.temporary(&path)?;
        let mut w = BufWriter::with_capacity(STREAM_BUFFER_BYTES, tmp.as_file());
        write(&mut w)
            .and_then(|()| w.flush())
            .map_err(|e| cannot_write(&path, e))?;
        drop(w);
        let seq = self.count;
        self.count += 1;
        self.finish(seq, tmp, path)
    }

    /// Takes over `other`'s files, ordered after this set's.
    pub(crate) fn append(&mut self, other: OutputSet) {
        let base = self.count;
        self.files.extend(
            other
                .files
                .into_iter()
                .map(|(seq, path, bytes)| (base + seq, path, bytes)),
        );
        self.staged.extend(
            other
                .staged
                .into_iter()
                .map(|(seq, tmp, path)| (base + seq, tmp, path)),
        );
        self.count += other.count;
        self.cleared.extend(other.cleared);
    }

    /// Writes every file atomically. Returns the paths written, in the order they were
    /// added or streamed.
    pub(crate) fn commit(mut self) -> Result<Vec<PathBuf>> {
        for (seq, path, bytes) in std::mem::take(&mut self.files) {
            let mut tmp = self.temporary(&path)?;
            tmp.write_all(&bytes).map_err(|e| cannot_write(&path, e))?;
            drop(bytes);
            self.finish(seq, tmp, path)?;
        }
        self.staged.sort_by_key(|(seq, _, _)| *seq);
        let mut written = Vec::with_capacity(self.staged.len());
        for (_, tmp, path) in self.staged {
            tmp.persist(&path).map_err(|e| {
                fail(
                    msg!(
                        "output-cannot-move",
                        file = &path,
                        why = skyshow_i18n::io_reason(&e.error)
                    ),
                    None,
                )
            })?;
            written.push(path);
        }
        Ok(written)
    }

    /// A new temporary beside `path`, locked by this process, its folder made and, the first
    /// time, cleared of the stale temporaries of earlier, killed writes.
    fn temporary(&mut self, path: &Path) -> Result<NamedTempFile> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if self.cleared.insert(dir.to_path_buf()) {
            clear_stale_temporaries(dir);
        }
        fs_err::create_dir_all(dir).map_err(|e| {
            fail(
                msg!(
                    "output-cannot-create-folder",
                    why = skyshow_i18n::io_reason(&e)
                ),
                None,
            )
        })?;
        owned_temporary(dir).map_err(|e| {
            fail(
                msg!(
                    "output-cannot-write-into",
                    folder = dir,
                    why = skyshow_i18n::io_reason(&e)
                ),
                None,
            )
        })
    }

    /// Makes a written temporary an ordinary file on disk, staged for `path`.
    fn finish(&mut self, seq: usize, tmp: NamedTempFile, path: PathBuf) -> Result<()> {
        // Temporary files are private; outputs are ordinary files (rw-r--r--).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = tmp
                .as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644));
        }
        tmp.as_file()
            .sync_all()
            .map_err(|e| cannot_write(&path, e))?;
        self.staged.push((seq, tmp, path));
        Ok(())
    }
}

/// The refusal to write `path`, for `e`.
fn cannot_write(path: &Path, e: io::Error) -> miette::Report {
    fail(
        msg!(
            "output-cannot-write",
            file = path,
            why = skyshow_i18n::io_reason(&e)
        ),
        None,
    )
}

/// Attempts at a locked temporary before giving up (each lost only to a cleaner that found
/// the new file in the instant between its creation and its lock).
const TEMPORARY_ATTEMPTS: usize = 16;

/// A new `.skyshow-*.tmp` in `dir`, exclusively locked by this process for its lifetime.
///
/// The lock is taken just after the file is made; a cleaner in another process may find the
/// file unlocked in between and remove it, so the file is kept only if its name still leads
/// to the locked file (then no cleaner can take it any more), and made again otherwise.
pub(crate) fn owned_temporary(dir: &Path) -> io::Result<NamedTempFile> {
    for _ in 0..TEMPORARY_ATTEMPTS {
        let tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .rand_bytes(12)
            .tempfile_in(dir)?;
        tmp.as_file().lock()?;
        if same_file(tmp.as_file(), tmp.path()) {
            return Ok(tmp);
        }
        // A cleaner removed it before the lock: the name is no longer ours, so the file is
        // let go without removing whatever that name may lead to now.
        let (file, name) = tmp.into_parts();
        drop(file);
        let _ = name.keep();
    }
    Err(io::Error::other(
        skyshow_i18n::msg!("output-temporary-removed").to_string(),
    ))
}

/// Whether `path` leads to the open `file` (the same file on disk, not one made since).
fn same_file(file: &File, path: &Path) -> bool {
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => same_identity(&a, &b),
        _ => false,
    }
}

#[cfg(unix)]
fn same_identity(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

// Elsewhere an open file cannot be removed, so the name still leads to it.
#[cfg(not(unix))]
fn same_identity(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    true
}

/// Temporaries are named `.skyshow-<random>.tmp`.
const TEMP_PREFIX: &str = ".skyshow-";
const TEMP_SUFFIX: &str = ".tmp";

/// Removes the `.skyshow-*.tmp` files in `dir` that are provably stale: left by a write that
/// was killed. A live owner holds its temporary's lock, so only the files whose lock can be
/// taken are removed, and only while this holds the lock and the name still leads to them.
pub(crate) fn clear_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let path = e.path();
        let Ok(file) = File::open(&path) else {
            continue;
        };
        if file.try_lock().is_ok() && same_file(&file, &path) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temporaries(dir: &Path) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "tmp"))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn another_writers_temporary_is_kept_while_it_writes() {
        let dir = tempfile::tempdir().unwrap();
        let mut first = OutputSet::default();
        first
            .stream(dir.path().join("a.csv"), |w| w.write_all(b"first\n"))
            .unwrap();
        let staged = temporaries(dir.path());
        assert_eq!(staged.len(), 1);
        // A second writer into the same folder, committing first, clears nothing of it.
        let mut second = OutputSet::default();
        second.add(dir.path().join("a.csv"), b"second\n".to_vec());
        second.add(dir.path().join("b.csv"), b"b\n".to_vec());
        second.commit().unwrap();
        assert_eq!(temporaries(dir.path()), staged);
        // The first writer still commits; the last rename wins; nothing is left behind.
        first.commit().unwrap();
        assert_eq!(std::fs::read(dir.path().join("a.csv")).unwrap(), b"first\n");
        assert_eq!(std::fs::read(dir.path().join("b.csv")).unwrap(), b"b\n");
        assert!(temporaries(dir.path()).is_empty());
    }

    #[test]
    fn only_stale_temporaries_are_cleared() {
        let dir = tempfile::tempdir().unwrap();
        // Left by a killed run: nobody holds its lock.
        let stale = dir.path().join(".skyshow-killed.tmp");
        std::fs::write(&stale, b"partial").unwrap();
        // Being written by a live run (a lock held here stands for it).
        let live = dir.path().join(".skyshow-live.tmp");
        std::fs::write(&live, b"partial").unwrap();
        let holder = File::open(&live).unwrap();
        holder.lock().unwrap();
        // Not ours at all.
        let other = dir.path().join(".other.tmp");
        std::fs::write(&other, b"x").unwrap();
        let mut out = OutputSet::default();
        out.add(dir.path().join("a.csv"), b"a\n".to_vec());
        out.commit().unwrap();
        assert_eq!(temporaries(dir.path()), vec![other, live]);
        assert!(!stale.exists());
    }

    #[test]
    fn a_temporary_is_locked_by_its_owner() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = owned_temporary(dir.path()).unwrap();
        let other = File::open(tmp.path()).unwrap();
        assert!(other.try_lock().is_err(), "a live temporary must be locked");
        drop(other);
        // A cleaner running now leaves it alone.
        clear_stale_temporaries(dir.path());
        assert!(tmp.path().exists());
    }
}
