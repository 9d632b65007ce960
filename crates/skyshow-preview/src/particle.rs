//! `Particle`: one star (or the rising shell) of a firework burst, for the software
//! renderer. The same model as the preview page's shader: stars fly out on a sphere,
//! droop and fade; a spark rises from the ground to the burst before it opens.

use skyshow_model::Vec3;

use crate::Burst;

/// One drawn particle of a burst.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Particle {
    center: Vec3,
    /// Unit direction scaled by the star's speed factor (0.72–1); zero for the shell.
    dir: Vec3,
    shell: bool,
    time_s: f64,
    duration_s: f64,
    radius_m: f64,
    lift_s: f64,
    color: [f32; 3],
}

/// The page's pseudo-random generator (mulberry32), so that both draw the same stars.
struct Mulberry32(u32);

impl Mulberry32 {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x6D2B_79F5);
        let a = self.0;
        let mut x = (a ^ (a >> 15)).wrapping_mul(1 | a);
        x = (x.wrapping_add((x ^ (x >> 7)).wrapping_mul(61 | x))) ^ x;
        ((x ^ (x >> 14)) as f64) / 4_294_967_296.0
    }
}

/// Stars in a burst of radius `r` metres.
pub(crate) fn star_count(radius_m: f64) -> usize {
    (radius_m * 5.0).round().clamp(60.0, 320.0) as usize
}

impl Particle {
    /// Every particle of the drawable bursts, in time order of the bursts.
    pub(crate) fn of_bursts<'a>(bursts: impl Iterator<Item = &'a Burst>) -> Vec<Particle> {
        let mut out = Vec::new();
        for (b, burst) in bursts.enumerate() {
            let mut rnd = Mulberry32((b as u32).wrapping_mul(7919).wrapping_add(17));
            let n = star_count(burst.radius_m);
            let color = [burst.color.r, burst.color.g, burst.color.b].map(|c| c as f32 / 255.0);
            for k in 0..=n {
                let (dir, shell) = if k < n {
                    let z = 2.0 * rnd.next() - 1.0;
                    let phi = 2.0 * std::f64::consts::PI * rnd.next();
                    let r = (1.0 - z * z).max(0.0).sqrt();
                    let sp = 0.72 + 0.28 * rnd.next();
                    (Vec3::new(r * phi.cos(), r * phi.sin(), z) * sp, false)
                } else {
                    (Vec3::ZERO, true)
                };
                out.push(Particle {
                    center: burst.position,
                    dir,
                    shell,
                    time_s: burst.time_s,
                    duration_s: burst.duration_s.min(600.0),
                    radius_m: burst.radius_m.min(2000.0),
                    lift_s: burst.lift_s(),
                    color,
                });
            }
        }
        out
    }

    /// Position, colour (already scaled by brightness) and glow diameter (metres) at `t`,
    /// or `None` when the particle is not visible.
    pub(crate) fn at(&self, t: f64) -> Option<(Vec3, [f32; 3], f64)> {
        let dt = t - self.time_s;
        if self.shell {
            if dt < -self.lift_s || dt > 0.0 {
                return None;
            }
            let u = 1.0 + dt / self.lift_s;
            let h = 1.0 - (1.0 - u) * (1.0 - u);
            let p = Vec3::new(self.center.x, self.center.y, self.center.z * h);
            return Some((p, [0.6, 0.45, 0.24], 1.6));
        }
        let tau = dt / self.duration_s;
        if !(0.0..=1.0).contains(&tau) {
            return None;
        }
        let s = 1.0 - (1.0 - (tau * 1.6).min(1.0)).powi(3);
        let mut p = self.center + self.dir * (self.radius_m * s);
        p.z -= 1.5 * dt * dt;
        let bright = ((1.0 - tau).powf(1.4) * (1.0 + 0.8 * (-tau * 20.0).exp())) as f32;
        Some((p, self.color.map(|c| c * bright), 1.8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::Rgb;

    #[test]
    fn a_burst_rises_opens_and_fades() {
        let b = Burst {
            time_s: 10.0,
            position: Vec3::new(0.0, 0.0, 100.0),
            radius_m: 40.0,
            color: Rgb::new(255, 0, 0),
            duration_s: 3.0,
            label: String::new(),
        };
        let ps = Particle::of_bursts(std::iter::once(&b));
        assert_eq!(ps.len(), star_count(40.0) + 1);
        let shell = ps.last().unwrap();
        let (p, _, _) = shell.at(9.0).unwrap();
        assert!(p.z > 0.0 && p.z < 100.0);
        assert!(shell.at(10.5).is_none());
        let star = ps[0];
        assert!(star.at(9.0).is_none());
        let (p, c, _) = star.at(11.5).unwrap();
        let d = p.dist(b.position);
        assert!(d > 20.0 && d < 45.0, "{d}");
        assert!(c[0] > 0.0 && c[1] == 0.0);
        assert!(star.at(13.5).is_none());
    }
}
