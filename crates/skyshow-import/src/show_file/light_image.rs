//! Image effects (`effect = "image"`): a still picture, an animated GIF or PNG (APNG),
//! or a numbered sequence of pictures, read and scaled for sampling.

use super::label::Label;
use skyshow_model::{EffectKind, ImageDesign, Rgb};
use toml::Spanned;

use super::lights::RawLight;
use super::{Cx, Reader};
use crate::error::ImportError;
use skyshow_i18n::{Message, msg};

/// Largest image side accepted for an image effect, pixels.
const MAX_IMAGE_SIDE: u32 = 4096;

/// Largest side of an animation's pictures once scaled down, pixels.
const MAX_FRAME_SIDE: u32 = 160;

/// Most pictures in an animation.
const MAX_FRAMES: usize = 3000;

/// The frames of an animated GIF or PNG (APNG) with each frame's time in seconds, or
/// `None` for a still picture (one frame, or not a GIF or PNG).
#[allow(clippy::type_complexity)]
fn animation_frames(bytes: &[u8]) -> Result<Option<(Vec<image::RgbaImage>, Vec<f64>)>, Message> {
    // The decoder's own words are another program's, shown as they are.
    let foreign = |e: image::ImageError| Message::verbatim(e.to_string());
    use image::AnimationDecoder;
    use image::codecs::{gif::GifDecoder, png::PngDecoder};
    let cursor = || std::io::Cursor::new(bytes);
    let frames: Vec<image::Frame> = if bytes.starts_with(b"GIF8") {
        let d = GifDecoder::new(cursor()).map_err(foreign)?;
        let (w, h) = image::ImageDecoder::dimensions(&d);
        if w > MAX_IMAGE_SIDE || h > MAX_IMAGE_SIDE {
            return Err(too_large(w, h));
        }
        take_frames(d.into_frames())?
    } else if bytes.starts_with(b"\x89PNG") {
        let d = PngDecoder::new(cursor()).map_err(foreign)?;
        if !d.is_apng().map_err(foreign)? {
            return Ok(None);
        }
        let (w, h) = image::ImageDecoder::dimensions(&d);
        if w > MAX_IMAGE_SIDE || h > MAX_IMAGE_SIDE {
            return Err(too_large(w, h));
        }
        take_frames(d.apng().map_err(foreign)?.into_frames())?
    } else {
        return Ok(None);
    };
    if frames.len() < 2 {
        return Ok(None);
    }
    let delays = frames
        .iter()
        .map(|f| {
            let (n, d) = f.delay().numer_denom_ms();
            f64::from(n) / f64::from(d.max(1)) / 1000.0
        })
        .collect();
    Ok(Some((
        frames.into_iter().map(image::Frame::into_buffer).collect(),
        delays,
    )))
}

/// Decodes at most one more than [`MAX_FRAMES`] frames (the caller reports too many).
fn take_frames(frames: image::Frames<'_>) -> Result<Vec<image::Frame>, Message> {
    frames
        .take(MAX_FRAMES + 1)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Message::verbatim(e.to_string()))
}

/// A picture of `w` × `h` pixels is too large.
fn too_large(w: u32, h: u32) -> Message {
    msg!(
        "light-picture-pixels-too-large",
        width = w,
        height = h,
        max = MAX_IMAGE_SIDE
    )
}

