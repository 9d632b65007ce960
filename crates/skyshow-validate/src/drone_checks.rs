//! `DroneReport`: everything checked on one drone alone — exact speed, acceleration and
//! altitude maxima per segment, velocity steps at joints, sideways motion below the minimum
//! navigation altitude, flight time and the `.skyb` size estimate.

use skyshow_model::{Limits, Segment, Vec3};

use crate::bezier::{self, cubic1_range, quad1_range, quad2_max_norm, split_quad2, split1};
use crate::grouping::{IntervalGrouper, Stretch};
use crate::options::{sampled_rounding_accel_m_s2, velocity_step_max_m_s};
use crate::prepared::PreparedDrone;
use crate::skyb_size;
use crate::{ValidateOptions, Violation, ViolationKind};

/// Speed accuracy of the branch-and-bound maxima, m/s.
const SPEED_TOL: f64 = 1e-9;
/// Velocity changes smaller than this are rounding, not motion, m/s.
const MIN_JUMP_M_S: f64 = 0.01;
/// Velocity steps at keyframe joints smaller than this are not listed, m/s: a drone at
/// Skybrush's acceleration limit follows them within `Δv² / 2a` ≈ 1 mm.
pub(crate) const MIN_STEP_M_S: f64 = 0.1;
/// Horizontal speed below the minimum navigation altitude that counts as sideways motion, m/s.
pub(crate) const SIDEWAYS_M_S: f64 = 0.01;

/// True if `v` breaks `limit` by more than rounding noise (relative 1e-9).
pub(crate) fn exceeds(v: f64, limit: f64) -> bool {
    v > limit + 1e-9 * limit.abs().max(1.0)
}

/// Per-segment extremes reused by the plotting series.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct SegExtremes {
    /// Largest horizontal speed, m/s.
    pub(crate) vxy: f64,
    /// Largest vertical speed either way, m/s.
    pub(crate) vz: f64,
    /// Highest altitude, metres.
    pub(crate) zmax: f64,
}

/// Exact extremes of one segment with the times they occur.
struct SegStats {
    vxy: (f64, f64),
    vup: (f64, f64),
    vdown: (f64, f64),
    acc: (f64, f64),
    zmax: (f64, f64),
    zmin: f64,
}

fn xy(v: Vec3) -> [f64; 2] {
    [v.x, v.y]
}

/// Exact extremes of a segment (or piece), from its velocity and position curves.
pub(crate) fn seg_extremes(s: &Segment) -> SegExtremes {
    let st = seg_stats(s);
    SegExtremes {
        vxy: st.vxy.0,
        vz: st.vup.0.max(st.vdown.0),
        zmax: st.zmax.0,
    }
}

fn seg_stats(s: &Segment) -> SegStats {
    let h = s.t1 - s.t0;
    let at = |u: f64| s.t0 + u * h;
    let z = [s.p[0].z, s.p[1].z, s.p[2].z, s.p[3].z];
    if bezier::is_hold(s) {
        return SegStats {
            vxy: (0.0, s.t0),
            vup: (0.0, s.t0),
            vdown: (0.0, s.t0),
            acc: (0.0, s.t0),
            zmax: (z[0], s.t0),
            zmin: z[0],
        };
    }
    let vq = s.velocity_control_points();
    let (vxy, uxy) = quad2_max_norm([xy(vq[0]), xy(vq[1]), xy(vq[2])], SPEED_TOL);
    let ((vzmin, uzmin), (vzmax, uzmax)) = quad1_range([vq[0].z, vq[1].z, vq[2].z]);
    let [a0, a1] = s.acceleration_ends();
    let acc = if a1.norm() > a0.norm() {
        (a1.norm(), s.t1)
    } else {
        (a0.norm(), s.t0)
    };
    let ((zmin, _), (zmax, uzm)) = cubic1_range(&z);
    SegStats {
        vxy: (vxy, at(uxy)),
        vup: (vzmax.max(0.0), at(uzmax)),
        vdown: ((-vzmin).max(0.0), at(uzmin)),
        acc,
        zmax: (zmax, at(uzm)),
        zmin,
    }
}

