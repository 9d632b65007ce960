//! `ImageArt`: a PNG or JPEG image as [`Art`]: the pixels at or above a brightness threshold
//! (their contours, by marching squares), their colours, and brightness as a density.

use skyshow_i18n::msg;
use std::collections::HashMap;

use skyshow_model::Rgb;

use super::art::{Art, ArtError};

/// Longest side the image is reduced to before tracing contours, pixels.
const TRACE_SIDE: u32 = 800;
/// Longest side of the colour and density rasters, pixels.
const RASTER_SIDE: usize = 320;
/// Contours are simplified to within this many pixels.
const SIMPLIFY_PX: f64 = 0.6;

/// How an image is read.
pub(crate) struct ImageArt {
    /// Brightness (0–1) a pixel needs to be part of the picture.
    pub(crate) threshold: f64,
    /// Take the dark pixels instead (dark artwork on a light background).
    pub(crate) invert: bool,
    /// Keep the brightness as a sampling density.
    pub(crate) density: bool,
}

impl ImageArt {
    /// The artwork of the image `data`.
    pub(crate) fn art(&self, data: &[u8]) -> Result<Art, ArtError> {
        let rgba = traced_image(data)?;
        let (w, h) = (rgba.width() as usize, rgba.height() as usize);
        let value = self.values(&rgba);
        let brightest = value.iter().copied().fold(0.0, f64::max);
        if brightest < self.threshold {
            return Err(self.nothing_lit(brightest));
        }
        let area = contours(&value, w, h, self.threshold);
        let lines = Art::ring_lines(&area);
        let (colors, density) = self.rasters(&rgba, &value);
        Ok(Art {
            width: w as f64,
            height: h as f64,
            area,
            lines,
            colors,
            density: if self.density { density } else { Vec::new() },
        })
    }

    /// Each pixel's value, 0–1: its luminance (or darkness, inverted) times its opacity.
    fn values(&self, rgba: &image::RgbaImage) -> Vec<f64> {
        rgba.pixels()
            .map(|p| {
                let [r, g, b, a] = p.0;
                let lum = (0.2126 * r as f64 + 0.7152 * g as f64 + 0.0722 * b as f64) / 255.0;
                let a = a as f64 / 255.0;
                if self.invert {
                    (1.0 - lum) * a
                } else {
                    lum * a
                }
            })
            .collect()
    }

    /// The error for an image with no pixel at the threshold (`brightest` its best value).
    fn nothing_lit(&self, brightest: f64) -> ArtError {
        let (threshold, value) = (self.threshold, format!("{brightest:.2}"));
        if self.invert {
            ArtError::new(
                msg!(
                    "artwork-image-none-dark",
                    threshold = threshold,
                    value = value
                ),
                msg!("artwork-image-none-dark-hint"),
            )
        } else {
            ArtError::new(
                msg!(
                    "artwork-image-none-bright",
                    threshold = threshold,
                    value = value
                ),
                msg!("artwork-image-none-bright-hint"),
            )
        }
    }

