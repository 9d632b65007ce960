//! `Formation`: a picture as exactly the points (and colours) the drones will fly.

use std::f64::consts::PI;

use skyshow_i18n::{Message, msg};
use skyshow_model::{FormationDesign, INPUT_SLACK_M, Limits, Rgb, Shape, Vec3};

use crate::color::colorize;
use crate::deform::Deform;
use crate::detail::{DetailShortfall, Spread};
use crate::frame::LocalFrame;
use crate::margin::spread_to_margin;
use crate::mesh::Mesh;
use crate::picture::{Picture, PictureError};
use crate::ride::{Ride, RideInput};
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

/// Why a formation cannot be built.
#[derive(Debug, Clone, PartialEq)]
pub enum FormationError {
    /// Points closer than the minimum distance.
    TooDense {
        /// Formation.
        name: String,
        /// Spacing found, metres.
        spacing_m: f64,
        /// The limit, metres.
        min_distance_m: f64,
        /// Hint: what to change.
        hint: Message,
    },
    /// More points than drones.
    TooManyPoints {
        /// Formation.
        name: String,
        /// Points in the picture.
        needed: usize,
        /// Drones in the fleet.
        fleet: usize,
    },
    /// A morph sequence whose frames do not fit together.
    Sequence {
        /// Formation.
        name: String,
        /// What is wrong.
        why: Message,
        /// What to change.
        hint: Message,
    },
    /// The shape has nowhere to place drones (a mesh that encloses no volume, a picture
    /// with no filled area).
    Empty {
        /// Formation.
        name: String,
        /// What is missing.
        why: Message,
        /// What to change.
        hint: Message,
    },
    /// Points outside the allowed altitude band.
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
    /// What is wrong, as a message (what `Display` shows, in the process's language).
    pub fn message(&self) -> Message {
        match self {
            FormationError::TooDense {
                name,
                spacing_m,
                min_distance_m,
                ..
            } => msg!(
                "formation-too-dense",
                formation = name.as_str(),
                spacing = format!("{spacing_m:.3}"),
                min = *min_distance_m
            ),
            FormationError::TooManyPoints {
                name,
                needed,
                fleet,
            } => msg!(
                "formation-too-many-points",
                formation = name.as_str(),
                needed = *needed,
                fleet = *fleet
            ),
            FormationError::Sequence { name, why, .. }
            | FormationError::Empty { name, why, .. } => {
                msg!(
                    "formation-why",
                    formation = name.as_str(),
                    why = why.clone()
                )
            }
            FormationError::Altitude {
                name,
                altitude_m,
                low_m,
                high_m,
            } => msg!(
                "formation-altitude",
                formation = name.as_str(),
                altitude = format!("{altitude_m:.1}"),
                low = format!("{low_m:.1}"),
                high = format!("{high_m:.1}")
            ),
        }
    }

    /// A hint for the user, as a message.
    pub fn hint_message(&self) -> Message {
        match self {
            FormationError::TooDense { hint, .. } => hint.clone(),
            FormationError::TooManyPoints { needed, .. } => {
                msg!("formation-too-many-points-hint", needed = *needed)
            }
            FormationError::Sequence { hint, .. } | FormationError::Empty { hint, .. } => {
                hint.clone()
            }
            FormationError::Altitude { low_m, high_m, .. } => msg!(
                "formation-altitude-hint",
                low = format!("{low_m:.1}"),
                high = format!("{high_m:.1}")
            ),
        }
    }

    /// A hint for the user, in the process's language.
    pub fn hint(&self) -> String {
        self.hint_message().to_string()
    }
}

