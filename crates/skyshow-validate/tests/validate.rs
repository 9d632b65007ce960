//! Properties of the safety oracle on planted situations with known answers.

mod common;

use proptest::prelude::*;
use skyshow_model::{
    Drone, FlightShow, LightProgram, Limits, Phase, PhaseKind, Segment, Trajectory, Vec3,
};
use skyshow_validate::{ValidateOptions, Validation, ViolationKind, validate};

fn drone(segs: Vec<Segment>) -> Drone {
    let start = segs.first().map_or(Vec3::ZERO, |s| s.start());
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

fn show(drones: Vec<Drone>) -> FlightShow {
    FlightShow {
        drones,
        ..FlightShow::default()
    }
}

fn run(s: &FlightShow) -> Validation {
    validate(s, &Limits::DEFAULT, &ValidateOptions::DEFAULT)
}

fn kinds(v: &Validation, k: ViolationKind) -> Vec<&skyshow_validate::Violation> {
    v.violations.iter().filter(|x| x.kind == k).collect()
}

/// Two drones on crossing cubic curves: A runs along x, B along y, 2.7 m above; both pass
/// over the origin at `T_STAR`, between two 20 Hz samples. Distance² = f² + g² + 2.7², so the
/// minimum is exactly 2.7 m at `T_STAR`.
const T_STAR: f64 = 10.0237;
const GAP: f64 = 2.7;

fn crossing_pair() -> FlightShow {
    // f(t) = 3 (t - T*) + 0.8 (t - T*)³ on [6, 14], written in power form around t0 = 6.
    let cubic = |a: f64, c: f64, t0: f64| {
        let d = t0 - T_STAR;
        // a·(s + d) + c·(s + d)³ = (a d + c d³) + (a + 3 c d²) s + 3 c d s² + c s³
        [a * d + c * d * d * d, a + 3.0 * c * d * d, 3.0 * c * d, c]
    };
    let fx = cubic(3.0, 0.08, 6.0);
    let gy = cubic(2.0, -0.05, 6.0);
    let z = 20.0;
    let a = Segment::from_power(
        6.0,
        14.0,
        [
            Vec3::new(fx[0], 0.0, z),
            Vec3::new(fx[1], 0.0, 0.0),
            Vec3::new(fx[2], 0.0, 0.0),
            Vec3::new(fx[3], 0.0, 0.0),
        ],
    );
    let b = Segment::from_power(
        6.0,
        14.0,
        [
            Vec3::new(0.0, gy[0], z + GAP),
            Vec3::new(0.0, gy[1], 0.0),
            Vec3::new(0.0, gy[2], 0.0),
            Vec3::new(0.0, gy[3], 0.0),
        ],
    );
    show(vec![drone(vec![a]), drone(vec![b])])
}

#[test]
fn near_miss_between_samples_is_found_exactly() {
    let s = crossing_pair();
    let v = run(&s);
    let m = &v.measured;
    assert!(
        m.min_distance_m >= GAP - 1e-9 && m.min_distance_m <= GAP + 1e-4,
        "{}",
        m.min_distance_m
    );
    assert!(
        (m.min_distance_at_s - T_STAR).abs() < 2e-3,
        "{}",
        m.min_distance_at_s
    );
    assert_eq!(m.min_distance_drones, Some((0, 1)));
    // 20 Hz sampling misses it by more than the tolerance.
    let sampled = (0..=320)
        .map(|k| 6.0 + k as f64 * 0.05)
        .map(|t| {
            s.drones[0]
                .trajectory
                .position(t)
                .dist(s.drones[1].trajectory.position(t))
        })
        .fold(f64::INFINITY, f64::min);
    assert!(sampled - GAP > 1e-3, "sampling alone sees {sampled}");
    let close = kinds(&v, ViolationKind::MinDistance);
    assert_eq!(close.len(), 1);
    assert_eq!(close[0].drones, vec![0, 1]);
    assert!((close[0].value - GAP).abs() <= 1e-4 && (close[0].time_s - T_STAR).abs() < 2e-3);
    assert_eq!(close[0].limit, 3.0);
}

#[test]
fn close_pair_below_min_nav_altitude_is_not_reported() {
    let low = |x: f64, z: f64| drone(vec![Segment::hold(0.0, 10.0, Vec3::new(x, 0.0, z))]);
    let v = run(&show(vec![low(0.0, 2.0), low(1.0, 2.4)]));
    assert!(kinds(&v, ViolationKind::MinDistance).is_empty());
    assert_eq!(v.measured.min_distance_m, f64::INFINITY);
    assert_eq!(v.measured.min_distance_drones, None);
    // One of them at 2.5 m, the other still below: still not counted.
    let v = run(&show(vec![low(0.0, 2.5), low(1.0, 2.4)]));
    assert!(kinds(&v, ViolationKind::MinDistance).is_empty());
    // Both at or above: counted.
    let v = run(&show(vec![low(0.0, 2.5), low(1.0, 2.6)]));
    assert_eq!(kinds(&v, ViolationKind::MinDistance).len(), 1);
    assert!((v.measured.min_distance_m - 0.1f64.hypot(1.0)).abs() < 1e-9);
}

#[test]
fn climbing_through_min_nav_counts_only_above_it() {
    // B climbs past A (1 m to the side) from 0 to 10 m in 10 s; A hovers at 2.0 m (below 2.5):
    // never counted. Then A at 4 m: counted only while B is above 2.5 m, i.e. t >= 2.5.
    let climb = Segment::line(
        0.0,
        10.0,
        Vec3::new(1.0, 0.0, 0.0),
        Vec3::new(1.0, 0.0, 10.0),
    );
    let v = run(&show(vec![
        drone(vec![Segment::hold(0.0, 10.0, Vec3::new(0.0, 0.0, 2.0))]),
        drone(vec![climb]),
    ]));
    assert!(kinds(&v, ViolationKind::MinDistance).is_empty());
    let v = run(&show(vec![
        drone(vec![Segment::hold(0.0, 10.0, Vec3::new(0.0, 0.0, 4.0))]),
        drone(vec![climb]),
    ]));
    let close = kinds(&v, ViolationKind::MinDistance);
    assert_eq!(close.len(), 1);
    // Closest at t = 4 (same altitude): 1 m.
    assert!(
        (close[0].value - 1.0).abs() < 1e-4 && (close[0].time_s - 4.0).abs() < 1e-2,
        "{:?}",
        close[0]
    );
}

#[test]
fn two_separate_approaches_give_two_violations() {
    // B oscillates towards A and back twice: two intervals closer than 3 m.
    let a = drone(vec![Segment::hold(0.0, 20.0, Vec3::new(0.0, 0.0, 10.0))]);
    let far = Vec3::new(10.0, 0.0, 10.0);
    let near = Vec3::new(2.0, 0.0, 10.0);
    let b = drone(vec![
        common::ease(0.0, 5.0, far, near),
        common::ease(5.0, 10.0, near, far),
        common::ease(10.0, 15.0, far, near),
        common::ease(15.0, 20.0, near, far),
    ]);
    let v = run(&show(vec![a, b]));
    let close = kinds(&v, ViolationKind::MinDistance);
    assert_eq!(close.len(), 2, "{close:?}");
    assert!((close[0].time_s - 5.0).abs() < 1e-6 && (close[1].time_s - 15.0).abs() < 1e-6);
    assert!((close[0].value - 2.0).abs() < 1e-9);
    assert_eq!(v.violations_total, v.violations.len());
}

#[test]
fn long_close_approach_reports_the_exact_minimum_of_the_stretch() {
    // B approaches A from 2.9 m to 1.05 m (a cubic ease) over 10.5 s, then leaves: one
    // stretch closer than 3 m, its minimum at the turning point.
    let a = drone(vec![Segment::hold(0.0, 30.0, Vec3::new(0.0, 0.0, 10.0))]);
    let p = |x: f64| Vec3::new(x, 0.0, 10.0);
    let b = drone(vec![
        common::ease(0.0, 10.5, p(2.9), p(1.05)),
        common::ease(10.5, 30.0, p(1.05), p(9.0)),
    ]);
    let v = run(&show(vec![a, b]));
    let close = kinds(&v, ViolationKind::MinDistance);
    assert_eq!(close.len(), 1, "{close:?}");
    assert!(
        (close[0].value - 1.05).abs() <= 1e-4 && close[0].value >= 1.05 - 1e-12,
        "{:?}",
        close[0]
    );
    assert!((close[0].time_s - 10.5).abs() < 0.05, "{:?}", close[0]);
}

#[test]
fn long_close_hold_is_one_violation_across_windows() {
    let a = drone(vec![Segment::hold(0.0, 100.0, Vec3::new(0.0, 0.0, 10.0))]);
    let b = drone(vec![Segment::hold(0.0, 100.0, Vec3::new(2.0, 0.0, 10.0))]);
    let v = run(&show(vec![a, b]));
    let close = kinds(&v, ViolationKind::MinDistance);
    assert_eq!(close.len(), 1);
    assert_eq!(close[0].time_s, 0.0);
    assert_eq!(v.series.t_s.len(), 100);
    assert!(v.series.min_distance_m.iter().all(|&d| d == 2.0));
}

#[test]
fn speed_and_acceleration_maxima_are_exact() {
    // Eased move of 12 m horizontally and 4 m up in 4 s: peak speed 1.5 × average at the
    // middle, acceleration 6·Δ/h² at both ends.
    let a = Vec3::new(0.0, 0.0, 10.0);
    let b = Vec3::new(12.0, 0.0, 14.0);
    let v = run(&show(vec![drone(vec![
        common::ease(0.0, 4.0, a, b),
        Segment::hold(4.0, 6.0, b),
    ])]));
    let m = &v.measured;
    assert!(
        (m.max_speed_xy_m_s - 1.5 * 3.0).abs() < 1e-9,
        "{}",
        m.max_speed_xy_m_s
    );
    assert!((m.max_speed_up_m_s - 1.5).abs() < 1e-12);
    assert_eq!(m.max_speed_down_m_s, 0.0);
    let acc = 6.0 * (b - a).norm() / 16.0;
    assert!((m.max_accel_m_s2 - acc).abs() < 1e-9);
    // 4.74 m/s² > 4: one acceleration violation.
    let over = kinds(&v, ViolationKind::Acceleration);
    assert_eq!(over.len(), 1);
    assert!((over[0].value - acc).abs() < 1e-9);
    assert!(kinds(&v, ViolationKind::SpeedXy).is_empty());

    // Too fast: 40 m in 4 s horizontally peaks at 15 m/s around t = 2; descent too.
    let c = Vec3::new(40.0, 0.0, 0.0) + a;
    let d = Vec3::new(40.0, 0.0, -8.0) + a;
    let v = run(&show(vec![drone(vec![
        common::ease(0.0, 4.0, a, c),
        common::ease(4.0, 8.0, c, a),
        Segment::hold(8.0, 9.0, a),
        common::ease(9.0, 13.0, a, d),
    ])]));
    let fast = kinds(&v, ViolationKind::SpeedXy);
    // The two back-to-back fast segments are one interval; the third is separate.
    assert_eq!(fast.len(), 2, "{fast:?}");
    assert!((fast[0].value - 15.0).abs() < 1e-9 && (fast[0].time_s - 2.0).abs() < 1e-6);
    let down = kinds(&v, ViolationKind::SpeedDown);
    assert_eq!(down.len(), 1);
    assert!((down[0].value - 3.0).abs() < 1e-9 && (down[0].time_s - 11.0).abs() < 1e-6);
    assert!((v.measured.max_speed_down_m_s - 3.0).abs() < 1e-9);
}

#[test]
fn velocity_step_at_a_keyframe_joint_is_its_own_kind() {
    // Constant 1 m/s then a sudden stop: two steps of 1 m/s, under the 2 m/s threshold of
    // the default limits (√(4 · 3 / 3)): warnings, not violations, and no acceleration.
    let a = Vec3::new(0.0, 0.0, 10.0);
    let b = Vec3::new(5.0, 0.0, 10.0);
    let segs = vec![
        Segment::hold(0.0, 1.0, a),
        Segment::line(1.0, 6.0, a, b),
        Segment::hold(6.0, 8.0, b),
    ];
    let v = run(&show(vec![drone(segs.clone())]));
    assert!(v.is_ok(), "{:?}", v.violations);
    assert_eq!(v.warnings_total, 2);
    assert!(
        v.warnings
            .iter()
            .all(|w| w.kind == ViolationKind::VelocityStep && (w.value - 1.0).abs() < 1e-9)
    );
    assert_eq!((v.warnings[0].time_s, v.warnings[1].time_s), (1.0, 6.0));
    assert!((v.warnings[0].limit - 2.0).abs() < 1e-12);
    assert!((v.measured.max_velocity_step_m_s - 1.0).abs() < 1e-9);
    assert!(v.measured.max_accel_m_s2 < 1e-12);
    // 3 m/s: beyond the threshold, a violation (and still no acceleration figure).
    let c = Vec3::new(15.0, 0.0, 10.0);
    let fast = vec![
        Segment::hold(0.0, 1.0, a),
        Segment::line(1.0, 6.0, a, c),
        Segment::hold(6.0, 8.0, c),
    ];
    let v = run(&show(vec![drone(fast)]));
    let steps = kinds(&v, ViolationKind::VelocityStep);
    assert_eq!(steps.len(), 2, "{steps:?}");
    assert!((steps[0].value - 3.0).abs() < 1e-9 && steps[0].time_s == 1.0);
    assert!(kinds(&v, ViolationKind::Acceleration).is_empty());
    // A threshold given in the options wins.
    let strict = ValidateOptions {
        velocity_step_max_m_s: Some(0.5),
        ..ValidateOptions::DEFAULT
    };
    let v = validate(&show(vec![drone(segs.clone())]), &Limits::DEFAULT, &strict);
    assert_eq!(kinds(&v, ViolationKind::VelocityStep).len(), 2);
    // Sampled shows: the same joints are finite-difference accelerations at their rate.
    let sampled = ValidateOptions {
        sampled_rate_hz: Some(20.0),
        ..ValidateOptions::DEFAULT
    };
    let v = validate(&show(vec![drone(segs)]), &Limits::DEFAULT, &sampled);
    let jumps = kinds(&v, ViolationKind::Acceleration);
    assert_eq!(jumps.len(), 2, "{jumps:?}");
    assert!((jumps[0].value - 20.0).abs() < 1e-9);
    assert!((v.measured.max_accel_m_s2 - 20.0).abs() < 1e-9);
    assert_eq!(v.warnings_total, 0);
    // Below 0.01 m/s a step is rounding and ignored.
    let slow = Vec3::new(0.04, 0.0, 10.0);
    let v = run(&show(vec![drone(vec![
        Segment::line(0.0, 5.0, a, slow),
        Segment::hold(5.0, 6.0, slow),
    ])]));
    assert_eq!(v.warnings_total, 0);
    assert!(v.measured.max_velocity_step_m_s < 1e-12);
}

/// A flight sampled at `rate` Hz for 1.5 s from 10 m up, accelerating along x at `accel`
/// m/s², each sample moved by `wiggle` metres on every axis with alternating signs (what
/// rounding to a step of `2 · wiggle` does at its worst).
fn sampled_flight(rate: f64, accel: f64, wiggle: f64) -> Drone {
    let n = (1.5 * rate) as usize;
    let pts: Vec<(f64, Vec3)> = (0..=n)
        .map(|k| {
            let t = k as f64 / rate;
            let w = if k % 2 == 0 { wiggle } else { -wiggle };
            (t, Vec3::new(0.5 * accel * t * t + w, w, 10.0 + w))
        })
        .collect();
    drone(
        pts.windows(2)
            .map(|p| Segment::line(p[0].0, p[1].0, p[0].1, p[1].1))
            .collect(),
    )
}

/// Acceleration violations before the flight's abrupt end at 1.5 s.
fn accelerating(v: &Validation) -> Vec<&skyshow_validate::Violation> {
    kinds(v, ViolationKind::Acceleration)
        .into_iter()
        .filter(|x| x.time_s < 1.5 - 1e-9)
        .collect()
}

#[test]
fn sampled_acceleration_allows_the_files_rounding_and_no_more() {
    let mm = ValidateOptions {
        sampled_rate_hz: Some(4.0),
        sample_step_m: 0.001,
        ..ValidateOptions::DEFAULT
    };
    let exact = ValidateOptions {
        sample_step_m: 0.0,
        ..mm
    };
    // At the 4 m/s² limit, rounded to the millimetre at its worst: the samples show about
    // 4.032 m/s², within the 2√3 · 0.001 · 4² = 0.0554 m/s² that rounding can add.
    assert!((skyshow_validate::sampled_rounding_accel_m_s2(&mm) - 0.055_425).abs() < 1e-6);
    let at_limit = show(vec![sampled_flight(4.0, 4.0, 0.0005)]);
    let v = validate(&at_limit, &Limits::DEFAULT, &mm);
    assert!(accelerating(&v).is_empty(), "{:?}", v.violations);
    assert!(
        v.measured.max_accel_m_s2 > 4.03,
        "the figure stays the samples' own"
    );
    // Without the step (exact positions), the same samples are over the limit.
    let v = validate(&at_limit, &Limits::DEFAULT, &exact);
    assert!(!accelerating(&v).is_empty());
    // A flight truly over the limit by more than the rounding is still a violation.
    let over = show(vec![sampled_flight(4.0, 4.06, 0.0)]);
    let v = validate(&over, &Limits::DEFAULT, &mm);
    let acc = accelerating(&v);
    assert!(
        !acc.is_empty() && (acc[0].value - 4.06).abs() < 1e-6,
        "{acc:?}"
    );
    // The allowance grows with the rate squared: at 10 Hz a millimetre is worth 0.35 m/s².
    let fast = ValidateOptions {
        sampled_rate_hz: Some(10.0),
        ..mm
    };
    let v = validate(
        &show(vec![sampled_flight(10.0, 4.0, 0.0005)]),
        &Limits::DEFAULT,
        &fast,
    );
    assert!(accelerating(&v).is_empty(), "{:?}", v.violations);
    // A keyframed show has no rounding allowance.
    assert_eq!(
        skyshow_validate::sampled_rounding_accel_m_s2(&ValidateOptions::DEFAULT),
        0.0
    );
}

#[test]
fn altitude_and_sideways_motion_below_min_nav() {
    let ground = Vec3::new(0.0, 0.0, 0.0);
    let low = Vec3::new(0.0, 0.0, 1.0);
    let low_side = Vec3::new(3.0, 0.0, 1.0);
    let high = Vec3::new(3.0, 0.0, 160.0);
    let v = run(&show(vec![drone(vec![
        common::ease(0.0, 2.0, ground, low),
        common::ease(2.0, 5.0, low, low_side),
        Segment::line(5.0, 100.0, low_side, high),
    ])]));
    let side = kinds(&v, ViolationKind::SidewaysBelowMinNavAltitude);
    assert_eq!(side.len(), 1);
    assert!(
        (side[0].value - 1.5).abs() < 1e-9 && (side[0].time_s - 3.5).abs() < 1e-6,
        "{side:?}"
    );
    let alt = kinds(&v, ViolationKind::Altitude);
    assert_eq!(alt.len(), 1);
    assert_eq!(alt[0].value, 160.0);
    assert_eq!(v.measured.max_altitude_m, 160.0);
}

#[test]
fn flight_time_runs_from_liftoff_to_touchdown() {
    let g = Vec3::new(0.0, 0.0, 0.0);
    let up = Vec3::new(0.0, 0.0, 10.0);
    let segs = vec![
        Segment::hold(0.0, 5.0, g),
        common::ease(5.0, 15.0, g, up),
        Segment::hold(15.0, 50.0, up),
        common::ease(50.0, 60.0, up, g),
        Segment::hold(60.0, 70.0, g),
    ];
    // Ease z(u) = 10 (3u² − 2u³) crosses 0.05 m at u*: solve by bisection.
    let (mut lo, mut hi) = (0.0f64, 0.5f64);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if 10.0 * (3.0 * mid * mid - 2.0 * mid * mid * mid) > 0.05 {
            hi = mid
        } else {
            lo = mid
        }
    }
    let want = (60.0 - 10.0 * lo) - (5.0 + 10.0 * lo);
    let s = show(vec![
        drone(segs.clone()),
        drone(vec![Segment::hold(0.0, 1.0, up)]),
    ]);
    let v = run(&s);
    assert!(
        (v.measured.flight_time_s[0] - want).abs() < 1e-6,
        "{} vs {want}",
        v.measured.flight_time_s[0]
    );
    // The second drone starts (and stays) in the air: the whole show, 0 to 70 s.
    assert_eq!(v.measured.flight_time_s[1], 70.0);
    assert_eq!(v.measured.max_flight_time_s, 70.0);
    let limits = Limits {
        battery_s: 40.0,
        ..Limits::DEFAULT
    };
    let v = validate(&show(vec![drone(segs)]), &limits, &ValidateOptions::DEFAULT);
    let ft = kinds(&v, ViolationKind::FlightTime);
    assert_eq!(ft.len(), 1);
    assert!((ft[0].time_s - (5.0 + 10.0 * lo + 40.0)).abs() < 1e-6);
}

