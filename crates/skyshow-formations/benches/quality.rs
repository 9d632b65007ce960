//! Sampling quality and time on the festival example's artwork.
//!
//! `cargo bench -p skyshow-formations --bench quality` prints, for every artwork formation
//! of `examples/eryueer/show.toml` (SVG landmarks, text, the dragon mesh) in fill and
//! outline modes and at 600, 2,000 and 10,000 drones: the smallest gap over the ideal
//! spacing (hexagonal `sqrt(2A/(√3·N))` for areas and surfaces, `L/N` for outlines), the
//! Hausdorff distance over the ideal spacing, and the time to sample. The targets are
//! ≥ 0.85 for fills and surfaces, ≥ 0.9 for outlines, and 10,000 points within 2 s.

#![allow(clippy::print_stdout, missing_docs)]

use std::path::Path;
use std::time::Instant;

use skyshow_formations::build;
use skyshow_import::load_show;
use skyshow_model::{FormationDesign, Limits, Shape};

/// The shape with its drone count cleared and, for drawings, the given fill share.
fn variant(shape: &Shape, fill_share: Option<f64>) -> Shape {
    let mut s = shape.clone();
    match &mut s {
        Shape::Svg { drawing, count }
        | Shape::Text { drawing, count }
        | Shape::Image { drawing, count, .. } => {
            drawing.fill_share = fill_share;
            *count = None;
        }
        Shape::Mesh { count, .. } => *count = None,
        _ => {}
    }
    s
}

fn main() {
    let show = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/eryueer/show.toml");
    let loaded = match load_show(&show) {
        Ok(l) => l,
        Err(e) => {
            println!("cannot load the example: {e}");
            return;
        }
    };
    // Pure sampling: no spacing limit, no altitude band.
    let limits = Limits {
        min_distance_m: 0.0,
        max_altitude_m: f64::INFINITY,
        ..Limits::DEFAULT
    };
    println!(
        "| formation | mode | N | min spacing / ideal | target | Hausdorff / ideal | time (ms) |"
    );
    println!("| --- | --- | ---: | ---: | --- | ---: | ---: |");
    // An argument other than cargo's `--bench` keeps only the formations whose name has it.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let mut worst_ms: f64 = 0.0;
    let mut failures = 0;
    for f in &loaded.design.formations {
        if filter
            .as_ref()
            .is_some_and(|k| !f.name.contains(k.as_str()))
        {
            continue;
        }
        let modes: Vec<(&str, Option<f64>, f64)> = match &f.shape {
            Shape::Svg { drawing, .. }
            | Shape::Text { drawing, .. }
            | Shape::Image { drawing, .. } => {
                let mut m = vec![("outline", Some(0.0), 0.9)];
                // Line art has nothing to fill.
                if !drawing.area.is_empty() {
                    m.insert(0, ("fill", Some(1.0), 0.85));
                }
                m
            }
            Shape::Mesh { .. } => vec![("surface", None, 0.85)],
            _ => continue,
        };
        for (mode, share, target) in modes {
            for n in [600usize, 2_000, 10_000] {
                let design = FormationDesign {
                    shape: variant(&f.shape, share),
                    ..f.clone()
                };
                let t = Instant::now();
                let built = build(&design, n, 180.0, &limits, f64::NEG_INFINITY);
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                let built = match built {
                    Ok(b) => b,
                    Err(e) => {
                        println!("| {} | {mode} | {n} | error: {e} | | | |", f.name);
                        failures += 1;
                        continue;
                    }
                };
                let ideal = built.ideal_spacing_m.unwrap_or(f64::NAN);
                let ratio = built.min_spacing_m / ideal;
                let ok = ratio >= target;
                failures += usize::from(!ok);
                if n == 10_000 {
                    worst_ms = worst_ms.max(ms);
                }
                println!(
                    "| {} | {mode} | {n} | {ratio:.3} | ≥ {target} {} | {:.2} | {ms:.0} |",
                    f.name,
                    if ok { "✓" } else { "✗" },
                    built.max_shape_distance_m.unwrap_or(f64::NAN) / ideal,
                );
            }
        }
    }
    println!();
    println!(
        "slowest 10,000-point formation: {worst_ms:.0} ms (target ≤ 2000 ms); below target: {failures}"
    );
}
