//! No panics on any input: random shows full of extreme numbers go through the page, the
//! renderer and the report.

use skyshow_model::{
    Cue, Drone, FlightShow, LightProgram, LightStep, Limits, Phase, PhaseKind, Rgb, Segment,
    Trajectory, Vec3,
};
use skyshow_preview::{
    Burst, Camera, PreviewInput, RenderInput, ReportFormation, ReportInput, ReportSeries,
    ReportTransition, ReportViolation, frame_times, preview_html, render_png, report_html,
};

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// Mostly ordinary numbers, sometimes extreme ones.
    fn num(&mut self) -> f64 {
        match self.next() % 16 {
            0 => f64::NAN,
            1 => f64::INFINITY,
            2 => f64::NEG_INFINITY,
            3 => 1e300,
            4 => -1e300,
            5 => 0.0,
            6 => f64::MIN_POSITIVE,
            7 => -0.0,
            _ => (self.next() % 4000) as f64 / 10.0 - 100.0,
        }
    }
    fn v(&mut self) -> Vec3 {
        Vec3::new(self.num(), self.num(), self.num())
    }
    fn rgb(&mut self) -> Rgb {
        let x = self.next();
        Rgb::new(x as u8, (x >> 8) as u8, (x >> 16) as u8)
    }
}

fn random_show(r: &mut Rng) -> FlightShow {
    let drones = (0..r.next() % 6)
        .map(|i| {
            let segments = (0..r.next() % 5)
                .map(|_| Segment::cubic(r.num(), r.num(), [r.v(), r.v(), r.v(), r.v()]))
                .collect();
            let steps = (0..r.next() % 4)
                .map(|_| LightStep {
                    t0: r.num(),
                    t1: r.num(),
                    from: r.rgb(),
                    to: r.rgb(),
                })
                .collect();
            Drone {
                name: format!("d{i}"),
                home: r.v(),
                trajectory: Trajectory {
                    start: r.v(),
                    segments,
                },
                lights: LightProgram {
                    steps,
                    bytecode: Vec::new(),
                },
            }
        })
        .collect();
    let kinds = [
        PhaseKind::Takeoff,
        PhaseKind::Formation,
        PhaseKind::Transition,
        PhaseKind::Landing,
    ];
    let phases = (0..r.next() % 4)
        .map(|i| Phase {
            kind: kinds[(i as usize + r.next() as usize) % 4],
            source: "formation \"x\"".into(),
            start_s: r.num(),
            end_s: r.num(),
        })
        .collect();
    let cues = (0..r.next() % 3)
        .map(|_| Cue {
            name: "x".into(),
            time_s: r.num(),
        })
        .collect();
    let limits = Limits {
        min_distance_m: r.num(),
        battery_s: r.num(),
        max_speed_xy_m_s: r.num(),
        ..Limits::DEFAULT
    };
    FlightShow {
        title: "random".into(),
        drones,
        phases,
        cues,
        limits: Some(limits),
        geofence: None,
    }
}

#[test]
fn random_extreme_input_never_panics() {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..300 {
        let show = random_show(&mut r);
        let bursts: Vec<Burst> = (0..r.next() % 3)
            .map(|_| Burst {
                time_s: r.num(),
                position: r.v(),
                radius_m: r.num(),
                color: r.rgb(),
                duration_s: r.num(),
                label: "b".into(),
            })
            .collect();
        let mut p = PreviewInput::new(&show);
        p.fireworks = bursts.clone();
        p.ground.audience = (0..r.next() % 4).map(|_| r.v()).collect();
        p.ground.firing_front = (0..r.next() % 3).map(|_| r.v()).collect();
        p.ground.audience_azimuth_deg = r.num();
        let _ = preview_html(&p);

        let mut ri = RenderInput::new(&show, r.num());
        ri.width_px = 16 + (r.next() % 64) as u32;
        ri.height_px = 16 + (r.next() % 48) as u32;
        ri.fireworks = &bursts;
        ri.ground = p.ground.clone();
        ri.glow_m = r.num();
        if r.next().is_multiple_of(2) {
            ri.camera = Some(Camera {
                position: r.v(),
                look_at: r.v(),
                fov_deg: r.num(),
            });
        }
        let _ = render_png(&ri);
        let _ = frame_times(r.num(), r.num(), r.num());

        let mut rep = ReportInput::new(&show);
        let n = (r.next() % 5) as usize;
        rep.series = ReportSeries {
            t_s: (0..n).map(|_| r.num()).collect(),
            min_distance_m: (0..n).map(|_| r.num()).collect(),
            max_speed_xy_m_s: (0..n).map(|_| r.num()).collect(),
            max_speed_z_m_s: (0..n + 1).map(|_| r.num()).collect(),
        };
        rep.flight_times_s = (0..n).map(|_| r.num()).collect();
        rep.transitions = (0..n)
            .map(|_| ReportTransition {
                from: "a".into(),
                to: "b".into(),
                start_s: r.num(),
                duration_s: r.num(),
                lower_bound_s: r.num(),
            })
            .collect();
        rep.violations = (0..n)
            .map(|_| ReportViolation {
                kind: "min_distance".into(),
                time_s: r.num(),
                drones: vec!["d0".into()],
                value: r.num(),
                limit: r.num(),
                source: String::new(),
            })
            .collect();
        rep.formations.push(ReportFormation {
            name: "f".into(),
            start_s: r.num(),
            end_s: r.num(),
            motion: vec!["rotate".into()],
        });
        rep.fireworks = &bursts;
        rep.limits.battery_s = r.num();
        rep.limits.max_speed_up_m_s = r.num();
        let _ = report_html(&rep);
    }
}
