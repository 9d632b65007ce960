//! The preview page as bytes: deterministic, self-contained, and robust to odd input.

mod common;

use common::synthetic::SyntheticShow;
use skyshow_model::{
    Drone, ExclusionZone, FlightShow, Polygon, Rgb, Segment, Site, Trajectory, Vec3,
};
use skyshow_preview::{Burst, Ground, Music, PreviewInput, preview_html};

/// `bytes` as the show's music, a WAV starting with the show, without a waveform.
fn wav_music(bytes: &[u8]) -> Music<'_> {
    Music {
        bytes,
        mime: "audio/wav",
        offset_s: 0.0,
        waveform: &[],
        waveform_bucket_s: 0.1,
    }
}

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
    input.music = Some(wav_music(&wav));
    input.fireworks = bursts;
    input.ground = Ground {
        audience: vec![Vec3::new(-120.0, -50.0, 0.0), Vec3::new(-120.0, 50.0, 0.0)],
        audience_azimuth_deg: 180.0,
        firing_front: vec![Vec3::new(80.0, -250.0, 0.0), Vec3::new(80.0, 250.0, 0.0)],
        site: None,
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

/// The page's data (`<script id="skyshow-meta">`), as JSON.
fn meta(html: &str) -> serde_json::Value {
    let start = html.find("id=\"skyshow-meta\">").unwrap() + "id=\"skyshow-meta\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[test]
fn the_site_is_embedded_as_outlines_on_the_ground() {
    let show = SyntheticShow::red_disc_green_grid(30).build();
    let boundary = vec![
        [-300.0, -220.5],
        [310.25, -220.5],
        [310.25, 240.0],
        [-300.0, 240.0],
    ];
    let tent = vec![[60.0, 60.0], [90.0, 60.0], [75.0, 95.125]];
    let no_fly = vec![
        [-180.0, -90.0],
        [-130.0, -90.0],
        [-130.0, 90.0],
        [-180.0, 90.0],
    ];
    let mut input = PreviewInput::new(&show);
    input.ground.site = Some(Site {
        boundary: Some(Polygon::new(boundary.clone())),
        exclusions: vec![ExclusionZone {
            name: "tent <A>".into(),
            zone: Polygon::new(tent.clone()),
        }],
        no_fly: Some(Polygon::new(no_fly.clone())),
        ..Site::default()
    });
    let html = text(&input);
    let m = meta(&html);
    let outlines = m["site"].as_array().unwrap();
    let want = [
        ("boundary", "", &boundary),
        ("exclusion", "tent <A>", &tent),
        ("no_fly", "", &no_fly),
    ];
    assert_eq!(outlines.len(), want.len(), "{outlines:?}");
    for (o, (kind, name, pts)) in outlines.iter().zip(want) {
        assert_eq!(o["kind"], kind);
        assert_eq!(o["name"], name);
        let got: Vec<[f64; 2]> = o["points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| [p[0].as_f64().unwrap(), p[1].as_f64().unwrap()])
            .collect();
        assert_eq!(&got, pts, "{kind} corners in metres");
        assert_eq!(o["color"].as_array().unwrap().len(), 4, "rgba");
    }
    // The ground drawn under the show covers the site (the top view sees all of it).
    let lo = &m["scene"]["ground_lo"];
    let hi = &m["scene"]["ground_hi"];
    assert!(lo[0].as_f64().unwrap() <= -300.0 && hi[0].as_f64().unwrap() >= 310.25);
    assert!(lo[1].as_f64().unwrap() <= -220.5 && hi[1].as_f64().unwrap() >= 240.0);
    // Without a site there is nothing.
    input.ground.site = None;
    assert_eq!(meta(&text(&input))["site"], serde_json::json!([]));
}

/// A writer that takes at most `chunk` bytes per call and fails once `fail_after` bytes
/// have been written (if given).
struct Trickle {
    bytes: Vec<u8>,
    chunk: usize,
    fail_after: Option<usize>,
}

impl std::io::Write for Trickle {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.fail_after.is_some_and(|n| self.bytes.len() >= n) {
            return Err(std::io::Error::other("disk full"));
        }
        let n = buf.len().min(self.chunk);
        self.bytes.extend_from_slice(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn page_streamed_to_a_writer_is_the_page_and_its_data_unpacks() {
    use std::io::Read as _;

    use base64::Engine as _;

    let show = SyntheticShow::red_disc_green_grid(200).build();
    let wav: Vec<u8> = (0..10_001).map(|i| (i * 7 % 251) as u8).collect();
    let mut input = PreviewInput::new(&show);
    input.music = Some(wav_music(&wav));
    let whole = preview_html(&input);
    for chunk in [1, 7, 4096] {
        let streamed = skyshow_preview::preview_html_to(
            &input,
            Trickle {
                bytes: Vec::new(),
                chunk,
                fail_after: None,
            },
        )
        .unwrap();
        assert_eq!(streamed.bytes, whole, "written {chunk} bytes at a time");
    }
    // The data slot is the show buffer, deflated then base64: it unpacks to as many bytes
    // as the page's meta says; the music slot is the music.
    let html = String::from_utf8(whole).unwrap();
    let slot = |id: &str| {
        let open = format!("id=\"{id}\">");
        let start = html.find(&open).unwrap() + open.len();
        let end = start + html[start..].find("</script>").unwrap();
        base64::engine::general_purpose::STANDARD
            .decode(&html[start..end])
            .unwrap()
    };
    let mut unpacked = Vec::new();
    flate2::read::DeflateDecoder::new(slot("skyshow-data").as_slice())
        .read_to_end(&mut unpacked)
        .unwrap();
    let m = meta(&html);
    assert_eq!(m["data"]["encoding"], "deflate-raw");
    assert_eq!(m["data"]["bytes"], unpacked.len());
    assert!(unpacked.len() > 10_000, "{}", unpacked.len());
    assert_eq!(slot("skyshow-music"), wav);
    // A writer that fails part-way is an error, not a short page.
    let failing = Trickle {
        bytes: Vec::new(),
        chunk: 4096,
        fail_after: Some(html.len() / 2),
    };
    assert!(skyshow_preview::preview_html_to(&input, failing).is_err());
}
