//! The fireworks and show-element keys: `[pyro]`, `[pyro.front]`, `[[pyro.position]]`,
//! `[[pyro.product]]`, `[[pyro.override]]`, `[[pyro.cue]]`, `[[element]]` and
//! `[audience] line` / `zone`, lowered into a [`PyroDesign`].
//!
//! The cues are checked here by building the firing script once without chapters (an
//! unknown product, a cue before the music starts, too many cues for a module, … are
//! show-file errors with their span); the CLI builds it again with the planned chapter
//! times and maps any error back through [`SourceMap::pyro_error`].

use skyshow_i18n::msg;
use std::ops::Range;

use serde::Deserialize;
use skyshow_model::{ShowDesign, Vec3};
use skyshow_pyro::{
    Audience, Catalogue, CueDesign, ElementKind, FiringFront, FiringSystem, FiringSystemKind,
    Pattern, Position, Product, ProductKind, ProductOverride, PyroError, PyroScript, Rack,
    SafetyOptions, ScriptOptions, ShowElement, Timecode,
};
use toml::Spanned;

use super::{Cx, RawShow, RawTime, Reader};
use crate::error::{ImportError, ShowFileError, SourceMap};

/// The fireworks of a show, ready for [`PyroScript::build`] once the chapters are timed.
#[derive(Clone, Debug)]
pub struct Fireworks {
    /// The built-in catalogue, extended by `pyro.catalogue`, `[[pyro.product]]` and
    /// `[[pyro.override]]`.
    pub catalogue: Catalogue,
    /// The firing front, left to right as the audience sees it.
    pub front: FiringFront,
    /// The firing system the script is addressed for (`pyro.system`, default `cobra`):
    /// the safety checks, setup sheets and Finale CSV use this addressing.
    pub system: FiringSystem,
    /// Further systems to write a firing script for (`pyro.also_export`), each addressed
    /// on its own.
    pub also_export: Vec<FiringSystem>,
    /// The cues at their effect times; `name` is the show-file entry (`pyro.cue "open"`).
    pub cues: Vec<CueDesign>,
    /// Spectator distance and airspace margin.
    pub safety: SafetyOptions,
    /// The script's title on firing hardware, printable ASCII (`pyro.script_title`; default
    /// the show's title transliterated, Chinese in pinyin).
    pub script_title: String,
    /// fireTEK: each chapter its own sequence, numbered from 1 and started separately
    /// (`pyro.firetek_sequences`, default false: every cue in sequence 0, the show).
    pub firetek_sequences: bool,
    /// The earliest allowed ignition, seconds on the show clock: when the music starts
    /// (`[music] offset_s`, else 0).
    pub start_s: f64,
}

