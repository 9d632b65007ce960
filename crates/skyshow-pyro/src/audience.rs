//! `Audience`: where the spectators are, as a line or a zone on the ground.

use skyshow_i18n::msg;
use skyshow_model::{Vec3, path_distance, ring_contains};

use crate::PyroError;

/// Where the spectators are, horizontally (z is ignored).
#[derive(Clone, Debug, PartialEq)]
pub enum Audience {
    /// The front edge of the audience as a polyline (two or more points).
    Line(Vec<Vec3>),
    /// The audience area as a simple polygon (three or more corners, either winding).
    Zone(Vec<Vec3>),
}

impl Audience {
    /// Checks the point count and that every point is finite.
    pub fn validate(&self) -> Result<(), PyroError> {
        let (pts, min, what) = match self {
            Audience::Line(p) => (p, 2, "line"),
            Audience::Zone(p) => (p, 3, "zone"),
        };
        if pts.len() < min || pts.iter().any(|p| !p.is_finite()) {
            return Err(PyroError::InvalidOption {
                what: msg!("pyro-audience-what", what = what),
                message: msg!("pyro-audience-points", count = pts.len()),
                hint: msg!("pyro-audience-points-hint", what = what, min = min),
            });
        }
        Ok(())
    }

    /// Horizontal distance from a point to the audience, m (0 inside a zone).
    pub fn distance_xy(&self, p: Vec3) -> f64 {
        match self {
            Audience::Line(pts) => path_distance(pts, false, p.x, p.y),
            Audience::Zone(pts) if ring_contains(pts, p.x, p.y) => 0.0,
            Audience::Zone(pts) => path_distance(pts, true, p.x, p.y),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        let line = Audience::Line(vec![
            Vec3::new(-100.0, -300.0, 0.0),
            Vec3::new(-100.0, 300.0, 0.0),
        ]);
        assert!((line.distance_xy(Vec3::new(50.0, 0.0, 30.0)) - 150.0).abs() < 1e-9);
        let zone = Audience::Zone(vec![
            Vec3::new(-200.0, -100.0, 0.0),
            Vec3::new(-100.0, -100.0, 0.0),
            Vec3::new(-100.0, 100.0, 0.0),
            Vec3::new(-200.0, 100.0, 0.0),
        ]);
        assert_eq!(zone.distance_xy(Vec3::new(-150.0, 0.0, 0.0)), 0.0);
        assert!((zone.distance_xy(Vec3::new(0.0, 0.0, 0.0)) - 100.0).abs() < 1e-9);
        assert!(Audience::Zone(vec![Vec3::ZERO; 2]).validate().is_err());
    }
}
