//! `Rng`: the seeded random source of every sampler. ChaCha8, so the same seed gives the same
//! points on every machine.

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng as _, SeedableRng};

/// A deterministic random stream.
pub(crate) struct Rng(ChaCha8Rng);

impl Rng {
    /// The stream for `seed`; `stream` separates independent uses of the same seed.
    pub(crate) fn new(seed: u64, stream: u64) -> Self {
        Rng(ChaCha8Rng::seed_from_u64(
            seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15),
        ))
    }

    /// Uniform in `[0, 1)`.
    pub(crate) fn f64(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in `0..n` (`n ≥ 1`).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((self.f64() * n as f64) as usize).min(n.saturating_sub(1))
    }

    /// Shuffles in place (Fisher–Yates).
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let a: Vec<f64> = {
            let mut r = Rng::new(7, 1);
            (0..5).map(|_| r.f64()).collect()
        };
        let mut r = Rng::new(7, 1);
        assert!(a.iter().all(|&x| x == r.f64() && (0.0..1.0).contains(&x)));
        assert_ne!(Rng::new(7, 2).f64(), a[0]);
    }
}
