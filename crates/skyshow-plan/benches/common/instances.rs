//! Show-like and random instances shared by the assignment and planning benchmarks
//! (algorithms.md §8): a 3 m takeoff grid, a Fibonacci sphere of about 3 m spacing, a
//! vertical 3 m wall through the sphere's centre, and uniform random clouds.

// Each benchmark uses some of the instances.
#![allow(dead_code)]

use std::f64::consts::PI;

use skyshow_model::Vec3;

/// Square takeoff grid, 3 m apart, centred on the origin at z = 0.
pub(crate) fn grid(n: usize) -> Vec<Vec3> {
    let side = (n as f64).sqrt().ceil() as usize;
    let h = (side as f64 - 1.0) / 2.0;
    (0..n)
        .map(|k| {
            Vec3::new(
                ((k % side) as f64 - h) * 3.0,
                ((k / side) as f64 - h) * 3.0,
                0.0,
            )
        })
        .collect()
}

pub(crate) fn sphere_radius(n: usize) -> f64 {
    (n as f64 * 9.0 / (4.0 * PI * 0.9)).sqrt()
}

/// Fibonacci sphere of about 3 m spacing centred at height r + 20 m.
pub(crate) fn sphere(n: usize) -> Vec<Vec3> {
    let r = sphere_radius(n);
    (0..n)
        .map(|k| {
            let z = 1.0 - 2.0 * (k as f64 + 0.5) / n as f64;
            let rho = (1.0 - z * z).sqrt();
            let t = PI * (3.0 - 5f64.sqrt()) * k as f64;
            Vec3::new(r * rho * t.cos(), r * rho * t.sin(), r + 20.0 + r * z)
        })
        .collect()
}

/// The Fibonacci sphere grown by 10 % about its centre, so its closest pair (2.76 m at
/// the original size) is at least 3 m apart: a valid formation for a 3 m minimum distance.
pub(crate) fn sphere_3m(n: usize) -> Vec<Vec3> {
    let c = Vec3::new(0.0, 0.0, sphere_radius(n) + 20.0);
    sphere(n).iter().map(|p| c + (*p - c) * 1.1).collect()
}

/// Vertical square 3 m grid through the sphere centre.
pub(crate) fn wall(n: usize) -> Vec<Vec3> {
    let side = (n as f64).sqrt().ceil() as usize;
    let h = (side as f64 - 1.0) / 2.0;
    let cz = sphere_radius(n) + 20.0;
    (0..n)
        .map(|k| {
            Vec3::new(
                ((k % side) as f64 - h) * 3.0,
                0.0,
                cz + ((k / side) as f64 - h) * 3.0,
            )
        })
        .collect()
}

/// Uniform cloud in a 100 × 100 × 50 m box (SplitMix64, fixed seed).
pub(crate) fn cloud(n: usize, seed: u64) -> Vec<Vec3> {
    let mut s = seed;
    let mut unit = || {
        s = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = s;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|_| Vec3::new(unit() * 100.0, unit() * 100.0, unit() * 50.0))
        .collect()
}

pub(crate) type Instance = (&'static str, Vec<Vec3>, Vec<Vec3>);

pub(crate) fn instances(n: usize) -> Vec<Instance> {
    vec![
        ("grid-sphere", grid(n), sphere(n)),
        ("sphere-wall", sphere(n), wall(n)),
        ("random", cloud(n, 1), cloud(n, 2)),
    ]
}
