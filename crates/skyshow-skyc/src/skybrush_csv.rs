//! Skybrush Studio's CSV shows: a ZIP of one CSV per drone (`Time_msec,x_m,y_m,z_m,Red,Green,Blue`
//! rows, sampled at a few frames per second) and the static marker list
//! (`Name,x_m,y_m,z_m,Red,Green,Blue`, one drone per row, standing still).
//!
//! The flight is straight from sample to sample, so its speeds are the samples' finite
//! differences; [`SkycShow::sample_interval_s`] tells the validator to measure the change
//! of velocity at each sample over the sampling interval, which gives the samples' second
//! differences: what Skybrush itself checks on a sampled show. (A smooth curve through
//! 4 fps samples would invent accelerations the show does not have.) Colours fade linearly
//! from one sample to the next. The light bytecode stays empty: a CSV show has none.

use skyshow_i18n::{Message, msg};
use skyshow_model::{Drone, FlightShow, LightProgram, LightStep, Rgb, Segment, Trajectory, Vec3};

use crate::archive::Archive;
use crate::decimal_quantum::position_step;
use crate::show_reader::{MAX_COORD_M, MAX_TIME_S};
use crate::{ReadOptions, SkycError, SkycShow};

/// True if `bytes` look like a ZIP of Skybrush per-drone CSVs (a ZIP whose members are all
/// `.csv`, without `show.json`).
pub fn is_skybrush_csv_zip(bytes: &[u8], opts: &ReadOptions) -> bool {
    let Ok(archive) = Archive::open(bytes, opts) else {
        return false;
    };
    let names = archive.file_names();
    !archive.contains("show.json")
        && !names.is_empty()
        && names
            .iter()
            .all(|n| n.to_ascii_lowercase().ends_with(".csv"))
}

/// One drone's samples from a Skybrush CSV ZIP, as written.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvTrack {
    /// The member's name without `.csv` (`Drone 7`).
    pub name: String,
    /// `(time s, position, colour)` rows, times strictly increasing.
    pub samples: Vec<(f64, Vec3, Rgb)>,
}

/// Reads a ZIP of per-drone CSVs, one drone per `.csv` member in natural name order
/// (`Drone 2` before `Drone 10`), named after the member without `.csv`.
pub fn read_skybrush_csv_zip(bytes: &[u8], opts: &ReadOptions) -> Result<SkycShow, SkycError> {
    let tracks = read_skybrush_csv_tracks(bytes, opts)?;
    // One drone's intervals stand for all (files are sampled alike).
    let intervals: Vec<f64> = tracks
        .first()
        .map(|t| t.samples.windows(2).map(|w| w[1].0 - w[0].0).collect())
        .unwrap_or_default();
    let step = position_step(tracks.iter().flat_map(|t| t.samples.iter().map(|s| s.1)));
    let drones = tracks
        .into_iter()
        .map(|t| {
            let samples: Vec<Sample> = t
                .samples
                .into_iter()
                .map(|(t, p, c)| Sample { t, p, c })
                .collect();
            drone_from_samples(t.name, &samples)
        })
        .collect();
    Ok(csv_show(drones, median_interval(&intervals), step))
}

/// Reads the rows of a ZIP of per-drone CSVs (`Time_msec,x_m,y_m,z_m,Red,Green,Blue`), one
/// track per `.csv` member in natural name order, with the same caps and checks as
/// [`read_skybrush_csv_zip`] (times must increase).
pub fn read_skybrush_csv_tracks(
    bytes: &[u8],
    opts: &ReadOptions,
) -> Result<Vec<CsvTrack>, SkycError> {
    let mut archive = Archive::open(bytes, opts)?;
    let mut names: Vec<String> = archive
        .file_names()
        .into_iter()
        .filter(|n| n.to_ascii_lowercase().ends_with(".csv"))
        .map(str::to_string)
        .collect();
    if names.is_empty() {
        return Err(SkycError::MissingMember {
            name: "*.csv".into(),
            hint: msg!("skyc-hint-csv-zip"),
        });
    }
    if names.len() > opts.max_drones {
        return Err(SkycError::TooManyDrones {
            count: names.len(),
            max: opts.max_drones,
        });
    }
    if let Some(bad) = names
        .iter()
        .find(|n| n.split(['/', '\\']).any(|c| c == ".."))
    {
        return Err(SkycError::Ref {
            member: bad.clone(),
            path: msg!("skyc-csv-member-name"),
            message: msg!("skyc-csv-escapes"),
        });
    }
    names.sort_by_cached_key(|a| natural_key(a));
    let mut tracks = Vec::with_capacity(names.len());
    for member in &names {
        let raw = archive.read(member)?;
        let samples = parse_drone_csv(member, &raw, opts)?;
        let stem = member.rsplit('/').next().unwrap_or(member);
        tracks.push(CsvTrack {
            name: stem[..stem.len() - 4].to_string(),
            samples: samples.into_iter().map(|s| (s.t, s.p, s.c)).collect(),
        });
    }
    Ok(tracks)
}

