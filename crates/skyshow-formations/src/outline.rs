//! `Outline`: polylines measured by arc length, with their corners.
//!
//! The geometry the outline sampler (`LinePacking`) works on: lines with their arc length,
//! points and directions along them, and their sharp corners.

use skyshow_model::Vec3;

use crate::grid::PointGrid;

/// A vertex turning by more than this is a corner, degrees.
const CORNER_DEG: f64 = 35.0;
/// `close_share`: parts of one line farther apart than this × the spacing along it count
/// as different parts (nearer, two points close in the plane are one stretch of line
/// turning a corner, which the packing's corners account for).
const FOLD: f64 = 2.0;
/// `close_share`'s samples per spacing.
const SHARE_PITCH: f64 = 8.0;

/// One polyline with its cumulative arc length.
pub(crate) struct Polyline {
    /// Vertices; a closed line repeats its first vertex last.
    pts: Vec<[f64; 2]>,
    /// Arc length at each vertex.
    cum: Vec<f64>,
    /// Whether the line is a loop.
    pub(crate) closed: bool,
}

impl Polyline {
    /// Arc length, metres.
    pub(crate) fn length(&self) -> f64 {
        *self.cum.last().unwrap_or(&0.0)
    }

    /// The vertices (a closed line repeats its first vertex last).
    pub(crate) fn vertices(&self) -> &[[f64; 2]] {
        &self.pts
    }

    /// The point at arc length `t` (wrapping on closed lines).
    pub(crate) fn at(&self, t: f64) -> [f64; 2] {
        self.at_with_tangent(t).0
    }

    /// Arc length `t` brought onto the line: wrapped round a loop, clamped to the ends of
    /// an open line.
    pub(crate) fn wrap(&self, t: f64) -> f64 {
        let len = self.length();
        if self.closed && len > 0.0 {
            t.rem_euclid(len)
        } else {
            t.clamp(0.0, len)
        }
    }

    /// The point at arc length `t` (wrapping on closed lines) and the unit direction of the
    /// line there.
    pub(crate) fn at_with_tangent(&self, t: f64) -> ([f64; 2], [f64; 2]) {
        let t = self.wrap(t);
        let i = self
            .cum
            .partition_point(|&c| c <= t)
            .clamp(1, self.pts.len() - 1);
        let (c0, c1) = (self.cum[i - 1], self.cum[i]);
        let f = if c1 > c0 { (t - c0) / (c1 - c0) } else { 0.0 };
        let (a, b) = (self.pts[i - 1], self.pts[i]);
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let d = dx.hypot(dy);
        let tangent = if d > 0.0 {
            [dx / d, dy / d]
        } else {
            [0.0, 0.0]
        };
        ([a[0] + dx * f, a[1] + dy * f], tangent)
    }

    /// The arc length at which the line passes within `eps` of `q`, if it does.
    fn arc_of(&self, q: [f64; 2], eps: f64) -> Option<f64> {
        for (i, w) in self.pts.windows(2).enumerate() {
            let (a, b) = (w[0], w[1]);
            let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
            let len2 = dx * dx + dy * dy;
            if len2 == 0.0 {
                continue;
            }
            let f = (((q[0] - a[0]) * dx + (q[1] - a[1]) * dy) / len2).clamp(0.0, 1.0);
            let (px, py) = (a[0] + dx * f, a[1] + dy * f);
            if (px - q[0]).hypot(py - q[1]) <= eps {
                return Some(self.cum[i] + f * len2.sqrt());
            }
        }
        None
    }

    /// Turning angle at vertex `i`, degrees (`None` at the ends of open lines).
    fn turn_deg(&self, i: usize) -> Option<f64> {
        let m = self.pts.len();
        let (prev, next) = if self.closed {
            // Vertices 0..m-1 are distinct; vertex m-1 repeats 0.
            (
                if i == 0 { m - 2 } else { i - 1 },
                if i + 1 >= m - 1 {
                    (i + 1) % (m - 1)
                } else {
                    i + 1
                },
            )
        } else {
            if i == 0 || i + 1 >= m {
                return None;
            }
            (i - 1, i + 1)
        };
        let (a, b, c) = (self.pts[prev], self.pts[i], self.pts[next]);
        let (u, v) = ([b[0] - a[0], b[1] - a[1]], [c[0] - b[0], c[1] - b[1]]);
        let (nu, nv) = (u[0].hypot(u[1]), v[0].hypot(v[1]));
        if nu == 0.0 || nv == 0.0 {
            return None;
        }
        let cos = ((u[0] * v[0] + u[1] * v[1]) / (nu * nv)).clamp(-1.0, 1.0);
        Some(cos.acos().to_degrees())
    }
}

/// Polylines in the plane.
pub(crate) struct Outline {
    lines: Vec<Polyline>,
}

