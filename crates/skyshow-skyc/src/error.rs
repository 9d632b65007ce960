//! `SkycError`: why a file cannot be read as a show. Messages name the archive member and
//! the JSON path, say what is wrong, and give a hint where one helps.

/// A file that cannot be read as a show at all. (Files that read but break Skybrush's
/// softer rules give [`FormatFinding`](crate::FormatFinding)s instead.)
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SkycError {
    /// The bytes are not a ZIP archive.
    #[error("not a .skyc file: {reason}{hint}")]
    NotZip {
        /// What the ZIP reader said.
        reason: String,
        /// Suggestion (may be empty), starting with a separator.
        hint: String,
    },
    /// The archive is damaged or uses an unsupported feature.
    #[error("damaged ZIP archive: {0}")]
    Zip(String),
    /// The archive lists too many entries.
    #[error("ZIP archive lists {count} entries, more than the limit of {max}")]
    TooManyEntries {
        /// Entries listed.
        count: usize,
        /// The limit (`ReadOptions::max_entries`).
        max: usize,
    },
    /// Decompressing would exceed `ReadOptions::max_uncompressed_bytes` (JSON),
    /// `ReadOptions::max_asset_bytes` (audio) or `ReadOptions::max_expanded_bytes`.
    #[error(
        "{member}: uncompressed data would exceed the limit of {limit} bytes{detail} (a zip bomb or a reference bomb; ReadOptions::max_uncompressed_bytes and max_expanded_bytes set the limits for JSON, max_asset_bytes for audio)"
    )]
    TooLarge {
        /// The member being read.
        member: String,
        /// The limit.
        limit: u64,
        /// What was found, starting with a separator (may be empty).
        detail: String,
    },
    /// A member the show needs is not in the archive.
    #[error("{name}: not in the archive{hint}")]
    MissingMember {
        /// Member name.
        name: String,
        /// Suggestion (may be empty), starting with a separator.
        hint: String,
    },
    /// A JSON member does not parse.
    #[error("{member}: invalid JSON at line {line}, column {column}: {message}")]
    Json {
        /// The member (`show.json`, …).
        member: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// A JSON reference that cannot be followed.
    #[error("{member}: {path}: {message}")]
    Ref {
        /// The member holding the reference.
        member: String,
        /// JSON path of the reference.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The JSON does not have the shape of a Skybrush show.
    #[error("{member}: {path}: {message}")]
    Schema {
        /// The member holding the offending value.
        member: String,
        /// JSON path inside that member, e.g. `swarm.drones[3].settings.trajectory.points[17]`.
        path: String,
        /// What is wrong, e.g. `expected [t, [x, y, z], [controls]]`.
        message: String,
    },
    /// More drones than `ReadOptions::max_drones`.
    #[error(
        "show.json: swarm.drones: {count} drones, more than the limit of {max} (ReadOptions::max_drones)"
    )]
    TooManyDrones {
        /// Drones listed.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// More points in one trajectory than `ReadOptions::max_points_per_drone`.
    #[error(
        "{member}: {path}: {count} points, more than the limit of {max} (ReadOptions::max_points_per_drone)"
    )]
    TooManyPoints {
        /// The member holding the trajectory.
        member: String,
        /// JSON path of the points array.
        path: String,
        /// Points listed.
        count: usize,
        /// The limit.
        max: usize,
    },
}
