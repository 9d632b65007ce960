//! Setup sheets: what goes where, per position (CSV and HTML).

use std::collections::BTreeMap;
use std::fmt::Write;

use skyshow_i18n::{Lang, Message, msg};

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

/// The page's font stack: the system's sans-serif, then the common CJK system fonts.
const FONTS: &str = r#"system-ui,"Noto Sans","Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif"#;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The setup sheet as a self-contained printable HTML page in `lang`: per position its
/// place, modules, the mortars it needs per calibre, and a table of its devices. Its font
/// stack names the common CJK system fonts, so Chinese prints on any system.
pub fn setup_sheet_html(script: &PyroScript, title: &str, lang: Lang) -> Vec<u8> {
    let dec = decimals_for(script.system.resolution_ms);
    let t = |m: Message| esc(&m.render(lang));
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\"><title>{head}</title>\n<style>body{{font-family:{FONTS};margin:2em}}table{{border-collapse:collapse;margin-bottom:1em}}td,th{{border:1px solid #999;padding:2px 6px;text-align:left}}section{{page-break-after:always}}</style></head><body>\n<h1>{head}</h1>\n<p>{summary}</p>\n",
        code = lang.tag(),
        head = t(msg!("setup-sheet-title", title = title)),
        summary = t(msg!(
            "setup-sheet-summary",
            positions = script.front.len(),
            devices = script.cues.len(),
            width = num(script.front.width_m())
        )),
    );
    let columns: Vec<String> = [
        "setup-sheet-module",
        "setup-sheet-pin",
        "setup-sheet-part",
        "setup-sheet-effect",
        "setup-sheet-calibre",
        "setup-sheet-ignition",
        "setup-sheet-cue",
    ]
    .iter()
    .map(|id| format!("<th>{}</th>", t(Message::new(id))))
    .collect();
    let none = || msg!("setup-sheet-none").render(lang);
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
        let modules = if modules.is_empty() {
            none()
        } else {
            let list: Vec<String> = modules.iter().map(u32::to_string).collect();
            list.join(", ")
        };
        let mortars = if mortars.is_empty() {
            none()
        } else {
            mortars.join(", ")
        };
        let _ = write!(
            h,
            "<section><h2>{name}</h2>\n<p>{place}</p>\n<table><tr>{cols}</tr>\n",
            name = t(msg!("setup-sheet-position", name = pos.name.as_str())),
            place = t(msg!(
                "setup-sheet-place",
                x = num(pos.at.x),
                y = num(pos.at.y),
                z = num(pos.at.z),
                modules = modules,
                mortars = mortars
            )),
            cols = columns.concat(),
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
