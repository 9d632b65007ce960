//! The show file (TOML): parsed with spans, checked, and lowered into a [`ShowDesign`].
//!
//! The format is specified in `docs/show-file.md`.

mod animation;
mod art;
mod artwork;
#[cfg(test)]
mod artwork_tests;
mod clock;
mod coloring;
mod fleet;
mod fonts;
mod foreign_file;
mod formation;
mod gltf_accessor;
mod gltf_animation;
mod gltf_decompress;
mod gltf_extensions;
mod gltf_file;
mod gltf_placed;
mod gltf_skin;
mod gltf_source;
mod gltf_texture;
mod glyf_check;
mod image_art;
mod label;
mod light_image;
mod light_params;
mod lights;
mod lower;
mod mesh;
mod mesh_animation_keys;
mod mesh_file;
mod motion;
mod music;
mod music_cache;
mod pyro;
mod raw;
mod sequence;
mod shape;
mod site;
mod start;
mod svg_art;
mod svg_paint;
mod svg_paths;
mod svg_source;
mod text_art;
mod values;
mod vertex_merge;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use skyshow_i18n::{Message, msg};
use skyshow_model::{ContentCache, NoCache, ShowDesign, Warning};

use crate::error::{ImportError, ShowFileError, SourceMap};
use fonts::Fonts;
pub use pyro::{Fireworks, PyroDesign};
use raw::{RawShow, RawTime};

/// A show file read from disk, lowered, with its source map for later diagnostics.
#[derive(Debug)]
pub struct LoadedShow {
    /// The design.
    pub design: ShowDesign,
    /// Where each entry is in the show file.
    pub source: SourceMap,
    /// The folder the show file is in (artwork paths are relative to it).
    pub base_dir: PathBuf,
    /// Every file the show was made from (the show file first), for change watching.
    pub inputs: Vec<PathBuf>,
    /// Fireworks, other show elements and the audience's place.
    pub pyro: PyroDesign,
}

/// Reads and lowers the show file at `path`.
pub fn load_show(path: &Path) -> Result<LoadedShow, ImportError> {
    load_show_cached(path, &mut NoCache)
}

/// Reads and lowers the show file at `path`, taking the music's analysis from `cache` when
/// it holds the one for the same audio and settings, and keeping a new one there. The show
/// is the same, bit for bit, with any cache.
pub fn load_show_cached(
    path: &Path,
    cache: &mut dyn ContentCache,
) -> Result<LoadedShow, ImportError> {
    let unreadable = |why: skyshow_i18n::Message| ImportError::Unreadable {
        path: path.to_path_buf(),
        why,
        hint: skyshow_i18n::msg!("cli-check-the-path"),
    };
    let bytes = crate::input_file::read_input(path, crate::input_file::MAX_INPUT_BYTES)
        .map_err(unreadable)?;
    let text =
        String::from_utf8(bytes).map_err(|_| unreadable(skyshow_i18n::msg!("io-invalid-data")))?;
    let base_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    LoadedShow::from_text_cached(&path.display().to_string(), &text, &base_dir, cache).map(
        |mut l| {
            l.inputs.insert(0, path.to_path_buf());
            l
        },
    )
}

impl LoadedShow {
    /// Lowers show-file `text` whose artwork and point files are relative to `base_dir`;
    /// `name` is used in messages. (`inputs` lists the files read, without the show file.)
    pub fn from_text(name: &str, text: &str, base_dir: &Path) -> Result<LoadedShow, ImportError> {
        LoadedShow::from_text_cached(name, text, base_dir, &mut NoCache)
    }

    /// [`LoadedShow::from_text`], with the music's analysis kept in `cache` (see
    /// [`load_show_cached`]).
    pub fn from_text_cached(
        name: &str,
        text: &str,
        base_dir: &Path,
        cache: &mut dyn ContentCache,
    ) -> Result<LoadedShow, ImportError> {
        let mut inputs = Vec::new();
        let (design, source, pyro) = parse_show_cached(
            name,
            text,
            &mut |rel: &str| {
                let p = base_dir.join(rel);
                inputs.push(p.clone());
                crate::input_file::read_input(&p, crate::input_file::MAX_INPUT_BYTES)
            },
            cache,
        )?;
        Ok(LoadedShow {
            design,
            source,
            pyro,
            base_dir: base_dir.to_path_buf(),
            inputs,
        })
    }
}

/// Parses show-file text; `name` is used in messages. Files named by the show (CSV point
/// lists) cannot be read by this function and give an error; use [`load_show`].
pub fn parse_show(name: &str, text: &str) -> Result<(ShowDesign, SourceMap), ImportError> {
    parse_show_with(name, text, &mut |rel: &str| {
        Err(skyshow_i18n::msg!("input-text-only", file = rel))
    })
    .map(|(design, source, _)| (design, source))
}

/// Reads a file named by the show (relative to the show file) as bytes.
type Reader<'a> = dyn FnMut(&str) -> Result<Vec<u8>, skyshow_i18n::Message> + 'a;

/// Parses show-file text whose named files (artwork, fonts, point lists; paths as written
/// in the show) are read by `read`, which answers their bytes or why not. For callers that
/// hold the files in memory (tests, fuzzing); [`load_show`] reads them from disk.
pub fn parse_show_with(
    name: &str,
    text: &str,
    read: &mut Reader<'_>,
) -> Result<(ShowDesign, SourceMap, PyroDesign), ImportError> {
    parse_show_cached(name, text, read, &mut NoCache)
}

