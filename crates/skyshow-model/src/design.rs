//! `ShowDesign`: what the designer asked for, lowered from the show file into metres and seconds.

use crate::{
    Clip, LightEffect, Limits, MeshAnimation, Motion, MusicDesign, MusicalLength, MusicalUnit, Rgb,
    SequenceFrame, Site, Vec3, Warning,
};

/// A whole show as designed: fleet, limits and the timeline of formations.
#[derive(Clone, Debug, PartialEq)]
pub struct ShowDesign {
    /// Title.
    pub title: String,
    /// Seed for everything random (sampling, effects). Default 1.
    pub seed: u64,
    /// Optional geographic anchor.
    pub origin: Option<GeoOrigin>,
    /// Direction from the stage towards the audience, degrees in the show frame
    /// (0 = +X, 90 = +Y). Default 180: the audience stands at −X looking along +X.
    pub audience_azimuth_deg: f64,
    /// The fleet and its takeoff grid.
    pub fleet: Fleet,
    /// The site: boundary, exclusion zones, the audience's no-fly zone, geofence action.
    pub site: Site,
    /// Flight envelope.
    pub limits: Limits,
    /// Chapters in show order.
    pub chapters: Vec<Chapter>,
    /// Formations in show order.
    pub formations: Vec<FormationDesign>,
    /// Takeoff and landing options.
    pub takeoff: TakeoffDesign,
    /// The emergency return's options (`[emergency]`).
    pub emergency: crate::EmergencyDesign,
    /// What the assignment between formations minimises. Default: distance.
    pub minimise: Minimise,
    /// The soundtrack and its beats, if the show has `[music]`.
    pub music: Option<MusicDesign>,
    /// Light effects, stacked in this order over the formation colours.
    pub lights: Vec<LightEffect>,
    /// What reading the show file found worth a look that does not stop the build
    /// (artwork drawn in no lit colour, …), in file order; `skyshow build` lists them first
    /// in `report.json` `warnings` and the summary.
    pub warnings: Vec<Warning>,
}

/// What the assignment between consecutive formations minimises.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Minimise {
    /// The sum of squared distances (CAPT): smooth, crossing-free transitions. Default.
    #[default]
    Distance,
    /// The transition time first (bottleneck), then the sum of squares among the fastest.
    Time,
}

/// Geographic anchor of the show frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GeoOrigin {
    /// Latitude, degrees.
    pub latitude_deg: f64,
    /// Longitude, degrees.
    pub longitude_deg: f64,
    /// Altitude above mean sea level, metres, if known.
    pub altitude_amsl_m: Option<f64>,
    /// Heading of +X, degrees clockwise from North.
    pub orientation_deg: f64,
}

/// The drones and where they stand on the ground.
#[derive(Clone, Debug, PartialEq)]
pub struct Fleet {
    /// Number of drones.
    pub drones: usize,
    /// Takeoff grid.
    pub grid: TakeoffGrid,
}

/// A rectangular takeoff grid on the ground.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TakeoffGrid {
    /// Rows (along X).
    pub rows: usize,
    /// Columns (along Y).
    pub columns: usize,
    /// Distance between rows, metres.
    pub row_spacing_m: f64,
    /// Distance between columns, metres.
    pub column_spacing_m: f64,
    /// Centre of the grid on the ground (z ignored).
    pub center: Vec3,
}

impl TakeoffGrid {
    /// Ground position of slot `i` (row-major, first row nearest −X, first column nearest +Y).
    pub fn slot(&self, i: usize) -> Vec3 {
        let r = i / self.columns;
        let c = i % self.columns;
        let x = self.center.x + (r as f64 - (self.rows as f64 - 1.0) / 2.0) * self.row_spacing_m;
        let y =
            self.center.y - (c as f64 - (self.columns as f64 - 1.0) / 2.0) * self.column_spacing_m;
        Vec3::new(x, y, 0.0)
    }

