//! The fleet and its takeoff grid: how many drones, where each one stands.

use super::label::Label;
use skyshow_i18n::msg;
use skyshow_model::{Fleet, Limits, TakeoffGrid, Vec3};

use super::raw::RawFleet;
use super::{Cx, MAX_DRONES};
use crate::error::ImportError;

impl Cx<'_> {
    pub(super) fn fleet(&self, f: &RawFleet, limits: &Limits) -> Result<Fleet, ImportError> {
        let drones = self.count(&f.drones, "drones", 1, MAX_DRONES)?;
        let g = f.grid.get_ref();
        let rows = self.count(&g.rows, "rows", 1, MAX_DRONES)?;
        let columns = self.count(&g.columns, "columns", 1, MAX_DRONES)?;
        if rows * columns < drones {
            return Err(self.err(
                f.grid.span(),
                msg!(
                    "fleet-grid-too-small",
                    slots = rows * columns,
                    drones = drones
                ),
                Label::Grid,
                Some(msg!(
                    "fleet-grid-too-small-hint",
                    drones = drones,
                    rows = (drones as f64).sqrt().ceil() as usize,
                    columns = drones.div_ceil((drones as f64).sqrt().ceil() as usize)
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
                msg!(
                    "fleet-slots-too-close",
                    spacing = min_sp,
                    limit = limits.takeoff_spacing_m
                ),
                Label::Grid,
                Some(msg!("fleet-slots-too-close-hint")),
            ));
        }
        let center = match &g.center {
            Some(c) => {
                let a = *c.get_ref();
                if a.iter().any(|x| !x.is_finite() || x.abs() > 10_000.0) {
                    return Err(self.err(
                        c.span(),
                        msg!("show-file-coordinate-out-of-range", key = "center"),
                        Label::Value,
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
}
