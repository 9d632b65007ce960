//! The firing front: `[pyro.front]` or `[[pyro.position]]`.

use crate::show_file::label::Label;
use skyshow_i18n::msg;
use skyshow_model::ShowDesign;
use skyshow_pyro::{FiringFront, Position, Rack};
use toml::Spanned;

use super::super::Cx;
use super::entry;
use super::raw::{RawFront, RawPosition};
use crate::error::ImportError;

impl Cx<'_> {
    pub(super) fn front(
        &mut self,
        line: Option<&Spanned<RawFront>>,
        points: &[Spanned<RawPosition>],
        design: &ShowDesign,
    ) -> Result<FiringFront, ImportError> {
        match (line, points.first()) {
            (Some(_), Some(p)) => Err(self.err(
                p.span(),
                msg!("pyro-front-twice"),
                Label::Here,
                Some(msg!("pyro-front-twice-hint")),
            )),
            (None, None) => Err(self.err(
                0..0,
                msg!("pyro-needs-front"),
                Label::InFile,
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
                    let pos = self.position(sp, &positions)?;
                    positions.push(pos);
                }
                FiringFront::from_positions(positions)
                    .map_err(|e| self.pyro_at(points[0].span(), &e))
            }
        }
    }

    /// One `[[pyro.position]]`, its name not among `earlier`'s.
    fn position(
        &mut self,
        sp: &Spanned<RawPosition>,
        earlier: &[Position],
    ) -> Result<Position, ImportError> {
        let r = sp.get_ref();
        let name = r.name.get_ref().trim().to_string();
        if name.is_empty() {
            return Err(self.err(
                r.name.span(),
                msg!("pyro-position-needs-name"),
                Label::EmptyName,
                None,
            ));
        }
        if earlier.iter().any(|p| p.name == name) {
            return Err(self.err(
                r.name.span(),
                msg!("pyro-position-defined-twice", name = name.as_str()),
                Label::SecondOne,
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
                    return Err(self.err(
                        m.span(),
                        msg!("pyro-bad-module", value = k.to_string()),
                        Label::Modules,
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
                    return Err(self.err(
                        racks.span(),
                        msg!(
                            "pyro-rack-out-of-range",
                            tubes = rack.tubes.to_string(),
                            calibre = rack.calibre_mm.to_string()
                        ),
                        Label::Racks,
                        Some(msg!("pyro-rack-out-of-range-hint")),
                    ));
                }
                pos.racks.push(Rack {
                    calibre_mm: rack.calibre_mm,
                    tubes: rack.tubes as usize,
                });
            }
        }
        Ok(pos)
    }
}
