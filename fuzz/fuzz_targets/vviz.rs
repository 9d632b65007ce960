//! The VVIZ reader must answer any bytes with a show or an error.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = skyshow_skyc::read_vviz(data, &skyshow_skyc::ReadOptions::default());
});
