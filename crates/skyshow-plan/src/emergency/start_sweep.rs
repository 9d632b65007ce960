//! `StartSweep`: where the drones are when the return is triggered at any moment of a
//! window `[a, b]` of the show, relative to where they are at `a`.
//!
//! Every bound is taken from Bézier control points: a cubic piece lies in the convex hull
//! of its control points, and the exact sub-curve of a window is again a cubic
//! (`Segment::sub`), so `max |p(σ) − p(a)|` over the window is at most the largest distance
//! from `p(a)` to a control point of the window's pieces. The relative displacement of two
//! drones is bounded the same way on the difference of their pieces, cut at the union of
//! their joints.
//!
//! A drone moving through the window mostly moves along a line; `line` gives, for each
//! drone, a direction `u` and a bound `off` on how far from the line through its anchor
//! along `u` it gets (again from the control points: the distance to a line is convex).
//! A shift along `u` cannot bring two drones closer than their offset across `u` does, so
//! side-by-side drones whose returns leave at different rates are proven without cutting
//! the window into tiny parts (`TriggerProof`).

use skyshow_model::{Segment, Trajectory, Vec3};

/// The drones' positions over a trigger window.
#[derive(Clone, Debug)]
pub(crate) struct StartSweep {
    /// Start of the window, seconds.
    pub(crate) a: f64,
    /// End of the window, seconds.
    pub(crate) b: f64,
    /// Where each drone is at `a`.
    pub(crate) anchor: Vec<Vec3>,
    /// Each drone's pieces within the window (empty when it stands still throughout).
    pieces: Vec<Vec<Segment>>,
    /// Bound on how far each drone gets from its anchor within the window, metres.
    pub(crate) reach: Vec<f64>,
    /// Each drone's line of motion within the window: a unit direction (zero for a drone
    /// that stands still) and a bound on how far from the line through its anchor along
    /// it the drone gets, metres.
    pub(crate) line: Vec<(Vec3, f64)>,
    /// Each drone's displacement box within the window: the low and high corners of the
    /// box of its control points less its anchor (it holds the anchor's own zero).
    pub(crate) spread: Vec<(Vec3, Vec3)>,
}

/// The pieces of `tr` within `[a, b]` (nothing for the parts where it stands still
/// before its first segment or after its last).
fn window_pieces(tr: &Trajectory, a: f64, b: f64) -> Vec<Segment> {
    let from = tr.segments.partition_point(|s| s.t1 <= a);
    tr.segments[from..]
        .iter()
        .take_while(|s| s.t0 < b)
        .filter(|s| !s.is_hold())
        .map(|s| s.sub(s.t0.max(a), s.t1.min(b)))
        .filter(|s| s.t1 > s.t0)
        .collect()
}

/// Where `tr` is at `t`: while it holds, the held point itself, so that the seconds of a
/// still picture start from the same positions bit for bit (and share their plan).
fn held_position(tr: &Trajectory, t: f64) -> Vec3 {
    let i = tr.segments.partition_point(|s| s.t1 <= t);
    match tr.segments.get(i) {
        Some(s) if s.t0 <= t && s.is_hold() => s.p[0],
        _ => tr.position(t),
    }
}

impl StartSweep {
    /// The sweep of `trajectories` over `[a, b]` (`a == b` for a single moment).
    pub(crate) fn new(trajectories: &[Trajectory], a: f64, b: f64) -> StartSweep {
        let anchor: Vec<Vec3> = trajectories.iter().map(|t| held_position(t, a)).collect();
        let pieces: Vec<Vec<Segment>> = if b > a {
            trajectories
                .iter()
                .map(|t| window_pieces(t, a, b))
                .collect()
        } else {
            vec![Vec::new(); trajectories.len()]
        };
        StartSweep::with_pieces(a, b, anchor, pieces)
    }

    /// Whether no drone moves within the window.
    pub(crate) fn is_still(&self) -> bool {
        self.reach.iter().all(|&r| r == 0.0)
    }

    /// The largest reach of any drone, metres.
    pub(crate) fn max_reach(&self) -> f64 {
        self.reach.iter().copied().fold(0.0, f64::max)
    }

    /// The sweep of drones `i` and `j` alone (as drones 0 and 1), for halving one pair's
    /// window without cutting every drone's pieces.
    pub(crate) fn pair(&self, i: usize, j: usize) -> StartSweep {
        StartSweep {
            a: self.a,
            b: self.b,
            anchor: vec![self.anchor[i], self.anchor[j]],
            pieces: vec![self.pieces[i].clone(), self.pieces[j].clone()],
            reach: vec![self.reach[i], self.reach[j]],
            line: vec![self.line[i], self.line[j]],
            spread: vec![self.spread[i], self.spread[j]],
        }
    }

    /// The sweep over `[a, m]` and over `[m, b]`, `m` the middle.
    pub(crate) fn halves(&self) -> (StartSweep, StartSweep) {
        let m = 0.5 * (self.a + self.b);
        (self.part(self.a, m), self.part(m, self.b))
    }