/// Everything on the show timeline besides the drones: fireworks, other elements, the
/// audience's place, timecode settings.
#[derive(Clone, Debug, Default)]
pub struct PyroDesign {
    /// The fireworks, if the show has `[pyro]` cues.
    pub fireworks: Option<Fireworks>,
    /// Narration, ground lights, fountain, … (`[[element]]`), in file order.
    pub elements: Vec<ShowElement>,
    /// The audience line or zone (`[audience] line` / `zone`).
    pub audience: Option<Audience>,
    /// SMPTE frame rate of the element cue list and LTC (`pyro.timecode_fps`, default 25).
    pub timecode_fps: u32,
    /// Write an LTC timecode WAV (`pyro.ltc`, default false).
    pub ltc: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPyro {
    system: Option<Spanned<String>>,
    also_export: Option<Spanned<Vec<String>>>,
    catalogue: Option<Spanned<String>>,
    min_cue_spacing_s: Option<Spanned<f64>>,
    airspace_margin_m: Option<Spanned<f64>>,
    spectator_m_per_mm: Option<Spanned<f64>>,
    timecode_fps: Option<Spanned<i64>>,
    ltc: Option<Spanned<bool>>,
    script_title: Option<Spanned<String>>,
    firetek_sequences: Option<Spanned<bool>>,
    front: Option<Spanned<RawFront>>,
    #[serde(default)]
    position: Vec<Spanned<RawPosition>>,
    #[serde(default)]
    product: Vec<Spanned<RawProduct>>,
    #[serde(default, rename = "override")]
    overrides: Vec<Spanned<RawOverride>>,
    #[serde(default)]
    cue: Vec<Spanned<RawCue>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFront {
    center: Spanned<[f64; 3]>,
    width_m: Spanned<f64>,
    positions: Spanned<i64>,
    prefix: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPosition {
    name: Spanned<String>,
    at: Spanned<[f64; 3]>,
    modules: Option<Spanned<Vec<i64>>>,
    racks: Option<Spanned<Vec<RawRack>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRack {
    calibre_mm: f64,
    tubes: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProduct {
    part: Spanned<String>,
    kind: Spanned<String>,
    calibre_mm: Spanned<f64>,
    prefire_s: Spanned<f64>,
    duration_s: Spanned<f64>,
    colour: Spanned<String>,
    effect: Spanned<String>,
    burst_height_m: Option<Spanned<f64>>,
    burst_radius_m: Option<Spanned<f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    part: Spanned<String>,
    calibre_mm: Option<Spanned<f64>>,
    prefire_s: Option<Spanned<f64>>,
    duration_s: Option<Spanned<f64>>,
    burst_height_m: Option<Spanned<f64>>,
    burst_radius_m: Option<Spanned<f64>>,
    colour: Option<Spanned<String>>,
    effect: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCue {
    name: Spanned<String>,
    time: Spanned<RawTime>,
    product: Spanned<String>,
    positions: Option<Spanned<Vec<String>>>,
    pattern: Option<Spanned<String>>,
    spacing_s: Option<Spanned<f64>>,
    count: Option<Spanned<i64>>,
    chapter: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawElement {
    kind: Spanned<String>,
    time: Spanned<RawTime>,
    label: Spanned<String>,
    duration_s: Option<Spanned<f64>>,
}

/// The fireworks keys of a show file, taken out of [`RawShow`] before it is lowered.
pub(super) struct RawExtras {
    pyro: Option<Spanned<RawPyro>>,
    line: Option<Spanned<Vec<[f64; 2]>>>,
    zone: Option<Spanned<Vec<[f64; 2]>>>,
    elements: Vec<Spanned<RawElement>>,
}

impl RawExtras {
    /// Takes the fireworks keys out of `raw`.
    pub(super) fn take(raw: &mut RawShow) -> Self {
        let (line, zone) = raw
            .audience
            .as_mut()
            .map_or((None, None), |a| (a.line.take(), a.zone.take()));
        RawExtras {
            pyro: raw.pyro.take(),
            line,
            zone,
            elements: std::mem::take(&mut raw.elements),
        }
    }
}

/// The show-file entry name of a cue, position, product or override, as errors and
/// findings spell it.
fn entry(table: &str, name: &str) -> String {
    format!("pyro.{table} \"{name}\"")
}

impl Cx<'_> {
    /// Lowers the fireworks, the elements and the audience line or zone.
    pub(super) fn pyro(
        &mut self,
        extras: &RawExtras,
        design: &ShowDesign,
        read: &mut Reader<'_>,
    ) -> Result<PyroDesign, ImportError> {
        let audience = self.audience(extras.line.as_ref(), extras.zone.as_ref())?;
        let mut out = PyroDesign {
            timecode_fps: 25,
            audience,
            ..PyroDesign::default()
        };
        for e in &extras.elements {
            out.elements.push(self.element(e)?);
        }
        let Some(raw) = &extras.pyro else {
            return Ok(out);
        };
        let p = raw.get_ref();
        self.source.pyro.insert("pyro".into(), raw.span());
        if let Some(f) = &p.timecode_fps {
            let fps = *f.get_ref();
            if u32::try_from(fps).map_or(true, |v| Timecode::check_fps(v).is_err()) {
                return Err(self.errm(
                    f.span(),
                    msg!("pyro-timecode-fps", value = fps),
                    "this value",
                    Some(msg!("pyro-timecode-fps-hint")),
                ));
            }
            out.timecode_fps = fps as u32;
        }
        if let Some(l) = &p.ltc {
            out.ltc = *l.get_ref();
            if out.ltc && out.timecode_fps == 24 {
                return Err(self.errm(
                    l.span(),
                    msg!("pyro-ltc-fps"),
                    "here",
                    Some(msg!("pyro-ltc-fps-hint")),
                ));
            }
        }
        if p.cue.is_empty() {
            if let Some(f) = &p.front {
                // A front without cues is still checked, so typos do not wait.
                self.front(Some(f), &[], design)?;
            }
            return Ok(out);
        }
        let catalogue = self.catalogue(p, read)?;
        let front = self.front(p.front.as_ref(), &p.position, design)?;
        let (system, also_export) = self.systems(p)?;
        let d = SafetyOptions::default();
        let safety = SafetyOptions {
            spectator_m_per_mm: self.opt_num(
                &p.spectator_m_per_mm,
                "spectator_m_per_mm",
                d.spectator_m_per_mm,
                0.0,
                10.0,
                "metres per mm of calibre",
            )?,
            airspace_margin_m: self.opt_num(
                &p.airspace_margin_m,
                "airspace_margin_m",
                d.airspace_margin_m,
                0.0,
                1000.0,
                "metres",
            )?,
            ..d
        };
        let mut cues = Vec::with_capacity(p.cue.len());
        for c in &p.cue {
            let cue = self.cue(c, &front, design)?;
            if cues.iter().any(|x: &CueDesign| x.name == cue.name) {
                return Err(self.errm(
                    c.get_ref().name.span(),
                    msg!("pyro-cue-defined-twice", name = cue.name.as_str()),
                    "second one",
                    Some(msg!("pyro-cue-defined-twice-hint")),
                ));
            }
            cues.push(cue);
        }
        if out.audience.is_none() {
            return Err(self.errm(
                raw.span(),
                msg!("pyro-needs-audience"),
                "these fireworks",
                Some(msg!("pyro-needs-audience-hint")),
            ));
        }
        let script_title = match &p.script_title {
            None => skyshow_pyro::ascii_transliteration(&design.title),
            Some(t) => {
                let title = t.get_ref().trim();
                if title.is_empty() || !title.chars().all(|c| (' '..='~').contains(&c)) {
                    return Err(self.errm(
                        t.span(),
                        msg!("pyro-script-title-ascii"),
                        "this title",
                        Some(msg!(
                            "pyro-script-title-ascii-hint",
                            example = skyshow_pyro::ascii_transliteration(if title.is_empty() {
                                &design.title
                            } else {
                                title
                            })
                        )),
                    ));
                }
                title.to_string()
            }
        };
        let fireworks = Fireworks {
            catalogue,
            front,
            system,
            also_export,
            cues,
            safety,
            script_title,
            firetek_sequences: p.firetek_sequences.as_ref().is_some_and(|f| *f.get_ref()),
            start_s: design.music.as_ref().map_or(0.0, |m| m.offset_s.max(0.0)),
        };
        // Build once without chapters: every error the script can have is found here.
        for system in std::iter::once(&fireworks.system).chain(&fireworks.also_export) {
            PyroScript::build(
                &fireworks.catalogue,
                &fireworks.front,
                system,
                &fireworks.cues,
                &ScriptOptions {
                    start_s: fireworks.start_s,
                    chapters: Vec::new(),
                },
            )
            .map_err(|e| ImportError::from(self.source.pyro_error(&e)))?;
        }
        out.fireworks = Some(fireworks);
        Ok(out)
    }

    fn audience(
        &self,
        line: Option<&Spanned<Vec<[f64; 2]>>>,
        zone: Option<&Spanned<Vec<[f64; 2]>>>,
    ) -> Result<Option<Audience>, ImportError> {
        let points = |v: &Spanned<Vec<[f64; 2]>>, what: &str, min: usize| {
            let pts = v.get_ref();
            if pts.len() < min {
                return Err(self.errm(
                    v.span(),
                    msg!("pyro-audience-too-few", what = what, min = min),
                    "this list",
                    Some(msg!("pyro-audience-too-few-hint")),
                ));
            }
            if pts
                .iter()
                .flatten()
                .any(|x| !x.is_finite() || x.abs() > 10_000.0)
            {
                return Err(self.errm(
                    v.span(),
                    msg!("pyro-audience-out-of-range", what = what),
                    "this list",
                    Some(msg!("show-file-coordinate-out-of-range-hint")),
                ));
            }
            Ok(pts.iter().map(|p| Vec3::new(p[0], p[1], 0.0)).collect())
        };
        match (line, zone) {
            (Some(_), Some(z)) => Err(self.errm(
                z.span(),
                msg!("pyro-audience-line-and-zone"),
                "second one",
                Some(msg!("pyro-audience-line-and-zone-hint")),
            )),
            (Some(l), None) => Ok(Some(Audience::Line(points(l, "line", 2)?))),
            (None, Some(z)) => Ok(Some(Audience::Zone(points(z, "zone", 3)?))),
            (None, None) => Ok(None),
        }
    }

    fn element(&self, e: &Spanned<RawElement>) -> Result<ShowElement, ImportError> {
        let r = e.get_ref();
        let kind = r.kind.get_ref().trim();
        if kind.is_empty() {
            return Err(self.errm(
                r.kind.span(),
                msg!("pyro-element-needs-kind"),
                "empty kind",
                Some(msg!("pyro-element-needs-kind-hint")),
            ));
        }
        let label = r.label.get_ref().trim();
        if label.is_empty() {
            return Err(self.errm(
                r.label.span(),
                msg!("pyro-element-needs-label"),
                "empty label",
                Some(msg!("pyro-element-needs-label-hint")),
            ));
        }
        Ok(ShowElement {
            kind: ElementKind::parse(kind),
            time_s: self.time(&r.time, "time")?,
            label: label.to_string(),
            duration_s: r
                .duration_s
                .as_ref()
                .map(|d| self.num(d, "duration_s", 0.0, 86_400.0, "seconds"))
                .transpose()?,
        })
    }

    fn catalogue(&mut self, p: &RawPyro, read: &mut Reader<'_>) -> Result<Catalogue, ImportError> {
        let mut catalogue = Catalogue::builtin();
        if let Some(file) = &p.catalogue {
            self.source
                .pyro
                .insert("pyro.catalogue".into(), file.span());
            let text = read(file.get_ref())
                .and_then(|b| String::from_utf8(b).map_err(|_| "not UTF-8 text".to_string()))
                .map_err(|why| {
                    self.errm(
                        file.span(),
                        msg!(
                            "pyro-catalogue-unreadable",
                            name = file.get_ref(),
                            why = why.to_string()
                        ),
                        "this file",
                        Some(msg!("show-file-cannot-read-hint")),
                    )
                })?;
            catalogue
                .extend_from_toml(&text, file.get_ref())
                .map_err(|e| self.pyro_at(file.span(), &e))?;
        }
        for sp in &p.product {
            let r = sp.get_ref();
            let part = r.part.get_ref().trim().to_string();
            if part.is_empty() {
                return Err(self.errm(
                    r.part.span(),
                    msg!("pyro-product-needs-part"),
                    "empty",
                    None,
                ));
            }
            self.source.pyro.insert(entry("product", &part), sp.span());
            let kind: ProductKind = r
                .kind
                .get_ref()
                .parse()
                .map_err(|m: String| self.err(r.kind.span(), m, "this kind", None))?;
            let mut product = Product::new(
                part,
                kind,
                *r.calibre_mm.get_ref(),
                *r.prefire_s.get_ref(),
                *r.duration_s.get_ref(),
                r.colour.get_ref().to_lowercase(),
                r.effect.get_ref().clone(),
            );
            if let Some(h) = &r.burst_height_m {
                product.burst_height_m = *h.get_ref();
            }
            if let Some(rad) = &r.burst_radius_m {
                product.burst_radius_m = *rad.get_ref();
            }
            let field_span = |field: &str| match field {
                "calibre_mm" => Some(r.calibre_mm.span()),
                "prefire_s" => Some(r.prefire_s.span()),
                "duration_s" => Some(r.duration_s.span()),
                "colour" => Some(r.colour.span()),
                "effect" => Some(r.effect.span()),
                "burst_height_m" => r.burst_height_m.as_ref().map(Spanned::span),
                "burst_radius_m" => r.burst_radius_m.as_ref().map(Spanned::span),
                _ => None,
            };
            catalogue
                .insert(product)
                .map_err(|e| self.product_error(&e, sp.span(), field_span))?;
        }
        for so in &p.overrides {
            let r = so.get_ref();
            let part = r.part.get_ref().trim().to_string();
            let name = entry("override", &part);
            self.source.pyro.insert(name.clone(), so.span());
            self.source
                .pyro
                .insert(format!("{name}.product"), r.part.span());
            let o = ProductOverride {
                part,
                calibre_mm: r.calibre_mm.as_ref().map(|v| *v.get_ref()),
                prefire_s: r.prefire_s.as_ref().map(|v| *v.get_ref()),
                duration_s: r.duration_s.as_ref().map(|v| *v.get_ref()),
                burst_height_m: r.burst_height_m.as_ref().map(|v| *v.get_ref()),
                burst_radius_m: r.burst_radius_m.as_ref().map(|v| *v.get_ref()),
                colour: r.colour.as_ref().map(|v| v.get_ref().clone()),
                effect: r.effect.as_ref().map(|v| v.get_ref().clone()),
            };
            let field_span = |field: &str| {
                let f = |v: &Option<Spanned<f64>>| v.as_ref().map(Spanned::span);
                match field {
                    "calibre_mm" => f(&r.calibre_mm),
                    "prefire_s" => f(&r.prefire_s),
                    "duration_s" => f(&r.duration_s),
                    "burst_height_m" => f(&r.burst_height_m),
                    "burst_radius_m" => f(&r.burst_radius_m),
                    "colour" => r.colour.as_ref().map(Spanned::span),
                    "effect" => r.effect.as_ref().map(Spanned::span),
                    _ => None,
                }
            };
            catalogue.apply_override(&o, &name).map_err(|e| match e {
                PyroError::UnknownProduct { .. } => self.pyro_at(r.part.span(), &e),
                _ => self.product_error(&e, so.span(), field_span),
            })?;
        }
        Ok(catalogue)
    }

    /// A product error at the field it is about (else the entry).
    fn product_error(
        &self,
        e: &PyroError,
        entry_span: Range<usize>,
        field_span: impl Fn(&str) -> Option<Range<usize>>,
    ) -> ImportError {
        let field = match e {
            PyroError::CalibreOutOfRange { .. } => "calibre_mm",
            PyroError::NegativePrefire { .. } => "prefire_s",
            PyroError::InvalidProduct { field, .. } => field.as_str(),
            _ => "",
        };
        self.pyro_at(field_span(field).unwrap_or(entry_span), e)
    }

    /// A fireworks error at `span`.
    fn pyro_at(&self, span: Range<usize>, e: &PyroError) -> ImportError {
        let (message, help) = split_help(e);
        self.err(span, message, "here", help.as_deref())
    }

    fn front(
        &mut self,
        line: Option<&Spanned<RawFront>>,
        points: &[Spanned<RawPosition>],
        design: &ShowDesign,
    ) -> Result<FiringFront, ImportError> {
        match (line, points.first()) {
            (Some(_), Some(p)) => Err(self.errm(
                p.span(),
                msg!("pyro-front-twice"),
                "here",
                Some(msg!("pyro-front-twice-hint")),
            )),
            (None, None) => Err(self.errm(
                0..0,
                msg!("pyro-needs-front"),
                "in this file",
                Some(msg!("pyro-needs-front-hint")),
            )),
            (Some(f), None) => {
                self.source.pyro.insert("pyro.front".into(), f.span());
                let r = f.get_ref();
                let center = self.vec3(&r.center, "center")?;
                let width = self.num(&r.width_m, "width_m", 0.0, 20_000.0, "metres")?;
                let n = self.count(&r.positions, "positions", 1, 1000)?;
                let prefix = r.prefix.as_ref().map_or("P", |p| p.get_ref().as_str());
                FiringFront::line_facing(prefix, center, width, n, design.audience_azimuth_deg)
                    .map_err(|e| self.pyro_at(f.span(), &e))
            }
            (None, Some(_)) => {
                let mut positions = Vec::with_capacity(points.len());
                for sp in points {
                    let r = sp.get_ref();
                    let name = r.name.get_ref().trim().to_string();
                    if name.is_empty() {
                        return Err(self.errm(
                            r.name.span(),
                            msg!("pyro-position-needs-name"),
                            "empty name",
                            None,
                        ));
                    }
                    if positions.iter().any(|p: &Position| p.name == name) {
                        return Err(self.errm(
                            r.name.span(),
                            msg!("pyro-position-defined-twice", name = name.as_str()),
                            "second one",
                            Some(msg!("pyro-position-defined-twice-hint")),
                        ));
                    }
                    let key = entry("position", &name);
                    self.source.pyro.insert(key.clone(), sp.span());
                    let mut pos = Position::new(name, self.vec3(&r.at, "at")?);
                    if let Some(m) = &r.modules {
                        self.source.pyro.insert(format!("{key}.modules"), m.span());
                        for &k in m.get_ref() {
                            let Ok(k) = u32::try_from(k) else {
                                return Err(self.errm(
                                    m.span(),
                                    msg!("pyro-bad-module", value = k.to_string()),
                                    "these modules",
                                    Some(msg!("pyro-bad-module-hint")),
                                ));
                            };
                            pos.modules.push(k);
                        }
                    }
                    if let Some(racks) = &r.racks {
                        for rack in racks.get_ref() {
                            let ok_calibre = rack.calibre_mm.is_finite()
                                && rack.calibre_mm > 0.0
                                && rack.calibre_mm <= 1000.0;
                            if !ok_calibre || !(1..=10_000).contains(&rack.tubes) {
                                return Err(self.errm(
                                    racks.span(),
                                    msg!(
                                        "pyro-rack-out-of-range",
                                        tubes = rack.tubes.to_string(),
                                        calibre = rack.calibre_mm.to_string()
                                    ),
                                    "these racks",
                                    Some(msg!("pyro-rack-out-of-range-hint")),
                                ));
                            }
                            pos.racks.push(Rack {
                                calibre_mm: rack.calibre_mm,
                                tubes: rack.tubes as usize,
                            });
                        }
                    }
                    positions.push(pos);
                }
                FiringFront::from_positions(positions)
                    .map_err(|e| self.pyro_at(points[0].span(), &e))
            }
        }
    }

    fn systems(&self, p: &RawPyro) -> Result<(FiringSystem, Vec<FiringSystem>), ImportError> {
        let spacing_ms = p
            .min_cue_spacing_s
            .as_ref()
            .map(|s| self.num(s, "min_cue_spacing_s", 0.0, 60.0, "seconds"))
            .transpose()?
            .map(|s| (s * 1000.0).round() as u32);
        let named = |name: &str, span: Range<usize>| {
            let mut s = FiringSystem::from_name(name).map_err(|e| self.pyro_at(span, &e))?;
            if let Some(ms) = spacing_ms {
                s.min_cue_spacing_ms = ms;
            }
            Ok::<_, ImportError>(s)
        };
        let system = match &p.system {
            Some(s) => named(s.get_ref(), s.span())?,
            None => named("cobra", 0..0)?,
        };
        let mut also: Vec<FiringSystem> = Vec::new();
        if let Some(list) = &p.also_export {
            for name in list.get_ref() {
                let s = named(name, list.span())?;
                let family = |k: FiringSystemKind| std::mem::discriminant(&k);
                if s.kind == system.kind || also.iter().any(|a| a.kind == s.kind) {
                    continue;
                }
                if std::iter::once(&system)
                    .chain(&also)
                    .any(|a| family(a.kind) == family(s.kind))
                {
                    return Err(self.errm(
                        list.span(),
                        msg!("pyro-second-script", name = name.to_string()),
                        "this list",
                        Some(msg!("pyro-second-script-hint")),
                    ));
                }
                also.push(s);
            }
        }
        Ok((system, also))
    }

    fn cue(
        &mut self,
        sc: &Spanned<RawCue>,
        front: &FiringFront,
        design: &ShowDesign,
    ) -> Result<CueDesign, ImportError> {
        let r = sc.get_ref();
        let short = r.name.get_ref().trim();
        if short.is_empty() {
            return Err(self.errm(
                r.name.span(),
                msg!("pyro-cue-needs-name"),
                "empty name",
                None,
            ));
        }
        let name = entry("cue", short);
        let spans = [
            ("", Some(sc.span())),
            (".time", Some(r.time.span())),
            (".product", Some(r.product.span())),
            (".positions", r.positions.as_ref().map(Spanned::span)),
            (".chapter", r.chapter.as_ref().map(Spanned::span)),
        ];
        for (field, span) in spans {
            if let Some(span) = span {
                self.source.pyro.insert(format!("{name}{field}"), span);
            }
        }
        let pattern = match &r.pattern {
            Some(p) => p
                .get_ref()
                .parse::<Pattern>()
                .map_err(|m| self.err(p.span(), format!("{name}: {m}"), "this pattern", None))?,
            None => Pattern::AllAtOnce,
        };
        let chapter = match &r.chapter {
            Some(c) => {
                let wanted = c.get_ref().trim();
                if !design.chapters.iter().any(|ch| ch.name == wanted) {
                    let known: Vec<&str> =
                        design.chapters.iter().map(|c| c.name.as_str()).collect();
                    return Err(self.errm(
                        c.span(),
                        msg!("pyro-unknown-chapter", cue = name.as_str(), name = wanted),
                        "this chapter",
                        Some(msg!(
                            "pyro-unknown-chapter-hint",
                            chapters = known.join(", ")
                        )),
                    ));
                }
                Some(wanted.to_string())
            }
            None => None,
        };
        let positions: Vec<String> = r
            .positions
            .as_ref()
            .map(|p| p.get_ref().iter().map(|s| s.trim().to_string()).collect())
            .unwrap_or_default();
        if let Some(bad) = positions.iter().find(|p| front.index_of(p).is_none())
            && let Some(span) = r.positions.as_ref().map(Spanned::span)
        {
            return Err(self.errm(
                span,
                msg!(
                    "pyro-unknown-position",
                    cue = name.as_str(),
                    name = bad.to_string()
                ),
                "these positions",
                Some(msg!(
                    "pyro-unknown-position-hint",
                    positions = front.names_hint()
                )),
            ));
        }
        Ok(CueDesign {
            name,
            effect_s: self.time(&r.time, "time")?,
            product: r.product.get_ref().trim().to_string(),
            positions,
            pattern,
            spacing_s: self.opt_num(&r.spacing_s, "spacing_s", 0.0, 0.0, 60.0, "seconds")?,
            count: r
                .count
                .as_ref()
                .map(|c| self.count(c, "count", 1, 100))
                .transpose()?
                .unwrap_or(1),
            chapter,
        })
    }
}

/// A fireworks error's message and hint (the text after `help: `).
fn split_help(e: &PyroError) -> (String, Option<String>) {
    let text = e.to_string();
    match text.split_once("\nhelp: ") {
        Some((m, h)) => (m.to_string(), Some(h.to_string())),
        None => (text, None),
    }
}

impl SourceMap {
    /// A fireworks error from building the firing script, pointing at the show-file entry
    /// it names (the cue's time, product, positions or chapter where that is the cause).
    pub fn pyro_error(&self, e: &PyroError) -> ShowFileError {
        let owned;
        let (entry_name, field): (&str, &str) = match e {
            PyroError::UnknownProduct { source_name, .. } => (source_name, "product"),
            PyroError::UnknownPosition { cue, .. } => (cue, "positions"),
            PyroError::UnknownChapter { cue, .. } => (cue, "chapter"),
            PyroError::CueBeforeStart { cue, .. } => (cue, "time"),
            PyroError::InvalidCue { cue, .. }
            | PyroError::ModuleOutOfPins { cue, .. }
            | PyroError::OutOfModules { cue, .. }
            | PyroError::NotEnoughTubes { cue, .. } => (cue, ""),
            PyroError::BadModule { position, .. } => {
                owned = entry("position", position);
                (&owned, "modules")
            }
            PyroError::CalibreOutOfRange { part, .. } | PyroError::NegativePrefire { part, .. } => {
                owned = entry("product", part);
                (&owned, "")
            }
            PyroError::InvalidFront { .. } => ("pyro.front", ""),
            _ => ("pyro", ""),
        };
        let span = [
            format!("{entry_name}.{field}"),
            entry_name.to_string(),
            "pyro".into(),
        ]
        .iter()
        .find_map(|k| self.pyro.get(k))
        .cloned()
        .unwrap_or(0..0);
        let (message, help) = split_help(e);
        ShowFileError::new(&self.name, &self.text, span, message, "here", help)
    }

    /// The span of a fireworks entry (`pyro.cue "open"`), if the show file has it.
    pub fn pyro_span(&self, entry_name: &str) -> Option<Range<usize>> {
        self.pyro.get(entry_name).cloned()
    }
}
