//! `Spread`: a formation opened up so that synchronised straight lines out of it (or into
//! it) are safe, and the move that opens it.
//!
//! CAPT (the minimum sum of squares flown as synchronised straight lines) keeps every pair
//! at least `d` apart when the start and the goal are each spaced at least `√2·d`. Pictures
//! are usually spaced at `d`. Two ways to open one up:
//!
//! - **Layers in depth.** A flat picture's points are coloured so that points closer than
//!   `√2·d` get different colours, and each colour moves to its own depth along the
//!   picture's normal: within a layer the spacing is `√2·d`, across layers the depth adds
//!   to the in-plane distance. Moving out along the normal only ever increases distances,
//!   so opening and closing are safe; the layers need a few metres of depth whatever the
//!   picture's size.
//! - **Scaling** about the centre (any formation): distances grow by the factor, but the
//!   outer drones fly far and the altitude band bounds the factor.

use skyshow_model::Vec3;

use crate::grid::CellGrid;

/// How a formation is opened up: each point's displacement.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Spread {
    /// What kind of opening it is.
    pub kind: SpreadKind,
    /// Displacement of each point, metres.
    pub offsets: Vec<Vec3>,
}

/// The kind of a spread.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum SpreadKind {
    /// Layers along the normal: how many, and their spacing in metres.
    Layers {
        /// Number of layers.
        count: usize,
        /// Distance between neighbouring layers, metres.
        step_m: f64,
    },
    /// Shells along the radii of a round formation (`shells.rs`).
    Shells {
        /// The farthest a point steps out, metres.
        deepest_m: f64,
    },
    /// Scaled about the centre by this factor.
    Scale(f64),
}

impl Spread {
    /// The opened-up points.
    pub(crate) fn apply(&self, points: &[Vec3]) -> Vec<Vec3> {
        points
            .iter()
            .zip(&self.offsets)
            .map(|(p, o)| *p + *o)
            .collect()
    }

    /// Whether it is made of layers (in depth, or shells along the radii).
    pub(crate) fn is_layers(&self) -> bool {
        matches!(
            self.kind,
            SpreadKind::Layers { .. } | SpreadKind::Shells { .. }
        )
    }
}

/// Why a formation cannot be opened into layers within the altitude band.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct BandShortfall {
    /// The altitude range the layered picture needs, metres (its height plus the
    /// layers' vertical extent).
    pub needed_m: f64,
    /// The picture's own vertical extent, metres.
    pub picture_m: f64,
}

/// The best-fitting plane of `points`: centroid, unit normal (the direction of least
/// extent), and the largest distance of a point from the plane.
pub(crate) fn plane_fit(points: &[Vec3]) -> (Vec3, Vec3, f64) {
    let n = points.len().max(1) as f64;
    let c = points.iter().fold(Vec3::ZERO, |acc, p| acc + *p) / n;
    let mut m = [[0.0f64; 3]; 3];
    for p in points {
        let r = (*p - c).to_array();
        for a in 0..3 {
            for b in 0..3 {
                m[a][b] += r[a] * r[b];
            }
        }
    }
    let (vals, vecs) = symmetric_eigen(m);
    let k = (0..3)
        .min_by(|&a, &b| vals[a].total_cmp(&vals[b]))
        .unwrap_or(0);
    let mut normal = Vec3::new(vecs[0][k], vecs[1][k], vecs[2][k]).normalized();
    // A canonical sign: the largest component positive.
    let arr = normal.to_array();
    let big = (0..3)
        .max_by(|&a, &b| arr[a].abs().total_cmp(&arr[b].abs()))
        .unwrap_or(0);
    if arr[big] < 0.0 {
        normal = normal * -1.0;
    }
    let thickness = points
        .iter()
        .map(|p| (*p - c).dot(normal).abs())
        .fold(0.0, f64::max);
    (c, normal, thickness)
}

