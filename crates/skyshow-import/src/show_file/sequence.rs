//! `shape = "sequence"`: a morph sequence of `[[chapter.formation.frame]]` pictures, each
//! any still shape (parametric, points, SVG, text, image, mesh) with `at`, the moment of
//! the hold it is complete, and optionally `morph`, how long the morph into it takes.

use super::label::Label;
use serde::Deserialize;
use skyshow_i18n::msg;
use skyshow_model::{HoldTime, SequenceFrame, Shape};
use toml::Spanned;

use super::raw::{RawAnimation, RawFormation};
use super::{Cx, RawTime, Reader};
use crate::error::ImportError;

/// One frame as written: its moment and a shape table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFrame {
    at: Option<Spanned<RawTime>>,
    morph: Option<Spanned<RawTime>>,
    shape: Spanned<String>,
    count: Option<Spanned<i64>>,
    width_m: Option<Spanned<f64>>,
    height_m: Option<Spanned<f64>>,
    rows: Option<Spanned<i64>>,
    columns: Option<Spanned<i64>>,
    radius_m: Option<Spanned<f64>>,
    inner_radius_m: Option<Spanned<f64>>,
    outer_radius_m: Option<Spanned<f64>>,
    turns: Option<Spanned<f64>>,
    length_m: Option<Spanned<f64>>,
    sides: Option<Spanned<i64>>,
    points: Option<Spanned<String>>,
    offset_m: Option<Spanned<[f64; 3]>>,
    file: Option<Spanned<String>>,
    mode: Option<Spanned<String>>,
    weight: Option<Spanned<f64>>,
    text: Option<Spanned<String>>,
    font: Option<Spanned<String>>,
    font_weight: Option<Spanned<i64>>,
    align: Option<Spanned<String>>,
    line_spacing: Option<Spanned<f64>>,
    threshold: Option<Spanned<f64>>,
    invert: Option<Spanned<bool>>,
    sample: Option<Spanned<String>>,
    size_m: Option<Spanned<f64>>,
    up: Option<Spanned<String>>,
    dark: Option<Spanned<String>>,
    dark_below: Option<Spanned<f64>>,
}

impl RawFrame {
    /// The frame as a formation table of the formation `parent` (its name and hold), so the
    /// shape lowering reads it like any formation's shape.
    fn as_formation(&self, parent: &RawFormation) -> RawFormation {
        RawFormation {
            name: parent.name.clone(),
            start: None,
            hold: Spanned::new(parent.hold.span(), RawTime::Seconds(0.0)),
            shape: self.shape.clone(),
            count: self.count.clone().or_else(|| parent.count.clone()),
            width_m: self.width_m.clone(),
            height_m: self.height_m.clone(),
            rows: self.rows.clone(),
            columns: self.columns.clone(),
            radius_m: self.radius_m.clone(),
            inner_radius_m: self.inner_radius_m.clone(),
            outer_radius_m: self.outer_radius_m.clone(),
            turns: self.turns.clone(),
            length_m: self.length_m.clone(),
            sides: self.sides.clone(),
            points: self.points.clone(),
            offset_m: self.offset_m.clone(),
            file: self.file.clone(),
            mode: self.mode.clone(),
            weight: self.weight.clone(),
            text: self.text.clone(),
            font: self.font.clone(),
            font_weight: self.font_weight.clone(),
            align: self.align.clone(),
            line_spacing: self.line_spacing.clone(),
            threshold: self.threshold.clone(),
            invert: self.invert.clone(),
            sample: self.sample.clone(),
            size_m: self.size_m.clone(),
            up: self.up.clone(),
            dark: self.dark.clone(),
            dark_below: self.dark_below.clone(),
            // A frame is a still picture: a glTF mesh in it shows its rest pose.
            animation: (self.shape.get_ref() == "mesh")
                .then(|| Spanned::new(parent.hold.span(), RawAnimation::Flag(false))),
            center: None,
            roll_deg: None,
            tilt_deg: None,
            turn_deg: None,
            color: None,
            gradient: None,
            min_transition_s: None,
            snap: None,
            lights: Vec::new(),
            motions: Vec::new(),
            frames: Vec::new(),
            animation_speed: None,
            animation_start_s: None,
            animation_loop: None,
        }
    }
}

