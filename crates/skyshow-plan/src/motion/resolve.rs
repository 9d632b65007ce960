//! Resolving a formation's motion against its hold: musical times counted along the beats,
//! repetitions laid out, morph frames paired by the exact assignment, clips given their
//! playback, and the ramps of linear motions made as short as the acceleration limit
//! allows.

use skyshow_formations::Deform;
use skyshow_i18n::{Message, msg};
use skyshow_model::{
    Clip, HoldTime, Limits, Motion, MotionAxis, MotionKind, MusicDesign, PlaybackSpeed, Repeat,
    Vec3,
};

use super::HoldMotion;
use super::base::{Base, ClipPlay, Morph};
use super::easing::MAX_RAMP;
use super::fit::FitOptions;
use super::motion_error::{MotionEntry, MotionError};
use super::path_curve::PathCurve;
use super::rigid::{RigidKind, RigidMotion};
use super::tuning::{fastest_speed, shorten_ramps};
use crate::assign::assign_min_sum_sq;
use crate::error::clock;

/// A formation's motion before its times are known: its picture at rest, how the picture
/// deforms, and its rigid motions.
#[derive(Clone, Debug, PartialEq)]
pub struct MotionSpec {
    /// The formation's name.
    pub name: String,
    /// Its points at rest (the start of the hold), show frame, metres.
    pub rest: Vec<Vec3>,
    /// How the picture deforms, if it does.
    pub deform: Option<Deform>,
    /// Its rigid motions, in order.
    pub motions: Vec<Motion>,
    /// The centre pivots are offsets from, show frame.
    pub rest_centre: Vec3,
    /// Its own axes at rest: right, up, towards the audience (unit vectors).
    pub own_axes: [Vec3; 3],
    /// The show-file key that sizes the picture and its value (`radius_m`, 40), for hints.
    pub size: Option<(String, f64)>,
}

impl MotionSpec {
    /// True when anything moves.
    pub fn is_moving(&self) -> bool {
        self.deform.is_some() || !self.motions.is_empty()
    }
}

/// The hold a motion is resolved against, on the show clock.
#[derive(Clone, Copy, Debug)]
pub struct HoldClock<'a> {
    /// When the formation is in place, seconds (whole milliseconds).
    pub start_s: f64,
    /// When it leaves, seconds (whole milliseconds).
    pub end_s: f64,
    /// The music musical times count along.
    pub music: Option<&'a MusicDesign>,
}

/// How motions are measured, checked and fitted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MotionOptions {
    /// Share of each speed and acceleration limit a motion may use (the rest is margin for
    /// the fitted curves). Default 0.97.
    pub headroom: f64,
    /// Sampling step of the measurements, seconds. Default 0.02.
    pub step_s: f64,
    /// Sampling step while searching ramps, playback speeds and fixes, seconds. Default 0.05.
    pub search_step_s: f64,
    /// Curve fitting.
    pub fit: FitOptions,
}

impl MotionOptions {
    /// The defaults.
    pub const DEFAULT: MotionOptions = MotionOptions {
        headroom: 0.97,
        step_s: 0.02,
        search_step_s: 0.05,
        fit: FitOptions::DEFAULT,
    };
}

impl Default for MotionOptions {
    fn default() -> Self {
        MotionOptions::DEFAULT
    }
}

/// Tolerance on times, seconds (the timeline is in whole milliseconds).
const EPS_S: f64 = 0.0005;

