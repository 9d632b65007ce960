//! The motion benchmark of issue 15: a 600-drone skinned animation of 30 s (a rigged tube
//! made here, bent by three bones and swelled by a morph target, cubic-spline keys),
//! printed side by side in one run:
//!
//! - the time to sample it (place the drones on the mesh, spaced over every frame of the
//!   clip), check it against the limits and fit its curves (goal: under 1 s);
//! - the `.skyc` bytes per drone-minute of the fitted Bézier curves against the same motion
//!   exported as 4 Hz keyframes (straight lines between samples, what a keyframe export
//!   writes), both through the same writer (goal: at most half).
//!
//! ```text
//! cargo run --release -p skyshow-cli --example motion_bench
//! ```

#![allow(clippy::print_stdout)] // a benchmark prints its figures

use std::time::Instant;

use skyshow_export::{SkycMeta, write_skyc};
use skyshow_import::RiggedTube;
use skyshow_model::{Drone, FlightShow, LightProgram, Limits, Segment, Trajectory, Vec3};
use skyshow_plan::motion::{HoldClock, MotionOptions, motion_spec, plan_motion};

const DRONES: usize = 600;
const CLIP_S: f64 = 30.0;
/// When the hold starts and how long it lasts (the clip and its ramps), seconds.
const START_S: f64 = 10.0;
const HOLD_S: f64 = 32.0;
/// Keyframes per second of the comparison export.
const KEY_HZ: f64 = 4.0;

fn show_text() -> String {
    format!(
        "title = \"bench\"\n[fleet]\ndrones = {DRONES}\n[fleet.grid]\nrows = 24\ncolumns = 25\n\
         spacing_m = 3\n[[chapter]]\nname = \"c\"\n[[chapter.formation]]\nname = \"tube\"\n\
         hold = {HOLD_S}\nshape = \"mesh\"\nfile = \"tube.glb\"\nsize_m = 130\nmode = \"surface\"\n\
         center = [0, 0, 75]\nanimation = \"Bend\"\n"
    )
}

/// Each drone at its rest point until the hold, then along `curves`.
fn flown(rest: &[Vec3], curves: &[Vec<Segment>]) -> FlightShow {
    FlightShow {
        title: "bench".into(),
        drones: rest
            .iter()
            .zip(curves)
            .enumerate()
            .map(|(i, (p, cv))| {
                let mut trajectory = Trajectory::new(*p);
                trajectory.hold_until(START_S);
                for s in cv {
                    trajectory.push(*s);
                }
                Drone {
                    name: format!("Drone {}", i + 1),
                    home: *p,
                    trajectory,
                    lights: LightProgram::default(),
                }
            })
            .collect(),
        ..FlightShow::default()
    }
}

fn main() {
    let tube = RiggedTube {
        length: 20.0,
        radius: 3.0,
        rings: 61,
        sides: 16,
        bones: 3,
        bend_deg: 2.0,
        duration_s: CLIP_S,
        keys: 31,
        interpolation: "CUBICSPLINE",
        swell: true,
        ..RiggedTube::default()
    };
    let glb = tube.glb();
    let text = show_text();
    let (design, _, _) =
        skyshow_import::parse_show_with("bench.toml", &text, &mut |_: &str| Ok(glb.clone()))
            .unwrap_or_else(|e| panic!("{e}"));
    let f = &design.formations[0];
    let limits = Limits::DEFAULT;

    let t = Instant::now();
    let formation = skyshow_formations::build(
        f,
        DRONES,
        design.audience_azimuth_deg,
        &design.limits,
        limits.min_nav_altitude_m + limits.min_distance_m,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let sample_s = t.elapsed().as_secs_f64();
    let spec = motion_spec(f, &formation, design.audience_azimuth_deg);
    let clock = HoldClock {
        start_s: START_S,
        end_s: START_S + HOLD_S,
        music: None,
    };
    let t = Instant::now();
    let planned = plan_motion(&spec, &clock, &limits, &MotionOptions::DEFAULT, 5.5)
        .unwrap_or_else(|e| panic!("{e}: {}", e.hint()))
        .expect("the tube moves");
    let check_fit_s = t.elapsed().as_secs_f64();

    // The fitted curves, and the same motion as keyframes every 1/KEY_HZ s.
    let meta = SkycMeta {
        limits,
        origin: None,
        audio: None,
        rth_plans: Vec::new(),
    };
    let bezier = write_skyc(&flown(&spec.rest, &planned.fitted.curves), &meta).len();
    let keys = (HOLD_S * KEY_HZ).round() as usize;
    let keyed: Vec<Vec<Segment>> = (0..spec.rest.len())
        .map(|i| {
            let at = |k: usize| planned.motion.position(i, k as f64 / KEY_HZ);
            (0..keys)
                .map(|k| {
                    let (t0, t1) = (
                        START_S + k as f64 / KEY_HZ,
                        START_S + (k + 1) as f64 / KEY_HZ,
                    );
                    Segment::line(t0, t1, at(k), at(k + 1))
                })
                .collect()
        })
        .collect();
    let keyframed = write_skyc(&flown(&spec.rest, &keyed), &meta).len();
    let per = |bytes: usize| bytes as f64 / (DRONES as f64 * HOLD_S / 60.0);
    let s = &planned.summary;
    println!(
        "{DRONES} drones, skinned glTF clip of {CLIP_S} s (3 bones, a morph target, cubic keys), hold {HOLD_S} s"
    );
    println!(
        "  motion: {:.2} m/s horizontal, {:.2} up, {:.2} down, {:.2} m/s², drones ≥ {:.2} m apart, fit within {:.1} cm, {:.1} segments per drone",
        s.designed.speed_xy.value,
        s.designed.speed_up.value,
        s.designed.speed_down.value,
        s.designed.accel.value,
        s.designed.min_distance.value,
        s.fit_error_m * 100.0,
        s.segments_per_drone
    );
    println!(
        "  time   sample {sample_s:.3} s + check and fit {check_fit_s:.3} s = {:.3} s   (goal < 1 s)",
        sample_s + check_fit_s
    );
    println!(
        "  .skyc  Bézier {:.0} B/drone-minute   4 Hz keyframes {:.0} B/drone-minute   ratio {:.2}   (goal ≤ 0.5)",
        per(bezier),
        per(keyframed),
        bezier as f64 / keyframed as f64
    );
}