skyshow_i18n::message_error!(FormationError);

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
    let mut own: Option<Vec<Rgb>> = None;
    let mut max_shape_distance_m = None;
    let mut close_lines_share = None;
    let mut detail = None;
    let mut ride: Option<Ride> = None;
    let (local, size, ideal): (Vec<Vec3>, Size, Option<f64>) = match &design.shape {
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
                Size::WidthHeight(*width_m, *height_m),
                // A grid is a square lattice by definition: its ideal is that lattice's.
                (area > 0.0).then(|| (area / n as f64).sqrt()),
            )
        }
        Shape::Circle { radius_m, count } => {
            let n = n_of(count);
            (
                shapes::circle(*radius_m, n),
                Size::Radius(*radius_m),
                Some(2.0 * PI * radius_m / n as f64),
            )
        }
        Shape::Disc { radius_m, count } => {
            let n = n_of(count);
            let area = PI * radius_m * radius_m;
            (
                filled_annulus(0.0, *radius_m, n),
                Size::Radius(*radius_m),
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
                filled_annulus(*inner_radius_m, *outer_radius_m, n),
                Size::Annulus(*inner_radius_m, *outer_radius_m),
                Some((2.0 * area / (3f64.sqrt() * n as f64)).sqrt()),
            )
        }
        Shape::Sphere { radius_m, count } => {
            let n = n_of(count);
            let area = 4.0 * PI * radius_m * radius_m;
            (
                crate::sphere_fill::sphere(*radius_m, n),
                Size::Radius(*radius_m),
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
                Size::RadiusHeight(*radius_m, *height_m),
                Some(len / n as f64),
            )
        }
        Shape::Line { length_m, count } => {
            let n = n_of(count);
            (
                shapes::line(*length_m, n),
                Size::Length(*length_m),
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
                Size::Radius(*radius_m),
                Some(perimeter / n as f64),
            )
        }
        Shape::Points { points, colors } => {
            own = colors.clone();
            (points.clone(), Size::Given, None)
        }
        Shape::Vertices { points, colors } => {
            own = colors.clone();
            (points.clone(), Size::Given, None)
        }
        Shape::Animation { clip, colors } => {
            own = colors.clone();
            let t = clip.playback.start_s;
            let points = (0..clip.tracks.points())
                .map(|i| clip.tracks.position(i, t))
                .collect();
            (points, Size::Given, None)
        }
        Shape::Sequence { frames } => {
            return crate::sequence::build_sequence(
                design,
                frames,
                fleet,
                audience_azimuth_deg,
                limits,
                min_altitude_m,
            );
        }
        Shape::Svg { drawing, count }
        | Shape::Text { drawing, count }
        | Shape::Image { drawing, count, .. } => {
            let n = n_of(count);
            let density = match &design.shape {
                Shape::Image { density, .. } => density.as_slice(),
                _ => &[],
            };
            let picture = Picture {
                width_m: drawing.width_m,
                height_m: drawing.height_m,
                area: &drawing.area,
                lines: &drawing.lines,
                colors: &drawing.colors,
                density,
                fill_share: drawing.fill_share,
                seed: drawing.seed,
            };
            let sampled = picture
                .sample(n, limits.min_distance_m)
                .map_err(|e| empty_error(&design.name, &design.shape, &e))?;
            own = sampled.colors;
            max_shape_distance_m = Some(sampled.max_shape_distance_m);
            close_lines_share = sampled.close_lines_share;
            detail = sampled.detail;
            (sampled.points, Size::Artwork, Some(sampled.ideal_spacing_m))
        }
        Shape::Mesh {
            vertices,
            triangles,
            colors,
            paint,
            volume,
            seed,
            count,
            animation,
        } => {
            let n = n_of(count);
            let mesh =
                Mesh::new(vertices, triangles, colors.as_deref()).with_paint(paint.as_deref());
            let sampled = match animation {
                Some(anim) => RideInput {
                    mesh: &mesh,
                    anim,
                    n,
                    seed: *seed,
                    volume: *volume,
                    iterations: crate::ride::ITERS,
                }
                .sample()
                .map(|r| ride.insert(r).sampled()),
                None if *volume => mesh.sample_volume(n, *seed),
                None => mesh.sample_surface(n, *seed),
            };
            let Some(sampled) = sampled else {
                let (why, hint) = if *volume {
                    (
                        msg!("formation-mesh-no-volume"),
                        msg!("formation-mesh-no-volume-hint"),
                    )
                } else {
                    (
                        msg!("formation-mesh-no-area"),
                        msg!("formation-mesh-no-area-hint"),
                    )
                };
                return Err(FormationError::Empty {
                    name: design.name.clone(),
                    why,
                    hint,
                });
            };
            own = sampled.colors;
            max_shape_distance_m = Some(sampled.max_shape_distance_m);
            detail = DetailShortfall::find(
                n,
                sampled.ideal_spacing_m,
                sampled.max_shape_distance_m,
                if *volume {
                    Spread::Volume
                } else {
                    Spread::Area
                },
                limits.min_distance_m,
                |_| 0.0,
            );
            (sampled.points, Size::Artwork, Some(sampled.ideal_spacing_m))
        }
    };
    if local.len() > fleet {
        return Err(FormationError::TooManyPoints {
            name: design.name.clone(),
            needed: local.len(),
            fleet,
        });
    }
    let own_colors = own.as_deref();
    let deform = match (&design.shape, &ride) {
        (Shape::Animation { clip, .. }, _) => Some(Deform::Clip(clip.clone())),
        (
            Shape::Mesh {
                animation: Some(a), ..
            },
            Some(r),
        ) => Some(Deform::Clip(r.clip(a.playback, &frame))),
        _ => None,
    };
    let mut points: Vec<Vec3> = match (&design.shape, &deform) {
        // Point lists and recorded animations are already in the show frame.
        (Shape::Points { .. } | Shape::Animation { .. }, _) => local,
        // A ridden mesh starts where its tracks are when the hold starts.
        (Shape::Mesh { .. }, Some(Deform::Clip(c))) => (0..local.len())
            .map(|i| c.tracks.position(i, c.playback.start_s))
            .collect(),
        _ => local.iter().map(|p| frame.to_show(*p)).collect(),
    };
    let colors = colorize(&design.color, &points, own_colors);
    // A deforming mesh keeps its spacing over the whole clip, not only where it starts.
    let spacing = match &ride {
        Some(r) => r.closest.map(|c| (c.dist, c.i as usize, c.j as usize)),
        None => min_spacing(&points),
    };
    let min_spacing_m = spacing.map_or(f64::INFINITY, |s| s.0);
    // Points within a millimetre of the minimum distance (a lattice laid out exactly at it,
    // a file written with 4 decimals) are taken, and spread below for the margin.
    if min_spacing_m < limits.min_distance_m - INPUT_SLACK_M {
        let k = limits.min_distance_m / min_spacing_m;
        let hint = if size == Size::Artwork {
            artwork_hint(k, limits.min_distance_m, &design.shape)
        } else if size == Size::Given {
            let (_, i, j) = spacing.expect("two points exist when spacing is finite");
            let (a, b, gap, factor) = (
                i + 1,
                j + 1,
                format!("{min_spacing_m:.3}"),
                format!("{k:.3}"),
            );
            match &design.shape {
                Shape::Vertices { .. } => msg!(
                    "formation-dense-vertices",
                    a = a,
                    b = b,
                    gap = gap,
                    factor = factor
                ),
                _ => msg!(
                    "formation-dense-points",
                    a = a,
                    b = b,
                    gap = gap,
                    factor = factor
                ),
            }
        } else {
            msg!(
                "formation-dense-size",
                min = limits.min_distance_m,
                size = size.scaled(k)
            )
        };
        return Err(FormationError::TooDense {
            name: design.name.clone(),
            spacing_m: min_spacing_m,
            min_distance_m: limits.min_distance_m,
            hint,
        });
    }
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
    let min_spacing_m = min_spacing_m * spread.unwrap_or(1.0);
    let moving = ride
        .iter()
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
    Ok(Formation {
        name: design.name.clone(),
        points,
        colors,
        min_spacing_m,
        ideal_spacing_m: ideal,
        max_shape_distance_m,
        close_lines_share,
        deform,
        detail,
        spread,
    })
}

