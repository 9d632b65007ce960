//! `preview_html`: the self-contained 3D preview page.

use std::io::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use flate2::Compression;
use flate2::write::DeflateEncoder;
use serde_json::{Value, json};
use skyshow_model::{FlightShow, PhaseKind, Vec3};

use crate::camera::Camera;
use crate::html::{clock, esc, round, script_json};
use crate::scene::Scene;
use crate::show_buffer::ShowBuffer;
use crate::template::Template;
use crate::{Burst, PreviewInput};

const SKELETON: &str = include_str!("../assets/preview.html");
const CSS: &str = include_str!("../assets/preview.css");
const JS: &str = include_str!("../assets/preview.js");

/// The aspect ratio (width / height) the camera presets are fitted to; narrower windows
/// widen the field of view to keep the same horizontal extent.
pub(crate) const PRESET_ASPECT: f64 = 16.0 / 9.0;

/// The preview page of a show: one self-contained HTML file (no network access, no external
/// files) that plays the drones, the fireworks and the music with WebGL. See the crate
/// documentation for what it shows and the `window.skyshowPreview` test hook.
///
/// Deterministic: the same input gives the same bytes. Never panics; unusable data
/// (non-finite numbers, segments going back in time) is left out.
pub fn preview_html(input: &PreviewInput) -> Vec<u8> {
    let show = input.show;
    let scene = Scene::new(show, &input.ground);
    let buffer = ShowBuffer::encode(show, &scene.all);
    let packed = deflate(&buffer.bytes);
    let meta = meta_json(input, &scene, &buffer, packed.is_some());
    let title = esc(input.display_title());
    let bursts = drawable_bursts(&input.fireworks).count();
    let duration = end_time(input);
    Template::new(SKELETON).render(|slot, out| match slot {
        "TITLE" => out.extend_from_slice(title.as_bytes()),
        "CSS" => out.extend_from_slice(CSS.as_bytes()),
        "JS" => out.extend_from_slice(JS.as_bytes()),
        "DRONES" => out.extend_from_slice(show.drones.len().to_string().as_bytes()),
        "DURATION" => out.extend_from_slice(clock(duration).as_bytes()),
        "DURATION_S" => out.extend_from_slice(round(duration, 3).to_string().as_bytes()),
        "FIREWORKS" if bursts > 0 => {
            out.extend_from_slice(format!(" · {bursts} fireworks").as_bytes());
        }
        "MUTE_HIDDEN" if input.music.is_none() => out.extend_from_slice(b" hidden"),
        "META" => out.extend_from_slice(meta.as_bytes()),
        "DATA" => encode_base64(packed.as_deref().unwrap_or(&buffer.bytes), out),
        "MUSIC" => {
            if let Some(m) = &input.music {
                encode_base64(m.bytes, out);
            }
        }
        _ => {}
    })
}

/// The bytes as a raw deflate stream (the page unpacks it with `DecompressionStream`):
/// a third of the size for real shows (holds, repeated times and colours). Fast level:
/// the ratio is within 10 % of the best. `None` if the encoder fails (never in practice).
fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut enc = DeflateEncoder::new(Vec::with_capacity(bytes.len() / 2), Compression::fast());
    enc.write_all(bytes).ok()?;
    enc.finish().ok()
}

/// Appends the base64 text of `bytes` without an intermediate `String`.
fn encode_base64(bytes: &[u8], out: &mut Vec<u8>) {
    let start = out.len();
    out.resize(start + bytes.len().div_ceil(3) * 4, 0);
    let n = BASE64
        .encode_slice(bytes, &mut out[start..])
        .unwrap_or_default();
    out.truncate(start + n);
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

fn phase_kind(k: PhaseKind) -> &'static str {
    match k {
        PhaseKind::Takeoff => "takeoff",
        PhaseKind::Formation => "formation",
        PhaseKind::Transition => "transition",
        PhaseKind::Landing => "landing",
    }
}

