//! The CLI's own errors: a message and a hint, rendered in the user's language when shown.

use miette::Diagnostic;
use skyshow_i18n::Message;

/// An error the CLI itself reports (bad flags, unreadable inputs, unwritable outputs).
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub(crate) struct CliError {
    message: Message,
    help: Option<Message>,
}

impl Diagnostic for CliError {
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }
}

/// `miette::Report` of a message (and hint): `Err(fail(msg!(…), Some(msg!(…))))?`.
pub(crate) fn fail(message: Message, help: Option<Message>) -> miette::Report {
    miette::Report::new(CliError { message, help })
}