/// The median of the sampling intervals, seconds.
fn median_interval(intervals: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = intervals.iter().copied().filter(|d| *d > 0.0).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    Some(v[v.len() / 2])
}

/// Reads a static marker CSV: `Name,x_m,y_m,z_m,Red,Green,Blue` (colour columns optional),
/// one drone per row, at its position for the whole (zero-length) show.
pub fn read_skybrush_static_csv(bytes: &[u8], opts: &ReadOptions) -> Result<SkycShow, SkycError> {
    const MEMBER: &str = "CSV";
    let text = std::str::from_utf8(bytes)
        .map_err(|e| csv_err(MEMBER, 0, msg!("skyc-csv-not-utf8", why = e.to_string())))?;
    let mut lines = data_lines(text);
    let Some((hl, header)) = lines.next() else {
        return Err(csv_err(MEMBER, 0, msg!("skyc-csv-empty")));
    };
    let cols = Columns::find(MEMBER, hl, header, "Name")?;
    let mut drones = Vec::new();
    for (ln, line) in lines {
        if drones.len() >= opts.max_drones {
            return Err(SkycError::TooManyDrones {
                count: drones.len() + 1,
                max: opts.max_drones,
            });
        }
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        let name = cells
            .get(cols.first)
            .copied()
            .unwrap_or("")
            .trim_matches('"')
            .to_string();
        let (p, c) = cols.point(MEMBER, ln, &cells)?;
        let mut trajectory = Trajectory::new(p);
        trajectory.segments.clear();
        drones.push(Drone {
            name: if name.is_empty() {
                format!("Drone {}", drones.len() + 1)
            } else {
                name
            },
            home: p,
            trajectory,
            lights: LightProgram {
                steps: vec![LightStep {
                    t0: 0.0,
                    t1: 0.0,
                    from: c,
                    to: c,
                }],
                bytecode: Vec::new(),
            },
        });
    }
    if drones.is_empty() {
        return Err(csv_err(MEMBER, hl, msg!("skyc-csv-no-rows")));
    }
    Ok(csv_show(drones, None, None))
}

/// A show of `drones` read from samples every `sample_interval_s` (none: static), with
/// positions rounded to `position_step_m` (see [`SkycShow::position_step_m`]).
pub(crate) fn csv_show(
    drones: Vec<Drone>,
    sample_interval_s: Option<f64>,
    position_step_m: Option<f64>,
) -> SkycShow {
    SkycShow {
        rth_plans: Vec::new(),
        sample_interval_s,
        position_step_m,
        show: FlightShow {
            title: String::new(),
            drones,
            phases: Vec::new(),
            cues: Vec::new(),
            limits: None,
            geofence: None,
        },
        findings: Vec::new(),
        audio: None,
    }
}

fn csv_err(member: &str, line: usize, message: Message) -> SkycError {
    SkycError::Schema {
        member: Message::verbatim(member),
        path: if line == 0 {
            msg!("skyc-csv-file")
        } else {
            msg!("skyc-csv-line", line = line.to_string())
        },
        message,
    }
}

/// Non-blank lines with their 1-based numbers (a UTF-8 BOM is dropped).
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
}

/// Where the columns are in a header row.
struct Columns {
    first: usize,
    xyz: [usize; 3],
    rgb: Option<[usize; 3]>,
}

