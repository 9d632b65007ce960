//! Tests of the assignment solvers: planted answers, brute force, an independent slow
//! Hungarian, dual certificates, property tests, 2-swap optimality on show-like
//! instances, and the bottleneck against brute force.

use proptest::prelude::*;
use skyshow_model::Vec3;

use super::*;

/// Small deterministic generator (SplitMix64), independent of the solver.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn cloud(n: usize, seed: u64) -> Vec<Vec3> {
    let mut r = Rng(seed);
    (0..n)
        .map(|_| Vec3::new(r.unit() * 100.0, r.unit() * 100.0, r.unit() * 50.0))
        .collect()
}

fn shuffled<T: Clone>(v: &[T], seed: u64) -> (Vec<T>, Vec<usize>) {
    let mut r = Rng(seed);
    let mut perm: Vec<usize> = (0..v.len()).collect();
    for i in (1..perm.len()).rev() {
        let j = r.below(i + 1);
        perm.swap(i, j);
    }
    (perm.iter().map(|&i| v[i].clone()).collect(), perm)
}

/// Square takeoff grid, `spacing` apart, at z = 0 (first `n` points of the smallest
/// square that holds `n`).
fn grid(n: usize, spacing: f64) -> Vec<Vec3> {
    let side = (n as f64).sqrt().ceil() as usize;
    (0..n)
        .map(|k| {
            Vec3::new(
                (k % side) as f64 * spacing,
                (k / side) as f64 * spacing,
                0.0,
            )
        })
        .collect()
}

/// A `w`-wide vertical grid (in the x–z plane) of `n` points, `spacing` apart.
fn wall(n: usize, w: usize, spacing: f64, y: f64) -> Vec<Vec3> {
    (0..n)
        .map(|k| Vec3::new((k % w) as f64 * spacing, y, 20.0 + (k / w) as f64 * spacing))
        .collect()
}

/// Fibonacci sphere about 3 m spacing, centred at height `r + 20`.
fn sphere(n: usize) -> Vec<Vec3> {
    let r = (n as f64 * 9.0 / (4.0 * std::f64::consts::PI * 0.9)).sqrt();
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    (0..n)
        .map(|k| {
            let z = 1.0 - 2.0 * (k as f64 + 0.5) / n as f64;
            let rho = (1.0 - z * z).sqrt();
            let t = golden * k as f64;
            Vec3::new(r * rho * t.cos(), r * rho * t.sin(), r + 20.0 + r * z)
        })
        .collect()
}

fn cost_of(a: &[Vec3], b: &[Vec3], p: &[usize]) -> f64 {
    a.iter().zip(p).map(|(x, &j)| x.dist2(b[j])).sum()
}

fn is_permutation(p: &[usize]) -> bool {
    let mut seen = vec![false; p.len()];
    p.iter()
        .all(|&j| j < p.len() && !std::mem::replace(&mut seen[j], true))
}

/// Best cost over all permutations allowed by `ok` (`None` if there is none).
fn brute_force(
    n: usize,
    cost: &dyn Fn(usize, usize) -> f64,
    ok: &dyn Fn(usize, usize) -> bool,
    bottleneck: bool,
) -> Option<f64> {
    #[allow(clippy::too_many_arguments)]
    fn rec(
        i: usize,
        n: usize,
        used: &mut Vec<bool>,
        acc: f64,
        cost: &dyn Fn(usize, usize) -> f64,
        ok: &dyn Fn(usize, usize) -> bool,
        bottleneck: bool,
        best: &mut Option<f64>,
    ) {
        if i == n {
            if best.is_none_or(|b| acc < b) {
                *best = Some(acc);
            }
            return;
        }
        for j in 0..n {
            if !used[j] && ok(i, j) {
                used[j] = true;
                let c = cost(i, j);
                let next = if bottleneck { acc.max(c) } else { acc + c };
                rec(i + 1, n, used, next, cost, ok, bottleneck, best);
                used[j] = false;
            }
        }
    }
    let mut best = None;
    rec(
        0,
        n,
        &mut vec![false; n],
        0.0,
        cost,
        ok,
        bottleneck,
        &mut best,
    );
    best
}

