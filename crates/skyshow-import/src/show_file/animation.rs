//! `shape = "animation"`: per-drone paths recorded by another tool, flown during the hold —
//! a Skybrush CSV ZIP (one `Time_msec,x_m,y_m,z_m,Red,Green,Blue` file per drone) or one
//! CSV with a time column — resampled on a uniform clock into a [`Clip`]; and the playback
//! keys every animation takes (`animation_speed`, `animation_start_s`, `animation_loop`).

use super::label::Label;
use serde::Deserialize;
use skyshow_i18n::{Message, msg};
use skyshow_model::{Clip, Playback, PlaybackSpeed, PointTracks, Rgb, Shape, Vec3};
use toml::Spanned;

use super::raw::RawFormation;
use super::{Cx, Reader};
use crate::error::ImportError;
use crate::track_csv::parse_track_csv;

/// `animation_speed`: a factor or `"fit"`.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum RawSpeed {
    Factor(f64),
    Text(String),
}

/// One drone's name and `(time s, position, colour)` rows.
type Track = (String, Vec<(f64, Vec3, Option<Rgb>)>);

/// Shortest and longest resampling step, seconds.
const STEP_RANGE_S: (f64, f64) = (0.01, 0.5);
/// Longest clip, seconds.
const MAX_CLIP_S: f64 = 3600.0;

