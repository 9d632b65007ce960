//! Audio import through symphonia: any supported file's bytes to mono `f32` at its own rate.

use std::io::Cursor;

use symphonia::core::codecs::audio::AudioDecoderOptions;
use symphonia::core::errors::Error as SymError;
use symphonia::core::formats::probe::Hint;
use symphonia::core::formats::{FormatOptions, TrackType};
use symphonia::core::io::MediaSourceStream;
use symphonia::core::meta::MetadataOptions;

use skyshow_i18n::Message;

use crate::error::MusicError;

/// Caps against hostile or accidental input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DecodeLimits {
    /// Longest audio accepted, in seconds.
    pub max_duration_s: f64,
    /// Most decoded samples (all channels) accepted.
    pub max_samples: u64,
}

impl DecodeLimits {
    /// Two hours, and at most 2 h of 8 channels at 96 kHz.
    pub const DEFAULT: DecodeLimits = DecodeLimits {
        max_duration_s: 7200.0,
        max_samples: 7200 * 96_000 * 8,
    };
}

impl Default for DecodeLimits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// Decoded audio: mono samples (channel mean) at the file's rate.
#[derive(Debug, Clone, PartialEq)]
pub struct Audio {
    /// Samples per second.
    pub sample_rate: u32,
    /// Mono samples, nominally in [-1, 1].
    pub samples: Vec<f32>,
    /// Channels in the file (before the mono mix-down).
    pub channels: usize,
}

impl Audio {
    /// Length in seconds.
    pub fn duration_s(&self) -> f64 {
        if self.sample_rate == 0 {
            return 0.0;
        }
        self.samples.len() as f64 / f64::from(self.sample_rate)
    }
}

/// Decodes WAV, FLAC, OGG/Vorbis or MP3 bytes to mono `f32`. `extension` (like `"mp3"`) is
/// a hint for formats without a signature; the bytes decide.
///
/// A panic inside the decoder on malformed data (a bug in it) is caught and reported as
/// corrupt data.
pub fn decode_audio(
    bytes: &[u8],
    extension: Option<&str>,
    limits: &DecodeLimits,
) -> Result<Audio, MusicError> {
    std::panic::catch_unwind(|| decode_inner(bytes, extension, limits)).unwrap_or_else(|_| {
        Err(MusicError::Corrupt(skyshow_i18n::msg!(
            "music-err-decoder-failed"
        )))
    })
}

