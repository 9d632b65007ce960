//! `PyroError`: why a fireworks design cannot be turned into a firing script. Its words
//! are [`Message`]s ([`PyroError::message`], [`PyroError::hint`]), shown in the user's
//! language by the CLI.

use skyshow_i18n::{Message, msg};

/// A user error in the fireworks design. Every message names the offending cue, product or
/// position (as the show file spells it) and ends with a hint.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum PyroError {
    /// The catalogue text is not valid TOML or does not have the catalogue's shape.
    CatalogueSyntax {
        /// Where the catalogue came from (`built-in`, a file name).
        origin: String,
        /// Where, and the TOML parser's message (its own words).
        message: Message,
    },
    /// A cue or override names a part number the catalogue does not have.
    UnknownProduct {
        /// The cue (or override) that names it.
        source_name: String,
        /// The part number as written.
        part: String,
        /// A suggestion (closest part number) or how to add one.
        hint: Message,
    },
    /// A product's calibre is outside the range its kind allows.
    CalibreOutOfRange {
        /// Part number.
        part: String,
        /// Product kind name.
        kind: String,
        /// The calibre given, mm.
        calibre_mm: f64,
        /// Smallest allowed, mm.
        min_mm: f64,
        /// Largest allowed, mm.
        max_mm: f64,
    },
    /// A product has a negative prefire (lift) time.
    NegativePrefire {
        /// Part number.
        part: String,
        /// The prefire given, seconds.
        prefire_s: f64,
    },
    /// A product has another field that is not a finite, non-negative number (or empty text).
    InvalidProduct {
        /// Part number.
        part: String,
        /// Field name.
        field: String,
        /// The value as text.
        value: String,
        /// What is expected.
        hint: Message,
    },
    /// The firing front is empty or malformed.
    InvalidFront {
        /// What is wrong.
        message: Message,
        /// How to fix it.
        hint: Message,
    },
    /// A cue names a position the front does not have.
    UnknownPosition {
        /// The cue.
        cue: String,
        /// The name as written.
        position: String,
        /// Some of the known names.
        known: String,
    },
    /// A cue names a chapter the options do not list.
    UnknownChapter {
        /// The cue.
        cue: String,
        /// The name as written.
        chapter: String,
        /// The known names.
        known: String,
    },
    /// A cue's time, pattern or spacing is not usable.
    InvalidCue {
        /// The cue.
        cue: String,
        /// What is wrong.
        message: Message,
        /// How to fix it.
        hint: Message,
    },
    /// A show element's time is not usable.
    InvalidElement {
        /// The element's label.
        label: String,
        /// What is wrong.
        message: Message,
        /// How to fix it.
        hint: Message,
    },
    /// A cue would have to be ignited before the show (music) starts.
    CueBeforeStart {
        /// The cue.
        cue: String,
        /// The position it fires from.
        position: String,
        /// Effect time, s.
        effect_s: f64,
        /// Prefire, s.
        prefire_s: f64,
        /// Ignition time, s.
        ignition_s: f64,
        /// Show (music) start, s.
        start_s: f64,
        /// The earliest effect time that works, s.
        earliest_s: f64,
    },
    /// A position has more cues than its modules have pins.
    ModuleOutOfPins {
        /// The first cue that found no pin.
        cue: String,
        /// Position name.
        position: String,
        /// How many cues fire there.
        cues: usize,
        /// The modules listed for it.
        modules: String,
        /// Their total pins.
        pins: usize,
    },
    /// Automatic addressing ran past the firing system's last module.
    OutOfModules {
        /// The first cue that found no module.
        cue: String,
        /// Position name.
        position: String,
        /// The module number it would need.
        module: u32,
        /// First module number of the system.
        first: u32,
        /// Last module number of the system.
        last: u32,
    },
    /// The same module is listed for two positions, or is out of the system's range.
    BadModule {
        /// Position name.
        position: String,
        /// Module number.
        module: u32,
        /// What is wrong.
        message: Message,
        /// First module number of the system.
        first: u32,
        /// Last module number of the system.
        last: u32,
    },
    /// A position's racks hold fewer mortars of a calibre than its cues need.
    NotEnoughTubes {
        /// The first cue without a mortar.
        cue: String,
        /// Position name.
        position: String,
        /// Calibre, mm.
        calibre_mm: f64,
        /// Shells of this calibre fired there.
        needed: usize,
        /// Mortars of this calibre in its racks.
        tubes: usize,
    },
    /// An option is out of range (frame rate, resolution, …).
    InvalidOption {
        /// The option.
        what: Message,
        /// What is wrong.
        message: Message,
        /// The allowed values.
        hint: Message,
    },
}

/// A figure with three decimals, as the messages show times.
fn s3(x: f64) -> String {
    format!("{x:.3}")
}

