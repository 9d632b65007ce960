//! VVIZ, the drone-show interchange JSON that Finale 3D imports, read back into the model so
//! that `check` verifies it as it verifies a `.skyc` or a CSV show.
//!
//! The layout is the one `skyshow_export::vviz` writes and Finale documents: a header
//! (`coordinateFrame` "ogl", `defaultPositionRate`, `defaultColorRate`), then one entry of
//! `performances` per drone: `agentDescription` with `homeX`, `homeY`, `homeZ` (metres) and
//! `agentTraversal`, a list of position deltas (`dx`, `dy`, `dz`, metres; `dt` seconds since
//! the previous sample, `1 / defaultPositionRate` when absent), and a `Light` payload whose
//! `payloadActions` are colours (`r`, `g`, `b`) held from `frames` colour frames after the
//! previous action.
//!
//! Axes: "ogl" is X right, Y up, Z forward; a file point `(X, Y, Z)` is the show point
//! `(X, −Z, Y)` (z up), the inverse of the writer's mapping. The flight is straight between
//! samples (Finale interpolates linearly), so the show comes back as a sampled show, like a
//! Skybrush CSV: [`SkycShow::sample_interval_s`] is the position step.

use serde_json::Value;
use skyshow_i18n::{Message, msg};
use skyshow_model::{LightStep, Rgb, Vec3};

use crate::decimal_quantum::DecimalQuantum;
use crate::resolver::parse_json;
use crate::show_reader::{MAX_COORD_M, MAX_TIME_S};
use crate::skybrush_csv::{Sample, csv_show, drone_from_samples};
use crate::{ReadOptions, SkycError, SkycShow};

/// The name VVIZ errors give the file.
const MEMBER: &str = "VVIZ";

/// True if `bytes` look like a VVIZ document: a JSON object whose first kilobytes name
/// `performances` and `coordinateFrame` (the keys every VVIZ header has) and not `swarm`.
pub fn is_vviz(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let first = head.iter().find(|b| !b.is_ascii_whitespace());
    let has = |key: &[u8]| head.windows(key.len()).any(|w| w == key);
    first == Some(&b'{')
        && has(b"\"coordinateFrame\"")
        && has(b"\"performances\"")
        && !has(b"\"swarm\"")
}

/// Reads a VVIZ document: one drone per performance, in file order, named `Drone N` after
/// its position (1-based), straight between its position samples, its colours held between
/// colour actions.
///
/// # Errors
/// Invalid JSON; a missing or mistyped key (with its path); a coordinate frame other than
/// "ogl"; rates that are not positive; non-finite or absurd numbers; more drones or samples
/// than `opts` allows.
pub fn read_vviz(bytes: &[u8], opts: &ReadOptions) -> Result<SkycShow, SkycError> {
    let doc = parse_json(MEMBER, bytes)?;
    let frame = doc.get("coordinateFrame").and_then(Value::as_str);
    if frame != Some("ogl") {
        return Err(schema(
            "coordinateFrame",
            msg!(
                "skyc-vviz-frame",
                found = frame.map_or_else(
                    || msg!("skyc-nothing"),
                    |f| Message::verbatim(format!("\"{f}\""))
                )
            ),
        ));
    }
    let position_rate = positive(&doc, "defaultPositionRate")?;
    let color_rate = positive(&doc, "defaultColorRate")?;
    let offset = match doc.get("timeOffsetSecs") {
        None => 0.0,
        Some(v) => finite(v, "timeOffsetSecs", MAX_TIME_S)?,
    };
    let performances = doc
        .get("performances")
        .and_then(Value::as_array)
        .ok_or_else(|| schema("performances", msg!("skyc-vviz-performances")))?;
    if performances.is_empty() {
        return Err(schema("performances", msg!("skyc-vviz-empty")));
    }
    if performances.len() > opts.max_drones {
        return Err(SkycError::TooManyDrones {
            count: performances.len(),
            max: opts.max_drones,
        });
    }
    let step = 1.0 / position_rate;
    let mut quantum = DecimalQuantum::default();
    let drones = performances
        .iter()
        .enumerate()
        .map(|(i, perf)| {
            let path = format!("performances[{i}]");
            let samples = traversal(perf, &path, step, offset, opts)?;
            samples.iter().for_each(|s| quantum.see_point(s.p));
            let colors = colour_actions(perf, &path, color_rate, offset, opts)?;
            let mut drone = drone_from_samples(format!("Drone {}", i + 1), &samples);
            let end = samples.last().map_or(0.0, |s| s.t);
            drone.lights.steps = held_colours(&colors, end);
            Ok(drone)
        })
        .collect::<Result<Vec<_>, SkycError>>()?;
    let mut show = csv_show(drones, Some(step), quantum.step());
    show.show.title = doc
        .get("performanceName")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    Ok(show)
}

