//! `Ground`: what is on the ground around the show: the audience, the firing front and
//! the site (boundary, exclusion zones, the audience's no-fly zone).

use skyshow_model::{Site, Vec3};

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
    /// The site: its boundary, exclusion zones and the audience's no-fly zone, drawn as
    /// outlines on the ground and on the report's plan; `None` = not known.
    pub site: Option<Site>,
}

/// What a site outline is, for its colour and its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SiteKind {
    /// `[site] boundary`.
    Boundary,
    /// A `[[site.exclusion]]` zone.
    Exclusion,
    /// The audience's no-fly zone.
    NoFly,
}

impl SiteKind {
    /// The name the page's data and the report's plan use.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            SiteKind::Boundary => "boundary",
            SiteKind::Exclusion => "exclusion",
            SiteKind::NoFly => "no_fly",
        }
    }
}

impl Ground {
    /// No audience area, the default audience direction, no firing front.
    pub const DEFAULT: Ground = Ground {
        audience: Vec::new(),
        audience_azimuth_deg: 180.0,
        firing_front: Vec::new(),
        site: None,
    };

    /// The finite audience points.
    pub(crate) fn audience_points(&self) -> impl Iterator<Item = Vec3> + '_ {
        self.audience.iter().copied().filter(|p| p.is_finite())
    }

    /// The finite firing-front points.
    pub(crate) fn front_points(&self) -> impl Iterator<Item = Vec3> + '_ {
        self.firing_front.iter().copied().filter(|p| p.is_finite())
    }

    /// The site's outlines with at least 3 finite corners, each with its kind and name
    /// (empty but for exclusion zones): the boundary, the exclusion zones in order, the
    /// audience's no-fly zone.
    pub(crate) fn site_outlines(&self) -> Vec<(SiteKind, &str, &[[f64; 2]])> {
        let Some(site) = &self.site else {
            return Vec::new();
        };
        let boundary = site
            .boundary
            .iter()
            .map(|p| (SiteKind::Boundary, "", p.points.as_slice()));
        let zones = site.exclusions.iter().map(|e| {
            (
                SiteKind::Exclusion,
                e.name.as_str(),
                e.zone.points.as_slice(),
            )
        });
        let no_fly = site
            .no_fly
            .iter()
            .map(|p| (SiteKind::NoFly, "", p.points.as_slice()));
        boundary
            .chain(zones)
            .chain(no_fly)
            .filter(|(_, _, pts)| pts.len() >= 3 && pts.iter().flatten().all(|v| v.is_finite()))
            .collect()
    }
}

impl Default for Ground {
    fn default() -> Self {
        Ground::DEFAULT
    }
}
