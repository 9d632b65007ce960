//! `Ground`: what is on the ground around the show: the audience and the firing front.

use skyshow_model::Vec3;

/// The ground around the show. The takeoff grid is not here: it is the drones' homes.
#[derive(Clone, Debug, PartialEq)]
pub struct Ground {
    /// Where the audience stands, on the ground (z ignored), metres: two points are a line
    /// (the front row), three or more a polygon (in order around it); empty = not known.
    pub audience: Vec<Vec3>,
    /// Direction from the stage towards the audience, degrees in the show frame
    /// (0 = +X, 90 = +Y), used when `audience` is empty. Default 180: the audience
    /// stands at −X looking along +X (Skybrush's convention).
    pub audience_azimuth_deg: f64,
    /// Firing positions of the fireworks (the firing front), on the ground, metres, in
    /// order along the front; empty = none.
    pub firing_front: Vec<Vec3>,
}

impl Ground {
    /// No audience area, the default audience direction, no firing front.
    pub const DEFAULT: Ground = Ground {
        audience: Vec::new(),
        audience_azimuth_deg: 180.0,
        firing_front: Vec::new(),
    };

    /// The finite audience points.
    pub(crate) fn audience_points(&self) -> impl Iterator<Item = Vec3> + '_ {
        self.audience.iter().copied().filter(|p| p.is_finite())
    }

    /// The finite firing-front points.
    pub(crate) fn front_points(&self) -> impl Iterator<Item = Vec3> + '_ {
        self.firing_front.iter().copied().filter(|p| p.is_finite())
    }
}

impl Default for Ground {
    fn default() -> Self {
        Ground::DEFAULT
    }
}
