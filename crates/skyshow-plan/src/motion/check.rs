//! Checking a moving hold against the limits before anything is planned. A motion beyond
//! a limit is refused with the formation, the entry that causes it, the moment, the
//! figure, the limit, and fixes that work: each fix is found by a search over the motion
//! itself (a smaller turn, a longer duration, a smaller picture, a slower playback) and
//! re-checked.

use skyshow_formations::Deform;
use skyshow_i18n::{Message, msg};
use skyshow_model::{HoldTime, Limits, MotionKind, PlaybackSpeed, Vec3};

use super::HoldMotion;
use super::base::Base;
use super::figures::{Extreme, MotionFigures, closer_than, kinematics};
use super::motion_error::{Figure, MotionEntry, MotionError};
use super::resolve::{HoldClock, MotionOptions, MotionSpec, resolve};
use crate::error::clock as show_clock;

/// Bisection steps of a fix search.
const FIX_STEPS: usize = 10;

/// Checks `motion` (resolved from `spec` against `clock`), whose measured figures are
/// `figures`, against `limits`; `low_m` is the lowest altitude a picture may reach.
pub fn check(
    spec: &MotionSpec,
    clock: &HoldClock<'_>,
    limits: &Limits,
    opts: &MotionOptions,
    low_m: f64,
    motion: &HoldMotion,
    figures: &MotionFigures,
) -> Result<(), MotionError> {
    let Some((figure, ex, limit)) = first_beyond(figures, limits, low_m, 1.0) else {
        return Ok(());
    };
    let causes = causes_at(motion, ex.at_s);
    let entry = causes.first().copied().unwrap_or(MotionEntry::Formation);
    let probe = Probe {
        spec,
        clock,
        limits,
        opts,
        low_m,
        figure,
    };
    let mut fixes: Vec<Message> = Vec::new();
    match figure {
        Figure::AltitudeMax => fixes.push(msg!(
            "motion-fix-center-down",
            metres = format!("{:.1}", (ex.value - limit) + 0.05)
        )),
        Figure::AltitudeMin => fixes.push(msg!(
            "motion-fix-center-up",
            metres = format!("{:.1}", (limit - ex.value) + 0.05)
        )),
        _ => {
            for c in &causes {
                fixes.extend(probe.fixes_for(*c));
            }
            fixes.extend(probe.size_fix());
        }
    }
    if fixes.is_empty() {
        fixes.push(msg!("motion-fix-raise-limit", key = figure.limit_key()));
    }
    Err(MotionError::Limit {
        formation: spec.name.clone(),
        entry,
        what: describe(spec, entry),
        figure,
        value: ex.value,
        limit,
        at_s: ex.at_s,
        at_show: show_clock(((clock.start_s + ex.at_s) * 1000.0).round() as i64),
        point: ex.point,
        hint: one_of(fixes),
    })
}

/// The first figure beyond its limit (scaled by `share` for upper limits).
pub(crate) fn first_beyond(
    f: &MotionFigures,
    limits: &Limits,
    low_m: f64,
    share: f64,
) -> Option<(Figure, Extreme, f64)> {
    let upper = [
        (Figure::SpeedXy, f.speed_xy, limits.max_speed_xy_m_s * share),
        (Figure::SpeedUp, f.speed_up, limits.max_speed_up_m_s * share),
        (
            Figure::SpeedDown,
            f.speed_down,
            limits.max_speed_down_m_s * share,
        ),
        (Figure::Accel, f.accel, limits.max_accel_m_s2 * share),
        (Figure::AltitudeMax, f.altitude_max, limits.max_altitude_m),
    ];
    for (fig, ex, lim) in upper {
        if ex.value > lim + 1e-9 {
            return Some((fig, ex, lim));
        }
    }
    if f.altitude_min.value < low_m - 1e-9 {
        return Some((Figure::AltitudeMin, f.altitude_min, low_m));
    }
    if f.min_distance.value < limits.min_distance_m - 1e-6 {
        return Some((Figure::Distance, f.min_distance, limits.min_distance_m));
    }
    None
}

