//! Per-drone CSV in Skybrush Studio's import format, zipped: one `Drone N.csv` per drone with
//! `Time_msec,x_m,y_m,z_m,Red,Green,Blue` rows.

use std::fmt::Write as _;

use rayon::prelude::*;
use skyshow_model::FlightShow;

use crate::zipper::zip_members;

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

/// A zip of one CSV per drone.
pub fn write_drone_csv_zip(show: &FlightShow, opts: &CsvOptions) -> Vec<u8> {
    let end = show.duration_s();
    let step_ms = (1000.0 / opts.fps).round().max(1.0) as i64;
    let last_ms = (end * 1000.0).ceil() as i64;
    let members: Vec<(String, Vec<u8>)> = show
        .drones
        .par_iter()
        .map(|d| {
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
            (format!("{}.csv", d.name), s.into_bytes())
        })
        .collect();
    zip_members(&members, 1)
}
