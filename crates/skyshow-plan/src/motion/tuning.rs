//! Tuning a resolved motion to the limits: the shortest ramps of linear motions and clips
//! the acceleration limit allows, and the fastest playback of a clip.

use skyshow_formations::Deform;
use skyshow_model::{Clip, Easing, Limits};

use super::HoldMotion;
use super::base::Base;
use super::beyond::{Ceilings, beyond};
use super::easing::MAX_RAMP;
use super::motion_error::{MotionEntry, MotionError};
use super::resolve::{HoldClock, MotionOptions, MotionSpec, Resolver};

/// Bisection steps of the searches.
const SEARCH_STEPS: usize = 14;

/// The fastest playback speed of `spec`'s clip the limits allow (clip seconds per second),
/// with everything else in `spec` as it is. `None` when `spec` has no clip.
pub fn fastest_playback(
    spec: &MotionSpec,
    clock: &HoldClock<'_>,
    limits: &Limits,
    opts: &MotionOptions,
) -> Result<Option<f64>, MotionError> {
    let Some(Deform::Clip(c)) = &spec.deform else {
        return Ok(None);
    };
    let r = Resolver { spec, clock };
    let rigid = spec
        .motions
        .iter()
        .enumerate()
        .map(|(k, m)| r.rigid(k, m))
        .collect::<Result<Vec<_>, _>>()?;
    let motion = HoldMotion {
        duration_s: r.hold_s(),
        rest_centre: spec.rest_centre,
        own_axes: spec.own_axes,
        base: Base::Clip(r.clip(c, 1.0)?),
        rigid,
    };
    fastest_speed(&r, c, &motion, limits, opts).map(Some)
}

/// True when the speeds and acceleration of `m` stay within the limits (with headroom).
pub(crate) fn within_kinematic_limits(
    m: &HoldMotion,
    limits: &Limits,
    opts: &MotionOptions,
    span: (f64, f64),
) -> bool {
    let h = opts.headroom;
    let ceilings = Ceilings {
        speed_xy: limits.max_speed_xy_m_s * h,
        speed_up: limits.max_speed_up_m_s * h,
        speed_down: limits.max_speed_down_m_s * h,
        accel: limits.max_accel_m_s2 * h,
    };
    !beyond(m, span.0, span.1, opts.search_step_s, &ceilings)
}

/// The fastest clip speed within the limits: doubling, then bisection.
pub(crate) fn fastest_speed(
    r: &Resolver<'_>,
    c: &Clip,
    motion: &HoldMotion,
    limits: &Limits,
    opts: &MotionOptions,
) -> Result<f64, MotionError> {
    let ok = |speed: f64| -> Result<bool, MotionError> {
        let mut m = motion.clone();
        m.base = Base::Clip(r.clip(c, speed)?);
        shorten_ramps(&mut m, limits, opts);
        Ok(within_kinematic_limits(
            &m,
            limits,
            opts,
            (0.0, m.duration_s),
        ))
    };
    let (mut lo, mut hi) = (0.0, 1.0);
    while ok(hi)? {
        lo = hi;
        hi *= 2.0;
        if hi > 64.0 {
            return Ok(lo);
        }
    }
    for _ in 0..SEARCH_STEPS {
        let mid = (lo + hi) / 2.0;
        if ok(mid)? {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    if lo <= 0.0 {
        return Err(MotionError::Timing {
            formation: r.spec.name.clone(),
            entry: MotionEntry::Animation,
            what: skyshow_i18n::msg!("motion-clip-beyond-limits"),
            hint: skyshow_i18n::msg!("motion-clip-beyond-limits-hint"),
        });
    }
    Ok(lo)
}

/// Gives every linear motion, then the clip, the shortest ramps the acceleration limit
/// allows (bisection on the ramp's share; the longest ramp when even that is too much —
/// the limit check then says so).
pub(crate) fn shorten_ramps(motion: &mut HoldMotion, limits: &Limits, opts: &MotionOptions) {
    let a_max = limits.max_accel_m_s2 * opts.headroom;
    let accel_ok = |m: &HoldMotion, span: (f64, f64)| {
        !beyond(
            m,
            span.0,
            span.1,
            opts.search_step_s,
            &Ceilings::accel(a_max),
        )
    };
    for k in 0..motion.rigid.len() {
        if motion.rigid[k].easing != Easing::Linear {
            continue;
        }
        let span = motion.rigid[k].span();
        let len = (span.1 - span.0).max(1e-9);
        let lo_share = (0.01 / len).min(MAX_RAMP);
        let set = |m: &mut HoldMotion, r: f64| m.rigid[k].ramp = r;
        let mut probe = motion.clone();
        set(&mut probe, lo_share);
        if accel_ok(&probe, span) {
            set(motion, lo_share);
            continue;
        }
        let (mut lo, mut hi) = (lo_share, MAX_RAMP);
        for _ in 0..SEARCH_STEPS {
            let mid = (lo + hi) / 2.0;
            set(&mut probe, mid);
            if accel_ok(&probe, span) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        set(motion, hi);
    }
    if let Base::Clip(c) = &motion.base {
        let max = c.max_ramp_s();
        let lo_s = 0.01f64.min(max);
        let set = |m: &mut HoldMotion, r: f64| {
            if let Base::Clip(c) = &mut m.base {
                c.ramp_s = r;
            }
        };
        let mut probe = motion.clone();
        // Over the whole hold, as `within_kinematic_limits` measures it: the acceleration
        // peaks where a ramp meets the steady playing, and how much of that peak the
        // samples catch depends on where they fall, so the ramp that passes here must be
        // judged on the same samples there, or the fastest playback comes out at random
        // well below what the limits allow.
        let span = |m: &HoldMotion| (0.0, m.duration_s);
        set(&mut probe, lo_s);
        if accel_ok(&probe, span(&probe)) {
            set(motion, lo_s);
            return;
        }
        let (mut lo, mut hi) = (lo_s, max);
        for _ in 0..SEARCH_STEPS {
            let mid = (lo + hi) / 2.0;
            set(&mut probe, mid);
            if accel_ok(&probe, span(&probe)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        set(motion, hi);
    }
}
