//! `PyroScript`: the designed cues expanded, timed and addressed for one firing system.

use skyshow_i18n::msg;
use std::collections::BTreeMap;

use crate::addressing::address;
use crate::{
    Catalogue, Cue, CueDesign, FiringFront, FiringSystem, ProductKind, PyroError, ScriptOptions,
};

/// Figures for the report's `pyro` section.
#[derive(Clone, Debug, PartialEq)]
pub struct PyroSummary {
    /// Number of cues (devices fired).
    pub cues: usize,
    /// Number of positions in the front.
    pub positions: usize,
    /// Width of the front, m.
    pub front_width_m: f64,
    /// Colour names fired, sorted.
    pub colours: Vec<String>,
    /// First ignition, s (0 with no cues).
    pub first_ignition_s: f64,
    /// End of the last effect, s (0 with no cues).
    pub last_effect_end_s: f64,
}

/// The firing script: every device fired, with ignition time, module and pin, sorted by
/// ignition time, then module, then pin.
#[derive(Clone, Debug, PartialEq)]
pub struct PyroScript {
    /// The firing system it is addressed for.
    pub system: FiringSystem,
    /// The firing front.
    pub front: FiringFront,
    /// The cues, by ignition time, module, pin.
    pub cues: Vec<Cue>,
    /// Track names, track `k` at index `k − 1` (empty when no chapters were given).
    pub tracks: Vec<String>,
}

impl PyroScript {
    /// Expands the designed cues into per-position cues (pattern and count), computes
    /// ignition = effect − prefire at the system's resolution, and addresses them.
    ///
    /// Errors: an unknown product, position or chapter; a bad time, spacing or count; an
    /// ignition before `options.start_s`; a position running out of pins or the system
    /// out of modules; shells that do not fit a position's declared racks.
    pub fn build(
        catalogue: &Catalogue,
        front: &FiringFront,
        system: &FiringSystem,
        designs: &[CueDesign],
        options: &ScriptOptions,
    ) -> Result<PyroScript, PyroError> {
        system.validate()?;
        if front.is_empty() {
            return Err(PyroError::InvalidFront {
                message: msg!("pyro-front-empty"),
                hint: msg!("pyro-front-empty-hint"),
            });
        }
        let mut cues = Vec::new();
        for d in designs {
            expand(d, catalogue, front, system, options, &mut cues)?;
        }
        address(&mut cues, front, system)?;
        check_racks(&cues, front)?;
        cues.sort_by(|a, b| {
            (a.ignition_ms, a.module, a.pin).cmp(&(b.ignition_ms, b.module, b.pin))
        });
        Ok(PyroScript {
            system: system.clone(),
            front: front.clone(),
            cues,
            tracks: options.chapters.iter().map(|c| c.name.clone()).collect(),
        })
    }

    /// The figures for the report.
    pub fn summary(&self) -> PyroSummary {
        let mut colours: Vec<String> = self.cues.iter().map(|c| c.product.colour.clone()).collect();
        colours.sort();
        colours.dedup();
        PyroSummary {
            cues: self.cues.len(),
            positions: self.front.len(),
            front_width_m: self.front.width_m(),
            colours,
            first_ignition_s: self.cues.first().map_or(0.0, Cue::ignition_s),
            last_effect_end_s: self.cues.iter().map(Cue::end_s).fold(0.0, f64::max),
        }
    }

    /// The name of a cue's position.
    pub fn position_name(&self, cue: &Cue) -> &str {
        &self.front.positions[cue.position].name
    }
}

/// Appends the cues of design `d` to `out`: at each selected position its pattern fires,
/// `count` cues at the step's effect time, ignited `prefire_s` before it.
fn expand(
    d: &CueDesign,
    catalogue: &Catalogue,
    front: &FiringFront,
    system: &FiringSystem,
    options: &ScriptOptions,
    out: &mut Vec<Cue>,
) -> Result<(), PyroError> {
    check_design(d)?;
    let product = catalogue.get(&d.product, &d.name)?;
    let selected = selected_positions(d, front)?;
    let (track, chapter) = track_of(d, options)?;
    let steps = d.pattern.steps(selected.len());
    for (&pi, step) in selected.iter().zip(steps) {
        let Some(step) = step else { continue };
        let effect_s = d.effect_s + step as f64 * d.spacing_s;
        let ignition_s = effect_s - product.prefire_s;
        if ignition_s < options.start_s - 1e-9 {
            return Err(PyroError::CueBeforeStart {
                cue: d.name.clone(),
                position: front.positions[pi].name.clone(),
                effect_s,
                prefire_s: product.prefire_s,
                ignition_s,
                start_s: options.start_s,
                earliest_s: options.start_s + product.prefire_s + (effect_s - d.effect_s),
            });
        }
        for _ in 0..d.count {
            out.push(Cue {
                source: d.name.clone(),
                position: pi,
                product: product.clone(),
                effect_ms: (effect_s * 1000.0).round() as i64,
                ignition_ms: system.quantise_ms(ignition_s),
                module: 0,
                pin: 0,
                track,
                chapter: chapter.clone(),
            });
        }
    }
    Ok(())
}