impl Columns {
    fn find(member: &str, line: usize, header: &str, first: &str) -> Result<Columns, SkycError> {
        let names: Vec<String> = header
            .split(',')
            .map(|c| c.trim().trim_matches('"').to_ascii_lowercase())
            .collect();
        let at = |alts: &[&str]| names.iter().position(|n| alts.contains(&n.as_str()));
        let missing = |what: &str| {
            csv_err(
                member,
                line,
                msg!("skyc-csv-no-column", what = what, first = first),
            )
        };
        let first_col = at(&[&first.to_ascii_lowercase()]).ok_or_else(|| missing(first))?;
        let x = at(&["x_m", "x"]).ok_or_else(|| missing("x_m"))?;
        let y = at(&["y_m", "y"]).ok_or_else(|| missing("y_m"))?;
        let z = at(&["z_m", "z"]).ok_or_else(|| missing("z_m"))?;
        let rgb = match (at(&["red", "r"]), at(&["green", "g"]), at(&["blue", "b"])) {
            (Some(r), Some(g), Some(b)) => Some([r, g, b]),
            _ => None,
        };
        Ok(Columns {
            first: first_col,
            xyz: [x, y, z],
            rgb,
        })
    }

    fn number(
        member: &str,
        line: usize,
        cells: &[&str],
        col: usize,
        what: &str,
    ) -> Result<f64, SkycError> {
        let cell = cells.get(col).ok_or_else(|| {
            csv_err(
                member,
                line,
                msg!(
                    "skyc-csv-no-cell",
                    what = what,
                    column = (col + 1).to_string()
                ),
            )
        })?;
        let v: f64 = cell.parse().map_err(|_| {
            csv_err(
                member,
                line,
                msg!("skyc-csv-not-number", what = what, cell = *cell),
            )
        })?;
        if !v.is_finite() {
            return Err(csv_err(
                member,
                line,
                msg!("skyc-csv-not-finite", what = what, cell = *cell),
            ));
        }
        Ok(v)
    }

    fn point(&self, member: &str, line: usize, cells: &[&str]) -> Result<(Vec3, Rgb), SkycError> {
        let mut p = [0.0; 3];
        for (k, what) in ["x_m", "y_m", "z_m"].iter().enumerate() {
            let v = Self::number(member, line, cells, self.xyz[k], what)?;
            if v.abs() > MAX_COORD_M {
                return Err(csv_err(
                    member,
                    line,
                    msg!(
                        "skyc-csv-too-far",
                        what = *what,
                        v = format!("{v:e}"),
                        max = format!("{MAX_COORD_M:e}")
                    ),
                ));
            }
            p[k] = v;
        }
        let mut c = [255u8; 3];
        if let Some(rgb) = self.rgb {
            for (k, what) in ["Red", "Green", "Blue"].iter().enumerate() {
                let v = Self::number(member, line, cells, rgb[k], what)?;
                if !(0.0..=255.0).contains(&v) {
                    return Err(csv_err(
                        member,
                        line,
                        msg!("skyc-csv-channel", what = *what, v = v),
                    ));
                }
                c[k] = v.round() as u8;
            }
        }
        Ok((Vec3::from(p), Rgb::new(c[0], c[1], c[2])))
    }
}

/// One sample of a drone's CSV.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Sample {
    pub(crate) t: f64,
    pub(crate) p: Vec3,
    pub(crate) c: Rgb,
}

fn parse_drone_csv(member: &str, raw: &[u8], opts: &ReadOptions) -> Result<Vec<Sample>, SkycError> {
    let text = std::str::from_utf8(raw)
        .map_err(|e| csv_err(member, 0, msg!("skyc-csv-not-utf8", why = e.to_string())))?;
    let mut lines = data_lines(text);
    let Some((hl, header)) = lines.next() else {
        return Err(csv_err(member, 0, msg!("skyc-csv-empty")));
    };
    let cols = Columns::find(member, hl, header, "Time_msec")?;
    let mut samples: Vec<Sample> = Vec::new();
    for (ln, line) in lines {
        if samples.len() >= opts.max_points_per_drone {
            return Err(SkycError::TooManyPoints {
                member: member.to_string(),
                path: msg!("skyc-csv-rows"),
                count: samples.len() + 1,
                max: opts.max_points_per_drone,
            });
        }
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        let ms = Columns::number(member, ln, &cells, cols.first, "Time_msec")?;
        let t = ms / 1000.0;
        if !(0.0..=MAX_TIME_S).contains(&t) {
            return Err(csv_err(
                member,
                ln,
                msg!("skyc-csv-time-range", ms = ms, max = MAX_TIME_S * 1000.0),
            ));
        }
        if let Some(prev) = samples.last()
            && t <= prev.t
        {
            return Err(csv_err(
                member,
                ln,
                msg!("skyc-csv-time-order", ms = ms, prev = prev.t * 1000.0),
            ));
        }
        let (p, c) = cols.point(member, ln, &cells)?;
        samples.push(Sample { t, p, c });
    }
    if samples.is_empty() {
        return Err(csv_err(member, hl, msg!("skyc-csv-no-rows")));
    }
    Ok(samples)
}

