//! The light-program decoder must answer any bytecode with steps or an error, in bounded time.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = skyshow_skyc::decode_light_program(data, &skyshow_skyc::LightDecodeOptions::default());
});
