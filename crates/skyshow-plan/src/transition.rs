//! `Transition`: joining two configurations of the whole fleet without collisions.
//!
//! First choice: CAPT — the exact minimum sum-of-squares assignment flown as synchronised
//! straight lines on the time-optimal shared profile. Its clearance is computed exactly;
//! if it is below the minimum distance (CAPT's spacing condition does not hold for dense
//! pictures), the transition goes through expanded copies of both formations:
//! `A → λA` (pure scaling: distances only grow), `λA → μB` (CAPT between configurations
//! spaced ≥ √2·d, which CAPT guarantees), `μB → B` (pure scaling: distances shrink to
//! B's own spacing). Every move's clearance is verified; nothing unsafe is returned.

use skyshow_formations::min_spacing;
use skyshow_i18n::{Message, msg};
use skyshow_model::{Limits, Vec3};

use crate::assign::{Assignment, assign_min_sum_sq, assign_min_sum_sq_within, bottleneck_from};
use crate::fleet_move::{FlightMove, Move};
use crate::layered::{Layered, Shortfalls, plan_layered};
use crate::options::{Minimise, PlanOptions};
use crate::straight::fly_straight;
use crate::sync_move::SyncMove;
use crate::turn::{Turned, plan_turn};

pub use skyshow_model::{INPUT_SLACK_M, ROUNDING_MARGIN_M};

/// The separation a transition between pictures spaced `sa` and `sb` is planned for: the
/// minimum distance `d` plus [`ROUNDING_MARGIN_M`] where the pictures' own spacing allows,
/// never less than their spacing (and at least `d − INPUT_SLACK_M`).
pub fn planned_separation_m(d: f64, sa: f64, sb: f64) -> f64 {
    (d + ROUNDING_MARGIN_M)
        .min(sa.min(sb))
        .max(d - INPUT_SLACK_M)
}

/// How a transition was flown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// One synchronised straight-line move (CAPT).
    Direct,
    /// One straight-line move with some drones leaving a little later.
    Staggered,
    /// Through copies of the formations scaled out about their centres.
    Expanded,
    /// Through layers in depth: drones leave and join the pictures along their normals,
    /// at different depths, and cross between them.
    Layered,
    /// As one rigid turn of the whole formation about its centre (the target is the start
    /// turned): every distance is kept.
    Turned,
}

impl Method {
    /// Snake-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Direct => "direct",
            Method::Staggered => "staggered",
            Method::Expanded => "expanded",
            Method::Layered => "layered",
            Method::Turned => "turned",
        }
    }
}

/// A planned transition between two fleet configurations.
#[derive(Clone, Debug, PartialEq)]
pub struct Transition {
    /// The stages, flown back to back.
    pub moves: Vec<Move>,
    /// `target_of[i]`: the index into the target configuration where drone `i` ends.
    pub target_of: Vec<usize>,
    /// Sum of squared distances of the direct assignment, m².
    pub cost_sum_sq: f64,
    /// Smallest distance between two drones during the transition, metres.
    pub min_distance_m: f64,
    /// Lower bound on any transition's duration: the bottleneck assignment's flight time
    /// under the same limits, seconds.
    pub lower_bound_s: f64,
    /// How it is flown.
    pub method: Method,
    /// Wall time of the assignment, ms (a timing figure: differs between runs).
    pub assign_ms: f64,
}

impl Transition {
    /// Total duration, milliseconds.
    pub fn duration_ms(&self) -> i64 {
        self.moves.iter().map(Move::duration_ms).sum()
    }
}

/// Why a transition cannot be planned.
#[derive(Debug, Clone, PartialEq)]
pub struct TransitionError(pub Message);

/// Fleets up to this size search: several assignments, each drone's own timing and
/// detours, layers when the straight plan is not near the bound. Larger fleets fly their
/// straight plan when there is one (synchronised, or staggered pair by pair).
const SEARCH_MAX: usize = 4_000;

/// A straight plan within this fraction of the lower bound is not compared with layered
/// or phased ones (which pay for opening up and closing in).
const NEAR_BOUND: f64 = 0.03;