/// Textbook O(n³) Hungarian algorithm with potentials (row-by-row shortest paths over a
/// dense matrix), written independently of the solvers under test.
fn hungarian(c: &[Vec<f64>]) -> (f64, Vec<usize>) {
    let n = c.len();
    let inf = f64::INFINITY;
    let mut u = vec![0.0; n + 1];
    let mut v = vec![0.0; n + 1];
    let mut p = vec![0usize; n + 1];
    let mut way = vec![0usize; n + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![inf; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = inf;
            let mut j1 = 0;
            for j in 1..=n {
                if !used[j] {
                    let cur = c[i0 - 1][j - 1] - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut target = vec![0; n];
    for j in 1..=n {
        target[p[j] - 1] = j - 1;
    }
    let total = (0..n).map(|i| c[i][target[i]]).sum();
    (total, target)
}

fn matrix(a: &[Vec3], b: &[Vec3]) -> Vec<Vec<f64>> {
    a.iter()
        .map(|p| b.iter().map(|q| p.dist2(*q)).collect())
        .collect()
}

fn rel_diff(x: f64, y: f64) -> f64 {
    (x - y).abs() / x.abs().max(y.abs()).max(1e-300)
}

/// Check the dual certificate of an unrestricted solution: with `u_i = c(i, π(i)) − v_π(i)`,
/// every arc has reduced cost ≥ −tol.
fn assert_certified(a: &[Vec3], b: &[Vec3]) {
    let sol = ssd::solve(a, b, None).unwrap();
    let tol = geom::tolerance(a, b);
    let mut worst = 0.0f64;
    for (i, p) in a.iter().enumerate() {
        let t = sol.target_of[i];
        let ui = p.dist2(b[t]) - sol.v[t];
        for (j, q) in b.iter().enumerate() {
            worst = worst.min(p.dist2(*q) - ui - sol.v[j]);
        }
    }
    assert!(worst >= -tol, "reduced cost {worst} below -{tol}");
}

#[test]
fn assign_empty_and_single() {
    let a = assign_min_sum_sq(&[], &[]);
    assert!(a.target_of.is_empty());
    assert_eq!(a.cost_sum_sq, 0.0);
    let a = assign_min_sum_sq(&[Vec3::new(1.0, 2.0, 3.0)], &[Vec3::new(1.0, 2.0, 5.0)]);
    assert_eq!(a.target_of, vec![0]);
    assert_eq!(a.cost_sum_sq, 4.0);
    let b = bottleneck(&[], &[], &|p: Vec3, q: Vec3| p.dist(q));
    assert_eq!(b.value, 0.0);
}

#[test]
fn assign_matches_brute_force_up_to_7() {
    for n in 1..=7 {
        for seed in 0..20 {
            let a = cloud(n, seed * 31 + n as u64);
            let b = cloud(n, seed * 31 + n as u64 + 1000);
            let got = assign_min_sum_sq(&a, &b);
            assert!(is_permutation(&got.target_of));
            let best = brute_force(n, &|i, j| a[i].dist2(b[j]), &|_, _| true, false).unwrap();
            assert!(rel_diff(got.cost_sum_sq, best) < 1e-12, "n={n} seed={seed}");
            assert!(rel_diff(got.cost_sum_sq, cost_of(&a, &b, &got.target_of)) < 1e-15);
        }
    }
}

#[test]
fn assign_planted_shuffled_copy_dense_and_sparse() {
    for (n, pts) in [
        (300, cloud(300, 1)),
        (2500, grid(2500, 3.0)),
        (3000, sphere(3000)),
    ] {
        let (to, perm) = shuffled(&pts, 7);
        let got = assign_min_sum_sq(&pts, &to);
        assert_eq!(got.cost_sum_sq, 0.0, "n={n}");
        for (i, &t) in got.target_of.iter().enumerate() {
            assert_eq!(perm[t], i, "n={n}");
        }
    }
}

#[test]
fn assign_translated_copy_is_identity() {
    let t = Vec3::new(10.0, -4.0, 30.0);
    for pts in [cloud(500, 3), grid(1600, 3.0), sphere(2000)] {
        let to: Vec<Vec3> = pts.iter().map(|&p| p + t).collect();
        let got = assign_min_sum_sq(&pts, &to);
        assert!(got.target_of.iter().enumerate().all(|(i, &j)| i == j));
    }
}

#[test]
fn assign_matches_independent_hungarian() {
    for (n, seed) in [(40, 1), (150, 2), (600, 3), (900, 4), (1200, 5)] {
        let a = cloud(n, seed);
        let b = cloud(n, seed + 100);
        let (best, _) = hungarian(&matrix(&a, &b));
        let got = assign_min_sum_sq(&a, &b);
        assert!(is_permutation(&got.target_of));
        assert!(
            rel_diff(got.cost_sum_sq, best) < 1e-12,
            "n={n}: {} vs {best}",
            got.cost_sum_sq
        );
    }
}

#[test]
fn assign_show_like_matches_hungarian() {
    let n = 1000;
    for (a, b) in [
        (grid(n, 3.0), sphere(n)),
        (sphere(n), wall(n, 40, 3.0, 0.0)),
        (grid(n, 3.0), wall(n, 20, 3.0, 10.0)),
    ] {
        let (best, _) = hungarian(&matrix(&a, &b));
        let got = assign_min_sum_sq(&a, &b);
        assert!(
            rel_diff(got.cost_sum_sq, best) < 1e-12,
            "{} vs {best}",
            got.cost_sum_sq
        );
    }
}

#[test]
fn assign_dual_certificates_hold() {
    assert_certified(&cloud(300, 5), &cloud(300, 6));
    assert_certified(&cloud(2000, 5), &cloud(2000, 6));
    assert_certified(&grid(2000, 3.0), &sphere(2000));
    assert_certified(&sphere(2000), &wall(2000, 50, 3.0, 0.0));
}

/// No pair of sources gains by swapping targets (CAPT's collision-freedom condition).
fn assert_two_swap_optimal(a: &[Vec3], b: &[Vec3], p: &[usize]) {
    let tol = geom::tolerance(a, b);
    for i in 0..a.len() {
        for j in i + 1..a.len() {
            let now = a[i].dist2(b[p[i]]) + a[j].dist2(b[p[j]]);
            let swapped = a[i].dist2(b[p[j]]) + a[j].dist2(b[p[i]]);
            assert!(
                now <= swapped + 2.0 * tol,
                "swap {i} {j} gains {}",
                now - swapped
            );
        }
    }
}

#[test]
fn assign_show_like_is_two_swap_optimal() {
    let n = 2500;
    for (a, b) in [
        (grid(n, 3.0), sphere(n)),
        (sphere(n), wall(n, 50, 3.0, 0.0)),
        (grid(n, 3.0), wall(n, 25, 3.0, 5.0)),
        (
            grid(n, 3.0),
            grid(n, 3.0)
                .iter()
                .map(|&p| Vec3::new(p.y, p.x, 40.0))
                .collect(),
        ),
    ] {
        let got = assign_min_sum_sq(&a, &b);
        assert!(is_permutation(&got.target_of));
        assert_two_swap_optimal(&a, &b, &got.target_of);
    }
}

#[test]
fn assign_is_deterministic_across_thread_counts() {
    let a = grid(3000, 3.0);
    let b = sphere(3000);
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| assign_min_sum_sq(&a, &b))
    };
    let one = run(1);
    assert_eq!(one, run(2));
    assert_eq!(one, run(3));
}

#[test]
fn assign_within_matches_brute_force() {
    for n in 1..=7 {
        for seed in 0..25u64 {
            let a = cloud(n, seed + 500);
            let b = cloud(n, seed + 900);
            let mut r = Rng(seed * 7 + n as u64);
            let mask: Vec<bool> = (0..n * n).map(|_| r.unit() < 0.5).collect();
            let ok = |i: usize, j: usize| mask[i * n + j];
            let best = brute_force(n, &|i, j| a[i].dist2(b[j]), &ok, false);
            let got = assign_min_sum_sq_within(&a, &b, &ok);
            match (best, got) {
                (None, None) => {}
                (Some(best), Some(got)) => {
                    assert!(got.target_of.iter().enumerate().all(|(i, &j)| ok(i, j)));
                    assert!(rel_diff(got.cost_sum_sq, best) < 1e-12);
                }
                (best, got) => panic!("n={n} seed={seed}: {best:?} vs {got:?}"),
            }
        }
    }
}

#[test]
fn assign_within_large_matches_hungarian_with_forbidden_arcs() {
    let n = 1000;
    let a = grid(n, 3.0);
    let b = sphere(n);
    let limit = 95.0;
    let ok = |i: usize, j: usize| a[i].dist(b[j]) <= limit;
    let big = 1e9;
    let c: Vec<Vec<f64>> = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| if ok(i, j) { a[i].dist2(b[j]) } else { big })
                .collect()
        })
        .collect();
    let (best, _) = hungarian(&c);
    let got = assign_min_sum_sq_within(&a, &b, &ok);
    if best >= big {
        assert!(got.is_none());
    } else {
        let got = got.unwrap();
        assert!(got.target_of.iter().enumerate().all(|(i, &j)| ok(i, j)));
        assert!(rel_diff(got.cost_sum_sq, best) < 1e-9);
    }
}