impl Cx<'_> {
    /// A `sequence` formation's frames.
    pub(super) fn sequence(
        &self,
        sf: &Spanned<RawFormation>,
        name: &str,
        fleet: usize,
        read: &mut Reader<'_>,
    ) -> Result<Shape, ImportError> {
        let f = sf.get_ref();
        if f.frames.len() < 2 {
            return Err(self.err(
                f.shape.span(),
                msg!(
                    "sequence-too-few-frames",
                    formation = name,
                    count = f.frames.len()
                ),
                Label::Shape,
                Some(msg!("sequence-too-few-frames-hint")),
            ));
        }
        let mut frames = Vec::with_capacity(f.frames.len());
        for (k, fr) in f.frames.iter().enumerate() {
            let raw = fr.get_ref();
            let kind = raw.shape.get_ref().as_str();
            if matches!(kind, "sequence" | "animation") {
                return Err(self.err(
                    raw.shape.span(),
                    msg!("sequence-frame-kind", kind = kind),
                    Label::Shape,
                    Some(msg!("sequence-frame-kind-hint")),
                ));
            }
            let as_f = Spanned::new(fr.span(), raw.as_formation(f));
            self.check_shape_keys(as_f.get_ref(), kind)?;
            let count = as_f
                .get_ref()
                .count
                .as_ref()
                .map(|c| self.count(c, "count", 1, fleet as i64))
                .transpose()?;
            let shape = self.shape(&as_f, kind, name, count, fleet, read)?;
            let at = match (&raw.at, k) {
                (Some(a), _) => self.hold_time(a, "at", true)?,
                (None, 0) => HoldTime::Seconds(0.0),
                (None, _) => {
                    return Err(self.err(
                        raw.shape.span(),
                        msg!("sequence-frame-needs-at", frame = k + 1),
                        Label::Frame,
                        Some(msg!("sequence-frame-needs-at-hint")),
                    ));
                }
            };
            if k == 0 && at != HoldTime::Seconds(0.0) {
                let span = raw.at.as_ref().map_or(raw.shape.span(), Spanned::span);
                return Err(self.err(
                    span,
                    msg!("sequence-first-frame-at"),
                    Label::Time,
                    Some(msg!("sequence-first-frame-at-hint")),
                ));
            }
            let morph = raw
                .morph
                .as_ref()
                .map(|m| self.hold_time(m, "morph", false))
                .transpose()?;
            if k == 0
                && let Some(m) = &raw.morph
            {
                return Err(self.err(
                    m.span(),
                    msg!("sequence-first-frame-morph"),
                    Label::Key,
                    Some(msg!("sequence-first-frame-morph-hint")),
                ));
            }
            frames.push(SequenceFrame { shape, at, morph });
        }
        self.check_frame_times(f, &frames)?;
        Ok(Shape::Sequence { frames })
    }

    /// Frames in seconds must come in order within a hold in seconds.
    fn check_frame_times(
        &self,
        f: &RawFormation,
        frames: &[SequenceFrame],
    ) -> Result<(), ImportError> {
        let mut last = 0.0;
        for (k, fr) in frames.iter().enumerate().skip(1) {
            let HoldTime::Seconds(t) = fr.at else {
                continue;
            };
            let span = f.frames[k]
                .get_ref()
                .at
                .as_ref()
                .map_or(f.frames[k].span(), Spanned::span);
            if t <= last {
                return Err(self.err(
                    span,
                    msg!(
                        "sequence-frames-out-of-order",
                        frame = k + 1,
                        at = t,
                        before = last
                    ),
                    Label::Time,
                    Some(msg!("sequence-frames-out-of-order-hint")),
                ));
            }
            if let Some(HoldTime::Seconds(m)) = fr.morph
                && m > t - last + 1e-9
            {
                return Err(self.err(
                    f.frames[k]
                        .get_ref()
                        .morph
                        .as_ref()
                        .map_or(span.clone(), Spanned::span),
                    msg!(
                        "sequence-morph-too-long",
                        frame = k + 1,
                        morph = m,
                        gap = t - last
                    ),
                    Label::Length,
                    Some(msg!("sequence-morph-too-long-hint", gap = t - last)),
                ));
            }
            last = t;
        }
        Ok(())
    }
}
