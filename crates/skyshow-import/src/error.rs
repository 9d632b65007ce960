//! Import errors: every one names its file; show-file errors point at the offending span.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;

use miette::{Diagnostic, NamedSource, SourceSpan};
use skyshow_i18n::{Lang, Message, msg};

/// An error in the show file, with the span it comes from and a hint.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{message}")]
pub struct ShowFileError {
    message: Message,
    #[source_code]
    src: NamedSource<String>,
    #[label("{label}")]
    span: SourceSpan,
    label: Message,
    #[help]
    help: Option<Message>,
}

impl ShowFileError {
    /// An error at `span` of the show file `name` whose text is `text`.
    pub fn new(
        name: &str,
        text: &str,
        span: Range<usize>,
        message: impl Into<Message>,
        label: impl Into<Message>,
        help: Option<String>,
    ) -> Self {
        Self::with(
            name,
            text,
            span,
            message.into(),
            label.into(),
            help.map(Message::from),
        )
    }

    /// An error at `span` of the show file `name` whose text is `text`, with its message,
    /// label and hint as messages (rendered in the user's language when shown).
    pub fn with(
        name: &str,
        text: &str,
        span: Range<usize>,
        message: Message,
        label: Message,
        help: Option<Message>,
    ) -> Self {
        let len = text.len();
        let start = span.start.min(len);
        let end = span.end.clamp(start, len);
        ShowFileError {
            message,
            src: NamedSource::new(name, text.to_string()),
            span: (start, end - start).into(),
            label,
            help,
        }
    }

    /// The message, without location, in the process's language.
    pub fn message(&self) -> String {
        self.message.to_string()
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        self.message.render(lang)
    }

    /// The label under the span in `lang`.
    pub fn label_in(&self, lang: Lang) -> String {
        self.label.render(lang)
    }

    /// The hint in `lang`, if any.
    pub fn hint_in(&self, lang: Lang) -> Option<String> {
        self.help.as_ref().map(|h| h.render(lang))
    }

    /// The message as data (id and arguments).
    pub fn message_data(&self) -> &Message {
        &self.message
    }

    /// Byte offset of the span.
    pub fn offset(&self) -> usize {
        self.span.offset()
    }

    /// The hint, if any, in the process's language.
    pub fn hint(&self) -> Option<String> {
        self.help.as_ref().map(Message::to_string)
    }

    /// The same error pointing into `text` (named `name`) when the text it points into
    /// now was `text` with `shift` bytes put before it (a formation spec wrapped in a show);
    /// `None` when the span starts in those bytes.
    pub fn shifted(&self, name: &str, text: &str, shift: usize) -> Option<ShowFileError> {
        let start = self.span.offset().checked_sub(shift)?;
        Some(ShowFileError::with(
            name,
            text,
            start..start + self.span.len(),
            self.message.clone(),
            self.label.clone(),
            self.help.clone(),
        ))
    }

    /// 1-based line and column of the span's start.
    pub fn line_col(&self) -> (usize, usize) {
        let text = self.src.inner();
        let before = &text[..self.span.offset().min(text.len())];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }
}

/// Anything that can go wrong while importing a show.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum ImportError {
    /// A file could not be read.
    #[error("{}", skyshow_i18n::msg!("cli-cannot-read", file = .path, why = .why.clone()))]
    #[diagnostic(help("{hint}"))]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why: the operating system's reason, or the size refusal.
        why: Message,
        /// What to check.
        hint: Message,
    },
    /// The show file is wrong somewhere.
    #[error(transparent)]
    #[diagnostic(transparent)]
    ShowFile(Box<ShowFileError>),
}

impl From<ShowFileError> for ImportError {
    fn from(e: ShowFileError) -> Self {
        ImportError::ShowFile(Box::new(e))
    }
}

/// Where each named show-file entry is, so later stages' errors can point back at it.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    /// The show file's name as shown in messages.
    pub name: String,
    /// The show file's text.
    pub text: String,
    /// Byte span of each formation's table, by formation name.
    pub formations: BTreeMap<String, Range<usize>>,
    /// Byte span of each fireworks entry (`pyro`, `pyro.front`, `pyro.cue "open"`,
    /// `pyro.cue "open".time`, `pyro.position "L1"`, …).
    pub pyro: BTreeMap<String, Range<usize>>,
}

impl SourceMap {
    /// An error pointing at formation `name` (or the file start if unknown).
    pub fn formation_error(
        &self,
        name: &str,
        message: impl Into<Message>,
        help: Option<Message>,
    ) -> ShowFileError {
        let span = self.formations.get(name).cloned().unwrap_or(0..0);
        ShowFileError::with(
            &self.name,
            &self.text,
            span,
            message.into(),
            msg!("show-file-label-formation", name = name),
            help,
        )
    }
}
