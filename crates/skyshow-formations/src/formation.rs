//! `Formation`: a picture as exactly the points (and colours) the drones will fly.

use skyshow_model::{FormationDesign, INPUT_SLACK_M, Limits, Rgb, Shape, Vec3};

use crate::color::colorize;
use crate::deform::Deform;
use crate::detail::DetailShortfall;
use crate::formation_error::{FormationError, too_dense};
use crate::frame::LocalFrame;
use crate::margin::spread_to_margin;
use crate::ride::Ride;
use crate::shape_sample::{Sampling, ShapeSample};
use crate::spacing::min_spacing;

/// A formation ready to fly: points in the show frame with their colours.
#[derive(Clone, Debug, PartialEq)]
pub struct Formation {
    /// The show-file name.
    pub name: String,
    /// Positions, show frame, metres.
    pub points: Vec<Vec3>,
    /// Colour of each point.
    pub colors: Vec<Rgb>,
    /// Smallest distance between two points, metres (infinite for one point).
    pub min_spacing_m: f64,
    /// The spacing a perfectly even sampling would reach, metres, where defined
    /// (hexagonal `sqrt(2A/(√3·N))` for areas, in `fill` and `both` modes, and surfaces,
    /// `L/N` for outlines,
    /// face-centred cubic `(√2·V/N)^(1/3)` for volumes).
    pub ideal_spacing_m: Option<f64>,
    /// Hausdorff distance between the points and the shape they sample, metres, for
    /// artwork (SVG, text, image, mesh): how far the farthest part of the shape is from a
    /// point, or a point from the shape.
    pub max_shape_distance_m: Option<f64>,
    /// For artwork traced along its lines (`outline` mode): the share of the lines' length
    /// (0–1) that another line, or the far side of the same one, runs closer to than the
    /// ideal spacing `L/N`. There, points on both must take turns, so the ideal is out of
    /// reach: a large share explains a smallest spacing well below the ideal.
    pub close_lines_share: Option<f64>,
    /// How the picture changes shape during its hold (a morph sequence, a recorded
    /// animation); `None` when it keeps its shape (rigid motions may still move it).
    pub deform: Option<Deform>,
    /// For artwork: detail finer than the drones can show (parts far from every drone, or
    /// parts closer together than the drones), and what would show it; `None` when the
    /// drones render it.
    pub detail: Option<DetailShortfall>,
    /// The factor the picture was spread by about its centre (a little above 1) because
    /// its points were closer than the minimum distance plus
    /// [`skyshow_model::SPACING_MARGIN_M`], the margin the written files' rounding needs;
    /// `None` when it was not.
    pub spread: Option<f64>,
}

/// Builds a formation for a fleet of `fleet` drones.
///
/// `min_altitude_m` is the lowest altitude a picture point may have (the planner keeps
/// room below pictures for parking and landing).
pub fn build(
    design: &FormationDesign,
    fleet: usize,
    audience_azimuth_deg: f64,
    limits: &Limits,
    min_altitude_m: f64,
) -> Result<Formation, FormationError> {
    let mut sample = match ShapeSample::of(design, fleet, limits)? {
        Sampling::Points(sample) => *sample,
        Sampling::Sequence(frames) => {
            return crate::sequence::build_sequence(
                design,
                frames,
                fleet,
                audience_azimuth_deg,
                limits,
                min_altitude_m,
            );
        }
    };
    if sample.local.len() > fleet {
        return Err(FormationError::TooManyPoints {
            name: design.name.clone(),
            needed: sample.local.len(),
            fleet,
        });
    }
    let frame = LocalFrame::new(audience_azimuth_deg, &design.placement);
    let (deform, mut points) = placed(design, &mut sample, &frame);
    let colors = colorize(&design.color, &points, sample.colors.as_deref());
    let min_spacing_m = checked_spacing(design, &sample, &points, limits)?;
    // A picture that keeps its shape is spread to the margin the written files need; one
    // that deforms is flown as recorded, and checked as flown.
    // (A recorded animation always deforms.)
    let spread = match deform {
        None => spread_to_margin(
            &mut points,
            min_spacing_m,
            limits.min_distance_m,
            min_altitude_m,
            limits.max_altitude_m,
        ),
        Some(_) => None,
    };
    check_altitude(
        design,
        &points,
        sample.ride.as_ref(),
        &frame,
        limits,
        min_altitude_m,
    )?;
    Ok(Formation {
        name: design.name.clone(),
        points,
        colors,
        min_spacing_m: min_spacing_m * spread.unwrap_or(1.0),
        ideal_spacing_m: sample.ideal_spacing_m,
        max_shape_distance_m: sample.max_shape_distance_m,
        close_lines_share: sample.close_lines_share,
        deform,
        detail: sample.detail,
        spread,
    })
}

