//! `FiringSystem`: the firing system's addressing limits and time resolution.

use crate::PyroError;
use skyshow_i18n::msg;

/// Which firing system the script is for; decides the export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FiringSystemKind {
    /// COBRA (`cobra.csv`), with the firmware major version (3–7): firmware 3 and 4 time
    /// events in 1/10 s, later ones in 1/100 s; channels 0–99, 0–199 from firmware 6.
    Cobra {
        /// Firmware major version, 3 to 7.
        firmware: u8,
    },
    /// fireTEK (`script.csv`, firmware 7.x two-row-header script), times in ms at 1/100 s.
    FireTek,
    /// No particular system: the Finale-style generic CSV, 1/100 s.
    Generic,
}

/// Limits of a firing system, used for addressing, quantising and checking.
#[derive(Clone, Debug, PartialEq)]
pub struct FiringSystem {
    /// Which system.
    pub kind: FiringSystemKind,
    /// Pins (cues) per module. Cobra: 18; fireTEK: 16; generic: 32.
    pub pins_per_module: u32,
    /// First module number addressing may use. Default 1 (module 0 is often the
    /// controller's own channel).
    pub first_module: u32,
    /// Last module number. Cobra: 99 (firmware < 6) or 199; fireTEK: 99; generic: 999.
    pub last_module: u32,
    /// Time resolution, ms: ignition times are rounded to a multiple of this.
    pub resolution_ms: u32,
    /// Smallest gap between two different ignition times on one module, ms. Default: the
    /// resolution (any two distinct times are then fine); raise it for systems or rigs
    /// that need more.
    pub min_cue_spacing_ms: u32,
}

impl FiringSystem {
    /// COBRA with a firmware major version 3–7.
    pub fn cobra(firmware: u8) -> Result<Self, PyroError> {
        if !(3..=7).contains(&firmware) {
            return Err(PyroError::InvalidOption {
                what: msg!("pyro-option-cobra-firmware"),
                message: msg!("pyro-cobra-version", firmware = firmware),
                hint: msg!("pyro-cobra-version-hint"),
            });
        }
        let resolution_ms = if firmware <= 4 { 100 } else { 10 };
        Ok(FiringSystem {
            kind: FiringSystemKind::Cobra { firmware },
            pins_per_module: 18,
            first_module: 1,
            last_module: if firmware >= 6 { 199 } else { 99 },
            resolution_ms,
            min_cue_spacing_ms: resolution_ms,
        })
    }

    /// fireTEK (FTM-99 style modules, 16 channels on rail 1).
    pub fn firetek() -> Self {
        FiringSystem {
            kind: FiringSystemKind::FireTek,
            pins_per_module: 16,
            first_module: 1,
            last_module: 99,
            resolution_ms: 10,
            min_cue_spacing_ms: 10,
        }
    }

    /// A generic system: 32 pins per module, modules 1–999, 1/100 s.
    pub fn generic() -> Self {
        FiringSystem {
            kind: FiringSystemKind::Generic,
            pins_per_module: 32,
            first_module: 1,
            last_module: 999,
            resolution_ms: 10,
            min_cue_spacing_ms: 10,
        }
    }

    /// Parses `cobra` (firmware 7), `cobra-4` … `cobra-7`, `firetek`, `generic`.
    pub fn from_name(name: &str) -> Result<Self, PyroError> {
        let n = name.trim().to_ascii_lowercase();
        match n.as_str() {
            "cobra" => FiringSystem::cobra(7),
            "firetek" => Ok(FiringSystem::firetek()),
            "generic" | "finale" => Ok(FiringSystem::generic()),
            _ => match n.strip_prefix("cobra-").and_then(|v| v.parse::<u8>().ok()) {
                Some(fw) => FiringSystem::cobra(fw),
                None => Err(PyroError::InvalidOption {
                    what: msg!("pyro-option-firing-system"),
                    message: msg!("pyro-unknown-system", name = name),
                    hint: msg!("pyro-unknown-system-hint"),
                }),
            },
        }
    }

    /// Checks that the numbers make sense.
    pub fn validate(&self) -> Result<(), PyroError> {
        let bad = |message| PyroError::InvalidOption {
            what: msg!("pyro-option-firing-system"),
            message,
            hint: msg!("pyro-system-hint"),
        };
        if self.pins_per_module == 0 {
            return Err(bad(msg!("pyro-system-no-pins")));
        }
        if self.first_module > self.last_module {
            return Err(bad(msg!(
                "pyro-system-empty-range",
                first = self.first_module,
                last = self.last_module
            )));
        }
        if self.resolution_ms == 0 {
            return Err(bad(msg!("pyro-system-no-resolution")));
        }
        Ok(())
    }

    /// Rounds a time in seconds to the system's resolution, in whole milliseconds.
    pub fn quantise_ms(&self, t_s: f64) -> i64 {
        let r = i64::from(self.resolution_ms);
        // Round in ms first so binary noise (2.3 − 2.2) does not flip a tie.
        let ms = (t_s * 1000.0).round() as i64;
        (ms as f64 / r as f64).round() as i64 * r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cobra_resolution_by_firmware() {
        assert_eq!(FiringSystem::cobra(4).unwrap().resolution_ms, 100);
        assert_eq!(FiringSystem::cobra(5).unwrap().resolution_ms, 10);
        assert_eq!(FiringSystem::cobra(6).unwrap().last_module, 199);
        assert!(FiringSystem::cobra(2).is_err());
        assert_eq!(
            FiringSystem::from_name("cobra-4").unwrap().resolution_ms,
            100
        );
    }

    #[test]
    fn quantise_rounds_to_resolution() {
        let s = FiringSystem::cobra(4).unwrap();
        assert_eq!(s.quantise_ms(12.349), 12_300);
        assert_eq!(s.quantise_ms(12.35), 12_400);
        let s = FiringSystem::generic();
        assert_eq!(s.quantise_ms(10.0 - 2.8), 7_200);
    }
}
