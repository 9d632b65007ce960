//! Trajectory JSON (reference §1.5) to a [`Trajectory`]: points `[t, [x, y, z], [controls]]`,
//! 0/1/2 inner control points for linear / quadratic / cubic segments (stored as cubics),
//! times shifted by `takeoffTime`. Soft problems are gathered per drone and rule, so a file
//! with a million bad points gives one finding per rule, not a million.

use std::collections::BTreeMap;

use serde_json::Value;
use skyshow_i18n::{Message, msg};
use skyshow_model::{Segment, Trajectory, Vec3};

use crate::SkycError;
use crate::compact_points::{CompactPoints, PointTable, vec3};
use crate::json_path::JsonPath;
use crate::show_reader::{MAX_COORD_M, MAX_TIME_S, ShowReader, describe, field};

/// Where a trajectory's points are: JSON values, or parsed compactly.
enum Points<'v> {
    Json(&'v [Value]),
    Compact(&'v CompactPoints),
}

impl Points<'_> {
    fn len(&self) -> usize {
        match self {
            Points::Json(a) => a.len(),
            Points::Compact(c) => c.len(),
        }
    }
}

/// Soft problems of one trajectory: rule → (first point index, count, text).
#[derive(Default)]
struct Notes(BTreeMap<&'static str, (usize, usize, Message)>);

impl Notes {
    fn add(&mut self, rule: &'static str, k: usize, text: impl FnOnce() -> Message) {
        self.0
            .entry(rule)
            .and_modify(|e| e.1 += 1)
            .or_insert_with(|| (k, 1, text()));
    }
}

/// A cubic with the same ends and end tangents as the Bézier through `a`, `ctrl…`, `b` (exact
/// for up to two control points).
fn segment(t0: f64, t1: f64, a: Vec3, ctrl: &[Vec3], b: Vec3) -> Segment {
    match ctrl {
        [] => Segment::line(t0, t1, a, b),
        [c] => Segment::quadratic(t0, t1, a, *c, b),
        [c1, c2] => Segment::cubic(t0, t1, [a, *c1, *c2, b]),
        [first, .., last] => {
            let k = (ctrl.len() + 1) as f64 / 3.0;
            Segment::cubic(t0, t1, [a, a + (*first - a) * k, b - (b - *last) * k, b])
        }
    }
}

impl ShowReader<'_> {
    /// Reads `settings.trajectory` of drone `i`; `table` holds compactly parsed points.
    pub(crate) fn trajectory(
        &mut self,
        i: usize,
        v: &Value,
        path: &JsonPath,
        table: &PointTable,
    ) -> Result<Trajectory, SkycError> {
        let Some(obj) = v.as_object() else {
            return Err(self.schema(
                path,
                msg!(
                    "skyc-expected-found",
                    shape = r#"{"version": 1, "points": [...]}"#,
                    found = describe(v)
                ),
            ));
        };
        let takeoff = self.takeoff_time(obj, path)?;
        let pp = path.key("points");
        let points = self.points_of(obj, &pp, table)?;
        let mut notes = Notes::default();
        let (start, segments) = self.segments(&points, &pp, takeoff, &mut notes)?;
        for (rule, (k, count, text)) in notes.0 {
            let text = if count > 1 {
                msg!("skyc-and-more", text = text, count = count - 1)
            } else {
                text
            };
            self.finding(Some(i), rule, &pp.index(k), text);
        }
        Ok(Trajectory { start, segments })
    }

    /// Checks the trajectory's `version` (1) and `landingTime`; its `takeoffTime` (default 0),
    /// seconds, which every point's time is shifted by.
    fn takeoff_time(
        &mut self,
        obj: &serde_json::Map<String, Value>,
        path: &JsonPath,
    ) -> Result<f64, SkycError> {
        match field(obj, "version") {
            Some(x) if x.as_f64() == Some(1.0) => {}
            Some(x) => {
                let text = msg!("skyc-trajectory-version", found = describe(x));
                return Err(self.schema(&path.key("version"), text));
            }
            None => {
                return Err(self.schema(
                    &path.key("version"),
                    msg!("skyc-trajectory-version-missing"),
                ));
            }
        }
        let takeoff = match field(obj, "takeoffTime") {
            None => 0.0,
            Some(t) => self.number(
                t,
                &path.key("takeoffTime"),
                msg!("skyc-what-takeoff"),
                MAX_TIME_S,
            )?,
        };
        if let Some(t) = field(obj, "landingTime") {
            self.number(
                t,
                &path.key("landingTime"),
                msg!("skyc-what-landing"),
                MAX_TIME_S,
            )?;
        }
        Ok(takeoff)
    }

    /// The trajectory's `points` (at `pp`): compactly parsed when `table` has them, never
    /// empty, at most `max_points_per_drone`.
    fn points_of<'v>(
        &mut self,
        obj: &'v serde_json::Map<String, Value>,
        pp: &JsonPath,
        table: &'v PointTable,
    ) -> Result<Points<'v>, SkycError> {
        let pv = field(obj, "points");
        let points = match (
            pv.and_then(|v| table.lookup(v, pp)),
            pv.and_then(Value::as_array),
        ) {
            (Some(c), _) if c.len() > 0 => Points::Compact(c),
            (None, Some(a)) if !a.is_empty() => Points::Json(a),
            _ => {
                return Err(self.schema(pp, msg!("skyc-points-empty")));
            }
        };
        if points.len() > self.opts.max_points_per_drone {
            let (member, path) = self.locate(pp);
            return Err(SkycError::TooManyPoints {
                member,
                path,
                count: points.len(),
                max: self.opts.max_points_per_drone,
            });
        }
        Ok(points)
    }

    /// The trajectory's start and segments from its points (times shifted by `takeoff`);
    /// soft problems go to `notes`.
    fn segments(
        &mut self,
        points: &Points<'_>,
        pp: &JsonPath,
        takeoff: f64,
        notes: &mut Notes,
    ) -> Result<(Vec3, Vec<Segment>), SkycError> {
        let mut ctrl: Vec<Vec3> = Vec::new();
        let mut start = Vec3::ZERO;
        let mut prev = (0.0, Vec3::ZERO);
        let mut segments = Vec::with_capacity(points.len().saturating_sub(1));
        for k in 0..points.len() {
            let (t, pos) = match points {
                Points::Json(a) => self.read_point(&a[k], pp, k, &mut ctrl, notes)?,
                Points::Compact(c) => self.read_compact_point(c, pp, k, &mut ctrl, notes)?,
            };
            if k == 0 {
                if !ctrl.is_empty() {
                    notes.add("first_point_controls", k, || {
                        msg!("skyc-first-point-controls")
                    });
                }
                start = pos;
                prev = (t, pos);
                continue;
            }
            if ctrl.len() > 2 {
                let n = ctrl.len();
                notes.add("too_many_control_points", k, || {
                    msg!("skyc-too-many-controls", count = n.to_string())
                });
            }
            let dt = t - prev.0;
            let ms = (dt * 1000.0).round();
            if ms == 0.0 {
                notes.add("time_stands_still", k, || {
                    let id = if dt > 0.0 {
                        "skyc-time-still"
                    } else {
                        "skyc-time-still-ignored"
                    };
                    Message::new(id).arg("dt", dt)
                });
            } else if ms < 0.0 {
                notes.add("time_backwards", k, || {
                    msg!("skyc-time-backwards", dt = -dt)
                });
            }
            if dt > 0.0 {
                segments.push(segment(prev.0 + takeoff, t + takeoff, prev.1, &ctrl, pos));
                prev = (t, pos);
            }
        }
        Ok((start, segments))
    }

    /// One point: its time and position; its control points go to `ctrl`.
    fn read_point(
        &mut self,
        p: &Value,
        pp: &JsonPath,
        k: usize,
        ctrl: &mut Vec<Vec3>,
        notes: &mut Notes,
    ) -> Result<(f64, Vec3), SkycError> {
        ctrl.clear();
        let bad = |this: &Self, what: Message| {
            this.schema(&pp.index(k), msg!("skyc-bad-point", what = what))
        };
        let Some(a) = p.as_array() else {
            return Err(bad(self, msg!("skyc-point-found", found = describe(p))));
        };
        if a.len() != 2 && a.len() != 3 {
            return Err(bad(self, msg!("skyc-point-found", found = describe(p))));
        }
        let t = match a[0].as_f64() {
            Some(t) if t.is_finite() && t.abs() <= MAX_TIME_S => t,
            _ => return Err(bad(self, msg!("skyc-point-time", found = describe(&a[0])))),
        };
        let pos = self
            .coords(&a[1])
            .ok_or_else(|| bad(self, msg!("skyc-point-position", found = describe(&a[1]))))?;
        if a.len() == 2 {
            notes.add("point_without_controls", k, || msg!("skyc-no-control-list"));
            return Ok((t, pos));
        }
        let Some(cs) = a[2].as_array() else {
            return Err(bad(
                self,
                msg!("skyc-point-controls", found = describe(&a[2])),
            ));
        };
        for c in cs {
            let q = self
                .coords(c)
                .ok_or_else(|| bad(self, msg!("skyc-point-control", found = describe(c))))?;
            ctrl.push(q);
        }
        Ok((t, pos))
    }

    /// Point `k` of a compactly parsed array (same checks and messages as [`Self::read_point`]).
    fn read_compact_point(
        &mut self,
        c: &CompactPoints,
        pp: &JsonPath,
        k: usize,
        ctrl: &mut Vec<Vec3>,
        notes: &mut Notes,
    ) -> Result<(f64, Vec3), SkycError> {
        ctrl.clear();
        let bad = |this: &Self, what: Message| {
            this.schema(&pp.index(k), msg!("skyc-bad-point", what = what))
        };
        let sane = |p: [f64; 3]| p.iter().all(|x| x.is_finite() && x.abs() <= MAX_COORD_M);
        let t = c.t[k];
        if !(t.is_finite() && t.abs() <= MAX_TIME_S) {
            return Err(bad(self, msg!("skyc-point-time", found = t)));
        }
        if !sane(c.pos[k]) {
            return Err(bad(
                self,
                msg!("skyc-point-position", found = format!("{:?}", c.pos[k])),
            ));
        }
        if c.short[k] {
            notes.add("point_without_controls", k, || msg!("skyc-no-control-list"));
        }
        for &q in c.controls(k) {
            if !sane(q) {
                return Err(bad(
                    self,
                    msg!("skyc-point-control", found = format!("{q:?}")),
                ));
            }
            ctrl.push(vec3(q));
        }
        Ok((t, vec3(c.pos[k])))
    }

    /// `[x, y, z]` with sane finite numbers.
    fn coords(&self, v: &Value) -> Option<Vec3> {
        let a = v.as_array().filter(|a| a.len() == 3)?;
        let c = |i: usize| {
            a[i].as_f64()
                .filter(|x| x.is_finite() && x.abs() <= MAX_COORD_M)
        };
        Some(Vec3::new(c(0)?, c(1)?, c(2)?))
    }
}
