//! `preview_html`: the self-contained 3D preview page.

use std::io::{self, Write};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::write::EncoderWriter;
use flate2::Compression;
use flate2::write::DeflateEncoder;
use serde_json::{Value, json};
use skyshow_i18n::{Lang, Message, msg};
use skyshow_model::{FlightShow, Limits, PhaseKind, Vec3};

use crate::camera::{Camera, PRESET_ASPECT};
use crate::ground_paint::site_style;
use crate::html::{clock, esc, round, script_json};
use crate::scene::Scene;
use crate::scene::clamp_point;
use crate::show_buffer::ShowBuffer;
use crate::template::Template;
use crate::{Burst, Ground, Music, PreviewInput};

const SKELETON: &str = include_str!("../assets/preview.html");
const CSS: &str = include_str!("../assets/preview.css");
const JS: &str = include_str!("../assets/preview.js");

/// The page skeleton's `{{T_…}}` slots and the messages that fill them.
const SLOT_TEXTS: &[(&str, &str)] = &[
    ("T_VIEW_ARIA", "preview-view-aria"),
    ("T_HELP", "preview-help"),
    ("T_TIMELINE_ARIA", "preview-timeline-aria"),
    ("T_PLAY_TITLE", "preview-play-title"),
    ("T_PLAY", "preview-play"),
    ("T_SEEK_ARIA", "preview-seek-aria"),
    ("T_SPEED_TITLE", "preview-speed-title"),
    ("T_MUTE_TITLE", "preview-mute-title"),
    ("T_MUTE", "preview-mute"),
    ("T_CAM_AUDIENCE", "preview-cam-audience"),
    ("T_CAM_AUDIENCE_TITLE", "preview-cam-audience-title"),
    ("T_CAM_TOP", "preview-cam-top"),
    ("T_CAM_TOP_TITLE", "preview-cam-top-title"),
    ("T_CAM_ORBIT", "preview-cam-orbit"),
    ("T_CAM_ORBIT_TITLE", "preview-cam-orbit-title"),
];

/// The words the page's script shows (`meta.text`), by key, and their messages.
const SCRIPT_TEXTS: &[(&str, &str)] = &[
    ("cannot_start", "preview-cannot-start"),
    ("no_decompression", "preview-no-decompression"),
    ("no_canvas", "preview-no-canvas"),
    ("chapter", "preview-chapter"),
    ("formation", "preview-formation"),
    ("cue", "preview-cue"),
    ("firework", "preview-firework"),
    ("play", "preview-play"),
    ("pause", "preview-pause"),
];

/// The preview page of a show: one self-contained HTML file (no network access, no external
/// files) that plays the drones, the fireworks and the music with WebGL. See the crate
/// documentation for what it shows and the `window.skyshowPreview` test hook.
///
/// Deterministic: the same input gives the same bytes. Never panics; unusable data
/// (non-finite numbers, segments going back in time) is left out.
pub fn preview_html(input: &PreviewInput) -> Vec<u8> {
    // Writing into memory cannot fail.
    preview_html_to(input, Vec::new()).unwrap_or_default()
}

