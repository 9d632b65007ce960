//! The show-file parser must answer any text with a design or an error, never a panic.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = skyshow_import::parse_show("fuzz.toml", text);
    }
});
