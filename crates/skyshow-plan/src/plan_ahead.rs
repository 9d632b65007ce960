//! `PlannedAhead`: transitions planned before the flight reaches them, on their own threads
//! while the show is flown in order, and handed to the flight through its cache.
//!
//! The show is flown in order because a transition starts where the hold before it ended,
//! and a moving hold ends where its timing takes it. But a transition's plan depends only
//! on the set of its start points, its targets and its settings (`transition_cache.rs`
//! plans it for its drones in the canonical order of their start points), and after a
//! hold that stands still the drones stand on that formation's targets. So every
//! transition whose neighbours stand still is known before the show is flown.
//!
//! These are planned in show order on a pool of their own (as many threads as the
//! flight's), while the flight goes on: the flight plans what is not known ahead (moves
//! into and out of moving formations, moving holds) at the same time. Each job is a shared
//! slot that either side can take: the flight, reaching a transition planned ahead, takes
//! the finished plan, waits for one being planned, or plans one not yet started itself
//! (which the pool then skips). Each plan is a pure function of its inputs, so who plans
//! it, when, and on how many threads change nothing: the plan and the entries stored are
//! the same as flying in order. An entry planned ahead counts, and is stored, as computed
//! when the flight takes it; one it never takes (an earlier error stopped it) is dropped,
//! and jobs not yet started when the flight ends are not run. A transition that cannot be
//! planned is left to the flight, which reports it in order.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

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

/// Where one job planned ahead stands.
#[derive(Debug)]
enum Slot {
    /// Not started: either side may take it.
    Waiting,
    /// Being planned by the pool.
    Planning,
    /// Planned: the entry's bytes, or `None` when it could not be planned.
    Planned(Option<Vec<u8>>),
    /// Taken by the flight (planned by it, or its entry handed over), or skipped.
    Taken,
}

/// The jobs' slots, shared by the pool and the flight.
struct Slots {
    slots: Mutex<Vec<Slot>>,
    changed: Condvar,
    /// Set when the flight is over: jobs not yet started are not run.
    closed: AtomicBool,
}

impl Slots {
    fn new(n: usize) -> Slots {
        Slots {
            slots: Mutex::new((0..n).map(|_| Slot::Waiting).collect()),
            changed: Condvar::new(),
            closed: AtomicBool::new(false),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Vec<Slot>> {
        // A panic while holding the lock leaves the slots as they were: still usable.
        self.slots.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The pool's side: plans job `k` unless it was taken or the flight is over.
    fn plan_on_pool(&self, k: usize, plan: impl FnOnce() -> Option<Vec<u8>>) {
        if self.closed.load(Ordering::Acquire) {
            return;
        }
        {
            let mut s = self.lock();
            if !matches!(s[k], Slot::Waiting) {
                return;
            }
            s[k] = Slot::Planning;
        }
        // Should planning panic, the slot is left planned as "not plannable", so the flight
        // never waits for it forever (it plans it itself and meets the same panic).
        let mut done = Done {
            slots: self,
            k,
            entry: None,
        };
        done.entry = plan();
    }

    /// The flight's side: the entry planned for job `k` (waiting while it is being
    /// planned), or `None` when the flight is to plan it itself: not started (it is then
    /// taken from the pool), not plannable, or already handed over.
    fn entry_for_flight(&self, k: usize) -> Option<Vec<u8>> {
        let mut s = self.lock();
        loop {
            match &s[k] {
                Slot::Planning => s = self.changed.wait(s).unwrap_or_else(|e| e.into_inner()),
                Slot::Waiting => {
                    s[k] = Slot::Taken;
                    return None;
                }
                Slot::Planned(entry) => return entry.clone(),
                Slot::Taken => return None,
            }
        }
    }

    /// The flight took job `k`'s plan: its entry, handed over once.
    fn hand_over(&self, k: usize) -> Option<Vec<u8>> {
        match std::mem::replace(&mut self.lock()[k], Slot::Taken) {
            Slot::Planned(entry) => entry,
            _ => None,
        }
    }
}

/// Publishes a job's entry when dropped (planned, or unwinding from a panic).
struct Done<'s> {
    slots: &'s Slots,
    k: usize,
    entry: Option<Vec<u8>>,
}

impl Drop for Done<'_> {
    fn drop(&mut self) {
        self.slots.lock()[self.k] = Slot::Planned(self.entry.take());
        self.slots.changed.notify_all();
    }
}

/// A cache with the jobs planned ahead laid over it (see the module notes).
pub(crate) struct PlannedAhead<'a> {
    /// The cache the flight would use on its own.
    inner: &'a mut dyn ContentCache,
    /// The jobs' slots by entry name.
    index: BTreeMap<String, usize>,
    slots: &'a Slots,
}