/// How the picture deforms over its hold, and its points in the show frame where the hold
/// starts (`sample.local` is taken for point lists and recorded animations, which are in
/// the show frame already).
fn placed(
    design: &FormationDesign,
    sample: &mut ShapeSample,
    frame: &LocalFrame,
) -> (Option<Deform>, Vec<Vec3>) {
    let deform = match (&design.shape, &sample.ride) {
        (Shape::Animation { clip, .. }, _) => Some(Deform::Clip(clip.clone())),
        (
            Shape::Mesh {
                animation: Some(a), ..
            },
            Some(r),
        ) => Some(Deform::Clip(r.clip(a.playback, frame))),
        _ => None,
    };
    let points: Vec<Vec3> = match (&design.shape, &deform) {
        // Point lists and recorded animations are already in the show frame.
        (Shape::Points { .. } | Shape::Animation { .. }, _) => std::mem::take(&mut sample.local),
        // A ridden mesh starts where its tracks are when the hold starts.
        (Shape::Mesh { .. }, Some(Deform::Clip(c))) => (0..sample.local.len())
            .map(|i| c.tracks.position(i, c.playback.start_s))
            .collect(),
        _ => sample.local.iter().map(|p| frame.to_show(*p)).collect(),
    };
    (deform, points)
}

/// The smallest distance between the points (over the whole clip for a ridden mesh,
/// `INFINITY` for one point); points closer than the minimum distance, beyond the
/// millimetre a lattice laid out exactly at it or a file written with 4 decimals may lose,
/// are an error.
fn checked_spacing(
    design: &FormationDesign,
    sample: &ShapeSample,
    points: &[Vec3],
    limits: &Limits,
) -> Result<f64, FormationError> {
    // A deforming mesh keeps its spacing over the whole clip, not only where it starts.
    let closest = match &sample.ride {
        Some(r) => r.closest.map(|c| (c.dist, c.i as usize, c.j as usize)),
        None => min_spacing(points),
    };
    // Points within a millimetre of the minimum distance (a lattice laid out exactly at it,
    // a file written with 4 decimals) are taken, and spread below for the margin.
    if let Some(closest) = closest
        && closest.0 < limits.min_distance_m - INPUT_SLACK_M
    {
        return Err(too_dense(
            design,
            sample.size,
            closest,
            limits.min_distance_m,
        ));
    }
    Ok(closest.map_or(f64::INFINITY, |c| c.0))
}

