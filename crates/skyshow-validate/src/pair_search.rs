//! `PairSearch`: the exact distance search between two drones over one time window.
//!
//! On every stretch where both drones fly one Bézier piece each, their difference is a cubic
//! Bézier too. Branch and bound on it: the distance from the origin to the box of its control
//! points bounds the distance from below (the curve lies in their convex hull), the distance
//! at the piece ends bounds the minimum from above; pieces are halved (de Casteljau) until
//! the bounds are within the tolerance. The altitude rule (both drones at or above the
//! minimum navigation altitude) is decided inside the same subdivision from the control
//! points of both altitude curves. Stretches closer than the limit are collected, merged when
//! contiguous.

use skyshow_model::{Segment, Vec3};

use crate::bezier::{self, split1, split3};

/// Deepest subdivision (a window of 1 s halves down to ~1e-18 s; rounding stops it earlier).
const MAX_DEPTH: u32 = 60;
/// Where the distance crosses the limit, or a drone crosses the minimum navigation altitude,
/// pieces are split down to this length, seconds: gaps shorter than this between two close
/// stretches are not resolved (the stretches count as one).
const BOUNDARY_RES_S: f64 = 1e-6;

/// What the search looks for.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PairParams {
    /// Minimum navigation altitude: only moments with both drones at or above it count, m.
    pub(crate) h: f64,
    /// Distances below this are violations, metres.
    pub(crate) limit: f64,
    /// Minima above this radius are not needed (another pair is closer), metres.
    pub(crate) r: f64,
    /// Accuracy, metres.
    pub(crate) tol: f64,
}

/// A stretch of time where the pair is closer than the limit, with its smallest distance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Below {
    pub(crate) t0: f64,
    pub(crate) t1: f64,
    pub(crate) min: f64,
    pub(crate) at: f64,
}

struct Node {
    s0: f64,
    s1: f64,
    d: [Vec3; 4],
    za: [f64; 4],
    zb: [f64; 4],
    depth: u32,
}

/// Distance from the origin to the bounding box of the points.
fn box_dist(d: &[Vec3; 4]) -> f64 {
    let (lo, hi) = bezier::bounds(d);
    let g = |l: f64, h: f64| {
        if l > 0.0 {
            l
        } else if h < 0.0 {
            -h
        } else {
            0.0
        }
    };
    Vec3::new(g(lo.x, hi.x), g(lo.y, hi.y), g(lo.z, hi.z)).norm()
}

fn zs(p: &[Vec3; 4]) -> [f64; 4] {
    [p[0].z, p[1].z, p[2].z, p[3].z]
}

fn max4(v: &[f64; 4]) -> f64 {
    v[0].max(v[1]).max(v[2]).max(v[3])
}

fn min4(v: &[f64; 4]) -> f64 {
    v[0].min(v[1]).min(v[2]).min(v[3])
}

/// Smallest `|d(u)|` over a piece `[s0, s1]` of a difference curve, to `tol`, starting from
/// a known sample `start`: `(distance, time)`.
fn piece_min(d: &[Vec3; 4], s0: f64, s1: f64, start: (f64, f64), tol: f64) -> (f64, f64) {
    let mut best = start;
    let mut stack = vec![(*d, s0, s1, 0u32)];
    while let Some((d, a, b, depth)) = stack.pop() {
        if box_dist(&d) >= best.0 - tol || depth >= MAX_DEPTH || !(b - a > 0.0) {
            continue;
        }
        let (l, r) = split3(&d, 0.5);
        let m = 0.5 * (a + b);
        let v = l[3].norm();
        if v < best.0 {
            best = (v, m);
        }
        stack.push((r, m, b, depth + 1));
        stack.push((l, a, m, depth + 1));
    }
    best
}

/// The search, with its reusable stack.
#[derive(Default)]
pub(crate) struct PairSearch {
    stack: Vec<Node>,
}

