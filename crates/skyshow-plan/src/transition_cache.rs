//! Planned transitions kept between builds in a [`TransitionCache`], keyed by content.
//!
//! Planning a transition is a pure function of its inputs: the fleet's positions, the
//! target points, the limits, the planner's options, the altitude band and the shortest
//! duration asked for. An entry holds those inputs byte for byte next to the plan, and is
//! used only when every input byte matches (the entry's name, a hash, only finds it); its
//! plan is stored as exact bits with a checksum. So a cached plan is the plan the planner
//! would make, bit for bit, and a corrupt, truncated or foreign entry is a miss. The
//! engine does no I/O: the caller supplies the store (the CLI keeps it in the output
//! folder).
//!
//! The fleet's positions are a set whose order is the drones' order, which every earlier
//! assignment decides: an edit to one formation reorders the drones for the rest of the
//! show. So a transition is planned, and keyed, with its drones sorted by their start
//! points (a canonical order that depends only on the set), and its plan is handed back
//! in the caller's drone order. With or without a cache, the planner sees the same
//! input, so the plan is the same.

use skyshow_model::{Limits, Vec3};

use crate::options::PlanOptions;
use crate::sync_move::gather;
use crate::transition::{Transition, TransitionError, plan_transition};
use crate::transition_codec::{
    Reader, Writer, entry_name, open, read_transition, seal, write_transition,
};

/// Where planned transitions are kept: any [`ContentCache`] (entries named `t-HASH`).
pub use skyshow_model::ContentCache as TransitionCache;
pub use skyshow_model::NoCache;

/// Bumped whenever the planner or the byte form changes what a given input plans to.
const FORMAT: &str = "skyshow-plan transition cache 8";

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

/// The transition stored in `entry` for exactly these `input` bytes, if it is one.
fn decode(entry: &[u8], input: &[u8], n: usize) -> Option<Transition> {
    let mut b = Reader::new(open(entry, input)?);
    let t = read_transition(&mut b)?;
    let whole = t.target_of.len() == n
        && t.target_of.iter().all(|&j| j < n)
        && t.moves.iter().all(|m| m.len() == n);
    (b.done() && whole).then_some(t)
}

/// The drones in the canonical order of their start points: by `x`, then `y`, then `z`
/// (exact comparisons of the bits' values; coinciding points keep the drones' order).
fn canonical_order(from: &[Vec3]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..from.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (from[i], from[j]);
        a.x.total_cmp(&b.x)
            .then(a.y.total_cmp(&b.y))
            .then(a.z.total_cmp(&b.z))
            .then(i.cmp(&j))
    });
    order
}

/// A transition planned for the drones in `order` (its drone `k` is the caller's drone
/// `order[k]`), given back in the caller's order.
fn in_drone_order(t: Transition, order: &[usize]) -> Transition {
    let mut src = vec![0; order.len()];
    for (k, &i) in order.iter().enumerate() {
        src[i] = k;
    }
    Transition {
        moves: t.moves.iter().map(|m| m.reordered(&src)).collect(),
        target_of: gather(&t.target_of, &src),
        ..t
    }
}

/// A transition's inputs with its drones in the canonical order of their start points,
/// and the name of the entry that keeps its plan.
pub(crate) struct Keyed {
    /// `order[k]`: the caller's drone that is drone `k` here.
    order: Vec<usize>,
    /// The start points in canonical order.
    from: Vec<Vec3>,
    /// The inputs' bytes, which an entry must match.
    input: Vec<u8>,
    /// The entry's name.
    pub(crate) name: String,
}

impl Keyed {
    /// The transition from `from` (in the caller's drone order) to `to` with these
    /// settings, keyed.
    pub(crate) fn new(
        from: &[Vec3],
        to: &[Vec3],
        limits: &Limits,
        opts: &PlanOptions,
        band: (f64, f64),
        min_ms: i64,
    ) -> Keyed {
        let order = canonical_order(from);
        let from: Vec<Vec3> = order.iter().map(|&i| from[i]).collect();
        let input = input_bytes(&from, to, limits, opts, band, min_ms);
        let name = entry_name("t", &input);
        Keyed {
            order,
            from,
            input,
            name,
        }
    }

    /// The plan `cache` keeps for exactly these inputs, if it keeps one (in canonical
    /// order).
    fn cached(&self, cache: &mut dyn TransitionCache) -> Option<Transition> {
        decode(&cache.load(&self.name)?, &self.input, self.from.len())
    }

    /// True when `cache` keeps a plan for exactly these inputs.
    pub(crate) fn is_in(&self, cache: &mut dyn TransitionCache) -> bool {
        self.cached(cache).is_some()
    }

    /// Plans the transition (in canonical order): the plan and its entry's bytes.
    pub(crate) fn plan(
        &self,
        to: &[Vec3],
        limits: &Limits,
        opts: &PlanOptions,
        band: (f64, f64),
        min_ms: i64,
    ) -> Result<(Transition, Vec<u8>), TransitionError> {
        let t = plan_transition(&self.from, to, limits, opts, band, min_ms)?;
        let mut body = Writer::default();
        write_transition(&mut body, &t);
        Ok((t, seal(&self.input, &body.bytes)))
    }
}

