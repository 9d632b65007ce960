//! An LTC (SMPTE linear timecode) audio track as a WAV file.

use crate::{PyroError, Timecode};
use skyshow_i18n::msg;

/// Settings for [`ltc_wav`].
#[derive(Clone, Debug, PartialEq)]
pub struct LtcOptions {
    /// Frame rate, 25 or 30 (non-drop). Default 25.
    pub fps: u32,
    /// Show time of the first sample, seconds. Default 0.
    pub start_s: f64,
    /// Length of the audio, seconds (rounded up to whole frames). Default 60.
    pub duration_s: f64,
    /// Timecode at show time 0, seconds (e.g. 36 000 to start at 10:00:00:00). Default 0.
    pub offset_s: f64,
    /// Peak amplitude, 0–1 of full scale. Default 0.5.
    pub amplitude: f64,
}

impl Default for LtcOptions {
    fn default() -> Self {
        LtcOptions {
            fps: 25,
            start_s: 0.0,
            duration_s: 60.0,
            offset_s: 0.0,
            amplitude: 0.5,
        }
    }
}

/// Sample rate of the LTC WAV, Hz.
pub const LTC_SAMPLE_RATE: u32 = 48_000;

/// SMPTE LTC, biphase-mark encoded, as a 48 kHz 16-bit mono PCM WAV: 80 bits per frame
/// (24 samples per bit at 25 fps, 20 at 30 fps), LSB first, sync word
/// `0011 1111 1111 1101` at bits 64–79, user bits 0, the polarity-correction bit set so
/// every frame has an even number of zeros. The first frame is the one containing
/// `start_s + offset_s`. Errors on an unsupported frame rate or a bad length (up to 4 h).
pub fn ltc_wav(options: &LtcOptions) -> Result<Vec<u8>, PyroError> {
    let fps = options.fps;
    if fps != 25 && fps != 30 {
        return Err(PyroError::InvalidOption {
            what: msg!("pyro-option-ltc-fps"),
            message: msg!("pyro-fps-unsupported", fps = fps),
            hint: msg!("pyro-ltc-fps-values"),
        });
    }
    let ok = |v: f64| v.is_finite();
    if !(ok(options.start_s)
        && ok(options.offset_s)
        && options.duration_s > 0.0
        && options.duration_s <= 4.0 * 3600.0
        && options.start_s + options.offset_s >= 0.0)
    {
        return Err(PyroError::InvalidOption {
            what: skyshow_i18n::Message::verbatim("LTC"),
            message: msg!(
                "pyro-ltc-times",
                start = options.start_s,
                duration = options.duration_s,
                offset = options.offset_s
            ),
            hint: msg!("pyro-ltc-times-hint"),
        });
    }
    let amp = (options.amplitude.clamp(0.0, 1.0) * 32767.0).round() as i16;
    let samples_per_bit = (LTC_SAMPLE_RATE / (fps * 80)) as usize;
    let frames = (options.duration_s * f64::from(fps)).ceil() as u64;
    let first = Timecode::frame_at(options.start_s + options.offset_s, fps);
    let n_samples = frames as usize * 80 * samples_per_bit;
    let mut pcm = Vec::with_capacity(n_samples * 2);
    let mut level: i16 = -amp;
    let half = samples_per_bit / 2;
    for f in 0..frames {
        let bits = frame_bits(Timecode::from_frame(first + f, fps), fps);
        for bit in bits {
            level = -level;
            for _ in 0..half {
                pcm.extend_from_slice(&level.to_le_bytes());
            }
            if bit {
                level = -level;
            }
            for _ in half..samples_per_bit {
                pcm.extend_from_slice(&level.to_le_bytes());
            }
        }
    }
    Ok(wav(&pcm))
}

/// The 80 bits of one LTC frame, bit 0 first.
pub(crate) fn frame_bits(tc: Timecode, fps: u32) -> [bool; 80] {
    let mut b = [false; 80];
    let mut put = |start: usize, len: usize, v: u32| {
        for i in 0..len {
            b[start + i] = (v >> i) & 1 == 1;
        }
    };
    put(0, 4, tc.frames % 10);
    put(8, 2, tc.frames / 10);
    put(16, 4, tc.seconds % 10);
    put(24, 3, tc.seconds / 10);
    put(32, 4, tc.minutes % 10);
    put(40, 3, tc.minutes / 10);
    put(48, 4, tc.hours % 10);
    put(56, 2, tc.hours / 10);
    // Sync word, bits 64–79: 0011 1111 1111 1101.
    put(64, 16, 0b1011_1111_1111_1100);
    let polarity_bit = if fps == 25 { 59 } else { 27 };
    let zeros = b.iter().filter(|&&x| !x).count();
    if zeros % 2 == 1 {
        b[polarity_bit] = true;
    }
    b
}

fn wav(pcm: &[u8]) -> Vec<u8> {
    let mut w = Vec::with_capacity(44 + pcm.len());
    let data_len = pcm.len() as u32;
    w.extend_from_slice(b"RIFF");
    w.extend_from_slice(&(36 + data_len).to_le_bytes());
    w.extend_from_slice(b"WAVEfmt ");
    w.extend_from_slice(&16u32.to_le_bytes());
    w.extend_from_slice(&1u16.to_le_bytes()); // PCM
    w.extend_from_slice(&1u16.to_le_bytes()); // mono
    w.extend_from_slice(&LTC_SAMPLE_RATE.to_le_bytes());
    w.extend_from_slice(&(LTC_SAMPLE_RATE * 2).to_le_bytes());
    w.extend_from_slice(&2u16.to_le_bytes());
    w.extend_from_slice(&16u16.to_le_bytes());
    w.extend_from_slice(b"data");
    w.extend_from_slice(&data_len.to_le_bytes());
    w.extend_from_slice(pcm);
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_bits_layout() {
        let tc = Timecode {
            hours: 1,
            minutes: 23,
            seconds: 45,
            frames: 17,
        };
        let b = frame_bits(tc, 25);
        let get = |s: usize, n: usize| (0..n).fold(0u32, |v, i| v | (u32::from(b[s + i]) << i));
        assert_eq!((get(0, 4), get(8, 2)), (7, 1));
        assert_eq!((get(16, 4), get(24, 3)), (5, 4));
        assert_eq!((get(32, 4), get(40, 3)), (3, 2));
        assert_eq!((get(48, 4), get(56, 2)), (1, 0));
        let sync: String = b[64..].iter().map(|&x| if x { '1' } else { '0' }).collect();
        assert_eq!(sync, "0011111111111101");
        assert_eq!(b.iter().filter(|&&x| !x).count() % 2, 0);
    }
}