/// Largest horizontal speed of a segment at moments when it is below altitude `h`, if above
/// [`SIDEWAYS_M_S`]: `(speed, u)`. Branch and bound on the position and velocity curves
/// subdivided together.
fn sideways_max(s: &Segment, h: f64) -> Option<(f64, f64)> {
    let vq = s.velocity_control_points();
    let z = [s.p[0].z, s.p[1].z, s.p[2].z, s.p[3].z];
    let q = [xy(vq[0]), xy(vq[1]), xy(vq[2])];
    let n = |a: [f64; 2]| (a[0] * a[0] + a[1] * a[1]).sqrt();
    let mut best: Option<(f64, f64)> = None;
    let mut stack = vec![(z, q, 0.0f64, 1.0f64, 0u32)];
    while let Some((z, q, u0, u1, depth)) = stack.pop() {
        let zlo = z.iter().copied().fold(f64::INFINITY, f64::min);
        let zhi = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if !(zlo < h) {
            continue; // surely at or above h
        }
        let floor = best.map_or(SIDEWAYS_M_S, |b| b.0.max(SIDEWAYS_M_S));
        let ub = n(q[0]).max(n(q[1])).max(n(q[2]));
        if !(ub > floor + SPEED_TOL) {
            continue;
        }
        for (zz, v, u) in [(z[0], n(q[0]), u0), (z[3], n(q[2]), u1)] {
            if zz < h && v > floor && best.is_none_or(|b| v > b.0) {
                best = Some((v, u));
            }
        }
        let floor = best.map_or(SIDEWAYS_M_S, |b| b.0.max(SIDEWAYS_M_S));
        if (zhi < h && ub - floor <= SPEED_TOL) || depth >= 48 {
            continue;
        }
        let (zl, zr) = split1(&z, 0.5);
        let (ql, qr) = split_quad2(&q, 0.5);
        let um = 0.5 * (u0 + u1);
        stack.push((zr, qr, um, u1, depth + 1));
        stack.push((zl, ql, u0, um, depth + 1));
    }
    best.filter(|b| b.0 > SIDEWAYS_M_S)
}

/// First (or, with `last`, final) parameter in `[0, 1]` where a scalar cubic is above `h`.
fn crossing(z: [f64; 4], h: f64, last: bool) -> Option<f64> {
    let mut stack = vec![(z, 0.0f64, 1.0f64, 0u32)];
    while let Some((z, u0, u1, depth)) = stack.pop() {
        let zhi = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if !(zhi > h) {
            continue;
        }
        let (near, un) = if last { (z[3], u1) } else { (z[0], u0) };
        if near > h {
            return Some(un);
        }
        if depth >= 52 {
            if cubic1_range(&z).1.0 > h {
                return Some(0.5 * (u0 + u1));
            }
            continue;
        }
        let (l, r) = split1(&z, 0.5);
        let um = 0.5 * (u0 + u1);
        if last {
            stack.push((l, u0, um, depth + 1));
            stack.push((r, um, u1, depth + 1));
        } else {
            stack.push((r, um, u1, depth + 1));
            stack.push((l, u0, um, depth + 1));
        }
    }
    None
}

/// Judges the velocity discontinuities at a drone's segment joints: accelerations in a
/// sampled show, velocity steps in a keyframed one (see `ValidateOptions::sampled_rate_hz`).
struct Joints {
    rate_hz: Option<f64>,
    accel_limit: f64,
    /// What the samples' rounding may add to a measured acceleration, m/s².
    rounding_accel: f64,
    /// Largest step that is only a warning, m/s.
    step_max: f64,
    max_acc: f64,
    max_step: f64,
    /// Velocity steps `(time, |Δv|)`, keyframed shows only.
    steps: Vec<(f64, f64)>,
}

impl Joints {
    fn new(opts: &ValidateOptions, limits: &Limits) -> Joints {
        Joints {
            rate_hz: opts.sampled_rate_hz,
            accel_limit: limits.max_accel_m_s2,
            rounding_accel: sampled_rounding_accel_m_s2(opts),
            step_max: velocity_step_max_m_s(opts, limits),
            max_acc: 0.0,
            max_step: 0.0,
            steps: Vec::new(),
        }
    }

    /// The velocity changes by `dv` at time `t`.
    fn judge(&mut self, t: f64, dv: Vec3, g_acc: &mut IntervalGrouper) {
        let n = dv.norm();
        if !(n >= MIN_JUMP_M_S) {
            return;
        }
        match self.rate_hz {
            Some(rate) => {
                let a = n * rate;
                self.max_acc = self.max_acc.max(a);
                if exceeds(a, self.accel_limit + self.rounding_accel) {
                    g_acc.add(Stretch {
                        t0: t,
                        t1: t,
                        value: a,
                        at: t,
                    });
                }
            }
            None => {
                self.max_step = self.max_step.max(n);
                if n >= MIN_STEP_M_S {
                    self.steps.push((t, n));
                }
            }
        }
    }
}

