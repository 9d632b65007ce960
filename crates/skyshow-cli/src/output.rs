//! Atomic output: every file is written to a temporary file beside it and renamed into place,
//! so a failed or interrupted build never leaves a partial file or replaces a good one.

use std::io::Write;
use std::path::{Path, PathBuf};

use miette::{Result, miette};

/// Files to write, committed together: all are written to temporaries first, then renamed.
#[derive(Default)]
pub(crate) struct OutputSet {
    files: Vec<(PathBuf, Vec<u8>)>,
}

impl OutputSet {
    /// Queues `bytes` for `path`.
    pub(crate) fn add(&mut self, path: PathBuf, bytes: Vec<u8>) {
        self.files.push((path, bytes));
    }

    /// Writes every file atomically. Returns the paths written.
    pub(crate) fn commit(self) -> Result<Vec<PathBuf>> {
        // Temporaries of an earlier, killed write are ours to clear.
        let mut dirs: Vec<&Path> = self.files.iter().filter_map(|(p, _)| p.parent()).collect();
        dirs.sort();
        dirs.dedup();
        for dir in dirs {
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
        let mut staged = Vec::with_capacity(self.files.len());
        for (path, bytes) in &self.files {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            fs_err::create_dir_all(dir).map_err(|e| miette!("cannot create output folder: {e}"))?;
            let mut tmp = tempfile::Builder::new()
                .prefix(".skyshow-")
                .suffix(".tmp")
                .tempfile_in(dir)
                .map_err(|e| miette!("cannot write into `{}`: {e}", dir.display()))?;
            tmp.write_all(bytes)
                .map_err(|e| miette!("cannot write `{}`: {e}", path.display()))?;
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
            staged.push((tmp, path.clone()));
        }
        let mut written = Vec::with_capacity(staged.len());
        for (tmp, path) in staged {
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
}