impl PairSearch {
    /// Searches drones `a` and `b` over one window; both piece lists are contiguous and
    /// cover the same window. Returns the smallest distance while both are up, if it is at
    /// most `r` (`(distance, time)`, the earliest on ties), and appends the stretches closer
    /// than the limit to `below`, in time order.
    ///
    /// `bound` is a distance already found elsewhere in the window: the minimum is only
    /// refined to the tolerance where it could beat `bound` (otherwise it may be reported
    /// higher than it is, or not at all).
    pub(crate) fn run(
        &mut self,
        a: &[Segment],
        b: &[Segment],
        prm: &PairParams,
        bound: f64,
        below: &mut Vec<Below>,
    ) -> Option<(f64, f64)> {
        let first_below = below.len();
        let mut best = (f64::INFINITY, 0.0);
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            let s0 = a[i].t0.max(b[j].t0);
            let s1 = a[i].t1.min(b[j].t1);
            if s1 > s0 {
                let pa = bezier::sub_time(&a[i], s0, s1);
                let pb = bezier::sub_time(&b[j], s0, s1);
                let d = [
                    pa.p[0] - pb.p[0],
                    pa.p[1] - pb.p[1],
                    pa.p[2] - pb.p[2],
                    pa.p[3] - pb.p[3],
                ];
                self.stack.push(Node {
                    s0,
                    s1,
                    d,
                    za: zs(&pa.p),
                    zb: zs(&pb.p),
                    depth: 0,
                });
                self.drain(prm, bound, &mut best, below, first_below);
            }
            if a[i].t1 <= b[j].t1 {
                i += 1;
            } else {
                j += 1;
            }
        }
        (best.0 <= prm.r).then_some(best)
    }

    fn drain(
        &mut self,
        prm: &PairParams,
        bound: f64,
        best: &mut (f64, f64),
        below: &mut Vec<Below>,
        first: usize,
    ) {
        let h = prm.h;
        let emit = |s0: f64, s1: f64, min: f64, at: f64, below: &mut Vec<Below>| {
            if below.len() > first
                && let Some(last) = below.last_mut()
                && last.t1 == s0
            {
                last.t1 = s1;
                if min < last.min {
                    last.min = min;
                    last.at = at;
                }
                return;
            }
            below.push(Below {
                t0: s0,
                t1: s1,
                min,
                at,
            });
        };
        while let Some(n) = self.stack.pop() {
            if !(max4(&n.za) >= h && max4(&n.zb) >= h) {
                continue; // one of them is surely below the minimum navigation altitude
            }
            let alt_sure = min4(&n.za) >= h && min4(&n.zb) >= h;
            let lb = box_dist(&n.d);
            let mut piece_ub = f64::INFINITY;
            let mut piece_at = n.s0;
            for (k, t) in [(0, n.s0), (3, n.s1)] {
                if n.za[k] >= h && n.zb[k] >= h {
                    let v = n.d[k].norm();
                    if v < piece_ub {
                        piece_ub = v;
                        piece_at = t;
                    }
                }
            }
            if piece_ub < best.0 {
                *best = (piece_ub, piece_at);
            }
            let can_violate = lb < prm.limit;
            if !can_violate && (lb >= best.0.min(bound) - prm.tol || lb > prm.r) {
                continue;
            }
            let small = n.depth >= MAX_DEPTH || !(n.s1 - n.s0 > BOUNDARY_RES_S);
            if alt_sure {
                let min_known = piece_ub - lb <= prm.tol;
                if !can_violate {
                    if min_known || small {
                        continue;
                    }
                } else if n.d.iter().all(|p| p.norm() < prm.limit) {
                    // Entirely closer than the limit: only the minimum is needed, and only
                    // where it could lower the minimum of the stretch this piece continues.
                    let run_min = below[first..]
                        .last()
                        .filter(|l| l.t1 == n.s0)
                        .map(|l| l.min);
                    if min_known || small || run_min.is_some_and(|m| lb >= m - prm.tol) {
                        emit(n.s0, n.s1, piece_ub, piece_at, below);
                    } else {
                        // Its own minimum, searched best-first, emitted as one stretch.
                        let (m, at) = piece_min(&n.d, n.s0, n.s1, (piece_ub, piece_at), prm.tol);
                        if m < best.0 {
                            *best = (m, at);
                        }
                        emit(n.s0, n.s1, m, at, below);
                    }
                    continue;
                } else if small {
                    // Crossing the limit: resolved to the boundary resolution.
                    if piece_ub < prm.limit {
                        emit(n.s0, n.s1, piece_ub, piece_at, below);
                    }
                    continue;
                }
            } else if small {
                if piece_ub < prm.limit {
                    emit(n.s0, n.s1, piece_ub, piece_at, below);
                }
                continue;
            }
            let (dl, dr) = split3(&n.d, 0.5);
            let (al, ar) = split1(&n.za, 0.5);
            let (bl, br) = split1(&n.zb, 0.5);
            let sm = 0.5 * (n.s0 + n.s1);
            let depth = n.depth + 1;
            self.stack.push(Node {
                s0: sm,
                s1: n.s1,
                d: dr,
                za: ar,
                zb: br,
                depth,
            });
            self.stack.push(Node {
                s0: n.s0,
                s1: sm,
                d: dl,
                za: al,
                zb: bl,
                depth,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prm(limit: f64) -> PairParams {
        PairParams {
            h: 2.5,
            limit,
            r: 10.0,
            tol: 1e-6,
        }
    }

    #[test]
    fn crossing_lines_minimum() {
        // a moves along x through the origin, b along y through (0,0,1) offset: min distance 1.
        let a = [Segment::line(
            0.0,
            2.0,
            Vec3::new(-1.0, 0.0, 10.0),
            Vec3::new(1.0, 0.0, 10.0),
        )];
        let b = [Segment::line(
            0.0,
            2.0,
            Vec3::new(0.0, -1.0, 11.0),
            Vec3::new(0.0, 1.0, 11.0),
        )];
        let mut below = Vec::new();
        let (d, t) = PairSearch::default()
            .run(&a, &b, &prm(1.2), f64::INFINITY, &mut below)
            .unwrap();
        assert!((d - 1.0).abs() < 1e-6, "{d}");
        assert!((t - 1.0).abs() < 1e-3, "{t}");
        assert_eq!(below.len(), 1);
        // Distance² = 2(t-1)² + 1 < 1.44 ⇔ |t-1| < sqrt(0.22).
        let half = 0.22f64.sqrt();
        assert!(
            (below[0].t0 - (1.0 - half)).abs() < 1e-5 && (below[0].t1 - (1.0 + half)).abs() < 1e-5
        );
    }

    #[test]
    fn below_min_nav_is_ignored() {
        let a = [Segment::hold(0.0, 1.0, Vec3::new(0.0, 0.0, 1.0))];
        let b = [Segment::hold(0.0, 1.0, Vec3::new(0.5, 0.0, 1.0))];
        let mut below = Vec::new();
        assert!(
            PairSearch::default()
                .run(&a, &b, &prm(3.0), f64::INFINITY, &mut below)
                .is_none()
        );
        assert!(below.is_empty());
    }
}
