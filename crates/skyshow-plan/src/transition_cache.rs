//! `TransitionCache`: where planned transitions are kept between builds, keyed by content.
//!
//! Planning a transition is a pure function of its inputs: the fleet's positions, the
//! target points, the limits, the planner's options, the altitude band and the shortest
//! duration asked for. An entry holds those inputs byte for byte next to the plan, and is
//! used only when every input byte matches (the entry's name, a hash, only finds it); its
//! plan is stored as exact bits with a checksum. So a cached plan is the plan the planner
//! would make, bit for bit, and a corrupt, truncated or foreign entry is a miss. The
//! engine does no I/O: the caller supplies the store (the CLI keeps it in the output
//! folder).

use std::hash::{DefaultHasher, Hasher};

use skyshow_model::{Limits, Vec3};

use crate::options::PlanOptions;
use crate::transition::{Transition, TransitionError, plan_transition};
use crate::transition_codec::{Reader, Writer, read_transition, write_transition};

/// A store of planned transitions by name (see the module notes: names are hashes, and
/// what is loaded is checked against the inputs before it is used).
pub trait TransitionCache {
    /// The bytes stored under `name`, if any.
    fn load(&mut self, name: &str) -> Option<Vec<u8>>;
    /// Keeps `bytes` under `name` (a store that cannot write may drop them).
    fn store(&mut self, name: &str, bytes: Vec<u8>);
    /// Told when the entry `name` was used instead of planning (for counts).
    fn reused(&mut self, name: &str) {
        let _ = name;
    }
}

/// A cache that keeps nothing: every transition is planned.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoCache;

impl TransitionCache for NoCache {
    fn load(&mut self, _: &str) -> Option<Vec<u8>> {
        None
    }
    fn store(&mut self, _: &str, _: Vec<u8>) {}
}

/// Bumped whenever the planner or the byte form changes what a given input plans to.
const FORMAT: &str = "skyshow-plan transition cache 2";

