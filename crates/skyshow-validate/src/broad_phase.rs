//! `GridBroadPhase`: finds the pairs of boxes that come within a radius of each other with a
//! uniform grid (cells as large as the radius), sorted instead of hashed so the result is
//! deterministic. Each box is grown by half the radius and entered in every cell it touches;
//! a pair is reported once, by the cell holding the lower corner of the overlap of the grown
//! boxes.

use skyshow_model::Vec3;

/// Boxes spanning more cells than this are tested against every box instead.
const MAX_CELLS_PER_BOX: i64 = 64;
/// Bits per axis in a packed cell key (cells wrap around; the exact test removes aliases).
const AXIS_BITS: u32 = 14;
const AXIS_MASK: u64 = (1 << AXIS_BITS) - 1;
/// Bits for the box index next to the 42-bit cell key in one sortable `u64`.
const ID_BITS: u32 = 64 - 3 * AXIS_BITS;
/// Boxes beyond this count would not fit the packed form; they are all tested directly.
const MAX_PACKED: usize = 1 << ID_BITS;

fn key(c: [i64; 3]) -> u64 {
    ((c[0] as u64 & AXIS_MASK) << (2 * AXIS_BITS))
        | ((c[1] as u64 & AXIS_MASK) << AXIS_BITS)
        | (c[2] as u64 & AXIS_MASK)
}

/// `floor` for finite values without a libm call (saturating for huge ones).
fn floor_i64(x: f64) -> i64 {
    let i = x as i64;
    if (i as f64) > x { i - 1 } else { i }
}

/// Squared distance between two boxes (0 if they overlap).
pub(crate) fn box_gap2(a: &(Vec3, Vec3), b: &(Vec3, Vec3)) -> f64 {
    let g = |alo: f64, ahi: f64, blo: f64, bhi: f64| (blo - ahi).max(alo - bhi).max(0.0);
    let x = g(a.0.x, a.1.x, b.0.x, b.1.x);
    let y = g(a.0.y, a.1.y, b.0.y, b.1.y);
    let z = g(a.0.z, a.1.z, b.0.z, b.1.z);
    x * x + y * y + z * z
}

/// Reusable broad-phase buffers.
#[derive(Default)]
pub(crate) struct GridBroadPhase {
    /// Packed `cell key << ID_BITS | box index`.
    entries: Vec<u64>,
    big: Vec<u32>,
    is_big: Vec<bool>,
    /// Each box's lowest cell once grown (where a pair's reference cell is found).
    low_cell: Vec<[i64; 3]>,
    /// The radix sort's second buffer.
    scratch: Vec<u64>,
}

/// Bits of the cell key sorted per radix pass.
const RADIX_BITS: u32 = 11;

/// Sorts packed entries stably by their cell key (the bits above `ID_BITS`): a least
/// significant digit radix sort, a few linear passes instead of a comparison sort's
/// log n (the broad phase of 16,000 drones sorts over a hundred thousand entries a window).
fn sort_by_cell(v: &mut Vec<u64>, scratch: &mut Vec<u64>) {
    let digits = (3 * AXIS_BITS).div_ceil(RADIX_BITS);
    let mask = (1u64 << RADIX_BITS) - 1;
    let mut count = vec![0usize; 1 << RADIX_BITS];
    for d in 0..digits {
        let shift = ID_BITS + d * RADIX_BITS;
        count.fill(0);
        for &x in v.iter() {
            count[((x >> shift) & mask) as usize] += 1;
        }
        if count.contains(&v.len()) {
            continue; // one digit value: the order stands
        }
        let mut sum = 0;
        for c in count.iter_mut() {
            let k = *c;
            *c = sum;
            sum += k;
        }
        scratch.clear();
        scratch.resize(v.len(), 0);
        for &x in v.iter() {
            let slot = &mut count[((x >> shift) & mask) as usize];
            scratch[*slot] = x;
            *slot += 1;
        }
        std::mem::swap(v, scratch);
    }
}

