//! The `.skyc` reader must answer any bytes with a show or an error, never a panic or hang.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = skyshow_skyc::read_skyc(data, &skyshow_skyc::ReadOptions::default());
});
