//! The fireworks and show-element keys: `[pyro]`, `[pyro.front]`, `[[pyro.position]]`,
//! `[[pyro.product]]`, `[[pyro.override]]`, `[[pyro.cue]]`, `[[element]]` and
//! `[audience] line` / `zone`, lowered into a [`PyroDesign`].
//!
//! The cues are checked here by building the firing script once without chapters (an
//! unknown product, a cue before the music starts, too many cues for a module, … are
//! show-file errors with their span); the CLI builds it again with the planned chapter
//! times and maps any error back through [`SourceMap::pyro_error`].

use super::label::Label;
use skyshow_i18n::msg;
use skyshow_model::ShowDesign;
use skyshow_pyro::{
    Audience, Catalogue, CueDesign, FiringFront, FiringSystem, PyroScript, SafetyOptions,
    ScriptOptions, ShowElement, Timecode,
};
use toml::Spanned;

mod audience;
mod catalogue;
mod cue;
mod front;
mod raw;
mod source_map;

use super::{Cx, RawShow, Reader};
use crate::error::ImportError;
pub(super) use raw::{RawElement, RawPyro};

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
        self.timecode(p, &mut out)?;
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
        let safety = self.safety(p)?;
        let cues = self.pyro_cues(p, &front, design)?;
        if out.audience.is_none() {
            return Err(self.err(
                raw.span(),
                msg!("pyro-needs-audience"),
                Label::Fireworks,
                Some(msg!("pyro-needs-audience-hint")),
            ));
        }
        let fireworks = Fireworks {
            catalogue,
            front,
            system,
            also_export,
            cues,
            safety,
            script_title: self.script_title(p, design)?,
            firetek_sequences: p.firetek_sequences.as_ref().is_some_and(|f| *f.get_ref()),
            start_s: design.music.as_ref().map_or(0.0, |m| m.offset_s.max(0.0)),
        };
        self.check_script(&fireworks)?;
        out.fireworks = Some(fireworks);
        Ok(out)
    }

    /// `pyro.timecode_fps` and `pyro.ltc`.
    fn timecode(&self, p: &RawPyro, out: &mut PyroDesign) -> Result<(), ImportError> {
        if let Some(f) = &p.timecode_fps {
            let fps = *f.get_ref();
            if u32::try_from(fps).map_or(true, |v| Timecode::check_fps(v).is_err()) {
                return Err(self.err(
                    f.span(),
                    msg!("pyro-timecode-fps", value = fps),
                    Label::Value,
                    Some(msg!("pyro-timecode-fps-hint")),
                ));
            }
            out.timecode_fps = fps as u32;
        }
        if let Some(l) = &p.ltc {
            out.ltc = *l.get_ref();
            if out.ltc && out.timecode_fps == 24 {
                return Err(self.err(
                    l.span(),
                    msg!("pyro-ltc-fps"),
                    Label::Here,
                    Some(msg!("pyro-ltc-fps-hint")),
                ));
            }
        }
        Ok(())
    }

    /// `pyro.spectator_m_per_mm` and `pyro.airspace_margin_m`.
    fn safety(&self, p: &RawPyro) -> Result<SafetyOptions, ImportError> {
        let d = SafetyOptions::default();
        Ok(SafetyOptions {
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
        })
    }

    /// `pyro.script_title`, printable ASCII (default: the show's title transliterated).
    fn script_title(&self, p: &RawPyro, design: &ShowDesign) -> Result<String, ImportError> {
        let Some(t) = &p.script_title else {
            return Ok(skyshow_pyro::ascii_transliteration(&design.title));
        };
        let title = t.get_ref().trim();
        if title.is_empty() || !title.chars().all(|c| (' '..='~').contains(&c)) {
            let example = if title.is_empty() {
                &design.title
            } else {
                title
            };
            return Err(self.err(
                t.span(),
                msg!("pyro-script-title-ascii"),
                Label::Title,
                Some(msg!(
                    "pyro-script-title-ascii-hint",
                    example = skyshow_pyro::ascii_transliteration(example)
                )),
            ));
        }
        Ok(title.to_string())
    }

    /// Builds the script once without chapters: every error it can have is found here.
    fn check_script(&self, fireworks: &Fireworks) -> Result<(), ImportError> {
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
        Ok(())
    }
}
