//! `SkycError`: why a file cannot be read as a show. Messages name the archive member and
//! the JSON path, say what is wrong, and give a hint where one helps; their words are
//! [`Message`]s, shown in the user's language.

use skyshow_i18n::{Message, msg};

/// A file that cannot be read as a show at all. (Files that read but break Skybrush's
/// softer rules give [`FormatFinding`](crate::FormatFinding)s instead.)
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SkycError {
    /// The bytes are not a ZIP archive.
    NotZip {
        /// What the ZIP reader said (kept for callers; the message says what the bytes
        /// look like instead, which is what a user can act on).
        reason: String,
        /// What the bytes look like, or a suggestion (may be empty), starting with a
        /// separator.
        hint: Message,
    },
    /// The archive is damaged or uses an unsupported feature.
    Zip(Message),
    /// The archive lists too many entries.
    TooManyEntries {
        /// Entries listed.
        count: usize,
        /// The limit (`ReadOptions::max_entries`).
        max: usize,
    },
    /// Decompressing would exceed `ReadOptions::max_uncompressed_bytes` (JSON),
    /// `ReadOptions::max_asset_bytes` (audio) or `ReadOptions::max_expanded_bytes`.
    TooLarge {
        /// The member being read.
        member: String,
        /// The limit.
        limit: u64,
        /// What was found, starting with a separator (may be empty).
        detail: Message,
    },
    /// A member the show needs is not in the archive.
    MissingMember {
        /// Member name.
        name: String,
        /// Suggestion (may be empty), starting with a separator.
        hint: Message,
    },
    /// A JSON member does not parse.
    Json {
        /// The member (`show.json`, …).
        member: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said (its own words, in English).
        message: String,
        /// Whether the text ends before the JSON does.
        eof: bool,
    },
    /// A JSON reference that cannot be followed.
    Ref {
        /// The member holding the reference.
        member: String,
        /// JSON path of the reference.
        path: Message,
        /// What is wrong.
        message: Message,
    },
    /// The JSON (or CSV) does not have the shape of a Skybrush show.
    Schema {
        /// The member holding the offending value (`show.json`, a CSV member, …).
        member: Message,
        /// JSON path inside that member, e.g. `swarm.drones[3].settings.trajectory.points[17]`
        /// (a line for a CSV).
        path: Message,
        /// What is wrong, e.g. `expected [t, [x, y, z], [controls]]`.
        message: Message,
    },
    /// More drones than `ReadOptions::max_drones`.
    TooManyDrones {
        /// Drones listed.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// More points in one trajectory than `ReadOptions::max_points_per_drone`.
    TooManyPoints {
        /// The member holding the trajectory.
        member: String,
        /// JSON path of the points array.
        path: Message,
        /// Points listed.
        count: usize,
        /// The limit.
        max: usize,
    },
}

impl SkycError {
    /// What is wrong without where (for a finding that names the place itself): a schema
    /// error's own words, else the whole message.
    pub fn what(&self) -> Message {
        match self {
            SkycError::Schema { message, .. } | SkycError::Ref { message, .. } => message.clone(),
            other => other.message(),
        }
    }

    /// What is wrong, as a message (what `Display` shows, in the process's language).
    pub fn message(&self) -> Message {
        match self {
            SkycError::NotZip { hint, .. } => msg!("skyc-not-zip", hint = hint.clone()),
            SkycError::Zip(why) => msg!("skyc-zip-damaged", why = why.clone()),
            SkycError::TooManyEntries { count, max } => msg!(
                "skyc-too-many-entries",
                count = count.to_string(),
                max = max.to_string()
            ),
            SkycError::TooLarge {
                member,
                limit,
                detail,
            } => msg!(
                "skyc-too-large",
                member = member.as_str(),
                limit = limit.to_string(),
                detail = detail.clone()
            ),
            SkycError::MissingMember { name, hint } => msg!(
                "skyc-missing-member",
                name = name.as_str(),
                hint = hint.clone()
            ),
            SkycError::Json {
                member,
                line,
                column,
                message,
                eof,
            } => json_message(member, *line, *column, message, *eof),
            SkycError::Ref {
                member,
                path,
                message,
            } => msg!(
                "skyc-at",
                member = member.as_str(),
                path = path.clone(),
                what = message.clone()
            ),
            SkycError::Schema {
                member,
                path,
                message,
            } => msg!(
                "skyc-at",
                member = member.clone(),
                path = path.clone(),
                what = message.clone()
            ),
            SkycError::TooManyDrones { count, max } => msg!(
                "skyc-too-many-drones",
                count = count.to_string(),
                max = max.to_string()
            ),
            SkycError::TooManyPoints {
                member,
                path,
                count,
                max,
            } => msg!(
                "skyc-too-many-points",
                member = member.as_str(),
                path = path.clone(),
                count = count.to_string(),
                max = max.to_string()
            ),
        }
    }
}

skyshow_i18n::message_error!(SkycError);

fn json_message(member: &str, line: usize, column: usize, message: &str, eof: bool) -> Message {
    let id = if eof { "skyc-json-eof" } else { "skyc-json" };
    Message::new(id)
        .arg("member", member)
        .arg("line", line.to_string())
        .arg("column", column.to_string())
        .arg("message", message)
}
