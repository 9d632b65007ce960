//! Parking: where drones not in a picture wait, lights off, out of the audience's view.

use skyshow_model::Vec3;

/// Slots for `count` spare drones in a vertical plane `gap` metres behind the picture (away
/// from the audience, whose direction is `towards_audience`), centred on the picture,
/// `spacing` metres apart, kept within the altitude band `[low, high]`.
pub(crate) fn slots(
    picture: &[Vec3],
    count: usize,
    towards_audience: Vec3,
    gap: f64,
    spacing: f64,
    low: f64,
    high: f64,
) -> Vec<Vec3> {
    if count == 0 {
        return Vec::new();
    }
    let w = towards_audience.normalized();
    let up = Vec3::new(0.0, 0.0, 1.0);
    let right = (-w).cross(up).normalized();
    let depth = picture
        .iter()
        .map(|p| p.dot(w))
        .fold(f64::INFINITY, f64::min);
    let n = picture.len().max(1) as f64;
    let c = picture.iter().fold(Vec3::ZERO, |acc, p| acc + *p) / n;
    let plane = depth - gap;
    let cols = ((count as f64).sqrt() * 1.5).ceil().max(1.0) as usize;
    let rows = count.div_ceil(cols);
    let height = (rows - 1) as f64 * spacing;
    // Centre vertically on the picture, but stay inside the band.
    let mut zc = c.z;
    if zc - height / 2.0 < low {
        zc = low + height / 2.0;
    }
    if zc + height / 2.0 > high {
        zc = (high - height / 2.0).max(low + height / 2.0);
    }
    let base = c - w * (c.dot(w) - plane);
    let mut out = Vec::with_capacity(count);
    for k in 0..count {
        let (r, col) = (k / cols, k % cols);
        let in_row = if r + 1 == rows {
            count - r * cols
        } else {
            cols
        };
        let x = (col as f64 - (in_row as f64 - 1.0) / 2.0) * spacing;
        let z = zc + height / 2.0 - r as f64 * spacing;
        let mut p = base + right * x;
        p.z = z;
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behind_picture_and_spaced() {
        let pic: Vec<Vec3> = (0..10)
            .map(|i| Vec3::new(0.0, i as f64 * 4.0, 60.0))
            .collect();
        let s = slots(&pic, 37, Vec3::new(-1.0, 0.0, 0.0), 12.0, 4.5, 20.0, 150.0);
        assert_eq!(s.len(), 37);
        assert!(
            s.iter().all(|p| (p.x - 12.0).abs() < 1e-9),
            "behind = +X when the audience is at -X"
        );
        let (d, _, _) = skyshow_formations::min_spacing(&s).unwrap();
        assert!((d - 4.5).abs() < 1e-9);
        assert!(s.iter().all(|p| p.z >= 20.0 && p.z <= 150.0));
    }
}
