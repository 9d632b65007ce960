//! `LinePacking`: exactly `n` points on an outline whose smallest gap *in the plane* is as
//! large as possible, lines that run close to each other (the two sides of a thin stroke,
//! neighbouring glyphs, crossing lines) included.
//!
//! 1. **Greedy packing at a gap `d`.** Corners and the ends of open lines are placed first
//!    (each kept when it is at least `d` from those already placed; a junction shared by
//!    several lines is kept once); then each line, longest first, is walked by arc length
//!    and a point is placed wherever it is at least `d` (straight-line distance) from every
//!    point placed so far. On a lone line this is the even arc-length split between corners;
//!    where two lines run closer than `d`, the second gets points only where the first left
//!    room, so points are distributed between sub-paths by the room they really have.
//! 2. **Bisection on `d`** for the largest gap whose packing holds at least `n` points; the
//!    surplus is removed where the points are most crowded. The last steps of the
//!    bisection try several starting places round each loop that has no corner (a walk
//!    round a loop wastes up to a gap where it closes, and where that falls matters near
//!    the neighbouring loops): on the example's titles at 600 points this gains 0.5 %.
//! 3. **Relaxation along the lines.** Free points slide along their own line (never jumping
//!    to another one), pushed by every neighbour closer than the target in the plane; the
//!    configuration with the largest smallest gap is kept, so the result never falls below
//!    the packing's gap.

use crate::outline::{Outline, Polyline};

/// Walk step of the greedy packing, × the gap; each placement is then refined.
const WALK_STEP: f64 = 0.125;
/// Bisection steps on the refinement of a placement along a step.
const REFINE_STEPS: usize = 6;
/// Bisection steps on the gap.
const GAP_STEPS: usize = 28;
/// At most this share of the points are pinned corners (see `Outline::corners`), or
/// `MIN_CORNERS`, whichever is more: the sharpest corners are kept, and each pinned corner
/// costs half a gap on average to rounding (more pins: visibly sharper corners, smaller
/// gap; at 600 points on the example's text, 15 % gives 0.83–0.89 × L/N, 5 % 0.85–0.92,
/// none 0.85–0.93).
const MAX_CORNER_SHARE: f64 = 0.05;
/// Corners always allowed.
const MIN_CORNERS: usize = 12;
/// Neighbours closer than this × the packing gap push each other during relaxation.
const REACH: f64 = 1.2;
/// Relaxation steps, and steps without a larger smallest gap before it stops.
const RELAX_ITERS: usize = 150;
const RELAX_STALL: usize = 40;
/// A relaxation step is kept when its smallest gap is within this share of the largest
/// seen.
const KEEP_SLACK: f64 = 1e-3;
/// Starting places tried round a loop that has no point yet.
const START_PHASES: usize = 8;
/// The search over starting places looks for a gap up to this share above the plain
/// packing's, in this many bisection steps.
const PHASE_SPAN: f64 = 0.03;
const PHASE_STEPS: usize = 6;

/// One point of the packing: where it is on which line.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LinePoint {
    /// Index of the line in the outline.
    pub(crate) line: usize,
    /// Arc length along the line, metres.
    pub(crate) t: f64,
    /// Position in the plane.
    pub(crate) xy: [f64; 2],
    /// Corners and ends of open lines do not move.
    pub(crate) pinned: bool,
}

impl LinePoint {
    /// Moves the point `dt` metres along its line (round a loop, up to an open line's
    /// ends).
    pub(crate) fn slide(&mut self, lines: &[Polyline], dt: f64) {
        let l = &lines[self.line];
        self.t = l.wrap(self.t + dt);
        self.xy = l.at(self.t);
    }
}

/// Points packed on an outline.
pub(crate) struct LinePacking {
    /// The points.
    pub(crate) points: Vec<LinePoint>,
}