impl PlannedAhead<'_> {
    /// Runs `fly` (the in-order flight) with every job that `inner` does not already keep
    /// planned ahead, in show order, on a pool of its own meanwhile; `fly` reads them
    /// through the cache it is given. Returns what `fly` returns, once the jobs started
    /// have ended.
    pub(crate) fn fly<R>(
        jobs: &[AheadJob],
        limits: &Limits,
        opts: &PlanOptions,
        band: (f64, f64),
        inner: &mut dyn ContentCache,
        fly: impl FnOnce(&mut dyn ContentCache) -> R,
    ) -> R {
        let mut todo: Vec<(&AheadJob, Keyed)> = Vec::new();
        for job in jobs {
            let key = Keyed::new(&job.from, &job.to, limits, opts, band, job.min_ms);
            let known = key.is_in(inner) || todo.iter().any(|(_, k)| k.name == key.name);
            if !known {
                todo.push((job, key));
            }
        }
        let slots = Slots::new(todo.len());
        let index = todo
            .iter()
            .enumerate()
            .map(|(k, (_, key))| (key.name.clone(), k))
            .collect();
        let pool = (!todo.is_empty())
            .then(|| {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(rayon::current_num_threads())
                    .thread_name(|i| format!("plan-ahead-{i}"))
                    .build()
                    .ok()
            })
            .flatten();
        std::thread::scope(|s| {
            // Without a pool (no thread could be made), the flight plans every job itself.
            if let Some(pool) = &pool {
                let (todo, slots) = (&todo, &slots);
                s.spawn(move || {
                    pool.install(|| {
                        rayon::scope_fifo(|sc| {
                            for (k, (job, key)) in todo.iter().enumerate() {
                                sc.spawn_fifo(move |_| {
                                    slots.plan_on_pool(k, || {
                                        let planned =
                                            key.plan(&job.to, limits, opts, band, job.min_ms);
                                        planned.ok().map(|(_, entry)| entry)
                                    });
                                });
                            }
                        });
                    });
                });
            }
            let mut cache = PlannedAhead {
                inner,
                index,
                slots: &slots,
            };
            let flown = fly(&mut cache);
            slots.closed.store(true, Ordering::Release);
            flown
        })
    }
}

