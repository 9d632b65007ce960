//! `ReadOptions`: resource limits of the `.skyc` reader, so hostile files cannot exhaust
//! memory or time.

/// Limits applied while reading a show. Every limit that is hit gives an error. Members are
/// bounded by their kind: JSON by `max_uncompressed_bytes` and `max_expanded_bytes`, binary
/// assets (the soundtrack) separately by `max_asset_bytes`, so a long uncompressed WAV is
/// read while a JSON bomb is not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// Most bytes of JSON members decompressed from the archive in total (zip-bomb guard),
    /// bytes. Default 1 GiB.
    pub max_uncompressed_bytes: u64,
    /// Most bytes of binary members (audio) decompressed in total, bytes. Default 512 MiB:
    /// twice the largest music file `skyshow build` reads (256 MiB), about 50 minutes of
    /// 44.1 kHz stereo WAV, so the reader never refuses what `build` writes.
    pub max_asset_bytes: u64,
    /// Most bytes of JSON that `$ref`s may substitute (estimated from the parsed values;
    /// trajectory points parsed compactly count little), bytes: the guard against
    /// references that copy a member over and over ("billion laughs"), whose cost is in
    /// memory and time rather than in decompression. The smaller of this and
    /// `max_uncompressed_bytes` applies. Default 16 MiB.
    pub max_expanded_bytes: u64,
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
        max_asset_bytes: 512 << 20,
        max_expanded_bytes: 16 << 20,
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
