//! A drone's `settings.rthPlan` (Skybrush's collective return-to-home plan) read as Skybrush
//! Live validates it (`validateCollectiveRTHPlan`): a landing speed above zero, entries at
//! whole seconds with a known action, a target of three numbers and durations at least
//! zero. What Live would drop is reported as a finding and left out.

use serde_json::Value;
use skyshow_model::{RthAction, RthEntry, RthPlan, Vec3};

use crate::json_path::JsonPath;
use crate::show_reader::{MAX_COORD_M, MAX_TIME_S, ShowReader, describe, field};

impl ShowReader<'_> {
    /// Drone `i`'s plan at `path`, or `None` (with a finding) when Live would count the
    /// drone as having no plan.
    pub(crate) fn rth_plan(&mut self, i: usize, v: &Value, path: &JsonPath) -> Option<RthPlan> {
        let Some(o) = v.as_object() else {
            let text = format!(
                "expected an object {{landingSpeed, entries}}, found {}",
                describe(v)
            );
            self.finding(Some(i), "rth_plan_invalid", path, &text);
            return None;
        };
        let speed = field(o, "landingSpeed").and_then(Value::as_f64);
        let Some(landing_speed_m_s) = speed.filter(|s| s.is_finite() && *s > 0.0 && *s < 100.0)
        else {
            let text = "landingSpeed must be a number above 0 (Skybrush Live then counts the drone as having no plan)";
            self.finding(Some(i), "rth_plan_invalid", &path.key("landingSpeed"), text);
            return None;
        };
        let landing_altitude_m = field(o, "landingAltitude")
            .and_then(Value::as_f64)
            .filter(|a| a.is_finite() && a.abs() <= MAX_COORD_M)
            .unwrap_or(0.0);
        let list = field(o, "entries").and_then(Value::as_array);
        let Some(list) = list else {
            self.finding(
                Some(i),
                "rth_plan_invalid",
                &path.key("entries"),
                "expected an array of entries",
            );
            return None;
        };
        let mut entries: Vec<RthEntry> = Vec::with_capacity(list.len());
        for (k, e) in list.iter().enumerate() {
            let ep = path.key("entries").index(k);
            match self.rth_entry(e, &ep) {
                Ok(entry) => {
                    if entries.last().is_some_and(|l| l.time_s >= entry.time_s) {
                        self.finding(
                            Some(i),
                            "rth_plan_order",
                            &ep.key("time"),
                            "entry times must increase; entry left out",
                        );
                    } else {
                        entries.push(entry);
                    }
                }
                Err(text) => self.finding(
                    Some(i),
                    "rth_plan_entry",
                    &ep,
                    &format!("{text}; entry left out (as Skybrush Live does)"),
                ),
            }
        }
        Some(RthPlan {
            landing_speed_m_s,
            landing_altitude_m,
            entries,
        })
    }

    fn rth_entry(&self, v: &Value, path: &JsonPath) -> Result<RthEntry, String> {
        let o = v
            .as_object()
            .ok_or_else(|| format!("expected an object, found {}", describe(v)))?;
        let num = |key: &str, default: Option<f64>| -> Result<f64, String> {
            match field(o, key) {
                None => default.ok_or_else(|| format!("{key} is missing")),
                Some(x) => x
                    .as_f64()
                    .filter(|x| x.is_finite() && *x >= 0.0 && *x <= MAX_TIME_S)
                    .ok_or_else(|| {
                        format!(
                            "{key} must be a number of seconds at least 0, found {}",
                            describe(x)
                        )
                    }),
            }
        };
        let time_s = num("time", None)?;
        if time_s.fract() != 0.0 {
            return Err(format!("time {time_s} is not a whole number of seconds"));
        }
        let action = match field(o, "action") {
            Some(Value::String(s)) => RthAction::parse(s).ok_or_else(|| {
                format!("unknown action {s:?} (land, goToKeepAlt or goToStraight)")
            })?,
            other => {
                return Err(format!(
                    "action must be a string, found {}",
                    other.map_or("nothing".into(), describe)
                ));
            }
        };
        let target = match field(o, "target") {
            Some(t) => self
                .point(t, &path.key("target"))
                .map_err(|e| e.to_string())?,
            None if action == RthAction::Land => Vec3::ZERO,
            None => return Err("target is missing".into()),
        };
        Ok(RthEntry {
            time_s,
            action,
            target,
            duration_s: num("duration", Some(0.0))?,
            pre_delay_s: num("preDelay", Some(0.0))?,
            post_delay_s: num("postDelay", Some(0.0))?,
        })
    }
}
