//! `NearPairs`: the broad phase of an entry's proof. Which pairs of drones come near each
//! other at the same time during a return triggered anywhere in a window, and when.
//!
//! The return's flight time is cut into windows of [`WINDOW_MS`]. In each, every flying
//! drone's flight from its entry position lies in a box (`pair_check::sweep_box`: its
//! positions at the window's ends and joints, grown by how far a quadratic piece bulges
//! from its chord). A later trigger moves the drone by at most the progress it has left on
//! its leg times its reach (`c_i·μ_i`, see `trigger_proof`), and the progress left only
//! shrinks, so the box grown by `c_i(t0)·μ_i` holds the drone for every trigger in the
//! window. Boxes are swept along x; two drones whose grown boxes stay more than the
//! minimum distance (plus [`MARGIN_M`]) apart are that far apart throughout the window,
//! for every trigger, and their pair is not proven there. Pairs that cross paths at
//! different moments (the landing schedule's delays make most crossings such) are never
//! proven at all.
//!
//! The boxes depend on each drone's departure, so a drone delayed by the proof's repair
//! has its boxes made again ([`NearPairs::delayed`]) and the pairs found again. Results
//! are gathered by window and sorted, so they do not depend on the number of threads.

use rayon::prelude::*;
use skyshow_model::Vec3;

use crate::emergency::return_plan::{ReturnAction, ReturnPlan};
use crate::emergency::start_sweep::StartSweep;
use crate::flight::Flight;
use crate::pair_check::sweep_box;

/// Length of the broad phase's windows of flight time, ms.
pub(crate) const WINDOW_MS: i64 = 500;
/// How much more than the minimum distance two grown boxes must keep apart for their
/// pair not to be proven in that window, metres.
pub(crate) const MARGIN_M: f64 = 0.05;

/// Stretches of flight time, ms after the trigger: `[from, to)`, ascending.
pub(crate) type Stretches = Vec<(i64, i64)>;

/// One window's box of each flying drone: low and high corners.
type Boxes = Vec<(Vec3, Vec3)>;

/// The grown boxes of every flying drone, window by window.
pub(crate) struct NearPairs {
    /// `boxes[i][w]`: drone `i`'s grown box in window `w`, up to the window in which it
    /// lands (after that it stands on its slot: the last box); empty for a drone landing
    /// where it is.
    boxes: Vec<Boxes>,
    /// Each drone's departure, ms after the trigger.
    depart: Vec<i64>,
    /// The distance below which two boxes make a pair near, metres.
    near: f64,
    /// The minimum navigation altitude, metres: a window in which either box lies wholly
    /// below it is not proven (as in the validator).
    low: f64,
}

impl NearPairs {
    /// The boxes of `plan`'s flying drones for triggers in `sweep`'s window, pairs near
    /// when closer than `d` plus [`MARGIN_M`].
    pub(crate) fn new(plan: &ReturnPlan, sweep: &StartSweep, d: f64, low: f64) -> NearPairs {
        let boxes = (0..plan.starts.len())
            .into_par_iter()
            .map(|i| drone_boxes(plan, sweep, i))
            .collect();
        NearPairs {
            boxes,
            depart: (0..plan.starts.len()).map(|i| plan.depart_ms(i)).collect(),
            near: d + MARGIN_M,
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

    /// The stretches of flight time in which drones `i` and `j` may come within the
    /// minimum distance (plus [`MARGIN_M`]) for some trigger in the window: windows where
    /// their grown boxes come that close, both are not still hovering, and neither lies
    /// wholly below the minimum navigation altitude. Empty when they never do.
    pub(crate) fn stretches(&self, i: usize, j: usize) -> Stretches {
        let (bi, bj) = (&self.boxes[i], &self.boxes[j]);
        let mut out: Stretches = Vec::new();
        if bi.is_empty() || bj.is_empty() {
            return out;
        }
        let hover = self.depart[i].min(self.depart[j]);
        let gap = |l0: f64, h0: f64, l1: f64, h1: f64| (l1 - h0).max(l0 - h1).max(0.0);
        for w in 0..bi.len().max(bj.len()) {
            let (s0, s1) = (w as i64 * WINDOW_MS, (w as i64 + 1) * WINDOW_MS);
            let ((lo, hi), (lb, hb)) = (bi[w.min(bi.len() - 1)], bj[w.min(bj.len() - 1)]);
            if s1 <= hover || hi.z < self.low || hb.z < self.low {
                continue;
            }
            let g = Vec3::new(
                gap(lo.x, hi.x, lb.x, hb.x),
                gap(lo.y, hi.y, lb.y, hb.y),
                gap(lo.z, hi.z, lb.z, hb.z),
            );
            if g.norm() >= self.near {
                continue;
            }
            match out.last_mut() {
                Some(last) if last.1 == s0 => last.1 = s1,
                _ => out.push((s0, s1)),
            }
        }
        out
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
            let g = plan.left(i, t0) * sweep.reach[i];
            let g = Vec3::new(g, g, g);
            (lo - g, hi + g)
        })
        .collect()
}
