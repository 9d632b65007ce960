//! Per-drone CSV in Skybrush Studio's import format, zipped: one `Drone N.csv` per drone with
//! `Time_msec,x_m,y_m,z_m,Red,Green,Blue` rows.

use std::io::{self, Cursor, Seek, Write};

use skyshow_model::{ColorWalk, Drone, FlightShow, PositionWalk, Rgb, Vec3};

use crate::fixed::{Row, push_fixed3, push_i64, push_u64};
use crate::zipper::write_zip_par;

/// CSV export options.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CsvOptions {
    /// Samples per second. Default 4 (Skybrush Studio's default).
    pub fps: f64,
}

impl CsvOptions {
    /// The defaults.
    pub const DEFAULT: CsvOptions = CsvOptions { fps: 4.0 };
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions::DEFAULT
    }
}

/// A zip of one CSV per drone, in memory.
pub fn write_drone_csv_zip(show: &FlightShow, opts: &CsvOptions) -> Vec<u8> {
    // Writing into memory cannot fail.
    write_drone_csv_zip_to(Cursor::new(Vec::new()), show, opts)
        .map(Cursor::into_inner)
        .unwrap_or_default()
}

/// Streams the zip of one CSV per drone to `out` (drones made and compressed in parallel,
/// written in order: the same bytes as [`write_drone_csv_zip`] at any thread count).
/// Returns `out`.
///
/// # Errors
/// The writer's.
pub fn write_drone_csv_zip_to<W: Write + Seek>(
    out: W,
    show: &FlightShow,
    opts: &CsvOptions,
) -> io::Result<W> {
    let end = show.duration_s();
    let step_ms = (1000.0 / opts.fps).round().max(1.0) as i64;
    let last_ms = (end * 1000.0).ceil() as i64;
    write_zip_par(out, show.drones.len(), 1, |i| {
        let d = &show.drones[i];
        (format!("{}.csv", d.name), drone_csv(d, step_ms, last_ms))
    })
}

/// One drone's CSV: a row every `step_ms` from 0, and one at `last_ms`.
fn drone_csv(d: &Drone, step_ms: i64, last_ms: i64) -> Vec<u8> {
    let rows = (last_ms / step_ms + 2).max(1) as usize;
    let mut s = Vec::with_capacity(40 + rows * 44);
    s.extend_from_slice(b"Time_msec,x_m,y_m,z_m,Red,Green,Blue\n");
    let mut position = PositionWalk::new(&d.trajectory);
    let mut color = ColorWalk::new(&d.lights);
    let mut row = Row::new();
    let mut t = 0;
    loop {
        let ts = t as f64 / 1000.0;
        let p = position.at(ts);
        let c = color.at(ts);
        if !fast_row(&mut row, t, p, c) {
            push_row(&mut s, t, p, c);
        } else {
            s.extend_from_slice(row.as_bytes());
        }
        if t >= last_ms {
            break;
        }
        t = (t + step_ms).min(last_ms);
    }
    s
}

/// The row at `t` ms built in `row` (cleared first); false when a coordinate needs
/// `format!` ([`Row::fixed3`]): the row is then made by [`push_row`].
#[inline]
fn fast_row(row: &mut Row, t: i64, p: Vec3, c: Rgb) -> bool {
    row.clear();
    row.i64(t);
    for v in [p.x, p.y, p.z] {
        row.byte(b',');
        if !row.fixed3(v) {
            return false;
        }
    }
    for v in [c.r, c.g, c.b] {
        row.byte(b',');
        row.u64(u64::from(v));
    }
    row.byte(b'\n');
    true
}

/// The row at `t` ms appended number by number (any value).
fn push_row(s: &mut Vec<u8>, t: i64, p: Vec3, c: Rgb) {
    push_i64(s, t);
    for v in [p.x, p.y, p.z] {
        s.push(b',');
        push_fixed3(s, v);
    }
    for v in [c.r, c.g, c.b] {
        s.push(b',');
        push_u64(s, u64::from(v));
    }
    s.push(b'\n');
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use skyshow_model::{LightProgram, LightStep, Segment, Trajectory};

    /// The rows as `format!` writes them: the reference the fast writer must match.
    fn reference_csv(d: &Drone, step_ms: i64, last_ms: i64) -> String {
        let mut s = String::from("Time_msec,x_m,y_m,z_m,Red,Green,Blue\n");
        let mut t = 0;
        loop {
            let ts = t as f64 / 1000.0;
            let p = d.trajectory.position(ts);
            let c = d.lights.color_at(ts);
            let _ = writeln!(
                s,
                "{t},{:.3},{:.3},{:.3},{},{},{}",
                p.x, p.y, p.z, c.r, c.g, c.b
            );
            if t >= last_ms {
                break;
            }
            t = (t + step_ms).min(last_ms);
        }
        s
    }

    fn drone(k: usize) -> Drone {
        let start = Vec3::new(-3.3 * k as f64, 0.1 * k as f64, 0.0);
        let mut tr = Trajectory::new(start);
        tr.hold_until(1.0);
        let top = Vec3::new(17.123_45, -2.000_5 * k as f64, 31.7);
        tr.push(Segment::line(1.0, 9.37, start, top));
        tr.push(Segment::quadratic(
            9.37,
            15.0,
            top,
            Vec3::new(-40.0, 8.0, 60.0),
            Vec3::new(0.0005, -0.0005, 12.0),
        ));
        Drone {
            name: format!("Drone {k}"),
            home: start,
            trajectory: tr,
            lights: LightProgram {
                steps: vec![LightStep {
                    t0: 2.0,
                    t1: 6.0,
                    from: Rgb::new(0, 10, 200),
                    to: Rgb::new(255, 128, 3),
                }],
                bytecode: vec![],
            },
        }
    }

    #[test]
    fn fast_rows_match_formatted_rows() {
        for k in 0..20 {
            let d = drone(k);
            for (step, last) in [(250, 15_000), (100, 15_003), (7, 14_999)] {
                assert_eq!(
                    String::from_utf8(drone_csv(&d, step, last)).unwrap(),
                    reference_csv(&d, step, last)
                );
            }
        }
        // Coordinates only `format!` writes (huge, not finite) take the slow row.
        let mut d = drone(3);
        let far = Vec3::new(2.5e12, -1.0e15, f64::NAN);
        let end = d.trajectory.segments[d.trajectory.segments.len() - 1].end();
        d.trajectory.push(Segment::line(15.0, 16.0, end, far));
        assert_eq!(
            String::from_utf8(drone_csv(&d, 250, 16_000)).unwrap(),
            reference_csv(&d, 250, 16_000)
        );
    }

    #[test]
    fn streamed_zip_is_the_in_memory_zip() {
        let show = FlightShow {
            title: "t".into(),
            drones: (0..40).map(drone).collect(),
            ..FlightShow::default()
        };
        let opts = CsvOptions::DEFAULT;
        let a = write_drone_csv_zip(&show, &opts);
        let b = write_drone_csv_zip_to(Cursor::new(Vec::new()), &show, &opts)
            .unwrap()
            .into_inner();
        assert_eq!(a, b);
        let mut z = zip::ZipArchive::new(Cursor::new(a)).unwrap();
        assert_eq!(z.len(), 40);
        let mut text = String::new();
        std::io::Read::read_to_string(&mut z.by_name("Drone 3.csv").unwrap(), &mut text).unwrap();
        let end = show.duration_s();
        assert_eq!(
            text,
            reference_csv(&show.drones[3], 250, (end * 1000.0).ceil() as i64)
        );
    }
}
