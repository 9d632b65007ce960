//! `LandInPlace`: the stretches of the show in which a plain vertical "land now" is
//! collision-free, for ground stations without return plans.
//!
//! Landing in place, every drone descends vertically from where it is. Two drones whose
//! horizontal distance is at least the minimum distance stay that far apart whatever their
//! altitudes and speeds; two drones closer than that horizontally end up on top of each
//! other (a vertical picture's drones descend into the ones below them). So a trigger at
//! `σ` is safe exactly when every two drones are at least the minimum distance apart
//! horizontally at `σ` (pairs both below the minimum navigation altitude, such as drones
//! on their slots, aside). Each whole second is proven for every trigger in it: the change
//! of each pair's horizontal offset within a window is bounded from control points
//! (`StartSweep`), and the window is halved where the bound is not enough.

use rayon::prelude::*;
use skyshow_model::{Trajectory, Vec3};

use crate::emergency::start_sweep::StartSweep;
use crate::grid::CellGrid;

/// Most halvings of a second for one pair.
const MAX_DEPTH: u32 = 6;

/// Safe stretches of the show for landing in place.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LandInPlace {
    /// `[from, to]` intervals, seconds, ascending and disjoint.
    pub safe_s: Vec<(f64, f64)>,
}

impl LandInPlace {
    /// The safe stretches of the flight of `trajectories`, from 0 to `end_s`, judged second
    /// by second for minimum distance `d` and minimum navigation altitude `low`.
    pub fn find(trajectories: &[Trajectory], end_s: f64, d: f64, low: f64) -> LandInPlace {
        let seconds = end_s.ceil().max(0.0) as i64;
        let safe: Vec<bool> = (0..seconds)
            .into_par_iter()
            .map(|t| {
                let sweep = StartSweep::new(trajectories, t as f64, (t + 1) as f64);
                second_is_safe(&sweep, d, low)
            })
            .collect();
        let mut safe_s: Vec<(f64, f64)> = Vec::new();
        for (t, ok) in safe.iter().enumerate() {
            if !ok {
                continue;
            }
            let (from, to) = (t as f64, ((t + 1) as f64).min(end_s));
            match safe_s.last_mut() {
                Some(last) if last.1 == from => last.1 = to,
                _ => safe_s.push((from, to)),
            }
        }
        LandInPlace { safe_s }
    }

    /// Whether landing in place at `t` seconds is inside a safe stretch.
    pub fn is_safe_at(&self, t: f64) -> bool {
        self.safe_s.iter().any(|&(a, b)| a <= t && t < b)
    }
}

fn flat(p: Vec3) -> Vec3 {
    Vec3::new(p.x, p.y, 0.0)
}

fn second_is_safe(sweep: &StartSweep, d: f64, low: f64) -> bool {
    let n = sweep.anchor.len();
    let grow = sweep.max_reach();
    let pts: Vec<Vec3> = sweep.anchor.iter().map(|&p| flat(p)).collect();
    let grid = CellGrid::new(&pts, d + 2.0 * grow + 1e-6);
    (0..n).all(|i| {
        let mut ok = true;
        grid.for_near(pts[i], |j| {
            if ok && j > i {
                ok = pair_is_safe(&sweep.pair(i, j), d, low, 0);
            }
        });
        ok
    })
}

/// Whether drones 0 and 1 of `sweep` are safe to land in place throughout its window.
fn pair_is_safe(sweep: &StartSweep, d: f64, low: f64, depth: u32) -> bool {
    let (i, j) = (0, 1);
    let (pi, pj) = (sweep.anchor[i], sweep.anchor[j]);
    let (ri, rj) = (sweep.reach[i], sweep.reach[j]);
    if pi.z + ri < low && pj.z + rj < low {
        return true;
    }
    let h = flat(pi).dist(flat(pj));
    if h < d - 1e-6 {
        return false;
    }
    if ri == 0.0 && rj == 0.0 {
        return true;
    }
    if h - sweep.relative_reach(i, j) >= d - 1e-6 {
        return true;
    }
    if depth >= MAX_DEPTH {
        return false;
    }
    let (a, b) = sweep.halves();
    pair_is_safe(&a, d, low, depth + 1) && pair_is_safe(&b, d, low, depth + 1)
}
