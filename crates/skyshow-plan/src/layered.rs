//! Layered and phased transitions: when straight lines cannot be made safe (or only
//! slowly), the fleet opens up (layers in depth, shells along the radii, or scaling),
//! crosses, and closes in.
//!
//! Candidates are every combination of an opening of the start and of the target
//! (`spread.rs`: none, layers in depth or shells (`shells.rs`), scaling), an assignment (the caller's, and the
//! minimum sum of squares between the opened-up configurations, which CAPT makes safe when
//! both are spaced `√2·d`), and an overlap of the legs (`phased.rs`). Each candidate's
//! duration is known before its clearance, so they are checked exactly in order of
//! duration and the first safe one is the shortest of the grid; its overlap is then
//! refined between the grid's steps, the opening's and the closing's apart ([`refined`]).

use skyshow_formations::min_spacing;
use skyshow_model::{Limits, Vec3};

use crate::assign::{Assignment, assign_min_sum_sq};
use crate::crossing_layers::{StepOut, crossing_layers};
use crate::flight::Flight;
use crate::options::PlanOptions;
use crate::pair_check::{fleet_clearance, pair_min};
use crate::phased::{Crossing, Phases, Split, fly_phases};
use crate::shells::shells;
use crate::spread::{BandShortfall, Spread, layers, max_factor, plane_fit, scale};

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
    /// The shares of the acceleration limit it is flown with.
    splits: &'static [Split],
}

impl Setup {
    /// Its flights on the phased timing `(overlap, split, (min_cross_ms, shorter_than_ms))`
    /// (see [`fly_phases`]), the opening and the closing overlapped alike.
    fn fly(
        &self,
        from: &[Vec3],
        to: &[Vec3],
        limits: &Limits,
        headroom: f64,
        (overlap, split, span): (f64, (Split, Crossing), (i64, i64)),
    ) -> Option<Vec<Flight>> {
        self.fly_apart(
            from,
            to,
            limits,
            headroom,
            ((overlap, overlap), split, span),
        )
    }

    /// Its flights with the opening and the closing overlapped apart: `overlap` is the
    /// opening's and the closing's (see [`fly_phases`]).
    fn fly_apart(
        &self,
        from: &[Vec3],
        to: &[Vec3],
        limits: &Limits,
        headroom: f64,
        (overlap, split, span): ((f64, f64), (Split, Crossing), (i64, i64)),
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

/// Crossing layers where each drone steps out as far as its crossing leaves it room
/// ([`StepOut::Spare`]), for a crossing timed for `cross` of the acceleration limit:
/// flown with the opening and the closing timed for the whole limit (the drones' steps
/// already leave their crossings' share) and the crossing for `cross`, or every leg for
/// the whole limit (the exact limits check stretches what exceeds them).
const SPARE_SPLITS: [[Split; 2]; 2] = [
    [
        Split::WHOLE,
        Split {
            open: 1.0,
            cross: 0.95,
        },
    ],
    [
        Split::WHOLE,
        Split {
            open: 1.0,
            cross: 0.87,
        },
    ],
];

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
    let ctx = (from, to, limits, opts.headroom, min_ms);
    let mut candidates = timed_candidates(&setups, ctx, better_than_ms);
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
            let found = Layered {
                flights,
                target_of: setup.target_of.clone(),
                min_distance_m: min_m,
                layers: setup.layers,
            };
            return (Some(refined(found, setup, &c, ctx, (sa, sb))), short);
        }
    }
    (None, short)
}