/// Resolves `spec` against `clock`: `None` when nothing moves.
pub fn resolve(
    spec: &MotionSpec,
    clock: &HoldClock<'_>,
    limits: &Limits,
    opts: &MotionOptions,
) -> Result<Option<HoldMotion>, MotionError> {
    if !spec.is_moving() {
        return Ok(None);
    }
    let r = Resolver { spec, clock };
    let base = match &spec.deform {
        None => Base::Still(spec.rest.clone()),
        Some(Deform::Morph(frames)) => Base::Morph(r.morph(frames)?),
        Some(Deform::Clip(c)) => Base::Clip(r.clip(c, 1.0)?),
    };
    let rigid = spec
        .motions
        .iter()
        .enumerate()
        .map(|(k, m)| r.rigid(k, m))
        .collect::<Result<Vec<_>, _>>()?;
    let mut motion = HoldMotion {
        duration_s: r.hold_s(),
        rest_centre: spec.rest_centre,
        own_axes: spec.own_axes,
        base,
        rigid,
    };
    if let Some(Deform::Clip(c)) = &spec.deform
        && c.playback.speed == PlaybackSpeed::Fit
    {
        let speed = fastest_speed(&r, c, &motion, limits, opts)?;
        motion.base = Base::Clip(r.clip(c, speed)?);
    }
    shorten_ramps(&mut motion, limits, opts);
    Ok(Some(motion))
}

/// Resolves one formation's times.
pub(crate) struct Resolver<'a> {
    pub(crate) spec: &'a MotionSpec,
    pub(crate) clock: &'a HoldClock<'a>,
}