/// Writes the preview page of [`preview_html`] to `out` as it is made (the same bytes): the
/// show's packed data is deflated and base64-encoded straight into `out`, the music too, so
/// neither the page nor its encoded data is ever held whole. Returns `out`.
///
/// # Errors
/// The writer's.
pub fn preview_html_to<W: Write>(input: &PreviewInput, mut out: W) -> io::Result<W> {
    let show = input.show;
    let scene = Scene::new(show, &input.ground);
    let buffer = ShowBuffer::encode(show, &scene.all);
    let meta = meta_json(input, &scene, &buffer);
    let title = esc(input.display_title());
    let bursts = drawable_bursts(&input.fireworks).count();
    let duration = end_time(input);
    let lang = input.lang;
    let text = |m: Message| esc(&m.render(lang));
    Template::new(SKELETON).render_to(&mut out, |slot, out| match slot {
        "TITLE" => out.write_all(title.as_bytes()),
        "LANG" => out.write_all(lang.tag().as_bytes()),
        "PAGE_TITLE" => {
            let t = msg!("preview-page-title", title = input.display_title());
            out.write_all(text(t).as_bytes())
        }
        "T_DRONES" => {
            let t = msg!("preview-drones", drones = show.drones.len());
            out.write_all(text(t).as_bytes())
        }
        "CSS" => out.write_all(CSS.as_bytes()),
        "JS" => out.write_all(JS.as_bytes()),
        "DRONES" => out.write_all(show.drones.len().to_string().as_bytes()),
        "DURATION" => out.write_all(clock(duration).as_bytes()),
        "DURATION_S" => out.write_all(round(duration, 3).to_string().as_bytes()),
        "FIREWORKS" if bursts > 0 => {
            let t = text(msg!("preview-fireworks", count = bursts));
            out.write_all(format!(" · {t}").as_bytes())
        }
        "MUTE_HIDDEN" if input.music.is_none() => out.write_all(b" hidden"),
        "META" => out.write_all(meta.as_bytes()),
        "DATA" => {
            let mut b64 = EncoderWriter::new(WholeWrites(&mut *out), &BASE64);
            let mut deflate = DeflateEncoder::new(&mut b64, Compression::fast());
            deflate.write_all(&buffer.bytes)?;
            deflate.finish()?;
            b64.finish().map(drop)
        }
        "MUSIC" => match &input.music {
            Some(m) => {
                let mut b64 = EncoderWriter::new(WholeWrites(&mut *out), &BASE64);
                b64.write_all(m.bytes)?;
                b64.finish().map(drop)
            }
            None => Ok(()),
        },
        other => match SLOT_TEXTS.iter().find(|(s, _)| *s == other) {
            Some((_, id)) => out.write_all(text(Message::new(id)).as_bytes()),
            None => Ok(()),
        },
    })?;
    Ok(out)
}

/// A writer that takes every write whole: base64's encoder answers `Ok(0)` while a writer
/// under it has taken only part of a write, which `write_all` takes for an error.
struct WholeWrites<W>(W);

impl<W: Write> Write for WholeWrites<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write_all(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// The bursts that can be drawn, in time order (stable for equal times).
pub(crate) fn drawable_bursts(bursts: &[Burst]) -> impl Iterator<Item = &Burst> {
    let mut v: Vec<&Burst> = bursts.iter().filter(|b| b.is_drawable()).collect();
    v.sort_by(|a, b| a.time_s.total_cmp(&b.time_s));
    v.into_iter()
}

/// The earliest time anything happens (never after 0).
fn start_time(input: &PreviewInput) -> f64 {
    let drones = input
        .show
        .drones
        .iter()
        .filter_map(|d| d.trajectory.segments.first().map(|s| s.t0))
        .filter(|t| t.is_finite());
    let bursts = drawable_bursts(&input.fireworks).map(|b| b.launch_time_s());
    drones.chain(bursts).fold(0.0, f64::min).max(-3600.0)
}

/// The time the last thing ends: trajectories, light programs, bursts, music offset.
pub(crate) fn end_time(input: &PreviewInput) -> f64 {
    let show = input.show;
    let lights = show.drones.iter().map(|d| d.lights.end_time());
    let bursts = drawable_bursts(&input.fireworks).map(|b| b.time_s + b.duration_s);
    let t = std::iter::once(show_duration(show))
        .chain(lights)
        .chain(bursts)
        .filter(|t| t.is_finite())
        .fold(0.0, f64::max);
    t.min(86_400.0)
}

fn show_duration(show: &FlightShow) -> f64 {
    let d = show.duration_s();
    if d.is_finite() { d } else { 0.0 }
}

fn v3(p: Vec3) -> Value {
    json!([round(p.x, 3), round(p.y, 3), round(p.z, 3)])
}

fn camera_json(c: &Camera) -> Value {
    json!({
        "position": v3(c.position),
        "look_at": v3(c.look_at),
        "fov_deg": round(c.fov_deg, 3),
    })
}

/// The site's outlines for the page's ground: kind, name, corners `[x, y]` (clamped,
/// rounded to the millimetre) and the colour `[r, g, b, a]` they are drawn in.
fn site_json(ground: &Ground) -> Value {
    let outlines: Vec<Value> = ground
        .site_outlines()
        .into_iter()
        .map(|(kind, name, pts)| {
            let (c, a) = site_style(kind);
            let corners: Vec<Value> = pts
                .iter()
                .map(|p| {
                    let q = clamp_point(Vec3::new(p[0], p[1], 0.0));
                    json!([round(q.x, 3), round(q.y, 3)])
                })
                .collect();
            json!({
                "kind": kind.as_str(),
                "name": name,
                "points": corners,
                "color": [c[0], c[1], c[2], a],
            })
        })
        .collect();
    Value::Array(outlines)
}

fn phase_kind(k: PhaseKind) -> &'static str {
    match k {
        PhaseKind::Takeoff => "takeoff",
        PhaseKind::Formation => "formation",
        PhaseKind::Transition => "transition",
        PhaseKind::Landing => "landing",
    }
}

