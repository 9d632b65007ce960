//! Software rendering: a known frame shows the formation's colour where its drones project,
//! the bytes are deterministic, and bad requests are errors, not panics.
#![allow(clippy::print_stderr)]

mod common;

use std::time::Instant;

use common::cdp::decode_png;
use common::synthetic::SyntheticShow;
use skyshow_model::{Rgb, Vec3};
use skyshow_preview::{
    Burst, Camera, FrameRenderer, Ground, RenderError, RenderInput, frame_times, render_png,
    render_sequence,
};

/// Pixel position of a show-frame point seen by `cam` on a `w` × `h` image.
fn project(cam: &Camera, w: f64, h: f64, p: Vec3) -> (f64, f64) {
    let focal = (h / 2.0) / (cam.fov_deg.to_radians() / 2.0).tan();
    let f = (cam.look_at - cam.position).normalized();
    let r = f.cross(Vec3::new(0.0, 0.0, 1.0)).normalized();
    let u = r.cross(f);
    let q = p - cam.position;
    let z = q.dot(f);
    (
        w / 2.0 + focal * q.dot(r) / z,
        h / 2.0 - focal * q.dot(u) / z,
    )
}

#[test]
fn formation_colours_are_where_the_drones_are() {
    let show = SyntheticShow::red_disc_green_grid(200).build();
    for (t, want) in [(20.0, [255u8, 0, 0]), (40.0, [0, 255, 0])] {
        let input = RenderInput::new(&show, t);
        let start = Instant::now();
        let png = render_png(&input).unwrap();
        eprintln!(
            "200 drones at {t} s: {:?}, {} bytes",
            start.elapsed(),
            png.len()
        );
        let img = decode_png(&png).unwrap();
        assert_eq!((img.width, img.height), (1280, 720));
        let cam = Camera::audience(&show, &Ground::default(), 1280.0 / 720.0);
        for d in &show.drones {
            let (x, y) = project(&cam, 1280.0, 720.0, d.trajectory.position(t));
            assert!(x >= 0.0 && y >= 0.0 && x < 1280.0 && y < 720.0, "in view");
            let px = img.at(x as usize, y as usize);
            for k in 0..3 {
                let ok = if want[k] == 255 {
                    px[k] >= 200
                } else {
                    px[k] <= 60
                };
                assert!(ok, "pixel {px:?} at ({x:.0}, {y:.0}) is not {want:?}");
            }
        }
        let c = want.iter().position(|&v| v == 255).unwrap();
        let share = (0..img.height)
            .flat_map(|y| (0..img.width).map(move |x| (x, y)))
            .filter(|&(x, y)| {
                let p = img.at(x, y);
                p[c] >= 120
                    && (0..3)
                        .filter(|&k| k != c)
                        .all(|k| p[k] as u32 + 80 <= p[c] as u32)
            })
            .count() as f64
            / (1280.0 * 720.0);
        eprintln!(
            "{:.2}% of the pixels in the formation's colour",
            share * 100.0
        );
        assert!(share > 0.01);
        assert_eq!(render_png(&input).unwrap(), png, "deterministic bytes");
    }
}