    /// Rasters: blocks of pixels (at most `RASTER_SIDE` a side), each coloured by the mean of
    /// its lit pixels, with their density (0.05–1 above the threshold); `None` and 0 where
    /// none is lit.
    #[allow(clippy::type_complexity)]
    fn rasters(
        &self,
        rgba: &image::RgbaImage,
        value: &[f64],
    ) -> (Vec<Vec<Option<Rgb>>>, Vec<Vec<f64>>) {
        let (w, h) = (rgba.width() as usize, rgba.height() as usize);
        let k = (w.max(h) as f64 / RASTER_SIDE as f64).max(1.0);
        let (rw, rh) = (
            ((w as f64 / k).ceil() as usize).max(1),
            ((h as f64 / k).ceil() as usize).max(1),
        );
        let mut colors = vec![vec![None; rw]; rh];
        let mut density = vec![vec![0.0; rw]; rh];
        for (ry, (crow, drow)) in colors.iter_mut().zip(density.iter_mut()).enumerate() {
            for rx in 0..rw {
                let (x0, x1) = (
                    (rx as f64 * k) as usize,
                    (((rx + 1) as f64 * k) as usize).min(w),
                );
                let (y0, y1) = (
                    (ry as f64 * k) as usize,
                    (((ry + 1) as f64 * k) as usize).min(h),
                );
                let (mut sum, mut n, mut v) = ([0.0; 3], 0.0, 0.0);
                for y in y0..y1.max(y0 + 1).min(h) {
                    for x in x0..x1.max(x0 + 1).min(w) {
                        let val = value[y * w + x];
                        if val >= self.threshold {
                            let p = rgba.get_pixel(x as u32, y as u32).0;
                            for c in 0..3 {
                                sum[c] += p[c] as f64;
                            }
                            n += 1.0;
                            v += val;
                        }
                    }
                }
                if n > 0.0 {
                    crow[rx] = Some(Rgb::new(
                        (sum[0] / n).round() as u8,
                        (sum[1] / n).round() as u8,
                        (sum[2] / n).round() as u8,
                    ));
                    drow[rx] = ((v / n - self.threshold) / (1.0 - self.threshold).max(1e-9))
                        .clamp(0.05, 1.0);
                }
            }
        }
        (colors, density)
    }
}

/// The image `data` decoded, scaled down to at most `TRACE_SIDE` a side, as RGBA.
fn traced_image(data: &[u8]) -> Result<image::RgbaImage, ArtError> {
    let img = image::load_from_memory(data).map_err(|e| {
        ArtError::new(
            msg!("artwork-image-unreadable", why = e.to_string()),
            msg!("artwork-image-unreadable-hint"),
        )
    })?;
    let (w0, h0) = (img.width(), img.height());
    let img = if w0.max(h0) > TRACE_SIDE {
        img.resize(
            TRACE_SIDE,
            TRACE_SIDE,
            image::imageops::FilterType::Triangle,
        )
    } else {
        img
    };
    Ok(img.to_rgba8())
}

/// Closed contours (pixel units, `y` down) of `value ≥ level`, by marching squares over the
/// pixel centres with a dark border, simplified.
fn contours(value: &[f64], w: usize, h: usize, level: f64) -> Vec<Vec<[f64; 2]>> {
    let (segs, point) = marching_squares(value, w, h, level);
    link_rings(&segs, &point)
        .into_iter()
        .map(|ring| simplify(&ring, SIMPLIFY_PX))
        .filter(|ring| ring.len() >= 3)
        .collect()
}

