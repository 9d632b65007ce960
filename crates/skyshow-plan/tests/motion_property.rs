//! Property tests of moving holds with the validator as the oracle: random rigid motions
//! the limits allow always plan, and the flown Bézier curves keep every limit exactly (in
//! continuous time, as the validator checks exported shows); random motions beyond a limit
//! are refused with the figure that is beyond it, and its value is the one measured.

use proptest::prelude::*;
use skyshow_model::{
    Drone, Easing, FlightShow, HoldTime, LightProgram, Limits, Motion, MotionAxis, MotionKind,
    Repeat, Trajectory, Vec3,
};
use skyshow_plan::motion::{
    Figure, HoldClock, MotionError, MotionOptions, MotionSpec, measure, plan_motion, resolve,
};
use skyshow_validate::{ValidateOptions, validate};

const UP: Vec3 = Vec3::new(0.0, 0.0, 1.0);
const CENTRE: Vec3 = Vec3::new(0.0, 0.0, 70.0);
const T0: f64 = 50.0;

/// Up to `n` points of a vertical picture (facing −X) within `r` of the centre, each at
/// least `d` from the others (seeded dart throwing).
fn picture(seed: u64, n: usize, r: f64, d: f64) -> Vec<Vec3> {
    let mut s = seed | 1;
    let mut rnd = || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut pts: Vec<Vec3> = Vec::new();
    let mut tries = 0;
    while pts.len() < n && tries < 20_000 {
        tries += 1;
        let p = CENTRE + Vec3::new(0.0, (2.0 * rnd() - 1.0) * r, (2.0 * rnd() - 1.0) * r);
        if p.dist(CENTRE) <= r && pts.iter().all(|q| q.dist(p) >= d) {
            pts.push(p);
        }
    }
    pts
}

/// The largest distance of a point from the vertical through the centre.
fn rim(rest: &[Vec3]) -> f64 {
    rest.iter()
        .map(|p| (*p - CENTRE).norm_xy())
        .fold(0.0, f64::max)
}

fn spec(rest: Vec<Vec3>, motions: Vec<Motion>) -> MotionSpec {
    MotionSpec {
        name: "random".into(),
        rest,
        deform: None,
        motions,
        rest_centre: CENTRE,
        own_axes: [Vec3::new(0.0, -1.0, 0.0), UP, Vec3::new(-1.0, 0.0, 0.0)],
        size: None,
    }
}

fn motion(kind: MotionKind, duration_s: f64, easing: Easing) -> Motion {
    Motion {
        kind,
        pivot: Vec3::ZERO,
        start: HoldTime::Seconds(0.0),
        duration: Some(HoldTime::Seconds(duration_s)),
        easing,
        repeat: Repeat::Count(1),
    }
}

fn clock(hold_s: f64) -> HoldClock<'static> {
    HoldClock {
        start_s: T0,
        end_s: T0 + hold_s,
        music: None,
    }
}

fn easing(k: u8) -> Easing {
    [Easing::Smooth, Easing::Linear, Easing::In, Easing::Out][k as usize % 4]
}

/// A rotation, a move or a scale-up, from a few random numbers.
fn random_kind(which: u8, a: f64, b: f64, c: f64) -> MotionKind {
    match which % 3 {
        0 => MotionKind::Rotate {
            axis: [
                MotionAxis::Up,
                MotionAxis::Right,
                MotionAxis::Towards,
                MotionAxis::Show(Vec3::new(a, b, c + 1.5).normalized()),
            ][((a + 1.0) * 2.0) as usize % 4],
            angle_deg: 20.0 + 340.0 * b.abs(),
        },
        1 => MotionKind::Move {
            path: vec![Vec3::new(12.0 * a, 30.0 * b, 10.0 * c)],
        },
        _ => MotionKind::Scale {
            factor: 1.1 + 0.6 * b.abs(),
        },
    }
}

/// The hold flown: each drone at its rest point until the hold, then along its curves.
fn fly(rest: &[Vec3], curves: &[Vec<skyshow_model::Segment>]) -> FlightShow {
    FlightShow {
        drones: rest
            .iter()
            .zip(curves)
            .enumerate()
            .map(|(i, (p, cv))| {
                let mut trajectory = Trajectory::new(*p);
                trajectory.hold_until(T0);
                for s in cv {
                    trajectory.push(*s);
                }
                Drone {
                    name: format!("{i}"),
                    home: *p,
                    trajectory,
                    lights: LightProgram::default(),
                }
            })
            .collect(),
        ..FlightShow::default()
    }
}

/// The largest value `figure` reaches in the designed motion.
fn designed(spec: &MotionSpec, hold_s: f64, figure: Figure) -> f64 {
    let m = resolve(
        spec,
        &clock(hold_s),
        &Limits::DEFAULT,
        &MotionOptions::DEFAULT,
    )
    .expect("resolves")
    .expect("moves");
    let f = measure(&m, MotionOptions::DEFAULT.step_s);
    match figure {
        Figure::SpeedXy => f.speed_xy.value,
        Figure::SpeedUp => f.speed_up.value,
        Figure::SpeedDown => f.speed_down.value,
        Figure::Accel => f.accel.value,
        Figure::AltitudeMax => f.altitude_max.value,
        Figure::AltitudeMin => f.altitude_min.value,
        Figure::Distance => f.min_distance.value,
    }
}