/// A disc or ring filled by a clipped hexagonal lattice; a sunflower spiral where the
/// lattice has no room (a shape of no area), so the spacing check can say what size works.
fn filled_annulus(inner: f64, outer: f64, n: usize) -> Vec<Vec3> {
    let pts = crate::hex_fill::annulus(inner, outer, n);
    if pts.len() == n {
        pts
    } else {
        shapes::sunflower(inner, outer, n)
    }
}

/// The keys that size a shape, with their values, for "the smallest size that works".
#[derive(Clone, Copy, Debug, PartialEq)]
enum Size {
    /// `width_m` and `height_m`.
    WidthHeight(f64, f64),
    /// `radius_m`.
    Radius(f64),
    /// `inner_radius_m` and `outer_radius_m`.
    Annulus(f64, f64),
    /// `radius_m` and `height_m`.
    RadiusHeight(f64, f64),
    /// `length_m`.
    Length(f64),
    /// Artwork: the hint is computed from its extent.
    Artwork,
    /// Points as given (no size to change).
    Given,
}

impl Size {
    /// The keys `k` times as large.
    fn scaled(self, k: f64) -> Message {
        let up = |v: f64| format!("{:.2}", v * k);
        let factor = format!("{k:.3}");
        match self {
            Size::WidthHeight(w, h) => msg!(
                "formation-size-width-height",
                width = up(w),
                height = up(h),
                now_width = w,
                now_height = h
            ),
            Size::Radius(r) => msg!("formation-size-radius", radius = up(r), now = r),
            Size::Annulus(i, o) => msg!(
                "formation-size-annulus",
                factor = factor,
                inner = i,
                outer = o
            ),
            Size::RadiusHeight(r, h) => msg!(
                "formation-size-radius-height",
                factor = factor,
                radius = r,
                height = h
            ),
            Size::Length(l) => msg!("formation-size-length", length = up(l), now = l),
            Size::Artwork | Size::Given => msg!("formation-size-factor", factor = factor),
        }
    }
}

