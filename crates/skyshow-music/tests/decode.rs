//! Audio import: WAV round trips through `hound`, and bad input gives errors that say what
//! is wrong, never a panic.

use std::io::Cursor;

use proptest::prelude::*;
use skyshow_music::{
    Audio, BeatOptions, DecodeLimits, MusicError, TrackSpec, analyze_beats, decode_audio,
    f_measure, synthesize, waveform_summary,
};

fn wav_i16(samples: &[f32], rate: u32, channels: u16) -> Vec<u8> {
    let spec = hound::WavSpec {
        channels,
        sample_rate: rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut cur = Cursor::new(Vec::new());
    let mut w = hound::WavWriter::new(&mut cur, spec).unwrap();
    for &s in samples {
        for _ in 0..channels {
            w.write_sample((s * 32767.0) as i16).unwrap();
        }
    }
    w.finalize().unwrap();
    cur.into_inner()
}

fn wav_f32(samples: &[f32], rate: u32) -> Vec<u8> {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: rate,
        bits_per_sample: 32,
        sample_format: hound::SampleFormat::Float,
    };
    let mut cur = Cursor::new(Vec::new());
    let mut w = hound::WavWriter::new(&mut cur, spec).unwrap();
    for &s in samples {
        w.write_sample(s).unwrap();
    }
    w.finalize().unwrap();
    cur.into_inner()
}

#[test]
fn stereo_16_bit_wav_round_trips_and_tracks() {
    let track = synthesize(&TrackSpec {
        sample_rate: 44_100,
        ..TrackSpec::drums(124.0)
    });
    let bytes = wav_i16(&track.samples, 44_100, 2);
    let audio = decode_audio(&bytes, Some("wav"), &DecodeLimits::DEFAULT).unwrap();
    assert_eq!(audio.sample_rate, 44_100);
    assert_eq!(audio.channels, 2);
    assert_eq!(audio.samples.len(), track.samples.len());
    let err = audio
        .samples
        .iter()
        .zip(&track.samples)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0f32, f32::max);
    assert!(err < 1e-3, "max error {err}");
    let a = analyze_beats(&audio, &BeatOptions::DEFAULT).unwrap();
    assert!(f_measure(&track.beats_s, &a.beats_s, 0.07) >= 0.95);
}

#[test]
fn float_wav_round_trips_exactly() {
    let track = synthesize(&TrackSpec {
        duration_s: 3.0,
        ..TrackSpec::clicks(100.0)
    });
    let bytes = wav_f32(&track.samples, track.sample_rate);
    let audio = decode_audio(&bytes, None, &DecodeLimits::DEFAULT).unwrap();
    assert_eq!(audio.samples, track.samples);
    let w = waveform_summary(&audio, 0.01, 2.5);
    assert_eq!(w.min.len(), 300);
    assert!((w.bucket_s - 0.01).abs() < 1e-3);
    assert_eq!(w.offset_s, 2.5);
    assert!(w.max.iter().copied().fold(0.0f32, f32::max) > 0.5);
    assert!(w.rms.iter().all(|r| r.is_finite() && *r >= 0.0));
}

#[test]
fn empty_input_says_empty() {
    let e = decode_audio(&[], None, &DecodeLimits::DEFAULT).unwrap_err();
    assert_eq!(e, MusicError::Empty);
    assert!(e.to_string().contains("empty"));
}

#[test]
fn garbage_says_not_an_audio_file() {
    let bytes: Vec<u8> = (0..5000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let e = decode_audio(&bytes, None, &DecodeLimits::DEFAULT).unwrap_err();
    assert!(e.to_string().contains("not a readable audio file"), "{e}");
}

#[test]
fn truncated_wav_is_an_error_not_a_panic() {
    let track = synthesize(&TrackSpec {
        duration_s: 1.0,
        ..TrackSpec::clicks(100.0)
    });
    let bytes = wav_i16(&track.samples, track.sample_rate, 1);
    for cut in [8, 20, 40, 44] {
        let e = decode_audio(&bytes[..cut], Some("wav"), &DecodeLimits::DEFAULT).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("not a readable audio file") || msg.contains("corrupt"),
            "cut {cut}: {msg}"
        );
    }
}