/// Minimum flight time of a single drone moving by `d` (seconds): a lower bound for any
/// path (§3.2 of the reference). It is the largest of three bounds, each of which holds
/// for every path: the horizontal and the vertical component each need their own
/// rest-to-rest time under their speed limit (the acceleration limit bounds each
/// component), and the whole displacement needs the rest-to-rest time under the 3D
/// acceleration limit with speed at most `√(v_xy² + v_z²)`.
pub fn min_flight_time_s(d: Vec3, limits: &Limits) -> f64 {
    let t = |dist: f64, v: f64| {
        let a = limits.max_accel_m_s2;
        if dist <= 0.0 {
            0.0
        } else if dist >= v * v / a {
            dist / v + v / a
        } else {
            2.0 * (dist / a).sqrt()
        }
    };
    let vz = if d.z >= 0.0 {
        limits.max_speed_up_m_s
    } else {
        limits.max_speed_down_m_s
    };
    let v3 = limits.max_speed_xy_m_s.hypot(vz);
    t(d.norm_xy(), limits.max_speed_xy_m_s)
        .max(t(d.z.abs(), vz))
        .max(t(d.norm(), v3))
}

/// Plans the transition from configuration `from` to the target set `to` (same size).
/// `band` is the altitude range expanded copies may use; `min_ms` the shortest duration.
pub fn plan_transition(
    from: &[Vec3],
    to: &[Vec3],
    limits: &Limits,
    opts: &PlanOptions,
    band: (f64, f64),
    min_ms: i64,
) -> Result<Transition, TransitionError> {
    let spacing = |p: &[Vec3]| min_spacing(p).map_or(f64::INFINITY, |s| s.0);
    let (sa, sb) = (spacing(from), spacing(to));
    let planned = Limits {
        min_distance_m: planned_separation_m(limits.min_distance_m, sa, sb),
        ..*limits
    };
    let limits = &planned;
    let d = limits.min_distance_m;
    let time_cost = |a: Vec3, b: Vec3| min_flight_time_s(b - a, limits);
    let clock = std::time::Instant::now();
    let ssd = assign_min_sum_sq(from, to);
    let mut assign_ms = clock.elapsed().as_secs_f64() * 1000.0;
    // The bound's search starts from the sum-of-squares assignment: its longest flight
    // bounds the value from above, and near the value it lacks few pairs.
    let bn = bottleneck_from(from, to, &time_cost, Some(&ssd.target_of));
    let lower_bound_s = bn.value;
    let small = from.len() <= SEARCH_MAX;
    let (candidates, within_ms) =
        candidate_assignments(from, to, &ssd, bn.value, limits, opts, small);
    assign_ms += within_ms;
    let best = best_straight(
        from,
        to,
        &candidates,
        limits,
        opts,
        band,
        min_ms,
        (sa, sb),
        small,
    );
    let others: Vec<&Assignment> = candidates.iter().collect();
    let better_than = best.as_ref().map_or(i64::MAX, Transition::duration_ms);
    // Opening up costs time of its own: a straight plan this close to the bound is kept.
    let near_bound = (lower_bound_s * 1000.0 * (1.0 + NEAR_BOUND)).max(min_ms as f64);
    // Large fleets keep a straight plan when they have one (the search costs too much).
    let search_more = (better_than as f64) > near_bound && (small || best.is_none());
    // A target that is the start turned: the whole formation turned keeps every distance.
    let turned = search_more
        .then(|| plan_turn(from, to, limits, opts, band, min_ms, better_than))
        .flatten();
    let better_than = turned
        .as_ref()
        .map_or(better_than, |t| FlightMove::duration_of(&t.flights));
    let (found, short) = if search_more {
        plan_layered(from, to, &others, limits, opts, band, min_ms, better_than)
    } else {
        (None, Shortfalls::default())
    };
    chosen(
        (found, turned, best),
        ssd.cost_sum_sq,
        lower_bound_s,
        assign_ms,
    )
    .ok_or_else(|| refusal(d, band, &short))
}

/// The plan kept: layers or phases (each shorter than the turn, which is shorter than
/// the straight plan), else the turn, else the straight plan; with the transition's
/// figures.
fn chosen(
    (found, turned, best): (Option<Layered>, Option<Turned>, Option<Transition>),
    cost_sum_sq: f64,
    lower_bound_s: f64,
    assign_ms: f64,
) -> Option<Transition> {
    // Layers or phases, else the turn: each drone on its own flight.
    let flown = |flights, target_of, min_distance_m, method| Transition {
        moves: vec![Move::Flights(FlightMove { flights })],
        target_of,
        cost_sum_sq,
        min_distance_m,
        lower_bound_s,
        method,
        assign_ms,
    };
    if let Some(l) = found {
        let method = if l.layers {
            Method::Layered
        } else {
            Method::Expanded
        };
        return Some(flown(l.flights, l.target_of, l.min_distance_m, method));
    }
    if let Some(t) = turned {
        return Some(flown(
            t.flights,
            t.target_of,
            t.min_distance_m,
            Method::Turned,
        ));
    }
    best.map(|mut t| {
        t.lower_bound_s = lower_bound_s;
        t.assign_ms = assign_ms;
        t
    })
}