fn decode_inner(
    bytes: &[u8],
    extension: Option<&str>,
    limits: &DecodeLimits,
) -> Result<Audio, MusicError> {
    if bytes.is_empty() {
        return Err(MusicError::Empty);
    }
    let mss = MediaSourceStream::new(Box::new(Cursor::new(bytes)), Default::default());
    let mut hint = Hint::new();
    if let Some(ext) = extension {
        hint.with_extension(ext);
    }
    let mut format = symphonia::default::get_probe()
        .probe(
            &hint,
            mss,
            FormatOptions::default(),
            MetadataOptions::default(),
        )
        .map_err(|e| match e {
            SymError::Unsupported(m) if m.contains("unsupported") => {
                MusicError::UnsupportedCodec(m.to_string())
            }
            e => MusicError::UnrecognisedFormat(e.to_string()),
        })?;
    let track = format
        .default_track(TrackType::Audio)
        .ok_or(MusicError::NoAudioTrack)?;
    let params = track
        .codec_params
        .as_ref()
        .and_then(|p| p.audio())
        .ok_or(MusicError::NoAudioTrack)?
        .clone();
    let track_id = track.id;
    let mut decoder = symphonia::default::get_codecs()
        .make_audio_decoder(&params, &AudioDecoderOptions::default())
        .map_err(|e| MusicError::UnsupportedCodec(format!("codec {:?}: {e}", params.codec)))?;

    let mut mono: Vec<f32> = Vec::new();
    let mut interleaved: Vec<f32> = Vec::new();
    let mut rate: Option<u32> = params.sample_rate;
    let mut channels = 0usize;
    let mut total_samples = 0u64;
    let mut bad_packets = 0usize;
    let mut good_packets = 0usize;
    let mut last_error = String::new();
    loop {
        let packet = match format.next_packet() {
            Ok(Some(p)) => p,
            Ok(None) => break,
            Err(SymError::IoError(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
            Err(SymError::ResetRequired) => break,
            Err(e) => {
                if good_packets == 0 {
                    return Err(MusicError::Corrupt(Message::verbatim(e.to_string())));
                }
                // A damaged tail: keep what decoded.
                break;
            }
        };
        if packet.track_id != track_id {
            continue;
        }
        let buf = match decoder.decode(&packet) {
            Ok(b) => b,
            Err(SymError::DecodeError(e)) => {
                bad_packets += 1;
                last_error = e.to_string();
                if bad_packets > 100 && bad_packets > good_packets {
                    return Err(MusicError::Corrupt(Message::verbatim(last_error)));
                }
                continue;
            }
            Err(SymError::IoError(e)) => {
                bad_packets += 1;
                last_error = e.to_string();
                continue;
            }
            Err(e) => return Err(MusicError::Corrupt(Message::verbatim(e.to_string()))),
        };
        let spec = buf.spec();
        let r = spec.rate();
        let ch = spec.channels().count();
        if r == 0 || r > 768_000 {
            return Err(MusicError::BadFormat(skyshow_i18n::msg!(
                "music-err-sample-rate",
                rate = r
            )));
        }
        if ch == 0 || ch > 64 {
            return Err(MusicError::BadFormat(skyshow_i18n::msg!(
                "music-err-channels",
                channels = ch
            )));
        }
        match rate {
            Some(r0) if r0 != r && good_packets > 0 => {
                return Err(MusicError::BadFormat(skyshow_i18n::msg!(
                    "music-err-rate-changes",
                    from = r0,
                    to = r
                )));
            }
            _ => rate = Some(r),
        }
        channels = channels.max(ch);
        good_packets += 1;
        let frames = buf.frames();
        total_samples += (frames * ch) as u64;
        if total_samples > limits.max_samples
            || (mono.len() + frames) as f64 > limits.max_duration_s * f64::from(r)
        {
            return Err(MusicError::TooLong {
                max_s: limits.max_duration_s,
            });
        }
        interleaved.clear();
        buf.copy_to_vec_interleaved(&mut interleaved);
        let scale = 1.0 / ch as f32;
        mono.extend(
            interleaved
                .chunks_exact(ch)
                .map(|f| f.iter().sum::<f32>() * scale),
        );
    }
    if mono.is_empty() {
        return Err(if good_packets == 0 && bad_packets > 0 {
            MusicError::Corrupt(Message::verbatim(last_error))
        } else {
            MusicError::Corrupt(skyshow_i18n::msg!("music-err-nothing-decoded"))
        });
    }
    let sample_rate = rate.unwrap_or(0);
    if sample_rate == 0 {
        return Err(MusicError::BadFormat(skyshow_i18n::msg!(
            "music-err-unknown-rate"
        )));
    }
    for s in &mut mono {
        if !s.is_finite() {
            *s = 0.0;
        }
    }
    Ok(Audio {
        sample_rate,
        samples: mono,
        channels,
    })
}

/// The preview's waveform: min, max and RMS per bucket.
#[derive(Debug, Clone, PartialEq)]
pub struct WaveformSummary {
    /// Bucket length in seconds (the last bucket may be shorter).
    pub bucket_s: f64,
    /// Music offset: show time of the first bucket's start.
    pub offset_s: f64,
    /// Smallest sample per bucket.
    pub min: Vec<f32>,
    /// Largest sample per bucket.
    pub max: Vec<f32>,
    /// Root mean square per bucket.
    pub rms: Vec<f32>,
}

/// Summarises `audio` in buckets of `bucket_s` seconds (10 ms is a good default) placed at
/// show time `offset_s` (the music offset: when the music starts in the show).
pub fn waveform_summary(audio: &Audio, bucket_s: f64, offset_s: f64) -> WaveformSummary {
    let n = ((bucket_s.max(1e-4) * f64::from(audio.sample_rate)).round() as usize).max(1);
    let mut out = WaveformSummary {
        bucket_s: n as f64 / f64::from(audio.sample_rate.max(1)),
        offset_s,
        min: Vec::new(),
        max: Vec::new(),
        rms: Vec::new(),
    };
    for chunk in audio.samples.chunks(n) {
        let (mut lo, mut hi, mut sq) = (f32::INFINITY, f32::NEG_INFINITY, 0.0f64);
        for &s in chunk {
            lo = lo.min(s);
            hi = hi.max(s);
            sq += f64::from(s) * f64::from(s);
        }
        out.min.push(lo);
        out.max.push(hi);
        out.rms.push((sq / chunk.len() as f64).sqrt() as f32);
    }
    out
}