#[test]
fn takeoff_spacing_pairs() {
    let at = |x: f64, y: f64| drone(vec![Segment::hold(0.0, 1.0, Vec3::new(x, y, 0.0))]);
    let v = run(&show(vec![
        at(0.0, 0.0),
        at(5.0, 0.0),
        at(0.3, 0.0),
        at(5.0, 0.39),
        at(10.0, 0.0),
    ]));
    let sp = kinds(&v, ViolationKind::TakeoffSpacing);
    assert_eq!(sp.len(), 2);
    assert_eq!(sp[0].drones, vec![0, 2]);
    assert!((sp[0].value - 0.3).abs() < 1e-12);
    assert_eq!(sp[1].drones, vec![1, 3]);
}

#[test]
fn size_limits() {
    // 3200 cubic segments of 21 bytes each exceed one .skyb block; a 70 kB light program too.
    let mut segs = Vec::new();
    for k in 0..3200 {
        let t = k as f64;
        let p = |dx: f64| Vec3::new(dx, 0.0, 10.0);
        segs.push(Segment::cubic(
            t,
            t + 1.0,
            [
                p(0.0),
                Vec3::new(1.0, 1.0, 11.0),
                Vec3::new(-1.0, 2.0, 9.0),
                p(0.0),
            ],
        ));
    }
    let mut d = drone(segs);
    d.lights.bytecode = vec![1; 70_000];
    let v = run(&show(vec![d]));
    assert_eq!(kinds(&v, ViolationKind::TrajectoryTooLarge).len(), 1);
    assert_eq!(
        kinds(&v, ViolationKind::TrajectoryTooLarge)[0].value,
        (9 + 3200 * 21) as f64
    );
    assert_eq!(
        kinds(&v, ViolationKind::LightProgramTooLarge)[0].value,
        70_000.0
    );
}

