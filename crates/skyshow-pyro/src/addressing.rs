//! Addressing: each cue gets a module and a pin at its position.

use skyshow_i18n::msg;
use std::collections::BTreeSet;

use crate::{Cue, FiringFront, FiringSystem, PyroError};

/// Assigns modules and pins. Every position gets its own modules (explicit ones from
/// [`crate::Position::modules`], else the next free numbers from the system's first
/// module, in front order); a position's cues take pins in ignition order.
pub(crate) fn address(
    cues: &mut [Cue],
    front: &FiringFront,
    system: &FiringSystem,
) -> Result<(), PyroError> {
    let pins = system.pins_per_module as usize;
    let explicit = explicit_modules(front, system)?;
    let mut next_auto = system.first_module;
    for (pi, idx) in in_firing_order(cues, front).iter().enumerate() {
        if idx.is_empty() {
            continue;
        }
        let pos = &front.positions[pi];
        let modules: Vec<u32> = if pos.modules.is_empty() {
            let mut auto = AutoModules {
                explicit: &explicit,
                next: &mut next_auto,
                system,
            };
            auto.take(idx.len().div_ceil(pins))
                .map_err(|module| PyroError::OutOfModules {
                    cue: cues[idx[module * pins]].source.clone(),
                    position: pos.name.clone(),
                    module: *auto.next,
                    first: system.first_module,
                    last: system.last_module,
                })?
        } else {
            if idx.len() > pos.modules.len() * pins {
                return Err(PyroError::ModuleOutOfPins {
                    cue: cues[idx[pos.modules.len() * pins]].source.clone(),
                    position: pos.name.clone(),
                    cues: idx.len(),
                    modules: format!("{:?}", pos.modules),
                    pins: pos.modules.len() * pins,
                });
            }
            pos.modules.clone()
        };
        for (k, &ci) in idx.iter().enumerate() {
            cues[ci].module = modules[k / pins];
            cues[ci].pin = (k % pins) as u32 + 1;
        }
    }
    Ok(())
}

/// The modules the positions name, each within the system's range and named once.
fn explicit_modules(
    front: &FiringFront,
    system: &FiringSystem,
) -> Result<BTreeSet<u32>, PyroError> {
    let mut explicit = BTreeSet::new();
    for p in &front.positions {
        for &m in &p.modules {
            let bad = |message| PyroError::BadModule {
                position: p.name.clone(),
                module: m,
                message,
                first: system.first_module,
                last: system.last_module,
            };
            if m < system.first_module || m > system.last_module {
                return Err(bad(msg!("pyro-module-outside")));
            }
            if !explicit.insert(m) {
                return Err(bad(msg!("pyro-module-twice")));
            }
        }
    }
    Ok(explicit)
}

/// Each position's cue indices in firing order (ignition, effect, source, index).
fn in_firing_order(cues: &[Cue], front: &FiringFront) -> Vec<Vec<usize>> {
    let mut by_position: Vec<Vec<usize>> = vec![Vec::new(); front.len()];
    for (i, c) in cues.iter().enumerate() {
        by_position[c.position].push(i);
    }
    for idx in &mut by_position {
        idx.sort_by(|&a, &b| {
            let (ca, cb) = (&cues[a], &cues[b]);
            (ca.ignition_ms, ca.effect_ms, &ca.source, a).cmp(&(
                cb.ignition_ms,
                cb.effect_ms,
                &cb.source,
                b,
            ))
        });
    }
    by_position
}

/// The next free module numbers, from the system's first on, skipping the explicit ones.
struct AutoModules<'a> {
    explicit: &'a BTreeSet<u32>,
    /// The next number to try.
    next: &'a mut u32,
    system: &'a FiringSystem,
}

impl AutoModules<'_> {
    /// `need` modules, or the index among them of the first that does not exist (the
    /// system's last module is passed; `next` is then the number that would be needed).
    fn take(&mut self, need: usize) -> Result<Vec<u32>, usize> {
        let mut ms = Vec::with_capacity(need);
        while ms.len() < need {
            while self.explicit.contains(self.next) {
                *self.next += 1;
            }
            if *self.next > self.system.last_module {
                return Err(ms.len());
            }
            ms.push(*self.next);
            *self.next += 1;
        }
        Ok(ms)
    }
}
