//! Atomic output: every file is written to a temporary file beside it and renamed into place,
//! so a failed or interrupted build never leaves a partial file or replaces a good one.
//!
//! Large files are streamed: [`OutputSet::stream`] writes a file into its temporary as it is
//! produced (nothing of it stays in memory); [`OutputSet::add`] queues bytes already made.
//! Nothing is renamed into place before [`OutputSet::commit`], which renames them all.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use miette::{Result, miette};
use tempfile::NamedTempFile;

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
            .map_err(|e| miette!("cannot write `{}`: {e}", path.display()))?;
        drop(w);
        let seq = self.count;
        self.count += 1;
        self.finish(seq, tmp, path)
    }

    /// Writes every file atomically. Returns the paths written, in the order they were
    /// added or streamed.
    pub(crate) fn commit(mut self) -> Result<Vec<PathBuf>> {
        for (seq, path, bytes) in std::mem::take(&mut self.files) {
            let mut tmp = self.temporary(&path)?;
            tmp.write_all(&bytes)
                .map_err(|e| miette!("cannot write `{}`: {e}", path.display()))?;
            drop(bytes);
            self.finish(seq, tmp, path)?;
        }
        self.staged.sort_by_key(|(seq, _, _)| *seq);
        let mut written = Vec::with_capacity(self.staged.len());
        for (_, tmp, path) in self.staged {
            tmp.persist(&path).map_err(|e| {
                miette!(
                    "cannot move the new `{}` into place: {}",
                    path.display(),
                    e.error
                )
            })?;
            written.push(path);
        }
        Ok(written)
    }

    /// A new temporary beside `path`, its folder made and, the first time, cleared of the
    /// temporaries of an earlier, killed write (they are ours to clear).
    fn temporary(&mut self, path: &Path) -> Result<NamedTempFile> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if self.cleared.insert(dir.to_path_buf()) {
            clear_stale_temporaries(dir);
        }
        fs_err::create_dir_all(dir).map_err(|e| miette!("cannot create output folder: {e}"))?;
        tempfile::Builder::new()
            .prefix(".skyshow-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| miette!("cannot write into `{}`: {e}", dir.display()))
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
            .map_err(|e| miette!("cannot write `{}`: {e}", path.display()))?;
        self.staged.push((seq, tmp, path));
        Ok(())
    }
}

/// Removes `.skyshow-*.tmp` files left in `dir` by an earlier write that was killed.
fn clear_stale_temporaries(dir: &Path) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(".skyshow-") && name.ends_with(".tmp") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}
