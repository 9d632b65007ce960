//! The `.skyc` writer and reader agree on long music: what `build` writes, `check` reads.

use skyshow_export::{SkycMeta, write_skyc};
use skyshow_model::{Drone, FlightShow, LightProgram, Limits, Segment, Trajectory, Vec3};
use skyshow_skyc::{ReadOptions, read_skyc};

/// A WAV file header for `data_len` bytes of 16-bit PCM at `rate` Hz, `channels` channels.
fn wav_header(data_len: u32, rate: u32, channels: u16) -> Vec<u8> {
    let mut h = Vec::with_capacity(44);
    h.extend_from_slice(b"RIFF");
    h.extend_from_slice(&(36 + data_len).to_le_bytes());
    h.extend_from_slice(b"WAVEfmt ");
    h.extend_from_slice(&16u32.to_le_bytes());
    h.extend_from_slice(&1u16.to_le_bytes());
    h.extend_from_slice(&channels.to_le_bytes());
    h.extend_from_slice(&rate.to_le_bytes());
    h.extend_from_slice(&(rate * u32::from(channels) * 2).to_le_bytes());
    h.extend_from_slice(&(channels * 2).to_le_bytes());
    h.extend_from_slice(&16u16.to_le_bytes());
    h.extend_from_slice(b"data");
    h.extend_from_slice(&data_len.to_le_bytes());
    h
}

#[test]
fn a_ten_minute_stereo_wav_round_trips() {
    // 10 minutes of 44.1 kHz 16-bit stereo: 105.8 MB, far above the JSON limits.
    let data_len = 600 * 44_100 * 2 * 2;
    let mut wav = wav_header(data_len, 44_100, 2);
    wav.extend((0..data_len).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    let mut tr = Trajectory::new(Vec3::ZERO);
    tr.hold_until(2.0);
    tr.push(Segment::line(
        2.0,
        7.0,
        Vec3::ZERO,
        Vec3::new(0.0, 0.0, 10.0),
    ));
    let show = FlightShow {
        title: "long music".into(),
        drones: vec![Drone {
            name: "Drone 1".into(),
            home: Vec3::ZERO,
            trajectory: tr,
            lights: LightProgram {
                steps: vec![],
                bytecode: vec![0],
            },
        }],
        ..FlightShow::default()
    };
    let meta = SkycMeta {
        limits: Limits::DEFAULT,
        origin: None,
        audio: Some((wav.clone(), "audio/wav".into(), "theme.wav".into(), 0.0)),
        rth_plans: Vec::new(),
    };
    let skyc = write_skyc(&show, &meta);
    let read =
        read_skyc(&skyc, &ReadOptions::DEFAULT).expect("the reader takes what the writer wrote");
    let audio = read.audio.expect("media.audio");
    assert_eq!(audio.bytes.len(), wav.len());
    assert!(audio.bytes == wav, "the music is embedded as given");
    assert_eq!(audio.media_type.as_deref(), Some("audio/wav"));
    assert_eq!(read.show.drones.len(), 1);
}
