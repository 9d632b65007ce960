//! `SyncMove`: every drone flies a straight line on one shared progress profile (CAPT), and
//! the exact clearance of such a move.

use rayon::prelude::*;
use skyshow_model::{Limits, Segment, Vec3};

use crate::flight::Flight;
use crate::grid::CellGrid;
use crate::profile::{Profile, rate_limits};

/// A synchronised straight-line move of the whole fleet: drone `i` flies from `from[i]` to
/// `to[i]`, all on the same profile, starting and stopping together.
#[derive(Clone, Debug, PartialEq)]
pub struct SyncMove {
    /// Start positions, by drone.
    pub from: Vec<Vec3>,
    /// End positions, by drone.
    pub to: Vec<Vec3>,
    /// The shared progress profile.
    pub profile: Profile,
    /// Per-drone departure delays, milliseconds (empty: everyone leaves together).
    pub delay_ms: Vec<i64>,
    /// Per-drone progress profiles (empty: everyone flies the shared `profile`). A drone
    /// with a shorter move than the longest may fly it faster, on its own profile, and
    /// use the time it saves to leave later without lengthening the move.
    pub profiles: Vec<Profile>,
    /// Per-drone detours (empty: none): drone `i` with `vias[i] = Some((w, p))` first flies
    /// to `w` on profile `p`, stopping there, then on to `to[i]` on its own profile.
    pub vias: Vec<Option<(Vec3, Profile)>>,
}

impl SyncMove {
    /// Departure delay of drone `i`, milliseconds.
    pub fn delay(&self, i: usize) -> i64 {
        self.delay_ms.get(i).copied().unwrap_or(0)
    }

    /// Progress profile of drone `i`.
    pub fn profile_of(&self, i: usize) -> Profile {
        self.profiles.get(i).copied().unwrap_or(self.profile)
    }

    /// Detour of drone `i`: the waypoint and the profile that reaches it.
    pub fn via(&self, i: usize) -> Option<(Vec3, Profile)> {
        self.vias.get(i).copied().flatten()
    }

    /// When drone `i` arrives, milliseconds after the move starts.
    pub fn arrival_ms(&self, i: usize) -> i64 {
        self.delay(i) + self.via(i).map_or(0, |v| v.1.total_ms) + self.profile_of(i).total_ms
    }

    /// The flight of drone `i` when the move starts at `t0_ms`: from its departure to its
    /// arrival (it holds still before and after).
    pub fn segments_of(&self, i: usize, t0_ms: i64) -> Vec<Segment> {
        let mut dep = t0_ms + self.delay(i);
        let mut at = self.from[i];
        let mut out = Vec::new();
        if let Some((w, p)) = self.via(i) {
            out.extend(p.segments(at, w, dep));
            (at, dep) = (w, dep + p.total_ms);
        }
        out.extend(self.profile_of(i).segments(at, self.to[i], dep));
        out
    }

    /// The flight of drone `i`, from the move's start.
    pub fn flight(&self, i: usize) -> Flight {
        let dep = self.delay(i);
        match self.via(i) {
            None => Flight::straight(self.from[i], self.to[i], dep, self.profile_of(i)),
            Some((w, p)) => Flight::through(
                &[self.from[i], w, self.to[i]],
                dep,
                &[p, self.profile_of(i)],
            ),
        }
    }

    /// The same move with its drones in another order: drone `i` of the result is drone
    /// `src[i]` of this one (`src` a permutation).
    pub fn reordered(&self, src: &[usize]) -> SyncMove {
        SyncMove {
            from: gather(&self.from, src),
            to: gather(&self.to, src),
            profile: self.profile,
            delay_ms: gather(&self.delay_ms, src),
            profiles: gather(&self.profiles, src),
            vias: gather(&self.vias, src),
        }
    }

    /// Duration of the whole move, milliseconds: the latest arrival.
    pub fn duration_ms(&self) -> i64 {
        if self.profile.total_ms == 0 {
            return 0;
        }
        if self.profiles.is_empty() && self.vias.is_empty() {
            return self.profile.total_ms + self.delay_ms.iter().copied().max().unwrap_or(0);
        }
        (0..self.from.len())
            .map(|i| self.arrival_ms(i))
            .max()
            .unwrap_or(0)
    }

    /// The fastest synchronised move between the two configurations under `limits`
    /// (scaled by `headroom`), lasting at least `min_ms`.
    pub fn fastest(
        from: Vec<Vec3>,
        to: Vec<Vec3>,
        limits: &Limits,
        headroom: f64,
        min_ms: i64,
    ) -> SyncMove {
        let (v, a) = from
            .par_iter()
            .zip(to.par_iter())
            .map(|(a, b)| rate_limits(*b - *a, limits, headroom))
            .reduce(
                || (f64::INFINITY, f64::INFINITY),
                |x, y| (x.0.min(y.0), x.1.min(y.1)),
            );
        let profile = Profile::fastest(v, a, min_ms);
        SyncMove {
            from,
            to,
            profile,
            delay_ms: Vec::new(),
            profiles: Vec::new(),
            vias: Vec::new(),
        }
    }
}

/// The smallest distance between two drones during a synchronised straight-line move.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Clearance {
    /// Smallest distance, metres (infinite if no pair comes within the search radius).
    pub min_m: f64,
    /// The pair that comes closest.
    pub pair: Option<(usize, usize)>,
    /// Progress (0–1) at which it happens.
    pub beta: f64,
}

