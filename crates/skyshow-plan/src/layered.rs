//! Layered and phased transitions: when straight lines cannot be made safe (or only
//! slowly), the fleet opens up (layers in depth, shells along the radii, or scaling),
//! crosses, and closes in.
//!
//! Candidates are every combination of an opening of the start and of the target
//! (`spread.rs`: none, layers in depth or shells (`shells.rs`), scaling), an assignment (the caller's, and the
//! minimum sum of squares between the opened-up configurations, which CAPT makes safe when
//! both are spaced `√2·d`), and an overlap of the legs (`phased.rs`). Each candidate's
//! duration is known before its clearance, so they are checked exactly in order of
//! duration and the first safe one is the shortest.

use skyshow_formations::min_spacing;
use skyshow_model::{Limits, Vec3};

use crate::assign::{Assignment, assign_min_sum_sq};
use crate::crossing_layers::crossing_layers;
use crate::flight::Flight;
use crate::options::PlanOptions;
use crate::pair_check::{fleet_clearance, pair_min};
use crate::phased::{Crossing, Phases, Split, fly_phases};
use crate::shells::shells;
use crate::spread::{BandShortfall, Spread, layers, max_factor, scale};

/// The overlaps tried between the legs, most overlapped first.
const OVERLAPS: [f64; 7] = [1.0, 0.875, 0.75, 0.625, 0.5, 0.25, 0.0];

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

/// The openings tried for one formation: none, layers in depth (shells along the radii
/// for a round one), scaling.
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
        // Not flat: a round formation opens into shells along its radii.
        Ok(None) => out.extend(shells(points, d, need, 0.02 * d, band).map(Some)),
        Err(e) => short = Some(e),
    }
    let full = (need / spacing).min(max_factor(points, band));
    if let Some(s) = scale(points, full, band) {
        out.push(Some(s));
    }
    (out, short)
}

/// One way to open up, cross and close in: each drone's opening offset, closing offset
/// (added to its target) and target.
struct Setup {
    open: Vec<Vec3>,
    close: Vec<Vec3>,
    target_of: Vec<usize>,
    layers: bool,
}

impl Setup {
    /// Its flights on the phased timing `(overlap, split, (min_cross_ms, shorter_than_ms))`
    /// (see [`fly_phases`]).
    fn fly(
        &self,
        from: &[Vec3],
        to: &[Vec3],
        limits: &Limits,
        headroom: f64,
        (overlap, split, span): (f64, (Split, Crossing), (i64, i64)),
    ) -> Option<Vec<Flight>> {
        let targets: Vec<Vec3> = self.target_of.iter().map(|&j| to[j]).collect();
        let ph = Phases {
            from,
            to: &targets,
            open: &self.open,
            close: &self.close,
        };
        fly_phases(&ph, limits, headroom, overlap, split, span)
    }
}

/// A setup flown on one timing, with its duration (its flights are built again when it
/// is checked: candidates are many, and most are never checked).
struct Candidate {
    duration_ms: i64,
    order: usize,
    setup: usize,
    overlap: f64,
    split: (Split, Crossing),
}

/// The shares of the acceleration limit tried for overlapping legs (see [`Split`]).
const SPLITS: [Split; 8] = [
    Split::WHOLE,
    Split {
        open: 0.3,
        cross: 0.95,
    },
    Split {
        open: 0.4,
        cross: 0.92,
    },
    Split {
        open: 0.5,
        cross: 0.87,
    },
    Split {
        open: 0.87,
        cross: 0.5,
    },
    Split {
        open: 0.71,
        cross: 0.71,
    },
    Split {
        open: 0.6,
        cross: 0.8,
    },
    Split {
        open: 0.8,
        cross: 0.6,
    },
];

/// The crossings tried: on one shared profile (safe by construction between openings
/// spaced `√2·d`), then with the horizontal and the vertical parts on profiles of their
/// own (shorter when the drone held back by the climb rate is not the one moving
/// farthest).
const CROSSINGS: [Crossing; 2] = [Crossing::Shared, Crossing::Axes];

