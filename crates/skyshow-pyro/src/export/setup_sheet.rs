//! Setup sheets: what goes where, per position (CSV and HTML).

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::text::{Lines, csv_field, decimals_for, num, seconds};
use crate::{Cue, ProductKind, PyroScript};

/// Columns of [`setup_sheet_csv`].
pub const SETUP_SHEET_COLUMNS: [&str; 13] = [
    "Position",
    "Module",
    "Pin",
    "Part",
    "Kind",
    "Calibre mm",
    "Colour",
    "Effect",
    "Ignition s",
    "Prefire s",
    "Effect s",
    "Track",
    "Cue",
];

fn by_position(script: &PyroScript) -> Vec<Vec<&Cue>> {
    let mut groups: Vec<Vec<&Cue>> = vec![Vec::new(); script.front.len()];
    for c in &script.cues {
        groups[c.position].push(c);
    }
    for g in &mut groups {
        g.sort_by_key(|c| (c.module, c.pin, c.ignition_ms));
    }
    groups
}

/// The setup sheet as CSV: UTF-8, comma, CRLF; one row per device, grouped by position
/// (front order), then module and pin.
pub fn setup_sheet_csv(script: &PyroScript) -> Vec<u8> {
    let dec = decimals_for(script.system.resolution_ms);
    let mut out = Lines::new("\r\n");
    out.row(&SETUP_SHEET_COLUMNS, ',');
    for (pi, cues) in by_position(script).iter().enumerate() {
        let pos = &script.front.positions[pi];
        for c in cues {
            let p = &c.product;
            let row = [
                pos.name.clone(),
                c.module.to_string(),
                c.pin.to_string(),
                p.part.clone(),
                p.kind.to_string(),
                num(p.calibre_mm),
                p.colour.clone(),
                p.effect.clone(),
                seconds(c.ignition_ms, dec),
                num(p.prefire_s),
                seconds(c.effect_ms, 3),
                c.track.to_string(),
                c.source.clone(),
            ];
            let row: Vec<String> = row.iter().map(|f| csv_field(f, ',')).collect();
            out.row(&row, ',');
        }
    }
    out.into_bytes()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The setup sheet as a self-contained printable HTML page: per position its place,
/// modules, the mortars it needs per calibre, and a table of its devices.
pub fn setup_sheet_html(script: &PyroScript, title: &str) -> Vec<u8> {
    let dec = decimals_for(script.system.resolution_ms);
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{t} — setup sheet</title>\n<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse;margin-bottom:1em}}td,th{{border:1px solid #999;padding:2px 6px;text-align:left}}section{{page-break-after:always}}</style></head><body>\n<h1>{t} — setup sheet</h1>\n<p>{n} positions, {c} devices, front {w} m wide.</p>\n",
        t = esc(title),
        n = script.front.len(),
        c = script.cues.len(),
        w = num(script.front.width_m()),
    );
    for (pi, cues) in by_position(script).iter().enumerate() {
        let pos = &script.front.positions[pi];
        let mut modules: Vec<u32> = cues.iter().map(|c| c.module).collect();
        modules.dedup();
        let mut mortars: BTreeMap<i64, usize> = BTreeMap::new();
        for c in cues.iter().filter(|c| c.product.kind == ProductKind::Shell) {
            *mortars
                .entry(c.product.calibre_mm.round() as i64)
                .or_default() += 1;
        }
        let mortars: Vec<String> = mortars
            .iter()
            .map(|(k, n)| format!("{n} × {k} mm"))
            .collect();
        let _ = write!(
            h,
            "<section><h2>Position {name}</h2>\n<p>At x {x} m, y {y} m, z {z} m. Modules: {m}. Mortars: {mo}.</p>\n<table><tr><th>Module</th><th>Pin</th><th>Part</th><th>Effect</th><th>Calibre</th><th>Ignition s</th><th>Cue</th></tr>\n",
            name = esc(&pos.name),
            x = num(pos.at.x),
            y = num(pos.at.y),
            z = num(pos.at.z),
            m = if modules.is_empty() {
                "none".into()
            } else {
                modules
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            mo = if mortars.is_empty() {
                "none".into()
            } else {
                mortars.join(", ")
            },
        );
        for c in cues {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} mm</td><td>{}</td><td>{}</td></tr>",
                c.module,
                c.pin,
                esc(&c.product.part),
                esc(&c.product.effect),
                num(c.product.calibre_mm),
                seconds(c.ignition_ms, dec),
                esc(&c.source),
            );
        }
        h.push_str("</table></section>\n");
    }
    h.push_str("</body></html>\n");
    h.into_bytes()
}
