//! `ShowBuffer`: the show packed into one compact binary buffer for the preview page.
//!
//! The page evaluates the trajectories itself (cubic Béziers in time) instead of receiving
//! sampled positions: a 16,000-drone, 15-minute show sampled at 10 Hz would be close to a
//! gigabyte, while its segments are a few tens of megabytes.
//!
//! Layout: little-endian sections, each starting on a 4-byte boundary, described by
//! [`ShowBuffer::sections`] (name, element type, byte offset, element count):
//! - `t0` (f32 × drones): start time of each drone's first segment, seconds;
//! - `seg_off` (u32 × drones+1): each drone's range in the segment arrays;
//! - `seg_t1` (f32 × segments): end time of each segment, seconds (a segment starts when
//!   the previous one of the same drone ends, the first at `t0`);
//! - `seg_kind` (u8 × segments): 0 = hold (no new point), 1 = straight line at constant
//!   speed (one new point: the end), 2 = cubic Bézier (three new points: `p1`, `p2`, `p3`);
//! - `pts` (u16 × 3 × points): each drone's start point, then the new points of its segments
//!   in order; metres = `origin + q × step` per axis;
//! - `light_off` (u32 × drones+1), `l_t0`, `l_t1` (f32 × steps), `l_from`, `l_to`
//!   (u8 × 3 × steps): the light programs (`LightStep`s);
//! - `homes` (u16 × 3 × drones): takeoff positions, quantised like `pts`.
//!
//! Gaps and jumps in foreign trajectories become holds and zero-length lines; unusable
//! segments (non-finite, going back in time) are dropped.

use skyshow_model::{FlightShow, LightProgram, Segment, Trajectory, Vec3};

use crate::scene::{Bounds, clamp_point};

/// Finest quantisation step, metres.
const MIN_STEP_M: f64 = 0.01;
/// Largest quantised value used (a little headroom below `u16::MAX`).
const Q_MAX: f64 = 65_000.0;

/// Element type of a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Elem {
    /// `u8`.
    U8,
    /// `u16`.
    U16,
    /// `u32`.
    U32,
    /// `f32`.
    F32,
}

impl Elem {
    /// Name used on the page.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Elem::U8 => "u8",
            Elem::U16 => "u16",
            Elem::U32 => "u32",
            Elem::F32 => "f32",
        }
    }
}

/// One section of the buffer.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Section {
    /// Name.
    pub(crate) name: &'static str,
    /// Element type.
    pub(crate) elem: Elem,
    /// Byte offset.
    pub(crate) offset: usize,
    /// Number of elements.
    pub(crate) count: usize,
}

/// Quantisation of positions to `u16` per axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Quant {
    /// Position of `q = 0`, metres.
    pub(crate) origin: Vec3,
    /// Metres per unit.
    pub(crate) step: f64,
}

impl Quant {
    /// A quantisation covering `b`.
    pub(crate) fn covering(b: &Bounds) -> Quant {
        let ext = (b.hi - b.lo).to_array().into_iter().fold(0.0, f64::max);
        Quant {
            origin: b.lo,
            step: (ext / Q_MAX).max(MIN_STEP_M),
        }
    }

    /// Quantised point (clamped into range; non-finite values go to the origin).
    pub(crate) fn q(&self, p: Vec3) -> [u16; 3] {
        let p = if p.is_finite() {
            clamp_point(p)
        } else {
            self.origin
        };
        let f = |v: f64, o: f64| ((v - o) / self.step).round().clamp(0.0, 65_535.0) as u16;
        [
            f(p.x, self.origin.x),
            f(p.y, self.origin.y),
            f(p.z, self.origin.z),
        ]
    }

    /// The point a quantised value stands for.
    #[cfg(test)]
    pub(crate) fn dq(&self, q: [u16; 3]) -> Vec3 {
        Vec3::new(
            self.origin.x + q[0] as f64 * self.step,
            self.origin.y + q[1] as f64 * self.step,
            self.origin.z + q[2] as f64 * self.step,
        )
    }
}

/// The encoded show.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ShowBuffer {
    /// The bytes.
    pub(crate) bytes: Vec<u8>,
    /// Where each section is.
    pub(crate) sections: Vec<Section>,
    /// How positions are quantised.
    pub(crate) quant: Quant,
    /// Total segments, points and light steps (for the page's statistics).
    pub(crate) counts: (usize, usize, usize),
}