/// A phase as the pages name it in `lang`'s words: `takeoff`, `formation "ring"`,
/// `transition "a" → "b"` (the plan's `source` texts), names as written.
pub(crate) fn phase_label(kind: PhaseKind, source: &str) -> Message {
    match kind {
        PhaseKind::Takeoff => msg!("phase-takeoff"),
        PhaseKind::Landing => msg!("phase-landing"),
        PhaseKind::Formation => msg!("phase-formation", name = formation_name(source)),
        PhaseKind::Transition => match source.strip_prefix("transition ") {
            Some(route) => msg!("phase-transition", route = route),
            None => Message::verbatim(source),
        },
    }
}

/// The script's words in `lang`, by key.
fn script_texts(lang: Lang) -> Value {
    let map: serde_json::Map<String, Value> = SCRIPT_TEXTS
        .iter()
        .map(|(k, id)| (k.to_string(), Value::from(Message::new(id).render(lang))))
        .collect();
    Value::Object(map)
}

/// `formation "ring"` → `ring`; anything else unchanged.
pub(crate) fn formation_name(source: &str) -> &str {
    source
        .strip_prefix("formation \"")
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(source)
}

fn meta_json(input: &PreviewInput, scene: &Scene, buffer: &ShowBuffer) -> String {
    let show = input.show;
    let mut sections = serde_json::Map::new();
    for s in &buffer.sections {
        sections.insert(
            s.name.to_string(),
            json!([s.elem.as_str(), s.offset, s.count]),
        );
    }
    let phases = phases_json(input);
    let cues = cues_json(show);
    let bursts: Vec<Value> = drawable_bursts(&input.fireworks).map(burst_json).collect();
    let flat = |it: &mut dyn Iterator<Item = Vec3>| -> Vec<Value> {
        it.map(|p| json!([round(p.x, 3), round(p.y, 3)])).collect()
    };
    let l = &input.limits;
    let limits = limits_json(l);
    let glow = crate::RenderInput::glow_for(l.min_distance_m);
    let music = input.music.as_ref().map(music_json);
    let (segs, pts, steps) = buffer.counts;
    let v = json!({
        "format": 1,
        "title": input.display_title(),
        "drones": show.drones.len(),
        "start_s": round(start_time(input), 3),
        "duration_s": round(end_time(input), 3),
        "aspect": PRESET_ASPECT,
        "glow_m": round(glow, 3),
        "quant": {"origin": v3(buffer.quant.origin), "step": buffer.quant.step},
        "data": {"encoding": "deflate-raw", "bytes": buffer.bytes.len()},
        "sections": sections,
        "counts": {"segments": segs, "points": pts, "light_steps": steps, "bytes": buffer.bytes.len()},
        "scene": {
            "center": v3(scene.stage_center()),
            "ground_lo": [round(scene.ground.lo.x, 3), round(scene.ground.lo.y, 3)],
            "ground_hi": [round(scene.ground.hi.x, 3), round(scene.ground.hi.y, 3)],
            "toward_audience": v3(scene.toward_audience),
        },
        "cameras": {
            "audience": camera_json(&Camera::audience_preset(scene)),
            "top": camera_json(&Camera::top_preset(scene)),
        },
        "phases": phases,
        "cues": cues,
        "bursts": bursts,
        "audience": flat(&mut input.ground.audience_points().map(crate::scene::clamp_point)),
        "front": flat(&mut input.ground.front_points().map(crate::scene::clamp_point)),
        "site": site_json(&input.ground),
        "limits": limits,
        "music": music,
        "live_reload_url": input.live_reload_url,
        "lang": input.lang.tag(),
        "text": script_texts(input.lang),
    });
    script_json(&v)
}

