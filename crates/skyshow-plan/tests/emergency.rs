//! The emergency return: an entry for every whole second, re-flown with the validator from
//! triggers on and between the whole seconds, and the stretches where landing in place is
//! safe (never a vertical picture).

use skyshow_import::LoadedShow;
use skyshow_model::{FlightShow, Limits};
use skyshow_plan::emergency::{EmergencyPlan, ReturnAction};
use skyshow_plan::{PlanOptions, ShowPlan, plan_emergency, plan_show};
use skyshow_validate::{ValidateOptions, ViolationKind, validate};

/// A flat picture (land-in-place safe), a vertical one turning about the vertical (moving
/// seconds), then a vertical column stacked above itself.
const SHOW: &str = "title = \"t\"\n[fleet]\ndrones = 12\n[fleet.grid]\nrows = 3\ncolumns = 4\nspacing_m = 4\n\
[[chapter]]\nname = \"c\"\n\
[[chapter.formation]]\nname = \"flat\"\nhold = 4\nshape = \"circle\"\nradius_m = 9\ntilt_deg = 90\ncenter = [0, 0, 25]\n\
[[chapter.formation]]\nname = \"wall\"\nhold = 6\nshape = \"circle\"\nradius_m = 9\ncenter = [0, 0, 30]\n\
[[chapter.formation.motion]]\nkind = \"rotate\"\naxis = \"up\"\nturns = 0.25\n\
[[chapter.formation]]\nname = \"column\"\nhold = 4\nshape = \"grid\"\nwidth_m = 1\nheight_m = 44\nrows = 12\ncolumns = 1\ncenter = [0, 0, 37]\n";

fn planned() -> (ShowPlan, Limits, EmergencyPlan) {
    let design = LoadedShow::from_text("show.toml", SHOW, std::path::Path::new("."))
        .unwrap_or_else(|e| panic!("{e:?}"))
        .design;
    let plan = plan_show(&design, &PlanOptions::DEFAULT).unwrap_or_else(|e| panic!("{e}"));
    let e = plan_emergency(&plan, &design.limits, &PlanOptions::DEFAULT, 1);
    (plan, design.limits, e)
}

/// The show as flown when the return of entry `k` is triggered at `tau` seconds: every
/// drone stops where the show has it and flies the entry's flight from there.
fn triggered(plan: &ShowPlan, e: &EmergencyPlan, k: usize, tau: f64) -> FlightShow {
    let at: Vec<_> = plan.trajectories.iter().map(|t| t.position(tau)).collect();
    e.returns[e.entries[k].plan].triggered(&at)
}

#[test]
fn every_second_has_a_safe_entry_and_the_validator_agrees_between_seconds() {
    let (plan, limits, e) = planned();
    let seconds = (plan.end_ms + 999) / 1000;
    assert_eq!(e.entries.len() as i64, seconds);
    let unsafe_: Vec<_> = e
        .entries
        .iter()
        .filter(|x| x.unsafe_why.is_some())
        .map(|x| (x.time_s, x.unsafe_why.clone()))
        .collect();
    assert!(unsafe_.is_empty(), "{unsafe_:?}");
    for (k, entry) in e.entries.iter().enumerate() {
        assert_eq!(entry.time_s, k as i64);
    }
    assert!(
        e.min_distance_m() >= limits.min_distance_m - 1e-6,
        "{}",
        e.min_distance_m()
    );
    // Still pictures share their plan: far fewer plans than seconds.
    assert!(
        e.returns.len() < e.entries.len(),
        "{} plans",
        e.returns.len()
    );
    // Drones on their slots before takeoff land where they are; in the air they fly home.
    assert!(matches!(
        e.returns[e.entries[0].plan].actions[0],
        ReturnAction::Land { .. }
    ));
    let mid = plan.formations[1].start_ms as usize / 1000 + 1;
    assert!(
        e.returns[e.entries[mid].plan]
            .actions
            .iter()
            .all(|a| matches!(a, ReturnAction::Go { .. }))
    );
    // Re-fly a sample with the validator, on and between the whole seconds, moving
    // seconds (the turning wall, the transitions) included.
    let mut flown = 0;
    for k in (0..e.entries.len()).step_by(3) {
        for frac in [0.0, 0.37, 0.93] {
            let tau = k as f64 + frac;
            let show = triggered(&plan, &e, k, tau);
            let v = validate(&show, &limits, &ValidateOptions::default());
            let close: Vec<_> = v
                .violations
                .iter()
                .filter(|x| x.kind == ViolationKind::MinDistance)
                .collect();
            assert!(close.is_empty(), "trigger at {tau} s: {close:?}");
            flown += 1;
        }
    }
    assert!(flown > 30, "{flown}");
}

