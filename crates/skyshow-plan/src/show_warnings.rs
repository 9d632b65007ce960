//! The planner's warnings: artwork too detailed for its drones, and a show that does not
//! fit its music. Neither stops the build; both name what to change in the show file.

use skyshow_formations::DetailShortfall;
use skyshow_i18n::{Message, msg};
use skyshow_model::{FormationDesign, MusicDesign, Shape, Warning};

use crate::error::clock;
use crate::show_plan::PlannedFormation;

/// Music that plays on for longer than this after the last drone has landed, seconds, is
/// worth a warning (an outro under the landing is normal; minutes of it are not).
pub const MUSIC_AFTER_SHOW_S: f64 = 30.0;

/// Formations may hold this long past the end of the music before it is a warning, seconds
/// (the last note's release).
pub const SHOW_AFTER_MUSIC_S: f64 = 1.0;

/// Warning kind: a formation is still on show after the music has ended.
pub const SHOW_PAST_MUSIC: &str = "show_past_music";
/// Warning kind: the music plays on long after the drones have landed.
pub const MUSIC_AFTER_SHOW: &str = "music_after_show";
/// Warning kind: artwork with detail finer than its drones can show.
pub const ARTWORK_TOO_DETAILED: &str = "artwork_too_detailed";

/// `m:ss.s`.
fn minutes(ms: i64) -> String {
    let c = clock(ms);
    // `m:ss.mmm` → `m:ss.s`.
    c[..c.len() - 2].to_string()
}

fn ms(s: f64) -> i64 {
    (s * 1000.0).round() as i64
}

/// The warning for a formation whose artwork its drones cannot show, with what would:
/// more drones (`count`, or the fleet), and a larger picture when the drones would
/// otherwise come closer than the minimum distance.
pub(crate) fn detail_warning(
    design: &FormationDesign,
    fleet: usize,
    d: &DetailShortfall,
) -> Warning {
    let count = match &design.shape {
        Shape::Svg { count, .. }
        | Shape::Text { count, .. }
        | Shape::Image { count, .. }
        | Shape::Mesh { count, .. } => *count,
        _ => None,
    };
    let drones = match count {
        Some(_) if d.drones_needed <= fleet => {
            Message::verbatim(format!("`count = {}`", d.drones_needed))
        }
        Some(_) => msg!("detail-count-and-fleet", drones = d.drones_needed),
        None => Message::verbatim(format!("`fleet.drones = {}`", d.drones_needed)),
    };
    let advice = if d.scale_needed <= 1.0 {
        msg!(
            "detail-more-drones",
            drones = d.drones_needed,
            keys = drones
        )
    } else {
        let k = d.scale_needed;
        let up = |v: f64| (v * k * 10.0).ceil() / 10.0;
        let size = match &design.shape {
            Shape::Mesh { vertices, .. } => {
                let ext = extent(vertices);
                Message::verbatim(format!("`size_m` ≥ {}", up(ext)))
            }
            s => s.drawing().map_or_else(
                || msg!("detail-times-size", factor = format!("{k:.2}")),
                |dr| {
                    msg!(
                        "detail-width-or-height",
                        width = up(dr.width_m),
                        height = up(dr.height_m)
                    )
                },
            ),
        };
        msg!(
            "detail-larger",
            drones = d.drones_needed,
            factor = format!("{k:.2}"),
            keys = drones,
            size = size
        )
    };
    Warning::new(
        ARTWORK_TOO_DETAILED,
        msg!(
            "detail-warning",
            formation = design.name.as_str(),
            what = d.describe_message(),
            advice = advice
        ),
        format!("formation \"{}\"", design.name),
    )
}

/// The largest extent of a point set, metres.
fn extent(points: &[skyshow_model::Vec3]) -> f64 {
    let Some(first) = points.first() else {
        return 0.0;
    };
    let (lo, hi) = points
        .iter()
        .fold((*first, *first), |(l, h), p| (l.min(*p), h.max(*p)));
    let e = hi - lo;
    e.x.max(e.y).max(e.z)
}

/// How the show's timeline fits its music: formations still on show after the music has
/// ended (one warning, at the first of them), and music that plays on for more than
/// [`MUSIC_AFTER_SHOW_S`] after the last drone has landed.
pub(crate) fn music_warnings(
    music: &MusicDesign,
    formations: &[PlannedFormation],
    show_end_ms: i64,
) -> Vec<Warning> {
    let mut out = Vec::new();
    let music_end = ms(music.offset_s + music.duration_s);
    let last_bar = music
        .downbeats_s
        .len()
        .checked_sub(1)
        .map(|k| (k + 1 + music.bars_before as usize, music.downbeats_s[k]));
    if let Some(first) = formations
        .iter()
        .find(|f| f.end_ms > music_end + ms(SHOW_AFTER_MUSIC_S))
    {
        let last_end = formations.last().map_or(first.end_ms, |f| f.end_ms);
        let over = last_end - music_end;
        let during = if first.start_ms >= music_end {
            msg!(
                "music-warning-starts-after",
                start = minutes(first.start_ms)
            )
        } else {
            msg!(
                "music-warning-on-show",
                start = minutes(first.start_ms),
                end = minutes(first.end_ms)
            )
        };
        let bar = last_bar.map_or_else(
            || Message::verbatim(""),
            |(k, t)| msg!("music-warning-last-bar", bar = k, start = minutes(ms(t))),
        );
        out.push(Warning::new(
            SHOW_PAST_MUSIC,
            msg!(
                "music-warning-show-past",
                music_end = minutes(music_end),
                formation = first.formation.name.as_str(),
                during = during,
                over = format!("{:.1}", over as f64 / 1000.0),
                last_end = minutes(last_end),
                bar = bar
            ),
            format!("formation \"{}\"", first.formation.name),
        ));
    }
    let after = music_end - show_end_ms;
    if after as f64 / 1000.0 > MUSIC_AFTER_SHOW_S {
        out.push(Warning::new(
            MUSIC_AFTER_SHOW,
            msg!(
                "music-warning-after-show",
                after = format!("{:.1}", after as f64 / 1000.0),
                landed = minutes(show_end_ms),
                music_end = minutes(music_end)
            ),
            "music",
        ));
    }
    out
}
