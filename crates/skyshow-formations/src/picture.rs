//! `Picture`: 2D artwork (SVG, text, image) sampled to exactly `n` points: inside the area,
//! along the lines, or both.

use skyshow_model::{Rgb, Vec3};

use crate::detail::{DetailShortfall, Spread};
use crate::grid::PointGrid;
use crate::joint::JointRelaxer;
use crate::outline::Outline;
use crate::packing::{LinePacking, LinePoint};
use crate::region::Region;
use crate::relax::{Domain, Relaxer};
use crate::rng::Rng;

/// Pitch of the domain samples for the Lloyd steps, × the spacing (about 14 per point).
const SAMPLE_PITCH: f64 = 0.25;
/// Lloyd steps for fills.
const LLOYD_ITERS: usize = 16;
/// Repulsion pushes pairs closer than this × the ideal spacing apart…
const PUSH: f64 = 0.93;
/// …and stops once the smallest gap is this × the ideal spacing.
const GOAL: f64 = 0.9;
/// Repulsion steps.
const REPEL_ITERS: usize = 80;
/// In `both` mode, outline and fill points push apart together (instead of the fill's own
/// repulsion) pairs closer than this × the ideal spacing, for at most `JOINT_ITERS` steps,
/// stopping at `GOAL`. (1.0 is above what 10,000 points on the example's artwork allow:
/// every point shakes and 200 steps take 2 s.)
const JOINT_PUSH: f64 = 0.95;
const JOINT_ITERS: usize = 200;
/// In `both` mode, the outline's points are this × the common spacing (`both_spacing`)
/// apart along it: lines packed at exactly their `L/N` keep only 0.85–0.95 of it, and the
/// fill takes up the difference.
const LINE_STRETCH: f64 = 1.15;
/// The ideal spacing of an even hexagonal packing over `area` with `n` points.
pub(crate) fn hex_spacing(area: f64, n: usize) -> f64 {
    (2.0 * area / (3f64.sqrt() * n as f64)).sqrt()
}

/// The artwork to sample, borrowed from the shape.
pub(crate) struct Picture<'a> {
    /// Canvas size, metres.
    pub(crate) width_m: f64,
    /// Canvas height, metres.
    pub(crate) height_m: f64,
    /// Even-odd rings.
    pub(crate) area: &'a [Vec<[f64; 2]>],
    /// Polylines.
    pub(crate) lines: &'a [Vec<[f64; 2]>],
    /// Colour raster over the canvas, top row first (may be empty).
    pub(crate) colors: &'a [Vec<Option<Rgb>>],
    /// Density raster over the canvas, top row first (empty: even spacing).
    pub(crate) density: &'a [Vec<f64>],
    /// Share of the points inside the area (`None`: the split giving both the same spacing).
    pub(crate) fill_share: Option<f64>,
    /// Seed.
    pub(crate) seed: u64,
}

/// Points sampled from a picture.
#[derive(Debug)]
pub(crate) struct Sampled {
    /// Positions, local frame (`z = 0`).
    pub(crate) points: Vec<Vec3>,
    /// Colour of each point, when the picture has colours.
    pub(crate) colors: Option<Vec<Rgb>>,
    /// The spacing of a perfectly even sampling, metres.
    pub(crate) ideal_spacing_m: f64,
    /// Hausdorff distance between the points and the shape, metres.
    pub(crate) max_shape_distance_m: f64,
    /// In outline mode, the share of the lines' length that another line (or the far side
    /// of the same one) runs closer to than the ideal spacing (`Outline::close_share`).
    pub(crate) close_lines_share: Option<f64>,
    /// Detail finer than the drones can show, if any.
    pub(crate) detail: Option<DetailShortfall>,
}

/// Why a picture cannot be sampled.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PictureError {
    /// Fill requested, but the picture has no area.
    NoArea,
    /// Neither area nor lines.
    Empty,
}

impl Domain for Region {
    fn project(&self, p: Vec3) -> Vec3 {
        Region::project(self, p, 1e-9 * (1.0 + p.norm()))
    }
}

