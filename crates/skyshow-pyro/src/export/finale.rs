//! The Finale-3D-style generic CSV ("full show export" columns).

use crate::text::{Lines, csv_field, decimals_for, num, seconds};
use crate::{ProductKind, PyroScript};

/// The row type of the header row of Finale 3D's generic CSV (first column).
pub const FINALE_HEADER_ROW: &str = "FIRING_HEADER_ROW";
/// The row type of each data row (first column).
pub const FINALE_DATA_ROW: &str = "FIRING_DATA_ROW";

/// The column names of Finale 3D's generic CSV, after the row-type column, as Finale
/// documents them.
pub const FINALE_COLUMNS: [&str; 28] = [
    "Time Cue Number",
    "Ignition Event Time",
    "Number Of Devices",
    "Duration",
    "Coordinates",
    "Chain Identifier",
    "Lockout Identifier",
    "Device Delay",
    "Prefire Delay",
    "Effect Name",
    "Caliber",
    "Category",
    "Angles",
    "Position Name",
    "Animation Description",
    "Module Description",
    "Module Address",
    "Slat Address",
    "Pin Address",
    "Firing Notes",
    "Product ID",
    "Manufacturer Product ID",
    "Animation ID",
    "Location Primary",
    "Location Secondary",
    "Price Per Device",
    "Mortar Caliber",
    "Track Identifier",
];

/// The generic CSV ("full show export" layout): UTF-8 (no BOM), comma-separated, CRLF,
/// one `FIRING_HEADER_ROW` then one `FIRING_DATA_ROW` per device in script order
/// (ignition time, module, pin); the row type is the first column. Times are seconds with
/// as many decimals as the system's resolution needs; `Firing Notes` is the cue's
/// show-file entry; `Track Identifier` the chapter (or track number). `Coordinates` is
/// `X Y Z 0 0 0` in Finale's frame (Y up, Z towards the viewer), the same mapping as
/// `show.vviz`: a show point `(x, y, z)` (z up) is `x z −y`, so a ground position lies on
/// Finale's ground plane.
pub fn finale_csv(script: &PyroScript) -> Vec<u8> {
    let dec = decimals_for(script.system.resolution_ms);
    let mut out = Lines::new("\r\n");
    let mut header = vec![FINALE_HEADER_ROW];
    header.extend(FINALE_COLUMNS);
    out.row(&header, ',');
    for (i, c) in script.cues.iter().enumerate() {
        let p = &c.product;
        let pos = &script.front.positions[c.position];
        let track = if c.chapter.is_empty() {
            c.track.to_string()
        } else {
            c.chapter.clone()
        };
        let row = [
            FINALE_DATA_ROW.to_string(),
            (i + 1).to_string(),
            seconds(c.ignition_ms, dec),
            "1".into(),
            num(p.duration_s),
            format!(
                "{} {} {} 0 0 0",
                num(pos.at.x),
                num(pos.at.z),
                num(0.0 - pos.at.y)
            ),
            String::new(),
            String::new(),
            "0".into(),
            num(p.prefire_s),
            p.effect.clone(),
            format!("{}mm", num(p.calibre_mm)),
            p.kind.to_string(),
            "0 0 0".into(),
            pos.name.clone(),
            format!(
                "{}mm {} PFT {}",
                num(p.calibre_mm),
                num(p.prefire_s),
                p.effect
            ),
            String::new(),
            c.module.to_string(),
            String::new(),
            c.pin.to_string(),
            c.source.clone(),
            p.part.clone(),
            p.part.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            if p.kind == ProductKind::Shell {
                num(p.calibre_mm)
            } else {
                String::new()
            },
            track,
        ];
        let row: Vec<String> = row.iter().map(|f| csv_field(f, ',')).collect();
        out.row(&row, ',');
    }
    out.into_bytes()
}
