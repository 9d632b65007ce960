//! The firing systems (`pyro.system`, `pyro.also_export`) and `[[pyro.cue]]`.

use crate::show_file::label::Label;
use std::ops::Range;

use skyshow_i18n::msg;
use skyshow_model::ShowDesign;
use skyshow_pyro::{CueDesign, FiringFront, FiringSystem, FiringSystemKind, Pattern};
use toml::Spanned;

use super::super::Cx;
use super::entry;
use super::raw::{RawCue, RawPyro};
use crate::error::ImportError;

impl Cx<'_> {
    /// The `[[pyro.cue]]` entries, each name once.
    pub(super) fn pyro_cues(
        &mut self,
        p: &RawPyro,
        front: &FiringFront,
        design: &ShowDesign,
    ) -> Result<Vec<CueDesign>, ImportError> {
        let mut cues = Vec::with_capacity(p.cue.len());
        for c in &p.cue {
            let cue = self.cue(c, front, design)?;
            if cues.iter().any(|x: &CueDesign| x.name == cue.name) {
                return Err(self.err(
                    c.get_ref().name.span(),
                    msg!("pyro-cue-defined-twice", name = cue.name.as_str()),
                    Label::SecondOne,
                    Some(msg!("pyro-cue-defined-twice-hint")),
                ));
            }
            cues.push(cue);
        }
        Ok(cues)
    }

    pub(super) fn systems(
        &self,
        p: &RawPyro,
    ) -> Result<(FiringSystem, Vec<FiringSystem>), ImportError> {
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
                    return Err(self.err(
                        list.span(),
                        msg!("pyro-second-script", name = name.to_string()),
                        Label::List,
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
            return Err(self.err(
                r.name.span(),
                msg!("pyro-cue-needs-name"),
                Label::EmptyName,
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
            Some(p) => p.get_ref().parse::<Pattern>().map_err(|m| {
                self.err(
                    p.span(),
                    msg!("pyro-err-at", what = name.as_str(), why = m),
                    Label::Pattern,
                    None,
                )
            })?,
            None => Pattern::AllAtOnce,
        };
        let chapter = self.cue_chapter(r, &name, design)?;
        let positions = self.cue_positions(r, &name, front)?;
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

    /// The cue's `chapter`, which must name a chapter of the show.
    fn cue_chapter(
        &self,
        r: &RawCue,
        name: &str,
        design: &ShowDesign,
    ) -> Result<Option<String>, ImportError> {
        Ok(match &r.chapter {
            Some(c) => {
                let wanted = c.get_ref().trim();
                if !design.chapters.iter().any(|ch| ch.name == wanted) {
                    let known: Vec<&str> =
                        design.chapters.iter().map(|c| c.name.as_str()).collect();
                    return Err(self.err(
                        c.span(),
                        msg!("pyro-unknown-chapter", cue = name, name = wanted),
                        Label::Chapter,
                        Some(msg!(
                            "pyro-unknown-chapter-hint",
                            chapters = known.join(", ")
                        )),
                    ));
                }
                Some(wanted.to_string())
            }
            None => None,
        })
    }

    /// The cue's `positions`, each a position of the firing front.
    fn cue_positions(
        &self,
        r: &RawCue,
        name: &str,
        front: &FiringFront,
    ) -> Result<Vec<String>, ImportError> {
        let positions: Vec<String> = r
            .positions
            .as_ref()
            .map(|p| p.get_ref().iter().map(|s| s.trim().to_string()).collect())
            .unwrap_or_default();
        if let Some(bad) = positions.iter().find(|p| front.index_of(p).is_none())
            && let Some(span) = r.positions.as_ref().map(Spanned::span)
        {
            return Err(self.err(
                span,
                msg!("pyro-unknown-position", cue = name, name = bad.to_string()),
                Label::Positions,
                Some(msg!(
                    "pyro-unknown-position-hint",
                    positions = front.names_hint()
                )),
            ));
        }
        Ok(positions)
    }
}
