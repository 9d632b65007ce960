//! `skyshow formation INPUT --drones N -o points.csv [--png picture.png]`: one formation on
//! its own, from an SVG, mesh, image, text or formation spec; a moving spec's motion is
//! checked and measured, and `-o motion.zip` writes it as a Skybrush CSV zip.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use miette::{Result, miette};
use serde_json::json;
use skyshow_export::{CsvOptions, MotionRow, write_drone_csv_zip_to};
use skyshow_formations::{Formation, LocalFrame, Snapshot, build};
use skyshow_i18n::{Message, msg};
use skyshow_import::LoadedShow;
use skyshow_model::{Limits, Shape, Warning};

use crate::args::{FormationArgs, LimitArgs};
use crate::commands::build::motion_row;
use crate::design_warnings;
use crate::formation_motion;
use crate::formation_spec::{FormationSpec, animation_flags};
use crate::output::OutputSet;
use crate::printer::Printer;
use crate::summary::print_motion;

/// A note explains a smallest spacing below this × the ideal when lines run closer than
/// the ideal along at least this share of their length.
const CLOSE_NOTE_RATIO: f64 = 0.9;
const CLOSE_NOTE_SHARE: f64 = 0.05;

/// Runs `formation`.
pub(crate) fn run(args: &FormationArgs, printer: Printer) -> Result<u8> {
    check_flags(args)?;
    let input = args.input.as_deref();
    let (spec, base_dir) = read_spec(args, input)?;
    // Wrap the spec in a minimal show so it is parsed and checked exactly like a show file.
    let has_hold = formation_motion::spec_sets_hold(&spec.text);
    let show = show_head(args, has_hold);
    let shift = show.len();
    let wrapped = show + &spec.text;
    let loaded = LoadedShow::from_text(&spec.name, &wrapped, &base_dir)
        .map_err(|e| spec.explain(e, shift))?;
    let design = &loaded.design;
    let mut f = design.formations[0].clone();
    if args.at.is_some() && args.hold.is_none() {
        // `--at` alone: the still picture the clip shows then (import posed the mesh there).
        if let Shape::Mesh { animation, .. } = &mut f.shape {
            *animation = None;
        }
    }
    let f = &f;
    // On its own, a formation is not held to the show's altitude band.
    let limits = Limits {
        min_distance_m: args.min_distance,
        max_altitude_m: f64::INFINITY,
        ..design.limits
    };
    let formation = build(
        f,
        args.drones,
        design.audience_azimuth_deg,
        &limits,
        f64::NEG_INFINITY,
    )
    .map_err(|e| {
        miette!(
            help = spec.in_flag_terms(e.hint()),
            "{}",
            spec.in_flag_terms(&e)
        )
    })?;
    let motion_limits = motion_limits(args, design.limits)?;
    let hold = formation_motion::plan(
        f,
        &formation,
        design.audience_azimuth_deg,
        &motion_limits,
        has_hold,
        &spec,
    )?;
    let mut out = OutputSet::default();
    if is_zip(&args.out) {
        let show = formation_motion::flown(&formation, hold.as_ref(), f.hold_s);
        let opts = CsvOptions { fps: args.fps };
        out.stream(args.out.clone(), |w| {
            write_drone_csv_zip_to(w, &show, &opts).map(drop)
        })?;
    } else {
        out.add(args.out.clone(), points_csv(&formation));
    }
    if let Some(png) = &args.png {
        let frame = LocalFrame::new(design.audience_azimuth_deg, &f.placement);
        out.add(png.clone(), Snapshot::default().png(&formation, &frame));
    }
    let written = out.commit()?;
    let motion = hold.as_ref().map(|h| motion_row(&h.summary));
    if args.json {
        print_json(&formation, f.hold_s, motion.as_ref(), &written);
    } else {
        print_figures(printer, args, &formation);
    }
    if let Some(m) = &motion
        && !args.json
    {
        print_motion(&printer, &formation.name, m, "  ");
    }
    print_notes(printer, args, &spec, &design.warnings, &formation);
    Ok(0)
}