/// The picture's parts and how many of the points each takes.
struct Split {
    /// The lines (or, without lines, the area's edges).
    outline: Outline,
    /// The area, when it has any.
    region: Option<Region>,
    /// The area's size, m².
    area: f64,
    /// The outline's length, metres.
    len: f64,
    /// Points inside the area.
    n_fill: usize,
    /// Points along the lines.
    n_line: usize,
    /// The spacing of a perfectly even sampling, metres.
    ideal: f64,
}

impl Picture<'_> {
    /// `n` points. Even sampling ignores `min_distance_m` (the caller checks the spacing);
    /// density sampling pushes only pairs closer than it apart.
    pub(crate) fn sample(&self, n: usize, min_distance_m: f64) -> Result<Sampled, PictureError> {
        let split = self.split(n)?;
        if n == 0 {
            return Ok(Sampled {
                points: Vec::new(),
                colors: None,
                ideal_spacing_m: 0.0,
                max_shape_distance_m: 0.0,
                close_lines_share: None,
                detail: None,
            });
        }
        let mut rng = Rng::new(self.seed, 0x5eed_0001);
        let mut points = Vec::with_capacity(n);
        // Outline first: packed along the lines with their corners, the smallest gap in the
        // plane as large as possible, then relaxed along the lines.
        let mut shape_samples = Vec::new();
        let mut line_points = Vec::new();
        if split.n_line > 0 {
            let packed =
                LinePacking::new(&split.outline, split.n_line).ok_or(PictureError::Empty)?;
            points.extend(
                packed
                    .points
                    .iter()
                    .map(|p| Vec3::new(p.xy[0], p.xy[1], 0.0)),
            );
            line_points = packed.points;
            shape_samples.extend(split.outline.dense(split.ideal / 8.0));
        }
        if split.n_fill > 0 {
            let region = split.region.as_ref().ok_or(PictureError::NoArea)?;
            let (fill, samples) = self.fill(
                &split,
                region,
                n,
                min_distance_m,
                &mut rng,
                &mut points,
                &mut line_points,
            );
            points.extend(fill);
            shape_samples.extend(samples);
        }
        Ok(self.sampled(&split, n, points, &shape_samples, min_distance_m))
    }

    /// The outline and area of the picture and how `n` points are shared between them:
    /// `fill_share`, or the split that gives lines and fill the same spacing.
    fn split(&self, n: usize) -> Result<Split, PictureError> {
        let outline = Outline::new(self.lines);
        let scale = self.width_m.max(self.height_m).max(1e-6);
        let region = Region::new(self.area, scale / 512.0);
        let area = region.as_ref().map_or(0.0, Region::area);
        let region = region.filter(|_| area > 0.0);
        // Outline mode without lines traces the area's edges.
        let outline = if outline.is_empty() {
            Outline::new(&closed_rings(self.area))
        } else {
            outline
        };
        let len = outline.length();
        let share = match (self.fill_share, &region) {
            (Some(s), Some(_)) => s.clamp(0.0, 1.0),
            (Some(s), None) if s >= 1.0 => return Err(PictureError::NoArea),
            (_, None) => 0.0,
            (None, Some(_)) if len > 0.0 => {
                let s = both_spacing(area, len, n);
                1.0 - ((len / (s * LINE_STRETCH)).round() / n as f64).clamp(0.0, 1.0)
            }
            (None, Some(_)) => 1.0,
        };
        let mut split = Split {
            outline,
            region,
            area,
            len,
            n_fill: 0,
            n_line: 0,
            ideal: 0.0,
        };
        if n == 0 {
            return Ok(split);
        }
        split.n_fill = ((share * n as f64).round() as usize).min(n);
        split.n_line = n - split.n_fill;
        if split.n_line > 0 && split.outline.is_empty() {
            return Err(PictureError::Empty);
        }
        // Points filling the area (on its outline or not) have the area's hexagonal spacing
        // as their ideal, points along the lines only the lines' `L/N`.
        split.ideal = if split.n_fill == 0 {
            len / n as f64
        } else {
            hex_spacing(area, n)
        };
        Ok(split)
    }

    /// The `split.n_fill` points inside `region`, seeded, Lloyd-relaxed and pushed apart
    /// (in `both` mode together with the outline's `line_points`, which slide along their
    /// lines and are copied back into `points`), and the area's samples for the shape
    /// distance.
    #[allow(clippy::too_many_arguments)]
    fn fill(
        &self,
        split: &Split,
        region: &Region,
        n: usize,
        min_distance_m: f64,
        rng: &mut Rng,
        points: &mut [Vec3],
        line_points: &mut [LinePoint],
    ) -> (Vec<Vec3>, Vec<Vec3>) {
        let (area, len, ideal) = (split.area, split.len, split.ideal);
        let fill_s = if split.n_line == 0 {
            ideal
        } else {
            both_spacing(area, len, n).min(hex_spacing(area, split.n_fill))
        };
        let h = fill_s * SAMPLE_PITCH;
        let phase = [rng.f64(), rng.f64()];
        let samples = region.samples(h, phase);
        let weights = (!self.density.is_empty()).then(|| {
            samples
                .iter()
                .map(|p| self.density_at(p.x, p.y).max(1e-3))
                .collect::<Vec<f64>>()
        });
        let relax = Relaxer {
            domain: region,
            fixed: points,
            spacing: fill_s,
        };
        let mut fill = relax.seed(&samples, split.n_fill, rng);
        relax.lloyd(&mut fill, &samples, weights.as_deref(), LLOYD_ITERS);
        // Even sampling pushes towards the ideal spacing (scale-free, so the smallest
        // working size is the current size × limit / spacing); density sampling keeps
        // its uneven spacing and only enforces the limit.
        let target = if weights.is_some() {
            min_distance_m * 1.001
        } else {
            fill_s * PUSH
        };
        let goal = if weights.is_some() {
            target
        } else {
            fill_s * GOAL
        };
        if split.n_line == 0 || weights.is_some() {
            relax.repel(&mut fill, target, goal, REPEL_ITERS);
        } else {
            // Outline and fill together: the outline points slide along their lines
            // out of the fill's way.
            let joint = JointRelaxer {
                outline: &split.outline,
                domain: region,
                target: ideal * JOINT_PUSH,
                goal: ideal * GOAL,
            };
            joint.relax(line_points, &mut fill, JOINT_ITERS);
            for (p, q) in points.iter_mut().zip(line_points.iter()) {
                *p = Vec3::new(q.xy[0], q.xy[1], 0.0);
            }
        }
        let mut shape_samples = samples;
        shape_samples.extend(region.boundary_samples(h));
        (fill, shape_samples)
    }

    /// The sampled points with their colours and how well they show the shape.
    fn sampled(
        &self,
        split: &Split,
        n: usize,
        points: Vec<Vec3>,
        shape_samples: &[Vec3],
        min_distance_m: f64,
    ) -> Sampled {
        let (outline, ideal) = (&split.outline, split.ideal);
        let colors = (!self.colors.is_empty())
            .then(|| points.iter().map(|p| self.color_at(p.x, p.y)).collect());
        let max_shape_distance_m = hausdorff(&points, shape_samples, ideal);
        let close_lines_share = (split.n_fill == 0).then(|| outline.close_share(ideal));
        let spread = if split.n_fill > 0 {
            Spread::Area
        } else {
            Spread::Lines
        };
        let detail = DetailShortfall::find(
            n,
            ideal,
            max_shape_distance_m,
            spread,
            min_distance_m,
            |s| match &split.region {
                Some(r) => outline.gap_share(s, |m| !r.contains(m[0], m[1])),
                None => outline.close_share(s),
            },
        );
        Sampled {
            points,
            colors,
            ideal_spacing_m: ideal,
            max_shape_distance_m,
            close_lines_share,
            detail,
        }
    }

    /// Raster cell of `(x, y)` over the canvas for a raster of `rows` × `cols`.
    /// Far-off points give far-off cells, bounded so that neighbours can be searched
    /// without overflow.
    fn pixel(&self, x: f64, y: f64, rows: usize, cols: usize) -> (i64, i64) {
        let cell = |v: f64| v.floor().clamp(-1e9, 1e9) as i64;
        let c = cell((x + self.width_m / 2.0) / self.width_m * cols as f64);
        let r = cell((self.height_m / 2.0 - y) / self.height_m * rows as f64);
        (r, c)
    }

    fn density_at(&self, x: f64, y: f64) -> f64 {
        let rows = self.density.len();
        let cols = self.density.first().map_or(0, Vec::len);
        if rows == 0 || cols == 0 {
            return 1.0;
        }
        let (r, c) = self.pixel(x, y, rows, cols);
        let r = r.clamp(0, rows as i64 - 1) as usize;
        let c = c.clamp(0, cols as i64 - 1) as usize;
        self.density[r].get(c).copied().unwrap_or(0.0)
    }

    /// The painted colour at `(x, y)`: the pixel's, or the nearest painted pixel's within a
    /// few pixels, else white.
    fn color_at(&self, x: f64, y: f64) -> Rgb {
        let rows = self.colors.len();
        let cols = self.colors.first().map_or(0, Vec::len);
        if rows == 0 || cols == 0 {
            return Rgb::WHITE;
        }
        let (r0, c0) = self.pixel(x, y, rows, cols);
        let get = |r: i64, c: i64| -> Option<Rgb> {
            if r < 0 || c < 0 || r >= rows as i64 {
                return None;
            }
            self.colors[r as usize].get(c as usize).copied().flatten()
        };
        for k in 0..=16i64 {
            let mut best: Option<(i64, Rgb)> = None;
            for dr in -k..=k {
                for dc in -k..=k {
                    if dr.abs().max(dc.abs()) != k {
                        continue;
                    }
                    if let Some(col) = get(r0 + dr, c0 + dc) {
                        let d = dr * dr + dc * dc;
                        if best.is_none_or(|b| d < b.0) {
                            best = Some((d, col));
                        }
                    }
                }
            }
            if let Some((_, c)) = best {
                return c;
            }
        }
        Rgb::WHITE
    }
}

