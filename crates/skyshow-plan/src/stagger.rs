//! Staggering: resolving the close encounters of a straight-line move drone by drone.
//!
//! When CAPT's spacing condition does not hold, or the assignment is not the minimum sum
//! of squares, a synchronised move brings some pairs closer than the minimum distance.
//! They are resolved one pair at a time: one drone leaves a little later (flying faster,
//! if its limits allow, so that it still arrives when the move ends); a pair that no delay
//! separates swaps its targets; a pair that still cannot pass gets a detour, one drone
//! flying first to a waypoint beside its line. Every pair whose paths come within the
//! minimum distance is checked exactly in continuous time: every drone's position is
//! piecewise quadratic in time, so between the moments where either drone's acceleration
//! changes the squared distance is a quartic, minimised in closed form.

use std::collections::BTreeSet;

use rayon::prelude::*;
use skyshow_model::{Limits, Vec3};

use crate::pair_check::quadratic_min;
use crate::path_index::{Leg, PathIndex};
use crate::profile::{Profile, rate_limits};
use crate::sync_move::SyncMove;

/// Delay added per step, milliseconds.
const DELAY_STEP_MS: i64 = 250;
/// Distances this close to the minimum count as reaching it (round-off).
const EPS: f64 = 1e-9;
/// The shortest a drone's own leg lasts, milliseconds. Legs of a few millimetres would
/// otherwise be flown in a few milliseconds, at full acceleration, where the rounding of
/// exported coordinates to millimetres would break the acceleration limit.
const MIN_LEG_MS: i64 = 1000;
/// Spacing of the departure times tried for a detour, milliseconds.
const DETOUR_DELAY_STEP_MS: i64 = 1000;

/// When and how one drone flies within a move.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Timing {
    /// Departure, ms after the move starts.
    delay_ms: i64,
    /// Progress profile of the (last) straight leg.
    profile: Profile,
    /// A detour: the waypoint flown to first, and the profile that reaches it.
    via: Option<(Vec3, Profile)>,
}

impl Timing {
    fn arrival_ms(&self) -> i64 {
        self.delay_ms + self.via.map_or(0, |v| v.1.total_ms) + self.profile.total_ms
    }
}

/// The result of staggering a move.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Staggered {
    /// Departure delay of each drone, ms.
    pub delays: Vec<i64>,
    /// Progress profile of each drone (of its last leg).
    pub profiles: Vec<Profile>,
    /// Detours: waypoint and the profile that reaches it.
    pub vias: Vec<Option<(Vec3, Profile)>>,
    /// Where each drone goes: the move's targets, some pairs swapped.
    pub to: Vec<Vec3>,
    /// The pairs of drones whose targets were swapped, in order.
    pub swaps: Vec<(usize, usize)>,
    /// The smallest distance between two drones during the move, metres (exact for the
    /// pairs whose paths come within the minimum distance; at least that for the rest).
    pub min_d: f64,
}

/// The pair checker: where drones are under their timings.
#[derive(Clone, Copy)]
struct Pairs<'a> {
    from: &'a [Vec3],
    to: &'a [Vec3],
}

impl Pairs<'_> {
    /// Position, velocity and acceleration of drone `k` at `t` ms (the acceleration of
    /// the phase that starts at `t`).
    fn state(&self, k: usize, tk: Timing, t: i64) -> (Vec3, Vec3, Vec3) {
        let ms = t - tk.delay_ms;
        let (a, b, p, ms) = match tk.via {
            None => (self.from[k], self.to[k], tk.profile, ms),
            Some((w, p)) if ms < p.total_ms => (self.from[k], w, p, ms),
            Some((w, p)) => (w, self.to[k], tk.profile, ms - p.total_ms),
        };
        let d = b - a;
        let (rate, acc) = p.rate_accel(ms);
        (a.lerp(b, p.beta(ms as f64 / 1000.0)), d * rate, d * acc)
    }

    /// Where drone `k`'s acceleration changes, ms.
    fn breaks(tk: Timing, out: &mut Vec<i64>) {
        let mut t = tk.delay_ms;
        if let Some((_, p)) = tk.via {
            out.extend(p.breaks_ms().iter().map(|b| t + b));
            t += p.total_ms;
        }
        out.extend(tk.profile.breaks_ms().iter().map(|b| t + b));
    }

    /// The smallest distance between drones `i` and `j` over the whole move, exactly:
    /// both fly piecewise-quadratic paths in time, so on each piece between their
    /// acceleration changes the squared distance is a quartic, minimised in closed form.
    /// Stops early once it is below `stop`.
    fn clearance(&self, i: usize, ti: Timing, j: usize, tj: Timing, stop: f64) -> f64 {
        let mut cuts: Vec<i64> = Vec::with_capacity(16);
        Self::breaks(ti, &mut cuts);
        Self::breaks(tj, &mut cuts);
        cuts.sort_unstable();
        cuts.dedup();
        let (p0, _, _) = self.state(i, ti, cuts[0]);
        let (q0, _, _) = self.state(j, tj, cuts[0]);
        let mut best = p0.dist(q0);
        for w in cuts.windows(2) {
            if best < stop {
                break;
            }
            let (t0, t1) = (w[0], w[1]);
            let (pi, vi, ai) = self.state(i, ti, t0);
            let (pj, vj, aj) = self.state(j, tj, t0);
            let len = (t1 - t0) as f64 / 1000.0;
            best = best.min(quadratic_min(pi - pj, vi - vj, ai - aj, len));
        }
        best
    }
}

