//! `WideHasher`: a 128-bit hash of a cache entry's inputs (two independent SipHashes with
//! fixed keys: the same on every run), fed raw bytes, point lists as their bits, and text
//! through `std::fmt::Write` (so `Debug` output is hashed as it is written, never held).
//!
//! What it is fed is gathered in a buffer and hashed in large blocks: SipHash's value
//! depends only on the bytes, not on how they are cut, and a call per number or per piece
//! of `Debug` text costs more than the hashing itself.

use std::hash::{DefaultHasher, Hasher};

use skyshow_model::Vec3;

/// Bytes gathered before they are hashed.
const BLOCK: usize = 1 << 16;

/// Two independent 64-bit SipHashes of the same text: a 128-bit key.
pub struct WideHasher {
    hashers: [DefaultHasher; 2],
    pending: Vec<u8>,
}

impl WideHasher {
    /// A hasher fed nothing yet.
    pub fn new() -> Self {
        let mut h = [DefaultHasher::new(), DefaultHasher::new()];
        h[0].write_u8(1);
        h[1].write_u8(2);
        WideHasher {
            hashers: h,
            pending: Vec::with_capacity(BLOCK),
        }
    }
    fn flush(&mut self) {
        for h in &mut self.hashers {
            h.write(&self.pending);
        }
        self.pending.clear();
    }
    /// Feeds `b`.
    pub fn bytes(&mut self, b: &[u8]) {
        self.pending.extend_from_slice(b);
        if self.pending.len() >= BLOCK {
            self.flush();
        }
    }
    pub(crate) fn points(&mut self, ps: &[Vec3]) {
        self.bytes(&(ps.len() as u64).to_le_bytes());
        for p in ps {
            for v in [p.x, p.y, p.z] {
                self.bytes(&v.to_bits().to_le_bytes());
            }
        }
    }
    /// The 128-bit hash of everything fed, as 32 hexadecimal digits.
    pub fn finish(&mut self) -> String {
        self.flush();
        format!(
            "{:016x}{:016x}",
            self.hashers[0].finish(),
            self.hashers[1].finish()
        )
    }
}

impl Default for WideHasher {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Write for WideHasher {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        // Length-prefixed, so that texts cut differently never hash the same.
        self.bytes(&(s.len() as u64).to_le_bytes());
        self.bytes(s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash of `bytes` written in one piece, by the two keyed SipHashes directly.
    fn direct(bytes: &[u8]) -> String {
        let mut h = [DefaultHasher::new(), DefaultHasher::new()];
        h[0].write_u8(1);
        h[1].write_u8(2);
        for x in &mut h {
            x.write(bytes);
        }
        format!("{:016x}{:016x}", h[0].finish(), h[1].finish())
    }

    #[test]
    fn the_hash_is_of_the_bytes_however_they_are_gathered() {
        // More than a block, fed a number at a time: the same as hashing every byte at once.
        let ps: Vec<Vec3> = (0..10_000)
            .map(|i| Vec3::new(i as f64, 0.5 * i as f64, -1.0 / (i + 1) as f64))
            .collect();
        let mut h = WideHasher::new();
        h.points(&ps);
        h.bytes(b"tail");
        let mut all = (ps.len() as u64).to_le_bytes().to_vec();
        for p in &ps {
            for v in [p.x, p.y, p.z] {
                all.extend_from_slice(&v.to_bits().to_le_bytes());
            }
        }
        all.extend_from_slice(b"tail");
        assert!(all.len() > BLOCK);
        assert_eq!(h.finish(), direct(&all));
        // One point moved by a bit: another hash.
        let mut moved = ps.clone();
        moved[9_999].z = f64::from_bits(moved[9_999].z.to_bits() ^ 1);
        let mut g = WideHasher::new();
        g.points(&moved);
        g.bytes(b"tail");
        assert_ne!(g.finish(), direct(&all));
    }
}
