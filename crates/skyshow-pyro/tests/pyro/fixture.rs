//! A festival-like fireworks design: a 520 m front of 27 positions, four chapters, the
//! four colours and a finale.

use skyshow_model::Vec3;
use skyshow_pyro::{
    Catalogue, ChapterMark, CueDesign, FiringFront, FiringSystem, Pattern, PyroScript,
    ScriptOptions,
};

pub(crate) fn front() -> FiringFront {
    // Audience at −X; the front runs along Y at x = 150 m, left (seen from the audience,
    // who look towards +X) is +Y.
    FiringFront::line(
        "P",
        Vec3::new(150.0, 260.0, 0.0),
        Vec3::new(150.0, -260.0, 0.0),
        27,
    )
    .unwrap()
}

pub(crate) fn options() -> ScriptOptions {
    let chapter = |name: &str, start_s: f64| ChapterMark {
        name: name.to_string(),
        start_s,
    };
    ScriptOptions {
        start_s: 0.0,
        chapters: vec![
            chapter("春潮涌动", 0.0),
            chapter("花开盛世", 220.0),
            chapter("山河锦绣", 450.0),
            chapter("梦想启航", 680.0),
        ],
    }
}

pub(crate) fn designs() -> Vec<CueDesign> {
    vec![
        CueDesign::new("pyro.cue \"opening\"", 12.0, "SH075-R").pattern(Pattern::LeftToRight, 0.25),
        CueDesign::new("pyro.cue \"green-wave\"", 30.05, "SH100-G")
            .pattern(Pattern::RightToLeft, 0.13),
        CueDesign::new("pyro.cue \"blue-centre\"", 240.0, "SH125-B")
            .pattern(Pattern::CentreOut, 0.5),
        CueDesign::new("pyro.cue \"gold-every-3\"", 460.0, "SH150-Y")
            .pattern(Pattern::EveryNth(3), 0.0),
        CueDesign::new("pyro.cue \"comets\"", 470.0, "CM030-S")
            .at(["P01", "P27", "P14"])
            .pattern(Pattern::OutsideIn, 1.0),
        CueDesign::new("pyro.cue \"cakes\"", 700.0, "CK025-Y").chapter("梦想启航"),
        CueDesign::new("pyro.cue \"finale\"", 880.0, "SH100-R").pattern(Pattern::AllAtOnce, 0.0),
        CueDesign::new("pyro.cue \"finale-gold\"", 881.37, "SH075-Y")
            .pattern(Pattern::CentreOut, 0.07),
    ]
}

pub(crate) fn script(system: &FiringSystem) -> PyroScript {
    PyroScript::build(
        &Catalogue::builtin(),
        &front(),
        system,
        &designs(),
        &options(),
    )
    .unwrap()
}
