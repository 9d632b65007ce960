//! Every hard case (`benches/common/hard_cases.rs`) plans, and the validator finds no
//! violation in what it plans: the planner never gives up on a transition that has a safe
//! plan within the limits and the altitude band.

#[path = "../benches/common/hard_cases.rs"]
mod hard_cases;

use skyshow_plan::{Minimise, PlanOptions, plan_transition};
use skyshow_validate::{ValidateOptions, validate};

fn plans_safely(name: &str, minimise: Minimise) {
    let case = hard_cases::hard_cases()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no hard case {name}"));
    let limits = hard_cases::limits();
    let opts = PlanOptions {
        minimise,
        ..PlanOptions::DEFAULT
    };
    let t = plan_transition(&case.from, &case.to, &limits, &opts, hard_cases::band(), 0)
        .unwrap_or_else(|e| panic!("{name} ({}) refused: {}", case.what, e.0));
    // Every target is taken exactly once.
    let mut taken = t.target_of.clone();
    taken.sort_unstable();
    assert!(
        taken.iter().copied().eq(0..case.to.len()),
        "{name}: not a permutation"
    );
    let show = hard_cases::fly(&case.from, &t);
    for (i, d) in show.drones.iter().enumerate() {
        let end = d.trajectory.position(d.trajectory.end_time());
        let want = case.to[t.target_of[i]];
        assert!(
            end.dist(want) < 1e-6,
            "{name}: drone {i} ends at {end:?}, not {want:?}"
        );
    }
    let v = validate(&show, &limits, &ValidateOptions::default());
    assert_eq!(v.violations_total, 0, "{name}: {:?}", v.violations);
    assert!(
        v.measured.min_distance_m >= limits.min_distance_m - 1e-6,
        "{name}: {} m",
        v.measured.min_distance_m
    );
    let dur = t.duration_ms() as f64 / 1000.0;
    assert!(
        dur >= t.lower_bound_s - 1e-3,
        "{name}: {dur} s below the bound {} s",
        t.lower_bound_s
    );
}

macro_rules! hard_case_tests {
    ($($test:ident => $name:literal),* $(,)?) => {$(
        #[test]
        fn $test() {
            plans_safely($name, Minimise::Time);
        }
    )*};
}

hard_case_tests! {
    rect_quarter_turn => "rect-quarter-turn",
    big_rect_quarter_turn => "big-rect-quarter-turn",
    flat_rect_quarter_turn => "flat-rect-quarter-turn",
    disc_quarter_turn => "disc-quarter-turn",
    disc_half_turn => "disc-half-turn",
    rect_quarter_turn_depth => "rect-quarter-turn-depth",
    disc_half_turn_depth => "disc-half-turn-depth",
    rect_tilt_flat => "rect-tilt-flat",
    sphere_to_picture => "sphere-to-picture",
    picture_to_sphere => "picture-to-sphere",
    rect_reshape => "rect-reshape",
    layers_merge => "layers-merge",
    picture_splits_into_layers => "picture-splits-into-layers",
    discs_merge => "discs-merge",
    disc_splits => "disc-splits",
}

#[test]
fn every_case_has_a_test() {
    let tested = 15;
    assert_eq!(hard_cases::hard_cases().len(), tested);
}

#[test]
fn the_quarter_turn_at_exact_spacing_plans_minimising_distance_too() {
    plans_safely("rect-quarter-turn", Minimise::Distance);
}