/// The shortest safe layered or phased plan shorter than `better_than_ms`, trying
/// `assignments` and the sum-of-squares assignment between opened-up configurations, and
/// for each of `assignments` the crossing layers of its own close pairs.
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
    let setups = setups(from, to, assignments, (&open_a, &open_b), d, band);
    let mut candidates: Vec<Candidate> = Vec::new();
    for (k, setup) in setups.iter().enumerate() {
        for (ko, &overlap) in OVERLAPS.iter().enumerate() {
            for (ks, split) in SPLITS
                .iter()
                .flat_map(|&s| CROSSINGS.map(|c| (s, c)))
                .enumerate()
            {
                // Legs one after the other take the whole limit each.
                if overlap == 0.0 && split.0 != Split::WHOLE {
                    continue;
                }
                let timing = (overlap, split, (min_ms, better_than_ms));
                let Some(flights) = setup.fly(from, to, limits, opts.headroom, timing) else {
                    continue;
                };
                let duration_ms = flights.iter().map(Flight::arrival_ms).max().unwrap_or(0);
                if duration_ms >= better_than_ms {
                    continue;
                }
                candidates.push(Candidate {
                    duration_ms,
                    order: (k * OVERLAPS.len() + ko) * SPLITS.len() * CROSSINGS.len() + ks,
                    setup: k,
                    overlap,
                    split,
                });
            }
        }
    }
    candidates.sort_by_key(|c| (c.duration_ms, c.order));
    let reach = d.max(sa.min(sb).min(1e6) * 1.0001 + 1e-9);
    // Pairs that came too close in a candidate checked before: most candidates fail on
    // the same few pairs, so they are tried first (exactly, pair by pair) and a
    // candidate failing on one of them is passed over without the whole fleet's check.
    let mut suspects: Vec<(usize, usize)> = Vec::new();
    for c in candidates {
        let setup = &setups[c.setup];
        let timing = (c.overlap, c.split, (min_ms, i64::MAX));
        let Some(flights) = setup.fly(from, to, limits, opts.headroom, timing) else {
            continue;
        };
        let fails = |&(i, j): &(usize, usize)| {
            pair_min(&flights[i], &flights[j], 0, i64::MAX / 4, d - 1e-9) < d - 1e-9
        };
        if let Some(k) = suspects.iter().position(fails) {
            // The pair that failed first stays first.
            suspects[..=k].rotate_right(1);
            continue;
        }
        let cl = fleet_clearance(&flights, d, reach);
        let min_m = cl.min_m.min(sa).min(sb);
        // The closest pair, and some spread over the rest.
        let every = (cl.conflicts.len() / SUSPECTS_PER_CHECK).max(1);
        let remembered = cl.pair.filter(|_| !cl.conflicts.is_empty()).into_iter();
        for p in remembered.chain(cl.conflicts.iter().copied().step_by(every)) {
            if suspects.len() < MAX_SUSPECTS && !suspects.contains(&p) {
                suspects.push(p);
            }
        }
        short.closest_m = short.closest_m.max(min_m);
        if cl.conflicts.is_empty() && min_m >= d - 1e-9 {
            return (
                Some(Layered {
                    flights,
                    target_of: setup.target_of.clone(),
                    min_distance_m: min_m,
                    layers: setup.layers,
                }),
                short,
            );
        }
    }
    (None, short)
}

/// The setups tried: every opening of the start and of the target (not both none) with
/// each of `assignments` and the sum-of-squares assignment between the opened-up
/// configurations; then, for each of `assignments`, its crossing layers.
fn setups(
    from: &[Vec3],
    to: &[Vec3],
    assignments: &[&Assignment],
    (open_a, open_b): (&[Option<Spread>], &[Option<Spread>]),
    d: f64,
    band: (f64, f64),
) -> Vec<Setup> {
    let mut out = Vec::new();
    for oa in open_a {
        for ob in open_b {
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
                out.push(Setup {
                    open: oa.as_ref().map(|s| s.offsets.clone()).unwrap_or_default(),
                    close: ob
                        .as_ref()
                        .map(|s| asg.iter().map(|&j| s.offsets[j]).collect())
                        .unwrap_or_default(),
                    target_of: asg.to_vec(),
                    layers: oa.as_ref().is_some_and(Spread::is_layers)
                        || ob.as_ref().is_some_and(Spread::is_layers),
                });
            }
        }
    }
    for a in assignments {
        let targets: Vec<Vec3> = a.target_of.iter().map(|&j| to[j]).collect();
        if let Some(o) = crossing_layers(from, &targets, d * CROSSING_MARGIN, 0.02 * d, band) {
            out.push(Setup {
                open: o.clone(),
                close: o,
                target_of: a.target_of.clone(),
                layers: true,
            });
        }
    }
    out
}

/// Conflicting pairs remembered from each exact check, and in all.
const SUSPECTS_PER_CHECK: usize = 16;
const MAX_SUSPECTS: usize = 256;

/// The distance crossing layers keep their pairs apart at, as a multiple of the minimum
/// distance: 9 mm over 3 m, for the round-off of an exact fit (the plan is checked
/// exactly against the minimum distance itself).
const CROSSING_MARGIN: f64 = 1.003;