#[test]
fn assign_within_detects_infeasible() {
    let a = cloud(900, 1);
    let b = cloud(900, 2);
    // Target 0 is reachable from nobody.
    assert!(assign_min_sum_sq_within(&a, &b, &|_, j| j != 0).is_none());
    // Two sources can only reach the same target.
    assert!(assign_min_sum_sq_within(&a, &b, &|i, j| i > 1 || j == 5).is_none());
}

#[test]
fn bottleneck_matches_brute_force() {
    let dist = |p: Vec3, q: Vec3| p.dist(q);
    // Per-axis minimum flight time, trapezoidal profile (v_xy 8, v_z 2, a 4).
    let t = |d: f64, v: f64, acc: f64| {
        if d >= v * v / acc {
            d / v + v / acc
        } else {
            2.0 * (d / acc).sqrt()
        }
    };
    let time = |p: Vec3, q: Vec3| {
        let d = q - p;
        t(d.norm_xy(), 8.0, 4.0).max(t(d.z.abs(), 2.0, 4.0))
    };
    for n in 1..=7 {
        for seed in 0..20 {
            let a = cloud(n, seed + 40);
            let b = cloud(n, seed + 80);
            for cost in [&dist as &(dyn Fn(Vec3, Vec3) -> f64 + Sync), &time] {
                let got = bottleneck(&a, &b, cost);
                let best = brute_force(n, &|i, j| cost(a[i], b[j]), &|_, _| true, true).unwrap();
                assert!(is_permutation(&got.target_of));
                assert_eq!(got.value, best, "n={n} seed={seed}");
                // Warm-started from any permutation (here the reversed one and the sum of
                // squares optimum), the value is the same.
                let reversed: Vec<usize> = (0..n).rev().collect();
                let ssd = assign_min_sum_sq(&a, &b).target_of;
                for start in [&reversed, &ssd] {
                    let warm = bottleneck_from(&a, &b, cost, Some(start));
                    assert!(is_permutation(&warm.target_of));
                    assert_eq!(warm.value, best, "warm n={n} seed={seed}");
                }
                let max = (0..n)
                    .map(|i| cost(a[i], b[got.target_of[i]]))
                    .fold(0.0, f64::max);
                assert_eq!(max, got.value);
            }
        }
    }
}

