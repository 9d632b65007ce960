//! `NearPairs`: the broad phase of an entry's proof. Which pairs of drones may come
//! closer than the minimum distance during a return triggered anywhere in a window, and
//! when.
//!
//! The return's flight time is cut into windows of [`WINDOW_MS`]. In each, every flying
//! drone's flight from its entry position lies in a box (`pair_check::sweep_box`: its
//! positions at the window's ends and joints, grown by how far a quadratic piece bulges
//! from its chord). A later trigger moves the drone by at most the progress it has left on
//! its leg times where the show takes it meanwhile (`c_i·e_i`, see `trigger_proof`); `e_i`
//! lies in the box of the drone's control points less its anchor (`StartSweep::spread`,
//! which holds zero), and the progress left only shrinks, so the box grown by `c_i(t0)`
//! times that box holds the drone for every trigger in the window: a drone flying along
//! x grows along x only. Two drones whose grown boxes are at least the minimum distance apart are that
//! far apart throughout the window, for every trigger: their pair is not proven there, and
//! the gap between their boxes is itself a lower bound on their distance
//! ([`Found::floor`]). Pairs that cross paths at different moments (the landing schedule's
//! delays make most crossings such) and neighbours descending side by side onto a grid as
//! wide as the minimum distance are never proven at all.
//!
//! Each window's boxes are swept along the axis in which the drones spread most, so a
//! picture standing in a vertical plane is not scanned pair by pair. Each window keeps its
//! near pairs; after a repair round delays some drones, only the pairs of those drones are
//! looked at again (the others' boxes and departures did not change). Windows are swept
//! in parallel and their pairs gathered by window, so the result does not depend on the
//! number of threads.

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use skyshow_model::Vec3;

use crate::emergency::return_plan::{ReturnAction, ReturnPlan};
use crate::emergency::start_sweep::StartSweep;
use crate::flight::Flight;
use crate::pair_check::sweep_box;

/// Length of the broad phase's windows of flight time, ms.
pub(crate) const WINDOW_MS: i64 = 500;
/// How far above the minimum distance a gap between boxes is worth reporting, metres:
/// the proof's bound is never reported above the minimum distance plus this.
pub(crate) const MARGIN_M: f64 = 0.05;

/// Delayed drones per drone in play above which a window is swept whole again rather
/// than its delayed drones' pairs looked at one by one.
const MOVED_PER_SWEEP: usize = 16;
/// Stretches of flight time, ms after the trigger: `[from, to)`, ascending.
pub(crate) type Stretches = Vec<(i64, i64)>;

/// A gap between boxes, metres, and the pair of drones it is between.
type Floor = (f64, Option<(usize, usize)>);

/// A box: low and high corners.
type Bx = (Vec3, Vec3);

/// One window's box of each flying drone.
type Boxes = Vec<Bx>;

/// What the broad phase found.
pub(crate) struct Found {
    /// The pairs whose boxes come closer than the minimum distance, ascending, with the
    /// stretches of flight time in which they do.
    pub(crate) pairs: Vec<((usize, usize), Stretches)>,
    /// The smallest gap between the boxes of two drones in play (above the minimum
    /// navigation altitude, not both still hovering) that are not closer than the minimum
    /// distance, metres, and that pair; at most the minimum distance plus [`MARGIN_M`]
    /// (and no pair).
    pub(crate) floor: (f64, Option<(usize, usize)>),
}

/// The grown boxes of every flying drone, window by window.
pub(crate) struct NearPairs {
    /// `boxes[i][w]`: drone `i`'s grown box in window `w`, up to the window in which it
    /// lands (after that it stands on its slot: the last box); empty for a drone landing
    /// where it is.
    boxes: Vec<Boxes>,
    /// Each drone's departure, ms after the trigger.
    depart: Vec<i64>,
    /// The minimum distance, metres.
    d: f64,
    /// The minimum navigation altitude, metres: a box wholly below it is out of play (as
    /// in the validator).
    low: f64,
    /// Each window's pairs in play (not both still hovering) whose boxes come closer than
    /// the minimum distance plus [`MARGIN_M`], with the squared gap between the boxes,
    /// metres²: what [`NearPairs::find`] reads, kept up to date by
    /// [`NearPairs::delayed`].
    near: Vec<Vec<((usize, usize), f64)>>,
}

