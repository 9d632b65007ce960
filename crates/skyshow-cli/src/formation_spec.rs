//! `FormationSpec`: the formation `skyshow formation` samples, as the keys of one
//! `[[chapter.formation]]`, and where they came from: a spec file the user wrote (errors
//! point into it) or the command's flags (errors are told in the flags' terms, never as
//! lines of a TOML the user has not seen).

use std::fmt::Write as _;
use std::path::Path;

use miette::{Report, miette};
use skyshow_i18n::{Lang, msg};
use skyshow_import::ImportError;

use crate::args::FormationArgs;

/// Show-file keys of a formation made from flags, and the flags that set them.
const FLAGS: [(&str, &str); 18] = [
    ("width_m", "--width"),
    ("height_m", "--height"),
    // A mesh's `--width` is its largest extent.
    ("size_m", "--width"),
    ("mode", "--mode"),
    ("text", "--text"),
    ("font", "--font"),
    ("color", "--color"),
    ("dark", "--dark"),
    ("count", "--drones"),
    ("fleet.drones", "--drones"),
    ("drones", "--drones"),
    ("min_distance_m", "--min-distance"),
    ("seed", "--seed"),
    ("hold", "--hold"),
    ("animation", "--animation"),
    ("animation_start_s", "--at"),
    ("animation_speed", "--animation-speed"),
    ("animation_loop", "--animation-loop"),
];

/// The flags that only a glTF file's animation takes.
pub(crate) const ANIMATION_FLAGS: [&str; 5] = [
    "--animation",
    "--at",
    "--animation-speed",
    "--animation-loop",
    "--still",
];

/// A formation spec and its origin.
pub(crate) struct FormationSpec {
    /// The keys of one `[[chapter.formation]]`.
    pub(crate) text: String,
    /// The name messages give the input (the path as typed, or `--text`).
    pub(crate) name: String,
    /// Where the keys came from.
    origin: Origin,
}

/// Where a spec came from.
enum Origin {
    /// A `.toml` spec file.
    File,
    /// The flags; `file` is the artwork's path as written into the spec (absolute).
    Flags {
        formation: String,
        file: Option<String>,
    },
}

impl FormationSpec {
    /// A spec file's text, as the user wrote it.
    pub(crate) fn from_file(name: String, text: String) -> FormationSpec {
        FormationSpec {
            text,
            name,
            origin: Origin::File,
        }
    }

    /// The spec for an artwork file of `shape` (or `--text` when `input` is `None`), from
    /// the flags.
    pub(crate) fn from_flags(
        args: &FormationArgs,
        input: Option<&Path>,
        shape: &str,
    ) -> miette::Result<FormationSpec> {
        let name = input.map_or("--text".into(), |p| p.display().to_string());
        check_flags(args, input, shape, &name)?;
        let mut spec = String::new();
        let formation = input
            .and_then(|p| p.file_stem())
            .map_or("text".to_string(), |s| s.to_string_lossy().into_owned());
        let _ = writeln!(spec, "name = {}\nshape = \"{shape}\"", toml_str(&formation));
        let file = source_keys(&mut spec, args, input)?;
        look_keys(&mut spec, args, shape);
        Ok(FormationSpec {
            text: spec,
            name,
            origin: Origin::Flags { formation, file },
        })
    }

    /// Whether the spec was made from the command's flags (not a spec file).
    pub(crate) fn is_from_flags(&self) -> bool {
        matches!(self.origin, Origin::Flags { .. })
    }

    /// The error to show for `e`, raised while lowering the spec wrapped in a show whose
    /// first `shift` bytes are not the spec's.
    pub(crate) fn explain(&self, e: ImportError, shift: usize) -> Report {
        let ImportError::ShowFile(sf) = e else {
            return Report::new(e);
        };
        if let (Origin::File, Some(inside)) =
            (&self.origin, sf.shifted(&self.name, &self.text, shift))
        {
            return Report::new(inside);
        }
        // In the flags' terms: the flag of the key the error points at leads the message
        // when the message does not name it (the artwork file's errors name the file).
        let key = sf.offset().checked_sub(shift).and_then(|at| {
            let at = at.min(self.text.len());
            let line = self.text[..at].rfind('\n').map_or(0, |i| i + 1);
            let (key, _) = self.text[line..].split_once(" = ")?;
            Some(key.trim().to_string())
        });
        let mut message = self.in_flag_terms(sf.message());
        if let Some(flag) = key.as_deref().and_then(flag_of)
            && !message.contains(flag)
        {
            message = format!("`{flag}`: {message}");
        }
        match sf.hint() {
            Some(h) => miette!(help = self.in_flag_terms(&h), "{message}"),
            None => miette!("{message}"),
        }
    }