/// A performance's position samples, show frame, absolute times.
fn traversal(
    perf: &Value,
    path: &str,
    step: f64,
    offset: f64,
    opts: &ReadOptions,
) -> Result<Vec<Sample>, SkycError> {
    let desc = perf
        .get("agentDescription")
        .ok_or_else(|| schema(path, msg!("skyc-vviz-no-key", key = "agentDescription")))?;
    let dpath = format!("{path}.agentDescription");
    let coord = |key: &str| -> Result<f64, SkycError> {
        let v = desc
            .get(key)
            .ok_or_else(|| schema(&dpath, msg!("skyc-vviz-no-key", key = key)))?;
        finite(v, &format!("{dpath}.{key}"), MAX_COORD_M)
    };
    let mut ogl = [coord("homeX")?, coord("homeY")?, coord("homeZ")?];
    let tpath = format!("{dpath}.agentTraversal");
    let rows = desc
        .get("agentTraversal")
        .and_then(Value::as_array)
        .ok_or_else(|| schema(&tpath, msg!("skyc-vviz-traversal")))?;
    if rows.len() > opts.max_points_per_drone {
        return Err(SkycError::TooManyPoints {
            member: MEMBER.into(),
            path: Message::verbatim(tpath),
            count: rows.len(),
            max: opts.max_points_per_drone,
        });
    }
    let mut samples: Vec<Sample> = Vec::with_capacity(rows.len() + 1);
    let mut t = offset;
    for (k, row) in rows.iter().enumerate() {
        let rpath = format!("{tpath}[{k}]");
        let dt = match row.get("dt") {
            Some(v) => finite(v, &format!("{rpath}.dt"), MAX_TIME_S)?,
            None if k == 0 => 0.0,
            None => step,
        };
        if dt < 0.0 || (k > 0 && dt == 0.0) {
            return Err(schema(&rpath, msg!("skyc-vviz-dt", dt = dt)));
        }
        t += dt;
        for (axis, key) in ["dx", "dy", "dz"].iter().enumerate() {
            let v = row.get(*key).unwrap_or(&Value::Null);
            if !v.is_null() {
                ogl[axis] += finite(v, &format!("{rpath}.{key}"), MAX_COORD_M)?;
            }
        }
        if ogl.iter().any(|c| c.abs() > MAX_COORD_M) {
            return Err(schema(&rpath, msg!("skyc-vviz-too-far")));
        }
        let p = Vec3::new(ogl[0], -ogl[2], ogl[1]);
        samples.push(Sample {
            t,
            p,
            c: Rgb::new(0, 0, 0),
        });
    }
    if samples.is_empty() {
        // A drone with no traversal stands at its home.
        samples.push(Sample {
            t: offset,
            p: Vec3::new(ogl[0], -ogl[2], ogl[1]),
            c: Rgb::new(0, 0, 0),
        });
    }
    Ok(samples)
}

/// A performance's colour actions as `(time s, colour)`, from its `Light` payload (none: no
/// light, black).
fn colour_actions(
    perf: &Value,
    path: &str,
    rate: f64,
    offset: f64,
    opts: &ReadOptions,
) -> Result<Vec<(f64, Rgb)>, SkycError> {
    let payloads = perf
        .get("payloadDescription")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let Some((pi, light)) = payloads
        .iter()
        .enumerate()
        .find(|(_, p)| p.get("type").and_then(Value::as_str) == Some("Light"))
    else {
        return Ok(Vec::new());
    };
    let apath = format!("{path}.payloadDescription[{pi}].payloadActions");
    let actions = light
        .get("payloadActions")
        .and_then(Value::as_array)
        .ok_or_else(|| schema(&apath, msg!("skyc-vviz-actions")))?;
    if actions.len() > opts.max_points_per_drone {
        return Err(SkycError::TooManyPoints {
            member: MEMBER.into(),
            path: Message::verbatim(apath),
            count: actions.len(),
            max: opts.max_points_per_drone,
        });
    }
    let mut frame = 0.0;
    let mut out = Vec::with_capacity(actions.len());
    for (k, a) in actions.iter().enumerate() {
        let path = format!("{apath}[{k}]");
        let frames = match a.get("frames") {
            Some(v) => finite(v, &format!("{path}.frames"), MAX_TIME_S * rate)?,
            None => 0.0,
        };
        if frames < 0.0 {
            return Err(schema(&path, msg!("skyc-vviz-frames", frames = frames)));
        }
        frame += frames;
        let channel = |key: &str| -> Result<u8, SkycError> {
            let v = a.get(key).unwrap_or(&Value::Null);
            let x = v.as_f64().filter(|x| (0.0..=255.0).contains(x));
            x.map(|x| x.round() as u8).ok_or_else(|| {
                schema(
                    &format!("{path}.{key}"),
                    msg!("skyc-vviz-channel", found = v.to_string()),
                )
            })
        };
        out.push((
            offset + frame / rate,
            Rgb::new(channel("r")?, channel("g")?, channel("b")?),
        ));
    }
    Ok(out)
}

