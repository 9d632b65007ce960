//! `[[light]]` and `[[chapter.formation.light]]`: light effects lowered to
//! [`LightEffect`]s, their times resolved on the show clock.

use super::label::Label;
use serde::Deserialize;
use skyshow_model::{
    Axis, Blend, EffectKind, Every, LightEffect, LightFrame, MusicalLength, Rgb, Target, Vec3,
};
use toml::Spanned;

use super::music::Anchor;
use super::{Cx, RawTime, Reader};
use crate::color::parse_color;
use crate::error::ImportError;
use skyshow_i18n::msg;

/// One effect as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLight {
    pub(super) effect: Spanned<String>,
    pub(super) start: Option<Spanned<RawTime>>,
    pub(super) end: Option<Spanned<RawTime>>,
    pub(super) duration: Option<Spanned<RawTime>>,
    pub(super) snap: Option<Spanned<String>>,
    #[serde(alias = "fade_in")]
    pub(super) fade_in_s: Option<Spanned<RawTime>>,
    #[serde(alias = "fade_out")]
    pub(super) fade_out_s: Option<Spanned<RawTime>>,
    pub(super) blend: Option<Spanned<String>>,
    pub(super) opacity: Option<Spanned<f64>>,
    // Targeting.
    pub(super) drones: Option<Spanned<Vec<String>>>,
    pub(super) formation: Option<Spanned<String>>,
    pub(super) points: Option<Spanned<Vec<String>>>,
    pub(super) region: Option<Spanned<[f64; 4]>>,
    /// `formation` (painted on the shape) or `sky` (fixed in the sky).
    pub(super) frame: Option<Spanned<String>>,
    // Effect parameters.
    pub(super) color: Option<Spanned<String>>,
    pub(super) colors: Option<Spanned<Vec<String>>>,
    pub(super) axis: Option<Spanned<String>>,
    pub(super) angle_deg: Option<Spanned<f64>>,
    pub(super) center: Option<Spanned<[f64; 2]>>,
    pub(super) band: Option<Spanned<f64>>,
    pub(super) softness: Option<Spanned<f64>>,
    pub(super) wavelength: Option<Spanned<f64>>,
    pub(super) period_s: Option<Spanned<RawTime>>,
    pub(super) density: Option<Spanned<f64>>,
    pub(super) flash_s: Option<Spanned<RawTime>>,
    pub(super) seed: Option<Spanned<i64>>,
    pub(super) every: Option<Spanned<String>>,
    pub(super) decay_s: Option<Spanned<RawTime>>,
    pub(super) on_s: Option<Spanned<RawTime>>,
    pub(super) fade_s: Option<Spanned<f64>>,
    pub(super) file: Option<Spanned<String>>,
    pub(super) frames: Option<Spanned<String>>,
    pub(super) frame_count: Option<Spanned<i64>>,
    pub(super) first_frame: Option<Spanned<i64>>,
    pub(super) fps: Option<Spanned<f64>>,
    #[serde(rename = "loop")]
    pub(super) looped: Option<Spanned<bool>>,
}

/// `"12"` or `"1-100"` (from 1, inclusive).
fn range(text: &str) -> Option<(usize, usize)> {
    let t = text.trim();
    let (a, b) = t.split_once('-').unwrap_or((t, t));
    let a: usize = a.trim().parse().ok()?;
    let b: usize = b.trim().parse().ok()?;
    (a >= 1 && b >= a).then_some((a, b))
}

