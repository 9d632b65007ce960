//! What can go wrong with music: each variant says what is wrong, never where (the caller
//! knows the file name and adds it).

use thiserror::Error;

/// An error from audio import, beat analysis or musical time.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum MusicError {
    /// No bytes at all.
    #[error("the audio file is empty")]
    Empty,
    /// The container is none of the supported ones.
    #[error("not a readable audio file (WAV, FLAC, OGG/Vorbis or MP3 expected): {0}")]
    UnrecognisedFormat(String),
    /// The container holds no audio track.
    #[error("the file holds no audio track")]
    NoAudioTrack,
    /// The audio track uses a codec this build cannot decode.
    #[error("unknown or unsupported audio codec ({0}); use WAV, FLAC, OGG/Vorbis or MP3")]
    UnsupportedCodec(String),
    /// The stream is damaged.
    #[error("corrupt audio data: {0}")]
    Corrupt(String),
    /// Longer than the import allows.
    #[error("the audio is longer than the {max_s:.0} s allowed")]
    TooLong {
        /// The limit in seconds.
        max_s: f64,
    },
    /// A sample rate or channel count no real file has.
    #[error("implausible audio format: {0}")]
    BadFormat(String),
    /// Silence, or nothing rhythmic: no beat could be found.
    #[error("no beats found: the audio is silent or has no rhythm to track")]
    NoBeats,
    /// Manual beat overrides that cannot describe a beat grid.
    #[error("invalid beat override: {0}")]
    BadOverride(String),
    /// A `bar.beat` that is not one.
    #[error("`{text}` is not a bar.beat time (like `33.1`): {why}")]
    BadBarBeat {
        /// What was given.
        text: String,
        /// Why it is not one.
        why: String,
    },
    /// A `bar.beat` before the first beat listed: for music that starts before the show,
    /// a bar that is over before the show starts. (Its text for users is the caller's: a
    /// show file's `time-bar-before-show`.)
    #[error("`{bar}.{beat}` < `{first_bar}.1`")]
    BeforeStart {
        /// The bar asked for (1-based).
        bar: u32,
        /// The beat asked for (1-based).
        beat: u32,
        /// The first bar whose downbeat is in the show.
        first_bar: u32,
    },
    /// A `bar.beat` after the last beat of the music.
    #[error(
        "bar {bar} beat {beat} is past the end of the music (it has {bars} bars, the last beat at {last_beat_s:.3} s)"
    )]
    PastEnd {
        /// The bar asked for (1-based).
        bar: u32,
        /// The beat asked for (1-based).
        beat: u32,
        /// How many bars the analysis has (counting a final partial bar).
        bars: usize,
        /// The time of the last beat.
        last_beat_s: f64,
    },
}
