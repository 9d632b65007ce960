//! `LightEffect`: one designed light effect on the timeline (what, on whom, when, how it
//! blends). The lights stage evaluates and stacks them.

use crate::{MusicalLength, Rgb, Vec3};

/// One light effect. Effects are stacked in file order over the formation colours.
#[derive(Clone, Debug, PartialEq)]
pub struct LightEffect {
    /// A name for messages (`light 3 of formation "龙"`).
    pub label: String,
    /// What the effect draws.
    pub kind: EffectKind,
    /// Which drones it touches.
    pub target: Target,
    /// The formation whose picture gives the spatial frame (`u`, `v` from 0 to 1 over its
    /// bounding box as the audience sees it); `None` = the formation on stage at the time.
    pub frame_formation: Option<usize>,
    /// Where a position-based effect (gradient, radial, sweep/wipe, wave, image) and the
    /// `region` are drawn while a moving formation holds: on the shape or in the sky.
    pub frame: LightFrame,
    /// Start on the show clock, seconds; `None` = when the frame formation is in place.
    pub start_s: Option<f64>,
    /// End on the show clock, seconds; `None` = when the frame formation starts to leave.
    pub end_s: Option<f64>,
    /// Fade-in length from `start_s`, seconds.
    pub fade_in_s: f64,
    /// Fade-out length before `end_s`, seconds.
    pub fade_out_s: f64,
    /// A fade-in written in beats or bars whose start was not known at import (an effect
    /// of a formation without `start`): counted along the music from the effect's start,
    /// instead of `fade_in_s`.
    pub fade_in_music: Option<MusicalLength>,
    /// The same for the fade-out, counted back from the effect's end.
    pub fade_out_music: Option<MusicalLength>,
    /// How the effect's colour combines with what is below it.
    pub blend: Blend,
    /// Strength, 0–1.
    pub opacity: f64,
    /// The chapter of a `[[chapter.light]]`: without `start`/`end` the effect runs from the
    /// chapter's first transition until its last formation leaves.
    pub chapter: Option<usize>,
}

/// Where an effect's picture is drawn while its formation moves during its hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LightFrame {
    /// Painted on the shape: each drone keeps the place of its point in the formation's
    /// still picture, so an image stays on a turning picture.
    #[default]
    Formation,
    /// Fixed in the sky: drones are placed by where they are, over the box the formation
    /// sweeps during its hold; the shape moves through the picture.
    Sky,
}

/// How an effect's colour combines with the colour below it (per channel, 0–1 values,
/// then mixed by the effect's opacity).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Blend {
    /// The effect's colour.
    #[default]
    Normal,
    /// Sum, clipped at full.
    Add,
    /// Product: darkens.
    Multiply,
    /// 1 − (1 − a)(1 − b): lightens.
    Screen,
}

/// Which drones an effect touches. All conditions must hold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Target {
    /// Drone numbers from 1, inclusive ranges; empty = every drone.
    pub drones: Vec<(usize, usize)>,
    /// Only drones flying this formation (index into the design's formations).
    pub formation: Option<usize>,
    /// Only these points of that formation (from 1, inclusive ranges); empty = all.
    pub points: Vec<(usize, usize)>,
    /// Only drones inside this box of the picture as the audience sees it:
    /// `[u0, v0, u1, v1]`, 0–1 from the left and from the bottom.
    pub region: Option<[f64; 4]>,
}

/// A direction in the picture as the audience sees it, or along a show axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Axis {
    /// An angle in the picture plane, degrees: 0 = left to right, 90 = bottom to top.
    Picture(f64),
    /// Along a direction of the show frame (a unit vector), over the picture's extent.
    Show(Vec3),
}

/// How often a beat effect fires.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Every {
    /// Every `n`-th beat of the music.
    Beats(u32),
    /// Every `n`-th bar start.
    Bars(u32),
    /// Every so many seconds (no music needed).
    Seconds(f64),
}

/// A picture mapped onto the formation from the audience's view.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageDesign {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// Row-major pixels, the first row at the top.
    pub pixels: Vec<Rgb>,
}

