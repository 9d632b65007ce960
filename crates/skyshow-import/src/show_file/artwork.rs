//! 2D artwork formations (SVG, image, text): the file or text read once, lowered to metres
//! at the formation's size, in fill, outline or both modes.

use super::label::Label;
use std::ops::Range;

use skyshow_i18n::{Message, msg};
use skyshow_model::{Shape, Warning};
use toml::Spanned;

use super::art::{Art, ArtError, ArtKind, Fit};
use super::fonts::{Fonts, is_font_file, unreadable_font_file};
use super::foreign_file::Foreign;
use super::image_art::ImageArt;
use super::raw::RawFormation;
use super::svg_art::SvgArt;
use super::svg_paint::Darkness;
use super::text_art::{Align, TextArt};
use super::{Cx, DEFAULT_FONT, Reader};
use crate::color::parse_color;
use crate::error::ImportError;

/// Lowered 2D artwork: the art, its kind, how messages name it, and the span they point at.
type Lowered2d = (Art, ArtKind, Message, Range<usize>);

impl Cx<'_> {
    /// Notes a warning of `kind` about formation `formation`.
    pub(super) fn warn_formation(
        &self,
        kind: &str,
        message: skyshow_i18n::Message,
        formation: &str,
    ) {
        self.warn(Warning::new(
            kind,
            message,
            format!("formation \"{formation}\""),
        ));
    }

    /// Maps an artwork error to one pointing at `span`, naming `what` (the file or text).
    pub(super) fn art_err(&self, span: Range<usize>, what: &Message, e: ArtError) -> ImportError {
        self.err(
            span,
            msg!("artwork-error", what = what.clone(), message = e.message),
            Label::Here,
            e.help,
        )
    }

    /// The bytes of the formation's `file`, its name and span.
    pub(super) fn read_file(
        &self,
        f: &RawFormation,
        kind: &str,
        what: fn(&str) -> Message,
        read: &mut Reader<'_>,
    ) -> Result<(String, Range<usize>, Vec<u8>), ImportError> {
        let Some(path) = &f.file else {
            return Err(self.err(
                f.shape.span(),
                msg!("artwork-needs-file", kind = kind),
                Label::Shape,
                Some(msg!("artwork-needs-file-hint")),
            ));
        };
        let bytes = read(path.get_ref()).map_err(|why| {
            self.err(
                path.span(),
                msg!(
                    "artwork-cannot-read",
                    what = what(path.get_ref()),
                    why = why
                ),
                Label::File,
                Some(msg!("artwork-cannot-read-hint")),
            )
        })?;
        Ok((path.get_ref().clone(), path.span(), bytes))
    }

    /// An SVG, text, image or mesh formation: reads the artwork and lowers it to metres.
    pub(super) fn artwork(
        &self,
        sf: &Spanned<RawFormation>,
        kind: &str,
        name: &str,
        count: Option<usize>,
        fleet: usize,
        read: &mut Reader<'_>,
    ) -> Result<Shape, ImportError> {
        let f = sf.get_ref();
        let (fit, size_m) = self.artwork_size(f, kind, name)?;
        if kind == "mesh" {
            return self.mesh(f, name, count, fleet, fit, size_m, read);
        }
        let (mode, fill_share) = self.fill_share(f)?;
        let (art, kind_of, what, span) = match kind {
            "svg" => self.svg(f, read)?,
            "image" => self.image(f, mode, read)?,
            _ => self.text(f, read)?,
        };
        if fill_share == Some(1.0) && art.area.is_empty() {
            return Err(self.err(
                span,
                msg!("artwork-no-area", what = what),
                Label::Here,
                Some(msg!("artwork-no-area-hint")),
            ));
        }
        if art.area.is_empty() && art.lines.is_empty() {
            return Err(self.err(
                span,
                msg!("artwork-draws-nothing", what = what),
                Label::Here,
                None,
            ));
        }
        Ok(art.into_shape(kind_of, fit, fill_share, self.seed, count))
    }

    /// The artwork's size: `width_m` and/or `height_m` (a mesh: or `size_m`), at least one.
    fn artwork_size(
        &self,
        f: &RawFormation,
        kind: &str,
        name: &str,
    ) -> Result<(Fit, Option<f64>), ImportError> {
        let metres = |v: &Option<Spanned<f64>>, key: &str| {
            v.as_ref()
                .map(|v| self.num(v, key, 0.5, 5000.0, "metres"))
                .transpose()
        };
        let fit = Fit {
            width_m: metres(&f.width_m, "width_m")?,
            height_m: metres(&f.height_m, "height_m")?,
        };
        let size_m = metres(&f.size_m, "size_m")?;
        if fit.width_m.is_none() && fit.height_m.is_none() && size_m.is_none() {
            let keys = if kind == "mesh" {
                "`size_m`, `width_m` or `height_m`"
            } else {
                "`width_m` or `height_m`"
            };
            return Err(self.err(
                f.shape.span(),
                msg!("artwork-needs-size", kind = kind, keys = keys),
                Label::Shape,
                Some(msg!("artwork-needs-size-hint", name = name)),
            ));
        }
        Ok((fit, size_m))
    }

    /// A 2D artwork's `mode` and the share of its drones inside the area (`fill` 1,
    /// `outline` 0, `both` its `weight` when given; only `both` takes a `weight`).
    fn fill_share<'f>(&self, f: &'f RawFormation) -> Result<(&'f str, Option<f64>), ImportError> {
        let mode = self.choice(&f.mode, "mode", &["fill", "outline", "both"], "fill")?;
        let weight = match &f.weight {
            Some(w) if mode != "both" => {
                return Err(self.err(
                    w.span(),
                    msg!("artwork-weight-needs-both"),
                    Label::Value,
                    Some(msg!("artwork-weight-needs-both-hint")),
                ));
            }
            Some(w) => Some(self.num(
                w,
                "weight",
                0.0,
                1.0,
                "(the share of drones inside the area)",
            )?),
            None => None,
        };
        let fill_share = match mode {
            "fill" => Some(1.0),
            "outline" => Some(0.0),
            _ => weight,
        };
        Ok((mode, fill_share))
    }

    /// How formation `f` draws the dark parts of its artwork (`dark`, `dark_below`).
    fn darkness(&self, f: &RawFormation) -> Result<Darkness, ImportError> {
        let holes = self.choice(&f.dark, "dark", &["hole", "off"], "hole")? == "hole";
        let below = self.opt_num(
            &f.dark_below,
            "dark_below",
            Darkness::DEFAULT.below,
            0.0,
            1.0,
            "(brightness of the brightest channel)",
        )?;
        Ok(Darkness { holes, below })
    }

    /// An SVG file, its text set with the system fonts; `currentColor` is the formation's
    /// `color` where the drawing sets none.
    fn svg(&self, f: &RawFormation, read: &mut Reader<'_>) -> Result<Lowered2d, ImportError> {
        let dark = self.darkness(f)?;
        let current_color = f.color.as_ref().and_then(|c| parse_color(c.get_ref()).ok());
        let (path, span, bytes) = self.read_file(f, "svg", what_svg, read)?;
        let what = what_svg(&path);
        if let Some(foreign) = Foreign::sniff(&bytes, "svg") {
            return Err(self.art_err(span, &what, foreign.error("SVG")));
        }
        // Text in an SVG is set with the system fonts.
        let fontdb = if bytes.windows(5).any(|w| w == b"<text") {
            self.fonts.borrow_mut().system()
        } else {
            Default::default()
        };
        let picture = SvgArt::parse(&bytes, fontdb, current_color)
            .and_then(|svg| svg.art(true, dark))
            .map_err(|e| self.art_err(span.clone(), &what, e))?;
        if picture.unlit && f.color.is_none() && f.gradient.is_none() {
            let formation = f.name.get_ref().trim();
            self.warn_formation(
                "artwork_unlit",
                msg!("artwork-svg-unlit", formation = formation, file = &path),
                formation,
            );
        }
        Ok((picture.art, ArtKind::Svg, what, span))
    }

    /// An image file: its bright (or, inverted, dark) area.
    fn image(
        &self,
        f: &RawFormation,
        mode: &str,
        read: &mut Reader<'_>,
    ) -> Result<Lowered2d, ImportError> {
        let (path, span, bytes) = self.read_file(f, "image", what_image, read)?;
        let what = what_image(&path);
        if let Some(foreign) = Foreign::sniff(&bytes, "image") {
            return Err(self.art_err(span, &what, foreign.error("PNG or JPEG")));
        }
        let threshold = f
            .threshold
            .as_ref()
            .map(|t| self.num(t, "threshold", 0.0, 1.0, "(brightness)"))
            .transpose()?
            .unwrap_or(0.5);
        let sample = self.choice(&f.sample, "sample", &["even", "density"], "even")?;
        if sample == "density" && mode != "fill" {
            return Err(self.err(
                f.sample.as_ref().map_or(span.clone(), Spanned::span),
                msg!("artwork-density-needs-fill"),
                Label::Value,
                Some(msg!("artwork-density-needs-fill-hint")),
            ));
        }
        let opts = ImageArt {
            threshold,
            invert: f.invert.as_ref().is_some_and(|v| *v.get_ref()),
            density: sample == "density",
        };
        let art = opts
            .art(&bytes)
            .map_err(|e| self.art_err(span.clone(), &what, e))?;
        Ok((art, ArtKind::Image, what, span))
    }

    /// Text set in a named installed font or a font file beside the show.
    fn text(&self, f: &RawFormation, read: &mut Reader<'_>) -> Result<Lowered2d, ImportError> {
        let Some(text) = &f.text else {
            return Err(self.err(
                f.shape.span(),
                msg!("artwork-text-needs-text"),
                Label::Shape,
                Some(msg!("artwork-text-needs-text-hint")),
            ));
        };
        let weight = match &f.font_weight {
            Some(w) => self.count(w, "font_weight", 100, 900)? as u16,
            None => 400,
        };
        let font_name = f
            .font
            .as_ref()
            .map_or(DEFAULT_FONT, |f| f.get_ref().as_str());
        let font_span = f.font.as_ref().map_or(text.span(), Spanned::span);
        if let Some(e) = unreadable_font_file(font_name) {
            return Err(self.art_err(font_span, &msg!("artwork-what-font-any"), e));
        }
        let font = if is_font_file(font_name) {
            let bytes = read(font_name).map_err(|why| {
                self.err(
                    font_span.clone(),
                    msg!("artwork-font-cannot-read", font = font_name, why = why),
                    Label::Font,
                    Some(msg!("artwork-font-cannot-read-hint")),
                )
            })?;
            Fonts::from_file(bytes, weight).map_err(|e| {
                self.art_err(
                    font_span.clone(),
                    &msg!("artwork-what-font", font = font_name),
                    e,
                )
            })?
        } else {
            self.fonts
                .borrow_mut()
                .by_family(font_name, weight)
                .map_err(|e| self.art_err(font_span.clone(), &msg!("artwork-what-font-any"), e))?
        };
        let align = match self.choice(&f.align, "align", &["left", "center", "right"], "center")? {
            "left" => Align::Left,
            "right" => Align::Right,
            _ => Align::Center,
        };
        let line_spacing = f
            .line_spacing
            .as_ref()
            .map(|v| self.num(v, "line_spacing", 0.5, 5.0, "(ems between baselines)"))
            .transpose()?
            .unwrap_or(1.25);
        let spec = TextArt {
            text: text.get_ref(),
            align,
            line_spacing,
            weight,
        };
        let art = spec
            .art(&font)
            .map_err(|e| self.art_err(text.span(), &msg!("artwork-what-text"), e))?;
        Ok((art, ArtKind::Text, msg!("artwork-what-text"), text.span()))
    }
}

/// How messages name SVG file `path`.
fn what_svg(path: &str) -> Message {
    msg!("artwork-what-svg", path = path)
}

/// How messages name image file `path`.
fn what_image(path: &str) -> Message {
    msg!("artwork-what-image", path = path)
}

/// How messages name mesh file `path`.
pub(super) fn what_mesh(path: &str) -> Message {
    msg!("artwork-what-mesh", path = path)
}