impl LinePacking {
    /// Exactly `n` points on `outline` (`None` when the outline is empty or cannot hold
    /// `n` distinct points, e.g. when `n` is zero).
    pub(crate) fn new(outline: &Outline, n: usize) -> Option<LinePacking> {
        let lines = outline.lines();
        let len = outline.length();
        if lines.is_empty() || n == 0 || len <= 0.0 {
            return None;
        }
        let max_corners = ((n as f64 * MAX_CORNER_SHARE) as usize).max(MIN_CORNERS);
        let corners = outline.corners(len / n as f64, max_corners);
        let mut pins: Vec<(usize, f64)> = Vec::new();
        for (li, l) in lines.iter().enumerate() {
            if !l.closed {
                pins.push((li, 0.0));
                pins.push((li, l.length()));
            }
            pins.extend(corners[li].iter().map(|&t| (li, t)));
        }
        // Longest lines first: when there are more lines than points, they get them.
        let mut order: Vec<usize> = (0..lines.len()).collect();
        order.sort_by(|&a, &b| {
            lines[b]
                .length()
                .total_cmp(&lines[a].length())
                .then(a.cmp(&b))
        });
        pins.sort_by_key(|&(li, _)| order.iter().position(|&o| o == li));
        let (lo_xy, hi_xy) = bounds(lines);
        let diag = (hi_xy[0] - lo_xy[0])
            .hypot(hi_xy[1] - lo_xy[1])
            .max(len / n as f64);
        let mut grid = Grid::new(lo_xy, hi_xy, 16 * n + 1024);
        let mut pack_with =
            |d: f64, phases: usize| greedy(lines, &order, &pins, d, phases, &mut grid);
        let mut pack = |d: f64| pack_with(d, 1);
        // Bracket the gap: `lo` holds n points, `hi` does not.
        let mut lo = len / n as f64;
        let mut at_lo = pack(lo);
        while at_lo.len() < n {
            lo *= 0.5;
            if lo < len / n as f64 * 1e-4 {
                return None;
            }
            at_lo = pack(lo);
        }
        let mut hi = lo * 2.0;
        while pack(hi).len() >= n {
            lo = hi;
            hi *= 2.0;
            if hi > 4.0 * diag {
                // Any gap holds n points: n is at most the number of far-apart lines.
                break;
            }
        }
        at_lo = pack(lo);
        for _ in 0..GAP_STEPS {
            let mid = 0.5 * (lo + hi);
            let got = pack(mid);
            if got.len() >= n {
                lo = mid;
                at_lo = got;
            } else {
                hi = mid;
            }
        }
        // Then loops start where their walk places most (costly: only near the end).
        let mut hi = lo * (1.0 + PHASE_SPAN);
        for _ in 0..PHASE_STEPS {
            let mid = 0.5 * (lo + hi);
            let got = pack_with(mid, START_PHASES);
            if got.len() >= n {
                lo = mid;
                at_lo = got;
            } else {
                hi = mid;
            }
        }
        let mut points = at_lo;
        remove_crowded(&mut points, n, lo, &mut grid);
        relax(lines, &mut points, lo, &mut grid);
        Some(LinePacking { points })
    }
}

/// The bounding box of the lines.
fn bounds(lines: &[Polyline]) -> ([f64; 2], [f64; 2]) {
    let mut lo = [f64::INFINITY; 2];
    let mut hi = [f64::NEG_INFINITY; 2];
    for l in lines {
        for p in l.vertices() {
            for a in 0..2 {
                lo[a] = lo[a].min(p[a]);
                hi[a] = hi[a].max(p[a]);
            }
        }
    }
    (lo, hi)
}

