//! PNG/JPEG import (decode, threshold contours, density) and sampling of any bytes.
#![no_main]
#[path = "artwork.rs"]
mod artwork;
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    artwork::run(
        "shape = \"image\"\nfile = \"a.png\"\nwidth_m = 40\nmode = \"both\"",
        data,
    );
    artwork::run(
        "shape = \"image\"\nfile = \"a.png\"\nwidth_m = 40\nmode = \"fill\"\nsample = \"density\"\ninvert = true",
        data,
    );
});
