//! `Pose`: where a rigidly moved formation is: its centre, its turn and its size.

use skyshow_model::Vec3;

/// A rotation matrix, rows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rotation([Vec3; 3]);

impl Rotation {
    /// No rotation.
    pub(crate) const IDENTITY: Rotation = Rotation([
        Vec3::new(1.0, 0.0, 0.0),
        Vec3::new(0.0, 1.0, 0.0),
        Vec3::new(0.0, 0.0, 1.0),
    ]);

    /// The rotation by `angle` radians about the unit vector `axis` (right-hand rule).
    pub(crate) fn about(axis: Vec3, angle: f64) -> Rotation {
        let (s, c) = angle.sin_cos();
        let k = 1.0 - c;
        let Vec3 { x, y, z } = axis;
        Rotation([
            Vec3::new(c + x * x * k, x * y * k - z * s, x * z * k + y * s),
            Vec3::new(y * x * k + z * s, c + y * y * k, y * z * k - x * s),
            Vec3::new(z * x * k - y * s, z * y * k + x * s, c + z * z * k),
        ])
    }

    /// The rotated vector.
    pub(crate) fn apply(&self, v: Vec3) -> Vec3 {
        Vec3::new(self.0[0].dot(v), self.0[1].dot(v), self.0[2].dot(v))
    }

    /// `self` after `first`: the rotation that applies `first`, then `self`.
    pub(crate) fn then_after(&self, first: &Rotation) -> Rotation {
        let col = |j: usize| {
            Vec3::new(
                first.0[0].to_array()[j],
                first.0[1].to_array()[j],
                first.0[2].to_array()[j],
            )
        };
        let cols = [col(0), col(1), col(2)];
        let row = |i: usize| {
            Vec3::new(
                self.0[i].dot(cols[0]),
                self.0[i].dot(cols[1]),
                self.0[i].dot(cols[2]),
            )
        };
        Rotation([row(0), row(1), row(2)])
    }
}

/// A formation moved rigidly from its rest pose: a rest point `p` is at
/// `centre + scale · turn · (p − rest_centre)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Pose {
    /// Where the formation's centre is, show frame, metres.
    pub(crate) centre: Vec3,
    /// How it is turned from its rest pose.
    pub(crate) turn: Rotation,
    /// Its size relative to its rest pose.
    pub(crate) scale: f64,
}

impl Pose {
    /// The rest pose of a formation centred on `centre`.
    pub(crate) fn rest(centre: Vec3) -> Pose {
        Pose {
            centre,
            turn: Rotation::IDENTITY,
            scale: 1.0,
        }
    }

    /// Where rest point `p` of a formation whose rest centre is `rest_centre` is.
    pub(crate) fn place(&self, p: Vec3, rest_centre: Vec3) -> Vec3 {
        self.centre + self.turn.apply(p - rest_centre) * self.scale
    }

    /// The linear part of [`Pose::place`] (`scale · turn`), by rows.
    pub(crate) fn matrix(&self) -> [Vec3; 3] {
        self.turn.0.map(|row| row * self.scale)
    }

    /// The pose turned by `q` about the point `pivot`.
    pub(crate) fn rotated(&self, q: &Rotation, pivot: Vec3) -> Pose {
        Pose {
            centre: pivot + q.apply(self.centre - pivot),
            turn: q.then_after(&self.turn),
            scale: self.scale,
        }
    }

    /// The pose scaled by `k` about the point `pivot`.
    pub(crate) fn scaled(&self, k: f64, pivot: Vec3) -> Pose {
        Pose {
            centre: pivot + (self.centre - pivot) * k,
            turn: self.turn,
            scale: self.scale * k,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_turn_about_up_maps_x_to_y() {
        let q = Rotation::about(Vec3::new(0.0, 0.0, 1.0), std::f64::consts::FRAC_PI_2);
        assert!(
            q.apply(Vec3::new(1.0, 0.0, 0.0))
                .dist(Vec3::new(0.0, 1.0, 0.0))
                < 1e-12
        );
        let two = q.then_after(&q);
        assert!(
            two.apply(Vec3::new(1.0, 0.0, 0.0))
                .dist(Vec3::new(-1.0, 0.0, 0.0))
                < 1e-12
        );
    }

    #[test]
    fn rotation_about_a_pivot_moves_the_centre() {
        let c = Vec3::new(10.0, 0.0, 50.0);
        let q = Rotation::about(Vec3::new(0.0, 0.0, 1.0), std::f64::consts::PI);
        let p = Pose::rest(c).rotated(&q, Vec3::new(0.0, 0.0, 50.0));
        assert!(p.centre.dist(Vec3::new(-10.0, 0.0, 50.0)) < 1e-12);
        let s = p.scaled(2.0, p.centre);
        assert!(
            s.place(Vec3::new(11.0, 0.0, 50.0), c)
                .dist(Vec3::new(-12.0, 0.0, 50.0))
                < 1e-12
        );
    }
}
