//! The show file (TOML): parsed with spans, checked, and lowered into a [`ShowDesign`].
//!
//! The format is specified in `docs/show-file.md`.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use skyshow_model::{
    Chapter, ColorDesign, Fleet, FormationDesign, GeoOrigin, Limits, Placement, Shape, ShowDesign,
    TakeoffDesign, TakeoffGrid, TransitionDesign, Vec3,
};
use toml::Spanned;

use crate::error::{ImportError, ShowFileError, SourceMap};
use crate::{color::parse_color, points_csv::parse_points_csv, time::parse_time};

/// A show file read from disk, lowered, with its source map for later diagnostics.
#[derive(Debug)]
pub struct LoadedShow {
    /// The design.
    pub design: ShowDesign,
    /// Where each entry is in the show file.
    pub source: SourceMap,
    /// The folder the show file is in (artwork paths are relative to it).
    pub base_dir: PathBuf,
    /// Every file the show was made from (the show file first), for change watching.
    pub inputs: Vec<PathBuf>,
}

/// Reads and lowers the show file at `path`.
pub fn load_show(path: &Path) -> Result<LoadedShow, ImportError> {
    let text = fs_err::read_to_string(path).map_err(|e| ImportError::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    let base_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let name = path.display().to_string();
    let mut inputs = vec![path.to_path_buf()];
    let (design, source) = parse_show_with(&name, &text, &mut |rel: &str| {
        let p = base_dir.join(rel);
        inputs.push(p.clone());
        fs_err::read_to_string(&p).map_err(|e| e.to_string())
    })?;
    Ok(LoadedShow {
        design,
        source,
        base_dir,
        inputs,
    })
}

/// Parses show-file text; `name` is used in messages. Files named by the show (CSV point
/// lists) cannot be read by this function and give an error; use [`load_show`].
pub fn parse_show(name: &str, text: &str) -> Result<(ShowDesign, SourceMap), ImportError> {
    parse_show_with(name, text, &mut |rel: &str| {
        Err(format!("cannot read `{rel}` when parsing text only"))
    })
}

type Reader<'a> = dyn FnMut(&str) -> Result<String, String> + 'a;

fn parse_show_with(
    name: &str,
    text: &str,
    read: &mut Reader<'_>,
) -> Result<(ShowDesign, SourceMap), ImportError> {
    let raw: RawShow = toml::from_str(text).map_err(|e| toml_error(name, text, &e))?;
    let mut cx = Cx {
        name,
        text,
        source: SourceMap {
            name: name.into(),
            text: text.into(),
            ..Default::default()
        },
    };
    let design = cx.lower(raw, read)?;
    Ok((design, cx.source))
}

fn toml_error(name: &str, text: &str, e: &toml::de::Error) -> ImportError {
    let span = e.span().unwrap_or(0..0);
    let msg = e.message().trim().to_string();
    let help = if msg.contains("unknown field") {
        Some("see docs/show-file.md for the keys this table takes".to_string())
    } else if msg.contains("missing field") {
        Some("add the key; docs/show-file.md lists what each table needs".to_string())
    } else if msg.contains("invalid type") {
        Some("check the value's type: numbers are unquoted, names and times are quoted".to_string())
    } else {
        None
    };
    ShowFileError::new(
        name,
        text,
        span,
        format!("invalid show file: {msg}"),
        "here",
        help,
    )
    .into()
}

// ---------------------------------------------------------------------------------------
// Raw TOML structure

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawShow {
    title: String,
    seed: Option<u64>,
    origin: Option<RawOrigin>,
    audience: Option<RawAudience>,
    fleet: RawFleet,
    #[serde(default)]
    limits: RawLimits,
    #[serde(default)]
    takeoff: RawTakeoff,
    stage: Option<RawStage>,
    #[serde(default, rename = "chapter")]
    chapters: Vec<Spanned<RawChapter>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrigin {
    latitude: Spanned<f64>,
    longitude: Spanned<f64>,
    altitude_m: Option<Spanned<f64>>,
    orientation_deg: Option<Spanned<f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAudience {
    azimuth_deg: Spanned<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStage {
    center: Spanned<[f64; 3]>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFleet {
    drones: Spanned<i64>,
    grid: Spanned<RawGrid>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGrid {
    rows: Spanned<i64>,
    columns: Spanned<i64>,
    spacing_m: Option<Spanned<f64>>,
    row_spacing_m: Option<Spanned<f64>>,
    column_spacing_m: Option<Spanned<f64>>,
    center: Option<Spanned<[f64; 2]>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawLimits {
    min_distance_m: Option<Spanned<f64>>,
    max_speed_xy_m_s: Option<Spanned<f64>>,
    max_speed_up_m_s: Option<Spanned<f64>>,
    max_speed_down_m_s: Option<Spanned<f64>>,
    max_accel_m_s2: Option<Spanned<f64>>,
    max_altitude_m: Option<Spanned<f64>>,
    min_nav_altitude_m: Option<Spanned<f64>>,
    battery_s: Option<Spanned<f64>>,
    takeoff_spacing_m: Option<Spanned<f64>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTakeoff {
    ground_hold_s: Option<Spanned<f64>>,
    altitude_m: Option<Spanned<f64>>,
    landing_pause_s: Option<Spanned<f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChapter {
    name: Spanned<String>,
    start: Option<Spanned<RawTime>>,
    #[serde(default, rename = "formation")]
    formations: Vec<Spanned<RawFormation>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawTime {
    Seconds(f64),
    Text(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFormation {
    name: Spanned<String>,
    start: Option<Spanned<RawTime>>,
    hold: Spanned<RawTime>,
    shape: Spanned<String>,
    count: Option<Spanned<i64>>,
    width_m: Option<Spanned<f64>>,
    height_m: Option<Spanned<f64>>,
    rows: Option<Spanned<i64>>,
    columns: Option<Spanned<i64>>,
    radius_m: Option<Spanned<f64>>,
    inner_radius_m: Option<Spanned<f64>>,
    outer_radius_m: Option<Spanned<f64>>,
    turns: Option<Spanned<f64>>,
    length_m: Option<Spanned<f64>>,
    sides: Option<Spanned<i64>>,
    points: Option<Spanned<String>>,
    offset_m: Option<Spanned<[f64; 3]>>,
    center: Option<Spanned<[f64; 3]>>,
    roll_deg: Option<Spanned<f64>>,
    tilt_deg: Option<Spanned<f64>>,
    turn_deg: Option<Spanned<f64>>,
    color: Option<Spanned<String>>,
    gradient: Option<Spanned<RawGradient>>,
    min_transition_s: Option<Spanned<f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGradient {
    axis: Spanned<String>,
    colors: Spanned<Vec<String>>,
}

// ---------------------------------------------------------------------------------------
// Lowering

struct Cx<'a> {
    name: &'a str,
    text: &'a str,
    source: SourceMap,
}

/// Largest fleet a show file may ask for.
const MAX_DRONES: i64 = 100_000;
/// Longest show, seconds (24 h).
const MAX_TIME_S: f64 = 86_400.0;

impl Cx<'_> {
    fn err(
        &self,
        span: Range<usize>,
        message: impl Into<String>,
        label: &str,
        help: Option<&str>,
    ) -> ImportError {
        ShowFileError::new(
            self.name,
            self.text,
            span,
            message,
            label,
            help.map(str::to_string),
        )
        .into()
    }

    /// A finite number within `[lo, hi]`.
    fn num(
        &self,
        v: &Spanned<f64>,
        key: &str,
        lo: f64,
        hi: f64,
        unit: &str,
    ) -> Result<f64, ImportError> {
        let x = *v.get_ref();
        if !x.is_finite() || x < lo || x > hi {
            return Err(self.err(
                v.span(),
                format!("`{key}` = {x} is out of range"),
                "this value",
                Some(&format!("`{key}` must be between {lo} and {hi} {unit}")),
            ));
        }
        Ok(x)
    }

    fn opt_num(
        &self,
        v: &Option<Spanned<f64>>,
        key: &str,
        default: f64,
        lo: f64,
        hi: f64,
        unit: &str,
    ) -> Result<f64, ImportError> {
        v.as_ref()
            .map_or(Ok(default), |v| self.num(v, key, lo, hi, unit))
    }

    fn count(&self, v: &Spanned<i64>, key: &str, lo: i64, hi: i64) -> Result<usize, ImportError> {
        let x = *v.get_ref();
        if x < lo || x > hi {
            return Err(self.err(
                v.span(),
                format!("`{key}` = {x} is out of range"),
                "this value",
                Some(&format!("`{key}` must be a whole number from {lo} to {hi}")),
            ));
        }
        Ok(x as usize)
    }

    fn vec3(&self, v: &Spanned<[f64; 3]>, key: &str) -> Result<Vec3, ImportError> {
        let a = *v.get_ref();
        if a.iter().any(|x| !x.is_finite() || x.abs() > 10_000.0) {
            return Err(self.err(
                v.span(),
                format!("`{key}` has a value out of range"),
                "this value",
                Some("coordinates are metres in the show frame, within ±10 km"),
            ));
        }
        Ok(Vec3::from(a))
    }

    fn time(&self, v: &Spanned<RawTime>, key: &str) -> Result<f64, ImportError> {
        let t = match v.get_ref() {
            RawTime::Seconds(s) => {
                if s.is_finite() && *s >= 0.0 {
                    Ok(*s)
                } else {
                    Err(format!("{s} is not a time"))
                }
            }
            RawTime::Text(s) => parse_time(s),
        };
        match t {
            Ok(t) if t <= MAX_TIME_S => Ok(t),
            Ok(t) => Err(self.err(v.span(), format!("`{key}` = {t} s is longer than 24 hours"), "this time", None)),
            Err(why) => Err(self.err(
                v.span(),
                format!("`{key}` is not a valid time: {why}"),
                "this time",
                Some("write seconds (`75`, `75.5`) or an `\"m:ss\"` / `\"m:ss.mmm\"` string (`\"1:15\"`, `\"1:15.5\"`)"),
            )),
        }
    }

    fn lower(&mut self, raw: RawShow, read: &mut Reader<'_>) -> Result<ShowDesign, ImportError> {
        let origin = match &raw.origin {
            None => None,
            Some(o) => Some(GeoOrigin {
                latitude_deg: self.num(&o.latitude, "latitude", -90.0, 90.0, "degrees")?,
                longitude_deg: self.num(&o.longitude, "longitude", -180.0, 180.0, "degrees")?,
                altitude_amsl_m: match &o.altitude_m {
                    Some(a) => Some(self.num(a, "altitude_m", -500.0, 9000.0, "metres")?),
                    None => None,
                },
                orientation_deg: self.opt_num(
                    &o.orientation_deg,
                    "orientation_deg",
                    0.0,
                    -360.0,
                    360.0,
                    "degrees",
                )?,
            }),
        };
        let audience_azimuth_deg = match &raw.audience {
            Some(a) => self.num(&a.azimuth_deg, "azimuth_deg", -360.0, 360.0, "degrees")?,
            None => 180.0,
        };
        let stage_center = match &raw.stage {
            Some(s) => self.vec3(&s.center, "center")?,
            None => Vec3::new(0.0, 0.0, 60.0),
        };

        let l = &raw.limits;
        let d = Limits::DEFAULT;
        let limits = Limits {
            min_distance_m: self.opt_num(
                &l.min_distance_m,
                "min_distance_m",
                d.min_distance_m,
                0.1,
                100.0,
                "metres",
            )?,
            max_speed_xy_m_s: self.opt_num(
                &l.max_speed_xy_m_s,
                "max_speed_xy_m_s",
                d.max_speed_xy_m_s,
                0.1,
                50.0,
                "m/s",
            )?,
            max_speed_up_m_s: self.opt_num(
                &l.max_speed_up_m_s,
                "max_speed_up_m_s",
                d.max_speed_up_m_s,
                0.1,
                20.0,
                "m/s",
            )?,
            max_speed_down_m_s: self.opt_num(
                &l.max_speed_down_m_s,
                "max_speed_down_m_s",
                d.max_speed_down_m_s,
                0.1,
                20.0,
                "m/s",
            )?,
            max_accel_m_s2: self.opt_num(
                &l.max_accel_m_s2,
                "max_accel_m_s2",
                d.max_accel_m_s2,
                0.1,
                30.0,
                "m/s²",
            )?,
            max_altitude_m: self.opt_num(
                &l.max_altitude_m,
                "max_altitude_m",
                d.max_altitude_m,
                5.0,
                2000.0,
                "metres",
            )?,
            min_nav_altitude_m: self.opt_num(
                &l.min_nav_altitude_m,
                "min_nav_altitude_m",
                d.min_nav_altitude_m,
                0.0,
                50.0,
                "metres",
            )?,
            battery_s: self.opt_num(
                &l.battery_s,
                "battery_s",
                d.battery_s,
                10.0,
                MAX_TIME_S,
                "seconds",
            )?,
            takeoff_spacing_m: self.opt_num(
                &l.takeoff_spacing_m,
                "takeoff_spacing_m",
                d.takeoff_spacing_m,
                0.0,
                100.0,
                "metres",
            )?,
        };

        let t = &raw.takeoff;
        let td = TakeoffDesign::default();
        let takeoff = TakeoffDesign {
            ground_hold_s: self.opt_num(
                &t.ground_hold_s,
                "ground_hold_s",
                td.ground_hold_s,
                0.0,
                600.0,
                "seconds",
            )?,
            altitude_m: self.opt_num(
                &t.altitude_m,
                "altitude_m",
                td.altitude_m
                    .max(limits.min_nav_altitude_m + limits.min_distance_m),
                limits.min_nav_altitude_m + 0.5,
                limits.max_altitude_m,
                "metres (above the minimum navigation altitude, below the maximum altitude)",
            )?,
            landing_pause_s: self.opt_num(
                &t.landing_pause_s,
                "landing_pause_s",
                td.landing_pause_s,
                0.0,
                600.0,
                "seconds",
            )?,
        };

        let fleet = self.fleet(&raw.fleet, &limits)?;

        let mut chapters = Vec::new();
        let mut formations = Vec::new();
        if raw.chapters.is_empty() {
            return Err(self.err(
                0..0,
                "the show has no chapters",
                "in this file",
                Some("add at least one `[[chapter]]` with `[[chapter.formation]]` entries"),
            ));
        }
        for ch in &raw.chapters {
            let c = ch.get_ref();
            let name = c.name.get_ref().trim().to_string();
            if name.is_empty() {
                return Err(self.err(c.name.span(), "a chapter needs a name", "empty name", None));
            }
            if chapters.iter().any(|x: &Chapter| x.name == name) {
                return Err(self.err(
                    c.name.span(),
                    format!("chapter `{name}` is defined twice"),
                    "second one",
                    None,
                ));
            }
            let start_s = c
                .start
                .as_ref()
                .map(|s| self.time(s, "start"))
                .transpose()?;
            let index = chapters.len();
            chapters.push(Chapter { name, start_s });
            for f in &c.formations {
                let fd = self.formation(f, index, stage_center, fleet.drones, read)?;
                if formations
                    .iter()
                    .any(|x: &FormationDesign| x.name == fd.name)
                {
                    return Err(self.err(
                        f.get_ref().name.span(),
                        format!("formation `{}` is defined twice", fd.name),
                        "second one",
                        Some("formation names must be unique"),
                    ));
                }
                self.source.formations.insert(fd.name.clone(), f.span());
                formations.push(fd);
            }
        }
        if formations.is_empty() {
            return Err(self.err(
                raw.chapters[0].span(),
                "the show has no formations",
                "this chapter",
                Some("add `[[chapter.formation]]` entries"),
            ));
        }
        Ok(ShowDesign {
            title: raw.title,
            seed: raw.seed.unwrap_or(1),
            origin,
            audience_azimuth_deg,
            fleet,
            limits,
            chapters,
            formations,
            takeoff,
        })
    }

    fn fleet(&self, f: &RawFleet, limits: &Limits) -> Result<Fleet, ImportError> {
        let drones = self.count(&f.drones, "drones", 1, MAX_DRONES)?;
        let g = f.grid.get_ref();
        let rows = self.count(&g.rows, "rows", 1, MAX_DRONES)?;
        let columns = self.count(&g.columns, "columns", 1, MAX_DRONES)?;
        if rows * columns < drones {
            return Err(self.err(
                f.grid.span(),
                format!(
                    "the takeoff grid has {} slots for {drones} drones",
                    rows * columns
                ),
                "this grid",
                Some(&format!(
                    "make `rows` × `columns` at least {drones}, e.g. {} × {}",
                    (drones as f64).sqrt().ceil() as usize,
                    drones.div_ceil((drones as f64).sqrt().ceil() as usize)
                )),
            ));
        }
        let spacing = self.opt_num(&g.spacing_m, "spacing_m", 3.0, 0.0, 100.0, "metres")?;
        let row_spacing_m = self.opt_num(
            &g.row_spacing_m,
            "row_spacing_m",
            spacing,
            0.0,
            100.0,
            "metres",
        )?;
        let column_spacing_m = self.opt_num(
            &g.column_spacing_m,
            "column_spacing_m",
            spacing,
            0.0,
            100.0,
            "metres",
        )?;
        let min_sp = if rows > 1 && columns > 1 {
            row_spacing_m.min(column_spacing_m)
        } else if rows > 1 {
            row_spacing_m
        } else {
            column_spacing_m
        };
        if drones > 1 && min_sp < limits.takeoff_spacing_m {
            return Err(self.err(
                f.grid.span(),
                format!(
                    "takeoff slots are {min_sp} m apart, closer than the {} m takeoff spacing",
                    limits.takeoff_spacing_m
                ),
                "this grid",
                Some("increase `spacing_m` (or `row_spacing_m` / `column_spacing_m`)"),
            ));
        }
        let center = match &g.center {
            Some(c) => {
                let a = *c.get_ref();
                if a.iter().any(|x| !x.is_finite() || x.abs() > 10_000.0) {
                    return Err(self.err(
                        c.span(),
                        "`center` has a value out of range",
                        "this value",
                        None,
                    ));
                }
                Vec3::new(a[0], a[1], 0.0)
            }
            None => Vec3::ZERO,
        };
        Ok(Fleet {
            drones,
            grid: TakeoffGrid {
                rows,
                columns,
                row_spacing_m,
                column_spacing_m,
                center,
            },
        })
    }

    fn formation(
        &self,
        sf: &Spanned<RawFormation>,
        chapter: usize,
        stage_center: Vec3,
        fleet: usize,
        read: &mut Reader<'_>,
    ) -> Result<FormationDesign, ImportError> {
        let f = sf.get_ref();
        let name = f.name.get_ref().trim().to_string();
        if name.is_empty() {
            return Err(self.err(
                f.name.span(),
                "a formation needs a name",
                "empty name",
                None,
            ));
        }
        let start_s = f
            .start
            .as_ref()
            .map(|s| self.time(s, "start"))
            .transpose()?;
        let hold_s = self.time(&f.hold, "hold")?;
        let size = |v: &Option<Spanned<f64>>, key: &str| -> Result<f64, ImportError> {
            match v {
                Some(v) => self.num(v, key, 0.01, 5000.0, "metres"),
                None => Err(self.err(
                    f.shape.span(),
                    format!("a `{}` needs `{key}`", f.shape.get_ref()),
                    "this shape",
                    Some(&format!("add `{key} = …` to formation `{name}`")),
                )),
            }
        };
        let count = match &f.count {
            Some(c) if *c.get_ref() > fleet as i64 => {
                return Err(self.err(
                    c.span(),
                    format!(
                        "formation `{name}` needs {} drones but the fleet has {fleet}",
                        c.get_ref()
                    ),
                    "this count",
                    Some("lower `count` or raise `fleet.drones`"),
                ));
            }
            Some(c) => Some(self.count(c, "count", 1, fleet as i64)?),
            None => None,
        };
        let kind = f.shape.get_ref().as_str();
        // Keys that only some shapes take: reject the rest so typos do not pass silently.
        let allowed: &[&str] = match kind {
            "grid" | "plane" => &["width_m", "height_m", "rows", "columns", "count"],
            "circle" | "disc" | "sphere" => &["radius_m", "count"],
            "ring" => &["inner_radius_m", "outer_radius_m", "count"],
            "helix" => &["radius_m", "height_m", "turns", "count"],
            "line" => &["length_m", "count"],
            "polygon" => &["sides", "radius_m", "count"],
            "points" => &["points", "offset_m"],
            _ => {
                return Err(self.err(
                    f.shape.span(),
                    format!("unknown shape `{kind}`"),
                    "this shape",
                    Some("shapes: grid, plane, circle, ring, disc, sphere, helix, line, polygon, points"),
                ));
            }
        };
        let given: [(&str, Option<Range<usize>>); 14] = [
            ("width_m", f.width_m.as_ref().map(Spanned::span)),
            ("height_m", f.height_m.as_ref().map(Spanned::span)),
            ("rows", f.rows.as_ref().map(Spanned::span)),
            ("columns", f.columns.as_ref().map(Spanned::span)),
            ("radius_m", f.radius_m.as_ref().map(Spanned::span)),
            (
                "inner_radius_m",
                f.inner_radius_m.as_ref().map(Spanned::span),
            ),
            (
                "outer_radius_m",
                f.outer_radius_m.as_ref().map(Spanned::span),
            ),
            ("turns", f.turns.as_ref().map(Spanned::span)),
            ("length_m", f.length_m.as_ref().map(Spanned::span)),
            ("sides", f.sides.as_ref().map(Spanned::span)),
            ("points", f.points.as_ref().map(Spanned::span)),
            ("offset_m", f.offset_m.as_ref().map(Spanned::span)),
            ("count", f.count.as_ref().map(Spanned::span)),
            (
                "center",
                if kind == "points" {
                    f.center.as_ref().map(Spanned::span)
                } else {
                    None
                },
            ),
        ];
        for (key, span) in given {
            if let Some(span) = span
                && !allowed.contains(&key)
            {
                return Err(self.err(
                    span,
                    format!("a `{kind}` does not take `{key}`"),
                    "not used by this shape",
                    Some(&format!("`{kind}` takes: {}", allowed.join(", "))),
                ));
            }
        }
        let opt_count =
            |v: &Option<Spanned<i64>>, key: &str| -> Result<Option<usize>, ImportError> {
                v.as_ref()
                    .map(|c| self.count(c, key, 1, MAX_DRONES))
                    .transpose()
            };
        let shape = match kind {
            "grid" | "plane" => Shape::Grid {
                width_m: size(&f.width_m, "width_m")?,
                height_m: size(&f.height_m, "height_m")?,
                rows: opt_count(&f.rows, "rows")?,
                columns: opt_count(&f.columns, "columns")?,
                count,
            },
            "circle" => Shape::Circle {
                radius_m: size(&f.radius_m, "radius_m")?,
                count,
            },
            "disc" => Shape::Disc {
                radius_m: size(&f.radius_m, "radius_m")?,
                count,
            },
            "sphere" => Shape::Sphere {
                radius_m: size(&f.radius_m, "radius_m")?,
                count,
            },
            "ring" => {
                let inner = size(&f.inner_radius_m, "inner_radius_m")?;
                let outer = size(&f.outer_radius_m, "outer_radius_m")?;
                if inner >= outer {
                    return Err(self.err(
                        f.inner_radius_m.as_ref().map_or(sf.span(), Spanned::span),
                        "`inner_radius_m` must be smaller than `outer_radius_m`",
                        "this value",
                        None,
                    ));
                }
                Shape::Ring {
                    inner_radius_m: inner,
                    outer_radius_m: outer,
                    count,
                }
            }
            "helix" => Shape::Helix {
                radius_m: size(&f.radius_m, "radius_m")?,
                height_m: size(&f.height_m, "height_m")?,
                turns: match &f.turns {
                    Some(t) => self.num(t, "turns", 0.1, 1000.0, "turns")?,
                    None => 3.0,
                },
                count,
            },
            "line" => Shape::Line {
                length_m: size(&f.length_m, "length_m")?,
                count,
            },
            "polygon" => Shape::Polygon {
                sides: match &f.sides {
                    Some(s) => self.count(s, "sides", 3, 1000)?,
                    None => {
                        return Err(self.err(
                            f.shape.span(),
                            "a `polygon` needs `sides`",
                            "this shape",
                            Some("add `sides = 6` (3 or more)"),
                        ));
                    }
                },
                radius_m: size(&f.radius_m, "radius_m")?,
                count,
            },
            _ => {
                let Some(path) = &f.points else {
                    return Err(self.err(
                        f.shape.span(),
                        "a `points` formation needs `points = \"file.csv\"`",
                        "this shape",
                        Some("name a CSV file of `x,y,z[,r,g,b]` rows, relative to the show file"),
                    ));
                };
                let text = read(path.get_ref()).map_err(|why| {
                    self.err(
                        path.span(),
                        format!("cannot read points file `{}`: {why}", path.get_ref()),
                        "this file",
                        Some("paths are relative to the show file's folder"),
                    )
                })?;
                let csv = parse_points_csv(&text).map_err(|(line, why)| {
                    self.err(
                        path.span(),
                        format!("points file `{}`, line {line}: {why}", path.get_ref()),
                        "this file",
                        Some("rows are `x,y,z[,r,g,b]` or Skybrush's `Name,x_m,y_m,z_m,Red,Green,Blue`"),
                    )
                })?;
                if csv.points.len() > fleet {
                    return Err(self.err(
                        path.span(),
                        format!(
                            "formation `{name}` has {} points but the fleet has {fleet} drones",
                            csv.points.len()
                        ),
                        "this file",
                        Some(&format!(
                            "this formation needs {} drones: raise `fleet.drones` or remove points",
                            csv.points.len()
                        )),
                    ));
                }
                let offset = f
                    .offset_m
                    .as_ref()
                    .map(|o| self.vec3(o, "offset_m"))
                    .transpose()?
                    .unwrap_or(Vec3::ZERO);
                Shape::Points {
                    points: csv.points.iter().map(|p| *p + offset).collect(),
                    colors: csv.colors,
                }
            }
        };
        let center = f
            .center
            .as_ref()
            .map(|c| self.vec3(c, "center"))
            .transpose()?
            .unwrap_or(stage_center);
        let angle = |v: &Option<Spanned<f64>>, key: &str| {
            self.opt_num(v, key, 0.0, -360.0, 360.0, "degrees")
        };
        let placement = Placement {
            center,
            roll_deg: angle(&f.roll_deg, "roll_deg")?,
            tilt_deg: angle(&f.tilt_deg, "tilt_deg")?,
            turn_deg: angle(&f.turn_deg, "turn_deg")?,
        };
        let color = match (&f.color, &f.gradient) {
            (Some(_), Some(g)) => {
                return Err(self.err(
                    g.span(),
                    "give either `color` or `gradient`, not both",
                    "second colouring",
                    None,
                ));
            }
            (Some(c), None) => {
                let rgb = parse_color(c.get_ref()).map_err(|why| {
                    self.err(
                        c.span(),
                        why,
                        "this colour",
                        Some("use a palette name (red, green, blue, gold, white, …) or `#rrggbb`"),
                    )
                })?;
                ColorDesign::Solid(rgb)
            }
            (None, Some(g)) => self.gradient(g)?,
            (None, None) => match &shape {
                Shape::Points {
                    colors: Some(_), ..
                } => ColorDesign::PerPoint,
                _ => ColorDesign::Solid(skyshow_model::Rgb::WHITE),
            },
        };
        let min_duration_s = self.opt_num(
            &f.min_transition_s,
            "min_transition_s",
            0.0,
            0.0,
            3600.0,
            "seconds",
        )?;
        Ok(FormationDesign {
            name,
            chapter,
            start_s,
            hold_s,
            shape,
            placement,
            color,
            transition: TransitionDesign { min_duration_s },
        })
    }

    fn gradient(&self, g: &Spanned<RawGradient>) -> Result<ColorDesign, ImportError> {
        let r = g.get_ref();
        let axis = match r.axis.get_ref().as_str() {
            "x" => Vec3::new(1.0, 0.0, 0.0),
            "y" => Vec3::new(0.0, 1.0, 0.0),
            "z" | "up" => Vec3::new(0.0, 0.0, 1.0),
            "-x" => Vec3::new(-1.0, 0.0, 0.0),
            "-y" => Vec3::new(0.0, -1.0, 0.0),
            "-z" | "down" => Vec3::new(0.0, 0.0, -1.0),
            other => {
                return Err(self.err(
                    r.axis.span(),
                    format!("unknown gradient axis `{other}`"),
                    "this axis",
                    Some("axes: x, y, z (or up), -x, -y, -z (or down)"),
                ));
            }
        };
        let mut stops = Vec::new();
        for c in r.colors.get_ref() {
            stops.push(
                parse_color(c)
                    .map_err(|why| self.err(r.colors.span(), why, "in this list", None))?,
            );
        }
        if stops.len() < 2 {
            return Err(self.err(
                r.colors.span(),
                "a gradient needs at least two colours",
                "this list",
                None,
            ));
        }
        Ok(ColorDesign::Gradient { axis, stops })
    }
}
