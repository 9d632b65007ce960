//! `Separation`: the exact minimum distance of the whole show and its violations, window by
//! window. Windows run in parallel in chunks; their results are merged in order, so stretches
//! closer than the limit that continue across window boundaries become one violation, and
//! the result does not depend on the number of threads.

use std::collections::BTreeMap;

use rayon::prelude::*;
use skyshow_model::{Limits, Vec3};

use crate::ViolationKind;
use crate::bezier;
use crate::drone_checks::SegExtremes;
use crate::pair_search::{Below, PairParams};
use crate::prepared::PreparedDrone;
use crate::sink::ViolationSink;
use crate::window_pass::{PairMin, PassInput, WindowOutcome, better};
use crate::{ValidateOptions, Violation};

/// Units (see [`Unit`]) handed to the thread pool at once.
const CHUNK: usize = 64;
/// Units searched one after the other by one thread, sharing segment cursors.
const SUB_CHUNK: usize = 8;
/// The first search radius is this times the distance limit: closest pairs further apart are
/// found by repeating the search with a doubled radius.
const FIRST_RADIUS_FACTOR: f64 = 1.25;
/// Smallest search radius, metres.
const MIN_RADIUS_M: f64 = 0.5;

/// How the show is cut into windows: `count` windows from `t0`, `len` seconds each, the
/// last ending exactly at `t1`; each series window is `per_series` consecutive windows.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Windows {
    pub(crate) t0: f64,
    pub(crate) t1: f64,
    pub(crate) len: f64,
    pub(crate) count: usize,
    pub(crate) per_series: usize,
}

impl Windows {
    /// Boundary `k` (0 ..= count).
    pub(crate) fn bound(&self, k: usize) -> f64 {
        if k >= self.count {
            self.t1
        } else {
            self.t0 + k as f64 * self.len
        }
    }
}

/// Result of the separation search.
pub(crate) struct Separation {
    /// Global closest pair, if two drones are ever up together.
    pub(crate) best: Option<PairMin>,
    /// Per search window: smallest distance (infinite if none within the radius).
    pub(crate) min_distance: Vec<f64>,
    /// Per search window: largest horizontal speed (first pass), m/s.
    pub(crate) vxy: Vec<f64>,
    /// Per search window: largest vertical speed (first pass), m/s.
    pub(crate) vz: Vec<f64>,
    /// Per series window: drones above the ground at some moment (first pass).
    pub(crate) airborne: Vec<usize>,
}

fn close(a: u32, b: u32, s: &Below, limit: f64, sink: &mut ViolationSink) {
    sink.push(Violation {
        kind: ViolationKind::MinDistance,
        time_s: s.at,
        drones: vec![a as usize, b as usize],
        value: s.min,
        limit,
        source: String::new(),
    });
}

