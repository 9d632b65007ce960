//! `LocalFrame`: the picture's axes in the show frame, facing the audience.

use skyshow_model::{Placement, Vec3};

/// Orthonormal axes of a formation in the show frame: `u` right and `v` up as the audience
/// sees the picture, `w` towards the audience; plus the centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LocalFrame {
    /// Right, as seen by the audience.
    pub u: Vec3,
    /// Up.
    pub v: Vec3,
    /// Towards the audience.
    pub w: Vec3,
    /// Centre, show frame.
    pub center: Vec3,
}

impl LocalFrame {
    /// The frame for a placement, with the audience in direction `audience_azimuth_deg`
    /// (degrees from +X towards +Y) from the stage.
    pub fn new(audience_azimuth_deg: f64, p: &Placement) -> Self {
        let a = audience_azimuth_deg.to_radians();
        let w0 = Vec3::new(a.cos(), a.sin(), 0.0);
        let v0 = Vec3::new(0.0, 0.0, 1.0);
        // The audience looks along -w; their right is (-w) × up.
        let u0 = (-w0).cross(v0);
        // Roll about w, then tilt about u, then turn about v.
        let (u1, v1) = rotate_pair(u0, v0, p.roll_deg.to_radians());
        let w1 = w0;
        // Tilt: positive leans the top (v) away from the audience (towards -w).
        let (w2, v2) = rotate_pair(w1, v1, p.tilt_deg.to_radians());
        let u2 = u1;
        // Turn: positive turns the right side (u) away from the audience (towards -w).
        let (w3, u3) = rotate_pair(w2, u2, p.turn_deg.to_radians());
        LocalFrame {
            u: u3,
            v: v2,
            w: w3,
            center: p.center,
        }
    }

    /// A point given in local coordinates (metres) in the show frame.
    pub fn to_show(&self, local: Vec3) -> Vec3 {
        self.center + self.u * local.x + self.v * local.y + self.w * local.z
    }
}

/// Rotates the pair (a, b) by angle t in their plane: a → a cos t + b sin t.
fn rotate_pair(a: Vec3, b: Vec3, t: f64) -> (Vec3, Vec3) {
    let (s, c) = t.sin_cos();
    (a * c + b * s, b * c - a * s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Vec3, b: Vec3) -> bool {
        a.dist(b) < 1e-12
    }

    fn place() -> Placement {
        Placement {
            center: Vec3::new(0.0, 0.0, 50.0),
            roll_deg: 0.0,
            tilt_deg: 0.0,
            turn_deg: 0.0,
        }
    }

    #[test]
    fn default_audience_at_minus_x_sees_minus_y_as_right() {
        let f = LocalFrame::new(180.0, &place());
        assert!(close(f.w, Vec3::new(-1.0, 0.0, 0.0)));
        assert!(close(f.u, Vec3::new(0.0, -1.0, 0.0)));
        assert!(close(f.v, Vec3::new(0.0, 0.0, 1.0)));
        assert!(close(
            f.to_show(Vec3::new(1.0, 2.0, 0.0)),
            Vec3::new(0.0, -1.0, 52.0)
        ));
    }

    #[test]
    fn tilt_90_lays_flat_facing_up() {
        let f = LocalFrame::new(
            180.0,
            &Placement {
                tilt_deg: 90.0,
                ..place()
            },
        );
        assert!(close(f.w, Vec3::new(0.0, 0.0, 1.0)));
        // The top leans away from the audience (towards +X).
        assert!(close(f.v, Vec3::new(1.0, 0.0, 0.0)));
    }

    #[test]
    fn axes_stay_orthonormal() {
        let f = LocalFrame::new(
            33.0,
            &Placement {
                roll_deg: 12.0,
                tilt_deg: -40.0,
                turn_deg: 71.0,
                ..place()
            },
        );
        assert!((f.u.norm() - 1.0).abs() < 1e-12 && (f.v.norm() - 1.0).abs() < 1e-12);
        assert!(f.u.dot(f.v).abs() < 1e-12 && f.u.dot(f.w).abs() < 1e-12);
        assert!(close(f.u.cross(f.v), f.w));
    }
}