impl Resolver<'_> {
    /// Length of the hold, seconds.
    pub(crate) fn hold_s(&self) -> f64 {
        ((self.clock.end_s - self.clock.start_s) * 1000.0).round() / 1000.0
    }

    fn timing(&self, entry: MotionEntry, what: Message, hint: Message) -> MotionError {
        MotionError::Timing {
            formation: self.spec.name.clone(),
            entry,
            what,
            hint,
        }
    }

    /// The length `len` counted from `from` seconds into the hold, in seconds.
    fn length(
        &self,
        entry: MotionEntry,
        key: &str,
        len: HoldTime,
        from: f64,
    ) -> Result<f64, MotionError> {
        match len {
            HoldTime::Seconds(s) => Ok(s),
            HoldTime::Music(m) => {
                let Some(music) = self.clock.music else {
                    return Err(self.timing(
                        entry,
                        msg!("motion-music-needed", key = key, value = m.to_string()),
                        msg!("motion-music-needed-hint", key = key),
                    ));
                };
                let t0 = self.clock.start_s + from;
                match music.after(t0, m) {
                    Some(t) => Ok(t - t0),
                    None => Err(self.timing(
                        entry,
                        msg!(
                            "motion-past-music",
                            key = key,
                            value = m.to_string(),
                            from = clock((t0 * 1000.0).round() as i64),
                            grid_end = clock((music.grid_end_s() * 1000.0).round() as i64)
                        ),
                        msg!("motion-past-music-hint", key = key),
                    )),
                }
            }
        }
    }

    /// One rigid motion with its repetitions laid out on the hold.
    pub(crate) fn rigid(&self, k: usize, m: &Motion) -> Result<RigidMotion, MotionError> {
        let entry = MotionEntry::Motion(k);
        let kind = self.kind(entry, &m.kind)?;
        let hold = self.hold_s();
        let start = self.length(entry, "start", m.start, 0.0)?;
        if !(0.0..hold - EPS_S).contains(&start) {
            return Err(self.timing(
                entry,
                msg!(
                    "motion-starts-after-hold",
                    motion = k + 1,
                    start = format!("{start:.2}"),
                    hold = format!("{hold:.2}")
                ),
                msg!("motion-starts-after-hold-hint", hold = format!("{hold:.2}")),
            ));
        }
        let mut windows = Vec::new();
        match (m.duration, m.repeat) {
            (None, Repeat::Hold) => windows.push((start, hold)),
            (None, Repeat::Count(n)) => {
                let n = n.max(1);
                let d = (hold - start) / f64::from(n);
                for j in 0..n {
                    windows.push((start + d * f64::from(j), start + d * f64::from(j + 1)));
                }
            }
            (Some(d), repeat) => {
                let mut t = start;
                let count = match repeat {
                    Repeat::Count(n) => n.max(1) as usize,
                    Repeat::Hold => usize::MAX,
                };
                while windows.len() < count {
                    let len = match self.length(entry, "duration", d, t) {
                        Ok(len) => len,
                        Err(e) if repeat == Repeat::Hold && !windows.is_empty() => {
                            let _ = e;
                            break;
                        }
                        Err(e) => return Err(e),
                    };
                    if len.is_nan() || len <= 0.0 {
                        return Err(self.timing(
                            entry,
                            msg!("motion-duration-not-positive", motion = k + 1, length = len),
                            msg!("motion-duration-not-positive-hint"),
                        ));
                    }
                    if repeat == Repeat::Hold && t + len > hold + EPS_S {
                        break;
                    }
                    windows.push((t, t + len));
                    t += len;
                }
                if windows.is_empty() {
                    let len = self.length(entry, "duration", d, start)?;
                    return Err(self.past_hold(k, start, start + len, hold, 1));
                }
            }
        }
        let end = windows.last().map_or(start, |w| w.1);
        if end > hold + EPS_S {
            return Err(self.past_hold(k, start, end, hold, windows.len()));
        }
        Ok(RigidMotion {
            index: k,
            kind,
            pivot: m.pivot,
            windows,
            easing: m.easing,
            ramp: MAX_RAMP,
        })
    }

    fn past_hold(&self, k: usize, start: f64, end: f64, hold: f64, reps: usize) -> MotionError {
        let room = (hold - start) / reps as f64;
        self.timing(
            MotionEntry::Motion(k),
            msg!(
                "motion-runs-past-hold",
                motion = k + 1,
                over = format!("{:.2}", end - hold),
                end = format!("{end:.2}"),
                hold = format!("{hold:.2}")
            ),
            msg!(
                "motion-past-hold-hint",
                room = format!("{room:.2}"),
                repeats = reps.min(2),
                end = format!("{end:.2}")
            ),
        )
    }

    fn kind(&self, entry: MotionEntry, kind: &MotionKind) -> Result<RigidKind, MotionError> {
        let invalid = |what: Message, hint: Message| MotionError::Invalid {
            formation: self.spec.name.clone(),
            entry,
            what,
            hint,
        };
        Ok(match kind {
            MotionKind::Rotate { axis, angle_deg } => {
                if !angle_deg.is_finite() || *angle_deg == 0.0 {
                    return Err(invalid(
                        msg!("motion-rotation-zero", angle = *angle_deg),
                        msg!("motion-rotation-zero-hint"),
                    ));
                }
                if let MotionAxis::Show(v) = axis
                    && !(v.norm() > 1e-9 && v.is_finite())
                {
                    return Err(invalid(
                        msg!("motion-axis-zero"),
                        msg!("motion-axis-zero-hint"),
                    ));
                }
                RigidKind::Rotate {
                    axis: match axis {
                        MotionAxis::Show(v) => MotionAxis::Show(v.normalized()),
                        a => *a,
                    },
                    angle_rad: angle_deg.to_radians(),
                }
            }
            MotionKind::Move { path } => {
                if path.is_empty() || path.iter().any(|p| !p.is_finite()) {
                    return Err(invalid(
                        msg!("motion-move-not-finite"),
                        msg!("motion-move-needs-path-hint"),
                    ));
                }
                RigidKind::Move(PathCurve::new(path))
            }
            MotionKind::Scale { factor } => {
                if !(factor.is_finite() && *factor > 0.0) {
                    return Err(invalid(
                        msg!("motion-factor-cannot-fly", value = *factor),
                        msg!("motion-scale-needs-factor-hint"),
                    ));
                }
                RigidKind::Scale(*factor)
            }
        })
    }

    /// The morph windows of a sequence and its frames paired by the exact assignment.
    fn morph(&self, frames: &[skyshow_formations::MorphFrame]) -> Result<Morph, MotionError> {
        let hold = self.hold_s();
        let mut at = Vec::with_capacity(frames.len());
        for (k, f) in frames.iter().enumerate() {
            let t = self.length(MotionEntry::Frame(k), "at", f.at, 0.0)?;
            if k == 0 && t.abs() > EPS_S {
                return Err(self.timing(
                    MotionEntry::Frame(0),
                    msg!("motion-first-frame-at", at = format!("{t:.2}")),
                    msg!("sequence-first-frame-at-hint"),
                ));
            }
            if k > 0 && t <= at[k - 1] + EPS_S {
                return Err(self.timing(
                    MotionEntry::Frame(k),
                    msg!(
                        "sequence-frames-out-of-order",
                        frame = k + 1,
                        at = format!("{t:.2}"),
                        before = format!("{:.2}", at[k - 1])
                    ),
                    msg!("sequence-frames-out-of-order-hint"),
                ));
            }
            if t > hold + EPS_S {
                return Err(self.timing(
                    MotionEntry::Frame(k),
                    msg!(
                        "motion-frame-after-hold",
                        frame = k + 1,
                        at = format!("{t:.2}"),
                        hold = format!("{hold:.2}")
                    ),
                    msg!(
                        "motion-frame-after-hold-hint",
                        at = format!("{t:.2}"),
                        hold = format!("{hold:.2}")
                    ),
                ));
            }
            at.push(t.min(hold));
        }
        let mut windows = Vec::with_capacity(frames.len().saturating_sub(1));
        for k in 1..frames.len() {
            let gap = at[k] - at[k - 1];
            let len = match frames[k].morph {
                None => gap,
                Some(m) => {
                    let len = self.length(MotionEntry::Frame(k), "morph", m, 0.0)?;
                    // A musical morph counts back from `at`: measure it from where it would start.
                    let len = match m {
                        HoldTime::Music(_) => {
                            self.length(MotionEntry::Frame(k), "morph", m, at[k] - len)?
                        }
                        HoldTime::Seconds(_) => len,
                    };
                    if len.is_nan() || len <= 0.0 || len > gap + EPS_S {
                        return Err(self.timing(
                            MotionEntry::Frame(k),
                            msg!(
                                "sequence-morph-too-long",
                                frame = k + 1,
                                morph = format!("{len:.2}"),
                                gap = format!("{gap:.2}")
                            ),
                            msg!("motion-morph-length-hint", gap = format!("{gap:.2}")),
                        ));
                    }
                    len.min(gap)
                }
            };
            windows.push((at[k] - len, at[k]));
        }
        let mut paired: Vec<Vec<Vec3>> = Vec::with_capacity(frames.len());
        paired.push(frames[0].points.clone());
        for f in &frames[1..] {
            let prev = paired.last().map_or(&[][..], Vec::as_slice);
            let a = assign_min_sum_sq(prev, &f.points);
            paired.push(a.target_of.iter().map(|&j| f.points[j]).collect());
        }
        Ok(Morph {
            frames: paired,
            windows,
        })
    }

    /// A clip played at `speed`, with the longest ramps (shortened later).
    pub(crate) fn clip(&self, c: &Clip, speed: f64) -> Result<ClipPlay, MotionError> {
        let hold = self.hold_s();
        let d = c.tracks.duration_s();
        let speed = match c.playback.speed {
            PlaybackSpeed::Factor(f) => f,
            PlaybackSpeed::Fit => speed,
        };
        if !(speed.is_finite() && speed > 0.0) {
            return Err(MotionError::Invalid {
                formation: self.spec.name.clone(),
                entry: MotionEntry::Animation,
                what: msg!("motion-playback-speed", speed = speed),
                hint: msg!("animation-speed-hint"),
            });
        }
        let start = c.playback.start_s;
        if !(0.0..=d).contains(&start) {
            return Err(self.timing(
                MotionEntry::Animation,
                msg!(
                    "motion-clip-start",
                    start = format!("{start:.2}"),
                    length = format!("{d:.2}")
                ),
                msg!("motion-clip-start-hint", length = format!("{d:.2}")),
            ));
        }
        let mut play = ClipPlay {
            tracks: c.tracks.clone(),
            start_s: start,
            speed,
            ramp_s: 0.0,
            looped: c.playback.looped,
            hold_s: hold,
        };
        play.ramp_s = play.max_ramp_s();
        Ok(play)
    }
}
