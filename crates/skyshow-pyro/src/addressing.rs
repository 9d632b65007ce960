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
    // Cue indices per position, in firing order.
    let mut by_position: Vec<Vec<usize>> = vec![Vec::new(); front.len()];
    for (i, c) in cues.iter().enumerate() {
        by_position[c.position].push(i);
    }
    let mut next_auto = system.first_module;
    for (pi, idx) in by_position.iter_mut().enumerate() {
        if idx.is_empty() {
            continue;
        }
        idx.sort_by(|&a, &b| {
            let (ca, cb) = (&cues[a], &cues[b]);
            (ca.ignition_ms, ca.effect_ms, &ca.source, a).cmp(&(
                cb.ignition_ms,
                cb.effect_ms,
                &cb.source,
                b,
            ))
        });
        let pos = &front.positions[pi];
        let modules: Vec<u32> = if pos.modules.is_empty() {
            let need = idx.len().div_ceil(pins);
            let mut ms = Vec::with_capacity(need);
            while ms.len() < need {
                while explicit.contains(&next_auto) {
                    next_auto += 1;
                }
                if next_auto > system.last_module {
                    let first_unaddressed = idx[ms.len() * pins];
                    return Err(PyroError::OutOfModules {
                        cue: cues[first_unaddressed].source.clone(),
                        position: pos.name.clone(),
                        module: next_auto,
                        first: system.first_module,
                        last: system.last_module,
                    });
                }
                ms.push(next_auto);
                next_auto += 1;
            }
            ms
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
