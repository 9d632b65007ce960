//! The languages skyshow speaks and how one is chosen: `--lang`, then `SKYSHOW_LANG`, then the
//! system locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), then English.

use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language of skyshow's messages and pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Lang {
    /// English (the default, and the language of every machine-read output).
    #[default]
    En,
    /// Simplified Chinese (`zh-CN`).
    Zh,
}

impl Lang {
    /// Every language, in the order they are listed to users.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The code `--lang` takes: `en`, `zh`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The BCP 47 tag written in pages' `lang` attribute: `en`, `zh-CN`.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The codes of every language, comma-separated (`en, zh`), for messages.
    pub fn list() -> String {
        Lang::ALL.map(Lang::code).join(", ")
    }

    /// A language named by the user (`--lang`, `SKYSHOW_LANG`): `en`, `zh`, or a tag or
    /// locale of one (`zh-CN`, `zh_CN.UTF-8`, `en-GB`, `zh-Hans`), case-insensitive.
    /// Traditional-Chinese tags (`zh-TW`, `zh-HK`, `zh-Hant`) are not Simplified Chinese and
    /// give `None`.
    pub fn parse(name: &str) -> Option<Lang> {
        let name = name.trim();
        // Drop the encoding and modifier of a POSIX locale: `zh_CN.UTF-8@pinyin`.
        let base = name.split(['.', '@']).next().unwrap_or("");
        let lower = base.to_ascii_lowercase().replace('_', "-");
        let mut parts = lower.split('-');
        match parts.next() {
            Some("en") => Some(Lang::En),
            Some("zh") => {
                let rest: Vec<&str> = parts.collect();
                let traditional = rest
                    .iter()
                    .any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"));
                let simplified = rest.iter().any(|p| matches!(*p, "hans" | "cn" | "sg"));
                (simplified || !traditional).then_some(Lang::Zh)
            }
            _ => None,
        }
    }

    /// The language of a POSIX locale value (`zh_CN.UTF-8`, `C`, `en_US`): `None` when skyshow
    /// does not speak it (the caller falls back to English without a word).
    pub fn from_locale(locale: &str) -> Option<Lang> {
        match locale.trim() {
            "" => None,
            "C" | "POSIX" => Some(Lang::En),
            // LANGUAGE-style lists (`zh_CN:en`) name the preferred one first.
            l => l.split(':').find_map(Lang::parse),
        }
    }

    /// Chooses the language: `flag` (`--lang`), else `SKYSHOW_LANG`, else the first of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty, else English. `env` reads
    /// an environment variable (the caller's, so this does no I/O). An unknown `--lang` or
    /// `SKYSHOW_LANG` is an error; a system locale skyshow does not speak gives English.
    pub fn select(
        flag: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Lang, UnknownLang> {
        if let Some(name) = flag {
            return Lang::parse(name).ok_or_else(|| UnknownLang {
                given: name.to_string(),
                source: LangSource::Flag,
            });
        }
        if let Some(name) = env("SKYSHOW_LANG").filter(|v| !v.trim().is_empty()) {
            return Lang::parse(&name).ok_or(UnknownLang {
                given: name,
                source: LangSource::Environment,
            });
        }
        Ok(Lang::system(env))
    }

    /// The system locale's language (`LC_ALL`, `LC_MESSAGES`, `LANG`), English when unset or
    /// unsupported.
    pub fn system(env: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| env(k).filter(|v| !v.trim().is_empty()))
            .and_then(|v| Lang::from_locale(&v))
            .unwrap_or_default()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Where an unknown language name came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangSource {
    /// `--lang`.
    Flag,
    /// `SKYSHOW_LANG`.
    Environment,
}

/// A language name skyshow does not have, from `--lang` or `SKYSHOW_LANG`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLang {
    /// What the user wrote.
    pub given: String,
    /// Where.
    pub source: LangSource,
}

impl UnknownLang {
    /// The error as a message (`lang-unknown-flag` / `lang-unknown-env`, with its hint).
    pub fn message(&self) -> crate::Message {
        let id = match self.source {
            LangSource::Flag => "lang-unknown-flag",
            LangSource::Environment => "lang-unknown-env",
        };
        crate::Message::new(id)
            .arg("given", self.given.as_str())
            .arg("languages", Lang::list())
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language `Display` of a [`crate::Message`] uses in this process (the CLI calls
/// it once, after choosing).
pub fn set_current(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language `Display` of a [`crate::Message`] uses (English until [`set_current`]).
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Zh,
        _ => Lang::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn names_users_write() {
        for s in [
            "zh",
            "ZH",
            "zh-CN",
            "zh_CN.UTF-8",
            "zh-Hans",
            "zh_SG",
            "zh-Hans-TW",
        ] {
            assert_eq!(Lang::parse(s), Some(Lang::Zh), "{s}");
        }
        for s in ["en", "en_US.UTF-8", "en-GB", "EN"] {
            assert_eq!(Lang::parse(s), Some(Lang::En), "{s}");
        }
        for s in ["fr", "", "zh_TW.UTF-8", "zh-Hant", "zh_HK", "chinese", "e"] {
            assert_eq!(Lang::parse(s), None, "{s}");
        }
    }

    #[test]
    fn flag_then_skyshow_lang_then_locale_then_english() {
        let all = [
            ("SKYSHOW_LANG", "en"),
            ("LC_ALL", "zh_CN.UTF-8"),
            ("LANG", "en_US.UTF-8"),
        ];
        assert_eq!(Lang::select(Some("zh"), env(&all)), Ok(Lang::Zh));
        assert_eq!(Lang::select(None, env(&all)), Ok(Lang::En));
        assert_eq!(Lang::select(None, env(&all[1..])), Ok(Lang::Zh));
        assert_eq!(Lang::select(None, env(&all[2..])), Ok(Lang::En));
        assert_eq!(Lang::select(None, env(&[])), Ok(Lang::En));
        // LC_ALL wins over LC_MESSAGES over LANG; empty values count as unset.
        let e = [
            ("LC_ALL", ""),
            ("LC_MESSAGES", "zh_CN.UTF-8"),
            ("LANG", "C"),
        ];
        assert_eq!(Lang::select(None, env(&e)), Ok(Lang::Zh));
        let e = [("SKYSHOW_LANG", " "), ("LANG", "zh_CN.GB18030")];
        assert_eq!(Lang::select(None, env(&e)), Ok(Lang::Zh));
    }

    #[test]
    fn unsupported_system_locale_is_english_silently() {
        for l in [
            "fr_FR.UTF-8",
            "zh_TW.UTF-8",
            "ja_JP",
            "C.UTF-8",
            "POSIX",
            "garbage",
        ] {
            assert_eq!(Lang::select(None, env(&[("LANG", l)])), Ok(Lang::En), "{l}");
        }
        assert_eq!(
            Lang::select(None, env(&[("LC_ALL", "fr_FR"), ("LANG", "zh_CN")])),
            Ok(Lang::En),
            "LC_ALL decides even when skyshow lacks it"
        );
    }

    #[test]
    fn unknown_flag_or_skyshow_lang_is_an_error() {
        let e = Lang::select(Some("fr"), env(&[])).unwrap_err();
        assert_eq!(e.source, LangSource::Flag);
        assert_eq!(e.given, "fr");
        let e = Lang::select(None, env(&[("SKYSHOW_LANG", "de")])).unwrap_err();
        assert_eq!(e.source, LangSource::Environment);
        assert_eq!(Lang::list(), "en, zh");
    }
}
