//! Every formation of a show built (sampled, relaxed, coloured, checked), in parallel, and
//! kept in a [`ContentCache`] between builds, keyed by content.
//!
//! Building a formation is a pure function of its design (the show file's entry with its
//! artwork lowered by import), the fleet's size, the audience's direction, the limits and
//! the lowest altitude a picture may use. Artwork can be large, so an entry holds a 128-bit
//! hash of those inputs (their `Debug` text, which prints every float exactly and every
//! field of the design; the design types write no `Debug` of their own), not the inputs,
//! next to the formation stored as exact bits with a checksum: a cached formation is the
//! formation, bit for bit, and a corrupt, truncated or foreign entry is a miss. Errors are
//! not kept: a formation that is refused is built (and refused) again.
//!
//! The formations that are not in the cache are built at the same time on every core
//! (each one's own result does not depend on the others or on the thread count), and the
//! first error in show order is the one returned, as when they were built in turn.

use std::fmt::Write as _;

use rayon::prelude::*;
use skyshow_formations::{Deform, DetailShortfall, Formation, FormationError, MorphFrame, build};
use skyshow_model::{
    Clip, ContentCache, FormationDesign, HoldTime, Limits, MusicalLength, MusicalUnit, Playback,
    PlaybackSpeed, PointTracks, Rgb, ShowDesign,
};

use crate::transition_codec::{Reader, Writer, entry_name, open, seal};
use crate::wide_hasher::WideHasher;

/// Bumped whenever the formations or the byte form change what a given input builds to.
const FORMAT: &str = "skyshow-plan formation cache 1";

/// The key text of formation `fd` (see the module notes).
fn key(
    fd: &FormationDesign,
    fleet: usize,
    azimuth_deg: f64,
    limits: &Limits,
    low_m: f64,
) -> Vec<u8> {
    let mut h = WideHasher::new();
    // Every field named: one added to the design does not compile here until it is keyed.
    // The formation's timing, motion and transition are not read by `build` (a test
    // checks it), so an edit to them keeps its points.
    let FormationDesign {
        name,
        chapter: _,
        start_s: _,
        start_next: _,
        hold_s: _,
        hold_music: _,
        shape,
        placement,
        color,
        transition: _,
        motion: _,
    } = fd;
    let _ = write!(
        h,
        "{name:?} {shape:?} {placement:?} {color:?} {fleet} {azimuth_deg:?} {limits:?} {low_m:?}"
    );
    format!("{FORMAT}\n{}\n{}\n", env!("CARGO_PKG_VERSION"), h.finish()).into_bytes()
}

/// The entry name of `key`.
fn name(key: &[u8]) -> String {
    entry_name("f", key)
}

/// Every formation of `design` for its fleet, with pictures no lower than `low_m`: each
/// taken from `cache` when it holds it for the same inputs, the others built in parallel
/// and kept there. The first formation (in show order) that cannot be built gives the
/// error.
pub(crate) fn build_formations(
    design: &ShowDesign,
    low_m: f64,
    cache: &mut dyn ContentCache,
) -> Result<Vec<Formation>, FormationError> {
    let fleet = design.fleet.drones;
    let az = design.audience_azimuth_deg;
    let keys: Vec<Vec<u8>> = design
        .formations
        .par_iter()
        .map(|fd| key(fd, fleet, az, &design.limits, low_m))
        .collect();
    let found: Vec<Option<Formation>> = keys
        .iter()
        .map(|k| {
            let entry = cache.load(&name(k))?;
            read_formation(open(&entry, k)?)
        })
        .collect();
    let fresh: Vec<Option<Result<Formation, FormationError>>> = design
        .formations
        .par_iter()
        .zip(&found)
        .map(|(fd, hit)| {
            hit.is_none()
                .then(|| build(fd, fleet, az, &design.limits, low_m))
        })
        .collect();
    let mut out = Vec::with_capacity(keys.len());
    for ((k, hit), fresh) in keys.iter().zip(found).zip(fresh) {
        match (hit, fresh) {
            (Some(f), _) => {
                cache.reused(&name(k));
                out.push(f);
            }
            (None, Some(Ok(f))) => {
                let mut w = Writer::default();
                write_formation(&mut w, &f);
                cache.store(&name(k), seal(k, &w.bytes));
                out.push(f);
            }
            (None, Some(Err(e))) => return Err(e),
            (None, None) => unreachable!("a formation missing from the cache is built"),
        }
    }
    Ok(out)
}

