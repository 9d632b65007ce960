//! Audio import through symphonia: any supported file's bytes to mono `f32` at its own rate.

use std::io::Cursor;

use symphonia::core::audio::GenericAudioBufferRef;
use symphonia::core::codecs::audio::{AudioDecoder, AudioDecoderOptions};
use symphonia::core::errors::Error as SymError;
use symphonia::core::formats::probe::Hint;
use symphonia::core::formats::{FormatOptions, FormatReader, TrackType};
use symphonia::core::io::MediaSourceStream;
use symphonia::core::meta::MetadataOptions;

use skyshow_i18n::Message;

use crate::audio::{Audio, DecodeLimits};
use crate::error::MusicError;

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

/// Every packet of the file's audio track decoded and mixed down; a damaged tail after
/// good packets is dropped, a damaged start is an error.
fn decode_inner(
    bytes: &[u8],
    extension: Option<&str>,
    limits: &DecodeLimits,
) -> Result<Audio, MusicError> {
    if bytes.is_empty() {
        return Err(MusicError::Empty);
    }
    let (mut format, mut decoder, track_id, rate) = open_track(bytes, extension)?;
    let mut mix = Mixdown::new(rate);
    loop {
        let packet = match format.next_packet() {
            Ok(Some(p)) => p,
            Ok(None) => break,
            Err(SymError::IoError(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
            Err(SymError::ResetRequired) => break,
            Err(e) => {
                if mix.good_packets == 0 {
                    return Err(MusicError::Corrupt(Message::verbatim(e.to_string())));
                }
                // A damaged tail: keep what decoded.
                break;
            }
        };
        if packet.track_id != track_id {
            continue;
        }
        match decoder.decode(&packet) {
            Ok(buf) => mix.add(&buf, limits)?,
            Err(SymError::DecodeError(e)) => mix.bad_packet(e.to_string(), true)?,
            Err(SymError::IoError(e)) => mix.bad_packet(e.to_string(), false)?,
            Err(e) => return Err(MusicError::Corrupt(Message::verbatim(e.to_string()))),
        }
    }
    mix.finish()
}

/// A file's format reader, its default audio track's decoder, the track's id and the
/// sample rate its parameters state (if any).
type OpenTrack<'a> = (
    Box<dyn FormatReader + 'a>,
    Box<dyn AudioDecoder>,
    u32,
    Option<u32>,
);

/// Probes `bytes` (with the file name's `extension` as a hint) and opens a decoder for its
/// default audio track.
fn open_track<'a>(bytes: &'a [u8], extension: Option<&str>) -> Result<OpenTrack<'a>, MusicError> {
    let mss = MediaSourceStream::new(Box::new(Cursor::new(bytes)), Default::default());
    let mut hint = Hint::new();
    if let Some(ext) = extension {
        hint.with_extension(ext);
    }
    let format = symphonia::default::get_probe()
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
    let decoder = symphonia::default::get_codecs()
        .make_audio_decoder(&params, &AudioDecoderOptions::default())
        .map_err(|e| MusicError::UnsupportedCodec(format!("codec {:?}: {e}", params.codec)))?;
    Ok((format, decoder, track_id, params.sample_rate))
}

/// The decoded packets mixed down to mono as they come, with the counts that decide
/// whether a file is too long, changes its rate or is corrupt.
struct Mixdown {
    mono: Vec<f32>,
    /// The last packet's interleaved samples (reused).
    interleaved: Vec<f32>,
    rate: Option<u32>,
    channels: usize,
    total_samples: u64,
    bad_packets: usize,
    good_packets: usize,
    last_error: String,
}

impl Mixdown {
    /// Nothing decoded yet, at the rate the track's parameters state.
    fn new(rate: Option<u32>) -> Mixdown {
        Mixdown {
            mono: Vec::new(),
            interleaved: Vec::new(),
            rate,
            channels: 0,
            total_samples: 0,
            bad_packets: 0,
            good_packets: 0,
            last_error: String::new(),
        }
    }

    /// Counts a packet that did not decode; a decode error when more than 100 packets and
    /// most of them did not is the end (`fatal_when_most`).
    fn bad_packet(&mut self, error: String, fatal_when_most: bool) -> Result<(), MusicError> {
        self.bad_packets += 1;
        self.last_error = error;
        if fatal_when_most && self.bad_packets > 100 && self.bad_packets > self.good_packets {
            return Err(MusicError::Corrupt(Message::verbatim(
                self.last_error.clone(),
            )));
        }
        Ok(())
    }

    /// Checks a decoded packet's rate and channels and the limits, and appends its frames'
    /// channel means.
    fn add(
        &mut self,
        buf: &GenericAudioBufferRef<'_>,
        limits: &DecodeLimits,
    ) -> Result<(), MusicError> {
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
        match self.rate {
            Some(r0) if r0 != r && self.good_packets > 0 => {
                return Err(MusicError::BadFormat(skyshow_i18n::msg!(
                    "music-err-rate-changes",
                    from = r0,
                    to = r
                )));
            }
            _ => self.rate = Some(r),
        }
        self.channels = self.channels.max(ch);
        self.good_packets += 1;
        let frames = buf.frames();
        self.total_samples += (frames * ch) as u64;
        if self.total_samples > limits.max_samples
            || (self.mono.len() + frames) as f64 > limits.max_duration_s * f64::from(r)
        {
            return Err(MusicError::TooLong {
                max_s: limits.max_duration_s,
            });
        }
        self.interleaved.clear();
        buf.copy_to_vec_interleaved(&mut self.interleaved);
        let scale = 1.0 / ch as f32;
        self.mono.extend(
            self.interleaved
                .chunks_exact(ch)
                .map(|f| f.iter().sum::<f32>() * scale),
        );
        Ok(())
    }

    /// The audio decoded, with non-finite samples zeroed; an error when nothing decoded or
    /// the rate is unknown.
    fn finish(self) -> Result<Audio, MusicError> {
        let mut mono = self.mono;
        if mono.is_empty() {
            return Err(if self.good_packets == 0 && self.bad_packets > 0 {
                MusicError::Corrupt(Message::verbatim(self.last_error))
            } else {
                MusicError::Corrupt(skyshow_i18n::msg!("music-err-nothing-decoded"))
            });
        }
        let sample_rate = self.rate.unwrap_or(0);
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
            channels: self.channels,
        })
    }
}
