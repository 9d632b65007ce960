//! `Scene`: the extent of a show and where its audience is, for cameras and the page.

use skyshow_model::{FlightShow, PhaseKind, Vec3};

use crate::Ground;

/// Coordinates beyond this (metres) are treated as garbage and clamped.
pub(crate) const MAX_COORD_M: f64 = 50_000.0;

/// Drones at or above this height (metres) count as flying for the stage extent.
const AIRBORNE_Z_M: f64 = 1.0;

/// An axis-aligned box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Bounds {
    /// Smallest corner.
    pub(crate) lo: Vec3,
    /// Largest corner.
    pub(crate) hi: Vec3,
}

impl Bounds {
    /// The box around finite points, if there is any.
    pub(crate) fn of(points: impl IntoIterator<Item = Vec3>) -> Option<Bounds> {
        let mut it = points
            .into_iter()
            .filter(|p| p.is_finite())
            .map(clamp_point);
        let first = it.next()?;
        Some(it.fold(
            Bounds {
                lo: first,
                hi: first,
            },
            |b, p| Bounds {
                lo: b.lo.min(p),
                hi: b.hi.max(p),
            },
        ))
    }

    /// Centre.
    pub(crate) fn center(&self) -> Vec3 {
        self.lo.lerp(self.hi, 0.5)
    }

    /// The eight corners.
    pub(crate) fn corners(&self) -> [Vec3; 8] {
        let (a, b) = (self.lo, self.hi);
        [
            Vec3::new(a.x, a.y, a.z),
            Vec3::new(b.x, a.y, a.z),
            Vec3::new(a.x, b.y, a.z),
            Vec3::new(b.x, b.y, a.z),
            Vec3::new(a.x, a.y, b.z),
            Vec3::new(b.x, a.y, b.z),
            Vec3::new(a.x, b.y, b.z),
            Vec3::new(b.x, b.y, b.z),
        ]
    }

    /// The box grown to include another.
    pub(crate) fn union(self, o: Bounds) -> Bounds {
        Bounds {
            lo: self.lo.min(o.lo),
            hi: self.hi.max(o.hi),
        }
    }
}

/// Clamps a finite point into ±[`MAX_COORD_M`].
pub(crate) fn clamp_point(p: Vec3) -> Vec3 {
    let c = |v: f64| v.clamp(-MAX_COORD_M, MAX_COORD_M);
    Vec3::new(c(p.x), c(p.y), c(p.z))
}

/// The extent of a show and where it is watched from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Scene {
    /// Everything the drones can reach (every Bézier control point), plus the homes.
    pub(crate) all: Bounds,
    /// Where the airborne drones (at least 1 m up) are in the pictures: their positions at
    /// the middle of every formation phase, or at 32 moments through the show when it has
    /// no phases; `all` when nothing is in the air then. Transitions that swing wide
    /// (through expanded copies) do not widen the audience view.
    pub(crate) air: Bounds,
    /// The ground to draw: drones, audience, firing front and site outlines, seen from
    /// above, with a margin (z = 0).
    pub(crate) ground: Bounds,
    /// Unit horizontal vector from the stage towards the audience.
    pub(crate) toward_audience: Vec3,
}

impl Scene {
    /// The scene of a show on its ground.
    pub(crate) fn new(show: &FlightShow, ground: &Ground) -> Scene {
        let control = || {
            show.drones.iter().flat_map(|d| {
                let first = d
                    .trajectory
                    .segments
                    .is_empty()
                    .then_some(d.trajectory.start);
                first
                    .into_iter()
                    .chain(d.trajectory.segments.iter().flat_map(|s| s.p))
            })
        };
        let homes = show.drones.iter().map(|d| d.home);
        let unit = Bounds {
            lo: Vec3::new(-10.0, -10.0, 0.0),
            hi: Vec3::new(10.0, 10.0, 20.0),
        };
        let all = Bounds::of(control().chain(homes)).unwrap_or(unit);
        let air = Bounds::of(
            picture_times(show)
                .iter()
                .flat_map(|&t| show.drones.iter().map(move |d| d.trajectory.position(t)))
                .filter(|p| p.z >= AIRBORNE_Z_M),
        )
        .unwrap_or(all);
        let center = air.center();

        let audience: Vec<Vec3> = ground.audience_points().collect();
        let toward_audience = match centroid(&audience) {
            Some(c) => {
                let d = Vec3::new(c.x - center.x, c.y - center.y, 0.0);
                if d.norm() > 1e-6 {
                    d.normalized()
                } else {
                    azimuth(ground.audience_azimuth_deg)
                }
            }
            None => azimuth(ground.audience_azimuth_deg),
        };

        let flat = |b: Bounds| Bounds {
            lo: Vec3::new(b.lo.x, b.lo.y, 0.0),
            hi: Vec3::new(b.hi.x, b.hi.y, 0.0),
        };
        let mut g = flat(all);
        let site = ground
            .site_outlines()
            .into_iter()
            .flat_map(|(_, _, pts)| pts.iter().map(|p| Vec3::new(p[0], p[1], 0.0)));
        let marks = audience.iter().copied().chain(ground.front_points());
        if let Some(b) = Bounds::of(marks.chain(site)) {
            g = g.union(flat(b));
        }
        let margin = ((g.hi.x - g.lo.x).max(g.hi.y - g.lo.y) * 0.15).max(20.0);
        let m = Vec3::new(margin, margin, 0.0);
        let ground_box = Bounds {
            lo: clamp_point(g.lo - m),
            hi: clamp_point(g.hi + m),
        };
        Scene {
            all,
            air,
            ground: ground_box,
            toward_audience,
        }
    }

    /// The centre of the stage: the middle of what the drones reach in the air.
    pub(crate) fn stage_center(&self) -> Vec3 {
        self.air.center()
    }
}

/// Moments that show the pictures: the middle of every formation phase, or 32 moments
/// spread over the show when it has none.
fn picture_times(show: &FlightShow) -> Vec<f64> {
    let mids: Vec<f64> = show
        .phases
        .iter()
        .filter(|p| p.kind == PhaseKind::Formation)
        .map(|p| (p.start_s + p.end_s) / 2.0)
        .filter(|t| t.is_finite())
        .take(10_000)
        .collect();
    if !mids.is_empty() {
        return mids;
    }
    let end = show.duration_s();
    if !end.is_finite() || end <= 0.0 {
        return vec![0.0];
    }
    (0..32).map(|k| end * (k as f64 + 0.5) / 32.0).collect()
}

/// Unit horizontal vector at an azimuth (degrees; non-finite = 180).
fn azimuth(deg: f64) -> Vec3 {
    let a = if deg.is_finite() { deg } else { 180.0 }.to_radians();
    Vec3::new(a.cos(), a.sin(), 0.0)
}

/// Mean of points (vertices of the audience area), if any.
fn centroid(points: &[Vec3]) -> Option<Vec3> {
    if points.is_empty() {
        return None;
    }
    let sum = points.iter().fold(Vec3::ZERO, |s, p| s + clamp_point(*p));
    Some(sum / points.len() as f64)
}
