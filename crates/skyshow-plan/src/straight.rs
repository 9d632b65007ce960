//! Straight plans: an assignment flown as straight lines, synchronised (CAPT) when its
//! exact clearance holds, else each drone on its own timing on a ladder of transition
//! lengths (`schedule.rs`), else the synchronised move staggered pair by pair
//! (`stagger.rs`). Split from `transition.rs`, which tries these for each candidate
//! assignment before layers, phases and turns.

use rayon::prelude::*;
use skyshow_model::{Limits, Vec3};

use crate::assign::Assignment;
use crate::fleet_move::{FlightMove, Move};
use crate::options::PlanOptions;
use crate::pair_check::fleet_clearance;
use crate::path_index::PathIndex;
use crate::route::{Envelope, Route};
use crate::schedule::{PATH_SLACK_M, Schedule, Scheduled, max_tube, schedule};
use crate::stagger::stagger;
use crate::sync_move::{SyncMove, clearance};
use crate::transition::{Method, Transition};

/// The transition lengths tried for straight lines with their own timings, as fractions
/// above the slowest drone's fastest flight.
const LADDER: [f64; 9] = [0.0, 0.01, 0.02, 0.04, 0.07, 0.1, 0.15, 0.25, 0.4];

/// A straight plan of `assignment` (its bound and assignment time are the caller's).
fn straight_transition(
    assignment: &Assignment,
    moves: Vec<Move>,
    min_distance_m: f64,
    method: Method,
    target_of: Vec<usize>,
) -> Transition {
    Transition {
        moves,
        target_of,
        cost_sum_sq: assignment.cost_sum_sq,
        min_distance_m,
        lower_bound_s: 0.0,
        method,
        assign_ms: 0.0,
    }
}

/// The assignment flown as straight lines: one synchronised move if its exact clearance
/// holds (CAPT), else the same lines with staggered departures and per-drone speeds.
/// `None` if no safe timing was found.
// The planner's context, passed through unchanged from `plan_transition`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn fly_straight(
    from: &[Vec3],
    to: &[Vec3],
    assignment: Assignment,
    limits: &Limits,
    opts: &PlanOptions,
    band: (f64, f64),
    (min_ms, shorter_than): (i64, i64),
    (sa, sb): (f64, f64),
    search: bool,
) -> Option<Transition> {
    let d = limits.min_distance_m;
    let targets: Vec<Vec3> = assignment.target_of.iter().map(|&j| to[j]).collect();
    let radius = d.max(sa.min(sb).min(1e6) * 1.0001 + 1e-9);
    let direct = SyncMove::fastest(from.to_vec(), targets, limits, opts.headroom, min_ms);
    let c = clearance(from, &direct.to, radius);
    let mut out: Option<Transition> = None;
    if c.min_m >= d - 1e-9 {
        let min_distance_m = if c.min_m.is_finite() {
            c.min_m
        } else {
            sa.min(sb)
        };
        out = Some(straight_transition(
            &assignment,
            vec![Move::Straight(direct.clone())],
            min_distance_m,
            Method::Direct,
            assignment.target_of.clone(),
        ));
    }
    if !search {
        return out.or_else(|| {
            staggered(
                &direct,
                &assignment,
                limits,
                opts,
                band,
                (sa, sb),
                shorter_than,
            )
        });
    }
    scheduled(
        from,
        &direct,
        &assignment,
        limits,
        opts,
        band,
        (min_ms, shorter_than),
        (sa, sb),
        out,
    )
}