/// What the resolver knows about one drone's route.
#[derive(Clone, Copy, Debug)]
struct Route {
    /// Rate limits of the last leg.
    rates: (f64, f64),
    /// Fastest profile of the last leg.
    own: Profile,
    /// The detour, flown on its fastest profile.
    via: Option<(Vec3, Profile)>,
}

impl Route {
    fn new(from: Vec3, to: Vec3, via: Option<Vec3>, limits: &Limits, headroom: f64) -> Route {
        let fastest = |a: Vec3, b: Vec3| {
            let (v, acc) = rate_limits(b - a, limits, headroom);
            ((v, acc), Profile::fastest(v, acc, MIN_LEG_MS))
        };
        match via {
            None => {
                let (rates, own) = fastest(from, to);
                Route {
                    rates,
                    own,
                    via: None,
                }
            }
            Some(w) => {
                let (_, first) = fastest(from, w);
                let (rates, own) = fastest(w, to);
                Route {
                    rates,
                    own,
                    via: Some((w, first)),
                }
            }
        }
    }

    /// The shortest time the route takes, ms.
    fn fastest_ms(&self) -> i64 {
        self.via.map_or(0, |v| v.1.total_ms) + self.own.total_ms
    }

    /// Leaving at `delay`, arriving by `end` if it can: a straight route's profile is
    /// stretched to fill the time left; a detour is flown at its fastest.
    fn timing(&self, delay: i64, end: i64) -> Timing {
        let profile = if self.via.is_none() && delay + self.own.total_ms <= end {
            Profile::gentle(end - delay, self.rates.0, self.rates.1).unwrap_or(self.own)
        } else {
            self.own
        };
        Timing {
            delay_ms: delay,
            profile,
            via: self.via,
        }
    }

    fn legs(&self, from: Vec3, to: Vec3) -> Vec<Leg> {
        match self.via {
            None => vec![(from, to)],
            Some((w, _)) => vec![(from, w), (w, to)],
        }
    }
}