/// The timeline's phases, labelled in the page's language.
fn phases_json(input: &PreviewInput) -> Vec<Value> {
    input
        .show
        .phases
        .iter()
        .filter(|p| p.start_s.is_finite() && p.end_s.is_finite())
        .map(|p| {
            let kind = phase_kind(p.kind);
            let name = if p.kind == PhaseKind::Formation {
                formation_name(&p.source)
            } else {
                &p.source
            };
            json!({
                "kind": kind,
                "name": name,
                "source": p.source,
                "label": phase_label(p.kind, &p.source).render(input.lang),
                "start_s": round(p.start_s, 3),
                "end_s": round(p.end_s.max(p.start_s), 3),
            })
        })
        .collect()
}

/// The cues in time order, each marked as a formation's or a chapter's.
fn cues_json(show: &FlightShow) -> Vec<Value> {
    let formation_names: Vec<&str> = show
        .phases
        .iter()
        .filter(|p| p.kind == PhaseKind::Formation)
        .map(|p| formation_name(&p.source))
        .collect();
    let mut cues: Vec<&skyshow_model::Cue> =
        show.cues.iter().filter(|c| c.time_s.is_finite()).collect();
    cues.sort_by(|a, b| a.time_s.total_cmp(&b.time_s));
    cues.into_iter()
        .map(|c| {
            let kind = if formation_names.contains(&c.name.as_str()) {
                "formation"
            } else {
                "chapter"
            };
            json!({"name": c.name, "time_s": round(c.time_s, 3), "kind": kind})
        })
        .collect()
}

/// One firework burst as the page draws it (radius and duration clamped).
fn burst_json(b: &Burst) -> Value {
    json!({
        "time_s": round(b.time_s, 3),
        "position": v3(b.position),
        "radius_m": round(b.radius_m.min(2000.0), 3),
        "color": [b.color.r, b.color.g, b.color.b],
        "duration_s": round(b.duration_s.min(600.0), 3),
        "lift_s": round(b.lift_s(), 3),
        "label": b.label,
    })
}

/// The limits the page's figures are drawn against.
fn limits_json(l: &Limits) -> Value {
    json!({
        "min_distance_m": round(l.min_distance_m, 3),
        "max_speed_xy_m_s": round(l.max_speed_xy_m_s, 3),
        "max_speed_up_m_s": round(l.max_speed_up_m_s, 3),
        "max_speed_down_m_s": round(l.max_speed_down_m_s, 3),
        "max_accel_m_s2": round(l.max_accel_m_s2, 3),
        "max_altitude_m": round(l.max_altitude_m, 3),
        "battery_s": round(l.battery_s, 3),
    })
}

/// The music's type, offset and waveform: at most 2000 peaks (0–99), merged by maximum.
fn music_json(m: &Music<'_>) -> Value {
    let n = m.waveform.len();
    let merge = n.div_ceil(2000).max(1);
    let peaks: Vec<u8> = m
        .waveform
        .chunks(merge)
        .map(|c| (c.iter().fold(0.0f32, |a, b| a.max(*b)).clamp(0.0, 1.0) * 99.0).round() as u8)
        .collect();
    json!({
        "mime": m.mime,
        "offset_s": round(m.offset_s, 3),
        "waveform": {"bucket_s": round(m.waveform_bucket_s * merge as f64, 6), "peaks": peaks},
    })
}