#[test]
fn lattice_show_is_valid_and_series_is_consistent() {
    let s = common::lattice_show(100, 300.0, 3.5);
    let v = run(&s);
    assert!(
        v.is_ok(),
        "{:?}",
        &v.violations[..v.violations.len().min(5)]
    );
    let m = &v.measured;
    assert!(
        m.min_distance_m > 3.4 && m.min_distance_m <= 3.5 + 1e-9,
        "{}",
        m.min_distance_m
    );
    let n = v.series.t_s.len();
    assert_eq!(n, s.duration_s().ceil() as usize);
    assert_eq!(v.series.t_s[1], 1.0);
    assert_eq!(v.series.min_distance_m.len(), n);
    assert_eq!(v.series.airborne.len(), n);
    // The global minimum is the minimum of the series; speeds agree too.
    let smin = v
        .series
        .min_distance_m
        .iter()
        .copied()
        .fold(f64::INFINITY, f64::min);
    assert_eq!(smin, m.min_distance_m);
    let vmax = v
        .series
        .max_speed_xy_m_s
        .iter()
        .copied()
        .fold(0.0, f64::max);
    assert!((vmax - m.max_speed_xy_m_s).abs() < 1e-9);
    assert_eq!(v.series.airborne[0], 0);
    assert_eq!(*v.series.airborne.iter().max().unwrap(), 100);
    // Coarser series: same minimum, fewer points.
    let opts = ValidateOptions {
        series_step_s: 10.0,
        ..ValidateOptions::DEFAULT
    };
    let w = validate(&s, &Limits::DEFAULT, &opts);
    assert_eq!(w.series.t_s.len(), n.div_ceil(10));
    assert_eq!(w.measured, v.measured);
    assert_eq!(*w.series.airborne.iter().max().unwrap(), 100);
}

