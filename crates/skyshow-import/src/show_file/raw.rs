//! The show file's tables as TOML gives them (with spans), before any checking: the
//! lowering modules turn them into the model's types.

use serde::Deserialize;
use toml::Spanned;

use super::{animation, lights, motion, music, pyro, sequence, site};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawShow {
    pub(super) title: String,
    pub(super) seed: Option<u64>,
    pub(super) origin: Option<RawOrigin>,
    pub(super) audience: Option<RawAudience>,
    pub(super) site: Option<Spanned<site::RawSite>>,
    pub(super) fleet: RawFleet,
    #[serde(default)]
    pub(super) limits: RawLimits,
    #[serde(default)]
    pub(super) takeoff: RawTakeoff,
    pub(super) planner: Option<RawPlanner>,
    pub(super) emergency: Option<RawEmergency>,
    pub(super) stage: Option<RawStage>,
    #[serde(default, rename = "chapter")]
    pub(super) chapters: Vec<Spanned<RawChapter>>,
    pub(super) pyro: Option<Spanned<pyro::RawPyro>>,
    #[serde(default, rename = "element")]
    pub(super) elements: Vec<Spanned<pyro::RawElement>>,
    pub(super) music: Option<Spanned<music::RawMusic>>,
    #[serde(default, rename = "cue")]
    pub(super) cues: Vec<Spanned<music::RawCue>>,
    #[serde(default, rename = "light")]
    pub(super) lights: Vec<Spanned<lights::RawLight>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOrigin {
    pub(super) latitude: Spanned<f64>,
    pub(super) longitude: Spanned<f64>,
    pub(super) altitude_m: Option<Spanned<f64>>,
    pub(super) orientation_deg: Option<Spanned<f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAudience {
    pub(super) azimuth_deg: Spanned<f64>,
    pub(super) line: Option<Spanned<Vec<[f64; 2]>>>,
    pub(super) zone: Option<Spanned<Vec<[f64; 2]>>>,
    pub(super) no_fly: Option<Spanned<bool>>,
    pub(super) buffer_m: Option<Spanned<f64>>,
    pub(super) depth_m: Option<Spanned<f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStage {
    pub(super) center: Spanned<[f64; 3]>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFleet {
    pub(super) drones: Spanned<i64>,
    pub(super) grid: Spanned<RawGrid>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawGrid {
    pub(super) rows: Spanned<i64>,
    pub(super) columns: Spanned<i64>,
    pub(super) spacing_m: Option<Spanned<f64>>,
    pub(super) row_spacing_m: Option<Spanned<f64>>,
    pub(super) column_spacing_m: Option<Spanned<f64>>,
    pub(super) center: Option<Spanned<[f64; 2]>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLimits {
    pub(super) min_distance_m: Option<Spanned<f64>>,
    pub(super) max_speed_xy_m_s: Option<Spanned<f64>>,
    pub(super) max_speed_up_m_s: Option<Spanned<f64>>,
    pub(super) max_speed_down_m_s: Option<Spanned<f64>>,
    pub(super) max_accel_m_s2: Option<Spanned<f64>>,
    pub(super) max_altitude_m: Option<Spanned<f64>>,
    pub(super) min_nav_altitude_m: Option<Spanned<f64>>,
    pub(super) battery_s: Option<Spanned<f64>>,
    pub(super) takeoff_spacing_m: Option<Spanned<f64>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPlanner {
    pub(super) minimise: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEmergency {
    pub(super) enabled: Option<bool>,
    pub(super) interval_s: Option<Spanned<i64>>,
    pub(super) max_plan_mb: Option<Spanned<f64>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTakeoff {
    pub(super) ground_hold_s: Option<Spanned<f64>>,
    pub(super) altitude_m: Option<Spanned<f64>>,
    pub(super) landing_pause_s: Option<Spanned<f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChapter {
    pub(super) name: Spanned<String>,
    pub(super) start: Option<Spanned<RawTime>>,
    #[serde(default, rename = "formation")]
    pub(super) formations: Vec<Spanned<RawFormation>>,
    #[serde(default, rename = "light")]
    pub(super) lights: Vec<Spanned<lights::RawLight>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum RawTime {
    Seconds(f64),
    Text(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFormation {
    pub(super) name: Spanned<String>,
    pub(super) start: Option<Spanned<RawTime>>,
    pub(super) hold: Spanned<RawTime>,
    pub(super) shape: Spanned<String>,
    pub(super) count: Option<Spanned<i64>>,
    pub(super) width_m: Option<Spanned<f64>>,
    pub(super) height_m: Option<Spanned<f64>>,
    pub(super) rows: Option<Spanned<i64>>,
    pub(super) columns: Option<Spanned<i64>>,
    pub(super) radius_m: Option<Spanned<f64>>,
    pub(super) inner_radius_m: Option<Spanned<f64>>,
    pub(super) outer_radius_m: Option<Spanned<f64>>,
    pub(super) turns: Option<Spanned<f64>>,
    pub(super) length_m: Option<Spanned<f64>>,
    pub(super) sides: Option<Spanned<i64>>,
    pub(super) points: Option<Spanned<String>>,
    pub(super) offset_m: Option<Spanned<[f64; 3]>>,
    pub(super) file: Option<Spanned<String>>,
    pub(super) mode: Option<Spanned<String>>,
    pub(super) weight: Option<Spanned<f64>>,
    pub(super) text: Option<Spanned<String>>,
    pub(super) font: Option<Spanned<String>>,
    pub(super) font_weight: Option<Spanned<i64>>,
    pub(super) align: Option<Spanned<String>>,
    pub(super) line_spacing: Option<Spanned<f64>>,
    pub(super) threshold: Option<Spanned<f64>>,
    pub(super) invert: Option<Spanned<bool>>,
    pub(super) sample: Option<Spanned<String>>,
    pub(super) dark: Option<Spanned<String>>,
    pub(super) dark_below: Option<Spanned<f64>>,
    pub(super) size_m: Option<Spanned<f64>>,
    pub(super) up: Option<Spanned<String>>,
    /// A glTF mesh's animation: a name, `true` (the first) or `false` (the still mesh).
    pub(super) animation: Option<Spanned<RawAnimation>>,
    pub(super) center: Option<Spanned<[f64; 3]>>,
    pub(super) roll_deg: Option<Spanned<f64>>,
    pub(super) tilt_deg: Option<Spanned<f64>>,
    pub(super) turn_deg: Option<Spanned<f64>>,
    pub(super) color: Option<Spanned<String>>,
    pub(super) gradient: Option<Spanned<RawGradient>>,
    pub(super) min_transition_s: Option<Spanned<f64>>,
    pub(super) snap: Option<Spanned<String>>,
    #[serde(default, rename = "light")]
    pub(super) lights: Vec<Spanned<lights::RawLight>>,
    /// Rigid motions during the hold (`[[chapter.formation.motion]]`).
    #[serde(default, rename = "motion")]
    pub(super) motions: Vec<Spanned<motion::RawMotion>>,
    /// Pictures of a `sequence` (`[[chapter.formation.frame]]`).
    #[serde(default, rename = "frame")]
    pub(super) frames: Vec<Spanned<sequence::RawFrame>>,
    /// Playback of an animation: speed (a number or `"fit"`).
    pub(super) animation_speed: Option<Spanned<animation::RawSpeed>>,
    /// Playback of an animation: the clip time shown when the hold starts, seconds.
    pub(super) animation_start_s: Option<Spanned<f64>>,
    /// Playback of an animation: loop until the hold ends.
    pub(super) animation_loop: Option<Spanned<bool>>,
}

/// `animation = "name"`, or `true` (the first) / `false` (the still mesh).
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum RawAnimation {
    Flag(bool),
    Name(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawGradient {
    pub(super) axis: Spanned<String>,
    pub(super) colors: Spanned<Vec<String>>,
}
