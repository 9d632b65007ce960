//! Per-drone paths from one CSV file: the points format with a time column. The header
//! names the columns: a time (`time_s`, `t` or `time` in seconds, or `Time_msec` in
//! milliseconds), `x`, `y`, `z` (or `x_m`, `y_m`, `z_m`), optionally a drone column (`drone`,
//! `id` or `name`) and colours (`r`, `g`, `b` or `Red`, `Green`, `Blue`). Without a drone
//! column, the rows of one time are the drones in order. Times must increase per drone.

use skyshow_i18n::{Message, msg};
use skyshow_model::{Rgb, Vec3};

/// One drone's samples: `(time s, position, colour)`, times strictly increasing.
#[derive(Clone, Debug, PartialEq)]
pub struct TrackCsv {
    /// The drone's name or id as written (its order number when the file has none).
    pub name: String,
    /// Its rows.
    pub samples: Vec<(f64, Vec3, Option<Rgb>)>,
}

/// Column indices found in the header.
struct Columns {
    time: usize,
    time_scale: f64,
    drone: Option<usize>,
    xyz: [usize; 3],
    rgb: Option<[usize; 3]>,
}

fn find(header: &[String], names: &[&str]) -> Option<usize> {
    header
        .iter()
        .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
}

impl Columns {
    fn from_header(header: &[String]) -> Result<Columns, Message> {
        let (time, time_scale) = match (
            find(header, &["time_s", "t", "time"]),
            find(header, &["time_msec", "time_ms"]),
        ) {
            (Some(i), _) => (i, 1.0),
            (None, Some(i)) => (i, 0.001),
            (None, None) => {
                return Err(msg!("track-csv-no-time"));
            }
        };
        let axis = |a: &str| {
            find(header, &[a, &format!("{a}_m")])
                .ok_or_else(|| msg!("track-csv-no-column", column = a))
        };
        let xyz = [axis("x")?, axis("y")?, axis("z")?];
        let rgb = match (
            find(header, &["r", "red"]),
            find(header, &["g", "green"]),
            find(header, &["b", "blue"]),
        ) {
            (Some(r), Some(g), Some(b)) => Some([r, g, b]),
            _ => None,
        };
        Ok(Columns {
            time,
            time_scale,
            drone: find(header, &["drone", "id", "name"]),
            xyz,
            rgb,
        })
    }
}

/// Most rows a file may hold.
const MAX_ROWS: usize = 20_000_000;

/// Parses the text; errors give the 1-based line and what is wrong.
pub fn parse_track_csv(text: &str) -> Result<Vec<TrackCsv>, (usize, Message)> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim().trim_start_matches('\u{feff}')))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'));
    let Some((hl, header)) = lines.next() else {
        return Err((1, msg!("points-csv-empty")));
    };
    let header: Vec<String> = header
        .split(',')
        .map(|h| h.trim().trim_matches('"').to_string())
        .collect();
    let cols = Columns::from_header(&header).map_err(|e| (hl, e))?;
    let mut set = TrackSet::new();
    let mut rows = 0usize;
    for (ln, line) in lines {
        rows += 1;
        if rows > MAX_ROWS {
            return Err((ln, msg!("track-csv-too-many-rows", max = MAX_ROWS)));
        }
        let cells: Vec<&str> = line
            .split(',')
            .map(|c| c.trim().trim_matches('"'))
            .collect();
        let (t, p, c) = row_values(&cols, &cells, ln)?;
        let drone = cols
            .drone
            .map(|i| cells.get(i).map_or_else(String::new, |s| (*s).to_string()));
        set.push(ln, drone, (t, p, c))?;
    }
    if set.tracks.is_empty() {
        return Err((hl, msg!("track-csv-no-rows")));
    }
    Ok(set.tracks)
}