#[test]
fn results_do_not_depend_on_thread_count() {
    // A crowded lattice (2 m spacing): thousands of violations.
    let s = common::lattice_show(400, 200.0, 2.0);
    let opts = ValidateOptions {
        max_violations: 500,
        ..ValidateOptions::DEFAULT
    };
    let with = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| validate(&s, &Limits::DEFAULT, &opts))
    };
    let one = with(1);
    assert!(one.violations_total > 500, "{}", one.violations_total);
    assert_eq!(one.violations.len(), 500);
    assert!(
        one.violations
            .windows(2)
            .all(|w| w[0].report_cmp(&w[1]).is_le())
    );
    assert_eq!(one, with(2));
    assert_eq!(one, with(3));
}

#[test]
fn violations_name_their_source_phase() {
    let mut s = crossing_pair();
    s.phases = vec![
        Phase {
            kind: PhaseKind::Formation,
            source: "formation \"a\"".into(),
            start_s: 0.0,
            end_s: 8.0,
        },
        Phase {
            kind: PhaseKind::Transition,
            source: "transition \"a\" → \"b\"".into(),
            start_s: 8.0,
            end_s: 14.0,
        },
    ];
    let v = run(&s);
    assert_eq!(
        kinds(&v, ViolationKind::MinDistance)[0].source,
        "transition \"a\" → \"b\""
    );
    assert_eq!(
        ViolationKind::SidewaysBelowMinNavAltitude.as_str(),
        "sideways_below_min_nav_altitude"
    );
}

