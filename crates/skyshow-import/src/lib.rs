//! Import: the show file and the files it names, lowered once into a [`ShowDesign`].
//!
//! This crate is the input edge of the pipeline: it reads files, and every error it
//! returns names the file and, for the show file, the line, column and offending span
//! with a hint (via `miette`). Nothing downstream sees TOML or CSV.

mod color;
mod error;
mod input_file;
mod number;
mod points_csv;
mod rigged_tube;
mod show_file;
mod time;
mod track_csv;

pub use color::{CHINESE_NAMES, PALETTE, color_hint, parse_color};
pub use error::{ImportError, ShowFileError, SourceMap};
pub use input_file::{MAX_INPUT_BYTES, read_input};
pub use points_csv::{PointsCsv, parse_points_csv};
pub use rigged_tube::RiggedTube;
pub use show_file::{
    Fireworks, LoadedShow, PyroDesign, load_show, load_show_cached, parse_show, parse_show_cached,
    parse_show_with,
};
pub use time::parse_time;
pub use track_csv::{TrackCsv, parse_track_csv};

pub use skyshow_model::ShowDesign;
