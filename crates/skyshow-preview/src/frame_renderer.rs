//! `FrameRenderer`: software rendering of show frames (no GPU), and the `render_png`,
//! `render_sequence` and `frame_times` entry points.
//!
//! The sky, the ground (`ground_paint.rs`) and the takeoff slots are drawn once per renderer; each frame adds the
//! drones as glowing dots in their LED colours and the firework particles, additively, like
//! the preview page.

use skyshow_model::Vec3;

use crate::camera::Camera;
use crate::canvas::Canvas;
use crate::ground_paint::draw_ground;
use crate::particle::Particle;
use crate::preview_page::drawable_bursts;
use crate::projector::Projector;
use crate::scene::{Scene, clamp_point};
use crate::{RenderError, RenderInput};

/// Smallest and largest image side, pixels.
const SIDE_PX: std::ops::RangeInclusive<u32> = 16..=8192;
/// Most frames in one sequence.
pub const MAX_FRAMES: usize = 1_000_000;
/// Takeoff slot dots: colour and diameter, metres.
const HOME: ([f32; 3], f64) = ([52.0 / 255.0, 62.0 / 255.0, 80.0 / 255.0], 0.9);
/// Drones whose lights are off: colour and size factor.
const OFF: ([f32; 3], f64) = ([0.16, 0.18, 0.22], 0.45);
/// Smallest and largest dot, pixels.
const DOT_PX: (f64, f64) = (3.0, 128.0);

/// Renders frames of one show from one camera; cheap to call for many times, and usable
/// from several threads at once (`render` takes `&self`).
#[derive(Clone, Debug)]
pub struct FrameRenderer<'a> {
    input: &'a RenderInput<'a>,
    camera: Camera,
    proj: Projector,
    background: Canvas,
    particles: Vec<Particle>,
}

impl<'a> FrameRenderer<'a> {
    /// Prepares the camera and the static background (sky, ground, takeoff slots).
    ///
    /// # Errors
    /// [`RenderError::Size`] or [`RenderError::Camera`].
    pub fn new(input: &'a RenderInput<'a>) -> Result<FrameRenderer<'a>, RenderError> {
        FrameRenderer::with_scene(input, &Scene::new(input.show, &input.ground))
    }

    /// [`FrameRenderer::new`] with the show's scene already computed (the report renders
    /// many thumbnails of one show).
    pub(crate) fn with_scene(
        input: &'a RenderInput<'a>,
        scene: &Scene,
    ) -> Result<FrameRenderer<'a>, RenderError> {
        let (w, h) = (input.width_px, input.height_px);
        if !SIDE_PX.contains(&w) || !SIDE_PX.contains(&h) {
            return Err(RenderError::Size {
                width: w,
                height: h,
            });
        }
        let camera = input
            .camera
            .unwrap_or_else(|| Camera::audience_of(scene, w as f64 / h as f64));
        let proj = Projector::new(&camera, w, h).ok_or(RenderError::Camera)?;
        let mut background = Canvas::sky(w as usize, h as usize);
        draw_ground(&mut background, &proj, scene, input);
        for d in &input.show.drones {
            if d.home.is_finite() {
                dot(
                    &mut background,
                    &proj,
                    clamp_point(d.home),
                    HOME.1,
                    HOME.0,
                    true,
                );
            }
        }
        let particles = Particle::of_bursts(drawable_bursts(input.fireworks));
        Ok(FrameRenderer {
            input,
            camera,
            proj,
            background,
            particles,
        })
    }

    /// The camera the frames are seen from.
    pub fn camera(&self) -> Camera {
        self.camera
    }

    /// The frame at `time_s` as PNG bytes.
    ///
    /// # Errors
    /// [`RenderError::Time`] for a non-finite time, [`RenderError::Png`].
    pub fn render(&self, time_s: f64) -> Result<Vec<u8>, RenderError> {
        self.canvas(time_s)?.png()
    }

    /// The frame at `time_s` as 8-bit RGB pixels, row-major (width × height × 3 bytes).
    ///
    /// # Errors
    /// [`RenderError::Time`] for a non-finite time.
    pub fn render_rgb(&self, time_s: f64) -> Result<Vec<u8>, RenderError> {
        Ok(self.canvas(time_s)?.to_rgb8())
    }

    fn canvas(&self, t: f64) -> Result<Canvas, RenderError> {
        if !t.is_finite() {
            return Err(RenderError::Time(t));
        }
        let mut c = self.background.clone();
        let glow = if self.input.glow_m.is_finite() && self.input.glow_m > 0.0 {
            self.input.glow_m.min(100.0)
        } else {
            RenderInput::DEFAULT_GLOW_M
        };
        for d in &self.input.show.drones {
            let p = d.trajectory.position(t);
            if !p.is_finite() {
                continue;
            }
            let rgb = d.lights.color_at(t);
            if rgb.r.max(rgb.g).max(rgb.b) < 1 {
                dot(&mut c, &self.proj, p, glow * OFF.1, OFF.0, false);
            } else {
                let k = [rgb.r, rgb.g, rgb.b].map(|v| v as f32 / 255.0);
                dot(&mut c, &self.proj, p, glow, k, false);
            }
        }
        for part in &self.particles {
            if let Some((p, k, size)) = part.at(t) {
                dot(&mut c, &self.proj, p, size, k, false);
            }
        }
        Ok(c)
    }
}

