//! `[[chapter.formation.motion]]`: rigid motions of a formation during its hold (rotate,
//! move, scale), checked key by key and lowered to [`Motion`]s; and times within a hold
//! (`start`, `duration`, a frame's `at`): seconds or beats and bars.

use super::label::Label;
use serde::Deserialize;
use skyshow_i18n::{Message, msg};
use skyshow_model::{
    Easing, HoldTime, Motion, MotionAxis, MotionKind, MusicalLength, Repeat, Vec3,
};
use toml::Spanned;

use super::raw::RawFormation;
use super::{Cx, MAX_TIME_S, RawTime};
use crate::error::ImportError;

/// One motion table as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMotion {
    kind: Spanned<String>,
    axis: Option<Spanned<RawAxis>>,
    turns: Option<Spanned<f64>>,
    angle_deg: Option<Spanned<f64>>,
    pivot: Option<Spanned<[f64; 3]>>,
    by: Option<Spanned<[f64; 3]>>,
    path: Option<Spanned<Vec<[f64; 3]>>>,
    factor: Option<Spanned<f64>>,
    start: Option<Spanned<RawTime>>,
    duration: Option<Spanned<RawTime>>,
    easing: Option<Spanned<String>>,
    repeat: Option<Spanned<RawRepeat>>,
}

/// A rotation axis: a named axis of the formation or a show-frame vector.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawAxis {
    Named(String),
    Vector([f64; 3]),
}

/// A repetition count or `"hold"`.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawRepeat {
    Count(i64),
    Text(String),
}

/// Largest number of turns one motion may ask for.
const MAX_TURNS: f64 = 1000.0;
/// Largest scale factor.
const MAX_FACTOR: f64 = 100.0;