/// One row's time (seconds), position and colour (when the file has colour columns).
fn row_values(
    cols: &Columns,
    cells: &[&str],
    ln: usize,
) -> Result<(f64, Vec3, Option<Rgb>), (usize, Message)> {
    let num = |i: usize, what: &str| -> Result<f64, (usize, Message)> {
        let c = cells
            .get(i)
            .ok_or_else(|| (ln, msg!("track-csv-no-value", column = what)))?;
        let v: f64 = c.parse().map_err(|_| {
            (
                ln,
                msg!("track-csv-not-a-number", column = what, value = *c),
            )
        })?;
        if v.is_finite() {
            Ok(v)
        } else {
            Err((ln, msg!("track-csv-not-finite", column = what)))
        }
    };
    let t = num(cols.time, "time")? * cols.time_scale;
    let p = Vec3::new(
        num(cols.xyz[0], "x")?,
        num(cols.xyz[1], "y")?,
        num(cols.xyz[2], "z")?,
    );
    let c = match cols.rgb {
        Some([r, g, b]) => {
            let ch = |i, w| num(i, w).map(|v| v.round().clamp(0.0, 255.0) as u8);
            Some(Rgb::new(ch(r, "r")?, ch(g, "g")?, ch(b, "b")?))
        }
        None => None,
    };
    Ok((t, p, c))
}

/// The tracks read so far, in the order their drones first appear.
struct TrackSet {
    tracks: Vec<TrackCsv>,
    by_name: std::collections::BTreeMap<String, usize>,
    /// Without a drone column: the time of the rows being counted…
    frame_time: f64,
    /// …and how many rows of it came so far (a row's drone is its place within its time).
    in_frame: usize,
}

impl TrackSet {
    fn new() -> TrackSet {
        TrackSet {
            tracks: Vec::new(),
            by_name: std::collections::BTreeMap::new(),
            frame_time: f64::NAN,
            in_frame: 0,
        }
    }

    /// Adds line `ln`'s sample to drone `drone`'s track (`None` without a drone column);
    /// times must rise along each track.
    fn push(
        &mut self,
        ln: usize,
        drone: Option<String>,
        sample: (f64, Vec3, Option<Rgb>),
    ) -> Result<(), (usize, Message)> {
        let t = sample.0;
        let name = match drone {
            Some(name) => name,
            None => {
                if t != self.frame_time {
                    self.frame_time = t;
                    self.in_frame = 0;
                }
                self.in_frame += 1;
                self.in_frame.to_string()
            }
        };
        let tracks = &mut self.tracks;
        let k = *self.by_name.entry(name.clone()).or_insert_with(|| {
            tracks.push(TrackCsv {
                name,
                samples: Vec::new(),
            });
            tracks.len() - 1
        });
        let track = &mut tracks[k];
        if let Some(last) = track.samples.last()
            && t <= last.0
        {
            return Err((
                ln,
                msg!(
                    "track-csv-time-order",
                    drone = track.name.as_str(),
                    time = t,
                    previous = last.0
                ),
            ));
        }
        track.samples.push(sample);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_drones_by_column_or_by_order() {
        let named = "time_s,drone,x,y,z\n0,a,0,0,10\n0,b,5,0,10\n1,a,0,1,10\n1,b,5,1,10\n";
        let t = parse_track_csv(named).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].samples[1].1, Vec3::new(5.0, 1.0, 10.0));
        let ordered = "Time_msec,x_m,y_m,z_m,Red,Green,Blue\n0,0,0,10,255,0,0\n0,5,0,10,0,255,0\n500,0,1,10,255,0,0\n500,5,1,10,0,255,0\n";
        let t = parse_track_csv(ordered).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].samples[1].0, 0.5);
        assert_eq!(t[1].samples[0].2, Some(Rgb::new(0, 255, 0)));
    }

    #[test]
    fn refuses_times_going_backwards() {
        let e = parse_track_csv("time_s,drone,x,y,z\n1,a,0,0,10\n0.5,a,0,1,10\n").unwrap_err();
        assert_eq!(e.0, 3);
        assert!(e.1.english().contains("does not come after"), "{}", e.1);
        assert!(
            parse_track_csv("x,y,z\n0,0,0\n")
                .unwrap_err()
                .1
                .english()
                .contains("time column")
        );
    }
}