/// Light steps holding each colour until the next action (the last until `end`).
fn held_colours(actions: &[(f64, Rgb)], end: f64) -> Vec<LightStep> {
    let Some(&(t0, c0)) = actions.first() else {
        return vec![LightStep {
            t0: 0.0,
            t1: end,
            from: Rgb::new(0, 0, 0),
            to: Rgb::new(0, 0, 0),
        }];
    };
    let mut steps = Vec::with_capacity(actions.len() + 1);
    if t0 > 0.0 {
        steps.push(LightStep {
            t0: 0.0,
            t1: t0,
            from: c0,
            to: c0,
        });
    }
    for (k, &(t, c)) in actions.iter().enumerate() {
        let t1 = actions.get(k + 1).map_or(end.max(t), |a| a.0);
        steps.push(LightStep {
            t0: t,
            t1,
            from: c,
            to: c,
        });
    }
    steps
}

/// A positive finite number at `key` of the header.
fn positive(doc: &Value, key: &str) -> Result<f64, SkycError> {
    let v = doc
        .get(key)
        .ok_or_else(|| schema(key, msg!("skyc-vviz-missing")))?;
    let x = finite(v, key, 1e6)?;
    if x > 0.0 {
        Ok(x)
    } else {
        Err(schema(key, msg!("skyc-vviz-rate", found = x)))
    }
}

/// A finite number no larger than `max` in magnitude.
fn finite(v: &Value, path: &str, max: f64) -> Result<f64, SkycError> {
    match v.as_f64() {
        Some(x) if x.is_finite() && x.abs() <= max => Ok(x),
        Some(x) => Err(schema(path, msg!("skyc-vviz-range", x = x, max = max))),
        None => Err(schema(
            path,
            msg!("skyc-vviz-number", found = v.to_string()),
        )),
    }
}

fn schema(path: &str, message: Message) -> SkycError {
    SkycError::Schema {
        member: Message::verbatim(MEMBER),
        path: Message::verbatim(path),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-drone VVIZ at 4 Hz: home `home`, then `n` samples each moved by `delta`.
    fn doc(home: [&str; 3], delta: [&str; 3], n: usize) -> String {
        let row = format!(
            r#"{{"dx": {}, "dy": {}, "dz": {}}}"#,
            delta[0], delta[1], delta[2]
        );
        let rows = vec![row; n].join(",");
        format!(
            r#"{{"coordinateFrame": "ogl", "defaultPositionRate": 4, "defaultColorRate": 4,
            "performances": [{{"agentDescription": {{"homeX": {}, "homeY": {}, "homeZ": {},
            "agentTraversal": [{rows}]}}}}]}}"#,
            home[0], home[1], home[2]
        )
    }

    #[test]
    fn the_position_step_survives_summing_thousands_of_deltas() {
        let read = |d: String| read_vviz(d.as_bytes(), &ReadOptions::DEFAULT).unwrap();
        let mm = read(doc(
            ["0.5", "10.25", "-1.001"],
            ["0.013", "0.007", "-0.101"],
            4000,
        ));
        assert_eq!(mm.sample_interval_s, Some(0.25));
        assert_eq!(mm.position_step_m, Some(0.001));
        let cm = read(doc(["0.5", "10", "-1"], ["0.01", "0.02", "-0.1"], 4000));
        assert_eq!(cm.position_step_m, Some(0.01));
        let exact = read(doc(["0", "10", "0"], ["0.0123456789012", "0", "0"], 10));
        assert_eq!(exact.position_step_m, None);
    }
}