#[test]
fn hostile_input_does_not_panic() {
    let nan = Vec3::new(f64::NAN, 0.0, 1.0);
    let p = Vec3::new(0.0, 0.0, 10.0);
    let weird = vec![
        Segment::hold(0.0, 0.0, p),
        Segment::hold(5.0, 1.0, p),
        Segment::line(1.0, 2.0, p, nan),
        Segment::hold(f64::NAN, 3.0, p),
        Segment::line(3.0, 1e300, p, Vec3::new(1e300, 0.0, 0.0)),
        Segment::hold(2.0, f64::INFINITY, p),
    ];
    let mut nan_drone = drone(vec![]);
    nan_drone.trajectory.start = nan;
    let s = show(vec![
        drone(weird.clone()),
        drone(weird),
        drone(vec![]),
        nan_drone,
        drone(vec![Segment::hold(0.0, 1.0, p)]),
    ]);
    let bad_limits = Limits {
        min_distance_m: f64::NAN,
        min_nav_altitude_m: -1.0,
        takeoff_spacing_m: 1e300,
        ..Limits::DEFAULT
    };
    let bad_opts = ValidateOptions {
        tolerance_m: 0.0,
        series_step_s: -1.0,
        ground_eps_m: f64::NAN,
        ..ValidateOptions::DEFAULT
    };
    let _ = validate(&s, &bad_limits, &bad_opts);
    let _ = validate(&s, &Limits::DEFAULT, &ValidateOptions::DEFAULT);
    let empty = run(&FlightShow::default());
    assert!(empty.is_ok());
    assert_eq!(empty.measured.min_distance_m, f64::INFINITY);
}

