//! `Camera`: a pinhole camera in the show frame, and the presets (audience view, top view).

use skyshow_model::{FlightShow, Vec3};

use crate::Ground;
use crate::scene::{Bounds, Scene};

/// The aspect ratio (width / height) the camera presets are fitted to; narrower windows
/// widen the field of view to keep the same horizontal extent (the page's script does the
/// same with `meta.aspect`).
pub(crate) const PRESET_ASPECT: f64 = 16.0 / 9.0;
/// Widest vertical field of view a narrow window gets, degrees (the page has no limit;
/// beyond this a pinhole image is useless, and 170° is unusable).
const MAX_WINDOW_FOV_DEG: f64 = 160.0;

/// Height of the audience's eyes above the ground, metres.
pub(crate) const EYE_HEIGHT_M: f64 = 1.7;
/// Elevation of the top view, degrees (just short of straight down, so "up" stays defined).
pub(crate) const TOP_ELEVATION_DEG: f64 = 89.9;
/// Margin around the fitted extent in the presets (1.03 = 3 % more distance; the fit
/// itself is conservative: it assumes every corner of the box is as near as the nearest).
const FIT_MARGIN: f64 = 1.03;

/// A pinhole camera. The image's "up" is the projection of +Z; when looking straight up
/// or down it is +X.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// Eye position in the show frame, metres.
    pub position: Vec3,
    /// The point at the centre of the image, metres.
    pub look_at: Vec3,
    /// Vertical field of view, degrees, in (1, 170). Default 50.
    pub fov_deg: f64,
}

/// The camera's orthonormal frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Basis {
    /// Viewing direction.
    pub(crate) forward: Vec3,
    /// Image right.
    pub(crate) right: Vec3,
    /// Image up.
    pub(crate) up: Vec3,
}

impl Camera {
    /// Default vertical field of view, degrees.
    pub const DEFAULT_FOV_DEG: f64 = 50.0;

    /// The audience view of a show, placed exactly as the preview page places it in a
    /// window of `aspect` (width / height): from the audience side (towards the audience
    /// area's centroid, or along [`Ground::audience_azimuth_deg`]) at eye height, looking
    /// at the middle of the stage, at the distance where every formation just fits a
    /// 16:9 view with the default field of view; a narrower window widens the vertical
    /// field of view to keep the same horizontal extent, a wider one shows more at the
    /// sides. (The audience itself may stand further back; the view frames the show as a
    /// camera operator would.)
    pub fn audience(show: &FlightShow, ground: &Ground, aspect: f64) -> Camera {
        Camera::audience_of(&Scene::new(show, ground), aspect)
    }

    /// The top view of a show, as the preview page places it in a window of `aspect`: from
    /// high above the stage, looking down, the audience at the bottom of the image,
    /// everything the drones reach and everything on the ground in a 16:9 view (widened
    /// like [`Camera::audience`] for narrower windows).
    pub fn top(show: &FlightShow, ground: &Ground, aspect: f64) -> Camera {
        Camera::top_of(&Scene::new(show, ground), aspect)
    }

    /// [`Camera::audience`] for a computed scene.
    pub(crate) fn audience_of(scene: &Scene, aspect: f64) -> Camera {
        Camera::audience_preset(scene).in_window(aspect)
    }

    /// [`Camera::top`] for a computed scene.
    pub(crate) fn top_of(scene: &Scene, aspect: f64) -> Camera {
        Camera::top_preset(scene).in_window(aspect)
    }

    /// The page's audience preset: fitted to a [`PRESET_ASPECT`] view.
    pub(crate) fn audience_preset(scene: &Scene) -> Camera {
        let target = scene.stage_center();
        let d = fit_distance(&scene.air, target, scene.toward_audience, PRESET_ASPECT);
        let e = target + scene.toward_audience * d;
        Camera {
            position: Vec3::new(e.x, e.y, EYE_HEIGHT_M),
            look_at: target,
            fov_deg: Camera::DEFAULT_FOV_DEG,
        }
    }

    /// This camera in a window of `aspect` as the page's script shows a preset: windows
    /// narrower than [`PRESET_ASPECT`] get the vertical field of view that keeps the
    /// preset's horizontal one (at most [`MAX_WINDOW_FOV_DEG`]); wider ones keep it.
    pub(crate) fn in_window(self, aspect: f64) -> Camera {
        let aspect = if aspect.is_finite() && aspect > 0.0 {
            aspect
        } else {
            PRESET_ASPECT
        };
        if aspect >= PRESET_ASPECT || !self.fov_deg.is_finite() {
            return self;
        }
        let half = (self.fov_deg.to_radians() / 2.0).tan() * PRESET_ASPECT / aspect;
        Camera {
            fov_deg: (2.0 * half.atan().to_degrees()).min(MAX_WINDOW_FOV_DEG),
            ..self
        }
    }

