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
use skyshow_model::{Limits, Vec3};

use crate::assign::{Assignment, assign_min_sum_sq, assign_min_sum_sq_within, bottleneck_from};
use crate::options::{Minimise, PlanOptions};
use crate::profile::Profile;
use crate::stagger::stagger;
use crate::sync_move::{SyncMove, clearance};

/// How a transition was flown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// One synchronised straight-line move (CAPT).
    Direct,
    /// One straight-line move with some drones leaving a little later.
    Staggered,
    /// Through expanded copies of both formations (three synchronised moves).
    Expanded,
}

impl Method {
    /// Snake-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Direct => "direct",
            Method::Staggered => "staggered",
            Method::Expanded => "expanded",
        }
    }
}

/// A planned transition between two fleet configurations.
#[derive(Clone, Debug, PartialEq)]
pub struct Transition {
    /// The synchronised moves, flown back to back.
    pub moves: Vec<SyncMove>,
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
        self.moves.iter().map(SyncMove::duration_ms).sum()
    }
}

/// Why a transition cannot be planned.
#[derive(Debug, Clone, PartialEq)]
pub struct TransitionError(pub String);

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
    let d = limits.min_distance_m;
    let time_cost = |a: Vec3, b: Vec3| min_flight_time_s(b - a, limits);
    let spacing = |p: &[Vec3]| min_spacing(p).map_or(f64::INFINITY, |s| s.0);
    let (sa, sb) = (spacing(from), spacing(to));
    let clock = std::time::Instant::now();
    let ssd = assign_min_sum_sq(from, to);
    let mut assign_ms = clock.elapsed().as_secs_f64() * 1000.0;
    // The bound's search starts from the sum-of-squares assignment: its longest flight
    // bounds the value from above, and near the value it lacks few pairs.
    let bn = bottleneck_from(from, to, &time_cost, Some(&ssd.target_of));
    let lower_bound_s = bn.value;
    // The candidate assignments, in order of preference on equal duration.
    let mut candidates = Vec::new();
    // The SSD assignment flown synchronised already lasts this long; when that is within
    // the time slack of the bound, no other assignment can do noticeably better.
    let ssd_ms = {
        let targets: Vec<Vec3> = ssd.target_of.iter().map(|&j| to[j]).collect();
        SyncMove::fastest(from.to_vec(), targets, limits, opts.headroom, 0)
            .profile
            .total_ms
    };
    // Fleets up to this size try several bounds and keep the best; larger ones try one.
    const LADDER_MAX: usize = 4_000;
    let slacks: &[f64] = if from.len() <= LADDER_MAX {
        &[0.0, 1.0 / 3.0, 1.0, 2.0]
    } else {
        &[1.0]
    };
    for &k in slacks {
        let limit = bn.value * (1.0 + k * opts.time_slack) + 1e-9;
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
    let mut best: Option<Transition> = None;
    for assignment in candidates {
        let Some(t) = fly_straight(from, to, assignment, limits, opts, band, min_ms, (sa, sb))
        else {
            continue;
        };
        if best
            .as_ref()
            .is_none_or(|b| t.duration_ms() < b.duration_ms())
        {
            best = Some(t);
        }
    }
    if let Some(mut t) = best {
        t.lower_bound_s = lower_bound_s;
        t.assign_ms = assign_ms;
        return Ok(t);
    }
    let assignment = ssd;
    // Expanded route. CAPT guarantees the middle move when both copies are spaced
    // ≥ √2·d; smaller spreads usually suffice and are faster, so try a ladder of spreads
    // up to that (or as far as the altitude band allows), keeping the first whose every
    // move's exact clearance holds.
    let need = std::f64::consts::SQRT_2 * d * opts.expand_margin;
    let full = |pts: &[Vec3], s: f64| (need / s).max(1.0).min(max_factor(pts, band));
    let (fa, fb) = (full(from, sa), full(to, sb));
    let mut best: Option<(Vec<SyncMove>, Vec<usize>, f64)> = None;
    let mut closest = f64::NEG_INFINITY;
    for k in [0.25, 0.5, 0.75, 1.0] {
        let Some(a2) = expand(from, 1.0 + k * (fa - 1.0), band) else {
            continue;
        };
        let Some(b2) = expand(to, 1.0 + k * (fb - 1.0), band) else {
            continue;
        };
        let mid = assign_min_sum_sq(&a2, &b2);
        let b2_assigned: Vec<Vec3> = mid.target_of.iter().map(|&j| b2[j]).collect();
        let end: Vec<Vec3> = mid.target_of.iter().map(|&j| to[j]).collect();
        let m1 = SyncMove::fastest(from.to_vec(), a2.clone(), limits, opts.headroom, 0);
        let m2 = SyncMove::fastest(a2, b2_assigned.clone(), limits, opts.headroom, 0);
        let m3 = SyncMove::fastest(b2_assigned, end, limits, opts.headroom, 0);
        let mut min_d = f64::INFINITY;
        for m in [&m1, &m2, &m3] {
            let sf = spacing(&m.from);
            let st = spacing(&m.to);
            let r = d.max(sf.min(st).min(1e6) * 1.0001 + 1e-9);
            let cm = clearance(&m.from, &m.to, r);
            min_d = min_d.min(if cm.min_m.is_finite() {
                cm.min_m
            } else {
                sf.min(st)
            });
        }
        closest = closest.max(min_d);
        if min_d >= d - 1e-9 {
            best = Some((vec![m1, m2, m3], mid.target_of, min_d));
            break;
        }
    }
    let Some((mut moves, target_of, min_distance_m)) = best else {
        return Err(TransitionError(format!(
            "straight lines bring drones closer than {d:.2} m however their departures are staggered, and even through copies of both formations spread out as far as the altitude band {:.0}–{:.0} m allows they come {closest:.2} m apart",
            band.0, band.1
        )));
    };
    moves.retain(|m| m.profile.total_ms > 0);
    // Honour the minimum duration by stretching the middle move.
    let total: i64 = moves.iter().map(|m| m.profile.total_ms).sum();
    if total < min_ms
        && let Some(m) = moves.iter_mut().max_by_key(|m| m.profile.total_ms)
    {
        let want = m.profile.total_ms + (min_ms - total);
        let (v, a) = (m.profile.rate(), m.profile.accel());
        m.profile = Profile::fit(want, v, a).unwrap_or(m.profile);
    }
    Ok(Transition {
        moves,
        target_of,
        cost_sum_sq: assignment.cost_sum_sq,
        min_distance_m,
        lower_bound_s,
        method: Method::Expanded,
        assign_ms,
    })
}

