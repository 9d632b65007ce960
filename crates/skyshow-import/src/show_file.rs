//! The show file (TOML): parsed with spans, checked, and lowered into a [`ShowDesign`].
//!
//! The format is specified in `docs/show-file.md`.

mod art;
mod clock;
mod fonts;
mod glyf_check;
mod image_art;
mod lights;
mod mesh_file;
mod music;
mod pyro;
mod svg_art;
mod text_art;

use std::cell::RefCell;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use skyshow_model::{
    Chapter, ColorDesign, Fleet, FormationDesign, GeoOrigin, Limits, Minimise, Placement, Shape,
    ShowDesign, TakeoffDesign, TakeoffGrid, TransitionDesign, Vec3,
};
use toml::Spanned;

use crate::error::{ImportError, ShowFileError, SourceMap};
use crate::{color::parse_color, points_csv::parse_points_csv};
use art::{ArtError, ArtKind, Fit};
use fonts::{Fonts, is_font_file};
use image_art::ImageArt;
use mesh_file::MeshFile;
pub use pyro::{Fireworks, PyroDesign};
use svg_art::SvgArt;
use text_art::{Align, TextArt};

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
    /// Fireworks, other show elements and the audience's place.
    pub pyro: PyroDesign,
}

/// Reads and lowers the show file at `path`.
pub fn load_show(path: &Path) -> Result<LoadedShow, ImportError> {
    let io = |e: String| ImportError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::other(e),
    };
    let bytes =
        crate::input_file::read_input(path, crate::input_file::MAX_INPUT_BYTES).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|e| io(format!("not UTF-8 text ({e})")))?;
    let base_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    LoadedShow::from_text(&path.display().to_string(), &text, &base_dir).map(|mut l| {
        l.inputs.insert(0, path.to_path_buf());
        l
    })
}

impl LoadedShow {
    /// Lowers show-file `text` whose artwork and point files are relative to `base_dir`;
    /// `name` is used in messages. (`inputs` lists the files read, without the show file.)
    pub fn from_text(name: &str, text: &str, base_dir: &Path) -> Result<LoadedShow, ImportError> {
        let mut inputs = Vec::new();
        let (design, source, pyro) = parse_show_with(name, text, &mut |rel: &str| {
            let p = base_dir.join(rel);
            inputs.push(p.clone());
            crate::input_file::read_input(&p, crate::input_file::MAX_INPUT_BYTES)
        })?;
        Ok(LoadedShow {
            design,
            source,
            pyro,
            base_dir: base_dir.to_path_buf(),
            inputs,
        })
    }
}

/// Parses show-file text; `name` is used in messages. Files named by the show (CSV point
/// lists) cannot be read by this function and give an error; use [`load_show`].
pub fn parse_show(name: &str, text: &str) -> Result<(ShowDesign, SourceMap), ImportError> {
    parse_show_with(name, text, &mut |rel: &str| {
        Err(format!("cannot read `{rel}` when parsing text only"))
    })
    .map(|(design, source, _)| (design, source))
}

/// Reads a file named by the show (relative to the show file) as bytes.
type Reader<'a> = dyn FnMut(&str) -> Result<Vec<u8>, String> + 'a;

