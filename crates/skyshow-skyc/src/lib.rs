//! Reading Skybrush `.skyc` show files — any of them, inline or `$ref` layout — into the
//! model, with the format's rules checked.
//!
//! - [`read_skyc`]: a ZIP archive with `show.json` at its root; JSON references
//!   (`{"$ref": "./drones/drone_01/trajectory.json#"}`) are resolved inside the archive.
//! - [`read_show_json`]: a bare `show.json` (inline data only).
//! - [`read_skybrush_csv_zip`], [`read_skybrush_static_csv`]: Skybrush Studio's CSV shows
//!   (a ZIP of per-drone CSVs, or static markers).
//! - [`read_vviz`]: the VVIZ interchange JSON that Finale 3D imports (as `build` writes it).
//! - [`decode_light_program`]: light bytecode to [`LightStep`](skyshow_model::LightStep)s.
//!
//! What Skybrush's loader rejects is a [`SkycError`]; what it tolerates but its format rules
//! forbid is a [`FormatFinding`]. Hostile input (zip bombs, reference cycles, absurd numbers,
//! endless light loops) gives errors, never a panic or a hang: see [`ReadOptions`] and
//! [`LightDecodeOptions`]. No I/O happens here: callers pass bytes.

mod archive;
mod audio;
mod compact_points;
mod decimal_quantum;
mod error;
mod finding;
mod geofence_reader;
mod json_path;
mod light_decode;
mod light_error;
mod light_options;
mod light_settings;
mod options;
mod resolver;
mod rth_reader;
mod show_reader;
mod skybrush_csv;
mod skyc_show;
mod trajectory_reader;
mod validation_settings;
mod vviz_reader;

pub use audio::Audio;
pub use error::SkycError;
pub use finding::FormatFinding;
pub use light_decode::{DecodedLights, decode_light_program, decode_light_program_detailed};
pub use light_error::LightDecodeError;
pub use light_options::LightDecodeOptions;
pub use options::ReadOptions;
pub use skybrush_csv::{
    CsvTrack, is_skybrush_csv_zip, read_skybrush_csv_tracks, read_skybrush_csv_zip,
    read_skybrush_static_csv,
};
pub use skyc_show::SkycShow;
pub use vviz_reader::{is_vviz, read_vviz};

use archive::Archive;
use compact_points::PointTable;
use json_path::JsonPath;
use resolver::{Resolver, has_same_doc_ref, parse_json, parse_json_compact};
pub use show_reader::SKYBRUSH_MAX_DRONES;
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
            Some(n) => skyshow_i18n::msg!("skyc-hint-not-at-root", path = *n),
            None => archive::holds_hint(&names),
        };
        return Err(SkycError::MissingMember {
            name: SHOW_JSON.into(),
            hint,
        });
    }
    let raw = archive.read(SHOW_JSON)?;
    let (mut root, table) = parse_root(&raw)?;
    drop(raw);
    let mut resolver = Resolver::new(Some(&mut archive), expansion_limit(opts));
    resolver.table = table;
    resolver.resolve_root(SHOW_JSON, &mut root)?;
    let (origins, assets, table) = (resolver.origins, resolver.assets, resolver.table);
    ShowReader::new(&origins, opts).read(&root, &assets, &table)
}

/// Most bytes `$ref`s may substitute.
fn expansion_limit(opts: &ReadOptions) -> u64 {
    opts.max_uncompressed_bytes.min(opts.max_expanded_bytes)
}

/// Parses `show.json`, with trajectory points compacted unless the document refers into
/// itself (then the references must see the plain JSON).
fn parse_root(bytes: &[u8]) -> Result<(serde_json::Value, PointTable), SkycError> {
    let mut table = PointTable::default();
    let root = parse_json_compact(SHOW_JSON, bytes, &JsonPath::root(), &mut table)?;
    if !table.entries.is_empty() && has_same_doc_ref(&root) {
        return Ok((parse_json(SHOW_JSON, bytes)?, PointTable::default()));
    }
    Ok((root, table))
}

/// Reads a bare `show.json` (everything inline; references may only point inside it).
pub fn read_show_json(bytes: &[u8], opts: &ReadOptions) -> Result<SkycShow, SkycError> {
    if bytes.len() as u64 > opts.max_uncompressed_bytes {
        return Err(SkycError::TooLarge {
            member: SHOW_JSON.into(),
            limit: opts.max_uncompressed_bytes,
            detail: skyshow_i18n::msg!("skyc-detail-has", bytes = bytes.len().to_string()),
        });
    }
    read_bare(bytes, opts, true)
}

/// [`read_show_json`], optionally without the compact point parse (to test that both ways
/// agree).
fn read_bare(bytes: &[u8], opts: &ReadOptions, compact: bool) -> Result<SkycShow, SkycError> {
    let (mut root, table) = if compact {
        parse_root(bytes)?
    } else {
        (parse_json(SHOW_JSON, bytes)?, PointTable::default())
    };
    let mut resolver = Resolver::new(None, expansion_limit(opts));
    resolver.table = table;
    resolver.resolve_root(SHOW_JSON, &mut root)?;
    let (origins, assets, table) = (resolver.origins, resolver.assets, resolver.table);
    ShowReader::new(&origins, opts).read(&root, &assets, &table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_and_plain_points_read_the_same() {
        let json = br#"{"version": 1, "swarm": {"drones": [
            {"settings": {"trajectory": {"version": 1, "takeoffTime": 3, "points": [
                [0, [0, 0, 0], [[9, 9, 9]]], [1, [0, 0, 1]], [2, [1, 0, 2], [[0, 0, 1.5]]],
                [3, [2, 0, 2], [[1, 1, 2], [2, 1, 2]]], [3.0001, [2, 0, 2], []], [2.5, [0, 0, 0], []],
                [5, [2, 2, 2], [[2, 0, 2], [2, 1, 2], [2, 2, 2]]]]}}},
            {"settings": {"trajectory": {"version": 1, "points": [[0, [5, 5, 0], []]]}}}]}}"#;
        let a = read_bare(json, &ReadOptions::DEFAULT, true).unwrap();
        let b = read_bare(json, &ReadOptions::DEFAULT, false).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.show.drones[0].trajectory.segments.len(), 5);
        for bad in [
            &br#"{"version": 1, "swarm": {"drones": [{"settings": {"trajectory": {"version": 1, "points": [[0, [0, 0, 1e300]]]}}}]}}"#[..],
            &br#"{"version": 1, "swarm": {"drones": [{"settings": {"trajectory": {"version": 1, "points": [[1e100, [0, 0, 0]]]}}}]}}"#[..],
        ] {
            let a = read_bare(bad, &ReadOptions::DEFAULT, true).unwrap_err();
            let b = read_bare(bad, &ReadOptions::DEFAULT, false).unwrap_err();
            assert_eq!(a.to_string().split(';').next(), b.to_string().split(';').next());
        }
    }
}
