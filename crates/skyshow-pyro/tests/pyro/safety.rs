//! The safety checks find what they should, where and when.

use skyshow_model::{Drone, FlightShow, Segment, Trajectory, Vec3};
use skyshow_pyro::{
    Audience, Catalogue, CueDesign, FiringSystem, PyroFindingKind, PyroScript, SafetyOptions,
    ScriptOptions, check_airspace, check_cue_spacing, check_pyro, check_spectator_distance,
};

use crate::fixture;

/// A drone that climbs from `home` to `at` between 10 s and 40 s, holds until 400 s.
fn hovering(home: Vec3, at: Vec3) -> Drone {
    let mut tr = Trajectory::new(home);
    tr.hold_until(10.0);
    tr.push(Segment::line(10.0, 40.0, home, at));
    tr.push(Segment::hold(40.0, 400.0, at));
    Drone {
        name: String::new(),
        home,
        trajectory: tr,
        lights: Default::default(),
    }
}

/// A 5 × 4 picture 100–130 m up, 20 m wide, over the middle of the front (x = 150).
fn picture() -> FlightShow {
    let mut drones = Vec::new();
    for i in 0..5 {
        for j in 0..4 {
            let y = -10.0 + 5.0 * i as f64;
            let z = 100.0 + 10.0 * j as f64;
            drones.push(hovering(Vec3::new(60.0, y, 0.0), Vec3::new(150.0, y, z)));
        }
    }
    FlightShow {
        title: "picture".into(),
        drones,
        ..Default::default()
    }
}

fn one_cue(design: CueDesign) -> PyroScript {
    PyroScript::build(
        &Catalogue::builtin(),
        &fixture::front(),
        &FiringSystem::cobra(7).unwrap(),
        &[design],
        &ScriptOptions::default(),
    )
    .unwrap()
}

#[test]
fn shell_bursting_inside_a_drone_picture_is_reported() {
    // A 75 mm shell at P14 (y = 0) bursts at 90 m with radius 40.5 m (+10 m margin).
    let script = one_cue(CueDesign::new("pyro.cue \"inside\"", 100.0, "SH075-R").at(["P14"]));
    let findings = check_airspace(&script, &picture(), &SafetyOptions::default());
    assert!(!findings.is_empty());
    for f in &findings {
        assert_eq!(f.kind, PyroFindingKind::DroneInBurst);
        assert_eq!(f.position, "P14");
        assert_eq!(f.source, "pyro.cue \"inside\"");
        assert_eq!(f.drones.len(), 1);
        assert!((f.limit - 50.5).abs() < 1e-9);
        assert!(f.value < f.limit);
        // From ignition (97.8 s) to the end of the effect (103 s); the drones hold still,
        // so the first moment is the closest.
        assert!((97.8..=103.0).contains(&f.time_s), "{f:?}");
    }
    // The lowest drone in the middle column (y = 0, z = 100) is 10 m from the centre.
    let middle = 2 * 4;
    let f = findings.iter().find(|f| f.drones == [middle]).unwrap();
    assert!((f.value - 10.0).abs() < 0.01, "{f:?}");
    // The top corner drones (y = ±10, z = 130) are √(40² + 10²) ≈ 41.2 m away: inside too.
    assert_eq!(findings.len(), 20);

    // The same shell fired at P01, 260 m to the side, is clear of the picture.
    let script = one_cue(CueDesign::new("pyro.cue \"outside\"", 100.0, "SH075-R").at(["P01"]));
    assert!(check_airspace(&script, &picture(), &SafetyOptions::default()).is_empty());
}