/// [`parse_show_with`], with the music's analysis kept in `cache` (see [`load_show_cached`]).
pub fn parse_show_cached(
    name: &str,
    text: &str,
    read: &mut Reader<'_>,
    cache: &mut dyn ContentCache,
) -> Result<(ShowDesign, SourceMap, PyroDesign), ImportError> {
    let mut raw: RawShow = toml::from_str(text).map_err(|e| toml_error(name, text, &e))?;
    let site_keys = site::SiteKeys::take(&mut raw);
    let extras = pyro::RawExtras::take(&mut raw);
    let mut cx = Cx {
        name,
        text,
        fonts: RefCell::new(Fonts::default()),
        seed: raw.seed.unwrap_or(1),
        source: SourceMap {
            name: name.into(),
            text: text.into(),
            ..Default::default()
        },
        clock: clock::Clock::default(),
        warnings: RefCell::default(),
        cache: RefCell::new(cache),
    };
    let mut design = cx.lower(raw, read)?;
    let pyro = cx.pyro(&extras, &design, read)?;
    design.site = cx.site(&site_keys, &design, &pyro)?;
    design.warnings = cx.warnings.take();
    Ok((design, cx.source, pyro))
}

/// The hint for serde's "unknown field `colour`, expected one of `color`, …": the nearest
/// key of that table when the name looks like a slip of one.
fn unknown_key_hint(detail: &str) -> Message {
    let hint = msg!("show-file-unknown-key-hint");
    let mut quoted = detail.split('`').skip(1).step_by(2);
    let Some(given) = quoted.next() else {
        return hint;
    };
    let expected: Vec<&str> = match detail.split_once("expected") {
        Some((_, rest)) => rest.split('`').skip(1).step_by(2).collect(),
        None => Vec::new(),
    };
    skyshow_i18n::hint_with_suggestion(given, expected, hint)
}

fn toml_error(name: &str, text: &str, e: &toml::de::Error) -> ImportError {
    let span = e.span().unwrap_or(0..0);
    let detail = e.message().trim().to_string();
    let help = if detail.contains("unknown field") {
        Some(unknown_key_hint(&detail))
    } else if detail.contains("missing field") {
        Some(msg!("show-file-missing-key-hint"))
    } else if detail.contains("invalid type") {
        Some(msg!("show-file-invalid-type-hint"))
    } else {
        None
    };
    ShowFileError::with(
        name,
        text,
        span,
        msg!("show-file-invalid", detail = toml_detail(&detail)),
        msg!("show-file-label-here"),
        help,
    )
    .into()
}

/// What serde says about a table (an unknown or missing key, a value of the wrong type) in
/// the user's language; the TOML parser's own syntax errors stay as it words them.
fn toml_detail(detail: &str) -> Message {
    let quoted = |s: &str| -> Vec<String> {
        s.split('`')
            .skip(1)
            .step_by(2)
            .map(|q| format!("`{q}`"))
            .collect()
    };
    if let Some(rest) = detail.strip_prefix("unknown field ") {
        let (given, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let given = given.trim_matches('`');
        let expected = quoted(expected);
        return if expected.is_empty() {
            msg!("show-file-unknown-field-none", key = given)
        } else {
            msg!(
                "show-file-unknown-field",
                key = given,
                expected = expected.join(", ")
            )
        };
    }
    if let Some(rest) = detail.strip_prefix("missing field ") {
        return msg!("show-file-missing-field", key = rest.trim_matches('`'));
    }
    if let Some(rest) = detail.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return msg!("show-file-wrong-type", found = found, expected = expected);
    }
    msg!("show-file-toml-syntax", detail = detail)
}

/// The lowering context: the show file's name and text (for errors), the shared state that
/// formations and effects read, and the source map being built. Its methods live in the
/// modules named for what they lower (`lower`, `fleet`, `formation`, `artwork`, `mesh`, …).
struct Cx<'a> {
    name: &'a str,
    text: &'a str,
    /// System fonts, loaded when a text formation first needs them.
    fonts: RefCell<Fonts>,
    /// The show's seed, given to every sampled shape.
    seed: u64,
    source: SourceMap,
    /// Beats and cues that musical times refer to.
    clock: clock::Clock,
    /// Warnings found so far ([`Cx::warn`]), moved into `ShowDesign::warnings` at the end.
    warnings: RefCell<Vec<Warning>>,
    /// Where the music's analysis is kept between builds.
    cache: RefCell<&'a mut dyn ContentCache>,
}

impl Cx<'_> {
    /// Notes a warning for the designer (it does not stop the build): build it with
    /// `Warning::new(kind, message, source)`, the message made with `skyshow_i18n`'s `msg!`
    /// macro from an id in `locales/{en,zh}/show-file.ftl`.
    pub(super) fn warn(&self, warning: Warning) {
        self.warnings.borrow_mut().push(warning);
    }
}

/// Font of text formations without `font`.
const DEFAULT_FONT: &str = "Noto Sans CJK SC";

/// Largest fleet a show file may ask for.
const MAX_DRONES: i64 = 100_000;
/// Longest show, seconds (24 h).
const MAX_TIME_S: f64 = 86_400.0;