/// The inputs of one transition, as the bytes an entry must match.
#[allow(clippy::too_many_arguments)]
fn input_bytes(
    from: &[Vec3],
    to: &[Vec3],
    limits: &Limits,
    opts: &PlanOptions,
    band: (f64, f64),
    min_ms: i64,
) -> Vec<u8> {
    let mut w = Writer::default();
    // `Debug` of floats prints the shortest text that reads back to the same bits, so
    // these describe the settings exactly (and any field added to them is included).
    let head = format!(
        "{FORMAT}\n{}\n{limits:?}\n{opts:?}\n{band:?}\n{min_ms}\n",
        env!("CARGO_PKG_VERSION")
    );
    w.len(head.len());
    w.bytes.extend_from_slice(head.as_bytes());
    w.points(from);
    w.points(to);
    w.bytes
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

/// The transition stored in `entry` for exactly these `input` bytes, if it is one.
fn decode(entry: &[u8], input: &[u8], n: usize) -> Option<Transition> {
    let mut r = Reader::new(entry);
    let len = usize::try_from(r.u64()?).ok()?;
    if r.take(len)? != input {
        return None;
    }
    let sum = r.u64()?;
    let body_len = usize::try_from(r.u64()?).ok()?;
    let body = r.take(body_len)?;
    if !r.done() || hash(body) != sum {
        return None;
    }
    let mut b = Reader::new(body);
    let t = read_transition(&mut b)?;
    let whole = t.target_of.len() == n
        && t.target_of.iter().all(|&j| j < n)
        && t.moves.iter().all(|m| m.len() == n);
    (b.done() && whole).then_some(t)
}

/// [`plan_transition`], reusing `cache`'s plan for the same inputs when it has one and
/// keeping a new plan there. Returns the plan and whether it came from the cache.
#[allow(clippy::too_many_arguments)]
pub fn plan_transition_cached(
    from: &[Vec3],
    to: &[Vec3],
    limits: &Limits,
    opts: &PlanOptions,
    band: (f64, f64),
    min_ms: i64,
    cache: &mut dyn TransitionCache,
) -> Result<(Transition, bool), TransitionError> {
    let input = input_bytes(from, to, limits, opts, band, min_ms);
    let name = format!("{:016x}", hash(&input));
    if let Some(entry) = cache.load(&name)
        && let Some(t) = decode(&entry, &input, from.len())
    {
        cache.reused(&name);
        return Ok((t, true));
    }
    let t = plan_transition(from, to, limits, opts, band, min_ms)?;
    let mut body = Writer::default();
    write_transition(&mut body, &t);
    let mut w = Writer::default();
    w.len(input.len());
    w.bytes.extend_from_slice(&input);
    w.u64(hash(&body.bytes));
    w.len(body.bytes.len());
    w.bytes.extend_from_slice(&body.bytes);
    cache.store(&name, w.bytes);
    Ok((t, false))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[derive(Default)]
    struct Mem {
        entries: BTreeMap<String, Vec<u8>>,
        reused: usize,
    }

    impl TransitionCache for Mem {
        fn load(&mut self, name: &str) -> Option<Vec<u8>> {
            self.entries.get(name).cloned()
        }
        fn store(&mut self, name: &str, bytes: Vec<u8>) {
            self.entries.insert(name.to_string(), bytes);
        }
        fn reused(&mut self, _: &str) {
            self.reused += 1;
        }
    }

    fn grid(n: usize, dx: f64, z: f64) -> Vec<Vec3> {
        (0..n)
            .map(|i| Vec3::new((i % 5) as f64 * dx, (i / 5) as f64 * dx, z))
            .collect()
    }

    fn plan(cache: &mut Mem, from: &[Vec3], to: &[Vec3]) -> (Transition, bool) {
        plan_transition_cached(
            from,
            to,
            &Limits::default(),
            &PlanOptions::DEFAULT,
            (5.0, 120.0),
            0,
            cache,
        )
        .unwrap()
    }

    #[test]
    fn a_cached_plan_is_the_plan_bit_for_bit() {
        let (from, to) = (grid(20, 4.0, 20.0), grid(20, 3.5, 40.0));
        let mut cache = Mem::default();
        let (fresh, hit) = plan(&mut cache, &from, &to);
        assert!(!hit);
        assert_eq!(cache.entries.len(), 1);
        let (again, hit) = plan(&mut cache, &from, &to);
        assert!(hit);
        assert_eq!(cache.reused, 1);
        // The same plan; only the wall time of the assignment (none was run) differs.
        let timeless = |t: &Transition| Transition {
            assign_ms: 0.0,
            ..t.clone()
        };
        assert_eq!(again.assign_ms, 0.0);
        assert_eq!(timeless(&fresh), again);
        // Entries depend only on the inputs: planning again stores the same bytes.
        let stored = cache.entries.clone();
        let mut other = Mem::default();
        plan(&mut other, &from, &to);
        assert_eq!(other.entries, stored);
    }

    #[test]
    fn another_input_or_a_damaged_entry_is_a_miss() {
        let (from, to) = (grid(20, 4.0, 20.0), grid(20, 3.5, 40.0));
        let mut cache = Mem::default();
        let (fresh, _) = plan(&mut cache, &from, &to);
        // One target moved by a micrometre: a new entry.
        let mut moved = to.clone();
        moved[3].x += 1e-6;
        assert!(!plan(&mut cache, &from, &moved).1);
        assert_eq!(cache.entries.len(), 2);
        // Every byte flipped in turn, and every truncation: never a hit, never a panic.
        let input = input_bytes(
            &from,
            &to,
            &Limits::default(),
            &PlanOptions::DEFAULT,
            (5.0, 120.0),
            0,
        );
        let good = cache.entries[&format!("{:016x}", hash(&input))].clone();
        let step = (good.len() / 400).max(1);
        for k in (0..good.len()).step_by(step) {
            let mut bad = good.clone();
            bad[k] ^= 0x10;
            assert!(decode(&bad, &input, from.len()).is_none(), "byte {k}");
            assert!(decode(&good[..k], &input, from.len()).is_none());
        }
        assert_eq!(
            decode(&good, &input, from.len()),
            Some(Transition {
                assign_ms: 0.0,
                ..fresh
            })
        );
    }
}
