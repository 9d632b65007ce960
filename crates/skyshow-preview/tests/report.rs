//! The visual report: plots, thumbnails and violation links are there, the page is
//! deterministic and odd data does not break it.
#![allow(clippy::print_stderr)]

mod common;

use base64::Engine as _;
use common::cdp::decode_png;
use common::synthetic::SyntheticShow;
use skyshow_i18n::Lang;
use skyshow_model::{ExclusionZone, FlightShow, Polygon, Rgb, Site, Vec3};
use skyshow_preview::{
    Burst, ReportInput, ReportSeries, ReportTransition, ReportViolation, report_html,
};

/// Minimum pairwise distance and top speeds sampled every second (brute force).
fn series(show: &FlightShow, end: f64) -> ReportSeries {
    let mut s = ReportSeries::default();
    let mut t = 0.0;
    while t <= end {
        let p: Vec<Vec3> = show
            .drones
            .iter()
            .map(|d| d.trajectory.position(t))
            .collect();
        let mut best = f64::INFINITY;
        for i in 0..p.len() {
            for j in i + 1..p.len() {
                if p[i].z >= 2.5 && p[j].z >= 2.5 {
                    best = best.min(p[i].dist(p[j]));
                }
            }
        }
        let v: Vec<Vec3> = show
            .drones
            .iter()
            .map(|d| d.trajectory.velocity(t + 0.5))
            .collect();
        s.t_s.push(t);
        s.min_distance_m.push(best);
        s.max_speed_xy_m_s
            .push(v.iter().map(|v| v.norm_xy()).fold(0.0, f64::max));
        s.max_speed_z_m_s
            .push(v.iter().map(|v| v.z.abs()).fold(0.0, f64::max));
        t += 1.0;
    }
    s
}

#[test]
fn report_has_plots_thumbnails_and_links() {
    let synth = SyntheticShow::red_disc_green_grid(60);
    let show = synth.build();
    let bursts = [Burst {
        time_s: 30.0,
        position: Vec3::new(50.0, 0.0, 90.0),
        radius_m: 35.0,
        color: Rgb::new(0, 80, 255),
        duration_s: 3.0,
        label: "blue chrysanthemum".into(),
    }];
    let mut input = ReportInput::new(&show);
    input.series = series(&show, synth.end_s());
    input.transitions = vec![ReportTransition {
        from: "red disc".into(),
        to: "green grid".into(),
        start_s: 25.0,
        duration_s: 10.0,
        lower_bound_s: 7.5,
    }];
    input.flight_times_s = show.drones.iter().map(|_| 50.0).collect();
    input.violations = vec![ReportViolation {
        kind: "speed_xy".into(),
        time_s: 30.25,
        drones: (1..=9).map(|i| format!("Drone {i}")).collect(),
        value: 9.5,
        limit: 8.0,
        source: "transition \"red disc\" → \"green grid\"".into(),
    }];
    input.violations_total = 3;
    input.fireworks = &bursts;
    let html = report_html(&input);
    assert_eq!(report_html(&input), html, "deterministic");
    let text = String::from_utf8(html).unwrap();
    std::fs::write(std::env::temp_dir().join("skyshow-report-test.html"), &text).unwrap();
    for id in [
        "separation",
        "speed",
        "transitions",
        "flight-time",
        "fireworks",
        "formations",
        "violations",
    ] {
        assert!(
            text.contains(&format!("<section id=\"{id}\">")),
            "section {id}"
        );
    }
    assert!(text.matches("<svg").count() >= 6, "plots are inline SVG");
    assert!(
        text.contains("preview.html#t=30.25"),
        "violation links to its time"
    );
    assert!(text.contains("+3 more"), "long drone lists are cut");
    assert!(text.contains("2 more not listed"));
    assert!(text.contains("class=\"limit\""), "limit lines");
    assert!(text.contains("blue chrysanthemum"));
    assert!(!text.contains("<script"), "no scripts");
    assert!(
        !text.contains("http://") && !text.contains("https://"),
        "no network"
    );

    // One thumbnail per formation; the red disc's is red.
    let thumbs: Vec<&str> = text
        .split("data:image/png;base64,")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    assert_eq!(thumbs.len(), 2);
    let png = base64::engine::general_purpose::STANDARD
        .decode(thumbs[0])
        .unwrap();
    let img = decode_png(&png).unwrap();
    let red = img
        .rgb
        .chunks(3)
        .filter(|p| p[0] > 150 && p[1] < 60 && p[2] < 60)
        .count();
    let green = img
        .rgb
        .chunks(3)
        .filter(|p| p[1] > 150 && p[0] < 60 && p[2] < 60)
        .count();
    eprintln!(
        "thumbnail of the disc: {red} red pixels of {}",
        img.width * img.height
    );
    assert!(red > img.width * img.height / 50 && green == 0);
    assert!(
        text.contains("preview.html#t=20"),
        "thumbnails link to the formation's mid-time"
    );
}

#[test]
fn report_survives_odd_and_empty_data() {
    let show = FlightShow::default();
    let input = ReportInput::new(&show);
    let text = String::from_utf8(report_html(&input)).unwrap();
    assert!(text.contains("No violations"));

    let show = SyntheticShow::red_disc_green_grid(5).build();
    let mut input = ReportInput::new(&show);
    input.title = "<script>alert(1)</script>".into();
    input.series = ReportSeries {
        t_s: vec![0.0, f64::NAN, 2.0],
        min_distance_m: vec![f64::INFINITY, -1.0],
        max_speed_xy_m_s: vec![f64::NAN; 3],
        max_speed_z_m_s: vec![1e300; 3],
    };
    input.flight_times_s = vec![f64::NAN, -5.0, 1e12];
    input.limits.battery_s = f64::NAN;
    input.limits.min_distance_m = 0.0;
    input.transitions = vec![ReportTransition {
        from: String::new(),
        to: "x".repeat(500),
        start_s: f64::NAN,
        duration_s: f64::INFINITY,
        lower_bound_s: -3.0,
    }];
    input.violations = vec![ReportViolation {
        kind: "</td>".into(),
        time_s: f64::NEG_INFINITY,
        drones: vec![],
        value: f64::NAN,
        limit: 0.0,
        source: "\"".into(),
    }];
    input.preview_href = "a\"b.html".into();
    let text = String::from_utf8(report_html(&input)).unwrap();
    assert!(!text.contains("<script>alert"), "text is escaped");
    assert!(text.contains("a&quot;b.html#t=0"));
}