/// The entries moving the formation at `t`, rigid motions first.
fn causes_at(motion: &HoldMotion, t: f64) -> Vec<MotionEntry> {
    let mut out = Vec::new();
    for m in &motion.rigid {
        let (a, b) = m.span();
        if t >= a - 0.05 && t <= b + 0.05 {
            out.push(MotionEntry::Motion(m.index));
        }
    }
    match &motion.base {
        Base::Morph(m) => {
            if let Some(k) = m
                .windows
                .iter()
                .position(|w| t >= w.0 - 0.05 && t <= w.1 + 0.05)
            {
                out.push(MotionEntry::Frame(k + 1));
            }
        }
        Base::Clip(_) => out.push(MotionEntry::Animation),
        Base::Still(_) => {}
    }
    out
}

/// Fixes as one hint: "a; or b; or c".
fn one_of(fixes: Vec<Message>) -> Message {
    fixes
        .into_iter()
        .rev()
        .reduce(|rest, first| msg!("motion-fix-or", first = first, rest = rest))
        .unwrap_or_else(|| Message::verbatim(""))
}

/// An entry in words.
fn describe(spec: &MotionSpec, entry: MotionEntry) -> Message {
    match entry {
        MotionEntry::Motion(k) => match spec.motions.get(k).map(|m| &m.kind) {
            Some(MotionKind::Rotate { .. }) => msg!("motion-what-rotation", motion = k + 1),
            Some(MotionKind::Move { .. }) => msg!("motion-what-move", motion = k + 1),
            Some(MotionKind::Scale { .. }) => msg!("motion-what-scaling", motion = k + 1),
            None => msg!("motion-what-motion"),
        },
        MotionEntry::Frame(k) => msg!("motion-what-morph", frame = k + 1),
        MotionEntry::Animation => msg!("motion-what-animation"),
        MotionEntry::Formation => msg!("motion-what-motion"),
    }
}

/// How a candidate fix fares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// Every limit kept.
    Passes,
    /// A speed, the acceleration or the altitude is missed.
    Kinematics,
    /// Two drones come too close.
    Distance,
}

/// Searches fixes for one figure.
struct Probe<'a> {
    spec: &'a MotionSpec,
    clock: &'a HoldClock<'a>,
    limits: &'a Limits,
    opts: &'a MotionOptions,
    low_m: f64,
    figure: Figure,
}