impl GridBroadPhase {
    /// Appends to `out` every pair `(i, j)`, `i < j`, of `boxes` whose distance is at most `r`
    /// (`r > 0`), each exactly once, in a deterministic order.
    pub(crate) fn pairs(&mut self, boxes: &[(Vec3, Vec3)], r: f64, out: &mut Vec<(u32, u32)>) {
        let start = out.len();
        self.entries.clear();
        self.big.clear();
        self.is_big.clear();
        self.is_big.resize(boxes.len(), false);
        self.low_cell.clear();
        let half = 0.5 * r;
        let inv = 1.0 / r;
        let cell = |x: f64| floor_i64(x * inv);
        let grow = |b: &(Vec3, Vec3)| {
            let h = Vec3::new(half, half, half);
            (b.0 - h, b.1 + h)
        };
        for (k, b) in boxes.iter().enumerate() {
            let (lo, hi) = grow(b);
            let c0 = [cell(lo.x), cell(lo.y), cell(lo.z)];
            let c1 = [cell(hi.x), cell(hi.y), cell(hi.z)];
            self.low_cell.push(c0);
            let span = |i: usize| c1[i].saturating_sub(c0[i]).saturating_add(1);
            let n = span(0).saturating_mul(span(1)).saturating_mul(span(2));
            if !(1..=MAX_CELLS_PER_BOX).contains(&n) || k >= MAX_PACKED {
                self.big.push(k as u32);
                self.is_big[k] = true;
                continue;
            }
            for x in c0[0]..=c1[0] {
                for y in c0[1]..=c1[1] {
                    for z in c0[2]..=c1[2] {
                        self.entries.push((key([x, y, z]) << ID_BITS) | k as u64);
                    }
                }
            }
        }
        // Entries were pushed in box order: a stable sort on the cell key orders them by
        // (cell, box), the order a full sort gives.
        sort_by_cell(&mut self.entries, &mut self.scratch);
        self.entries.dedup();
        let r2 = r * r;
        let e = &self.entries;
        let mut i = 0;
        let id_mask = (1u64 << ID_BITS) - 1;
        while i < e.len() {
            let run_key = e[i] >> ID_BITS;
            let mut j = i + 1;
            while j < e.len() && e[j] >> ID_BITS == run_key {
                j += 1;
            }
            for a in i..j {
                let p = (e[a] & id_mask) as usize;
                let cp = self.low_cell[p];
                for &eb in &e[a + 1..j] {
                    let q = (eb & id_mask) as usize;
                    // The pair's reference cell holds the lower corner of the overlap of the
                    // grown boxes: the larger of their lowest cells, axis by axis (`floor`
                    // keeps the order). Tested first, so a pair sharing several cells is
                    // measured in one of them only.
                    let cq = self.low_cell[q];
                    let refc = [cp[0].max(cq[0]), cp[1].max(cq[1]), cp[2].max(cq[2])];
                    if key(refc) == run_key && box_gap2(&boxes[p], &boxes[q]) <= r2 {
                        out.push((p.min(q) as u32, p.max(q) as u32));
                    }
                }
            }
            i = j;
        }
        for &b in &self.big {
            let bb = &boxes[b as usize];
            for (k, other) in boxes.iter().enumerate() {
                if k == b as usize || (self.is_big[k] && k < b as usize) {
                    continue;
                }
                if box_gap2(bb, other) <= r2 {
                    let (p, q) = (b.min(k as u32), b.max(k as u32));
                    out.push((p, q));
                }
            }
        }
        out[start..].sort_unstable();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radix_order_is_the_sorted_order_of_entries_pushed_by_box() {
        let mut s = 99u64;
        let mut rnd = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        for n in [0, 1, 5, 3000] {
            // Entries as `pairs` pushes them: box by box, a few cells each, ids ascending.
            let mut v = Vec::new();
            for k in 0..n as u64 {
                for _ in 0..rnd() % 9 {
                    let cell = if rnd() % 4 == 0 { rnd() % 7 } else { rnd() };
                    v.push(((cell & ((1 << (3 * AXIS_BITS)) - 1)) << ID_BITS) | k);
                }
            }
            let mut want = v.clone();
            want.sort_unstable();
            sort_by_cell(&mut v, &mut Vec::new());
            assert_eq!(v, want, "{n} boxes");
        }
    }

    #[test]
    fn matches_brute_force() {
        // A pseudo-random cloud of small and large boxes.
        let mut s = 12345u64;
        let mut rnd = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s % 10_000) as f64 / 100.0
        };
        let mut boxes = Vec::new();
        for k in 0..400 {
            let lo = Vec3::new(rnd(), rnd(), rnd() * 0.2);
            let ext = if k % 50 == 0 { 40.0 } else { rnd() * 0.05 };
            boxes.push((lo, lo + Vec3::new(ext, ext * 0.5, ext * 0.1)));
        }
        for r in [0.7, 3.0, 5.5] {
            let mut got = Vec::new();
            GridBroadPhase::default().pairs(&boxes, r, &mut got);
            let mut want = Vec::new();
            for i in 0..boxes.len() {
                for j in i + 1..boxes.len() {
                    if box_gap2(&boxes[i], &boxes[j]) <= r * r {
                        want.push((i as u32, j as u32));
                    }
                }
            }
            assert_eq!(got, want, "radius {r}");
        }
    }
}
