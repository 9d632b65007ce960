//! Reading a `.skyc` back and validating it: shared by `build` (which checks the file it
//! just wrote, so the report describes exactly what will fly) and `check`.

use miette::{Result, miette};
use skyshow_export::FormatRow;
use skyshow_model::{FlightShow, Limits};
use skyshow_skyc::{ReadOptions, read_show_json, read_skyc};
use skyshow_validate::{ValidateOptions, Validation, validate};

/// A show read from file bytes and validated.
pub(crate) struct Checked {
    pub(crate) show: FlightShow,
    pub(crate) validation: Validation,
    pub(crate) format: Vec<FormatRow>,
    pub(crate) limits: Limits,
}

/// Reads `bytes` (a zip `.skyc`, or bare JSON when it starts with `{`) named `name`, and
/// validates it against `limits` (or the file's own, else the defaults, when `None`),
/// attributing findings with `phases` when given.
pub(crate) fn read_and_validate(
    name: &str,
    bytes: &[u8],
    limits: impl FnOnce(Option<Limits>) -> Result<Limits>,
    phases: Option<Vec<skyshow_model::Phase>>,
) -> Result<Checked> {
    let opts = ReadOptions::default();
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    let read = if first == Some(b'{') {
        read_show_json(bytes, &opts)
    } else {
        read_skyc(bytes, &opts)
    };
    let mut file = read.map_err(|e| miette!("cannot read `{name}`: {e}"))?;
    if let Some(p) = phases {
        file.show.phases = p;
    }
    let limits = limits(file.show.limits)?;
    let validation = validate(&file.show, &limits, &ValidateOptions::default());
    let format = file
        .findings
        .iter()
        .map(|f| FormatRow {
            drone: f.drone,
            rule: f.rule.to_string(),
            message: f.message.clone(),
        })
        .collect();
    Ok(Checked {
        show: file.show,
        validation,
        format,
        limits,
    })
}
