//! `RenderError`: why a frame could not be rendered.

/// Why [`render_png`](crate::render_png) or [`FrameRenderer`](crate::FrameRenderer) could
/// not make a frame. All are caused by the request, not by the show's data.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum RenderError {
    /// The image size is outside 16 to 8192 pixels a side.
    #[error("image size {width}×{height} is out of range (16 to 8192 pixels a side)")]
    Size {
        /// Requested width, pixels.
        width: u32,
        /// Requested height, pixels.
        height: u32,
    },
    /// A time is not a finite number.
    #[error("time {0} s is not a finite number")]
    Time(f64),
    /// The camera cannot see: non-finite numbers, eye on the target, or a field of view
    /// outside (1°, 170°).
    #[error(
        "the camera is unusable: position and look-at must differ and be finite, field of view between 1° and 170°"
    )]
    Camera,
    /// A frame sequence is empty, backwards, too long, or its rate is not positive.
    #[error(
        "frame sequence from {from_s} s to {to_s} s at {fps} fps is not usable (at most {max} frames)"
    )]
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
    #[error("PNG encoding failed: {0}")]
    Png(String),
}