/// A cue's own numbers: a finite effect time, a spacing ≥ 0, a count ≥ 1, not every 0th.
fn check_design(d: &CueDesign) -> Result<(), PyroError> {
    let invalid = |message, hint| PyroError::InvalidCue {
        cue: d.name.clone(),
        message,
        hint,
    };
    if !d.effect_s.is_finite() {
        return Err(invalid(
            msg!("pyro-cue-effect-nan", time = d.effect_s),
            msg!("pyro-cue-effect-nan-hint"),
        ));
    }
    if !(d.spacing_s.is_finite() && d.spacing_s >= 0.0) {
        return Err(invalid(
            msg!("pyro-cue-spacing", spacing = d.spacing_s),
            msg!("pyro-cue-spacing-hint"),
        ));
    }
    if d.count == 0 {
        return Err(invalid(msg!("pyro-cue-count"), msg!("pyro-cue-count-hint")));
    }
    if let crate::Pattern::EveryNth(0) = d.pattern {
        return Err(invalid(
            msg!("pyro-cue-every-0"),
            msg!("pyro-cue-every-0-hint"),
        ));
    }
    Ok(())
}

/// The positions a cue fires from (all when it names none), in front order, each once.
fn selected_positions(d: &CueDesign, front: &FiringFront) -> Result<Vec<usize>, PyroError> {
    let mut selected: Vec<usize> = if d.positions.is_empty() {
        (0..front.len()).collect()
    } else {
        d.positions
            .iter()
            .map(|n| {
                front.index_of(n).ok_or_else(|| PyroError::UnknownPosition {
                    cue: d.name.clone(),
                    position: n.clone(),
                    known: front.names_hint(),
                })
            })
            .collect::<Result<_, _>>()?
    };
    selected.sort_unstable();
    selected.dedup();
    Ok(selected)
}

fn track_of(d: &CueDesign, options: &ScriptOptions) -> Result<(u32, String), PyroError> {
    let chapters = &options.chapters;
    if chapters.is_empty() {
        return Ok((1, String::new()));
    }
    let i = match &d.chapter {
        Some(name) => chapters
            .iter()
            .position(|c| &c.name == name)
            .ok_or_else(|| PyroError::UnknownChapter {
                cue: d.name.clone(),
                chapter: name.clone(),
                known: chapters
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })?,
        None => chapters
            .iter()
            .rposition(|c| c.start_s <= d.effect_s + 1e-9)
            .unwrap_or(0),
    };
    Ok((i as u32 + 1, chapters[i].name.clone()))
}

fn check_racks(cues: &[Cue], front: &FiringFront) -> Result<(), PyroError> {
    // (position, calibre in 0.1 mm) → cues in firing order.
    let mut shells: BTreeMap<(usize, i64), Vec<&Cue>> = BTreeMap::new();
    for c in cues.iter().filter(|c| c.product.kind == ProductKind::Shell) {
        if !front.positions[c.position].racks.is_empty() {
            let key = (c.position, (c.product.calibre_mm * 10.0).round() as i64);
            shells.entry(key).or_default().push(c);
        }
    }
    for ((pi, _), mut list) in shells {
        let pos = &front.positions[pi];
        let calibre_mm = list[0].product.calibre_mm;
        let tubes = pos.tubes_of(calibre_mm);
        if list.len() > tubes {
            list.sort_by_key(|c| (c.ignition_ms, c.module, c.pin));
            return Err(PyroError::NotEnoughTubes {
                cue: list[tubes].source.clone(),
                position: pos.name.clone(),
                calibre_mm,
                needed: list.len(),
                tubes,
            });
        }
    }
    Ok(())
}
