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
//! picture standing in a vertical plane is not scanned pair by pair. Windows are swept
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

/// Stretches of flight time, ms after the trigger: `[from, to)`, ascending.
pub(crate) type Stretches = Vec<(i64, i64)>;

/// A gap between boxes, metres, and the pair of drones it is between.
type Floor = (f64, Option<(usize, usize)>);

/// One window's box of each flying drone: low and high corners.
type Boxes = Vec<(Vec3, Vec3)>;

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
}

impl NearPairs {
    /// The boxes of `plan`'s flying drones for triggers in `sweep`'s window.
    pub(crate) fn new(plan: &ReturnPlan, sweep: &StartSweep, d: f64, low: f64) -> NearPairs {
        let boxes = (0..plan.starts.len())
            .into_par_iter()
            .map(|i| drone_boxes(plan, sweep, i))
            .collect();
        NearPairs {
            boxes,
            depart: (0..plan.starts.len()).map(|i| plan.depart_ms(i)).collect(),
            d,
            low,
        }
    }

    /// Makes the boxes of the drones flagged in `delayed` again, from `plan`'s departures.
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
    }

    /// The pairs whose boxes come closer than the minimum distance, and the floor under
    /// the others (see [`Found`]).
    pub(crate) fn find(&self) -> Found {
        let windows = self.boxes.iter().map(Vec::len).max().unwrap_or(0);
        let per_window: Vec<(Vec<(usize, usize)>, Floor)> = (0..windows)
            .into_par_iter()
            .map(|w| self.window(w))
            .collect();
        let mut floor: Floor = (self.d + MARGIN_M, None);
        let mut by_pair: FxHashMap<(usize, usize), Stretches> = FxHashMap::default();
        for (w, (pairs, f)) in per_window.into_iter().enumerate() {
            if f.0 < floor.0 {
                floor = f;
            }
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

    /// Window `w`'s pairs closer than the minimum distance (`i < j`), and the smallest gap
    /// of the other pairs in play with its pair (the minimum distance plus [`MARGIN_M`]
    /// and no pair when none is nearer).
    fn window(&self, w: usize) -> (Vec<(usize, usize)>, Floor) {
        let s1 = (w as i64 + 1) * WINDOW_MS;
        let in_play: Vec<(usize, (Vec3, Vec3))> = self
            .boxes
            .iter()
            .enumerate()
            .filter(|(_, b)| !b.is_empty())
            .map(|(i, b)| (i, b[w.min(b.len() - 1)]))
            .filter(|(_, (_, hi))| hi.z >= self.low)
            .collect();
        let axis = widest_axis(&in_play);
        let key = |p: Vec3| [p.x, p.y, p.z][axis];
        // (low and high on the sweep axis, drone, box), by low.
        let mut order: Vec<(f64, f64, usize, (Vec3, Vec3))> = in_play
            .into_iter()
            .map(|(i, b)| (key(b.0), key(b.1), i, b))
            .collect();
        order.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
        let reach = self.d + MARGIN_M;
        let (reach2, d2) = (reach * reach, self.d * self.d);
        let mut floor: Floor = (reach, None);
        let mut pairs = Vec::new();
        let gap = |l0: f64, h0: f64, l1: f64, h1: f64| (l1 - h0).max(l0 - h1).max(0.0);
        for (k, &(_, hi_key, i, (lo, hi))) in order.iter().enumerate() {
            for &(lo_key, _, j, (lb, hb)) in &order[k + 1..] {
                if lo_key - hi_key >= reach {
                    break;
                }
                let g = Vec3::new(
                    gap(lo.x, hi.x, lb.x, hb.x),
                    gap(lo.y, hi.y, lb.y, hb.y),
                    gap(lo.z, hi.z, lb.z, hb.z),
                );
                let g2 = g.norm2();
                if g2 >= reach2 || s1 <= self.depart[i].min(self.depart[j]) {
                    // Far enough apart, or both still hover where the show has them (the
                    // show's own validation covers that distance).
                    continue;
                }
                let pair = (i.min(j), i.max(j));
                if g2 < d2 {
                    pairs.push(pair);
                    continue;
                }
                let g = g2.sqrt();
                if g < floor.0 || (g == floor.0 && floor.1.is_some_and(|p| pair < p)) {
                    floor = (g, Some(pair));
                }
            }
        }
        pairs.sort_unstable();
        (pairs, floor)
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