/// The assignment flown as straight lines: one synchronised move if its exact clearance
/// holds (CAPT), else the same lines with staggered departures and per-drone speeds.
/// `None` if no safe timing was found.
// The planner's context, passed through unchanged from `plan_transition`.
#[allow(clippy::too_many_arguments)]
fn fly_straight(
    from: &[Vec3],
    to: &[Vec3],
    assignment: Assignment,
    limits: &Limits,
    opts: &PlanOptions,
    band: (f64, f64),
    min_ms: i64,
    (sa, sb): (f64, f64),
) -> Option<Transition> {
    let d = limits.min_distance_m;
    let targets: Vec<Vec3> = assignment.target_of.iter().map(|&j| to[j]).collect();
    let radius = d.max(sa.min(sb).min(1e6) * 1.0001 + 1e-9);
    let direct = SyncMove::fastest(from.to_vec(), targets, limits, opts.headroom, min_ms);
    let c = clearance(from, &direct.to, radius);
    let transition =
        |moves: Vec<SyncMove>, min_distance_m: f64, method: Method, target_of| Transition {
            moves,
            target_of,
            cost_sum_sq: assignment.cost_sum_sq,
            min_distance_m,
            lower_bound_s: 0.0,
            method,
            assign_ms: 0.0,
        };
    if c.min_m >= d - 1e-9 {
        let min_distance_m = if c.min_m.is_finite() {
            c.min_m
        } else {
            sa.min(sb)
        };
        return Some(transition(
            vec![direct],
            min_distance_m,
            Method::Direct,
            assignment.target_of.clone(),
        ));
    }
    let max_extension = (direct.profile.total_ms / 2).max(2_000);
    let st = stagger(&direct, limits, opts.headroom, max_extension, band)?;
    if st.min_d < d - 1e-9 {
        return None;
    }
    let mut target_of = assignment.target_of.clone();
    for &(i, j) in &st.swaps {
        target_of.swap(i, j);
    }
    let mut m = direct;
    m.to = st.to;
    m.delay_ms = st.delays;
    m.profiles = st.profiles;
    m.vias = st.vias;
    Some(transition(
        vec![m],
        st.min_d.min(sa.min(sb)),
        Method::Staggered,
        target_of,
    ))
}