/// What an effect draws. Positions `u`, `v` are 0–1 over the frame formation's picture.
#[derive(Clone, Debug, PartialEq)]
pub enum EffectKind {
    /// One colour.
    Solid {
        /// The colour.
        color: Rgb,
    },
    /// Colours spread evenly along an axis over the picture's extent.
    Gradient {
        /// The direction.
        axis: Axis,
        /// At least two colours, first at the low end.
        colors: Vec<Rgb>,
    },
    /// Colours spread from a centre outwards.
    Radial {
        /// The centre, `[u, v]`.
        center: [f64; 2],
        /// At least two colours, first at the centre, last at the farthest corner.
        colors: Vec<Rgb>,
    },
    /// A front that crosses the picture during the effect; behind it the colour, ahead of
    /// it nothing (a wipe). With `band` > 0 only a band of that width is lit (a sweep).
    Sweep {
        /// The colour.
        color: Rgb,
        /// Direction of travel.
        axis: Axis,
        /// Width of a sweep's band (0–1 of the picture), 0 = a wipe.
        band: f64,
        /// Soft edge width (0–1 of the picture).
        softness: f64,
    },
    /// Two colours alternating along an axis, travelling.
    Wave {
        /// The colours at the crest and the trough.
        colors: [Rgb; 2],
        /// Direction of travel.
        axis: Axis,
        /// Crest to crest, 0–1 of the picture.
        wavelength: f64,
        /// Time for one wavelength to pass, seconds.
        period_s: f64,
    },
    /// Random drones flash briefly (seeded: the same show gives the same sparkle).
    Twinkle {
        /// The flash colour.
        color: Rgb,
        /// Share of drones lit at any moment, 0–1.
        density: f64,
        /// Length of one flash, seconds.
        flash_s: f64,
        /// Seed.
        seed: u64,
    },
    /// A flash on every beat (or bar) that decays linearly.
    Pulse {
        /// The flash colour.
        color: Rgb,
        /// How often.
        every: Every,
        /// Decay time after each flash, seconds.
        decay_s: f64,
    },
    /// A hard on/off flash on every beat (or bar).
    Strobe {
        /// The flash colour.
        color: Rgb,
        /// How often.
        every: Every,
        /// How long each flash stays on, seconds.
        on_s: f64,
    },
    /// The colours in turn, changing on every beat (or bar).
    ColorCycle {
        /// At least two colours.
        colors: Vec<Rgb>,
        /// How often the colour changes.
        every: Every,
        /// Cross-fade at each change, seconds (0 = cut).
        fade_s: f64,
    },
    /// A picture seen from the audience, stretched over the picture's bounding box.
    Image {
        /// The picture.
        image: ImageDesign,
    },
    /// An animation (an animated GIF or PNG, or a numbered sequence of pictures exported
    /// from a video): its pictures in turn, each mapped like [`EffectKind::Image`], from the
    /// effect's start.
    Frames {
        /// The pictures, in order (at least one).
        frames: Vec<ImageDesign>,
        /// How long each picture shows, seconds (one per picture, each positive).
        frame_s: Vec<f64>,
        /// Start again after the last picture; otherwise the last picture stays.
        looped: bool,
    },
}

impl ImageDesign {
    /// The pixel at `u`, `v` (0–1 from the left and from the bottom, clamped).
    pub fn at(&self, u: f64, v: f64) -> Rgb {
        let x = ((u.clamp(0.0, 1.0) * self.width as f64) as usize).min(self.width - 1);
        let y = (((1.0 - v.clamp(0.0, 1.0)) * self.height as f64) as usize).min(self.height - 1);
        self.pixels[y * self.width + x]
    }
}

impl EffectKind {
    /// Whether the effect depends on where a drone is (gradient, radial, sweep/wipe, wave,
    /// image): the effects a [`LightFrame`] applies to.
    pub fn is_spatial(&self) -> bool {
        matches!(
            self,
            EffectKind::Gradient { .. }
                | EffectKind::Radial { .. }
                | EffectKind::Sweep { .. }
                | EffectKind::Wave { .. }
                | EffectKind::Image { .. }
                | EffectKind::Frames { .. }
        )
    }
}