impl Outline {
    /// The outline of `lines` (a closed line repeats its first point last). Repeated vertices
    /// and lines without length are dropped.
    pub(crate) fn new(lines: &[Vec<[f64; 2]>]) -> Outline {
        let mut out = Vec::new();
        for l in lines {
            let mut pts: Vec<[f64; 2]> = Vec::with_capacity(l.len());
            for p in l {
                if p.iter().all(|v| v.is_finite()) && pts.last() != Some(p) {
                    pts.push(*p);
                }
            }
            if pts.len() < 2 {
                continue;
            }
            // Ends within a hair of each other close the line.
            let span = pts
                .windows(2)
                .map(|w| (w[1][0] - w[0][0]).hypot(w[1][1] - w[0][1]))
                .sum::<f64>();
            let (first, last) = (pts[0], pts[pts.len() - 1]);
            let closed =
                pts.len() >= 4 && (first[0] - last[0]).hypot(first[1] - last[1]) <= 1e-9 * span;
            if closed {
                let k = pts.len() - 1;
                pts[k] = first;
            }
            let mut cum = Vec::with_capacity(pts.len());
            let mut acc = 0.0;
            cum.push(0.0);
            for w in pts.windows(2) {
                acc += (w[1][0] - w[0][0]).hypot(w[1][1] - w[0][1]);
                cum.push(acc);
            }
            if acc > 0.0 {
                out.push(Polyline { pts, cum, closed });
            }
        }
        Outline { lines: out }
    }

    /// The lines.
    pub(crate) fn lines(&self) -> &[Polyline] {
        &self.lines
    }

    /// Whether there is nothing to trace.
    pub(crate) fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Total length, metres.
    pub(crate) fn length(&self) -> f64 {
        self.lines.iter().map(Polyline::length).sum()
    }

    /// The share of the outline's length that has another part of the outline closer than
    /// `s` in the plane, where "another part" is another line, or the same line farther
    /// than `FOLD × s` along it (the far side of a thin stroke, not the next stretch of
    /// the same line). Where lines run that close, points `s` apart on both must take
    /// turns: `L/N` spacing is out of reach there. Measured on samples `s/SHARE_PITCH`
    /// apart.
    pub(crate) fn close_share(&self, s: f64) -> f64 {
        self.close_share_where(s, |_, _| true)
    }

    /// The share of the outline's length that has another part of the outline closer than
    /// `s` across empty space: as [`Outline::close_share`], counting only pairs whose
    /// midpoint `gap(p, q)` says is outside the artwork's area. There two parts of the
    /// picture are nearer each other than drones `s` apart can show, and merge.
    pub(crate) fn gap_share(&self, s: f64, outside: impl Fn([f64; 2]) -> bool) -> f64 {
        self.close_share_where(s, |p, q| outside([0.5 * (p.x + q.x), 0.5 * (p.y + q.y)]))
    }

    /// `close_share` counting only the close pairs `keep` accepts.
    fn close_share_where(&self, s: f64, keep: impl Fn(Vec3, Vec3) -> bool) -> f64 {
        let len = self.length();
        if !s.is_finite() || s <= 0.0 || len <= 0.0 {
            return 0.0;
        }
        let h = s / SHARE_PITCH;
        // The middle of each piece of line at most `h` long: line, arc length, piece length.
        let mut at: Vec<(usize, f64, f64)> = Vec::new();
        let mut pts: Vec<Vec3> = Vec::new();
        for (li, l) in self.lines.iter().enumerate() {
            let k = ((l.length() / h).ceil() as usize).max(1);
            let piece = l.length() / k as f64;
            for j in 0..k {
                let t = piece * (j as f64 + 0.5);
                let p = l.at(t);
                at.push((li, t, piece));
                pts.push(Vec3::new(p[0], p[1], 0.0));
            }
        }
        let grid = PointGrid::new(&pts, s);
        let mut close = 0.0;
        for (p, &(li, t, piece)) in pts.iter().zip(&at) {
            let l = &self.lines[li];
            let mut hit = false;
            grid.within(&pts, *p, s, |j, _| {
                if hit {
                    return;
                }
                let (lj, u, _) = at[j];
                let other = lj != li || {
                    let d = (u - t).abs();
                    let d = if l.closed { d.min(l.length() - d) } else { d };
                    d > FOLD * s
                };
                hit = other && keep(*p, pts[j]);
            });
            if hit {
                close += piece;
            }
        }
        close / len
    }

    /// Points along the lines at most `h` apart.
    pub(crate) fn dense(&self, h: f64) -> Vec<Vec3> {
        let mut out = Vec::new();
        for l in &self.lines {
            let k = ((l.length() / h).ceil() as usize).max(1);
            for j in 0..=k {
                let p = l.at(l.length() * j as f64 / k as f64);
                out.push(Vec3::new(p[0], p[1], 0.0));
            }
        }
        out
    }