/// Everything found on one drone.
pub(crate) struct DroneReport {
    /// Flight time, seconds.
    pub(crate) flight_time_s: f64,
    pub(crate) max_vxy: f64,
    pub(crate) max_vup: f64,
    pub(crate) max_vdown: f64,
    pub(crate) max_acc: f64,
    pub(crate) max_alt: f64,
    /// Largest velocity step at a joint, m/s.
    pub(crate) max_vstep: f64,
    /// Violations of this drone alone (source not filled in yet).
    pub(crate) violations: Vec<Violation>,
    /// Velocity steps within the warning threshold (source not filled in yet).
    pub(crate) warnings: Vec<Violation>,
    /// Per-segment extremes, for the series.
    pub(crate) extremes: Vec<SegExtremes>,
}

fn violation(kind: ViolationKind, i: usize, s: Stretch, limit: f64) -> Violation {
    Violation {
        kind,
        time_s: s.at,
        drones: vec![i],
        value: s.value,
        limit,
        source: String::new(),
    }
}

/// One drone's stretches over each limit, grouped into intervals.
#[derive(Default)]
struct Over {
    vxy: IntervalGrouper,
    vup: IntervalGrouper,
    vdown: IntervalGrouper,
    acc: IntervalGrouper,
    alt: IntervalGrouper,
    side: IntervalGrouper,
}

impl DroneReport {
    /// Checks drone `i`. `span` is the show's time span, `bytecode_len` the size of its
    /// light program.
    pub(crate) fn check(
        i: usize,
        d: &PreparedDrone<'_>,
        bytecode_len: usize,
        limits: &Limits,
        opts: &ValidateOptions,
        span: (f64, f64),
    ) -> DroneReport {
        let segs = &d.segs[..];
        let mut rep = DroneReport {
            flight_time_s: 0.0,
            max_vxy: 0.0,
            max_vup: 0.0,
            max_vdown: 0.0,
            max_acc: 0.0,
            max_alt: if d.present {
                d.first.z.max(d.last.z)
            } else {
                0.0
            },
            max_vstep: 0.0,
            violations: Vec::new(),
            warnings: Vec::new(),
            extremes: Vec::with_capacity(segs.len()),
        };
        if !d.present {
            return rep;
        }
        let mut over = Over::default();
        let mut joints = Joints::new(opts, limits);
        let mut prev_v = Vec3::ZERO;
        for s in segs {
            let vq = if bezier::is_hold(s) {
                [Vec3::ZERO; 3]
            } else {
                s.velocity_control_points()
            };
            joints.judge(s.t0, vq[0] - prev_v, &mut over.acc);
            prev_v = vq[2];
            rep.segment(s, limits, &mut over);
        }
        if let Some(l) = segs.last() {
            joints.judge(l.t1, -prev_v, &mut over.acc);
        } else if exceeds(d.first.z, limits.max_altitude_m) {
            over.alt.add(Stretch {
                t0: span.0,
                t1: span.1,
                value: d.first.z,
                at: span.0,
            });
        }
        rep.push_over(i, over, limits);
        rep.push_steps(i, joints);
        rep.flight_time(i, d, opts.ground_eps_m, limits, span);
        rep.push_sizes(i, segs, bytecode_len, span);
        rep
    }

    /// Takes in one segment: its exact extremes into the drone's maxima and the plotting
    /// series, its stretches over each limit into `over`.
    fn segment(&mut self, s: &Segment, limits: &Limits, over: &mut Over) {
        let st = seg_stats(s);
        let stretch = |v: (f64, f64)| Stretch {
            t0: s.t0,
            t1: s.t1,
            value: v.0,
            at: v.1,
        };
        self.max_vxy = self.max_vxy.max(st.vxy.0);
        self.max_vup = self.max_vup.max(st.vup.0);
        self.max_vdown = self.max_vdown.max(st.vdown.0);
        self.max_acc = self.max_acc.max(st.acc.0);
        self.max_alt = self.max_alt.max(st.zmax.0);
        if exceeds(st.vxy.0, limits.max_speed_xy_m_s) {
            over.vxy.add(stretch(st.vxy));
        }
        if exceeds(st.vup.0, limits.max_speed_up_m_s) {
            over.vup.add(stretch(st.vup));
        }
        if exceeds(st.vdown.0, limits.max_speed_down_m_s) {
            over.vdown.add(stretch(st.vdown));
        }
        if exceeds(st.acc.0, limits.max_accel_m_s2) {
            over.acc.add(stretch(st.acc));
        }
        if exceeds(st.zmax.0, limits.max_altitude_m) {
            over.alt.add(stretch(st.zmax));
        }
        if st.zmin < limits.min_nav_altitude_m
            && st.vxy.0 > SIDEWAYS_M_S
            && let Some((v, u)) = sideways_max(s, limits.min_nav_altitude_m)
        {
            over.side.add(stretch((v, s.t0 + u * (s.t1 - s.t0))));
        }
        self.extremes.push(SegExtremes {
            vxy: st.vxy.0,
            vz: st.vup.0.max(st.vdown.0),
            zmax: st.zmax.0,
        });
    }

