//! `Formation`: a picture as exactly the points (and colours) the drones will fly.

use std::f64::consts::PI;

use skyshow_model::{FormationDesign, Limits, Rgb, Shape, Vec3};

use crate::color::colorize;
use crate::frame::LocalFrame;
use crate::shapes;
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
    /// (hexagonal `sqrt(2A/(√3·N))` for areas and surfaces, `L/N` for outlines).
    pub ideal_spacing_m: Option<f64>,
}

/// Why a formation cannot be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FormationError {
    /// Points closer than the minimum distance.
    #[error(
        "formation `{name}`: points {spacing_m:.2} m apart, closer than the {min_distance_m} m minimum distance"
    )]
    TooDense {
        /// Formation.
        name: String,
        /// Spacing found, metres.
        spacing_m: f64,
        /// The limit, metres.
        min_distance_m: f64,
        /// Hint: what to change.
        hint: String,
    },
    /// More points than drones.
    #[error("formation `{name}` needs {needed} drones but the fleet has {fleet}")]
    TooManyPoints {
        /// Formation.
        name: String,
        /// Points in the picture.
        needed: usize,
        /// Drones in the fleet.
        fleet: usize,
    },
    /// Points outside the allowed altitude band.
    #[error(
        "formation `{name}` reaches {altitude_m:.1} m altitude, outside {low_m:.1}–{high_m:.1} m"
    )]
    Altitude {
        /// Formation.
        name: String,
        /// The offending altitude, metres.
        altitude_m: f64,
        /// Lowest allowed, metres.
        low_m: f64,
        /// Highest allowed, metres.
        high_m: f64,
    },
}