    /// `text` (a message or hint that names show-file keys) in the terms of the command:
    /// `width_m` becomes `--width`, `mode = "surface"` becomes `--mode surface`, formation
    /// `name` becomes the input, and the artwork's absolute path the path as typed. A spec
    /// file's messages are left in its own terms.
    pub(crate) fn in_flag_terms(&self, text: impl std::fmt::Display) -> String {
        let mut text = text.to_string();
        let Origin::Flags { formation, file } = &self.origin else {
            return text;
        };
        // "formation `name`" in every language (messages are rendered before they get here).
        let input = format!("`{}`", self.name);
        for lang in Lang::ALL {
            let phrase = msg!("show-file-label-formation", name = formation.as_str()).render(lang);
            text = text.replace(&phrase, &input);
        }
        if let Some(abs) = file {
            text = text.replace(abs.as_str(), &self.name);
        }
        // Each `…` quote that is a key, or `key = value`, becomes its flag.
        let mut out = String::with_capacity(text.len());
        let mut parts = text.split('`');
        if let Some(first) = parts.next() {
            out.push_str(first);
        }
        for (k, part) in parts.enumerate() {
            out.push('`');
            if k % 2 == 0 {
                out.push_str(&quoted_in_flag_terms(part));
            } else {
                out.push_str(part);
            }
        }
        out
    }
}

/// The animation flags `args` gives, in the order of [`ANIMATION_FLAGS`].
pub(crate) fn animation_flags(args: &FormationArgs) -> Vec<&'static str> {
    let given = [
        args.animation.is_some(),
        args.at.is_some(),
        args.animation_speed.is_some(),
        args.animation_loop,
        args.still,
    ];
    ANIMATION_FLAGS
        .iter()
        .zip(given)
        .filter(|(_, g)| *g)
        .map(|(f, _)| *f)
        .collect()
}

/// One quoted key (`width_m`) or assignment (`mode = "surface"`) as its flag.
fn quoted_in_flag_terms(quoted: &str) -> String {
    let (key, value) = match quoted.split_once(" = ") {
        Some((k, v)) => (k.trim(), Some(v.trim().trim_matches('"'))),
        None => (quoted.trim(), None),
    };
    match (flag_of(key), value) {
        // Switches: `animation = false` is `--still`, `animation_loop = true` the flag alone.
        (Some("--animation"), Some("false")) => "--still".to_string(),
        (Some("--animation-loop"), Some("true")) => "--animation-loop".to_string(),
        (Some(flag), Some(v)) => format!("{flag} {v}"),
        (Some(flag), None) => flag.to_string(),
        (None, _) => quoted.to_string(),
    }
}

/// The flag that sets show-file key `key`.
fn flag_of(key: &str) -> Option<&'static str> {
    FLAGS.iter().find(|(k, _)| *k == key).map(|(_, f)| *f)
}

/// A TOML number: TOML spells the values that are not finite `nan`, `inf` and `-inf`
/// (the import then refuses them with its own message, named by the flag).
fn toml_num(v: f64) -> String {
    match v {
        v if v.is_nan() => "nan".into(),
        v if v == f64::INFINITY => "inf".into(),
        v if v == f64::NEG_INFINITY => "-inf".into(),
        v => format!("{v:?}"),
    }
}

/// A TOML basic string.
fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `--text` as `--help` documents it: `\n` starts a new line and `\\` is one backslash
/// (shells pass both literally inside quotes); any other backslash is kept as typed.
fn unescape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some('n')) => {
                chars.next();
                out.push('\n');
            }
            ('\\', Some('\\')) => {
                chars.next();
                out.push('\\');
            }
            (c, _) => out.push(c),
        }
    }
    out
}

/// Refuses flags that do not apply to the input: `--dark` beyond an SVG, the animation
/// flags beyond a glTF file.
fn check_flags(
    args: &FormationArgs,
    input: Option<&Path>,
    shape: &str,
    name: &str,
) -> miette::Result<()> {
    if args.dark.is_some() && shape != "svg" {
        return Err(miette!(
            help = msg!("formation-dark-not-svg-hint").to_string(),
            "{}",
            msg!("formation-dark-not-svg", input = name)
        ));
    }
    let gltf = input
        .and_then(|p| p.extension())
        .is_some_and(|e| e.eq_ignore_ascii_case("gltf") || e.eq_ignore_ascii_case("glb"));
    if let Some(flag) = animation_flags(args).first()
        && !gltf
    {
        return Err(miette!(
            help = msg!("formation-animation-not-gltf-hint").to_string(),
            "{}",
            msg!("formation-animation-not-gltf", flag = *flag, input = name)
        ));
    }
    Ok(())
}

