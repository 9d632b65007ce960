//! `skyshow render SHOW.toml|OUTDIR|FILE.skyc --at TIME -o frame.png`: software-rendered
//! frames, no GPU needed; `--from A --to B --fps F -o DIR` writes a sequence.
//!
//! A show file and the folder built from it are drawn alike (`show_source`): the same
//! drones, the same stage (ground, site, fireworks), and by default the audience view
//! placed as `preview.html` places it.

use miette::{IntoDiagnostic, Result, miette};
use rayon::prelude::*;
use skyshow_i18n::msg;
use skyshow_import::parse_time;
use skyshow_model::Vec3;
use skyshow_preview::{Camera, FrameRenderer, frame_times};

use crate::args::RenderArgs;
use crate::cli_error::fail;
use crate::output::OutputSet;
use crate::printer::Printer;
use crate::show_source;
use crate::visuals;

fn time(flag: &str, text: &str) -> Result<f64> {
    parse_time(text).map_err(|e| {
        fail(
            msg!("render-bad-time", flag = flag, value = text, why = e),
            Some(msg!("render-time-hint")),
        )
    })
}

fn vec3(flag: &str, text: &str) -> Result<Vec3> {
    let v: Vec<f64> = text
        .split(',')
        .map(|s| s.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| not_xyz(flag, text))?;
    if v.len() != 3 || v.iter().any(|x| !x.is_finite()) {
        return Err(not_xyz(flag, text));
    }
    Ok(Vec3::new(v[0], v[1], v[2]))
}

/// `--flag text` is not three numbers.
fn not_xyz(flag: &str, text: &str) -> miette::Report {
    fail(
        msg!("render-not-xyz", flag = flag, value = text),
        Some(msg!("render-xyz-hint")),
    )
}

/// Runs `render`.
pub(crate) fn run(args: &RenderArgs, printer: Printer) -> Result<u8> {
    let src = show_source::load(&args.input, printer)?;
    let mut input = visuals::render_input(&src.show, src.limits, &src.stage);
    input.width_px = args.width;
    input.height_px = args.height;
    let ground = &src.stage.ground;
    let aspect = f64::from(args.width) / f64::from(args.height.max(1));
    input.camera = match (args.camera.as_str(), &args.eye, &args.look_at) {
        (_, Some(eye), Some(at)) => Some(Camera {
            position: vec3("eye", eye)?,
            look_at: vec3("look-at", at)?,
            fov_deg: args.fov,
        }),
        (_, Some(_), None) | (_, None, Some(_)) => {
            return Err(fail(msg!("render-eye-look-at"), None));
        }
        ("audience", None, None) => None,
        ("top", None, None) => Some(Camera::top(&src.show, ground, aspect)),
        (other, None, None) => {
            return Err(fail(
                msg!("render-unknown-camera", camera = other),
                Some(msg!("render-unknown-camera-hint")),
            ));
        }
    };
    let renderer = FrameRenderer::new(&input).map_err(|e| miette!("{e}"))?;
    let mut out = OutputSet::default();
    match (&args.at, &args.from, &args.to) {
        (Some(at), None, None) => {
            let t = time("at", at)?;
            out.add(
                args.out.clone(),
                renderer.render(t).map_err(|e| miette!("{e}"))?,
            );
        }
        (None, Some(a), Some(b)) => {
            let times = frame_times(time("from", a)?, time("to", b)?, args.fps)
                .map_err(|e| miette!("{e}"))?;
            let frames: Vec<Vec<u8>> = times
                .par_iter()
                .map(|&t| renderer.render(t))
                .collect::<Result<_, _>>()
                .map_err(|e| miette!("{e}"))?;
            fs_err::create_dir_all(&args.out).into_diagnostic()?;
            for (i, png) in frames.into_iter().enumerate() {
                out.add(args.out.join(format!("frame-{i:05}.png")), png);
            }
        }
        _ => {
            return Err(fail(
                msg!("render-which-frames"),
                Some(msg!("render-which-frames-hint")),
            ));
        }
    }
    let written = out.commit()?;
    printer.line(&msg!("render-wrote", count = written.len(), folder = &args.out).to_string());
    Ok(0)
}