    /// Row and column of slot `i`.
    pub fn row_col(&self, i: usize) -> (usize, usize) {
        (i / self.columns, i % self.columns)
    }
}

/// Takeoff and landing options.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TakeoffDesign {
    /// Time on the ground before the first drone climbs, seconds. Default 5.
    pub ground_hold_s: f64,
    /// Altitude of the lowest takeoff layer, metres. Default 10.
    pub altitude_m: f64,
    /// Time the fleet hovers after the last formation before landing moves, seconds. Default 2.
    pub landing_pause_s: f64,
}

impl Default for TakeoffDesign {
    fn default() -> Self {
        TakeoffDesign {
            ground_hold_s: 5.0,
            altitude_m: 10.0,
            landing_pause_s: 2.0,
        }
    }
}

/// A chapter: a named part of the show.
#[derive(Clone, Debug, PartialEq)]
pub struct Chapter {
    /// Name.
    pub name: String,
    /// Requested start, seconds, if any.
    pub start_s: Option<f64>,
}

/// One formation on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct FormationDesign {
    /// Unique name.
    pub name: String,
    /// Index into [`ShowDesign::chapters`].
    pub chapter: usize,
    /// When the drones must be in place, seconds; `None` = as soon as the transition allows
    /// (or, with `start_next`, at the first beat or bar after that).
    pub start_s: Option<f64>,
    /// `start = "next beat"` / `"next bar"`: the formation starts at the first beat or bar
    /// start of the music at which the transition into it is done. `None` otherwise (and
    /// always `None` when `start_s` is given).
    pub start_next: Option<MusicalUnit>,
    /// How long the picture is held, seconds.
    pub hold_s: f64,
    /// A hold written in beats or bars (`hold = "8 bars"`) for a formation without a
    /// `start`: the planner counts it along the music's beats from when the formation is in
    /// place, instead of `hold_s`. `None` when the hold is `hold_s`.
    pub hold_music: Option<MusicalLength>,
    /// The picture.
    pub shape: Shape,
    /// Where it is and how it is turned.
    pub placement: Placement,
    /// Its colours.
    pub color: ColorDesign,
    /// Transition timing into this formation.
    pub transition: TransitionDesign,
    /// Rigid motions during the hold, composed in order (empty: it keeps its pose).
    pub motion: Vec<Motion>,
}

/// How the transition into a formation is timed.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TransitionDesign {
    /// Minimum transition duration, seconds (the planner may need longer). Default 0.
    pub min_duration_s: f64,
}

/// Placement of a shape: its centre and rotation, relative to the audience's view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// Centre in the show frame, metres.
    pub center: Vec3,
    /// Rotation in the picture plane, counter-clockwise as the audience sees it, degrees.
    pub roll_deg: f64,
    /// Tilt about the picture's horizontal axis; positive leans the top away from the
    /// audience (90 lays the picture flat, facing up), degrees.
    pub tilt_deg: f64,
    /// Turn about the vertical axis; positive turns the picture's right side away from the
    /// audience, degrees.
    pub turn_deg: f64,
}

