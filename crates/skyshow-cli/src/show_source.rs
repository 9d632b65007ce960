//! Where `render` and `preview` get a show from: a show file (planned now), an output
//! folder (its `show.skyc`), or any `.skyc`.

use std::path::Path;

use miette::{Result, miette};
use skyshow_import::{load_show, read_input};
use skyshow_model::{FlightShow, Limits};

use crate::commands::build::build_show;
use crate::show_check::read_and_validate;

/// Largest show file `render` and `preview` read, bytes (as `check`).
const MAX_SHOW_BYTES: u64 = 2 << 30;

/// A show ready to draw.
pub(crate) struct Source {
    pub(crate) show: FlightShow,
    pub(crate) limits: Limits,
    pub(crate) audience_azimuth_deg: f64,
}

/// Loads `input`: a `.toml` show file is planned; a folder is read through its `show.skyc`;
/// anything else is read as a `.skyc` (or bare `show.json`, or a Skybrush CSV show).
pub(crate) fn load(input: &Path) -> Result<Source> {
    let is_toml = input
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if is_toml {
        let loaded = load_show(input)?;
        let built = build_show(&loaded, &mut Vec::new(), &mut |_| {})?;
        return Ok(Source {
            show: built.show,
            limits: loaded.design.limits,
            audience_azimuth_deg: loaded.design.audience_azimuth_deg,
        });
    }
    let file = if input.is_dir() {
        input.join("show.skyc")
    } else {
        input.to_path_buf()
    };
    let name = file.display().to_string();
    let bytes = read_input(&file, MAX_SHOW_BYTES).map_err(|e| {
        miette!(
            help = "give a show file (.toml), an output folder of `skyshow build`, a .skyc, or a Skybrush CSV (a ZIP of per-drone CSVs, or static markers)",
            "cannot read `{name}`: {e}"
        )
    })?;
    let checked = read_and_validate(&name, &bytes, |own| Ok(own.unwrap_or_default()), None)?;
    Ok(Source {
        limits: checked.limits,
        show: checked.show,
        audience_azimuth_deg: 180.0,
    })
}
