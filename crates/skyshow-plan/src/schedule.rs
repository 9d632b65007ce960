//! Scheduling a transition of a given length: every drone's timing chosen in turn, the
//! drones with the least time to spare first, each taking the first of its options that
//! keeps clear of the drones already scheduled.
//!
//! Options, in order: the shared progress profile (every drone on it flies synchronised,
//! as CAPT flies them); leaving later and flying faster to arrive on time; flying at full
//! speed and arriving early; then detours beside the line (a bump out and back, without
//! stopping, or a waypoint), each leaving at once or later. A drone with no clear option
//! ends the attempt: the transition is too short for these paths, and the caller tries a
//! longer one. Every check is exact in continuous time (`pair_check.rs`).

use rayon::prelude::*;
use skyshow_model::Vec3;

use crate::flight::Flight;
use crate::pair_check::pair_min;
use crate::path_index::{Leg, PathIndex};
use crate::route::{Envelope, Route, RouteKind};

/// Step of the departure and arrival times tried, milliseconds.
const STEP_MS: i64 = 250;
/// Distances this close to the minimum count as reaching it (round-off).
const EPS: f64 = 1e-9;
/// Sampling step of curved flights for the path index, ms.
const PATH_STEP_MS: i64 = 250;
/// How far a curved flight may stray from its sampled polyline, metres (a quadratic piece
/// of at most `PATH_STEP_MS` at no more than 8 m/s² bulges less than this).
pub(crate) const PATH_SLACK_M: f64 = 0.07;
/// The widest tube a scheduled flight may stray into from its line, metres: two minimum
/// distances (the widest detour) plus room for per-axis flights, which curve a little.
pub(crate) fn max_tube(d: f64) -> f64 {
    2.0 * d + 1.0
}

/// Most timings tried per route.
const MAX_TIMINGS: i64 = 24;

/// What a schedule is made for.
pub(crate) struct Schedule<'a> {
    /// Starts.
    pub from: &'a [Vec3],
    /// Targets.
    pub to: &'a [Vec3],
    /// Each drone's straight route (`Route::line`).
    pub routes: &'a [Route],
    /// The limits flown under.
    pub env: Envelope<'a>,
    /// Minimum distance, metres.
    pub d: f64,
    /// Altitude band detours must stay in.
    pub band: (f64, f64),
    /// The ramp of the shared progress profile, ms.
    pub ramp_ms: i64,
    /// Path index of the straight lines (reach `d + 0.01 + 2·PATH_SLACK_M`).
    pub index: &'a PathIndex,
}

/// A scheduled transition.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Scheduled {
    /// Each drone's flight.
    pub flights: Vec<Flight>,
    /// Whether every drone flies the shared profile (a synchronised move).
    pub synchronised: bool,
    /// How many drones detour.
    pub detours: usize,
    /// Where each drone goes: the targets given, some pairs swapped.
    pub to: Vec<Vec3>,
    /// The pairs of drones whose targets were swapped, in order.
    pub swaps: Vec<(usize, usize)>,
}

/// Where a flight goes: the straight line from its start to its target, and how far from
/// that line it strays (0 for a straight flight), metres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Tube {
    /// The line.
    pub line: Leg,
    /// Radius, metres.
    pub radius: f64,
    /// Lowest and highest altitude on the way, metres.
    pub z_range: (f64, f64),
}

/// The tube a flight stays in (sampled at its joints and every `PATH_STEP_MS`, with
/// `PATH_SLACK_M` for what lies between samples).
pub(crate) fn path_of(f: &Flight) -> Tube {
    let line = (f.from, f.to);
    let z = (f.from.z.min(f.to.z), f.from.z.max(f.to.z));
    if f.legs.len() <= 1 {
        return Tube {
            line,
            radius: 0.0,
            z_range: z,
        };
    }
    let mut times = f.joints();
    let (t0, t1) = (f.departure_ms(), f.arrival_ms());
    times.extend((t0..t1).step_by(PATH_STEP_MS as usize));
    let (mut radius, mut lo, mut hi) = (0.0f64, z.0, z.1);
    for t in times {
        let p = f.state(t).0;
        radius = radius.max(point_segment(p, f.from, f.to));
        lo = lo.min(p.z);
        hi = hi.max(p.z);
    }
    Tube {
        line,
        radius: radius + PATH_SLACK_M,
        z_range: (lo - PATH_SLACK_M, hi + PATH_SLACK_M),
    }
}

fn point_segment(p: Vec3, a: Vec3, b: Vec3) -> f64 {
    let u = b - a;
    let uu = u.norm2();
    let t = if uu > 0.0 {
        ((p - a).dot(u) / uu).clamp(0.0, 1.0)
    } else {
        0.0
    };
    p.dist(a + u * t)
}

