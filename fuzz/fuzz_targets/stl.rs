//! STL import (ASCII and binary) and sampling of any bytes.
#![no_main]
#[path = "artwork.rs"]
mod artwork;
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    artwork::run(
        "shape = \"mesh\"\nfile = \"a.stl\"\nsize_m = 40\nmode = \"surface\"",
        data,
    );
    artwork::run(
        "shape = \"mesh\"\nfile = \"a.stl\"\nsize_m = 40\nmode = \"vertices\"",
        data,
    );
});