impl FormationError {
    /// A hint for the user.
    pub fn hint(&self) -> String {
        match self {
            FormationError::TooDense { hint, .. } => hint.clone(),
            FormationError::TooManyPoints { needed, .. } => {
                format!("raise `fleet.drones` to at least {needed}, or use fewer points")
            }
            FormationError::Altitude { low_m, high_m, .. } => {
                format!(
                    "move `center` or shrink the shape so it stays between {low_m:.1} and {high_m:.1} m"
                )
            }
        }
    }
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
    let frame = LocalFrame::new(audience_azimuth_deg, &design.placement);
    let n_of = |count: &Option<usize>| count.unwrap_or(fleet);
    let (local, own_colors, size_name, ideal): (Vec<Vec3>, Option<&[Rgb]>, String, Option<f64>) =
        match &design.shape {
            Shape::Grid {
                width_m,
                height_m,
                rows,
                columns,
                count,
            } => {
                let n = n_of(count);
                if let (Some(r), Some(c)) = (rows, columns)
                    && r * c < n
                {
                    return Err(FormationError::TooManyPoints {
                        name: design.name.clone(),
                        needed: n,
                        fleet: r * c,
                    });
                }
                let area = width_m * height_m;
                (
                    shapes::grid(*width_m, *height_m, *rows, *columns, n),
                    None,
                    format!(
                        "`width_m` ≥ {{w}} and `height_m` ≥ {{h}} (now {width_m} × {height_m})"
                    ),
                    (area > 0.0).then(|| (2.0 * area / (3f64.sqrt() * n as f64)).sqrt()),
                )
            }
            Shape::Circle { radius_m, count } => {
                let n = n_of(count);
                (
                    shapes::circle(*radius_m, n),
                    None,
                    format!("`radius_m` ≥ {{r}} (now {radius_m})"),
                    Some(2.0 * PI * radius_m / n as f64),
                )
            }
            Shape::Disc { radius_m, count } => {
                let n = n_of(count);
                let area = PI * radius_m * radius_m;
                (
                    shapes::sunflower(0.0, *radius_m, n),
                    None,
                    format!("`radius_m` ≥ {{r}} (now {radius_m})"),
                    Some((2.0 * area / (3f64.sqrt() * n as f64)).sqrt()),
                )
            }
            Shape::Ring {
                inner_radius_m,
                outer_radius_m,
                count,
            } => {
                let n = n_of(count);
                let area = PI * (outer_radius_m * outer_radius_m - inner_radius_m * inner_radius_m);
                (
                    shapes::sunflower(*inner_radius_m, *outer_radius_m, n),
                    None,
                    format!(
                        "`inner_radius_m` and `outer_radius_m` scaled by {{k}} (now {inner_radius_m}, {outer_radius_m})"
                    ),
                    Some((2.0 * area / (3f64.sqrt() * n as f64)).sqrt()),
                )
            }
            Shape::Sphere { radius_m, count } => {
                let n = n_of(count);
                let area = 4.0 * PI * radius_m * radius_m;
                (
                    shapes::sphere(*radius_m, n),
                    None,
                    format!("`radius_m` ≥ {{r}} (now {radius_m})"),
                    Some((2.0 * area / (3f64.sqrt() * n as f64)).sqrt()),
                )
            }
            Shape::Helix {
                radius_m,
                height_m,
                turns,
                count,
            } => {
                let n = n_of(count);
                let len = ((2.0 * PI * radius_m * turns).powi(2) + height_m * height_m).sqrt();
                (
                    shapes::helix(*radius_m, *height_m, *turns, n),
                    None,
                    format!(
                        "`radius_m` and `height_m` scaled by {{k}} (now {radius_m}, {height_m})"
                    ),
                    Some(len / n as f64),
                )
            }
            Shape::Line { length_m, count } => {
                let n = n_of(count);
                (
                    shapes::line(*length_m, n),
                    None,
                    format!("`length_m` ≥ {{l}} (now {length_m})"),
                    Some(length_m / n as f64),
                )
            }
            Shape::Polygon {
                sides,
                radius_m,
                count,
            } => {
                let n = n_of(count);
                let perimeter = 2.0 * *sides as f64 * radius_m * (PI / *sides as f64).sin();
                (
                    shapes::polygon(*sides, *radius_m, n),
                    None,
                    format!("`radius_m` ≥ {{r}} (now {radius_m})"),
                    Some(perimeter / n as f64),
                )
            }
            Shape::Points { points, colors } => {
                (points.clone(), colors.as_deref(), String::new(), None)
            }
        };
    if local.len() > fleet {
        return Err(FormationError::TooManyPoints {
            name: design.name.clone(),
            needed: local.len(),
            fleet,
        });
    }
    let points: Vec<Vec3> = match &design.shape {
        // Point lists are already in the show frame.
        Shape::Points { .. } => local,
        _ => local.iter().map(|p| frame.to_show(*p)).collect(),
    };
    let colors = colorize(&design.color, &points, own_colors);
    let spacing = min_spacing(&points);
    let min_spacing_m = spacing.map_or(f64::INFINITY, |s| s.0);
    // A hair of tolerance: a lattice laid out exactly at the minimum distance is fine.
    if min_spacing_m < limits.min_distance_m - 1e-6 {
        let k = limits.min_distance_m / min_spacing_m;
        let hint = if size_name.is_empty() {
            let (_, i, j) = spacing.expect("two points exist when spacing is finite");
            format!(
                "points {} and {} (rows of the file, 1-based) are {:.2} m apart; move them apart or scale the picture by {:.3}",
                i + 1,
                j + 1,
                min_spacing_m,
                k
            )
        } else {
            let scaled = |v: f64| format!("{:.2}", v * k);
            let s = match &design.shape {
                Shape::Grid {
                    width_m, height_m, ..
                } => size_name
                    .replace("{w}", &scaled(*width_m))
                    .replace("{h}", &scaled(*height_m)),
                Shape::Circle { radius_m, .. }
                | Shape::Disc { radius_m, .. }
                | Shape::Sphere { radius_m, .. }
                | Shape::Polygon { radius_m, .. } => size_name.replace("{r}", &scaled(*radius_m)),
                Shape::Line { length_m, .. } => size_name.replace("{l}", &scaled(*length_m)),
                _ => size_name.replace("{k}", &format!("{k:.3}")),
            };
            format!(
                "the smallest size that holds these drones at {} m is {s}; or use fewer drones (`count`)",
                limits.min_distance_m
            )
        };
        return Err(FormationError::TooDense {
            name: design.name.clone(),
            spacing_m: min_spacing_m,
            min_distance_m: limits.min_distance_m,
            hint,
        });
    }
    let (lo, hi) = points
        .iter()
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
    Ok(Formation {
        name: design.name.clone(),
        points,
        colors,
        min_spacing_m,
        ideal_spacing_m: ideal,
    })
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
            hold_s: 10.0,
            shape,
            placement: Placement {
                center: Vec3::new(0.0, 0.0, 60.0),
                roll_deg: 0.0,
                tilt_deg: 0.0,
                turn_deg: 0.0,
            },
            color: ColorDesign::Solid(Rgb::WHITE),
            transition: TransitionDesign::default(),
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
}