/// Per-drone encoded trajectory.
#[derive(Default)]
struct Encoded {
    t0: f32,
    t1: Vec<f32>,
    kind: Vec<u8>,
    pts: Vec<[u16; 3]>,
}

/// True if every number of the segment is usable.
fn usable(s: &Segment) -> bool {
    s.t0.is_finite() && s.t1.is_finite() && s.t1 >= s.t0 && s.p.iter().all(|p| p.is_finite())
}

fn encode_trajectory(tr: &Trajectory, quant: &Quant) -> Encoded {
    let mut segs = tr.segments.iter().filter(|s| usable(s));
    let mut e = Encoded::default();
    let Some(first) = segs.next() else {
        let start = if tr.start.is_finite() {
            tr.start
        } else {
            Vec3::ZERO
        };
        e.pts.push(quant.q(start));
        return e;
    };
    e.t0 = first.t0 as f32;
    e.pts.push(quant.q(first.p[0]));
    let mut cur_t = first.t0;
    let mut cur_q = quant.q(first.p[0]);
    let half = quant.step / 2.0;
    for s in std::iter::once(first).chain(segs) {
        if s.t1 < cur_t {
            continue;
        }
        if s.t0 > cur_t + 1e-6 {
            e.t1.push(s.t0 as f32);
            e.kind.push(0);
            cur_t = s.t0;
        }
        let q0 = quant.q(s.p[0]);
        if q0 != cur_q {
            e.t1.push(cur_t as f32);
            e.kind.push(1);
            e.pts.push(q0);
        }
        let q3 = quant.q(s.p[3]);
        let is_line = s.p[1].dist(s.p[0].lerp(s.p[3], 1.0 / 3.0)) <= half
            && s.p[2].dist(s.p[0].lerp(s.p[3], 2.0 / 3.0)) <= half;
        e.t1.push(s.t1 as f32);
        if is_line && q3 == q0 {
            e.kind.push(0);
        } else if is_line {
            e.kind.push(1);
            e.pts.push(q3);
        } else {
            e.kind.push(2);
            e.pts.extend([quant.q(s.p[1]), quant.q(s.p[2]), q3]);
        }
        cur_t = s.t1;
        cur_q = q3;
    }
    e
}

/// The usable light steps of a program: finite, `t1 ≥ t0`.
fn light_steps(lp: &LightProgram) -> impl Iterator<Item = &skyshow_model::LightStep> {
    lp.steps
        .iter()
        .filter(|s| s.t0.is_finite() && s.t1.is_finite() && s.t1 >= s.t0)
}

/// Appends sections, keeping every section aligned to 4 bytes.
struct Writer {
    bytes: Vec<u8>,
    sections: Vec<Section>,
}

impl Writer {
    fn section(&mut self, name: &'static str, elem: Elem, count: usize, data: &[u8]) {
        while !self.bytes.len().is_multiple_of(4) {
            self.bytes.push(0);
        }
        self.sections.push(Section {
            name,
            elem,
            offset: self.bytes.len(),
            count,
        });
        self.bytes.extend_from_slice(data);
    }
}