/// The flags' values within their ranges: a drone count the engine takes, a non-negative
/// minimum distance and `--at`, a positive `--hold`, and a frame rate of 0.1–100 fps.
fn check_flags(args: &FormationArgs) -> Result<()> {
    if args.drones == 0 || args.drones > 100_000 {
        return Err(miette!(
            help = msg!("formation-drones-range-hint").to_string(),
            "{}",
            msg!("formation-drones-range", drones = args.drones.to_string())
        ));
    }
    for (flag, value, above_zero) in [
        ("min-distance", Some(args.min_distance), false),
        ("hold", args.hold, true),
        ("at", args.at, false),
    ] {
        if let Some(v) = value
            && !(v.is_finite() && (v > 0.0 || (!above_zero && v == 0.0)))
        {
            let hint = if above_zero {
                msg!("formation-flag-positive")
            } else {
                msg!("formation-flag-not-negative")
            };
            return Err(miette!(
                help = hint.to_string(),
                "{}",
                msg!("formation-flag-range", flag = flag, value = v.to_string())
            ));
        }
    }
    if !(args.fps.is_finite() && args.fps >= 0.1 && args.fps <= 100.0) {
        return Err(miette!(
            help = msg!("formation-fps-hint").to_string(),
            "{}",
            msg!("formation-fps-range", fps = args.fps.to_string())
        ));
    }
    Ok(())
}

/// The formation spec `input` gives (a `.toml` spec, or artwork or text made into one from
/// the flags) and the folder its relative paths start from.
fn read_spec(args: &FormationArgs, input: Option<&Path>) -> Result<(FormationSpec, PathBuf)> {
    let ext = input
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    Ok(match (input, ext.as_str()) {
        (None, _) => (
            FormationSpec::from_flags(args, None, "text")?,
            PathBuf::from("."),
        ),
        (Some(p), "toml") => {
            let flags = [
                ("--width", args.width.is_some()),
                ("--height", args.height.is_some()),
                ("--mode", args.mode.is_some()),
                ("--color", args.color.is_some()),
                ("--dark", args.dark.is_some()),
                ("--hold", args.hold.is_some()),
            ];
            let mut given: Vec<&str> = flags.iter().filter(|f| f.1).map(|f| f.0).collect();
            given.extend(animation_flags(args));
            if !given.is_empty() {
                return Err(miette!(
                    help = msg!("formation-spec-flags-hint").to_string(),
                    "{}",
                    msg!("formation-spec-flags", flags = given.join("`, `"))
                ));
            }
            let name = p.display().to_string();
            let text = skyshow_import::read_input(p, skyshow_import::MAX_INPUT_BYTES)
                .and_then(|b| String::from_utf8(b).map_err(|_| msg!("formation-spec-not-utf8")))
                .map_err(|e| {
                    miette!(
                        "{}",
                        msg!("formation-spec-unread", input = name.as_str(), why = e)
                    )
                })?;
            let dir = p.parent().map(Path::to_path_buf).unwrap_or_default();
            (FormationSpec::from_file(name, text), dir)
        }
        (Some(p), e) => {
            let shape = match e {
                "svg" => "svg",
                "obj" | "stl" | "gltf" | "glb" => "mesh",
                "png" | "jpg" | "jpeg" => "image",
                _ => {
                    return Err(miette!(
                        help = msg!("formation-input-type-hint").to_string(),
                        "{}",
                        msg!(
                            "formation-input-type",
                            input = p.display().to_string(),
                            ext = e
                        )
                    ));
                }
            };
            (
                FormationSpec::from_flags(args, Some(p), shape)?,
                PathBuf::from("."),
            )
        }
    })
}

/// The points at the start of the hold as `x,y,z,r,g,b` rows.
fn points_csv(formation: &Formation) -> Vec<u8> {
    let mut csv = String::from("x,y,z,r,g,b\n");
    for (p, c) in formation.points.iter().zip(&formation.colors) {
        let _ = writeln!(
            csv,
            "{:.4},{:.4},{:.4},{},{},{}",
            p.x, p.y, p.z, c.r, c.g, c.b
        );
    }
    csv.into_bytes()
}

/// The design's warnings, dark drones, close lines and too fine detail, after the figures.
fn print_notes(
    printer: Printer,
    args: &FormationArgs,
    spec: &FormationSpec,
    warnings: &[Warning],
    formation: &Formation,
) {
    let warnings = warnings.iter().map(|w| w.message.to_string());
    let dark = design_warnings::dark_drones(formation).map(|w| w.message.to_string());
    let spread = design_warnings::spread_picture(formation, args.min_distance)
        .map(|w| w.message.to_string());
    for w in warnings.chain(dark).chain(spread) {
        printer.line(&format!(
            "{}: {}",
            msg!("summary-warning"),
            spec.in_flag_terms(&w)
        ));
    }
    if let (Some(share), Some(ideal)) = (formation.close_lines_share, formation.ideal_spacing_m)
        && share >= CLOSE_NOTE_SHARE
        && formation.min_spacing_m < CLOSE_NOTE_RATIO * ideal
    {
        let note = msg!(
            "formation-close-lines-note",
            share = format!("{:.0}", 100.0 * share)
        );
        printer.line(&note.to_string());
    }
    if let Some(d) = &formation.detail {
        printer.line(&format!(
            "{}: {}",
            msg!("summary-warning"),
            msg!(
                "formation-detail-warning",
                what = d.describe_message(),
                advice = detail_advice(args, args.input.as_deref(), d)
            )
        ));
    }
}

