//! `PyroError`: why a fireworks design cannot be turned into a firing script.

/// A user error in the fireworks design. Every message names the offending cue, product or
/// position (as the show file spells it) and ends with a hint.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PyroError {
    /// The catalogue text is not valid TOML or does not have the catalogue's shape.
    #[error(
        "catalogue {origin}: {message}\nhelp: entries are [[product]] tables with part, kind, calibre_mm, prefire_s, duration_s, colour, effect"
    )]
    CatalogueSyntax {
        /// Where the catalogue came from (`built-in`, a file name).
        origin: String,
        /// The parser's message.
        message: String,
    },
    /// A cue or override names a part number the catalogue does not have.
    #[error("{source_name}: unknown product \"{part}\"\nhelp: {hint}")]
    UnknownProduct {
        /// The cue (or override) that names it.
        source_name: String,
        /// The part number as written.
        part: String,
        /// A suggestion (closest part number) or how to add one.
        hint: String,
    },
    /// A product's calibre is outside the range its kind allows.
    #[error(
        "product \"{part}\": calibre {calibre_mm} mm is out of range for a {kind} ({min_mm}–{max_mm} mm)\nhelp: check the unit (millimetres, not inches) or the product kind"
    )]
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
    #[error(
        "product \"{part}\": prefire {prefire_s} s is negative\nhelp: prefire is the time from ignition to the effect, 0 or more (about 2–6 s for shells)"
    )]
    NegativePrefire {
        /// Part number.
        part: String,
        /// The prefire given, seconds.
        prefire_s: f64,
    },
    /// A product has another field that is not a finite, non-negative number (or empty text).
    #[error("product \"{part}\": {field} = {value} is invalid\nhelp: {hint}")]
    InvalidProduct {
        /// Part number.
        part: String,
        /// Field name.
        field: String,
        /// The value as text.
        value: String,
        /// What is expected.
        hint: String,
    },
    /// The firing front is empty or malformed.
    #[error("firing front: {message}\nhelp: {hint}")]
    InvalidFront {
        /// What is wrong.
        message: String,
        /// How to fix it.
        hint: String,
    },
    /// A cue names a position the front does not have.
    #[error("{cue}: unknown position \"{position}\"\nhelp: positions are {known}")]
    UnknownPosition {
        /// The cue.
        cue: String,
        /// The name as written.
        position: String,
        /// Some of the known names.
        known: String,
    },
    /// A cue names a chapter the options do not list.
    #[error("{cue}: unknown chapter \"{chapter}\"\nhelp: chapters are {known}")]
    UnknownChapter {
        /// The cue.
        cue: String,
        /// The name as written.
        chapter: String,
        /// The known names.
        known: String,
    },
    /// A cue's time, pattern or spacing is not usable.
    #[error("{cue}: {message}\nhelp: {hint}")]
    InvalidCue {
        /// The cue.
        cue: String,
        /// What is wrong.
        message: String,
        /// How to fix it.
        hint: String,
    },
    /// A cue would have to be ignited before the show (music) starts.
    #[error(
        "{cue}: at position {position}, ignition {ignition_s:.3} s (effect {effect_s:.3} s − prefire {prefire_s:.3} s) is before the music starts at {start_s:.3} s\nhelp: move the effect to {earliest_s:.3} s or later, or use a product with a shorter lift"
    )]
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
    #[error(
        "{cue}: position {position} has {cues} cues but its modules {modules} have only {pins} pins\nhelp: add modules to position {position} or move cues to another position"
    )]
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
    #[error(
        "{cue}: position {position} needs module {module} but the firing system has modules {first}–{last}\nhelp: use fewer cues, a system with more modules, or give positions explicit modules"
    )]
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
    #[error(
        "position {position}: module {module} {message}\nhelp: give every position its own modules within {first}–{last}"
    )]
    BadModule {
        /// Position name.
        position: String,
        /// Module number.
        module: u32,
        /// What is wrong.
        message: String,
        /// First module number of the system.
        first: u32,
        /// Last module number of the system.
        last: u32,
    },
    /// A position's racks hold fewer mortars of a calibre than its cues need.
    #[error(
        "{cue}: position {position} fires {needed} {calibre_mm} mm shells but its racks hold {tubes}\nhelp: add racks of {calibre_mm} mm to position {position}, or remove its racks to have them counted on the setup sheet"
    )]
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
    #[error("{what}: {message}\nhelp: {hint}")]
    InvalidOption {
        /// The option.
        what: String,
        /// What is wrong.
        message: String,
        /// The allowed values.
        hint: String,
    },
}
