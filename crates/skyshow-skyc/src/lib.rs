//! Reading Skybrush `.skyc` show files — any of them, inline or `$ref` layout — into the
//! model, with the format's rules checked.
//!
//! - [`read_skyc`]: a ZIP archive with `show.json` at its root; JSON references
//!   (`{"$ref": "./drones/drone_01/trajectory.json#"}`) are resolved inside the archive.
//! - [`read_show_json`]: a bare `show.json` (inline data only).
//! - [`decode_light_program`]: light bytecode to [`LightStep`](skyshow_model::LightStep)s.
//!
//! What Skybrush's loader rejects is a [`SkycError`]; what it tolerates but its format rules
//! forbid is a [`FormatFinding`]. Hostile input (zip bombs, reference cycles, absurd numbers,
//! endless light loops) gives errors, never a panic or a hang: see [`ReadOptions`] and
//! [`LightDecodeOptions`]. No I/O happens here: callers pass bytes.

mod archive;
mod audio;
mod error;
mod finding;
mod json_path;
mod light_decode;
mod light_error;
mod light_options;
mod light_settings;
mod options;
mod resolver;
mod show_reader;
mod skyc_show;
mod trajectory_reader;
mod validation_settings;

pub use audio::Audio;
pub use error::SkycError;
pub use finding::FormatFinding;
pub use light_decode::{DecodedLights, decode_light_program, decode_light_program_detailed};
pub use light_error::LightDecodeError;
pub use light_options::LightDecodeOptions;
pub use options::ReadOptions;
pub use skyc_show::SkycShow;

use archive::Archive;
use resolver::{Resolver, parse_json};
use show_reader::ShowReader;

/// The entry point of a `.skyc` archive.
const SHOW_JSON: &str = "show.json";

/// Reads a `.skyc` file: a ZIP archive with `show.json` at its root.
pub fn read_skyc(bytes: &[u8], opts: &ReadOptions) -> Result<SkycShow, SkycError> {
    let mut archive = Archive::open(bytes, opts)?;
    if !archive.contains(SHOW_JSON) {
        let names = archive.some_names(usize::MAX);
        let nested = names.iter().find(|n| n.ends_with("/show.json"));
        let hint = match nested {
            Some(n) => format!("; it is at {n}, but must be at the root of the archive"),
            None => format!(
                "; the archive holds: {}",
                names.into_iter().take(8).collect::<Vec<_>>().join(", ")
            ),
        };
        return Err(SkycError::MissingMember {
            name: SHOW_JSON.into(),
            hint,
        });
    }
    let raw = archive.read(SHOW_JSON)?;
    let mut root = parse_json(SHOW_JSON, &raw)?;
    drop(raw);
    let mut resolver = Resolver::new(Some(&mut archive), opts.max_uncompressed_bytes);
    resolver.resolve_root(SHOW_JSON, &mut root)?;
    let (origins, assets) = (resolver.origins, resolver.assets);
    ShowReader::new(&origins, opts).read(&root, &assets)
}

/// Reads a bare `show.json` (everything inline; references may only point inside it).
pub fn read_show_json(bytes: &[u8], opts: &ReadOptions) -> Result<SkycShow, SkycError> {
    if bytes.len() as u64 > opts.max_uncompressed_bytes {
        return Err(SkycError::TooLarge {
            member: SHOW_JSON.into(),
            limit: opts.max_uncompressed_bytes,
            detail: format!("; it has {} bytes", bytes.len()),
        });
    }
    let mut root = parse_json(SHOW_JSON, bytes)?;
    let mut resolver = Resolver::new(None, opts.max_uncompressed_bytes);
    resolver.resolve_root(SHOW_JSON, &mut root)?;
    let (origins, assets) = (resolver.origins, resolver.assets);
    ShowReader::new(&origins, opts).read(&root, &assets)
}
