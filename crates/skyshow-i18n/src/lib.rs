//! skyshow's languages: English and Simplified Chinese.
//!
//! Every user-facing text is a [`Message`]: a message id with named arguments (plain data,
//! built by any crate without I/O), rendered in a [`Lang`] where it is shown. The texts are
//! [Project Fluent](https://projectfluent.org) bundles, `locales/<lang>/<area>.ftl`, embedded
//! at build time; the two languages have the same ids with the same arguments (tests check).
//!
//! ```
//! use skyshow_i18n::{msg, Lang};
//! let m = msg!("summary-violations", count = 2);
//! assert_eq!(m.render(Lang::En), "violations: 2");
//! assert_eq!(m.render(Lang::Zh), "违规：2 项");
//! ```
//!
//! `Display` of a message uses the process's language ([`set_current`], which the CLI calls
//! once), so `thiserror`/`miette` errors holding messages show in the user's language;
//! machine-read outputs (report.json, CSV, firing scripts) call [`Message::english`].

mod catalogue;
mod io_reason;
mod lang;
mod message;
mod parity;
mod suggest;
mod width;

pub use catalogue::{AREAS, has_message, source};
pub use io_reason::io_reason;
pub use lang::{Lang, LangSource, UnknownLang, current, set_current};
pub use message::{Arg, Message};
pub use parity::{english_run, figures, has_chinese};
pub use suggest::{did_you_mean, hint_with_suggestion, nearest};
pub use width::{columns, pad_end, pad_start};