#[test]
fn landing_in_place_is_safe_over_the_flat_picture_and_never_over_the_column() {
    let (plan, _, e) = planned();
    let safe = &e.land_in_place;
    let hold = |k: usize| {
        let f = &plan.formations[k];
        (f.start_ms as f64 / 1000.0, f.end_ms as f64 / 1000.0)
    };
    let (a, b) = hold(0);
    assert!(safe.is_safe_at(0.5 * (a + b)), "{:?} {a}–{b}", safe.safe_s);
    let (a, b) = hold(2);
    let mut t = a.floor();
    while t < b {
        assert!(!safe.is_safe_at(t), "column at {t}: {:?}", safe.safe_s);
        t += 0.25;
    }
    let (a, b) = hold(1);
    assert!(!safe.is_safe_at(0.5 * (a + b)), "wall: {:?}", safe.safe_s);
    // And every safe stretch is safe: sampled horizontal distances.
    let n = plan.homes.len();
    for &(from, to) in &safe.safe_s {
        let mut t = from;
        while t < to {
            for i in 0..n {
                for j in i + 1..n {
                    let (p, q) = (
                        plan.trajectories[i].position(t),
                        plan.trajectories[j].position(t),
                    );
                    if p.z < 2.5 && q.z < 2.5 {
                        continue;
                    }
                    let h = ((p.x - q.x).powi(2) + (p.y - q.y).powi(2)).sqrt();
                    assert!(h >= 3.0 - 1e-6, "{i},{j} at {t}: {h}");
                }
            }
            t += 0.05;
        }
    }
}

#[test]
fn the_plan_is_the_same_on_one_thread_or_two_and_from_the_cache() {
    use skyshow_model::MemoryCache;
    use skyshow_plan::plan_emergency_cached;
    let design = LoadedShow::from_text("show.toml", SHOW, std::path::Path::new("."))
        .unwrap_or_else(|e| panic!("{e:?}"))
        .design;
    let opts = PlanOptions::DEFAULT;
    let plan = plan_show(&design, &opts).unwrap_or_else(|e| panic!("{e}"));
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| plan_emergency(&plan, &design.limits, &opts, 1))
    };
    let one = on(1);
    assert_eq!(one, on(2));
    // Cached: a miss stores it, a hit gives it back bit for bit.
    let mut cache = MemoryCache::default();
    let (fresh, hit) = plan_emergency_cached(&plan, &design.limits, &opts, 1, &mut cache);
    assert!(!hit);
    assert_eq!(fresh, one);
    assert_eq!(cache.entries.len(), 1);
    let (again, hit) = plan_emergency_cached(&plan, &design.limits, &opts, 1, &mut cache);
    assert!(hit);
    assert_eq!(again, one);
    // Another interval is another entry.
    let (two_s, hit) = plan_emergency_cached(&plan, &design.limits, &opts, 2, &mut cache);
    assert!(!hit);
    assert_eq!(two_s.interval_s, 2);
    assert_eq!(cache.entries.len(), 2);
    // A damaged entry is a miss (the unit tests flip every byte), and the plan is made
    // again, the same.
    let mut damaged = MemoryCache::default();
    plan_emergency_cached(&plan, &design.limits, &opts, 1, &mut damaged);
    for v in damaged.entries.values_mut() {
        let k = v.len() - 9;
        v[k] ^= 0x20;
    }
    let (remade, hit) = plan_emergency_cached(&plan, &design.limits, &opts, 1, &mut damaged);
    assert!(!hit);
    assert_eq!(remade, one);
}