#[test]
fn airspace_is_checked_in_time_and_finds_the_closest_approach() {
    // Before the drones climb (ignition at 0.8 s, end 6 s) they are on the ground 90 m
    // from the position: well outside a 75 mm shell's 90 m-high sphere of 50.5 m.
    let early = one_cue(CueDesign::new("pyro.cue \"early\"", 3.0, "SH075-R").at(["P14"]));
    assert!(check_airspace(&early, &picture(), &SafetyOptions::default()).is_empty());

    // One drone crossing the burst on a curved path: compare with a fine sampling.
    let mut tr = Trajectory::new(Vec3::new(150.0, -200.0, 80.0));
    tr.hold_until(95.0);
    tr.push(Segment::cubic(
        95.0,
        105.0,
        [
            Vec3::new(150.0, -200.0, 80.0),
            Vec3::new(120.0, -50.0, 140.0),
            Vec3::new(190.0, 60.0, 40.0),
            Vec3::new(150.0, 200.0, 80.0),
        ],
    ));
    let show = FlightShow {
        drones: vec![Drone {
            trajectory: tr.clone(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let script = one_cue(CueDesign::new("pyro.cue \"cross\"", 100.0, "SH075-R").at(["P14"]));
    let f = check_airspace(&script, &show, &SafetyOptions::default());
    assert_eq!(f.len(), 1);
    let centre = Vec3::new(150.0, 0.0, 90.0);
    let (mut best, mut best_t) = (f64::INFINITY, 0.0);
    for i in 0..=520_000 {
        let t = 97.8 + i as f64 * 1e-5;
        let d = tr.position(t).dist(centre);
        if d < best {
            (best, best_t) = (d, t);
        }
    }
    assert!(
        (f[0].value - best).abs() < 0.011,
        "{} vs {best}",
        f[0].value
    );
    assert!(
        (f[0].time_s - best_t).abs() < 0.05,
        "{} vs {best_t}",
        f[0].time_s
    );
}

#[test]
fn position_closer_to_the_audience_than_its_calibre_allows() {
    // The audience's front edge runs along x = 60: every position is 90 m away. 100 mm
    // needs 84 m (fine), 125 mm 105 m, 150 mm 126 m.
    let audience = Audience::Line(vec![
        Vec3::new(60.0, -400.0, 0.0),
        Vec3::new(60.0, 400.0, 0.0),
    ]);
    let script = fixture::script(&FiringSystem::cobra(7).unwrap());
    let f = check_spectator_distance(&script, &audience, &SafetyOptions::default());
    assert_eq!(f.len(), 27);
    let p01 = f.iter().find(|f| f.position == "P01").unwrap();
    assert_eq!(p01.kind, PyroFindingKind::SpectatorDistance);
    assert!((p01.value - 90.0).abs() < 1e-9 && (p01.limit - 126.0).abs() < 1e-9);
    assert_eq!(p01.source, "pyro.cue \"gold-every-3\"");
    assert!((p01.time_s - 456.4).abs() < 1e-9);
    let p02 = f.iter().find(|f| f.position == "P02").unwrap();
    assert!((p02.limit - 105.0).abs() < 1e-9);
    assert_eq!(p02.source, "pyro.cue \"blue-centre\"");

    // An audience zone 130 m away from the front is far enough for everything.
    let zone = Audience::Zone(vec![
        Vec3::new(-100.0, -300.0, 0.0),
        Vec3::new(20.0, -300.0, 0.0),
        Vec3::new(20.0, 300.0, 0.0),
        Vec3::new(-100.0, 300.0, 0.0),
    ]);
    assert!(check_spectator_distance(&script, &zone, &SafetyOptions::default()).is_empty());
}

#[test]
fn cue_spacing_below_the_system_minimum() {
    let mut system = FiringSystem::cobra(7).unwrap();
    system.min_cue_spacing_ms = 500;
    let designs = [
        CueDesign::new("pyro.cue \"a\"", 50.0, "SH075-R").at(["P03"]),
        CueDesign::new("pyro.cue \"b\"", 50.2, "SH075-G").at(["P03"]),
        CueDesign::new("pyro.cue \"c\"", 50.2, "SH075-B").at(["P04"]),
    ];
    let script = PyroScript::build(
        &Catalogue::builtin(),
        &fixture::front(),
        &system,
        &designs,
        &ScriptOptions::default(),
    )
    .unwrap();
    let f = check_cue_spacing(&script);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].kind, PyroFindingKind::CueSpacing);
    assert_eq!(f[0].position, "P03");
    assert_eq!(f[0].source, "pyro.cue \"a\" / pyro.cue \"b\"");
    assert!((f[0].value - 0.2).abs() < 1e-9 && (f[0].limit - 0.5).abs() < 1e-9);
    // The festival design keeps every rule with a distant audience and no drones nearby.
    let festival = fixture::script(&FiringSystem::cobra(7).unwrap());
    let far = Audience::Line(vec![
        Vec3::new(-200.0, -400.0, 0.0),
        Vec3::new(-200.0, 400.0, 0.0),
    ]);
    assert!(check_pyro(&festival, Some(&far), None, &SafetyOptions::default()).is_empty());
}

#[test]
fn readme_placement_keeps_the_airspace_clear() {
    // Drone pictures up to 200 m wide, ±45 m deep, 30–150 m up, centred on x = 0.
    let mut drones = Vec::new();
    for x in [-45.0, 0.0, 45.0] {
        for i in 0..=10 {
            for z in [30.0, 75.0, 120.0, 150.0] {
                let at = Vec3::new(x, -100.0 + 20.0 * i as f64, z);
                drones.push(hovering(Vec3::new(x, at.y, 0.0), at));
            }
        }
    }
    let show = FlightShow {
        drones,
        ..Default::default()
    };
    let front =
        skyshow_pyro::FiringFront::line_facing("P", Vec3::new(120.0, 0.0, 0.0), 520.0, 27, 180.0)
            .unwrap();
    let wings = [
        "P01", "P02", "P03", "P04", "P05", "P06", "P22", "P23", "P24", "P25", "P26", "P27",
    ];
    let designs = [
        CueDesign::new("pyro.cue \"75\"", 100.0, "SH075-R"),
        CueDesign::new("pyro.cue \"100\"", 110.0, "SH100-G"),
        CueDesign::new("pyro.cue \"125\"", 120.0, "SH125-B").at(wings),
        CueDesign::new("pyro.cue \"150\"", 130.0, "SH150-Y").at(wings),
    ];
    let script = PyroScript::build(
        &Catalogue::builtin(),
        &front,
        &FiringSystem::cobra(7).unwrap(),
        &designs,
        &ScriptOptions::default(),
    )
    .unwrap();
    let audience = Audience::Line(vec![
        Vec3::new(-10.0, -400.0, 0.0),
        Vec3::new(-10.0, 400.0, 0.0),
    ]);
    let f = check_pyro(
        &script,
        Some(&audience),
        Some(&show),
        &SafetyOptions::default(),
    );
    assert!(f.is_empty(), "{f:?}");
    // A 150 mm shell in the middle of the front would not be.
    let mid = PyroScript::build(
        &Catalogue::builtin(),
        &front,
        &FiringSystem::cobra(7).unwrap(),
        &[CueDesign::new("pyro.cue \"mid\"", 130.0, "SH150-Y").at(["P14"])],
        &ScriptOptions::default(),
    )
    .unwrap();
    assert!(!check_airspace(&mid, &show, &SafetyOptions::default()).is_empty());
}