/// A random cubic segment over [0, 4] near the origin, high in the air.
fn arb_segment() -> impl Strategy<Value = Segment> {
    let coord = -6.0f64..6.0;
    let point =
        (coord.clone(), coord.clone(), coord).prop_map(|(x, y, z)| Vec3::new(x, y, z + 30.0));
    [point.clone(), point.clone(), point.clone(), point].prop_map(|p| Segment::cubic(0.0, 4.0, p))
}

fn sampled_min(a: &Segment, b: &Segment, n: usize, h: f64) -> f64 {
    (0..=n)
        .map(|k| 4.0 * k as f64 / n as f64)
        .filter(|&t| a.position(t).z >= h && b.position(t).z >= h)
        .map(|t| a.position(t).dist(b.position(t)))
        .fold(f64::INFINITY, f64::min)
}

/// A number that is usually ordinary and sometimes NaN, infinite, negative or zero.
fn wild() -> impl Strategy<Value = f64> + Clone {
    prop_oneof![
        6 => -50.0f64..200.0,
        1 => prop::sample::select(vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, -0.0, 1e15, -1e15]),
    ]
}

fn wild_segment() -> impl Strategy<Value = Segment> {
    let p = || (wild(), wild(), wild()).prop_map(|(x, y, z)| Vec3::new(x, y, z));
    (wild(), wild(), [p(), p(), p(), p()]).prop_map(|(t0, d, p)| Segment::cubic(t0, t0 + d, p))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn wild_shows_never_panic(
        drones in proptest::collection::vec(proptest::collection::vec(wild_segment(), 0..6), 0..5),
        min_distance in wild(),
        step in wild(),
    ) {
        let s = show(drones.into_iter().map(drone).collect());
        let limits = Limits { min_distance_m: min_distance, ..Limits::DEFAULT };
        let opts = ValidateOptions { series_step_s: step, ..ValidateOptions::DEFAULT };
        let v = validate(&s, &limits, &opts);
        prop_assert_eq!(v.series.t_s.len(), v.series.min_distance_m.len());
        prop_assert!(v.violations_total >= v.violations.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn exact_minimum_brackets_sampling(a in arb_segment(), b in arb_segment()) {
        let v = run(&show(vec![drone(vec![a]), drone(vec![b])]));
        let exact = v.measured.min_distance_m;
        let tol = ValidateOptions::DEFAULT.tolerance_m;
        let dense = sampled_min(&a, &b, 400, 0.0);
        let fine = sampled_min(&a, &b, 200_000, 0.0);
        // Pairs never within the search radius are only bounded from below.
        if exact.is_finite() {
            prop_assert!(exact <= dense + tol, "exact {} dense {}", exact, dense);
            prop_assert!(exact <= fine + tol, "exact {} fine {}", exact, fine);
            prop_assert!(exact >= fine - 1e-4, "exact {} fine {}", exact, fine);
        } else {
            prop_assert!(fine > 3.75 - 1e-9, "missed a close pair: fine {}", fine);
        }
    }

    #[test]
    fn speed_maxima_bracket_sampling(a in arb_segment()) {
        let v = run(&show(vec![drone(vec![a])]));
        let n = 20_000;
        let (mut vxy, mut up, mut down) = (0.0f64, 0.0f64, 0.0f64);
        for k in 0..=n {
            let vel = a.velocity(4.0 * k as f64 / n as f64);
            vxy = vxy.max(vel.norm_xy());
            up = up.max(vel.z);
            down = down.max(-vel.z);
        }
        let m = &v.measured;
        prop_assert!(m.max_speed_xy_m_s >= vxy - 1e-9 && m.max_speed_xy_m_s <= vxy + 1e-4, "{} vs {}", m.max_speed_xy_m_s, vxy);
        prop_assert!(m.max_speed_up_m_s >= up - 1e-9 && m.max_speed_up_m_s <= up + 1e-4);
        prop_assert!(m.max_speed_down_m_s >= down - 1e-9 && m.max_speed_down_m_s <= down + 1e-4);
        let [a0, a1] = a.acceleration_ends();
        prop_assert!((m.max_accel_m_s2 - a0.norm().max(a1.norm())).abs() < 1e-9);
        // Starting and stopping abruptly are velocity steps (from and to rest).
        let step = |v: f64| if v >= 0.01 { v } else { 0.0 };
        let want = step(a.velocity(0.0).norm()).max(step(a.velocity(4.0).norm()));
        prop_assert!((m.max_velocity_step_m_s - want).abs() < 1e-9);
    }

    #[test]
    fn altitude_rule_never_hides_a_sampled_close_moment(a in arb_segment(), b in arb_segment()) {
        // Shift both down so they cross the 2.5 m line often.
        let down = |s: Segment| Segment { p: s.p.map(|p| p - Vec3::new(0.0, 0.0, 28.0)), ..s };
        let (a, b) = (down(a), down(b));
        let v = run(&show(vec![drone(vec![a]), drone(vec![b])]));
        let dense = sampled_min(&a, &b, 2000, 2.5);
        if dense < 3.75 {
            prop_assert!(v.measured.min_distance_m <= dense + 1e-4, "exact {} sampled {}", v.measured.min_distance_m, dense);
        }
        let sampled_violation = dense < 3.0 - 1e-4;
        let reported = v.violations.iter().any(|x| x.kind == ViolationKind::MinDistance);
        prop_assert!(!sampled_violation || reported);
    }
}