impl ShowBuffer {
    /// Encodes a show; `bounds` must contain every control point and home (see `Scene`).
    pub(crate) fn encode(show: &FlightShow, bounds: &Bounds) -> ShowBuffer {
        let quant = Quant::covering(bounds);
        let enc: Vec<Encoded> = show
            .drones
            .iter()
            .map(|d| encode_trajectory(&d.trajectory, &quant))
            .collect();
        let n = enc.len();
        let mut t0 = Vec::with_capacity(n * 4);
        let mut seg_off = Vec::with_capacity((n + 1) * 4);
        let mut seg_t1 = Vec::new();
        let mut seg_kind = Vec::new();
        let mut pts = Vec::new();
        let mut total = 0u32;
        let mut total_pts = 0usize;
        for e in &enc {
            t0.extend(e.t0.to_le_bytes());
            seg_off.extend(total.to_le_bytes());
            total = total.saturating_add(e.t1.len() as u32);
            for t in &e.t1 {
                seg_t1.extend(t.to_le_bytes());
            }
            seg_kind.extend_from_slice(&e.kind);
            for p in &e.pts {
                for c in p {
                    pts.extend(c.to_le_bytes());
                }
            }
            total_pts += e.pts.len();
        }
        seg_off.extend(total.to_le_bytes());

        let mut light_off = Vec::with_capacity((n + 1) * 4);
        let (mut l_t0, mut l_t1, mut l_from, mut l_to) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut steps = 0u32;
        for d in &show.drones {
            light_off.extend(steps.to_le_bytes());
            for s in light_steps(&d.lights) {
                l_t0.extend((s.t0 as f32).to_le_bytes());
                l_t1.extend((s.t1 as f32).to_le_bytes());
                l_from.extend([s.from.r, s.from.g, s.from.b]);
                l_to.extend([s.to.r, s.to.g, s.to.b]);
                steps = steps.saturating_add(1);
            }
        }
        light_off.extend(steps.to_le_bytes());

        let mut homes = Vec::with_capacity(n * 6);
        for d in &show.drones {
            let h = if d.home.is_finite() {
                d.home
            } else {
                Vec3::ZERO
            };
            for c in quant.q(h) {
                homes.extend(c.to_le_bytes());
            }
        }

        let segs = total as usize;
        let nl = steps as usize;
        let mut w = Writer {
            bytes: Vec::new(),
            sections: Vec::new(),
        };
        w.section("t0", Elem::F32, n, &t0);
        w.section("seg_off", Elem::U32, n + 1, &seg_off);
        w.section("seg_t1", Elem::F32, segs, &seg_t1);
        w.section("seg_kind", Elem::U8, segs, &seg_kind);
        w.section("pts", Elem::U16, total_pts * 3, &pts);
        w.section("light_off", Elem::U32, n + 1, &light_off);
        w.section("l_t0", Elem::F32, nl, &l_t0);
        w.section("l_t1", Elem::F32, nl, &l_t1);
        w.section("l_from", Elem::U8, nl * 3, &l_from);
        w.section("l_to", Elem::U8, nl * 3, &l_to);
        w.section("homes", Elem::U16, n * 3, &homes);
        ShowBuffer {
            bytes: w.bytes,
            sections: w.sections,
            quant,
            counts: (segs, total_pts, nl),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use skyshow_model::{Drone, LightStep, Rgb};

    fn section<'a>(b: &'a ShowBuffer, name: &str) -> (&'a [u8], usize) {
        let s = b.sections.iter().find(|s| s.name == name).unwrap();
        let size = match s.elem {
            Elem::U8 => 1,
            Elem::U16 => 2,
            Elem::U32 | Elem::F32 => 4,
        };
        assert_eq!(s.offset % 4, 0, "{name} is aligned");
        (&b.bytes[s.offset..s.offset + s.count * size], s.count)
    }
    fn f32s(b: &ShowBuffer, name: &str) -> Vec<f32> {
        section(b, name)
            .0
            .chunks(4)
            .map(|c| f32::from_le_bytes(c.try_into().unwrap()))
            .collect()
    }
    fn u32s(b: &ShowBuffer, name: &str) -> Vec<u32> {
        section(b, name)
            .0
            .chunks(4)
            .map(|c| u32::from_le_bytes(c.try_into().unwrap()))
            .collect()
    }
    fn u16s(b: &ShowBuffer, name: &str) -> Vec<u16> {
        section(b, name)
            .0
            .chunks(2)
            .map(|c| u16::from_le_bytes(c.try_into().unwrap()))
            .collect()
    }

    /// The page's evaluation, in Rust: position of drone `i` at `t`.
    fn decode_position(b: &ShowBuffer, i: usize, t: f64) -> Vec3 {
        let (t0, off, t1) = (f32s(b, "t0"), u32s(b, "seg_off"), f32s(b, "seg_t1"));
        let kind = section(b, "seg_kind").0;
        let pts = u16s(b, "pts");
        let pt = |k: usize| b.quant.dq([pts[3 * k], pts[3 * k + 1], pts[3 * k + 2]]);
        // Point index of each drone's start.
        let mut p = 0usize;
        for d in 0..i {
            p += 1;
            for s in off[d] as usize..off[d + 1] as usize {
                p += [0, 1, 3][kind[s] as usize];
            }
        }
        let (s0, s1) = (off[i] as usize, off[i + 1] as usize);
        let mut cur = p;
        let mut next = p + 1;
        let mut ts = t0[i] as f64;
        if s0 == s1 || t <= ts {
            return pt(p);
        }
        for s in s0..s1 {
            let te = t1[s] as f64;
            let k = kind[s];
            if t <= te || s + 1 == s1 {
                let u = if te > ts {
                    ((t - ts) / (te - ts)).clamp(0.0, 1.0)
                } else {
                    1.0
                };
                return match k {
                    0 => pt(cur),
                    1 => pt(cur).lerp(pt(next), u),
                    _ => Segment::cubic(0.0, 1.0, [pt(cur), pt(next), pt(next + 1), pt(next + 2)])
                        .eval_u(u),
                };
            }
            match k {
                1 => {
                    cur = next;
                    next += 1;
                }
                2 => {
                    cur = next + 2;
                    next += 3;
                }
                _ => {}
            }
            ts = te;
        }
        pt(cur)
    }

    #[test]
    fn round_trips_lines_curves_holds_gaps_and_garbage() {
        let a = Vec3::new(0.0, 0.0, 0.0);
        let b = Vec3::new(10.0, -20.0, 50.0);
        let c = Vec3::new(-30.0, 5.0, 80.0);
        let mut t1 = Trajectory::new(a);
        t1.hold_until(5.0);
        t1.push(Segment::line(5.0, 15.0, a, b));
        t1.push(Segment::cubic(
            15.0,
            25.0,
            [b, b + Vec3::new(0.0, 30.0, 0.0), c, c],
        ));
        t1.hold_until(30.0);
        // A foreign trajectory: a gap, a jump, a segment back in time, a NaN.
        let t2 = Trajectory {
            start: a,
            segments: vec![
                Segment::line(2.0, 4.0, a, b),
                Segment::line(6.0, 8.0, c, a),
                Segment::line(1.0, 3.0, a, a),
                Segment::line(9.0, 10.0, a, Vec3::new(f64::NAN, 0.0, 0.0)),
            ],
        };
        let t3 = Trajectory::new(Vec3::new(3.0, 3.0, 0.0));
        let show = FlightShow {
            drones: [t1, t2, t3]
                .into_iter()
                .map(|trajectory| Drone {
                    trajectory,
                    ..Drone::default()
                })
                .collect(),
            ..FlightShow::default()
        };
        let bounds = crate::scene::Scene::new(&show, &crate::Ground::DEFAULT).all;
        let buf = ShowBuffer::encode(&show, &bounds);
        let tol = buf.quant.step + 1e-3;
        for i in 0..3 {
            for k in 0..=700 {
                let t = k as f64 * 0.05 - 1.0;
                let want = show.drones[i].trajectory.position(t);
                if !want.is_finite() || (i == 1 && (4.0..=6.0).contains(&t)) {
                    continue;
                }
                let got = decode_position(&buf, i, t);
                assert!(
                    got.dist(want) <= tol,
                    "drone {i} at {t}: {got:?} vs {want:?}"
                );
            }
        }
        // The jump: between 4 and 6 the foreign drone waits at b, then is at c.
        assert!(decode_position(&buf, 1, 5.0).dist(b) <= tol);
        let want = c.lerp(a, 0.0005);
        let got = decode_position(&buf, 1, 6.001);
        assert!(
            want.dist(c) < 0.1 && got.dist(want) <= tol,
            "{want:?} {got:?} {c:?}"
        );
    }

    #[test]
    fn light_steps_are_stored_in_order() {
        let red = Rgb::new(255, 0, 0);
        let d = Drone {
            lights: skyshow_model::LightProgram {
                steps: vec![
                    LightStep {
                        t0: 1.0,
                        t1: 2.0,
                        from: Rgb::BLACK,
                        to: red,
                    },
                    LightStep {
                        t0: f64::NAN,
                        t1: 3.0,
                        from: red,
                        to: red,
                    },
                    LightStep {
                        t0: 2.0,
                        t1: 4.0,
                        from: red,
                        to: Rgb::WHITE,
                    },
                ],
                bytecode: Vec::new(),
            },
            ..Drone::default()
        };
        let show = FlightShow {
            drones: vec![d],
            ..FlightShow::default()
        };
        let bounds = crate::scene::Scene::new(&show, &crate::Ground::DEFAULT).all;
        let buf = ShowBuffer::encode(&show, &bounds);
        assert_eq!(u32s(&buf, "light_off"), vec![0, 2]);
        assert_eq!(f32s(&buf, "l_t0"), vec![1.0, 2.0]);
        assert_eq!(section(&buf, "l_to").0, &[255, 0, 0, 255, 255, 255]);
        assert_eq!(buf.counts, (0, 1, 2));
    }
}
