//! glTF animation reading (node channels through the hierarchy, skins, morph targets; step,
//! linear and cubic-spline samplers) and the clip's frames sampled for the drones that ride
//! it, from any bytes: the first animation played on a surface, a named one looped from a
//! later start on a volume, a slower playback and `"fit"`.
#![no_main]
#[path = "artwork.rs"]
mod artwork;
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    artwork::run(
        "shape = \"mesh\"\nfile = \"a.glb\"\nsize_m = 40\nmode = \"surface\"\nanimation = true",
        data,
    );
    artwork::run(
        "shape = \"mesh\"\nfile = \"a.gltf\"\nsize_m = 40\nmode = \"volume\"\n\
         animation = \"Bend\"\nanimation_start_s = 0.5\nanimation_loop = true",
        data,
    );
    artwork::run(
        "shape = \"mesh\"\nfile = \"a.glb\"\nsize_m = 40\nmode = \"surface\"\n\
         animation_speed = \"fit\"",
        data,
    );
});
