//! `PreparedDrone`: a drone's trajectory made safe to search — only finite, forward-moving,
//! time-ordered segments — plus the window of show time every check works on.

use std::borrow::Cow;

use skyshow_model::{FlightShow, Segment, Trajectory, Vec3};

use crate::bezier;

/// A drone's usable segments and where it stands before and after them.
pub(crate) struct PreparedDrone<'a> {
    /// Finite segments with `t1 > t0`, each starting no earlier than the previous ends.
    pub(crate) segs: Cow<'a, [Segment]>,
    /// Position before the first segment (the takeoff position).
    pub(crate) first: Vec3,
    /// When the first segment starts (kept here: a window's search reads it for every drone,
    /// and the segment itself is seldom in the cache by then).
    first_t0: f64,
    /// Position after the last segment.
    pub(crate) last: Vec3,
    /// False when the drone has no usable position at all (non-finite data).
    pub(crate) present: bool,
}

/// Times and coordinates beyond this magnitude are not physical; such segments are dropped
/// so that every search stays finite.
const MAX_MAGNITUDE: f64 = 1e12;

/// Segments walked forward from a cursor's hint before the rest is bisected.
const HINT_STEPS: usize = 8;

fn sane(p: &Vec3) -> bool {
    p.x.abs() <= MAX_MAGNITUDE && p.y.abs() <= MAX_MAGNITUDE && p.z.abs() <= MAX_MAGNITUDE
}

fn usable(s: &Segment) -> bool {
    s.t0.abs() <= MAX_MAGNITUDE
        && s.t1.abs() <= MAX_MAGNITUDE
        && s.t1 > s.t0
        && s.p.iter().all(sane)
}

impl<'a> PreparedDrone<'a> {
    /// Prepares one trajectory; unusable segments are dropped.
    pub(crate) fn new(tr: &'a Trajectory) -> Self {
        let mut ordered = true;
        let mut prev_t1 = f64::NEG_INFINITY;
        for s in &tr.segments {
            if !usable(s) || s.t0 < prev_t1 - 1e-9 {
                ordered = false;
                break;
            }
            prev_t1 = s.t1;
        }
        let segs: Cow<'a, [Segment]> = if ordered {
            Cow::Borrowed(&tr.segments)
        } else {
            let mut v: Vec<Segment> = Vec::with_capacity(tr.segments.len());
            for s in &tr.segments {
                let after_prev = v.last().is_none_or(|p: &Segment| s.t0 >= p.t1 - 1e-9);
                if usable(s) && after_prev {
                    v.push(*s);
                }
            }
            Cow::Owned(v)
        };
        let (first, first_t0, last, present) = match (segs.first(), segs.last()) {
            (Some(f), Some(l)) => (f.p[0], f.t0, l.p[3], true),
            _ => (tr.start, 0.0, tr.start, sane(&tr.start)),
        };
        PreparedDrone {
            segs,
            first,
            first_t0,
            last,
            present,
        }
    }

    /// The drone's motion during `[w0, w1]` (with `w0 < w1`) as contiguous pieces covering
    /// the window, appended to `out`: holds before, between and after segments, and the
    /// clipped segments. Each piece comes with the index of its segment when it is that
    /// whole segment (so per-segment results can be reused).
    ///
    /// `hint` is carried from window to window: the index of the segment where the
    /// previous (earlier) window started. Walking forward from it touches memory in order,
    /// which matters with thousands of drones; any value gives the same result.
    pub(crate) fn pieces(
        &self,
        w0: f64,
        w1: f64,
        hint: &mut usize,
        out: &mut Vec<(Segment, Option<u32>)>,
    ) {
        let segs = &self.segs[..];
        if segs.is_empty() {
            out.push((Segment::hold(w0, w1, self.first), None));
            return;
        }
        let mut cursor = w0;
        if cursor < self.first_t0 {
            let end = self.first_t0.min(w1);
            out.push((Segment::hold(cursor, end, self.first), None));
            cursor = end;
        }
        let mut i = (*hint).min(segs.len());
        if i > 0 && segs[i - 1].t1 > cursor {
            i = segs.partition_point(|s| s.t1 <= cursor);
        }
        // A few steps forward from the hint; a hint far behind (a fresh cursor late in a
        // show of thousands of short pieces) is caught up by bisection, as `t1` increases.
        let mut steps = 0;
        while i < segs.len() && segs[i].t1 <= cursor {
            if steps == HINT_STEPS {
                i += segs[i..].partition_point(|s| s.t1 <= cursor);
                break;
            }
            i += 1;
            steps += 1;
        }
        *hint = i;
        while cursor < w1 && i < segs.len() {
            let s = &segs[i];
            if s.t0 > cursor {
                // A gap in time: the drone waits at the start of the next segment.
                let end = s.t0.min(w1);
                out.push((Segment::hold(cursor, end, s.p[0]), None));
                cursor = end;
                continue;
            }
            let end = s.t1.min(w1);
            if end > cursor {
                let whole = cursor <= s.t0 && end >= s.t1;
                let piece = bezier::sub_time(s, cursor, end);
                out.push((piece, if whole { Some(i as u32) } else { None }));
                cursor = end;
            }
            i += 1;
        }
        if cursor < w1 {
            out.push((Segment::hold(cursor, w1, self.last), None));
        }
    }
}

/// The time span every check covers: from `min(0, first segment start)` to the last segment
/// end (at least a short span, so a static show is still checked once).
pub(crate) fn show_span(drones: &[PreparedDrone<'_>]) -> (f64, f64) {
    let mut t0 = 0.0f64;
    let mut t1 = f64::NEG_INFINITY;
    for d in drones {
        if let (Some(f), Some(l)) = (d.segs.first(), d.segs.last()) {
            t0 = t0.min(f.t0);
            t1 = t1.max(l.t1);
        }
    }
    if !(t1 > t0) {
        t1 = t0 + 1.0;
    }
    (t0, t1)
}

/// Prepares every drone of a show.
pub(crate) fn prepare(show: &FlightShow) -> Vec<PreparedDrone<'_>> {
    show.drones
        .iter()
        .map(|d| PreparedDrone::new(&d.trajectory))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A thousand short pieces with gaps: the pieces of any window are the same whatever the
    /// cursor's hint (fresh, behind, ahead, past the end).
    #[test]
    fn pieces_do_not_depend_on_the_hint() {
        let mut tr = Trajectory::new(Vec3::ZERO);
        let mut p = Vec3::ZERO;
        for k in 0..1000 {
            let t0 = k as f64 * 0.1 + if k % 7 == 0 { 0.05 } else { 0.0 };
            let q = p + Vec3::new(0.01, -0.02, 0.03);
            // Pushed as they are: gaps in time are allowed here.
            tr.segments
                .push(Segment::line(t0, (k + 1) as f64 * 0.1, p, q));
            p = q;
        }
        let d = PreparedDrone::new(&tr);
        for (w0, w1) in [(0.0, 1.0), (37.33, 38.33), (99.5, 100.5), (12.0, 12.04)] {
            let mut want = Vec::new();
            let mut exact = d.segs.partition_point(|s| s.t1 <= w0);
            d.pieces(w0, w1, &mut exact, &mut want);
            for start in [0, 3, 200, 999, 5000] {
                let mut hint = start;
                let mut got = Vec::new();
                d.pieces(w0, w1, &mut hint, &mut got);
                assert_eq!(hint, exact, "window {w0}, hint {start}");
                assert_eq!(got, want, "window {w0}, hint {start}");
            }
        }
    }
}
