//! Moving holds kept in a [`ContentCache`] between builds, keyed by content.
//!
//! Planning a moving hold (resolving, measuring, checking and fitting it) is a pure
//! function of the formation's motion spec, the hold's clock (its start and end, and the
//! music's beats that musical times count along), the limits, the motion options and the
//! lowest altitude allowed; so is where its points sweep (for parking spare drones). Their
//! inputs can be large (a recorded clip's every sample), so an entry holds a 128-bit hash
//! of them, not the inputs, next to the result stored as exact bits with a checksum: an
//! entry is used only when that hash is the one asked for and the checksum holds. A
//! cached hold is the hold, bit for bit; a corrupt, truncated or foreign entry is a miss.
//! Errors are not kept: a motion that is refused is planned (and refused) again.

use std::fmt::Write as _;

use skyshow_formations::{Deform, MorphFrame};
use skyshow_model::{Clip, ContentCache, Limits, MusicDesign, Segment, Vec3};

use super::MotionError;
use super::figures::{Extreme, MotionFigures};
use super::fit::FittedMotion;
use super::planned_motion::{PlannedMotion, plan_motion, swept_points};
use super::resolve::{HoldClock, MotionOptions, MotionSpec};
use crate::transition_codec::{Reader, Writer, entry_name, open, seal};
use crate::wide_hasher::WideHasher;

/// Bumped whenever the planner or the byte form changes what a given input plans to.
const FORMAT: &str = "skyshow-plan hold cache 1";

/// The key text of a hold of `spec` on `clock` (see the module notes): `kind`, the format,
/// and the 128-bit hash of every input. `Debug` of floats prints the shortest text that
/// reads back to the same bits, so the settings are described exactly (and any field
/// added to them is included); the large point lists are hashed as their bits.
fn key(
    kind: &str,
    spec: &MotionSpec,
    clock: &HoldClock<'_>,
    limits: &Limits,
    opts: &MotionOptions,
    low_m: f64,
) -> Vec<u8> {
    let mut h = WideHasher::new();
    // Every field named: one added to these types does not compile here until it is keyed.
    let MotionSpec {
        name,
        rest,
        deform,
        motions,
        rest_centre,
        own_axes,
        size,
    } = spec;
    let _ = write!(
        h,
        "{name:?} {motions:?} {rest_centre:?} {own_axes:?} {size:?}"
    );
    h.points(rest);
    match deform {
        None => h.bytes(b"still"),
        Some(Deform::Morph(frames)) => {
            h.bytes(b"morph");
            for MorphFrame {
                points,
                colors,
                at,
                morph,
            } in frames
            {
                h.points(points);
                let _ = write!(h, "{colors:?} {at:?} {morph:?}");
            }
        }
        Some(Deform::Clip(Clip { tracks, playback })) => {
            h.bytes(b"clip");
            let _ = write!(h, "{:?} {} {playback:?}", tracks.step_s(), tracks.points());
            for k in 0..tracks.frames() {
                h.points(tracks.frame(k));
            }
        }
    }
    let HoldClock {
        start_s,
        end_s,
        music,
    } = clock;
    let _ = write!(h, "{start_s:?} {end_s:?}");
    match music {
        None => h.bytes(b"no music"),
        // What musical times count along; the encoded file and its drawing are not read.
        Some(MusicDesign {
            file: _,
            bytes: _,
            media_type: _,
            offset_s,
            duration_s,
            tempo_bpm,
            beats_per_bar,
            beats_s,
            downbeats_s,
            bars_before,
            waveform: _,
        }) => {
            let _ = write!(
                h,
                "{offset_s:?} {duration_s:?} {tempo_bpm:?} {beats_per_bar} {beats_s:?} {downbeats_s:?} {bars_before}"
            );
        }
    }
    let _ = write!(h, "{limits:?} {opts:?} {low_m:?}");
    format!(
        "{FORMAT}\n{}\n{kind}\n{}\n",
        env!("CARGO_PKG_VERSION"),
        h.finish()
    )
    .into_bytes()
}

/// The entry name of `key`.
fn name(kind: &str, key: &[u8]) -> String {
    entry_name(kind, key)
}

/// The body of the entry of `key`, if the cache holds it whole.
fn load(cache: &mut dyn ContentCache, kind: &str, key: &[u8]) -> Option<Vec<u8>> {
    let entry = cache.load(&name(kind, key))?;
    open(&entry, key).map(<[u8]>::to_vec)
}

