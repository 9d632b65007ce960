//! Building a morph sequence (`Shape::Sequence`): every frame sampled like a formation of
//! its own, all with the same number of drones.

use skyshow_model::{FormationDesign, Limits, SequenceFrame, Shape};

use crate::deform::{Deform, MorphFrame};
use crate::formation::{Formation, FormationError, build};

/// Builds each frame of a sequence and returns the first frame's formation carrying all of
/// them as [`Deform::Morph`].
pub(crate) fn build_sequence(
    design: &FormationDesign,
    frames: &[SequenceFrame],
    fleet: usize,
    audience_azimuth_deg: f64,
    limits: &Limits,
    min_altitude_m: f64,
) -> Result<Formation, FormationError> {
    let mut built: Vec<Formation> = Vec::with_capacity(frames.len());
    for (k, frame) in frames.iter().enumerate() {
        if matches!(
            frame.shape,
            Shape::Sequence { .. } | Shape::Animation { .. }
        ) {
            return Err(FormationError::Sequence {
                name: design.name.clone(),
                why: format!("frame {} is a {}", k + 1, frame.shape.kind()),
                hint: "each frame is a still picture: text, svg, image, mesh, points or a parametric shape".into(),
            });
        }
        let one = FormationDesign {
            name: design.name.clone(),
            shape: frame.shape.clone(),
            ..design.clone()
        };
        let f = build(&one, fleet, audience_azimuth_deg, limits, min_altitude_m)
            .map_err(|e| in_frame(e, k))?;
        if let Some(first) = built.first()
            && first.points.len() != f.points.len()
        {
            return Err(FormationError::Sequence {
                name: design.name.clone(),
                why: format!(
                    "frame {} has {} drones but frame 1 has {}",
                    k + 1,
                    f.points.len(),
                    first.points.len()
                ),
                hint: format!(
                    "give every frame the same `count` (now {} in frame 1)",
                    first.points.len()
                ),
            });
        }
        built.push(f);
    }
    let morph: Vec<MorphFrame> = built
        .iter()
        .zip(frames)
        .map(|(f, d)| MorphFrame {
            points: f.points.clone(),
            colors: f.colors.clone(),
            at: d.at,
            morph: d.morph,
        })
        .collect();
    let mut first = built.swap_remove(0);
    first.min_spacing_m = built
        .iter()
        .map(|f| f.min_spacing_m)
        .fold(first.min_spacing_m, f64::min);
    first.deform = Some(Deform::Morph(morph));
    Ok(first)
}

/// A frame's error, saying which frame it is.
fn in_frame(e: FormationError, k: usize) -> FormationError {
    match e {
        FormationError::TooDense {
            name,
            spacing_m,
            min_distance_m,
            hint,
        } => FormationError::TooDense {
            name,
            spacing_m,
            min_distance_m,
            hint: format!("frame {}: {hint}", k + 1),
        },
        FormationError::Altitude {
            name,
            altitude_m,
            low_m,
            high_m,
        } => FormationError::Sequence {
            name,
            why: format!(
                "frame {} reaches {altitude_m:.1} m altitude, outside {low_m:.1}–{high_m:.1} m",
                k + 1
            ),
            hint: format!(
                "move `center` or shrink frame {} so it stays between {low_m:.1} and {high_m:.1} m",
                k + 1
            ),
        },
        other => other,
    }
}
