//! `PlannedAhead`: transitions planned before the show is flown in order, all at once on
//! every core, and handed to the in-order flight through its cache.
//!
//! The show is flown in order because a transition starts where the hold before it ended,
//! and a moving hold ends where its timing takes it. But a transition's plan depends only
//! on the set of its start points, its targets and its settings (`transition_cache.rs`
//! plans it for its drones in the canonical order of their start points), and after a
//! hold that stands still the drones stand on that formation's targets. So every
//! transition whose neighbours stand still is known before the show is flown: these are
//! planned at the same time (each plan is a pure function of its inputs, so the order
//! and the thread count change nothing), and the in-order flight finds each one where it
//! would look for a cached plan. An entry planned ahead counts, and is stored, as computed
//! when the flight takes it; one it never takes (an earlier error stopped it) is dropped.
//! A transition that cannot be planned is left to the flight, which reports it in order.

use std::collections::BTreeMap;

use rayon::prelude::*;
use skyshow_model::{ContentCache, Limits, Vec3};

use crate::options::PlanOptions;
use crate::transition_cache::Keyed;

/// A transition whose inputs are known before the show is flown.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct AheadJob {
    /// Where the drones stand (in any order).
    pub(crate) from: Vec<Vec3>,
    /// The targets: the picture's points, then the parking slots.
    pub(crate) to: Vec<Vec3>,
    /// The shortest duration asked for, ms.
    pub(crate) min_ms: i64,
}

/// A cache with the entries planned ahead laid over it (see the module notes).
pub(crate) struct PlannedAhead<'a> {
    /// The cache the flight would use on its own.
    inner: &'a mut dyn ContentCache,
    /// The entries planned ahead and not yet taken, by name.
    ready: BTreeMap<String, Vec<u8>>,
}

impl<'a> PlannedAhead<'a> {
    /// Plans every job that `inner` does not already keep, in parallel, and lays the plans
    /// over `inner`.
    pub(crate) fn plan(
        jobs: &[AheadJob],
        limits: &Limits,
        opts: &PlanOptions,
        band: (f64, f64),
        inner: &'a mut dyn ContentCache,
    ) -> PlannedAhead<'a> {
        let mut todo: Vec<(&AheadJob, Keyed)> = Vec::new();
        for job in jobs {
            let key = Keyed::new(&job.from, &job.to, limits, opts, band, job.min_ms);
            let known = key.is_in(inner) || todo.iter().any(|(_, k)| k.name == key.name);
            if !known {
                todo.push((job, key));
            }
        }
        let ready = todo
            .par_iter()
            .filter_map(|(job, key)| {
                let (_, entry) = key.plan(&job.to, limits, opts, band, job.min_ms).ok()?;
                Some((key.name.clone(), entry))
            })
            .collect();
        PlannedAhead { inner, ready }
    }

    /// How many plans are waiting to be taken.
    #[cfg(test)]
    pub(crate) fn waiting(&self) -> usize {
        self.ready.len()
    }
}

impl ContentCache for PlannedAhead<'_> {
    fn load(&mut self, name: &str) -> Option<Vec<u8>> {
        match self.ready.get(name) {
            Some(entry) => Some(entry.clone()),
            None => self.inner.load(name),
        }
    }

    fn store(&mut self, name: &str, bytes: Vec<u8>) {
        self.inner.store(name, bytes);
    }

    fn reused(&mut self, name: &str) {
        // A plan made ahead was computed by this build: kept, and counted, as computed.
        match self.ready.remove(name) {
            Some(entry) => self.inner.store(name, entry),
            None => self.inner.reused(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transition_cache::tests::{grid, plan as run};
    use skyshow_model::MemoryCache;

    #[test]
    fn a_plan_made_ahead_is_the_plan_and_is_stored_as_computed_when_taken() {
        let (a, b, c) = (
            grid(20, 4.0, 20.0),
            grid(20, 3.5, 40.0),
            grid(20, 5.0, 30.0),
        );
        // The drones of the second transition in another order than the targets they
        // stand on: the plan made ahead is still the one they find.
        let mut b_moved = b.clone();
        b_moved.reverse();
        let jobs = [
            AheadJob {
                from: a.clone(),
                to: b.clone(),
                min_ms: 0,
            },
            AheadJob {
                from: b.clone(),
                to: c.clone(),
                min_ms: 0,
            },
        ];
        let mut alone = MemoryCache::default();
        let first = run(&mut alone, &a, &b);
        let second = run(&mut alone, &b_moved, &c);

        let mut inner = MemoryCache::default();
        let (lim, opts) = (Limits::default(), PlanOptions::DEFAULT);
        let mut ahead = PlannedAhead::plan(&jobs, &lim, &opts, (5.0, 120.0), &mut inner);
        assert_eq!(ahead.waiting(), 2);
        let (t1, hit1) = run(&mut ahead, &a, &b);
        let (t2, hit2) = run(&mut ahead, &b_moved, &c);
        assert!(
            hit1 && hit2,
            "the flight planned again what was planned ahead"
        );
        assert_eq!(ahead.waiting(), 0);
        let timeless = |t: &crate::transition::Transition| crate::transition::Transition {
            assign_ms: 0.0,
            ..t.clone()
        };
        assert_eq!(timeless(&first.0), t1);
        assert_eq!(timeless(&second.0), t2);
        // Stored and counted as computed: the same entries as planning in order, no reuse.
        assert_eq!(inner.entries, alone.entries);
        assert!(inner.reused.is_empty());
    }

    #[test]
    fn what_the_cache_keeps_is_not_planned_again_and_counts_as_reused() {
        let (a, b) = (grid(20, 4.0, 20.0), grid(20, 3.5, 40.0));
        let mut inner = MemoryCache::default();
        run(&mut inner, &a, &b);
        let job = AheadJob {
            from: a.clone(),
            to: b.clone(),
            min_ms: 0,
        };
        let (lim, opts) = (Limits::default(), PlanOptions::DEFAULT);
        let jobs = [job.clone(), job];
        let mut ahead = PlannedAhead::plan(&jobs, &lim, &opts, (5.0, 120.0), &mut inner);
        assert_eq!(ahead.waiting(), 0);
        assert!(run(&mut ahead, &a, &b).1);
        assert_eq!(inner.reused.len(), 1);
    }
}
