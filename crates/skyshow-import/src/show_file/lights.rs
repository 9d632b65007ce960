//! `[[light]]` and `[[chapter.formation.light]]`: light effects lowered to
//! [`LightEffect`]s, their times resolved on the show clock.

use super::label::Label;
use serde::Deserialize;
use skyshow_model::{EffectKind, LightEffect, LightFrame, Target};
use toml::Spanned;

use super::music::Anchor;
use super::{Cx, RawTime, Reader};
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
        let start_s = match &l.start {
            Some(s) => Some(self.snapped(self.time(s, "start")?, l.snap.as_ref())?),
            None => None,
        };
        let kind = self.light_kind(l, start_s, read)?;
        let end_s = self.light_end(sl, start_s)?;
        if home.is_none() && chapter.is_none() && (start_s.is_none() || end_s.is_none()) {
            return Err(self.err(
                l.effect.span(),
                msg!("light-needs-start-end"),
                Label::Effect,
                Some(msg!("light-needs-start-end-hint")),
            ));
        }
        let (fade_in_s, fade_in_music) =
            self.light_fade(&l.fade_in_s, "fade_in_s", Anchor::From(start_s))?;
        let (fade_out_s, fade_out_music) =
            self.light_fade(&l.fade_out_s, "fade_out_s", Anchor::Before(end_s))?;
        let blend = self.light_blend(l)?;
        let formation = self.light_formation(l, home, formations)?;
        let points = self.light_ranges(&l.points)?;
        if !points.is_empty() && formation.is_none() {
            return Err(self.err(
                l.points.as_ref().map_or(sl.span(), |p| p.span()),
                msg!("light-points-need-formation"),
                Label::Key,
                None,
            ));
        }
        let region = self.light_region(l)?;
        let frame = self.light_frame(l, &kind, region.is_some())?;
        Ok(LightEffect {
            label,
            kind,
            target: Target {
                drones: self.light_ranges(&l.drones)?,
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
            opacity: self.light_frac(&l.opacity, "opacity", 1.0)?,
            chapter,
        })
    }

    /// The effect and its parameters; lengths in beats or bars count from `start_s`.
    fn light_kind(
        &self,
        l: &RawLight,
        start_s: Option<f64>,
        read: &mut Reader<'_>,
    ) -> Result<EffectKind, ImportError> {
        let kind_name = l.effect.get_ref().as_str();
        let length = |v: &Option<Spanned<RawTime>>, key: &str, bounds: [f64; 3]| {
            self.light_length(v, key, bounds, start_s)
        };
        Ok(match kind_name {
            "solid" => EffectKind::Solid {
                color: self.light_color(l, &l.color)?,
            },
            "gradient" => EffectKind::Gradient {
                axis: self.light_axis(l)?,
                colors: self.light_colors(l, 2)?,
            },
            "radial" => EffectKind::Radial {
                center: self.light_center(l)?,
                colors: self.light_colors(l, 2)?,
            },
            "sweep" | "wipe" => EffectKind::Sweep {
                color: self.light_color(l, &l.color)?,
                axis: self.light_axis(l)?,
                band: if kind_name == "wipe" {
                    0.0
                } else {
                    self.light_frac(&l.band, "band", 0.2)?
                },
                softness: self.light_frac(&l.softness, "softness", 0.05)?,
            },
            "wave" => {
                let c = self.light_colors(l, 2)?;
                EffectKind::Wave {
                    colors: [c[0], c[1]],
                    axis: self.light_axis(l)?,
                    wavelength: self.opt_num(
                        &l.wavelength,
                        "wavelength",
                        0.5,
                        0.01,
                        100.0,
                        "(of the picture's extent)",
                    )?,
                    period_s: length(&l.period_s, "period_s", [2.0, 0.04, 3600.0])?,
                }
            }
            "twinkle" | "sparkle" => EffectKind::Twinkle {
                color: self.light_color(l, &l.color)?,
                density: self.light_frac(&l.density, "density", 0.1)?,
                flash_s: length(&l.flash_s, "flash_s", [0.3, 0.02, 60.0])?,
                seed: match &l.seed {
                    Some(s) => self.count(s, "seed", 0, i64::MAX)? as u64,
                    None => self.seed,
                },
            },
            "pulse" => EffectKind::Pulse {
                color: self.light_color(l, &l.color)?,
                every: self.light_every(l)?,
                decay_s: length(&l.decay_s, "decay_s", [0.3, 0.0, 3600.0])?,
            },
            "strobe" => EffectKind::Strobe {
                color: self.light_color(l, &l.color)?,
                every: self.light_every(l)?,
                on_s: length(&l.on_s, "on_s", [0.06, 0.02, 60.0])?,
            },
            "cycle" | "color_cycle" => EffectKind::ColorCycle {
                colors: self.light_colors(l, 2)?,
                every: self.light_every(l)?,
                fade_s: self.light_secs(&l.fade_s, "fade_s", 0.0)?,
            },
            "image" => match (&l.file, &l.frames) {
                (Some(f), None) => self.effect_image(f, l, read)?,
                (None, Some(p)) => self.frame_sequence(p, l, read)?,
                (None, None) => return Err(self.light_needs(l, "file")),
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
        })
    }

    /// The effect's end on the show clock: `end`, or `duration` after its `start_s`; none
    /// when neither is written. An end before the start is an error.
    fn light_end(
        &self,
        sl: &Spanned<RawLight>,
        start_s: Option<f64>,
    ) -> Result<Option<f64>, ImportError> {
        let l = sl.get_ref();
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
        Ok(end_s)
    }

    /// The formation the effect paints: its own (`home`), or the one `formation = …` names
    /// among `formations` (only outside a formation).
    fn light_formation(
        &self,
        l: &RawLight,
        home: Option<usize>,
        formations: &[String],
    ) -> Result<Option<usize>, ImportError> {
        match (&l.formation, home) {
            (Some(f), None) => formations
                .iter()
                .position(|n| n == f.get_ref().trim())
                .map(Some)
                .ok_or_else(|| {
                    self.err(
                        f.span(),
                        msg!("light-no-such-formation", name = f.get_ref()),
                        Label::Name,
                        Some(msg!("light-no-such-formation-hint")),
                    )
                }),
            (Some(f), Some(_)) => Err(self.err(
                f.span(),
                msg!("light-formation-in-formation"),
                Label::Key,
                Some(msg!("light-formation-in-formation-hint")),
            )),
            (None, h) => Ok(h),
        }
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