/// The candidate assignments, in order of preference on equal duration: with
/// `minimise = "time"`, the least sum of squares within each bound on the longest flight
/// of the ladder `bound·(1 + k·time_slack)` (`k` = 0, ⅓, 1, 2 for fleets that `search`,
/// else 1), unless the sum-of-squares assignment `ssd` flown synchronised is already
/// within it; then `ssd` itself. Also the time the assignments took, ms.
fn candidate_assignments(
    from: &[Vec3],
    to: &[Vec3],
    ssd: &Assignment,
    bound_s: f64,
    limits: &Limits,
    opts: &PlanOptions,
    search: bool,
) -> (Vec<Assignment>, f64) {
    let time_cost = |a: Vec3, b: Vec3| min_flight_time_s(b - a, limits);
    let mut assign_ms = 0.0;
    let mut candidates = Vec::new();
    // The SSD assignment flown synchronised already lasts this long; when that is within
    // the time slack of the bound, no other assignment can do noticeably better.
    let ssd_ms = {
        let targets: Vec<Vec3> = ssd.target_of.iter().map(|&j| to[j]).collect();
        SyncMove::fastest(from.to_vec(), targets, limits, opts.headroom, 0)
            .profile
            .total_ms
    };
    let slacks: &[f64] = if search {
        &[0.0, 1.0 / 3.0, 1.0, 2.0]
    } else {
        &[1.0]
    };
    for &k in slacks {
        let limit = bound_s * (1.0 + k * opts.time_slack) + 1e-9;
        if opts.minimise != Minimise::Time || ssd_ms as f64 / 1000.0 <= limit {
            continue;
        }
        let clock = std::time::Instant::now();
        if let Some(a) =
            assign_min_sum_sq_within(from, to, &|i, j| time_cost(from[i], to[j]) <= limit)
            && candidates
                .iter()
                .all(|c: &Assignment| c.target_of != a.target_of)
        {
            candidates.push(a);
        }
        assign_ms += clock.elapsed().as_secs_f64() * 1000.0;
    }
    candidates.push(ssd.clone());
    (candidates, assign_ms)
}

/// The shortest straight plan of any of `candidates` (the first of equals), each tried
/// only for a plan shorter than the best so far.
// The planner's context, passed through unchanged from `plan_transition`.
#[allow(clippy::too_many_arguments)]
fn best_straight(
    from: &[Vec3],
    to: &[Vec3],
    candidates: &[Assignment],
    limits: &Limits,
    opts: &PlanOptions,
    band: (f64, f64),
    min_ms: i64,
    spacings: (f64, f64),
    search: bool,
) -> Option<Transition> {
    let mut best: Option<Transition> = None;
    for assignment in candidates.iter().cloned() {
        let best_known = best.as_ref().map_or(i64::MAX, Transition::duration_ms);
        let Some(t) = fly_straight(
            from,
            to,
            assignment,
            limits,
            opts,
            band,
            (min_ms, best_known),
            spacings,
            search,
        ) else {
            continue;
        };
        if best
            .as_ref()
            .is_none_or(|b| t.duration_ms() < b.duration_ms())
        {
            best = Some(t);
        }
    }
    best
}

