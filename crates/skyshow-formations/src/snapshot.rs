//! `Snapshot`: a formation drawn as the audience sees it, as PNG bytes (each drone a glowing
//! dot in its colour on a night sky). No I/O: the caller writes the bytes.

use skyshow_model::Vec3;

use crate::formation::Formation;
use crate::frame::LocalFrame;

/// Night-sky background.
const SKY: [f64; 3] = [6.0, 9.0, 20.0];

/// How to draw a snapshot.
#[derive(Clone, Copy, Debug)]
pub struct Snapshot {
    /// Longest side of the picture, pixels.
    pub size_px: u32,
}

impl Default for Snapshot {
    fn default() -> Self {
        Snapshot { size_px: 960 }
    }
}

impl Snapshot {
    /// The formation as seen from the audience (looking along −`w` of `frame`), PNG bytes.
    pub fn png(&self, formation: &Formation, frame: &LocalFrame) -> Vec<u8> {
        let uv: Vec<[f64; 2]> = formation
            .points
            .iter()
            .map(|p| {
                let d: Vec3 = *p - frame.center;
                [d.dot(frame.u), d.dot(frame.v)]
            })
            .collect();
        let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
        for p in &uv {
            for k in 0..2 {
                lo[k] = lo[k].min(p[k]);
                hi[k] = hi[k].max(p[k]);
            }
        }
        if uv.is_empty() {
            (lo, hi) = ([-1.0; 2], [1.0; 2]);
        }
        let span = [(hi[0] - lo[0]).max(1e-6), (hi[1] - lo[1]).max(1e-6)];
        let side = self.size_px.max(64) as f64;
        let margin = side * 0.06;
        let k = ((side - 2.0 * margin) / span[0].max(span[1])).max(1e-9);
        let w = (span[0] * k + 2.0 * margin).round().max(64.0) as usize;
        let h = (span[1] * k + 2.0 * margin).round().max(64.0) as usize;
        let spacing_px = if formation.min_spacing_m.is_finite() {
            formation.min_spacing_m * k
        } else {
            side / 10.0
        };
        let r = (spacing_px * 0.28).clamp(1.2, 9.0);
        let halo = r * 2.6;
        let mut light = vec![[0.0f64; 3]; w * h];
        for (p, c) in uv.iter().zip(&formation.colors) {
            let x = margin + (p[0] - lo[0]) * k;
            let y = h as f64 - margin - (p[1] - lo[1]) * k;
            let col = [c.r as f64, c.g as f64, c.b as f64];
            let (x0, x1) = (
                (x - halo).floor().max(0.0) as usize,
                ((x + halo).ceil() as usize).min(w - 1),
            );
            let (y0, y1) = (
                (y - halo).floor().max(0.0) as usize,
                ((y + halo).ceil() as usize).min(h - 1),
            );
            for py in y0..=y1 {
                for px in x0..=x1 {
                    let d = ((px as f64 + 0.5 - x).powi(2) + (py as f64 + 0.5 - y).powi(2)).sqrt();
                    let a = if d <= r {
                        1.0
                    } else if d < halo {
                        0.35 * (1.0 - (d - r) / (halo - r)).powi(2)
                    } else {
                        0.0
                    };
                    let l = &mut light[py * w + px];
                    for ch in 0..3 {
                        l[ch] = l[ch].max(a * col[ch]);
                    }
                }
            }
        }
        let mut rgb = Vec::with_capacity(w * h * 3);
        for l in &light {
            for ch in 0..3 {
                rgb.push((SKY[ch] + l[ch]).min(255.0).round() as u8);
            }
        }
        let mut out = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut out, w as u32, h as u32);
            enc.set_color(png::ColorType::Rgb);
            enc.set_depth(png::BitDepth::Eight);
            enc.set_compression(png::Compression::High);
            // Writing into memory cannot fail for a well-formed header and buffer.
            if let Ok(mut writer) = enc.write_header() {
                let _ = writer.write_image_data(&rgb);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::{Placement, Rgb};

    #[test]
    fn draws_a_png_of_the_right_shape() {
        let place = Placement {
            center: Vec3::new(0.0, 0.0, 50.0),
            roll_deg: 0.0,
            tilt_deg: 0.0,
            turn_deg: 0.0,
        };
        let frame = LocalFrame::new(180.0, &place);
        let f = Formation {
            name: "t".into(),
            points: vec![
                frame.to_show(Vec3::new(-20.0, 0.0, 0.0)),
                frame.to_show(Vec3::new(20.0, 5.0, 0.0)),
            ],
            colors: vec![Rgb::new(255, 0, 0), Rgb::new(0, 0, 255)],
            min_spacing_m: 40.3,
            ideal_spacing_m: None,
            max_shape_distance_m: None,
            close_lines_share: None,
            deform: None,
            detail: None,
            spread: None,
        };
        let png = Snapshot { size_px: 200 }.png(&f, &frame);
        assert_eq!(&png[1..4], b"PNG");
        // Width 200: the IHDR chunk holds it big-endian at bytes 16..20.
        assert_eq!(
            u32::from_be_bytes([png[16], png[17], png[18], png[19]]),
            200
        );
    }
}
