//! `MeshPaint`: how a mesh's surface is painted beyond its vertex colours — base-colour
//! textures looked up at each point's texture coordinates, as glTF materials define them.

use crate::Rgb;

/// How texture coordinates outside [0, 1] are brought back (glTF sampler wrap modes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Wrap {
    /// The texture tiles (glTF's default).
    #[default]
    Repeat,
    /// The texture tiles, every other copy mirrored.
    MirroredRepeat,
    /// The edge texel continues.
    ClampToEdge,
}

impl Wrap {
    /// `u` (texture coordinate) brought into [0, 1].
    pub fn apply(self, u: f64) -> f64 {
        if !u.is_finite() {
            return 0.0;
        }
        match self {
            Wrap::Repeat => u - u.floor(),
            Wrap::MirroredRepeat => {
                let t = u.rem_euclid(2.0);
                if t > 1.0 { 2.0 - t } else { t }
            }
            Wrap::ClampToEdge => u.clamp(0.0, 1.0),
        }
    }
}

/// A base-colour texture: sRGB pixels, row by row from the top (texture coordinate `v = 0`
/// is the top row, as glTF defines it), and how it is sampled.
#[derive(Clone, Debug, PartialEq)]
pub struct Texture {
    /// Width, pixels (at least 1).
    pub width: u32,
    /// Height, pixels (at least 1).
    pub height: u32,
    /// `width × height` colours, row-major from the top.
    pub pixels: Vec<Rgb>,
    /// Wrap mode along `u` and along `v`.
    pub wrap: [Wrap; 2],
    /// Nearest texel instead of bilinear filtering (glTF `magFilter` 9728).
    pub nearest: bool,
}

impl Texture {
    /// The colour at texture coordinates `uv`, wrapped by the texture's wrap modes;
    /// bilinear between the four nearest texels unless `nearest`. Blended in sRGB, as a
    /// viewer's texture filtering of sRGB textures without sRGB decoding would; the
    /// difference is invisible at drone scale.
    pub fn sample(&self, uv: [f64; 2]) -> Rgb {
        let (w, h) = (self.width.max(1) as usize, self.height.max(1) as usize);
        if self.pixels.len() < w * h {
            return Rgb::WHITE;
        }
        let u = self.wrap[0].apply(uv[0]) * w as f64 - 0.5;
        let v = self.wrap[1].apply(uv[1]) * h as f64 - 0.5;
        let at = |x: isize, y: isize| -> Rgb {
            let x = self.texel(x, w, self.wrap[0]);
            let y = self.texel(y, h, self.wrap[1]);
            self.pixels[y * w + x]
        };
        if self.nearest {
            return at(u.round() as isize, v.round() as isize);
        }
        let (x0, y0) = (u.floor(), v.floor());
        let (fx, fy) = (u - x0, v - y0);
        let (x0, y0) = (x0 as isize, y0 as isize);
        let c = [
            at(x0, y0),
            at(x0 + 1, y0),
            at(x0, y0 + 1),
            at(x0 + 1, y0 + 1),
        ];
        let wts = [
            (1.0 - fx) * (1.0 - fy),
            fx * (1.0 - fy),
            (1.0 - fx) * fy,
            fx * fy,
        ];
        let ch = |f: fn(&Rgb) -> u8| -> u8 {
            let s: f64 = c.iter().zip(wts).map(|(c, w)| f64::from(f(c)) * w).sum();
            s.round().clamp(0.0, 255.0) as u8
        };
        Rgb::new(ch(|c| c.r), ch(|c| c.g), ch(|c| c.b))
    }

    /// Texel index `i` of `n` along an axis of wrap mode `wrap`.
    fn texel(&self, i: isize, n: usize, wrap: Wrap) -> usize {
        let n = n as isize;
        let k = match wrap {
            Wrap::Repeat => i.rem_euclid(n),
            Wrap::MirroredRepeat => {
                let t = i.rem_euclid(2 * n);
                if t >= n { 2 * n - 1 - t } else { t }
            }
            Wrap::ClampToEdge => i.clamp(0, n - 1),
        };
        k as usize
    }
}

/// Textures on a mesh: each vertex's texture coordinates (any texture transform already
/// applied, not wrapped: triangles interpolate them first) and each triangle's texture.
#[derive(Clone, Debug, PartialEq)]
pub struct MeshPaint {
    /// Texture coordinates of each vertex of the mesh (same length as its vertices).
    pub uvs: Vec<[f64; 2]>,
    /// The texture of each triangle of the mesh (index into `textures`), `None` for
    /// untextured triangles (same length as its triangles).
    pub triangle_texture: Vec<Option<u32>>,
    /// The textures.
    pub textures: Vec<Texture>,
}

