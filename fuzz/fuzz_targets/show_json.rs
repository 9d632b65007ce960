//! The bare `show.json` reader must answer any bytes with a show or an error.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = skyshow_skyc::read_show_json(data, &skyshow_skyc::ReadOptions::default());
});
