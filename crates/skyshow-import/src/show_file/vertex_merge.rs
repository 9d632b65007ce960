//! `VertexMerge`: a mesh's vertices with the coincident ones merged, for `mode = "vertices"`
//! (one drone per vertex). Exporters duplicate a vertex wherever its normal, UV or colour
//! changes across an edge (split normals, UV seams, flat shading); two drones cannot fly at
//! one point, so the copies become one vertex, keeping the first copy's colour. Also the
//! flatness test of meshes (all vertices in one plane).

use std::collections::BTreeMap;

use skyshow_model::{Rgb, Vec3};

/// Vertices closer than this share of the mesh's largest extent are one point.
pub(crate) const COINCIDENT: f64 = 1e-6;

/// Vertices with the coincident ones merged.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct VertexMerge {
    /// The distinct vertices, in the order of their first copy.
    pub(crate) points: Vec<Vec3>,
    /// Their colours (the first copy's), when the mesh has colours.
    pub(crate) colors: Option<Vec<Rgb>>,
    /// How many copies were merged away.
    pub(crate) merged: usize,
}

impl VertexMerge {
    /// Merges the vertices of `points` closer than `tol` to an earlier kept vertex.
    pub(crate) fn new(points: &[Vec3], colors: Option<&[Rgb]>, tol: f64) -> VertexMerge {
        let cell = tol.max(f64::MIN_POSITIVE);
        let key = |p: Vec3| {
            let k = |v: f64| (v / cell).floor().clamp(-9e15, 9e15) as i64;
            [k(p.x), k(p.y), k(p.z)]
        };
        // Kept vertices by grid cell of side `tol`: a copy is in the same or a neighbouring cell.
        let mut grid: BTreeMap<[i64; 3], Vec<usize>> = BTreeMap::new();
        let mut kept: Vec<usize> = Vec::new();
        for (i, &p) in points.iter().enumerate() {
            let c = key(p);
            let mut copy = false;
            'search: for dx in -1..=1 {
                for dy in -1..=1 {
                    for dz in -1..=1 {
                        let n = [c[0] + dx, c[1] + dy, c[2] + dz];
                        if grid
                            .get(&n)
                            .is_some_and(|ks| ks.iter().any(|&k| points[k].dist(p) <= tol))
                        {
                            copy = true;
                            break 'search;
                        }
                    }
                }
            }
            if !copy {
                grid.entry(c).or_default().push(i);
                kept.push(i);
            }
        }
        VertexMerge {
            points: kept.iter().map(|&i| points[i]).collect(),
            colors: colors.map(|c| kept.iter().map(|&i| c[i]).collect()),
            merged: points.len() - kept.len(),
        }
    }
}

/// Whether every vertex lies in one plane (within [`COINCIDENT`] of the largest extent):
/// such a mesh encloses no volume.
pub(crate) fn is_flat(points: &[Vec3], triangles: &[[usize; 3]]) -> bool {
    let Some(&first) = points.first() else {
        return true;
    };
    let (lo, hi) = points
        .iter()
        .fold((first, first), |(l, h), p| (l.min(*p), h.max(*p)));
    let e = hi - lo;
    let size = e.x.max(e.y).max(e.z);
    if size <= 0.0 {
        return true;
    }
    // The plane of the largest face.
    let normal = triangles
        .iter()
        .filter(|t| t.iter().all(|&i| i < points.len()))
        .map(|t| (points[t[1]] - points[t[0]]).cross(points[t[2]] - points[t[0]]))
        .max_by(|a, b| a.norm2().total_cmp(&b.norm2()));
    let Some(n) = normal.filter(|n| n.norm() > 0.0) else {
        return true;
    };
    let n = n.normalized();
    let tol = COINCIDENT * size;
    points.iter().all(|p| (*p - first).dot(n).abs() <= tol)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_of_a_vertex_become_one() {
        // A cube corner written three times (flat shading), and a near copy.
        let p = |x: f64, y: f64, z: f64| Vec3::new(x, y, z);
        let points = [
            p(0.0, 0.0, 0.0),
            p(1.0, 0.0, 0.0),
            p(0.0, 0.0, 0.0),
            p(0.0, 1.0, 0.0),
            p(0.0, 0.0, 0.0),
            p(1.0 + 1e-9, 0.0, 0.0),
        ];
        let colors: Vec<Rgb> = (0..6).map(|i| Rgb::new(i * 40, 0, 0)).collect();
        let m = VertexMerge::new(&points, Some(&colors), 1e-6);
        assert_eq!(m.points, vec![points[0], points[1], points[3]]);
        assert_eq!(
            m.colors,
            Some(vec![
                Rgb::new(0, 0, 0),
                Rgb::new(40, 0, 0),
                Rgb::new(120, 0, 0)
            ])
        );
        assert_eq!(m.merged, 3);
        // Distinct points stay.
        let m = VertexMerge::new(&points[..2], None, 1e-6);
        assert_eq!((m.points.len(), m.merged, m.colors), (2, 0, None));
    }

    #[test]
    fn flat_meshes_in_any_orientation() {
        let p = |x: f64, y: f64, z: f64| Vec3::new(x, y, z);
        // A tilted square.
        let square = [
            p(0.0, 0.0, 0.0),
            p(1.0, 1.0, 0.0),
            p(1.0, 1.0, 1.0),
            p(0.0, 0.0, 1.0),
        ];
        assert!(is_flat(&square, &[[0, 1, 2], [0, 2, 3]]));
        // A tetrahedron.
        let tet = [
            p(0.0, 0.0, 0.0),
            p(1.0, 0.0, 0.0),
            p(0.0, 1.0, 0.0),
            p(0.0, 0.0, 1.0),
        ];
        assert!(!is_flat(
            &tet,
            &[[0, 1, 2], [0, 1, 3], [0, 2, 3], [1, 2, 3]]
        ));
    }
}
