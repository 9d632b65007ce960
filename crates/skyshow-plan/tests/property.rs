//! Property tests with the validator as the oracle: every transition the planner returns
//! between random valid formations keeps every limit, exactly, in continuous time.

use proptest::prelude::*;
use skyshow_model::{Drone, FlightShow, LightProgram, Limits, Trajectory, Vec3};
use skyshow_plan::{Minimise, PlanOptions, assign::assign_min_sum_sq, plan_transition};
use skyshow_validate::{ValidateOptions, validate};

/// Up to `n` points in a box, each at least `d` from the others (dart throwing).
fn spaced_points(seed: u64, n: usize, d: f64, size: Vec3, base: Vec3) -> Vec<Vec3> {
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
        let p = base + Vec3::new(rnd() * size.x, rnd() * size.y, rnd() * size.z);
        if pts.iter().all(|q| q.dist(p) >= d) {
            pts.push(p);
        }
    }
    pts
}

fn fly(from: &[Vec3], t: &skyshow_plan::Transition) -> FlightShow {
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

/// Plans `from → to` both ways the planner can minimise, and validates each.
fn check(from: Vec<Vec3>, to: Vec<Vec3>) {
    for minimise in [Minimise::Distance, Minimise::Time] {
        check_with(&from, &to, minimise);
    }
}

fn check_with(from: &[Vec3], to: &[Vec3], minimise: Minimise) {
    let n = from.len().min(to.len());
    let (from, to) = (&from[..n], &to[..n]);
    let limits = Limits::DEFAULT;
    let opts = PlanOptions {
        minimise,
        ..PlanOptions::DEFAULT
    };
    let t = plan_transition(from, to, &limits, &opts, (5.5, 150.0), 0).expect("plannable");
    let show = fly(from, &t);
    let v = validate(&show, &limits, &ValidateOptions::default());
    assert!(
        v.violations.is_empty(),
        "{:?}",
        &v.violations[..v.violations.len().min(3)]
    );
    assert!(v.measured.min_distance_m >= limits.min_distance_m - 1e-6);
    assert!(
        (v.measured.min_distance_m - t.min_distance_m).abs() < 1e-3
            || v.measured.min_distance_m >= t.min_distance_m
    );
    assert!(t.duration_ms() as f64 / 1000.0 >= t.lower_bound_s - 1e-9);
    // Every drone ends on the target it was assigned, and every target is taken.
    let mut taken = vec![false; n];
    for (i, d) in show.drones.iter().enumerate() {
        let j = t.target_of[i];
        assert!(!taken[j]);
        taken[j] = true;
        assert!(d.trajectory.end_position().dist(to[j]) < 1e-9);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn random_3d_clouds_plan_safely(seed in any::<u64>(), n in 5usize..60) {
        let a = spaced_points(seed, n, 3.0, Vec3::new(30.0, 30.0, 30.0), Vec3::new(0.0, 0.0, 20.0));
        let b = spaced_points(seed.wrapping_mul(31), n, 3.0, Vec3::new(40.0, 25.0, 35.0), Vec3::new(-10.0, 5.0, 25.0));
        check(a, b);
    }

    #[test]
    fn planar_pictures_plan_safely(seed in any::<u64>(), n in 5usize..80) {
        let a = spaced_points(seed, n, 3.0, Vec3::new(0.0, 50.0, 50.0), Vec3::new(0.0, 0.0, 20.0));
        let b = spaced_points(seed ^ 0x9e37, n, 3.0, Vec3::new(0.0, 50.0, 50.0), Vec3::new(0.0, 0.0, 20.0));
        check(a, b);
    }

    #[test]
    fn shuffled_copy_assigns_at_zero_cost(seed in any::<u64>(), n in 2usize..200) {
        let a = spaced_points(seed, n, 3.0, Vec3::new(60.0, 60.0, 40.0), Vec3::new(0.0, 0.0, 20.0));
        let mut perm: Vec<usize> = (0..a.len()).collect();
        let mut s = seed | 1;
        for i in (1..perm.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1);
            perm.swap(i, (s >> 33) as usize % (i + 1));
        }
        let b: Vec<Vec3> = perm.iter().map(|&k| a[k]).collect();
        let asg = assign_min_sum_sq(&a, &b);
        prop_assert_eq!(asg.cost_sum_sq, 0.0);
        for (i, &j) in asg.target_of.iter().enumerate() {
            prop_assert_eq!(perm[j], i);
        }
    }
}

#[test]
fn lattice_at_exactly_min_distance_rotated() {
    // Formations spaced exactly at the minimum distance: CAPT's condition fails.
    let mut a = Vec::new();
    for i in 0..15 {
        for j in 0..15 {
            a.push(Vec3::new(0.0, i as f64 * 3.0, 30.0 + j as f64 * 3.0));
        }
    }
    let c = Vec3::new(0.0, 21.0, 51.0);
    let b: Vec<Vec3> = a
        .iter()
        .map(|p| {
            let r = *p - c;
            let (s, co) = (0.7f64).sin_cos();
            c + Vec3::new(0.0, r.y * co - r.z * s, r.y * s + r.z * co)
        })
        .collect();
    check(a, b);
}

/// A vertical `cols`-wide wall in the x–z plane, `s` apart, from height `z0`.
fn wall(n: usize, cols: usize, s: f64, z0: f64) -> Vec<Vec3> {
    (0..n)
        .map(|k| Vec3::new((k % cols) as f64 * s, 0.0, z0 + (k / cols) as f64 * s))
        .collect()
}

#[test]
fn perpendicular_planes_and_layered_blocks_plan_safely() {
    // Degenerate instances (above the dense solver's size, so the assignment takes its
    // degenerate path): a wall into a horizontal sunflower annulus (only x is shared),
    // and a layered block into a wall (columns of the block coincide seen from the wall).
    let n = 400;
    let w = wall(n, 20, 4.5, 20.0);
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    let (r_in, r_out) = (15.0f64, 52.0f64);
    let ring: Vec<Vec3> = (0..n)
        .map(|k| {
            let rho =
                (r_in * r_in + (r_out * r_out - r_in * r_in) * (k as f64 + 0.5) / n as f64).sqrt();
            let t = golden * k as f64;
            Vec3::new(40.0 + rho * t.cos(), 30.0 + rho * t.sin(), 70.0)
        })
        .collect();
    check(w.clone(), ring.clone());
    check(ring, w.clone());
    let mut block = Vec::new();
    for z in 0..5 {
        for y in 0..8 {
            for x in 0..10 {
                block.push(Vec3::new(
                    x as f64 * 4.5,
                    20.0 + y as f64 * 4.5,
                    10.0 + z as f64 * 4.5,
                ));
            }
        }
    }
    check(block.clone(), w.clone());
    check(w, block);
}