impl MeshPaint {
    /// The texture colour of triangle `t` (of vertices `tri`) at barycentric `b`, `None`
    /// when the triangle has no texture.
    pub fn color(&self, t: usize, tri: [usize; 3], b: [f64; 3]) -> Option<Rgb> {
        let tex = self
            .textures
            .get((*self.triangle_texture.get(t)?)? as usize)?;
        let uv = |i: usize| self.uvs.get(tri[i]).copied();
        let (a, bb, c) = (uv(0)?, uv(1)?, uv(2)?);
        let at = [
            a[0] * b[0] + bb[0] * b[1] + c[0] * b[2],
            a[1] * b[0] + bb[1] * b[1] + c[1] * b[2],
        ];
        Some(tex.sample(at))
    }
}

/// `a × b` per channel in linear light (a texture's colour times a vertex colour and the
/// material's factor, as glTF multiplies them), back in sRGB.
pub fn multiply_srgb(a: Rgb, b: Rgb) -> Rgb {
    let lin = |c: u8| {
        let s = f64::from(c) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    let srgb = |v: f64| {
        let s = if v <= 0.003_130_8 {
            12.92 * v
        } else {
            1.055 * v.powf(1.0 / 2.4) - 0.055
        };
        (s * 255.0).round().clamp(0.0, 255.0) as u8
    };
    Rgb::new(
        srgb(lin(a.r) * lin(b.r)),
        srgb(lin(a.g) * lin(b.g)),
        srgb(lin(a.b) * lin(b.b)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checker() -> Texture {
        // 2 × 2: red, green / blue, white.
        Texture {
            width: 2,
            height: 2,
            pixels: vec![
                Rgb::new(255, 0, 0),
                Rgb::new(0, 255, 0),
                Rgb::new(0, 0, 255),
                Rgb::WHITE,
            ],
            wrap: [Wrap::Repeat; 2],
            nearest: true,
        }
    }

    #[test]
    fn texels_by_uv_with_v_from_the_top() {
        let t = checker();
        assert_eq!(t.sample([0.25, 0.25]), Rgb::new(255, 0, 0));
        assert_eq!(t.sample([0.75, 0.25]), Rgb::new(0, 255, 0));
        assert_eq!(t.sample([0.25, 0.75]), Rgb::new(0, 0, 255));
        // Repeat: 1.25 is 0.25; −0.25 is 0.75.
        assert_eq!(t.sample([1.25, -0.25]), Rgb::new(0, 0, 255));
        let clamp = Texture {
            wrap: [Wrap::ClampToEdge; 2],
            ..checker()
        };
        assert_eq!(clamp.sample([5.0, -3.0]), Rgb::new(0, 255, 0));
        let mirror = Texture {
            wrap: [Wrap::MirroredRepeat; 2],
            ..checker()
        };
        // 1.25 mirrored is 0.75.
        assert_eq!(mirror.sample([1.25, 0.25]), Rgb::new(0, 255, 0));
    }

    #[test]
    fn bilinear_blends_between_texels() {
        let t = Texture {
            nearest: false,
            wrap: [Wrap::ClampToEdge; 2],
            ..checker()
        };
        // Halfway between red and green texel centres on the top row.
        let c = t.sample([0.5, 0.25]);
        assert_eq!(c, Rgb::new(128, 128, 0));
        assert_eq!(t.sample([0.25, 0.25]), Rgb::new(255, 0, 0));
    }

    #[test]
    fn wrap_modes() {
        assert!((Wrap::Repeat.apply(-0.25) - 0.75).abs() < 1e-12);
        assert!((Wrap::MirroredRepeat.apply(1.25) - 0.75).abs() < 1e-12);
        assert!((Wrap::MirroredRepeat.apply(-0.25) - 0.25).abs() < 1e-12);
        assert_eq!(Wrap::ClampToEdge.apply(7.0), 1.0);
        assert_eq!(Wrap::Repeat.apply(f64::NAN), 0.0);
    }

    #[test]
    fn paint_interpolates_uvs_per_triangle() {
        let p = MeshPaint {
            uvs: vec![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]],
            triangle_texture: vec![Some(0), None],
            textures: vec![checker()],
        };
        // Near the first vertex: uv ≈ (0.1, 0.1), red.
        assert_eq!(
            p.color(0, [0, 1, 2], [0.8, 0.1, 0.1]),
            Some(Rgb::new(255, 0, 0))
        );
        // Near the second: uv ≈ (0.8, 0.1), green.
        assert_eq!(
            p.color(0, [0, 1, 2], [0.1, 0.8, 0.1]),
            Some(Rgb::new(0, 255, 0))
        );
        assert_eq!(p.color(1, [0, 1, 2], [0.3, 0.3, 0.4]), None);
    }

    #[test]
    fn multiplying_by_white_keeps_a_colour() {
        let c = Rgb::new(200, 100, 30);
        assert_eq!(multiply_srgb(c, Rgb::WHITE), c);
        assert_eq!(multiply_srgb(c, Rgb::new(0, 0, 0)), Rgb::new(0, 0, 0));
        // sRGB 188 is linear 0.503; squared, 0.253: sRGB 138.
        assert_eq!(
            multiply_srgb(Rgb::new(188, 188, 188), Rgb::new(188, 188, 188)).r,
            138
        );
    }
}