#[test]
fn unknown_codec_says_so() {
    // A WAV declaring IMA ADPCM (format tag 0x11), which this build does not decode.
    let mut b = Vec::new();
    b.extend_from_slice(b"RIFF");
    b.extend_from_slice(&(4u32 + 8 + 20 + 8 + 1024).to_le_bytes());
    b.extend_from_slice(b"WAVEfmt ");
    b.extend_from_slice(&20u32.to_le_bytes());
    b.extend_from_slice(&0x11u16.to_le_bytes()); // IMA ADPCM
    b.extend_from_slice(&1u16.to_le_bytes()); // channels
    b.extend_from_slice(&22_050u32.to_le_bytes());
    b.extend_from_slice(&11_100u32.to_le_bytes());
    b.extend_from_slice(&256u16.to_le_bytes()); // block align
    b.extend_from_slice(&4u16.to_le_bytes()); // bits
    b.extend_from_slice(&2u16.to_le_bytes()); // extra size
    b.extend_from_slice(&505u16.to_le_bytes()); // samples per block
    b.extend_from_slice(b"data");
    b.extend_from_slice(&1024u32.to_le_bytes());
    b.extend(std::iter::repeat_n(0u8, 1024));
    let e = decode_audio(&b, Some("wav"), &DecodeLimits::DEFAULT).unwrap_err();
    let msg = e.to_string();
    assert!(matches!(e, MusicError::UnsupportedCodec(_)), "{msg}");
    assert!(msg.contains("unsupported audio codec"), "{msg}");
}

#[test]
fn silence_says_no_beats() {
    let bytes = wav_i16(&vec![0.0; 22_050 * 5], 22_050, 1);
    let audio = decode_audio(&bytes, None, &DecodeLimits::DEFAULT).unwrap();
    let e = analyze_beats(&audio, &BeatOptions::DEFAULT).unwrap_err();
    assert_eq!(e, MusicError::NoBeats);
    assert!(e.to_string().contains("no beats found"));
}

#[test]
fn too_long_is_refused() {
    let bytes = wav_i16(&vec![0.1; 8000 * 3], 8000, 1);
    let limits = DecodeLimits {
        max_duration_s: 2.0,
        ..DecodeLimits::DEFAULT
    };
    let e = decode_audio(&bytes, None, &limits).unwrap_err();
    assert!(matches!(e, MusicError::TooLong { .. }), "{e}");
    assert!(e.to_string().contains("longer than"));
}

#[test]
fn audio_duration() {
    let a = Audio {
        sample_rate: 8000,
        samples: vec![0.0; 12_000],
        channels: 1,
    };
    assert_eq!(a.duration_s(), 1.5);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = decode_audio(&bytes, None, &DecodeLimits::DEFAULT);
    }

    #[test]
    fn damaged_wav_never_panics(
        flips in proptest::collection::vec((0usize..2000, any::<u8>()), 1..20),
        cut in 0usize..2100,
    ) {
        let track = synthesize(&TrackSpec { duration_s: 0.05, ..TrackSpec::clicks(120.0) });
        let mut bytes = wav_i16(&track.samples, track.sample_rate, 1);
        for (i, v) in flips {
            if let Some(b) = bytes.get_mut(i) {
                *b = v;
            }
        }
        bytes.truncate(cut.max(1));
        let _ = decode_audio(&bytes, Some("wav"), &DecodeLimits::DEFAULT);
    }
}

#[test]
fn flac_ogg_and_mp3_decode_and_track() {
    let reference: Vec<f64> = (0..11).map(|i| 0.5 + 0.5 * f64::from(i)).collect();
    for (name, bytes) in [
        ("flac", &include_bytes!("data/clicks120.flac")[..]),
        ("ogg", &include_bytes!("data/clicks120.ogg")[..]),
        ("mp3", &include_bytes!("data/clicks120.mp3")[..]),
    ] {
        let audio = decode_audio(bytes, Some(name), &DecodeLimits::DEFAULT)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(audio.sample_rate, 22_050, "{name}");
        assert_eq!(audio.channels, 2, "{name}");
        assert!(
            (audio.duration_s() - 6.0).abs() < 0.2,
            "{name}: {}",
            audio.duration_s()
        );
        let a = analyze_beats(&audio, &BeatOptions::DEFAULT).unwrap();
        let f = f_measure(&reference, &a.beats_s, 0.07);
        assert!(f >= 0.95, "{name}: F = {f}, beats {:?}", a.beats_s);
    }
}
