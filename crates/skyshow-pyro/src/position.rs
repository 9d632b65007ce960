//! `Position`: one launch site of the firing front, with its racks and modules; `Rack`.

use skyshow_model::Vec3;

/// A rack of mortars of one calibre at a position.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rack {
    /// Mortar calibre, mm.
    pub calibre_mm: f64,
    /// Number of mortars (tubes).
    pub tubes: usize,
}

/// One launch site.
#[derive(Clone, Debug, PartialEq)]
pub struct Position {
    /// Name, unique in the front (`P01`), as the show file and setup sheets spell it.
    pub name: String,
    /// Where it is, show frame, metres (z = ground height).
    pub at: Vec3,
    /// Racks of mortars. Empty: not declared; the setup sheet lists what is needed. When
    /// given, the shells fired here must fit the racks (one shell per mortar).
    pub racks: Vec<Rack>,
    /// Firing-system modules placed here, in the order pins are used. Empty: modules are
    /// assigned automatically, as many as the position's cues need.
    pub modules: Vec<u32>,
}

impl Position {
    /// A position with no declared racks and automatic modules.
    pub fn new(name: impl Into<String>, at: Vec3) -> Self {
        Position {
            name: name.into(),
            at,
            racks: Vec::new(),
            modules: Vec::new(),
        }
    }

    /// Mortars of this calibre in the racks (calibres equal within 0.5 mm).
    pub fn tubes_of(&self, calibre_mm: f64) -> usize {
        self.racks
            .iter()
            .filter(|r| (r.calibre_mm - calibre_mm).abs() < 0.5)
            .map(|r| r.tubes)
            .sum()
    }
}
