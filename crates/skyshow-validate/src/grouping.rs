//! `IntervalGrouper`: merges time-ordered offending stretches of one drone into one
//! violation per contiguous interval, keeping the worst value.

/// One offending stretch: from `t0` to `t1`, worst `value` at time `at`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Stretch {
    pub(crate) t0: f64,
    pub(crate) t1: f64,
    pub(crate) value: f64,
    pub(crate) at: f64,
}

/// Two stretches closer than this in time count as contiguous, seconds.
const JOIN_EPS_S: f64 = 1e-9;

/// Collects stretches that arrive in time order and merges the contiguous ones.
#[derive(Default)]
pub(crate) struct IntervalGrouper {
    cur: Option<Stretch>,
    out: Vec<Stretch>,
}

impl IntervalGrouper {
    /// Adds a stretch (not earlier than the previous one).
    pub(crate) fn add(&mut self, s: Stretch) {
        match &mut self.cur {
            Some(c) if s.t0 <= c.t1 + JOIN_EPS_S => {
                c.t1 = c.t1.max(s.t1);
                if s.value > c.value {
                    c.value = s.value;
                    c.at = s.at;
                }
            }
            _ => {
                if let Some(c) = self.cur.take() {
                    self.out.push(c);
                }
                self.cur = Some(s);
            }
        }
    }

    /// The merged stretches.
    pub(crate) fn finish(mut self) -> Vec<Stretch> {
        if let Some(c) = self.cur.take() {
            self.out.push(c);
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_touching_keeps_max() {
        let mut g = IntervalGrouper::default();
        g.add(Stretch {
            t0: 0.0,
            t1: 1.0,
            value: 2.0,
            at: 0.5,
        });
        g.add(Stretch {
            t0: 1.0,
            t1: 2.0,
            value: 3.0,
            at: 1.5,
        });
        g.add(Stretch {
            t0: 5.0,
            t1: 6.0,
            value: 1.0,
            at: 5.5,
        });
        let out = g.finish();
        assert_eq!(out.len(), 2);
        assert_eq!(
            out[0],
            Stretch {
                t0: 0.0,
                t1: 2.0,
                value: 3.0,
                at: 1.5
            }
        );
    }
}
