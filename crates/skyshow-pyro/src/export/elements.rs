//! The cue list of the other show elements, with SMPTE timecode.

use crate::text::{Lines, csv_field, num};
use crate::{PyroError, ShowElement, Timecode};
use skyshow_i18n::msg;

/// Columns of [`element_cue_list_csv`].
pub const ELEMENT_COLUMNS: [&str; 6] = ["Cue", "Kind", "Time s", "Timecode", "Duration s", "Label"];

/// The element cue list: UTF-8 (no BOM), comma, CRLF; one row per element sorted by time,
/// then kind, then label; `Timecode` is SMPTE `HH:MM:SS:FF` (non-drop) at `fps` (24, 25
/// or 30) of the frame containing the time. Errors on a bad frame rate or a negative or
/// non-finite time.
pub fn element_cue_list_csv(elements: &[ShowElement], fps: u32) -> Result<Vec<u8>, PyroError> {
    Timecode::check_fps(fps)?;
    for e in elements {
        if !(e.time_s.is_finite() && e.time_s >= 0.0) {
            return Err(PyroError::InvalidElement {
                label: e.label.clone(),
                message: msg!("pyro-element-time", time = e.time_s),
                hint: msg!("pyro-element-time-hint"),
            });
        }
    }
    let mut sorted: Vec<&ShowElement> = elements.iter().collect();
    sorted.sort_by(|a, b| {
        a.time_s
            .total_cmp(&b.time_s)
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.label.cmp(&b.label))
    });
    let mut out = Lines::new("\r\n");
    out.row(&ELEMENT_COLUMNS, ',');
    for (i, e) in sorted.iter().enumerate() {
        let row = [
            (i + 1).to_string(),
            e.kind.to_string(),
            num(e.time_s),
            Timecode::from_seconds(e.time_s, fps).to_string(),
            e.duration_s.map(num).unwrap_or_default(),
            e.label.clone(),
        ];
        let row: Vec<String> = row.iter().map(|f| csv_field(f, ',')).collect();
        out.row(&row, ',');
    }
    Ok(out.into_bytes())
}
