//! `FormatFinding`: a rule of the Skybrush format that a readable file breaks.

/// A problem with a file that still reads: it breaks a rule of the format (reference §1.2,
/// §1.5, §1.9) that Skybrush's own tools enforce or rely on, e.g. a point without its
/// control-point list, time standing still, a light program without END.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatFinding {
    /// The drone concerned (index into `swarm.drones`), if any.
    pub drone: Option<usize>,
    /// Short snake_case identifier of the rule, e.g. `"time_stands_still"`.
    pub rule: &'static str,
    /// What is wrong and where (member and JSON path), and what was done about it.
    pub message: String,
}
