//! `Music`: the soundtrack embedded in the preview page.

/// The show's music, embedded in the page (base64) and played in sync with the show.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Music<'a> {
    /// The encoded audio file as it is on disk (MP3, Ogg, WAV, …).
    pub bytes: &'a [u8],
    /// Its MIME type, e.g. `audio/mpeg`, `audio/ogg`, `audio/wav`.
    pub mime: &'a str,
    /// Show time at which the music starts, seconds. Usually 0.
    pub offset_s: f64,
    /// Peak level (0–1) per `waveform_bucket_s` of music from its start, drawn under the
    /// timeline; empty = no waveform.
    pub waveform: &'a [f32],
    /// Length of one waveform bucket, seconds.
    pub waveform_bucket_s: f64,
}
