//! Every parametric shape reaches 0.95 of its ideal spacing (the `ideal_spacing_m` the
//! build reports: hexagonal `sqrt(2A/(√3·N))` for filled areas and the sphere, the square
//! lattice's `sqrt(A/N)` for a grid, `L/N` along lines and outlines) at counts a designer
//! uses, 20 to 20,000, with each shape sized for a 3 m ideal so the figure is the
//! sampler's. Where no arrangement can reach 0.95, the test holds the shape to the proven
//! best instead and says why. The bench `quality` prints the same figures as a table.

use std::f64::consts::PI;

use skyshow_formations::build;
use skyshow_model::{
    ColorDesign, FormationDesign, Limits, Placement, Rgb, Shape, TransitionDesign, Vec3,
};

/// Counts from 20 to 20,000: round ones, and awkward ones (primes, one past a multiple).
const COUNTS: [usize; 21] = [
    20, 21, 22, 23, 25, 29, 31, 37, 50, 61, 97, 128, 200, 333, 500, 601, 1_000, 1_999, 5_000,
    10_007, 20_000,
];

/// The target.
const TARGET: f64 = 0.95;

fn design(shape: Shape) -> FormationDesign {
    FormationDesign {
        name: "shape".into(),
        chapter: 0,
        start_s: None,
        start_next: None,
        hold_s: 10.0,
        hold_music: None,
        shape,
        placement: Placement {
            center: Vec3::new(0.0, 0.0, 60.0),
            roll_deg: 0.0,
            tilt_deg: 0.0,
            turn_deg: 0.0,
        },
        color: ColorDesign::Solid(Rgb::WHITE),
        transition: TransitionDesign::default(),
        motion: Vec::new(),
    }
}

/// The smallest gap over the ideal spacing of `shape` built with `n` points.
fn ratio(shape: Shape, n: usize) -> f64 {
    let limits = Limits {
        min_distance_m: 0.0,
        max_altitude_m: f64::INFINITY,
        ..Limits::DEFAULT
    };
    let b = build(&design(shape), n, 180.0, &limits, f64::NEG_INFINITY).expect("builds");
    assert_eq!(b.points.len(), n);
    b.min_spacing_m
        / b.ideal_spacing_m
            .expect("a parametric shape has an ideal spacing")
}

/// The area whose hexagonal spacing at `n` points is 3 m.
fn hex_area(n: usize) -> f64 {
    3f64.sqrt() / 2.0 * 9.0 * n as f64
}

fn check(
    name: &str,
    counts: &[usize],
    shape: impl Fn(usize) -> Shape,
    floor: impl Fn(usize) -> f64,
) {
    let mut low = Vec::new();
    for &n in counts {
        let q = ratio(shape(n), n);
        if q < floor(n) {
            low.push(format!("{n}: {q:.3} (< {:.3})", floor(n)));
        }
    }
    assert!(low.is_empty(), "{name} below its bar at {}", low.join(", "));
}

#[test]
fn discs() {
    check(
        "disc",
        &COUNTS,
        |n| Shape::Disc {
            radius_m: (hex_area(n) / PI).sqrt(),
            count: None,
        },
        |_| TARGET,
    );
}

#[test]
fn rings_wide_and_thin() {
    // Inner radius over outer: a wide ring, the bench's, and a thin band two or three rows
    // deep at a few hundred drones.
    for inner in [0.3, 0.6, 0.9] {
        check(
            &format!("ring (inner {inner} × outer)"),
            &COUNTS,
            |n| {
                let outer = (hex_area(n) / (PI * (1.0 - inner * inner))).sqrt();
                Shape::Ring {
                    inner_radius_m: inner * outer,
                    outer_radius_m: outer,
                    count: None,
                }
            },
            |_| TARGET,
        );
    }
}

#[test]
fn grids() {
    for aspect in [1.0, 2.56, 0.5, 16.0 / 9.0] {
        check(
            &format!("grid (aspect {aspect})"),
            &COUNTS,
            |n| {
                let area = 9.0 * n as f64;
                Shape::Grid {
                    width_m: (area * aspect).sqrt(),
                    height_m: (area / aspect).sqrt(),
                    rows: None,
                    columns: None,
                    count: None,
                }
            },
            |_| TARGET,
        );
    }
}

#[test]
fn spheres() {
    // Below about 70 points no arrangement reaches much more than 0.95 of the hexagonal
    // ideal, which ignores that twelve points of any sphere have five neighbours: the best
    // known packings (the Tammes problem) reach 0.933–0.943 of it from 20 to 25 points and
    // 0.950 at 30. There the fill is held to 0.92 (it reaches 0.925–0.951 from 20 to 70,
    // within 1.5 % of the best known; `sphere_fill`'s unit tests check that).
    let counts: Vec<usize> = COUNTS.iter().copied().filter(|&n| n <= 5_000).collect();
    check(
        "sphere",
        &counts,
        |n| Shape::Sphere {
            radius_m: (hex_area(n) / (4.0 * PI)).sqrt(),
            count: None,
        },
        |n| if n < 70 { 0.92 } else { TARGET },
    );
}

#[test]
fn circles_lines_and_helices() {
    check(
        "circle",
        &COUNTS,
        |n| Shape::Circle {
            radius_m: 3.0 * n as f64 / (2.0 * PI),
            count: None,
        },
        |_| TARGET,
    );
    check(
        "line",
        &COUNTS,
        |n| Shape::Line {
            length_m: 3.0 * n as f64,
            count: None,
        },
        |_| TARGET,
    );
    for turns in [1.0, 5.0] {
        check(
            &format!("helix ({turns} turns)"),
            &COUNTS,
            |n| Shape::Helix {
                radius_m: 3.0 * n as f64 / (2.0 * PI * turns) * 0.95,
                height_m: 30.0,
                turns,
                count: None,
            },
            |_| TARGET,
        );
    }
}

#[test]
fn polygons() {
    for sides in [4usize, 5, 6, 8, 12] {
        check(
            &format!("polygon ({sides} sides)"),
            &COUNTS,
            |n| Shape::Polygon {
                sides,
                radius_m: 3.0 * n as f64 / (2.0 * sides as f64 * (PI / sides as f64).sin()),
                count: None,
            },
            // A square of 21 (equal chords from a corner: 0.947).
            |n| if sides == 4 && n == 21 { 0.945 } else { TARGET },
        );
    }
    // A triangle's corners are too sharp to cut: a point near an empty corner must be a
    // whole gap from it along one of its sides, as if the corner held a point, so a side
    // of length S holds at most ⌊S/s⌋ gaps and N points need s ≤ S/⌈N/3⌉, which is below
    // 0.95 of L/N = 3S/N at 22, 25, ..., 37 points. The fill reaches that bound.
    check(
        "polygon (3 sides)",
        &COUNTS,
        |n| Shape::Polygon {
            sides: 3,
            radius_m: 3.0 * n as f64 / (6.0 * (PI / 3.0).sin()),
            count: None,
        },
        |n| TARGET.min((n as f64 / 3.0) / n.div_ceil(3) as f64 - 1e-9),
    );
}
