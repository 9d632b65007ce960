//! fireTEK `script.csv` (firmware 7.x script: two header rows, 12 columns).

use crate::text::{Lines, ascii};
use crate::{FiringSystemKind, PyroError, PyroScript};
use skyshow_i18n::msg;

/// Settings for [`firetek_csv`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FireTekOptions {
    /// Project name on the first header row (shown on the modules); ASCII. Default empty
    /// (`skyshow`).
    pub project: String,
    /// Put each track (chapter) in its own fireTEK sequence (numbered from 1, fired
    /// separately) instead of all in sequence 0 (the show). Default false.
    pub tracks_as_sequences: bool,
}

/// fireTEK's column header row.
pub const FIRETEK_COLUMNS: &str = "Module ID,Rail,Channel,Time,Sequence,DMX Value,RampX,Duration or Rate,Position,SafetyZone,Channel Name,Sequence Name";

/// `script.csv` for a script built for [`crate::FiringSystem::firetek`]: ASCII, comma,
/// CRLF. Row one `##<project>,,,,,,,,,,,`, row two the column names, then one row per
/// device: module, rail 1, channel (pin), ignition time in ms, sequence, DMX fields 0,
/// position number (from 1), safety zone 0, channel name (effect; commas become spaces),
/// sequence name. Sorted by module, sequence, ignition time, channel.
pub fn firetek_csv(script: &PyroScript, options: &FireTekOptions) -> Result<Vec<u8>, PyroError> {
    if script.system.kind != FiringSystemKind::FireTek {
        return Err(PyroError::InvalidOption {
            what: skyshow_i18n::Message::verbatim("fireTEK script.csv"),
            message: msg!("pyro-firetek-not-addressed"),
            hint: msg!("pyro-firetek-not-addressed-hint"),
        });
    }
    let clean = |s: &str| ascii(s).replace([',', '"'], " ");
    let project = if options.project.is_empty() {
        "skyshow".to_string()
    } else {
        clean(&options.project)
    };
    let mut out = Lines::new("\r\n");
    out.line(&format!("##{project},,,,,,,,,,,"));
    out.line(FIRETEK_COLUMNS);
    let seq = |track: u32| {
        if options.tracks_as_sequences {
            track
        } else {
            0
        }
    };
    let mut cues: Vec<_> = script.cues.iter().collect();
    cues.sort_by_key(|c| (c.module, seq(c.track), c.ignition_ms, c.pin));
    for c in cues {
        let s = seq(c.track);
        let seq_name = if s == 0 {
            "Show".to_string()
        } else {
            let name = clean(&c.chapter);
            if name.trim_matches(['?', ' ']).is_empty() {
                format!("Track {s}")
            } else {
                name
            }
        };
        out.row(
            &[
                c.module.to_string(),
                "1".into(),
                c.pin.to_string(),
                c.ignition_ms.to_string(),
                s.to_string(),
                "0".into(),
                "0".into(),
                "0".into(),
                (c.position + 1).to_string(),
                "0".into(),
                clean(&c.product.effect),
                seq_name,
            ],
            ',',
        );
    }
    Ok(out.into_bytes())
}