/// Eigenvalues and eigenvectors (columns) of a symmetric 3×3 matrix, by Jacobi rotations.
fn symmetric_eigen(mut a: [[f64; 3]; 3]) -> ([f64; 3], [[f64; 3]; 3]) {
    let mut v = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
    for _ in 0..50 {
        let off = a[0][1].abs() + a[0][2].abs() + a[1][2].abs();
        let scale = a[0][0].abs() + a[1][1].abs() + a[2][2].abs();
        if off <= 1e-15 * scale.max(1e-300) {
            break;
        }
        for (p, q) in [(0, 1), (0, 2), (1, 2)] {
            if a[p][q].abs() <= 1e-300 {
                continue;
            }
            let theta = (a[q][q] - a[p][p]) / (2.0 * a[p][q]);
            let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
            let t = if theta == 0.0 { 1.0 } else { t };
            let c = 1.0 / (t * t + 1.0).sqrt();
            let s = t * c;
            for row in &mut a {
                let (x, y) = (row[p], row[q]);
                row[p] = c * x - s * y;
                row[q] = s * x + c * y;
            }
            let (rp, rq) = (a[p], a[q]);
            a[p] = std::array::from_fn(|k| c * rp[k] - s * rq[k]);
            a[q] = std::array::from_fn(|k| s * rp[k] + c * rq[k]);
            for row in &mut v {
                let (vkp, vkq) = (row[p], row[q]);
                row[p] = c * vkp - s * vkq;
                row[q] = s * vkp + c * vkq;
            }
        }
    }
    ([a[0][0], a[1][1], a[2][2]], v)
}

/// Pairs of `points` closer than `r`, each once (`i < j`), ascending.
pub(crate) fn close_pairs(points: &[Vec3], r: f64) -> Vec<(usize, usize)> {
    let grid = CellGrid::new(points, r);
    let mut out = Vec::new();
    for (i, p) in points.iter().enumerate() {
        grid.for_near(*p, |j| {
            if j > i && p.dist(points[j]) < r {
                out.push((i, j));
            }
        });
    }
    out.sort_unstable();
    out
}

/// The graph's colours ([`colour`]) and the colours by how many vertices they have, most
/// first (ties by colour).
pub(crate) fn classes(n: usize, edges: &[(usize, usize)]) -> (Vec<usize>, Vec<usize>) {
    let col = colour(n, edges);
    let count = col.iter().copied().max().map_or(0, |m| m + 1);
    let mut sizes = vec![0usize; count];
    for &k in &col {
        sizes[k] += 1;
    }
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by(|&a, &b| sizes[b].cmp(&sizes[a]).then(a.cmp(&b)));
    (col, order)
}

/// Colours a graph greedily, most-constrained vertex first (DSatur), ties by index.
pub(crate) fn colour(n: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut adj = vec![Vec::new(); n];
    for &(i, j) in edges {
        adj[i].push(j);
        adj[j].push(i);
    }
    let mut colour = vec![usize::MAX; n];
    // Saturation: the set of colours among coloured neighbours (as a bit set; few colours).
    let mut sat = vec![0u64; n];
    let mut heap: std::collections::BTreeSet<(
        std::cmp::Reverse<u32>,
        std::cmp::Reverse<usize>,
        usize,
    )> = (0..n)
        .map(|i| (std::cmp::Reverse(0), std::cmp::Reverse(adj[i].len()), i))
        .collect();
    while let Some(top) = heap.pop_first() {
        let i = top.2;
        let c = (0..64).find(|c| sat[i] & (1 << c) == 0).unwrap_or(63);
        colour[i] = c;
        for &j in &adj[i] {
            if colour[j] != usize::MAX || sat[j] & (1 << c) != 0 {
                continue;
            }
            let old = (
                std::cmp::Reverse(sat[j].count_ones()),
                std::cmp::Reverse(adj[j].len()),
                j,
            );
            heap.remove(&old);
            sat[j] |= 1 << c;
            heap.insert((
                std::cmp::Reverse(sat[j].count_ones()),
                std::cmp::Reverse(adj[j].len()),
                j,
            ));
        }
    }
    colour
}