fn write_colors(w: &mut Writer, cs: &[Rgb]) {
    w.len(cs.len());
    for c in cs {
        w.bytes.extend_from_slice(&[c.r, c.g, c.b]);
    }
}

fn read_colors(r: &mut Reader<'_>) -> Option<Vec<Rgb>> {
    let n = r.len(3)?;
    let b = r.take(3 * n)?;
    Some(
        b.chunks_exact(3)
            .map(|c| Rgb::new(c[0], c[1], c[2]))
            .collect(),
    )
}

fn write_opt(w: &mut Writer, v: Option<f64>) {
    match v {
        None => w.u64(0),
        Some(x) => {
            w.u64(1);
            w.f64(x);
        }
    }
}

fn read_opt(r: &mut Reader<'_>) -> Option<Option<f64>> {
    match r.u64()? {
        0 => Some(None),
        1 => Some(Some(r.f64()?)),
        _ => None,
    }
}

fn write_hold_time(w: &mut Writer, t: &HoldTime) {
    match t {
        HoldTime::Seconds(s) => {
            w.u64(0);
            w.f64(*s);
        }
        HoldTime::Music(MusicalLength { amount, unit }) => {
            w.u64(match unit {
                MusicalUnit::Beats => 1,
                MusicalUnit::Bars => 2,
            });
            w.f64(*amount);
        }
    }
}

fn read_hold_time(r: &mut Reader<'_>) -> Option<HoldTime> {
    let tag = r.u64()?;
    let x = r.f64()?;
    Some(match tag {
        0 => HoldTime::Seconds(x),
        1 | 2 => HoldTime::Music(MusicalLength {
            amount: x,
            unit: if tag == 1 {
                MusicalUnit::Beats
            } else {
                MusicalUnit::Bars
            },
        }),
        _ => return None,
    })
}

fn write_deform(w: &mut Writer, d: &Option<Deform>) {
    match d {
        None => w.u64(0),
        Some(Deform::Morph(frames)) => {
            w.u64(1);
            w.len(frames.len());
            for MorphFrame {
                points,
                colors,
                at,
                morph,
            } in frames
            {
                w.points(points);
                write_colors(w, colors);
                write_hold_time(w, at);
                match morph {
                    None => w.u64(0),
                    Some(m) => {
                        w.u64(1);
                        write_hold_time(w, m);
                    }
                }
            }
        }
        Some(Deform::Clip(Clip { tracks, playback })) => {
            w.u64(2);
            w.f64(tracks.step_s());
            w.len(tracks.points());
            w.len(tracks.frames());
            for k in 0..tracks.frames() {
                for p in tracks.frame(k) {
                    w.vec3(*p);
                }
            }
            let Playback {
                start_s,
                speed,
                looped,
            } = playback;
            w.f64(*start_s);
            match speed {
                PlaybackSpeed::Factor(f) => {
                    w.u64(0);
                    w.f64(*f);
                }
                PlaybackSpeed::Fit => w.u64(1),
            }
            w.u64(u64::from(*looped));
        }
    }
}