pub(crate) fn drone_from_samples(name: String, s: &[Sample]) -> Drone {
    let mut trajectory = Trajectory::new(s[0].p);
    trajectory.segments.clear();
    if s[0].t > 0.0 {
        trajectory.segments.push(Segment::hold(0.0, s[0].t, s[0].p));
    }
    for w in s.windows(2) {
        let seg = if w[0].p == w[1].p {
            Segment::hold(w[0].t, w[1].t, w[0].p)
        } else {
            Segment::line(w[0].t, w[1].t, w[0].p, w[1].p)
        };
        trajectory.segments.push(seg);
    }
    let mut steps: Vec<LightStep> = Vec::new();
    if s[0].t > 0.0 {
        steps.push(LightStep {
            t0: 0.0,
            t1: s[0].t,
            from: s[0].c,
            to: s[0].c,
        });
    }
    for w in s.windows(2) {
        let step = LightStep {
            t0: w[0].t,
            t1: w[1].t,
            from: w[0].c,
            to: w[1].c,
        };
        match steps.last_mut() {
            Some(last) if last.from == last.to && step.from == step.to && last.to == step.from => {
                last.t1 = step.t1;
            }
            _ => steps.push(step),
        }
    }
    if s.len() == 1 {
        steps.push(LightStep {
            t0: s[0].t,
            t1: s[0].t,
            from: s[0].c,
            to: s[0].c,
        });
    }
    Drone {
        name,
        home: s[0].p,
        trajectory,
        lights: LightProgram {
            steps,
            bytecode: Vec::new(),
        },
    }
}