/// A picture, in the formation's local frame: `u` right and `v` up as the audience sees it,
/// `w` towards the audience. Sizes in metres.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A rectangular lattice `width` × `height`; rows/columns chosen to fit the drone count
    /// unless given.
    Grid {
        /// Width, metres.
        width_m: f64,
        /// Height, metres.
        height_m: f64,
        /// Rows, if fixed.
        rows: Option<usize>,
        /// Columns, if fixed.
        columns: Option<usize>,
        /// Drones used (default: the whole fleet).
        count: Option<usize>,
    },
    /// Points evenly spaced on a circle.
    Circle {
        /// Radius, metres.
        radius_m: f64,
        /// Drones used.
        count: Option<usize>,
    },
    /// A filled annulus.
    Ring {
        /// Inner radius, metres.
        inner_radius_m: f64,
        /// Outer radius, metres.
        outer_radius_m: f64,
        /// Drones used.
        count: Option<usize>,
    },
    /// A filled disc.
    Disc {
        /// Radius, metres.
        radius_m: f64,
        /// Drones used.
        count: Option<usize>,
    },
    /// Points evenly spread over a sphere's surface.
    Sphere {
        /// Radius, metres.
        radius_m: f64,
        /// Drones used.
        count: Option<usize>,
    },
    /// A helix around the vertical (`v`) axis.
    Helix {
        /// Radius, metres.
        radius_m: f64,
        /// Height, metres.
        height_m: f64,
        /// Number of turns.
        turns: f64,
        /// Drones used.
        count: Option<usize>,
    },
    /// A straight horizontal line.
    Line {
        /// Length, metres.
        length_m: f64,
        /// Drones used.
        count: Option<usize>,
    },
    /// The outline of a regular polygon, corners kept.
    Polygon {
        /// Number of sides (≥ 3).
        sides: usize,
        /// Circumradius, metres.
        radius_m: f64,
        /// Drones used.
        count: Option<usize>,
    },
    /// Explicit points in the show frame (from a CSV file), with optional colours.
    Points {
        /// Positions, metres, show frame.
        points: Vec<Vec3>,
        /// Per-point colours, if the file had them.
        colors: Option<Vec<Rgb>>,
    },
    /// Vector artwork from an SVG file (paths, basic shapes, text as paths), fitted to metres.
    Svg {
        /// The drawing in the picture plane.
        drawing: Drawing,
        /// Drones used (default: the whole fleet).
        count: Option<usize>,
    },
    /// Text set in a font (any script), as the glyphs' outlines, fitted to metres.
    Text {
        /// The glyphs in the picture plane; no colours of their own (`drawing.colors` is empty).
        drawing: Drawing,
        /// Drones used.
        count: Option<usize>,
    },
    /// A raster image (PNG, JPEG): the pixels at or above a brightness threshold, fitted to
    /// metres, coloured by the pixels.
    Image {
        /// The bright area in the picture plane.
        drawing: Drawing,
        /// Per-pixel sampling weights over the canvas, top row first, when drones are spread by
        /// brightness (`sample = "density"`) instead of evenly over the bright area; empty
        /// otherwise.
        density: Vec<Vec<f64>>,
        /// Drones used.
        count: Option<usize>,
    },
    /// A triangle mesh (OBJ, STL, glTF), sampled on its surface or through its volume.
    Mesh {
        /// Vertices, metres, local frame (`x` right, `y` up, `z` towards the audience),
        /// centred on the formation's centre and scaled to the requested size.
        vertices: Vec<Vec3>,
        /// Triangles, as indices into `vertices` (at least one).
        triangles: Vec<[usize; 3]>,
        /// Colour of each vertex (vertex colours or material colours), if the file has them.
        colors: Option<Vec<Rgb>>,
        /// Textures over the vertex colours (glTF base-colour textures), if any.
        paint: Option<Box<crate::MeshPaint>>,
        /// Sample the enclosed volume instead of the surface.
        volume: bool,
        /// Seed of the sampling (the show's `seed`).
        seed: u64,
        /// Drones used.
        count: Option<usize>,
        /// The mesh's animation (a glTF file's), played during the hold; `vertices` are
        /// then its pose when the hold starts. `None` for a still mesh.
        animation: Option<Box<MeshAnimation>>,
    },
    /// Hand-placed markers: the vertices of a mesh file, one drone each, in the local frame
    /// (`x` right, `y` up, `z` towards the audience), centred and scaled like a mesh.
    Vertices {
        /// Positions, metres, local frame.
        points: Vec<Vec3>,
        /// Per-point colours, if the file has them.
        colors: Option<Vec<Rgb>>,
    },
    /// A morph sequence: pictures shown one after the other at given moments of the hold,
    /// the drones flying from each to the next.
    Sequence {
        /// The pictures in time order (at least two, the first at the start of the hold),
        /// each with the same number of drones.
        frames: Vec<SequenceFrame>,
    },
    /// Per-drone paths recorded by another tool (a Skybrush CSV zip, or a points CSV with a
    /// time column), flown during the hold. Show frame.
    Animation {
        /// The recorded paths and how they are played.
        clip: Clip,
        /// Per-drone colours, if the file had them (the first sample's).
        colors: Option<Vec<Rgb>>,
    },
}