/// The straight lines of `direct` with each drone on its own profile (and per axis when
/// pressed): the transition can end when the slowest drone arrives, not when the shared
/// profile does; conflicts are resolved drone by drone. `out` is the synchronised plan
/// when it is safe; the result is the better of the two, or the pairwise staggered move
/// when neither exists.
// The planner's context, passed through unchanged from `fly_straight`.
#[allow(clippy::too_many_arguments)]
fn scheduled(
    from: &[Vec3],
    direct: &SyncMove,
    assignment: &Assignment,
    limits: &Limits,
    opts: &PlanOptions,
    band: (f64, f64),
    (min_ms, shorter_than): (i64, i64),
    (sa, sb): (f64, f64),
    out: Option<Transition>,
) -> Option<Transition> {
    let d = limits.min_distance_m;
    let env = Envelope {
        limits,
        headroom: opts.headroom,
    };
    let routes = lines(from, &direct.to, &env);
    let own_end = routes
        .iter()
        .map(|r| r.fastest_ms)
        .max()
        .unwrap_or(0)
        .max(min_ms);
    if out.is_some() && own_end as f64 >= direct.duration_ms() as f64 * 0.995 {
        return out;
    }
    let index = line_index(from, &direct.to, d);
    let sched = Schedule {
        from,
        to: &direct.to,
        routes: &routes,
        env,
        d,
        band,
        ramp_ms: direct.profile.ramp_ms,
        index: &index,
    };
    let best_known = out
        .as_ref()
        .map_or(i64::MAX, Transition::duration_ms)
        .min(shorter_than);
    let Some(r) = on_the_ladder(&sched, own_end, best_known) else {
        // No schedule within the ladder: resolve the synchronised move's conflicts pair
        // by pair instead (a staggered move may be longer, but it copes with pairs whose
        // targets lie on each other's way).
        // Only while nothing better is known: it is slower to find, and rarely shorter.
        if shorter_than < i64::MAX {
            return out;
        }
        return out.or_else(|| {
            staggered(
                direct,
                assignment,
                limits,
                opts,
                band,
                (sa, sb),
                shorter_than,
            )
        });
    };
    let min_d = fleet_clearance(&r.flights, d, d + 0.01).min_m.min(d + 0.01);
    if min_d < d - 1e-9 {
        return out;
    }
    let m = FlightMove { flights: r.flights };
    let mut target_of = assignment.target_of.clone();
    for &(i, j) in &r.swaps {
        target_of.swap(i, j);
    }
    Some(straight_transition(
        assignment,
        vec![Move::Flights(m)],
        min_d.min(sa.min(sb)),
        if r.synchronised {
            Method::Direct
        } else {
            Method::Staggered
        },
        target_of,
    ))
}

/// Each drone's straight route from `from[i]` to `to[i]`.
fn lines(from: &[Vec3], to: &[Vec3], env: &Envelope<'_>) -> Vec<Route> {
    (0..from.len())
        .into_par_iter()
        .map(|i| Route::line(from[i], to[i], env))
        .collect()
}

/// Which drones' straight lines come near each other, for a schedule keeping `d`.
fn line_index(from: &[Vec3], to: &[Vec3], d: f64) -> PathIndex {
    PathIndex::with_tubes(
        (0..from.len()).map(|i| vec![(from[i], to[i])]).collect(),
        d + 0.01 + 2.0 * PATH_SLACK_M,
        max_tube(d),
    )
}

/// The first schedule found on the ladder of transition lengths from `own_end` (the
/// slowest drone's own fastest flight) that is shorter than `best_known`.
fn on_the_ladder(sched: &Schedule, own_end: i64, best_known: i64) -> Option<Scheduled> {
    for k in LADDER {
        let end = (own_end as f64 * (1.0 + k)).round() as i64;
        if end >= best_known {
            break;
        }
        if let Some(r) = schedule(sched, end) {
            return Some(r);
        }
    }
    None
}

/// The synchronised move with its conflicts resolved pair by pair (`stagger.rs`), if that
/// succeeds and beats `shorter_than`.
fn staggered(
    direct: &SyncMove,
    assignment: &Assignment,
    limits: &Limits,
    opts: &PlanOptions,
    band: (f64, f64),
    (sa, sb): (f64, f64),
    shorter_than: i64,
) -> Option<Transition> {
    let d = limits.min_distance_m;
    let max_extension = (direct.profile.total_ms / 2).max(2_000);
    let st = stagger(direct, limits, opts.headroom, max_extension, band)?;
    if st.min_d < d - 1e-9 {
        return None;
    }
    let mut target_of = assignment.target_of.clone();
    for &(i, j) in &st.swaps {
        target_of.swap(i, j);
    }
    let mut m = direct.clone();
    m.to = st.to;
    m.delay_ms = st.delays;
    m.profiles = st.profiles;
    m.vias = st.vias;
    if m.duration_ms() >= shorter_than {
        return None;
    }
    Some(straight_transition(
        assignment,
        vec![Move::Straight(m)],
        st.min_d.min(sa.min(sb)),
        Method::Staggered,
        target_of,
    ))
}
