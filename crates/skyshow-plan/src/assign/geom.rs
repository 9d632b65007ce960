//! Geometry shared by the assignment solvers: structure-of-arrays point sets for
//! vectorised cost scans, Morton (Z-order) sorting for subsampling, and the cost scale
//! that sets numerical tolerances.

use skyshow_model::Vec3;

/// Points in structure-of-arrays form, so cost scans over many points vectorise.
#[derive(Clone, Debug, Default)]
pub(crate) struct Soa {
    pub(crate) x: Vec<f64>,
    pub(crate) y: Vec<f64>,
    pub(crate) z: Vec<f64>,
}

impl Soa {
    /// The points `p[idx[k]]` for every `k`, in that order.
    pub(crate) fn gather(p: &[Vec3], idx: &[u32]) -> Self {
        Soa {
            x: idx.iter().map(|&i| p[i as usize].x).collect(),
            y: idx.iter().map(|&i| p[i as usize].y).collect(),
            z: idx.iter().map(|&i| p[i as usize].z).collect(),
        }
    }

    /// All points of `p`, in order.
    pub(crate) fn from_points(p: &[Vec3]) -> Self {
        Soa {
            x: p.iter().map(|q| q.x).collect(),
            y: p.iter().map(|q| q.y).collect(),
            z: p.iter().map(|q| q.z).collect(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.x.len()
    }

    /// Morton order of these points (see [`morton_order`]).
    pub(crate) fn morton_order(&self) -> Vec<u32> {
        let p: Vec<Vec3> = (0..self.len()).map(|i| Vec3::from(self.get(i))).collect();
        morton_order(&p)
    }

    /// Point `i` as an array.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> [f64; 3] {
        [self.x[i], self.y[i], self.z[i]]
    }
}

/// Spread the low 21 bits of `v` so that there are two zero bits between each.
fn spread3(v: u64) -> u64 {
    let mut x = v & 0x1f_ffff;
    x = (x | (x << 32)) & 0x001f_0000_0000_ffff;
    x = (x | (x << 16)) & 0x001f_0000_ff00_00ff;
    x = (x | (x << 8)) & 0x100f_00f0_0f00_f00f;
    x = (x | (x << 4)) & 0x10c3_0c30_c30c_30c3;
    x = (x | (x << 2)) & 0x1249_2492_4924_9249;
    x
}

/// Indices of `p` sorted along a Morton (Z-order) curve over the points' bounding box;
/// ties (equal codes) keep index order. Taking every `s`-th index of this order gives a
/// spatially even subsample.
pub(crate) fn morton_order(p: &[Vec3]) -> Vec<u32> {
    if p.is_empty() {
        return Vec::new();
    }
    let (lo, hi) = bounds(p);
    let span = (hi - lo).to_array();
    let lo = lo.to_array();
    let scale: [f64; 3] = std::array::from_fn(|k| {
        if span[k] > 0.0 {
            2_097_151.0 / span[k]
        } else {
            0.0
        }
    });
    let mut keyed: Vec<(u64, u32)> = p
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let q = q.to_array();
            let c: [u64; 3] = std::array::from_fn(|k| ((q[k] - lo[k]) * scale[k]) as u64);
            (
                spread3(c[0]) | (spread3(c[1]) << 1) | (spread3(c[2]) << 2),
                i as u32,
            )
        })
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Component-wise bounding box of a non-empty point set.
pub(crate) fn bounds(p: &[Vec3]) -> (Vec3, Vec3) {
    p.iter().fold(
        (
            Vec3::new(f64::INFINITY, f64::INFINITY, f64::INFINITY),
            Vec3::new(f64::NEG_INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY),
        ),
        |(lo, hi), q| (lo.min(*q), hi.max(*q)),
    )
}

/// Absolute tolerance on reduced costs for instances over `a ∪ b`: `1e-13` times the
/// squared diameter of their joint bounding box (at least `1e-13`). Round-off in dual
/// updates stays below it (measured: no extra certificate round even at `1e-14` on the
/// 10,000- and 16,000-point benchmark instances); the total suboptimality it allows is at
/// most `n · tol`, i.e. below `1e-9` of the optimum on every benchmark instance.
pub(crate) fn tolerance(a: &[Vec3], b: &[Vec3]) -> f64 {
    if a.is_empty() {
        return 1e-13;
    }
    let (lo1, hi1) = bounds(a);
    let (lo2, hi2) = bounds(b);
    let diam2 = (hi1.max(hi2) - lo1.min(lo2)).norm2();
    1e-13 * diam2.max(1.0)
}
