//! The parameters of a light effect as written (colours, axis, rhythm, lengths, blend,
//! targets), each read with the error that names its key and a hint.

use skyshow_i18n::msg;
use skyshow_model::{Axis, Blend, Every, MusicalLength, Rgb, Vec3};
use toml::Spanned;

use super::label::Label;
use super::lights::RawLight;
use super::music::Anchor;
use super::{Cx, RawTime};
use crate::color::parse_color;
use crate::error::ImportError;

/// `"12"` or `"1-100"` (from 1, inclusive).
pub(super) fn range(text: &str) -> Option<(usize, usize)> {
    let t = text.trim();
    let (a, b) = t.split_once('-').unwrap_or((t, t));
    let a: usize = a.trim().parse().ok()?;
    let b: usize = b.trim().parse().ok()?;
    (a >= 1 && b >= a).then_some((a, b))
}

impl Cx<'_> {
    /// The effect needs `key`, which it does not have.
    pub(super) fn light_needs(&self, l: &RawLight, key: &str) -> ImportError {
        self.err(
            l.effect.span(),
            msg!(
                "light-effect-needs",
                effect = l.effect.get_ref().as_str(),
                key = key
            ),
            Label::Effect,
            Some(msg!("light-effect-needs-hint", key = key)),
        )
    }

    /// A colour (`key` is the effect's `color`).
    pub(super) fn light_color(
        &self,
        l: &RawLight,
        key: &Option<Spanned<String>>,
    ) -> Result<Rgb, ImportError> {
        match key {
            Some(c) => parse_color(c.get_ref()).map_err(|why| {
                self.fail(
                    c.span(),
                    why,
                    msg!("show-file-label-colour"),
                    Some(crate::color::color_hint()),
                )
            }),
            None => Err(self.light_needs(l, "color")),
        }
    }

    /// `colors`, at least `min` of them.
    pub(super) fn light_colors(&self, l: &RawLight, min: usize) -> Result<Vec<Rgb>, ImportError> {
        let Some(cs) = &l.colors else {
            return Err(self.light_needs(l, "colors"));
        };
        let v = cs
            .get_ref()
            .iter()
            .map(|c| {
                parse_color(c).map_err(|why| {
                    self.err(
                        cs.span(),
                        why,
                        Label::InList,
                        Some(crate::color::color_hint()),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if v.len() < min {
            return Err(self.err(
                cs.span(),
                msg!("light-colors-too-few", min = min),
                Label::List,
                None,
            ));
        }
        Ok(v)
    }

    /// A share of the picture, 0–1 (`default` when not written).
    pub(super) fn light_frac(
        &self,
        v: &Option<Spanned<f64>>,
        key: &str,
        default: f64,
    ) -> Result<f64, ImportError> {
        self.opt_num(v, key, default, 0.0, 1.0, "(a share of the picture, 0–1)")
    }

    /// Seconds, 0–3600 (`default` when not written).
    pub(super) fn light_secs(
        &self,
        v: &Option<Spanned<f64>>,
        key: &str,
        default: f64,
    ) -> Result<f64, ImportError> {
        self.opt_num(v, key, default, 0.0, 3600.0, "seconds")
    }

    /// `axis` (a show axis or a picture direction) or `angle_deg`; the picture's right
    /// when neither is written.
    pub(super) fn light_axis(&self, l: &RawLight) -> Result<Axis, ImportError> {
        match (&l.axis, &l.angle_deg) {
            (Some(a), None) => Ok(match a.get_ref().as_str() {
                "x" => Axis::Show(Vec3::new(1.0, 0.0, 0.0)),
                "y" => Axis::Show(Vec3::new(0.0, 1.0, 0.0)),
                "z" => Axis::Show(Vec3::new(0.0, 0.0, 1.0)),
                "-x" => Axis::Show(Vec3::new(-1.0, 0.0, 0.0)),
                "-y" => Axis::Show(Vec3::new(0.0, -1.0, 0.0)),
                "-z" => Axis::Show(Vec3::new(0.0, 0.0, -1.0)),
                "right" => Axis::Picture(0.0),
                "up" => Axis::Picture(90.0),
                "left" => Axis::Picture(180.0),
                "down" => Axis::Picture(270.0),
                other => {
                    return Err(self.err_near(
                        a.span(),
                        msg!("light-unknown-axis", value = other),
                        Label::Axis,
                        msg!("light-unknown-axis-hint"),
                        other,
                        &[
                            "right", "up", "left", "down", "x", "y", "z", "-x", "-y", "-z",
                        ],
                    ));
                }
            }),
            (None, Some(d)) => Ok(Axis::Picture(self.num(
                d,
                "angle_deg",
                -360.0,
                360.0,
                "degrees",
            )?)),
            (None, None) => Ok(Axis::Picture(0.0)),
            (Some(_), Some(d)) => {
                Err(self.err(d.span(), msg!("light-axis-or-angle"), Label::Key, None))
            }
        }
    }

    /// `every`: `N beats`, `N bars` (both need music) or `N s`; every beat when not
    /// written.
    pub(super) fn light_every(&self, l: &RawLight) -> Result<Every, ImportError> {
        let Some(e) = &l.every else {
            if self.clock.beats.is_none() {
                return Err(self.err(
                    l.effect.span(),
                    msg!("light-beats-need-music"),
                    Label::Effect,
                    Some(msg!("light-beats-need-music-hint")),
                ));
            }
            return Ok(Every::Beats(1));
        };
        let t = e.get_ref().trim();
        let (n, unit) = t
            .split_once(' ')
            .map_or(("1", t), |(a, b)| (a.trim(), b.trim()));
        let bad = || {
            self.err(
                e.span(),
                msg!("light-every-not-interval", value = t),
                Label::Value,
                Some(msg!("light-every-not-interval-hint")),
            )
        };
        let count = || {
            n.parse()
                .ok()
                .filter(|k| (1..=64).contains(k))
                .ok_or_else(bad)
        };
        let out = match unit {
            "beat" | "beats" => Every::Beats(count()?),
            "bar" | "bars" => Every::Bars(count()?),
            "s" => Every::Seconds(
                n.parse()
                    .ok()
                    .filter(|s: &f64| s.is_finite() && *s >= 0.04 && *s <= 600.0)
                    .ok_or_else(bad)?,
            ),
            _ => return Err(bad()),
        };
        if !matches!(out, Every::Seconds(_)) && self.clock.beats.is_none() {
            return Err(self.err(
                e.span(),
                msg!("light-beats-need-music"),
                Label::Value,
                Some(msg!("light-beats-need-music-hint")),
            ));
        }
        Ok(out)
    }

    /// A length parameter between `lo` and `hi` seconds (`default` when not written):
    /// seconds, or beats or bars counted from the effect's start `start_s` (at the main
    /// tempo when the start is only known once the show is planned).
    pub(super) fn light_length(
        &self,
        v: &Option<Spanned<RawTime>>,
        key: &str,
        [default, lo, hi]: [f64; 3],
        start_s: Option<f64>,
    ) -> Result<f64, ImportError> {
        let Some(v) = v else { return Ok(default) };
        let (d, written) = match v.get_ref() {
            RawTime::Seconds(x) => (*x, crate::number::shown(*x)),
            RawTime::Text(t) if MusicalLength::parse(t).is_some() => {
                let (d, _) = self.length(v, key, Anchor::From(start_s))?;
                (d, format!("\"{}\" ({d:.3} s)", t.trim()))
            }
            RawTime::Text(t) => {
                return Err(self.err(
                    v.span(),
                    msg!("light-not-a-length", key = key, value = t),
                    Label::Value,
                    Some(msg!("light-not-a-length-hint", key = key)),
                ));
            }
        };
        if !d.is_finite() || d < lo || d > hi {
            return Err(self.err(
                v.span(),
                msg!(
                    "show-file-out-of-range",
                    key = key,
                    value = written.to_string()
                ),
                Label::Value,
                Some(msg!(
                    "show-file-out-of-range-hint",
                    key = key,
                    lo = lo,
                    hi = hi,
                    unit = msg!("unit-seconds")
                )),
            ));
        }
        Ok(d)
    }

    /// A fade (`fade_in_s` from `anchor`, `fade_out_s` before it): its length in seconds,
    /// and its musical length when written in beats or bars; none when not written.
    pub(super) fn light_fade(
        &self,
        v: &Option<Spanned<RawTime>>,
        key: &str,
        anchor: Anchor,
    ) -> Result<(f64, Option<MusicalLength>), ImportError> {
        let Some(v) = v else {
            return Ok((0.0, None));
        };
        let (d, m) = self.length(v, key, anchor)?;
        if d > 86_400.0 {
            return Err(self.err(
                v.span(),
                msg!(
                    "show-file-time-too-long",
                    key = key,
                    value = format!("{d:.3}")
                ),
                Label::Length,
                None,
            ));
        }
        Ok((d, m))
    }

    /// `blend`: normal (default), add, multiply or screen.
    pub(super) fn light_blend(&self, l: &RawLight) -> Result<Blend, ImportError> {
        let Some(b) = l.blend.as_ref() else {
            return Ok(Blend::Normal);
        };
        match b.get_ref().as_str() {
            "normal" => Ok(Blend::Normal),
            "add" => Ok(Blend::Add),
            "multiply" => Ok(Blend::Multiply),
            "screen" => Ok(Blend::Screen),
            other => Err(self.err_near(
                b.span(),
                msg!("light-unknown-blend", value = other),
                Label::Value,
                msg!("light-unknown-blend-hint"),
                other,
                &["normal", "add", "multiply", "screen"],
            )),
        }
    }

    /// A list of `"N"` or `"A-B"` ranges (`drones`, `points`), from 1, inclusive.
    pub(super) fn light_ranges(
        &self,
        v: &Option<Spanned<Vec<String>>>,
    ) -> Result<Vec<(usize, usize)>, ImportError> {
        let Some(v) = v else { return Ok(Vec::new()) };
        v.get_ref()
            .iter()
            .map(|r| {
                range(r).ok_or_else(|| {
                    self.err(
                        v.span(),
                        msg!("light-not-a-range", value = r.as_str()),
                        Label::InList,
                        Some(msg!("light-not-a-range-hint")),
                    )
                })
            })
            .collect()
    }

    /// `region`: `[u0, v0, u1, v1]`, a box in the picture's own coordinates.
    pub(super) fn light_region(&self, l: &RawLight) -> Result<Option<[f64; 4]>, ImportError> {
        let Some(r) = &l.region else {
            return Ok(None);
        };
        let a = *r.get_ref();
        if a.iter().any(|x| !x.is_finite()) || a[2] <= a[0] || a[3] <= a[1] {
            return Err(self.err(
                r.span(),
                msg!("light-region-not-a-box"),
                Label::Value,
                Some(msg!("light-region-not-a-box-hint")),
            ));
        }
        Ok(Some(a))
    }

    /// A radial effect's `center` in the picture's coordinates (its middle by default).
    pub(super) fn light_center(&self, l: &RawLight) -> Result<[f64; 2], ImportError> {
        let Some(c) = &l.center else {
            return Ok([0.5, 0.5]);
        };
        let [u, v] = *c.get_ref();
        let inside = |x: f64| x.is_finite() && (-1.0..=2.0).contains(&x);
        if !(inside(u) && inside(v)) {
            return Err(self.err(
                c.span(),
                msg!("light-center-out-of-range"),
                Label::Value,
                Some(msg!("light-center-out-of-range-hint")),
            ));
        }
        Ok([u, v])
    }
}

#[cfg(test)]
mod tests {
    use super::range;

    #[test]
    fn ranges() {
        assert_eq!(range("5"), Some((5, 5)));
        assert_eq!(range("1-100"), Some((1, 100)));
        assert_eq!(range("0-3"), None);
        assert_eq!(range("9-3"), None);
        assert_eq!(range("a"), None);
    }
}