/// A moving hold's curves and figures: what the show plan flies and reports.
#[derive(Clone, Debug, PartialEq)]
pub struct HoldFlight {
    /// Its curves, per point, on the show clock.
    pub fitted: FittedMotion,
    /// Its figures.
    pub summary: PlannedMotion,
}

/// [`plan_motion`]'s curves and figures, taken from `cache` when it holds them for the
/// same inputs, else planned and kept there. `None` when nothing moves.
pub fn plan_motion_cached(
    spec: &MotionSpec,
    clock: &HoldClock<'_>,
    limits: &Limits,
    opts: &MotionOptions,
    low_m: f64,
    cache: &mut dyn ContentCache,
) -> Result<Option<HoldFlight>, MotionError> {
    if !spec.is_moving() {
        return Ok(None);
    }
    let key = key("hold", spec, clock, limits, opts, low_m);
    if let Some(body) = load(cache, "h", &key)
        && let Some(flight) = read_flight(&body, spec.rest.len())
    {
        cache.reused(&name("h", &key));
        return Ok(Some(flight));
    }
    let Some(hold) = plan_motion(spec, clock, limits, opts, low_m)? else {
        return Ok(None);
    };
    let flight = HoldFlight {
        fitted: hold.fitted,
        summary: hold.summary,
    };
    let mut w = Writer::default();
    write_flight(&mut w, &flight);
    cache.store(&name("h", &key), seal(&key, &w.bytes));
    Ok(Some(flight))
}

/// [`swept_points`], taken from `cache` when it holds them for the same inputs, else
/// computed and kept there.
pub fn swept_points_cached(
    spec: &MotionSpec,
    clock: &HoldClock<'_>,
    limits: &Limits,
    opts: &MotionOptions,
    cache: &mut dyn ContentCache,
) -> Result<Vec<Vec3>, MotionError> {
    if !spec.is_moving() {
        return Ok(Vec::new());
    }
    let key = key("sweep", spec, clock, limits, opts, 0.0);
    if let Some(body) = load(cache, "s", &key) {
        let mut r = Reader::new(&body);
        if let Some(points) = r.points()
            && r.done()
        {
            cache.reused(&name("s", &key));
            return Ok(points);
        }
    }
    let points = swept_points(spec, clock, limits, opts)?;
    let mut w = Writer::default();
    w.points(&points);
    cache.store(&name("s", &key), seal(&key, &w.bytes));
    Ok(points)
}

fn write_extreme(w: &mut Writer, e: &Extreme) {
    w.f64(e.value);
    w.f64(e.at_s);
    w.len(e.point);
}

fn read_extreme(r: &mut Reader<'_>) -> Option<Extreme> {
    Some(Extreme {
        value: r.f64()?,
        at_s: r.f64()?,
        point: usize::try_from(r.u64()?).ok()?,
    })
}

fn write_flight(w: &mut Writer, f: &HoldFlight) {
    let FittedMotion { curves, error_m } = &f.fitted;
    w.len(curves.len());
    for c in curves {
        w.len(c.len());
        for s in c {
            w.f64(s.t0);
            w.f64(s.t1);
            for p in s.p {
                w.vec3(p);
            }
        }
    }
    w.f64(*error_m);
    let PlannedMotion {
        kinds,
        designed,
        flown,
        fit_error_m,
        segments_per_drone,
        ramps_s,
        playback,
        active_s,
    } = &f.summary;
    w.len(kinds.len());
    for k in kinds {
        w.str(k);
    }
    let MotionFigures {
        speed_xy,
        speed_up,
        speed_down,
        accel,
        altitude_max,
        altitude_min,
        min_distance,
        min_distance_other,
    } = designed;
    let designed = [
        speed_xy,
        speed_up,
        speed_down,
        accel,
        altitude_max,
        altitude_min,
        min_distance,
    ];
    for e in designed.into_iter().chain(flown) {
        write_extreme(w, e);
    }
    w.len(*min_distance_other);
    w.f64(*fit_error_m);
    w.f64(*segments_per_drone);
    w.len(ramps_s.len());
    for (k, r) in ramps_s {
        w.len(*k);
        w.f64(*r);
    }
    match playback {
        None => w.u64(0),
        Some((speed, ramp)) => {
            w.u64(1);
            w.f64(*speed);
            w.f64(*ramp);
        }
    }
    w.f64(active_s.0);
    w.f64(active_s.1);
}

