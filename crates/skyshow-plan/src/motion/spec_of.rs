//! The [`MotionSpec`] of a designed and built formation.

use skyshow_formations::{Formation, LocalFrame};
use skyshow_model::{FormationDesign, Shape, Vec3};

use super::resolve::MotionSpec;

/// The motion of formation `f`, built from `design`, for an audience at
/// `audience_azimuth_deg`.
pub fn motion_spec(
    design: &FormationDesign,
    f: &Formation,
    audience_azimuth_deg: f64,
) -> MotionSpec {
    let frame = LocalFrame::new(audience_azimuth_deg, &design.placement);
    // Point lists are placed by their own coordinates: their centre is their middle.
    let rest_centre = match &design.shape {
        Shape::Points { .. } | Shape::Animation { .. } => middle(&f.points),
        _ => frame.center,
    };
    MotionSpec {
        name: f.name.clone(),
        rest: f.points.clone(),
        deform: f.deform.clone(),
        motions: design.motion.clone(),
        rest_centre,
        own_axes: [frame.u, frame.v, frame.w],
        size: size_key(&design.shape),
    }
}

/// The centre of the points' bounding box.
fn middle(points: &[Vec3]) -> Vec3 {
    let Some(first) = points.first() else {
        return Vec3::ZERO;
    };
    let (lo, hi) = points
        .iter()
        .fold((*first, *first), |(l, h), p| (l.min(*p), h.max(*p)));
    (lo + hi) / 2.0
}

/// The show-file key that sizes a shape, and its value.
fn size_key(shape: &Shape) -> Option<(String, f64)> {
    let k = |key: &str, v: f64| Some((key.to_string(), v));
    match shape {
        Shape::Circle { radius_m, .. }
        | Shape::Disc { radius_m, .. }
        | Shape::Sphere { radius_m, .. }
        | Shape::Helix { radius_m, .. }
        | Shape::Polygon { radius_m, .. } => k("radius_m", *radius_m),
        Shape::Ring { outer_radius_m, .. } => k("outer_radius_m", *outer_radius_m),
        Shape::Grid { width_m, .. } => k("width_m", *width_m),
        Shape::Line { length_m, .. } => k("length_m", *length_m),
        Shape::Svg { drawing, .. } | Shape::Text { drawing, .. } | Shape::Image { drawing, .. } => {
            k("width_m", drawing.width_m)
        }
        Shape::Sequence { frames } => frames.first().and_then(|f| size_key(&f.shape)),
        Shape::Mesh { vertices, .. }
        | Shape::Vertices {
            points: vertices, ..
        } => {
            let first = vertices.first()?;
            let (lo, hi) = vertices
                .iter()
                .fold((*first, *first), |(l, h), p| (l.min(*p), h.max(*p)));
            let e = hi - lo;
            k("size_m", e.x.max(e.y).max(e.z))
        }
        Shape::Points { .. } | Shape::Animation { .. } => None,
    }
}
