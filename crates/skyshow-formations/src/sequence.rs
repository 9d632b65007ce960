//! Building a morph sequence (`Shape::Sequence`): every frame sampled like a formation of
//! its own, all with the same number of drones.

use skyshow_i18n::msg;
use skyshow_model::{FormationDesign, Limits, SequenceFrame, Shape};

use crate::deform::{Deform, MorphFrame};
use crate::formation::{Formation, build};
use crate::formation_error::FormationError;

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
                why: msg!("sequence-frame-kind", kind = frame.shape.kind()),
                hint: msg!("sequence-frame-kind-hint"),
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
                why: msg!(
                    "formation-frame-count",
                    frame = k + 1,
                    drones = f.points.len(),
                    first = first.points.len()
                ),
                hint: msg!("formation-frame-count-hint", first = first.points.len()),
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
            hint: msg!("formation-in-frame", frame = k + 1, text = hint),
        },
        FormationError::Altitude {
            name,
            altitude_m,
            low_m,
            high_m,
        } => FormationError::Sequence {
            name,
            why: msg!(
                "formation-frame-altitude",
                frame = k + 1,
                altitude = format!("{altitude_m:.1}"),
                low = format!("{low_m:.1}"),
                high = format!("{high_m:.1}")
            ),
            hint: msg!(
                "formation-frame-altitude-hint",
                frame = k + 1,
                low = format!("{low_m:.1}"),
                high = format!("{high_m:.1}")
            ),
        },
        other => other,
    }
}