impl ContentCache for PlannedAhead<'_> {
    fn load(&mut self, name: &str) -> Option<Vec<u8>> {
        match self.index.get(name) {
            Some(&k) => self
                .slots
                .entry_for_flight(k)
                .or_else(|| self.inner.load(name)),
            None => self.inner.load(name),
        }
    }

    fn store(&mut self, name: &str, bytes: Vec<u8>) {
        self.inner.store(name, bytes);
    }

    fn reused(&mut self, name: &str) {
        // A plan made ahead was computed by this build: kept, and counted, as computed.
        match self.index.get(name).and_then(|&k| self.slots.hand_over(k)) {
            Some(entry) => self.inner.store(name, entry),
            None => self.inner.reused(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transition::Transition;
    use crate::transition_cache::tests::{grid, plan as run};
    use skyshow_model::MemoryCache;
    use std::time::Duration;

    fn timeless(t: &Transition) -> Transition {
        Transition {
            assign_ms: 0.0,
            ..t.clone()
        }
    }

    #[test]
    fn plans_made_ahead_while_flying_are_the_plans_at_any_thread_count() {
        let (a, b, c) = (
            grid(20, 4.0, 20.0),
            grid(20, 3.5, 40.0),
            grid(20, 5.0, 30.0),
        );
        // The drones of the second transition in another order than the targets they
        // stand on: the plan made ahead is still the one they find.
        let mut b_moved = b.clone();
        b_moved.reverse();
        let job = |from: &[Vec3], to: &[Vec3]| AheadJob {
            from: from.to_vec(),
            to: to.to_vec(),
            min_ms: 0,
        };
        let jobs = [job(&a, &b), job(&b, &c)];
        let mut alone = MemoryCache::default();
        let first = run(&mut alone, &a, &b).0;
        let second = run(&mut alone, &b_moved, &c).0;

        let (lim, opts) = (Limits::default(), PlanOptions::DEFAULT);
        for threads in [1, 2, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let mut inner = MemoryCache::default();
            // The flight takes each plan finished, waits for it, or plans it itself,
            // depending on timing; whichever, the plans and the entries are the same.
            let (t1, t2) = pool.install(|| {
                PlannedAhead::fly(&jobs, &lim, &opts, (5.0, 120.0), &mut inner, |cache| {
                    (run(cache, &a, &b).0, run(cache, &b_moved, &c).0)
                })
            });
            assert_eq!(timeless(&first), timeless(&t1), "{threads} threads");
            assert_eq!(timeless(&second), timeless(&t2), "{threads} threads");
            // Stored and counted as computed: the same entries as planning in order.
            assert_eq!(inner.entries, alone.entries, "{threads} threads");
            assert!(inner.reused.is_empty());
        }
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
        let hit = PlannedAhead::fly(&jobs, &lim, &opts, (5.0, 120.0), &mut inner, |cache| {
            run(cache, &a, &b).1
        });
        assert!(hit);
        assert_eq!(inner.reused.len(), 1);
    }

    #[test]
    fn a_slot_not_started_is_the_flights_and_the_pool_skips_it() {
        let slots = Slots::new(2);
        assert_eq!(slots.entry_for_flight(0), None);
        slots.plan_on_pool(0, || panic!("planned a slot the flight took"));
        slots.plan_on_pool(1, || Some(vec![7]));
        assert_eq!(slots.entry_for_flight(1), Some(vec![7]));
        assert_eq!(slots.hand_over(1), Some(vec![7]));
        // Handed over once: then the flight's own.
        assert_eq!(slots.entry_for_flight(1), None);
        assert_eq!(slots.hand_over(1), None);
        // Once the flight is over, nothing more is started.
        let late = Slots::new(1);
        late.closed.store(true, Ordering::Release);
        late.plan_on_pool(0, || panic!("planned after the flight"));
    }

    #[test]
    fn the_flight_waits_for_a_slot_being_planned() {
        let slots = Slots::new(1);
        let (started, start) = std::sync::mpsc::channel();
        std::thread::scope(|s| {
            s.spawn(|| {
                slots.plan_on_pool(0, || {
                    started.send(()).unwrap();
                    std::thread::sleep(Duration::from_millis(50));
                    Some(vec![1, 2, 3])
                });
            });
            start.recv().unwrap();
            assert_eq!(slots.entry_for_flight(0), Some(vec![1, 2, 3]));
        });
    }

    #[test]
    fn a_slot_whose_planning_panicked_is_left_to_the_flight() {
        let slots = Slots::new(1);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            slots.plan_on_pool(0, || panic!("planner bug"));
        }));
        assert!(caught.is_err());
        // Not waited for forever: the flight plans it (and meets the error itself).
        assert_eq!(slots.entry_for_flight(0), None);
    }
}
