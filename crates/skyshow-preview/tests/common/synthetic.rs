//! `SyntheticShow`: shows built in code for tests and measurements: drones take off from a
//! grid, fly a sequence of formations (a disc, a grid, a ring, …) in solid colours, and land.

use std::f64::consts::PI;

use skyshow_model::{
    Cue, Drone, FlightShow, LightProgram, LightStep, Limits, Phase, PhaseKind, Rgb, Segment,
    Trajectory, Vec3,
};

/// A formation of a synthetic show.
#[derive(Clone, Debug)]
pub(crate) struct SynthFormation {
    /// Name.
    pub(crate) name: String,
    /// Shape: "disc", "grid" or "ring".
    pub(crate) shape: &'static str,
    /// Colour.
    pub(crate) color: Rgb,
    /// When the drones are in place, seconds.
    pub(crate) start_s: f64,
    /// How long it is held, seconds.
    pub(crate) hold_s: f64,
}

/// Parameters of a synthetic show.
#[derive(Clone, Debug)]
pub(crate) struct SyntheticShow {
    /// Number of drones.
    pub(crate) drones: usize,
    /// Spacing in the formations, metres.
    pub(crate) spacing_m: f64,
    /// Centre of every formation (in a plane facing the audience at −X), metres.
    pub(crate) center: Vec3,
    /// The formations, in time order; the first one is reached by climbing from the ground
    /// starting at 5 s, the others by transitions that end at their start.
    pub(crate) formations: Vec<SynthFormation>,
    /// Duration of each transition, seconds.
    pub(crate) transition_s: f64,
    /// Straight lines (true) or rest-to-rest cubic Béziers (false).
    pub(crate) straight: bool,
    /// Cubic pieces per move (a planner's profile has several: speed up, cruise, slow
    /// down, …); 1 = one piece.
    pub(crate) pieces: usize,
}

impl SyntheticShow {
    /// The test show of the preview: `n` drones forming a red disc held 15–25 s and a green
    /// grid held 35–45 s, straight lines, landing 45–55 s.
    pub(crate) fn red_disc_green_grid(n: usize) -> SyntheticShow {
        SyntheticShow {
            drones: n,
            spacing_m: 3.5,
            center: Vec3::new(0.0, 0.0, 60.0),
            formations: vec![
                SynthFormation {
                    name: "red disc".into(),
                    shape: "disc",
                    color: Rgb::new(255, 0, 0),
                    start_s: 15.0,
                    hold_s: 10.0,
                },
                SynthFormation {
                    name: "green grid".into(),
                    shape: "grid",
                    color: Rgb::new(0, 255, 0),
                    start_s: 35.0,
                    hold_s: 10.0,
                },
            ],
            transition_s: 10.0,
            straight: true,
            pieces: 1,
        }
    }

    /// A long show: `k` formations (disc, grid, ring in turn, changing colours), each held
    /// `hold_s` after a transition of `transition_s`, rest-to-rest cubic moves.
    pub(crate) fn long(n: usize, k: usize, hold_s: f64, transition_s: f64) -> SyntheticShow {
        let shapes = ["disc", "grid", "ring"];
        let colors = [
            Rgb::new(255, 40, 40),
            Rgb::new(40, 255, 80),
            Rgb::new(60, 120, 255),
            Rgb::new(255, 200, 40),
            Rgb::new(255, 255, 255),
        ];
        let formations = (0..k)
            .map(|i| SynthFormation {
                name: format!("formation {}", i + 1),
                shape: shapes[i % shapes.len()],
                color: colors[i % colors.len()],
                start_s: 5.0 + 60.0 + i as f64 * (hold_s + transition_s),
                hold_s,
            })
            .collect();
        SyntheticShow {
            drones: n,
            spacing_m: 3.0,
            center: Vec3::new(0.0, 0.0, 90.0),
            formations,
            transition_s,
            straight: false,
            pieces: 4,
        }
    }

    /// Takeoff slot of drone `i`: a square grid 3 m apart centred on the origin.
    pub(crate) fn home(&self, i: usize) -> Vec3 {
        let cols = (self.drones as f64).sqrt().ceil().max(1.0) as usize;
        let (r, c) = (i / cols, i % cols);
        let off = (cols as f64 - 1.0) / 2.0;
        Vec3::new((r as f64 - off) * 3.0, (c as f64 - off) * 3.0, 0.0)
    }

    /// Point `i` of formation `f`, in the plane x = centre.x (facing −X).
    pub(crate) fn point(&self, f: &SynthFormation, i: usize) -> Vec3 {
        let n = self.drones as f64;
        let s = self.spacing_m;
        let (u, v) = match f.shape {
            "disc" => {
                // Sunflower spiral: even density, spacing about `s`.
                let r = s * 0.55 * ((i as f64 + 0.5).sqrt()) * 1.0;
                let a = i as f64 * PI * (3.0 - 5f64.sqrt());
                (r * a.cos(), r * a.sin())
            }
            "ring" => {
                let inner = s * (n / PI).sqrt() * 0.5;
                let turns = (n / 150.0).ceil().max(1.0);
                let per = (n / turns).ceil();
                let k = (i as f64 / per).floor();
                let a = 2.0 * PI * (i as f64 % per) / per;
                let r = inner + k * s;
                (r * a.cos(), r * a.sin())
            }
            _ => {
                let cols = (n * 1.6).sqrt().ceil().max(1.0) as usize;
                let rows = (self.drones.div_ceil(cols)) as f64;
                let (r, c) = (i / cols, i % cols);
                (
                    (c as f64 - (cols as f64 - 1.0) / 2.0) * s,
                    ((rows - 1.0) / 2.0 - r as f64) * s,
                )
            }
        };
        // u to the audience's right (−Y), v up.
        Vec3::new(self.center.x, self.center.y - u, self.center.z + v)
    }

