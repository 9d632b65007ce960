//! `RenderInput`: what a software-rendered frame shows and how.

use skyshow_model::FlightShow;

use crate::{Burst, Camera, Ground};

/// What [`render_png`](crate::render_png) draws.
#[derive(Clone, Debug)]
pub struct RenderInput<'a> {
    /// The show.
    pub show: &'a FlightShow,
    /// Show time of the frame, seconds.
    pub time_s: f64,
    /// The camera; `None` = the audience view ([`Camera::audience`]) as the preview page
    /// places it in a window of the image's shape.
    pub camera: Option<Camera>,
    /// Image width, pixels, 16 to 8192. Default 1280.
    pub width_px: u32,
    /// Image height, pixels, 16 to 8192. Default 720.
    pub height_px: u32,
    /// Audience area and firing front (drawn on the ground; the audience side places the
    /// default camera).
    pub ground: Ground,
    /// Firework bursts to draw (empty = none).
    pub fireworks: &'a [Burst],
    /// Diameter of a drone's glow, metres; the LED's own colour fills about half of it.
    /// Default 6.6 (2.2 × the default 3 m minimum distance, as on the preview page).
    pub glow_m: f64,
}

impl<'a> RenderInput<'a> {
    /// Default image width, pixels.
    pub const DEFAULT_WIDTH_PX: u32 = 1280;
    /// Default image height, pixels.
    pub const DEFAULT_HEIGHT_PX: u32 = 720;
    /// Default glow diameter, metres.
    pub const DEFAULT_GLOW_M: f64 = 6.6;

    /// A 1280 × 720 audience view of `show` at `time_s`, default ground, no fireworks; the
    /// glow follows the show's minimum distance like the preview page.
    pub fn new(show: &'a FlightShow, time_s: f64) -> Self {
        let glow_m = show
            .limits
            .map(|l| RenderInput::glow_for(l.min_distance_m))
            .unwrap_or(RenderInput::DEFAULT_GLOW_M);
        RenderInput {
            show,
            time_s,
            camera: None,
            width_px: RenderInput::DEFAULT_WIDTH_PX,
            height_px: RenderInput::DEFAULT_HEIGHT_PX,
            ground: Ground::DEFAULT,
            fireworks: &[],
            glow_m,
        }
    }

    /// Glow diameter for a show's minimum distance, metres: 2.2 × the distance, between 2
    /// and 12 m (the default when the distance is not a number). The page uses the same.
    pub fn glow_for(min_distance_m: f64) -> f64 {
        if min_distance_m.is_finite() {
            (min_distance_m * 2.2).clamp(2.0, 12.0)
        } else {
            RenderInput::DEFAULT_GLOW_M
        }
    }
}
