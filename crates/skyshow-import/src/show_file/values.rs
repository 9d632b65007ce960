//! Checked values of the show file: numbers in range, whole numbers, coordinates, times
//! and named choices, each refused with the key, the range and a hint.

use std::ops::Range;

use skyshow_i18n::{Message, msg};
use skyshow_model::Vec3;
use toml::Spanned;

use super::{Cx, MAX_TIME_S, RawTime};
use crate::error::{ImportError, ShowFileError};

impl Cx<'_> {
    pub(super) fn err(
        &self,
        span: Range<usize>,
        message: impl Into<Message>,
        label: &str,
        help: Option<&str>,
    ) -> ImportError {
        ShowFileError::with(
            self.name,
            self.text,
            span,
            message.into(),
            label_message(label),
            help.map(Message::from),
        )
        .into()
    }

    /// An error at `span` with its message and hint as messages, under one of the common
    /// labels (`"this value"`, `"this key"`, …).
    pub(super) fn errm(
        &self,
        span: Range<usize>,
        message: Message,
        label: &str,
        help: Option<Message>,
    ) -> ImportError {
        self.fail(span, message, label_message(label), help)
    }

    /// An error for a name `given` that is none of `candidates`: the hint is preceded by
    /// "did you mean" with the nearest candidate when the name looks like a slip of one.
    pub(super) fn err_near(
        &self,
        span: Range<usize>,
        message: impl Into<Message>,
        label: &str,
        hint: impl Into<Message>,
        given: &str,
        candidates: &[&str],
    ) -> ImportError {
        let hint =
            skyshow_i18n::hint_with_suggestion(given, candidates.iter().copied(), hint.into());
        self.fail(span, message.into(), label_message(label), Some(hint))
    }

    /// An error at `span` with its message, label and hint as messages.
    pub(super) fn fail(
        &self,
        span: Range<usize>,
        message: Message,
        label: Message,
        help: Option<Message>,
    ) -> ImportError {
        ShowFileError::with(self.name, self.text, span, message, label, help).into()
    }

    /// A finite number within `[lo, hi]`.
    pub(super) fn num(
        &self,
        v: &Spanned<f64>,
        key: &str,
        lo: f64,
        hi: f64,
        unit: &str,
    ) -> Result<f64, ImportError> {
        let x = *v.get_ref();
        if !x.is_finite() || x < lo || x > hi {
            return Err(self.fail(
                v.span(),
                msg!(
                    "show-file-out-of-range",
                    key = key,
                    value = crate::number::shown(x)
                ),
                msg!("show-file-label-value"),
                Some(msg!(
                    "show-file-out-of-range-hint",
                    key = key,
                    lo = lo,
                    hi = hi,
                    unit = unit_message(unit)
                )),
            ));
        }
        Ok(x)
    }

    pub(super) fn opt_num(
        &self,
        v: &Option<Spanned<f64>>,
        key: &str,
        default: f64,
        lo: f64,
        hi: f64,
        unit: &str,
    ) -> Result<f64, ImportError> {
        v.as_ref()
            .map_or(Ok(default), |v| self.num(v, key, lo, hi, unit))
    }

    pub(super) fn count(
        &self,
        v: &Spanned<i64>,
        key: &str,
        lo: i64,
        hi: i64,
    ) -> Result<usize, ImportError> {
        let x = *v.get_ref();
        if x < lo || x > hi {
            return Err(self.fail(
                v.span(),
                msg!("show-file-out-of-range", key = key, value = x.to_string()),
                msg!("show-file-label-value"),
                Some(msg!(
                    "show-file-whole-number-hint",
                    key = key,
                    lo = lo.to_string(),
                    hi = hi.to_string()
                )),
            ));
        }
        Ok(x as usize)
    }

    pub(super) fn vec3(&self, v: &Spanned<[f64; 3]>, key: &str) -> Result<Vec3, ImportError> {
        let a = *v.get_ref();
        if a.iter().any(|x| !x.is_finite() || x.abs() > 10_000.0) {
            return Err(self.fail(
                v.span(),
                msg!("show-file-coordinate-out-of-range", key = key),
                msg!("show-file-label-value"),
                Some(msg!("show-file-coordinate-out-of-range-hint")),
            ));
        }
        Ok(Vec3::from(a))
    }

    pub(super) fn time(&self, v: &Spanned<RawTime>, key: &str) -> Result<f64, ImportError> {
        let t = match v.get_ref() {
            RawTime::Seconds(s) => {
                if s.is_finite() && *s >= 0.0 {
                    Ok(*s)
                } else {
                    Err((
                        msg!("show-file-not-a-time", value = *s),
                        msg!("show-file-not-a-time-hint"),
                    ))
                }
            }
            RawTime::Text(s) => self.clock.resolve(s).map_err(|e| (e.why, e.hint)),
        };
        match t {
            Ok(t) if t <= MAX_TIME_S => Ok(t),
            Ok(t) => Err(self.fail(
                v.span(),
                msg!("show-file-time-too-long", key = key, value = t),
                msg!("show-file-label-time"),
                None,
            )),
            Err((why, hint)) => Err(self.fail(
                v.span(),
                msg!("show-file-invalid-time", key = key, why = why),
                msg!("show-file-label-time"),
                Some(hint),
            )),
        }
    }

    /// One of the named choices, or an error listing them.
    pub(super) fn choice<'v>(
        &self,
        v: &'v Option<Spanned<String>>,
        key: &str,
        choices: &[&'v str],
        default: &'v str,
    ) -> Result<&'v str, ImportError> {
        match v {
            None => Ok(default),
            Some(v) => choices
                .iter()
                .find(|c| **c == v.get_ref().as_str())
                .copied()
                .ok_or_else(|| {
                    let list = choices
                        .iter()
                        .map(|c| format!("\"{c}\""))
                        .collect::<Vec<_>>()
                        .join(", ");
                    self.fail(
                        v.span(),
                        msg!("show-file-unknown-choice", key = key, value = v.get_ref()),
                        msg!("show-file-label-value"),
                        Some(skyshow_i18n::hint_with_suggestion(
                            v.get_ref(),
                            choices.iter().copied(),
                            msg!("show-file-unknown-choice-hint", key = key, choices = list),
                        )),
                    )
                }),
        }
    }
}

