//! One `[[chapter.formation]]`: its name, times, shape, placement, colouring and the
//! shortest transition into it. The shape itself is lowered by `shape` (parametric shapes
//! and point lists), `artwork` and `mesh`; the colouring by `coloring`.

use super::label::Label;
use std::ops::Range;

use skyshow_i18n::msg;
use skyshow_model::{FormationDesign, Placement, TransitionDesign, Vec3};
use toml::Spanned;

use super::raw::RawFormation;
use super::{Cx, Reader, music};
use crate::error::ImportError;

impl Cx<'_> {
    pub(super) fn formation(
        &self,
        sf: &Spanned<RawFormation>,
        chapter: usize,
        stage_center: Vec3,
        fleet: usize,
        read: &mut Reader<'_>,
    ) -> Result<FormationDesign, ImportError> {
        let f = sf.get_ref();
        let name = f.name.get_ref().trim().to_string();
        if name.is_empty() {
            return Err(self.err(
                f.name.span(),
                msg!("formation-needs-name"),
                Label::EmptyName,
                None,
            ));
        }
        let (start_s, start_next) = self.start(f)?;
        let (hold_s, hold_music) = self.length(&f.hold, "hold", music::Anchor::From(start_s))?;
        let count = match &f.count {
            Some(c) if *c.get_ref() > fleet as i64 => {
                return Err(self.err(
                    c.span(),
                    msg!(
                        "formation-count-above-fleet",
                        formation = name.as_str(),
                        count = *c.get_ref(),
                        fleet = fleet
                    ),
                    Label::Count,
                    Some(msg!("formation-count-above-fleet-hint")),
                ));
            }
            Some(c) => Some(self.count(c, "count", 1, fleet as i64)?),
            None => None,
        };
        let kind = f.shape.get_ref().as_str();
        self.check_shape_keys(f, kind)?;
        let shape = self.shape(sf, kind, &name, count, fleet, read)?;
        let center = f
            .center
            .as_ref()
            .map(|c| self.vec3(c, "center"))
            .transpose()?
            .unwrap_or(stage_center);
        let angle = |v: &Option<Spanned<f64>>, key: &str| {
            self.opt_num(v, key, 0.0, -360.0, 360.0, "degrees")
        };
        let placement = Placement {
            center,
            roll_deg: angle(&f.roll_deg, "roll_deg")?,
            tilt_deg: angle(&f.tilt_deg, "tilt_deg")?,
            turn_deg: angle(&f.turn_deg, "turn_deg")?,
        };
        let color = self.coloring(f, &shape)?;
        let motion = self.motions(f, hold_music.is_none().then_some(hold_s))?;
        let min_duration_s = self.opt_num(
            &f.min_transition_s,
            "min_transition_s",
            0.0,
            0.0,
            3600.0,
            "seconds",
        )?;
        Ok(FormationDesign {
            name,
            chapter,
            start_s,
            start_next,
            hold_s,
            hold_music,
            shape,
            placement,
            color,
            transition: TransitionDesign { min_duration_s },
            motion,
        })
    }

    /// Keys that only some shapes take: the rest are refused so typos do not pass silently.
    pub(super) fn check_shape_keys(&self, f: &RawFormation, kind: &str) -> Result<(), ImportError> {
        let Some(allowed) = shape_keys(kind) else {
            return Err(self.err_near(
                f.shape.span(),
                msg!("formation-unknown-shape", shape = kind),
                Label::Shape,
                msg!("formation-unknown-shape-hint"),
                kind,
                SHAPES,
            ));
        };
        if kind != "sequence"
            && let Some(fr) = f.frames.first()
        {
            return Err(self.err(
                fr.span(),
                msg!("formation-frames-not-taken", shape = kind),
                Label::Frame,
                Some(msg!("formation-frames-not-taken-hint")),
            ));
        }
        let playback = [
            (
                "animation_speed",
                f.animation_speed.as_ref().map(Spanned::span),
            ),
            (
                "animation_start_s",
                f.animation_start_s.as_ref().map(Spanned::span),
            ),
            (
                "animation_loop",
                f.animation_loop.as_ref().map(Spanned::span),
            ),
        ];
        for (key, span) in playback {
            if let Some(span) = span
                && kind != "animation"
                && kind != "mesh"
            {
                return Err(self.err(
                    span,
                    msg!("formation-key-not-taken", shape = kind, key = key),
                    Label::NotUsedByShape,
                    Some(msg!("formation-playback-not-taken-hint")),
                ));
            }
        }
        for (key, span) in given_shape_keys(f, kind) {
            if let Some(span) = span
                && !allowed.contains(&key)
            {
                return Err(self.err(
                    span,
                    msg!("formation-key-not-taken", shape = kind, key = key),
                    Label::NotUsedByShape,
                    Some(msg!(
                        "formation-key-not-taken-hint",
                        shape = kind,
                        keys = allowed.join(", ")
                    )),
                ));
            }
        }
        Ok(())
    }
}

