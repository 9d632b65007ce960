//! A formation's `start`: a time (seconds, `m:ss`, `bar.beat`, a cue; optionally snapped)
//! or `"next bar"` / `"next beat"`, which leave the time to the planner: the first bar or
//! beat at which the transition into the formation is done.

use super::label::Label;
use skyshow_i18n::msg;
use skyshow_model::MusicalUnit;

use super::raw::RawFormation;
use super::{Cx, RawTime};
use crate::error::ImportError;

/// `"next bar"` → bars, `"next beat"` → beats (case and spacing as written are forgiven).
fn next_unit(text: &str) -> Option<MusicalUnit> {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    match words.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["next", "bar"] => Some(MusicalUnit::Bars),
        ["next", "beat"] => Some(MusicalUnit::Beats),
        _ => None,
    }
}

/// The formation's start: a time in seconds, or the grid it waits for.
pub(super) type Start = (Option<f64>, Option<MusicalUnit>);

impl Cx<'_> {
    /// Reads `start` (and `snap`, which needs a `start` that is a time).
    pub(super) fn start(&self, f: &RawFormation) -> Result<Start, ImportError> {
        let next = f.start.as_ref().and_then(|s| match s.get_ref() {
            RawTime::Text(t) => next_unit(t).map(|u| (s, t.trim(), u)),
            RawTime::Seconds(_) => None,
        });
        if let Some((s, text, unit)) = next {
            if self.clock.grid.is_none() {
                return Err(self.fail(
                    s.span(),
                    msg!("show-file-next-needs-music", value = text),
                    msg!("show-file-label-time"),
                    Some(msg!("show-file-next-needs-music-hint")),
                ));
            }
            if let Some(sn) = &f.snap {
                return Err(self.fail(
                    sn.span(),
                    msg!("show-file-next-with-snap", value = text),
                    msg!("show-file-label-key"),
                    Some(msg!("show-file-next-with-snap-hint")),
                ));
            }
            return Ok((None, Some(unit)));
        }
        if let (None, Some(sn)) = (&f.start, &f.snap) {
            return Err(self.err(
                sn.span(),
                msg!("snap-needs-start"),
                Label::Key,
                Some(msg!("snap-needs-start-hint")),
            ));
        }
        let start_s = f
            .start
            .as_ref()
            .map(|s| {
                self.time(s, "start")
                    .and_then(|t| self.snapped(t, f.snap.as_ref()))
            })
            .transpose()?;
        Ok((start_s, None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_words() {
        assert_eq!(next_unit("next bar"), Some(MusicalUnit::Bars));
        assert_eq!(next_unit(" Next  Beat "), Some(MusicalUnit::Beats));
        assert_eq!(next_unit("next bars"), None);
        assert_eq!(next_unit("bar"), None);
    }
}
