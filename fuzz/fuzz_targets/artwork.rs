//! Shared by the artwork targets: a show with one artwork formation whose file is the fuzz
//! input, imported and then sampled to a small fleet. Import and sampling must answer any
//! bytes with points or an error, never a panic or a hang.

/// Imports a show whose one formation has the keys `formation` and reads every named file
/// as `data`, then builds each formation for the fleet.
pub fn run(formation: &str, data: &[u8]) {
    let text = format!(
        "title = \"fuzz\"\n[fleet]\ndrones = 12\n[fleet.grid]\nrows = 3\ncolumns = 4\n\
         [limits]\nmin_distance_m = 0.5\n[[chapter]]\nname = \"c\"\n\
         [[chapter.formation]]\nname = \"art\"\nhold = 10\n{formation}\n"
    );
    let Ok((design, _, _)) =
        skyshow_import::parse_show_with("fuzz.toml", &text, &mut |_: &str| Ok(data.to_vec()))
    else {
        return;
    };
    for f in &design.formations {
        let _ = skyshow_formations::build(
            f,
            design.fleet.drones,
            design.audience_azimuth_deg,
            &design.limits,
            0.0,
        );
    }
}
