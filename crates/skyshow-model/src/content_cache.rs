//! `ContentCache`: where a stage keeps what it computed between builds, by the content it
//! was computed from.
//!
//! The stages do no I/O: the caller hands them a store (`skyshow build` keeps one in the
//! output folder). A stage names each entry `KIND-HASH` (`t-…` a transition, `f-…` a
//! formation, `h-…` a moving hold, `m-…` a music analysis), the hash of everything the result depends on,
//! and stores next to the result what it needs to check that an entry is the one it asked
//! for (its inputs, or a wide hash of them, and a checksum of the result): a corrupt,
//! truncated or foreign entry is a miss, never a wrong result.

use std::collections::BTreeMap;

/// A store of computed results by name (see the module notes: names are hashes, and what
/// is loaded is checked by the stage before it is used).
pub trait ContentCache {
    /// The bytes stored under `name`, if any.
    fn load(&mut self, name: &str) -> Option<Vec<u8>>;
    /// Keeps `bytes` under `name` (a store that cannot write may drop them).
    fn store(&mut self, name: &str, bytes: Vec<u8>);
    /// Told when the entry `name` was used instead of computing it (for counts).
    fn reused(&mut self, name: &str) {
        let _ = name;
    }
}

/// A cache that keeps nothing: everything is computed.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoCache;

impl ContentCache for NoCache {
    fn load(&mut self, _: &str) -> Option<Vec<u8>> {
        None
    }
    fn store(&mut self, _: &str, _: Vec<u8>) {}
}

/// A cache held in memory, for a process that builds more than once (and for tests): what
/// is stored stays until it is dropped, and every reuse is recorded.
#[derive(Clone, Debug, Default)]
pub struct MemoryCache {
    /// The entries by name.
    pub entries: BTreeMap<String, Vec<u8>>,
    /// The names of the entries used instead of computing them, in order.
    pub reused: Vec<String>,
}

impl ContentCache for MemoryCache {
    fn load(&mut self, name: &str) -> Option<Vec<u8>> {
        self.entries.get(name).cloned()
    }
    fn store(&mut self, name: &str, bytes: Vec<u8>) {
        self.entries.insert(name.to_string(), bytes);
    }
    fn reused(&mut self, name: &str) {
        self.reused.push(name.to_string());
    }
}