impl Separation {
    /// Runs the search; violations go to `sink`.
    pub(crate) fn run(
        drones: &[PreparedDrone<'_>],
        extremes: &[Vec<SegExtremes>],
        win: Windows,
        limits: &Limits,
        opts: &ValidateOptions,
        sink: &mut ViolationSink,
    ) -> Separation {
        let l = limits.min_distance_m;
        let limit_eff = l - 1e-9 * l.abs().max(1.0);
        let base = if l.is_finite() && l > 0.0 { l } else { 0.0 };
        let mut r = base.max(MIN_RADIUS_M) * FIRST_RADIUS_FACTOR;
        let mut sep = Separation {
            best: None,
            min_distance: vec![f64::INFINITY; win.count],
            vxy: vec![0.0; win.count],
            vz: vec![0.0; win.count],
            airborne: vec![0; win.count.div_ceil(win.per_series.max(1))],
        };
        let units = units(drones, win);
        let prm = PairParams {
            h: limits.min_nav_altitude_m,
            limit: limit_eff,
            r,
            tol: opts.tolerance_m,
        };
        sep.pass(
            drones,
            extremes,
            win,
            &units,
            prm,
            true,
            opts.ground_eps_m,
            Some((l, sink)),
        );
        if sep.best.is_some() {
            return sep;
        }
        // Nobody came within the radius: widen it until the closest pair is found or the
        // radius spans the whole show.
        let (reach, up) = show_reach(drones, limits.min_nav_altitude_m);
        if up < 2 || !reach.is_finite() {
            return sep;
        }
        while sep.best.is_none() && r < reach {
            r = (r * 2.0).min(reach * 1.0001 + 1e-6);
            let prm = PairParams { r, ..prm };
            sep.pass(
                drones,
                extremes,
                win,
                &units,
                prm,
                false,
                opts.ground_eps_m,
                None,
            );
        }
        sep
    }

    #[allow(clippy::too_many_arguments)]
    fn pass(
        &mut self,
        drones: &[PreparedDrone<'_>],
        extremes: &[Vec<SegExtremes>],
        win: Windows,
        units: &[Unit],
        prm: PairParams,
        series: bool,
        ground_eps: f64,
        mut violations: Option<(f64, &mut ViolationSink)>,
    ) {
        let per = win.per_series.max(1);
        let inp = PassInput {
            drones,
            extremes,
            prm,
            series,
            ground_eps,
            airborne_set: per > 1,
        };
        let mut open: BTreeMap<(u32, u32), Below> = BTreeMap::new();
        let mut union: Vec<u64> = Vec::new();
        for chunk in units.chunks(CHUNK) {
            // Consecutive units share segment cursors; the split is fixed, so results do not
            // depend on the number of threads.
            let outs: Vec<WindowOutcome> = chunk
                .par_chunks(SUB_CHUNK)
                .flat_map_iter(|sub| {
                    let mut cursors = vec![0usize; drones.len()];
                    sub.iter()
                        .map(|u| {
                            WindowOutcome::compute(
                                &inp,
                                win.bound(u.k0),
                                win.bound(u.k1),
                                &mut cursors,
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            for (u, o) in chunk.iter().zip(outs) {
                self.best = better(self.best, o.best);
                self.record(u, &o, series, per, &mut union);
                if let Some((limit, sink)) = violations.as_mut() {
                    merge_below(&mut open, o.below, win.bound(u.k1), *limit, sink);
                }
            }
        }
        if let Some((limit, sink)) = violations {
            for ((a, b), s) in open {
                close(a, b, &s, limit, sink);
            }
        }
    }

    /// Unit `u`'s outcome in every window it covers (a static unit looks the same in each):
    /// the smallest distance and, with `series`, the speeds and the drones airborne (with
    /// `per` windows to a series step, the union of their airborne sets, gathered in
    /// `union`).
    fn record(
        &mut self,
        u: &Unit,
        o: &WindowOutcome,
        series: bool,
        per: usize,
        union: &mut Vec<u64>,
    ) {
        for k in u.k0..u.k1 {
            self.min_distance[k] = o.best.map_or(f64::INFINITY, |b| b.0);
            if !series {
                continue;
            }
            self.vxy[k] = o.vxy;
            self.vz[k] = o.vz;
            if per == 1 {
                self.airborne[k] = o.airborne;
            } else {
                if k % per == 0 {
                    union.clear();
                    union.resize(o.airborne_set.len(), 0);
                }
                for (w, x) in union.iter_mut().zip(&o.airborne_set) {
                    *w |= *x;
                }
                self.airborne[k / per] = union.iter().map(|w| w.count_ones() as usize).sum();
            }
        }
    }
}

/// Merges a unit's stretches of pairs below the limit into the `open` ones (a stretch
/// that starts where its pair's open one ends extends it; any other closes the open one
/// first), then closes as violations the open stretches that ended before `w1`, the
/// unit's end.
fn merge_below(
    open: &mut BTreeMap<(u32, u32), Below>,
    below: Vec<(u32, u32, Below)>,
    w1: f64,
    limit: f64,
    sink: &mut ViolationSink,
) {
    for (a, b, s) in below {
        match open.get_mut(&(a, b)) {
            Some(cur) if cur.t1 == s.t0 => {
                cur.t1 = s.t1;
                if s.min < cur.min {
                    cur.min = s.min;
                    cur.at = s.at;
                }
            }
            Some(cur) => {
                close(a, b, cur, limit, sink);
                *cur = s;
            }
            None => {
                open.insert((a, b), s);
            }
        }
    }
    open.retain(|&(a, b), s| {
        if s.t1 < w1 {
            close(a, b, s, limit, sink);
            false
        } else {
            true
        }
    });
}

/// A run of windows searched as one: a single window while anything moves, or a maximal run
/// of windows during which every drone stands still (distances are then constant, so one
/// search serves them all).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Unit {
    /// First window.
    pub(crate) k0: usize,
    /// One past the last window.
    pub(crate) k1: usize,
}

/// Cuts the windows into units: merged runs where no drone moves, single windows otherwise.
fn units(drones: &[PreparedDrone<'_>], win: Windows) -> Vec<Unit> {
    // When anything moves: non-hold segments (open intervals) and position jumps between
    // segments (instants).
    let mut moving: Vec<(f64, f64)> = Vec::new();
    for d in drones.iter().filter(|d| d.present) {
        let mut prev: Option<&skyshow_model::Segment> = None;
        for s in d.segs.iter() {
            if !bezier::is_hold(s) {
                moving.push((s.t0, s.t1));
            }
            if let Some(p) = prev
                && p.p[3] != s.p[0]
            {
                moving.push((p.t1, p.t1));
            }
            prev = Some(s);
        }
    }
    moving.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut merged: Vec<(f64, f64)> = Vec::new();
    for (a, b) in moving {
        match merged.last_mut() {
            Some(m) if a <= m.1 => m.1 = m.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let mut out: Vec<Unit> = Vec::new();
    let mut run: Option<usize> = None;
    let mut j = 0;
    for k in 0..win.count {
        let (w0, w1) = (win.bound(k), win.bound(k + 1));
        while j < merged.len()
            && (merged[j].1 < w0 || (merged[j].1 == w0 && merged[j].0 < merged[j].1))
        {
            j += 1;
        }
        let moves = merged
            .get(j)
            .is_some_and(|&(a, b)| if a == b { a <= w1 } else { a < w1 });
        if moves {
            if let Some(k0) = run.take() {
                out.push(Unit { k0, k1: k });
            }
            out.push(Unit { k0: k, k1: k + 1 });
        } else if run.is_none() {
            run = Some(k);
        }
    }
    if let Some(k0) = run {
        out.push(Unit { k0, k1: win.count });
    }
    out
}

/// Largest extent of the region all drones ever occupy (metres), and how many drones may
/// ever reach altitude `h`.
fn show_reach(drones: &[PreparedDrone<'_>], h: f64) -> (f64, usize) {
    let mut lo = Vec3::new(f64::INFINITY, f64::INFINITY, f64::INFINITY);
    let mut hi = -lo;
    let mut up = 0;
    for d in drones.iter().filter(|d| d.present) {
        let mut top = d.first.z;
        lo = lo.min(d.first);
        hi = hi.max(d.first);
        for s in d.segs.iter() {
            for p in &s.p {
                lo = lo.min(*p);
                hi = hi.max(*p);
                top = top.max(p.z);
            }
        }
        if top >= h {
            up += 1;
        }
    }
    ((hi - lo).norm(), up)
}