    fn seg(&self, t0: f64, t1: f64, a: Vec3, b: Vec3) -> Segment {
        if self.straight {
            Segment::line(t0, t1, a, b)
        } else {
            Segment::cubic(t0, t1, [a, a, b, b])
        }
    }

    /// A move from `a` to `b`, cut into `pieces` segments.
    fn push_move(&self, tr: &mut Trajectory, t0: f64, t1: f64, a: Vec3, b: Vec3) {
        let whole = self.seg(t0, t1, a, b);
        let k = self.pieces.max(1);
        for i in 0..k {
            let s0 = t0 + (t1 - t0) * i as f64 / k as f64;
            let s1 = if i + 1 == k {
                t1
            } else {
                t0 + (t1 - t0) * (i + 1) as f64 / k as f64
            };
            tr.push(whole.sub(s0, s1));
        }
    }

    /// Time the fleet is back on the ground, seconds.
    pub(crate) fn end_s(&self) -> f64 {
        self.formations
            .last()
            .map_or(20.0, |f| f.start_s + f.hold_s + self.transition_s)
    }

    /// The flyable show.
    pub(crate) fn build(&self) -> FlightShow {
        let mut drones = Vec::with_capacity(self.drones);
        let climb_s = 5.0;
        let t_up = 5.0;
        let landing_start = self
            .formations
            .last()
            .map_or(10.0, |f| f.start_s + f.hold_s);
        for i in 0..self.drones {
            let home = self.home(i);
            let mut tr = Trajectory::new(home);
            tr.hold_until(t_up);
            let up = Vec3::new(home.x, home.y, 10.0);
            self.push_move(&mut tr, t_up, t_up + climb_s, home, up);
            let mut at = up;
            let mut lights = Vec::new();
            let mut prev_color = Rgb::BLACK;
            for (k, f) in self.formations.iter().enumerate() {
                let p = self.point(f, i);
                let depart = if k == 0 {
                    t_up + climb_s
                } else {
                    f.start_s - self.transition_s
                };
                tr.hold_until(depart);
                self.push_move(&mut tr, depart, f.start_s, at, p);
                at = p;
                tr.hold_until(f.start_s + f.hold_s);
                // Colour: fade from the previous colour during the second half of the move.
                let fade0 = (depart + f.start_s) / 2.0;
                lights.push(LightStep {
                    t0: fade0,
                    t1: f.start_s,
                    from: prev_color,
                    to: f.color,
                });
                lights.push(LightStep {
                    t0: f.start_s,
                    t1: f.start_s + f.hold_s,
                    from: f.color,
                    to: f.color,
                });
                prev_color = f.color;
            }
            let land_s = self.transition_s;
            let above = Vec3::new(home.x, home.y, 10.0);
            tr.hold_until(landing_start);
            tr.push(self.seg(landing_start, landing_start + land_s * 0.6, at, above));
            tr.push(self.seg(
                landing_start + land_s * 0.6,
                landing_start + land_s,
                above,
                home,
            ));
            lights.push(LightStep {
                t0: landing_start,
                t1: landing_start + land_s * 0.6,
                from: prev_color,
                to: Rgb::BLACK,
            });
            drones.push(Drone {
                name: format!("Drone {}", i + 1),
                home,
                trajectory: tr,
                lights: LightProgram {
                    steps: lights,
                    bytecode: Vec::new(),
                },
            });
        }
        let mut phases = vec![Phase {
            kind: PhaseKind::Takeoff,
            source: "takeoff".into(),
            start_s: 0.0,
            end_s: t_up + climb_s,
        }];
        let mut cues = vec![Cue {
            name: "Chapter 1".into(),
            time_s: 0.0,
        }];
        for (k, f) in self.formations.iter().enumerate() {
            if k > 0 {
                let prev = &self.formations[k - 1];
                phases.push(Phase {
                    kind: PhaseKind::Transition,
                    source: format!("transition \"{}\" → \"{}\"", prev.name, f.name),
                    start_s: f.start_s - self.transition_s,
                    end_s: f.start_s,
                });
            }
            phases.push(Phase {
                kind: PhaseKind::Formation,
                source: format!("formation \"{}\"", f.name),
                start_s: f.start_s,
                end_s: f.start_s + f.hold_s,
            });
            cues.push(Cue {
                name: f.name.clone(),
                time_s: f.start_s,
            });
        }
        phases.push(Phase {
            kind: PhaseKind::Landing,
            source: "landing".into(),
            start_s: landing_start,
            end_s: landing_start + self.transition_s,
        });
        FlightShow {
            title: format!("Synthetic show, {} drones", self.drones),
            drones,
            phases,
            cues,
            limits: Some(Limits::DEFAULT),
            geofence: None,
        }
    }
}