/// The value of attribute `name` in the first element of `text` that has `class="{class}"`.
fn attr(text: &str, class: &str, name: &str) -> Option<String> {
    let at = text.find(&format!("class=\"{class}\""))?;
    let start = text[..at].rfind('<')?;
    let end = at + text[at..].find('>')?;
    let tag = &text[start..end];
    let key = format!(" {name}=\"");
    let v = tag.find(&key)? + key.len();
    Some(tag[v..v + tag[v..].find('"')?].to_string())
}

/// `x,y x,y …` as corners.
fn corners(points: &str) -> Vec<[f64; 2]> {
    points
        .split_whitespace()
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            [x.parse().unwrap(), y.parse().unwrap()]
        })
        .collect()
}

#[test]
fn the_site_plan_draws_the_site_at_its_coordinates() {
    let show = SyntheticShow::red_disc_green_grid(20).build();
    let boundary = vec![
        [-250.0, -200.0],
        [260.5, -200.0],
        [260.5, 210.0],
        [-250.0, 210.0],
    ];
    let tent = vec![[60.0, 60.0], [90.0, 60.0], [75.0, 95.125]];
    let no_fly = vec![
        [-200.0, -90.0],
        [-140.0, -90.0],
        [-140.0, 90.0],
        [-200.0, 90.0],
    ];
    let mut input = ReportInput::new(&show);
    input.ground.audience = vec![Vec3::new(-150.0, -80.0, 0.0), Vec3::new(-150.0, 80.0, 0.0)];
    input.ground.firing_front = vec![Vec3::new(80.0, -30.0, 0.0), Vec3::new(80.0, 30.0, 0.0)];
    input.ground.site = Some(Site {
        boundary: Some(Polygon::new(boundary.clone())),
        exclusions: vec![ExclusionZone {
            name: "tent".into(),
            zone: Polygon::new(tent.clone()),
        }],
        no_fly: Some(Polygon::new(no_fly.clone())),
        no_fly_buffer_m: 12.5,
        ..Site::default()
    });
    let text = String::from_utf8(report_html(&input)).unwrap();
    let start = text.find("<section id=\"site\">").expect("a site section");
    let plan = &text[start..start + text[start..].find("</section>").unwrap()];
    for (class, want) in [
        ("site-boundary", &boundary),
        ("site-exclusion", &tent),
        ("site-no-fly", &no_fly),
    ] {
        let pts = attr(plan, class, "points").unwrap_or_else(|| panic!("{class}"));
        assert_eq!(&corners(&pts), want, "{class}: the show file's corners");
    }
    assert_eq!(
        attr(plan, "site-exclusion", "data-name").as_deref(),
        Some("tent")
    );
    assert!(plan.contains(">tent</text>"), "the zone is labelled");
    // The takeoff grid: a dot at every home.
    let d = attr(plan, "plan-takeoff", "d").unwrap();
    assert_eq!(d.matches('M').count(), show.drones.len());
    for dr in &show.drones {
        let dot = format!("M{} {}h0", dr.home.x, dr.home.y);
        assert!(d.contains(&dot), "home {dot}");
    }
    // The map: everything inside the picture, the audience at the bottom, X up for an
    // audience at −X, and the same scale on both axes.
    let m: Vec<f64> = attr(plan, "plan-ground", "data-transform")
        .unwrap()
        .trim_start_matches("matrix(")
        .trim_end_matches(')')
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    let map = |p: [f64; 2]| {
        (
            m[0] * p[0] + m[2] * p[1] + m[4],
            m[1] * p[0] + m[3] * p[1] + m[5],
        )
    };
    let view: Vec<f64> = attr(plan, "plan", "viewBox")
        .unwrap()
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    for p in boundary.iter().chain(&tent).chain(&no_fly) {
        let (x, y) = map(*p);
        assert!(
            x >= 0.0 && x <= view[2] && y >= 0.0 && y <= view[3],
            "{p:?} → ({x}, {y})"
        );
    }
    let (_, y_audience) = map([-150.0, 0.0]);
    let (_, y_front) = map([80.0, 0.0]);
    assert!(y_audience > y_front, "the audience is below the stage");
    let (x_left, _) = map([0.0, 100.0]);
    let (x_right, _) = map([0.0, -100.0]);
    assert!(x_left < x_right, "+Y is on the audience's left");
    assert!((m[0] * m[0] + m[1] * m[1] - m[2] * m[2] - m[3] * m[3]).abs() < 1e-6);
    assert!(
        plan.contains("12.50 m"),
        "the no-fly zone's buffer in the legend"
    );

    // In Chinese, the legend's words are Chinese.
    input.lang = Lang::Zh;
    let zh = String::from_utf8(report_html(&input)).unwrap();
    for word in [
        "场地平面图",
        "场地边界",
        "禁入区",
        "观众禁飞区",
        "起飞方阵",
        "发射阵地",
    ] {
        assert!(zh.contains(word), "{word}");
    }
}
