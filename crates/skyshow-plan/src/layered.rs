//! Layered and phased transitions: when straight lines cannot be made safe (or only
//! slowly), the fleet opens up (layers in depth, or scaling), crosses, and closes in.
//!
//! Candidates are every combination of an opening of the start and of the target
//! (`spread.rs`: none, layers in depth, scaling), an assignment (the caller's, and the
//! minimum sum of squares between the opened-up configurations, which CAPT makes safe when
//! both are spaced `√2·d`), and an overlap of the legs (`phased.rs`). Each candidate's
//! duration is known before its clearance, so they are checked exactly in order of
//! duration and the first safe one is the shortest.

use skyshow_formations::min_spacing;
use skyshow_model::{Limits, Vec3};

use crate::assign::{Assignment, assign_min_sum_sq};
use crate::flight::Flight;
use crate::options::PlanOptions;
use crate::pair_check::fleet_clearance;
use crate::phased::{Phases, fly_phases};
use crate::spread::{BandShortfall, Spread, layers, max_factor, scale};

/// The overlaps tried between the legs, most overlapped first.
const OVERLAPS: [f64; 3] = [1.0, 0.5, 0.0];

/// A safe layered or phased plan.
pub(crate) struct Layered {
    /// Each drone's flight.
    pub flights: Vec<Flight>,
    /// Target index of each drone.
    pub target_of: Vec<usize>,
    /// Smallest distance between two drones, metres.
    pub min_distance_m: f64,
    /// Whether it uses layers in depth (else scaling only).
    pub layers: bool,
}

/// What the search learnt about the room it lacks, for the refusal message.
#[derive(Clone, Debug, Default)]
pub(crate) struct Shortfalls {
    /// Layers of the start that do not fit the band.
    pub from: Option<BandShortfall>,
    /// Layers of the target that do not fit the band.
    pub to: Option<BandShortfall>,
    /// The closest two drones came in the best plan that was checked, metres.
    pub closest_m: f64,
}

/// The openings tried for one formation: none, layers in depth, scaling.
fn openings(
    points: &[Vec3],
    spacing: f64,
    need: f64,
    d: f64,
    band: (f64, f64),
) -> (Vec<Option<Spread>>, Option<BandShortfall>) {
    let mut out = vec![None];
    let mut short = None;
    if spacing >= need {
        return (out, short);
    }
    match layers(points, d, need, 0.02 * d, band) {
        Ok(Some(s)) => out.push(Some(s)),
        Ok(None) => {}
        Err(e) => short = Some(e),
    }
    let full = (need / spacing).min(max_factor(points, band));
    if let Some(s) = scale(points, full, band) {
        out.push(Some(s));
    }
    (out, short)
}

struct Candidate {
    duration_ms: i64,
    order: usize,
    flights: Vec<Flight>,
    target_of: Vec<usize>,
    layers: bool,
}

/// The shortest safe layered or phased plan shorter than `better_than_ms`, trying
/// `assignments` and the sum-of-squares assignment between opened-up configurations.
// The planner's context, passed through from `plan_transition`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn plan_layered(
    from: &[Vec3],
    to: &[Vec3],
    assignments: &[&Assignment],
    limits: &Limits,
    opts: &PlanOptions,
    band: (f64, f64),
    min_ms: i64,
    better_than_ms: i64,
) -> (Option<Layered>, Shortfalls) {
    let d = limits.min_distance_m;
    let need = std::f64::consts::SQRT_2 * d * opts.expand_margin;
    let spacing = |p: &[Vec3]| min_spacing(p).map_or(f64::INFINITY, |s| s.0);
    let (sa, sb) = (spacing(from), spacing(to));
    let (open_a, short_a) = openings(from, sa, need, d, band);
    let (open_b, short_b) = openings(to, sb, need, d, band);
    let mut short = Shortfalls {
        from: short_a,
        to: short_b,
        closest_m: f64::NEG_INFINITY,
    };
    let mut candidates: Vec<Candidate> = Vec::new();
    for (ka, oa) in open_a.iter().enumerate() {
        for (kb, ob) in open_b.iter().enumerate() {
            if oa.is_none() && ob.is_none() {
                continue;
            }
            let a1 = oa.as_ref().map_or_else(|| from.to_vec(), |s| s.apply(from));
            let b1 = ob.as_ref().map_or_else(|| to.to_vec(), |s| s.apply(to));
            let own = assign_min_sum_sq(&a1, &b1);
            let mut tried: Vec<&[usize]> = Vec::new();
            for asg in assignments
                .iter()
                .map(|a| &a.target_of[..])
                .chain([&own.target_of[..]])
            {
                if tried.contains(&asg) {
                    continue;
                }
                tried.push(asg);
                let targets: Vec<Vec3> = asg.iter().map(|&j| to[j]).collect();
                let close: Vec<Vec3> = ob
                    .as_ref()
                    .map(|s| asg.iter().map(|&j| s.offsets[j]).collect())
                    .unwrap_or_default();
                let open: Vec<Vec3> = oa.as_ref().map(|s| s.offsets.clone()).unwrap_or_default();
                let ph = Phases {
                    from,
                    to: &targets,
                    open: &open,
                    close: &close,
                };
                for (ko, &overlap) in OVERLAPS.iter().enumerate() {
                    let Some(flights) = fly_phases(&ph, limits, opts.headroom, overlap, min_ms)
                    else {
                        continue;
                    };
                    let duration_ms = flights.iter().map(Flight::arrival_ms).max().unwrap_or(0);
                    if duration_ms >= better_than_ms {
                        continue;
                    }
                    let order = ((ka * open_b.len() + kb) * 8 + tried.len()) * 4 + ko;
                    candidates.push(Candidate {
                        duration_ms,
                        order,
                        flights,
                        target_of: asg.to_vec(),
                        layers: oa.as_ref().is_some_and(Spread::is_layers)
                            || ob.as_ref().is_some_and(Spread::is_layers),
                    });
                }
            }
        }
    }
    candidates.sort_by_key(|c| (c.duration_ms, c.order));
    let reach = d.max(sa.min(sb).min(1e6) * 1.0001 + 1e-9);
    for c in candidates {
        let cl = fleet_clearance(&c.flights, d, reach);
        let min_m = cl.min_m.min(sa).min(sb);
        short.closest_m = short.closest_m.max(min_m);
        if cl.conflicts.is_empty() && min_m >= d - 1e-9 {
            return (
                Some(Layered {
                    flights: c.flights,
                    target_of: c.target_of,
                    min_distance_m: min_m,
                    layers: c.layers,
                }),
                short,
            );
        }
    }
    (None, short)
}
