//! The Fluent bundles, embedded at build time (`locales/<lang>/<area>.ftl`), and rendering a
//! [`Message`] in a language.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::message::Arg;
use crate::{Lang, Message};

macro_rules! areas {
    ($($area:literal),* $(,)?) => {
        /// The areas, one `.ftl` file each per language.
        pub const AREAS: &[&str] = &[$($area),*];
        const EN: &[&str] = &[$(include_str!(concat!("../locales/en/", $area, ".ftl"))),*];
        const ZH: &[&str] = &[$(include_str!(concat!("../locales/zh/", $area, ".ftl"))),*];
    };
}

// One file per area; a new area needs its file in every language (else this fails to build).
areas!(
    "common",
    "cli",
    "summary",
    "check",
    "pages",
    "preview",
    "show-file",
    "artwork",
    "music",
    "formation",
    "plan",
    "pyro",
    "skyc",
    "site",
    "motion",
);

/// The Fluent source of `area` in `lang` (for tests and tools).
pub fn source(lang: Lang, area: &str) -> Option<&'static str> {
    let i = AREAS.iter().position(|a| *a == area)?;
    Some(match lang {
        Lang::En => EN[i],
        Lang::Zh => ZH[i],
    })
}

fn build(lang: Lang) -> FluentBundle<FluentResource> {
    let tag = match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    };
    let id: unic_langid::LanguageIdentifier = tag.parse().expect("static language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: terminals and logs show them as junk.
    bundle.set_use_isolating(false);
    for area in AREAS {
        let src = source(lang, area).unwrap_or_default();
        // A syntax error keeps the entries that did parse; the bundle tests fail on any.
        let resource = FluentResource::try_new(src.to_string()).unwrap_or_else(|(r, _)| r);
        bundle.add_resource_overriding(resource);
    }
    bundle
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static EN_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static ZH_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    match lang {
        Lang::En => EN_BUNDLE.get_or_init(|| build(Lang::En)),
        Lang::Zh => ZH_BUNDLE.get_or_init(|| build(Lang::Zh)),
    }
}

/// Whether `id` is a message of `lang`'s bundle.
pub fn has_message(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// `msg` in `lang`. A message missing from `lang` falls back to English, then to its id
/// (the bundle tests make sure neither happens).
pub(crate) fn render(lang: Lang, msg: &Message) -> String {
    let Some(id) = msg.id() else {
        return msg.as_verbatim().unwrap_or_default().to_string();
    };
    let found = [lang, Lang::En].into_iter().find_map(|l| {
        let b = bundle(l);
        Some((b, b.get_message(id)?.value()?))
    });
    let Some((b, pattern)) = found else {
        return id.to_string();
    };
    let mut args = FluentArgs::new();
    for (name, value) in msg.args() {
        let v = match value {
            Arg::Text(s) => FluentValue::from(s.as_str()),
            Arg::Int(n) => FluentValue::from(*n),
            Arg::Msg(m) => FluentValue::from(render(lang, m)),
        };
        args.set(*name, v);
    }
    let mut errors = vec![];
    b.format_pattern(pattern, Some(&args), &mut errors)
        .into_owned()
}
