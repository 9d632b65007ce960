//! Font files (TrueType, OpenType, collections) read and used to set text, then sampled.
#![no_main]
#[path = "artwork.rs"]
mod artwork;
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    artwork::run(
        "shape = \"text\"\ntext = \"Ag 1\"\nfont = \"a.ttf\"\nwidth_m = 40\nmode = \"both\"",
        data,
    );
});
