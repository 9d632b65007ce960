//! `Audience`: where the spectators are, as a line or a zone on the ground.

use skyshow_model::Vec3;

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
                what: format!("audience {what}"),
                message: format!("{} points, or a point that is not finite", pts.len()),
                hint: format!("an audience {what} needs at least {min} points in metres"),
            });
        }
        Ok(())
    }

    /// Horizontal distance from a point to the audience, m (0 inside a zone).
    pub fn distance_xy(&self, p: Vec3) -> f64 {
        match self {
            Audience::Line(pts) => polyline_distance(pts, p, false),
            Audience::Zone(pts) => {
                if contains(pts, p) {
                    0.0
                } else {
                    polyline_distance(pts, p, true)
                }
            }
        }
    }
}

fn flat(v: Vec3) -> Vec3 {
    Vec3::new(v.x, v.y, 0.0)
}

fn segment_distance(a: Vec3, b: Vec3, p: Vec3) -> f64 {
    let (a, b, p) = (flat(a), flat(b), flat(p));
    let ab = b - a;
    let len2 = ab.norm2();
    let t = if len2 > 0.0 {
        ((p - a).dot(ab) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    p.dist(a + ab * t)
}

fn polyline_distance(pts: &[Vec3], p: Vec3, closed: bool) -> f64 {
    let mut d = f64::INFINITY;
    for w in pts.windows(2) {
        d = d.min(segment_distance(w[0], w[1], p));
    }
    if closed && pts.len() > 2 {
        d = d.min(segment_distance(pts[pts.len() - 1], pts[0], p));
    }
    if pts.len() == 1 {
        d = flat(pts[0]).dist(flat(p));
    }
    d
}

fn contains(pts: &[Vec3], p: Vec3) -> bool {
    let mut inside = false;
    let mut j = pts.len() - 1;
    for i in 0..pts.len() {
        let (a, b) = (pts[i], pts[j]);
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
        j = i;
    }
    inside
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