#[test]
fn cameras_sequences_fireworks_and_bad_requests() {
    let show = SyntheticShow::red_disc_green_grid(50).build();
    let bursts = [Burst {
        time_s: 20.0,
        position: Vec3::new(0.0, 0.0, 80.0),
        radius_m: 30.0,
        color: Rgb::new(255, 200, 0),
        duration_s: 3.0,
        label: "gold peony".into(),
    }];
    let mut input = RenderInput::new(&show, 21.0);
    input.fireworks = &bursts;
    input.width_px = 320;
    input.height_px = 180;
    input.ground.audience = vec![
        Vec3::new(-150.0, -60.0, 0.0),
        Vec3::new(-150.0, 60.0, 0.0),
        Vec3::new(-200.0, 0.0, 0.0),
    ];
    input.ground.firing_front = vec![Vec3::new(60.0, -100.0, 0.0), Vec3::new(60.0, 100.0, 0.0)];
    let png = render_png(&input).unwrap();
    if let Ok(dir) = std::env::var("SKYSHOW_PREVIEW_SHOTS") {
        let mut big = input.clone();
        big.width_px = 1280;
        big.height_px = 720;
        std::fs::write(
            format!("{dir}/render-fireworks.png"),
            render_png(&big).unwrap(),
        )
        .unwrap();
        big.camera = Some(Camera::top(&show, &big.ground, 16.0 / 9.0));
        std::fs::write(format!("{dir}/render-top.png"), render_png(&big).unwrap()).unwrap();
    }
    let with = decode_png(&png).unwrap();
    let gold = with
        .rgb
        .chunks(3)
        .filter(|p| p[0] > 150 && p[1] > 100 && p[2] < 80)
        .count();
    assert!(gold > 20, "the burst is drawn: {gold} gold pixels");

    input.camera = Some(Camera::top(&show, &input.ground, 16.0 / 9.0));
    assert!(render_png(&input).is_ok());

    let times = frame_times(10.0, 11.0, 4.0).unwrap();
    assert_eq!(times, vec![10.0, 10.25, 10.5, 10.75, 11.0]);
    let frames: Vec<_> = render_sequence(&input, &times)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(frames.len(), 5);
    let r = FrameRenderer::new(&input).unwrap();
    assert_eq!(r.render(10.5).unwrap(), frames[2]);
    assert_eq!(r.render_rgb(10.5).unwrap().len(), 320 * 180 * 3);

    assert!(matches!(r.render(f64::NAN), Err(RenderError::Time(_))));
    assert!(frame_times(1.0, 0.0, 30.0).is_err());
    assert!(frame_times(0.0, 1e9, 30.0).is_err());
    assert!(frame_times(0.0, 1.0, 0.0).is_err());
    input.width_px = 0;
    assert!(matches!(render_png(&input), Err(RenderError::Size { .. })));
    input.width_px = 320;
    input.camera = Some(Camera {
        position: Vec3::ZERO,
        look_at: Vec3::ZERO,
        fov_deg: 50.0,
    });
    assert_eq!(render_png(&input), Err(RenderError::Camera));
    input.camera = None;
    input.glow_m = f64::NAN;
    input.time_s = 1e300;
    assert!(render_png(&input).is_ok(), "odd numbers draw something");
}

#[test]
fn a_600_drone_frame_renders_fast() {
    let synth = SyntheticShow::long(600, 4, 20.0, 15.0);
    let show = synth.build();
    let t = synth.formations[1].start_s + 5.0;
    let input = RenderInput::new(&show, t);
    let start = Instant::now();
    let png = render_png(&input).unwrap();
    let took = start.elapsed();
    eprintln!("600 drones, 1280×720: {took:?}, {} KiB", png.len() / 1024);
    assert!(
        took.as_secs_f64() < 10.0,
        "generous bound; the goal is well under 2 s: {took:?}"
    );
}

#[test]
fn a_frame_renderer_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<FrameRenderer<'static>>();
    let show = SyntheticShow::red_disc_green_grid(20).build();
    let mut input = RenderInput::new(&show, 0.0);
    input.width_px = 64;
    input.height_px = 36;
    let r = FrameRenderer::new(&input).unwrap();
    let times = frame_times(0.0, 50.0, 0.5).unwrap();
    let parallel: Vec<Vec<u8>> = std::thread::scope(|s| {
        let handles: Vec<_> = times
            .iter()
            .map(|&t| {
                s.spawn({
                    let r = &r;
                    move || r.render(t).unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let serial: Vec<Vec<u8>> = times.iter().map(|&t| r.render(t).unwrap()).collect();
    assert_eq!(parallel, serial);
}