    /// Sharp corners, as (line, arc length), kept at least `gap` apart along their line,
    /// from the ends of open lines, and from each other in the plane; sharpest first, at
    /// most `max` of them.
    pub(crate) fn corners(&self, gap: f64, max: usize) -> Vec<Vec<f64>> {
        let mut cand: Vec<(f64, usize, usize)> = Vec::new();
        for (li, l) in self.lines.iter().enumerate() {
            let last = if l.closed {
                l.pts.len() - 1
            } else {
                l.pts.len()
            };
            for i in 0..last {
                if let Some(a) = l.turn_deg(i)
                    && a >= CORNER_DEG
                {
                    cand.push((a, li, i));
                }
            }
        }
        cand.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut kept: Vec<Vec<f64>> = vec![Vec::new(); self.lines.len()];
        let mut kept_xy: Vec<[f64; 2]> = Vec::new();
        // Junctions: where the end of an open line touches another line, that line is pinned
        // there too (the shared point is kept once), whatever the spacing.
        let eps = 1e-7 * (1.0 + self.length());
        for (lj, l) in self.lines.iter().enumerate() {
            if l.closed {
                continue;
            }
            for end in [l.pts[0], l.pts[l.pts.len() - 1]] {
                for (li, other) in self.lines.iter().enumerate() {
                    if li == lj {
                        continue;
                    }
                    if let Some(t) = other.arc_of(end, eps)
                        && (other.closed || (t > eps && t < other.length() - eps))
                        && !kept[li].iter().any(|&u| (u - t).abs() <= eps)
                    {
                        kept[li].push(t);
                    }
                }
            }
        }
        for (_, li, i) in cand {
            if kept_xy.len() >= max {
                break;
            }
            let l = &self.lines[li];
            let t = l.cum[i];
            let len = l.length();
            let arc = |a: f64, b: f64| {
                let d = (a - b).abs();
                if l.closed { d.min(len - d) } else { d }
            };
            if !l.closed && (t < gap || len - t < gap) {
                continue;
            }
            if kept[li].iter().any(|&u| arc(u, t) < gap) {
                continue;
            }
            let p = l.pts[i];
            if kept_xy
                .iter()
                .any(|q| (q[0] - p[0]).hypot(q[1] - p[1]) < gap)
            {
                continue;
            }
            kept[li].push(t);
            kept_xy.push(p);
        }
        for k in &mut kept {
            k.sort_by(f64::total_cmp);
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(w: f64, h: f64) -> Vec<[f64; 2]> {
        vec![[0.0, 0.0], [w, 0.0], [w, h], [0.0, h], [0.0, 0.0]]
    }

    #[test]
    fn rectangle_has_its_length_and_four_corners() {
        let o = Outline::new(&[rect(100.0, 37.0)]);
        assert!((o.length() - 274.0).abs() < 1e-9);
        let c = o.corners(10.0, 12);
        assert_eq!(c.len(), 1);
        let mut got = c[0].clone();
        got.sort_by(f64::total_cmp);
        assert_eq!(got, vec![0.0, 100.0, 137.0, 237.0]);
        // Corners are kept a gap apart along the line and in the plane: at 120 m the
        // first one alone (the others are 100, 37 and 106.6 m from it).
        assert_eq!(o.corners(120.0, 12)[0], vec![0.0]);
        assert_eq!(o.corners(10.0, 3)[0].len(), 3);
    }

    #[test]
    fn close_share_counts_the_far_side_of_a_stroke_not_corners() {
        // A lone rectangle: its sides are far apart, and at its corners the two arms are
        // one stretch of line.
        assert_eq!(Outline::new(&[rect(100.0, 40.0)]).close_share(10.0), 0.0);
        // Two parallel lines 4 m apart: closer than 5 m everywhere, not closer than 3 m.
        let two = Outline::new(&[
            vec![[0.0, 0.0], [100.0, 0.0]],
            vec![[0.0, 4.0], [100.0, 4.0]],
        ]);
        assert!((two.close_share(5.0) - 1.0).abs() < 1e-12);
        assert_eq!(two.close_share(3.0), 0.0);
        // A stroke 100 m long and 2 m wide, one closed line: its long sides count, the
        // short sides at its ends do not (within 2 × 5 m of everything near them along
        // the line). A point x from an end sees the other side up to √(5² − 2²) ≈ 4.58 m
        // farther on, which is x + 2 + x + 4.58 m away round the end: more than 10 m once
        // x > 1.71 m.
        let share = Outline::new(&[rect(100.0, 2.0)]).close_share(5.0);
        let expect = 2.0 * (100.0 - 2.0 * 1.71) / 204.0;
        assert!((share - expect).abs() < 0.01, "{share} vs {expect}");
    }

    #[test]
    fn degenerate_input_gives_no_lines() {
        let o = Outline::new(&[vec![[1.0, 1.0], [1.0, 1.0]], vec![[f64::NAN, 0.0]]]);
        assert!(o.is_empty());
        assert_eq!(o.length(), 0.0);
    }
}
