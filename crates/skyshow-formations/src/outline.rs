//! `Outline`: polylines sampled by arc length with their corners kept.
//!
//! Points are spread so that the smallest gap along the lines is as large as possible:
//! sharp corners and the ends of open lines are pinned, each piece between two pinned
//! points is split into equal gaps, and the gap `σ` is the largest for which the pieces
//! hold the requested number of points (a bisection on `σ`). Lines too short for two points
//! get one; closed loops too small for four points get one.

use skyshow_model::Vec3;

use crate::segments::SegmentIndex;

/// A vertex turning by more than this is a corner, degrees.
const CORNER_DEG: f64 = 35.0;
/// At most this share of the points are pinned corners (each piece between pins loses
/// half a gap on average to rounding), or `MIN_CORNERS`, whichever is more.
const MAX_CORNER_SHARE: f64 = 0.15;
/// Corners always allowed.
const MIN_CORNERS: usize = 12;
/// Closed loops need this many points, or they get a single one.
const MIN_LOOP_POINTS: usize = 4;

/// One polyline with its cumulative arc length.
struct Polyline {
    /// Vertices; a closed line repeats its first vertex last.
    pts: Vec<[f64; 2]>,
    /// Arc length at each vertex.
    cum: Vec<f64>,
    closed: bool,
}

impl Polyline {
    fn length(&self) -> f64 {
        *self.cum.last().unwrap_or(&0.0)
    }