/// [`plan_transition`] for the drones in the canonical order of their start points
/// (see the module notes), reusing `cache`'s plan for the same inputs when it has one and
/// keeping a new plan there. Returns the plan, in the caller's drone order, and whether
/// it came from the cache.
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
    let key = Keyed::new(from, to, limits, opts, band, min_ms);
    if let Some(t) = key.cached(cache) {
        cache.reused(&key.name);
        return Ok((in_drone_order(t, &key.order), true));
    }
    let (t, entry) = key.plan(to, limits, opts, band, min_ms)?;
    cache.store(&key.name, entry);
    Ok((in_drone_order(t, &key.order), false))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use skyshow_model::MemoryCache;

    /// `n` points on a five-column grid `dx` apart at height `z`.
    pub(crate) fn grid(n: usize, dx: f64, z: f64) -> Vec<Vec3> {
        (0..n)
            .map(|i| Vec3::new((i % 5) as f64 * dx, (i / 5) as f64 * dx, z))
            .collect()
    }

    /// The transition from `from` to `to` with the default settings, through `cache`.
    pub(crate) fn plan(
        cache: &mut dyn TransitionCache,
        from: &[Vec3],
        to: &[Vec3],
    ) -> (Transition, bool) {
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
        let mut cache = MemoryCache::default();
        let (fresh, hit) = plan(&mut cache, &from, &to);
        assert!(!hit);
        assert_eq!(cache.entries.len(), 1);
        let (again, hit) = plan(&mut cache, &from, &to);
        assert!(hit);
        assert_eq!(cache.reused.len(), 1);
        // The same plan; only the wall time of the assignment (none was run) differs.
        let timeless = |t: &Transition| Transition {
            assign_ms: 0.0,
            ..t.clone()
        };
        assert_eq!(again.assign_ms, 0.0);
        assert_eq!(timeless(&fresh), again);
        // Entries depend only on the inputs: planning again stores the same bytes.
        let stored = cache.entries.clone();
        let mut other = MemoryCache::default();
        plan(&mut other, &from, &to);
        assert_eq!(other.entries, stored);
    }

    #[test]
    fn another_input_or_a_damaged_entry_is_a_miss() {
        let (from, to) = (grid(20, 4.0, 20.0), grid(20, 3.5, 40.0));
        let mut cache = MemoryCache::default();
        let (fresh, _) = plan(&mut cache, &from, &to);
        // One target moved by a micrometre: a new entry.
        let mut moved = to.clone();
        moved[3].x += 1e-6;
        assert!(!plan(&mut cache, &from, &moved).1);
        assert_eq!(cache.entries.len(), 2);
        // Every byte flipped in turn, and every truncation: never a hit, never a panic.
        let sorted: Vec<Vec3> = canonical_order(&from).iter().map(|&i| from[i]).collect();
        let input = input_bytes(
            &sorted,
            &to,
            &Limits::default(),
            &PlanOptions::DEFAULT,
            (5.0, 120.0),
            0,
        );
        let good = cache.entries[&entry_name("t", &input)].clone();
        let step = (good.len() / 400).max(1);
        for k in (0..good.len()).step_by(step) {
            let mut bad = good.clone();
            bad[k] ^= 0x10;
            assert!(decode(&bad, &input, from.len()).is_none(), "byte {k}");
            assert!(decode(&good[..k], &input, from.len()).is_none());
        }
        let order = canonical_order(&from);
        let stored = decode(&good, &input, from.len()).map(|t| in_drone_order(t, &order));
        assert_eq!(
            stored,
            Some(Transition {
                assign_ms: 0.0,
                ..fresh
            })
        );
    }

    #[test]
    fn the_same_start_points_in_another_drone_order_are_the_same_entry() {
        // A rectangle into a turned copy: drones reach their targets along different
        // paths, some of them flown as more than one straight line.
        let from = grid(20, 3.5, 30.0);
        let to: Vec<Vec3> = from
            .iter()
            .map(|p| Vec3::new(p.y + 1.0, -p.x, p.z + 8.0))
            .collect();
        let mut cache = MemoryCache::default();
        let (first, hit) = plan(&mut cache, &from, &to);
        assert!(!hit);
        // The drones in another order (as a changed earlier assignment leaves them).
        let shuffle: Vec<usize> = (0..from.len()).map(|i| (i * 7 + 3) % from.len()).collect();
        let moved: Vec<Vec3> = shuffle.iter().map(|&k| from[k]).collect();
        let (again, hit) = plan(&mut cache, &moved, &to);
        assert!(hit, "a reordered fleet missed the cache");
        assert_eq!(cache.entries.len(), 1);
        // Drone i of the new order is drone shuffle[i] of the first: same target, same
        // flight, and the same plan as planning it afresh.
        for (i, &k) in shuffle.iter().enumerate() {
            assert_eq!(again.target_of[i], first.target_of[k]);
            for (ma, mb) in again.moves.iter().zip(&first.moves) {
                assert_eq!(ma.segments_of(i, 0), mb.segments_of(k, 0));
                assert_eq!(ma.delay(i), mb.delay(k));
            }
        }
        let (fresh, _) = plan(&mut MemoryCache::default(), &moved, &to);
        assert_eq!(
            Transition {
                assign_ms: 0.0,
                ..fresh
            },
            again
        );
    }
}