fn in_band(path: &Tube, band: (f64, f64)) -> bool {
    path.z_range.0 >= band.0 && path.z_range.1 <= band.1
}

/// The timings tried on `route` within `[0, end]`, in order of preference.
fn timings(route: &Route, end: i64, sync: Option<&Flight>, env: &Envelope<'_>) -> Vec<Flight> {
    let mut out = Vec::new();
    if let Some(f) = sync {
        out.push(f.clone());
    }
    let slack = end - route.fastest_ms;
    if slack < 0 {
        return out;
    }
    let steps = (slack / STEP_MS).clamp(0, MAX_TIMINGS);
    let at = |k: i64| if steps == 0 { 0 } else { slack * k / steps };
    if route.kind == RouteKind::Line {
        if sync.is_none() {
            out.push(route.flight(0, end, env));
        }
        // Leave later, arrive on time.
        for k in 1..=steps {
            out.push(route.flight(at(k), end, env));
        }
        // Leave at once, arrive early (and wait).
        for k in 1..=steps {
            out.push(route.flight(0, end - at(k), env));
        }
    } else {
        // Detours: leave at once or later, arriving on time.
        let m = steps.min(2);
        for k in 0..=m {
            let delay = if m == 0 { 0 } else { slack * k / m };
            out.push(route.flight(delay, end, env));
        }
    }
    out.retain(|f| f.arrival_ms() <= end);
    out
}

/// The detours tried for a drone: bumps then waypoints, one and two minimum distances
/// beside its line, in the directions perpendicular to it.
fn detours(from: Vec3, to: Vec3, d: f64, end: i64, env: &Envelope<'_>) -> Vec<Route> {
    let u = to - from;
    let un = u.norm();
    let mut dirs: Vec<Vec3> = Vec::new();
    for e in [
        Vec3::new(1.0, 0.0, 0.0),
        Vec3::new(0.0, 1.0, 0.0),
        Vec3::new(0.0, 0.0, 1.0),
    ] {
        let p = if un > 1e-9 {
            e - u * (e.dot(u) / (un * un))
        } else {
            e
        };
        if p.norm() > 0.3 {
            let p = p / p.norm();
            dirs.push(p);
            dirs.push(p * -1.0);
        }
    }
    let mid = from.lerp(to, 0.5);
    let mut out = Vec::new();
    for scale in [1.0, 2.0] {
        for &dir in &dirs {
            if let Some(r) = Route::bump(from, to, dir * (d * scale), end, env) {
                out.push(r);
            }
        }
    }
    for scale in [1.0, 2.0] {
        for &dir in &dirs {
            let r = Route::via(from, mid + dir * (d * scale), to, env);
            if r.fastest_ms <= end {
                out.push(r);
            }
        }
    }
    out
}

/// Flights an attempt may try per drone (on average) before it gives up.
const WORK_PER_DRONE: i64 = 12;

/// How often a drone may be taken back out of the schedule to let another go first.
const MAX_BUMPS: u32 = 4;

/// The state of one scheduling attempt.
struct Attempt<'s, 'a> {
    s: &'s Schedule<'a>,
    end: i64,
    to: Vec<Vec3>,
    routes: Vec<Route>,
    sync: Vec<Option<Flight>>,
    flights: Vec<Option<Flight>>,
    index: PathIndex,
    /// Flights left to try before the attempt gives up.
    budget: std::cell::Cell<i64>,
}

impl Attempt<'_, '_> {
    /// Spends one try; false once the budget is gone.
    fn spend(&self) -> bool {
        self.budget.set(self.budget.get() - 1);
        self.budget.get() >= 0
    }

    fn straight(&self, v: usize) -> Leg {
        (self.s.from[v], self.to[v])
    }

    /// The scheduled drones that `f` (drone `v`'s flight along `path`) comes too close to.
    fn blockers(&self, f: &Flight, path: &Tube, v: usize, first_only: bool) -> Vec<usize> {
        let straight = path.radius == 0.0 && path.line == self.straight(v);
        let queried;
        let near: &[usize] = if straight {
            &self.index.near[v]
        } else {
            queried = self.index.query_tube(&[path.line], path.radius, Some(v));
            &queried
        };
        let mut out = Vec::new();
        for &k in near {
            if let Some(g) = &self.flights[k]
                && pair_min(f, g, 0, i64::MAX / 4, self.s.d) < self.s.d - EPS
            {
                out.push(k);
                if first_only {
                    break;
                }
            }
        }
        out
    }