/// "The smallest size that works" for artwork: sampling is scale-free, so the current size
/// times `k` (limit / spacing found) works; rounded up a little.
fn artwork_hint(k: f64, min_distance_m: f64, shape: &Shape) -> Message {
    let k = k * 1.002;
    let up = |v: f64| (v * k * 10.0).ceil() / 10.0;
    match shape {
        Shape::Mesh { vertices, .. } => {
            let Some(first) = vertices.first() else {
                return msg!("formation-mesh-no-vertices");
            };
            let (lo, hi) = vertices
                .iter()
                .fold((*first, *first), |(l, h), p| (l.min(*p), h.max(*p)));
            let e = hi - lo;
            let size = e.x.max(e.y).max(e.z);
            msg!(
                "formation-dense-mesh",
                min = min_distance_m,
                factor = format!("{k:.3}"),
                size = up(size),
                now = format!("{size:.1}")
            )
        }
        _ => {
            let d = shape
                .drawing()
                .map_or((0.0, 0.0), |d| (d.width_m, d.height_m));
            msg!(
                "formation-dense-artwork",
                min = min_distance_m,
                factor = format!("{k:.3}"),
                width = up(d.0),
                height = up(d.1),
                now_width = format!("{:.1}", d.0),
                now_height = format!("{:.1}", d.1)
            )
        }
    }
}

/// The error for artwork with nothing to sample.
fn empty_error(name: &str, shape: &Shape, e: &PictureError) -> FormationError {
    let kind = shape.kind();
    let (why, hint) = match e {
        PictureError::NoArea => (
            msg!("formation-no-area", kind = kind),
            msg!("formation-no-area-hint"),
        ),
        PictureError::Empty => (
            msg!("formation-draws-nothing", kind = kind),
            msg!("formation-draws-nothing-hint"),
        ),
    };
    FormationError::Empty {
        name: name.to_string(),
        why,
        hint,
    }
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
