//! `shape = "animation"`: per-drone paths recorded by another tool, flown during the hold —
//! a Skybrush CSV ZIP (one `Time_msec,x_m,y_m,z_m,Red,Green,Blue` file per drone) or one
//! CSV with a time column — resampled on a uniform clock into a [`Clip`]; and the playback
//! keys every animation takes (`animation_speed`, `animation_start_s`, `animation_loop`).

use serde::Deserialize;
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
                        "`animation_speed` is a factor above 0 (at most 100) or \"fit\"",
                        "this value",
                        Some("1 plays the animation as recorded, 0.5 at half speed; \"fit\" as fast as the limits allow"),
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
                "an `animation` formation needs `file`",
                "this shape",
                Some("name a Skybrush CSV ZIP (`Drone N.csv` files) or a CSV with `time_s,drone,x,y,z` columns"),
            ));
        };
        let file_err =
            |why: String, hint: &str| self.err(path.span(), why, "this file", Some(hint));
        let bytes = read(path.get_ref()).map_err(|why| {
            file_err(
                format!("cannot read animation `{}`: {why}", path.get_ref()),
                "paths are relative to the show file's folder",
            )
        })?;
        let opts = skyshow_skyc::ReadOptions::DEFAULT;
        let tracks: Vec<Track> = if bytes.starts_with(b"PK") {
            skyshow_skyc::read_skybrush_csv_tracks(&bytes, &opts)
                .map_err(|e| file_err(format!("animation `{}`: {e}", path.get_ref()), "a Skybrush CSV ZIP holds one `Time_msec,x_m,y_m,z_m,Red,Green,Blue` file per drone, times increasing"))?
                .into_iter()
                .map(|t| (t.name, t.samples.into_iter().map(|(t, p, c)| (t, p, Some(c))).collect()))
                .collect()
        } else {
            let text = String::from_utf8(bytes).map_err(|_| {
                file_err(
                    format!(
                        "animation `{}` is neither a ZIP nor UTF-8 text",
                        path.get_ref()
                    ),
                    "give a Skybrush CSV ZIP or a CSV file",
                )
            })?;
            parse_track_csv(&text)
                .map_err(|(line, why)| file_err(format!("animation `{}`, line {line}: {why}", path.get_ref()), "columns: `time_s` (or `Time_msec`), optional `drone`, `x`, `y`, `z`, optional `r`, `g`, `b`"))?
                .into_iter()
                .map(|t| (t.name, t.samples))
                .collect()
        };
        let n = tracks.len();
        if n > fleet {
            return Err(file_err(
                format!(
                    "animation `{}` has {n} drones but the fleet has {fleet}",
                    path.get_ref()
                ),
                &format!(
                    "raise `fleet.drones` to at least {n}, or remove drones from the animation"
                ),
            ));
        }
        if let Some(c) = count
            && c != n
        {
            return Err(file_err(
                format!(
                    "animation `{}` has {n} drones but formation `{name}` asks for `count = {c}`",
                    path.get_ref()
                ),
                &format!("set `count = {n}` or leave `count` out"),
            ));
        }
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
                format!(
                    "`animation_start_s` = {} is past the end of the {:.2} s animation",
                    clip.playback.start_s,
                    clip.tracks.duration_s()
                ),
                "this value",
                Some(&format!(
                    "give a time between 0 and {:.2}",
                    clip.tracks.duration_s()
                )),
            ));
        }
        let colors = tracks
            .iter()
            .map(|t| t.1.first().and_then(|s| s.2))
            .collect::<Option<Vec<Rgb>>>();
        Ok(Shape::Animation { clip, colors })
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
                format!("animation `{}` does not move: every drone has a single time", path.get_ref()),
                "this file",
                Some("give each drone rows at two times or more (a still picture is `shape = \"points\"`)"),
            ));
        }
        if t1 - t0 > MAX_CLIP_S {
            return Err(self.err(
                path.span(),
                format!(
                    "animation `{}` lasts {:.0} s, longer than {MAX_CLIP_S} s",
                    path.get_ref(),
                    t1 - t0
                ),
                "this file",
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