/// Exact clearance of the synchronised move `from → to`, looking at pairs that come within
/// `radius` metres (pairs never that close are not reported). Because every drone moves
/// linearly in the shared progress β, each pair's distance is minimised in closed form.
pub fn clearance(from: &[Vec3], to: &[Vec3], radius: f64) -> Clearance {
    let n = from.len();
    let none = Clearance {
        min_m: f64::INFINITY,
        pair: None,
        beta: 0.0,
    };
    if n < 2 {
        return none;
    }
    let max_len = from
        .iter()
        .zip(to)
        .map(|(a, b)| a.dist(*b))
        .fold(0.0, f64::max);
    let k = ((max_len / radius).ceil() as usize).clamp(1, 100_000);
    let step = max_len / k as f64;
    let cell = radius + step + 1e-9;
    let results: Vec<Clearance> = (0..k)
        .into_par_iter()
        .map(|s| {
            let b0 = s as f64 / k as f64;
            let b1 = (s + 1) as f64 / k as f64;
            let p0: Vec<Vec3> = from.iter().zip(to).map(|(a, b)| a.lerp(*b, b0)).collect();
            let p1: Vec<Vec3> = from.iter().zip(to).map(|(a, b)| a.lerp(*b, b1)).collect();
            let mid: Vec<Vec3> = p0.iter().zip(&p1).map(|(a, b)| a.lerp(*b, 0.5)).collect();
            let grid = CellGrid::new(&mid, cell);
            let mut best = none;
            // Within a slab each drone moves at most `step`, so a pair whose midpoints
            // are `radius + step` apart never comes within `radius` in it.
            let far2 = (radius + step) * (radius + step) * (1.0 + 1e-9);
            grid.for_pairs(|i, j| {
                if mid[i].dist2(mid[j]) > far2 {
                    return;
                }
                let (d, lam) = segment_min(p0[i] - p0[j], p1[i] - p1[j]);
                if d < radius && better(d, (i, j), &best) {
                    best = Clearance {
                        min_m: d,
                        pair: Some((i, j)),
                        beta: b0 + lam * (b1 - b0),
                    };
                }
            });
            best
        })
        .collect();
    results.into_iter().fold(none, |acc, c| match c.pair {
        Some(p) if better(c.min_m, p, &acc) => c,
        _ => acc,
    })
}

fn better(d: f64, pair: (usize, usize), best: &Clearance) -> bool {
    match best.pair {
        None => true,
        Some(bp) => d < best.min_m || (d == best.min_m && pair < bp),
    }
}

/// Minimum of `|p + λ (q − p)|` over `λ ∈ [0, 1]`, and the λ where it is reached.
pub(crate) fn segment_min(p: Vec3, q: Vec3) -> (f64, f64) {
    let r = q - p;
    let rr = r.norm2();
    let lam = if rr > 0.0 {
        (-p.dot(r) / rr).clamp(0.0, 1.0)
    } else {
        0.0
    };
    ((p + r * lam).norm(), lam)
}

/// `v` in the order `src` gives (`out[i] = v[src[i]]`); an empty `v` (a per-drone field
/// left out) stays empty.
pub(crate) fn gather<T: Clone>(v: &[T], src: &[usize]) -> Vec<T> {
    if v.is_empty() {
        return Vec::new();
    }
    src.iter().map(|&k| v[k].clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_on_swap_collides_in_the_middle() {
        let a = vec![Vec3::new(0.0, 0.0, 50.0), Vec3::new(10.0, 0.0, 50.0)];
        let b = vec![a[1], a[0]];
        let c = clearance(&a, &b, 5.0);
        assert!(c.min_m < 1e-9);
        assert!((c.beta - 0.5).abs() < 1e-9);
    }

    #[test]
    fn parallel_translation_keeps_spacing() {
        let a: Vec<Vec3> = (0..50)
            .map(|i| Vec3::new(i as f64 * 3.0, 0.0, 40.0))
            .collect();
        let b: Vec<Vec3> = a.iter().map(|p| *p + Vec3::new(0.0, 80.0, 20.0)).collect();
        let c = clearance(&a, &b, 3.5);
        assert!((c.min_m - 3.0).abs() < 1e-9, "{c:?}");
    }

    #[test]
    fn matches_brute_force() {
        // Pseudo-random crossing moves, compared with dense sampling.
        let mut rnd = crate::test_rng::uniform(12345);
        let n = 40;
        let a: Vec<Vec3> = (0..n)
            .map(|_| Vec3::new(rnd() * 60.0, rnd() * 60.0, 30.0 + rnd() * 30.0))
            .collect();
        let b: Vec<Vec3> = (0..n)
            .map(|_| Vec3::new(rnd() * 60.0, rnd() * 60.0, 30.0 + rnd() * 30.0))
            .collect();
        let c = clearance(&a, &b, 200.0);
        let mut brute = f64::INFINITY;
        for k in 0..=4000 {
            let t = k as f64 / 4000.0;
            for i in 0..n {
                for j in i + 1..n {
                    brute = brute.min(a[i].lerp(b[i], t).dist(a[j].lerp(b[j], t)));
                }
            }
        }
        assert!(
            c.min_m <= brute + 1e-9 && brute - c.min_m < 0.05,
            "{} vs {brute}",
            c.min_m
        );
    }
}