/// Every setup on every overlap, split and crossing timing that is shorter than
/// `better_than_ms`, with its duration (not yet checked for clearance).
fn timed_candidates(
    setups: &[Setup],
    (from, to, limits, headroom, min_ms): (&[Vec3], &[Vec3], &Limits, f64, i64),
    better_than_ms: i64,
) -> Vec<Candidate> {
    let mut candidates: Vec<Candidate> = Vec::new();
    for (k, setup) in setups.iter().enumerate() {
        for (ko, &overlap) in OVERLAPS.iter().enumerate() {
            for (ks, split) in setup
                .splits
                .iter()
                .flat_map(|&s| CROSSINGS.map(|c| (s, c)))
                .enumerate()
            {
                // Legs one after the other take the whole limit each.
                if overlap == 0.0 && split.0 != Split::WHOLE {
                    continue;
                }
                let timing = (overlap, split, (min_ms, better_than_ms));
                let Some(flights) = setup.fly(from, to, limits, headroom, timing) else {
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
    candidates
}

/// Halvings of the gap between a safe overlap and the next one tried, both sides alike.
const REFINE_STEPS: usize = 4;
/// Halvings of the gap between the opening's (or the closing's) overlap and the whole.
const REFINE_SIDE_STEPS: usize = 3;

/// `found`, the first safe candidate `c` of the grid, or a shorter safe plan of the same
/// setup and split with more overlap. The grid's overlaps are coarse (an eighth of the
/// legs) and alike for the opening and the closing, where the pairs that meet early in
/// the crossing need their steps out in time and those that meet late need them kept
/// longer: the overlap between `c`'s and the next one up (which failed or was longer) is
/// halved [`REFINE_STEPS`] times, then the opening's and the closing's each on its own
/// towards the whole ([`REFINE_SIDE_STEPS`] times). Each halfway plan is checked exactly
/// like every other and kept only when safe and shorter.
fn refined(
    mut found: Layered,
    setup: &Setup,
    c: &Candidate,
    (from, to, limits, headroom, min_ms): (&[Vec3], &[Vec3], &Limits, f64, i64),
    (sa, sb): (f64, f64),
) -> Layered {
    let d = limits.min_distance_m;
    let reach = d.max(sa.min(sb).min(1e6) * 1.0001 + 1e-9);
    let end = |f: &[Flight]| f.iter().map(Flight::arrival_ms).max().unwrap_or(0);
    // Whether the overlaps `o` give a safe plan shorter than `found`; if so it is kept.
    let try_overlaps = |o: (f64, f64), found: &mut Layered| {
        let best_ms = end(&found.flights);
        let timing = (o, c.split, (min_ms, best_ms));
        let safe = setup
            .fly_apart(from, to, limits, headroom, timing)
            .filter(|f| end(f) < best_ms)
            .and_then(|flights| {
                let cl = fleet_clearance(&flights, d, reach);
                let min_m = cl.min_m.min(sa).min(sb);
                (cl.conflicts.is_empty() && min_m >= d - 1e-9).then_some((flights, min_m))
            });
        safe.map(|(flights, min_m)| {
            found.flights = flights;
            found.min_distance_m = min_m;
        })
        .is_some()
    };
    let mut both = c.overlap;
    if let Some(&next) = OVERLAPS.iter().rev().find(|&&o| o > c.overlap) {
        let mut hi = next;
        for _ in 0..REFINE_STEPS {
            let mid = 0.5 * (both + hi);
            if try_overlaps((mid, mid), &mut found) {
                both = mid;
            } else {
                hi = mid;
            }
        }
    }
    let mut kept = (both, both);
    for side in [0, 1] {
        let (mut lo, mut hi) = (both, 1.0);
        for _ in 0..REFINE_SIDE_STEPS {
            let mid = 0.5 * (lo + hi);
            let mut o = kept;
            if side == 0 {
                o.0 = mid;
            } else {
                o.1 = mid;
            }
            if try_overlaps(o, &mut found) {
                lo = mid;
                kept = o;
            } else {
                hi = mid;
            }
        }
    }
    found
}

/// The setups tried: every opening of the start and of the target (not both none) with
/// each of `assignments` and the sum-of-squares assignment between the opened-up
/// configurations; then, for each of `assignments`, the crossing at the depth of the
/// formation that is not flat ([`depth_kept`]) and its crossing layers, each drone
/// stepping out evenly and then as far as its crossing leaves it room
/// ([`SPARE_SPLITS`]; last, so that on equal durations the others keep their order).
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
                    splits: &SPLITS,
                });
            }
        }
    }
    out.extend(depth_kept(from, to, assignments, d));
    let kinds = [(StepOut::Even, &SPLITS[..])].into_iter().chain(
        SPARE_SPLITS
            .iter()
            .map(|s| (StepOut::Spare(s[1].cross), &s[..])),
    );
    for (kind, splits) in kinds {
        for a in assignments {
            let targets: Vec<Vec3> = a.target_of.iter().map(|&j| to[j]).collect();
            let need = d * CROSSING_MARGIN;
            if let Some(o) = crossing_layers(from, &targets, need, 0.02 * d, band, kind) {
                out.push(Setup {
                    open: o.clone(),
                    close: o,
                    target_of: a.target_of.clone(),
                    layers: true,
                    splits,
                });
            }
        }
    }
    out
}