/// A glowing dot of `size_m` at `p`, sized and dimmed with distance like on the page;
/// `over` paints it over the image instead of adding light.
fn dot(c: &mut Canvas, proj: &Projector, p: Vec3, size_m: f64, k: [f32; 3], over: bool) {
    let Some((x, y, depth)) = proj.project(p) else {
        return;
    };
    let px = size_m * proj.focal_px / depth.max(0.01);
    let s = px.clamp(DOT_PX.0, DOT_PX.1);
    let gain = (px / DOT_PX.0).clamp(0.35, 1.0) as f32;
    if over {
        c.spot(x, y, s, k);
    } else {
        c.glow(x, y, s, k.map(|v| v * gain));
    }
}

/// One frame as PNG: the show at `input.time_s` seen from `input.camera` (default: the
/// audience view), drones as soft glowing dots in their LED colours on a night sky, the
/// ground grid faint, fireworks as particles.
///
/// # Errors
/// [`RenderError`] for an unusable size, camera or time.
pub fn render_png(input: &RenderInput) -> Result<Vec<u8>, RenderError> {
    FrameRenderer::new(input)?.render(input.time_s)
}

/// The times of a frame sequence: `from_s`, `from_s + 1/fps`, … up to `to_s` inclusive.
///
/// # Errors
/// [`RenderError::Sequence`] if a number is not finite, `to_s < from_s`, `fps ≤ 0` or the
/// sequence would have more than [`MAX_FRAMES`] frames.
pub fn frame_times(from_s: f64, to_s: f64, fps: f64) -> Result<Vec<f64>, RenderError> {
    let err = RenderError::Sequence {
        from_s,
        to_s,
        fps,
        max: MAX_FRAMES,
    };
    if !(from_s.is_finite() && to_s.is_finite() && fps.is_finite()) || fps <= 0.0 || to_s < from_s {
        return Err(err);
    }
    let n = ((to_s - from_s) * fps + 1e-9).floor() + 1.0;
    if n > MAX_FRAMES as f64 {
        return Err(err);
    }
    Ok((0..n as usize).map(|k| from_s + k as f64 / fps).collect())
}

/// The frames at `times`, as PNG bytes, one at a time (the background is drawn once).
/// The CLI writes each as it comes; to use several cores, share one [`FrameRenderer`]
/// between threads instead.
///
/// # Errors
/// The iterator is not made for an unusable size or camera; each frame fails alone for a
/// non-finite time.
pub fn render_sequence<'a>(
    input: &'a RenderInput<'a>,
    times: &'a [f64],
) -> Result<impl Iterator<Item = Result<Vec<u8>, RenderError>> + 'a, RenderError> {
    let r = FrameRenderer::new(input)?;
    Ok(times.iter().map(move |&t| r.render(t)))
}
