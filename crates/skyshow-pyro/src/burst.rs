//! `Burst`: where and when a firework fills the sky, for the preview and the airspace
//! check.

use skyshow_model::{Rgb, Vec3};

use crate::{ProductKind, PyroScript};

/// One firework in the sky: the preview draws it, the airspace check keeps drones out.
#[derive(Clone, Debug, PartialEq)]
pub struct Burst {
    /// Ignition, seconds on the show clock.
    pub ignition_s: f64,
    /// Effect (burst) time, seconds.
    pub time_s: f64,
    /// End of the effect (effect time + duration), seconds.
    pub end_s: f64,
    /// Index of the position in the front.
    pub position: usize,
    /// Launch point (the position), m.
    pub launch: Vec3,
    /// Burst centre (or the top of a comet's, candle's or mine's column), m.
    pub centre: Vec3,
    /// Burst radius, m.
    pub radius_m: f64,
    /// Preview colour.
    pub colour: Rgb,
    /// Colour name.
    pub colour_name: String,
    /// Product kind.
    pub kind: ProductKind,
    /// The cue's show-file entry.
    pub source: String,
}

impl Burst {
    /// True if the effect fills a sphere around [`Burst::centre`] (shells, cakes); false
    /// if it fills a column from the launch point up to the centre (comets, candles,
    /// mines).
    pub fn is_sphere(&self) -> bool {
        matches!(self.kind, ProductKind::Shell | ProductKind::Cake)
    }

    /// The box holding the hazard's core (a point for spheres, a vertical segment for
    /// columns); the hazard is everything within `radius_m` of it.
    pub fn core_bounds(&self) -> (Vec3, Vec3) {
        if self.is_sphere() {
            (self.centre, self.centre)
        } else {
            (self.launch.min(self.centre), self.launch.max(self.centre))
        }
    }
}

impl PyroScript {
    /// Every device's burst, in script order (several devices fired together at one
    /// position give identical bursts).
    pub fn bursts(&self) -> Vec<Burst> {
        self.cues
            .iter()
            .map(|c| {
                let launch = self.front.positions[c.position].at;
                Burst {
                    ignition_s: c.ignition_s(),
                    time_s: c.effect_s(),
                    end_s: c.end_s(),
                    position: c.position,
                    launch,
                    centre: launch + Vec3::new(0.0, 0.0, c.product.burst_height_m),
                    radius_m: c.product.burst_radius_m,
                    colour: c.product.rgb(),
                    colour_name: c.product.colour.clone(),
                    kind: c.product.kind,
                    source: c.source.clone(),
                }
            })
            .collect()
    }
}
