//! The geofence, in continuous time: no drone outside an inclusion polygon
//! ([`ViolationKind::OutsideBoundary`]) or inside an exclusion zone
//! ([`ViolationKind::InExclusionZone`]) at any moment, on the ground or in the air.
//!
//! A zone's signed distance changes by at most the distance moved, so over a piece of a
//! Bézier segment (inside the convex hull of its control points, hence inside the ball
//! around their mean that holds them all) it is bounded by its value at the centre plus the
//! ball's radius. Pieces whose bound shows no breach deeper than the deepest found are
//! dropped; the others are halved until the ball is smaller than the tolerance. Breaches
//! are measured at points of the curve itself, so every reported one is real; one shallower
//! than the tolerance may go unreported.

use rayon::prelude::*;
use skyshow_model::{Geofence, Polygon, Segment, Vec3};

use crate::bezier::{self, split3};
use crate::grouping::Stretch;
use crate::prepared::PreparedDrone;
use crate::{Violation, ViolationKind};

/// Deepest subdivision of one segment.
const MAX_DEPTH: u32 = 48;

/// How far `p` is on the wrong side of `zone`: outside an inclusion polygon or inside an
/// exclusion zone (positive), metres; negative when on the right side.
fn breach(zone: &Polygon, inclusion: bool, p: Vec3) -> f64 {
    let d = zone.signed_distance(p.x, p.y);
    if inclusion { -d } else { d }
}

/// The deepest breach along a segment above `floor` (≥ 0), `(depth, time)`.
fn deepest(s: &Segment, f: &dyn Fn(Vec3) -> f64, tol: f64) -> Option<(f64, f64)> {
    let mut best: Option<(f64, f64)> = None;
    let consider = |d: f64, t: f64, best: &mut Option<(f64, f64)>| {
        if d > 0.0 && best.is_none_or(|b| d > b.0) {
            *best = Some((d, t));
        }
    };
    let h = s.t1 - s.t0;
    if bezier::is_hold(s) {
        // Standing still: reported at the middle of the hold, inside its phase.
        consider(f(s.p[0]), s.t0 + 0.5 * h, &mut best);
        return best;
    }
    consider(f(s.p[0]), s.t0, &mut best);
    consider(f(s.p[3]), s.t1, &mut best);
    let mut stack = vec![(s.p, 0.0f64, 1.0f64, 0u32)];
    while let Some((c, u0, u1, depth)) = stack.pop() {
        let centre = (c[0] + c[1] + c[2] + c[3]) * 0.25;
        let r = c.iter().map(|q| q.dist(centre)).fold(0.0, f64::max);
        let floor = best.map_or(0.0, |b| b.0);
        if !(f(centre) + r > floor) {
            continue;
        }
        let (l, rt) = split3(&c, 0.5);
        let um = 0.5 * (u0 + u1);
        consider(f(l[3]), s.t0 + um * h, &mut best);
        if r <= tol || depth >= MAX_DEPTH {
            continue;
        }
        stack.push((rt, um, u1, depth + 1));
        stack.push((l, u0, um, depth + 1));
    }
    best
}

/// Merges a drone's breaching segments into stretches, keeping the deepest point; on a tie
/// (within the tolerance) a point where the drone holds still wins, so a breach that lasts
/// through a formation is reported at the formation.
struct Stretches {
    tol: f64,
    cur: Option<(Stretch, bool)>,
    out: Vec<Stretch>,
}

impl Stretches {
    fn add(&mut self, s: Stretch, hold: bool) {
        match &mut self.cur {
            Some((c, c_hold)) if s.t0 <= c.t1 + 1e-9 => {
                c.t1 = c.t1.max(s.t1);
                let tie = (s.value - c.value).abs() <= self.tol;
                if (s.value > c.value && !tie) || (tie && hold && !*c_hold) {
                    c.value = c.value.max(s.value);
                    c.at = s.at;
                    *c_hold = hold;
                }
            }
            _ => {
                if let Some((c, _)) = self.cur.take() {
                    self.out.push(c);
                }
                self.cur = Some((s, hold));
            }
        }
    }

    fn finish(mut self) -> Vec<Stretch> {
        if let Some((c, _)) = self.cur.take() {
            self.out.push(c);
        }
        self.out
    }
}

/// One drone's breaches of one zone, merged per contiguous stretch of time.
fn drone_zone(d: &PreparedDrone<'_>, f: &dyn Fn(Vec3) -> f64, t0: f64, tol: f64) -> Vec<Stretch> {
    let mut g = Stretches {
        tol,
        cur: None,
        out: Vec::new(),
    };
    if !d.present {
        return Vec::new();
    }
    let start = d.segs.first().map_or(t0, |s| s.t0);
    let b = f(d.first);
    if b > 0.0 {
        g.add(
            Stretch {
                t0: t0.min(start),
                t1: start,
                value: b,
                at: t0.min(start),
            },
            false,
        );
    }
    for s in d.segs.iter() {
        if let Some((value, at)) = deepest(s, f, tol) {
            g.add(
                Stretch {
                    t0: s.t0,
                    t1: s.t1,
                    value,
                    at,
                },
                bezier::is_hold(s),
            );
        }
    }
    g.finish()
}

/// Every breach of `fence` by `drones` from `t0` on, in drone order, zone order, time.
pub(crate) fn check(
    drones: &[PreparedDrone<'_>],
    fence: &Geofence,
    t0: f64,
    tol: f64,
) -> Vec<Violation> {
    let zones: Vec<(&Polygon, bool)> = fence
        .inclusions
        .iter()
        .map(|p| (p, true))
        .chain(fence.exclusions.iter().map(|p| (p, false)))
        .filter(|(p, _)| p.points.len() >= 3)
        .collect();
    let per_drone: Vec<Vec<Violation>> = drones
        .par_iter()
        .enumerate()
        .map(|(i, d)| {
            let mut out = Vec::new();
            for &(zone, inclusion) in &zones {
                let f = |p: Vec3| breach(zone, inclusion, p);
                let kind = if inclusion {
                    ViolationKind::OutsideBoundary
                } else {
                    ViolationKind::InExclusionZone
                };
                for st in drone_zone(d, &f, t0, tol) {
                    out.push(Violation {
                        kind,
                        time_s: st.at,
                        drones: vec![i],
                        value: st.value,
                        limit: 0.0,
                        source: String::new(),
                    });
                }
            }
            out
        })
        .collect();
    per_drone.into_iter().flatten().collect()
}
