//! See a show before it flies: the 3D preview page, software-rendered frames and the
//! visual safety report.
//!
//! - [`preview_html`] writes one self-contained HTML page (no network, no other files)
//!   that plays the drones in their LED colours, the firework bursts and the music with
//!   WebGL, with a timeline of chapters, formations, cues and fireworks, camera presets
//!   (audience, top, free orbit) and `#t=SECONDS` links that open the page paused at a
//!   time. The page exposes `window.skyshowPreview = { ready, time, drones, setTime(t), … }`
//!   for tests, and shows the drone count in the element `#drone-count`.
//! - [`render_png`] draws one frame in software (no GPU) from the audience view or any
//!   [`Camera`]; [`render_sequence`] draws many.
//! - [`report_html`] writes the visual safety report: inline SVG plots of separation,
//!   speeds, transitions, flight times and fireworks, a plan of the site, formation
//!   thumbnails and the violations, each linking to its moment in the preview.
//!
//! Everything here takes data and returns bytes: no file I/O, no printing. The same input
//! gives byte-identical output.
//!
//! Coordinates are Skybrush's show frame (X = show front, Y = left, Z = up), metres and
//! seconds, like the rest of skyshow.

mod burst;
mod camera;
mod canvas;
mod frame_renderer;
mod ground;
mod ground_paint;
mod html;
mod motion_speeds;
mod music;
mod particle;
mod preview_input;
mod preview_page;
mod projector;
mod render_error;
mod render_input;
mod report_charts;
mod report_input;
mod report_lists;
mod report_page;
mod report_rows;
mod report_series;
mod scene;
mod show_buffer;
mod site_plan;
mod stage;
mod svg_plot;
mod template;

pub use burst::Burst;
pub use camera::Camera;
pub use frame_renderer::{FrameRenderer, MAX_FRAMES, frame_times, render_png, render_sequence};
pub use ground::Ground;
pub use music::Music;
pub use preview_input::PreviewInput;
pub use preview_page::{preview_html, preview_html_to};
pub use render_error::RenderError;
pub use render_input::RenderInput;
pub use report_input::ReportInput;
pub use report_page::report_html;
pub use report_rows::{ReportEmergency, ReportFormation, ReportTransition, ReportViolation};
pub use report_series::ReportSeries;
pub use stage::Stage;