impl PyroError {
    /// What is wrong, naming the cue, product or position.
    pub fn message(&self) -> Message {
        use PyroError as E;
        match self {
            E::CatalogueSyntax { origin, message } => msg!(
                "pyro-err-catalogue-syntax",
                origin = origin.as_str(),
                why = message.clone()
            ),
            E::UnknownProduct {
                source_name, part, ..
            } => msg!(
                "pyro-err-unknown-product",
                source = source_name.as_str(),
                part = part.as_str()
            ),
            E::CalibreOutOfRange {
                part,
                kind,
                calibre_mm,
                min_mm,
                max_mm,
            } => msg!(
                "pyro-err-calibre",
                part = part.as_str(),
                kind = kind.as_str(),
                calibre = *calibre_mm,
                min = *min_mm,
                max = *max_mm
            ),
            E::NegativePrefire { part, prefire_s } => msg!(
                "pyro-err-negative-prefire",
                part = part.as_str(),
                prefire = *prefire_s
            ),
            E::InvalidProduct {
                part, field, value, ..
            } => msg!(
                "pyro-err-invalid-product",
                part = part.as_str(),
                field = field.as_str(),
                value = value.as_str()
            ),
            E::InvalidFront { message, .. } => {
                msg!("pyro-err-front", why = message.clone())
            }
            E::UnknownPosition { cue, position, .. } => msg!(
                "pyro-err-unknown-position",
                cue = cue.as_str(),
                position = position.as_str()
            ),
            E::UnknownChapter { cue, chapter, .. } => msg!(
                "pyro-err-unknown-chapter",
                cue = cue.as_str(),
                chapter = chapter.as_str()
            ),
            E::InvalidCue { cue, message, .. } => {
                msg!("pyro-err-at", what = cue.as_str(), why = message.clone())
            }
            E::InvalidElement { label, message, .. } => msg!(
                "pyro-err-element",
                label = label.as_str(),
                why = message.clone()
            ),
            E::CueBeforeStart {
                cue,
                position,
                effect_s,
                prefire_s,
                ignition_s,
                start_s,
                ..
            } => msg!(
                "pyro-err-before-start",
                cue = cue.as_str(),
                position = position.as_str(),
                ignition = s3(*ignition_s),
                effect = s3(*effect_s),
                prefire = s3(*prefire_s),
                start = s3(*start_s)
            ),
            E::ModuleOutOfPins {
                cue,
                position,
                cues,
                modules,
                pins,
            } => msg!(
                "pyro-err-out-of-pins",
                cue = cue.as_str(),
                position = position.as_str(),
                cues = *cues,
                modules = modules.as_str(),
                pins = *pins
            ),
            E::OutOfModules {
                cue,
                position,
                module,
                first,
                last,
            } => msg!(
                "pyro-err-out-of-modules",
                cue = cue.as_str(),
                position = position.as_str(),
                module = *module,
                first = *first,
                last = *last
            ),
            E::BadModule {
                position,
                module,
                message,
                ..
            } => msg!(
                "pyro-err-bad-module",
                position = position.as_str(),
                module = *module,
                why = message.clone()
            ),
            E::NotEnoughTubes {
                cue,
                position,
                calibre_mm,
                needed,
                tubes,
            } => msg!(
                "pyro-err-tubes",
                cue = cue.as_str(),
                position = position.as_str(),
                needed = *needed,
                calibre = *calibre_mm,
                tubes = *tubes
            ),
            E::InvalidOption { what, message, .. } => {
                msg!(
                    "pyro-err-option",
                    what = what.clone(),
                    why = message.clone()
                )
            }
        }
    }

    /// How to fix it.
    pub fn hint(&self) -> Message {
        use PyroError as E;
        match self {
            E::CatalogueSyntax { .. } => msg!("pyro-err-catalogue-syntax-hint"),
            E::UnknownProduct { hint, .. }
            | E::InvalidProduct { hint, .. }
            | E::InvalidFront { hint, .. }
            | E::InvalidCue { hint, .. }
            | E::InvalidElement { hint, .. }
            | E::InvalidOption { hint, .. } => hint.clone(),
            E::CalibreOutOfRange { .. } => msg!("pyro-err-calibre-hint"),
            E::NegativePrefire { .. } => msg!("pyro-err-negative-prefire-hint"),
            E::UnknownPosition { known, .. } => {
                msg!("pyro-err-unknown-position-hint", known = known.as_str())
            }
            E::UnknownChapter { known, .. } => {
                msg!("pyro-err-unknown-chapter-hint", known = known.as_str())
            }
            E::CueBeforeStart { earliest_s, .. } => {
                msg!("pyro-err-before-start-hint", earliest = s3(*earliest_s))
            }
            E::ModuleOutOfPins { position, .. } => {
                msg!("pyro-err-out-of-pins-hint", position = position.as_str())
            }
            E::OutOfModules { .. } => msg!("pyro-err-out-of-modules-hint"),
            E::BadModule { first, last, .. } => {
                msg!("pyro-err-bad-module-hint", first = *first, last = *last)
            }
            E::NotEnoughTubes {
                position,
                calibre_mm,
                ..
            } => msg!(
                "pyro-err-tubes-hint",
                position = position.as_str(),
                calibre = *calibre_mm
            ),
        }
    }
}

