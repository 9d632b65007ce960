//! `Projector`: a camera turned into pixel coordinates for one image size.

use skyshow_model::Vec3;

use crate::camera::{Basis, Camera};

/// Projects points of the show frame onto an image.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Projector {
    eye: Vec3,
    basis: Basis,
    /// Focal length, pixels.
    pub(crate) focal_px: f64,
    cx: f64,
    cy: f64,
}

/// Nearest depth drawn, metres.
pub(crate) const NEAR_M: f64 = 0.5;

impl Projector {
    /// A projector for an image `width` × `height` pixels, or `None` for an unusable camera.
    pub(crate) fn new(camera: &Camera, width: u32, height: u32) -> Option<Projector> {
        let basis = camera.basis()?;
        if width == 0 || height == 0 {
            return None;
        }
        let focal_px = (height as f64 / 2.0) / (camera.fov_deg.to_radians() / 2.0).tan();
        Some(Projector {
            eye: camera.position,
            basis,
            focal_px,
            cx: width as f64 / 2.0,
            cy: height as f64 / 2.0,
        })
    }

    /// Camera-space coordinates: (right, up, depth), metres.
    pub(crate) fn camera_space(&self, p: Vec3) -> Vec3 {
        let q = p - self.eye;
        Vec3::new(
            q.dot(self.basis.right),
            q.dot(self.basis.up),
            q.dot(self.basis.forward),
        )
    }

    /// The eye, metres.
    pub(crate) fn eye(&self) -> Vec3 {
        self.eye
    }

    /// The camera's frame.
    pub(crate) fn basis(&self) -> Basis {
        self.basis
    }

    /// Image centre, pixels.
    pub(crate) fn center_px(&self) -> (f64, f64) {
        (self.cx, self.cy)
    }

    /// Pixel coordinates (x right, y down) of a camera-space point in front of the near
    /// plane.
    pub(crate) fn camera_to_pixel(&self, c: Vec3) -> (f64, f64) {
        (
            self.cx + self.focal_px * c.x / c.z,
            self.cy - self.focal_px * c.y / c.z,
        )
    }

    /// Pixel coordinates and depth (metres) of a point, or `None` behind the near plane.
    pub(crate) fn project(&self, p: Vec3) -> Option<(f64, f64, f64)> {
        let c = self.camera_space(p);
        if !c.is_finite() || c.z < NEAR_M {
            return None;
        }
        let (x, y) = self.camera_to_pixel(c);
        Some((x, y, c.z))
    }
}
