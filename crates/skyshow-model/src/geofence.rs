//! `Geofence`: where the drones may be — inclusion polygons and exclusion zones — and what a
//! drone does at the fence, as Skybrush's `settings.geofence` states it.

use crate::{Drone, Polygon};

/// The actions Skybrush's geofence knows (`settings.geofence.action`).
pub const GEOFENCE_ACTIONS: [&str; 7] = [
    "report",
    "land",
    "return",
    "smartLand",
    "smartReturn",
    "stop",
    "shutDown",
];

/// A show's geofence, in the show frame (metres; altitude plays no part).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Geofence {
    /// Every drone stays inside each of these at every moment (usually one: the site's
    /// boundary, or the show's extent plus a margin).
    pub inclusions: Vec<Polygon>,
    /// No drone is ever inside one of these (exclusion zones, the audience's no-fly zone).
    pub exclusions: Vec<Polygon>,
    /// What a drone does when it reaches the fence: one of [`GEOFENCE_ACTIONS`].
    pub action: String,
}

impl Geofence {
    /// The rectangle around every drone's home and every control point of its trajectory
    /// (the trajectory stays inside their box), grown by `margin_m` on each side.
    pub fn extent(drones: &[Drone], margin_m: f64) -> Polygon {
        let mut lo = [f64::INFINITY; 2];
        let mut hi = [f64::NEG_INFINITY; 2];
        let mut add = |x: f64, y: f64| {
            if x.is_finite() && y.is_finite() {
                lo = [lo[0].min(x), lo[1].min(y)];
                hi = [hi[0].max(x), hi[1].max(y)];
            }
        };
        for d in drones {
            add(d.home.x, d.home.y);
            add(d.trajectory.start.x, d.trajectory.start.y);
            for s in &d.trajectory.segments {
                for p in &s.p {
                    add(p.x, p.y);
                }
            }
        }
        if lo[0] > hi[0] || lo[0].is_nan() {
            lo = [0.0; 2];
            hi = [0.0; 2];
        }
        let m = margin_m.max(0.0);
        let (x0, y0, x1, y1) = (lo[0] - m, lo[1] - m, hi[0] + m, hi[1] + m);
        Polygon::new(vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
    }
}
