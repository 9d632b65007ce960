//! Bad input gives an error that names the cue, product or position, with a hint.

use skyshow_model::Vec3;
use skyshow_pyro::{
    Catalogue, CueDesign, FiringFront, FiringSystem, Position, PyroError, PyroScript, Rack,
    ScriptOptions,
};

use crate::fixture;

fn build(designs: &[CueDesign], front: &FiringFront, system: &FiringSystem) -> PyroError {
    PyroScript::build(
        &Catalogue::builtin(),
        front,
        system,
        designs,
        &ScriptOptions::default(),
    )
    .unwrap_err()
}

#[test]
fn unknown_product_names_the_cue_and_suggests() {
    let e = build(
        &[CueDesign::new("pyro.cue \"x\"", 10.0, "SH100-X")],
        &fixture::front(),
        &FiringSystem::cobra(7).unwrap(),
    );
    assert!(matches!(e, PyroError::UnknownProduct { .. }));
    let m = e.to_string();
    assert!(
        m.starts_with("pyro.cue \"x\": unknown product \"SH100-X\""),
        "{m}"
    );
    assert!(m.contains("help: did you mean"), "{m}");
}

#[test]
fn cue_before_the_music_names_cue_position_and_earliest_time() {
    // A 150 mm shell lifts 3.6 s: an effect at 2 s would ignite at −1.6 s.
    let e = build(
        &[CueDesign::new("pyro.cue \"early\"", 2.0, "SH150-R").at(["P05"])],
        &fixture::front(),
        &FiringSystem::cobra(7).unwrap(),
    );
    let PyroError::CueBeforeStart {
        ref cue,
        ref position,
        earliest_s,
        ..
    } = e
    else {
        panic!("{e}")
    };
    assert_eq!(cue, "pyro.cue \"early\"");
    assert_eq!(position, "P05");
    assert!((earliest_s - 3.6).abs() < 1e-9);
    assert!(
        e.to_string()
            .contains("help: move the effect to 3.600 s or later"),
        "{e}"
    );
}

#[test]
fn too_many_cues_for_a_module() {
    let mut p = Position::new("A", Vec3::ZERO);
    p.modules = vec![7];
    let front = FiringFront::from_positions(vec![p]).unwrap();
    let mut d = CueDesign::new("pyro.cue \"barrage\"", 20.0, "SH075-R");
    d.count = 19; // Cobra modules have 18 pins.
    let e = build(&[d], &front, &FiringSystem::cobra(7).unwrap());
    assert!(
        matches!(
            e,
            PyroError::ModuleOutOfPins {
                cues: 19,
                pins: 18,
                ..
            }
        ),
        "{e}"
    );
    assert!(
        e.to_string()
            .contains("position A has 19 cues but its modules [7] have only 18 pins"),
        "{e}"
    );
}

#[test]
fn automatic_addressing_runs_out_of_modules() {
    let front = FiringFront::line("P", Vec3::ZERO, Vec3::new(0.0, 100.0, 0.0), 2).unwrap();
    let mut system = FiringSystem::generic();
    system.last_module = 2;
    system.pins_per_module = 4;
    let mut d = CueDesign::new("pyro.cue \"many\"", 20.0, "SH075-R");
    d.count = 5; // 2 modules at P01, then P02 finds none.
    let e = build(&[d], &front, &system);
    assert!(
        matches!(e, PyroError::OutOfModules { module: 3, .. }),
        "{e}"
    );
    assert!(e.to_string().contains("position P02 needs module 3"), "{e}");
}

#[test]
fn unknown_position_and_racks_too_small() {
    let e = build(
        &[CueDesign::new("pyro.cue \"x\"", 10.0, "SH075-R").at(["Q9"])],
        &fixture::front(),
        &FiringSystem::firetek(),
    );
    assert!(e.to_string().contains("unknown position \"Q9\""), "{e}");

    let mut p = Position::new("A", Vec3::ZERO);
    p.racks = vec![Rack {
        calibre_mm: 75.0,
        tubes: 2,
    }];
    let front = FiringFront::from_positions(vec![p]).unwrap();
    let mut d = CueDesign::new("pyro.cue \"y\"", 10.0, "SH075-R");
    d.count = 3;
    let e = build(&[d], &front, &FiringSystem::firetek());
    assert!(
        matches!(
            e,
            PyroError::NotEnoughTubes {
                needed: 3,
                tubes: 2,
                ..
            }
        ),
        "{e}"
    );
}

#[test]
fn catalogue_errors_name_the_product() {
    let toml = |cal: &str, pf: &str| {
        format!(
            "[[product]]\npart = \"BIG\"\nkind = \"shell\"\ncalibre_mm = {cal}\nprefire_s = {pf}\nduration_s = 4\ncolour = \"red\"\neffect = \"Big\"\n"
        )
    };
    let e = Catalogue::from_toml(&toml("12", "2"), "show.toml").unwrap_err();
    assert!(
        e.to_string()
            .starts_with("product \"BIG\": calibre 12 mm is out of range for a shell (50–300 mm)"),
        "{e}"
    );
    let e = Catalogue::from_toml(&toml("100", "-0.5"), "show.toml").unwrap_err();
    assert!(
        e.to_string()
            .starts_with("product \"BIG\": prefire -0.5 s is negative"),
        "{e}"
    );
}