/// The minimal show a spec is wrapped in, up to its formation's keys: the spec's `hold`
/// if it gives one, else a still picture's.
fn show_head(args: &FormationArgs, has_hold: bool) -> String {
    let grid = (args.drones as f64).sqrt().ceil() as usize;
    format!(
        "title = \"formation\"\nseed = {}\n[fleet]\ndrones = {}\n[fleet.grid]\nrows = {grid}\ncolumns = {grid}\n[limits]\nmin_distance_m = {}\n[[chapter]]\nname = \"c\"\n[[chapter.formation]]\n{}",
        args.seed,
        args.drones,
        args.min_distance.max(0.1),
        if has_hold {
            String::new()
        } else {
            format!("hold = {}\n", formation_motion::STILL_HOLD_S)
        }
    )
}

/// Whether `path` names a zip (`.zip`, any case).
fn is_zip(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// The limits a motion is checked against: the show-file defaults with the flags on top
/// and, as for the picture, no altitude ceiling unless `--max-altitude` gives one.
fn motion_limits(args: &FormationArgs, defaults: Limits) -> Result<Limits> {
    let flags = LimitArgs {
        min_distance: Some(args.min_distance),
        motion: args.motion.clone(),
        max_altitude: args.max_altitude,
        ..LimitArgs::default()
    };
    let base = Limits {
        max_altitude_m: f64::INFINITY,
        ..defaults
    };
    flags.apply(base)
}

/// The figures as JSON on stdout: the picture's, the hold's and, for a moving formation,
/// its `motion` as `report.json` gives it.
#[allow(clippy::print_stdout)]
fn print_json(formation: &Formation, hold_s: f64, motion: Option<&MotionRow>, written: &[PathBuf]) {
    let mut v = json!({
        "name": formation.name,
        "points": formation.points.len(),
        "min_spacing_m": formation.min_spacing_m,
        "ideal_spacing_m": formation.ideal_spacing_m,
        "max_shape_distance_m": formation.max_shape_distance_m,
        "hold_s": hold_s,
        "written": written.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
    });
    if let (Some(m), Some(map)) = (motion, v.as_object_mut()) {
        map.insert("motion".into(), m.to_json());
    }
    println!("{v}");
}

/// The picture's figures and what was written.
fn print_figures(printer: Printer, args: &FormationArgs, formation: &Formation) {
    let none = || Message::verbatim("");
    let ideal = formation.ideal_spacing_m.map_or_else(none, |i| {
        msg!(
            "formation-figures-ideal",
            ideal = format!("{i:.3}"),
            share = format!("{:.0}", 100.0 * formation.min_spacing_m / i)
        )
    });
    let farthest = formation.max_shape_distance_m.map_or_else(none, |h| {
        msg!("formation-figures-farthest", distance = format!("{h:.2}"))
    });
    let png = args
        .png
        .as_ref()
        .map_or_else(none, |p| msg!("formation-figures-png", file = p));
    let line = msg!(
        "formation-figures",
        name = formation.name.as_str(),
        points = formation.points.len(),
        spacing = format!("{:.3}", formation.min_spacing_m),
        ideal = ideal,
        farthest = farthest,
        out = &args.out,
        png = png
    );
    printer.line(&line.to_string());
}

/// What renders too detailed artwork, in this command's flags (or, for a formation spec,
/// its keys).
fn detail_advice(
    args: &FormationArgs,
    input: Option<&Path>,
    d: &skyshow_formations::DetailShortfall,
) -> Message {
    let drones = format!("--drones {}", d.drones_needed);
    if d.scale_needed <= 1.0 {
        return msg!("formation-detail-drones", drones = drones);
    }
    let k = d.scale_needed;
    let up = |v: f64| (v * k * 10.0).ceil() / 10.0;
    let size = if input.is_some_and(|p| p.extension().is_some_and(|e| e == "toml")) {
        msg!("formation-detail-spec-size", factor = format!("{k:.2}"))
    } else if let Some(h) = args.height {
        Message::verbatim(format!("`--height {}`", up(h)))
    } else {
        Message::verbatim(format!("`--width {}`", up(args.width.unwrap_or(100.0))))
    };
    msg!(
        "formation-detail-larger",
        drones = drones,
        factor = format!("{k:.2}"),
        size = size,
        distance = args.min_distance
    )
}