impl Cx<'_> {
    /// Reads a PNG, JPEG or GIF for an image effect; an animated GIF or PNG (APNG) gives
    /// its frames, timed by the file's delays (or `fps`).
    pub(super) fn effect_image(
        &self,
        f: &Spanned<String>,
        l: &RawLight,
        read: &mut Reader<'_>,
    ) -> Result<EffectKind, ImportError> {
        let name = f.get_ref().trim();
        let bytes = read(name).map_err(|e| {
            self.err(
                f.span(),
                msg!("show-file-cannot-read", name = name, why = e.to_string()),
                Label::File,
                Some(msg!("show-file-cannot-read-hint")),
            )
        })?;
        let bad = |e: Message| {
            self.err(
                f.span(),
                msg!("light-not-a-picture", name = name, why = e),
                Label::File,
                Some(msg!("light-not-a-picture-hint")),
            )
        };
        let animation = animation_frames(&bytes).map_err(bad)?;
        let Some((frames, delays)) = animation else {
            let img = image::load_from_memory(&bytes)
                .map_err(|e| bad(Message::verbatim(e.to_string())))?;
            let image = self.picture(img, name, f.span())?;
            let anim_key = (l.fps.as_ref().map(Spanned::span))
                .or(l.looped.as_ref().map(Spanned::span))
                .or(l.frame_count.as_ref().map(Spanned::span))
                .or(l.first_frame.as_ref().map(Spanned::span));
            if let Some(span) = anim_key {
                return Err(self.err(
                    span,
                    msg!("light-still-picture", name = name),
                    Label::Key,
                    Some(msg!("light-still-picture-hint")),
                ));
            }
            return Ok(EffectKind::Image { image });
        };
        if frames.len() > MAX_FRAMES {
            return Err(self.err(
                f.span(),
                msg!(
                    "light-too-many-frames",
                    name = name,
                    count = frames.len(),
                    max = MAX_FRAMES
                ),
                Label::File,
                Some(msg!("light-too-many-frames-hint")),
            ));
        }
        let frames = frames
            .into_iter()
            .map(|img| self.frame(image::DynamicImage::ImageRgba8(img), name, f.span()))
            .collect::<Result<Vec<_>, _>>()?;
        let frame_s = match &l.fps {
            Some(fps) => {
                vec![1.0 / self.num(fps, "fps", 0.1, 1000.0, "frames per second")?; frames.len()]
            }
            // Browsers show a GIF delay under 20 ms as 100 ms; so do we.
            None => delays
                .iter()
                .map(|d| if *d < 0.02 { 0.1 } else { *d })
                .collect(),
        };
        Ok(EffectKind::Frames {
            frames,
            frame_s,
            looped: l.looped.as_ref().is_none_or(|b| *b.get_ref()),
        })
    }

    /// A numbered sequence of pictures: `frames = "clip/f_####.png"` (`#`s: the number
    /// padded with zeros to their count; or `*`: the number as is), `frame_count`
    /// pictures from `first_frame` (1), shown at `fps` (25).
    pub(super) fn frame_sequence(
        &self,
        p: &Spanned<String>,
        l: &RawLight,
        read: &mut Reader<'_>,
    ) -> Result<EffectKind, ImportError> {
        let pattern = p.get_ref().trim();
        let hashes = pattern.find('#').map(|at| {
            let n = pattern[at..].bytes().take_while(|c| *c == b'#').count();
            (at, n)
        });
        let star = pattern.find('*');
        let name_of: Box<dyn Fn(i64) -> String> = match (hashes, star) {
            (Some((at, n)), None) if !pattern[at + n..].contains('#') => {
                let (a, b) = (pattern[..at].to_string(), pattern[at + n..].to_string());
                Box::new(move |k| format!("{a}{k:0n$}{b}"))
            }
            (None, Some(at)) if !pattern[at + 1..].contains('*') => {
                let (a, b) = (pattern[..at].to_string(), pattern[at + 1..].to_string());
                Box::new(move |k| format!("{a}{k}{b}"))
            }
            _ => {
                return Err(self.err(
                    p.span(),
                    msg!("light-frames-pattern"),
                    Label::Pattern,
                    Some(msg!("light-frames-pattern-hint")),
                ));
            }
        };
        let Some(count) = &l.frame_count else {
            return Err(self.err(
                p.span(),
                msg!("light-frames-need-count"),
                Label::Pattern,
                Some(msg!("light-frames-need-count-hint")),
            ));
        };
        let count = self.count(count, "frame_count", 1, MAX_FRAMES as i64)?;
        let first = match &l.first_frame {
            Some(v) => self.count(v, "first_frame", 0, 1_000_000_000)? as i64,
            None => 1,
        };
        let fps = self.opt_num(&l.fps, "fps", 25.0, 0.1, 1000.0, "frames per second")?;
        let mut frames = Vec::with_capacity(count);
        for k in 0..count as i64 {
            let name = name_of(first + k);
            let bytes = read(&name).map_err(|e| {
                self.err(
                    p.span(),
                    msg!(
                        "light-frame-unreadable",
                        index = k + 1,
                        name = name.as_str(),
                        why = e.to_string()
                    ),
                    Label::Pattern,
                    Some(msg!("light-frame-unreadable-hint")),
                )
            })?;
            let img = image::load_from_memory(&bytes).map_err(|e| {
                self.err(
                    p.span(),
                    msg!(
                        "light-not-a-picture",
                        name = name.as_str(),
                        why = e.to_string()
                    ),
                    Label::Pattern,
                    None,
                )
            })?;
            frames.push(self.frame(img, &name, p.span())?);
        }
        Ok(EffectKind::Frames {
            frame_s: vec![1.0 / fps; frames.len()],
            frames,
            looped: l.looped.as_ref().is_none_or(|b| *b.get_ref()),
        })
    }

    /// A still picture, at most [`MAX_IMAGE_SIDE`] pixels on a side.
    fn picture(
        &self,
        img: image::DynamicImage,
        name: &str,
        span: std::ops::Range<usize>,
    ) -> Result<ImageDesign, ImportError> {
        if img.width() > MAX_IMAGE_SIDE || img.height() > MAX_IMAGE_SIDE {
            return Err(self.err(
                span,
                msg!("light-picture-too-large", name = name, max = MAX_IMAGE_SIDE),
                Label::File,
                Some(msg!("light-picture-too-large-hint")),
            ));
        }
        let rgb = img.to_rgb8();
        Ok(ImageDesign {
            width: rgb.width() as usize,
            height: rgb.height() as usize,
            pixels: rgb.pixels().map(|p| Rgb::new(p[0], p[1], p[2])).collect(),
        })
    }

    /// One picture of an animation, scaled down (keeping its shape) to at most
    /// [`MAX_FRAME_SIDE`] pixels on a side: a drone show has far fewer drones than that,
    /// and a long animation stays small in memory.
    fn frame(
        &self,
        img: image::DynamicImage,
        name: &str,
        span: std::ops::Range<usize>,
    ) -> Result<ImageDesign, ImportError> {
        let img = if img.width() > MAX_FRAME_SIDE || img.height() > MAX_FRAME_SIDE {
            img.resize(
                MAX_FRAME_SIDE,
                MAX_FRAME_SIDE,
                image::imageops::FilterType::Triangle,
            )
        } else {
            img
        };
        self.picture(img, name, span)
    }
}
