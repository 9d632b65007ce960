//! `FormationError`: why a formation cannot be built, and the hints that say what to
//! change (the size that works, the two points too close, the artwork's scale).

use skyshow_i18n::{Message, msg};
use skyshow_model::{FormationDesign, Shape, Vec3};

use crate::picture::PictureError;

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

/// The keys that size a shape, with their values, for "the smallest size that works".
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Size {
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
    pub(crate) fn scaled(self, k: f64) -> Message {
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
            if vertices.is_empty() {
                return msg!("formation-mesh-no-vertices");
            }
            let (lo, hi) = Vec3::bounds(vertices);
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
pub(crate) fn empty_error(name: &str, shape: &Shape, e: &PictureError) -> FormationError {
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

/// The error for points closer than the minimum distance. `closest` is the smallest
/// spacing (metres) and the two points at it; `size` is the keys that size the shape, so
/// the hint can say the size that works (or, for points given one by one, which two).
pub(crate) fn too_dense(
    design: &FormationDesign,
    size: Size,
    closest: (f64, usize, usize),
    min_distance_m: f64,
) -> FormationError {
    let (spacing_m, i, j) = closest;
    let k = min_distance_m / spacing_m;
    let hint = match size {
        Size::Artwork => artwork_hint(k, min_distance_m, &design.shape),
        Size::Given => {
            let (a, b, gap, factor) = (i + 1, j + 1, format!("{spacing_m:.3}"), format!("{k:.3}"));
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
        }
        _ => msg!(
            "formation-dense-size",
            min = min_distance_m,
            size = size.scaled(k)
        ),
    };
    FormationError::TooDense {
        name: design.name.clone(),
        spacing_m,
        min_distance_m,
        hint,
    }
}
