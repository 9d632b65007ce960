//! The build cache: what the stages computed (music analyses, planned transitions, light
//! programs) kept in the output folder between builds.
//!
//! `OUTDIR/.skyshow-cache/<kind>-<hash>.bin`, one file per entry (`a-`/`m-` the music's
//! facts and analysis, `f-` a formation, `t-` a transition, `h-`/`s-` a moving hold and
//! its swept points, `l-` the light programs). The stage that asked for an entry checks that it is the one it asked
//! for before it uses it (`skyshow_model::ContentCache`); here each file also starts with the identity of the program that wrote it (its version
//! and the size and modification time of its executable), so a rebuilt or another
//! `skyshow` never reads an older one's plans. Entries are written to a locked temporary
//! and renamed (`output.rs`'s rules: concurrent builds into one folder never remove each
//! other's temporaries, only those of killed builds), so a killed build leaves no half
//! entry and two builds writing one entry each write it whole; a file that cannot be read or does not
//! match is a miss; entries this build did not use are removed when it ends (the folder
//! holds one show's transitions, not every version ever built).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use skyshow_model::ContentCache;

use crate::output::{clear_stale_temporaries, owned_temporary};

/// The cache folder inside an output folder.
pub(crate) const CACHE_DIR: &str = ".skyshow-cache";

/// Entries kept in a folder (see the module notes).
pub(crate) struct DirCache {
    dir: PathBuf,
    /// What every entry must start with.
    identity: Vec<u8>,
    /// Entries loaded or stored by this build.
    used: BTreeSet<String>,
    /// Entries taken from the cache, by kind (the name's part before `-`).
    reused: BTreeMap<String, usize>,
    /// Entries computed, by kind.
    computed: BTreeMap<String, usize>,
    /// Whether the folder has been cleared of killed builds' temporaries.
    cleared: bool,
}

/// This program's identity: version, and its executable's size and modification time.
fn identity() -> Vec<u8> {
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{} {mtime}", m.len())
        })
        .unwrap_or_default();
    format!("skyshow {} {exe}\n", env!("CARGO_PKG_VERSION")).into_bytes()
}

impl DirCache {
    /// The cache of the output folder `out`.
    pub(crate) fn new(out: &Path) -> Self {
        DirCache {
            dir: out.join(CACHE_DIR),
            identity: identity(),
            used: BTreeSet::new(),
            reused: BTreeMap::new(),
            computed: BTreeMap::new(),
            cleared: false,
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.bin"))
    }

    /// How many entries of `kind` (`t`, `m`, …) this build took from the cache, and how
    /// many it asked for.
    pub(crate) fn reused_of(&self, kind: &str) -> (usize, usize) {
        let get = |m: &BTreeMap<String, usize>| m.get(kind).copied().unwrap_or(0);
        (get(&self.reused), get(&self.reused) + get(&self.computed))
    }

    /// Removes the entries this build did not use (quietly: a cache that cannot be tidied
    /// costs only disk).
    pub(crate) fn prune(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for e in entries.flatten() {
            let file = e.file_name();
            let Some(name) = file
                .to_str()
                .and_then(|f| f.strip_suffix(".bin"))
                .filter(|f| is_entry_name(f))
            else {
                continue;
            };
            if !self.used.contains(name) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// The kind of an entry name: its part before the first `-`.
fn kind(name: &str) -> &str {
    name.split_once('-').map_or(name, |(k, _)| k)
}

/// Whether `name` is an entry's (`KIND-HEX`: a lower-case kind, hexadecimal digits).
fn is_entry_name(name: &str) -> bool {
    name.split_once('-').is_some_and(|(k, h)| {
        !k.is_empty()
            && k.bytes().all(|b| b.is_ascii_lowercase())
            && !h.is_empty()
            && h.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

impl ContentCache for DirCache {
    fn load(&mut self, name: &str) -> Option<Vec<u8>> {
        let bytes = std::fs::read(self.path(name)).ok()?;
        let rest = bytes.strip_prefix(self.identity.as_slice())?;
        Some(rest.to_vec())
    }

    fn store(&mut self, name: &str, bytes: Vec<u8>) {
        *self.computed.entry(kind(name).to_string()).or_default() += 1;
        self.used.insert(name.to_string());
        if !self.cleared {
            self.cleared = true;
            clear_stale_temporaries(&self.dir);
        }
        let write = || -> std::io::Result<()> {
            std::fs::create_dir_all(&self.dir)?;
            let mut tmp = owned_temporary(&self.dir)?;
            tmp.write_all(&self.identity)?;
            tmp.write_all(&bytes)?;
            tmp.persist(self.path(name))?;
            Ok(())
        };
        // A cache that cannot be written only means planning again next time.
        let _ = write();
    }

    fn reused(&mut self, name: &str) {
        *self.reused.entry(kind(name).to_string()).or_default() += 1;
        self.used.insert(name.to_string());
    }
}

/// Where a build's music analyses and transitions come from: the output folder's cache, or
/// none (`--no-cache`).
pub(crate) enum PlanCache {
    /// Computed and kept in the output folder.
    Dir(DirCache),
    /// Computed every time, nothing kept.
    Off(skyshow_model::NoCache),
}

impl PlanCache {
    /// The store the stages use.
    pub(crate) fn store(&mut self) -> &mut dyn ContentCache {
        match self {
            PlanCache::Dir(d) => d,
            PlanCache::Off(n) => n,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_foreign_or_damaged_entry_is_a_miss_and_unused_entries_go() {
        let out = tempfile::tempdir().unwrap();
        let mut c = DirCache::new(out.path());
        c.store("t-00aa", b"plan".to_vec());
        assert_eq!(c.load("t-00aa").as_deref(), Some(&b"plan"[..]));
        // Written by another program (another identity): a miss.
        let path = c.path("t-00aa");
        let mut other = std::fs::read(&path).unwrap();
        other[0] ^= 1;
        std::fs::write(&path, &other).unwrap();
        assert_eq!(c.load("t-00aa"), None);
        // Truncated to nothing: a miss.
        std::fs::write(&path, b"").unwrap();
        assert_eq!(c.load("t-00aa"), None);
        // A later build that uses only another entry removes this one.
        let mut next = DirCache::new(out.path());
        next.store("m-00bb", b"other".to_vec());
        std::fs::write(out.path().join(CACHE_DIR).join("notes.txt"), b"mine").unwrap();
        next.prune();
        assert!(!path.exists());
        assert!(next.path("m-00bb").exists());
        assert_eq!(next.reused_of("m"), (0, 1));
        assert_eq!(next.reused_of("t"), (0, 0));
        assert!(out.path().join(CACHE_DIR).join("notes.txt").exists());
    }
}