/// Bottleneck by sorting all n² costs and binary search with a plain augmenting-path
/// matching: slow, independent reference.
fn bottleneck_reference(a: &[Vec3], b: &[Vec3], cost: &dyn Fn(Vec3, Vec3) -> f64) -> f64 {
    let n = a.len();
    let c: Vec<Vec<f64>> = a
        .iter()
        .map(|p| b.iter().map(|q| cost(*p, *q)).collect())
        .collect();
    let mut all: Vec<f64> = c.iter().flatten().copied().collect();
    all.sort_by(f64::total_cmp);
    all.dedup();
    let feasible = |th: f64| {
        let mut owner = vec![usize::MAX; n];
        fn try_row(
            i: usize,
            th: f64,
            c: &[Vec<f64>],
            owner: &mut [usize],
            seen: &mut [bool],
        ) -> bool {
            for j in 0..c.len() {
                if c[i][j] <= th && !seen[j] {
                    seen[j] = true;
                    if owner[j] == usize::MAX || try_row(owner[j], th, c, owner, seen) {
                        owner[j] = i;
                        return true;
                    }
                }
            }
            false
        }
        (0..n).all(|i| try_row(i, th, &c, &mut owner, &mut vec![false; n]))
    };
    let (mut lo, mut hi) = (0, all.len() - 1);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if feasible(all[mid]) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    all[lo]
}

#[test]
fn bottleneck_matches_reference_on_larger_instances() {
    let dist = |p: Vec3, q: Vec3| p.dist(q);
    // A flight time whose vertical part dominates: the cost has plateaus (every target
    // within a horizontal radius costs the same), where the k-d tree must still prune.
    let time = |p: Vec3, q: Vec3| {
        let d = q - p;
        let t = |x: f64, v: f64| {
            if x >= v * v / 3.0 {
                x / v + v / 3.0
            } else {
                2.0 * (x / 3.0).sqrt()
            }
        };
        t(d.norm_xy(), 10.0).max(t(d.z.abs(), 1.0))
    };
    for (a, b) in [
        (grid(300, 3.0), sphere(300)),
        (sphere(300), wall(300, 20, 3.0, 0.0)),
    ] {
        let want = bottleneck_reference(&a, &b, &time);
        assert_eq!(bottleneck(&a, &b, &time).value, want);
        let ssd = assign_min_sum_sq(&a, &b).target_of;
        let warm = bottleneck_from(&a, &b, &time, Some(&ssd));
        assert!(is_permutation(&warm.target_of));
        assert_eq!(warm.value, want);
        let max = (0..a.len())
            .map(|i| time(a[i], b[warm.target_of[i]]))
            .fold(0.0, f64::max);
        assert_eq!(max, want);
    }
    for (a, b) in [
        (cloud(200, 1), cloud(200, 2)),
        (grid(300, 3.0), sphere(300)),
        (sphere(300), wall(300, 20, 3.0, 0.0)),
        (
            grid(256, 3.0),
            grid(256, 3.0)
                .iter()
                .map(|&p| Vec3::new(p.y * 2.0, p.x * 0.5, 30.0))
                .collect(),
        ),
    ] {
        let got = bottleneck(&a, &b, &dist);
        assert!(is_permutation(&got.target_of));
        assert_eq!(got.value, bottleneck_reference(&a, &b, &dist));
    }
}