    fn part(&self, a: f64, b: f64) -> StartSweep {
        let at = |ps: &[Segment], p0: Vec3, t: f64| -> Vec3 {
            // Before the first piece in the window the drone is where it was at the window's
            // start, or where the last piece before `t` left it.
            let mut p = p0;
            for s in ps {
                if s.t0 > t {
                    break;
                }
                p = s.position(t.min(s.t1));
            }
            p
        };
        let anchor: Vec<Vec3> = self
            .pieces
            .iter()
            .zip(&self.anchor)
            .map(|(ps, &p0)| at(ps, p0, a))
            .collect();
        let pieces: Vec<Vec<Segment>> = self
            .pieces
            .iter()
            .map(|ps| {
                ps.iter()
                    .filter(|s| s.t1 > a && s.t0 < b)
                    .map(|s| s.sub(s.t0.max(a), s.t1.min(b)))
                    .filter(|s| s.t1 > s.t0)
                    .collect()
            })
            .collect();
        StartSweep::with_pieces(a, b, anchor, pieces)
    }

    /// Bound on how much the vector from drone `j` to drone `i` changes within the
    /// window, metres: `max |(p_i(σ) − p_j(σ)) − (p_i(a) − p_j(a))|`.
    pub(crate) fn relative_reach(&self, i: usize, j: usize) -> f64 {
        let (pi, pj) = (&self.pieces[i], &self.pieces[j]);
        if pi.is_empty() {
            return self.reach[j];
        }
        if pj.is_empty() {
            return self.reach[i];
        }
        let r0 = self.anchor[i] - self.anchor[j];
        let mut cuts: Vec<f64> = vec![self.a, self.b];
        for s in pi.iter().chain(pj) {
            cuts.push(s.t0);
            cuts.push(s.t1);
        }
        cuts.sort_by(f64::total_cmp);
        cuts.dedup();
        let mut worst: f64 = 0.0;
        for w in cuts.windows(2) {
            if w[1] <= w[0] {
                continue;
            }
            let ci = piece_on(pi, self.anchor[i], w[0], w[1]);
            let cj = piece_on(pj, self.anchor[j], w[0], w[1]);
            for k in 0..4 {
                worst = worst.max((ci[k] - cj[k] - r0).norm());
            }
        }
        worst
    }
}

impl StartSweep {
    /// The sweep of drones at `anchor` at `a` moving along `pieces` until `b`, each reach
    /// and displacement box bounded by its pieces' control points (in one pass).
    fn with_pieces(a: f64, b: f64, anchor: Vec<Vec3>, pieces: Vec<Vec<Segment>>) -> StartSweep {
        let (reach, spread) = pieces
            .iter()
            .zip(&anchor)
            .map(|(ps, &p0)| {
                ps.iter().flat_map(|s| s.p.iter()).fold(
                    (0.0, (Vec3::ZERO, Vec3::ZERO)),
                    |(reach, (lo, hi)): (f64, (Vec3, Vec3)), &q| {
                        (reach.max(q.dist(p0)), (lo.min(q - p0), hi.max(q - p0)))
                    },
                )
            })
            .unzip();
        let line = pieces
            .iter()
            .zip(&anchor)
            .map(|(ps, &p0)| motion_line(ps, p0))
            .collect();
        StartSweep {
            a,
            b,
            anchor,
            pieces,
            reach,
            line,
            spread,
        }
    }
}

/// The line a drone at `p0` moving along `ps` keeps closest to: its direction (the chord
/// from `p0` to where the pieces end, or towards the farthest control point when that
/// chord is short) and the largest distance of a control point from it. A drone that does
/// not move gets no direction and no distance.
fn motion_line(ps: &[Segment], p0: Vec3) -> (Vec3, f64) {
    let Some(last) = ps.last() else {
        return (Vec3::ZERO, 0.0);
    };
    let points = || ps.iter().flat_map(|s| s.p.iter()).map(move |&q| q - p0);
    let far = points().fold(Vec3::ZERO, |f, q| if q.norm2() > f.norm2() { q } else { f });
    let chord = last.p[3] - p0;
    let dir = if chord.norm() >= 0.5 * far.norm() {
        chord
    } else {
        far
    };
    let n = dir.norm();
    if n <= 1e-12 {
        return (Vec3::ZERO, far.norm());
    }
    let u = dir * (1.0 / n);
    let off = points().map(|q| across(q, u).norm()).fold(0.0, f64::max);
    (u, off)
}

/// The part of `x` across the unit direction `u` (all of it when `u` is zero).
pub(crate) fn across(x: Vec3, u: Vec3) -> Vec3 {
    x - u * x.dot(u)
}

/// The control points of a drone's motion over `[t0, t1]`, an interval within one piece
/// or between pieces (where it stands still where the last piece left it).
fn piece_on(ps: &[Segment], p0: Vec3, t0: f64, t1: f64) -> [Vec3; 4] {
    let mut at = p0;
    for s in ps {
        if s.t0 <= t0 && t1 <= s.t1 {
            return s.sub(t0, t1).p;
        }
        if s.t1 <= t0 {
            at = s.end();
        }
    }
    [at; 4]
}
