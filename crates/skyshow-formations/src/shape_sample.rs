//! `ShapeSample`: the points a shape asks for, before they are placed in the show, checked
//! and spread: parametric shapes laid out, artwork and meshes sampled.

use std::f64::consts::PI;

use skyshow_i18n::msg;
use skyshow_model::{FormationDesign, Limits, Rgb, SequenceFrame, Shape, Vec3};

use crate::detail::{DetailShortfall, Spread};
use crate::formation_error::{FormationError, Size, empty_error};
use crate::mesh::Mesh;
use crate::picture::{Picture, hex_spacing};
use crate::ride::{Ride, RideInput};
use crate::shapes;

/// The points of one shape, with what its sampling measured.
pub(crate) struct ShapeSample {
    /// Points in the picture's own frame (in the show frame for point lists and recorded
    /// animations).
    pub(crate) local: Vec<Vec3>,
    /// The keys that size the shape, for the "size that works" hint.
    pub(crate) size: Size,
    /// The spacing an even sampling would reach, metres, where defined.
    pub(crate) ideal_spacing_m: Option<f64>,
    /// The shape's own colours, one per point (artwork, meshes, coloured point lists).
    pub(crate) colors: Option<Vec<Rgb>>,
    /// Hausdorff distance between the points and the artwork, metres.
    pub(crate) max_shape_distance_m: Option<f64>,
    /// Share of outline artwork's lines that other lines run closer to than the ideal.
    pub(crate) close_lines_share: Option<f64>,
    /// Artwork detail the drones cannot show.
    pub(crate) detail: Option<DetailShortfall>,
    /// A rigged mesh's ride: the drones' tracks over its animation.
    pub(crate) ride: Option<Ride>,
}

/// What a shape is made of: points, or a morph sequence of shapes built frame by frame.
pub(crate) enum Sampling<'a> {
    /// One picture's points.
    Points(Box<ShapeSample>),
    /// A sequence's frames (each built as a formation of its own).
    Sequence(&'a [SequenceFrame]),
}

impl ShapeSample {
    /// Samples `design`'s shape for a fleet of `fleet` drones.
    pub(crate) fn of<'a>(
        design: &'a FormationDesign,
        fleet: usize,
        limits: &Limits,
    ) -> Result<Sampling<'a>, FormationError> {
        let n_of = |count: &Option<usize>| count.unwrap_or(fleet);
        let given = |points: &[Vec3], colors: &Option<Vec<Rgb>>| ShapeSample {
            colors: colors.clone(),
            ..ShapeSample::plain(points.to_vec(), Size::Given, None)
        };
        if let Shape::Grid {
            rows: Some(r),
            columns: Some(c),
            count,
            ..
        } = &design.shape
            && r * c < n_of(count)
        {
            return Err(FormationError::TooManyPoints {
                name: design.name.clone(),
                needed: n_of(count),
                fleet: r * c,
            });
        }
        let sample = match &design.shape {
            Shape::Sequence { frames } => return Ok(Sampling::Sequence(frames)),
            Shape::Points { points, colors } | Shape::Vertices { points, colors } => {
                given(points, colors)
            }
            Shape::Animation { clip, colors } => {
                let t = clip.playback.start_s;
                let points: Vec<Vec3> = (0..clip.tracks.points())
                    .map(|i| clip.tracks.position(i, t))
                    .collect();
                given(&points, colors)
            }
            Shape::Svg { drawing, count }
            | Shape::Text { drawing, count }
            | Shape::Image { drawing, count, .. } => {
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
                    .sample(n_of(count), limits.min_distance_m)
                    .map_err(|e| empty_error(&design.name, &design.shape, &e))?;
                ShapeSample {
                    colors: sampled.colors,
                    max_shape_distance_m: Some(sampled.max_shape_distance_m),
                    close_lines_share: sampled.close_lines_share,
                    detail: sampled.detail,
                    ..ShapeSample::plain(
                        sampled.points,
                        Size::Artwork,
                        Some(sampled.ideal_spacing_m),
                    )
                }
            }
            Shape::Mesh { count, .. } => mesh(design, n_of(count), limits)?,
            shape @ (Shape::Grid { .. }
            | Shape::Circle { .. }
            | Shape::Disc { .. }
            | Shape::Ring { .. }
            | Shape::Sphere { .. }
            | Shape::Helix { .. }
            | Shape::Line { .. }
            | Shape::Polygon { .. }) => parametric(shape, fleet),
        };
        Ok(Sampling::Points(Box::new(sample)))
    }

    /// Points with nothing measured beyond their ideal spacing.
    fn plain(local: Vec<Vec3>, size: Size, ideal_spacing_m: Option<f64>) -> ShapeSample {
        ShapeSample {
            local,
            size,
            ideal_spacing_m,
            colors: None,
            max_shape_distance_m: None,
            close_lines_share: None,
            detail: None,
            ride: None,
        }
    }
}

/// A shape given by its dimensions (grid, circle, disc, ring, sphere, helix, line,
/// polygon), laid out for its count or the whole fleet.
fn parametric(shape: &Shape, fleet: usize) -> ShapeSample {
    let n_of = |count: &Option<usize>| count.unwrap_or(fleet);
    let (local, size, ideal) = match shape {
        Shape::Grid {
            width_m,
            height_m,
            rows,
            columns,
            count,
        } => {
            let n = n_of(count);
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
            (
                filled_annulus(0.0, *radius_m, n),
                Size::Radius(*radius_m),
                Some(hex_spacing(PI * radius_m * radius_m, n)),
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
                Some(hex_spacing(area, n)),
            )
        }
        Shape::Sphere { radius_m, count } => {
            let n = n_of(count);
            (
                crate::sphere_fill::sphere(*radius_m, n),
                Size::Radius(*radius_m),
                Some(hex_spacing(4.0 * PI * radius_m * radius_m, n)),
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
        // Point lists, recordings, artwork, meshes and sequences are sampled by
        // `ShapeSample::of`, which sends only the shapes above here.
        _ => (Vec::new(), Size::Given, None),
    };
    ShapeSample::plain(local, size, ideal)
}

/// A mesh's surface or volume sampled with `n` points, or ridden over its animation.
fn mesh(
    design: &FormationDesign,
    n: usize,
    limits: &Limits,
) -> Result<ShapeSample, FormationError> {
    let Shape::Mesh {
        vertices,
        triangles,
        colors,
        paint,
        volume,
        seed,
        animation,
        ..
    } = &design.shape
    else {
        return Ok(ShapeSample::plain(Vec::new(), Size::Given, None));
    };
    let mesh = Mesh::new(vertices, triangles, colors.as_deref()).with_paint(paint.as_deref());
    let mut ride: Option<Ride> = None;
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
    let spread = if *volume {
        Spread::Volume
    } else {
        Spread::Area
    };
    let detail = DetailShortfall::find(
        n,
        sampled.ideal_spacing_m,
        sampled.max_shape_distance_m,
        spread,
        limits.min_distance_m,
        |_| 0.0,
    );
    Ok(ShapeSample {
        colors: sampled.colors,
        max_shape_distance_m: Some(sampled.max_shape_distance_m),
        detail,
        ride,
        ..ShapeSample::plain(sampled.points, Size::Artwork, Some(sampled.ideal_spacing_m))
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