impl Cx<'_> {
    /// The formation's motions, in order.
    pub(super) fn motions(
        &self,
        f: &RawFormation,
        hold_s: Option<f64>,
    ) -> Result<Vec<Motion>, ImportError> {
        f.motions.iter().map(|m| self.motion(m, hold_s)).collect()
    }

    fn motion(&self, sm: &Spanned<RawMotion>, hold_s: Option<f64>) -> Result<Motion, ImportError> {
        let m = sm.get_ref();
        let kind_key = Some(m.kind.clone());
        let kind = self.choice(&kind_key, "kind", &["rotate", "move", "scale"], "rotate")?;
        self.motion_keys(m, kind)?;
        let kind = match kind {
            "rotate" => self.rotation(sm)?,
            "move" => self.flight(sm)?,
            _ => self.scale(m)?,
        };
        let pivot = m
            .pivot
            .as_ref()
            .map(|p| self.vec3(p, "pivot"))
            .transpose()?
            .unwrap_or(Vec3::ZERO);
        let start = match &m.start {
            Some(s) => self.hold_time(s, "start", true)?,
            None => HoldTime::Seconds(0.0),
        };
        let duration = m
            .duration
            .as_ref()
            .map(|d| self.hold_time(d, "duration", false))
            .transpose()?;
        let easing = self.easing(m)?;
        let repeat = self.repeat(m)?;
        self.within_hold(sm, hold_s, start, duration, repeat)?;
        Ok(Motion {
            kind,
            pivot,
            start,
            duration,
            easing,
            repeat,
        })
    }

    /// A `rotate` motion's axis and angle.
    fn rotation(&self, sm: &Spanned<RawMotion>) -> Result<MotionKind, ImportError> {
        let m = sm.get_ref();
        let axis = match &m.axis {
            None => MotionAxis::Up,
            Some(a) => match a.get_ref() {
                RawAxis::Named(n) => match n.as_str() {
                    "up" => MotionAxis::Up,
                    "right" => MotionAxis::Right,
                    "towards" => MotionAxis::Towards,
                    _ => {
                        return Err(self.err_near(
                            a.span(),
                            msg!("motion-unknown-axis", value = n),
                            Label::Axis,
                            msg!("motion-unknown-axis-hint"),
                            n,
                            &["up", "right", "towards"],
                        ));
                    }
                },
                RawAxis::Vector(v) => {
                    let d = Vec3::from(*v);
                    if !d.is_finite() || d.norm() < 1e-9 {
                        return Err(self.err(
                            a.span(),
                            msg!("motion-axis-zero"),
                            Label::Axis,
                            Some(msg!("motion-axis-zero-hint")),
                        ));
                    }
                    MotionAxis::Show(d.normalized())
                }
            },
        };
        let angle_deg = match (&m.turns, &m.angle_deg) {
            (Some(_), Some(a)) => {
                return Err(self.err(
                    a.span(),
                    msg!("motion-turns-and-angle"),
                    Label::SecondAngle,
                    None,
                ));
            }
            (None, None) => {
                return Err(self.err(
                    m.kind.span(),
                    msg!("motion-rotate-needs-angle"),
                    Label::Motion,
                    Some(msg!("motion-rotate-needs-angle-hint")),
                ));
            }
            (Some(t), None) => self.angle(t, "turns", MAX_TURNS)? * 360.0,
            (None, Some(a)) => self.angle(a, "angle_deg", MAX_TURNS * 360.0)?,
        };
        Ok(MotionKind::Rotate { axis, angle_deg })
    }

    /// A non-zero angle within ±`max`.
    fn angle(&self, v: &Spanned<f64>, key: &str, max: f64) -> Result<f64, ImportError> {
        let x = *v.get_ref();
        if x == 0.0 {
            return Err(self.err(
                v.span(),
                msg!("motion-angle-zero", key = key),
                Label::Value,
                Some(msg!("motion-angle-zero-hint")),
            ));
        }
        self.num(v, key, -max, max, key)
    }

    /// A `move` motion's path.
    fn flight(&self, sm: &Spanned<RawMotion>) -> Result<MotionKind, ImportError> {
        let m = sm.get_ref();
        let path = match (&m.by, &m.path) {
            (Some(b), None) => vec![self.vec3(b, "by")?],
            (None, Some(p)) => {
                if p.get_ref().is_empty() {
                    return Err(self.err(
                        p.span(),
                        msg!("motion-path-empty"),
                        Label::Path,
                        Some(msg!("motion-path-empty-hint")),
                    ));
                }
                let mut out = Vec::with_capacity(p.get_ref().len());
                for w in p.get_ref() {
                    out.push(self.vec3(&Spanned::new(p.span(), *w), "path")?);
                }
                out
            }
            (Some(_), Some(p)) => {
                return Err(self.err(
                    p.span(),
                    msg!("motion-by-and-path"),
                    Label::SecondPath,
                    None,
                ));
            }
            (None, None) => {
                return Err(self.err(
                    m.kind.span(),
                    msg!("motion-move-needs-path"),
                    Label::Motion,
                    Some(msg!("motion-move-needs-path-hint")),
                ));
            }
        };
        if path.iter().all(|p| p.norm() < 1e-9) {
            let span =
                m.by.as_ref()
                    .map(Spanned::span)
                    .or(m.path.as_ref().map(Spanned::span));
            return Err(self.err(
                span.unwrap_or(sm.span()),
                msg!("motion-goes-nowhere"),
                Label::Offset,
                Some(msg!("motion-goes-nowhere-hint")),
            ));
        }
        Ok(MotionKind::Move { path })
    }

    /// A `scale` motion's factor: finite, positive, at most `MAX_FACTOR`, and not 1.
    fn scale(&self, m: &RawMotion) -> Result<MotionKind, ImportError> {
        let Some(f) = &m.factor else {
            return Err(self.err(
                m.kind.span(),
                msg!("motion-scale-needs-factor"),
                Label::Motion,
                Some(msg!("motion-scale-needs-factor-hint")),
            ));
        };
        let x = *f.get_ref();
        if !x.is_finite() || x <= 0.0 || x > MAX_FACTOR {
            return Err(self.err(
                f.span(),
                msg!("motion-factor-cannot-fly", value = crate::number::shown(x)),
                Label::Value,
                Some(msg!("motion-factor-cannot-fly-hint", max = MAX_FACTOR)),
            ));
        }
        if x == 1.0 {
            return Err(self.err(
                f.span(),
                msg!("motion-factor-one"),
                Label::Value,
                Some(msg!("motion-factor-one-hint")),
            ));
        }
        Ok(MotionKind::Scale { factor: x })
    }

    /// A motion's `easing` (default `smooth`).
    fn easing(&self, m: &RawMotion) -> Result<Easing, ImportError> {
        Ok(
            match self.choice(
                &m.easing,
                "easing",
                &["smooth", "linear", "in", "out"],
                "smooth",
            )? {
                "linear" => Easing::Linear,
                "in" => Easing::In,
                "out" => Easing::Out,
                _ => Easing::Smooth,
            },
        )
    }

    /// A motion's `repeat`: a count from 1 to 10,000, or `"hold"` (default once).
    fn repeat(&self, m: &RawMotion) -> Result<Repeat, ImportError> {
        Ok(match &m.repeat {
            None => Repeat::Count(1),
            Some(r) => match r.get_ref() {
                RawRepeat::Count(n) if (1..=10_000).contains(n) => Repeat::Count(*n as u32),
                RawRepeat::Text(t) if t == "hold" => Repeat::Hold,
                _ => {
                    return Err(self.err(
                        r.span(),
                        msg!("motion-repeat"),
                        Label::Value,
                        Some(msg!("motion-repeat-hint")),
                    ));
                }
            },
        })
    }

    /// Refuses a motion that starts at or after the end of its formation's hold, or whose
    /// repeats run past it (checked here when both are in seconds; in musical time, once
    /// the beats are known).
    fn within_hold(
        &self,
        sm: &Spanned<RawMotion>,
        hold_s: Option<f64>,
        start: HoldTime,
        duration: Option<HoldTime>,
        repeat: Repeat,
    ) -> Result<(), ImportError> {
        let m = sm.get_ref();
        // Seconds all round: a motion past its hold is caught here, at its `duration`.
        if let (Some(hold), HoldTime::Seconds(s0)) = (hold_s, start) {
            let reps = match repeat {
                Repeat::Count(n) => f64::from(n),
                Repeat::Hold => 1.0,
            };
            let end = match duration {
                Some(HoldTime::Seconds(d)) => Some(s0 + d * reps),
                None => Some(s0),
                Some(HoldTime::Music(_)) => None,
            };
            if let Some(end) = end
                && (end > hold + 5e-4 || s0 >= hold)
            {
                let span = m
                    .duration
                    .as_ref()
                    .or(m.start.as_ref())
                    .map_or(sm.span(), Spanned::span);
                let room = (hold - s0).max(0.0) / reps;
                let starts_late = s0 >= hold;
                let (end, hold) = (crate::number::shown(end), crate::number::shown(hold));
                let hint = if starts_late {
                    msg!("motion-past-hold-start-hint", hold = hold.clone())
                } else {
                    msg!(
                        "motion-past-hold-hint",
                        room = format!("{room:.2}"),
                        repeats = i64::from(reps > 1.0) + 1,
                        end = end.clone()
                    )
                };
                return Err(self.err(
                    span,
                    msg!("motion-past-hold", end = end, hold = hold),
                    Label::Time,
                    Some(hint),
                ));
            }
        }
        Ok(())
    }

    /// Refuses keys another kind of motion takes.
    fn motion_keys(&self, m: &RawMotion, kind: &str) -> Result<(), ImportError> {
        let allowed: &[&str] = match kind {
            "rotate" => &["axis", "turns", "angle_deg", "pivot"],
            "move" => &["by", "path"],
            _ => &["factor", "pivot"],
        };
        let given = [
            ("axis", m.axis.as_ref().map(Spanned::span)),
            ("turns", m.turns.as_ref().map(Spanned::span)),
            ("angle_deg", m.angle_deg.as_ref().map(Spanned::span)),
            ("pivot", m.pivot.as_ref().map(Spanned::span)),
            ("by", m.by.as_ref().map(Spanned::span)),
            ("path", m.path.as_ref().map(Spanned::span)),
            ("factor", m.factor.as_ref().map(Spanned::span)),
        ];
        for (key, span) in given {
            if let Some(span) = span
                && !allowed.contains(&key)
            {
                return Err(self.err(
                    span,
                    msg!("motion-key-not-taken", kind = kind, key = key),
                    Label::NotUsedByMotion,
                    Some(msg!(
                        "motion-key-not-taken-hint",
                        kind = kind,
                        keys = allowed.join(", ")
                    )),
                ));
            }
        }
        Ok(())
    }

    /// A time within a hold: seconds (a number or `"m:ss.mmm"`) or beats and bars
    /// (`"2 bars"`). `zero_ok`: whether 0 is allowed (a start) or not (a length).
    pub(super) fn hold_time(
        &self,
        v: &Spanned<RawTime>,
        key: &str,
        zero_ok: bool,
    ) -> Result<HoldTime, ImportError> {
        let bad = |why: Message, hint: Message| self.err(v.span(), why, Label::Time, Some(hint));
        let t = match v.get_ref() {
            RawTime::Text(t) => {
                if let Some(len) = MusicalLength::parse(t) {
                    if !len.amount.is_finite()
                        || len.amount < 0.0
                        || (!zero_ok && len.amount == 0.0)
                    {
                        return Err(bad(
                            msg!("motion-not-a-length", key = key, value = t),
                            msg!("motion-not-a-length-hint"),
                        ));
                    }
                    return Ok(HoldTime::Music(len));
                }
                crate::time::parse_time(t).map_err(|why| {
                    bad(
                        msg!("show-file-invalid-time", key = key, why = why),
                        msg!("motion-time-hint"),
                    )
                })?
            }
            RawTime::Seconds(s) => *s,
        };
        if !t.is_finite() || t < 0.0 || (!zero_ok && t == 0.0) || t > MAX_TIME_S {
            let hint = if zero_ok {
                msg!("motion-time-range-hint")
            } else {
                msg!("motion-length-range-hint")
            };
            return Err(bad(
                msg!(
                    "motion-time-out-of-range",
                    key = key,
                    value = crate::number::shown(t)
                ),
                hint,
            ));
        }
        Ok(HoldTime::Seconds(t))
    }
}