fn read_deform(r: &mut Reader<'_>) -> Option<Option<Deform>> {
    Some(match r.u64()? {
        0 => None,
        1 => {
            let n = r.len(8 * 5)?;
            let frames = (0..n)
                .map(|_| {
                    let points = r.points()?;
                    let colors = read_colors(r)?;
                    let at = read_hold_time(r)?;
                    let morph = match r.u64()? {
                        0 => None,
                        1 => Some(read_hold_time(r)?),
                        _ => return None,
                    };
                    Some(MorphFrame {
                        points,
                        colors,
                        at,
                        morph,
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            Some(Deform::Morph(frames))
        }
        2 => {
            let step_s = r.f64()?;
            let points = usize::try_from(r.u64()?).ok()?;
            let frames = r.len(points.checked_mul(24)?)?;
            // `PointTracks::new` refuses any other step.
            if !(step_s.is_finite() && step_s > 0.0) || (points == 0 && frames > 0) {
                return None;
            }
            let mut tracks = PointTracks::new(step_s, points);
            let mut frame = Vec::with_capacity(points);
            for _ in 0..frames {
                frame.clear();
                for _ in 0..points {
                    frame.push(r.vec3()?);
                }
                tracks.push_frame(&frame);
            }
            let start_s = r.f64()?;
            let speed = match r.u64()? {
                0 => PlaybackSpeed::Factor(r.f64()?),
                1 => PlaybackSpeed::Fit,
                _ => return None,
            };
            let looped = match r.u64()? {
                0 => false,
                1 => true,
                _ => return None,
            };
            Some(Deform::Clip(Clip {
                tracks,
                playback: Playback {
                    start_s,
                    speed,
                    looped,
                },
            }))
        }
        _ => return None,
    })
}

fn write_detail(w: &mut Writer, d: &Option<DetailShortfall>) {
    let Some(DetailShortfall {
        drones,
        spacing_m,
        max_shape_distance_m,
        gap_share,
        needed_spacing_m,
        drones_needed,
        scale_needed,
    }) = d
    else {
        w.u64(0);
        return;
    };
    w.u64(1);
    w.len(*drones);
    w.f64(*spacing_m);
    w.f64(*max_shape_distance_m);
    w.f64(*gap_share);
    w.f64(*needed_spacing_m);
    w.len(*drones_needed);
    w.f64(*scale_needed);
}

fn read_detail(r: &mut Reader<'_>) -> Option<Option<DetailShortfall>> {
    Some(match r.u64()? {
        0 => None,
        1 => Some(DetailShortfall {
            drones: usize::try_from(r.u64()?).ok()?,
            spacing_m: r.f64()?,
            max_shape_distance_m: r.f64()?,
            gap_share: r.f64()?,
            needed_spacing_m: r.f64()?,
            drones_needed: usize::try_from(r.u64()?).ok()?,
            scale_needed: r.f64()?,
        }),
        _ => return None,
    })
}

/// Appends the formation's bytes to `w` (every field named: one added to `Formation` does
/// not compile here until it is written).
fn write_formation(w: &mut Writer, f: &Formation) {
    let Formation {
        name,
        points,
        colors,
        min_spacing_m,
        ideal_spacing_m,
        max_shape_distance_m,
        close_lines_share,
        deform,
        detail,
        spread,
    } = f;
    w.str(name);
    w.points(points);
    write_colors(w, colors);
    w.f64(*min_spacing_m);
    write_opt(w, *ideal_spacing_m);
    write_opt(w, *max_shape_distance_m);
    write_opt(w, *close_lines_share);
    write_deform(w, deform);
    write_detail(w, detail);
    write_opt(w, *spread);
}

/// The formation written by [`write_formation`]; `None` if the bytes are not one.
fn read_formation(body: &[u8]) -> Option<Formation> {
    let mut r = Reader::new(body);
    let f = Formation {
        name: r.str()?,
        points: r.points()?,
        colors: read_colors(&mut r)?,
        min_spacing_m: r.f64()?,
        ideal_spacing_m: read_opt(&mut r)?,
        max_shape_distance_m: read_opt(&mut r)?,
        close_lines_share: read_opt(&mut r)?,
        deform: read_deform(&mut r)?,
        detail: read_detail(&mut r)?,
        spread: read_opt(&mut r)?,
    };
    r.done().then_some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::MemoryCache;

    /// Still, morphing, recorded and refused formations, with detail and spreading.
    const SHOW: &str = r##"
title = "t"
[fleet]
drones = 24
[fleet.grid]
rows = 4
columns = 6
spacing_m = 4
[[chapter]]
name = "c"
[[chapter.formation]]
name = "disc"
hold = 10
shape = "disc"
radius_m = 14
center = [0, 0, 40]
color = "red"
[[chapter.formation.motion]]
kind = "rotate"
axis = "up"
turns = 0.25
[[chapter.formation]]
name = "morph"
hold = 12
shape = "sequence"
center = [0, 0, 40]
[[chapter.formation.frame]]
at = 0
shape = "circle"
radius_m = 16
[[chapter.formation.frame]]
at = 6
shape = "line"
length_m = 100
"##;

    fn design() -> ShowDesign {
        skyshow_import::parse_show("t.toml", SHOW).unwrap().0
    }

    #[test]
    fn cached_formations_are_the_formations_bit_for_bit() {
        let design = design();
        let mut cache = MemoryCache::default();
        let fresh = build_formations(&design, 10.0, &mut cache).unwrap();
        assert_eq!(cache.entries.len(), 2);
        assert!(cache.reused.is_empty());
        assert!(
            matches!(fresh[1].deform, Some(Deform::Morph(_))),
            "{:?}",
            fresh[1].deform
        );
        // In turn, without a cache: the same formations.
        for (fd, f) in design.formations.iter().zip(&fresh) {
            let alone = build(fd, 24, design.audience_azimuth_deg, &design.limits, 10.0).unwrap();
            assert_eq!(&alone, f);
        }
        let again = build_formations(&design, 10.0, &mut cache).unwrap();
        assert_eq!(again, fresh);
        assert_eq!(cache.reused.len(), 2);
        // One formation edited: only it is built again.
        let mut edited = design.clone();
        let skyshow_model::Shape::Disc { radius_m, .. } = &mut edited.formations[0].shape else {
            panic!("the first formation is a disc");
        };
        *radius_m += 1.0;
        let mut reused = MemoryCache {
            reused: Vec::new(),
            ..cache.clone()
        };
        let changed = build_formations(&edited, 10.0, &mut reused).unwrap();
        assert_eq!(reused.reused.len(), 1);
        assert_eq!(changed[1], fresh[1]);
        assert_ne!(changed[0].points, fresh[0].points);
        // The lowest altitude is an input too.
        let mut other = cache.clone();
        other.reused.clear();
        build_formations(&design, 11.0, &mut other).unwrap();
        assert!(other.reused.is_empty());
    }

    #[test]
    fn what_the_key_leaves_out_does_not_change_the_formation() {
        // The timing, motion and transition of a formation are not keyed: `build` must not
        // read them.
        let design = design();
        let fd = &design.formations[1];
        let mut other = fd.clone();
        other.chapter = 3;
        other.start_s = Some(12.5);
        other.start_next = Some(MusicalUnit::Bars);
        other.hold_s = 33.0;
        other.hold_music = Some(MusicalLength {
            amount: 2.0,
            unit: MusicalUnit::Bars,
        });
        other.transition.min_duration_s = 9.0;
        other.motion = design.formations[0].motion.clone();
        assert!(!other.motion.is_empty());
        let (n, az, low) = (24, design.audience_azimuth_deg, 10.0);
        assert_eq!(
            key(fd, n, az, &design.limits, low),
            key(&other, n, az, &design.limits, low)
        );
        assert_eq!(
            build(fd, n, az, &design.limits, low),
            build(&other, n, az, &design.limits, low)
        );
    }

    #[test]
    fn a_damaged_entry_is_a_miss() {
        let design = design();
        let mut cache = MemoryCache::default();
        let fresh = build_formations(&design, 10.0, &mut cache).unwrap();
        for (name, good) in cache.entries.clone() {
            let step = (good.len() / 300).max(1);
            for k in (0..good.len()).step_by(step) {
                let mut bad = cache.clone();
                let e = bad.entries.get_mut(&name).unwrap();
                e[k] ^= 0x08;
                bad.reused.clear();
                assert_eq!(build_formations(&design, 10.0, &mut bad).unwrap(), fresh);
                assert_eq!(bad.reused.len(), 1, "{name} byte {k} was taken");
                let mut cut = cache.clone();
                cut.entries.get_mut(&name).unwrap().truncate(k);
                cut.reused.clear();
                assert_eq!(build_formations(&design, 10.0, &mut cut).unwrap(), fresh);
                assert_eq!(cut.reused.len(), 1);
            }
        }
    }

    #[test]
    fn a_recorded_clip_reads_back_whole() {
        let mut tracks = PointTracks::new(0.25, 2);
        for k in 0..5 {
            let x = k as f64;
            tracks.push_frame(&[
                skyshow_model::Vec3::new(x, 0.0, 30.0),
                skyshow_model::Vec3::new(x, 4.0, 30.0 + 1e-9 * x),
            ]);
        }
        let f = Formation {
            name: "龙 dragon".into(),
            points: tracks.frame(0).to_vec(),
            colors: vec![Rgb::new(1, 2, 3), Rgb::WHITE],
            min_spacing_m: 4.0,
            ideal_spacing_m: None,
            max_shape_distance_m: Some(0.125),
            close_lines_share: Some(0.3),
            deform: Some(Deform::Clip(Clip {
                tracks,
                playback: Playback {
                    start_s: 0.5,
                    speed: PlaybackSpeed::Fit,
                    looped: true,
                },
            })),
            detail: Some(DetailShortfall {
                drones: 2,
                spacing_m: 4.0,
                max_shape_distance_m: 0.125,
                gap_share: 0.4,
                needed_spacing_m: 1.5,
                drones_needed: 14,
                scale_needed: 2.0,
            }),
            spread: Some(1.001),
        };
        let mut w = Writer::default();
        write_formation(&mut w, &f);
        assert_eq!(read_formation(&w.bytes), Some(f));
        assert_eq!(read_formation(&w.bytes[..w.bytes.len() - 1]), None);
    }
}