/// Why no plan was found, and what room it would need.
fn refusal(d: f64, band: (f64, f64), short: &Shortfalls) -> TransitionError {
    let mut parts = vec![msg!("plan-refused-straight", dist = format!("{d:.2}"))];
    for (k, s) in [(0, &short.from), (1, &short.to)] {
        if let Some(s) = s {
            let needed = format!("{:.1}", s.needed_m);
            let picture = format!("{:.1}", s.picture_m);
            let (low, high) = (format!("{:.1}", band.0), format!("{:.1}", band.1));
            let room = format!("{:.1}", band.1 - band.0);
            parts.push(if k == 0 {
                msg!(
                    "plan-refused-layers-start",
                    needed = needed,
                    picture = picture,
                    low = low,
                    high = high,
                    room = room
                )
            } else {
                msg!(
                    "plan-refused-layers-target",
                    needed = needed,
                    picture = picture,
                    low = low,
                    high = high,
                    room = room
                )
            });
        }
    }
    if short.closest_m.is_finite() {
        parts.push(msg!(
            "plan-refused-spread",
            dist = format!("{:.2}", short.closest_m)
        ));
    }
    let why = parts
        .into_iter()
        .rev()
        .reduce(|rest, first| msg!("plan-refused-and", first = first, rest = rest))
        .unwrap_or_else(|| msg!("plan-refused-straight", dist = format!("{d:.2}")));
    TransitionError(why)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(nx: usize, ny: usize, s: f64, z: f64, x: f64) -> Vec<Vec3> {
        let mut v = Vec::new();
        for i in 0..nx {
            for j in 0..ny {
                v.push(Vec3::new(x, i as f64 * s, z + j as f64 * s));
            }
        }
        v
    }

    #[test]
    fn a_band_too_thin_for_layers_is_refused_saying_how_much_altitude_they_need() {
        // A vertical 12 × 12 lattice at exactly the minimum distance, turned a quarter in
        // its plane, in a band that only just holds the picture: no straight plan, no room
        // to scale it, and (the test's point) the refusal names the altitude needed.
        let limits = Limits::DEFAULT;
        let a = grid(12, 12, 3.0, 40.0, 0.0);
        let c = Vec3::new(0.0, 16.5, 56.5);
        let b: Vec<Vec3> = a
            .iter()
            .map(|p| {
                let r = *p - c;
                c + Vec3::new(r.x, -r.z, r.y)
            })
            .collect();
        let band = (39.9, 73.1);
        match plan_transition(&a, &b, &limits, &PlanOptions::DEFAULT, band, 0) {
            Ok(t) => {
                // A plan that fits is fine, as long as it keeps the band and the distance.
                assert!(t.min_distance_m >= 3.0 - 1e-9, "{}", t.min_distance_m);
            }
            Err(e) => {
                let text = e.0.english();
                assert!(text.contains("closer than 3.00 m"), "{text}");
                assert!(text.contains("39.9–73.1 m"), "{text}");
            }
        }
        let short = Shortfalls {
            from: Some(crate::spread::BandShortfall {
                needed_m: 41.2,
                picture_m: 33.0,
            }),
            to: None,
            closest_m: 2.4,
        };
        let e = refusal(3.0, (40.0, 70.0), &short);
        assert_eq!(
            e.0.english(),
            "straight lines bring drones closer than 3.00 m however their departures are staggered; \
             opening the start into layers in depth needs 41.2 m of altitude (33.0 m of picture and \
             its layers), but the altitude band 40.0–70.0 m has 30.0 m; spread out as far as the \
             band allows, drones still come 2.40 m apart"
        );
        assert!(e.0.render(skyshow_i18n::Lang::Zh).contains("41.2 m"));
    }

    #[test]
    fn dense_rotation_is_planned_safely() {
        // A lattice at exactly the minimum distance turned by 90° in its plane: CAPT's
        // condition fails, so the planner must expand.
        let limits = Limits::DEFAULT;
        let a = grid(12, 12, 3.0, 40.0, 0.0);
        let c = Vec3::new(0.0, 16.5, 56.5);
        let b: Vec<Vec3> = a
            .iter()
            .map(|p| {
                let r = *p - c;
                c + Vec3::new(r.x, -r.z, r.y) + Vec3::new(0.0, 0.7, 0.3)
            })
            .collect();
        let t = plan_transition(&a, &b, &limits, &PlanOptions::DEFAULT, (10.0, 150.0), 0).unwrap();
        assert!(t.min_distance_m >= 3.0 - 1e-9, "{}", t.min_distance_m);
        let last = t.moves.last().unwrap();
        for i in 0..last.len() {
            assert!(last.end(i).dist(b[t.target_of[i]]) < 1e-9);
        }
        assert!(t.duration_ms() as f64 / 1000.0 >= t.lower_bound_s - 1e-9);
    }

    #[test]
    fn shuffled_copy_costs_nothing() {
        let a = grid(8, 8, 5.0, 40.0, 0.0);
        let mut b = a.clone();
        b.reverse();
        let t = plan_transition(
            &a,
            &b,
            &Limits::DEFAULT,
            &PlanOptions::DEFAULT,
            (10.0, 150.0),
            0,
        )
        .unwrap();
        assert_eq!(t.cost_sum_sq, 0.0);
        assert_eq!(t.lower_bound_s, 0.0);
        assert_eq!(t.method, Method::Direct);
        for (i, &j) in t.target_of.iter().enumerate() {
            assert_eq!(a[i], b[j]);
        }
    }
}