/// Setups that cross at the depth of the formation that is not flat: when exactly one
/// of the start and the target is flat (a picture) and the other is not (layers in
/// depth, a block), each drone flies its part along the picture's normal on its own,
/// after the crossing when the target is the picture (it crosses at its start's depth
/// and closes in onto the picture), before it when the start is (it steps out to its
/// target's depth first). Layers merging into one picture then slide within their own
/// layers, which their spacing in depth keeps apart, and close in only where the picture
/// is already taking shape; a picture splitting into layers does the reverse. One setup
/// for each of `assignments`; checked exactly like every other.
fn depth_kept(from: &[Vec3], to: &[Vec3], assignments: &[&Assignment], d: f64) -> Vec<Setup> {
    let flat = |p: &[Vec3]| {
        let (_, normal, thickness) = plane_fit(p);
        (thickness <= 0.02 * d).then_some(normal)
    };
    let (target_flat, normal) = match (flat(from), flat(to)) {
        (None, Some(n)) => (true, n),
        (Some(n), None) => (false, n),
        _ => return Vec::new(),
    };
    assignments
        .iter()
        .map(|a| {
            // Each drone's part along the normal, from its start to its target.
            let part: Vec<Vec3> = (a.target_of.iter().enumerate())
                .map(|(i, &j)| normal * (to[j] - from[i]).dot(normal))
                .collect();
            let (open, close) = if target_flat {
                (Vec::new(), part.iter().map(|p| *p * -1.0).collect())
            } else {
                (part, Vec::new())
            };
            Setup {
                open,
                close,
                target_of: a.target_of.clone(),
                layers: true,
                splits: &SPLITS,
            }
        })
        .collect()
}

/// Conflicting pairs remembered from each exact check, and in all.
const SUSPECTS_PER_CHECK: usize = 16;
const MAX_SUSPECTS: usize = 256;

/// The distance crossing layers keep their pairs apart at, as a multiple of the minimum
/// distance: 9 mm over 3 m, for the round-off of an exact fit (the plan is checked
/// exactly against the minimum distance itself).
const CROSSING_MARGIN: f64 = 1.003;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transition::{Method, plan_transition};

    /// A `cols` × `rows` picture facing −X at depth `x`, `s` apart, its first column at `y0`.
    fn picture(cols: usize, rows: usize, s: f64, x: f64, y0: f64) -> Vec<Vec3> {
        let mut v = Vec::new();
        for r in 0..rows {
            for k in 0..cols {
                v.push(Vec3::new(x, y0 + k as f64 * s, 40.0 + r as f64 * s));
            }
        }
        v
    }

    /// The transition's flights end on their targets, keep the limits and the distance.
    fn check(from: &[Vec3], to: &[Vec3], t: &crate::transition::Transition, limits: &Limits) {
        let crate::fleet_move::Move::Flights(m) = &t.moves[0] else {
            panic!("not flown as flights: {:?}", t.method);
        };
        for (i, f) in m.flights.iter().enumerate() {
            assert_eq!(f.from, from[i]);
            assert!(f.state(f.arrival_ms()).0.dist(to[t.target_of[i]]) < 1e-9);
            assert!(f.flyable(limits, 0.99));
        }
        let d = limits.min_distance_m;
        let cl = fleet_clearance(&m.flights, d, d + 0.01);
        assert!(
            cl.conflicts.is_empty() && cl.min_m >= d - 1e-9,
            "{}",
            cl.min_m
        );
    }

    #[test]
    fn layers_merging_slide_in_their_own_layers_and_close_in_at_the_end() {
        // Three 8 × 3 layers 3 m apart in depth interleave into one 24 × 3 picture: the
        // outer columns slide 24 m sideways. Opened up and crossed through copies, the
        // plan took 1.33 × the bound; sliding in their own layers (kept apart by depth)
        // and closing in onto the picture at the end, 1.13 ×. The reverse, a picture
        // splitting into the layers, steps out first and slides.
        let limits = Limits::DEFAULT;
        let opts = PlanOptions {
            minimise: crate::options::Minimise::Time,
            ..PlanOptions::DEFAULT
        };
        let layers: Vec<Vec3> = (0..3)
            .flat_map(|k| picture(8, 3, 3.0, (k as f64 - 1.0) * 3.0, 0.0))
            .collect();
        let wide = picture(24, 3, 3.0, 0.0, -24.0);
        for (from, to) in [(&layers, &wide), (&wide, &layers)] {
            let t = plan_transition(from, to, &limits, &opts, (5.0, 150.0), 0).unwrap();
            check(from, to, &t, &limits);
            assert_eq!(t.method, Method::Layered);
            let ratio = t.duration_ms() as f64 / 1000.0 / t.lower_bound_s;
            assert!(ratio <= 1.15, "{ratio}");
        }
    }
}
