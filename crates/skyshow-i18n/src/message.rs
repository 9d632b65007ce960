//! A user-facing text as plain data: a message id and its arguments, rendered in a language
//! only where it is shown.

use std::fmt;

use crate::Lang;

/// A user-facing text: a message id of the bundles (`locales/*/*.ftl`) with named
/// arguments, or a verbatim text that is the same in every language (a file path, another
/// program's error). Engine crates build these; the CLI and the pages render them.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    inner: Inner,
}

#[derive(Clone, Debug, PartialEq)]
enum Inner {
    Id {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    Verbatim(String),
}

/// A message argument.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Text placed as is (names, paths, numbers already formatted with their unit's decimals).
    Text(String),
    /// A whole number (Fluent can select plural forms on it).
    Int(i64),
    /// Another message, rendered in the same language.
    Msg(Message),
}

impl Message {
    /// The message `id` with no arguments yet.
    pub fn new(id: &'static str) -> Self {
        Message {
            inner: Inner::Id { id, args: vec![] },
        }
    }

    /// A text that is the same in every language: a path, a name, another program's message.
    pub fn verbatim(text: impl Into<String>) -> Self {
        Message {
            inner: Inner::Verbatim(text.into()),
        }
    }

    /// Adds (or replaces) the argument `name`.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        if let Inner::Id { args, .. } = &mut self.inner {
            let value = value.into();
            match args.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = value,
                None => args.push((name, value)),
            }
        }
        self
    }

    /// The message id, or `None` for a verbatim text.
    pub fn id(&self) -> Option<&'static str> {
        match &self.inner {
            Inner::Id { id, .. } => Some(id),
            Inner::Verbatim(_) => None,
        }
    }

    /// The arguments, in the order they were added.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        match &self.inner {
            Inner::Id { args, .. } => args,
            Inner::Verbatim(_) => &[],
        }
    }

    /// The verbatim text, if this is one.
    pub fn as_verbatim(&self) -> Option<&str> {
        match &self.inner {
            Inner::Verbatim(s) => Some(s),
            Inner::Id { .. } => None,
        }
    }

    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        crate::catalogue::render(lang, self)
    }

    /// The text in English (what machine-read outputs such as `report.json` carry).
    pub fn english(&self) -> String {
        self.render(Lang::En)
    }
}

/// Renders in the process's language ([`crate::current`]), so `thiserror`/`miette`
/// messages built on a `Message` show in the language the user chose.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(crate::current()))
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Self {
        Arg::Text(p.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Self {
        Arg::Text(p.display().to_string())
    }
}

/// A float shown the way `format!("{x}")` shows it (shortest form that reads back); format
/// it yourself for a fixed number of decimals.
impl From<f64> for Arg {
    fn from(x: f64) -> Self {
        Arg::Text(x.to_string())
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Msg(m)
    }
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);

/// A text in any language is a message (transitional: code not yet converted passes English
/// strings; they are shown verbatim).
impl From<String> for Message {
    fn from(s: String) -> Self {
        Message::verbatim(s)
    }
}

/// See `From<String>`.
impl From<&str> for Message {
    fn from(s: &str) -> Self {
        Message::verbatim(s)
    }
}

/// Builds a [`Message`]: `msg!("progress-transition", index = 2, count = 9, to = "春")`.
/// The id must exist in every bundle with exactly these arguments (the parity and usage
/// tests check both).
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::Message::new($id)$(.arg(stringify!($name), $value))*
    };
}

/// Makes an error type whose `fn message(&self) -> Message` says what went wrong into a
/// `std::error::Error` whose `Display` is that message in the process's language
/// (`message_error!(SkycError)`), so `thiserror`/`miette` wrappers show it as the user reads it.
#[macro_export]
macro_rules! message_error {
    ($t:ty) => {
        /// Shown in the process's language.
        impl ::std::fmt::Display for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.message(), f)
            }
        }

        impl ::std::error::Error for $t {}
    };
}