    /// The page's top preset: fitted to a [`PRESET_ASPECT`] view.
    pub(crate) fn top_preset(scene: &Scene) -> Camera {
        // Everything on the ground (drones' reach, audience, firing front), without the
        // drawing margin.
        let g = scene.all.union(scene.ground);
        let c = g.center();
        let target = Vec3::new(c.x, c.y, 0.0);
        let (tan_v, tan_h) = half_tans(Camera::DEFAULT_FOV_DEG, PRESET_ASPECT);
        let right = Vec3::new(0.0, 0.0, 1.0).cross(scene.toward_audience);
        let back = -scene.toward_audience;
        let mut d: f64 = 10.0;
        for q in g.corners() {
            let rel = q - target;
            let lift = scene.all.hi.z.max(0.0);
            d = d.max(rel.dot(right).abs() / tan_h + lift);
            d = d.max(rel.dot(back).abs() / tan_v + lift);
        }
        let el = TOP_ELEVATION_DEG.to_radians();
        let dir = scene.toward_audience * el.cos() + Vec3::new(0.0, 0.0, el.sin());
        Camera {
            position: target + dir * (d * FIT_MARGIN),
            look_at: target,
            fov_deg: Camera::DEFAULT_FOV_DEG,
        }
    }

    /// A level view of `bounds` from the audience side (eye at the box's mid-height), fitted
    /// to an image of `aspect`: how the report's formation thumbnails are seen.
    pub(crate) fn level_fit(bounds: &Bounds, toward_audience: Vec3, aspect: f64) -> Camera {
        let target = bounds.center();
        let d = fit_distance(bounds, target, toward_audience, aspect);
        Camera {
            position: target + toward_audience * d,
            look_at: target,
            fov_deg: Camera::DEFAULT_FOV_DEG,
        }
    }

    /// The camera's frame, or `None` if the camera is unusable (non-finite, eye on the
    /// target, field of view out of range).
    pub(crate) fn basis(&self) -> Option<Basis> {
        if !self.position.is_finite()
            || !self.look_at.is_finite()
            || !self.fov_deg.is_finite()
            || self.fov_deg <= 1.0
            || self.fov_deg >= 170.0
        {
            return None;
        }
        let forward = (self.look_at - self.position).normalized();
        if forward.norm() < 0.5 {
            return None;
        }
        let mut right = forward.cross(Vec3::new(0.0, 0.0, 1.0));
        if right.norm() < 1e-6 {
            right = forward.cross(Vec3::new(1.0, 0.0, 0.0));
        }
        let right = right.normalized();
        let up = right.cross(forward);
        Some(Basis { forward, right, up })
    }
}

/// `tan` of the half vertical and half horizontal field of view.
fn half_tans(fov_deg: f64, aspect: f64) -> (f64, f64) {
    let aspect = if aspect.is_finite() && aspect > 0.05 {
        aspect.min(20.0)
    } else {
        16.0 / 9.0
    };
    let tan_v = (fov_deg.to_radians() / 2.0).tan();
    (tan_v, tan_v * aspect)
}

/// Distance from `target`, towards the audience, at which every corner of `b` is in view.
fn fit_distance(b: &Bounds, target: Vec3, toward_audience: Vec3, aspect: f64) -> f64 {
    let (tan_v, tan_h) = half_tans(Camera::DEFAULT_FOV_DEG, aspect);
    let right = Vec3::new(0.0, 0.0, 1.0).cross(toward_audience);
    let mut d: f64 = 10.0;
    for q in b.corners() {
        let rel = q - target;
        // Depth of the corner in front of the eye is d - rel·toward_audience.
        let nearer = rel.dot(toward_audience);
        d = d.max(rel.dot(right).abs() / tan_h + nearer);
        d = d.max(rel.z.abs() / tan_v + nearer);
    }
    d * FIT_MARGIN
}

impl Default for Camera {
    /// From 200 m at −X, eye height, looking at 60 m above the origin.
    fn default() -> Self {
        Camera {
            position: Vec3::new(-200.0, 0.0, EYE_HEIGHT_M),
            look_at: Vec3::new(0.0, 0.0, 60.0),
            fov_deg: Camera::DEFAULT_FOV_DEG,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projector::Projector;

    #[test]
    fn audience_default_is_at_minus_x_and_plus_y_is_left() {
        let cam = Camera::default();
        let p = Projector::new(&cam, 1280, 720).unwrap();
        let (x_left, _, _) = p.project(Vec3::new(0.0, 10.0, 60.0)).unwrap();
        let (x_mid, y_mid, _) = p.project(Vec3::new(0.0, 0.0, 60.0)).unwrap();
        assert!((x_mid - 640.0).abs() < 1e-9 && (y_mid - 360.0).abs() < 1e-9);
        assert!(x_left < x_mid, "+Y is on the audience's left");
        let (_, y_high, _) = p.project(Vec3::new(0.0, 0.0, 80.0)).unwrap();
        assert!(y_high < y_mid, "up is up");
    }

    #[test]
    fn bad_cameras_are_rejected() {
        let mut cam = Camera::default();
        cam.look_at = cam.position;
        assert!(cam.basis().is_none());
        let cam = Camera {
            fov_deg: f64::NAN,
            ..Camera::default()
        };
        assert!(Projector::new(&cam, 10, 10).is_none());
        let down = Camera {
            position: Vec3::new(0.0, 0.0, 100.0),
            look_at: Vec3::ZERO,
            fov_deg: 50.0,
        };
        let b = down.basis().unwrap();
        assert!(
            b.up.dot(Vec3::new(1.0, 0.0, 0.0)) > 0.99,
            "+X is up looking down"
        );
    }
}
