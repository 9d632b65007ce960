//! `RenderError`: why a frame could not be rendered (worded as messages, shown in the
//! user's language).

use skyshow_i18n::{Message, msg};

/// Why [`render_png`](crate::render_png) or [`FrameRenderer`](crate::FrameRenderer) could
/// not make a frame. All are caused by the request, not by the show's data.
#[derive(Debug, Clone, PartialEq)]
pub enum RenderError {
    /// The image size is outside 16 to 8192 pixels a side.
    Size {
        /// Requested width, pixels.
        width: u32,
        /// Requested height, pixels.
        height: u32,
    },
    /// A time is not a finite number.
    Time(f64),
    /// The camera cannot see: non-finite numbers, eye on the target, or a field of view
    /// outside (1°, 170°).
    Camera,
    /// A frame sequence is empty, backwards, too long, or its rate is not positive.
    Sequence {
        /// First time, seconds.
        from_s: f64,
        /// Last time, seconds.
        to_s: f64,
        /// Frames per second.
        fps: f64,
        /// Most frames allowed.
        max: usize,
    },
    /// The PNG encoder failed.
    Png(String),
}

impl RenderError {
    /// What is wrong, as a message.
    pub fn message(&self) -> Message {
        match self {
            RenderError::Size { width, height } => {
                msg!("render-err-size", width = *width, height = *height)
            }
            RenderError::Time(t) => msg!("render-err-time", time = *t),
            RenderError::Camera => msg!("render-err-camera"),
            RenderError::Sequence {
                from_s,
                to_s,
                fps,
                max,
            } => msg!(
                "render-err-sequence",
                from = *from_s,
                to = *to_s,
                fps = *fps,
                max = *max
            ),
            RenderError::Png(why) => msg!("render-err-png", why = why.as_str()),
        }
    }
}

skyshow_i18n::message_error!(RenderError);