    /// The point at arc length `t` (wrapping on closed lines).
    fn at(&self, t: f64) -> [f64; 2] {
        let len = self.length();
        let t = if self.closed && len > 0.0 {
            t.rem_euclid(len)
        } else {
            t.clamp(0.0, len)
        };
        let i = self
            .cum
            .partition_point(|&c| c <= t)
            .clamp(1, self.pts.len() - 1);
        let (c0, c1) = (self.cum[i - 1], self.cum[i]);
        let f = if c1 > c0 { (t - c0) / (c1 - c0) } else { 0.0 };
        let (a, b) = (self.pts[i - 1], self.pts[i]);
        [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f]
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

/// How one line is sampled.
#[derive(Clone, Debug, PartialEq)]
enum LinePlan {
    /// No point (only when there are more lines than points).
    Skip,
    /// One point, at the middle of the line (of the loop's vertices for a loop).
    Single,
    /// Pinned points at these arc lengths and gaps per piece between them (open lines:
    /// pieces between consecutive pins; closed lines: also from the last pin round to the
    /// first). A closed line without corners has no pins and one piece.
    Pieces { pins: Vec<f64>, gaps: Vec<usize> },
}

/// Sampled outline points.
pub(crate) struct OutlineSample {
    /// Positions, `z = 0`.
    pub(crate) points: Vec<Vec3>,
    /// Whether each point is pinned (a corner or the end of an open line).
    pub(crate) pinned: Vec<bool>,
    /// The smallest gap along the lines, metres.
    pub(crate) arc_spacing_m: f64,
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

    /// Whether there is nothing to trace.
    pub(crate) fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Total length, metres.
    pub(crate) fn length(&self) -> f64 {
        self.lines.iter().map(Polyline::length).sum()
    }

    /// The segments, for a nearest-point index.
    pub(crate) fn segments(&self) -> Vec<[f64; 4]> {
        self.lines
            .iter()
            .flat_map(|l| {
                l.pts
                    .windows(2)
                    .map(|w| [w[0][0], w[0][1], w[1][0], w[1][1]])
            })
            .collect()
    }

    /// An index for the nearest point on the lines.
    pub(crate) fn index(&self, cell: f64) -> Option<SegmentIndex> {
        SegmentIndex::new(&self.segments(), cell)
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
    fn corners(&self, gap: f64, max: usize) -> Vec<Vec<f64>> {
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

    /// The plan of each line for gap `σ`, with the given corners, and its point count.
    fn plan(&self, corners: &[Vec<f64>], sigma: f64) -> (Vec<LinePlan>, usize) {
        let mut total = 0;
        let plans = self
            .lines
            .iter()
            .zip(corners)
            .map(|(l, c)| {
                let len = l.length();
                let gaps = |x: f64| ((x / sigma).floor() as usize).max(1);
                let plan = if !l.closed {
                    if len < sigma {
                        LinePlan::Single
                    } else {
                        let mut pins = vec![0.0];
                        pins.extend_from_slice(c);
                        pins.push(len);
                        let gaps = pins.windows(2).map(|w| gaps(w[1] - w[0])).collect();
                        LinePlan::Pieces { pins, gaps }
                    }
                } else if c.is_empty() {
                    let g = (len / sigma).floor() as usize;
                    if g >= MIN_LOOP_POINTS {
                        LinePlan::Pieces {
                            pins: Vec::new(),
                            gaps: vec![g],
                        }
                    } else {
                        LinePlan::Single
                    }
                } else {
                    let m = c.len();
                    let gaps = (0..m)
                        .map(|i| {
                            let next = if i + 1 < m { c[i + 1] } else { c[0] + len };
                            gaps(next - c[i])
                        })
                        .collect();
                    LinePlan::Pieces {
                        pins: c.to_vec(),
                        gaps,
                    }
                };
                total += plan_points(&plan, l.closed);
                plan
            })
            .collect();
        (plans, total)
    }

    /// `n` points along the lines, as evenly as the corners allow. Empty without lines.
    ///
    /// Lines meeting at a shared end (or a corner on another line) pin the same spot once:
    /// the duplicate is dropped and the lines are planned for one more point, until exactly
    /// `n` distinct points remain.
    pub(crate) fn sample(&self, n: usize) -> OutlineSample {
        let mut ask = n;
        let mut best: Option<OutlineSample> = None;
        for _ in 0..8 {
            let s = self.sample_once(ask);
            let got = s.points.len();
            if got == n {
                return s;
            }
            let closer = best
                .as_ref()
                .is_none_or(|b| got.abs_diff(n) < b.points.len().abs_diff(n) && got <= n.max(1));
            if closer {
                best = Some(s);
            }
            if got < n {
                ask += n - got;
            } else {
                ask = ask.saturating_sub(got - n).max(1);
            }
        }
        // Rare: pad from the longest gaps' midpoints never needed in tests; keep the best.
        let mut s = best.unwrap_or_else(|| self.sample_once(n));
        s.points.truncate(n);
        s.pinned.truncate(n);
        s
    }

    fn sample_once(&self, n: usize) -> OutlineSample {
        let empty = OutlineSample {
            points: Vec::new(),
            pinned: Vec::new(),
            arc_spacing_m: f64::INFINITY,
        };
        if self.lines.is_empty() || n == 0 {
            return empty;
        }
        let len = self.length();
        let max_corners = ((n as f64 * MAX_CORNER_SHARE) as usize).max(MIN_CORNERS);
        let mut corners = self.corners(len / n as f64, max_corners);
        let hi = len * 2.0 + 1.0;
        if self.plan(&corners, hi).1 > n {
            corners = vec![Vec::new(); self.lines.len()];
        }
        let (mut plans, sigma) = if self.plan(&corners, hi).1 > n {
            // More lines than points: one point on each of the longest lines.
            let mut order: Vec<usize> = (0..self.lines.len()).collect();
            order.sort_by(|&a, &b| {
                self.lines[b]
                    .length()
                    .total_cmp(&self.lines[a].length())
                    .then(a.cmp(&b))
            });
            let mut plans = vec![LinePlan::Skip; self.lines.len()];
            for &i in order.iter().take(n) {
                plans[i] = LinePlan::Single;
            }
            (plans, f64::INFINITY)
        } else {
            // The largest σ whose plan holds at least n points.
            let (mut lo, mut hi) = (0.0, hi);
            for _ in 0..80 {
                let mid = 0.5 * (lo + hi);
                if self.plan(&corners, mid).1 >= n {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let lo = if lo > 0.0 { lo } else { len / n as f64 * 1e-6 };
            let (plans, _) = self.plan(&corners, lo);
            (plans, lo)
        };
        self.trim(&mut plans, n);
        let mut out = OutlineSample {
            arc_spacing_m: sigma,
            ..empty
        };
        let mut min_gap = f64::INFINITY;
        for (l, plan) in self.lines.iter().zip(&plans) {
            match plan {
                LinePlan::Skip => {}
                LinePlan::Single => {
                    let p = if l.closed {
                        let m = l.pts.len() - 1;
                        let s = l.pts[..m]
                            .iter()
                            .fold([0.0, 0.0], |a, p| [a[0] + p[0], a[1] + p[1]]);
                        [s[0] / m as f64, s[1] / m as f64]
                    } else {
                        l.at(l.length() / 2.0)
                    };
                    out.points.push(Vec3::new(p[0], p[1], 0.0));
                    out.pinned.push(false);
                }
                LinePlan::Pieces { pins, gaps } => {
                    let len = l.length();
                    let mut push = |t: f64, pinned: bool| {
                        let p = l.at(t);
                        out.points.push(Vec3::new(p[0], p[1], 0.0));
                        out.pinned.push(pinned);
                    };
                    if pins.is_empty() {
                        let g = gaps[0];
                        min_gap = min_gap.min(len / g as f64);
                        for j in 0..g {
                            push(len * j as f64 / g as f64, false);
                        }
                        continue;
                    }
                    let pieces = if l.closed { pins.len() } else { pins.len() - 1 };
                    for i in 0..pieces {
                        let t0 = pins[i];
                        let t1 = if i + 1 < pins.len() {
                            pins[i + 1]
                        } else {
                            pins[0] + len
                        };
                        let g = gaps[i];
                        min_gap = min_gap.min((t1 - t0) / g as f64);
                        push(t0, true);
                        for j in 1..g {
                            push(t0 + (t1 - t0) * j as f64 / g as f64, false);
                        }
                    }
                    if !l.closed {
                        push(len, true);
                    }
                }
            }
        }
        if min_gap.is_finite() {
            out.arc_spacing_m = min_gap;
        }
        // Pinned points shared by several lines: keep one.
        let eps = 1e-9 * (1.0 + self.length());
        let mut keep = vec![true; out.points.len()];
        let pins: Vec<usize> = (0..out.points.len()).filter(|&i| out.pinned[i]).collect();
        for (a, &i) in pins.iter().enumerate() {
            if keep[i]
                && pins[a + 1..]
                    .iter()
                    .any(|&j| keep[j] && out.points[j].dist(out.points[i]) <= eps)
            {
                keep[i] = false;
            }
        }
        if keep.iter().any(|k| !k) {
            let mut k = keep.iter();
            out.points.retain(|_| *k.next().unwrap_or(&true));
            let mut k = keep.iter();
            out.pinned.retain(|_| *k.next().unwrap_or(&true));
        }
        out
    }

    /// Removes points until the plans hold exactly `n`, each time from the piece whose gaps
    /// stay smallest after the removal (the least visible change).
    fn trim(&self, plans: &mut [LinePlan], n: usize) {
        let count = |plans: &[LinePlan]| -> usize {
            plans
                .iter()
                .zip(&self.lines)
                .map(|(p, l)| plan_points(p, l.closed))
                .sum()
        };
        let mut total = count(plans);
        while total > n {
            let mut best: Option<(f64, usize, usize)> = None;
            for (li, (plan, l)) in plans.iter().zip(&self.lines).enumerate() {
                let LinePlan::Pieces { pins, gaps } = plan else {
                    continue;
                };
                let len = l.length();
                for (pi, &g) in gaps.iter().enumerate() {
                    let min_g = if pins.is_empty() {
                        MIN_LOOP_POINTS + 1
                    } else {
                        2
                    };
                    if g < min_g {
                        continue;
                    }
                    let piece = if pins.is_empty() {
                        len
                    } else if pi + 1 < pins.len() {
                        pins[pi + 1] - pins[pi]
                    } else {
                        pins[0] + len - pins[pi]
                    };
                    let after = piece / (g - 1) as f64;
                    if best.is_none_or(|b| after < b.0) {
                        best = Some((after, li, pi));
                    }
                }
            }
            match best {
                Some((_, li, pi)) => {
                    if let LinePlan::Pieces { gaps, .. } = &mut plans[li] {
                        gaps[pi] -= 1;
                    }
                }
                None => {
                    // Only single points left to remove: drop those of the shortest lines.
                    let Some(li) = (0..plans.len())
                        .filter(|&i| plans[i] == LinePlan::Single)
                        .min_by(|&a, &b| {
                            self.lines[a]
                                .length()
                                .total_cmp(&self.lines[b].length())
                                .then(a.cmp(&b))
                        })
                    else {
                        return;
                    };
                    plans[li] = LinePlan::Skip;
                }
            }
            total = count(plans);
        }
    }
}

/// Points a plan places.
fn plan_points(plan: &LinePlan, closed: bool) -> usize {
    match plan {
        LinePlan::Skip => 0,
        LinePlan::Single => 1,
        LinePlan::Pieces { gaps, .. } => gaps.iter().sum::<usize>() + usize::from(!closed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spacing::min_spacing;

    fn rect(w: f64, h: f64) -> Vec<[f64; 2]> {
        vec![[0.0, 0.0], [w, 0.0], [w, h], [0.0, h], [0.0, 0.0]]
    }

    #[test]
    fn rectangle_keeps_corners_and_even_gaps() {
        let o = Outline::new(&[rect(100.0, 37.0)]);
        for n in [4usize, 10, 57, 600] {
            let s = o.sample(n);
            assert_eq!(s.points.len(), n);
            if n < 10 {
                // Too few points to keep corners 37 m apart at a 68.5 m spacing.
                continue;
            }
            for c in [[0.0, 0.0], [100.0, 0.0], [100.0, 37.0], [0.0, 37.0]] {
                assert!(
                    s.points
                        .iter()
                        .any(|p| p.dist(Vec3::new(c[0], c[1], 0.0)) < 1e-9),
                    "n = {n}: corner {c:?} missing"
                );
            }
            let ideal = o.length() / n as f64;
            let (d, _, _) = min_spacing(&s.points).unwrap();
            assert!(d >= 0.85 * ideal, "n = {n}: {d} vs {ideal}");
        }
    }

    #[test]
    fn short_lines_and_small_loops_get_one_point() {
        let circle: Vec<[f64; 2]> = (0..=32)
            .map(|k| {
                let a = k as f64 / 32.0 * std::f64::consts::TAU;
                [a.cos(), a.sin()]
            })
            .collect();
        let o = Outline::new(&[
            vec![[0.0, 10.0], [100.0, 10.0]],
            circle,
            vec![[0.0, 20.0], [0.5, 20.0]],
        ]);
        let s = o.sample(20);
        assert_eq!(s.points.len(), 20);
        let (d, _, _) = min_spacing(&s.points).unwrap();
        assert!(d > 4.0, "{d}");
        // More lines than points: the longest lines get one each.
        let many: Vec<Vec<[f64; 2]>> = (0..10)
            .map(|i| vec![[0.0, i as f64 * 10.0], [1.0 + i as f64, i as f64 * 10.0]])
            .collect();
        let s = Outline::new(&many).sample(3);
        assert_eq!(s.points.len(), 3);
        assert!(s.points.iter().all(|p| p.y >= 70.0));
    }

    #[test]
    fn degenerate_input_gives_no_points() {
        let o = Outline::new(&[vec![[1.0, 1.0], [1.0, 1.0]], vec![[f64::NAN, 0.0]]]);
        assert!(o.is_empty());
        assert!(o.sample(10).points.is_empty());
    }
}