/// 2D artwork lowered into the picture plane: `[u, v]` points in metres, `u` right and `v`
/// up as the audience sees them, centred on the canvas centre (the formation's centre).
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    /// Width of the canvas (an SVG's viewBox, an image, a text block), metres.
    pub width_m: f64,
    /// Height of the canvas, metres.
    pub height_m: f64,
    /// Painted area as closed rings (the last point joins the first); a point is inside
    /// when it is inside an odd number of rings. Sampled by `fill` mode.
    pub area: Vec<Vec<[f64; 2]>>,
    /// Lines traced by `outline` mode: stroke centre lines and the edges of filled paths.
    /// A closed line repeats its first point last.
    pub lines: Vec<Vec<[f64; 2]>>,
    /// The picture as painted over the canvas (fills, strokes, gradients, pixels): rows from
    /// the top, each pixel's colour or `None` where nothing is painted. Empty when the artwork
    /// has no colours of its own.
    pub colors: Vec<Vec<Option<Rgb>>>,
    /// Share of the drones placed inside the area, the rest on the lines: 0 = outline only,
    /// 1 = fill only; `None` = both, split so that the two get the same spacing.
    pub fill_share: Option<f64>,
    /// Seed of the sampling (the show's `seed`).
    pub seed: u64,
}

impl Shape {
    /// A drawing with an empty canvas of `width_m` × `height_m`, to be filled in and given to
    /// [`Shape::Svg`], [`Shape::Text`] or [`Shape::Image`]. (Other crates make drawings with
    /// it: `Drawing` is not re-exported at the crate root yet.)
    pub fn blank_drawing(width_m: f64, height_m: f64, seed: u64) -> Drawing {
        Drawing {
            width_m,
            height_m,
            area: Vec::new(),
            lines: Vec::new(),
            colors: Vec::new(),
            fill_share: Some(1.0),
            seed,
        }
    }

    /// The 2D drawing of an SVG, text or image shape.
    pub fn drawing(&self) -> Option<&Drawing> {
        match self {
            Shape::Svg { drawing, .. }
            | Shape::Text { drawing, .. }
            | Shape::Image { drawing, .. } => Some(drawing),
            _ => None,
        }
    }

    /// Short name of the shape kind.
    pub fn kind(&self) -> &'static str {
        match self {
            Shape::Grid { .. } => "grid",
            Shape::Circle { .. } => "circle",
            Shape::Ring { .. } => "ring",
            Shape::Disc { .. } => "disc",
            Shape::Sphere { .. } => "sphere",
            Shape::Helix { .. } => "helix",
            Shape::Line { .. } => "line",
            Shape::Polygon { .. } => "polygon",
            Shape::Points { .. } => "points",
            Shape::Svg { .. } => "svg",
            Shape::Text { .. } => "text",
            Shape::Image { .. } => "image",
            Shape::Mesh { .. } => "mesh",
            Shape::Vertices { .. } => "vertices",
            Shape::Sequence { .. } => "sequence",
            Shape::Animation { .. } => "animation",
        }
    }
}

/// How a formation is coloured.
#[derive(Clone, Debug, PartialEq)]
pub enum ColorDesign {
    /// One colour for every drone.
    Solid(Rgb),
    /// Colours spread along an axis across the formation's extent.
    Gradient {
        /// Direction in the show frame (unit vector).
        axis: Vec3,
        /// Evenly spaced colour stops (at least two).
        stops: Vec<Rgb>,
    },
    /// Each point's own colour (from the CSV file).
    PerPoint,
}
