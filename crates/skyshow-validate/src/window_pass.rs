//! `WindowOutcome`: one time window of the show searched for close pairs — every drone's
//! motion in the window, their boxes, the grid broad phase and the exact pair search — plus
//! the window's extremes for the plotting series.

use skyshow_model::{Segment, Vec3};

use crate::bezier;
use crate::broad_phase::{GridBroadPhase, box_gap2};
use crate::drone_checks::{SegExtremes, seg_extremes};
use crate::pair_search::{Below, PairParams, PairSearch};
use crate::prepared::PreparedDrone;

/// The closest pair of a window: `(distance, time, drone a, drone b)`, `a < b`.
pub(crate) type PairMin = (f64, f64, u32, u32);

/// The lexicographically smaller of two pair minima (distance, then time, then drones).
pub(crate) fn better(a: Option<PairMin>, b: Option<PairMin>) -> Option<PairMin> {
    match (a, b) {
        (Some(x), Some(y)) => {
            let ord =
                x.0.total_cmp(&y.0)
                    .then(x.1.total_cmp(&y.1))
                    .then((x.2, x.3).cmp(&(y.2, y.3)));
            Some(if ord.is_le() { x } else { y })
        }
        (x, None) => x,
        (None, y) => y,
    }
}

/// What one window contributes.
#[derive(Default)]
pub(crate) struct WindowOutcome {
    /// Closest pair within the search radius, if any.
    pub(crate) best: Option<PairMin>,
    /// Stretches closer than the limit: `(a, b, stretch)`, sorted by pair then time.
    pub(crate) below: Vec<(u32, u32, Below)>,
    /// Largest horizontal speed (series pass only), m/s.
    pub(crate) vxy: f64,
    /// Largest vertical speed either way (series pass only), m/s.
    pub(crate) vz: f64,
    /// Drones above the ground threshold at some moment (series pass only).
    pub(crate) airborne: usize,
    /// The same drones as a bit set (only when `PassInput::airborne_set`).
    pub(crate) airborne_set: Vec<u64>,
}

/// Inputs shared by every window of a pass.
pub(crate) struct PassInput<'a> {
    pub(crate) drones: &'a [PreparedDrone<'a>],
    pub(crate) extremes: &'a [Vec<SegExtremes>],
    pub(crate) prm: PairParams,
    /// Compute the series extremes too.
    pub(crate) series: bool,
    /// Ground threshold for the airborne count, metres.
    pub(crate) ground_eps: f64,
    /// Also report which drones are airborne (for series windows made of several windows).
    pub(crate) airborne_set: bool,
}

impl WindowOutcome {
    /// Searches the window `[w0, w1]`; `cursors` (one per drone) are the hints of
    /// [`PreparedDrone::pieces`].
    pub(crate) fn compute(
        inp: &PassInput<'_>,
        w0: f64,
        w1: f64,
        cursors: &mut [usize],
    ) -> WindowOutcome {
        let mut out = WindowOutcome::default();
        if !(w1 > w0) {
            return out; // an empty window (float resolution at huge times)
        }
        let mut tmp: Vec<(Segment, Option<u32>)> = Vec::new();
        let mut pieces: Vec<Segment> = Vec::new();
        let mut offs: Vec<usize> = vec![0];
        let mut ids: Vec<u32> = Vec::new();
        let mut boxes: Vec<(Vec3, Vec3)> = Vec::new();
        let h = inp.prm.h;
        if inp.series && inp.airborne_set {
            out.airborne_set = vec![0; inp.drones.len().div_ceil(64)];
        }
        for (i, d) in inp.drones.iter().enumerate() {
            if !d.present {
                continue;
            }
            tmp.clear();
            d.pieces(w0, w1, &mut cursors[i], &mut tmp);
            let mut lo = tmp[0].0.p[0];
            let mut hi = lo;
            for (p, _) in &tmp {
                let (l, u) = bezier::bounds(&p.p);
                lo = lo.min(l);
                hi = hi.max(u);
            }
            if inp.series {
                let mut zmax = f64::NEG_INFINITY;
                for (p, idx) in &tmp {
                    let e = match idx.and_then(|k| inp.extremes[i].get(k as usize)) {
                        Some(e) => *e,
                        None => seg_extremes(p),
                    };
                    out.vxy = out.vxy.max(e.vxy);
                    out.vz = out.vz.max(e.vz);
                    zmax = zmax.max(e.zmax);
                }
                if zmax > inp.ground_eps {
                    out.airborne += 1;
                    if let Some(w) = out.airborne_set.get_mut(i / 64) {
                        *w |= 1 << (i % 64);
                    }
                }
            }
            if hi.z >= h {
                ids.push(i as u32);
                boxes.push((lo, hi));
                pieces.extend(tmp.iter().map(|x| x.0));
                offs.push(pieces.len());
            }
        }
        if boxes.len() < 2 {
            return out;
        }
        let mut pairs = Vec::new();
        GridBroadPhase::default().pairs(&boxes, inp.prm.r, &mut pairs);
        // Closest boxes first: the window's best distance is then found early and spares
        // the other pairs refining minima that cannot beat it.
        let mut order: Vec<(f64, u32, u32)> = pairs
            .iter()
            .map(|&(p, q)| (box_gap2(&boxes[p as usize], &boxes[q as usize]), p, q))
            .collect();
        order.sort_by(|x, y| x.0.total_cmp(&y.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        let mut search = PairSearch::default();
        let mut below = Vec::new();
        for (_, p, q) in order {
            let (p, q) = (p as usize, q as usize);
            below.clear();
            let bound = out.best.map_or(f64::INFINITY, |b| b.0);
            let m = search.run(
                &pieces[offs[p]..offs[p + 1]],
                &pieces[offs[q]..offs[q + 1]],
                &inp.prm,
                bound,
                &mut below,
            );
            out.best = better(out.best, m.map(|(d, t)| (d, t, ids[p], ids[q])));
            out.below.extend(below.iter().map(|b| (ids[p], ids[q], *b)));
        }
        out.below
            .sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(x.2.t0.total_cmp(&y.2.t0)));
        out
    }
}