/// Opens a flat formation into layers along its normal so that it is spaced at least
/// `√2·d` (pairs in different layers at least `need`, √2·d with a margin), keeping every
/// point inside the altitude band. `Ok(None)` if the formation is not flat (thicker than
/// `flat_tol`) or already spaced `√2·d`; `Err` if no layering fits the band.
pub(crate) fn layers(
    points: &[Vec3],
    d: f64,
    need: f64,
    flat_tol: f64,
    band: (f64, f64),
) -> Result<Option<Spread>, BandShortfall> {
    if points.len() < 2 {
        return Ok(None);
    }
    let (_, normal, thickness) = plane_fit(points);
    if thickness > flat_tol {
        return Ok(None);
    }
    // Pairs exactly √2·d apart may share a layer (a square lattice needs two layers,
    // not four).
    let edges = close_pairs(points, std::f64::consts::SQRT_2 * d * (1.0 - 1e-9));
    if edges.is_empty() {
        return Ok(None);
    }
    // Classes by size, largest first (it stays where it is).
    let (col, order) = classes(points.len(), &edges);
    let count = order.len();
    let (zl, zh) = points
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), p| {
            (l.min(p.z), h.max(p.z))
        });
    let nz = normal.z.abs();
    // Try the layers centred on the picture first, then shifted towards either side.
    let mut tried = Vec::new();
    for shift in 0..count as i64 {
        for sign in [1i64, -1] {
            // Layer positions (in steps) for this placement: the picture's own plane is
            // position 0, the others alternate around it, moved by `shift` towards `sign`.
            let positions = placement(count, shift * sign);
            if tried.contains(&positions) {
                continue;
            }
            tried.push(positions.clone());
            // Step between layers: enough for every close pair in different layers.
            let step = edges
                .iter()
                .filter(|&&(i, j)| col[i] != col[j])
                .map(|&(i, j)| {
                    let (pi, pj) = (slot(&order, col[i]), slot(&order, col[j]));
                    let gap = (positions[pi] - positions[pj]).unsigned_abs() as f64;
                    let inplane = points[i].dist(points[j]);
                    (need * need - inplane * inplane).max(0.0).sqrt() / gap
                })
                .fold(0.0, f64::max);
            let lo = *positions.iter().min().unwrap_or(&0) as f64 * step;
            let hi = *positions.iter().max().unwrap_or(&0) as f64 * step;
            let (dz_lo, dz_hi) = if normal.z >= 0.0 {
                (lo * nz, hi * nz)
            } else {
                (-hi * nz, -lo * nz)
            };
            if zl + dz_lo >= band.0 - 1e-9 && zh + dz_hi <= band.1 + 1e-9 {
                let offsets = col
                    .iter()
                    .map(|&k| normal * (positions[slot(&order, k)] as f64 * step))
                    .collect();
                return Ok(Some(Spread {
                    kind: SpreadKind::Layers {
                        count,
                        step_m: step,
                    },
                    offsets,
                }));
            }
        }
    }
    // The most compact placement (all layers to one side) still needs this much.
    let step = (need * need
        - edges
            .iter()
            .map(|&(i, j)| points[i].dist(points[j]))
            .fold(f64::INFINITY, f64::min)
            .powi(2))
    .max(0.0)
    .sqrt();
    Err(BandShortfall {
        needed_m: (zh - zl) + (count - 1) as f64 * step * nz,
        picture_m: zh - zl,
    })
}

/// The position (in layer steps) of each slot, slot 0 (the largest class) at `shift`
/// and the others alternating around it, the whole set moved so that slot 0 is as close
/// to the picture's plane as the shift allows.
fn placement(count: usize, shift: i64) -> Vec<i64> {
    // Alternating: 0, +1, −1, +2, −2, …
    let mut pos: Vec<i64> = (0..count as i64)
        .map(|k| if k % 2 == 1 { k / 2 + 1 } else { -(k / 2) })
        .collect();
    let (mn, mx) = (
        *pos.iter().min().unwrap_or(&0),
        *pos.iter().max().unwrap_or(&0),
    );
    // `shift` > 0 moves the whole stack up (so the lowest layer is the plane at most),
    // clamped so that some layer stays in the picture's plane.
    let s = shift.clamp(-mx, -mn);
    for p in &mut pos {
        *p += s;
    }
    pos
}

pub(crate) fn slot(order: &[usize], class: usize) -> usize {
    order.iter().position(|&k| k == class).unwrap_or(0)
}

/// The largest factor by which `points` can be scaled within the altitude band (≥ 1).
pub(crate) fn max_factor(points: &[Vec3], band: (f64, f64)) -> f64 {
    let zl = points.iter().map(|p| p.z).fold(f64::INFINITY, f64::min);
    let zh = points.iter().map(|p| p.z).fold(f64::NEG_INFINITY, f64::max);
    if zh - zl <= 1e-9 {
        // A horizontal formation can spread out without changing altitude.
        return f64::INFINITY;
    }
    ((band.1 - band.0) / (zh - zl) * (1.0 - 1e-9)).max(1.0)
}