/// The largest factor by which `points` can be scaled within the altitude band (≥ 1).
fn max_factor(points: &[Vec3], band: (f64, f64)) -> f64 {
    let zl = points.iter().map(|p| p.z).fold(f64::INFINITY, f64::min);
    let zh = points.iter().map(|p| p.z).fold(f64::NEG_INFINITY, f64::max);
    if zh - zl <= 1e-9 {
        // A horizontal formation can spread out without changing altitude.
        return f64::INFINITY;
    }
    ((band.1 - band.0) / (zh - zl) * (1.0 - 1e-9)).max(1.0)
}

/// The configuration scaled by `factor` about a centre chosen to keep it inside the altitude
/// band `[low, high]`, or `None` if it does not fit.
pub(crate) fn expand(points: &[Vec3], factor: f64, band: (f64, f64)) -> Option<Vec<Vec3>> {
    if factor <= 1.0 + 1e-12 {
        return Some(points.to_vec());
    }
    let n = points.len().max(1) as f64;
    let c = points.iter().fold(Vec3::ZERO, |acc, p| acc + *p) / n;
    let zl = points.iter().map(|p| p.z).fold(f64::INFINITY, f64::min);
    let zh = points.iter().map(|p| p.z).fold(f64::NEG_INFINITY, f64::max);
    let (low, high) = band;
    if factor * (zh - zl) > high - low {
        return None;
    }
    // Scaled range: [cz + f(zl − cz), cz + f(zh − cz)] must lie in [low, high].
    let k = factor - 1.0;
    let lo = (factor * zh - high) / k;
    let hi = (factor * zl - low) / k;
    if lo > hi + 1e-9 {
        return None;
    }
    let mid = (zl + zh) / 2.0;
    let cz = mid.clamp(lo, hi);
    let centre = Vec3::new(c.x, c.y, cz);
    Some(
        points
            .iter()
            .map(|p| centre + (*p - centre) * factor)
            .collect(),
    )
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
    fn expand_stays_in_band() {
        let pts = grid(10, 10, 3.0, 20.0, 0.0);
        let e = expand(&pts, 1.5, (12.0, 150.0)).unwrap();
        assert!(e.iter().all(|p| p.z >= 12.0 - 1e-9 && p.z <= 150.0 + 1e-9));
        let (d, _, _) = min_spacing(&e).unwrap();
        assert!((d - 4.5).abs() < 1e-9);
        assert!(expand(&pts, 10.0, (12.0, 150.0)).is_none());
    }

    #[test]
    fn dense_rotation_goes_through_expansion_and_stays_safe() {
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
        for (i, p) in last.to.iter().enumerate() {
            assert!(p.dist(b[t.target_of[i]]) < 1e-9);
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
