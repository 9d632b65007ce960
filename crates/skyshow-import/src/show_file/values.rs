//! Checked values of the show file: numbers in range, whole numbers, coordinates, times
//! and named choices, each refused with the key, the range and a hint.

use std::ops::Range;

use skyshow_model::Vec3;
use toml::Spanned;

use super::{Cx, MAX_TIME_S, RawTime};
use crate::error::{ImportError, ShowFileError};

impl Cx<'_> {
    pub(super) fn err(
        &self,
        span: Range<usize>,
        message: impl Into<String>,
        label: &str,
        help: Option<&str>,
    ) -> ImportError {
        ShowFileError::new(
            self.name,
            self.text,
            span,
            message,
            label,
            help.map(str::to_string),
        )
        .into()
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
            return Err(self.err(
                v.span(),
                format!("`{key}` = {} is out of range", crate::number::shown(x)),
                "this value",
                Some(&format!("`{key}` must be between {lo} and {hi} {unit}")),
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
            return Err(self.err(
                v.span(),
                format!("`{key}` = {x} is out of range"),
                "this value",
                Some(&format!("`{key}` must be a whole number from {lo} to {hi}")),
            ));
        }
        Ok(x as usize)
    }

    pub(super) fn vec3(&self, v: &Spanned<[f64; 3]>, key: &str) -> Result<Vec3, ImportError> {
        let a = *v.get_ref();
        if a.iter().any(|x| !x.is_finite() || x.abs() > 10_000.0) {
            return Err(self.err(
                v.span(),
                format!("`{key}` has a value out of range"),
                "this value",
                Some("coordinates are metres in the show frame, within ±10 km"),
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
                        format!("{s} is not a time"),
                        "times are seconds from the show's start".to_string(),
                    ))
                }
            }
            RawTime::Text(s) => self.clock.resolve(s).map_err(|e| (e.why, e.hint)),
        };
        match t {
            Ok(t) if t <= MAX_TIME_S => Ok(t),
            Ok(t) => Err(self.err(
                v.span(),
                format!("`{key}` = {t} s is longer than 24 hours"),
                "this time",
                None,
            )),
            Err((why, hint)) => Err(self.err(
                v.span(),
                format!("`{key}` is not a valid time: {why}"),
                "this time",
                Some(&hint),
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
                    self.err(
                        v.span(),
                        format!("unknown {key} `{}`", v.get_ref()),
                        "this value",
                        Some(&format!(
                            "`{key}` is one of: {}",
                            choices
                                .iter()
                                .map(|c| format!("\"{c}\""))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    )
                }),
        }
    }
}
