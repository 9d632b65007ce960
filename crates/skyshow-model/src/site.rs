//! `Site`: the ground the show may use — its boundary, the zones no drone may enter (the
//! audience's no-fly zone among them) — and the geofence written for the ground station.

use crate::{Drone, ExclusionZone, Geofence, Polygon};

/// The show site, from the show file's `[site]` and `[audience]` tables.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    /// The polygon every drone stays inside (`[site] boundary`), if given.
    pub boundary: Option<Polygon>,
    /// The `[[site.exclusion]]` zones no drone enters, in file order.
    pub exclusions: Vec<ExclusionZone>,
    /// The audience's no-fly zone, already grown by its buffer: the audience's zone, or the
    /// band behind its line; `None` without an audience or with `[audience] no_fly = false`.
    pub no_fly: Option<Polygon>,
    /// The buffer the no-fly zone was grown by, metres (`[audience] buffer_m`, default 10).
    pub no_fly_buffer_m: f64,
    /// Without a boundary, the geofence is the show's extent grown by this much, metres
    /// (`[site] margin_m`, default 10).
    pub margin_m: f64,
    /// What a drone does at the fence (`[site] geofence_action`, default `return`).
    pub geofence_action: String,
}

impl Default for Site {
    fn default() -> Self {
        Site {
            boundary: None,
            exclusions: Vec::new(),
            no_fly: None,
            no_fly_buffer_m: 10.0,
            margin_m: 10.0,
            geofence_action: "return".into(),
        }
    }
}

impl Site {
    /// The geofence of a show flown by `drones` on this site: the boundary (or the show's
    /// extent plus [`margin_m`](Self::margin_m)) as the inclusion polygon, the exclusion
    /// zones and then the audience's no-fly zone as exclusions, the action.
    pub fn geofence(&self, drones: &[Drone]) -> Geofence {
        let inclusion = match &self.boundary {
            Some(b) => b.clone(),
            None => Geofence::extent(drones, self.margin_m),
        };
        Geofence {
            inclusions: vec![inclusion],
            exclusions: self
                .exclusions
                .iter()
                .map(|e| e.zone.clone())
                .chain(self.no_fly.clone())
                .collect(),
            action: self.geofence_action.clone(),
        }
    }
}
