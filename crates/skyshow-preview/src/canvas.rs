//! `Canvas`: a floating-point RGB image with the drawing operations of the software
//! renderer (sky, glowing dots, alpha blending) and PNG output.

use crate::RenderError;

/// Colour of the sky at the bottom of the image (linear 0–1), as on the preview page.
const SKY_LOW: [f32; 3] = [0.030, 0.045, 0.085];
/// Colour of the sky at the top of the image.
const SKY_HIGH: [f32; 3] = [0.0, 0.004, 0.018];

/// Brightness of a glowing dot at squared distance `r2` from its centre, in units of its
/// radius (0 = centre, 1 = edge); the same profile as the preview page's shader: the LED's
/// own colour, unchanged, out to about half the radius, then a smooth halo.
pub(crate) fn glow_profile(r2: f32) -> f32 {
    if r2 > 1.0 {
        return 0.0;
    }
    let q = 1.0 - r2;
    (1.7 * q * q).min(1.0)
}

/// An RGB image, row-major, linear values (clamped to 0–1 on output).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Canvas {
    /// Width, pixels.
    pub(crate) width: usize,
    /// Height, pixels.
    pub(crate) height: usize,
    px: Vec<f32>,
}

impl Canvas {
    /// The night sky: a vertical gradient.
    pub(crate) fn sky(width: usize, height: usize) -> Canvas {
        let mut px = Vec::with_capacity(width * height * 3);
        for y in 0..height {
            let v = 1.0 - (y as f32 + 0.5) / height as f32;
            let k = v.clamp(0.0, 1.0).powf(0.7);
            let c = [0, 1, 2].map(|i| SKY_LOW[i] + (SKY_HIGH[i] - SKY_LOW[i]) * k);
            for _ in 0..width {
                px.extend_from_slice(&c);
            }
        }
        Canvas { width, height, px }
    }

    /// Blends colour `c` over pixel index `i` with opacity `a`.
    pub(crate) fn blend(&mut self, i: usize, c: [f32; 3], a: f32) {
        let a = a.clamp(0.0, 1.0);
        if let Some(p) = self.px.get_mut(i * 3..i * 3 + 3) {
            for k in 0..3 {
                p[k] += (c[k] - p[k]) * a;
            }
        }
    }

    /// Adds a glowing dot of `diameter_px` centred at (`cx`, `cy`) (pixel units, y down).
    pub(crate) fn glow(&mut self, cx: f64, cy: f64, diameter_px: f64, c: [f32; 3]) {
        self.dot(cx, cy, diameter_px, c, false);
    }

    /// Paints a soft dot over the image (alpha = the glow profile, at most 1): overlapping
    /// spots never get brighter than their colour.
    pub(crate) fn spot(&mut self, cx: f64, cy: f64, diameter_px: f64, c: [f32; 3]) {
        self.dot(cx, cy, diameter_px, c, true);
    }

    fn dot(&mut self, cx: f64, cy: f64, diameter_px: f64, c: [f32; 3], over: bool) {
        let r = diameter_px / 2.0;
        if !(cx.is_finite() && cy.is_finite() && r.is_finite() && r > 0.0) {
            return;
        }
        let (w, h) = (self.width as f64, self.height as f64);
        if cx + r < 0.0 || cy + r < 0.0 || cx - r > w || cy - r > h {
            return;
        }
        let x0 = (cx - r).floor().max(0.0) as usize;
        let x1 = ((cx + r).ceil().min(w) as usize).min(self.width);
        let y0 = (cy - r).floor().max(0.0) as usize;
        let y1 = ((cy + r).ceil().min(h) as usize).min(self.height);
        let inv = 1.0 / (r * r);
        for y in y0..y1 {
            let dy = y as f64 + 0.5 - cy;
            let row = y * self.width;
            for x in x0..x1 {
                let dx = x as f64 + 0.5 - cx;
                let r2 = ((dx * dx + dy * dy) * inv) as f32;
                if r2 > 1.0 {
                    continue;
                }
                let a = glow_profile(r2);
                let i = (row + x) * 3;
                if over {
                    let a = a.min(1.0);
                    for (v, ck) in self.px[i..i + 3].iter_mut().zip(c) {
                        *v += (ck - *v) * a;
                    }
                } else {
                    self.px[i] += c[0] * a;
                    self.px[i + 1] += c[1] * a;
                    self.px[i + 2] += c[2] * a;
                }
            }
        }
    }

    /// 8-bit RGB, row-major. Light that adds up beyond full brightness is scaled back per
    /// pixel keeping its hue (as on the page): overlapping drones of one colour stay that
    /// colour instead of going white.
    pub(crate) fn to_rgb8(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.px.len());
        for p in self.px.chunks_exact(3) {
            let m = p[0].max(p[1]).max(p[2]).max(1.0);
            out.extend(
                p.iter()
                    .map(|v| ((v / m).clamp(0.0, 1.0) * 255.0 + 0.5) as u8),
            );
        }
        out
    }

    /// The image as PNG bytes.
    pub(crate) fn png(&self) -> Result<Vec<u8>, RenderError> {
        encode_png(&self.to_rgb8(), self.width as u32, self.height as u32)
    }
}

/// Encodes 8-bit RGB pixels as PNG.
pub(crate) fn encode_png(rgb: &[u8], width: u32, height: u32) -> Result<Vec<u8>, RenderError> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, width, height);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_compression(png::Compression::Fast);
    let mut w = enc
        .write_header()
        .map_err(|e| RenderError::Png(e.to_string()))?;
    w.write_image_data(rgb)
        .map_err(|e| RenderError::Png(e.to_string()))?;
    w.finish().map_err(|e| RenderError::Png(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glow_is_brightest_in_the_middle_and_clipped_at_the_edges() {
        let mut c = Canvas::sky(20, 20);
        c.glow(10.0, 10.0, 8.0, [1.0, 0.0, 0.0]);
        c.glow(-100.0, 5.0, 8.0, [1.0, 1.0, 1.0]);
        c.glow(19.5, 19.5, 30.0, [0.0, 0.0, 1.0]);
        let px = c.to_rgb8();
        let at = |x: usize, y: usize| &px[(y * 20 + x) * 3..(y * 20 + x) * 3 + 3];
        assert_eq!(at(10, 10)[0], 255);
        assert!(at(10, 10)[1] < 20);
        assert!(at(13, 10)[0] < at(10, 10)[0]);
        assert!(at(0, 0)[0] < 10);
        assert!(glow_profile(1.5) == 0.0);
    }
}