/// `formation "ring"` → `ring`; anything else unchanged.
pub(crate) fn formation_name(source: &str) -> &str {
    source
        .strip_prefix("formation \"")
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(source)
}

fn meta_json(input: &PreviewInput, scene: &Scene, buffer: &ShowBuffer, packed: bool) -> String {
    let show = input.show;
    let mut sections = serde_json::Map::new();
    for s in &buffer.sections {
        sections.insert(
            s.name.to_string(),
            json!([s.elem.as_str(), s.offset, s.count]),
        );
    }
    let phases: Vec<Value> = show
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
                "start_s": round(p.start_s, 3),
                "end_s": round(p.end_s.max(p.start_s), 3),
            })
        })
        .collect();
    let formation_names: Vec<&str> = show
        .phases
        .iter()
        .filter(|p| p.kind == PhaseKind::Formation)
        .map(|p| formation_name(&p.source))
        .collect();
    let mut cues: Vec<&skyshow_model::Cue> =
        show.cues.iter().filter(|c| c.time_s.is_finite()).collect();
    cues.sort_by(|a, b| a.time_s.total_cmp(&b.time_s));
    let cues: Vec<Value> = cues
        .into_iter()
        .map(|c| {
            let kind = if formation_names.contains(&c.name.as_str()) {
                "formation"
            } else {
                "chapter"
            };
            json!({"name": c.name, "time_s": round(c.time_s, 3), "kind": kind})
        })
        .collect();
    let bursts: Vec<Value> = drawable_bursts(&input.fireworks)
        .map(|b| {
            json!({
                "time_s": round(b.time_s, 3),
                "position": v3(b.position),
                "radius_m": round(b.radius_m.min(2000.0), 3),
                "color": [b.color.r, b.color.g, b.color.b],
                "duration_s": round(b.duration_s.min(600.0), 3),
                "lift_s": round(b.lift_s(), 3),
                "label": b.label,
            })
        })
        .collect();
    let flat = |it: &mut dyn Iterator<Item = Vec3>| -> Vec<Value> {
        it.map(|p| json!([round(p.x, 3), round(p.y, 3)])).collect()
    };
    let l = &input.limits;
    let limits = json!({
        "min_distance_m": round(l.min_distance_m, 3),
        "max_speed_xy_m_s": round(l.max_speed_xy_m_s, 3),
        "max_speed_up_m_s": round(l.max_speed_up_m_s, 3),
        "max_speed_down_m_s": round(l.max_speed_down_m_s, 3),
        "max_accel_m_s2": round(l.max_accel_m_s2, 3),
        "max_altitude_m": round(l.max_altitude_m, 3),
        "battery_s": round(l.battery_s, 3),
    });
    let glow = crate::render_input::glow_for(l.min_distance_m);
    let music = input.music.as_ref().map(|m| {
        // At most 2000 peaks (0–99), merged by maximum, for the timeline's waveform.
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
    });
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
        "data": {"encoding": if packed { "deflate-raw" } else { "raw" }, "bytes": buffer.bytes.len()},
        "sections": sections,
        "counts": {"segments": segs, "points": pts, "light_steps": steps, "bytes": buffer.bytes.len()},
        "scene": {
            "center": v3(scene.stage_center()),
            "ground_lo": [round(scene.ground.lo.x, 3), round(scene.ground.lo.y, 3)],
            "ground_hi": [round(scene.ground.hi.x, 3), round(scene.ground.hi.y, 3)],
            "toward_audience": v3(scene.toward_audience),
        },
        "cameras": {
            "audience": camera_json(&Camera::audience_of(scene, PRESET_ASPECT)),
            "top": camera_json(&Camera::top_of(scene, PRESET_ASPECT)),
        },
        "phases": phases,
        "cues": cues,
        "bursts": bursts,
        "audience": flat(&mut input.ground.audience_points().map(crate::scene::clamp_point)),
        "front": flat(&mut input.ground.front_points().map(crate::scene::clamp_point)),
        "limits": limits,
        "music": music,
        "live_reload_url": input.live_reload_url,
    });
    script_json(&v)
}
