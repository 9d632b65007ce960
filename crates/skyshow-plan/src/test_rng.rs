//! A small seeded generator for tests (a 64-bit LCG's high bits): the same numbers on
//! every platform, without a dependency.

/// Uniform numbers in `[0, 1)` from `seed`.
pub(crate) fn uniform(mut seed: u64) -> impl FnMut() -> f64 {
    move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    }
}
