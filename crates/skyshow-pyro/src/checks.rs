//! The fireworks safety checks: spectator distance, drone–firework airspace, cue spacing.

use std::collections::{BTreeMap, BTreeSet};

use skyshow_model::{FlightShow, Segment, Trajectory, Vec3};

use crate::{Audience, Burst, Cue, PyroFinding, PyroFindingKind, PyroScript, SafetyOptions};

/// Every check that has its inputs, findings in report order (time, kind, position, …).
pub fn check_pyro(
    script: &PyroScript,
    audience: Option<&Audience>,
    flight: Option<&FlightShow>,
    options: &SafetyOptions,
) -> Vec<PyroFinding> {
    let mut out = check_cue_spacing(script);
    if let Some(a) = audience {
        out.extend(check_spectator_distance(script, a, options));
    }
    if let Some(f) = flight {
        out.extend(check_airspace(script, f, options));
    }
    out.sort_by(PyroFinding::report_cmp);
    out
}

/// NFPA 1123: every position keeps `spectator_m_per_mm` × its largest calibre from the
/// audience (horizontally). One finding per position that is too close, for its largest
/// offending calibre, at the first ignition of that calibre there. The mortar rule is
/// applied to every kind's calibre (conservative for cakes and candles).
pub fn check_spectator_distance(
    script: &PyroScript,
    audience: &Audience,
    options: &SafetyOptions,
) -> Vec<PyroFinding> {
    let mut worst: BTreeMap<usize, &Cue> = BTreeMap::new();
    for c in &script.cues {
        let e = worst.entry(c.position).or_insert(c);
        // Larger calibre wins; among equals the earlier ignition (cues are time-sorted).
        if c.product.calibre_mm > e.product.calibre_mm {
            *e = c;
        }
    }
    let mut out = Vec::new();
    for (pi, c) in worst {
        let pos = &script.front.positions[pi];
        let distance = audience.distance_xy(pos.at);
        let limit = options.spectator_m_per_mm * c.product.calibre_mm;
        if distance < limit {
            out.push(PyroFinding {
                kind: PyroFindingKind::SpectatorDistance,
                time_s: c.ignition_s(),
                drones: Vec::new(),
                position: pos.name.clone(),
                value: distance,
                limit,
                source: c.source.clone(),
            });
        }
    }
    out
}

/// Distinct ignition times on one module at least the system's `min_cue_spacing_ms`
/// apart. One finding per offending pair, at the later ignition.
pub fn check_cue_spacing(script: &PyroScript) -> Vec<PyroFinding> {
    let min = i64::from(script.system.min_cue_spacing_ms);
    let mut by_module: BTreeMap<u32, Vec<&Cue>> = BTreeMap::new();
    for c in &script.cues {
        by_module.entry(c.module).or_default().push(c);
    }
    let mut out = Vec::new();
    for cues in by_module.values_mut() {
        cues.sort_by_key(|c| (c.ignition_ms, c.pin));
        cues.dedup_by_key(|c| c.ignition_ms);
        for w in cues.windows(2) {
            let gap = w[1].ignition_ms - w[0].ignition_ms;
            if gap < min {
                out.push(PyroFinding {
                    kind: PyroFindingKind::CueSpacing,
                    time_s: w[1].ignition_s(),
                    drones: Vec::new(),
                    position: script.position_name(w[1]).to_string(),
                    value: gap as f64 / 1000.0,
                    limit: min as f64 / 1000.0,
                    source: if w[0].source == w[1].source {
                        w[1].source.clone()
                    } else {
                        format!("{} / {}", w[0].source, w[1].source)
                    },
                });
            }
        }
    }
    out
}