/// Parses show-file text whose named files (artwork, fonts, point lists; paths as written
/// in the show) are read by `read`, which answers their bytes or why not. For callers that
/// hold the files in memory (tests, fuzzing); [`load_show`] reads them from disk.
pub fn parse_show_with(
    name: &str,
    text: &str,
    read: &mut Reader<'_>,
) -> Result<(ShowDesign, SourceMap, PyroDesign), ImportError> {
    let mut raw: RawShow = toml::from_str(text).map_err(|e| toml_error(name, text, &e))?;
    let extras = pyro::RawExtras::take(&mut raw);
    let mut cx = Cx {
        name,
        text,
        fonts: RefCell::new(Fonts::default()),
        seed: raw.seed.unwrap_or(1),
        source: SourceMap {
            name: name.into(),
            text: text.into(),
            ..Default::default()
        },
        clock: clock::Clock::default(),
    };
    let design = cx.lower(raw, read)?;
    let pyro = cx.pyro(&extras, &design, read)?;
    Ok((design, cx.source, pyro))
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
    planner: Option<RawPlanner>,
    stage: Option<RawStage>,
    #[serde(default, rename = "chapter")]
    chapters: Vec<Spanned<RawChapter>>,
    pyro: Option<Spanned<pyro::RawPyro>>,
    #[serde(default, rename = "element")]
    elements: Vec<Spanned<pyro::RawElement>>,
    music: Option<Spanned<music::RawMusic>>,
    #[serde(default, rename = "cue")]
    cues: Vec<Spanned<music::RawCue>>,
    #[serde(default, rename = "light")]
    lights: Vec<Spanned<lights::RawLight>>,
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
    line: Option<Spanned<Vec<[f64; 2]>>>,
    zone: Option<Spanned<Vec<[f64; 2]>>>,
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
struct RawPlanner {
    minimise: Option<Spanned<String>>,
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
    #[serde(default, rename = "light")]
    lights: Vec<Spanned<lights::RawLight>>,
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
    file: Option<Spanned<String>>,
    mode: Option<Spanned<String>>,
    weight: Option<Spanned<f64>>,
    text: Option<Spanned<String>>,
    font: Option<Spanned<String>>,
    font_weight: Option<Spanned<i64>>,
    align: Option<Spanned<String>>,
    line_spacing: Option<Spanned<f64>>,
    threshold: Option<Spanned<f64>>,
    invert: Option<Spanned<bool>>,
    sample: Option<Spanned<String>>,
    size_m: Option<Spanned<f64>>,
    up: Option<Spanned<String>>,
    center: Option<Spanned<[f64; 3]>>,
    roll_deg: Option<Spanned<f64>>,
    tilt_deg: Option<Spanned<f64>>,
    turn_deg: Option<Spanned<f64>>,
    color: Option<Spanned<String>>,
    gradient: Option<Spanned<RawGradient>>,
    min_transition_s: Option<Spanned<f64>>,
    snap: Option<Spanned<String>>,
    #[serde(default, rename = "light")]
    lights: Vec<Spanned<lights::RawLight>>,
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
    /// System fonts, loaded when a text formation first needs them.
    fonts: RefCell<Fonts>,
    /// The show's seed, given to every sampled shape.
    seed: u64,
    source: SourceMap,
    /// Beats and cues that musical times refer to.
    clock: clock::Clock,
}

/// Font of text formations without `font`.
const DEFAULT_FONT: &str = "Noto Sans CJK SC";

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
                format!("`{key}` = {} is out of range", crate::number::shown(x)),
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
                    Err((
                        format!("{s} is not a time"),
                        "times are seconds from the show's start".to_string(),
                    ))
                }
            }
            RawTime::Text(s) => self.clock.resolve(s).map_err(|e| (e.why, e.hint)),
        };
        match t {
            Ok(t) if t <= MAX_TIME_S => Ok(t),
            Ok(t) => Err(self.err(
                v.span(),
                format!("`{key}` = {t} s is longer than 24 hours"),
                "this time",
                None,
            )),
            Err((why, hint)) => Err(self.err(
                v.span(),
                format!("`{key}` is not a valid time: {why}"),
                "this time",
                Some(&hint),
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
        let music = match &raw.music {
            Some(m) => Some(self.music(m, read)?),
            None => None,
        };
        self.cues(&raw.cues)?;
        let mut lights = Vec::new();

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
                for (k, l) in f.get_ref().lights.iter().enumerate() {
                    let label = format!("light {} of formation `{}`", k + 1, fd.name);
                    lights.push(self.light(l, label, Some(formations.len()), None, &[], read)?);
                }
                formations.push(fd);
            }
            if !c.lights.is_empty() && !formations.iter().any(|f| f.chapter == index) {
                return Err(self.err(
                    c.lights[0].span(),
                    format!("chapter `{}` has lights but no formations", chapters[index].name),
                    "this effect",
                    Some("a chapter's effects run while its formations fly: add `[[chapter.formation]]` entries before them"),
                ));
            }
            let names: Vec<String> = formations.iter().map(|f| f.name.clone()).collect();
            for (k, l) in c.lights.iter().enumerate() {
                let label = format!("light {} of chapter `{}`", k + 1, chapters[index].name);
                lights.push(self.light(l, label, None, Some(index), &names, read)?);
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
        let names: Vec<String> = formations.iter().map(|f| f.name.clone()).collect();
        for (k, l) in raw.lights.iter().enumerate() {
            lights.push(self.light(
                l,
                format!("`[[light]]` {}", k + 1),
                None,
                None,
                &names,
                read,
            )?);
        }
        let minimise = match raw.planner.as_ref().and_then(|p| p.minimise.as_ref()) {
            None => Minimise::Distance,
            Some(m) => match m.get_ref().as_str() {
                "distance" => Minimise::Distance,
                "time" => Minimise::Time,
                other => {
                    return Err(self.err(
                        m.span(),
                        format!("unknown `minimise = \"{other}\"`"),
                        "this value",
                        Some("use \"distance\" (sum of squared distances, the default) or \"time\" (shortest transitions)"),
                    ));
                }
            },
        };
        Ok(ShowDesign {
            minimise,
            title: raw.title,
            seed: raw.seed.unwrap_or(1),
            origin,
            audience_azimuth_deg,
            fleet,
            limits,
            chapters,
            formations,
            takeoff,
            music,
            lights,
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
            .map(|s| {
                self.time(s, "start")
                    .and_then(|t| self.snapped(t, f.snap.as_ref()))
            })
            .transpose()?;
        if let (None, Some(sn)) = (&f.start, &f.snap) {
            return Err(self.err(
                sn.span(),
                "`snap` needs `start`",
                "this key",
                Some("give the formation a `start` to snap, or remove `snap`"),
            ));
        }
        let (hold_s, hold_music) = self.length(&f.hold, "hold", music::Anchor::From(start_s))?;
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
            "svg" => &["file", "width_m", "height_m", "mode", "weight", "count"],
            "text" => &[
                "text",
                "font",
                "font_weight",
                "align",
                "line_spacing",
                "width_m",
                "height_m",
                "mode",
                "weight",
                "count",
            ],
            "image" => &[
                "file",
                "width_m",
                "height_m",
                "mode",
                "weight",
                "threshold",
                "invert",
                "sample",
                "count",
            ],
            "mesh" => &[
                "file", "size_m", "width_m", "height_m", "up", "mode", "count",
            ],
            _ => {
                return Err(self.err(
                    f.shape.span(),
                    format!("unknown shape `{kind}`"),
                    "this shape",
                    Some("shapes: grid, plane, circle, ring, disc, sphere, helix, line, polygon, points, svg, text, image, mesh"),
                ));
            }
        };
        let given: Vec<(&str, Option<Range<usize>>)> = vec![
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
            ("file", f.file.as_ref().map(Spanned::span)),
            ("mode", f.mode.as_ref().map(Spanned::span)),
            ("weight", f.weight.as_ref().map(Spanned::span)),
            ("text", f.text.as_ref().map(Spanned::span)),
            ("font", f.font.as_ref().map(Spanned::span)),
            ("font_weight", f.font_weight.as_ref().map(Spanned::span)),
            ("align", f.align.as_ref().map(Spanned::span)),
            ("line_spacing", f.line_spacing.as_ref().map(Spanned::span)),
            ("threshold", f.threshold.as_ref().map(Spanned::span)),
            ("invert", f.invert.as_ref().map(Spanned::span)),
            ("sample", f.sample.as_ref().map(Spanned::span)),
            ("size_m", f.size_m.as_ref().map(Spanned::span)),
            ("up", f.up.as_ref().map(Spanned::span)),
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
            "svg" | "text" | "image" | "mesh" => {
                self.artwork(sf, kind, &name, count, fleet, read)?
            }
            _ => {
                let Some(path) = &f.points else {
                    return Err(self.err(
                        f.shape.span(),
                        "a `points` formation needs `points = \"file.csv\"`",
                        "this shape",
                        Some("name a CSV file of `x,y,z[,r,g,b]` rows, relative to the show file"),
                    ));
                };
                let text = read(path.get_ref())
                    .and_then(|b| String::from_utf8(b).map_err(|_| "not UTF-8 text".to_string()))
                    .map_err(|why| {
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
                }
                | Shape::Vertices {
                    colors: Some(_), ..
                }
                | Shape::Mesh {
                    colors: Some(_), ..
                } => ColorDesign::PerPoint,
                s if s.drawing().is_some_and(|d| !d.colors.is_empty()) => ColorDesign::PerPoint,
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
            hold_music,
            shape,
            placement,
            color,
            transition: TransitionDesign { min_duration_s },
        })
    }

    /// Maps an artwork error to one pointing at `span`, naming `what` (the file or text).
    fn art_err(&self, span: Range<usize>, what: &str, e: ArtError) -> ImportError {
        self.err(
            span,
            format!("{what}: {}", e.message),
            "here",
            e.help.as_deref(),
        )
    }

    /// One of the named choices, or an error listing them.
    fn choice<'v>(
        &self,
        v: &'v Option<Spanned<String>>,
        key: &str,
        choices: &[&'v str],
        default: &'v str,
    ) -> Result<&'v str, ImportError> {
        match v {
            None => Ok(default),
            Some(v) => choices
                .iter()
                .find(|c| **c == v.get_ref().as_str())
                .copied()
                .ok_or_else(|| {
                    self.err(
                        v.span(),
                        format!("unknown {key} `{}`", v.get_ref()),
                        "this value",
                        Some(&format!(
                            "`{key}` is one of: {}",
                            choices
                                .iter()
                                .map(|c| format!("\"{c}\""))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    )
                }),
        }
    }

    /// The bytes of the formation's `file`, its name and span.
    fn read_file(
        &self,
        f: &RawFormation,
        kind: &str,
        what: &str,
        read: &mut Reader<'_>,
    ) -> Result<(String, Range<usize>, Vec<u8>), ImportError> {
        let Some(path) = &f.file else {
            return Err(self.err(
                f.shape.span(),
                format!("a `{kind}` needs `file = \"…\"`"),
                "this shape",
                Some("name the file, relative to the show file's folder"),
            ));
        };
        let bytes = read(path.get_ref()).map_err(|why| {
            self.err(
                path.span(),
                format!("cannot read {what} `{}`: {why}", path.get_ref()),
                "this file",
                Some("paths are relative to the show file's folder"),
            )
        })?;
        Ok((path.get_ref().clone(), path.span(), bytes))
    }

    /// An SVG, text, image or mesh formation: reads the artwork and lowers it to metres.
    fn artwork(
        &self,
        sf: &Spanned<RawFormation>,
        kind: &str,
        name: &str,
        count: Option<usize>,
        fleet: usize,
        read: &mut Reader<'_>,
    ) -> Result<Shape, ImportError> {
        let f = sf.get_ref();
        let metres = |v: &Option<Spanned<f64>>, key: &str| {
            v.as_ref()
                .map(|v| self.num(v, key, 0.5, 5000.0, "metres"))
                .transpose()
        };
        let fit = Fit {
            width_m: metres(&f.width_m, "width_m")?,
            height_m: metres(&f.height_m, "height_m")?,
        };
        let size_m = metres(&f.size_m, "size_m")?;
        if fit.width_m.is_none() && fit.height_m.is_none() && size_m.is_none() {
            let keys = if kind == "mesh" {
                "`size_m`, `width_m` or `height_m`"
            } else {
                "`width_m` or `height_m`"
            };
            return Err(self.err(
                f.shape.span(),
                format!("a `{kind}` needs its size: {keys}"),
                "this shape",
                Some(&format!(
                    "add e.g. `width_m = 120` to formation `{name}`; the picture keeps its proportions"
                )),
            ));
        }
        if kind == "mesh" {
            return self.mesh(f, name, count, fleet, fit, size_m, read);
        }
        // 2D artwork: mode and weight.
        let mode = self.choice(&f.mode, "mode", &["fill", "outline", "both"], "fill")?;
        let weight = match &f.weight {
            Some(w) if mode != "both" => {
                return Err(self.err(
                    w.span(),
                    "`weight` only applies to `mode = \"both\"`",
                    "this value",
                    Some("remove it, or set `mode = \"both\"`"),
                ));
            }
            Some(w) => Some(self.num(
                w,
                "weight",
                0.0,
                1.0,
                "(the share of drones inside the area)",
            )?),
            None => None,
        };
        let fill_share = match mode {
            "fill" => Some(1.0),
            "outline" => Some(0.0),
            _ => weight,
        };
        let (art, kind_of, what, span) = match kind {
            "svg" => {
                let (path, span, bytes) = self.read_file(f, kind, "SVG", read)?;
                // Text in an SVG is set with the system fonts.
                let fontdb = if bytes.windows(5).any(|w| w == b"<text") {
                    self.fonts.borrow_mut().system()
                } else {
                    Default::default()
                };
                let art = SvgArt::parse(&bytes, fontdb)
                    .and_then(|svg| svg.art(true))
                    .map_err(|e| self.art_err(span.clone(), &format!("SVG `{path}`"), e))?;
                (art, ArtKind::Svg, format!("SVG `{path}`"), span)
            }
            "image" => {
                let (path, span, bytes) = self.read_file(f, kind, "image", read)?;
                let threshold = f
                    .threshold
                    .as_ref()
                    .map(|t| self.num(t, "threshold", 0.0, 1.0, "(brightness)"))
                    .transpose()?
                    .unwrap_or(0.5);
                let sample = self.choice(&f.sample, "sample", &["even", "density"], "even")?;
                if sample == "density" && mode != "fill" {
                    return Err(self.err(
                        f.sample.as_ref().map_or(span.clone(), Spanned::span),
                        "`sample = \"density\"` spreads drones inside the bright area",
                        "this value",
                        Some("use it with `mode = \"fill\"`"),
                    ));
                }
                let opts = ImageArt {
                    threshold,
                    invert: f.invert.as_ref().is_some_and(|v| *v.get_ref()),
                    density: sample == "density",
                };
                let art = opts
                    .art(&bytes)
                    .map_err(|e| self.art_err(span.clone(), &format!("image `{path}`"), e))?;
                (art, ArtKind::Image, format!("image `{path}`"), span)
            }
            _ => {
                let Some(text) = &f.text else {
                    return Err(self.err(
                        f.shape.span(),
                        "a `text` needs `text = \"…\"`",
                        "this shape",
                        Some("give the text to write; `\\n` starts a new line"),
                    ));
                };
                let weight = match &f.font_weight {
                    Some(w) => self.count(w, "font_weight", 100, 900)? as u16,
                    None => 400,
                };
                let font_name = f
                    .font
                    .as_ref()
                    .map_or(DEFAULT_FONT, |f| f.get_ref().as_str());
                let font_span = f.font.as_ref().map_or(text.span(), Spanned::span);
                let font = if is_font_file(font_name) {
                    let bytes = read(font_name).map_err(|why| {
                        self.err(
                            font_span.clone(),
                            format!("cannot read font file `{font_name}`: {why}"),
                            "this font",
                            Some("font files are relative to the show file's folder; a name without .ttf/.otf/.ttc is looked up among the installed fonts"),
                        )
                    })?;
                    Fonts::from_file(bytes, weight).map_err(|e| {
                        self.art_err(font_span.clone(), &format!("font `{font_name}`"), e)
                    })?
                } else {
                    self.fonts
                        .borrow_mut()
                        .by_family(font_name, weight)
                        .map_err(|e| self.art_err(font_span.clone(), "font", e))?
                };
                let align =
                    match self.choice(&f.align, "align", &["left", "center", "right"], "center")? {
                        "left" => Align::Left,
                        "right" => Align::Right,
                        _ => Align::Center,
                    };
                let line_spacing = f
                    .line_spacing
                    .as_ref()
                    .map(|v| self.num(v, "line_spacing", 0.5, 5.0, "(ems between baselines)"))
                    .transpose()?
                    .unwrap_or(1.25);
                let spec = TextArt {
                    text: text.get_ref(),
                    align,
                    line_spacing,
                    weight,
                };
                let art = spec
                    .art(&font)
                    .map_err(|e| self.art_err(text.span(), "text", e))?;
                (art, ArtKind::Text, "the text".to_string(), text.span())
            }
        };
        if fill_share == Some(1.0) && art.area.is_empty() {
            return Err(self.err(
                span,
                format!("{what} has no filled area to place drones in (only lines)"),
                "here",
                Some("use `mode = \"outline\"` to fly along its lines"),
            ));
        }
        if art.area.is_empty() && art.lines.is_empty() {
            return Err(self.err(span, format!("{what} draws nothing"), "here", None));
        }
        Ok(art.into_shape(kind_of, fit, fill_share, self.seed, count))
    }

    /// A mesh formation: OBJ or STL, turned so that its up axis is up, centred and scaled.
    #[allow(clippy::too_many_arguments)]
    fn mesh(
        &self,
        f: &RawFormation,
        name: &str,
        count: Option<usize>,
        fleet: usize,
        fit: Fit,
        size_m: Option<f64>,
        read: &mut Reader<'_>,
    ) -> Result<Shape, ImportError> {
        let given = [
            fit.width_m.is_some(),
            fit.height_m.is_some(),
            size_m.is_some(),
        ];
        if given.iter().filter(|g| **g).count() > 1 {
            return Err(self.err(
                f.shape.span(),
                "give one of `size_m`, `width_m` and `height_m` for a mesh",
                "this shape",
                Some("`size_m` is the largest extent; the mesh keeps its proportions"),
            ));
        }
        let mode = self.choice(
            &f.mode,
            "mode",
            &["surface", "volume", "vertices"],
            "surface",
        )?;
        let (path, span, bytes) = self.read_file(f, "mesh", "mesh", read)?;
        let ext = Path::new(&path)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let what = format!("mesh `{path}`");
        let mesh = match ext.as_str() {
            "obj" => {
                let text = String::from_utf8(bytes).map_err(|_| {
                    self.err(
                        span.clone(),
                        format!("{what} is not UTF-8 text"),
                        "this file",
                        Some("OBJ files are text"),
                    )
                })?;
                let dir = Path::new(&path)
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                MeshFile::obj(&text, &mut |lib: &str| {
                    let p = dir.join(lib);
                    read(&p.to_string_lossy())
                        .and_then(|b| String::from_utf8(b).map_err(|_| "not UTF-8 text".into()))
                })
            }
            "stl" => MeshFile::stl(&bytes),
            "gltf" | "glb" => {
                let dir = Path::new(&path)
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                MeshFile::gltf(&bytes, &mut |uri: &str| read(&dir.join(uri).to_string_lossy()))
            }
            _ => {
                return Err(self.err(
                    span,
                    format!("{what}: unsupported mesh type `.{ext}`"),
                    "this file",
                    Some("meshes are Wavefront OBJ (`.obj`), STL (`.stl`) or glTF (`.gltf`, `.glb`) files"),
                ));
            }
        }
        .map_err(|e| self.art_err(span.clone(), &what, e))?;
        if mesh.vertices.is_empty() {
            return Err(self.err(span, format!("{what} has no vertices"), "this file", None));
        }
        if mode != "vertices" && mesh.triangles.is_empty() {
            return Err(self.err(
                span,
                format!(
                    "{what} has no faces ({} vertices, 0 triangles)",
                    mesh.vertices.len()
                ),
                "this file",
                Some("add faces (OBJ `f` lines, glTF triangle primitives), or set `mode = \"vertices\"` to fly one drone on each vertex"),
            ));
        }
        let default_up = if ext == "stl" { "z" } else { "y" };
        let up = self.choice(&f.up, "up", &["y", "z"], default_up)?;
        let turned: Vec<Vec3> = mesh
            .vertices
            .iter()
            .map(|v| match up {
                "z" => Vec3::new(v[0], v[2], -v[1]),
                _ => Vec3::new(v[0], v[1], v[2]),
            })
            .collect();
        let (lo, hi) = turned
            .iter()
            .fold((turned[0], turned[0]), |(l, h), p| (l.min(*p), h.max(*p)));
        let ext3 = hi - lo;
        let centre = (lo + hi) / 2.0;
        let (target, have, key) = match (fit.width_m, fit.height_m, size_m) {
            (Some(w), _, _) => (w, ext3.x, "width"),
            (_, Some(h), _) => (h, ext3.y, "height"),
            (_, _, Some(s)) => (s, ext3.x.max(ext3.y).max(ext3.z), "largest extent"),
            _ => unreachable!("a size was checked above"),
        };
        if have <= 0.0 || !have.is_finite() {
            return Err(self.err(
                span,
                format!("{what} has no {key} to scale (all vertices in one plane or point)"),
                "this file",
                Some("use `size_m`, which scales the largest extent"),
            ));
        }
        let k = target / have;
        let vertices: Vec<Vec3> = turned.iter().map(|p| (*p - centre) * k).collect();
        if mode == "vertices" {
            if vertices.len() > fleet {
                return Err(self.err(
                    span,
                    format!(
                        "formation `{name}` has {} vertices but the fleet has {fleet} drones",
                        vertices.len()
                    ),
                    "this file",
                    Some(&format!(
                        "this formation needs {} drones: raise `fleet.drones` or remove vertices",
                        vertices.len()
                    )),
                ));
            }
            if let Some(c) = &f.count {
                return Err(self.err(
                    c.span(),
                    "`count` does not apply to `mode = \"vertices\"` (one drone per vertex)",
                    "this value",
                    Some("remove `count`"),
                ));
            }
            return Ok(Shape::Vertices {
                points: vertices,
                colors: mesh.colors,
            });
        }
        Ok(Shape::Mesh {
            vertices,
            triangles: mesh.triangles,
            colors: mesh.colors,
            volume: mode == "volume",
            seed: self.seed,
            count,
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

#[cfg(test)]
mod artwork_tests {
    use super::*;

    /// A folder of its own for one test's files.
    fn folder(test: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("skyshow-import-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn show(formation: &str) -> String {
        format!(
            "title = \"t\"\n[fleet]\ndrones = 100\n[fleet.grid]\nrows = 10\ncolumns = 10\n[[chapter]]\nname = \"c\"\n[[chapter.formation]]\nname = \"art\"\nhold = 10\n{formation}\n"
        )
    }

    /// The error of `formation` with `files` beside the show: message, hint, and the
    /// show-file text it points at.
    fn error(test: &str, formation: &str, files: &[(&str, &[u8])]) -> (String, String, String) {
        let dir = folder(test);
        for (name, bytes) in files {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
        let text = show(formation);
        let e = LoadedShow::from_text("show.toml", &text, &dir).unwrap_err();
        let _ = std::fs::remove_dir_all(&dir);
        let ImportError::ShowFile(e) = e else {
            panic!("{e:?}")
        };
        let at = text[e.offset()..].lines().next().unwrap_or("").to_string();
        (
            e.message().to_string(),
            e.hint().unwrap_or("").to_string(),
            at,
        )
    }

    #[test]
    fn broken_svg() {
        let (msg, hint, at) = error(
            "broken",
            "shape = \"svg\"\nfile = \"a.svg\"\nwidth_m = 100",
            &[("a.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><rect")],
        );
        assert!(msg.starts_with("SVG `a.svg`: not a valid SVG"), "{msg}");
        assert!(hint.contains("SVG document"), "{hint}");
        assert!(at.starts_with("\"a.svg\""), "{at}");
    }

    #[test]
    fn empty_path() {
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="" fill="red"/></svg>"#;
        let (msg, hint, at) = error(
            "empty",
            "shape = \"svg\"\nfile = \"e.svg\"\nwidth_m = 100",
            &[("e.svg", svg)],
        );
        assert_eq!(
            msg,
            "SVG `e.svg`: the SVG draws nothing: no path, shape or text with a fill or a stroke"
        );
        assert!(hint.contains("empty paths"), "{hint}");
        assert!(at.starts_with("\"e.svg\""));
        // Lines only, but asked to fill.
        let lines = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0 L10 10" stroke="red"/></svg>"#;
        let (msg, hint, _) = error(
            "lines",
            "shape = \"svg\"\nfile = \"l.svg\"\nwidth_m = 100",
            &[("l.svg", lines)],
        );
        assert!(msg.contains("has no filled area"), "{msg}");
        assert!(hint.contains("mode = \"outline\""), "{hint}");
    }

    #[test]
    #[allow(clippy::print_stderr)] // says why it skips
    fn font_without_the_glyph() {
        // Any installed font that lacks 龍 will do.
        let mut fonts = Fonts::default();
        let db = fonts.system();
        let mut families: Vec<String> = db
            .faces()
            .filter_map(|f| f.families.first().map(|(n, _)| n.clone()))
            .collect();
        families.sort();
        families.dedup();
        let lacking = families.into_iter().find(|fam| {
            fonts
                .by_family(fam, 400)
                .is_ok_and(|f| f.missing_glyph("龍").is_some())
        });
        let Some(family) = lacking else {
            eprintln!("skipped: no installed font lacks 龍");
            return;
        };
        let (msg, hint, at) = error(
            "glyph",
            &format!("shape = \"text\"\ntext = \"龍\"\nfont = \"{family}\"\nwidth_m = 100"),
            &[],
        );
        assert!(msg.starts_with(&format!("text: font `{family}`")), "{msg}");
        assert!(msg.ends_with("has no glyph for `龍` (U+9F8D)"), "{msg}");
        assert!(hint.contains("apt-get install fonts-noto-cjk"), "{hint}");
        assert!(at.starts_with("\"龍\""), "{at}");
        // A family that is not installed at all.
        let (msg, hint, at) = error(
            "nofont",
            "shape = \"text\"\ntext = \"a\"\nfont = \"No Such Font Family\"\nwidth_m = 100",
            &[],
        );
        assert_eq!(
            msg,
            "font: no font named `No Such Font Family` is installed"
        );
        assert!(hint.contains("fonts-noto-cjk"), "{hint}");
        assert!(at.starts_with("\"No Such Font Family\""), "{at}");
    }

    #[test]
    fn mesh_with_no_faces() {
        let (msg, hint, at) = error(
            "noface",
            "shape = \"mesh\"\nfile = \"m.obj\"\nsize_m = 50",
            &[("m.obj", b"v 0 0 0\nv 1 0 0\nv 0 1 0\n")],
        );
        assert_eq!(msg, "mesh `m.obj` has no faces (3 vertices, 0 triangles)");
        assert!(hint.contains("mode = \"vertices\""), "{hint}");
        assert!(at.starts_with("\"m.obj\""));
        // The same file flies one drone per vertex.
        let dir = folder("vertices");
        std::fs::write(dir.join("m.obj"), b"v 0 0 0\nv 1 0 0\nv 0 1 0\n").unwrap();
        let text = show("shape = \"mesh\"\nfile = \"m.obj\"\nsize_m = 50\nmode = \"vertices\"");
        let loaded = LoadedShow::from_text("show.toml", &text, &dir).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        let Shape::Vertices { points, .. } = &loaded.design.formations[0].shape else {
            panic!("not vertices")
        };
        assert_eq!(points.len(), 3);
    }

    #[test]
    fn image_with_no_pixel_above_threshold() {
        let img = image::RgbImage::from_pixel(4, 4, image::Rgb([10, 10, 10]));
        let mut png = std::io::Cursor::new(Vec::new());
        img.write_to(&mut png, image::ImageFormat::Png).unwrap();
        let (msg, hint, at) = error(
            "dark",
            "shape = \"image\"\nfile = \"d.png\"\nwidth_m = 100\nthreshold = 0.5",
            &[("d.png", &png.into_inner())],
        );
        assert_eq!(
            msg,
            "image `d.png`: no pixel of the image reaches the brightness threshold 0.5 (the brightest is 0.04)"
        );
        assert!(hint.contains("invert = true"), "{hint}");
        assert!(at.starts_with("\"d.png\""));
    }

    #[test]
    fn artwork_keys_are_checked() {
        let (msg, _, at) = error("nosize", "shape = \"svg\"\nfile = \"x.svg\"", &[]);
        assert_eq!(msg, "a `svg` needs its size: `width_m` or `height_m`");
        assert!(at.starts_with("\"svg\""));
        let (msg, _, _) = error(
            "badmode",
            "shape = \"svg\"\nfile = \"x.svg\"\nwidth_m = 9\nmode = \"fil\"",
            &[],
        );
        assert_eq!(msg, "unknown mode `fil`");
        let (msg, _, _) = error(
            "radius",
            "shape = \"text\"\ntext = \"a\"\nwidth_m = 9\nradius_m = 3",
            &[],
        );
        assert_eq!(msg, "a `text` does not take `radius_m`");
        let (msg, _, _) = error(
            "missing",
            "shape = \"svg\"\nfile = \"gone.svg\"\nwidth_m = 9",
            &[],
        );
        assert!(msg.starts_with("cannot read SVG `gone.svg`"), "{msg}");
    }

    #[test]
    fn svg_lowers_to_metres_with_colours_and_seed() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect x="0" y="0" width="100" height="100" fill="#ff0000"/></svg>"##;
        let dir = folder("lower");
        std::fs::write(dir.join("r.svg"), svg).unwrap();
        let text =
            show("shape = \"svg\"\nfile = \"r.svg\"\nwidth_m = 50\nmode = \"both\"\nweight = 0.7")
                .replace("title = \"t\"", "title = \"t\"\nseed = 9");
        let loaded = LoadedShow::from_text("show.toml", &text, &dir).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        let f = &loaded.design.formations[0];
        let d = f.shape.drawing().unwrap();
        assert_eq!((d.width_m, d.height_m), (50.0, 25.0));
        assert_eq!((d.fill_share, d.seed), (Some(0.7), 9));
        // The square spans the left half: u from -25 to 0, v from -12.5 to 12.5.
        let xs: Vec<f64> = d.area[0].iter().map(|p| p[0]).collect();
        assert_eq!(xs.iter().copied().fold(f64::INFINITY, f64::min), -25.0);
        assert_eq!(xs.iter().copied().fold(f64::NEG_INFINITY, f64::max), 0.0);
        assert_eq!(f.color, ColorDesign::PerPoint);
        assert!(loaded.inputs.iter().any(|p| p.ends_with("r.svg")));
    }
}
