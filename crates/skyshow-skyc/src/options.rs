//! `ReadOptions`: resource limits of the `.skyc` reader, so hostile files cannot exhaust
//! memory or time.

/// Limits applied while reading a show. Every limit that is hit gives an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// Most bytes decompressed from the archive in total, and most bytes of JSON expanded
    /// through `$ref`s (zip-bomb guard), bytes. Default 1 GiB.
    pub max_uncompressed_bytes: u64,
    /// Most entries the ZIP archive may list. Default 100 000.
    pub max_entries: usize,
    /// Most drones in `swarm.drones`. Default 100 000.
    pub max_drones: usize,
    /// Most trajectory points per drone. Default 1 000 000.
    pub max_points_per_drone: usize,
}

impl ReadOptions {
    /// The defaults.
    pub const DEFAULT: ReadOptions = ReadOptions {
        max_uncompressed_bytes: 1 << 30,
        max_entries: 100_000,
        max_drones: 100_000,
        max_points_per_drone: 1_000_000,
    };
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions::DEFAULT
    }
}
