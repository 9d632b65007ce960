//! `report.json`: what was built and how safe it is (keys as PRODUCT.md specifies).

use serde_json::{Map, Value, json};
use skyshow_i18n::Message;
use skyshow_model::{Limits, Warning};
use skyshow_validate::Validation;

use crate::PyroSection;
use crate::emergency_section::EmergencySection;
use crate::json::num;
use crate::report_motion::MotionRow;

/// The show line of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportShow {
    /// Title.
    pub title: String,
    /// Number of drones.
    pub drones: usize,
    /// Duration, seconds.
    pub duration_s: f64,
}

/// One formation of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct FormationRow {
    /// Name.
    pub name: String,
    /// Chapter name.
    pub chapter: String,
    /// Start, seconds.
    pub start_s: f64,
    /// End, seconds.
    pub end_s: f64,
    /// Drones in the picture (the rest are parked).
    pub drones_used: usize,
    /// Smallest spacing, metres.
    pub min_spacing_m: f64,
    /// Ideal spacing, metres, where defined.
    pub ideal_spacing_m: Option<f64>,
    /// Largest distance from the drawn shape to the nearest point (Hausdorff), metres,
    /// for formations sampled from artwork.
    pub max_shape_distance_m: Option<f64>,
    /// For artwork traced along its lines: the share of the lines' length (0–1) that
    /// another line runs closer to than the ideal spacing, where the ideal is out of reach.
    pub close_lines_share: Option<f64>,
    /// How it moves during its hold (`None`: it holds still).
    pub motion: Option<MotionRow>,
}

/// One transition of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct TransitionRow {
    /// From.
    pub from: String,
    /// To.
    pub to: String,
    /// Start, seconds.
    pub start_s: f64,
    /// Duration, seconds.
    pub duration_s: f64,
    /// Bottleneck lower bound, seconds.
    pub lower_bound_s: f64,
    /// Smallest distance during it, metres.
    pub min_distance_m: f64,
    /// Planning wall time, ms.
    pub planning_ms: f64,
    /// `direct` or `expanded`.
    pub method: String,
    /// Sum of squared distances of the assignment, m².
    pub cost_sum_sq: f64,
}

/// A format problem found when reading a `.skyc`.
#[derive(Clone, Debug, PartialEq)]
pub struct FormatRow {
    /// Drone index, if the problem is in one drone.
    pub drone: Option<usize>,
    /// Rule id.
    pub rule: String,
    /// What is wrong (`report.json` carries it in English).
    pub message: Message,
}

/// A finding that is not a violation: it does not change the exit code, but the crew
/// should know (`report.json` `warnings`, the summary).
#[derive(Clone, Debug, PartialEq)]
pub struct WarningRow {
    /// Stable snake_case identifier of what it is about, e.g. `velocity_step`.
    pub kind: String,
    /// One sentence for the crew (report.json carries it in English, the summary in the
    /// user's language).
    pub message: Message,
    /// The show-file entry it comes from, or `""`.
    pub source: String,
    /// When, seconds on the show clock, if it is about a moment.
    pub time_s: Option<f64>,
    /// The drones involved (indices), if any.
    pub drones: Vec<usize>,
    /// The measured value, if any (unit by kind).
    pub value: Option<f64>,
    /// The threshold it is measured against, if any.
    pub limit: Option<f64>,
}

impl From<&Warning> for WarningRow {
    /// A stage's warning (import, formations, plan, …): not about a moment or drones.
    fn from(w: &Warning) -> WarningRow {
        WarningRow {
            kind: w.kind.clone(),
            message: w.message.clone(),
            source: w.source.clone(),
            time_s: None,
            drones: Vec::new(),
            value: None,
            limit: None,
        }
    }
}

impl WarningRow {
    /// The warnings of a validation (velocity steps within the warning threshold).
    pub fn from_validation(v: &Validation, name: &dyn Fn(usize) -> String) -> Vec<WarningRow> {
        v.warnings
            .iter()
            .map(|w| WarningRow {
                kind: w.kind.as_str().to_string(),
                message: skyshow_i18n::msg!(
                    "report-velocity-step",
                    drones = w
                        .drones
                        .iter()
                        .map(|&d| name(d))
                        .collect::<Vec<_>>()
                        .join(" & "),
                    value = format!("{:.3}", w.value),
                    time = format!("{:.3}", w.time_s),
                    limit = format!("{:.3}", w.limit)
                ),
                source: w.source.clone(),
                time_s: Some(w.time_s),
                drones: w.drones.clone(),
                value: Some(w.value),
                limit: Some(w.limit),
            })
            .collect()
    }
}

