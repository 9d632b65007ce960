//! OBJ import (vertices, faces, colours, a material library of the same bytes) and sampling.
#![no_main]
#[path = "artwork.rs"]
mod artwork;
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    artwork::run(
        "shape = \"mesh\"\nfile = \"a.obj\"\nsize_m = 40\nmode = \"surface\"",
        data,
    );
    artwork::run(
        "shape = \"mesh\"\nfile = \"a.obj\"\nsize_m = 40\nmode = \"volume\"",
        data,
    );
});
