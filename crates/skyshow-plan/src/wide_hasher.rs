//! `WideHasher`: a 128-bit hash of a cache entry's inputs (two independent SipHashes with
//! fixed keys: the same on every run), fed raw bytes, point lists as their bits, and text
//! through `std::fmt::Write` (so `Debug` output is hashed as it is written, never held).

use std::hash::{DefaultHasher, Hasher};

use skyshow_model::Vec3;

/// Two independent 64-bit SipHashes of the same text: a 128-bit key.
pub(crate) struct WideHasher([DefaultHasher; 2]);

impl WideHasher {
    pub(crate) fn new() -> Self {
        let mut h = [DefaultHasher::new(), DefaultHasher::new()];
        h[0].write_u8(1);
        h[1].write_u8(2);
        WideHasher(h)
    }
    pub(crate) fn bytes(&mut self, b: &[u8]) {
        for h in &mut self.0 {
            h.write(b);
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
    pub(crate) fn finish(&self) -> String {
        format!("{:016x}{:016x}", self.0[0].finish(), self.0[1].finish())
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
