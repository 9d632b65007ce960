//! `FiringFront`: the launch positions of a show, ordered left to right.

use skyshow_i18n::msg;
use skyshow_model::Vec3;

use crate::{Position, PyroError};

/// The launch positions, ordered **left to right as the audience sees them**; patterns
/// (left to right, centre out, …) follow this order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FiringFront {
    /// The positions, left to right.
    pub positions: Vec<Position>,
}

impl FiringFront {
    /// A straight line of `n` evenly spaced positions from `left` to `right` (both ends
    /// included; one position sits at the midpoint), named `{prefix}01`, `{prefix}02`, …
    /// (zero-padded to the width of `n`).
    pub fn line(prefix: &str, left: Vec3, right: Vec3, n: usize) -> Result<Self, PyroError> {
        if n == 0 {
            return Err(PyroError::InvalidFront {
                message: msg!("pyro-front-line-empty"),
                hint: msg!("pyro-front-line-empty-hint"),
            });
        }
        if !(left.is_finite() && right.is_finite()) {
            return Err(PyroError::InvalidFront {
                message: msg!("pyro-front-line-ends"),
                hint: msg!("pyro-front-line-ends-hint"),
            });
        }
        let width = n.to_string().len().max(2);
        let positions = (0..n)
            .map(|i| {
                let t = if n == 1 {
                    0.5
                } else {
                    i as f64 / (n - 1) as f64
                };
                Position::new(format!("{prefix}{:0width$}", i + 1), left.lerp(right, t))
            })
            .collect();
        FiringFront::from_positions(positions)
    }

    /// A straight line of `n` positions, `width_m` wide, centred on `centre`, across the
    /// view of an audience that sits in direction `audience_azimuth_deg` from the stage
    /// (the show file's `[audience] azimuth_deg`: 0 = +X, 90 = +Y; 180 = audience at −X,
    /// whose left is +Y). Ordered left to right as that audience sees them.
    pub fn line_facing(
        prefix: &str,
        centre: Vec3,
        width_m: f64,
        n: usize,
        audience_azimuth_deg: f64,
    ) -> Result<Self, PyroError> {
        let a = audience_azimuth_deg.to_radians();
        // The audience looks along (−cos a, −sin a); its left is that turned by +90°.
        let left = Vec3::new(a.sin(), -a.cos(), 0.0);
        let half = left * (0.5 * width_m);
        FiringFront::line(prefix, centre + half, centre - half, n)
    }

    /// A front of explicit positions (left to right); names must be unique and non-empty.
    pub fn from_positions(positions: Vec<Position>) -> Result<Self, PyroError> {
        if positions.is_empty() {
            return Err(PyroError::InvalidFront {
                message: msg!("pyro-front-empty"),
                hint: msg!("pyro-front-empty-hint"),
            });
        }
        for (i, p) in positions.iter().enumerate() {
            if p.name.trim().is_empty() {
                return Err(PyroError::InvalidFront {
                    message: msg!("pyro-front-unnamed", number = i + 1),
                    hint: msg!("pyro-front-unnamed-hint"),
                });
            }
            if !p.at.is_finite() {
                return Err(PyroError::InvalidFront {
                    message: msg!("pyro-front-not-finite", position = p.name.as_str()),
                    hint: msg!("pyro-front-not-finite-hint"),
                });
            }
            if positions[..i].iter().any(|q| q.name == p.name) {
                return Err(PyroError::InvalidFront {
                    message: msg!("pyro-front-name-twice", position = p.name.as_str()),
                    hint: msg!("pyro-front-name-twice-hint"),
                });
            }
        }
        Ok(FiringFront { positions })
    }

    /// Index of the position with this name.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.positions.iter().position(|p| p.name == name)
    }

    /// Number of positions.
    pub fn len(&self) -> usize {
        self.positions.len()
    }

    /// True if there are no positions.
    pub fn is_empty(&self) -> bool {
        self.positions.is_empty()
    }

    /// The width of the front: the largest horizontal distance between two positions, m.
    pub fn width_m(&self) -> f64 {
        let mut w: f64 = 0.0;
        for (i, a) in self.positions.iter().enumerate() {
            for b in &self.positions[i + 1..] {
                w = w.max((a.at - b.at).norm_xy());
            }
        }
        w
    }

    /// A few position names for hints (`P01, P02, …, P27`).
    pub fn names_hint(&self) -> String {
        let names: Vec<&str> = self.positions.iter().map(|p| p.name.as_str()).collect();
        if names.len() <= 6 {
            names.join(", ")
        } else {
            format!(
                "{}, {}, {}, …, {}",
                names[0],
                names[1],
                names[2],
                names[names.len() - 1]
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_spaces_positions_evenly() {
        let f = FiringFront::line(
            "P",
            Vec3::new(0.0, 260.0, 0.0),
            Vec3::new(0.0, -260.0, 0.0),
            27,
        )
        .unwrap();
        assert_eq!(f.len(), 27);
        assert_eq!(f.positions[0].name, "P01");
        assert_eq!(f.positions[26].name, "P27");
        assert!((f.positions[13].at.y).abs() < 1e-9);
        assert!((f.width_m() - 520.0).abs() < 1e-9);
        assert!(FiringFront::line("P", Vec3::ZERO, Vec3::ZERO, 0).is_err());
    }

    #[test]
    fn line_facing_an_audience_at_minus_x_runs_from_plus_y() {
        let f = FiringFront::line_facing("P", Vec3::new(150.0, 0.0, 0.0), 520.0, 3, 180.0).unwrap();
        assert!((f.positions[0].at.y - 260.0).abs() < 1e-9);
        assert!((f.positions[0].at.x - 150.0).abs() < 1e-9);
        assert!((f.positions[2].at.y + 260.0).abs() < 1e-9);
    }

    #[test]
    fn duplicate_names_are_rejected() {
        let p = Position::new("A", Vec3::ZERO);
        let e = FiringFront::from_positions(vec![p.clone(), p]).unwrap_err();
        assert!(e.to_string().contains("used twice"), "{e}");
    }
}
