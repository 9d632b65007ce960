//! Synthetic shows for the tests and the bench: a flat lattice of drones that takes off,
//! flies a sequence of rotated / scaled / shifted copies of the lattice with eased
//! straight-line transitions, and lands where it took off.

#![allow(dead_code)]

use skyshow_model::{Drone, FlightShow, LightProgram, Segment, Trajectory, Vec3};

/// An eased straight move (zero velocity at both ends): peak speed 1.5× the average.
pub(crate) fn ease(t0: f64, t1: f64, a: Vec3, b: Vec3) -> Segment {
    Segment::cubic(t0, t1, [a, a, b, b])
}

/// A lattice show of `n` drones spaced `spacing` metres, about `duration` seconds long, with
/// formations held `hold` seconds and transitions of `move_s` seconds.
pub(crate) fn lattice_show(n: usize, duration: f64, spacing: f64) -> FlightShow {
    let cols = (n as f64).sqrt().ceil() as usize;
    let base: Vec<(f64, f64)> = (0..n)
        .map(|i| ((i % cols) as f64 * spacing, (i / cols) as f64 * spacing))
        .collect();
    let centre = (
        (cols - 1) as f64 * spacing * 0.5,
        ((n - 1) / cols) as f64 * spacing * 0.5,
    );
    let alt = 20.0;
    let (ground_hold, climb, hold, move_s) = (5.0, 30.0, 14.0, 6.0);
    let formations = ((duration - ground_hold - 2.0 * climb - move_s) / (hold + move_s))
        .floor()
        .max(1.0) as usize;
    // Formation k: the lattice rotated, scaled and shifted a little.
    let place = |k: usize, (x, y): (f64, f64)| -> Vec3 {
        if k == 0 {
            return Vec3::new(x, y, alt);
        }
        // Small enough rotations and stretches that the corners move at most ~12 m.
        let radius = centre.0.hypot(centre.1).max(1.0);
        let th: f64 = if k % 2 == 1 { 0.12 } else { -0.05 } * (12.0 / radius).min(1.0);
        let sc = 1.0 + 0.1 * ((k % 3) as f64) * (12.0 / radius).min(1.0);
        let (dx, dy) = (x - centre.0, y - centre.1);
        let (c, s) = (th.cos(), th.sin());
        Vec3::new(
            centre.0 + sc * (c * dx - s * dy) + 2.0 * (k % 4) as f64,
            centre.1 + sc * (s * dx + c * dy),
            alt + 1.5 * (k % 3) as f64,
        )
    };
    let drones = base
        .iter()
        .enumerate()
        .map(|(i, &(x, y))| {
            let ground = Vec3::new(x, y, 0.0);
            let mut tr = Trajectory::new(ground);
            tr.hold_until(ground_hold);
            let mut t = ground_hold;
            let mut at = Vec3::new(x, y, alt);
            tr.push(ease(t, t + climb, ground, at));
            t += climb;
            for k in 1..=formations {
                tr.hold_until(t + hold);
                t += hold;
                let next = place(if k == formations { 0 } else { k }, (x, y));
                tr.push(ease(t, t + move_s, at, next));
                t += move_s;
                at = next;
            }
            tr.push(ease(t, t + climb, at, ground));
            Drone {
                name: format!("Drone {}", i + 1),
                home: ground,
                trajectory: tr,
                lights: LightProgram::default(),
            }
        })
        .collect();
    FlightShow {
        title: "lattice".into(),
        drones,
        ..FlightShow::default()
    }
}