/// Writes the spec's `file` (absolute) or `text` and `font` keys; the file as written.
fn source_keys(
    spec: &mut String,
    args: &FormationArgs,
    input: Option<&Path>,
) -> miette::Result<Option<String>> {
    let mut file = None;
    if let Some(p) = input {
        let abs = std::path::absolute(p).map_err(|e| {
            miette!(
                "{}",
                msg!(
                    "formation-path-unresolved",
                    input = p.display().to_string(),
                    why = skyshow_i18n::io_reason(&e)
                )
            )
        })?;
        let abs = abs.to_string_lossy().into_owned();
        let _ = writeln!(*spec, "file = {}", toml_str(&abs));
        file = Some(abs);
    }
    if let Some(text) = &args.text {
        let _ = writeln!(*spec, "text = {}", toml_str(&unescape_text(text)));
        if let Some(font) = &args.font {
            let font = if Path::new(font).exists() {
                std::path::absolute(font).map_or(font.clone(), |p| p.to_string_lossy().into_owned())
            } else {
                font.clone()
            };
            let _ = writeln!(*spec, "font = {}", toml_str(&font));
        }
    }
    Ok(file)
}

/// Writes the keys of the formation's size, look and animation from the flags.
fn look_keys(spec: &mut String, args: &FormationArgs, shape: &str) {
    let key = if shape == "mesh" { "size_m" } else { "width_m" };
    match (args.width, args.height) {
        (_, Some(h)) => {
            let _ = writeln!(*spec, "height_m = {}", toml_num(h));
        }
        (w, None) => {
            let _ = writeln!(*spec, "{key} = {}", toml_num(w.unwrap_or(100.0)));
        }
    }
    for (key, value) in [
        ("mode", &args.mode),
        ("color", &args.color),
        ("dark", &args.dark),
        ("animation", &args.animation),
    ] {
        if let Some(v) = value {
            let _ = writeln!(*spec, "{key} = {}", toml_str(v));
        }
    }
    if args.still {
        spec.push_str("animation = false\n");
    }
    for (key, value) in [("hold", args.hold), ("animation_start_s", args.at)] {
        if let Some(v) = value {
            let _ = writeln!(*spec, "{key} = {}", toml_num(v));
        }
    }
    if let Some(speed) = &args.animation_speed {
        let value = match speed.trim().parse::<f64>() {
            Ok(x) => toml_num(x),
            Err(_) => toml_str(speed.trim()),
        };
        let _ = writeln!(*spec, "animation_speed = {value}");
    }
    if args.animation_loop {
        spec.push_str("animation_loop = true\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes() {
        assert_eq!(unescape_text(r"欢度二月二\n龙抬头"), "欢度二月二\n龙抬头");
        assert_eq!(unescape_text(r"a\\nb"), r"a\nb");
        assert_eq!(unescape_text(r"a\tb\"), r"a\tb\");
        assert_eq!(unescape_text("plain"), "plain");
    }

    #[test]
    fn the_made_up_formation_name_never_shows_in_any_language() {
        let spec = FormationSpec {
            text: String::new(),
            name: "art/heart.svg".into(),
            origin: Origin::Flags {
                formation: "heart".into(),
                file: None,
            },
        };
        assert_eq!(
            spec.in_flag_terms("编队 `heart`：请加上 `width_m = 120`"),
            "`art/heart.svg`：请加上 `--width 120`"
        );
        assert_eq!(
            spec.in_flag_terms(
                "the clip of formation `heart`: `animation = false` or `animation_loop = true`"
            ),
            "the clip of `art/heart.svg`: `--still` or `--animation-loop`"
        );
    }

    #[test]
    fn messages_in_flag_terms() {
        let spec = FormationSpec {
            text: String::new(),
            name: "art/heart.svg".into(),
            origin: Origin::Flags {
                formation: "heart".into(),
                file: Some("/home/d/art/heart.svg".into()),
            },
        };
        assert_eq!(
            spec.in_flag_terms(
                "formation `heart`: add `width_m = 120`, or use `mode = \"outline\"` with fewer drones (`count`); SVG `/home/d/art/heart.svg`"
            ),
            "`art/heart.svg`: add `--width 120`, or use `--mode outline` with fewer drones (`--drones`); SVG `art/heart.svg`"
        );
        // Quotes that are not keys stay.
        assert_eq!(
            spec.in_flag_terms("`width_m` ≥ 22 or `height_m` ≥ 22 for `fill`"),
            "`--width` ≥ 22 or `--height` ≥ 22 for `fill`"
        );
        // A spec file's messages keep its keys.
        let file = FormationSpec::from_file("f.toml".into(), String::new());
        assert_eq!(file.in_flag_terms("`width_m` ≥ 22"), "`width_m` ≥ 22");
    }
}
