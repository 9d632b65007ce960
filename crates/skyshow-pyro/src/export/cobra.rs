//! COBRA `cobra.csv`.

use crate::text::{Lines, ascii, csv_field};
use crate::{FiringSystemKind, PyroError, PyroScript};
use skyshow_i18n::msg;

/// The script header row of a `cobra.csv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CobraOptions {
    /// Trigger channel (the controller's own channel, 0–99; 0–199 from firmware 6).
    /// Default 0.
    pub trigger_channel: u32,
    /// Trigger button (1–18). Default 1.
    pub trigger_button: u32,
    /// Return channel. Default 0.
    pub return_channel: u32,
    /// Script name (header column F), printable ASCII (other characters are
    /// transliterated); empty leaves it out. Default empty.
    pub script_name: String,
}

impl Default for CobraOptions {
    fn default() -> Self {
        CobraOptions {
            trigger_channel: 0,
            trigger_button: 1,
            return_channel: 0,
            script_name: String::new(),
        }
    }
}

/// `cobra.csv` for a script built for [`crate::FiringSystem::cobra`]: ASCII, comma, CRLF.
/// First the script header: trigger channel, trigger button, `deadman` in column C (the
/// value firmware 5 and later list besides a button number 1–18; Finale's old `n/a` is not
/// one), return channel, then, with a script name, an empty audio-box file (E) and the
/// name (F): `channel 0,cue 1,deadman,return-channel 0[,,NAME]`. Then one row per
/// (module, pin, ignition time): `HH:MM:SS.t s` (firmware 3–4, 1/10 s) or `HH:MM:SS.tt s`
/// (firmware 5+, 1/100 s), `channel M`, `cue P`, the description (effect names of the
/// devices on that pin, joined by `, `; non-ASCII becomes `?`). Rows are sorted by time,
/// channel, cue. Errors if the script is not for COBRA or has more events than the
/// firmware takes (3,600 before firmware 7, 7,600 from 7).
pub fn cobra_csv(script: &PyroScript, options: &CobraOptions) -> Result<Vec<u8>, PyroError> {
    let FiringSystemKind::Cobra { firmware } = script.system.kind else {
        return Err(PyroError::InvalidOption {
            what: skyshow_i18n::Message::verbatim("cobra.csv"),
            message: msg!("pyro-cobra-not-addressed"),
            hint: msg!("pyro-cobra-not-addressed-hint"),
        });
    };
    let tenths = firmware <= 4;
    let mut rows: Vec<(i64, u32, u32, Vec<String>)> = Vec::new();
    let mut cues: Vec<_> = script.cues.iter().collect();
    cues.sort_by_key(|c| (c.ignition_ms, c.module, c.pin));
    for c in cues {
        let desc = ascii(&c.product.effect);
        match rows.last_mut() {
            Some(r) if (r.0, r.1, r.2) == (c.ignition_ms, c.module, c.pin) => r.3.push(desc),
            _ => rows.push((c.ignition_ms, c.module, c.pin, vec![desc])),
        }
    }
    let max_events = if firmware >= 7 { 7600 } else { 3600 };
    if rows.len() > max_events {
        return Err(PyroError::InvalidOption {
            what: skyshow_i18n::Message::verbatim("cobra.csv"),
            message: msg!(
                "pyro-cobra-too-many-events",
                events = rows.len(),
                firmware = firmware,
                max = max_events
            ),
            hint: msg!("pyro-cobra-too-many-events-hint"),
        });
    }
    let mut out = Lines::new("\r\n");
    let mut header = format!(
        "channel {},cue {},deadman,return-channel {}",
        options.trigger_channel, options.trigger_button, options.return_channel
    );
    let name = ascii(&options.script_name).replace([',', '"'], " ");
    if !name.trim().is_empty() {
        header.push_str(&format!(",,{}", name.trim()));
    }
    out.line(&header);
    for (ms, module, pin, descs) in rows {
        out.row(
            &[
                cobra_time(ms, tenths),
                format!("channel {module}"),
                format!("cue {pin}"),
                csv_field(&descs.join(", "), ','),
            ],
            ',',
        );
    }
    Ok(out.into_bytes())
}

/// `HH:MM:SS.ts` or `HH:MM:SS.tts` from whole ms (non-negative).
fn cobra_time(ms: i64, tenths: bool) -> String {
    let ms = ms.max(0);
    let (h, m, s) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60);
    if tenths {
        format!("{h:02}:{m:02}:{s:02}.{}s", ms % 1000 / 100)
    } else {
        format!("{h:02}:{m:02}:{s:02}.{:02}s", ms % 1000 / 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(cobra_time(20_000, true), "00:00:20.0s");
        assert_eq!(cobra_time(3_723_450, false), "01:02:03.45s");
    }
}
