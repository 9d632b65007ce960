//! `FormatFinding`: a rule of the Skybrush format that a readable file breaks.

/// A problem with a file that still reads: it breaks a rule of the format (reference §1.2,
/// §1.5, §1.9) that Skybrush's own tools enforce or rely on, e.g. a point without its
/// control-point list, time standing still, a light program without END.
///
/// Rules (`rule`):
/// - trajectory: `point_without_controls` (`[t, [x, y, z]]` without the third element),
///   `too_many_control_points` (more than 2; approximated by a cubic), `first_point_controls`,
///   `time_stands_still` (less than 1 ms after the previous point), `time_backwards` (point
///   ignored), `home_invalid`;
/// - lights: `missing_lights` (read as a lone END: dark), `lights_invalid`, `lights_version`,
///   `lights_undecodable` (the drone gets an empty program), `lights_no_end`;
/// - show: `too_many_drones` (more than Skybrush's 5000), `validation_invalid`, `cues_invalid`,
///   `environment_type`, `pyro_schema`, `audio_invalid`.
#[derive(Clone, Debug, PartialEq)]
pub struct FormatFinding {
    /// The drone concerned (index into `swarm.drones`), if any.
    pub drone: Option<usize>,
    /// Short snake_case identifier of the rule, e.g. `"time_stands_still"`.
    pub rule: &'static str,
    /// What is wrong and where (member and JSON path), and what was done about it.
    pub message: skyshow_i18n::Message,
}