/// No drone within a burst's radius + `airspace_margin_m` of its core (the burst centre
/// for shells and cakes, the column from the ground to the top for comets, candles and
/// mines) from ignition to the end of the effect. The trajectories' Bézier segments are
/// searched by branch and bound on their control-point boxes (which contain the curve),
/// so the search is exact to `airspace_tolerance_m`. One finding per (burst, drone), at
/// the closest approach: value = distance to the core, limit = radius + margin.
pub fn check_airspace(
    script: &PyroScript,
    flight: &FlightShow,
    options: &SafetyOptions,
) -> Vec<PyroFinding> {
    let tol = options.airspace_tolerance_m.max(1e-6);
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for b in script.bursts() {
        // Devices fired together at one position share one hazard.
        let key = (
            b.position,
            b.kind,
            (b.ignition_s * 1000.0).round() as i64,
            (b.end_s * 1000.0).round() as i64,
            (b.centre.z * 1000.0).round() as i64,
            (b.radius_m * 1000.0).round() as i64,
        );
        if !seen.insert(key) {
            continue;
        }
        let limit = b.radius_m + options.airspace_margin_m;
        for (di, d) in flight.drones.iter().enumerate() {
            if let Some((dist, t)) = closest(&d.trajectory, &b, limit, tol)
                && dist < limit
            {
                out.push(PyroFinding {
                    kind: PyroFindingKind::DroneInBurst,
                    time_s: t,
                    drones: vec![di],
                    position: script.front.positions[b.position].name.clone(),
                    value: dist,
                    limit,
                    source: b.source.clone(),
                });
            }
        }
    }
    out
}

fn point_box(p: Vec3, lo: Vec3, hi: Vec3) -> f64 {
    p.dist(p.max(lo).min(hi))
}

fn box_box(lo1: Vec3, hi1: Vec3, lo2: Vec3, hi2: Vec3) -> f64 {
    let gap = |a0: f64, a1: f64, b0: f64, b1: f64| (a0 - b1).max(b0 - a1).max(0.0);
    Vec3::new(
        gap(lo1.x, hi1.x, lo2.x, hi2.x),
        gap(lo1.y, hi1.y, lo2.y, hi2.y),
        gap(lo1.z, hi1.z, lo2.z, hi2.z),
    )
    .norm()
}

/// The closest approach of a trajectory to a burst's core during the burst, if it may be
/// under `limit`: (distance, time).
fn closest(tr: &Trajectory, b: &Burst, limit: f64, tol: f64) -> Option<(f64, f64)> {
    let (lo, hi) = b.core_bounds();
    let (t0, t1) = (b.ignition_s, b.end_s.max(b.ignition_s));
    let mut best = (f64::INFINITY, t0);
    let consider = |t: f64, p: Vec3, best: &mut (f64, f64)| {
        let d = point_box(p, lo, hi);
        if d < best.0 {
            *best = (d, t);
        }
    };
    // Standing still before the first and after the last segment.
    if tr.segments.is_empty() || t0 < tr.start_time() {
        consider(t0, tr.position(t0), &mut best);
    }
    if !tr.segments.is_empty() && t1 > tr.end_time() {
        consider(t1, tr.position(t1), &mut best);
    }
    let first = tr.segments.partition_point(|s| s.t1 < t0);
    let mut stack: Vec<(Segment, u32)> = Vec::new();
    for s in tr.segments[first..].iter().take_while(|s| s.t0 <= t1) {
        let (a, c) = (s.t0.max(t0), s.t1.min(t1));
        if c > a {
            stack.push((s.sub(a, c), 0));
        } else {
            consider(a, s.position(a), &mut best);
        }
    }
    while let Some((s, depth)) = stack.pop() {
        let (blo, bhi) = s.bounds();
        let bound = box_box(blo, bhi, lo, hi);
        if bound >= limit || bound >= best.0 - tol {
            continue;
        }
        consider(s.t0, s.start(), &mut best);
        consider(s.t1, s.end(), &mut best);
        if bound >= best.0 - tol || (bhi - blo).norm() < tol || depth >= 48 {
            let tm = 0.5 * (s.t0 + s.t1);
            consider(tm, s.position(tm), &mut best);
            continue;
        }
        let tm = 0.5 * (s.t0 + s.t1);
        stack.push((s.sub(s.t0, tm), depth + 1));
        stack.push((s.sub(tm, s.t1), depth + 1));
    }
    best.0.is_finite().then_some(best)
}
