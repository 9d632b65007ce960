//! Colouring a formation's points: one colour, a gradient along an axis, or per point.

use skyshow_model::{ColorDesign, Rgb, Vec3};

/// The colour of each point.
pub(crate) fn colorize(design: &ColorDesign, points: &[Vec3], own: Option<&[Rgb]>) -> Vec<Rgb> {
    match design {
        ColorDesign::Solid(c) => vec![*c; points.len()],
        ColorDesign::PerPoint => {
            own.map_or_else(|| vec![Rgb::WHITE; points.len()], <[Rgb]>::to_vec)
        }
        ColorDesign::Gradient { axis, stops } => {
            let proj: Vec<f64> = points.iter().map(|p| p.dot(*axis)).collect();
            let lo = proj.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = proj.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let span = hi - lo;
            proj.iter()
                .map(|&s| {
                    let f = if span > 1e-9 { (s - lo) / span } else { 0.5 };
                    gradient_at(stops, f)
                })
                .collect()
        }
    }
}

/// The colour at `f` in `[0, 1]` of evenly spaced stops.
pub(crate) fn gradient_at(stops: &[Rgb], f: f64) -> Rgb {
    let k = stops.len() - 1;
    let x = f.clamp(0.0, 1.0) * k as f64;
    let i = (x.floor() as usize).min(k.saturating_sub(1));
    stops[i].lerp(stops[(i + 1).min(k)], x - i as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gradient_runs_along_axis() {
        let pts: Vec<Vec3> = (0..5)
            .map(|i| Vec3::new(0.0, 0.0, i as f64 * 10.0))
            .collect();
        let red = Rgb::new(255, 0, 0);
        let blue = Rgb::new(0, 0, 255);
        let c = colorize(
            &ColorDesign::Gradient {
                axis: Vec3::new(0.0, 0.0, 1.0),
                stops: vec![red, blue],
            },
            &pts,
            None,
        );
        assert_eq!(c[0], red);
        assert_eq!(c[4], blue);
        assert_eq!(c[2], Rgb::new(128, 0, 128));
        let three = [red, Rgb::new(0, 255, 0), blue];
        assert_eq!(gradient_at(&three, 0.5), Rgb::new(0, 255, 0));
        assert_eq!(gradient_at(&three, 1.0), blue);
    }
}
