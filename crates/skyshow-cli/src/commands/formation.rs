//! `skyshow formation SPEC.toml --drones N -o points.csv`: one formation on its own.

use std::fmt::Write as _;

use miette::{Result, miette};
use skyshow_formations::build;
use skyshow_import::parse_show;
use skyshow_model::Limits;

use crate::args::FormationArgs;
use crate::output::OutputSet;
use crate::printer::Printer;

/// Runs `formation`.
pub(crate) fn run(args: &FormationArgs, printer: Printer) -> Result<u8> {
    let ext = args
        .input
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if ext != "toml" {
        return Err(miette!(
            help = "give a formation spec (`.toml` with the keys of one `[[chapter.formation]]`)",
            "`{}`: unsupported input type `.{ext}`",
            args.input.display()
        ));
    }
    if args.drones == 0 || args.drones > 100_000 {
        return Err(miette!("`--drones` must be from 1 to 100000"));
    }
    let name = args.input.display().to_string();
    let spec =
        fs_err::read_to_string(&args.input).map_err(|e| miette!("cannot read `{name}`: {e}"))?;
    // Wrap the spec in a minimal show so it is parsed and checked exactly like a show file.
    let grid = (args.drones as f64).sqrt().ceil() as usize;
    let wrapped = format!(
        "title = \"formation\"\n[fleet]\ndrones = {}\n[fleet.grid]\nrows = {grid}\ncolumns = {grid}\n[limits]\nmin_distance_m = {}\n[[chapter]]\nname = \"c\"\n[[chapter.formation]]\nhold = 1\n{spec}",
        args.drones, args.min_distance
    );
    let header_lines = wrapped.lines().count() - spec.lines().count();
    let (design, _) = parse_show(&name, &wrapped).map_err(|e| {
        miette!("{e} (in `{name}`, {header_lines} lines of show header added before it)")
    })?;
    let f = &design.formations[0];
    let limits = Limits {
        min_distance_m: args.min_distance,
        ..design.limits
    };
    let formation = build(f, args.drones, design.audience_azimuth_deg, &limits, 0.0)
        .map_err(|e| miette!(help = e.hint(), "{e}"))?;
    let mut csv = String::from("x,y,z,r,g,b\n");
    for (p, c) in formation.points.iter().zip(&formation.colors) {
        let _ = writeln!(
            csv,
            "{:.4},{:.4},{:.4},{},{},{}",
            p.x, p.y, p.z, c.r, c.g, c.b
        );
    }
    let mut out = OutputSet::default();
    out.add(args.out.clone(), csv.into_bytes());
    out.commit()?;
    printer.line(&format!(
        "{}: {} points, min spacing {:.3} m{}; wrote {}",
        formation.name,
        formation.points.len(),
        formation.min_spacing_m,
        formation
            .ideal_spacing_m
            .map_or(String::new(), |i| format!(" (ideal {i:.3} m)")),
        args.out.display()
    ));
    Ok(0)
}