/// A hold of `points` points written by [`write_flight`]; `None` if the bytes are not one.
fn read_flight(body: &[u8], points: usize) -> Option<HoldFlight> {
    let mut r = Reader::new(body);
    let n = r.len(8)?;
    if n != points {
        return None;
    }
    let mut curves = Vec::with_capacity(n);
    for _ in 0..n {
        let k = r.len(16 + 4 * 24)?;
        let c = (0..k)
            .map(|_| {
                Some(Segment {
                    t0: r.f64()?,
                    t1: r.f64()?,
                    p: [r.vec3()?, r.vec3()?, r.vec3()?, r.vec3()?],
                })
            })
            .collect::<Option<Vec<_>>>()?;
        curves.push(c);
    }
    let error_m = r.f64()?;
    let k = r.len(8)?;
    let kinds = (0..k).map(|_| r.str()).collect::<Option<Vec<_>>>()?;
    let mut extremes = [Extreme::NONE; 11];
    for e in &mut extremes {
        *e = read_extreme(&mut r)?;
    }
    let min_distance_other = usize::try_from(r.u64()?).ok()?;
    let [
        speed_xy,
        speed_up,
        speed_down,
        accel,
        altitude_max,
        altitude_min,
        min_distance,
        f0,
        f1,
        f2,
        f3,
    ] = extremes;
    let designed = MotionFigures {
        speed_xy,
        speed_up,
        speed_down,
        accel,
        altitude_max,
        altitude_min,
        min_distance,
        min_distance_other,
    };
    let flown = [f0, f1, f2, f3];
    let fit_error_m = r.f64()?;
    let segments_per_drone = r.f64()?;
    let k = r.len(16)?;
    let ramps_s = (0..k)
        .map(|_| Some((usize::try_from(r.u64()?).ok()?, r.f64()?)))
        .collect::<Option<Vec<_>>>()?;
    let playback = match r.u64()? {
        0 => None,
        1 => Some((r.f64()?, r.f64()?)),
        _ => return None,
    };
    let active_s = (r.f64()?, r.f64()?);
    r.done().then_some(HoldFlight {
        fitted: FittedMotion { curves, error_m },
        summary: PlannedMotion {
            kinds,
            designed,
            flown,
            fit_error_m,
            segments_per_drone,
            ramps_s,
            playback,
            active_s,
        },
    })
}

#[cfg(test)]
mod tests {
    use std::f64::consts::TAU;

    use skyshow_model::{
        Easing, HoldTime, Motion, MotionAxis, MotionKind, Playback, PlaybackSpeed, PointTracks,
        Repeat,
    };

    use super::*;
    use skyshow_model::MemoryCache;

    const C: Vec3 = Vec3::new(0.0, 0.0, 60.0);

    fn ring(n: usize) -> Vec<Vec3> {
        (0..n)
            .map(|k| {
                let a = TAU * k as f64 / n as f64;
                C + Vec3::new(0.0, 20.0 * a.cos(), 20.0 * a.sin())
            })
            .collect()
    }

    /// A ring turning once about the vertical, and a clip of it turning (played at 1).
    fn specs() -> [MotionSpec; 2] {
        let rest = ring(12);
        let turn = Motion {
            kind: MotionKind::Rotate {
                axis: MotionAxis::Up,
                angle_deg: 360.0,
            },
            pivot: Vec3::ZERO,
            start: HoldTime::Seconds(0.0),
            duration: None,
            easing: Easing::Smooth,
            repeat: Repeat::Count(1),
        };
        let spec = MotionSpec {
            name: "wheel".into(),
            rest: rest.clone(),
            deform: None,
            motions: vec![turn],
            rest_centre: C,
            own_axes: [
                Vec3::new(0.0, -1.0, 0.0),
                Vec3::new(0.0, 0.0, 1.0),
                Vec3::new(-1.0, 0.0, 0.0),
            ],
            size: Some(("radius_m".into(), 20.0)),
        };
        let tracks = PointTracks::from_fn(12, 20.0, 0.05, |t, out| {
            let (s, k) = (TAU * t / 20.0).sin_cos();
            for (o, p) in out.iter_mut().zip(&rest) {
                let d = *p - C;
                *o = C + Vec3::new(d.x * k - d.y * s, d.x * s + d.y * k, d.z);
            }
        });
        let clip = MotionSpec {
            motions: Vec::new(),
            deform: Some(Deform::Clip(Clip {
                tracks,
                playback: Playback {
                    speed: PlaybackSpeed::Factor(1.0),
                    ..Playback::default()
                },
            })),
            ..spec.clone()
        };
        [spec, clip]
    }