/// Greedy packing at gap `d` (see the module documentation).
fn greedy(
    lines: &[Polyline],
    order: &[usize],
    pins: &[(usize, f64)],
    d: f64,
    phases: usize,
    grid: &mut Grid,
) -> Vec<LinePoint> {
    let mut out: Vec<LinePoint> = Vec::new();
    grid.reset(d);
    let d2 = d * d;
    for &(li, t) in pins {
        let xy = lines[li].at(t);
        if !grid.any_within(&out, xy, d2) {
            grid.insert(&out, xy);
            out.push(LinePoint {
                line: li,
                t,
                xy,
                pinned: true,
            });
        }
    }
    for &li in order {
        let l = &lines[li];
        if phases > 1 && l.closed && !out.iter().any(|p| p.line == li) {
            // A loop with nothing on it yet: the walk starting where it places most.
            let base = out.len();
            let mut best = (0, 0.0);
            for k in 0..phases {
                let phase = l.length() * k as f64 / phases as f64;
                let got = walk_line(l, li, &mut out, d, grid, Some(phase));
                if got > best.0 {
                    best = (got, phase);
                }
                while out.len() > base {
                    let p = out.pop().map(|p| p.xy).unwrap_or_default();
                    grid.pop(p, out.len());
                }
            }
            walk_line(l, li, &mut out, d, grid, Some(best.1));
        } else {
            walk_line(l, li, &mut out, d, grid, None);
        }
    }
    out
}

/// Walks line `li` by arc length and adds a point wherever it is at least `d` from every
/// point of `out` (which `grid`, reset to `d`, holds); returns how many were added. Closed
/// lines are walked once round from `phase` when given, else from their first point.
fn walk_line(
    l: &Polyline,
    li: usize,
    out: &mut Vec<LinePoint>,
    d: f64,
    grid: &mut Grid,
    phase: Option<f64>,
) -> usize {
    let d2 = d * d;
    let step = d * WALK_STEP;
    let len = l.length();
    // Closed lines are walked once round from their first placed point (or from 0).
    let start = out
        .iter()
        .filter(|p| p.line == li)
        .map(|p| p.t)
        .fold(f64::INFINITY, f64::min);
    let start = match phase {
        Some(p) if l.closed => p,
        _ if l.closed && start.is_finite() => start,
        _ => 0.0,
    };
    let end = if l.closed { start + len } else { len };
    let free = |out: &[LinePoint], grid: &Grid, t: f64| !grid.any_within(out, l.at(t), d2);
    let mut t = start;
    let mut added = 0;
    // The last blocked spot of the walk, to refine the first free one after it.
    let mut blocked: Option<f64> = None;
    while t <= end {
        if !free(out, grid, t) {
            blocked = Some(t);
            t += step;
            continue;
        }
        let mut at = t;
        if let Some(a) = blocked {
            let (mut a, mut b) = (a.max(t - step), t);
            for _ in 0..REFINE_STEPS {
                let m = 0.5 * (a + b);
                if free(out, grid, m) {
                    b = m;
                } else {
                    a = m;
                }
            }
            at = b;
        }
        let tt = l.wrap(at);
        let xy = l.at(tt);
        grid.insert(out, xy);
        out.push(LinePoint {
            line: li,
            t: tt,
            xy,
            pinned: false,
        });
        added += 1;
        // Nothing closer than `d` along the line can be `d` away in the plane.
        t = at + d;
        blocked = None;
    }
    added
}

/// Removes free points until `n` are left, where they are most crowded: each removal
/// takes the point whose two nearest neighbours are closest, away from the points
/// already removed (so no hole grows larger than about two gaps).
fn remove_crowded(points: &mut Vec<LinePoint>, n: usize, d: f64, grid: &mut Grid) {
    while points.len() > n {
        let surplus = points.len() - n;
        let crowd = two_nearest(points, d * 4.0, grid);
        let mut cand: Vec<(f64, usize)> = (0..points.len())
            .filter(|&i| !points[i].pinned)
            .map(|i| (crowd[i], i))
            .collect();
        if cand.is_empty() {
            // Only pins left (more pinned ends than points): keep the first ones.
            points.truncate(n);
            return;
        }
        cand.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut gone = vec![false; points.len()];
        let mut removed: Vec<[f64; 2]> = Vec::new();
        for &(_, i) in &cand {
            if removed.len() == surplus {
                break;
            }
            let p = points[i].xy;
            if removed
                .iter()
                .any(|q| (p[0] - q[0]).hypot(p[1] - q[1]) < 3.0 * d)
            {
                continue;
            }
            gone[i] = true;
            removed.push(p);
        }
        let mut k = gone.iter();
        points.retain(|_| !*k.next().unwrap_or(&false));
    }
}

