//! The geofence check on planted situations with known answers: a drone leaving the site's
//! boundary, a curve bulging into an exclusion zone (and one that only its control points
//! reach), a drone standing in a zone on the ground, a show without a geofence.

use skyshow_model::{
    Drone, FlightShow, Geofence, LightProgram, Limits, Polygon, Segment, Trajectory, Vec3,
};
use skyshow_validate::{ValidateOptions, Validation, Violation, ViolationKind, validate};

fn drone(start: Vec3, segs: Vec<Segment>) -> Drone {
    Drone {
        name: String::new(),
        home: start,
        trajectory: Trajectory {
            start,
            segments: segs,
        },
        lights: LightProgram::default(),
    }
}

fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> Polygon {
    Polygon::new(vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
}

fn run(drones: Vec<Drone>, fence: Option<Geofence>) -> Validation {
    let show = FlightShow {
        drones,
        geofence: fence,
        ..FlightShow::default()
    };
    validate(&show, &Limits::DEFAULT, &ValidateOptions::DEFAULT)
}

fn of(v: &Validation, k: ViolationKind) -> Vec<&Violation> {
    v.violations.iter().filter(|x| x.kind == k).collect()
}

/// A slow quadratic arc at 20 m from (0, 0) to (40, 0) with its control at (20, 20): its
/// highest y is 10 m, at mid-time 50 s.
fn arc() -> Drone {
    let a = Vec3::new(0.0, 0.0, 20.0);
    let c = Vec3::new(20.0, 20.0, 20.0);
    let b = Vec3::new(40.0, 0.0, 20.0);
    drone(a, vec![Segment::quadratic(30.0, 70.0, a, c, b)])
}

#[test]
fn leaving_the_boundary_is_one_violation_with_its_deepest_point() {
    let a = Vec3::new(0.0, 0.0, 20.0);
    let b = Vec3::new(30.0, 0.0, 20.0);
    let d = drone(
        a,
        vec![
            Segment::line(0.0, 30.0, a, b),
            Segment::line(30.0, 60.0, b, a),
        ],
    );
    let fence = Geofence {
        inclusions: vec![rect(-10.0, -10.0, 20.0, 10.0)],
        ..Geofence::default()
    };
    let v = run(vec![d], Some(fence));
    let out = of(&v, ViolationKind::OutsideBoundary);
    // Out from t = 20 s to 40 s across the joint: one stretch, 10 m out at t = 30 s.
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(out[0].drones, vec![0]);
    assert!((out[0].value - 10.0).abs() < 1e-6, "{}", out[0].value);
    assert!((out[0].time_s - 30.0).abs() < 1e-6);
    assert_eq!(out[0].limit, 0.0);
}

#[test]
fn a_curve_into_an_exclusion_zone_is_measured_on_the_curve() {
    // The zone starts 2 m below the arc's top: 2 m deep at t = 50 s.
    let fence = Geofence {
        exclusions: vec![rect(-100.0, 8.0, 100.0, 100.0)],
        ..Geofence::default()
    };
    let v = run(vec![arc()], Some(fence));
    let inside = of(&v, ViolationKind::InExclusionZone);
    assert_eq!(inside.len(), 1, "{inside:?}");
    assert!((inside[0].value - 2.0).abs() < 2e-4, "{}", inside[0].value);
    assert!(
        (inside[0].time_s - 50.0).abs() < 0.1,
        "{}",
        inside[0].time_s
    );
}

#[test]
fn control_points_in_a_zone_are_no_violation_when_the_curve_stays_out() {
    // The control point (20, 20) is deep in the zone, the curve itself 1 mm short of it.
    let fence = Geofence {
        exclusions: vec![rect(-100.0, 10.001, 100.0, 100.0)],
        ..Geofence::default()
    };
    let v = run(vec![arc()], Some(fence));
    assert!(of(&v, ViolationKind::InExclusionZone).is_empty());
    // 1 mm further, it is in by 1 mm.
    let fence = Geofence {
        exclusions: vec![rect(-100.0, 9.999, 100.0, 100.0)],
        ..Geofence::default()
    };
    let v = run(vec![arc()], Some(fence));
    let inside = of(&v, ViolationKind::InExclusionZone);
    assert_eq!(inside.len(), 1);
    assert!(
        (inside[0].value - 0.001).abs() < 2e-4,
        "{}",
        inside[0].value
    );
}

#[test]
fn standing_in_a_zone_before_takeoff_counts_from_the_start() {
    let home = Vec3::new(5.0, 5.0, 0.0);
    let up = Vec3::new(5.0, 5.0, 20.0);
    let d = drone(home, vec![Segment::line(10.0, 20.0, home, up)]);
    let fence = Geofence {
        exclusions: vec![rect(0.0, 0.0, 10.0, 10.0)],
        ..Geofence::default()
    };
    let v = run(vec![d], Some(fence));
    let inside = of(&v, ViolationKind::InExclusionZone);
    assert_eq!(inside.len(), 1);
    assert_eq!(inside[0].time_s, 0.0);
    assert!((inside[0].value - 5.0).abs() < 1e-9);
}

#[test]
fn without_a_geofence_nothing_is_checked() {
    let v = run(vec![arc()], None);
    assert!(of(&v, ViolationKind::InExclusionZone).is_empty());
    assert!(of(&v, ViolationKind::OutsideBoundary).is_empty());
}