/// The contour's segments, each joining two crossed cell edges (by key), and where each
/// crossed edge is crossed. Edge keys: the horizontal edge from node (i, j) to (i + 1, j) is
/// 2·(j·gw + i), the vertical edge from (i, j) to (i, j + 1) is 2·(j·gw + i) + 1, on the grid
/// padded by one dark node all round.
#[allow(clippy::type_complexity)]
fn marching_squares(
    value: &[f64],
    w: usize,
    h: usize,
    level: f64,
) -> (Vec<(usize, usize)>, HashMap<usize, [f64; 2]>) {
    // Padded grid: node (i, j) is pixel (i - 1, j - 1), centre at (i - 0.5, j - 0.5).
    let (gw, gh) = (w + 2, h + 2);
    let at = |i: usize, j: usize| -> f64 {
        if i == 0 || j == 0 || i > w || j > h {
            f64::NEG_INFINITY
        } else {
            value[(j - 1) * w + (i - 1)]
        }
    };
    let pos = |i: usize, j: usize| [i as f64 - 0.5, j as f64 - 0.5];
    let cross = |a: [f64; 2], va: f64, b: [f64; 2], vb: f64| -> [f64; 2] {
        // Towards the dark border, the crossing sits half a pixel out.
        let t = if !va.is_finite() || !vb.is_finite() {
            0.5
        } else if vb != va {
            ((level - va) / (vb - va)).clamp(0.0, 1.0)
        } else {
            0.5
        };
        [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]
    };
    let hk = |i: usize, j: usize| 2 * (j * gw + i);
    let vk = |i: usize, j: usize| 2 * (j * gw + i) + 1;
    let mut segs: Vec<(usize, usize)> = Vec::new();
    let mut point: HashMap<usize, [f64; 2]> = HashMap::new();
    for j in 0..gh - 1 {
        for i in 0..gw - 1 {
            let (tl, tr, br, bl) = (at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1));
            let idx = usize::from(tl >= level)
                | usize::from(tr >= level) << 1
                | usize::from(br >= level) << 2
                | usize::from(bl >= level) << 3;
            if idx == 0 || idx == 15 {
                continue;
            }
            // The cell's edges: top, bottom, left, right, each with its ends and their values.
            let edges = [
                (hk(i, j), (pos(i, j), pos(i + 1, j), tl, tr)),
                (hk(i, j + 1), (pos(i, j + 1), pos(i + 1, j + 1), bl, br)),
                (vk(i, j), (pos(i, j), pos(i, j + 1), tl, bl)),
                (vk(i + 1, j), (pos(i + 1, j), pos(i + 1, j + 1), tr, br)),
            ];
            let centre_in = [tl, tr, br, bl]
                .iter()
                .map(|v| if v.is_finite() { *v } else { level - 1.0 })
                .sum::<f64>()
                / 4.0
                >= level;
            for &(ea, eb) in cell_case(idx, centre_in) {
                let (a, b) = (edges[ea].0, edges[eb].0);
                for (k, (p, q, vp, vq)) in edges {
                    if (k == a || k == b) && !point.contains_key(&k) {
                        point.insert(k, cross(p, vp, q, vq));
                    }
                }
                segs.push((a, b));
            }
        }
    }
    (segs, point)
}

/// The cell edges (0 top, 1 bottom, 2 left, 3 right) a marching-squares cell of case `idx`
/// (bit 0 top-left in, 1 top-right, 2 bottom-right, 3 bottom-left) joins; the two saddles
/// are resolved by whether the cell's centre is in.
fn cell_case(idx: usize, centre_in: bool) -> &'static [(usize, usize)] {
    const TOP: usize = 0;
    const BOTTOM: usize = 1;
    const LEFT: usize = 2;
    const RIGHT: usize = 3;
    match idx {
        1 | 14 => &[(LEFT, TOP)],
        2 | 13 => &[(TOP, RIGHT)],
        3 | 12 => &[(LEFT, RIGHT)],
        4 | 11 => &[(RIGHT, BOTTOM)],
        6 | 9 => &[(TOP, BOTTOM)],
        7 | 8 => &[(LEFT, BOTTOM)],
        5 if centre_in => &[(LEFT, BOTTOM), (TOP, RIGHT)],
        5 => &[(LEFT, TOP), (RIGHT, BOTTOM)],
        10 if centre_in => &[(LEFT, TOP), (RIGHT, BOTTOM)],
        10 => &[(LEFT, BOTTOM), (TOP, RIGHT)],
        _ => &[],
    }
}

/// Links segments into rings of crossing points: every crossed edge is shared by exactly
/// two segments.
fn link_rings(segs: &[(usize, usize)], point: &HashMap<usize, [f64; 2]>) -> Vec<Vec<[f64; 2]>> {
    let mut by_point: HashMap<usize, Vec<usize>> = HashMap::new();
    for (s, &(a, b)) in segs.iter().enumerate() {
        by_point.entry(a).or_default().push(s);
        by_point.entry(b).or_default().push(s);
    }
    let mut used = vec![false; segs.len()];
    let mut rings = Vec::new();
    for s0 in 0..segs.len() {
        if used[s0] {
            continue;
        }
        used[s0] = true;
        let (start, mut cur) = segs[s0];
        let mut ring = vec![point[&start]];
        while cur != start {
            ring.push(point[&cur]);
            let Some(&next) = by_point[&cur].iter().find(|&&s| !used[s]) else {
                break;
            };
            used[next] = true;
            let (a, b) = segs[next];
            cur = if a == cur { b } else { a };
        }
        rings.push(ring);
    }
    rings
}