/// The label under a span: the common English labels become messages, others stay as given.
fn label_message(label: &str) -> Message {
    match label {
        "this value" => msg!("show-file-label-value"),
        "this file" => msg!("show-file-label-file"),
        "this key" => msg!("show-file-label-key"),
        "this shape" => msg!("show-file-label-shape"),
        "here" => msg!("show-file-label-here"),
        "this effect" => msg!("show-file-label-effect"),
        "second one" => msg!("show-file-label-second-one"),
        "this pattern" => msg!("show-file-label-pattern"),
        "this list" => msg!("show-file-label-list"),
        "in this list" => msg!("show-file-label-in-list"),
        "this length" => msg!("show-file-label-length"),
        "this time" => msg!("show-file-label-time"),
        "this name" => msg!("show-file-label-name"),
        "this grid" => msg!("show-file-label-grid"),
        "this colour" => msg!("show-file-label-colour"),
        "this chapter" => msg!("show-file-label-chapter"),
        "this axis" => msg!("show-file-label-axis"),
        "in this file" => msg!("show-file-label-in-file"),
        "this title" => msg!("show-file-label-title"),
        "second colouring" => msg!("show-file-label-second-colouring"),
        "this count" => msg!("show-file-label-count"),
        "this font" => msg!("show-file-label-font"),
        "this end" => msg!("show-file-label-end"),
        "empty name" => msg!("show-file-label-empty-name"),
        "empty" => msg!("show-file-label-empty"),
        "empty kind" => msg!("show-file-label-empty-kind"),
        "empty label" => msg!("show-file-label-empty-label"),
        "this kind" => msg!("show-file-label-kind"),
        "these fireworks" => msg!("show-file-label-fireworks"),
        "these modules" => msg!("show-file-label-modules"),
        "these racks" => msg!("show-file-label-racks"),
        "these positions" => msg!("show-file-label-positions"),
        "these taps" => msg!("show-file-label-taps"),
        other => Message::verbatim(other),
    }
}

/// A unit named in a range hint, in the user's language.
fn unit_message(unit: &str) -> Message {
    match unit {
        "metres" => msg!("unit-metres"),
        "seconds" => msg!("unit-seconds"),
        "degrees" => msg!("unit-degrees"),
        "turns" => msg!("unit-turns"),
        "frames per second" => msg!("unit-fps"),
        "beats per minute" => msg!("unit-bpm"),
        "seconds into the music" => msg!("unit-seconds-into-music"),
        "(ems between baselines)" => msg!("unit-ems-between-baselines"),
        "(brightness)" => msg!("unit-brightness"),
        "(the share of drones inside the area)" => msg!("unit-share-inside"),
        other => Message::verbatim(other),
    }
}