    /// The first clear option of drone `v`: its flight, whether it is the shared profile,
    /// whether it detours.
    fn place(&self, v: usize) -> Option<(Flight, bool, bool)> {
        let env = &self.s.env;
        let opts = timings(&self.routes[v], self.end, self.sync[v].as_ref(), env);
        let wide = max_tube(self.s.d);
        for (k, f) in opts.into_iter().enumerate() {
            if !self.spend() {
                return None;
            }
            let path = path_of(&f);
            if path.radius <= wide && self.blockers(&f, &path, v, true).is_empty() {
                return Some((f, k == 0 && self.sync[v].is_some(), false));
            }
        }
        for r in detours(self.s.from[v], self.to[v], self.s.d, self.end, env) {
            for f in timings(&r, self.end, None, env) {
                if !self.spend() {
                    return None;
                }
                let path = path_of(&f);
                if path.radius <= wide
                    && in_band(&path, self.s.band)
                    && self.blockers(&f, &path, v, true).is_empty()
                {
                    return Some((f, false, true));
                }
            }
        }
        None
    }

    fn set_route(&mut self, v: usize) {
        let env = &self.s.env;
        self.routes[v] = Route::line(self.s.from[v], self.to[v], env);
        self.sync[v] = self.routes[v].synchronised(self.end, self.s.ramp_ms, env);
    }

    fn unschedule(&mut self, v: usize) {
        if let Some(f) = self.flights[v].take()
            && path_of(&f).radius > 0.0
        {
            self.index.update(v, vec![self.straight(v)]);
        }
    }
}

/// Schedules every drone within `end_ms`, or `None` if some drone finds no clear option.
///
/// Drones are placed least slack first. A drone with no clear option takes the place of
/// the drones that block its first option: they are taken out and placed again after it
/// (a drone at most `MAX_BUMPS` times); when the blocker is a single drone whose target
/// it can take instead, the two first swap their targets, once.
pub(crate) fn schedule(s: &Schedule<'_>, end: i64) -> Option<Scheduled> {
    let n = s.from.len();
    let env = &s.env;
    if s.routes.iter().any(|r| r.fastest_ms > end) {
        return None;
    }
    let mut at = Attempt {
        s,
        end,
        to: s.to.to_vec(),
        routes: s.routes.to_vec(),
        // The shared profile, where each drone's limits allow it.
        sync: s
            .routes
            .par_iter()
            .map(|r| r.synchronised(end, s.ramp_ms, env))
            .collect(),
        flights: vec![None; n],
        // The index follows the drones that leave their straight lines (per-axis
        // flights, detours), so that every check sees them where they fly.
        index: s.index.clone(),
        budget: std::cell::Cell::new(WORK_PER_DRONE * n as i64 + 2_000),
    };
    // Least slack first; ties by index.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (end - s.routes[i].fastest_ms, i));
    let mut queue: std::collections::VecDeque<usize> = order.into_iter().collect();
    let mut bumps = vec![0u32; n];
    let mut swapped: std::collections::BTreeSet<(usize, usize)> = Default::default();
    let mut swaps = Vec::new();
    let mut detours_of = vec![false; n];
    let mut on_sync = vec![false; n];
    while let Some(v) = queue.pop_front() {
        if let Some((f, sync, detour)) = at.place(v) {
            let path = path_of(&f);
            if path.radius > 0.0 {
                at.index.update_tube(v, vec![path.line], path.radius);
            }
            at.flights[v] = Some(f);
            on_sync[v] = sync;
            detours_of[v] = detour;
            continue;
        }
        // Who blocks its preferred flight?
        if at.budget.get() < 0 {
            return None;
        }
        let first = at.sync[v]
            .clone()
            .unwrap_or_else(|| at.routes[v].flight(0, end, env));
        let blockers = at.blockers(&first, &path_of(&first), v, false);
        if blockers.is_empty() || blockers.len() > 3 {
            return None;
        }
        let w = blockers[0];
        let pair = (v.min(w), v.max(w));
        if blockers.len() == 1
            && !swapped.contains(&pair)
            && Route::line(s.from[v], at.to[w], env).fastest_ms <= end
            && Route::line(s.from[w], at.to[v], env).fastest_ms <= end
        {
            swapped.insert(pair);
            swaps.push(pair);
            at.unschedule(w);
            at.to.swap(v, w);
            for k in [v, w] {
                at.set_route(k);
                at.index.update(k, vec![at.straight(k)]);
            }
            queue.push_front(w);
            queue.push_front(v);
            continue;
        }
        for &k in blockers.iter().rev() {
            bumps[k] += 1;
            if bumps[k] > MAX_BUMPS {
                return None;
            }
            at.unschedule(k);
            queue.push_front(k);
        }
        queue.push_front(v);
    }
    Some(Scheduled {
        synchronised: on_sync.iter().all(|&b| b) && swaps.is_empty(),
        detours: detours_of.iter().filter(|&&b| b).count(),
        flights: at.flights.into_iter().flatten().collect(),
        to: at.to,
        swaps,
    })
}