/// Everything the report says.
#[derive(Clone, Debug)]
pub struct Report<'a> {
    /// The show.
    pub show: ReportShow,
    /// Limits checked against.
    pub limits: Limits,
    /// Validation result.
    pub validation: &'a Validation,
    /// Format problems (from reading a `.skyc`).
    pub format: Vec<FormatRow>,
    /// Drone names, by index.
    pub drone_names: Vec<String>,
    /// Largest light program, bytes.
    pub max_light_program_bytes: usize,
    /// Formations (empty for `check`).
    pub formations: Vec<FormationRow>,
    /// Transitions (empty for `check`).
    pub transitions: Vec<TransitionRow>,
    /// Milliseconds per stage (the only part that differs between runs, with `planning_ms`).
    pub timing_ms: Vec<(String, f64)>,
    /// Fireworks and other show elements (`None` for shows without them, and `check`).
    pub pyro: Option<PyroSection>,
    /// Findings that are not violations, besides the validation's own warnings (which
    /// `report.json` lists first).
    pub warnings: Vec<WarningRow>,
    /// The return-to-home plan (`None` when the show has none).
    pub emergency: Option<EmergencySection>,
}

impl Report<'_> {
    /// Total number of violations, format problems included.
    pub fn violation_count(&self) -> usize {
        self.validation.violations_total
            + self.format.len()
            + self.pyro.as_ref().map_or(0, |p| p.violations.len())
            + self.emergency.as_ref().map_or(0, |e| e.conflicts.len())
    }

    /// Every warning: the validation's, then the other stages'.
    pub fn all_warnings(&self) -> Vec<WarningRow> {
        let name = |i: usize| self.drone_name(i);
        let mut w = WarningRow::from_validation(self.validation, &name);
        w.extend(self.warnings.iter().cloned());
        w
    }

    /// Total number of warnings (the validation's uncapped count plus the other stages').
    pub fn warning_count(&self) -> usize {
        self.validation.warnings_total + self.warnings.len()
    }

    /// The report's name of drone `i`.
    pub fn drone_name(&self, i: usize) -> String {
        self.drone_names
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("Drone {}", i + 1))
    }

    /// The report as a JSON value.
    pub fn to_json(&self) -> Value {
        let name = |i: usize| self.drone_name(i);
        let mut root = Map::new();
        root.insert("valid".into(), json!(self.violation_count() == 0));
        root.insert(
            "show".into(),
            json!({ "title": self.show.title, "drones": self.show.drones, "duration_s": num(self.show.duration_s, 3) }),
        );
        root.insert("limits".into(), self.limits_json());
        root.insert("measured".into(), self.measured_json());
        root.insert("violations_total".into(), json!(self.violation_count()));
        root.insert("violations".into(), Value::Array(self.violations_json()));
        root.insert("warnings_total".into(), json!(self.warning_count()));
        root.insert("warnings".into(), self.warnings_json());
        root.insert("formations".into(), self.formations_json());
        root.insert("transitions".into(), self.transitions_json());
        if let Some(p) = &self.pyro {
            root.insert("pyro".into(), p.to_json(&name));
        }
        if let Some(e) = &self.emergency {
            root.insert("emergency".into(), e.to_json(&name));
        }
        let timing: Map<String, Value> = self
            .timing_ms
            .iter()
            .map(|(k, v)| (k.clone(), num(*v, 3)))
            .collect();
        root.insert("timing_ms".into(), Value::Object(timing));
        Value::Object(root)
    }

    /// `violations`: the format findings, the validator's, the fireworks' and the emergency
    /// return's, in that order.
    fn violations_json(&self) -> Vec<Value> {
        let name = |i: usize| self.drone_name(i);
        let mut violations: Vec<Value> = self
            .format
            .iter()
            .map(|f| {
                json!({
                    "kind": format!("format_{}", f.rule),
                    "time_s": Value::Null,
                    "drones": f.drone.map(|d| vec![name(d)]).unwrap_or_default(),
                    "value": Value::Null,
                    "limit": Value::Null,
                    "source": f.message.english(),
                })
            })
            .collect();
        violations.extend(self.validation.violations.iter().map(|v| {
            json!({
                "kind": v.kind.as_str(),
                "time_s": num(v.time_s, 3),
                "drones": v.drones.iter().map(|&d| name(d)).collect::<Vec<_>>(),
                "value": num(v.value, 4),
                "limit": num(v.limit, 4),
                "source": v.source,
            })
        }));
        if let Some(p) = &self.pyro {
            violations.extend(
                p.violations
                    .iter()
                    .map(|v| PyroSection::violation_json(v, &name)),
            );
        }
        if let Some(e) = &self.emergency {
            violations.extend(
                e.conflicts
                    .iter()
                    .map(|c| EmergencySection::violation_json(c, &name)),
            );
        }
        violations
    }

    /// `limits`: what the show was checked against.
    fn limits_json(&self) -> Value {
        let l = &self.limits;
        json!({
            "min_distance_m": num(l.min_distance_m, 4),
            "max_speed_xy_m_s": num(l.max_speed_xy_m_s, 4),
            "max_speed_up_m_s": num(l.max_speed_up_m_s, 4),
            "max_speed_down_m_s": num(l.max_speed_down_m_s, 4),
            "max_accel_m_s2": num(l.max_accel_m_s2, 4),
            "max_altitude_m": num(l.max_altitude_m, 4),
            "min_nav_altitude_m": num(l.min_nav_altitude_m, 4),
            "battery_s": num(l.battery_s, 3),
            "takeoff_spacing_m": num(l.takeoff_spacing_m, 4),
        })
    }

    /// `measured`: the extremes the validator found.
    fn measured_json(&self) -> Value {
        let m = &self.validation.measured;
        let name = |i: usize| self.drone_name(i);
        json!({
            "min_distance_m": num(m.min_distance_m, 4),
            "min_distance_at_s": num(m.min_distance_at_s, 3),
            "min_distance_drones": m.min_distance_drones.map(|(a, b)| vec![name(a), name(b)]).unwrap_or_default(),
            "max_speed_xy_m_s": num(m.max_speed_xy_m_s, 4),
            "max_speed_up_m_s": num(m.max_speed_up_m_s, 4),
            "max_speed_down_m_s": num(m.max_speed_down_m_s, 4),
            "max_accel_m_s2": num(m.max_accel_m_s2, 4),
            "max_velocity_step_m_s": num(m.max_velocity_step_m_s, 4),
            "max_altitude_m": num(m.max_altitude_m, 4),
            "max_flight_time_s": num(m.max_flight_time_s, 3),
            "max_light_program_bytes": self.max_light_program_bytes,
        })
    }

    /// `warnings`: every warning with its place.
    fn warnings_json(&self) -> Value {
        let name = |i: usize| self.drone_name(i);
        Value::Array(
            self.all_warnings()
                .iter()
                .map(|w| {
                    json!({
                        "kind": w.kind,
                        "message": w.message.english(),
                        "source": w.source,
                        "time_s": w.time_s.map_or(Value::Null, |t| num(t, 3)),
                        "drones": w.drones.iter().map(|&d| name(d)).collect::<Vec<_>>(),
                        "value": w.value.map_or(Value::Null, |v| num(v, 4)),
                        "limit": w.limit.map_or(Value::Null, |v| num(v, 4)),
                    })
                })
                .collect(),
        )
    }

    /// `formations`: one row per formation, with its motion when it moves.
    fn formations_json(&self) -> Value {
        Value::Array(
            self.formations
                .iter()
                .map(|f| {
                    let mut row = json!({
                        "name": f.name,
                        "chapter": f.chapter,
                        "start_s": num(f.start_s, 3),
                        "end_s": num(f.end_s, 3),
                        "drones_used": f.drones_used,
                        "min_spacing_m": num(f.min_spacing_m, 4),
                        "ideal_spacing_m": f.ideal_spacing_m.map_or(Value::Null, |v| num(v, 4)),
                        "max_shape_distance_m": f.max_shape_distance_m.map_or(Value::Null, |v| num(v, 4)),
                        "close_lines_share": f.close_lines_share.map_or(Value::Null, |v| num(v, 3)),
                    });
                    if let (Some(m), Some(map)) = (&f.motion, row.as_object_mut()) {
                        map.insert("motion".into(), m.to_json());
                    }
                    row
                })
                .collect(),
        )
    }

    /// `transitions`: one row per transition, with its lower bound and method.
    fn transitions_json(&self) -> Value {
        Value::Array(
            self.transitions
                .iter()
                .map(|t| {
                    json!({
                        "from": t.from,
                        "to": t.to,
                        "start_s": num(t.start_s, 3),
                        "duration_s": num(t.duration_s, 3),
                        "lower_bound_s": num(t.lower_bound_s, 3),
                        "min_distance_m": num(t.min_distance_m, 4),
                        "planning_ms": num(t.planning_ms, 3),
                        "method": t.method,
                        "cost_sum_sq": num(t.cost_sum_sq, 3),
                    })
                })
                .collect(),
        )
    }
}

/// `report.json` bytes (pretty-printed, newline-terminated).
pub fn write_report_json(report: &Report<'_>) -> Vec<u8> {
    let mut v = serde_json::to_vec_pretty(&report.to_json()).expect("JSON of plain values");
    v.push(b'\n');
    v
}