/// Every point, and every point of a ridden mesh's tracks, within the altitude band
/// from `min_altitude_m` to the limits' ceiling.
fn check_altitude(
    design: &FormationDesign,
    points: &[Vec3],
    ride: Option<&Ride>,
    frame: &LocalFrame,
    limits: &Limits,
    min_altitude_m: f64,
) -> Result<(), FormationError> {
    let moving = ride
        .into_iter()
        .flat_map(|r| r.tracks.iter().map(|p| frame.to_show(*p)));
    let (lo, hi) = points
        .iter()
        .copied()
        .chain(moving)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), p| {
            (l.min(p.z), h.max(p.z))
        });
    let high = limits.max_altitude_m;
    if lo < min_altitude_m - 1e-9 || hi > high + 1e-9 {
        let bad = if lo < min_altitude_m { lo } else { hi };
        return Err(FormationError::Altitude {
            name: design.name.clone(),
            altitude_m: bad,
            low_m: min_altitude_m,
            high_m: high,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::{ColorDesign, Placement, TransitionDesign};

    fn design(shape: Shape) -> FormationDesign {
        FormationDesign {
            name: "f".into(),
            chapter: 0,
            start_s: None,
            start_next: None,
            hold_s: 10.0,
            hold_music: None,
            shape,
            placement: Placement {
                center: Vec3::new(0.0, 0.0, 60.0),
                roll_deg: 0.0,
                tilt_deg: 0.0,
                turn_deg: 0.0,
            },
            color: ColorDesign::Solid(Rgb::WHITE),
            transition: TransitionDesign::default(),
            motion: Vec::new(),
        }
    }

    #[test]
    fn too_small_says_smallest_size() {
        let e = build(
            &design(Shape::Circle {
                radius_m: 10.0,
                count: None,
            }),
            100,
            180.0,
            &Limits::DEFAULT,
            10.0,
        )
        .unwrap_err();
        let FormationError::TooDense { hint, .. } = &e else {
            panic!("{e:?}")
        };
        let hint = hint.english();
        // 100 points on a circle need circumference ≥ 100 × 3 m → r ≥ 47.75 m.
        assert!(hint.contains("`radius_m` ≥ 47.7"), "{hint}");
        // And that size works.
        build(
            &design(Shape::Circle {
                radius_m: 47.8,
                count: None,
            }),
            100,
            180.0,
            &Limits::DEFAULT,
            10.0,
        )
        .unwrap();
    }

    #[test]
    fn count_uses_part_of_fleet() {
        let f = build(
            &design(Shape::Line {
                length_m: 90.0,
                count: Some(20),
            }),
            600,
            180.0,
            &Limits::DEFAULT,
            10.0,
        )
        .unwrap();
        assert_eq!(f.points.len(), 20);
        assert!((f.min_spacing_m - 90.0 / 19.0).abs() < 1e-9);
    }

    #[test]
    fn too_many_points_is_an_error() {
        let pts = vec![
            Vec3::new(0.0, 0.0, 50.0),
            Vec3::new(0.0, 5.0, 50.0),
            Vec3::new(0.0, 10.0, 50.0),
        ];
        let e = build(
            &design(Shape::Points {
                points: pts,
                colors: None,
            }),
            2,
            180.0,
            &Limits::DEFAULT,
            10.0,
        )
        .unwrap_err();
        assert_eq!(
            e,
            FormationError::TooManyPoints {
                name: "f".into(),
                needed: 3,
                fleet: 2
            }
        );
    }

    #[test]
    fn altitude_band_is_enforced() {
        let e = build(
            &design(Shape::Circle {
                radius_m: 55.0,
                count: Some(50),
            }),
            600,
            180.0,
            &Limits::DEFAULT,
            10.0,
        )
        .unwrap_err();
        assert!(matches!(e, FormationError::Altitude { .. }), "{e:?}");
    }

    fn drawing(size: f64) -> Shape {
        let h = size / 2.0;
        let mut d = Shape::blank_drawing(size, size, 1);
        d.area = vec![vec![[-h, -h], [h, -h], [h, h], [-h, h]]];
        Shape::Svg {
            drawing: d,
            count: None,
        }
    }

    #[test]
    fn artwork_too_small_says_a_size_that_works() {
        let e = build(&design(drawing(40.0)), 300, 180.0, &Limits::DEFAULT, 10.0).unwrap_err();
        let FormationError::TooDense { hint, .. } = &e else {
            panic!("{e:?}")
        };
        let hint = hint.english();
        assert!(hint.contains("`width_m` ≥ "), "{hint}");
        let w: f64 = hint
            .split("`width_m` ≥ ")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .and_then(|v| v.parse().ok())
            .unwrap();
        assert!(w > 40.0 && w < 70.0, "{hint}");
        let f = build(&design(drawing(w)), 300, 180.0, &Limits::DEFAULT, 10.0).unwrap();
        assert_eq!(f.points.len(), 300);
        assert!(f.min_spacing_m >= 3.0);
        assert!(f.max_shape_distance_m.unwrap() > 0.0);
    }

    #[test]
    fn empty_artwork_is_an_error() {
        let d = Shape::blank_drawing(10.0, 10.0, 1);
        let e = build(
            &design(Shape::Svg {
                drawing: d,
                count: None,
            }),
            10,
            180.0,
            &Limits::DEFAULT,
            10.0,
        )
        .unwrap_err();
        // One line for what is wrong, one for the fix; never "points 0.00 m apart".
        assert!(
            matches!(&e, FormationError::Empty { why, .. } if why.english().contains("no filled area")),
            "{e:?}"
        );
        assert!(e.hint().contains("mode = \"outline\""), "{}", e.hint());
        assert!(!e.to_string().contains("apart"), "{e}");
    }
}