    fn clock(start_s: f64) -> HoldClock<'static> {
        HoldClock {
            start_s,
            end_s: start_s + 40.0,
            music: None,
        }
    }

    fn plan(spec: &MotionSpec, clock: &HoldClock<'_>, cache: &mut MemoryCache) -> HoldFlight {
        plan_motion_cached(
            spec,
            clock,
            &Limits::DEFAULT,
            &MotionOptions::DEFAULT,
            5.0,
            cache,
        )
        .unwrap()
        .unwrap()
    }

    #[test]
    fn a_cached_hold_is_the_hold_bit_for_bit() {
        for spec in specs() {
            let fresh = plan_motion(
                &spec,
                &clock(100.0),
                &Limits::DEFAULT,
                &MotionOptions::DEFAULT,
                5.0,
            )
            .unwrap()
            .unwrap();
            let mut cache = MemoryCache::default();
            let first = plan(&spec, &clock(100.0), &mut cache);
            assert_eq!(cache.reused.len(), 0);
            assert_eq!(cache.entries.len(), 1);
            let again = plan(&spec, &clock(100.0), &mut cache);
            assert_eq!(cache.reused.len(), 1, "{}", spec.name);
            for f in [&first, &again] {
                assert_eq!(f.fitted, fresh.fitted);
                assert_eq!(f.summary, fresh.summary);
            }
            // The swept points too.
            let swept = swept_points(
                &spec,
                &clock(7.0),
                &Limits::DEFAULT,
                &MotionOptions::DEFAULT,
            )
            .unwrap();
            for hits in [0, 1] {
                let got = swept_points_cached(
                    &spec,
                    &clock(7.0),
                    &Limits::DEFAULT,
                    &MotionOptions::DEFAULT,
                    &mut cache,
                )
                .unwrap();
                assert_eq!(got, swept);
                assert_eq!(cache.reused.len(), 1 + hits);
            }
        }
    }

    #[test]
    fn any_other_input_is_a_miss() {
        let [spec, clip] = specs();
        let mut cache = MemoryCache::default();
        plan(&spec, &clock(100.0), &mut cache);
        plan(&clip, &clock(100.0), &mut cache);
        let mut moved = spec.clone();
        moved.rest[3].x += 1e-9;
        let mut resampled = clip.clone();
        if let Some(Deform::Clip(c)) = &mut resampled.deform {
            let mut t = PointTracks::new(c.tracks.step_s(), c.tracks.points());
            for k in 0..c.tracks.frames() {
                let mut f = c.tracks.frame(k).to_vec();
                if k == c.tracks.frames() / 2 {
                    f[5].z += 1e-9;
                }
                t.push_frame(&f);
            }
            c.tracks = t;
        }
        let faster = MotionSpec {
            motions: vec![Motion {
                duration: Some(HoldTime::Seconds(30.0)),
                ..spec.motions[0].clone()
            }],
            ..spec.clone()
        };
        for other in [&moved, &resampled, &faster] {
            plan(other, &clock(100.0), &mut cache);
        }
        plan(&spec, &clock(100.001), &mut cache);
        plan_motion_cached(
            &spec,
            &clock(100.0),
            &Limits {
                max_accel_m_s2: 3.9,
                ..Limits::DEFAULT
            },
            &MotionOptions::DEFAULT,
            5.0,
            &mut cache,
        )
        .unwrap();
        plan_motion_cached(
            &spec,
            &clock(100.0),
            &Limits::DEFAULT,
            &MotionOptions::DEFAULT,
            5.5,
            &mut cache,
        )
        .unwrap();
        assert_eq!(cache.reused.len(), 0);
        assert_eq!(cache.entries.len(), 8);
    }

    #[test]
    fn a_damaged_or_truncated_entry_is_a_miss_and_the_hold_is_planned_again() {
        let [spec, _] = specs();
        let mut cache = MemoryCache::default();
        let fresh = plan(&spec, &clock(100.0), &mut cache);
        let (name, good) = cache
            .entries
            .iter()
            .next()
            .map(|(n, b)| (n.clone(), b.clone()))
            .unwrap();
        let step = (good.len() / 300).max(1);
        for k in (0..good.len()).step_by(step) {
            let mut bad = good.clone();
            bad[k] ^= 0x20;
            for entry in [bad, good[..k].to_vec()] {
                cache.entries.insert(name.clone(), entry);
                assert_eq!(plan(&spec, &clock(100.0), &mut cache), fresh, "byte {k}");
                assert_eq!(cache.reused.len(), 0, "byte {k}");
            }
        }
    }
}
