//! `Audio`: the soundtrack a show file carries (`media.audio`).

/// The show's soundtrack.
#[derive(Clone, Debug, PartialEq)]
pub struct Audio {
    /// The encoded audio file, as stored.
    pub bytes: Vec<u8>,
    /// Its media type (`audio/mpeg`, …), if the file says.
    pub media_type: Option<String>,
    /// Show time at which the audio starts, seconds (`startTime`, default 0).
    pub start_time_s: f64,
    /// Original file name, if the file says.
    pub filename: Option<String>,
}
