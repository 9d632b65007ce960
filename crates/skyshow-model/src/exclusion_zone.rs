//! `ExclusionZone`: a named area of the site that no drone enters (`[[site.exclusion]]`).

use crate::Polygon;

/// A zone of the site that no drone enters, with the name it goes by on the pages.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExclusionZone {
    /// The show file's `name`, or the zone's number (from 1) when it has none.
    pub name: String,
    /// The area, metres in the show frame.
    pub zone: Polygon,
}
