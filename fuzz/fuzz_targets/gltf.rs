//! glTF 2.0 import (`.gltf` JSON, whose external buffers read as the same bytes, and `.glb`
//! binary) and sampling of any bytes.
#![no_main]
#[path = "artwork.rs"]
mod artwork;
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    artwork::run(
        "shape = \"mesh\"\nfile = \"a.gltf\"\nsize_m = 40\nmode = \"surface\"",
        data,
    );
    artwork::run(
        "shape = \"mesh\"\nfile = \"a.glb\"\nsize_m = 40\nmode = \"vertices\"",
        data,
    );
});
