//! Fireworks errors found after lowering, mapped back to the show file.

use crate::show_file::label::Label;
use std::ops::Range;

use skyshow_pyro::PyroError;

use super::entry;
use crate::error::{ShowFileError, SourceMap};

impl SourceMap {
    /// A fireworks error from building the firing script, pointing at the show-file entry
    /// it names (the cue's time, product, positions or chapter where that is the cause).
    pub fn pyro_error(&self, e: &PyroError) -> ShowFileError {
        let owned;
        let (entry_name, field): (&str, &str) = match e {
            PyroError::UnknownProduct { source_name, .. } => (source_name, "product"),
            PyroError::UnknownPosition { cue, .. } => (cue, "positions"),
            PyroError::UnknownChapter { cue, .. } => (cue, "chapter"),
            PyroError::CueBeforeStart { cue, .. } => (cue, "time"),
            PyroError::InvalidCue { cue, .. }
            | PyroError::ModuleOutOfPins { cue, .. }
            | PyroError::OutOfModules { cue, .. }
            | PyroError::NotEnoughTubes { cue, .. } => (cue, ""),
            PyroError::BadModule { position, .. } => {
                owned = entry("position", position);
                (&owned, "modules")
            }
            PyroError::CalibreOutOfRange { part, .. } | PyroError::NegativePrefire { part, .. } => {
                owned = entry("product", part);
                (&owned, "")
            }
            PyroError::InvalidFront { .. } => ("pyro.front", ""),
            _ => ("pyro", ""),
        };
        let span = [
            format!("{entry_name}.{field}"),
            entry_name.to_string(),
            "pyro".into(),
        ]
        .iter()
        .find_map(|k| self.pyro.get(k))
        .cloned()
        .unwrap_or(0..0);
        ShowFileError::with(
            &self.name,
            &self.text,
            span,
            e.message(),
            Label::Here.message(),
            Some(e.hint()),
        )
    }

    /// The span of a fireworks entry (`pyro.cue "open"`), if the show file has it.
    pub fn pyro_span(&self, entry_name: &str) -> Option<Range<usize>> {
        self.pyro.get(entry_name).cloned()
    }
}