/// The configuration scaled by `factor` about a centre chosen to keep it inside the
/// altitude band `[low, high]`, or `None` if it does not fit.
pub(crate) fn scale(points: &[Vec3], factor: f64, band: (f64, f64)) -> Option<Spread> {
    if factor <= 1.0 + 1e-12 {
        return None;
    }
    let n = points.len().max(1) as f64;
    let c = points.iter().fold(Vec3::ZERO, |acc, p| acc + *p) / n;
    let zl = points.iter().map(|p| p.z).fold(f64::INFINITY, f64::min);
    let zh = points.iter().map(|p| p.z).fold(f64::NEG_INFINITY, f64::max);
    let (low, high) = band;
    if factor * (zh - zl) > high - low {
        return None;
    }
    // Scaled range: [cz + f(zl − cz), cz + f(zh − cz)] must lie in [low, high].
    let k = factor - 1.0;
    let lo = (factor * zh - high) / k;
    let hi = (factor * zl - low) / k;
    if lo > hi + 1e-9 {
        return None;
    }
    let mid = (zl + zh) / 2.0;
    let cz = mid.clamp(lo, hi);
    let centre = Vec3::new(c.x, c.y, cz);
    Some(Spread {
        kind: SpreadKind::Scale(factor),
        offsets: points.iter().map(|p| (*p - centre) * k).collect(),
    })
}

#[cfg(test)]
mod tests {
    use skyshow_formations::min_spacing;

    use super::*;

    fn lattice(cols: usize, rows: usize, s: f64, c: Vec3, u: Vec3, v: Vec3) -> Vec<Vec3> {
        let mut out = Vec::new();
        for r in 0..rows {
            for k in 0..cols {
                out.push(c + u * (k as f64 * s) + v * (r as f64 * s));
            }
        }
        out
    }

    #[test]
    fn plane_fit_finds_the_normal() {
        let pts = lattice(
            5,
            4,
            3.0,
            Vec3::new(0.0, 0.0, 50.0),
            Vec3::new(0.0, 0.6, 0.8),
            Vec3::new(1.0, 0.0, 0.0),
        );
        let (_, n, thick) = plane_fit(&pts);
        assert!(thick < 1e-9);
        assert!(
            (n.dot(Vec3::new(0.0, 0.8, -0.6)).abs() - 1.0).abs() < 1e-9,
            "{n:?}"
        );
    }

    #[test]
    fn square_lattice_opens_into_two_layers_spaced_root_two() {
        let d = 3.0;
        let need = std::f64::consts::SQRT_2 * d * 1.02;
        let pts = lattice(
            10,
            8,
            d,
            Vec3::new(0.0, 0.0, 40.0),
            Vec3::new(0.0, 1.0, 0.0),
            Vec3::new(0.0, 0.0, 1.0),
        );
        let s = layers(&pts, d, need, 0.3, (5.5, 150.0)).unwrap().unwrap();
        assert!(matches!(s.kind, SpreadKind::Layers { count: 2, .. }));
        let opened = s.apply(&pts);
        assert!(min_spacing(&opened).unwrap().0 >= std::f64::consts::SQRT_2 * d - 1e-9);
        // Depth only (the normal is ±x).
        assert!(s.offsets.iter().all(|o| o.y == 0.0 && o.z == 0.0));
    }

    #[test]
    fn flat_picture_near_the_floor_layers_upwards_or_says_what_it_needs() {
        let d = 3.0;
        let need = std::f64::consts::SQRT_2 * d * 1.02;
        let pts = lattice(
            6,
            6,
            d,
            Vec3::new(0.0, 0.0, 6.0),
            Vec3::new(1.0, 0.0, 0.0),
            Vec3::new(0.0, 1.0, 0.0),
        );
        let s = layers(&pts, d, need, 0.3, (5.5, 150.0)).unwrap().unwrap();
        let opened = s.apply(&pts);
        assert!(opened.iter().all(|p| p.z >= 5.5));
        assert!(min_spacing(&opened).unwrap().0 >= std::f64::consts::SQRT_2 * d - 1e-9);
        let e = layers(&pts, d, need, 0.3, (5.5, 7.0)).unwrap_err();
        assert!(e.needed_m > 3.0 && e.picture_m == 0.0, "{e:?}");
    }

    #[test]
    fn hexagonal_lattice_needs_three_layers() {
        let d = 3.0;
        let need = std::f64::consts::SQRT_2 * d * 1.02;
        let mut pts = Vec::new();
        for r in 0..8 {
            for k in 0..8 {
                let x = k as f64 * d + if r % 2 == 1 { d / 2.0 } else { 0.0 };
                pts.push(Vec3::new(0.0, x, 40.0 + r as f64 * d * 3f64.sqrt() / 2.0));
            }
        }
        let s = layers(&pts, d, need, 0.3, (5.5, 150.0)).unwrap().unwrap();
        let SpreadKind::Layers { count, .. } = s.kind else {
            panic!()
        };
        assert!(count >= 3);
        assert!(min_spacing(&s.apply(&pts)).unwrap().0 >= std::f64::consts::SQRT_2 * d - 1e-9);
    }
}