    /// One violation per grouped interval over a limit, kind after kind.
    fn push_over(&mut self, i: usize, over: Over, limits: &Limits) {
        let groups = [
            (ViolationKind::SpeedXy, over.vxy, limits.max_speed_xy_m_s),
            (ViolationKind::SpeedUp, over.vup, limits.max_speed_up_m_s),
            (
                ViolationKind::SpeedDown,
                over.vdown,
                limits.max_speed_down_m_s,
            ),
            (ViolationKind::Acceleration, over.acc, limits.max_accel_m_s2),
            (ViolationKind::Altitude, over.alt, limits.max_altitude_m),
            (
                ViolationKind::SidewaysBelowMinNavAltitude,
                over.side,
                SIDEWAYS_M_S,
            ),
        ];
        for (kind, g, limit) in groups {
            for s in g.finish() {
                self.violations.push(violation(kind, i, s, limit));
            }
        }
    }

    /// The joints' largest acceleration and velocity step, and each listed step: a
    /// violation past the step limit, a warning within it.
    fn push_steps(&mut self, i: usize, joints: Joints) {
        self.max_acc = self.max_acc.max(joints.max_acc);
        self.max_vstep = joints.max_step;
        for (t, step) in joints.steps {
            let v = Violation {
                kind: ViolationKind::VelocityStep,
                time_s: t,
                drones: vec![i],
                value: step,
                limit: joints.step_max,
                source: String::new(),
            };
            if exceeds(step, joints.step_max) {
                self.violations.push(v);
            } else {
                self.warnings.push(v);
            }
        }
    }

    /// Flight time: first to last moment above the ground threshold `eps` (metres); longer
    /// than the battery is a violation.
    fn flight_time(
        &mut self,
        i: usize,
        d: &PreparedDrone<'_>,
        eps: f64,
        limits: &Limits,
        span: (f64, f64),
    ) {
        let segs = &d.segs[..];
        let zs = |s: &Segment| [s.p[0].z, s.p[1].z, s.p[2].z, s.p[3].z];
        let takeoff = if d.first.z > eps {
            Some(span.0)
        } else {
            segs.iter()
                .find_map(|s| crossing(zs(s), eps, false).map(|u| s.t0 + u * (s.t1 - s.t0)))
        };
        let landing = if d.last.z > eps {
            Some(span.1)
        } else {
            segs.iter()
                .rev()
                .find_map(|s| crossing(zs(s), eps, true).map(|u| s.t0 + u * (s.t1 - s.t0)))
        };
        if let (Some(a), Some(b)) = (takeoff, landing) {
            self.flight_time_s = (b - a).max(0.0);
            if exceeds(self.flight_time_s, limits.battery_s) {
                self.violations.push(Violation {
                    kind: ViolationKind::FlightTime,
                    time_s: a + limits.battery_s,
                    drones: vec![i],
                    value: self.flight_time_s,
                    limit: limits.battery_s,
                    source: String::new(),
                });
            }
        }
    }

    /// The trajectory and the light program each past the `.skyb` block limit.
    fn push_sizes(&mut self, i: usize, segs: &[Segment], bytecode_len: usize, span: (f64, f64)) {
        let size = skyb_size::trajectory_bytes(segs);
        if size >= skyb_size::SKYB_BLOCK_LIMIT {
            self.violations.push(Violation {
                kind: ViolationKind::TrajectoryTooLarge,
                time_s: span.0,
                drones: vec![i],
                value: size as f64,
                limit: skyb_size::SKYB_BLOCK_LIMIT as f64,
                source: String::new(),
            });
        }
        if bytecode_len >= skyb_size::SKYB_BLOCK_LIMIT {
            self.violations.push(Violation {
                kind: ViolationKind::LightProgramTooLarge,
                time_s: span.0,
                drones: vec![i],
                value: bytecode_len as f64,
                limit: skyb_size::SKYB_BLOCK_LIMIT as f64,
                source: String::new(),
            });
        }
    }
}