/// Timings that keep every pair at least `d` apart during the move, and the smallest
/// distance they reach; `None` if none was found within the budget.
///
/// Conflicting pairs are resolved one at a time. First choice: delay one of the two
/// drones, whichever needs the smaller delay to clear the other; a delayed drone still
/// arrives when the move ends if its limits allow, flying a faster profile compressed
/// into the time left. Only when even its own fastest profile does not fit does the move
/// grow, by at most `max_extension_ms`. Delays only ever grow. A pair that no delay
/// separates (typically two drones whose paths cross so that each passes the other's
/// start or goal) swaps its targets, once; if that does not help either, one of the two
/// takes a detour through a waypoint beside its line, inside the altitude band `band`.
pub(crate) fn stagger(
    m: &SyncMove,
    limits: &Limits,
    headroom: f64,
    max_extension_ms: i64,
    band: (f64, f64),
) -> Option<Staggered> {
    let n = m.from.len();
    let d = limits.min_distance_m;
    let from = &m.from[..];
    let mut to = m.to.clone();
    let reach = d + 0.01;
    let mut index = PathIndex::new(from, &to, reach);
    let shared = Timing {
        delay_ms: 0,
        profile: m.profile,
        via: None,
    };
    let mut tim = vec![shared; n];
    let initial: Vec<(usize, usize)> = {
        let pairs = Pairs { from, to: &to };
        let (tim, near) = (&tim, &index.near);
        (0..n)
            .into_par_iter()
            .flat_map_iter(|i| {
                near[i]
                    .iter()
                    .filter(move |&&j| j > i && pairs.clearance(i, tim[i], j, tim[j], d) < d - EPS)
                    .map(move |&j| (i, j))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let mut conflicts: BTreeSet<(usize, usize)> = initial.into_iter().collect();
    let t0 = m.profile.total_ms;
    let limit = t0 + max_extension_ms;
    let route_of = |a: Vec3, b: Vec3, via: Option<Vec3>| Route::new(a, b, via, limits, headroom);
    let mut routes: Vec<Route> = (0..n).map(|i| route_of(from[i], to[i], None)).collect();
    let mut swapped: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut swaps = Vec::new();
    let mut end = t0;
    let mut budget = 40 * n.max(50);
    while let Some(&(i, j)) = conflicts.iter().next() {
        if budget == 0 {
            return None;
        }
        budget -= 1;
        let pairs = Pairs { from, to: &to };
        // (extension, extra delay, path length, reversed index, drone, timing)
        let mut choice: Option<(i64, i64, f64, usize, usize, Timing)> = None;
        for (v, w) in [(i, j), (j, i)] {
            let mut extra = DELAY_STEP_MS;
            while tim[v].delay_ms + extra + routes[v].fastest_ms() <= limit {
                let t = routes[v].timing(tim[v].delay_ms + extra, end);
                if pairs.clearance(v, t, w, tim[w], d) >= d - EPS {
                    let len = from[v].dist(to[v]);
                    let key = (
                        (t.arrival_ms() - end).max(0),
                        extra,
                        len,
                        usize::MAX - v,
                        v,
                        t,
                    );
                    if choice.is_none_or(|c| (key.0, key.1, key.2, key.3) < (c.0, c.1, c.2, c.3)) {
                        choice = Some(key);
                    }
                    break;
                }
                extra += DELAY_STEP_MS;
            }
        }
        let changed: Vec<usize> = if let Some((_, _, _, _, v, t)) = choice {
            tim[v] = t;
            end = end.max(t.arrival_ms());
            vec![v]
        } else if !swapped.contains(&(i, j))
            && route_of(from[i], to[j], None).fastest_ms() <= limit
            && route_of(from[j], to[i], None).fastest_ms() <= limit
        {
            // No delay separates them: swap their targets, once.
            swapped.insert((i, j));
            to.swap(i, j);
            swaps.push((i, j));
            for v in [i, j] {
                routes[v] = route_of(from[v], to[v], None);
                index.update(v, routes[v].legs(from[v], to[v]));
                tim[v] = routes[v].timing(0, end);
                end = end.max(tim[v].arrival_ms());
            }
            conflicts.retain(|&(a, b)| a != i && a != j && b != i && b != j);
            vec![i, j]
        } else {
            // Neither: one of them flies beside its line, through a waypoint.
            let (v, route, t) =
                detour(&pairs, &index, &tim, (i, j), end, limit, band, d, &route_of)?;
            routes[v] = route;
            index.update(v, route.legs(from[v], to[v]));
            tim[v] = t;
            end = end.max(t.arrival_ms());
            conflicts.retain(|&(a, b)| a != v && b != v);
            vec![v]
        };
        let pairs = Pairs { from, to: &to };
        for v in changed {
            let updates: Vec<(usize, bool)> = index.near[v]
                .par_iter()
                .map(|&k| (k, pairs.clearance(v, tim[v], k, tim[k], d) < d - EPS))
                .collect();
            for (k, bad) in updates {
                let pair = (v.min(k), v.max(k));
                if bad {
                    conflicts.insert(pair);
                } else {
                    conflicts.remove(&pair);
                }
            }
        }
    }
    let pairs = Pairs { from, to: &to };
    // Pairs whose paths never come within `reach` are at least that far apart.
    let min_d = finish(&pairs, &index.near, &tim).min(reach);
    Some(Staggered {
        delays: tim.iter().map(|t| t.delay_ms).collect(),
        profiles: tim.iter().map(|t| t.profile).collect(),
        vias: tim.iter().map(|t| t.via).collect(),
        to,
        swaps,
        min_d,
    })
}

/// A detour for one drone of the conflicting pair `(i, j)`: the drone, its new route and
/// timing. Candidate waypoints sit beside the midpoint of the drone's line, one or two
/// minimum distances away in the directions perpendicular to it; the one that clears the
/// pair and leaves the fewest conflicts with the drone's new neighbours wins. A drone
/// takes at most one detour.
#[allow(clippy::too_many_arguments)]
fn detour(
    pairs: &Pairs,
    index: &PathIndex,
    tim: &[Timing],
    (i, j): (usize, usize),
    end: i64,
    limit: i64,
    band: (f64, f64),
    d: f64,
    route_of: &dyn Fn(Vec3, Vec3, Option<Vec3>) -> Route,
) -> Option<(usize, Route, Timing)> {
    let axes = [
        Vec3::new(1.0, 0.0, 0.0),
        Vec3::new(0.0, 1.0, 0.0),
        Vec3::new(0.0, 0.0, 1.0),
    ];
    // (conflicts left, offset, candidate order, drone, route, timing)
    let mut best: Option<(usize, f64, usize, usize, Route, Timing)> = None;
    for (v, w) in [(i, j), (j, i)] {
        if tim[v].via.is_some() {
            continue;
        }
        let (a, b) = (pairs.from[v], pairs.to[v]);
        let u = b - a;
        let un = u.norm();
        let mut dirs: Vec<Vec3> = Vec::new();
        for e in axes {
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
        let mid = a.lerp(b, 0.5);
        let mut order = 0;
        for scale in [1.0, 2.0] {
            for &dir in &dirs {
                order += 1;
                let wp = mid + dir * (d * scale);
                if wp.z < band.0 || wp.z > band.1 {
                    continue;
                }
                let route = route_of(a, b, Some(wp));
                if route.fastest_ms() > limit {
                    continue;
                }
                // Leave at once, or later (up to arriving when the move ends).
                let latest = (end - route.fastest_ms()).max(0);
                let steps = (latest / DETOUR_DELAY_STEP_MS).min(8);
                for step in 0..=steps {
                    let delay = if steps == 0 { 0 } else { latest * step / steps };
                    let t = route.timing(delay, end);
                    if pairs.clearance(v, t, w, tim[w], d) < d - EPS {
                        continue;
                    }
                    let left = index
                        .query(&route.legs(a, b), Some(v))
                        .into_iter()
                        .filter(|&k| k != w && pairs.clearance(v, t, k, tim[k], d) < d - EPS)
                        .count();
                    let key = (left, scale, order, v, route, t);
                    if best.is_none_or(|c| (key.0, key.1, key.2, key.3) < (c.0, c.1, c.2, c.3)) {
                        best = Some(key);
                    }
                    break;
                }
            }
        }
    }
    best.map(|(_, _, _, v, route, t)| (v, route, t))
}

fn finish(pairs: &Pairs, near: &[Vec<usize>], tim: &[Timing]) -> f64 {
    (0..tim.len())
        .into_par_iter()
        .map(|i| {
            near[i]
                .iter()
                .filter(|&&j| j > i)
                .map(|&j| pairs.clearance(i, tim[i], j, tim[j], f64::NEG_INFINITY))
                .fold(f64::INFINITY, f64::min)
        })
        .reduce(|| f64::INFINITY, f64::min)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crossing_paths_are_staggered_apart() {
        // Two drones crossing at right angles: synchronised, they meet in the middle.
        let from = vec![Vec3::new(0.0, 0.0, 30.0), Vec3::new(10.0, -10.0, 30.0)];
        let to = vec![Vec3::new(20.0, 0.0, 30.0), Vec3::new(10.0, 10.0, 30.0)];
        let m = SyncMove::fastest(from, to, &Limits::DEFAULT, 0.99, 0);
        let st = stagger(&m, &Limits::DEFAULT, 0.99, 60_000, (10.0, 150.0)).unwrap();
        assert!(st.delays.iter().any(|&t| t > 0) || st.profiles != [m.profile; 2]);
        assert!(st.min_d >= 3.0, "{}", st.min_d);
    }

    #[test]
    fn head_on_swap_on_close_lines_swaps_targets() {
        // Each drone's goal is 2 m from the other's start: whoever waits is passed too
        // close, so no delay separates them; swapping their targets does.
        let from = vec![Vec3::new(0.0, 0.0, 30.0), Vec3::new(20.0, 2.0, 30.0)];
        let to = vec![Vec3::new(20.0, 0.0, 30.0), Vec3::new(0.0, 2.0, 30.0)];
        let m = SyncMove::fastest(from, to.clone(), &Limits::DEFAULT, 0.99, 0);
        let st = stagger(&m, &Limits::DEFAULT, 0.99, 60_000, (10.0, 150.0)).unwrap();
        assert_eq!(st.swaps, vec![(0, 1)]);
        assert_eq!(st.to, vec![to[1], to[0]]);
        assert!(st.min_d >= 3.0, "{}", st.min_d);
    }

    #[test]
    fn exact_pair_clearance_matches_dense_sampling() {
        let mut seed = 99u64;
        let mut rnd = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let limits = Limits::DEFAULT;
        for _ in 0..200 {
            let mut p = || Vec3::new(rnd() * 30.0, rnd() * 30.0, 20.0 + rnd() * 10.0);
            let (from, to) = (vec![p(), p()], vec![p(), p()]);
            let via = p();
            let pairs = Pairs {
                from: &from,
                to: &to,
            };
            let r0 = Route::new(from[0], to[0], Some(via), &limits, 0.99);
            let r1 = Route::new(from[1], to[1], None, &limits, 0.99);
            let end = r0.fastest_ms().max(r1.fastest_ms()) + 3_000;
            let t0 = r0.timing((rnd() * 2_000.0) as i64, end);
            let t1 = r1.timing((rnd() * 2_000.0) as i64, end);
            let exact = pairs.clearance(0, t0, 1, t1, f64::NEG_INFINITY);
            let last = t0.arrival_ms().max(t1.arrival_ms());
            let brute = (0..=last)
                .map(|t| pairs.state(0, t0, t).0.dist(pairs.state(1, t1, t).0))
                .fold(f64::INFINITY, f64::min);
            assert!(exact <= brute + 1e-9, "{exact} > {brute}");
            assert!(brute - exact < 1e-3, "{exact} vs {brute}");
        }
    }

    #[test]
    fn pair_turning_in_place_takes_a_detour() {
        // Two drones 3.2 m apart turn by 90° about their midpoint: straight lines pass
        // 2.26 m apart whatever the timing or the assignment, so one must go around.
        let from = vec![Vec3::new(0.0, 0.0, 30.0), Vec3::new(3.2, 0.0, 30.0)];
        let to = vec![Vec3::new(1.6, 1.6, 30.0), Vec3::new(1.6, -1.6, 30.0)];
        let m = SyncMove::fastest(from.clone(), to, &Limits::DEFAULT, 0.99, 0);
        let st = stagger(&m, &Limits::DEFAULT, 0.99, 60_000, (10.0, 150.0)).unwrap();
        assert!(st.vias.iter().any(Option::is_some));
        assert!(st.min_d >= 3.0, "{}", st.min_d);
        // An independent check on a fine grid of times.
        let mut moved = m.clone();
        moved.to = st.to.clone();
        moved.delay_ms = st.delays.clone();
        moved.profiles = st.profiles.clone();
        moved.vias = st.vias.clone();
        let pos = |i: usize, t: i64| {
            let s = (t - moved.delay(i)) as f64 / 1000.0;
            match moved.via(i) {
                None => from[i].lerp(moved.to[i], moved.profile_of(i).beta(s)),
                Some((w, p)) if s < p.total_s() => from[i].lerp(w, p.beta(s)),
                Some((w, p)) => w.lerp(moved.to[i], moved.profile_of(i).beta(s - p.total_s())),
            }
        };
        let end = moved.duration_ms();
        for t in 0..=end {
            assert!(pos(0, t).dist(pos(1, t)) >= 3.0 - 1e-6, "at {t} ms");
        }
    }

    #[test]
    fn detours_stay_in_the_altitude_band() {
        // The same turn in a vertical plane at the bottom of the band: no waypoint below.
        let from = vec![Vec3::new(0.0, 0.0, 10.0), Vec3::new(0.0, 3.2, 10.0)];
        let to = vec![Vec3::new(0.0, 1.6, 11.6), Vec3::new(0.0, 1.6, 10.0 - 1.6)];
        let m = SyncMove::fastest(from, to, &Limits::DEFAULT, 0.99, 0);
        if let Some(st) = stagger(&m, &Limits::DEFAULT, 0.99, 60_000, (8.0, 150.0)) {
            for (w, _) in st.vias.iter().flatten() {
                assert!(w.z >= 8.0 && w.z <= 150.0, "{w:?}");
            }
            assert!(st.min_d >= 3.0);
        }
    }
}