impl Probe<'_> {
    /// True when `spec` resolves and its figure is within the limit (with headroom).
    fn passes(&self, spec: &MotionSpec, distances: bool) -> bool {
        self.verdict(spec, distances) == Verdict::Passes
    }

    /// Whether `spec` resolves and keeps every limit (with headroom), sampled as coarsely
    /// as searches are, and if not, which kind of limit it misses. `distances`: whether
    /// the distances need checking.
    fn verdict(&self, spec: &MotionSpec, distances: bool) -> Verdict {
        self.verdict_at(spec, distances, self.opts.search_step_s)
    }

    /// [`Probe::verdict`] sampling every `step` seconds.
    fn verdict_at(&self, spec: &MotionSpec, distances: bool, step: f64) -> Verdict {
        let Ok(Some(m)) = resolve(spec, self.clock, self.limits, self.opts) else {
            return Verdict::Kinematics;
        };
        let (f, vmax) = kinematics(&m, 0.0, m.duration_s(), step);
        if first_beyond(&f, self.limits, self.low_m, self.opts.headroom).is_some() {
            return Verdict::Kinematics;
        }
        if distances && closer_than(&m, self.limits.min_distance_m - 1e-6, vmax, step) {
            return Verdict::Distance;
        }
        Verdict::Passes
    }

    /// The largest `x` in `(lo, hi)` for which `make(x)` passes when small values pass
    /// (`passes_low`), else the smallest; `None` when the passing end fails too.
    /// `distances`: whether the change can bring drones closer (then they are checked).
    fn search(
        &self,
        lo: f64,
        hi: f64,
        passes_low: bool,
        distances: bool,
        make: &dyn Fn(f64) -> MotionSpec,
    ) -> Option<f64> {
        // passes_low: small x passes (find the largest passing); else large x passes.
        let (mut ok, mut bad) = if passes_low { (lo, hi) } else { (hi, lo) };
        if !self.passes(&make(ok), distances) {
            return None;
        }
        for _ in 0..FIX_STEPS {
            let mid = (ok + bad) / 2.0;
            if self.passes(&make(mid), distances) {
                ok = mid;
            } else {
                bad = mid;
            }
        }
        // The search samples coarsely; the fix must hold as the check samples it (an
        // animation with straight keys turns in kinks whose acceleration the finer
        // sampling sees larger): step back towards the passing end until it does.
        let end = if passes_low { lo } else { hi };
        let mut step = (ok - bad).abs().max(1e-9);
        for _ in 0..=FIX_STEPS {
            if self.verdict_at(&make(ok), distances, self.opts.step_s) == Verdict::Passes {
                return Some(ok);
            }
            ok = if passes_low {
                (ok - step).max(end)
            } else {
                (ok + step).min(end)
            };
            step *= 2.0;
        }
        None
    }

    fn fixes_for(&self, entry: MotionEntry) -> Vec<Message> {
        match entry {
            MotionEntry::Motion(k) => self.motion_fixes(k),
            MotionEntry::Frame(k) => self.frame_fix(k).into_iter().collect(),
            MotionEntry::Animation => self.clip_fix().into_iter().collect(),
            MotionEntry::Formation => Vec::new(),
        }
    }

    fn motion_fixes(&self, k: usize) -> Vec<Message> {
        let mut out = Vec::new();
        let Some(m) = self.spec.motions.get(k) else {
            return out;
        };
        let with = |f: &dyn Fn(&mut skyshow_model::Motion)| {
            let mut s = self.spec.clone();
            f(&mut s.motions[k]);
            s
        };
        // A smaller amplitude.
        let amp = |a: f64| {
            with(&|mm: &mut skyshow_model::Motion| match &mut mm.kind {
                MotionKind::Rotate { angle_deg, .. } => *angle_deg *= a,
                MotionKind::Move { path } => path.iter_mut().for_each(|p| *p = *p * a),
                MotionKind::Scale { factor } => *factor = 1.0 + (*factor - 1.0) * a,
            })
        };
        let scales = matches!(m.kind, MotionKind::Scale { .. }) || self.figure == Figure::Distance;
        if let Some(a) = self.search(1e-3, 1.0, true, scales, &amp) {
            let over = self.over(m, k);
            out.push(match &m.kind {
                MotionKind::Rotate { angle_deg, .. } => msg!(
                    "motion-fix-turns",
                    turns = format!("{:.2}", (angle_deg * a / 360.0).abs()),
                    degrees = format!("{:.0}", (angle_deg * a).abs()),
                    over = over
                ),
                MotionKind::Move { path } => {
                    let len: f64 = std::iter::once(Vec3::ZERO)
                        .chain(path.iter().copied())
                        .collect::<Vec<_>>()
                        .windows(2)
                        .map(|w| w[0].dist(w[1]))
                        .sum();
                    msg!(
                        "motion-fix-move",
                        length = format!("{:.1}", len * a),
                        now = format!("{len:.1}"),
                        over = over
                    )
                }
                MotionKind::Scale { factor } => {
                    msg!(
                        "motion-fix-factor",
                        factor = format!("{:.3}", 1.0 + (factor - 1.0) * a),
                        over = over
                    )
                }
            });
        }
        // A longer duration, in seconds.
        let hold = (self.clock.end_s - self.clock.start_s).max(0.0);
        let now = self.duration_now(k);
        if now > 0.0 {
            let longer = |x: f64| {
                with(&|mm: &mut skyshow_model::Motion| {
                    mm.duration = Some(HoldTime::Seconds(now * x))
                })
            };
            let most = (hold / now).max(1.0);
            match self.search(1.0, most, false, self.figure == Figure::Distance, &longer) {
                Some(x) if x > 1.0 => out.push(msg!(
                    "motion-fix-duration",
                    seconds = format!("{:.1}", now * x),
                    now = format!("{now:.1}")
                )),
                _ => {
                    // Would it work with more room than the hold has?
                    let far = (8.0f64).max(most * 2.0);
                    let mut s = self.spec.clone();
                    s.motions[k].duration = Some(HoldTime::Seconds(now * far));
                    let wider = HoldClock {
                        end_s: self.clock.start_s + now * far + self.start_now(k) + 1.0,
                        ..*self.clock
                    };
                    let p = Probe {
                        clock: &wider,
                        ..*self
                    };
                    if let Some(x) =
                        p.search(1.0, far, false, self.figure == Figure::Distance, &longer)
                    {
                        let need = self.start_now(k) + now * x;
                        out.push(msg!(
                            "motion-fix-duration-hold",
                            seconds = format!("{:.1}", now * x),
                            need = format!("{need:.1}"),
                            hold = format!("{hold:.1}")
                        ));
                    }
                }
            }
        }
        out
    }

    /// " in 8 bars" / " in 12.0 s": the motion's current duration, for amplitude fixes.
    fn over(&self, m: &skyshow_model::Motion, k: usize) -> Message {
        let length = match m.duration {
            Some(HoldTime::Music(len)) => len.to_string(),
            _ => format!("{:.1} s", self.duration_now(k)),
        };
        msg!("motion-fix-over", length = length)
    }

    /// The motion's start and one repetition's length as resolved, seconds.
    fn resolved_window(&self, k: usize) -> Option<(f64, f64)> {
        let m = resolve(self.spec, self.clock, self.limits, self.opts).ok()??;
        let r = m.rigid.iter().find(|r| r.index == k)?;
        let w = r.windows.first()?;
        Some((w.0, w.1 - w.0))
    }

    fn duration_now(&self, k: usize) -> f64 {
        self.resolved_window(k).map_or(0.0, |w| w.1)
    }

    fn start_now(&self, k: usize) -> f64 {
        self.resolved_window(k).map_or(0.0, |w| w.0)
    }

    /// A longer morph into frame `k`.
    fn frame_fix(&self, k: usize) -> Option<Message> {
        let m = resolve(self.spec, self.clock, self.limits, self.opts).ok()??;
        let Base::Morph(morph) = &m.base else {
            return None;
        };
        let (a, b) = *morph.windows.get(k - 1)?;
        let now = b - a;
        let longer = |x: f64| {
            let mut s = self.spec.clone();
            if let Some(Deform::Morph(f)) = &mut s.deform {
                f[k].morph = Some(HoldTime::Seconds(now * x));
            }
            s
        };
        // The previous frame's moment: where the morph into it ends (0 for the first).
        let prev_at = if k >= 2 { morph.windows[k - 2].1 } else { 0.0 };
        let gap = b - prev_at;
        let most = (gap / now).max(1.0);
        if let Some(x) = self.search(1.0, most, false, false, &longer)
            && x > 1.0
        {
            return Some(msg!(
                "motion-fix-morph",
                frame = k + 1,
                seconds = format!("{:.2}", now * x),
                now = format!("{now:.2}")
            ));
        }
        // Not within the gap: how long the morph needs when frame `k` and the ones after
        // it move later (and the hold grows) by what it takes beyond the gap.
        let far = 8.0f64.max(most * 2.0);
        let ats: Vec<f64> = morph.windows.iter().map(|w| w.1).collect();
        let later = |x: f64| {
            let shift = (now * x - gap).max(0.0);
            let mut s = self.spec.clone();
            if let Some(Deform::Morph(f)) = &mut s.deform {
                f[k].morph = Some(HoldTime::Seconds(now * x));
                for (j, fr) in f.iter_mut().enumerate().skip(k) {
                    fr.at = HoldTime::Seconds(ats[j - 1] + shift);
                }
            }
            s
        };
        let shift = (now * far - gap).max(0.0);
        let wider = HoldClock {
            end_s: self.clock.end_s + shift,
            ..*self.clock
        };
        let p = Probe {
            clock: &wider,
            ..*self
        };
        match p.search(1.0, far, false, false, &later) {
            Some(x) => {
                let need = now * x;
                let hold = self.clock.end_s - self.clock.start_s + (need - gap).max(0.0);
                Some(msg!(
                    "motion-fix-morph-later",
                    frame = k + 1,
                    need = format!("{need:.2}"),
                    before = k,
                    gap = format!("{gap:.2}"),
                    hold = format!("{hold:.1}")
                ))
            }
            None => Some(msg!("motion-fix-frames-room", before = k, frame = k + 1)),
        }
    }

    /// A slower playback.
    fn clip_fix(&self) -> Option<Message> {
        let Some(Deform::Clip(c)) = &self.spec.deform else {
            return None;
        };
        let now = match c.playback.speed {
            PlaybackSpeed::Factor(f) => f,
            PlaybackSpeed::Fit => return None,
        };
        let slower = |x: f64| {
            let mut s = self.spec.clone();
            if let Some(Deform::Clip(c)) = &mut s.deform {
                c.playback.speed = PlaybackSpeed::Factor(now * x);
            }
            s
        };
        self.search(1e-3, 1.0, true, self.figure == Figure::Distance, &slower)
            .map(|x| {
                msg!(
                    "motion-fix-speed",
                    speed = format!("{:.3}", now * x),
                    now = now
                )
            })
    }

    /// A smaller (speeds) or larger (distance) picture.
    fn size_fix(&self) -> Option<Message> {
        let scaled = |k: f64| {
            let mut s = self.spec.clone();
            let c = s.rest_centre;
            let sc = |p: &mut Vec3| *p = c + (*p - c) * k;
            s.rest.iter_mut().for_each(sc);
            match &mut s.deform {
                Some(Deform::Morph(f)) => f
                    .iter_mut()
                    .for_each(|fr| fr.points.iter_mut().for_each(sc)),
                Some(Deform::Clip(_)) | None => {}
            }
            s
        };
        if matches!(self.spec.deform, Some(Deform::Clip(_))) {
            return None;
        }
        let grow = self.figure == Figure::Distance;
        // Walk away from the current size until a size passes (too small a picture breaks
        // the distance, too large the speeds), then bisect back towards it.
        let step: f64 = if grow { 1.04 } else { 1.0 / 1.04 };
        let (mut bad, mut ok) = (1.0, None);
        for j in 1..=72 {
            let k = step.powi(j);
            match self.verdict(&scaled(k), true) {
                Verdict::Passes => {
                    ok = Some(k);
                    break;
                }
                // Further on, the miss only grows: smaller pictures bring drones closer,
                // larger ones fly faster.
                Verdict::Distance if !grow => return None,
                Verdict::Kinematics if grow => return None,
                _ => bad = k,
            }
        }
        let mut ok = ok?;
        for _ in 0..FIX_STEPS {
            let mid = (ok + bad) / 2.0;
            if self.passes(&scaled(mid), true) {
                ok = mid;
            } else {
                bad = mid;
            }
        }
        let k = ok;
        if (k - 1.0).abs() < 1e-3 {
            return None;
        }
        Some(match &self.spec.size {
            Some((key, v)) => msg!(
                "motion-fix-size-key",
                key = key.as_str(),
                op = if grow { "≥" } else { "≤" },
                value = format!("{:.1}", v * k),
                now = *v
            ),
            None => msg!("motion-fix-size", factor = format!("{k:.2}")),
        })
    }
}
