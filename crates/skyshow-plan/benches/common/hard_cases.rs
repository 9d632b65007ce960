//! The planner's hard cases: transitions where straight lines flown together are not safe
//! and a plan near the lower bound takes staggering, layers, rigid turns or phases.
//!
//! Every case is a pair of formations a designer would write (pictures facing the audience
//! at −X in the y–z plane, flat pictures, spheres, blocks), each spaced at least the
//! minimum distance (3 m, the default limits), many of them at exactly that distance.
//! Shared by the `hard_cases` example (the table the benchmark prints) and the
//! `hard_cases` test (every case plans and validates with zero violations).

// Each user takes what it needs.
#![allow(dead_code)]

use std::f64::consts::PI;

use skyshow_model::{Limits, Vec3};

/// One hard case: the fleet flies from `from` to the point set `to`.
pub(crate) struct HardCase {
    /// Short name, kebab-case.
    pub name: &'static str,
    /// What it is, for the table.
    pub what: &'static str,
    /// Start configuration.
    pub from: Vec<Vec3>,
    /// Target point set (same size).
    pub to: Vec<Vec3>,
}

/// The limits every case is planned under (the show-file defaults).
pub(crate) fn limits() -> Limits {
    Limits::DEFAULT
}

/// The altitude band transitions may use: from the lowest navigation altitude plus one
/// minimum distance to the ceiling, as `build` gives it.
pub(crate) fn band() -> (f64, f64) {
    let l = limits();
    (l.min_nav_altitude_m + l.min_distance_m, l.max_altitude_m)
}

const D: f64 = 3.0;

/// A `cols` × `rows` lattice `s` apart in the plane spanned by `u` and `v`, centred on `c`.
fn lattice(cols: usize, rows: usize, s: f64, c: Vec3, u: Vec3, v: Vec3) -> Vec<Vec3> {
    let (hu, hv) = ((cols as f64 - 1.0) / 2.0, (rows as f64 - 1.0) / 2.0);
    let mut out = Vec::with_capacity(cols * rows);
    for r in 0..rows {
        for k in 0..cols {
            out.push(c + u * ((k as f64 - hu) * s) + v * ((r as f64 - hv) * s));
        }
    }
    out
}

const Y: Vec3 = Vec3::new(0.0, 1.0, 0.0);
const Z: Vec3 = Vec3::new(0.0, 0.0, 1.0);
const X: Vec3 = Vec3::new(1.0, 0.0, 0.0);

/// A sunflower disc of `n` points in the plane spanned by `u` and `v`, scaled so that its
/// closest pair is exactly `s` apart.
fn disc(n: usize, s: f64, c: Vec3, u: Vec3, v: Vec3) -> Vec<Vec3> {
    let golden = PI * (3.0 - 5f64.sqrt());
    let unit: Vec<(f64, f64)> = (0..n)
        .map(|k| {
            let r = ((k as f64 + 0.5) / n as f64).sqrt();
            let t = golden * k as f64;
            (r * t.cos(), r * t.sin())
        })
        .collect();
    let scale = s / closest_2d(&unit);
    unit.iter()
        .map(|&(a, b)| c + u * (a * scale) + v * (b * scale))
        .collect()
}

fn closest_2d(p: &[(f64, f64)]) -> f64 {
    let mut best = f64::INFINITY;
    for i in 0..p.len() {
        for j in i + 1..p.len() {
            best = best.min((p[i].0 - p[j].0).hypot(p[i].1 - p[j].1));
        }
    }
    best
}

/// A Fibonacci sphere of `n` points centred on `c`, scaled so that its closest pair is
/// exactly `s` apart.
fn sphere(n: usize, s: f64, c: Vec3) -> Vec<Vec3> {
    let golden = PI * (3.0 - 5f64.sqrt());
    let unit: Vec<Vec3> = (0..n)
        .map(|k| {
            let z = 1.0 - 2.0 * (k as f64 + 0.5) / n as f64;
            let rho = (1.0 - z * z).sqrt();
            let t = golden * k as f64;
            Vec3::new(rho * t.cos(), rho * t.sin(), z)
        })
        .collect();
    let mut closest = f64::INFINITY;
    for i in 0..n {
        for j in i + 1..n {
            closest = closest.min(unit[i].dist(unit[j]));
        }
    }
    unit.iter().map(|p| c + *p * (s / closest)).collect()
}

/// `p` turned by `deg` about the axis `axis` (unit) through `c`.
fn turn(points: &[Vec3], c: Vec3, axis: Vec3, deg: f64) -> Vec<Vec3> {
    let (s, co) = deg.to_radians().sin_cos();
    points
        .iter()
        .map(|p| {
            let r = *p - c;
            let along = axis * axis.dot(r);
            let perp = r - along;
            let side = axis.cross(perp);
            c + along + perp * co + side * s
        })
        .collect()
}