/// For each point, the distances to its two nearest other points, summed (infinite
/// beyond `reach`).
fn two_nearest(points: &[LinePoint], reach: f64, grid: &mut Grid) -> Vec<f64> {
    grid.reset(reach);
    for (i, p) in points.iter().enumerate() {
        grid.insert_index(p.xy, i);
    }
    points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut best = [f64::INFINITY; 2];
            grid.for_each_within(points, p.xy, reach, |j, d2| {
                if j != i {
                    if d2 < best[0] {
                        best = [d2, best[0]];
                    } else if d2 < best[1] {
                        best[1] = d2;
                    }
                }
            });
            best[0].sqrt() + best[1].sqrt()
        })
        .collect()
}

/// The distance from each point to its nearest other point (infinite beyond `reach`).
fn nearest_gaps(points: &[LinePoint], reach: f64, grid: &mut Grid) -> Vec<f64> {
    grid.reset(reach);
    for (i, p) in points.iter().enumerate() {
        grid.insert_index(p.xy, i);
    }
    points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut best = f64::INFINITY;
            grid.for_each_within(points, p.xy, reach, |j, d2| {
                if j != i {
                    best = best.min(d2);
                }
            });
            best.sqrt()
        })
        .collect()
}

/// Slides free points along their lines apart (see the module documentation); returns the
/// smallest gap of the kept configuration.
fn relax(lines: &[Polyline], points: &mut [LinePoint], d: f64, grid: &mut Grid) -> f64 {
    let reach = d * REACH;
    let gap_of = |g: &[f64]| g.iter().copied().fold(f64::INFINITY, f64::min);
    let mut best = points.to_vec();
    let mut best_gap = gap_of(&nearest_gaps(points, reach, grid));
    let mut peak = best_gap;
    let mut best_at = 0;
    let max_step = 0.25 * d;
    for it in 1..=RELAX_ITERS {
        grid.reset(reach);
        for (i, p) in points.iter().enumerate() {
            grid.insert_index(p.xy, i);
        }
        let moves: Vec<f64> = points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                if p.pinned {
                    return 0.0;
                }
                let mut push = [0.0, 0.0];
                grid.for_each_within(points, p.xy, reach, |j, d2| {
                    if j == i {
                        return;
                    }
                    let q = points[j].xy;
                    let dist = d2.sqrt();
                    if dist > 1e-12 {
                        let share = if points[j].pinned { 1.0 } else { 0.5 };
                        let f = (reach - dist) * share / dist;
                        push[0] += (p.xy[0] - q[0]) * f;
                        push[1] += (p.xy[1] - q[1]) * f;
                    }
                });
                let (_, tan) = lines[p.line].at_with_tangent(p.t);
                (push[0] * tan[0] + push[1] * tan[1]).clamp(-max_step, max_step)
            })
            .collect();
        for (p, dt) in points.iter_mut().zip(moves) {
            if dt != 0.0 {
                p.slide(lines, dt);
            }
        }
        // Steps that keep the smallest gap within a hair of the best so far are kept too:
        // they go on evening out the spacing (holes left by removed points close up).
        let gap = gap_of(&nearest_gaps(points, reach, grid));
        if gap > peak {
            best_at = it;
            peak = gap;
        }
        if gap >= peak * (1.0 - KEEP_SLACK) {
            best_gap = gap;
            best.copy_from_slice(points);
        }
        if it - best_at > RELAX_STALL {
            break;
        }
    }
    points.copy_from_slice(&best);
    best_gap
}