#[test]
fn ssd_within_bottleneck_keeps_the_bottleneck() {
    let a = grid(2000, 3.0);
    let b = sphere(2000);
    let bn = bottleneck(&a, &b, &|p: Vec3, q: Vec3| p.dist(q));
    let free = assign_min_sum_sq(&a, &b);
    let within = assign_min_sum_sq_within(&a, &b, &|i, j| a[i].dist(b[j]) <= bn.value).unwrap();
    let max = (0..a.len())
        .map(|i| a[i].dist(b[within.target_of[i]]))
        .fold(0.0, f64::max);
    assert!(max <= bn.value);
    assert!(within.cost_sum_sq >= free.cost_sum_sq * (1.0 - 1e-12));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn prop_assign_optimal_on_small_instances(
        pts in prop::collection::vec((0u8..6, 0u8..6, 0u8..3, 0u8..6, 0u8..6, 0u8..3), 1..7),
    ) {
        // Integer coordinates on a coarse lattice: lots of exact ties.
        let a: Vec<Vec3> = pts.iter().map(|p| Vec3::new(p.0 as f64 * 3.0, p.1 as f64 * 3.0, p.2 as f64 * 3.0)).collect();
        let b: Vec<Vec3> = pts.iter().map(|p| Vec3::new(p.3 as f64 * 3.0, p.4 as f64 * 3.0, p.5 as f64 * 3.0)).collect();
        let n = a.len();
        let got = assign_min_sum_sq(&a, &b);
        prop_assert!(is_permutation(&got.target_of));
        let best = brute_force(n, &|i, j| a[i].dist2(b[j]), &|_, _| true, false).unwrap();
        prop_assert_eq!(got.cost_sum_sq, best);
        let bn = bottleneck(&a, &b, &|p: Vec3, q: Vec3| p.dist(q));
        let bbest = brute_force(n, &|i, j| a[i].dist(b[j]), &|_, _| true, true).unwrap();
        prop_assert_eq!(bn.value, bbest);
        let within = assign_min_sum_sq_within(&a, &b, &|i, j| a[i].dist(b[j]) <= bn.value).unwrap();
        let wbest = brute_force(n, &|i, j| a[i].dist2(b[j]), &|i, j| a[i].dist(b[j]) <= bn.value, false).unwrap();
        prop_assert_eq!(within.cost_sum_sq, wbest);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn prop_assign_sparse_path_matches_hungarian(seed in 0u64..1000, n in 150usize..400) {
        let a = cloud(n, seed);
        let b = cloud(n, seed ^ 0xabcdef);
        let (best, _) = hungarian(&matrix(&a, &b));
        let got = assign_min_sum_sq(&a, &b);
        prop_assert!(rel_diff(got.cost_sum_sq, best) < 1e-12);
    }
}

#[test]
fn assign_survives_massive_ties() {
    // Every source at the same point: every assignment is optimal; the solver must still
    // return a permutation quickly.
    let n = 3000;
    let a = vec![Vec3::new(1.0, 2.0, 3.0); n];
    let b = grid(n, 3.0);
    let got = assign_min_sum_sq(&a, &b);
    assert!(is_permutation(&got.target_of));
    let any: f64 = b.iter().map(|q| a[0].dist2(*q)).sum();
    assert!(rel_diff(got.cost_sum_sq, any) < 1e-12);
    // Two coincident copies of a small grid onto a grid of twice the size.
    let n = 1200;
    let b = grid(n, 3.0);
    let half = grid(n / 2, 3.0);
    let a: Vec<Vec3> = half.iter().chain(&half).copied().collect();
    let got = assign_min_sum_sq(&a, &b);
    assert!(is_permutation(&got.target_of));
    let (best, _) = hungarian(&matrix(&a[..], &b[..]));
    assert!(rel_diff(got.cost_sum_sq, best) < 1e-12);
}

/// `p` rotated by `angle` radians about the unit `axis` (Rodrigues), then shifted by `t`.
fn rotated(p: &[Vec3], axis: Vec3, angle: f64, t: Vec3) -> Vec<Vec3> {
    let k = axis.normalized();
    let (s, c) = angle.sin_cos();
    p.iter()
        .map(|v| *v * c + k.cross(*v) * s + k * (k.dot(*v) * (1.0 - c)) + t)
        .collect()
}

/// A block of `nx × ny × nz` points `spacing` apart: seen from a plane perpendicular to
/// x, its columns along x coincide.
fn block(nx: usize, ny: usize, nz: usize, spacing: f64) -> Vec<Vec3> {
    let mut p = Vec::with_capacity(nx * ny * nz);
    for z in 0..nz {
        for y in 0..ny {
            for x in 0..nx {
                p.push(Vec3::new(x as f64, y as f64, 10.0 + z as f64) * spacing);
            }
        }
    }
    p
}

/// Checks that the degenerate path takes the instance, returns a permutation, and
/// matches an independent Hungarian solver (both directions).
fn assert_degenerate_optimal(a: &[Vec3], b: &[Vec3]) {
    let (best, _) = hungarian(&matrix(a, b));
    for (x, y) in [(a, b), (b, a)] {
        let got = degenerate::solve(x, y).expect("a degenerate instance");
        assert!(is_permutation(&got));
        let c = cost_of(x, y, &got);
        assert!(rel_diff(c, best) < 1e-11, "cost {c} against optimum {best}");
    }
}

#[test]
fn degenerate_wall_into_perpendicular_plane_is_sorted_and_optimal() {
    // A vertical wall in the x–z plane into a horizontal disc of random points: only x is
    // shared (rank 1). Tilted as a whole, so no axis is special.
    let n = 300;
    let a = wall(n, 20, 3.0, 5.0);
    let mut r = Rng(7);
    let b: Vec<Vec3> = (0..n)
        .map(|_| Vec3::new(r.unit() * 80.0 - 20.0, r.unit() * 60.0, 90.0))
        .collect();
    assert_degenerate_optimal(&a, &b);
    let axis = Vec3::new(0.3, -0.5, 0.8);
    let t = Vec3::new(11.0, -7.0, 40.0);
    assert_degenerate_optimal(&rotated(&a, axis, 0.7, t), &rotated(&b, axis, 0.7, t));
}

#[test]
fn degenerate_block_into_wall_is_solved_by_groups_and_optimal() {
    // 12 × 5 × 6 block into a 3 m wall in the y–z plane: 30 columns of 12 coincide.
    let a = block(12, 5, 6, 3.0);
    let n = a.len();
    let b: Vec<Vec3> = (0..n)
        .map(|k| {
            Vec3::new(
                70.0,
                (k % 24) as f64 * 3.0 - 20.0,
                15.0 + (k / 24) as f64 * 3.0,
            )
        })
        .collect();
    assert_degenerate_optimal(&a, &b);
    let axis = Vec3::new(-0.2, 0.9, 0.4);
    let t = Vec3::new(3.0, 5.0, 7.0);
    assert_degenerate_optimal(&rotated(&a, axis, 1.1, t), &rotated(&b, axis, 1.1, t));
    // Through the public entry point too (above the dense size).
    let got = assign_min_sum_sq(&a, &b);
    let (best, _) = hungarian(&matrix(&a, &b));
    assert!(rel_diff(got.cost_sum_sq, best) < 1e-11);
}

#[test]
fn degenerate_leaves_general_instances_alone() {
    // Random clouds, and a sphere into a wall: nothing coincides, nothing is dropped.
    assert!(degenerate::solve(&cloud(500, 1), &cloud(500, 2)).is_none());
    assert!(degenerate::solve(&sphere(500), &wall(500, 25, 3.0, 0.0)).is_none());
    // Two walls in one plane: rank 2 and no coinciding points.
    assert!(degenerate::solve(&wall(400, 20, 3.0, 0.0), &wall(400, 16, 3.5, 0.0)).is_none());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn prop_degenerate_matches_dense_solver(
        nx in 8usize..12, ny in 1usize..5, nz in 1usize..5,
        angle in 0.0f64..3.0, ax in -1.0f64..1.0, ay in -1.0f64..1.0,
        seed in 0u64..1000, plane in 0usize..3,
    ) {
        // A block whose columns coincide seen from a plane, into random points of that
        // plane (or, for plane 2, of a line: rank 1), in a random orientation.
        let a = block(nx, ny, nz, 2.5);
        let n = a.len();
        let mut r = Rng(seed);
        let b: Vec<Vec3> = (0..n)
            .map(|_| match plane {
                0 => Vec3::new(-30.0, r.unit() * 40.0, r.unit() * 40.0),
                1 => Vec3::new(50.0, r.unit() * 20.0, 5.0 + r.unit() * 60.0),
                _ => Vec3::new(r.unit() * 90.0, 30.0, 40.0),
            })
            .collect();
        let axis = Vec3::new(ax, ay, 0.5);
        let t = Vec3::new(ay * 10.0, 4.0, ax * 10.0);
        let (a, b) = (rotated(&a, axis, angle, t), rotated(&b, axis, angle, t));
        let got = degenerate::solve(&a, &b);
        prop_assert!(got.is_some(), "not taken as degenerate");
        let got = got.unwrap();
        prop_assert!(is_permutation(&got));
        let best = ssd::solve(&a, &b, None).unwrap().target_of;
        let (c, cb) = (cost_of(&a, &b, &got), cost_of(&a, &b, &best));
        prop_assert!(rel_diff(c, cb) < 1e-11, "cost {} against {}", c, cb);
    }
}

/// The degenerate path takes the instance, its cost is optimal (independent Hungarian),
/// and its longest flight is within 2 % of the bottleneck.
fn assert_optimal_and_even(a: &[Vec3], b: &[Vec3]) {
    let got = degenerate::solve(a, b).expect("a degenerate instance");
    assert!(is_permutation(&got));
    let (best, _) = hungarian(&matrix(a, b));
    assert!(rel_diff(cost_of(a, b, &got), best) < 1e-11);
    let longest = a
        .iter()
        .zip(&got)
        .map(|(p, &j)| p.dist(b[j]))
        .fold(0.0, f64::max);
    let bn = bottleneck(a, b, &|p: Vec3, q: Vec3| p.dist(q)).value;
    assert!(
        longest <= 1.02 * bn,
        "longest {longest} against bottleneck {bn}"
    );
}

#[test]
fn degenerate_ties_are_broken_towards_short_flights() {
    // A wall in the x–z plane into one in the y–z plane: only heights are shared, so every
    // pairing within a row is optimal. The chosen one must keep the longest flight near
    // the bottleneck (index order would not).
    let n = 400;
    let a = wall(n, 20, 3.0, 0.0);
    let b: Vec<Vec3> = a.iter().map(|p| Vec3::new(70.0, 57.0 - p.x, p.z)).collect();
    assert_optimal_and_even(&a, &b);
}

/// Every group got its capacity, and the cost equals the optimum of the assignment problem
/// with each group expanded into `cap` identical rows (independent Hungarian).
fn transport_check(
    pts: &[Vec3],
    cap: &[usize],
    targets: &[Vec3],
    grp: &[u32],
) -> Result<(), String> {
    let mut count = vec![0usize; pts.len()];
    for &g in grp {
        count[g as usize] += 1;
    }
    if count != cap {
        return Err(format!("counts {count:?} against capacities {cap:?}"));
    }
    let got: f64 = grp
        .iter()
        .zip(targets)
        .map(|(&g, q)| pts[g as usize].dist2(*q))
        .sum();
    let rows: Vec<Vec3> = pts
        .iter()
        .zip(cap)
        .flat_map(|(p, &c)| std::iter::repeat_n(*p, c))
        .collect();
    let (best, _) = hungarian(&matrix(&rows, targets));
    if rel_diff(got, best) < 1e-12 {
        Ok(())
    } else {
        Err(format!("transport {got} against {best}"))
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn prop_transport_matches_hungarian_on_expanded_rows(
        groups in prop::collection::vec((0u8..8, 0u8..8, 0u8..3, 1usize..5), 1..8),
        seed in 0u64..1000,
    ) {
        // Groups on a coarse lattice (ties), capacities 1–4; targets random. Expanding
        // each group into `cap` identical rows gives an assignment problem with the same
        // optimum.
        let pts: Vec<Vec3> = groups
            .iter()
            .map(|g| Vec3::new(g.0 as f64 * 3.0, g.1 as f64 * 3.0, g.2 as f64 * 3.0))
            .collect();
        let cap: Vec<usize> = groups.iter().map(|g| g.3).collect();
        let n: usize = cap.iter().sum();
        let mut r = Rng(seed);
        let targets: Vec<Vec3> = (0..n)
            .map(|_| Vec3::new(r.unit() * 24.0, r.unit() * 24.0, r.unit() * 9.0))
            .collect();
        let grp = transport::Transport::solve(&pts, cap.clone(), &targets);
        prop_assert_eq!(transport_check(&pts, &cap, &targets, &grp), Ok(()));
    }
}

#[test]
fn transport_large_groups_use_the_coarse_levels_and_stay_optimal() {
    // 12 groups of 50 on a line below a 600-point wall: deep enough for two coarse levels.
    let pts: Vec<Vec3> = (0..12)
        .map(|k| Vec3::new(k as f64 * 4.0, 0.0, 10.0))
        .collect();
    let cap = vec![50; 12];
    let targets = wall(600, 30, 3.0, 40.0);
    let grp = transport::Transport::solve(&pts, cap.clone(), &targets);
    assert_eq!(transport_check(&pts, &cap, &targets, &grp), Ok(()));
}

#[test]
fn degenerate_rank_zero_still_evens_the_flights_out() {
    // A vertical column of drones into a horizontal ring: every assignment has the same
    // sum of squares; the one returned must not send the top drone to the far edge.
    let n = 300;
    let a: Vec<Vec3> = (0..n)
        .map(|k| Vec3::new(0.0, 0.0, 10.0 + k as f64 * 3.0))
        .collect();
    let b: Vec<Vec3> = (0..n)
        .map(|k| {
            let t = std::f64::consts::TAU * k as f64 / n as f64;
            // A flat spiral, widest at the index where the column is highest.
            let r = 20.0 + k as f64 * 0.5;
            Vec3::new(r * t.cos(), r * t.sin(), 300.0)
        })
        .collect();
    assert_optimal_and_even(&a, &b);
}

#[test]
fn degenerate_matches_the_general_solver_at_scale() {
    // Above the dense size, rotated: a 24 × 5 × 10 block into a wall, and the wall into a
    // horizontal ring; the general sparse solver is the reference.
    let a = block(24, 5, 10, 3.0);
    let n = a.len();
    let w: Vec<Vec3> = (0..n)
        .map(|k| Vec3::new(90.0, (k % 40) as f64 * 3.0, 20.0 + (k / 40) as f64 * 3.0))
        .collect();
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    let ring: Vec<Vec3> = (0..n)
        .map(|k| {
            let rho = (400.0 + 9000.0 * (k as f64 + 0.5) / n as f64).sqrt();
            let t = golden * k as f64;
            Vec3::new(rho * t.cos(), rho * t.sin(), 150.0)
        })
        .collect();
    let axis = Vec3::new(0.4, 0.1, 0.9);
    let t = Vec3::new(5.0, -3.0, 2.0);
    for (x, y) in [(&a, &w), (&w, &ring)] {
        let (x, y) = (rotated(x, axis, 0.3, t), rotated(y, axis, 0.3, t));
        let got = degenerate::solve(&x, &y).expect("a degenerate instance");
        assert!(is_permutation(&got));
        let reference = ssd::solve(&x, &y, None).unwrap().target_of;
        let (c, r) = (cost_of(&x, &y, &got), cost_of(&x, &y, &reference));
        assert!(rel_diff(c, r) < 1e-11, "cost {c} against {r}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn prop_transport_with_few_edges_still_finds_the_optimum(
        g in 6usize..30, k in 1usize..4, seed in 0u64..1000,
    ) {
        // Each group starts with edges to its k nearest groups only: the repair rounds
        // (and, if needed, full rows) must still reach the exact optimum.
        let mut r = Rng(seed);
        let pts: Vec<Vec3> = (0..g)
            .map(|_| Vec3::new(r.unit() * 30.0, r.unit() * 30.0, r.unit() * 5.0))
            .collect();
        let cap: Vec<usize> = (0..g).map(|_| 1 + r.below(4)).collect();
        let n: usize = cap.iter().sum();
        // Targets far off and spread wider, so cells must move a long way.
        let targets: Vec<Vec3> = (0..n)
            .map(|_| Vec3::new(r.unit() * 120.0 - 60.0, r.unit() * 90.0, 40.0 + r.unit() * 60.0))
            .collect();
        let grp = transport::Transport::solve_with(&pts, cap.clone(), &targets, k, 0);
        prop_assert_eq!(transport_check(&pts, &cap, &targets, &grp), Ok(()));
    }
}
