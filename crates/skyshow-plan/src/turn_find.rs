//! Finding a rigid turn: whether a target set is the start turned about an axis (each
//! picture's normal, the vertical, or the line where the two pictures' planes meet), by
//! which angle, and which drone goes where. Split from `turn.rs`, which flies the turn.

use rustc_hash::FxHashMap;
use skyshow_model::Vec3;

use crate::spread::plane_fit;

/// A complex number `(re, im)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct C(pub(crate) f64, pub(crate) f64);

impl C {
    pub(crate) fn polar(r: f64, a: f64) -> C {
        C(r * a.cos(), r * a.sin())
    }
    pub(crate) fn mul(self, o: C) -> C {
        C(self.0 * o.0 - self.1 * o.1, self.0 * o.1 + self.1 * o.0)
    }
    pub(crate) fn sub(self, o: C) -> C {
        C(self.0 - o.0, self.1 - o.1)
    }
    pub(crate) fn abs(self) -> f64 {
        self.0.hypot(self.1)
    }
    pub(crate) fn arg(self) -> f64 {
        self.1.atan2(self.0)
    }
}

/// An axis and the plane across it: `k` along, `u` and `v` across (`u × v = k`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Frame {
    k: Vec3,
    u: Vec3,
    v: Vec3,
}

impl Frame {
    pub(crate) fn new(k: Vec3) -> Frame {
        let k = k.normalized();
        let other = if k.x.abs() < 0.9 {
            Vec3::new(1.0, 0.0, 0.0)
        } else {
            Vec3::new(0.0, 1.0, 0.0)
        };
        let u = k.cross(other).normalized();
        Frame {
            k,
            u,
            v: k.cross(u),
        }
    }
    /// An offset as (along, across).
    pub(crate) fn split(&self, r: Vec3) -> (f64, C) {
        (r.dot(self.k), C(r.dot(self.u), r.dot(self.v)))
    }
    pub(crate) fn join(&self, h: f64, z: C) -> Vec3 {
        self.k * h + self.u * z.0 + self.v * z.1
    }
}

/// The target set found to be the start turned: about `frame.k` by `angle` radians, the
/// centre moved from `from_c` to `to_c`; `target_of[i]` is drone `i`'s point, `residual[i]`
/// what is left between the turned start and that point (round-off).
pub(crate) struct Turn {
    pub(crate) frame: Frame,
    pub(crate) angle: f64,
    pub(crate) from_c: Vec3,
    pub(crate) to_c: Vec3,
    pub(crate) target_of: Vec<usize>,
    pub(crate) residual: Vec<Vec3>,
}

fn centroid(p: &[Vec3]) -> Vec3 {
    p.iter().fold(Vec3::ZERO, |a, q| a + *q) / p.len().max(1) as f64
}

/// The axes a turn is looked for about: each picture's normal, the vertical, and the line
/// where the two pictures' planes meet.
fn axes(from: &[Vec3], to: &[Vec3], flat: f64) -> Vec<Vec3> {
    let (_, na, ta) = plane_fit(from);
    let (_, nb, tb) = plane_fit(to);
    let mut out: Vec<Vec3> = Vec::new();
    let mut add = |k: Vec3| {
        if k.norm() > 1e-6 && out.iter().all(|a| a.cross(k.normalized()).norm() > 1e-6) {
            out.push(k.normalized());
        }
    };
    if ta <= flat {
        add(na);
    }
    if tb <= flat {
        add(nb);
    }
    add(Vec3::new(0.0, 0.0, 1.0));
    if ta <= flat && tb <= flat {
        add(na.cross(nb));
    }
    out
}

/// Cell of a point in the matching grid.
fn cell(p: Vec3, size: f64) -> (i64, i64, i64) {
    let q = p / size;
    (q.x.floor() as i64, q.y.floor() as i64, q.z.floor() as i64)
}

/// The point of `to` within `tol` of each turned start point, each taken once, if every
/// start point has one.
fn matches(turned: &[Vec3], to: &[Vec3], tol: f64) -> Option<Vec<usize>> {
    let size = 2.0 * tol;
    let mut grid: FxHashMap<(i64, i64, i64), Vec<usize>> = FxHashMap::default();
    for (j, p) in to.iter().enumerate() {
        grid.entry(cell(*p, size)).or_default().push(j);
    }
    let mut taken = vec![false; to.len()];
    let mut out = Vec::with_capacity(turned.len());
    for p in turned {
        let (x, y, z) = cell(*p, size);
        let mut best: Option<(f64, usize)> = None;
        for dx in -1..=1 {
            for dy in -1..=1 {
                for dz in -1..=1 {
                    for &j in grid.get(&(x + dx, y + dy, z + dz)).into_iter().flatten() {
                        let e = to[j].dist(*p);
                        if !taken[j] && e <= tol && best.is_none_or(|b| e < b.0) {
                            best = Some((e, j));
                        }
                    }
                }
            }
        }
        let (_, j) = best?;
        taken[j] = true;
        out.push(j);
    }
    Some(out)
}

/// The smallest turn about one of the candidate axes that takes `from` onto `to` (as a
/// set, within `tol`), if there is one (no turn for sets that are already equal).
pub(crate) fn find_turn(from: &[Vec3], to: &[Vec3], tol: f64, flat: f64) -> Option<Turn> {
    let (from_c, to_c) = (centroid(from), centroid(to));
    for k in axes(from, to, flat) {
        let frame = Frame::new(k);
        let split_a: Vec<(f64, C)> = from.iter().map(|p| frame.split(*p - from_c)).collect();
        // The anchor: the drone farthest from the axis (the first of equals).
        let (_, &(ha, za)) = split_a
            .iter()
            .enumerate()
            .max_by(|x, y| x.1.1.abs().total_cmp(&y.1.1.abs()).then(y.0.cmp(&x.0)))?;
        if za.abs() <= tol {
            continue;
        }
        let mut angles: Vec<f64> = to
            .iter()
            .map(|p| frame.split(*p - to_c))
            .filter(|(h, z)| (h - ha).abs() <= tol && (z.abs() - za.abs()).abs() <= tol)
            .map(|(_, z)| {
                let a = z.arg() - za.arg();
                (a + std::f64::consts::PI).rem_euclid(std::f64::consts::TAU) - std::f64::consts::PI
            })
            .filter(|a| a.abs() > 1e-6)
            .collect();
        angles.sort_by(|a, b| a.abs().total_cmp(&b.abs()).then(a.total_cmp(b)));
        angles.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
        for &angle in angles.iter().take(16) {
            let rot = C::polar(1.0, angle);
            let turned: Vec<Vec3> = split_a
                .iter()
                .map(|&(h, z)| to_c + frame.join(h, z.mul(rot)))
                .collect();
            if let Some(target_of) = matches(&turned, to, tol) {
                let residual = target_of
                    .iter()
                    .zip(&turned)
                    .map(|(&j, p)| to[j] - *p)
                    .collect();
                return Some(Turn {
                    frame,
                    angle,
                    from_c,
                    to_c,
                    target_of,
                    residual,
                });
            }
        }
    }
    None
}
