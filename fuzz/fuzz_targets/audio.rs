//! Audio import must answer any bytes with samples or an error (WAV, FLAC, OGG, MP3 probes).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    for ext in [None, Some("wav"), Some("mp3"), Some("flac"), Some("ogg")] {
        let _ = skyshow_music::decode_audio(data, ext, &skyshow_music::DecodeLimits::DEFAULT);
    }
});