/// The hard cases, in table order.
pub(crate) fn hard_cases() -> Vec<HardCase> {
    let c = Vec3::new(0.0, 0.0, 60.0);
    let rect = lattice(20, 10, D, c, Y, Z);
    let flat_c = Vec3::new(0.0, 0.0, 40.0);
    let flat_rect = lattice(20, 10, D, flat_c, Y, X);
    let face = disc(300, D, c, Y, Z);
    let sphere_c = Vec3::new(0.0, 0.0, 80.0);
    let big_sphere = sphere(1500, D, sphere_c);
    let wall = lattice(50, 30, D, sphere_c, Y, Z);
    let block: Vec<Vec3> = (0..3)
        .flat_map(|k| lattice(10, 10, D, c + X * ((k as f64 - 1.0) * D), Y, Z))
        .collect();
    let wide = lattice(30, 10, D, c, Y, Z);
    let two_discs: Vec<Vec3> = disc(150, D, c - Y * 30.0, Y, Z)
        .into_iter()
        .chain(disc(150, D, c + Y * 30.0, Y, Z))
        .collect();
    let tall = lattice(10, 20, D, c, Y, Z);
    let big_c = Vec3::new(0.0, 0.0, 78.0);
    let big_rect = lattice(48, 16, D, big_c, Y, Z);
    vec![
        HardCase {
            name: "rect-quarter-turn",
            what: "20×10 picture at exactly 3 m turned 90° in its (vertical) plane",
            to: turn(&rect, c, X, 90.0),
            from: rect.clone(),
        },
        HardCase {
            name: "big-rect-quarter-turn",
            what: "48×16 picture at exactly 3 m turned 90° in its plane, to 141 m tall",
            to: turn(&big_rect, big_c, X, 90.0),
            from: big_rect,
        },
        HardCase {
            name: "flat-rect-quarter-turn",
            what: "flat 20×10 picture at exactly 3 m turned 90° about the vertical",
            to: turn(&flat_rect, flat_c, Z, 90.0),
            from: flat_rect.clone(),
        },
        HardCase {
            name: "disc-quarter-turn",
            what: "300-drone disc, closest pair 3 m, turned 90° in its plane",
            to: turn(&face, c, X, 90.0),
            from: face.clone(),
        },
        HardCase {
            name: "disc-half-turn",
            what: "300-drone disc, closest pair 3 m, turned 180° in its plane",
            to: turn(&face, c, X, 180.0),
            from: face.clone(),
        },
        HardCase {
            name: "rect-quarter-turn-depth",
            what: "20×10 picture at exactly 3 m turned 90° about the vertical (edge-on)",
            to: turn(&rect, c, Z, 90.0),
            from: rect.clone(),
        },
        HardCase {
            name: "disc-half-turn-depth",
            what: "300-drone disc turned 180° about the vertical (mirrored in place)",
            to: turn(&face, c, Z, 180.0),
            from: face.clone(),
        },
        HardCase {
            name: "rect-tilt-flat",
            what: "20×10 picture at exactly 3 m tilted 90° to lie flat",
            to: turn(&rect, c, Y, 90.0),
            from: rect.clone(),
        },
        HardCase {
            name: "sphere-to-picture",
            what: "1,500-drone sphere (closest pair 3 m) into a 50×30 picture at exactly 3 m",
            from: big_sphere.clone(),
            to: wall.clone(),
        },
        HardCase {
            name: "picture-to-sphere",
            what: "the 50×30 picture into the 1,500-drone sphere",
            from: wall,
            to: big_sphere,
        },
        HardCase {
            name: "rect-reshape",
            what: "20×10 picture into a 10×20 one, both at exactly 3 m, same centre",
            from: rect.clone(),
            to: tall,
        },
        HardCase {
            name: "layers-merge",
            what: "three 10×10 layers 3 m apart in depth interleave into one 30×10 picture",
            from: block.clone(),
            to: wide.clone(),
        },
        HardCase {
            name: "picture-splits-into-layers",
            what: "the 30×10 picture splits into three 10×10 layers 3 m apart",
            from: wide,
            to: block,
        },
        HardCase {
            name: "discs-merge",
            what: "two 150-drone discs side by side merge into one 300-drone disc",
            from: two_discs.clone(),
            to: face.clone(),
        },
        HardCase {
            name: "disc-splits",
            what: "the 300-drone disc splits into two discs side by side",
            from: face,
            to: two_discs,
        },
    ]
}

/// The transition flown from `from`, as a show the validator checks: every drone holds
/// for one second, then flies the transition's moves back to back.
pub(crate) fn fly(from: &[Vec3], t: &skyshow_plan::Transition) -> skyshow_model::FlightShow {
    use skyshow_model::{Drone, FlightShow, LightProgram, Trajectory};
    let mut trajs: Vec<Trajectory> = from.iter().map(|p| Trajectory::new(*p)).collect();
    let mut t0 = 1000;
    for m in &t.moves {
        for (i, tr) in trajs.iter_mut().enumerate() {
            tr.hold_until((t0 + m.delay(i)) as f64 / 1000.0);
            for seg in m.segments_of(i, t0) {
                tr.push(seg);
            }
        }
        t0 += m.duration_ms();
    }
    for tr in &mut trajs {
        tr.hold_until(t0 as f64 / 1000.0 + 1.0);
    }
    FlightShow {
        drones: trajs
            .into_iter()
            .enumerate()
            .map(|(i, trajectory)| Drone {
                name: format!("{i}"),
                home: from[i],
                trajectory,
                lights: LightProgram::default(),
            })
            .collect(),
        ..FlightShow::default()
    }
}