/// Sort key for natural order: digit runs compare as numbers.
fn natural_key(s: &str) -> Vec<(bool, u128, String)> {
    let mut key = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits > 0 {
            let num = rest[..digits].parse::<u128>().unwrap_or(u128::MAX);
            key.push((true, num, String::new()));
            rest = &rest[digits..];
        } else {
            let text = rest
                .find(|c: char| c.is_ascii_digit())
                .unwrap_or(rest.len());
            key.push((false, 0, rest[..text].to_string()));
            rest = &rest[text..];
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip(members: &[(&str, &str)]) -> Vec<u8> {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (n, body) in members {
            w.start_file(*n, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(body.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn per_drone_zip_flies_straight_through_every_sample() {
        let d1 = "Time_msec,x_m,y_m,z_m,Red,Green,Blue\n0,0,0,0,0,0,0\n1000,0,0,10,255,0,0\n2000,0,0,10,255,0,0\n3000,5,0,10,0,0,255\n";
        let d10 = "Time_msec,x_m,y_m,z_m,Red,Green,Blue\n0,3,0,0,9,9,9\n3000,3,0,0,9,9,9\n";
        let bytes = zip(&[("Drone 10.csv", d10), ("Drone 1.csv", d1)]);
        assert!(is_skybrush_csv_zip(&bytes, &ReadOptions::DEFAULT));
        let show = read_skybrush_csv_zip(&bytes, &ReadOptions::DEFAULT)
            .unwrap()
            .show;
        assert_eq!(show.drones[0].name, "Drone 1");
        assert_eq!(show.drones[1].name, "Drone 10");
        let d = &show.drones[0];
        for (t, z) in [(0.0, 0.0), (1.0, 10.0), (2.0, 10.0), (3.0, 10.0)] {
            assert!((d.trajectory.position(t).z - z).abs() < 1e-9, "t={t}");
        }
        // Holding at 10 m between 1 s and 2 s: never above it, then x moves monotonically.
        for k in 0..=300 {
            let t = k as f64 / 100.0;
            let p = d.trajectory.position(t);
            assert!(p.z <= 10.0 + 1e-9 && p.z >= -1e-9, "t={t} z={}", p.z);
            assert!((0.0..=5.0 + 1e-9).contains(&p.x), "t={t} x={}", p.x);
        }
        assert_eq!(d.lights.color_at(0.5), Rgb::new(128, 0, 0));
        assert_eq!(d.lights.color_at(1.5), Rgb::new(255, 0, 0));
        assert_eq!(
            show.drones[1].trajectory.position(2.0),
            Vec3::new(3.0, 0.0, 0.0)
        );
        assert_eq!(show.duration_s(), 3.0);
    }

    #[test]
    fn the_position_step_is_the_finest_decimal_of_any_drone() {
        let coarse = "Time_msec,x_m,y_m,z_m,Red,Green,Blue\n0,0,0,0,0,0,0\n250,0.5,0,1.25,0,0,0\n";
        let mm =
            "Time_msec,x_m,y_m,z_m,Red,Green,Blue\n0,3,0,0,0,0,0\n250,3.001,-0.002,0.75,0,0,0\n";
        let read = |members: &[(&str, &str)]| {
            read_skybrush_csv_zip(&zip(members), &ReadOptions::DEFAULT).unwrap()
        };
        let both = read(&[("Drone 1.csv", coarse), ("Drone 2.csv", mm)]);
        assert_eq!(both.position_step_m, Some(0.001));
        assert_eq!(both.sample_interval_s, Some(0.25));
        assert_eq!(read(&[("Drone 1.csv", coarse)]).position_step_m, Some(0.01));
        // Times in milliseconds and colours do not count: only positions were rounded.
        let whole = "Time_msec,x_m,y_m,z_m,Red,Green,Blue\n0,1,2,3,0.5,0,0\n250.5,1,2,4,0,0,0\n";
        assert_eq!(read(&[("Drone 1.csv", whole)]).position_step_m, Some(1.0));
    }

    #[test]
    fn bad_rows_name_the_member_and_line() {
        let cases = [
            (
                "Time_msec,x_m,y_m,z_m\n0,0,0,NaN\n",
                "d.csv: line 2: `z_m` is `NaN`: numbers must be finite",
            ),
            (
                "Time_msec,x_m,y_m,z_m\n0,0,0,1e300\n",
                "d.csv: line 2: `z_m` is 1e300 m, beyond",
            ),
            (
                "Time_msec,x_m,y_m,z_m\n5,0,0,0\n5,0,0,1\n",
                "d.csv: line 3: `Time_msec` 5 does not come after",
            ),
            (
                "Time_msec,x_m,y_m\n0,0,0\n",
                "d.csv: line 1: the header has no `z_m` column",
            ),
            (
                "Time_msec,x_m,y_m,z_m,Red,Green,Blue\n0,0,0,0,300,0,0\n",
                "d.csv: line 2: `Red` is 300, not 0–255",
            ),
            (
                "Time_msec,x_m,y_m,z_m\n",
                "d.csv: line 1: no rows after the header",
            ),
        ];
        for (body, want) in cases {
            let e =
                read_skybrush_csv_zip(&zip(&[("d.csv", body)]), &ReadOptions::DEFAULT).unwrap_err();
            assert!(e.to_string().starts_with(want), "{e}");
        }
    }

    #[test]
    fn static_markers_stand_still() {
        let text =
            "Name,x_m,y_m,z_m,Red,Green,Blue\nDrone 1,1,2,30,255,0,0\n\"Drone 2\",4,2,30,0,255,0\n";
        let show = read_skybrush_static_csv(text.as_bytes(), &ReadOptions::DEFAULT)
            .unwrap()
            .show;
        assert_eq!(show.drones.len(), 2);
        assert_eq!(show.drones[1].name, "Drone 2");
        assert_eq!(
            show.drones[1].trajectory.position(5.0),
            Vec3::new(4.0, 2.0, 30.0)
        );
        assert_eq!(show.drones[0].lights.color_at(0.0), Rgb::new(255, 0, 0));
        let e = read_skybrush_static_csv(b"Name,x_m,y_m,z_m\nA,inf,0,0\n", &ReadOptions::DEFAULT)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "CSV: line 2: `x_m` is `inf`: numbers must be finite"
        );
    }
}