/// The rings of an area as closed polylines.
fn closed_rings(area: &[Vec<[f64; 2]>]) -> Vec<Vec<[f64; 2]>> {
    area.iter()
        .filter(|r| !r.is_empty())
        .map(|r| {
            let mut l = r.clone();
            l.push(r[0]);
            l
        })
        .collect()
}

/// The common spacing `s` when `n` points cover an area `A` with its outline of length `L`:
/// `L/s` points on the lines, each owning half a cell of the area, the rest hexagonal
/// inside: `n = L/(2s) + A/(√3/2 · s²)`. It sets the split between outline and fill in
/// `both` mode; the ideal spacing reported stays the area's hexagonal one (on strokes
/// about a spacing wide, as the example's titles at 600 points, the half cells do not
/// exist and no sampler comes near `s`).
pub(crate) fn both_spacing(area: f64, len: f64, n: usize) -> f64 {
    let k = 3f64.sqrt() / 2.0;
    let n = n as f64;
    // k·n·s² − k·L/2·s − A = 0
    let (a, b, c) = (k * n, -k * len / 2.0, -area);
    (-b + (b * b - 4.0 * a * c).sqrt()) / (2.0 * a)
}

/// The Hausdorff distance between `points` and the shape given by dense `shape` samples.
pub(crate) fn hausdorff(points: &[Vec3], shape: &[Vec3], spacing: f64) -> f64 {
    if points.is_empty() || shape.is_empty() {
        return 0.0;
    }
    let gp = PointGrid::new(points, spacing);
    let to_points = shape
        .iter()
        .filter_map(|q| gp.nearest(points, *q).map(|(_, d2)| d2))
        .fold(0.0, f64::max);
    let gs = PointGrid::new(shape, spacing / 4.0);
    let to_shape = points
        .iter()
        .filter_map(|p| gs.nearest(shape, *p).map(|(_, d2)| d2))
        .fold(0.0, f64::max);
    to_points.max(to_shape).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spacing::min_spacing;

    fn square(r: f64) -> Vec<[f64; 2]> {
        vec![[-r, -r], [r, -r], [r, r], [-r, r]]
    }

    fn picture<'a>(area: &'a [Vec<[f64; 2]>], lines: &'a [Vec<[f64; 2]>]) -> Picture<'a> {
        Picture {
            width_m: 100.0,
            height_m: 100.0,
            area,
            lines,
            colors: &[],
            density: &[],
            fill_share: Some(1.0),
            seed: 1,
        }
    }

    #[test]
    fn fill_outline_and_both_give_exact_counts_and_even_spacing() {
        let area = vec![square(40.0), square(15.0)];
        let lines: Vec<Vec<[f64; 2]>> = closed_rings(&area);
        for (share, floor) in [(Some(1.0), 0.85), (Some(0.0), 0.9), (None, 0.85)] {
            let p = Picture {
                fill_share: share,
                ..picture(&area, &lines)
            };
            let s = p.sample(300, 3.0).unwrap();
            assert_eq!(s.points.len(), 300);
            let (d, _, _) = min_spacing(&s.points).unwrap();
            assert!(
                d >= floor * s.ideal_spacing_m,
                "{share:?}: {d} vs {}",
                s.ideal_spacing_m
            );
            // Inside the square, outside the hole (within a hair).
            assert!(
                s.points
                    .iter()
                    .all(|q| q.x.abs().max(q.y.abs()) <= 40.0 + 1e-6)
            );
            assert!(
                s.points
                    .iter()
                    .all(|q| q.x.abs().max(q.y.abs()) >= 15.0 - 1e-6)
            );
            assert!(s.max_shape_distance_m < 2.0 * s.ideal_spacing_m);
        }
        // Same seed, same points.
        let a = picture(&area, &lines).sample(100, 3.0).unwrap();
        let b = picture(&area, &lines).sample(100, 3.0).unwrap();
        assert_eq!(a.points, b.points);
    }

    #[test]
    fn colours_come_from_the_raster() {
        let area = vec![square(40.0)];
        // Left half red, right half blue, top-left pixel unpainted.
        let mut colors = vec![vec![Some(Rgb::new(255, 0, 0)), Some(Rgb::new(0, 0, 255))]; 2];
        colors[0][0] = None;
        let p = Picture {
            colors: &colors,
            ..picture(&area, &[])
        };
        let s = p.sample(50, 3.0).unwrap();
        let c = s.colors.unwrap();
        for (q, c) in s.points.iter().zip(&c) {
            if q.x > 1.0 {
                assert_eq!(*c, Rgb::new(0, 0, 255));
            } else if q.x < -1.0 && q.y < -1.0 {
                assert_eq!(*c, Rgb::new(255, 0, 0));
            }
        }
    }

    #[test]
    fn colour_lookup_far_off_the_canvas_does_not_overflow() {
        // A fuzz find: a point 9e18 m away (an absurd SVG coordinate) overflowed the
        // neighbour search. Far-off points get no painted neighbour: white.
        let area = vec![square(40.0)];
        let colors = vec![vec![Some(Rgb::new(255, 0, 0)); 4]; 4];
        let p = Picture {
            colors: &colors,
            ..picture(&area, &[])
        };
        for (x, y) in [
            (8.9e18, 8.0),
            (-8.9e18, 0.0),
            (0.0, f64::INFINITY),
            (f64::NAN, 1.0),
        ] {
            let c = p.color_at(x, y);
            assert!(c == Rgb::WHITE || c == Rgb::new(255, 0, 0), "{x} {y}");
        }
        assert_eq!(p.color_at(8.9e18, 8.0), Rgb::WHITE);
        assert_eq!(p.color_at(0.0, 0.0), Rgb::new(255, 0, 0));
    }

    #[test]
    fn nothing_to_sample_is_an_error_not_a_panic() {
        assert_eq!(
            picture(&[], &[]).sample(10, 3.0).unwrap_err(),
            PictureError::NoArea
        );
        let p = Picture {
            fill_share: Some(0.0),
            ..picture(&[], &[])
        };
        assert_eq!(p.sample(10, 3.0).unwrap_err(), PictureError::Empty);
        let degenerate = vec![vec![[1.0, 1.0], [1.0, 1.0], [1.0, 1.0]]];
        assert!(picture(&degenerate, &degenerate).sample(10, 3.0).is_err());
    }

    #[test]
    fn both_spacing_solves_its_equation() {
        let (a, l, n) = (5000.0, 400.0, 700);
        let s = both_spacing(a, l, n);
        let k = 3f64.sqrt() / 2.0;
        assert!((l / (2.0 * s) + a / (k * s * s) - n as f64).abs() < 1e-6);
    }
}