/// Plans `spec` over a hold of `hold_s`; when it plans, the flown curves keep every limit
/// (validator), and when it is refused, the figure named is beyond its limit by the value
/// given. Returns whether it planned.
fn plans_safely_or_is_refused_rightly(spec: &MotionSpec, hold_s: f64) -> bool {
    let limits = Limits::DEFAULT;
    match plan_motion(spec, &clock(hold_s), &limits, &MotionOptions::DEFAULT, 5.5) {
        Ok(Some(h)) => {
            let show = fly(&spec.rest, &h.fitted.curves);
            let v = validate(&show, &limits, &ValidateOptions::default());
            assert!(
                v.violations.is_empty(),
                "{:?}",
                &v.violations[..v.violations.len().min(3)]
            );
            assert!(h.fitted.error_m <= 0.05, "fit error {}", h.fitted.error_m);
            // At rest at both ends, and still (exact holds, not a drift) before the motion
            // starts and once it has ended.
            let (a, b) = h.summary.active_s;
            for cv in &h.fitted.curves {
                assert!(cv.first().unwrap().velocity(T0).norm() < 1e-9);
                assert!(cv.last().unwrap().velocity(T0 + hold_s).norm() < 1e-9);
                for s in cv.iter().filter(|s| s.t1 <= T0 + a || s.t0 >= T0 + b) {
                    assert!(s.is_hold(), "{s:?} moves outside {a}..{b} s");
                }
            }
            true
        }
        Ok(None) => panic!("a motion that does not move"),
        Err(MotionError::Limit {
            figure,
            value,
            limit,
            hint,
            ..
        }) => {
            if figure.is_upper() {
                assert!(value > limit, "{figure:?} {value} ≤ {limit}");
            } else {
                assert!(value < limit, "{figure:?} {value} ≥ {limit}");
            }
            let measured = designed(spec, hold_s, figure);
            // The flown curves may be the ones over (a hair past what the design needs).
            assert!(
                (measured - value).abs() < 0.02 * limit.max(1.0) || figure.is_upper(),
                "{figure:?}: said {value}, measured {measured}"
            );
            assert!(!hint.english().is_empty());
            false
        }
        Err(e) => panic!("{e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, .. ProptestConfig::default() })]

    /// A turn about the vertical slow enough for the rim always plans and flies safely.
    #[test]
    fn spins_within_the_limits_plan_and_fly_safely(
        seed in any::<u64>(), n in 8usize..40, r in 10.0f64..30.0, turns in 0.1f64..1.0,
        share in 0.3f64..0.85, k in 0u8..4,
    ) {
        let rest = picture(seed, n, r, 3.5);
        let e = easing(k);
        // Peak speed over mean speed of each easing: 1.5 smooth, 2.11 in/out (4u³−3u⁴),
        // linear 1/(1 − ramp) with ramps under 10 % here.
        let peak = match e { Easing::Smooth => 1.5, Easing::Linear => 1.12, _ => 2.11 };
        let far = rim(&rest);
        let mean = share * Limits::DEFAULT.max_speed_xy_m_s / peak;
        let duration = turns * std::f64::consts::TAU * far / mean;
        let hold = duration.max(20.0) + 2.0;
        let s = spec(rest, vec![motion(
            MotionKind::Rotate { axis: MotionAxis::Up, angle_deg: 360.0 * turns },
            duration.max(20.0), e)]);
        prop_assert!(plans_safely_or_is_refused_rightly(&s, hold));
    }

    /// The same spins made too fast for the rim are refused for their horizontal speed.
    #[test]
    fn spins_beyond_the_limit_are_refused_for_speed(
        seed in any::<u64>(), n in 8usize..40, r in 15.0f64..30.0, over in 1.2f64..3.0,
    ) {
        let rest = picture(seed, n, r, 3.5);
        let far = rim(&rest);
        // Smoothstep peaks at 1.5 × the mean speed.
        let duration = 1.5 * std::f64::consts::TAU * far / (over * Limits::DEFAULT.max_speed_xy_m_s);
        let s = spec(rest, vec![motion(
            MotionKind::Rotate { axis: MotionAxis::Up, angle_deg: 360.0 },
            duration, Easing::Smooth)]);
        match plan_motion(&s, &clock(duration + 1.0), &Limits::DEFAULT, &MotionOptions::DEFAULT, 5.5) {
            Err(MotionError::Limit { figure, value, .. }) => {
                prop_assert!(matches!(figure, Figure::SpeedXy | Figure::Accel), "{:?}", figure);
                if figure == Figure::SpeedXy {
                    let want = over * Limits::DEFAULT.max_speed_xy_m_s;
                    prop_assert!((value - want).abs() < 0.02 * want, "{} vs {}", value, want);
                }
            }
            other => prop_assert!(false, "not refused: {:?}", other.map(|h| h.map(|h| h.summary))),
        }
    }

    /// Any random rotation, move or growth, one after another: it either flies with no
    /// violation or is refused for a figure that really is beyond its limit.
    #[test]
    fn random_motions_fly_safely_or_are_refused_rightly(
        seed in any::<u64>(), n in 6usize..30,
        kinds in proptest::collection::vec((any::<u8>(), -1.0f64..1.0, -1.0f64..1.0, -1.0f64..1.0, 4.0f64..25.0, any::<u8>()), 1..4),
    ) {
        let rest = picture(seed, n, 14.0, 3.5);
        let mut start = 0.0;
        let mut motions = Vec::new();
        for (which, a, b, c, duration, k) in kinds {
            let mut m = motion(random_kind(which, a, b, c), duration, easing(k));
            m.start = HoldTime::Seconds(start);
            start += duration;
            motions.push(m);
        }
        let s = spec(rest, motions);
        plans_safely_or_is_refused_rightly(&s, start + 1.0);
    }
}