/// A uniform grid of point indices (linked lists per cell), reused between packings.
struct Grid {
    lo: [f64; 2],
    hi: [f64; 2],
    /// Largest number of cells.
    max_cells: usize,
    cell: f64,
    nx: usize,
    ny: usize,
    head: Vec<u32>,
    next: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Grid {
    fn new(lo: [f64; 2], hi: [f64; 2], max_cells: usize) -> Grid {
        Grid {
            lo,
            hi,
            max_cells,
            cell: 1.0,
            nx: 1,
            ny: 1,
            head: Vec::new(),
            next: Vec::new(),
        }
    }

    /// Empties the grid and sets cells at least `cell` wide.
    fn reset(&mut self, cell: f64) {
        let (w, h) = (
            (self.hi[0] - self.lo[0]).max(1e-9),
            (self.hi[1] - self.lo[1]).max(1e-9),
        );
        let mut c = cell.max(1e-12);
        let dims = |c: f64| ((w / c) as usize + 1, (h / c) as usize + 1);
        let (mut nx, mut ny) = dims(c);
        while nx.saturating_mul(ny) > self.max_cells {
            c *= 1.5;
            (nx, ny) = dims(c);
        }
        self.cell = c;
        self.nx = nx;
        self.ny = ny;
        self.head.clear();
        self.head.resize(nx * ny, NONE);
        self.next.clear();
    }

    fn coord(&self, p: [f64; 2]) -> (usize, usize) {
        let x = ((p[0] - self.lo[0]) / self.cell).floor().max(0.0) as usize;
        let y = ((p[1] - self.lo[1]) / self.cell).floor().max(0.0) as usize;
        (x.min(self.nx - 1), y.min(self.ny - 1))
    }

    /// Adds the point about to be pushed at index `points.len()`.
    fn insert(&mut self, points: &[LinePoint], p: [f64; 2]) {
        self.insert_index(p, points.len());
    }

    /// Takes out point `i` at `p`, the last one inserted in its cell.
    fn pop(&mut self, p: [f64; 2], i: usize) {
        let (x, y) = self.coord(p);
        let c = y * self.nx + x;
        if self.head[c] == i as u32 {
            self.head[c] = self.next[i];
        }
    }

    fn insert_index(&mut self, p: [f64; 2], i: usize) {
        let (x, y) = self.coord(p);
        let c = y * self.nx + x;
        if self.next.len() <= i {
            self.next.resize(i + 1, NONE);
        }
        self.next[i] = self.head[c];
        self.head[c] = i as u32;
    }

    /// Calls `f(j, d²)` for each point `j` closer than `r` to `p`.
    fn for_each_within(
        &self,
        points: &[LinePoint],
        p: [f64; 2],
        r: f64,
        mut f: impl FnMut(usize, f64),
    ) {
        let k = (r / self.cell).ceil() as usize;
        let (cx, cy) = self.coord(p);
        let r2 = r * r;
        for y in cy.saturating_sub(k)..=(cy + k).min(self.ny - 1) {
            for x in cx.saturating_sub(k)..=(cx + k).min(self.nx - 1) {
                let mut j = self.head[y * self.nx + x];
                while j != NONE {
                    let q = points[j as usize].xy;
                    let d2 = (p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2);
                    if d2 < r2 {
                        f(j as usize, d2);
                    }
                    j = self.next[j as usize];
                }
            }
        }
    }

    /// Whether some point is closer than `sqrt(d2)` to `p` (the grid's cells are at least
    /// that wide).
    fn any_within(&self, points: &[LinePoint], p: [f64; 2], d2: f64) -> bool {
        let (cx, cy) = self.coord(p);
        let k = (d2.sqrt() / self.cell).ceil() as usize;
        for y in cy.saturating_sub(k)..=(cy + k).min(self.ny - 1) {
            for x in cx.saturating_sub(k)..=(cx + k).min(self.nx - 1) {
                let mut j = self.head[y * self.nx + x];
                while j != NONE {
                    let q = points[j as usize].xy;
                    if (p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) < d2 {
                        return true;
                    }
                    j = self.next[j as usize];
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::Vec3;

    use crate::spacing::min_spacing;

    fn gap(p: &LinePacking) -> f64 {
        let v: Vec<Vec3> = p
            .points
            .iter()
            .map(|q| Vec3::new(q.xy[0], q.xy[1], 0.0))
            .collect();
        min_spacing(&v).map_or(f64::INFINITY, |x| x.0)
    }

    fn circle(cx: f64, cy: f64, r: f64) -> Vec<[f64; 2]> {
        (0..=256)
            .map(|k| {
                let a = k as f64 / 256.0 * std::f64::consts::TAU;
                [cx + r * a.cos(), cy + r * a.sin()]
            })
            .collect()
    }

    #[test]
    fn lone_rectangle_is_split_evenly_with_its_corners() {
        let rect = vec![
            [0.0, 0.0],
            [100.0, 0.0],
            [100.0, 40.0],
            [0.0, 40.0],
            [0.0, 0.0],
        ];
        let o = Outline::new(&[rect]);
        for n in [14usize, 100, 1000] {
            let p = LinePacking::new(&o, n).unwrap();
            assert_eq!(p.points.len(), n);
            for c in [[0.0, 0.0], [100.0, 0.0], [100.0, 40.0], [0.0, 40.0]] {
                assert!(
                    p.points
                        .iter()
                        .any(|q| (q.xy[0] - c[0]).hypot(q.xy[1] - c[1]) < 1e-9),
                    "n = {n}: corner {c:?} missing"
                );
            }
            // The best split: each side holds a whole number of gaps.
            let g = gap(&p);
            assert!(g >= 0.95 * 280.0 / n as f64, "n = {n}: {g}");
        }
    }

    #[test]
    fn thin_stroke_shares_its_room_between_both_sides() {
        // Two parallel lines 1 m apart, 100 m long: at 20 points, a 10 m gap on each
        // would put points 1 m apart across; staggering them keeps them far apart.
        let a = vec![[0.0, 0.0], [100.0, 0.0]];
        let b = vec![[0.0, 1.0], [100.0, 1.0]];
        let o = Outline::new(&[a, b]);
        let p = LinePacking::new(&o, 20).unwrap();
        assert_eq!(p.points.len(), 20);
        let g = gap(&p);
        // 20 points on a strip 100 m long: at best about 100/19 ≈ 5.3 m (the two sides
        // act as one line), never the 1 m of unstaggered points.
        assert!(g >= 5.0, "{g}");
        assert!(g <= 100.0 / 18.0 + 1e-9, "{g}");
    }

    #[test]
    fn separate_loops_get_points_by_their_length() {
        let o = Outline::new(&[circle(0.0, 0.0, 10.0), circle(100.0, 0.0, 30.0)]);
        let p = LinePacking::new(&o, 80).unwrap();
        let small = p.points.iter().filter(|q| q.line == 0).count();
        assert_eq!(small + p.points.iter().filter(|q| q.line == 1).count(), 80);
        assert!((19..=21).contains(&small), "{small}");
        // 20 points round the small circle: chords of 2·10·sin(π/20) ≈ 3.13 m.
        assert!(gap(&p) >= 0.95 * 3.13, "{}", gap(&p));
    }

    #[test]
    fn more_lines_than_points_spreads_them_and_same_input_same_points() {
        let many: Vec<Vec<[f64; 2]>> = (0..10)
            .map(|i| vec![[0.0, i as f64 * 10.0], [1.0 + i as f64, i as f64 * 10.0]])
            .collect();
        let o = Outline::new(&many);
        let p = LinePacking::new(&o, 3).unwrap();
        assert_eq!(p.points.len(), 3);
        // Lines 10 m apart from y = 0 to 90: three points at least 40 m apart (the ends
        // and the middle), not on three neighbouring lines.
        assert!(gap(&p) >= 40.0, "{:?}", p.points);
        let q = LinePacking::new(&o, 3).unwrap();
        assert!(p.points.iter().zip(&q.points).all(|(a, b)| a.xy == b.xy));
        assert!(LinePacking::new(&o, 0).is_none());
    }
}
