//! A moving formation in `skyshow formation`: its hold's motion resolved, checked against
//! the limits and fitted exactly as `build` flies it, and the flown curves as a show of
//! their own (for the Skybrush CSV zip).

use miette::{Result, miette};
use skyshow_formations::Formation;
use skyshow_i18n::msg;
use skyshow_model::{
    Drone, FlightShow, FormationDesign, LightProgram, LightStep, Limits, Shape, Trajectory,
};
use skyshow_plan::PlanError;
use skyshow_plan::motion::{HoldClock, MotionOptions, PlannedHold, motion_spec, plan_motion};

use crate::formation_spec::FormationSpec;

/// Hold of a still formation spec that does not give one, seconds (what its zip shows).
pub(crate) const STILL_HOLD_S: f64 = 1.0;

/// Whether a formation spec sets its `hold` (a `hold` key before its first table).
pub(crate) fn spec_sets_hold(spec: &str) -> bool {
    spec.lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with('['))
        .filter_map(|l| l.split_once('='))
        .any(|(k, _)| matches!(k.trim(), "hold" | "\"hold\"" | "'hold'"))
}

/// The motion of `f` (built as `formation`) over its hold, from 0 s: `None` when it stands
/// still. Refused (with the figure, the limit and a fix, in the terms of `spec`: its keys
/// or the command's flags) when the motion is beyond `limits`, or when a moving spec gives
/// no `hold` (`has_hold`) or a musical one.
pub(crate) fn plan(
    f: &FormationDesign,
    formation: &Formation,
    audience_azimuth_deg: f64,
    limits: &Limits,
    has_hold: bool,
    spec: &FormationSpec,
) -> Result<Option<PlannedHold>> {
    let motion = motion_spec(f, formation, audience_azimuth_deg);
    if !motion.is_moving() {
        return Ok(None);
    }
    if let Some(len) = f.hold_music {
        let e = PlanError::HoldWithoutMusic {
            formation: f.name.clone(),
            length: len.to_string(),
        };
        return Err(miette!(
            help = msg!("formation-moving-hold-hint").to_string(),
            "{e}"
        ));
    }
    if !has_hold && spec.is_from_flags() {
        return Err(animated_needs_hold(f, spec));
    }
    if !has_hold {
        return Err(miette!(
            help = msg!("formation-moving-hold-hint").to_string(),
            "{}",
            msg!("formation-moving-needs-hold", formation = f.name.as_str())
        ));
    }
    let clock = HoldClock {
        start_s: 0.0,
        end_s: (f.hold_s * 1000.0).round() / 1000.0,
        music: None,
    };
    // The ground is the floor: on its own a formation has no takeoff layers below it.
    plan_motion(&motion, &clock, limits, &MotionOptions::DEFAULT, 0.0).map_err(|e| {
        miette!(
            help = spec.in_flag_terms(e.hint()),
            "{}",
            spec.in_flag_terms(&e)
        )
    })
}

/// The refusal of an animated glTF file sampled from flags with neither `--hold` (to fly
/// the clip) nor `--at` (a still picture from it), which offers both and `--still`.
fn animated_needs_hold(f: &FormationDesign, spec: &FormationSpec) -> miette::Report {
    let (name, length) = match &f.shape {
        Shape::Mesh {
            animation: Some(a), ..
        } => (a.name.clone(), a.clip_length_s()),
        _ => (String::new(), 0.0),
    };
    // A hold as long as the clip plays at its own speed, in whole seconds, and its middle.
    let hold = length.ceil().max(1.0);
    let at = (length * 50.0).round() / 100.0;
    miette!(
        help = msg!(
            "formation-animated-hold-hint",
            hold = hold.to_string(),
            at = at.to_string()
        )
        .to_string(),
        "{}",
        msg!(
            "formation-animated-needs-hold",
            input = spec.name.as_str(),
            animation = name,
            length = format!("{length:.2}")
        )
    )
}

/// The formation as a show of its own over `hold_s`: drone `i` (`Drone i+1`) flies point
/// `i`'s curves of `hold` (or stays at the point), lit in the point's colour throughout.
pub(crate) fn flown(formation: &Formation, hold: Option<&PlannedHold>, hold_s: f64) -> FlightShow {
    let drones = formation
        .points
        .iter()
        .zip(&formation.colors)
        .enumerate()
        .map(|(i, (p, c))| {
            let curves = hold.map_or(&[][..], |h| &h.fitted.curves[i][..]);
            let mut trajectory = Trajectory::new(curves.first().map_or(*p, |s| s.start()));
            for s in curves {
                trajectory.hold_until(s.t0);
                trajectory.push(*s);
            }
            trajectory.hold_until(hold_s);
            Drone {
                name: format!("Drone {}", i + 1),
                home: *p,
                trajectory,
                lights: LightProgram {
                    steps: vec![LightStep {
                        t0: 0.0,
                        t1: hold_s,
                        from: *c,
                        to: *c,
                    }],
                    bytecode: Vec::new(),
                },
            }
        })
        .collect();
    FlightShow {
        title: formation.name.clone(),
        drones,
        ..FlightShow::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hold_is_found_among_the_spec_keys_only() {
        assert!(spec_sets_hold(
            "name = \"a\"\nhold = 20\nshape = \"line\"\n"
        ));
        assert!(spec_sets_hold("  hold=\"8 bars\"\n"));
        assert!(!spec_sets_hold("name = \"hold\"\nholds = 2\n"));
        assert!(!spec_sets_hold(
            "name = \"a\"\n[[chapter.formation.motion]]\nhold = 3\n"
        ));
    }
}
