//! `ViolationSink`: keeps the first `max_violations` violations in report order and counts
//! all of them, whatever order they arrive in.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::Violation;

/// A violation ordered by the report order, so a max-heap holds the last kept one on top.
struct Ranked(Violation);

impl PartialEq for Ranked {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Ranked {
    fn cmp(&self, o: &Self) -> Ordering {
        self.0.report_cmp(&o.0)
    }
}

/// Bounded collector of violations.
pub(crate) struct ViolationSink {
    cap: usize,
    total: usize,
    kept: BinaryHeap<Ranked>,
}

impl ViolationSink {
    /// A sink keeping at most `cap` violations.
    pub(crate) fn new(cap: usize) -> Self {
        ViolationSink {
            cap,
            total: 0,
            kept: BinaryHeap::new(),
        }
    }

    /// Counts a violation and keeps it if it is among the first `cap` in report order.
    pub(crate) fn push(&mut self, v: Violation) {
        self.total += 1;
        if self.cap == 0 {
            return;
        }
        if self.kept.len() < self.cap {
            self.kept.push(Ranked(v));
        } else if let Some(top) = self.kept.peek()
            && v.report_cmp(&top.0) == Ordering::Less
        {
            self.kept.pop();
            self.kept.push(Ranked(v));
        }
    }

    /// The kept violations in report order, and the total count.
    pub(crate) fn finish(self) -> (Vec<Violation>, usize) {
        let v = self
            .kept
            .into_sorted_vec()
            .into_iter()
            .map(|r| r.0)
            .collect();
        (v, self.total)
    }
}