/// Every shape a formation can take, in the order the unknown-shape hint lists them.
const SHAPES: &[&str] = &[
    "grid",
    "plane",
    "circle",
    "ring",
    "disc",
    "sphere",
    "helix",
    "line",
    "polygon",
    "points",
    "svg",
    "text",
    "image",
    "mesh",
    "sequence",
    "animation",
];

/// The shape-specific keys `kind` takes (`None`: no such shape).
fn shape_keys(kind: &str) -> Option<&'static [&'static str]> {
    let keys: &[&str] = match kind {
        "grid" | "plane" => &["width_m", "height_m", "rows", "columns", "count"],
        "circle" | "disc" | "sphere" => &["radius_m", "count"],
        "ring" => &["inner_radius_m", "outer_radius_m", "count"],
        "helix" => &["radius_m", "height_m", "turns", "count"],
        "line" => &["length_m", "count"],
        "polygon" => &["sides", "radius_m", "count"],
        "points" => &["points", "offset_m"],
        "svg" => &[
            "file",
            "width_m",
            "height_m",
            "mode",
            "weight",
            "dark",
            "dark_below",
            "count",
        ],
        "text" => &[
            "text",
            "font",
            "font_weight",
            "align",
            "line_spacing",
            "width_m",
            "height_m",
            "mode",
            "weight",
            "count",
        ],
        "image" => &[
            "file",
            "width_m",
            "height_m",
            "mode",
            "weight",
            "threshold",
            "invert",
            "sample",
            "count",
        ],
        "mesh" => &[
            "file",
            "size_m",
            "width_m",
            "height_m",
            "up",
            "mode",
            "count",
            "animation",
        ],
        "sequence" => &["count"],
        "animation" => &["file", "offset_m", "count"],
        _ => return None,
    };
    Some(keys)
}

/// The shape-specific keys a formation gives, with where (`center` counts only for
/// `points`, where it is a shape key; elsewhere it is the placement).
fn given_shape_keys<'f>(f: &RawFormation, kind: &str) -> Vec<(&'f str, Option<Range<usize>>)> {
    vec![
        ("width_m", f.width_m.as_ref().map(Spanned::span)),
        ("height_m", f.height_m.as_ref().map(Spanned::span)),
        ("rows", f.rows.as_ref().map(Spanned::span)),
        ("columns", f.columns.as_ref().map(Spanned::span)),
        ("radius_m", f.radius_m.as_ref().map(Spanned::span)),
        (
            "inner_radius_m",
            f.inner_radius_m.as_ref().map(Spanned::span),
        ),
        (
            "outer_radius_m",
            f.outer_radius_m.as_ref().map(Spanned::span),
        ),
        ("turns", f.turns.as_ref().map(Spanned::span)),
        ("length_m", f.length_m.as_ref().map(Spanned::span)),
        ("sides", f.sides.as_ref().map(Spanned::span)),
        ("points", f.points.as_ref().map(Spanned::span)),
        ("offset_m", f.offset_m.as_ref().map(Spanned::span)),
        ("count", f.count.as_ref().map(Spanned::span)),
        ("file", f.file.as_ref().map(Spanned::span)),
        ("mode", f.mode.as_ref().map(Spanned::span)),
        ("weight", f.weight.as_ref().map(Spanned::span)),
        ("text", f.text.as_ref().map(Spanned::span)),
        ("font", f.font.as_ref().map(Spanned::span)),
        ("font_weight", f.font_weight.as_ref().map(Spanned::span)),
        ("align", f.align.as_ref().map(Spanned::span)),
        ("line_spacing", f.line_spacing.as_ref().map(Spanned::span)),
        ("threshold", f.threshold.as_ref().map(Spanned::span)),
        ("invert", f.invert.as_ref().map(Spanned::span)),
        ("sample", f.sample.as_ref().map(Spanned::span)),
        ("dark", f.dark.as_ref().map(Spanned::span)),
        ("dark_below", f.dark_below.as_ref().map(Spanned::span)),
        ("size_m", f.size_m.as_ref().map(Spanned::span)),
        ("up", f.up.as_ref().map(Spanned::span)),
        ("animation", f.animation.as_ref().map(Spanned::span)),
        (
            "center",
            if kind == "points" {
                f.center.as_ref().map(Spanned::span)
            } else {
                None
            },
        ),
    ]
}
