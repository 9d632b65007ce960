//! SVG import (usvg, flattening, union, colours) and sampling of any bytes.
#![no_main]
#[path = "artwork.rs"]
mod artwork;
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    artwork::run(
        "shape = \"svg\"\nfile = \"a.svg\"\nwidth_m = 40\nmode = \"both\"",
        data,
    );
});
