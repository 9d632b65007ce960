//! The preview page as bytes: deterministic, self-contained, and robust to odd input.

mod common;

use common::synthetic::SyntheticShow;
use skyshow_model::{Drone, FlightShow, Rgb, Segment, Trajectory, Vec3};
use skyshow_preview::{Burst, Ground, Music, PreviewInput, preview_html};

fn text(input: &PreviewInput) -> String {
    String::from_utf8(preview_html(input)).expect("UTF-8")
}

#[test]
fn page_is_deterministic_and_self_contained() {
    let show = SyntheticShow::red_disc_green_grid(120).build();
    let wav = [b'R', b'I', b'F', b'F', 0, 0, 0, 0];
    let bursts = vec![Burst {
        time_s: 22.0,
        position: Vec3::new(40.0, 10.0, 100.0),
        radius_m: 30.0,
        color: Rgb::new(255, 215, 0),
        duration_s: 2.5,
        label: "gold <willow>".into(),
    }];
    let mut input = PreviewInput::new(&show);
    input.music = Some(Music {
        bytes: &wav,
        mime: "audio/wav",
        offset_s: 0.0,
        waveform: &[],
        waveform_bucket_s: 0.1,
    });
    input.fireworks = bursts;
    input.ground = Ground {
        audience: vec![Vec3::new(-120.0, -50.0, 0.0), Vec3::new(-120.0, 50.0, 0.0)],
        audience_azimuth_deg: 180.0,
        firing_front: vec![Vec3::new(80.0, -250.0, 0.0), Vec3::new(80.0, 250.0, 0.0)],
    };
    let a = preview_html(&input);
    assert_eq!(a, preview_html(&input), "same input, same bytes");
    let html = String::from_utf8(a).unwrap();
    assert!(html.contains("<span id=\"drone-count\">120</span>"));
    assert!(html.contains("window.skyshowPreview"));
    assert!(html.contains("UklGRgAAAAA="), "music embedded as base64");
    assert!(
        html.contains("\"label\":\"gold \\u003cwillow>\""),
        "burst labels in the data"
    );
    for bad in [
        "http://",
        "https://",
        "src=\"//",
        "<link rel=\"stylesheet\"",
        "import(",
    ] {
        assert!(!html.contains(bad), "no external resource: {bad}");
    }
    assert_eq!(
        html.matches("<script").count(),
        4,
        "meta, data, music, code"
    );
}

#[test]
fn odd_input_still_makes_a_page() {
    let empty = FlightShow::default();
    let html = text(&PreviewInput::new(&empty));
    assert!(html.contains("<span id=\"drone-count\">0</span>"));

    let mut weird = Trajectory::new(Vec3::new(f64::NAN, 0.0, 0.0));
    weird
        .segments
        .push(Segment::line(f64::INFINITY, 1.0, Vec3::ZERO, Vec3::ZERO));
    weird.segments.push(Segment::line(
        0.0,
        5.0,
        Vec3::ZERO,
        Vec3::new(1e12, -1e12, 1e9),
    ));
    let show = FlightShow {
        title: "</script><script>alert(1)</script> {{JS}}".into(),
        drones: vec![
            Drone {
                name: "a".into(),
                home: Vec3::new(f64::NAN, 1.0, 0.0),
                trajectory: weird,
                ..Drone::default()
            },
            Drone::default(),
        ],
        ..FlightShow::default()
    };
    let mut input = PreviewInput::new(&show);
    input.fireworks = vec![Burst {
        time_s: f64::NAN,
        position: Vec3::ZERO,
        radius_m: -1.0,
        color: Rgb::BLACK,
        duration_s: 0.0,
        label: String::new(),
    }];
    input.ground.audience_azimuth_deg = f64::NAN;
    input.ground.audience = vec![Vec3::new(f64::INFINITY, 0.0, 0.0)];
    let html = text(&input);
    assert!(!html.contains("<script>alert"), "title escaped");
    assert_eq!(
        html.matches("</script>").count(),
        4,
        "no early end of a script element"
    );
    assert!(html.contains("{{JS}}"), "user text is not a template slot");
}