/// The message, then `help: ` and the hint on the next line.
impl std::fmt::Display for PyroError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}\nhelp: {}", self.message(), self.hint())
    }
}

impl std::error::Error for PyroError {}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_i18n::{Lang, english_run, figures, has_chinese};

    /// One error of every kind, as the crate builds them.
    fn every_kind() -> Vec<PyroError> {
        let all = vec![
            crate::Catalogue::from_toml("[[product]]\npart = 1", "t").unwrap_err(),
            PyroError::UnknownProduct {
                source_name: "open".into(),
                part: "SH-1OO".into(),
                hint: msg!("pyro-did-you-mean", part = "SH-100"),
            },
            PyroError::CalibreOutOfRange {
                part: "X".into(),
                kind: "shell".into(),
                calibre_mm: 400.0,
                min_mm: 50.0,
                max_mm: 300.0,
            },
            PyroError::NegativePrefire {
                part: "X".into(),
                prefire_s: -1.5,
            },
            PyroError::InvalidProduct {
                part: "X".into(),
                field: "duration_s".into(),
                value: "-2".into(),
                hint: msg!("pyro-product-number-hint"),
            },
            crate::FiringFront::from_positions(Vec::new()).unwrap_err(),
            PyroError::UnknownPosition {
                cue: "open".into(),
                position: "L9".into(),
                known: "L1, L2".into(),
            },
            PyroError::UnknownChapter {
                cue: "open".into(),
                chapter: "夏".into(),
                known: "春, 秋".into(),
            },
            PyroError::InvalidCue {
                cue: "open".into(),
                message: msg!("pyro-cue-spacing", spacing = -0.5),
                hint: msg!("pyro-cue-spacing-hint"),
            },
            PyroError::InvalidElement {
                label: "旁白".into(),
                message: msg!("pyro-element-time", time = -3.0),
                hint: msg!("pyro-element-time-hint"),
            },
            PyroError::CueBeforeStart {
                cue: "open".into(),
                position: "L1".into(),
                effect_s: 1.0,
                prefire_s: 3.2,
                ignition_s: -2.2,
                start_s: 0.0,
                earliest_s: 3.2,
            },
            PyroError::ModuleOutOfPins {
                cue: "open".into(),
                position: "L1".into(),
                cues: 40,
                modules: "[1, 2]".into(),
                pins: 36,
            },
            PyroError::OutOfModules {
                cue: "open".into(),
                position: "L1".into(),
                module: 100,
                first: 1,
                last: 99,
            },
            PyroError::BadModule {
                position: "L1".into(),
                module: 200,
                message: msg!("pyro-module-outside"),
                first: 1,
                last: 99,
            },
            PyroError::NotEnoughTubes {
                cue: "open".into(),
                position: "L1".into(),
                calibre_mm: 75.0,
                needed: 12,
                tubes: 10,
            },
            crate::FiringSystem::from_name("cobra-9").unwrap_err(),
            crate::FiringSystem::from_name("pyrotronic").unwrap_err(),
            crate::Timecode::check_fps(29).unwrap_err(),
        ];
        // A new kind must be added above: this match fails to build without it.
        for e in &all {
            match e {
                PyroError::CatalogueSyntax { .. }
                | PyroError::UnknownProduct { .. }
                | PyroError::CalibreOutOfRange { .. }
                | PyroError::NegativePrefire { .. }
                | PyroError::InvalidProduct { .. }
                | PyroError::InvalidFront { .. }
                | PyroError::UnknownPosition { .. }
                | PyroError::UnknownChapter { .. }
                | PyroError::InvalidCue { .. }
                | PyroError::InvalidElement { .. }
                | PyroError::CueBeforeStart { .. }
                | PyroError::ModuleOutOfPins { .. }
                | PyroError::OutOfModules { .. }
                | PyroError::BadModule { .. }
                | PyroError::NotEnoughTubes { .. }
                | PyroError::InvalidOption { .. } => {}
            }
        }
        all
    }

    #[test]
    fn every_error_says_the_same_in_chinese() {
        for e in every_kind() {
            for m in [e.message(), e.hint()] {
                let (en, zh) = (m.render(Lang::En), m.render(Lang::Zh));
                assert_eq!(figures(&en), figures(&zh), "{en}\n{zh}");
                assert!(has_chinese(&zh), "{zh}");
                assert_eq!(english_run(&zh), None, "{zh}");
            }
        }
    }
}