impl Cx<'_> {
    /// The playback keys of a formation.
    pub(super) fn playback(&self, f: &RawFormation) -> Result<Playback, ImportError> {
        let speed = match &f.animation_speed {
            None => PlaybackSpeed::Factor(1.0),
            Some(s) => match s.get_ref() {
                RawSpeed::Text(t) if t == "fit" => PlaybackSpeed::Fit,
                RawSpeed::Factor(x) if x.is_finite() && *x > 0.0 && *x <= 100.0 => {
                    PlaybackSpeed::Factor(*x)
                }
                _ => {
                    return Err(self.err(
                        s.span(),
                        msg!("animation-speed"),
                        Label::Value,
                        Some(msg!("animation-speed-hint")),
                    ));
                }
            },
        };
        let start_s = self.opt_num(
            &f.animation_start_s,
            "animation_start_s",
            0.0,
            0.0,
            MAX_CLIP_S,
            "seconds",
        )?;
        Ok(Playback {
            start_s,
            speed,
            looped: f.animation_loop.as_ref().is_some_and(|l| *l.get_ref()),
        })
    }

    /// An `animation` formation: its file's paths as a clip.
    pub(super) fn animation(
        &self,
        f: &RawFormation,
        name: &str,
        count: Option<usize>,
        fleet: usize,
        read: &mut Reader<'_>,
    ) -> Result<Shape, ImportError> {
        let Some(path) = &f.file else {
            return Err(self.err(
                f.shape.span(),
                msg!("animation-needs-file"),
                Label::Shape,
                Some(msg!("animation-needs-file-hint")),
            ));
        };
        let tracks = self.animation_tracks(path, read)?;
        self.track_count(path, tracks.len(), (name, count), fleet)?;
        let clip = self.clip_of(&tracks, path, f)?;
        let offset = f
            .offset_m
            .as_ref()
            .map(|o| self.vec3(o, "offset_m"))
            .transpose()?
            .unwrap_or(Vec3::ZERO);
        let clip = Clip {
            tracks: shifted(&clip, offset),
            playback: self.playback(f)?,
        };
        if clip.playback.start_s > clip.tracks.duration_s() {
            let s = f
                .animation_start_s
                .as_ref()
                .map_or(f.shape.span(), Spanned::span);
            return Err(self.err(
                s,
                msg!(
                    "animation-start-past-end",
                    start = clip.playback.start_s,
                    length = format!("{:.2}", clip.tracks.duration_s())
                ),
                Label::Value,
                Some(msg!(
                    "animation-start-past-end-hint",
                    length = format!("{:.2}", clip.tracks.duration_s())
                )),
            ));
        }
        let colors = tracks
            .iter()
            .map(|t| t.1.first().and_then(|s| s.2))
            .collect::<Option<Vec<Rgb>>>();
        Ok(Shape::Animation { clip, colors })
    }

    /// The tracks of an animation's file: a Skybrush CSV zip, or one CSV text file.
    fn animation_tracks(
        &self,
        path: &Spanned<String>,
        read: &mut Reader<'_>,
    ) -> Result<Vec<Track>, ImportError> {
        let file_err =
            |why: Message, hint: Message| self.err(path.span(), why, Label::File, Some(hint));
        let file = path.get_ref().as_str();
        let bytes = read(file).map_err(|why| {
            file_err(
                msg!("animation-cannot-read", file = file, why = why),
                msg!("show-file-cannot-read-hint"),
            )
        })?;
        let opts = skyshow_skyc::ReadOptions::DEFAULT;
        Ok(if bytes.starts_with(b"PK") {
            skyshow_skyc::read_skybrush_csv_tracks(&bytes, &opts)
                .map_err(|e| {
                    file_err(
                        msg!("animation-file", file = file, why = e.to_string()),
                        msg!("animation-zip-hint"),
                    )
                })?
                .into_iter()
                .map(|t| {
                    (
                        t.name,
                        t.samples
                            .into_iter()
                            .map(|(t, p, c)| (t, p, Some(c)))
                            .collect(),
                    )
                })
                .collect()
        } else {
            let text = String::from_utf8(bytes).map_err(|_| {
                file_err(
                    msg!("animation-not-zip-or-text", file = file),
                    msg!("animation-not-zip-or-text-hint"),
                )
            })?;
            parse_track_csv(&text)
                .map_err(|(line, why)| {
                    file_err(
                        msg!("animation-csv-line", file = file, line = line, why = why),
                        msg!("animation-csv-hint"),
                    )
                })?
                .into_iter()
                .map(|t| (t.name, t.samples))
                .collect()
        })
    }

    /// Refuses an animation with more tracks than the fleet has drones, or other than the
    /// formation's `count` (of formation `name`) when it gives one.
    fn track_count(
        &self,
        path: &Spanned<String>,
        n: usize,
        (name, count): (&str, Option<usize>),
        fleet: usize,
    ) -> Result<(), ImportError> {
        let file_err =
            |why: Message, hint: Message| self.err(path.span(), why, Label::File, Some(hint));
        let file = path.get_ref().as_str();
        if n > fleet {
            return Err(file_err(
                msg!("animation-fleet", file = file, drones = n, fleet = fleet),
                msg!("animation-fleet-hint", drones = n),
            ));
        }
        if let Some(c) = count
            && c != n
        {
            return Err(file_err(
                msg!(
                    "animation-count",
                    file = file,
                    drones = n,
                    formation = name,
                    count = c
                ),
                msg!("animation-count-hint", drones = n),
            ));
        }
        Ok(())
    }

    /// The tracks resampled on one uniform clock from the earliest sample to the latest
    /// (straight between samples, standing still before a drone's first and after its last).
    fn clip_of(
        &self,
        tracks: &[Track],
        path: &Spanned<String>,
        f: &RawFormation,
    ) -> Result<PointTracks, ImportError> {
        let _ = f;
        let t0 = tracks
            .iter()
            .filter_map(|t| t.1.first())
            .map(|s| s.0)
            .fold(f64::INFINITY, f64::min);
        let t1 = tracks
            .iter()
            .filter_map(|t| t.1.last())
            .map(|s| s.0)
            .fold(f64::NEG_INFINITY, f64::max);
        let mut gaps: Vec<f64> = tracks
            .iter()
            .flat_map(|t| t.1.windows(2).map(|w| w[1].0 - w[0].0))
            .filter(|d| *d > 0.0)
            .collect();
        gaps.sort_by(f64::total_cmp);
        if t1.is_nan() || t1 <= t0 || gaps.is_empty() {
            return Err(self.err(
                path.span(),
                msg!("animation-still", file = path.get_ref()),
                Label::File,
                Some(msg!("animation-still-hint")),
            ));
        }
        if t1 - t0 > MAX_CLIP_S {
            return Err(self.err(
                path.span(),
                msg!(
                    "animation-too-long",
                    file = path.get_ref(),
                    length = format!("{:.0}", t1 - t0),
                    max = MAX_CLIP_S
                ),
                Label::File,
                None,
            ));
        }
        let step = gaps[gaps.len() / 2].clamp(STEP_RANGE_S.0, STEP_RANGE_S.1);
        Ok(PointTracks::from_fn(
            tracks.len(),
            t1 - t0,
            step,
            |t, out| {
                for (o, (_, s)) in out.iter_mut().zip(tracks) {
                    *o = sample_at(s, t0 + t);
                }
            },
        ))
    }
}

/// The position at `t` on straight lines between samples.
fn sample_at(s: &[(f64, Vec3, Option<Rgb>)], t: f64) -> Vec3 {
    let k = s.partition_point(|x| x.0 <= t);
    match k {
        0 => s[0].1,
        k if k >= s.len() => s[s.len() - 1].1,
        k => {
            let (a, b) = (&s[k - 1], &s[k]);
            a.1.lerp(b.1, (t - a.0) / (b.0 - a.0))
        }
    }
}

/// The tracks moved by `offset`.
fn shifted(tracks: &PointTracks, offset: Vec3) -> PointTracks {
    if offset == Vec3::ZERO {
        return tracks.clone();
    }
    let mut out = PointTracks::new(tracks.step_s(), tracks.points());
    let mut buf = Vec::with_capacity(tracks.points());
    for k in 0..tracks.frames() {
        buf.clear();
        buf.extend(tracks.frame(k).iter().map(|p| *p + offset));
        out.push_frame(&buf);
    }
    out
}