impl NearPairs {
    /// The boxes of `plan`'s flying drones for triggers in `sweep`'s window.
    pub(crate) fn new(plan: &ReturnPlan, sweep: &StartSweep, d: f64, low: f64) -> NearPairs {
        let boxes: Vec<Boxes> = (0..plan.starts.len())
            .into_par_iter()
            .map(|i| drone_boxes(plan, sweep, i))
            .collect();
        let mut near = NearPairs {
            boxes,
            depart: (0..plan.starts.len()).map(|i| plan.depart_ms(i)).collect(),
            d,
            low,
            near: Vec::new(),
        };
        near.near = (0..near.windows())
            .into_par_iter()
            .map(|w| near.window(w))
            .collect();
        near
    }

    /// How many windows the boxes span.
    fn windows(&self) -> usize {
        self.boxes.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Makes the boxes of the drones flagged in `delayed` again, from `plan`'s departures
    /// (only ever later), and their pairs: the pairs of two other drones stay as they
    /// were (their boxes and departures did not change), so each window only looks at
    /// the pairs of the delayed drones; a window the delays add is swept whole.
    pub(crate) fn delayed(&mut self, plan: &ReturnPlan, sweep: &StartSweep, delayed: &[bool]) {
        let redo: Vec<(usize, Boxes)> = (0..delayed.len())
            .into_par_iter()
            .filter(|&i| delayed[i])
            .map(|i| (i, drone_boxes(plan, sweep, i)))
            .collect();
        for (i, b) in redo {
            self.boxes[i] = b;
            self.depart[i] = plan.depart_ms(i);
        }
        let moved: Vec<usize> = (0..delayed.len()).filter(|&i| delayed[i]).collect();
        let reach = self.d + MARGIN_M;
        let mut near = std::mem::take(&mut self.near);
        near.par_iter_mut().enumerate().for_each(|(w, pairs)| {
            let in_play = self.in_play(w);
            if moved.len() * MOVED_PER_SWEEP > in_play.len() {
                *pairs = self.window(w);
                return;
            }
            pairs.retain(|((i, j), _)| !delayed[*i] && !delayed[*j]);
            for &(i, bi) in in_play.iter().filter(|(i, _)| delayed[*i]) {
                // Only boxes within reach along x and y can be near.
                let (lo, hi) = (
                    bi.0 - Vec3::new(reach, reach, 0.0),
                    bi.1 + Vec3::new(reach, reach, 0.0),
                );
                for &(j, bj) in &in_play {
                    if j == i
                        || (delayed[j] && j < i)
                        || bj.0.x >= hi.x
                        || bj.1.x <= lo.x
                        || bj.0.y >= hi.y
                        || bj.1.y <= lo.y
                    {
                        continue;
                    }
                    if let Some(g2) = self.near_gap(w, (i, bi), (j, bj)) {
                        pairs.push(((i.min(j), i.max(j)), g2));
                    }
                }
            }
        });
        let known = near.len();
        near.extend(
            (known..self.windows())
                .into_par_iter()
                .map(|w| self.window(w))
                .collect::<Vec<_>>(),
        );
        self.near = near;
        #[cfg(test)]
        for (w, pairs) in self.near.iter().enumerate() {
            let sorted = |mut v: Vec<((usize, usize), f64)>| {
                v.sort_by_key(|a| a.0);
                v
            };
            assert_eq!(sorted(pairs.clone()), sorted(self.window(w)), "window {w}");
        }
    }

    /// The pairs whose boxes come closer than the minimum distance, and the floor under
    /// the others (see [`Found`]).
    pub(crate) fn find(&self) -> Found {
        let (d2, reach) = (self.d * self.d, self.d + MARGIN_M);
        let mut floor: Floor = (reach, None);
        let mut by_pair: FxHashMap<(usize, usize), Stretches> = FxHashMap::default();
        for (w, near) in self.near.iter().enumerate() {
            // The window's pairs, and its floor: the smallest gap, the smallest pair of
            // those at it (taken over the whole show only where strictly smaller).
            let mut pairs: Vec<(usize, usize)> = Vec::new();
            let mut f: Floor = (reach, None);
            for &(pair, g2) in near {
                if g2 < d2 {
                    pairs.push(pair);
                    continue;
                }
                let g = g2.sqrt();
                if g < f.0 || (g == f.0 && f.1.is_some_and(|p| pair < p)) {
                    f = (g, Some(pair));
                }
            }
            if f.0 < floor.0 {
                floor = f;
            }
            pairs.sort_unstable();
            let (s0, s1) = (w as i64 * WINDOW_MS, (w as i64 + 1) * WINDOW_MS);
            for p in pairs {
                let st = by_pair.entry(p).or_default();
                match st.last_mut() {
                    Some(last) if last.1 == s0 => last.1 = s1,
                    _ => st.push((s0, s1)),
                }
            }
        }
        let mut pairs: Vec<((usize, usize), Stretches)> = by_pair.into_iter().collect();
        pairs.sort_unstable_by_key(|(p, _)| *p);
        Found { pairs, floor }
    }

    /// The drones in play in window `w` (a box not wholly below the minimum navigation
    /// altitude), with their boxes, by index.
    fn in_play(&self, w: usize) -> Vec<(usize, (Vec3, Vec3))> {
        self.boxes
            .iter()
            .enumerate()
            .filter(|(_, b)| !b.is_empty())
            .map(|(i, b)| (i, b[w.min(b.len() - 1)]))
            .filter(|(_, (_, hi))| hi.z >= self.low)
            .collect()
    }

    /// The squared gap between the boxes of drones `i` and `j` in window `w` when it is
    /// less than the minimum distance plus [`MARGIN_M`] squared and not both still hover
    /// where the show has them (the show's own validation covers that distance).
    fn near_gap(&self, w: usize, (i, a): (usize, Bx), (j, b): (usize, Bx)) -> Option<f64> {
        let s1 = (w as i64 + 1) * WINDOW_MS;
        let reach = self.d + MARGIN_M;
        let gap = |l0: f64, h0: f64, l1: f64, h1: f64| (l1 - h0).max(l0 - h1).max(0.0);
        let (lo, hi, lb, hb) = (a.0, a.1, b.0, b.1);
        let g2 = Vec3::new(
            gap(lo.x, hi.x, lb.x, hb.x),
            gap(lo.y, hi.y, lb.y, hb.y),
            gap(lo.z, hi.z, lb.z, hb.z),
        )
        .norm2();
        (g2 < reach * reach && s1 > self.depart[i].min(self.depart[j])).then_some(g2)
    }

    /// Window `w`'s pairs in play whose boxes come closer than the minimum distance plus
    /// [`MARGIN_M`], with their squared gaps: the boxes swept along the axis in which they
    /// spread most.
    fn window(&self, w: usize) -> Vec<((usize, usize), f64)> {
        let in_play = self.in_play(w);
        let axis = widest_axis(&in_play);
        let key = |p: Vec3| [p.x, p.y, p.z][axis];
        // (low and high on the sweep axis, drone, box), by low (no two the same drone).
        let mut order: Vec<(f64, f64, usize, Bx)> = in_play
            .into_iter()
            .map(|(i, b)| (key(b.0), key(b.1), i, b))
            .collect();
        order.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
        let reach = self.d + MARGIN_M;
        let mut near = Vec::new();
        for (k, &(_, hi_key, i, a)) in order.iter().enumerate() {
            for &(lo_key, _, j, b) in &order[k + 1..] {
                if lo_key - hi_key >= reach {
                    break;
                }
                if let Some(g2) = self.near_gap(w, (i, a), (j, b)) {
                    near.push(((i.min(j), i.max(j)), g2));
                }
            }
        }
        near
    }
}

/// The axis (0, 1, 2 for x, y, z) along which the boxes' low corners spread most.
fn widest_axis(boxes: &[(usize, (Vec3, Vec3))]) -> usize {
    let mut lo = Vec3::new(f64::INFINITY, f64::INFINITY, f64::INFINITY);
    let mut hi = -lo;
    for (_, (l, _)) in boxes {
        lo = lo.min(*l);
        hi = hi.max(*l);
    }
    let span = hi - lo;
    if span.x >= span.y && span.x >= span.z {
        0
    } else if span.y >= span.z {
        1
    } else {
        2
    }
}

/// Drone `i`'s grown boxes, one per window until it has landed.
fn drone_boxes(plan: &ReturnPlan, sweep: &StartSweep, i: usize) -> Boxes {
    if !matches!(plan.actions[i], ReturnAction::Go { .. }) {
        return Vec::new();
    }
    let f: Flight = plan.flight(i);
    let joints = f.joints();
    let end = f.arrival_ms();
    let windows = ((end + WINDOW_MS - 1) / WINDOW_MS + 1).max(1);
    (0..windows)
        .map(|w| {
            let (t0, t1) = (w * WINDOW_MS, (w + 1) * WINDOW_MS);
            let (lo, hi) = sweep_box(&f, &joints, t0, t1);
            let c = plan.left(i, t0);
            let (slo, shi) = sweep.spread[i];
            (lo + slo * c, hi + shi * c)
        })
        .collect()
}