/// Douglas–Peucker simplification of a closed ring.
fn simplify(ring: &[[f64; 2]], tol: f64) -> Vec<[f64; 2]> {
    if ring.len() < 4 {
        return ring.to_vec();
    }
    // Split at the point farthest from the first, simplify both halves as open chains.
    let far = (1..ring.len())
        .max_by(|&a, &b| {
            let d = |i: usize| (ring[i][0] - ring[0][0]).hypot(ring[i][1] - ring[0][1]);
            d(a).total_cmp(&d(b))
        })
        .unwrap_or(1);
    let mut first: Vec<[f64; 2]> = ring[..=far].to_vec();
    let mut second: Vec<[f64; 2]> = ring[far..].to_vec();
    second.push(ring[0]);
    first = dp(&first, tol);
    second = dp(&second, tol);
    first.pop();
    second.pop();
    first.extend(second);
    first
}

fn dp(chain: &[[f64; 2]], tol: f64) -> Vec<[f64; 2]> {
    let mut keep = vec![false; chain.len()];
    keep[0] = true;
    keep[chain.len() - 1] = true;
    let mut stack = vec![(0, chain.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (p, q) = (chain[a], chain[b]);
        let (dx, dy) = (q[0] - p[0], q[1] - p[1]);
        let len = dx.hypot(dy);
        let mut best = (0.0, 0);
        for (i, r) in chain.iter().enumerate().take(b).skip(a + 1) {
            let d = if len > 0.0 {
                ((r[0] - p[0]) * dy - (r[1] - p[1]) * dx).abs() / len
            } else {
                (r[0] - p[0]).hypot(r[1] - p[1])
            };
            if d > best.0 {
                best = (d, i);
            }
        }
        if best.0 > tol {
            keep[best.1] = true;
            stack.push((a, best.1));
            stack.push((best.1, b));
        }
    }
    chain
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| *p)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32, f: impl Fn(u32, u32) -> [u8; 3]) -> Vec<u8> {
        let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb(f(x, y)));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn bright_disc_with_hole_traces_two_rings() {
        let data = png(60, 40, |x, y| {
            let r = ((x as f64 - 30.0).powi(2) + (y as f64 - 20.0).powi(2)).sqrt();
            if (6.0..15.0).contains(&r) {
                [255, 200, 0]
            } else {
                [0, 0, 0]
            }
        });
        let opts = ImageArt {
            threshold: 0.5,
            invert: false,
            density: true,
        };
        let art = opts.art(&data).unwrap();
        assert_eq!(
            art.area.len(),
            2,
            "{:?}",
            art.area.iter().map(Vec::len).collect::<Vec<_>>()
        );
        assert_eq!((art.width, art.height), (60.0, 40.0));
        let c = art.colors[20][39].or(art.colors[20][40]);
        assert_eq!(c, Some(Rgb::new(255, 200, 0)));
        assert!(art.density[20].iter().any(|&d| d > 0.0));
    }

    #[test]
    fn no_pixel_above_threshold_says_so() {
        let dark = png(8, 8, |_, _| [20, 20, 20]);
        let e = ImageArt {
            threshold: 0.5,
            invert: false,
            density: false,
        }
        .art(&dark)
        .unwrap_err();
        assert!(
            e.message
                .english()
                .contains("no pixel of the image reaches the brightness threshold 0.5"),
            "{e:?}"
        );
        assert!(e.help.unwrap().english().contains("invert = true"));
        let e = ImageArt {
            threshold: 0.5,
            invert: false,
            density: false,
        }
        .art(b"nope")
        .unwrap_err();
        assert!(e.message.english().starts_with("not an image"), "{e:?}");
    }
}
