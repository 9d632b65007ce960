//! `Warning`: something the designer should look at that does not stop the build and is
//! not a safety violation (the show still flies as validated).

use skyshow_i18n::Message;

/// A warning: what kind of problem, what it is, and which show-file entry it comes from.
///
/// Every stage may return warnings with its output; `skyshow build` gathers them into
/// `report.json`'s `warnings` list and the summary, in pipeline order (import, formations,
/// plan, lights, validation, fireworks), each stage's in its own order.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    /// A stable snake_case identifier of the kind (`show_past_music`, `artwork_too_detailed`,
    /// …), for scripts; documented in docs/show-file.md.
    pub kind: String,
    /// One or two sentences for the designer: what is wrong and what to change. Build it
    /// with `skyshow_i18n::msg!` (ids in `crates/skyshow-i18n/locales/{en,zh}/*.ftl`):
    /// the summary shows it in the user's language, `report.json` in English.
    pub message: Message,
    /// The show-file entry it comes from, as violations name it (`formation "Dragon"`,
    /// `music`, `cue "bang"`); empty when it concerns the whole show.
    pub source: String,
}

impl Warning {
    /// A warning of `kind` about `source`.
    pub fn new(
        kind: impl Into<String>,
        message: impl Into<Message>,
        source: impl Into<String>,
    ) -> Warning {
        Warning {
            kind: kind.into(),
            message: message.into(),
            source: source.into(),
        }
    }
}