impl Cx<'_> {
    /// Lowers one effect. `home` is the formation a `[[chapter.formation.light]]` belongs
    /// to, `chapter` the chapter of a `[[chapter.light]]`; `formations` names the
    /// formations defined so far (for `formation = …`).
    pub(super) fn light(
        &self,
        sl: &Spanned<RawLight>,
        label: String,
        home: Option<usize>,
        chapter: Option<usize>,
        formations: &[String],
        read: &mut Reader<'_>,
    ) -> Result<LightEffect, ImportError> {
        let l = sl.get_ref();
        let kind_name = l.effect.get_ref().as_str();
        let need = |what: &str| {
            self.err(
                l.effect.span(),
                msg!("light-effect-needs", effect = kind_name, key = what),
                Label::Effect,
                Some(msg!("light-effect-needs-hint", key = what)),
            )
        };
        let color = |key: &Option<Spanned<String>>| -> Result<Rgb, ImportError> {
            match key {
                Some(c) => parse_color(c.get_ref()).map_err(|why| {
                    self.fail(
                        c.span(),
                        why,
                        msg!("show-file-label-colour"),
                        Some(crate::color::color_hint()),
                    )
                }),
                None => Err(need("color")),
            }
        };
        let colors = |min: usize| -> Result<Vec<Rgb>, ImportError> {
            let Some(cs) = &l.colors else {
                return Err(need("colors"));
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
        };
        let frac = |v: &Option<Spanned<f64>>, key: &str, default: f64| {
            self.opt_num(v, key, default, 0.0, 1.0, "(a share of the picture, 0–1)")
        };
        let secs = |v: &Option<Spanned<f64>>, key: &str, default: f64| {
            self.opt_num(v, key, default, 0.0, 3600.0, "seconds")
        };
        let axis = || -> Result<Axis, ImportError> {
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
        };
        let every = || -> Result<Every, ImportError> {
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
            let out = match unit {
                "beat" | "beats" => Every::Beats(
                    n.parse()
                        .ok()
                        .filter(|k| (1..=64).contains(k))
                        .ok_or_else(bad)?,
                ),
                "bar" | "bars" => Every::Bars(
                    n.parse()
                        .ok()
                        .filter(|k| (1..=64).contains(k))
                        .ok_or_else(bad)?,
                ),
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
        };

        let start_s = match &l.start {
            Some(s) => Some(self.snapped(self.time(s, "start")?, l.snap.as_ref())?),
            None => None,
        };
        // A length parameter: seconds, or beats or bars counted from the effect's start (at
        // the main tempo when the start is only known once the show is planned).
        let length = |v: &Option<Spanned<RawTime>>, key: &str, default: f64, lo: f64, hi: f64| {
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
        };
        let kind = match kind_name {
            "solid" => EffectKind::Solid {
                color: color(&l.color)?,
            },
            "gradient" => EffectKind::Gradient {
                axis: axis()?,
                colors: colors(2)?,
            },
            "radial" => {
                let center = match &l.center {
                    Some(c) => {
                        let [u, v] = *c.get_ref();
                        if !(u.is_finite()
                            && v.is_finite()
                            && (-1.0..=2.0).contains(&u)
                            && (-1.0..=2.0).contains(&v))
                        {
                            return Err(self.err(
                                c.span(),
                                msg!("light-center-out-of-range"),
                                Label::Value,
                                Some(msg!("light-center-out-of-range-hint")),
                            ));
                        }
                        [u, v]
                    }
                    None => [0.5, 0.5],
                };
                EffectKind::Radial {
                    center,
                    colors: colors(2)?,
                }
            }
            "sweep" | "wipe" => EffectKind::Sweep {
                color: color(&l.color)?,
                axis: axis()?,
                band: if kind_name == "wipe" {
                    0.0
                } else {
                    frac(&l.band, "band", 0.2)?
                },
                softness: frac(&l.softness, "softness", 0.05)?,
            },
            "wave" => {
                let c = colors(2)?;
                EffectKind::Wave {
                    colors: [c[0], c[1]],
                    axis: axis()?,
                    wavelength: self.opt_num(
                        &l.wavelength,
                        "wavelength",
                        0.5,
                        0.01,
                        100.0,
                        "(of the picture's extent)",
                    )?,
                    period_s: length(&l.period_s, "period_s", 2.0, 0.04, 3600.0)?,
                }
            }
            "twinkle" | "sparkle" => EffectKind::Twinkle {
                color: color(&l.color)?,
                density: frac(&l.density, "density", 0.1)?,
                flash_s: length(&l.flash_s, "flash_s", 0.3, 0.02, 60.0)?,
                seed: match &l.seed {
                    Some(s) => self.count(s, "seed", 0, i64::MAX)? as u64,
                    None => self.seed,
                },
            },
            "pulse" => EffectKind::Pulse {
                color: color(&l.color)?,
                every: every()?,
                decay_s: length(&l.decay_s, "decay_s", 0.3, 0.0, 3600.0)?,
            },
            "strobe" => EffectKind::Strobe {
                color: color(&l.color)?,
                every: every()?,
                on_s: length(&l.on_s, "on_s", 0.06, 0.02, 60.0)?,
            },
            "cycle" | "color_cycle" => EffectKind::ColorCycle {
                colors: colors(2)?,
                every: every()?,
                fade_s: secs(&l.fade_s, "fade_s", 0.0)?,
            },
            "image" => match (&l.file, &l.frames) {
                (Some(f), None) => self.effect_image(f, l, read)?,
                (None, Some(p)) => self.frame_sequence(p, l, read)?,
                (None, None) => return Err(need("file")),
                (Some(_), Some(p)) => {
                    return Err(self.err(
                        p.span(),
                        msg!("light-file-or-frames"),
                        Label::Key,
                        Some(msg!("light-file-or-frames-hint")),
                    ));
                }
            },
            other => {
                return Err(self.err_near(
                    l.effect.span(),
                    msg!("light-unknown-effect", value = other),
                    Label::Effect,
                    msg!("light-unknown-effect-hint"),
                    other,
                    &[
                        "solid", "gradient", "radial", "sweep", "wipe", "wave", "twinkle", "pulse",
                        "strobe", "cycle", "image",
                    ],
                ));
            }
        };

        let end_s = match (&l.end, &l.duration) {
            (Some(e), None) => Some(self.snapped(self.time(e, "end")?, l.snap.as_ref())?),
            (None, Some(dv)) => {
                let Some(start) = start_s else {
                    return Err(self.err(
                        sl.span(),
                        msg!("light-duration-needs-start"),
                        Label::Effect,
                        None,
                    ));
                };
                let (d, _) = self.length(dv, "duration", Anchor::From(Some(start)))?;
                if !(0.02..=86_400.0).contains(&d) {
                    return Err(self.err(
                        dv.span(),
                        msg!("light-duration-out-of-range", value = format!("{d:.3}")),
                        Label::Length,
                        Some(msg!("light-duration-out-of-range-hint")),
                    ));
                }
                Some(start + d)
            }
            (None, None) => None,
            (Some(_), Some(d)) => {
                return Err(self.err(d.span(), msg!("light-end-or-duration"), Label::Key, None));
            }
        };
        if home.is_none() && chapter.is_none() && (start_s.is_none() || end_s.is_none()) {
            return Err(self.err(
                l.effect.span(),
                msg!("light-needs-start-end"),
                Label::Effect,
                Some(msg!("light-needs-start-end-hint")),
            ));
        }
        if let (Some(s), Some(e)) = (start_s, end_s)
            && e <= s
        {
            let span = l.end.as_ref().map_or(sl.span(), |e| e.span());
            return Err(self.err(
                span,
                msg!(
                    "light-ends-before-start",
                    end = format!("{e:.3}"),
                    start = format!("{s:.3}")
                ),
                Label::End,
                None,
            ));
        }
        let fade = |v: &Option<Spanned<RawTime>>, key: &str, anchor: Anchor| match v {
            None => Ok((0.0, None)),
            Some(v) => {
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
        };
        let (fade_in_s, fade_in_music) = fade(&l.fade_in_s, "fade_in_s", Anchor::From(start_s))?;
        let (fade_out_s, fade_out_music) =
            fade(&l.fade_out_s, "fade_out_s", Anchor::Before(end_s))?;
        let blend = match l.blend.as_ref() {
            None => Blend::Normal,
            Some(b) => match b.get_ref().as_str() {
                "normal" => Blend::Normal,
                "add" => Blend::Add,
                "multiply" => Blend::Multiply,
                "screen" => Blend::Screen,
                other => {
                    return Err(self.err_near(
                        b.span(),
                        msg!("light-unknown-blend", value = other),
                        Label::Value,
                        msg!("light-unknown-blend-hint"),
                        other,
                        &["normal", "add", "multiply", "screen"],
                    ));
                }
            },
        };
        let ranges =
            |v: &Option<Spanned<Vec<String>>>| -> Result<Vec<(usize, usize)>, ImportError> {
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
            };
        let formation = match (&l.formation, home) {
            (Some(f), None) => Some(
                formations
                    .iter()
                    .position(|n| n == f.get_ref().trim())
                    .ok_or_else(|| {
                        self.err(
                            f.span(),
                            msg!("light-no-such-formation", name = f.get_ref()),
                            Label::Name,
                            Some(msg!("light-no-such-formation-hint")),
                        )
                    })?,
            ),
            (Some(f), Some(_)) => {
                return Err(self.err(
                    f.span(),
                    msg!("light-formation-in-formation"),
                    Label::Key,
                    Some(msg!("light-formation-in-formation-hint")),
                ));
            }
            (None, h) => h,
        };
        let points = ranges(&l.points)?;
        if !points.is_empty() && formation.is_none() {
            return Err(self.err(
                l.points.as_ref().map_or(sl.span(), |p| p.span()),
                msg!("light-points-need-formation"),
                Label::Key,
                None,
            ));
        }
        let region = match &l.region {
            Some(r) => {
                let a = *r.get_ref();
                if a.iter().any(|x| !x.is_finite()) || a[2] <= a[0] || a[3] <= a[1] {
                    return Err(self.err(
                        r.span(),
                        msg!("light-region-not-a-box"),
                        Label::Value,
                        Some(msg!("light-region-not-a-box-hint")),
                    ));
                }
                Some(a)
            }
            None => None,
        };
        let frame = self.light_frame(l, &kind, region.is_some())?;
        Ok(LightEffect {
            label,
            kind,
            target: Target {
                drones: ranges(&l.drones)?,
                formation,
                points,
                region,
            },
            frame_formation: formation,
            frame,
            start_s,
            end_s,
            fade_in_s,
            fade_out_s,
            fade_in_music,
            fade_out_music,
            blend,
            opacity: frac(&l.opacity, "opacity", 1.0)?,
            chapter,
        })
    }

    /// The effect's `frame`: where a position-based effect is drawn while its formation
    /// moves. Only effects that depend on where a drone is (or have a `region`) take it.
    fn light_frame(
        &self,
        l: &RawLight,
        kind: &EffectKind,
        region: bool,
    ) -> Result<LightFrame, ImportError> {
        let choice = self.choice(&l.frame, "frame", &["formation", "sky"], "formation")?;
        if let Some(f) = &l.frame
            && !region
            && !kind.is_spatial()
        {
            return Err(self.err(
                f.span(),
                msg!(
                    "light-frame-not-spatial",
                    effect = l.effect.get_ref().as_str()
                ),
                Label::Key,
                Some(msg!("light-frame-not-spatial-hint")),
            ));
        }
        Ok(if choice == "sky" {
            LightFrame::Sky
        } else {
            LightFrame::Formation
        })
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
