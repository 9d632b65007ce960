//! Checked values of the show file: numbers in range, whole numbers, coordinates, times
//! and named choices, each refused with the key, the range and a hint.

use std::ops::Range;

use skyshow_i18n::{Message, msg};
use skyshow_model::Vec3;
use toml::Spanned;

use super::label::Label;
use super::{Cx, MAX_TIME_S, RawTime};
use crate::error::{ImportError, ShowFileError};

impl Cx<'_> {
    /// An error at `span`, labelled `label`, with its message and hint.
    pub(super) fn err(
        &self,
        span: Range<usize>,
        message: Message,
        label: Label,
        help: Option<Message>,
    ) -> ImportError {
        self.fail(span, message, label.message(), help)
    }

    /// An error for a name `given` that is none of `candidates`: the hint is preceded by
    /// "did you mean" with the nearest candidate when the name looks like a slip of one.
    pub(super) fn err_near(
        &self,
        span: Range<usize>,
        message: impl Into<Message>,
        label: Label,
        hint: impl Into<Message>,
        given: &str,
        candidates: &[&str],
    ) -> ImportError {
        let hint =
            skyshow_i18n::hint_with_suggestion(given, candidates.iter().copied(), hint.into());
        self.fail(span, message.into(), label.message(), Some(hint))
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
        "(a share of the picture, 0–1)" => msg!("unit-share-of-picture"),
        "(of the picture's extent)" => msg!("unit-of-picture-extent"),
        "(brightness of the brightest channel)" => msg!("unit-brightest-channel"),
        "metres (above the minimum navigation altitude, below the maximum altitude)" => {
            msg!("unit-metres-in-band")
        }
        "metres per mm of calibre" => msg!("unit-metres-per-mm"),
        other => Message::verbatim(other),
    }
}
